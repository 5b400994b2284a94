"""Compiled chrome, dateline and outlet patterns, built once from the language data files."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import DataFileError
from ..lang import load_lines, load_table

PLACE = r"[A-Z][A-Za-z'.]+(?:[ /-][A-Z][A-Za-z'.]+){0,3}"  # "BAKU/YEREVAN": a joint dateline
SEARCH_MAX_LEN = 300  # a 'search' rule never fires on a long paragraph: that is body prose


@dataclass(frozen=True)
class ChromeRule:
    kind: str
    match: str
    reason: str
    regex: re.Pattern

    def test(self, line: str) -> bool:
        if self.match == "full":
            return self.regex.fullmatch(line) is not None
        if self.match == "prefix":
            return self.regex.match(line) is not None
        return len(line) <= SEARCH_MAX_LEN and self.regex.search(line) is not None


@lru_cache(maxsize=None)
def chrome_rules(lang: str = "id") -> tuple[ChromeRule, ...]:
    rules = []
    for i, row in enumerate(load_table("boilerplate.tsv", lang), 2):
        if row["kind"] not in ("boilerplate", "credit", "caption") or row["match"] not in ("full", "prefix", "search"):
            raise DataFileError(f"{lang}/boilerplate.tsv row {i}: bad kind or match")
        pattern = row["pattern"].replace("{OUTLET}", f"(?:{outlet_alternation(lang)})")
        pattern = pattern.replace("{PRESSNAME}", press_name(lang))
        try:
            rx = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise DataFileError(f"{lang}/boilerplate.tsv row {i}: bad pattern ({exc})") from exc
        rules.append(ChromeRule(row["kind"], row["match"], row["reason"], rx))
    return tuple(rules)


@lru_cache(maxsize=None)
def chrome_prefilter(lang: str = "id") -> tuple[re.Pattern, re.Pattern, re.Pattern | None] | None:
    """Patterns that together match every line some chrome rule matches (and maybe a few
    more): the full and prefix rules as one alternation anchored at the start, the search
    rules as another, and the search rules' ``required_literal`` strings as a third (None
    when a search rule has none), a quick scan that rules out most lines before the slower
    search alternation runs. A line that matches neither the first nor the search rules is
    body without trying the rules one by one. None if the rules cannot be joined (then every
    line goes through the rules)."""
    rules = chrome_rules(lang)
    anchored = [f"(?:{r.regex.pattern})" + (r"\Z" if r.match == "full" else "")
                for r in rules if r.match in ("full", "prefix")]
    searched = [f"(?:{r.regex.pattern})" for r in rules if r.match == "search"]
    needles = [required_literal(r.regex.pattern) for r in rules if r.match == "search"]
    try:
        return (re.compile("|".join(anchored) or r"(?!)", re.IGNORECASE),
                re.compile("|".join(searched) or r"(?!)", re.IGNORECASE),
                None if None in needles else re.compile("|".join(map(re.escape, needles)) or r"(?!)", re.IGNORECASE))
    except re.error:
        return None


def required_literal(pattern: str) -> str | None:
    """The longest run of plain characters in the top-level sequence of ``pattern`` (e.g.
    "google" of ``di\\s+google\\s+news$``): every match of the pattern holds it, in some
    letter case when matched case-insensitively. None when there is none (a top-level
    alternation, say) or the pattern cannot be read."""
    try:
        from re import _parser  # CPython's own pattern parser (Python 3.11+)

        items = list(_parser.parse(pattern, re.IGNORECASE))
        literal = _parser.LITERAL
    except Exception:  # noqa: BLE001 - any failure only means no shortcut
        return None
    best = run = ""
    for op, arg in items:
        run = run + chr(arg) if op == literal else ""
        if len(run) > len(best):
            best = run
    return best or None


@lru_cache(maxsize=None)
def outlet_alternation(lang: str = "id") -> str:
    names = sorted(set(load_lines("outlets.txt", lang)), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


@lru_cache(maxsize=None)
def press_name(lang: str = "id") -> str:
    """A publisher's name not listed in outlets.txt: one to three capitalised words, one of them a
    press word ("Suara Timor", "Bisnis Harian", "FLOBAMORA POS"), in Title case or capitals."""
    words = sorted({f for w in load_lines("press_words.txt", lang) for f in (w, w.upper())}, key=len, reverse=True)
    press = "(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w'])"
    other = r"[A-Z][A-Za-z'.]*[A-Za-z]"
    return (rf"(?:{press}(?:\s+{other}){{0,2}}|{other}\s+{press}(?:\s+{other})?"
            rf"|{other}\s+{other}\s+{press})")


@lru_cache(maxsize=None)
def byline_outlet(lang: str = "id") -> re.Pattern:
    """The publisher that closes a reporter's byline ("Novi Christiastuti - detikNews")."""
    return re.compile(rf"[-–—|]\s*(?P<outlet>(?:{outlet_alternation(lang)})|{press_name(lang)})\s*$")


@lru_cache(maxsize=None)
def dateline_patterns(lang: str = "id") -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for row in load_table("datelines.tsv", lang):
        pat = row["pattern"].replace("{OUTLET}", f"(?:{outlet_alternation(lang)})").replace("{PLACE}", PLACE)
        pat = pat.replace("{PRESSNAME}", press_name(lang))
        try:
            out.append((row["name"], re.compile(pat)))
        except re.error as exc:
            raise DataFileError(f"{lang}/datelines.tsv '{row['name']}': bad pattern ({exc})") from exc
    return tuple(out)


@lru_cache(maxsize=None)
def abbreviations(lang: str = "id") -> frozenset[str]:
    entries = load_lines("abbreviations.txt", lang)
    return frozenset(entries) | frozenset(e.lower() for e in entries)
