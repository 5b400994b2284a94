"""The Indonesian time vocabulary, read once from the data files in ``telaah/lang/id/``.

Every word list the time patterns use comes from here, so adding a spelling variant is a data
change ("Agt", "Jum'at"), never a code change.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import load_table


def trie_alternation(forms) -> str:
    """A regex matching exactly ``forms`` (a space matches any run of whitespace), shaped as a
    trie. It matches what a longest-first alternation matches, in the same order of preference
    (a longer form before its prefix), but a position fails at its first character instead of
    after trying every form: several times faster to search."""
    tree: dict = {}
    for form in forms:
        node = tree
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + walk(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + walk(tree) + ")"


# Characters that case-insensitive matching equates with an ASCII letter although their lower
# case differs from it (İ ı ſ), and the one whose lower case depends on its neighbours (Σ).
_FOLD_EXCEPTIONS = "\u0130\u0131\u017f\u03a3"


def lowered(text: str) -> str | None:
    """``text.lower()`` when plain matching on it equals case-insensitive matching on ``text``
    at the same positions (regexes of lower-case literals); None when it does not (a character
    whose lower case is longer, or one of ``_FOLD_EXCEPTIONS``). Plain matching is faster."""
    low = text.lower()
    if len(low) != len(text) or any(c in text for c in _FOLD_EXCEPTIONS):
        return None
    return low


def _phrase(words) -> str:
    """A regex alternation of phrases, longest first, spaces matching any run of whitespace."""
    return trie_alternation({w.lower() for w in words})


def norm(s: str) -> str:
    """Lower-case with single spaces and straight apostrophes, the form the tables are keyed by."""
    return " ".join(s.lower().replace("’", "'").split())


class Lexicon:
    def __init__(self) -> None:
        self.months = {norm(r["form"]): int(r["month"]) for r in load_table("time_months.tsv")}
        self.full_months = {f for f, m in self.months.items() if len(f) > 4 or f in ("mei", "juni", "juli")}
        self.weekdays = {norm(r["form"]): int(r["weekday"]) for r in load_table("time_weekdays.tsv")}
        self.units = {norm(r["form"]): (r["unit"], r["iso"], int(r["factor"])) for r in load_table("time_units.tsv")}
        self.directions = {
            norm(r["form"]): (int(r["direction"]), r["anaphoric"] == "1") for r in load_table("time_directions.tsv")
        }
        self.deictic = {norm(r["phrase"]): (int(r["offset"]), r["part"] or None) for r in load_table("time_deictic.tsv")}
        self.parts = {norm(r["form"]): r["timeml"] for r in load_table("time_parts_of_day.tsv")}
        self.vague = {norm(r["phrase"]): r["timeml"] for r in load_table("time_vague.tsv")}
        self.anaphora = {norm(r["phrase"]): (r["unit"], r["part"] or None) for r in load_table("time_anaphora.tsv")}
        self.markers: dict[str, set[str]] = {}
        for r in load_table("time_markers.tsv"):
            self.markers.setdefault(r["kind"], set()).add(norm(r["form"]))
        self.cues: dict[str, set[str]] = {}
        for r in load_table("time_cues.tsv"):
            self.cues.setdefault(r["role"], set()).add(norm(r["word"]))
        self.fixed = {norm(r["phrase"]): (r["type"], r["value"]) for r in load_table("time_fixed.tsv")}
        self.numbers = {norm(r["word"]): int(r["value"]) for r in load_table("time_number_words.tsv")}

    def number(self, words: str) -> int | None:
        """Value of a count: digits, a number word, or a compound with belas/puluh."""
        w = norm(words)
        if w.isdigit():
            return int(w)
        if w in self.numbers:
            return self.numbers[w]
        total, current = 0, 0
        for tok in w.split():
            if tok == "belas":
                current = (current or 1) + 10
            elif tok == "puluh":
                total += (current or 1) * 10
                current = 0
            elif tok in self.numbers and tok != "se":
                current += self.numbers[tok]
            else:
                return None
        return total + current or None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()


@lru_cache(maxsize=1)
def day_list_tail() -> re.Pattern:
    """What follows the first day of a list of day numbers that ends in a month: ", 20 sampai 21
    November 1945" after "tanggal 19", " dan 4 Desember 2016" after "tanggal 3"."""
    lx = lexicon()
    joiners = _phrase(lx.markers["list"] | lx.markers["range"])
    sep = rf"\s*(?:,\s*(?:(?:{joiners})\s*)?|(?:{joiners})\s*)"
    date_word = rf"(?:{DATE_WORDS[0]}|{DATE_WORDS[1]}\.?)"
    return re.compile(rf"(?:{sep}(?:{date_word}\s+)?\d{{1,2}}(?![\w/.,]\d)){{1,6}}\s+(?P<mon>{_phrase(lx.months)})\.?"
                      rf"(?![\w])(?:\s+(?P<y>\d{{4}})(?![\w]))?(?:\s+(?P<dir>{_phrase(lx.directions)})(?![\w]))?",
                      re.IGNORECASE)


MODIFIERS = ("awal", "akhir", "pertengahan", "medio")  # "awal Juni", "akhir 2015"
PERIOD_MODIFIERS = ("awal", "akhir", "pertengahan")  # "akhir pekan"
RELATIVE_UNITS = ("hari", "pekan", "minggu", "bulan", "tahun")  # "pekan lalu"
COUNT_WORDS = ("beberapa", "berapa")
VAGUE_COUNTS = ("beberapa", "puluhan", "belasan", "ratusan", "ribuan")
CLOCK_WORDS = ("pukul", "jam", "pkl")
CLOCK_APPROX = ("sekitar", "sekira")
DATE_WORDS = ("tanggal", "tgl")


def _words(words) -> str:
    return "|".join(words)


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern]:
    """The time patterns, compiled once from the lexicon."""
    lx = lexicon()
    B = r"(?<![\w-])"  # start of a word (not inside "minggu-minggu")
    E = r"(?![\w])"  # end of a word
    NE = r"(?![\w/]|[.,:]\d)"  # end of a number: not 1.500, 3,5, 8/3
    month = _phrase(lx.months)
    full_month = _phrase(lx.full_months)
    weekday = _phrase(lx.weekdays)
    part = _phrase(lx.parts)
    unit = _phrase(lx.units)
    fused_unit = _phrase(u for u in lx.units if " " not in u)
    direction = _phrase(lx.directions)
    numword = _phrase(w for w in lx.numbers if w != "se")
    count = rf"(?:\d{{1,3}}|{numword}(?:\s+(?:belas|puluh)(?:\s+{numword})?)?|{_words(COUNT_WORDS)})"
    vague_count = rf"(?:{_words(VAGUE_COUNTS)})"
    relation = _phrase(lx.markers["relation"])
    sets = _phrase(lx.markers["set"])
    clock = (
        rf"(?:(?:{_words(CLOCK_WORDS[:-1])}|{CLOCK_WORDS[-1]}\.?)\s+(?P<h>\d{{1,2}})(?:[.:](?P<mi>\d{{2}}))?{NE}"
        rf"|(?P<h2>\d{{1,2}})[.:](?P<mi2>\d{{2}})(?=\s*(?:wib|wita|wit)\b))"
        rf"(?:\s*(?P<tz>wib|wita|wit|gmt|utc|waktu\s+setempat)\b)?(?:\s+(?P<cpart>{part}){E})?"
    )
    ic = re.IGNORECASE
    return {
        # "Jumat (8/3/2024)", "Senin, 29 Desember 2014", "hari Minggu pagi", "Kamis lalu"
        "weekday": re.compile(
            rf"{B}(?:hari\s+)?(?P<wd>{weekday}){E}"
            rf"(?:\s+(?P<part1>{part}){E})?"
            rf"(?:\s*,?\s*\((?P<inner>[^()\n]{{1,40}})\)|\s*,?\s+(?P<after>\d{{1,2}}\s+{month}\.?(?:\s+\d{{4}})?{NE}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}{NE}))?"
            rf"(?:\s+(?P<dir>{direction}){E})?(?:\s+(?P<part2>{part}){E})?",
            ic,
        ),
        # "8/3/2024", "08-03-2024", "2024-03-08"
        "numdate": re.compile(
            rf"{B}(?:(?P<d>\d{{1,2}})(?P<sep>[/.-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}})"
            rf"|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})){NE}",
            ic,
        ),
        # "tanggal 8/3" (a numeric day and month only with "tanggal")
        # "tanggal 24 kemarin": the direction word belongs to the date
        "tanggal": re.compile(rf"{B}(?:{DATE_WORDS[0]}|{DATE_WORDS[1]}\.?)\s+(?P<d>\d{{1,2}})(?:/(?P<m>\d{{1,2}}))?{NE}"
                              rf"(?:\s+(?P<dir>{direction}){E})?", ic),
        "fixed": re.compile(rf"{B}(?P<ph>{_phrase(lx.fixed)}){E}", ic),
        # "8 Maret 2024", "tanggal 8 Maret", "8 Des.", "26 Desember lalu"
        "textdate": re.compile(
            rf"{B}(?:(?:{DATE_WORDS[0]}|{DATE_WORDS[1]}\.?)\s+)?(?P<d>\d{{1,2}})\s+(?P<mon>{month})\.?{E}"
            # "8 Oktober tahun lalu": the year counted from the reference
            rf"(?:\s+(?:tahun\s+)?(?P<y>\d{{4}}){NE}|\s+tahun\s+(?P<ydir>{direction}){E})?"
            # "26 Desember 2004 silam": the direction word belongs to the date (else the month
            # pattern's longer "Desember 2004 silam" would win and lose the day)
            rf"(?:\s+(?P<dir>{direction}){E})?",
            ic,
        ),
        # "Maret 2024", "bulan Juni", "awal Juni lalu", "Des 2024", "Oktober tahun lalu"
        "month": re.compile(
            rf"{B}(?:(?P<mod>{_words(MODIFIERS)})\s+)?(?:(?P<bulan>bulan)\s+)?(?P<mon>{month})\.?{E}"
            rf"(?:\s+(?:tahun\s+)?(?P<y>\d{{4}}){NE}|\s+tahun\s+(?P<ydir>{direction}){E})?(?:\s+(?P<dir>{direction}){E})?",
            ic,
        ),
        # "tahun 2019", "pada 2019", "1990-an", "tahun 90-an", "awal 2015"
        "year": re.compile(
            rf"(?<![\w/.,:])(?:(?P<mod>{_words(MODIFIERS)})\s+)?(?:(?P<tahun>tahun)\s+)?"
            rf"(?:(?P<y>(?:1[5-9]|20)\d\d)(?P<an>-?an)?|(?P<yy>\d0)-?an){NE}(?:\s+(?P<dir>lalu|silam|yang\s+lalu){E})?",
            ic,
        ),
        "deictic": re.compile(
            rf"{B}(?P<ph>{_phrase(lx.deictic)}){E}(?:\s+(?P<part>{part}){E})?(?:\s+(?P<dh>hari){E})?"
            # "kemarin (Rabu, 12/4)", "Kemarin (21/5)": the bracket spells the day the word means
            rf"(?:\s*\((?:{weekday}\s*,?\s*)?(?P<dinner>\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*\d{{2,4}})?"
            rf"|\d{{1,2}}\s+{month}\.?(?:\s+\d{{4}})?)\))?", ic
        ),
        # "dua hari lalu", "sepekan lalu", "3 tahun silam"
        "relcount": re.compile(
            rf"{B}(?:(?P<count>{count})\s+(?P<unit>{unit})|se(?P<funit>{fused_unit})){E}\s+(?P<dir>{direction}){E}",
            ic,
        ),
        # "pekan lalu", "bulan ini", "tahun depan", "minggu lalu"
        "relunit": re.compile(rf"{B}(?P<unit>{_words(RELATIVE_UNITS)})\s+(?P<dir>{direction}){E}", ic),
        # "akhir pekan", "awal bulan depan", "akhir tahun lalu"
        "period": re.compile(
            rf"{B}(?P<mod>{_words(PERIOD_MODIFIERS)})\s+(?P<unit>pekan|minggu|bulan|tahun){E}(?:\s+(?P<dir>{direction}){E})?",
            ic,
        ),
        "clock": re.compile(rf"{B}(?:(?:{_words(CLOCK_APPROX)})\s+)?{clock}", ic),
        # "pada malam hari", "pagi hari"
        "part": re.compile(rf"{B}(?P<part>{part})\s+hari{E}", ic),
        "anaphora": re.compile(rf"{B}(?P<ph>{_phrase(lx.anaphora)}){E}", ic),
        "vague": re.compile(rf"{B}(?P<ph>{_phrase(lx.vague)}){E}", ic),
        # "sehari setelah", "dua pekan sebelum"
        "event": re.compile(
            rf"{B}(?:(?P<count>{count})\s+(?P<unit>{unit})|se(?P<funit>{fused_unit})){E}\s+(?P<rel>{relation}){E}", ic
        ),
        # "tiga tahun", "setahun", "beberapa hari", "bertahun-tahun", "24 jam", "lima tahun terakhir"
        "duration": re.compile(
            rf"{B}(?:(?P<count>{count}|{vague_count})\s+(?P<unit>{unit})|se(?P<funit>{fused_unit})"
            rf"|ber(?P<runit>{fused_unit})-(?P=runit)){E}(?:\s+(?P<last>{_phrase(lx.markers['duration_after'])}){E})?",
            ic,
        ),
        "set": re.compile(rf"{B}(?:{sets})\s+(?P<what>{unit}|{weekday}){E}", ic),
    }


_ESCAPE_OR_GROUP_NAME = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)")


@lru_cache(maxsize=1)
def patterns_lower() -> dict[str, re.Pattern]:
    """``patterns`` without IGNORECASE, for ``lowered`` text: there they match what ``patterns``
    match in the text itself, at the same places and with the same groups but lower-cased, and
    several times faster. (The patterns are written in lower case: checked here.)"""
    out = {}
    for kind, pat in patterns().items():
        literal = _ESCAPE_OR_GROUP_NAME.sub("", pat.pattern)
        if literal != literal.lower():
            raise ValueError(f"time pattern {kind!r} has an upper-case letter; write it in lower case")
        out[kind] = re.compile(pat.pattern, pat.flags & ~re.IGNORECASE)
    return out


TOKEN_RE = re.compile(r"[a-z']+|\d")


def tokens_of(text: str) -> set[str]:
    """Lower-case word tokens and single digits: what the triggers are checked against."""
    return set(TOKEN_RE.findall(text.lower().replace("’", "'")))


@lru_cache(maxsize=1)
def triggers() -> dict[str, frozenset[str]]:
    """For each pattern, the tokens one of which must occur in a sentence for it to match at all.

    Checking a set of tokens is much cheaper than running every pattern over every sentence.
    """
    lx = lexicon()

    def first(phrases) -> set[str]:
        return {TOKEN_RE.findall(p)[0] for p in phrases if TOKEN_RE.findall(p)}

    digits = set("0123456789")
    units = set(lx.units)
    fused = {pre + u for u in units for pre in ("se", "ber")}
    counted = units | fused
    sets = {w for s in lx.markers["set"] for w in TOKEN_RE.findall(s)}
    return {
        "weekday": frozenset(first(lx.weekdays)),
        "numdate": frozenset(digits),
        "tanggal": frozenset({"tanggal", "tgl"}),
        "fixed": frozenset(first(lx.fixed)),
        "textdate": frozenset(first(lx.months)),
        "month": frozenset(first(lx.months)),
        "year": frozenset(digits),
        "deictic": frozenset(first(lx.deictic)),
        "relcount": frozenset(counted),
        "relunit": frozenset(units),
        "period": frozenset(units),
        "clock": frozenset(digits),
        "part": frozenset(first(lx.parts)),
        "anaphora": frozenset(first(lx.anaphora)),
        "vague": frozenset(first(lx.vague)),
        "event": frozenset(counted),
        "duration": frozenset(counted),
        "set": frozenset(sets),
    }


WORD_RUN = re.compile(r"(?<!\w)\w+")  # a maximal run of word characters: where a match can begin
_FIRST_RUN = re.compile(r"\w+")


@lru_cache(maxsize=1)
def pattern_starts() -> dict[str, tuple[frozenset[str], bool] | None]:
    """For each pattern, the word runs (lower-case ``\\w+``) a match of it can begin with, and
    whether it can begin with a digit; None when that is not known (search the whole sentence).

    Every pattern begins at a word character with no word character before it, and each word
    listed here is followed in the pattern by a non-word character (a space, ``\\.?`` and a word
    end, a hyphen), so the run at the start of a match is one of these words exactly. Trying the
    patterns only where a sentence has such a run is what makes time extraction fast; the
    result is the same as searching every position (``tests/times`` checks it).
    """
    lx = lexicon()

    def firsts(phrases) -> frozenset[str] | None:
        out = set()
        for p in phrases:
            m = _FIRST_RUN.match(p.lower())
            if m is None or not p.isascii():
                return None  # a phrase starting with punctuation, or non-ASCII case folding
            out.add(m.group())
        return frozenset(out)

    fused = [u for u in lx.units if " " not in u]
    counted = [w for w in lx.numbers if w != "se"] + list(COUNT_WORDS) + ["se" + u for u in fused]
    counts = firsts(counted)
    plan = {
        "weekday": (firsts(["hari", *lx.weekdays]), False),
        "numdate": (frozenset(), True),
        "tanggal": (firsts(DATE_WORDS), False),
        "fixed": (firsts(lx.fixed), False),
        "textdate": (firsts(DATE_WORDS), True),
        "month": (firsts([*MODIFIERS, "bulan", *lx.months]), False),
        "year": (firsts([*MODIFIERS, "tahun"]), True),
        "deictic": (firsts(lx.deictic), False),
        "relcount": (counts, True),
        "relunit": (firsts(RELATIVE_UNITS), False),
        "period": (firsts(PERIOD_MODIFIERS), False),
        "clock": (firsts([*CLOCK_APPROX, *CLOCK_WORDS]), True),
        "part": (firsts(lx.parts), False),
        "anaphora": (firsts(lx.anaphora), False),
        "vague": (firsts(lx.vague), False),
        "event": (counts, True),
        "duration": (firsts([*counted, *VAGUE_COUNTS, *("ber" + u for u in fused)]), True),
        "set": (firsts(lx.markers["set"]), False),
    }
    assert plan.keys() == patterns().keys()
    return {kind: (None if words is None else (words, digit)) for kind, (words, digit) in plan.items()}


YEAR_HEADS = frozenset(f"{c}" for c in ("15", "16", "17", "18", "19", "20"))  # (?:1[5-9]|20)\d\d


COUNTED_KINDS = ("relcount", "event", "duration")  # a count, then a unit: "dua hari lalu"
COUNT_LINKS = ("belas", "puluh")  # "dua puluh tahun": between a count word and its unit


def count_words() -> frozenset[str]:
    """The words a count of ``COUNTED_KINDS`` begins with (number words, "beberapa", "puluhan"),
    which are followed by spaces and a unit, or by ``COUNT_LINKS``."""
    lx = lexicon()
    return frozenset([w for w in lx.numbers if w != "se"] + list(COUNT_WORDS) + list(VAGUE_COUNTS))


def digit_start(kind: str, run: str, after: str, next_word: str | None = None) -> bool:
    """Whether a match of pattern ``kind`` can begin with the digit run ``run`` (all of the
    ``\\d`` characters there) followed by the character ``after`` ("" at the end of the
    sentence), ``next_word`` being the whole word after the run and its spaces (lower case;
    None when something else comes first). Read off the patterns above: it narrows where each is
    tried, never changes what it finds."""
    n = len(run)
    if kind == "numdate":  # 8/3/2024, 08-03-2024, 2024-03-08
        return (n <= 2 and after in ("/", ".", "-")) or (n == 4 and after == "-")
    if kind == "textdate":  # 8 Maret
        return n <= 2 and after.isspace() and next_word in lexicon().months
    if kind == "year":  # 2019, 2019-an, 90-an
        return (n == 4 and run[:2] in YEAR_HEADS) or (n == 2 and run[1] == "0")
    if kind in ("relcount", "event", "duration"):  # 3 tahun
        return n <= 3 and after.isspace() and next_word in lexicon().units
    if kind == "clock":  # 15.00 WIB
        return n <= 2 and after in (".", ":")
    return True
