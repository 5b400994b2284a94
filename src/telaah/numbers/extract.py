"""Find quantity claims in Indonesian news sentences and normalise them.

A claim is a figure ("1.500", "3,5", "dua puluh lima", "ratusan", "Rp 4,5 miliar") with what
it counts. Everything that looks like a figure but is not a quantity (dates, years, clock times,
decades, ordinals, model names, phone numbers, article numbers, scores) is dropped here so the
dossier only carries claims a reader could dispute.

Conventions (see ``lang/id/README.md`` and ``tests/gold/NUMBERS_GUIDELINES.md``):

- ``value`` is the stated figure; it is ``None`` for vague amounts ("ratusan") and for ranges
  ("10-15 orang"), whose extent is in ``low``/``high``.
- A qualifier ("lebih dari", "hampir", "sekitar") keeps ``value`` and sets ``approx``; a lower- or
  upper-bound qualifier also puts the figure in ``low`` or ``high``.
- ``unit`` is an ISO 4217 code for money ("IDR", "USD"), a symbol for measures ("%", "km",
  "ha"), the duration word for durations ("tahun"), and the counted head noun for counts
  ("orang", "rumah"; for a classifier like "ekor" the noun after it).
- ``object`` is the counted phrase after the figure, up to a stop word or punctuation, at most
  four words ("warga sipil tewas").

Language knowledge is in the data files ``number_words.tsv``, ``number_qualifiers.tsv``,
``currencies.tsv``, ``units.tsv`` and ``number_context.tsv``; the patterns are compiled from them
once, at first use.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..document import NumberClaim, Sentence
from ..lang import load_table
from ..times.lexicon import trie_alternation
from ..times.scan import clean_span, span_hits, text_scan

MAX_OBJECT_WORDS = 4
SCORE_CUE_WINDOW = 3  # words before a "2-1" that may say it is a score


@dataclass(frozen=True)
class _Word:
    kind: str
    value: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, _Word]
    qualifiers: dict[str, tuple[bool, str | None]]
    currencies: dict[str, str]  # lowercased form -> code (case handled by the pattern)
    units: dict[str, tuple[str, str]]  # lowercased form -> (unit, kind)
    context: dict[str, frozenset[str]]  # kind -> words (lowercase)
    max_context_words: int
    pattern: re.Pattern[str]
    single_pattern: re.Pattern[str]
    anchor: re.Pattern[str]  # where an amount can begin: a digit or a number word
    lookback: int  # how many tokens before an amount its qualifier and currency can take
    lead: re.Pattern[str]  # what a match that does not start at its amount starts with
    anchor_lower: re.Pattern[str]  # ``anchor`` for lowered text (see ``times.lexicon.lowered``)
    lead_at: re.Pattern[str]  # ``lead`` at a token start
    lead_at_lower: re.Pattern[str]
    anchor_words: frozenset[str]  # the number words ``anchor`` finds, lower-cased
    lead_scan_lower: re.Pattern[str] | None  # see ``_Scan.lead_between``


def _alternation(forms, case_sensitive=lambda f: False, prefix: bool = False) -> str:
    """A regex alternation of ``forms``, longest first, whole words (a prefix may touch digits).

    Built as tries (``_trie_alternation``) when that matches the same, several times faster."""
    forms = set(forms)
    boundary = r"(?![^\W\d_])" if prefix else r"(?!\w)"
    return _trie_alternation(forms, case_sensitive, boundary) or _longest_first(forms, case_sensitive, boundary)


def _longest_first(forms: set[str], case_sensitive, boundary: str) -> str:
    parts = []
    for form in sorted(forms, key=len, reverse=True):
        esc = re.escape(form).replace(r"\ ", r"\s+")
        if not case_sensitive(form):
            esc = f"(?i:{esc})"
        if form[-1].isalnum():
            esc += boundary
        parts.append(esc)
    return "|".join(parts)


def _trie_alternation(forms: set[str], case_sensitive, boundary: str) -> str | None:
    """``_longest_first`` as one trie matched ignoring case, or None when that could match
    differently.

    The forms that match at one place are prefixes of one another, and a trie tries them longest
    first, as the alternation does, each with its own word boundary at its end; a case-sensitive
    form also checks its exact letters there, looking back. The forms must have single spaces and
    no letters or digits beyond ASCII (so that sibling branches never match the same text; other
    characters, "€", are matched exactly), and a case-sensitive one no space (a look-back has a
    fixed width)."""
    ends: dict[str, list[str]] = {}
    for form in forms:
        sensitive = bool(case_sensitive(form))
        if not form or " ".join(form.split()) != form or (sensitive and " " in form) or any(
                not c.isascii() and (c.isalnum() or c.lower() != c.upper()) for c in form):
            return None
        end = f"(?-i:(?<={re.escape(form)}))" if sensitive and form.lower() != form.upper() else ""
        if form[-1].isalnum():
            end += boundary
        ends.setdefault(form.lower(), []).append(end)
    tree: dict = {}
    for form, conditions in ends.items():
        node = tree
        for ch in form:
            node = node.setdefault(ch, {})
        # forms equal but for case match the same text, so their order does not matter
        node[""] = conditions[0] if len(conditions) == 1 else "(?:" + "|".join(sorted(conditions)) + ")"

    def walk(node: dict) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + walk(sub) for ch, sub in sorted(node.items()) if ch]
        if "" in node:
            alts.append(node[""])  # a form ending here, after the longer ones
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return "(?i:" + walk(tree) + ")"


_TOKEN_START = r"(?<![\w$€£¥+\-/.,:@#])"
_MATCH_START = re.compile(rf"{_TOKEN_START}(?=\S)")  # where a token (and a match) can begin


def _f(x: str) -> float | None:
    return float(x) if x.strip() else None


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """Build the lexicon and the claim pattern from the data files (once per process)."""
    words = {r["word"]: _Word(r["kind"], _f(r["value"]), _f(r["low"]), _f(r["high"]))
             for r in load_table("number_words.tsv")}
    qualifiers = {r["qualifier"].lower(): (r["approx"] == "1", None if r["bound"] == "-" else r["bound"])
                  for r in load_table("number_qualifiers.tsv")}
    cur_rows = load_table("currencies.tsv")
    currencies = {r["form"].lower(): r["code"] for r in cur_rows}
    cur_case = {r["form"] for r in cur_rows if r["case"] == "s"}
    unit_rows = load_table("units.tsv")
    units = {r["form"].lower(): (r["unit"], r["kind"]) for r in unit_rows}
    context: dict[str, set[str]] = {}
    for r in load_table("number_context.tsv"):
        context.setdefault(r["kind"], set()).add(r["word"].lower())

    word_alt = _alternation(words)
    mult_alt = _alternation([w for w, d in words.items() if d.kind in ("mult", "scale", "teen")
                             or (d.kind == "vague" and d.low >= 1000)])
    digits = r"\d+(?:[.,]\d+)*"
    amount = rf"(?:{digits}(?:\s*(?:{mult_alt}))*|(?:{word_alt})(?:[ \t]+(?:{word_alt}))*)"
    prefix_alt = _alternation([r["form"] for r in cur_rows if r["position"] in ("prefix", "both")],
                              lambda f: f in cur_case, prefix=True)
    suffix_forms = [r["form"] for r in cur_rows if r["position"] in ("suffix", "both")]
    measure_forms = [r["form"] for r in unit_rows if r["kind"] in ("percent", "measure")]
    suffix_alt = _alternation(suffix_forms + measure_forms,
                              lambda f: f in cur_case or (f in units and (len(f) <= 2 or any(c.isupper() for c in f))))
    qual_alt = _alternation(qualifiers)
    start = r"(?<![\w$€£¥+\-/.,:@#])"
    end = r"(?![\w:@]|/(?![^\W\d_])|[.,]\d|-\w)"  # "/" only before a rate's letters ("Rp 22 ribu/kg")
    head = rf"{start}(?:(?P<qual>{qual_alt})\s+)?(?:(?P<cur>{prefix_alt})\s*)?(?P<a>{amount})"
    unit1 = rf"(?:\s*(?P<u1>{suffix_alt}))?"
    rng = (rf"(?:\s*(?P<sep>[-–—]|s/d|s\.d\.?|(?i:sampai\s+dengan|hingga|sampai))\s*"
           rf"(?:(?P<cur2>{prefix_alt})\s*)?(?P<b>{amount})(?:\s*(?P<u2>{suffix_alt}))?)?")
    pattern = re.compile(head + unit1 + rng + end)
    single = re.compile(head + unit1 + end)
    max_ctx = max(len(w.split()) for ws in context.values() for w in ws)
    anchor = rf"\d+|(?<!\w)(?:{trie_alternation({w.lower() for w in words})})(?!\w)"
    cur_forms = [r["form"] for r in cur_rows if r["position"] in ("prefix", "both")]
    lookback = max(len(q.split()) for q in qualifiers) + max(len(c.split()) for c in cur_forms)
    lead = trie_alternation({f.lower() for f in list(qualifiers) + cur_forms})
    lead_at = rf"{_TOKEN_START}(?:{lead})"
    return _Lexicon(words, qualifiers, currencies, units,
                    {k: frozenset(v) for k, v in context.items()}, max_ctx, pattern, single,
                    re.compile(anchor, re.IGNORECASE), lookback, re.compile(lead, re.IGNORECASE),
                    re.compile(anchor), re.compile(lead_at, re.IGNORECASE), re.compile(lead_at),
                    frozenset(w.lower() for w in words), _lead_scan(qualifiers, cur_forms, lead))


_LOOKBACK_CHARS = 60


def _search(lex: _Lexicon, text: str, pos: int, end: int) -> re.Match | None:
    """``lex.pattern.search(text, pos, end)``, several times faster.

    Every match holds an amount, which begins with a digit or a number word (``anchor``),
    preceded at most by a qualifier and a currency, that is by ``lookback`` tokens. So the
    pattern is tried only at the token starts just before each anchor, earliest first: the
    first match found is the leftmost one, as ``search`` would return.
    """
    a = lex.anchor.search(text, pos, end)
    while a is not None:
        m = _match_near(lex, text, pos, a.start(), end)
        if m is not None:
            return m
        a = lex.anchor.search(text, a.end(), end)
    return None


def _match_near(lex: _Lexicon, text: str, pos: int, here: int, end: int) -> re.Match | None:
    """The earliest match starting at one of the last tokens up to the anchor at ``here``."""
    window = max(pos, here - _LOOKBACK_CHARS)
    starts = [st.start() for st in _MATCH_START.finditer(text, window, here + 1)][-(lex.lookback + 1):]
    if window > pos and len(starts) <= lex.lookback:  # very long words: look at the whole stretch
        starts = [st.start() for st in _MATCH_START.finditer(text, pos, here + 1)][-(lex.lookback + 1):]
    for st in starts:
        if st != here and lex.lead.match(text, st, end) is None:
            continue  # neither a qualifier nor a currency: no match can start here
        m = lex.pattern.match(text, st, end)
        if m is not None:
            return m
    return None


def _lead_scan(qualifiers, cur_forms, lead: str) -> re.Pattern[str] | None:
    """``lead_at`` after the first character of a sentence, on lowered text, faster: the scan
    steps only onto characters other than ASCII lower-case letters, one that may stand before a
    token, and looks for a qualifier or currency right after it (group 1). None when a form ends
    in a character that may stand before a token: then a form found could hide one just after it.
    """
    if any(_TOKEN_BEFORE_OK.match(f[-1]) for f in list(qualifiers) + cur_forms):
        return None
    return re.compile(rf"[^a-z_](?<=[^\w$€£¥+\-/.,:@#])({lead})")


_TOKEN_BEFORE_OK = re.compile(r"[^\w$€£¥+\-/.,:@#]")  # what _TOKEN_START allows before a token


class _Scan:
    """One sentence's anchors and qualifiers/currencies, found once, for ``_search_in``."""

    __slots__ = ("starts", "ends", "lead_starts", "lead_ends")

    def __init__(self, starts: list[int], ends: list[int]):
        self.starts = starts  # the anchors, as ``anchor.finditer`` over the sentence finds them
        self.ends = ends
        self.lead_starts: list[int] | None = None  # found on first need
        self.lead_ends: list[int] = []

    def lead_between(self, lex: _Lexicon, text: str, low: str | None, sent: Sentence, pos: int, here: int) -> bool:
        """Whether a qualifier or currency can start at a token in [pos, here). Found without
        overlaps, so one starting inside another is only known by the span holding it."""
        if self.lead_starts is None:
            self.lead_starts = []
            if low is None or lex.lead_scan_lower is None:
                lead_at = lex.lead_at if low is None else lex.lead_at_lower
                for m in lead_at.finditer(text if low is None else low, sent.start, sent.end):
                    self.lead_starts.append(m.start())
                    self.lead_ends.append(m.end())
            else:
                scan_from = sent.start
                m = lex.lead_at_lower.match(low, scan_from, sent.end)
                if m is not None:
                    self.lead_starts.append(m.start())
                    self.lead_ends.append(m.end())
                    scan_from = m.end()
                for m in lex.lead_scan_lower.finditer(low, scan_from, sent.end):
                    self.lead_starts.append(m.start(1))
                    self.lead_ends.append(m.end())
        j = bisect_right(self.lead_ends, pos)  # the first lead ending after pos
        return j < len(self.lead_starts) and self.lead_starts[j] < here


def _search_in(lex: _Lexicon, text: str, pos: int, sent: Sentence, scan: _Scan, low: str | None) -> re.Match | None:
    """``_search(lex, text, pos, sent.end)`` over the sentence's anchors found beforehand.

    The anchors a search from ``pos`` meets are those found from the sentence start, unless
    ``pos`` falls inside one (then search afresh). At an anchor with no qualifier or currency
    between ``pos`` and it, the only start ``_search`` can accept is the anchor's own.
    """
    end = sent.end
    i = bisect_left(scan.starts, pos)
    if i and scan.ends[i - 1] > pos:
        return _search(lex, text, pos, end)
    for k in range(i, len(scan.starts)):
        here = scan.starts[k]
        if not scan.lead_between(lex, text, low, sent, pos, here):
            if _MATCH_START.match(text, here):
                m = lex.pattern.match(text, here, end)
                if m is not None:
                    return m
            continue
        m = _match_near(lex, text, pos, here, end)
        if m is not None:
            return m
    return None


# --- parsing figures ---------------------------------------------------------------------------

_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")


def parse_digits(s: str) -> float | None:
    """Indonesian digit formats: "1.500" = 1500, "3,5" = 3.5, "3.761,412" = 3761.412.

    A single dot followed by other than three digits is a decimal point ("2.5", "141.90"), as in
    wire copy translated from English; "1,234.5" is read the English way.
    """
    dots, commas = s.count("."), s.count(",")
    try:
        if dots and commas:
            if s.rfind(",") > s.rfind("."):
                return float(s.replace(".", "").replace(",", "."))
            return float(s.replace(",", ""))
        if dots:
            groups = s.split(".")[1:]
            if all(len(g) == 3 for g in groups):
                return float(s.replace(".", ""))
            return float(s) if dots == 1 else None
        if commas:
            groups = s.split(",")[1:]
            if commas > 1:
                return float(s.replace(",", "")) if all(len(g) == 3 for g in groups) else None
            return float(s.replace(",", "."))
        return float(s)
    except ValueError:
        return None


@dataclass
class Amount:
    value: float | None  # None when vague
    low: float | None
    high: float | None
    has_mult: bool
    is_word: bool
    raw_base: float | None  # the figure before any multiplier ("40" of "40 - 50 juta")
    mults: float  # product of the trailing multipliers
    approx: bool = False  # "14 ribuan"


def parse_amount(text: str) -> Amount | None:
    """Value of "1,2 juta", "dua puluh lima", "satu setengah juta", "puluhan ribu"; None if not a number."""
    lex = lexicon()
    text = text.strip()
    m = _DIGITS_RE.match(text)
    if m:
        base = parse_digits(m.group())
        if base is None:
            return None
        mult = 1.0
        for w in text[m.end():].split():
            d = lex.words.get(w.lower())
            if d is not None and d.kind == "vague" and d.low >= 1000:  # "14 ribuan": about 14,000
                amt = Amount(base * mult * d.low, None, None, True, False, base, mult * d.low)
                amt.approx = True
                return amt
            if d is None or d.kind not in ("mult", "scale", "teen"):
                return None
            mult = mult * d.value if d.kind != "teen" else mult  # "2 belas" does not occur; ignore
        return Amount(base * mult, None, None, mult != 1.0, False, base, mult)
    total, group, last = 0.0, 0.0, None
    vague: tuple[float, float] | None = None
    mults = 1.0
    seen_any = False
    for w in text.split():
        d = lex.words.get(w.lower())
        if d is None:
            return None
        if d.kind == "vague":
            if seen_any:
                return None
            vague = (d.low, d.high)
        elif vague is not None:
            if d.kind != "mult":
                return None
            vague = (vague[0] * d.value, (vague[1] + 1) * d.value - 1)
            mults *= d.value
        elif d.kind == "digit":
            if d.value >= 10:
                if last is not None:
                    return None
                group += d.value
            else:
                if last is not None:
                    return None
                last = d.value
        elif d.kind == "teen":
            if last is None:
                return None
            group += last + 10
            last = None
        elif d.kind == "scale":
            if last is None:
                return None
            group += last * d.value
            last = None
        elif d.kind == "denominator":  # "dua pertiga": two thirds
            if last is None:
                return None
            group += last * d.value
            last = None
        elif d.kind in ("half", "fraction"):
            group += (last or 0) + d.value
            last = None
        elif d.kind == "mult":
            g = group + (last or 0)
            if not seen_any or g == 0:
                return None
            total += g * d.value
            mults = d.value
            group, last = 0.0, None
        seen_any = True
    if vague is not None:
        return Amount(None, vague[0], vague[1], mults != 1.0, True, None, mults)
    value = total + group + (last or 0)
    return Amount(value, None, None, mults != 1.0, True, value / mults, mults)


# --- context -----------------------------------------------------------------------------------

_WORD_AFTER = re.compile(r"[ \t]*([^\W\d_](?:[\w'’]*\w)?(?:-\w+)*)")
_TOKEN_BEFORE = re.compile(r"(\S+)\s*$")


def _words_before(text: str, pos: int, floor: int, n: int) -> list[str]:
    """Up to ``n`` whitespace-separated tokens before ``pos`` (nearest last), not before ``floor``."""
    if not n:
        return []
    # splitting at whitespace and "/" alike; only the last n tokens are needed
    return text[max(floor, pos - 80):pos].replace("/", " ").rsplit(None, n)[-n:]


def _tails(tokens: list[str], max_words: int) -> set[str]:
    """The last 1..``max_words`` tokens, lower-cased and joined: the text before a figure ends
    with a phrase of a set when the set holds one of them."""
    out, tail = set(), ""
    for token in reversed(tokens[-max_words:]):
        tail = f"{token.lower()} {tail}" if tail else token.lower()
        out.add(tail)
    return out


def _next_words(text: str, pos: int, limit: int, n: int) -> list[tuple[int, int, str]]:
    """Up to ``n`` words after ``pos``, as ``_WORD_AFTER`` matched again and again finds them."""
    m = _words_after(n).match(text, pos, limit)
    out = []
    if m is not None:
        for k in range(1, n + 1):
            word = m.group(k)
            if word is None:
                break
            out.append((m.start(k), m.end(k), word))
    return out


@lru_cache(maxsize=None)
def _words_after(n: int) -> re.Pattern[str]:
    """``_WORD_AFTER`` n times in one pattern: each word only after the one before, each as
    matched alone (a later word failing leaves the earlier ones as they are)."""
    rx = ""
    for _ in range(n):
        rx = _WORD_AFTER.pattern + (f"(?:{rx})?" if rx else "")
    return re.compile(rx)


def _is_year(a_text: str, amt: Amount) -> bool:
    return bool(_FOUR_DIGITS.fullmatch(a_text)) and 1900 <= amt.value <= 2100 and not amt.has_mult


# --- extraction --------------------------------------------------------------------------------


def extract_numbers(text: str, sentences: list[Sentence]) -> list[NumberClaim]:
    """Quantity claims inside the given sentence spans, in text order."""
    out: list[NumberClaim] = []
    lex = lexicon()
    low, shared = text_scan(text)
    if shared is not None:
        # the hits ``anchor`` finds (digit runs and number words) among those of the whole text;
        # the time words found besides are whole words of letters, so they hide no anchor
        starts, ends = [], []
        words = lex.anchor_words
        for h_start, h_end, found in shared:
            if found[0].isdecimal() or found in words:
                starts.append(h_start)
                ends.append(h_end)
    for sent in sentences:
        if shared is None:
            found = (lex.anchor.finditer(text, sent.start, sent.end) if low is None
                     else lex.anchor_lower.finditer(low, sent.start, sent.end))
            spans = [(a.start(), a.end()) for a in found]
            scan = _Scan([a for a, _ in spans], [b for _, b in spans])
        elif clean_span(low, sent.start, sent.end):
            i, j = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
            if i == j:
                continue  # no digit and no number word
            scan = _Scan(starts[i:j], ends[i:j])
        else:
            spans = [(a, b) for a, b, w in span_hits(low, sent.start, sent.end) if w[0].isdecimal() or w in words]
            scan = _Scan([a for a, _ in spans], [b for _, b in spans])
        if scan.starts:
            out.extend(_extract_sentence(text, sent, low, lex, scan))
    return out


def _extract_sentence(text: str, sent: Sentence, low: str | None, lex: _Lexicon, scan: _Scan) -> list[NumberClaim]:
    """Claims of one sentence, given its anchors; ``low`` is ``lowered(text)``."""
    ctx = lex.context
    claims: list[NumberClaim] = []
    pos = sent.start
    while pos < sent.end:
        m = _search_in(lex, text, pos, sent, scan, low)
        if not m:
            break
        claim, consumed_to = _claim_from_match(text, sent, m, lex, ctx)
        if claim is None and m.group("b") is not None and consumed_to is None:
            # an impossible range ("10 hingga 5"): take the first figure alone, look again after it
            m1 = lex.single_pattern.match(text, m.start(), sent.end)
            if m1:
                claim, consumed_to = _claim_from_match(text, sent, m1, lex, ctx)
                consumed_to = consumed_to or m1.end()
        if claim is not None:
            claims.append(claim)
        pos = max(consumed_to or m.end(), m.start() + 1)
    return claims


_LEADING_DIGITS = re.compile(r"\d+")
_SHORT_NUMBER = re.compile(r"\d{2,4}")
_TWO_DIGITS = re.compile(r"\d{2}")
_FOUR_DIGITS = re.compile(r"\d{4}")
_LIST_MARK = re.compile(r"\s*[.)]")
_LAW_YEAR = re.compile(r"\s+\d{4}(?!\d)")


@lru_cache(maxsize=4096)
def _amount_of(text: str) -> Amount | None:
    """``parse_amount``, remembered: the same figures recur. The Amount is shared, never changed."""
    return parse_amount(text)


def _claim_from_match(text, sent, m, lex: _Lexicon, ctx) -> tuple[NumberClaim | None, int | None]:
    """Build the claim for one pattern match, or (None, end) when the figure is not a quantity.

    Returns (None, None) only for an impossible range, so the caller can retry without it.
    """
    groups = m.groupdict()
    a_text, b_text = groups["a"], groups.get("b")
    a = _amount_of(a_text)
    if a is None:
        return None, m.end()
    b = _amount_of(b_text) if b_text else None
    if b_text and b is None:
        return None, None
    if b is not None and groups["u1"] and b.has_mult and not a.has_mult:
        return None, None  # "21 % hingga 22,6 miliar": two figures, not a range
    qual = m.group("qual")
    cur = groups["cur"] or groups.get("cur2")
    suffix = groups.get("u2") or groups["u1"]
    suffix_info = None
    if suffix:
        key = " ".join(suffix.lower().split())
        if key in lex.currencies:
            suffix_info = (lex.currencies[key], "money")
        else:
            suffix_info = lex.units.get(key)
    start = m.start("cur") if m.group("cur") else m.start("a")
    is_word_number = a.is_word
    marked = bool(cur or suffix or a.has_mult or qual)

    # --- what is not a quantity claim --- (every test below only rejects, so the cheap and
    # frequent ones come first: years, codes, a date's day before its month)
    if not is_word_number:
        raw = _LEADING_DIGITS.match(a_text).group()
        if raw.startswith("0") and len(raw) >= 2:  # phone numbers and codes ("021-555...", "0812")
            return None, m.end()
        if not marked:
            if _is_year(a_text, a) and (b is None or (b_text and _SHORT_NUMBER.fullmatch(b_text))):
                return None, m.end()
    nxt = _next_words(text, m.end(), sent.end, 2)
    nxt_word = nxt[0][2].lower() if nxt else ""
    if nxt_word in ctx.get("time_after", ()) or nxt_word in ctx.get("month", ()):
        if not suffix:
            return None, m.end()
    first_token_of_sentence = not text[sent.start:m.start()].strip(" \t\"'“‘(")
    before = _words_before(text, m.start(), sent.start, lex.max_context_words + 1)
    if len(before) >= 2 and before[-1] == ".":  # a tokenised abbreviation "Lt . 4" reads as "Lt. 4"
        before = before[:-2] + [before[-2] + "."]
    tails = _tails(before, lex.max_context_words)  # for the phrase checks below
    prev = before[-1] if before else ""
    touching_next = bool(nxt) and text[m.end():nxt[0][0]].strip() == ""

    if is_word_number:
        first_char = a_text[0]
        if first_char.isupper() and not (first_token_of_sentence and not qual):
            if not (qual and qual[0].isupper() and first_token_of_sentence):
                return None, m.end()
        if not qual and before and before[-1].lower() in ctx.get("not_claim_before", ()):
            return None, m.end()
        if touching_next and nxt_word in ctx.get("not_claim_after", ()) and a.value == 1:
            return None, m.end()
        if a_text.lower() == "setengah" and touching_next and nxt_word in ctx.get("half_idiom_after", ()):
            return None, m.end()  # "setengah jadi": half-finished, not a half
        if _REDUPLICATED.match(text, m.end()) and text[m.end():].lstrip(" -").lower().startswith(a_text.lower()):
            return None, m.end()  # "dua-duanya", "kedua-duanya": "both"
    else:
        if text[m.end():m.end() + 1] == ")" and text[m.start() - 1:m.start()] == "(" and not marked:
            return None, m.end()  # "Budi (45)", "(1)"
        if first_token_of_sentence and not marked and _LIST_MARK.match(text[m.end():m.end() + 2]):
            return None, m.end()  # list numbering "1." / "2)"
    if not cur and not qual:
        if not tails.isdisjoint(ctx.get("identifier_before", frozenset())) and not (
                suffix_info and suffix_info[1] in ("percent", "money")):
            return None, m.end()  # "Pasal 5", "komisi tiga"; but "tingkat 5 persen" is a figure
        if prev and not is_word_number and not marked:
            # "Liga 1", "iPhone 15", "Pemilu 2014": a capitalised name right before a bare figure
            word = prev.strip("\"'“”‘’(")
            counted_next = bool(nxt) and touching_next and nxt[0][2][0].islower() and not (
                nxt_word in ctx.get("object_stop", ()) or _looks_predicate(nxt_word, lex))
            mixed_case = any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)
            if word and word[0].isalpha() and word[-1].isalnum() and (mixed_case or not counted_next) and (
                any(c.isupper() for c in word[1:]) or (word[0].isupper() and not first_token_of_sentence_at(text, sent, m.start(), prev))
            ):
                return None, m.end()
    if not marked and not tails.isdisjoint(ctx.get("time_before", frozenset())):
        return None, m.end()
    if not marked and not tails.isdisjoint(ctx.get("date_before", frozenset())):
        return None, m.end()
    if not marked and prev.lower().strip(".,") in ctx.get("month", ()) and _TWO_DIGITS.fullmatch(a_text):
        return None, m.end()  # "November 79": a year

    if nxt_word == "tahun" and not marked:
        after = _next_words(text, nxt[0][1], sent.end, 1)
        if not after and _LAW_YEAR.match(text[nxt[0][1]:nxt[0][1] + 6]):
            return None, m.end()  # "UU Nomor 35 Tahun 2009": a law's number
    post_low = nxt_word in ctx.get("qualifier_after_low", ()) and touching_next and b_text is None

    # --- ranges ---
    value, low, high = a.value, a.low, a.high
    if b is not None:
        sep = m.group("sep")
        if a.value is not None and b.value is not None and not a.has_mult and b.has_mult and a.raw_base < b.raw_base:
            a = Amount(a.raw_base * b.mults, None, None, True, a.is_word, a.raw_base, b.mults)
        a_low = a.value if a.value is not None else a.low
        b_high = b.value if b.value is not None else b.high
        b_low = b.value if b.value is not None else b.low
        if sep in "-–—" and not marked and a.value is not None and b.value is not None \
                and float(a.value).is_integer() and float(b.value).is_integer():
            cue = _ends_with_any(before[-SCORE_CUE_WINDOW:], ctx.get("score_before", frozenset()))
            if cue or b.value <= a.value or a.value == 0:
                return None, m.end()  # a score "2-1"
        if a_low is None or b_low is None or b_low <= a_low:
            if sep in "-–—" and b_low is not None and a_low is not None:
                return None, m.end()
            return None, None
        value, low, high = None, a_low, b_high

    approx = a.value is None or a.approx  # vague plurals are approximate by nature
    if post_low and value is not None:  # "1.000 lebih personel"
        approx, low = True, value
    if qual:
        q_approx, bound = lex.qualifiers[" ".join(qual.lower().split())]
        approx = approx or q_approx
        if value is not None:
            if bound == "low":
                low = value
            elif bound == "high":
                high = value

    # --- unit and object ---
    unit: str | None = None
    obj: str | None = None
    end = m.end()
    if cur:
        unit = lex.currencies.get(" ".join(cur.lower().split()))
    if suffix_info:
        unit = suffix_info[0]
    if not cur and (not suffix_info or suffix_info[1] in ("percent", "measure")):
        words = _object_words(text, nxt[0][1] if post_low else end, sent.end, lex)
        if words:
            first = words[0][2].lower()
            uinfo = lex.units.get(first)
            if uinfo and uinfo[1] == "time" and not suffix_info:
                after = words[1][2].lower() if len(words) > 1 else (nxt[1][2].lower() if len(nxt) > 1 else "")
                after2 = " ".join(w[2].lower() for w in _next_words(text, words[0][1], sent.end, 2))
                if (after in ctx.get("relative_after", ()) or after2 in ctx.get("relative_after", ())
                        or (not qual and (prev.lower() in ctx.get("duration_before", ())
                                          or after in ctx.get("event_after", ())))):
                    return None, m.end()  # "dua hari lalu", "selama dua tahun": the times stage's
                unit, end = uinfo[0], words[0][1]
                obj = " ".join(w[2] for w in words)
            elif suffix_info:  # "30 persen saham", "setengah ton kokain"
                obj = text[words[0][0]:words[-1][1]]
            else:
                if is_word_number and a.value == 1 and b is None and not marked and not uinfo:
                    return None, m.end()  # "satu laporan": "satu" as an article, not a count
                if uinfo and uinfo[1] == "classifier":
                    if len(words) > 1 and not _looks_predicate(words[1][2], lex) and not words[1][2][0].isupper():
                        unit, end = words[1][2].lower(), words[1][1]
                        words = words[1:]
                    else:
                        unit, end = uinfo[0], words[0][1]
                elif first in ctx.get("modifier", ()) and len(words) > 1:  # "dua mantan pimpinan"
                    unit, end = words[1][2].lower(), words[1][1]
                elif not _looks_predicate(first, lex):
                    unit, end = first, words[0][1]
                obj = text[words[0][0]:words[-1][1]]
    if unit is None and obj is None and is_word_number and a.value == 1 and b is None and not marked:
        return None, m.end()  # a lone "satu" ("Golkar itu satu")
    end = _rate_end(text, end, sent.end, lex)
    claim = NumberClaim(
        start=start if not qual else m.start(),
        end=end,
        text=text[(start if not qual else m.start()):end],
        sentence=sent.id,
        value=value,
        low=low,
        high=high,
        approx=approx,
        unit=unit,
        object=obj,
    )
    return claim, end


_RATE = re.compile(r"[ \t]*(?:/[ \t]*|(?i:per)[ \t]+)(?=[^\W\d_])")
_ROMAN = re.compile(r"[IVX]+")


def _rate_end(text: str, pos: int, limit: int, lex: _Lexicon) -> int:
    """Where a figure ends when a rate's denominator follows it: "Rp 6.500 per liter",
    "Rp 22 ribu/kg", "$ 3 per lembar saham", "Rp 5 juta perbulan". A rate is another figure than
    its bare amount, and NER UGM's QUANTITY spans always hold the denominator. "per" meaning
    "as of" ("per akhir Maret", "per Juni 2017", "per hari ini") is left out."""
    ctx = lex.context
    m = _RATE.match(text, pos, limit)
    if m is None:
        nxt = _next_words(text, pos, limit, 1)
        if nxt and nxt[0][2].lower() in ctx.get("rate_joined", ()) and not text[pos:nxt[0][0]].strip():
            return nxt[0][1]
        return pos
    words = _next_words(text, m.end(), limit, 3)
    if not words or words[0][0] != m.end():
        return pos
    first = words[0][2].lower()
    if (first in lex.words or first in lex.qualifiers or first in ctx.get("object_stop", ())
            or first in ctx.get("month", ()) or first in ctx.get("rate_not", ())):
        return pos
    n = 1
    if len(words) > 1 and not text[words[0][1]:words[1][0]].strip():
        second = words[1][2]
        if f"{first} {second.lower()}" in lex.currencies or (
                lex.units.get(first, ("", ""))[1] == "classifier" and second[0].islower()
                and second.lower() not in ctx.get("object_stop", ()) and not _looks_predicate(second, lex)):
            n = 2  # "per dolar AS", "per lembar saham"
    after = text[words[n - 1][1]:limit].split(None, 1)
    as_of_word = bool(after) and after[0].lower().rstrip(".,;:!?\"')”’") in ctx.get("rate_not_before", ())
    if after and (after[0][0].isdigit() or _ROMAN.fullmatch(after[0])
                  or (as_of_word and lex.units.get(first, ("", ""))[1] == "time")):
        return pos  # "per tahun 2016", "per kuartal III", "per hari ini": as of a date ("per liter itu" is a rate)
    return words[n - 1][1]


def first_token_of_sentence_at(text: str, sent: Sentence, pos: int, prev: str) -> bool:
    """Whether ``prev`` (the token right before ``pos``) opens the sentence."""
    head = text[sent.start:pos].rstrip()
    head = head[: len(head) - len(prev)] if head.endswith(prev) else head
    return not head.strip(" \t\"'“‘(")


def _looks_predicate(word: str, lex: _Lexicon) -> bool:
    """A verb or adjective after a figure ("tewas", "ditangkap") is not the counted noun."""
    w = word.lower()
    if w in lex.context.get("predicate", ()):
        return True
    if w in lex.context.get("noun", ()):
        return False
    return len(w) >= 6 and w.startswith(_VERB_PREFIXES)


_VERB_PREFIXES = ("me", "di", "ber", "ter")
_CLAUSE_VERB_PREFIXES = ("me", "di")
_REDUPLICATED = re.compile(r"\s*-\s*")


def _ends_with_any(tokens: list[str], words: frozenset[str]) -> bool:
    return any(t.lower().strip(",.;:\"'") in words for t in tokens)


def _object_words(text: str, pos: int, limit: int, lex: _Lexicon) -> list[tuple[int, int, str]]:
    stops = lex.context.get("object_stop", frozenset())
    out = []
    for s, e, w in _next_words(text, pos, limit, MAX_OBJECT_WORDS):
        lw = w.lower()
        if lw in stops or lw in lex.words or lw in lex.qualifiers:
            break
        if out and len(lw) >= 6 and lw.startswith(_CLAUSE_VERB_PREFIXES) and lw not in lex.context.get("noun", ()) \
                and lw not in lex.context.get("predicate", ()):
            break  # "tiga musim mengenakan seragam": a new clause's verb ends the counted phrase
        out.append((s, e, w))
    return out
