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
from bisect import bisect_left
from dataclasses import dataclass, fields
from functools import lru_cache
from math import isfinite

from ..document import NumberClaim, Sentence
from ..lang import load_table
from ..times.lexicon import trie_alternation
from ..times.scan import NOT_WORD_NEAR_SPAN, clean_span, span_hits, text_scan

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
    lead_scan_lower: re.Pattern[str] | None  # see ``_leads``
    leads_end_before_anchors: bool  # see ``_leads``
    cx: _Context  # ``context`` as attributes, for the claim checks
    pattern_lower: re.Pattern[str]  # ``pattern`` for lowered text, see ``_pattern_at``
    case_checks: dict[int, dict[str, tuple[bool, frozenset[str]]]]  # see ``_case_checks``
    lead_lower: re.Pattern[str]  # ``lead`` for lowered text
    lead_tails: tuple[str, ...] | None  # see ``_lead_tails``


@dataclass(frozen=True)
class _Context:
    """The ``number_context.tsv`` sets the claim checks ask about, one attribute each (a missing
    kind is an empty set), with the pairs always asked together joined."""

    time_after_or_month: frozenset[str]
    time_or_date_before: frozenset[str]
    identifier_before: frozenset[str]
    month: frozenset[str]
    not_claim_before: frozenset[str]
    not_claim_after: frozenset[str]
    half_idiom_after: frozenset[str]
    object_stop: frozenset[str]
    qualifier_after_low: frozenset[str]
    score_before: frozenset[str]
    relative_after: frozenset[str]
    duration_before: frozenset[str]
    event_after: frozenset[str]
    modifier: frozenset[str]
    noun: frozenset[str]
    predicate: frozenset[str]
    rate_joined: frozenset[str]
    one_counted: frozenset[str]
    unit_before: frozenset[str]

    @classmethod
    def of(cls, context: dict[str, frozenset[str]]) -> _Context:
        get = lambda kind: context.get(kind, frozenset())  # noqa: E731
        return cls(get("time_after") | get("month"), get("time_before") | get("date_before"),
                   *(get(f.name) for f in fields(cls)[2:]))


def _alternation(forms, case_sensitive=lambda f: False, prefix: bool = False, lower: bool = False) -> str:
    """A regex alternation of ``forms``, longest first, whole words (a prefix may touch digits).

    Built as tries (``_trie_alternation``) when that matches the same, several times faster.
    ``lower``: for lowered text (see ``times.lexicon.lowered``), every form lower-cased and
    matched as written, case-sensitive ones too (so it matches all the original matches, and
    more: see ``_case_checks``)."""
    forms = {f.lower() for f in forms} if lower else set(forms)
    if lower:
        case_sensitive = lambda f: False  # noqa: E731
    boundary = r"(?![^\W\d_])" if prefix else r"(?!\w)"
    return (_trie_alternation(forms, case_sensitive, boundary, not lower)
            or _longest_first(forms, case_sensitive, boundary, not lower))


def _longest_first(forms: set[str], case_sensitive, boundary: str, ignore_case: bool = True) -> str:
    parts = []
    for form in sorted(forms, key=len, reverse=True):
        esc = re.escape(form).replace(r"\ ", r"\s+")
        if not case_sensitive(form) and ignore_case:
            esc = f"(?i:{esc})"
        if form[-1].isalnum():
            esc += boundary
        parts.append(esc)
    return "|".join(parts)


def _trie_alternation(forms: set[str], case_sensitive, boundary: str, ignore_case: bool = True) -> str | None:
    """``_longest_first`` as one trie matched ignoring case, or None when that could match
    differently.

    The forms that match at one place are prefixes of one another, and a trie tries them longest
    first, as the alternation does, each with its own word boundary at its end; a case-sensitive
    form also checks its exact letters there, looking back. The forms must have single spaces and
    no letters or digits beyond ASCII (so that sibling branches never match the same text; other
    characters, "€", are matched exactly), and a case-sensitive one no space (a look-back has a
    fixed width). Without ``ignore_case``, the letters are matched as written (lower-case forms,
    on lowered text)."""
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

    return ("(?i:" if ignore_case else "(?:") + walk(tree) + ")"


_TOKEN_START = r"(?<![\w$€£¥+\-/.,:@#])"
_NOT_BEFORE_TOKEN = "_$€£¥+-/.,:@#"  # with letters and digits (``\w``: ``str.isalnum``), as in _TOKEN_START
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

    prefix_forms = [r["form"] for r in cur_rows if r["position"] in ("prefix", "both")]
    prefix_case = lambda f: f in cur_case  # noqa: E731
    suffix_forms = [r["form"] for r in cur_rows if r["position"] in ("suffix", "both")]
    measure_forms = [r["form"] for r in unit_rows if r["kind"] in ("percent", "measure")]
    suffix_case = lambda f: f in cur_case or (f in units and (len(f) <= 2 or any(c.isupper() for c in f)))  # noqa: E731
    pattern, single = _claim_patterns(words, qualifiers, prefix_forms, prefix_case, suffix_forms + measure_forms,
                                      suffix_case, lower=False)
    pattern_lower, _ = _claim_patterns(words, qualifiers, prefix_forms, prefix_case, suffix_forms + measure_forms,
                                       suffix_case, lower=True)
    if pattern.groups != 8 or single.groups != 4 or pattern_lower.groups != 8:
        raise AssertionError("the claim pattern's only groups are its named ones")
    max_ctx = max(len(w.split()) for ws in context.values() for w in ws)
    anchor = rf"\d+|(?<!\w)(?:{trie_alternation({w.lower() for w in words})})(?!\w)"
    cur_forms = prefix_forms
    lookback = max(len(q.split()) for q in qualifiers) + max(len(c.split()) for c in cur_forms)
    lead_forms = {f.lower() for f in list(qualifiers) + cur_forms}
    lead = trie_alternation(lead_forms)
    lead_at = rf"{_TOKEN_START}(?:{lead})"
    frozen_context = {k: frozenset(v) for k, v in context.items()}
    anchor_words = frozenset(w.lower() for w in words)
    return _Lexicon(words, qualifiers, currencies, units,
                    frozen_context, max_ctx, pattern, single,
                    re.compile(anchor, re.IGNORECASE), lookback, re.compile(lead, re.IGNORECASE),
                    re.compile(anchor), re.compile(lead_at, re.IGNORECASE), re.compile(lead_at),
                    anchor_words, _lead_scan(qualifiers, cur_forms, lead),
                    _leads_hold_no_anchor(lead_forms, anchor_words), _Context.of(frozen_context),
                    pattern_lower, _case_checks(prefix_forms, prefix_case, suffix_forms + measure_forms, suffix_case),
                    re.compile(lead), _lead_tails(lead_forms, anchor_words))


def _claim_patterns(words, qualifiers, prefix_forms, prefix_case, suffix_forms, suffix_case,
                    lower: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The claim pattern (a figure with its qualifier, currency, unit and range) and the one
    without a range; ``lower``: for lowered text, matching more than the original only where a
    case-sensitive currency or unit (or "s/d") is written in another case (``_case_checks``)."""
    ic = (lambda x: x) if lower else (lambda x: f"(?i:{x})")  # noqa: E731
    word_alt = _alternation(words, lower=lower)
    mult_alt = _alternation([w for w, d in words.items() if d.kind in ("mult", "scale", "teen")
                             or (d.kind == "vague" and d.low >= 1000)], lower=lower)
    digits = r"\d+(?:[.,]\d+)*"
    amount = rf"(?:{digits}(?:\s*(?:{mult_alt}))*|(?:{word_alt})(?:[ \t]+(?:{word_alt}))*)"
    prefix_alt = _alternation(prefix_forms, prefix_case, prefix=True, lower=lower)
    suffix_alt = _alternation(suffix_forms, suffix_case, lower=lower)
    qual_alt = _alternation(qualifiers, lower=lower)
    start = r"(?<![\w$€£¥+\-/.,:@#])"
    end = r"(?![\w:@]|/(?![^\W\d_])|[.,]\d|-\w)"  # "/" only before a rate's letters ("Rp 22 ribu/kg")
    head = rf"{start}(?:(?P<qual>{qual_alt})\s+)?(?:(?P<cur>{prefix_alt})\s*)?(?P<a>{amount})"
    unit1 = rf"(?:\s*(?P<u1>{suffix_alt}))?"
    sep_words = ic(r"sampai\s+dengan|hingga|sampai")
    rng = (rf"(?:\s*(?P<sep>[-–—]|s/d|s\.d\.?|{sep_words})\s*"
           rf"(?:(?P<cur2>{prefix_alt})\s*)?(?P<b>{amount})(?:\s*(?P<u2>{suffix_alt}))?)?")
    return re.compile(head + unit1 + rng + end), re.compile(head + unit1 + end)


def _case_checks(prefix_forms, prefix_case, suffix_forms,
                 suffix_case) -> dict[int, dict[str, tuple[bool, frozenset[str]]]]:
    """For ``pattern_lower``: by group (cur, u1, cur2, u2), each form lower-cased with single
    spaces -> (whether any case will do, the exact forms that will). A group found on lowered
    text holds a form the original pattern takes when its text in the original is one of them."""
    def table(forms, case_sensitive):
        out: dict[str, tuple[bool, set[str]]] = {}
        for form in forms:
            key = " ".join(form.lower().split())
            any_case, exact = out.setdefault(key, (False, set()))
            if case_sensitive(form) and form.lower() != form.upper():
                exact.add(" ".join(form.split()))
            else:
                any_case = True
            out[key] = (any_case, exact)
        return {k: (a, frozenset(e)) for k, (a, e) in out.items()}
    prefix, suffix = table(prefix_forms, prefix_case), table(suffix_forms, suffix_case)
    return {2: prefix, 4: suffix, 6: prefix, 8: suffix}


def _lead_tails(lead_forms: set[str], anchor_words: frozenset[str]) -> tuple[str, ...] | None:
    """The last words of the qualifiers and currencies, lower-cased, less those that end with
    another (for ``str.endswith``): a match that starts before an amount ends its qualifier or
    currency right before the amount (whitespace aside). None when a form can hold the start of
    an amount (then the amount need not follow the form)."""
    if not _leads_hold_no_anchor(lead_forms, anchor_words):
        return None
    last = {f.split()[-1] for f in lead_forms}
    return tuple(sorted(w for w in last if not any(o != w and w.endswith(o) for o in last)))


def _leads_hold_no_anchor(lead_forms: set[str], anchor_words: frozenset[str]) -> bool:
    """Whether no qualifier or currency form can hold the start of an amount: no digit in it, and
    no number word (or the start of one) at a word start inside it. Then a lead found before an
    amount ends at or before the amount (see ``_leads``)."""
    for form in lead_forms:
        if any(c.isdigit() for c in form):
            return False
        for p in range(1, len(form)):
            if not (form[p - 1].isalnum() or form[p - 1] == "_") and (form[p].isalnum() or form[p] == "_"):
                rest = form[p:]
                if any(rest.startswith(w) or w.startswith(rest) for w in anchor_words):
                    return False
    return True


_LOOKBACK_CHARS = 60
_BEFORE_TOKEN = re.compile(r"[^\w$€£¥+\-/.,:@#](?=\S)")  # a character right before a token start


def _search(lex: _Lexicon, text: str, low: str | None, pos: int, end: int) -> tuple | None:
    """``lex.pattern.search(text, pos, end)`` (its ``regs``), several times faster.

    Every match holds an amount, which begins with a digit or a number word (``anchor``),
    preceded at most by a qualifier and a currency, that is by ``lookback`` tokens. So the
    pattern is tried only at the token starts just before each anchor, earliest first: the
    first match found is the leftmost one, as ``search`` would return.
    """
    a = lex.anchor.search(text, pos, end)
    while a is not None:
        m = _match_near(lex, text, low, pos, a.start(), end)
        if m is not None:
            return m
        a = lex.anchor.search(text, a.end(), end)
    return None


def _token_starts(text: str, lo: int, hi: int) -> list[int]:
    """The token starts in [lo, hi], as ``_MATCH_START.finditer(text, lo, hi + 1)`` finds them
    (found after the character before each: far fewer places to try)."""
    out = [lo] if _MATCH_START.match(text, lo, hi + 1) else []
    out += [m.end() for m in _BEFORE_TOKEN.finditer(text, lo, hi + 1)]
    return out


def _match_near(lex: _Lexicon, text: str, low: str | None, pos: int, here: int, end: int) -> tuple | None:
    """The earliest match (its ``regs``) starting at one of the last tokens up to the anchor at
    ``here``."""
    window = max(pos, here - _LOOKBACK_CHARS)
    starts = _token_starts(text, window, here)[-(lex.lookback + 1):]
    if window > pos and len(starts) <= lex.lookback:  # very long words: look at the whole stretch
        starts = _token_starts(text, pos, here)[-(lex.lookback + 1):]
    lead, lead_text = (lex.lead, text) if low is None else (lex.lead_lower, low)
    for st in starts:
        if st != here and lead.match(lead_text, st, end) is None:
            continue  # neither a qualifier nor a currency: no match can start here
        m = _pattern_at(lex, text, low, st, end)
        if m is not None:
            return m
    return None


def _pattern_at(lex: _Lexicon, text: str, low: str | None, at: int, end: int) -> tuple | None:
    """``lex.pattern.match(text, at, end)``'s ``regs``, None for no match.

    On lowered text ``pattern_lower`` is about twice as fast. It is the same pattern with every
    form matched in any case, so it takes all the original takes and, in the same order, more:
    where the match it finds holds no form that the original takes only in another case
    (``_case_ok``), that match is the original's; otherwise the original is asked."""
    if low is not None:
        m = lex.pattern_lower.match(low, at, end)
        if m is None:
            return None
        regs = m.regs
        if (regs[2][0] < 0 and regs[4][0] < 0 and regs[5][0] < 0) or _case_ok(lex, text, regs):
            return regs  # (no currency, no unit, no range: nothing to check)
    m = lex.pattern.match(text, at, end)
    return None if m is None else m.regs


_SEP_CASED = frozenset({"s/d", "s.d", "s.d."})  # range words the pattern takes in lower case only


def _case_ok(lex: _Lexicon, text: str, regs: tuple) -> bool:
    """Whether each currency, unit and range word in a ``pattern_lower`` match is one the
    original pattern takes as written in ``text``."""
    for group, table in lex.case_checks.items():
        s, e = regs[group]
        if s >= 0:
            found = " ".join(text[s:e].split())
            rule = table.get(found.lower())
            if rule is None or not (rule[0] or found in rule[1]):
                return False
    s, e = regs[5]
    if s >= 0:
        sep = text[s:e]
        if sep.lower() in _SEP_CASED and sep not in _SEP_CASED:
            return False
    return True


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


def _leads(lex: _Lexicon, text: str, low: str | None, start: int, end: int,
           last_anchor: int) -> tuple[list[int], list[int]]:
    """The qualifiers and currencies at token starts of a sentence, as (starts, ends), found
    left to right without overlaps (one starting inside another is only known by the span
    holding it). Asked only whether one starts between a search start and an amount, or holds
    that start: whether one starts before the amount and ends after the search start (see
    ``_extract_sentence``).

    The scan stops at the sentence's last amount when no form can hold the start of an amount
    (``leads_end_before_anchors``): a form found before an amount then ends at or before it,
    and a scan cut there finds it as well (or one holding its start)."""
    stop = last_anchor if lex.leads_end_before_anchors else end
    if low is None or lex.lead_scan_lower is None:
        lead_at = lex.lead_at if low is None else lex.lead_at_lower
        spans = [m.span() for m in lead_at.finditer(text if low is None else low, start, stop)]
    else:
        scan_from = start
        spans = []
        m = lex.lead_at_lower.match(low, start, stop)
        if m is not None:
            spans.append(m.span())
            scan_from = m.end()
        spans += [m.span(1) for m in lex.lead_scan_lower.finditer(low, scan_from, stop)]
    return [s for s, _ in spans], [e for _, e in spans]


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
    if m is None:
        return []
    # each word only after the one before: the unmatched groups (-1, -1) are the last ones
    # (a plain loop: cheaper than a comprehension for a handful of words)
    out = []
    for s, e in m.regs[1:]:
        if s < 0:
            break
        out.append((s, e, text[s:e]))
    return out


@lru_cache(maxsize=None)
def _words_after(n: int) -> re.Pattern[str]:
    """``_WORD_AFTER`` n times in one pattern: each word only after the one before, each as
    matched alone (a later word failing leaves the earlier ones as they are)."""
    rx = ""
    for _ in range(n):
        rx = _WORD_AFTER.pattern + (f"(?:{rx})?" if rx else "")
    return re.compile(rx)


# --- extraction --------------------------------------------------------------------------------


def extract_numbers(text: str, sentences: list[Sentence]) -> list[NumberClaim]:
    """Quantity claims inside the given sentence spans, in text order."""
    out: list[NumberClaim] = []
    lex = lexicon()
    low, shared = text_scan(text)
    words = lex.anchor_words
    if shared is not None:
        # the hits ``anchor`` finds (digit runs and number words) among those of the whole text;
        # the time words found besides are whole words of letters, so they hide no anchor
        kept = [hit for hit in shared if hit[2] in words or hit[2][0].isdecimal()]
        starts = [hit[0] for hit in kept]
        ends = [hit[1] for hit in kept]
        n_low, n_kept = len(low), len(kept)
    for sent in sentences:
        s_start, s_end = sent.start, sent.end
        if shared is None:
            found = (lex.anchor.finditer(text, s_start, s_end) if low is None
                     else lex.anchor_lower.finditer(low, s_start, s_end))
            spans = [a.span() for a in found]
        elif (not 0 < s_start < n_low or low[s_start - 1] in NOT_WORD_NEAR_SPAN
              or low[s_start] in NOT_WORD_NEAR_SPAN) and (
                not 0 < s_end < n_low or low[s_end] in NOT_WORD_NEAR_SPAN
                or low[s_end - 1] in NOT_WORD_NEAR_SPAN) or clean_span(low, s_start, s_end):
            i = bisect_left(starts, s_start)
            if i == n_kept or starts[i] >= s_end:
                continue  # no digit and no number word
            j = bisect_left(starts, s_end, i)
            out.extend(_extract_sentence(text, sent, low, lex, starts[i:j], ends[i:j]))
            continue
        else:
            spans = [(a, b) for a, b, w in span_hits(low, s_start, s_end) if w[0].isdecimal() or w in words]
        if spans:
            out.extend(_extract_sentence(text, sent, low, lex, [a for a, _ in spans], [b for _, b in spans]))
    return out


def _extract_sentence(text: str, sent: Sentence, low: str | None, lex: _Lexicon,
                      starts: list[int], ends: list[int]) -> list[NumberClaim]:
    """Claims of one sentence, given its anchors (as ``anchor.finditer`` over the sentence finds
    them); ``low`` is ``lowered(text)``.

    Each claim is the leftmost match of ``pattern`` from where the last one ended, as
    ``_search`` finds it: the anchors met are those found from the sentence start, unless the
    search starts inside one (then it searches afresh). At an anchor with no qualifier or
    currency starting between the search start and it, the only start a match can have is the
    anchor's own; otherwise the tokens just before it are tried too (``_match_near``). On
    lowered text that is asked of the text right before the anchor (``_lead_tails``), else of
    a scan of the sentence's qualifiers and currencies (``_leads``).
    """
    cx = lex.cx
    s_start, s_end = sent.start, sent.end
    claims: list[NumberClaim] = []
    n = len(starts)
    lead_starts: list[int] | None = None  # found on first need
    tails = lex.lead_tails if low is not None else None
    lead_ends: list[int] = []
    pos, k = s_start, 0
    while pos < s_end:
        while k < n and starts[k] < pos:
            k += 1
        m = None
        if k and ends[k - 1] > pos:
            m = _search(lex, text, low, pos, s_end)
        else:
            for kk in range(k, n):
                here = starts[kk]
                if here != pos:  # (nothing lies between: only the anchor's own start can match)
                    if tails is not None:
                        # a match starting between pos and the anchor, its amount at the anchor (one
                        # at an earlier anchor was found there), has a qualifier or currency ending
                        # right before it, whitespace aside (``_lead_tails``)
                        q = here
                        while q > pos and low[q - 1].isspace():
                            q -= 1
                        near = low.endswith(tails, pos, q)
                    else:
                        if lead_starts is None:
                            lead_starts, lead_ends = _leads(lex, text, low, s_start, s_end, starts[-1])
                        j = bisect_left(lead_starts, here)  # the leads starting before the anchor
                        near = j and lead_ends[j - 1] > pos  # the last of them ends after pos
                    if near:
                        m = _match_near(lex, text, low, pos, here, s_end)
                        if m is not None:
                            break
                        continue
                # ``_MATCH_START`` at the anchor (which begins with a digit or a letter, never a space)
                if not here or not ((c := text[here - 1]).isalnum() or c in _NOT_BEFORE_TOKEN):
                    m = _pattern_at(lex, text, low, here, s_end)
                    if m is not None:
                        break
        if m is None:
            break
        claim, consumed_to = _claim_from_match(text, sent, m, lex, cx)
        m_start, m_end = m[0]
        if claim is None and consumed_to is None and m[7][0] >= 0:
            # an impossible range ("10 hingga 5"): take the first figure alone, look again after it
            m1 = lex.single_pattern.match(text, m_start, s_end)
            if m1:
                claim, consumed_to = _claim_from_match(text, sent, m1.regs, lex, cx)
                consumed_to = consumed_to or m1.end()
        if claim is not None:
            claims.append(claim)
        pos = max(consumed_to or m_end, m_start + 1)
    return claims


_SHORT_NUMBER = re.compile(r"\d{2,4}")
_TWO_DIGITS = re.compile(r"\d{2}")
_FOUR_DIGITS = re.compile(r"\d{4}")
_LAW_YEAR = re.compile(r"\s+\d{4}(?!\d)")


@lru_cache(maxsize=4096)
def _figure(text: str) -> tuple[Amount, bool, bool, bool, bool, str] | None:
    """``parse_amount`` of a matched amount, with what the checks ask of its text: (amount, a
    code's leading zero, a year, two digits, a capital first letter, lower-cased). Remembered:
    the same figures recur; the Amount is shared, never changed."""
    a = parse_amount(text)
    if a is None:
        return None
    leading_zero = text[0] == "0" and text[1:2].isdecimal()  # "021...", "0812": a phone number or code
    year = bool(_FOUR_DIGITS.fullmatch(text)) and 1900 <= a.value <= 2100 and not a.has_mult
    return a, leading_zero, year, bool(_TWO_DIGITS.fullmatch(text)), text[0].isupper(), text.lower()


@lru_cache(maxsize=256)
def _suffix_info(suffix: str) -> tuple[str, str] | None:
    """(unit, kind) of a currency or measure after a figure."""
    lex = lexicon()
    key = " ".join(suffix.lower().split())
    if key in lex.currencies:
        return lex.currencies[key], "money"
    return lex.units.get(key)


@lru_cache(maxsize=4096)
def _name_shape(prev: str) -> tuple[bool, bool] | None:
    """For the token before a bare figure: None when it cannot be a name ending in the figure
    ("Liga 1", "iPhone 15"); else (mixed case, a capital after the first letter)."""
    word = prev.strip("\"'“”‘’(")
    if not (word and word[0].isalpha() and word[-1].isalnum()):
        return None
    upper_rest = any(c.isupper() for c in word[1:])
    if not (upper_rest or word[0].isupper()):
        return None
    return upper_rest and any(c.islower() for c in word), upper_rest


def _claim_from_match(text, sent, regs: tuple, lex: _Lexicon, cx: _Context) -> tuple[NumberClaim | None, int | None]:
    """Build the claim for one pattern match (its ``regs``), or (None, end) when the figure is not
    a quantity.

    Returns (None, None) only for an impossible range, so the caller can retry without it.
    """
    if len(regs) == 9:
        (m_start, m_end), (s1, e1), (s2, e2), (s3, e3), (s4, e4), (s5, e5), (s6, e6), (s7, e7), (s8, e8) = regs
    else:  # ``single_pattern``: no range
        (m_start, m_end), (s1, e1), (s2, e2), (s3, e3), (s4, e4) = regs
        s7 = -1
    qual = text[s1:e1] if s1 >= 0 else None
    cur_own = text[s2:e2] if s2 >= 0 else None
    a_text = text[s3:e3]
    u1 = text[s4:e4] if s4 >= 0 else None
    if s7 >= 0:  # a range
        sep, b_text = text[s5:e5], text[s7:e7]
        cur2 = text[s6:e6] if s6 >= 0 else None
        u2 = text[s8:e8] if s8 >= 0 else None
    else:
        sep = cur2 = b_text = u2 = None
    fig = _figure(a_text)
    if fig is None:
        return None, m_end
    a, leading_zero, is_year, two_digits, upper_first, a_lower = fig
    b = None
    if b_text:
        fig_b = _figure(b_text)
        if fig_b is None:
            return None, None
        b = fig_b[0]
        if u1 and b.has_mult and not a.has_mult:
            return None, None  # "21 % hingga 22,6 miliar": two figures, not a range
    cur = cur_own or cur2
    suffix = u2 or u1
    suffix_info = _suffix_info(suffix) if suffix else None
    is_word_number = a.is_word
    marked = bool(cur or suffix or a.has_mult or qual)

    # --- what is not a quantity claim --- (every test below only rejects, so the cheap and
    # frequent ones come first: years, codes, a date's day before its month)
    if not is_word_number:
        if leading_zero:  # phone numbers and codes ("021-555...", "0812")
            return None, m_end
        if not marked and is_year and (b is None or _SHORT_NUMBER.fullmatch(b_text)):
            return None, m_end
    s_start, s_end = sent.start, sent.end
    # the words after the figure, as ``_WORD_AFTER`` matched again and again finds them: the
    # first ``k`` of them are ``_next_words(text, m_end, s_end, k)`` for any k <= 4
    nxt = _next_words(text, m_end, s_end, 4)
    nxt_word = nxt[0][2].lower() if nxt else ""
    if not suffix and nxt_word in cx.time_after_or_month:
        return None, m_end
    # up to max_context_words + 1 tokens before the figure, splitting at whitespace and "/" alike
    n_before = lex.max_context_words + 1
    before = text[max(s_start, m_start - 80):m_start].replace("/", " ").rsplit(None, n_before)[-n_before:]
    if len(before) >= 2 and before[-1] == ".":  # a tokenised abbreviation "Lt . 4" reads as "Lt. 4"
        before = before[:-2] + [before[-2] + "."]
    prev = before[-1] if before else ""
    # (between the figure and the word after it there are only spaces and tabs: "touching")

    if is_word_number:
        if upper_first:
            opening = text[s_start:m_start]
            first_token_of_sentence = not opening.strip(" \t\"'“‘(") or bool(_AFTER_DATELINE.search(opening))
            if not (first_token_of_sentence and not qual):
                if not (qual and qual[0].isupper() and first_token_of_sentence):
                    return None, m_end
        if not qual and before and prev.lower() in cx.not_claim_before:
            return None, m_end
        if nxt and nxt_word in cx.not_claim_after and a.value == 1:
            return None, m_end
        if a_lower == "setengah" and nxt and nxt_word in cx.half_idiom_after:
            return None, m_end  # "setengah jadi": half-finished, not a half
        c = text[m_end:m_end + 1]
        if (c == "-" or c.isspace()) and _REDUPLICATED.match(text, m_end) \
                and text[m_end:].lstrip(" -").lower().startswith(a_lower):
            return None, m_end  # "dua-duanya", "kedua-duanya": "both"
    elif not marked:
        if text[m_end:m_end + 1] == ")" and text[m_start - 1:m_start] == "(":
            return None, m_end  # "Budi (45)", "(1)"
        if _REFERENCE.match(text, m_end):
            return None, m_end  # "87/Pdt.G/2026/PN Cgn", "12/KPTS/2026": a reference number
        if _is_age_apposition(text, s_start, m_start, m_end, a, b):
            return None, m_end  # "Djordjevic, 51, mantan wali kota": an age, not a count
        t2 = text[m_end:m_end + 2]  # list numbering "1." / "2)": r"\s*[.)]" after the figure
        if t2 and (t2[0] in ".)" or (len(t2) == 2 and t2[0].isspace() and t2[1] in ".)")) \
                and not text[s_start:m_start].strip(" \t\"'“‘("):
            return None, m_end
    if not cur and not qual:
        tails = _tails(before, lex.max_context_words)  # for the phrase checks below
        if not tails.isdisjoint(cx.identifier_before) and not (
                suffix_info and suffix_info[1] in ("percent", "money")):
            return None, m_end  # "Pasal 5", "komisi tiga"; but "tingkat 5 persen" is a figure
        if not marked:
            if prev and not is_word_number:
                # "Liga 1", "iPhone 15", "Pemilu 2014": a capitalised name right before a bare figure
                shape = _name_shape(prev)
                if shape is not None:
                    mixed_case, upper_rest = shape
                    if (mixed_case or not (nxt and nxt[0][2][0].islower() and not (
                            nxt_word in cx.object_stop or _looks_predicate_word(nxt_word)))) and (
                            upper_rest or not first_token_of_sentence_at(text, sent, m_start, prev)):
                        return None, m_end
            if not tails.isdisjoint(cx.time_or_date_before):
                return None, m_end
            if two_digits and prev.lower().strip(".,") in cx.month:
                return None, m_end  # "November 79": a year
            if nxt_word == "tahun" and len(nxt) < 2 and _LAW_YEAR.match(text[nxt[0][1]:nxt[0][1] + 6]):
                return None, m_end  # "UU Nomor 35 Tahun 2009": a law's number
    post_low = b_text is None and nxt_word in cx.qualifier_after_low

    # --- ranges ---
    value, low, high = a.value, a.low, a.high
    if b is not None:
        if a.value is not None and b.value is not None and not a.has_mult and b.has_mult and a.raw_base < b.raw_base:
            a = Amount(a.raw_base * b.mults, None, None, True, a.is_word, a.raw_base, b.mults)
        a_low = a.value if a.value is not None else a.low
        b_high = b.value if b.value is not None else b.high
        b_low = b.value if b.value is not None else b.low
        if sep in "-–—" and not marked and a.value is not None and b.value is not None \
                and float(a.value).is_integer() and float(b.value).is_integer():
            cue = _ends_with_any(before[-SCORE_CUE_WINDOW:], cx.score_before)
            if cue or b.value <= a.value or a.value == 0:
                return None, m_end  # a score "2-1"
        if a_low is None or b_low is None or b_low <= a_low:
            if sep in "-–—" and b_low is not None and a_low is not None:
                return None, m_end
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
    end = m_end
    if cur:
        unit = lex.currencies.get(" ".join(cur.lower().split()))
    if suffix_info:
        unit = suffix_info[0]
    if not cur and (not suffix_info or suffix_info[1] in ("percent", "measure")):
        if post_low:  # the counted phrase after "lebih": nxt[1:] and maybe a word beyond
            words = _object_words(text, nxt[0][1], s_end, lex)
            after_first = nxt[2:4]  # the two words after the phrase's first (nxt[1])
        else:
            words = _object_prefix(nxt, lex)
            after_first = nxt[1:3]
        if words:
            first = words[0][2].lower()
            uinfo = lex.units.get(first)
            if uinfo and uinfo[1] == "time" and not suffix_info:
                after = words[1][2].lower() if len(words) > 1 else (nxt[1][2].lower() if len(nxt) > 1 else "")
                after2 = " ".join(w[2].lower() for w in after_first)
                relative_after = cx.relative_after
                if (after in relative_after or after2 in relative_after
                        or (not qual and (prev.lower() in cx.duration_before or after in cx.event_after))):
                    return None, m_end  # "dua hari lalu", "selama dua tahun": the times stage's
                unit, end = uinfo[0], words[0][1]
                obj = " ".join(w[2] for w in words)
            elif suffix_info:  # "30 persen saham", "setengah ton kokain"
                obj = text[words[0][0]:words[-1][1]]
            else:
                if is_word_number and a.value == 1 and b is None and not marked and not uinfo \
                        and cx.one_counted.isdisjoint(w[2].lower() for w in words + list(nxt[len(words):len(words) + 2])):
                    return None, m_end  # "satu laporan": "satu" as an article, not a count ("satu tentara tewas" is one)
                if uinfo and uinfo[1] == "classifier":
                    if len(words) > 1 and not _looks_predicate_word(words[1][2]) and not words[1][2][0].isupper():
                        unit, end = words[1][2].lower(), words[1][1]
                        words = words[1:]
                    else:
                        unit, end = uinfo[0], words[0][1]
                elif first in cx.modifier and len(words) > 1:  # "dua mantan pimpinan"
                    unit, end = words[1][2].lower(), words[1][1]
                elif not _looks_predicate_word(first):
                    unit, end = first, words[0][1]
                obj = text[words[0][0]:words[-1][1]]
    if unit is None and not cur and prev.lower() in cx.unit_before and prev.lower() in lex.units:
        unit, obj = lex.units[prev.lower()][0], None  # "gempa bermagnitudo 6,2": a magnitude, not a count
    if unit is None and obj is None and is_word_number and a.value == 1 and b is None and not marked:
        return None, m_end  # a lone "satu" ("Golkar itu satu")
    # the word after ``end``, from ``nxt`` where it tells (``end`` is m_end or the end of one of them)
    if end == m_end:
        following = nxt[0] if nxt else None
    else:
        following = _UNKNOWN
        for i, w in enumerate(nxt):
            if w[1] == end:
                following = nxt[i + 1] if i + 1 < len(nxt) else (None if len(nxt) < 4 else _UNKNOWN)
                break
    end = _rate_end(text, end, s_end, lex, following)
    cs = m_start if qual else (s2 if cur_own else s3)
    if value is not None and not isfinite(value) or low is not None and not isfinite(low) \
            or high is not None and not isfinite(high):
        # hundreds of digits (pasted garbage) overflow a float: keep the claim and its text,
        # without a value JSON could not write
        value = low = high = None
    return NumberClaim(cs, end, text[cs:end], sent.id, value, low, high, approx, unit, obj), end


# a sentence that opens with a dateline the sentence splitter kept ("KALABAHI, FLOBAMORA POS -
# Belasan orang tewas"): the word after the dash is where the report begins
_AFTER_DATELINE = re.compile(r"\s[-–—]{1,2}[ \t]+$")
_NAME_AND_COMMA = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*),[ \t]+$")
MAX_AGE = 120


def _is_age_apposition(text: str, s_start: int, m_start: int, m_end: int, a: Amount, b: Amount | None) -> bool:
    """A bare whole number set off by commas right after a capitalised name ("Djordjevic, 51,
    mantan wali kota"; "Maria, 34, warga Baranusa") is the person's age, as "Budi (45)" is."""
    if b is not None or a.value is None or not float(a.value).is_integer() or not 0 < a.value <= MAX_AGE:
        return False
    if text[m_end:m_end + 1] != ",":
        return False
    m = _NAME_AND_COMMA.search(text, max(s_start, m_start - 60), m_start)
    return m is not None and m.group(1)[0].isupper()


_REFERENCE = re.compile(r"/[\w.-]{1,12}/")  # a figure before two slashes heads a case or letter number
_RATE = re.compile(r"[ \t]*(?:/[ \t]*|(?i:per)[ \t]+)(?=[^\W\d_])")
_ROMAN = re.compile(r"[IVX]+")
_UNKNOWN = ()  # not known: look


def _rate_end(text: str, pos: int, limit: int, lex: _Lexicon, following=_UNKNOWN) -> int:
    """Where a figure ends when a rate's denominator follows it: "Rp 6.500 per liter",
    "Rp 22 ribu/kg", "$ 3 per lembar saham", "Rp 5 juta perbulan". A rate is another figure than
    its bare amount, and NER UGM's QUANTITY spans always hold the denominator. "per" meaning
    "as of" ("per akhir Maret", "per Juni 2017", "per hari ini") is left out.

    ``following`` is ``_next_words(text, pos, limit, 1)[0]`` (None for no word) when the caller
    knows it. A word there comes after spaces and tabs alone, so "/" cannot, and "per" only as
    that word."""
    ctx = lex.context
    if following is not _UNKNOWN and (following is None or following[2].lower() != "per"):
        if following is not None:
            return following[1] if following[2].lower() in lex.cx.rate_joined else pos
        m = _RATE.match(text, pos, limit)
        if m is None:
            return pos
    else:
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
    return _looks_predicate_word(word)


@lru_cache(maxsize=8192)
def _looks_predicate_word(word: str) -> bool:
    w = word.lower()
    cx = lexicon().cx
    if w in cx.predicate:
        return True
    if w in cx.noun:
        return False
    return len(w) >= 6 and w.startswith(_VERB_PREFIXES)


_VERB_PREFIXES = ("me", "di", "ber", "ter")
_CLAUSE_VERB_PREFIXES = ("me", "di")
_REDUPLICATED = re.compile(r"\s*-\s*")


def _ends_with_any(tokens: list[str], words: frozenset[str]) -> bool:
    return any(t.lower().strip(",.;:\"'") in words for t in tokens)


def _object_words(text: str, pos: int, limit: int, lex: _Lexicon) -> list[tuple[int, int, str]]:
    """The counted phrase after ``pos``: up to ``MAX_OBJECT_WORDS`` words, to a stop word."""
    return _object_prefix(_next_words(text, pos, limit, MAX_OBJECT_WORDS), lex)


def _object_prefix(words: list[tuple[int, int, str]], lex: _Lexicon) -> list[tuple[int, int, str]]:
    """The leading ``words`` that belong to the counted phrase."""
    for i, (_, _, w) in enumerate(words):
        stop = _object_stop(w)
        if stop == 1 or (stop == 2 and i):
            return words[:i]
    return words


@lru_cache(maxsize=8192)
def _object_stop(word: str) -> int:
    """1 when ``word`` ends a counted phrase (a stop word, a number word, a qualifier); 2 when it
    does after the phrase's first word (a new clause's verb: "tiga musim mengenakan seragam")."""
    lex = lexicon()
    lw = word.lower()
    if lw in lex.cx.object_stop or lw in lex.words or lw in lex.qualifiers:
        return 1
    if len(lw) >= 6 and lw.startswith(_CLAUSE_VERB_PREFIXES) and lw not in lex.cx.noun \
            and lw not in lex.cx.predicate:
        return 2
    return 0
