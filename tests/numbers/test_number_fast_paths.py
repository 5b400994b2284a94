"""The shortcuts of the figure search must find exactly what the plain regexes find."""
from __future__ import annotations

import random

from telaah.lang import load_table
from telaah.numbers import extract as E
from telaah.times.lexicon import lowered


def _case_probes() -> list[str]:
    """Figures with every currency and unit written in several cases, and ranges with "s/d"."""
    forms = [r["form"] for r in load_table("currencies.tsv")] + [r["form"] for r in load_table("units.tsv")]
    out = []
    for form in forms:
        for v in {form, form.lower(), form.upper(), form.title()}:
            out += [f"sebanyak {v} 5 juta", f"naik 5 {v} kemarin", f"{v}5", f"5{v}.", f"Rp 4 - {v} 6 {v}"]
    for sep in ("s/d", "S/D", "s.d.", "S.D.", "s.d", "sampai dengan", "SAMPAI", "hingga"):
        out += [f"antara 10 {sep} 20 persen", f"Rp 5 {sep} Rp 7 miliar"]
    return out


def test_lowered_pattern_finds_what_the_pattern_finds():
    lex = E.lexicon()
    refused = 0
    for text in _case_probes():
        low = lowered(text)
        assert low is not None
        for at in range(len(text)):
            m = lex.pattern.match(text, at)
            assert E._pattern_at(lex, text, low, at, len(text)) == (m and m.regs), (text, at)
            m_low = lex.pattern_lower.match(low, at)
            refused += bool(m_low) and not E._case_ok(lex, text, m_low.regs)
    assert refused > 50  # the probes do reach the case checks


def test_token_start_check_is_match_start():
    """The anchor loop's test of the character before an anchor is ``_MATCH_START``."""
    for code in range(0x10000):
        c = chr(code)
        if 0xD800 <= code < 0xE000:
            continue
        quick = not (c.isalnum() or c in E._NOT_BEFORE_TOKEN)
        assert quick == bool(E._MATCH_START.match(c + "5", 1)), hex(code)


def _random_texts(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    alphabet = ["a", "B", "7", " ", " ", "\t", "\n", "-", "'", "’", "(", '"', ".", ",", "/", "$", "_", "é", "Rp", "ribu"]
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def test_token_starts_are_match_starts():
    for text in _random_texts(2000):
        for lo in range(len(text)):
            hi = min(len(text) - 1, lo + 12)
            plain = [m.start() for m in E._MATCH_START.finditer(text, lo, hi + 1)]
            assert E._token_starts(text, lo, hi) == plain, (text, lo, hi)


def test_next_words_are_a_chain():
    """The first k of four words after a place are the k words after it (the claim reuses them)."""
    for text in _random_texts(2000, seed=5):
        four = E._next_words(text, 0, len(text), 4)
        for k in (1, 2, 3):
            assert E._next_words(text, 0, len(text), k) == four[:k], text
        for i, (_, end, _) in enumerate(four[:-1]):
            assert E._next_words(text, end, len(text), 1) == [four[i + 1]], text


def test_leads_end_before_amounts_with_the_shipped_lists():
    lex = E.lexicon()
    assert lex.leads_end_before_anchors  # the lead scan may stop at a sentence's last amount
    assert not E._leads_hold_no_anchor({"kurang dari dua"}, lex.anchor_words)
    assert not E._leads_hold_no_anchor({"no.1"}, lex.anchor_words)


def _lead_rich_texts(n: int, seed: int = 11) -> list[str]:
    """Qualifiers, currencies and amounts packed close together, with odd spacing between them."""
    rng = random.Random(seed)
    words = ["lebih", "dari", "kurang", "sekitar", "hingga", "sampai", "dengan", "di", "atas", "Rp", "Rp.", "US$",
             "$", "tidak", "paling", "sedikit", "5", "12", "1.500", "dua", "puluh", "ribu", "juta", "orang", "(",
             ")", ",", ".", "persen", "kira-kira", "€", "dolar", "x"]
    gaps = [" ", " ", " ", "  ", "\n", "", "\t"]
    return ["".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 14))) for _ in range(n)]


def test_lead_tails_find_what_the_lead_scan_finds(monkeypatch):
    """The check that a qualifier or currency ends right before an amount (lowered text) gives
    the claims the scan of every qualifier and currency in the sentence gives (text as written)."""
    import dataclasses

    from telaah.document import Sentence

    assert E.lexicon().lead_tails
    texts = _lead_rich_texts(1500)
    spans = [[Sentence("s", 0, len(t), 0)] for t in texts]
    fast = [[dataclasses.asdict(c) for c in E.extract_numbers(t, s)] for t, s in zip(texts, spans)]
    monkeypatch.setattr(E, "text_scan", lambda t: (None, None))
    plain = [[dataclasses.asdict(c) for c in E.extract_numbers(t, s)] for t, s in zip(texts, spans)]
    assert fast == plain
    assert sum(map(len, fast)) > 1000
