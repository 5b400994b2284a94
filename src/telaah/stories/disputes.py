"""Disputed figures: the same thing counted differently by the sources of one story.

Figures are grouped by what they count: the measure (currency, unit symbol, or a plain count)
and the object head, with synonyms folded through ``lang/id/dispute_heads.tsv`` ("200 orang
tewas" and "250 korban jiwa" both count the dead). A group reported by two or more articles is
a dispute when two of its values from different articles cannot both be true up to rounding
("ratusan" is compatible with 250, "sekitar 200" with 210, 1.500 with 1.523; 200 and 250 are
not). Each dispute lists every report with its article, speaker and the date it was reported,
in date order, so a reader sees a toll grow or shrink. Approximate figures reach only half a
unit of their last digit ("sekitar 7 jam" and "kurang lebih 6 jam" disagree); unheaded figures
other than money are compared through the words around them. The amount of a change ("turun 84
sen") is compared only with changes the same way reported the same day.
"""
from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache
from itertools import takewhile
from typing import NamedTuple

from ..document import Article, Corpus, NumberClaim, Quote, Story
from ..entities.countries import country_named
from ..entities.names import short_titles
from ..errors import DataFileError
from ..lang import load_table
from ..pipeline import CorpusStage, Options
from ..text.tokens import tokenize
from ..times.resolve import period_end
from .background import background_cutoff, story_start
from .stem import stem

__all__ = ["DisputeStage", "find_disputes", "figure_key", "compatible", "interval"]

APPROX_TOLERANCE = 0.10  # "sekitar 200": anything within 10 %
EXACT_TOLERANCE = 1e-6  # float noise ("1,5 juta" vs "1.500.000"); 47,3 and 47,1 % differ
ROUNDING_FIGURES = 2  # a value with this many significant figures or fewer may be a rounding
SUBJECT_WORDS = 14  # how far back a bare "N orang" looks for what it counts
# a head is not looked for across these: punctuation followed by a space (not "1,5" or "1.500"),
# and quote marks
CLAUSE_BREAK = re.compile(r'[,;.!?](?=\s)|["\u201c\u201d]')
QUOTE_MARK = re.compile(r'["\u201c\u201d]')
LOOKBACK_WORDS = 4  # words before the figure searched for a head ("kerugian mencapai Rp 5 miliar")
PREDICATE_WORDS = 4  # words after a bare "N orang" searched for what happened to them
SOURCE_WORDS = 3  # words before a reporting verb that name who gives a figure
CUMULATIVE = " (cumulative)"  # a head's sum over a period, grouped apart from the head's own figures


@lru_cache(maxsize=1)
def _heads() -> tuple[dict[tuple[str, ...], str], int]:
    table = {tuple(row["term"].lower().split()): row["group"] for row in load_table("dispute_heads.tsv")}
    return table, max((len(k) for k in table), default=1)


@lru_cache(maxsize=None)
def _cue_words(kind: str) -> frozenset[str]:
    """The words of one kind (update, demonstrative, tally) in ``lang/id/dispute_cues.tsv``."""
    return frozenset(row["term"] for row in load_table("dispute_cues.tsv") if row["kind"] == kind)


@lru_cache(maxsize=1)
def _unit_kinds() -> dict[str, str]:
    """Recorded unit -> kind (percent, measure, time, classifier) from the numbers stage's table."""
    try:
        return {row["unit"].lower(): row["kind"] for row in load_table("units.tsv")}
    except DataFileError:  # the numbers stage's table; optional here
        return {}


@lru_cache(maxsize=1)
def _populations() -> dict[str, str]:
    """Counted noun -> the population it names (``lang/id/dispute_populations.tsv``)."""
    return {row["term"]: row["population"] for row in load_table("dispute_populations.tsv")}


def population(number: NumberClaim) -> str | None:
    """Whom a count of people counts: "12 militan" militants, "15 warga sipil" civilians, "27
    personel polisi" police; None for a generic count ("15 orang", "200 korban jiwa")."""
    table = _populations()
    for w in [(number.unit or "").lower()] + _words(number.object or ""):
        if w in table:
            return table[w]
    return None


def _words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [text[s:e].lower() for s, e in tokenize(text, start, end) if text[s].isalnum()]


def _head_matches(words: list[str], stemmed: bool = True, first_only: bool = False,
                  money: bool = False) -> list[tuple[str, str]]:
    """(term as written, group) of each table term in ``words``, left to right, the longest at
    each place; single words also match by their stem ("menewaskan 268 orang" counts the dead).
    Groups said of sums only ("menerima", money received) match only for a sum (``money``)."""
    table, longest = _heads()
    sums_only = frozenset() if money else _cue_words("sum_only")
    found = []
    i = 0
    while i < len(words):
        group, size = None, 1
        for size in range(min(longest, len(words) - i), 0, -1):
            group = table.get(tuple(words[i:i + size]))
            if group:
                break
        if not group and stemmed:
            size, group = 1, table.get((stem(words[i]),))
        if group in sums_only:
            group = None
        if group:
            found.append((" ".join(words[i:i + size]), group))
            if first_only:
                break
        i += size if group else 1
    return found


def _find_head(words: list[str], last: bool = False, stemmed: bool = True, money: bool = False) -> str | None:
    """The group of the first (longest) table term in ``words``. With ``last``, the last term
    found: in a figure's object the word after the noun says which of them is counted ("130
    penumpang selamat" counts survivors, "23 penumpang tewas" the dead). For a sum
    (``money``), a group of its own beats money changing hands ("menerima suap Rp4,75 miliar"
    is a bribe)."""
    if money:
        found = _head_matches(words, stemmed, money=True)
        sums_only = _cue_words("sum_only")
        found = [f for f in found if f[1] not in sums_only] or found
        return (found[-1] if last else found[0])[1] if found else None
    found = _head_matches(words, stemmed, first_only=not last)
    return (found[-1] if last else found[0])[1] if found else None


def _who_only() -> frozenset[str]:
    """Table terms that only name who is counted (a population, "korban"), not what befell them."""
    return frozenset(_populations()) | _cue_words("who")


def _subject_head(words: list[str], named_only: bool = False) -> str | None:
    """What a clause's subject says is counted: its first term that says what befell them,
    else its first term ("jumlah tentaranya yang tewas ... menjadi dua orang" counts the dead,
    not troops)."""
    found = _head_matches(words)
    who_only = _who_only()
    named = [group for term, group in found if term not in who_only and stem(term) not in who_only]
    return named[0] if named else (found[0][1] if found and not named_only else None)


def _after_active_verb(words: list[str], money: bool = False) -> list[str]:
    """The words after the last active transitive verb (me-, not a table term nor a predicate
    word): what stands before it is the verb's subject, not what the figure after it counts
    ("pasukan Azerbaijan telah menghancurkan dua pos": posts, not troops; "kerugian mencapai
    Rp 5 miliar" and "menewaskan 268 orang" keep their heads)."""
    table, _ = _heads()
    sums_only = frozenset() if money else _cue_words("sum_only")

    def is_term(word: str) -> bool:
        group = table.get((word,))
        return group is not None and group not in sums_only

    keep = _cue_words("predicate") | _cue_words("update") | _cue_words("change_up") | _cue_words("change_down")
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if w.startswith("me") and len(w) >= 6 and w not in keep and not is_term(w) and not is_term(stem(w)):
            return words[k + 1:]
    return words


def _object_head(article: Article, number: NumberClaim) -> str | None:
    """What a figure's counted phrase says it counts: its last table term, except that a noun
    that only names who is counted (a population: "penumpang", "personel"; or "korban") gives
    way to any other term of the phrase ("tiga jenazah penumpang": the dead) and then to what the clause
    says of them right after the phrase ("14 penumpang KM Mutiara Timur III meninggal dunia",
    "27 penumpang lainnya masih dalam pencarian"). A phrase that is only "lainnya" ("puluhan
    lainnya belum ditemukan") counts what is said of those others."""
    words = _words(number.object or "")
    found = _head_matches(words)
    who_only = _who_only()
    named = [group for term, group in found if term not in who_only]
    if named:
        return named[-1]
    if found or (words and _cue_words("others").issuperset(words)):
        head = _find_head(_said_after_phrase(article, number), stemmed=False)
        if head is not None:
            return head
    if found:
        # "menyelamatkan 79 penumpang", "menewaskan lima penumpang": the verb right before
        clause = _clause_words_before(article, number)
        before = [w for w in clause[-LOOKBACK_WORDS:] if w not in who_only]
        head = _find_head(before)
        if head is not None:
            return head
        if clause[-1:] and clause[-1] in _cue_words("predicate"):
            # "jumlah korban tewas di pihaknya naik menjadi tiga tentara": the clause's subject
            head = _subject_head(clause[-SUBJECT_WORDS:], named_only=True)
            if head is not None:
                return head
    return found[-1][1] if found else None


def _active_verb(word: str, table: dict) -> bool:
    """A me- verb that is no table term ("menyelamatkan", "mengerumuni"): its object follows."""
    return word.startswith("me") and len(word) >= 6 and (word,) not in table


def _said_after_phrase(article: Article, number: NumberClaim) -> list[str]:
    """The words said of a figure's counted phrase right after it, in its clause: past the
    proper name that may end the phrase ("KM Mutiara Timur III"), up to ``PREDICATE_WORDS``
    words, stopping at a joiner ("dan"), another figure, a word that opens a clause of purpose
    or a relative clause ("untuk", "yang"), or an active verb whose object follows ("300
    personel diterjunkan untuk mencari korban tewas" does not count the dead)."""
    text = article.text
    end = number.end
    if number.object:
        at = text.find(number.object, number.start)
        if at >= 0:
            end = max(end, at + len(number.object))
    sent = article.sentence_at(number.start)
    limit = sent.end if sent else min(len(text), end + 80)
    stop = CLAUSE_BREAK.search(text, end, limit)
    tokens = [(s, e) for s, e in tokenize(text, end, stop.start() if stop else limit) if text[s].isalnum()]
    while tokens and (text[tokens[0][0]].isupper() or text[tokens[0][0]].isdigit()):
        tokens = tokens[1:]
    table, _ = _heads()
    halt = _cue_words("joiner") | _cue_words("said_stop")
    out: list[str] = []
    for s, e in tokens[:PREDICATE_WORDS]:
        w = text[s:e].lower()
        if w[0].isdigit() or w in halt or _active_verb(w, table):
            break
        out.append(w)
    return out


# A head that is only the counted noun ("dua pesawat", "lima kapal") names a kind of thing, not
# one quantity: such figures are compared only when their contexts share a word as well.
NOUN_HEAD = "noun:"


class Span(NamedTuple):
    start: int
    end: int


def _previous_figure_end(article: Article, number: NumberClaim, floor: int) -> int:
    """Where the figure before this one (after ``floor``) stops owning the words: the end of
    its object when the object names what it counts ("200 orang tewas akibat gempa bermagnitudo
    7,1": "tewas" is the 200's, not the magnitude's), else ``floor``; a figure with no head of
    its own ("bertambah dari 5 menjadi 7 orang") leaves the words to the next one."""
    prev = None
    for n in article.numbers:
        if floor <= n.start and n.end <= number.start and n is not number:
            if prev is None or n.start > prev.start:
                prev = n
    if prev is None or not prev.object or _find_head(_words(prev.object), last=True) is None:
        return floor
    at = article.text.find(prev.object, prev.start, number.start)
    return at + len(prev.object) if at >= 0 else prev.end


def _words_back_to(article: Article, number: NumberClaim, breaks: re.Pattern) -> list[str]:
    """The words of the figure's sentence before it, from the last match of ``breaks`` or the
    figure before it that counts something of its own, whichever is later."""
    sent = article.sentence_at(number.start)
    floor = sent.start if sent else max(0, number.start - 80)
    bounds = [m.end() for m in breaks.finditer(article.text, floor, number.start)]
    floor = bounds[-1] if bounds else floor
    return _words(article.text, _previous_figure_end(article, number, floor), number.start)


def _clause_words_after(article: Article, number: NumberClaim) -> list[str]:
    """The words after a figure up to the end of its clause."""
    sent = article.sentence_at(number.end)
    end = sent.end if sent else min(len(article.text), number.end + 80)
    stop = CLAUSE_BREAK.search(article.text, number.end, end)
    return _words(article.text, number.end, stop.start() if stop else end)


def _predicate_after(article: Article, number: NumberClaim) -> list[str]:
    """The words after a figure up to the end of its clause, an agent's passive written as the
    di- form it stands for ("34 anak kami rawat inap", "112 anak sudah kami tangani": "dirawat
    inap", "sudah ditangani"), so the table's passive verbs name what happened to the counted."""
    words = _clause_words_after(article, number)
    agents, auxiliaries = _cue_words("agent"), _cue_words("predicate")  # "sudah", "telah" may stand before
    for i, w in enumerate(words[:-1]):
        if w in agents:
            return words[:i] + ["di" + words[i + 1]] + words[i + 2:]
        if w not in auxiliaries:
            break
    return words


def _after_inclusion(article: Article, number: NumberClaim) -> list[str]:
    """The clause after a part set off by commas ("lebih dari selusin orang, termasuk sembilan
    warga sipil, tewas dalam serangan"): the predicate of the whole figure."""
    sent = article.sentence_at(number.end)
    end = sent.end if sent else min(len(article.text), number.end + 120)
    rest = article.text[number.end:end]
    if not rest.startswith(","):
        return []
    words = _words(rest)
    if not words or words[0] not in _cue_words("inclusion"):
        return []
    close = rest.find(",", 1)
    if close < 0:
        return []
    stop = CLAUSE_BREAK.search(article.text, number.end + close + 1, end)
    return _words(article.text, number.end + close + 1, stop.start() if stop else end)


def _clause_words_before(article: Article, number: NumberClaim) -> list[str]:
    """The words before a figure within its clause: "mencari korban jiwa, termasuk puluhan
    anggota Kostrad" does not count the dead; nor does a reporting verb's subject ("penumpang
    yang selamat menyebut kapal mengangkut lebih dari 200 orang": see ``_after_report_verb``)."""
    return _after_report_verb(_words_back_to(article, number, CLAUSE_BREAK))


def _after_report_verb(words: list[str]) -> list[str]:
    """The words after the last reporting verb ("menyebut", "memperkirakan"): what stands
    before it names who speaks, not what the figure after it counts."""
    report = _cue_words("report")
    for k in range(len(words) - 1, -1, -1):
        if words[k] in report:
            return words[k + 1:]
    return words


def _clause_source(article: Article, number: NumberClaim) -> str | None:
    """Who the figure's own clause says gives it, when no quote does: the words before a
    reporting verb ("sementara penyelenggara menyebut jumlahnya lebih dari 60.000":
    "penyelenggara"), up to three, without a joiner opening the clause."""
    words = _words_back_to(article, number, CLAUSE_BREAK)
    report = _cue_words("report")
    at = max((k for k, w in enumerate(words) if w in report), default=None)
    if at is None:
        return None
    joiners = _cue_words("joiner")
    who = [w for w in words[:at] if w not in joiners][-SOURCE_WORDS:]
    return " ".join(who) or None


def figure_key(article: Article, number: NumberClaim) -> tuple[str, str] | None:
    """(measure, head) of what a figure counts, or None when it cannot be told."""
    unit = (number.unit or "").lower()
    kind = _unit_kinds().get(unit)
    is_money = bool(number.unit) and number.unit.isupper() and len(number.unit) == 3
    measure = number.unit if (is_money or kind in ("percent", "measure", "time")) else "count"
    if measure == number.unit and (own := _find_head([unit], stemmed=False)) is not None:
        return measure, own  # a unit that says what it measures ("magnitudo"), whatever the clause counts
    head = _object_head(article, number) if number.object else None
    if head is None:
        before = _clause_words_before(article, number)
        head = _find_head(_after_active_verb(before[-LOOKBACK_WORDS:], is_money), money=is_money)
        if head is None and is_money and before[-1:] and before[-1] in _cue_words("predicate"):
            # "Kerugian sementara akibat bencana itu ditaksir mencapai Rp15 miliar": a sum is the
            # predicate of what its clause's subject names, when that is a sum too
            head = _find_head(before[-SUBJECT_WORDS:], stemmed=False, money=True)
            head = head if head in _cue_words("sum") else None
        if head is None and is_money:
            head = _fund_after(article, number)
        if head is None and kind == "classifier":
            # "10 orang sudah dilaporkan meninggal", "empat orang mengalami luka berat": what
            # happened to them, said right after the figure, up to the next figure or "dan"
            # ("rumah hanyut tiga unit dan rumah rusak"), by the table's own forms ("kehilangan
            # respek" is not "hilang")
            joiners = _cue_words("joiner")
            after = _predicate_after(article, number) or _after_inclusion(article, number)
            said = list(takewhile(lambda w: not w[0].isdigit() and w not in joiners, after))
            head = _find_head(said[:PREDICATE_WORDS], stemmed=False)
            # "jumlah korban tewas ... bertambah menjadi lima orang": a bare classifier figure
            # counts what the clause's subject names, further back
            head = head or _subject_head(before[-SUBJECT_WORDS:])
            if head is None and before and _cue_words("predicate").issuperset(_untimed(article, number, before)) \
                    and _find_head(said) is None:
                # "Jumlah korban meninggal akibat gempa di Malatya, Turki, mencapai 250 orang":
                # the clause is only the predicate, its subject stands before the commas (not
                # "pasukan penyelam, 11 orang dari TNI AL dan 10 orang dari Basarnas": a list;
                # nor "tercatat empat orang mengalami luka berat": its own predicate says)
                subject = _after_report_verb(_words_back_to(article, number, QUOTE_MARK))
                # "Jumlah korban tewas akibat gempa magnitudo 6,1 yang melanda ..., dua hari lalu
                # bertambah menjadi 34 orang": what "jumlah" names first, not the magnitude
                named_at = len(subject) - subject[::-1].index("jumlah") if "jumlah" in subject else None
                if named_at is not None:
                    head = _subject_head(subject[named_at:named_at + REFERRED_WORDS], named_only=True)
                head = head or _find_head(subject[-SUBJECT_WORDS:])
                if head is None and subject and named_at is None:
                    # "SBNH menyebut korban tewas dalam ledakan ... mencapai 19 orang": the
                    # subject opens the clause, further back than that
                    head = _subject_head(subject[:REFERRED_WORDS], named_only=True)
        if head is None and not number.unit and not number.object:
            # "penyelenggara menyebut jumlahnya lebih dari 60.000": the bare figure takes up
            # the count just given ("sekitar 15.000 orang ikut dalam aksi itu")
            key = _key_referred_to(article, number, before)
            if key is not None:
                return key
    if head is None and unit and (kind == "classifier" or measure != "count"):
        head = _head_referred_to(article, number, before)
    if head is None and unit and not before \
            and (last := _words_back_to(article, number, CLAUSE_BREAK)[-1:]) and last[0] in _cue_words("report"):
        # "Bulog bilang stoknya 1,2 juta ton, tiba-tiba Kemendag bilang 800 ribu ton": a figure
        # right after a reporting verb, parallel to the figure before it, counts what that counts
        prev = _figure_before(article, number)
        if prev is not None and (prev.unit or "").lower() == unit:
            key = figure_key(article, prev)
            if key is not None and not key[1].startswith(NOUN_HEAD):
                head = key[1]
    if head is None and measure != "count" and not is_money:
        # "cadangan beras pemerintah di gudang Perum Bulog saat ini mencapai 1,2 juta ton":
        # a measure is the predicate of what its clause's subject names
        head = _subject_head(before[-SUBJECT_WORDS:], named_only=True)
    if head is None and measure == "count" and population(number) is not None and before[-1:] \
            and before[-1] in _cue_words("inclusion"):
        # "lebih dari selusin orang, termasuk sembilan warga sipil, tewas": a part of the figure
        # before, of one population, counts what that figure counts
        prev = _figure_before(article, number)
        whole = figure_key(article, prev) if prev is not None else None
        head = whole[1] if whole else None
    if head is None and measure == "count" and (unit in _populations() or unit in _cue_words("who")):
        # "delapan mahasiswa mengalami luka ringan": what happened to them, right after
        joiners = _cue_words("joiner")
        after = _predicate_after(article, number)
        rest = set(_words(number.object or "")[1:])  # "empat warga lain masih dalam pencarian": past "lain"
        while after and after[0] in rest:
            after = after[1:]
        table, _ = _heads()
        generic = unit not in _populations()
        # a generic noun's, up to an active verb whose object follows ("ratusan warga mengerumuni
        # warung korban"); a population's may go on ("delapan mahasiswa mengalami luka ringan")
        said = list(takewhile(lambda w: not w[0].isdigit() and w not in joiners
                              and not (generic and _active_verb(w, table)), after))
        head = _find_head(said[:PREDICATE_WORDS], stemmed=False)
    if head is None and measure == "count" and unit and kind != "classifier":
        head = _noun_with_predicate(article, number, unit)
    if head is None and measure == "count" and unit and kind != "classifier":
        head = NOUN_HEAD + unit  # "1.500 tentara": the counted noun itself
    if head is None:
        return None
    if head in _cue_words("toll") and unit in _cue_words("place_unit"):
        # "mengungsi di tiga titik pengungsian": places, not people, whatever the clause says
        return measure, NOUN_HEAD + unit
    if head in _cue_words("contest") and measure == "count" and unit and kind != "classifier" \
            and _find_head([unit]) != head:
        # "pemungutan suara ulang di 14 TPS", "suara dukungan hampir 12 ribu suporter": a
        # contest's counts are of its own unit ("suara"), a figure of another noun counts that
        head = NOUN_HEAD + unit
    return measure, head


def _untimed(article: Article, number: NumberClaim, words: list[str]) -> list[str]:
    """``words`` (of the figure's clause, before it) without those of a time expression there:
    "…, dua hari lalu bertambah menjadi 34 orang" is only a predicate (probe 12)."""
    sent = article.sentence_at(number.start)
    lo = sent.start if sent else max(0, number.start - 80)
    timed: list[str] = []
    for t in article.times:
        if lo <= t.start and t.end <= number.start:
            timed += _words(article.text, t.start, t.end)
    out = list(words)
    for w in timed:
        if w in out:
            out.remove(w)
    return out


def _noun_with_predicate(article: Article, number: NumberClaim, unit: str) -> str | None:
    """"sekitar 1.500 rumah telah rusak": a counted noun and what befell it, said after it with
    only auxiliaries ("telah", "sudah") between, make a table term ("rumah rusak")."""
    aux = _cue_words("predicate")
    said = [w for w in _predicate_after(article, number)[:PREDICATE_WORDS] if w not in aux]
    found = _head_matches([unit] + said[:2], stemmed=False, first_only=True)
    return found[0][1] if found and found[0][0].split()[0] == unit and " " in found[0][0] else None


FUND_WORDS = 3  # words after "dari" searched for the fund a sum is drawn from


def _fund_after(article: Article, number: NumberClaim) -> str | None:
    """The sum group named right after "dari" ("Rp5 miliar dari BTT provinsi"), if any."""
    after = _clause_words_after(article, number)
    if not after or after[0] not in _cue_words("from"):
        return None
    head = _find_head(after[1:1 + FUND_WORDS], stemmed=False)
    return head if head in _cue_words("sum") else None


def _figure_before(article: Article, number: NumberClaim) -> NumberClaim | None:
    """The figure just before this one in its sentence, if any."""
    sent = article.sentence_at(number.start)
    lo = sent.start if sent else 0
    before = [n for n in article.numbers if lo <= n.start and n.end <= number.start and n is not number]
    return max(before, key=lambda n: n.start, default=None)


REFERRED_SENTENCES = 2  # how far back "jumlahnya" looks for the figure it takes up


def _refers_back(before: list[str]) -> bool:
    """Whether the clause before a figure has a word that takes up a number ("jumlahnya")."""
    anaphors = {tuple(t.split()) for t in _cue_words("anaphor")}
    return any(tuple(before[k:k + len(a)]) == a for a in anaphors for k in range(len(before)))


def _key_referred_to(article: Article, number: NumberClaim, before: list[str]) -> tuple[str, str] | None:
    """The key of the latest count with a head of its own in the sentences just before a bare
    figure whose clause refers back to a number ("Polisi memperkirakan sekitar 15.000 orang
    ikut dalam aksi itu, sementara penyelenggara menyebut jumlahnya lebih dari 60.000")."""
    window = _referred_window(article, number) if _refers_back(before) else None
    if window is None:
        return None
    for n in _numbers_before(article, number, window[0]):
        if n.unit:
            key = figure_key(article, n)
            if key is not None and key[0] == "count" and not key[1].startswith(NOUN_HEAD):
                return key
    return None


def _referred_window(article: Article, number: NumberClaim) -> tuple[int, int] | None:
    """(start of the window a referring figure looks back over, start of its own sentence): the
    ``REFERRED_SENTENCES`` sentences before it and its own."""
    sents = sorted(article.sentences, key=lambda x: x.start)
    here = next((k for k, x in enumerate(sents) if x.start <= number.start < x.end), None)
    if here is None:
        return None
    return sents[max(0, here - REFERRED_SENTENCES)].start, sents[here].start


def _numbers_before(article: Article, number: NumberClaim, lo: int) -> list[NumberClaim]:
    """The article's figures from ``lo`` up to ``number``, the latest first."""
    return [n for n in sorted(article.numbers, key=lambda n: -n.start) if lo <= n.start and n.end <= number.start]


REFERRED_WORDS = 5  # words after "jumlah" that may name what the number counts


def _head_referred_to(article: Article, number: NumberClaim, before: list[str]) -> str | None:
    """What "jumlahnya bertambah menjadi 112 orang" counts: the head of the latest headed
    figure of the same unit in the sentences just before, when the clause's subject only refers
    back to a number ("jumlahnya", "angka itu")."""
    window = _referred_window(article, number) if _refers_back(before) else None
    if window is None:
        return None
    lo, own = window
    for n in _numbers_before(article, number, lo):
        if (n.unit or "").lower() == (number.unit or "").lower():
            key = figure_key(article, n)
            if key is not None and not key[1].startswith(NOUN_HEAD):
                return key[1]
    # no figure: the number named before ("memperbarui jumlah orang yang ditangkap …")
    words = _words(article.text, lo, own)
    for k in range(len(words) - 1, -1, -1):
        if words[k] == "jumlah":
            head = _find_head(words[k + 1:k + 1 + REFERRED_WORDS], stemmed=False)
            if head is not None:
                return head
    return None


def interval(number: NumberClaim) -> tuple[float, float] | None:
    """The values a figure allows, as a closed interval (bounds may be infinite).

    "200" is [200, 200]; "sekitar 200" is 200 +- 10 %; "ratusan" is its [low, high];
    "lebih dari 200" / "setidaknya 200" is [200, inf); "hampir 200" / "kurang dari 200" is
    [180, 200] (upper-bound phrases stay close to their figure in news use).
    """
    value, low, high = number.value, number.low, number.high
    if low is not None and high is not None:
        return min(low, high), max(low, high)
    if low is not None:
        return low, math.inf
    if high is not None:
        base = value if value is not None else high
        return base - abs(base) * APPROX_TOLERANCE, high
    if value is None:
        return None
    if number.approx:
        return value - approx_spread(value), value + approx_spread(value)
    return value, value


def approx_spread(value: float) -> float:
    """How far "sekitar N" reaches: half a unit of N's last significant digit ("sekitar 7 jam"
    is 6.5-7.5), never more than ``APPROX_TOLERANCE`` of N ("sekitar 200" is 180-220)."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    text = f"{abs(value):.6f}".rstrip("0").rstrip(".")
    if "." in text:
        unit = 10.0 ** -len(text.split(".")[1])
    else:
        unit = 10.0 ** (len(text) - len(text.rstrip("0")))
    return min(unit / 2, abs(value) * APPROX_TOLERANCE)


def _significant(x: float) -> int:
    if x == 0 or not math.isfinite(x):
        return 1
    digits = f"{abs(x):.6g}".replace(".", "").replace("-", "").split("e")[0].strip("0")
    return max(1, len(digits))


def _round_to(x: float, figures: int) -> float:
    if x == 0:
        return 0.0
    return round(x, figures - 1 - int(math.floor(math.log10(abs(x)))))


_WRITTEN_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _last_written_digit(n: NumberClaim) -> float | None:
    """The value of one unit of the last digit written after a decimal comma ("144,5 triliun":
    0,1 triliun; "47,34 %": 0,01), or None for a figure written without decimals."""
    m = _WRITTEN_FIGURE.search(n.text or "")
    if m is None or n.value is None:
        return None
    digits = m.group()
    sep = max(digits.rfind(","), digits.rfind("."))
    if sep < 0 or (digits[sep] == "." and len(digits) - sep - 1 == 3):
        return None  # no decimals ("1.500" groups thousands)
    from ..numbers import parse_digits

    mantissa = parse_digits(digits)
    if not mantissa:
        return None
    return abs(n.value / mantissa) * 10.0 ** -(len(digits) - sep - 1)


def _decimal_rounding(a: NumberClaim, b: NumberClaim) -> bool:
    """Whether the figure written with fewer decimals is the other rounded to its last digit
    ("Rp 144,5 triliun" and "Rp 144,53 triliun"; "47,3 %" and "47,34 %"); "47,3 %" and
    "47,1 %" are two figures, as are 1.520 and 1.523 (trailing zeros of a whole number may be
    exact)."""
    ua, ub = _last_written_digit(a), _last_written_digit(b)
    if ua is None and ub is None:
        return False
    if ua is None or (ub is not None and ub > ua):
        a, b, ua, ub = b, a, ub, ua  # a: the less precise
    if ub is not None and ub >= ua * (1 - 1e-9):
        return False  # as precise as each other: two figures
    return abs(a.value - b.value) <= ua / 2 * (1 + 1e-9)


def _plain_approx(n: NumberClaim) -> bool:
    return bool(n.approx) and n.value is not None and n.low is None and n.high is None


def compatible(a: NumberClaim, b: NumberClaim) -> bool:
    """Whether two figures for the same thing can both hold, allowing for rounding."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return True
    if _plain_approx(a) and _plain_approx(b):
        # two "about" figures agree only if their ranges truly overlap: "sekitar 7 jam" (6.5-7.5)
        # and "kurang lebih 6 jam" (5.5-6.5) merely touch, and 6 and 7 differ
        if ia[0] < ib[1] and ib[0] < ia[1]:
            return True
    elif ia[0] <= ib[1] and ib[0] <= ia[1]:
        return True
    if a.value is not None and b.value is not None:
        x, y = a.value, b.value
        if abs(x - y) <= EXACT_TOLERANCE * max(abs(x), abs(y)):
            return True
        if _decimal_rounding(a, b):
            return True
        rounder, precise = (x, y) if _significant(x) <= _significant(y) else (y, x)
        figures = _significant(rounder)
        if 2 <= figures <= ROUNDING_FIGURES and figures < _significant(precise):
            return _round_to(precise, figures) == rounder
    return False


def _speaker(article: Article, number: NumberClaim) -> dict | None:
    quote: Quote | None = None
    if number.quote:
        quote = next((q for q in article.quotes if q.id == number.quote), None)
    if quote is None and number.quote_index is not None and 0 <= number.quote_index < len(article.quotes):
        quote = article.quotes[number.quote_index]
    if quote is None or quote.speaker is None:
        if number.attributed_to:
            return {"text": None, "entity": number.attributed_to}
        return None
    return {"text": quote.speaker.text, "entity": quote.speaker.entity}


CONTEXT_BEFORE, CONTEXT_AFTER = 6, 2
NOUN_CONTEXT_AFTER = 5  # a counted noun's predicate follows it ("348 bangunan mengalami kerusakan")


def _context_stems(article: Article, number: NumberClaim, after_words: int = CONTEXT_AFTER) -> set[str]:
    """Content stems around a figure, to tell what an unheaded figure ("tujuh jam") measures.
    The window stops at neighbouring figures, so two figures of one sentence keep their own."""
    from .grouping import stopwords
    from .stem import stem

    sent = article.sentence_at(number.start)
    lo, hi = (sent.start, sent.end) if sent else (max(0, number.start - 80), number.end + 40)
    for other in article.numbers:
        if other is not number and lo <= other.end <= number.start:
            lo = other.end
        if other is not number and number.end <= other.start < hi:
            hi = other.start
    before = _words(article.text, lo, number.start)[-CONTEXT_BEFORE:]
    after = _words(article.text, number.end, hi)[:after_words]
    stop = stopwords()
    vague = _quantity_stems()
    stems = {stem(w) for w in before + after if w.isalpha() and w not in stop and len(w) > 2}
    return stems - vague


@lru_cache(maxsize=1)
def _quantity_stems() -> frozenset[str]:
    """Stems of words that only say a figure is an amount ("terdiri dari 5-7 orang", "sebanyak",
    "mencapai"): sharing one of them tells nothing about what two figures count."""
    from .stem import stem

    return frozenset(stem(w) for w in _cue_words("quantity"))


def _is_money(n: NumberClaim) -> bool:
    return bool(n.unit) and n.unit.isupper() and len(n.unit) == 3


def _share_stem(a: set[str], b: set[str], strict: bool = False) -> bool:
    """Equal stems, or one a suffix of the other (kept for words the stemmer's root list lacks).
    ``strict`` (money: a story has many sums of money) asks for three shared stems."""
    shared = len(a & b) + sum(1 for x in a - b for y in b - a
                              if len(x) >= 4 and len(y) >= 4 and (x.endswith(y) or y.endswith(x)))
    return shared >= (3 if strict else 1)


def _context_groups(loose: list[tuple[Article, NumberClaim]]) -> dict[tuple[str, str], list]:
    """Figures with a unit but no known head ("sekitar tujuh jam", "tiga kali") are compared when
    they share a unit and a content word of their context ("diperiksa … tujuh jam" and
    "memeriksanya … enam jam") and, for penalties, a stage of the trial (``_legal_stage``):
    connected components become groups."""
    groups: dict[tuple[str, str], list] = {}
    for k, part in enumerate(_connected_by_context(loose)):
        groups[("context:" + (part[0][1].unit or "").lower(), str(k))] = part
    return groups


def _connected_by_context(items: list[tuple[Article, NumberClaim]],
                          after_words: int = CONTEXT_AFTER) -> list[list[tuple[Article, NumberClaim]]]:
    """The connected components of figures of different articles that share a unit, a stage of
    a trial and a content word of their context (``_share_stem``), in first-report order."""
    ctx = [(_context_stems(a, n, after_words), a, n) for a, n in items]
    stages = [_legal_stage(a, n) for _, a, n in ctx]
    parent = list(range(len(ctx)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (ci, ai, ni) in enumerate(ctx):
        for j in range(i + 1, len(ctx)):
            cj, aj, nj = ctx[j]
            if ai.id != aj.id and (ni.unit or "").lower() == (nj.unit or "").lower() and stages[i] == stages[j] \
                    and _share_stem(ci, cj, _is_money(ni)):
                parent[find(i)] = find(j)
    parts: dict[int, list] = {}
    for i, (_, a, n) in enumerate(ctx):
        parts.setdefault(find(i), []).append((a, n))
    return list(parts.values())


def _split_noun_heads(groups: list[tuple[tuple[str, str], list]]) -> list[tuple[tuple[str, str], list]]:
    """A counted noun says less than a table head about what is counted ("412 TPS" where the
    witnesses gathered the forms, "14 TPS" where a revote is demanded; probe 10): its figures
    are compared only when their contexts connect them, as unheaded figures are."""
    out = []
    for key, reports in groups:
        if key[1].startswith(NOUN_HEAD):
            out.extend((key, part) for part in _connected_by_context(reports, NOUN_CONTEXT_AFTER))
        else:
            out.append((key, reports))
    return out


def _change_words(article: Article, number: NumberClaim) -> tuple[bool, bool]:
    """Whether the figure's sentence reports a change ("bertambah menjadi lima orang"), and
    whether it gives the figure as an earlier value ("sehari sebelumnya ... dua jenazah": an
    article that updates its own toll does not dispute one that agrees with the update)."""
    sent = article.sentence_at(number.start)
    if sent is None:
        return False, False
    words = _words(article.text, sent.start, sent.end)
    earlier = not _cue_words("earlier").isdisjoint(words)
    return earlier or _dated_before(article, number) or not _cue_words("update").isdisjoint(words), earlier


def _dated_before(article: Article, number: NumberClaim) -> bool:
    """Whether the sentence dates itself to a day before the article's own ("Dua hari lalu,
    korban meninggal yang tercatat baru 12 orang"): beside a figure of the article's own day
    under the same head, its figure is an earlier value (alone, it is the news: "Senin (28/11),
    184 penumpang …" in Tuesday's paper)."""
    ref = article.reference_date
    sent = article.sentence_at(number.start)
    if ref is None or sent is None:
        return False
    for t in _dates_in(article, _inner_sentence(article, sent, number), with_since=True, types=("DATE", "TIME")):
        if _DAY.match(t.value) and t.value[:10] < ref.isoformat():
            return True
    return False


DESCRIPTION_WORDS = 2  # words after a figure searched for "itu/tersebut/ini"


def _is_increment(article: Article, number: NumberClaim) -> bool:
    """"bertambah menjadi 17 orang setelah empat korban luka bakar meninggal": a figure in a
    clause of cause after another figure of its sentence tells how the count grew, not the count."""
    before = _words_back_to(article, number, CLAUSE_BREAK)
    cues = _cue_words("increment")
    return bool(before) and any(w in cues for w in before[-3:]) and _figure_before(article, number) is not None


def _is_inclusion_part(article: Article, number: NumberClaim) -> bool:
    """"tujuh orang meninggal, termasuk dua petugas polisi": a part of the figure before it."""
    words = _words(article.text, max(0, number.start - 30), number.start)
    return bool(words) and words[-1] in _cue_words("inclusion") and _figure_before(article, number) is not None


def _is_part(article: Article, number: NumberClaim) -> bool:
    """"112 orang ditangkap dan 73 di antaranya dipulangkan": a part of a figure just given
    ("di antaranya", "dari jumlah itu") is no count of the same thing."""
    after = _words(article.text, number.end, min(len(article.text), number.end + 40))
    if any(tuple(after[:len(p)]) == p for p in (tuple(t.split()) for t in _cue_words("part"))):
        return True
    clause = _words_back_to(article, number, CLAUSE_BREAK)
    if not _cue_words("superlative").isdisjoint(clause):
        return True  # "Ekspor nonmigas … terbesar adalah ke RRT yakni mencapai 1,36 miliar": one item
    before = clause[-4:]
    return any(tuple(before[len(before) - len(p):]) == p for p in (tuple(t.split()) for t in _cue_words("part_before")))


def _is_some(article: Article, number: NumberClaim) -> bool:
    """A figure said of only some of what is counted: "Ada TPS dengan partisipasi di atas 90
    persen", "mencapai 95 persen di beberapa TPS". Its clause opens with an existential word
    and a noun that "dengan" qualifies (kind ``some_before``), or a phrase of some members
    follows it (``some_after``)."""
    before = _words_back_to(article, number, CLAUSE_BREAK)
    if len(before) > 2 and before[0] in _cue_words("some_before") and "dengan" in before[2:]:
        return True  # "Ada [TPS] dengan ...", never "Ada 15 orang tewas" nor "Ada yang menyebut ..."
    after = _clause_words_after(article, number)[:SOME_AFTER_WORDS]
    return any(tuple(after[k:k + len(p)]) == p for p in (tuple(t.split()) for t in _cue_words("some_after"))
               for k in range(len(after)))


SOME_AFTER_WORDS = 4  # words after a figure searched for "di beberapa"


def _is_description(article: Article, number: NumberClaim) -> bool:
    """A figure that describes something already named ("pebalap 38 tahun itu", "dua
    organisasi masyarakat tersebut") is an identifying description, not a reported figure;
    a value stated with "senilai" or "sebesar" ("proyek senilai Rp96,4 miliar itu") still is
    one: the demonstrative points at the thing, and another outlet may value it differently."""
    if not _cue_words("valued").isdisjoint(_words_back_to(article, number, CLAUSE_BREAK)[-1:]):
        return False
    sent = article.sentence_at(number.end)
    end = sent.end if sent else min(len(article.text), number.end + 40)
    after = []
    for s, e in tokenize(article.text, number.end, end):
        if not article.text[s].isalnum():
            break  # a comma or a full stop ends the phrase
        after.append(article.text[s:e].lower())
        if len(after) == DESCRIPTION_WORDS:
            break
    return not _cue_words("demonstrative").isdisjoint(after)


_INNER_STOP = re.compile(r'[.!?]["\u201d]?\s+(?=["\u201c]?[A-Z])')


def _inner_sentence(article: Article, sent, number: NumberClaim) -> Span:
    """The part of a sentence unit that holds the figure, when the unit is a quotation of
    several sentences ("Sampai hari ini total korban meninggal 17 orang. Empat di antaranya
    meninggal ... sejak kemarin," kata ...): the next sentence's date is not the figure's."""
    text = article.text
    lo = max((m.end() for m in _INNER_STOP.finditer(text, sent.start, number.start)), default=sent.start)
    nxt = _INNER_STOP.search(text, number.end, sent.end)
    return Span(lo, nxt.start() + 1 if nxt else sent.end)


def _dates_in(article: Article, sent, *, with_since: bool = False, types: tuple[str, ...] = ("DATE",)) -> list:
    """The sentence's dates with a value, except (unless ``with_since``) those opening a period
    that runs to now ("sejak 2014, 300 orang ditangkap"); with ``types`` ("DATE", "TIME"), also
    a day's part or hour ("Pada Kamis malam")."""
    since = _cue_words("since")
    return [t for t in article.times
            if t.type in types and t.value and sent.start <= t.start < sent.end
            and (with_since or not _opens_period(since, _words(article.text, sent.start, t.start)[-2:]))
            and not _comparison_base(article, sent.start, t.start)]


COMPARISON_WORDS = 5  # how far before a date "dibanding" makes it a comparison's base


def _comparison_base(article: Article, lo: int, start: int) -> bool:
    """"turun 6,21 persen dibanding Januari 2017", "dibanding periode yang sama tahun 2016": the
    date is what a figure is compared with, not the figure's own date."""
    text = article.text
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(text, lo, start)), default=lo)
    return not _cue_words("comparison").isdisjoint(_words(text, clause_start, start)[-COMPARISON_WORDS:])


def _is_cumulative(article: Article, number: NumberClaim) -> bool:
    """"Secara kumulatif nilai ekspor Januari - Februari 2017 mencapai 25,98 miliar dolar AS":
    a sum over a period, a quantity of its own beside the month's figure."""
    sent = article.sentence_at(number.start)
    lo = sent.start if sent is not None else max(0, number.start - 200)
    return not _cue_words("cumulative").isdisjoint(_words(article.text, lo, number.start))


def _opens_period(since: frozenset[str], before: list[str]) -> bool:
    """"sejak 2014", "sejak tahun 2014": the date starts a period that runs to now; not
    "sejak banjir 2019", where the date names an old event."""
    if before[-1:] and before[-1] in since:
        return True
    return len(before) == 2 and before[0] in since and before[1] in _cue_words("since_skip")


def _narrative_sentence(article: Article, sent):
    """The sentence whose dates a figure's sentence without a date of its own takes: the one
    before it in the same paragraph, when it opens by pointing back to that time or event
    ("Akibatnya, 15 orang tewas", "Saat itu, ...") after a sentence that dated it ("Merpati
    jatuh pada 20 April 1997")."""
    before = _sentence_before(article, sent)
    if before is None:
        return None
    opening = tuple(_words(article.text, sent.start, sent.end)[:2])
    carry = _cue_words("carry")
    if opening[:1] and (opening[0] in carry or " ".join(opening) in carry):
        return before
    return None


def _sentence_before(article: Article, sent):
    """The sentence before ``sent`` in its paragraph, or None when it opens the paragraph."""
    i = article.sentences.index(sent)
    return article.sentences[i - 1] if i and article.sentences[i - 1].block == sent.block else None


def _is_background(article: Article, number: NumberClaim, start: date | None) -> bool:
    """A figure whose sentence dates it well before the story began ("pada 1988", "di tahun
    2005 ada 916 orang tewas", a crash of July when the story is December's) tells the
    background: another event's count, or an old statistic, not a report of this story's
    figure. A period opened by "sejak" runs to now and does not count."""
    cutoff = background_cutoff(start)
    sent = article.sentence_at(number.start)
    if cutoff is None or sent is None:
        return False
    dates = _dates_in(article, sent)
    if not _dates_in(article, sent, with_since=True):  # "Saat itu" is a date without a value
        before = _narrative_sentence(article, sent)
        dates = _dates_in(article, before) if before is not None else []
    for t in dates:
        end = period_end(t.value)
        if end is not None and end < cutoff:
            return True
    return False


_DAY = re.compile(r"\d{4}-\d\d-\d\d")
YEAR_VALUE = re.compile(r"\d{3}[\dX]")  # "2014", "196X": a whole year or decade


def _period(article: Article, number: NumberClaim) -> str | None:
    """The whole year or decade a figure's sentence gives ("Empat insiden mewarnai tahun 2014,
    yang membuat lebih dari 600 orang meninggal"): such a figure is a statistic over that period,
    comparable with another of the same period, not with the count of one event."""
    sent = article.sentence_at(number.start)
    if sent is None:
        return None
    return next((t.value for t in _dates_in(article, sent) if YEAR_VALUE.fullmatch(t.value)), None)


def _event_words(article: Article, start: int, end: int) -> set[str]:
    return _cue_words("event").intersection(_words(article.text, start, end))


def _story_events(articles: list[Article]) -> frozenset[str]:
    """The kinds of event the story is about: event words (banjir, gempa, kecelakaan …) that at
    least half of its articles use, or else the ones most of its articles use (a plane first
    reported "hilang kontak" is a "kecelakaan" only in later reports)."""
    counts: dict[str, int] = {}
    for a in articles:
        for w in _event_words(a, 0, len(a.text)):
            counts[w] = counts.get(w, 0) + 1
    most = max(counts.values(), default=0)
    return frozenset(w for w, c in counts.items() if 2 * c >= len(articles) or c == most)


def _other_event(article: Article, number: NumberClaim, events: frozenset[str]) -> bool:
    """A figure whose sentence names only events of another kind than the story's ("Banjir
    … menyebabkan 10 orang meninggal" in a plane-crash story) counts that other event."""
    sent = article.sentence_at(number.start)
    if sent is None:
        return False
    named = _event_words(article, sent.start, sent.end)
    return bool(named) and named.isdisjoint(events)


PENALTY_BEFORE, PENALTY_AFTER = 3, 2  # words around a figure searched for a penalty word


def _legal_stage(article: Article, number: NumberClaim) -> str | None:
    """Which stage of a trial a penalty figure belongs to: "demand" (what prosecutors ask),
    "verdict" (what the court gives), with " substitute" added for the term served in place of
    an unpaid fine ("subsider enam bulan kurungan"); None for a figure that is no penalty. The
    demand of nine years and the verdict of seven are two quantities, never a dispute."""
    sent = article.sentence_at(number.start)
    if sent is None:
        return None
    before = _words(article.text, sent.start, number.start)
    after = _words(article.text, number.end, sent.end)[:PENALTY_AFTER]
    penalty = _cue_words("penalty")
    if penalty.isdisjoint(before[-PENALTY_BEFORE:] + after):
        return None
    # back to the figure before it: "denda Rp500 juta subsider enam bulan" (the six months)
    floor = max([n.end for n in article.numbers if sent.start <= n.start and n.end <= number.start],
                default=sent.start)
    back = _words(article.text, floor, number.start)
    substitute = " substitute" if not _cue_words("substitute").isdisjoint(back) else ""
    stage = _stage_of(before)
    if stage is None and (before_sent := _sentence_before(article, sent)) is not None:
        stage = _stage_of(_words(article.text, before_sent.start, before_sent.end))
    return (stage or "stage unknown") + substitute


def _stage_of(words: list[str]) -> str | None:
    """The stage the nearest demand or verdict word names; a weak verdict word ("dihukum")
    only where no demand word stands."""
    demand, verdict = _cue_words("stage_demand"), _cue_words("stage_verdict")
    for word in reversed(words):
        if word in demand:
            return "demand"
        if word in verdict:
            return "verdict"
    return "verdict" if not _cue_words("stage_weak").isdisjoint(words) else None


def _is_single_thing(number: NumberClaim) -> bool:
    """"satu unit pesawat", "sebuah kapal": one thing referred to, not a count of a kind."""
    return number.value == 1 and not number.approx


RATE_WORDS = 6  # words after a figure searched for "per", "setiap"


def _is_rate(article: Article, number: NumberClaim) -> bool:
    """A figure given per something ("133 orang meninggal dari setiap 100 juta penumpang",
    "lima orang per hari") is a rate, not a count of this story's people or things."""
    sent = article.sentence_at(number.end)
    end = sent.end if sent else min(len(article.text), number.end + 60)
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(article.text, number.end, end)]
    after = _words(article.text, number.end, breaks[0] if breaks else end)[:RATE_WORDS]
    # up to the next figure: "turun 84 sen menjadi 78,47 dollar AS per barel" is not given per barrel
    after = list(takewhile(lambda w: not w[0].isdigit(), after))
    # the numbers stage may keep the rate in the figure itself ("30 juta barel per hari"); a
    # price ("Rp 8.500 per liter") stays a figure that sources can disagree on
    own = _words(number.text)[1:] if not _is_money(number) else []
    return not _cue_words("rate").isdisjoint(after + own)


CHANGE_WORDS = 4  # words before a figure searched for "turun", "kenaikan" (change_skip between)


def _change_direction(article: Article, number: NumberClaim) -> str | None:
    """"up" or "down" when the figure is the amount of a change ("turun 84 sen menjadi 78,47
    dollar AS", "penurunan 30 persen sejak Juni") rather than a level: it differs from day to
    day as the thing moves, so it is set only against changes the same way reported the same
    day (a rise of 10 sen and a fall of 3 sen that day are moves of two things)."""
    up = _cue_words("change_up")
    word = _cue_right_before(article, number, up | _cue_words("change_down"))
    return None if word is None else "up" if word in up else "down"


def _cue_right_before(article: Article, number: NumberClaim, cues: frozenset[str]) -> str | None:
    """The cue (a word or a two-word phrase of ``cues``) that stands right before the figure in
    its clause, with only ``change_skip`` words ("sebesar", "sekitar") between; else None."""
    before = _clause_words_before(article, number)[-CHANGE_WORDS:]
    skip = _cue_words("change_skip")
    for k in range(len(before) - 1, -1, -1):
        if before[k] in cues:
            return before[k]
        if k and f"{before[k - 1]} {before[k]}" in cues:
            return f"{before[k - 1]} {before[k]}"  # "lebih tinggi"
        if before[k] not in skip:
            return None
    return None


def _is_tally(number: NumberClaim, head: str | None) -> bool:
    """Goals, points, titles, times: counts a competition report gives for many things at once."""
    tally = _cue_words("tally")
    return (number.unit or "").lower() in tally or (head or "") in tally


def _anchors(article: Article, number: NumberClaim) -> frozenset[str]:
    """The people a figure's sentence names, other than who is quoted or credited there.

    "Sutrisno Bachir disebut menerima dana Rp 250 juta" and "aliran dana ke Amien Rais Rp 600
    juta" name different people, so the two sums are two payments, not two accounts of one;
    "200 orang tewas, kata Kapolda X" and "250 orang tewas, ujar Y" still compare (speakers
    are left out).
    """
    sent = article.sentence_at(number.start)
    if sent is None:
        return frozenset()
    credited = [(sp.start, sp.end) for q in article.quotes for sp in (q.speaker, q.reported_by)
                if sp is not None and sp.start < sent.end and sp.end > sent.start]
    return frozenset(
        m.entity or m.text.lower() for m in article.mentions
        if m.type == "PER" and sent.start <= m.start < sent.end
        and not any(s <= m.start < e or m.start <= s < m.end for s, e in credited)
    )


def _same_referent(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or not a.isdisjoint(b)


def _single_referent_reports(reports: list[tuple[Article, NumberClaim]],
                             counted: bool) -> list[tuple[Article, NumberClaim]]:
    """The reports of the articles that use the group's head for one quantity.

    An article that gives two values under one head that cannot both hold, with no word of
    change in either sentence ("unggul 0,215 detik" and "terpaut 2,572 detik"; inflation of
    0,22 and 3,07 persen), is counting several things there; its figures cannot be matched with
    another article's, so they are left out of the comparison. Words of change excuse only
    counts ("korban bertambah menjadi lima orang"): rates and sums are reported as changes
    ("naik 3,1 persen") whatever they measure. Two values that the article credits to two
    sources ("86 penumpang selamat dan 15 orang masih hilang", says the rescue agency; "41
    orang yang belum kembali", say the police; or a figure in its own voice beside a quoted
    one) are two accounts of one quantity, not several quantities.
    """
    by_article: dict[str, list[tuple[Article, NumberClaim]]] = {}
    for a, n in reports:
        by_article.setdefault(a.id, []).append((a, n))
    kept = []
    for items in by_article.values():
        changing = [counted and _change_words(a, n)[0] for a, n in items]
        sources = [_source(a, n) for a, n in items]
        several = any(
            not compatible(n1, n2) and not (changing[i] or changing[j]) and sources[i] == sources[j]
            for i, (_, n1) in enumerate(items) for j, (_, n2) in enumerate(items[i + 1:], i + 1)
        )
        if not several:
            kept.extend(items)
    return kept


def find_disputes(corpus: Corpus, story: Story) -> list[dict]:
    """The story's disputed figures, ordered by their first report (date, then article order)."""
    by_id = {a.id: a for a in corpus.articles}
    if len({aid for aid in story.articles if aid in by_id}) < 2:
        return []  # a dispute needs reports from two articles (most stories are one article)
    order = {aid: i for i, aid in enumerate(story.articles)}
    start = story_start(corpus, story, by_id)
    events = _story_events([by_id[aid] for aid in story.articles if aid in by_id])
    groups: dict[tuple[str, str], list[tuple[Article, NumberClaim]]] = {}
    loose: list[tuple[Article, NumberClaim]] = []
    for aid in story.articles:
        article = by_id.get(aid)
        if article is None:
            continue
        for number in article.numbers:
            if interval(number) is None:
                continue
            key = figure_key(article, number)
            if _is_tally(number, key[1] if key else None) or _is_description(article, number) \
                    or _is_part(article, number) or _is_some(article, number) or _is_rejected(article, number) \
                    or _is_increment(article, number) or _is_difference(article, number) \
                    or _is_rate(article, number):
                continue
            if key is not None:
                if _is_cumulative(article, number):
                    key = (key[0], key[1] + CUMULATIVE)
                stage = _legal_stage(article, number)
                if stage is not None:
                    key = (key[0], f"{key[1]} ({stage})")
                groups.setdefault(key, []).append((article, number))
            elif number.unit and not _is_money(number):
                # money has too many referents to guess from context: the installments of one
                # transfer ("Rp 600 juta" in all, "Rp 250 juta" once) would read as a dispute
                loose.append((article, number))
    if len(loose) <= 400:  # pairwise within one story; a huge story keeps only headed figures
        groups.update(_context_groups(loose))
    groups = {key: _without_copies(reports) for key, reports in groups.items()}
    out = []
    ballots = _ballot_names([by_id[aid] for aid in story.articles if aid in by_id])
    groups = _split_noun_heads(_split_by_contender(_split_by_side(_split_by_population(groups)), ballots))
    for (measure, head), reports in groups:
        # background figures are not compared. An article that also gives an old count under
        # this head uses it for several things, so its figures stay out (ten A320 accidents
        # beside 27 since 1988) - except a toll: "banjir 2019 menewaskan 40 orang" beside this
        # flood's 17 dead tells which is which, and so does a measure or a sum ("tahun lalu …
        # 300 kilogram sabu" beside this raid's 12,5 kg; probe 10). Single things named ("satu
        # unit pesawat") are no counts.
        toll = head in _cue_words("toll")
        if toll or measure != "count":
            reports = [(a, n) for a, n in reports if not _is_background(a, n, start)]
        reports = _without_finds(reports)
        reports = _single_referent_reports(_without_others(reports, head), measure == "count")
        reports = [(a, n) for a, n in reports if (toll or not _is_background(a, n, start))
                   and not _other_event(a, n, events)
                   and not (head.startswith(NOUN_HEAD) and _is_single_thing(n))]
        by_period: dict[str | None, list[tuple[Article, NumberClaim]]] = {}
        for a, n in reports:
            by_period.setdefault(_period(a, n), []).append((a, n))
        for same_period in by_period.values():
            found = _dispute(measure, head, _one_report_per_value(same_period), order)
            if found is not None:
                out.append(found)
    out.sort(key=lambda d: (d["reports"][0]["date"] or "9999", order[d["reports"][0]["article"]]))
    return out


def _without_others(reports: list[tuple[Article, NumberClaim]], head: str) -> list[tuple[Article, NumberClaim]]:
    """Figures of "the others" ("empat tersangka lain", "18 orang lainnya ditangkap") are parts of
    a total: beside a figure that is no such part, in the same article (session 12) or another
    (probe 12: "lima orang tersangka" and "empat tersangka lainnya" are one count, not a
    dispute), they are left out. Others set against a figure of another count ("23 korban
    meninggal dunia … Lima orang lainnya masih hilang") are that count's whole (probe 12)."""
    others = _cue_words("others")
    whole = [(a, n) for a, n in reports
             if others.isdisjoint(_words(n.object or "")) or _others_of_another_count(a, n, head)]
    return whole if whole else reports


def _others_of_another_count(article: Article, number: NumberClaim, head: str) -> bool:
    """Is the figure before these others (in their sentence or the one before) a count of
    another head ("23 korban meninggal dunia. Lima orang lainnya masih hilang")?"""
    sent = article.sentence_at(number.start)
    if sent is None:
        return False
    prev_sent = _sentence_before(article, sent)
    before = _numbers_before(article, number, (prev_sent or sent).start)
    key = figure_key(article, before[0]) if before else None
    return key is not None and key[0] == "count" and key[1] != head and not key[1].startswith(NOUN_HEAD)


def _without_copies(reports: list[tuple[Article, NumberClaim]]) -> list[tuple[Article, NumberClaim]]:
    """A near-copy repeating its original's figure is not another report of it (issue 6: a copy
    counts as one source with its original); a copy that changed the figure still is."""
    given = {(a.id, interval(n)) for a, n in reports}
    return [(a, n) for a, n in reports if not (a.duplicate_of and (a.duplicate_of, interval(n)) in given)]


OWNER_GAP_WORDS = 2  # words between a counted noun and the place that owns it ("pos militer Armenia")


def _side(article: Article, number: NumberClaim) -> str | None:
    """Whose people a count counts, when the text says: the country right after the counted
    noun ("satu tentara Armenia tewas", "dua pos militer Armenia"), or the speaker's own when
    the noun or the clause is possessive ("dua tentaranya tewas", "korban tewas di pihaknya",
    said by Azerbaijan's ministry or by "Baku"); "tiga lainnya" takes the side of the figure
    before it. None when the text does not say (most figures outside a conflict)."""
    text = article.text
    unit = (number.unit or "").lower()
    if number.object:
        at = text.find(number.object, number.start)
        if at >= 0:
            words = [(s, e) for s, e in tokenize(text, at, at + len(number.object)) if text[s].isalnum()]
            owner = words[1:OWNER_GAP_WORDS + 2]
            if owner:
                side = country_named(text, owner[0][0], owner[-1][1])
                if side:
                    return side
    clause = _clause_words_before(article, number)
    possessive = unit.endswith("nya") or any(
        w.endswith("nya") and (w[:-3] in _populations() or (stem(w[:-3]),) in _heads()[0] or w == "pihaknya")
        for w in clause)
    if possessive:
        quote = next((q for q in article.quotes if q.id == number.quote), None) if number.quote else None
        if quote is None and number.quote_index is not None and 0 <= number.quote_index < len(article.quotes):
            quote = article.quotes[number.quote_index]
        if quote is not None and quote.speaker is not None:
            return country_named(text, quote.speaker.start, quote.speaker.end)
        # no quote: who the sentence says speaks, before its reporting verb ("Baku, sebaliknya,
        # mengatakan jumlah korban tewas di pihaknya naik menjadi tiga tentara")
        sent = article.sentence_at(number.start)
        report = _cue_words("report")
        verbs = [s for s, e in tokenize(text, sent.start, number.start) if text[s:e].lower() in report] if sent else []
        return country_named(text, sent.start, verbs[-1]) if verbs else None
    if _words(number.object or "")[:1] and _words(number.object)[0] in _cue_words("others"):
        prev = _figure_before(article, number)
        return _side(article, prev) if prev is not None else None
    return None


_NAME_WORD = re.compile(r"[^\W_][\w'’.]*")
BALLOT_NAME_CHARS = 50  # how far after "nomor urut N," the name the text gives that number is read


def _name_label(text: str, start: int, end: int) -> str | None:
    """A contender's key from the name in text[start:end]: its first word that is no title,
    lower-cased, up to a hyphen ("H. Mukhlis Syarifuddin–Dedi Prasetyo" and "Mukhlis-Dedi" are
    both "mukhlis")."""
    for m in _NAME_WORD.finditer(text, start, end):
        word = m.group()
        if word.endswith(".") and (word[:-1] in short_titles() or len(word) <= 3):
            continue
        return re.split(r"[-–—]", word.rstrip("."))[0].lower() if word[0].isupper() else None
    return None


def _contender_after(text: str, start: int, end: int) -> str | None:
    """The contender named right after a marker word ending at ``start``: "#N" for a ballot
    number ("nomor urut 1"), else the name's key; role words (``contender_skip``) and titles
    may stand between."""
    skip = _cue_words("contender_skip")
    words = list(_NAME_WORD.finditer(text, start, end))
    i = 0
    while i < len(words) and words[i].group().lower() in skip:
        i += 1
    if i + 2 < len(words) and words[i].group().lower() == "nomor" and words[i + 1].group().lower() == "urut" \
            and words[i + 2].group().rstrip(".").isdigit():
        return "#" + words[i + 2].group().rstrip(".")
    return _name_label(text, words[i].start(), end) if i < len(words) else None


def _ballot_names(articles: list[Article]) -> dict[str, str]:
    """Ballot number -> contender key, where a story's text names the pair that holds the
    number ("nomor urut 2, Rusdi Hamzah–Wulan Sekarsari")."""
    out: dict[str, str] = {}
    for a in articles:
        for m in re.finditer(r"\bnomor urut\s+(\d+)\s*[,(]\s*", a.text, flags=re.IGNORECASE):
            label = _name_label(a.text, m.end(), min(len(a.text), m.end() + BALLOT_NAME_CHARS))
            if label is not None and m.group(1) not in out:
                out[m.group(1)] = label
    return out


def _contender(article: Article, number: NumberClaim, ballots: dict[str, str]) -> str | None:
    """Whose share a contest figure counts: the last contender its sentence names before it,
    back to the figure before it (``contender`` words of ``lang/id/dispute_cues.tsv``, else a
    person mentioned there); a figure with none that takes up the one before it ("angka itu
    melonjak menjadi 51.003 suara") is that figure's contender's."""
    sent = article.sentence_at(number.start)
    if sent is None:
        return None
    text = article.text
    earlier = [n for n in article.numbers if sent.start <= n.start and n.end <= number.start and n is not number]
    prev = max(earlier, key=lambda n: n.start, default=None)
    lo = prev.end if prev is not None else sent.start
    if prev is None and (before := _sentence_before(article, sent)) is not None:
        # "Namun dalam rekapitulasi KPU, angka itu melonjak menjadi 51.003 suara": the figure
        # the sentence before ends on may be the one this one takes up
        prev = max((n for n in article.numbers if before.start <= n.start and n.end <= before.end),
                   key=lambda n: n.start, default=None)
    markers = _cue_words("contender")
    label = None
    for m in _NAME_WORD.finditer(text, lo, number.start):
        if m.group().lower() in markers:
            label = _contender_after(text, m.end(), number.start) or label
    if label is None:
        # a person named there, other than who is quoted ("Dragan Đorđević menuduh … koalisi
        # pemerintah memenangkan 47,3% suara" gives the coalition's share, not his)
        credited = [(sp.start, sp.end) for q in article.quotes for sp in (q.speaker, q.reported_by)
                    if sp is not None and sp.start < number.start and sp.end > lo]
        names = [mn for mn in article.mentions if mn.type == "PER" and lo <= mn.start and mn.end <= number.start
                 and not any(a <= mn.start < b or mn.start <= a < mn.end for a, b in credited)]
        if names:
            label = _name_label(text, names[-1].start, names[-1].end)
    if label is None and prev is not None and (prev.unit or "").lower() == (number.unit or "").lower() \
            and _change_words(article, number)[0]:
        return _contender(article, prev, ballots)
    return ballots.get(label[1:], label) if label and label.startswith("#") else label


def _is_difference(article: Article, number: NumberClaim) -> bool:
    """"selisih 2.793 suara", "unggul 1.129 suara", "lebih tinggi sekitar 2.800 suara": the gap
    between two counts."""
    return _cue_right_before(article, number, _cue_words("difference")) is not None


def _split_by_contender(groups: list[tuple[tuple[str, str], list]], ballots: dict[str, str]) \
        -> list[tuple[tuple[str, str], list]]:
    """A contest's figures split by contender: paslon 1's 51.003 votes with paslon 1's 48.210,
    not with paslon 2's 49.874. Figures with no contender named stay together when the story
    names one contender at most, and are left out when it names two or more."""
    contest = _cue_words("contest")
    out = []
    for key, reports in groups:
        if key[1] not in contest:
            out.append((key, reports))
            continue
        parts: dict[str | None, list] = {}
        for a, n in reports:
            parts.setdefault(_contender(a, n, ballots), []).append((a, n))
        if len(parts) > 2 or (len(parts) == 2 and None not in parts):
            parts.pop(None, None)  # two contenders named: whose an unnamed count is cannot be told
        out.extend((key, part) for part in parts.values())
    return out


def _split_people(groups, label, whole=lambda reports: reports) -> list[tuple[tuple[str, str], list]]:
    """Groups of people counts split by ``label(article, number)`` when the story gives the
    group's head for two labels or more (figures without a label are compared among
    themselves); a group with one label at most stays whole, as ``whole`` keeps it. Other
    groups (sums, rates, counted nouns) pass unchanged."""
    out = []
    for key, reports in groups:
        measure, head = key
        if measure != "count" or head.startswith(NOUN_HEAD):
            out.append((key, reports))
            continue
        parts: dict[str | None, list] = {}
        for a, n in reports:
            parts.setdefault(label(a, n), []).append((a, n))
        if len([p for p in parts if p is not None]) < 2:
            out.append((key, whole(reports)))
        else:
            out.extend((key, part) for part in parts.values())
    return out


def _split_by_side(groups: list[tuple[tuple[str, str], list]]) -> list[tuple[tuple[str, str], list]]:
    """Each side's dead in a border clash compared with its own (Armenia's 1 then 2,
    Azerbaijan's 2 then 3), not one pool."""
    return _split_people(groups, _side)


def _split_by_population(groups: dict[tuple[str, str], list]) -> list[tuple[tuple[str, str], list]]:
    """"12 militan" and "15 warga sipil" killed: militants with militants, civilians with
    civilians, a generic "15 orang" with generic counts; a story that names one population only
    ("ratusan mahasiswa ditangkap", "menangkap 94 orang") keeps the group whole, less the parts
    of a figure ("tujuh orang meninggal, termasuk dua petugas polisi" is no other account of the
    seven)."""
    return _split_people(groups.items(), lambda a, n: population(n),
                         lambda reports: [(a, n) for a, n in reports if not _is_inclusion_part(a, n)] or reports)


def _one_report_per_value(reports: list[tuple[Article, NumberClaim]]) -> list[tuple[Article, NumberClaim]]:
    """One report of each value per article, from its body if it has one there (and there, the
    one whose speaker is known): a headline, its repeated copy and the lead giving the same "12
    orang" are one report, not four."""
    def in_body(a: Article, n: NumberClaim) -> bool:
        sent = a.sentence_at(n.start)
        return sent is not None and 0 <= sent.block < len(a.blocks) and a.blocks[sent.block].kind == "body"

    chosen: dict[tuple, tuple[Article, NumberClaim]] = {}
    for a, n in reports:
        key = (a.id, n.value, n.low, n.high)
        if key not in chosen:
            chosen[key] = (a, n)
            continue
        here, there = in_body(a, n), in_body(*chosen[key])
        if (here and not there) or (here == there and _speaker(a, n) and not _speaker(*chosen[key])):
            chosen[key] = (a, n)  # the body's report, and of two there the one whose speaker is known
    kept = {id(n) for _, n in chosen.values()}
    return [(a, n) for a, n in reports if id(n) in kept]


def _dispute(measure: str, head: str, reports: list[tuple[Article, NumberClaim]],
             order: dict[str, int]) -> dict | None:
    """The dispute entry of one group of figures counting the same thing, or None when its
    articles agree (or only one article reports it)."""
    sources = [_source(a, n) for a, n in reports]
    if len({(a.id, src) for (a, _), src in zip(reports, sources)}) < 2:
        return None
    # a contest's figures are split by contender already; the other pair its sentence names
    # ("unggul … atas pasangan Rusdi-Wulan") is no second referent
    anchors = [frozenset() if head in _cue_words("contest") else _anchors(a, n) for a, n in reports]
    dated_before = [_dated_before(a, n) for a, n in reports]
    has_own_day = {a.id for (a, _), before in zip(reports, dated_before) if not before}
    current = [not _change_words(a, n)[1] and not (before and a.id in has_own_day)
               for (a, n), before in zip(reports, dated_before)]
    moves = [_change_direction(a, n) for a, n in reports]
    contexts = ([_context_stems(a, n, NOUN_CONTEXT_AFTER) for a, n in reports]
                if head.startswith(NOUN_HEAD) else None)
    def comparable(i: int, j: int) -> bool:
        (a1, _), (a2, _) = reports[i], reports[j]
        return _two_sources(a1, a2, sources[i], sources[j]) and current[i] and current[j] \
            and moves[i] == moves[j] and (moves[i] is None or a1.reference_date == a2.reference_date) \
            and _same_referent(anchors[i], anchors[j]) \
            and (contexts is None or _share_stem(contexts[i], contexts[j]))

    pairs = [(i, j) for i in range(len(reports)) for j in range(i + 1, len(reports))]
    clashes = [(i, j) for i, j in pairs if not compatible(reports[i][1], reports[j][1]) and comparable(i, j)]
    disputed = bool(clashes)
    change = _change_over_time(reports, clashes) if disputed else None
    # values that can both hold but are written differently by two articles ("belasan orang"
    # then "14 orang" injured, "sedikitnya 230 kios" then "lebih dari 250"): listed, not flagged,
    # so the reader sees the figure develop
    differing = disputed or any(
        reports[i][0].id != reports[j][0].id and _develops(reports[i][1], reports[j][1]) and comparable(i, j)
        for i, j in pairs)
    if not differing:
        return None
    if not disputed:  # only the reports that compare with another article's ("dua siswa masih kritis" does not)
        keep = {k for i, j in pairs if reports[i][0].id != reports[j][0].id and comparable(i, j) for k in (i, j)}
        reports = [r for k, r in enumerate(reports) if k in keep]
        current = [c for k, c in enumerate(current) if k in keep]
    earlier_value = {id(n) for (_, n), now in zip(reports, current) if not now}
    reports.sort(key=lambda r: (r[0].reference_date or date.max, order[r[0].id], r[1].start))
    return {
        "object": _object_phrase(reports, head),
        "numbers": [n.id for _, n in reports],
        "values": [n.value if n.value is not None else [n.low, n.high] for _, n in reports],
        "head": head.removeprefix(NOUN_HEAD) if not measure.startswith("context:") else None,
        "unit": measure if measure not in ("count",) and not measure.startswith("context:") else (reports[0][1].unit or None),
        "disputed": disputed,
        # added field: "rising" / "falling" when the values that cannot both hold were reported
        # on different days and all move one way (a toll that grew: 9, then 12, then 14);
        # None when two of them were reported on one day or they move both ways
        "change": change,
        "reports": [{
            "number": n.id,
            "article": a.id,
            "sentence": n.sentence,
            "text": n.text,
            "value": n.value,
            "low": n.low,
            "high": n.high,
            "approx": n.approx,
            "speaker": _speaker(a, n),
            "source": a.outlet or a.source,
            "date": a.reference_date.isoformat() if a.reference_date else None,
            "earlier": id(n) in earlier_value,  # an earlier value the article updates, not compared
        } for a, n in reports],
    }


def _point(n: NumberClaim) -> float:
    """One value standing for a figure: its value, else the middle of its bounds."""
    if n.value is not None:
        return n.value
    lo, hi = interval(n) or (0.0, 0.0)
    return lo if math.isinf(hi) else (lo + hi) / 2


def _change_over_time(reports: list[tuple[Article, NumberClaim]], clashes: list[tuple[int, int]]) -> str | None:
    """"rising" or "falling" when every pair of reports that cannot both hold was reported on
    two different days, the later report says the figure changed ("naik menjadi 12 orang",
    "bertambah", "kini") and the later value is always higher (or always lower): a toll that
    grew (probes 9 and 10: 9, then 12, then 14), not sources contradicting each other. Two
    sources' figures a day or a week apart with no word of change (8 injured students by the
    police, 46 by the students' union; Rp1,2 and Rp1,5 miliar received) stay a dispute."""
    ways = set()
    for i, j in clashes:
        (a1, n1), (a2, n2) = reports[i], reports[j]
        d1, d2 = a1.reference_date, a2.reference_date
        if d1 is None or d2 is None or d1 == d2:
            return None
        (_, earlier), (a_later, later) = ((a1, n1), (a2, n2)) if d1 < d2 else ((a2, n2), (a1, n1))
        if not _change_words(a_later, later)[0]:
            return None
        ways.add("rising" if _point(later) > _point(earlier) else "falling")
    return ways.pop() if len(ways) == 1 else None


def _develops(a: NumberClaim, b: NumberClaim) -> bool:
    """Two compatible figures that say different things, one of them vague or a bound ("belasan"
    then 14, "sedikitnya 230" then "lebih dari 250"); two exact values apart only by rounding
    (144,53 and 144,5 triliun) are one figure written twice."""
    vague = any(n.value is None or n.approx or n.low is not None or n.high is not None for n in (a, b))
    return vague and (a.value, a.low, a.high, a.approx) != (b.value, b.low, b.high, b.approx)


def _source(article: Article, number: NumberClaim) -> str | None:
    """Who gives the figure: the speaker of the quote it sits in (entity, else the words), else
    the one its clause names before a reporting verb; None for the article's own voice."""
    speaker = _speaker(article, number)
    if speaker is not None and (speaker.get("entity") or speaker.get("text")):
        return speaker.get("entity") or speaker["text"].lower()
    return _clause_source(article, number)


def _two_sources(a1: Article, a2: Article, source1: str | None, source2: str | None) -> bool:
    """Whether two reports come from two sources: two articles, or two named sources of one
    article ("Polisi memperkirakan sekitar 15.000 orang …, sementara penyelenggara menyebut
    jumlahnya lebih dari 60.000")."""
    return a1.id != a2.id or (source1 is not None and source2 is not None and source1 != source2)


def _is_rejected(article: Article, number: NumberClaim) -> bool:
    """A figure right after a word that rejects it ("bukan 15 persen, tapi bisa 20 persen
    lebih") is someone else's figure named to deny it, not the speaker's own account."""
    before = _words(article.text, max(0, number.start - 24), number.start)
    return bool(before) and before[-1] in _cue_words("rejected")


def _is_find(article: Article, number: NumberClaim) -> bool:
    """"Tim SAR kembali menemukan tiga jenazah", "Dua jenazah ditemukan nelayan": bodies found
    in one search, a counted noun of bodies with a verb of finding in its clause."""
    counted = _words(number.object or number.unit or "")[:1]
    if not counted or counted[0] not in _cue_words("body"):
        return False
    clause = _words_back_to(article, number, CLAUSE_BREAK) + _clause_words_after(article, number)
    return not _cue_words("find").isdisjoint(clause)


def _without_finds(reports: list[tuple[Article, NumberClaim]]) -> list[tuple[Article, NumberClaim]]:
    """The reports, less the bodies found in one search in an article that also gives its own
    toll under the head: "kembali menemukan tiga jenazah …, sehingga jumlah korban meninggal
    kini mencapai 19 orang" reports 19 dead; the three are that day's finds, not a toll."""
    finds = [_is_find(a, n) for a, n in reports]
    with_toll = {a.id for (a, _), find in zip(reports, finds) if not find}
    return [(a, n) for (a, n), find in zip(reports, finds) if not (find and a.id in with_toll)]


def _head_term_before(article: Article, number: NumberClaim, head: str | None) -> str | None:
    """The words of the clause before a figure that name its group ("cadangan beras" for the
    1,2 juta ton of stock), when the figure has no counted phrase of its own."""
    if head is None:
        return None
    terms = [term for term, group in _head_matches(_clause_words_before(article, number), money=True)
             if group == head]
    return terms[-1] if terms else None


def _object_phrase(reports: list[tuple[Article, NumberClaim]], head: str | None = None) -> str:
    """The most common object phrase of the group that says what is counted, the group's own
    head first ("orang tewas" before "penumpang KM Mutiara Timur" for the dead, and before a
    bare "orang"; ties: the first reported), as written."""
    counts: dict[str, int] = {}
    first: dict[str, str] = {}
    for a, n in reports:
        phrase = n.object or _head_term_before(a, n, head) or n.unit or n.text
        k = phrase.lower()
        counts[k] = counts.get(k, 0) + 1
        first.setdefault(k, phrase)
    order = list(first)
    best = max(counts, key=lambda k: (head is not None and _find_head(_words(k), last=True) == head,
                                      _find_head(_words(k)) is not None, counts[k], -order.index(k)))
    return first[best]


class DisputeStage(CorpusStage):
    """Fills ``story.number_disputes`` with the figures the story's sources disagree on."""

    name = "disputes"
    requires = ("corpus.stories", "article.numbers", "number.id")
    assigns = ("story.number_disputes",)

    def __call__(self, corpus: Corpus, options: Options) -> None:
        for story in corpus.stories:
            story.number_disputes = find_disputes(corpus, story)
