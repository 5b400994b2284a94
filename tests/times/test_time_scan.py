"""The shared scan and the start-word dispatch only make numbers and times faster: every way
round them (no shared scan, no lower-casing, sentences cutting words) finds exactly the same."""
from __future__ import annotations

import dataclasses
import importlib
import random
import re
from datetime import date

import pytest

from telaah.document import Sentence
from telaah.numbers import extract as number_extract
from telaah.numbers import extract_numbers
from telaah.times import extract as time_extract
from telaah.times import extract_times, scan

time_lexicon = importlib.import_module("telaah.times.lexicon")  # the package exports a function of that name

TEXTS = [
    "Jakarta - Polisi menangkap 12 tersangka pada Selasa (15/8/2017) pukul 15.00 WIB. Sekitar 1.500 "
    "warga mengungsi sejak 3 hari lalu, kata Kapolres, Senin (14/8). Kerugian mencapai Rp 4,5 miliar.",
    "Dua pekan sebelum pemilu, ribuan orang berkumpul. Tiga tahun lalu, tahun 2014, harga naik 30% "
    "hingga 35 persen; pada 1990-an dua puluh lima rumah terbakar. Minggu lalu ia datang, Minggu (13/8) pagi.",
    "SEKITAR 50 ORANG TEWAS PADA JUMAT (11/8). 'Senin' lalu ia pergi, jum'at depan kembali. F-16 dan "
    "COVID-19 bukan angka; 021-555 juga bukan. Lebih dari 80 orang, kurang lebih US$ 2 miliar.",
    "Ia lahir 8 Maret 1990_an di kota ١٢ dan pindah pada bulan Juni; beberapa hari kemudian, sehari "
    "setelah pertemuan, selama tiga tahun, setiap hari Senin, akhir pekan lalu, tadi malam.",
]
ASCII_TEXTS = [  # the ASCII fast path of ``text_scan``
    "hari ini (selasa) covid19 dan 2019-2020, rp5 juta; x_hari_ ribu-ribu\n\ndua puluh\t3 tahun_ 7",
    "Dua hari lalu: 15.00 WIB, \"pukul\" 8/3/2024 -- tiga_ 1.500 orang.",
]
PUB = date(2017, 8, 16)


def _result(text, sentences):
    return ([dataclasses.asdict(c) for c in extract_numbers(text, sentences)],
            [dataclasses.asdict(t) for t in extract_times(text, sentences, PUB)])


def _spans(text: str, rng: random.Random) -> list[list[Sentence]]:
    out = [[Sentence("s0", 0, len(text), 0)]]
    for _ in range(6):  # cuts anywhere, inside words and numbers too
        cuts = sorted(rng.sample(range(1, len(text)), 8))
        bounds = [0, *cuts, len(text)]
        out.append([Sentence(f"s{i}", a, b, 0) for i, (a, b) in enumerate(zip(bounds, bounds[1:])) if b > a])
    return out


@pytest.mark.parametrize("text", TEXTS + ASCII_TEXTS)
def test_shared_scan_changes_nothing(text, monkeypatch):
    rng = random.Random(7)
    for sentences in _spans(text, rng):
        fast = _result(text, sentences)
        with monkeypatch.context() as m:  # each stage scans each sentence alone
            m.setattr(number_extract, "text_scan", lambda t: (time_lexicon.lowered(t), None))
            m.setattr(time_extract, "text_scan", lambda t: (time_lexicon.lowered(t), None))
            assert _result(text, sentences) == fast
        with monkeypatch.context() as m:  # and case-insensitive regexes on the text itself
            m.setattr(number_extract, "text_scan", lambda t: (None, None))
            m.setattr(time_extract, "text_scan", lambda t: (None, None))
            assert _result(text, sentences) == fast



@pytest.mark.parametrize("text", TEXTS + ASCII_TEXTS)
def test_whole_text_scan_is_the_union_regex(text):
    scan._local.last = None
    low, hits = scan.text_scan(text)
    assert hits == [(m.start(), m.end(), m.group()) for m in scan.union_regex().finditer(low)]


@pytest.mark.parametrize("text", TEXTS)
def test_dispatch_finds_every_pattern_match(text):
    """Each pattern tried only where ``where`` found a word it can begin with finds every match
    ``finditer`` finds over the whole text."""
    pats, where, *_ = time_extract._dispatch()
    low = text.lower()
    hits = [(m.start(), m.end(), m.group()) for m in time_extract._dispatch()[2].finditer(low)]
    cache = {}
    for kind, pat in pats:
        rank = [k for k, _ in pats].index(kind)
        for m in pat.finditer(text):
            ok = False
            for k, (a, b, found) in enumerate(hits):
                if a != m.start():
                    continue
                if found.isdecimal():
                    after = text[b] if b < len(text) else ""
                    nxt = hits[k + 1][2] if k + 1 < len(hits) and text[b:hits[k + 1][0]].isspace() else None
                    ok = rank in time_extract._digit_ranks(cache, time_extract._dispatch()[4], found, after, nxt)
                else:
                    ok = rank in time_extract._dispatch()[3][found][0]
            assert ok, (kind, m.group())


def test_lowered_refuses_case_folds_beyond_lower_case():
    assert time_lexicon.lowered("Rapat JUMAT") == "rapat jumat"
    for odd in ("\u0130", "\u0131", "\u017f", "\u03a3"):  # İ ı ſ Σ
        assert time_lexicon.lowered(f"Rapat {odd}") is None


@pytest.mark.slow
def test_lowered_text_matches_as_ignorecase_does():
    """Over all of Unicode: lower-casing keeps \\w, \\d and \\s, and an ASCII letter matches ignoring
    case only what lower-cases to it, but for the characters ``lowered`` refuses."""
    import sys

    letter = re.compile("[a-z]", re.IGNORECASE)
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if len(low) != 1 or c in time_lexicon._FOLD_EXCEPTIONS:
            continue
        assert (c.isalnum(), c.isdecimal(), c.isspace()) == (low.isalnum(), low.isdecimal(), low.isspace()), hex(cp)
        if letter.fullmatch(c):
            assert low.isascii() and low.isalpha(), hex(cp)


def test_lower_case_patterns_are_the_patterns_without_ignorecase():
    """``patterns_lower`` (matched on lowered text) are the same regexes, case-sensitive."""
    for kind, pat in time_lexicon.patterns().items():
        low = time_lexicon.patterns_lower()[kind]
        assert low.pattern == pat.pattern and pat.flags & re.IGNORECASE and not low.flags & re.IGNORECASE


def test_words_before_equals_the_whole_stretch():
    """``_words_before`` reads a shorter stretch first; it finds the words the 80 characters do."""
    rng = random.Random(5)
    pieces = ["hari", "Senin", " ", " ", "  ", "-", "’", "'", ",", "x" * 30, "lalu", "\n", "(", "2017", "é"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        start = rng.randint(0, len(text))
        sent_start = rng.randint(0, start)
        for n in (1, 6):
            plain = [w.lower().replace("’", "'")
                     for w in time_extract._WORD.findall(text, max(sent_start, start - 80), start)[-n:]]
            assert time_extract._words_before(text, start, sent_start, n) == plain, (text, start, sent_start, n)
