"""Tokens, offsets and the character classes every rule shares: quotation marks, the token view
``_Text`` with its cue scan, paragraphs and trimming, capitalised names and a date at the end of
a phrase. Separate because every later module reads the article through these, and nothing
here decides what a statement is.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property
from itertools import compress

from ..text.tokens import text_tokens
from .lexicon import _cue_starters, _kinds, _time_enders, _time_words, lexicon


QUOTE_MARKS = "\"“”„«»"
OPENERS = "“„«"
CLOSERS = "”»"
_SPACE_LIKE = " \t\u00a0\u2060\u200b\ufeff"
_PUNCT_END = ".,;:!?"


# compiled once: these run for every statement and region (re's own cache costs a lookup each call)
_WORDS = re.compile(r"\w+")
_WORDS_PUNCT = re.compile(r"[\w-]+|[,;:]")
_WORDS_PUNCT_STOP = re.compile(r"[\w-]+|[,;:.]")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_QUOTE_MARK = re.compile(f"[{QUOTE_MARKS}]")


def _verb_shaped(word: str, prefixes: tuple[str, ...] = ("me", "ber")) -> bool:
    """A lower-case word that looks like an active (or, with "di", passive) verb: a verbal
    prefix and more than five letters ("mengatakan", "berharap"); callers add their exceptions."""
    return len(word) > 5 and word.startswith(prefixes)


_TIME_PUNCT = frozenset({",", "(", ")", "/", "-"})


_TIME_GLUE = frozenset({"pada", "tanggal", "sejak", "hingga", "sampai", "awal", "akhir", "pertengahan", "tahun", "bulan"})


def _time_tail(words: list[str]) -> int:
    """How many tokens at the end of ``words`` are a date or time ("di Jakarta, Senin (3/4)" →
    ", Senin (3/4)"; "hari ini"; "pada 3 Maret lalu"); 0 when none is. A capitalised word
    that names no weekday or month is a name ("kata Lalu", "Hari Sabirin")."""
    last = len(words)
    while last and (words[last - 1] in _TIME_PUNCT or words[last - 1][:1].isdigit()):
        last -= 1
    if not last or words[last - 1].lower() not in _time_enders():
        return 0
    free, months, by_last, units = _time_words()
    low = [w.lower() for w in words]
    n, timed = len(low), False
    while n:
        w = low[n - 1]
        if words[n - 1][:1].isupper() and w not in months and "weekday" not in _kinds(words[n - 1]) \
                and not (timed and w in _TIME_GLUE):
            break
        if w in (",", "(", ")", "/", "-") or re.fullmatch(r"\d+(?:/\d+)*", w):
            n -= 1
            continue
        hit = next((len(p) for p in by_last.get(w, ()) if n >= len(p) and tuple(low[n - len(p) : n]) == p), 0)
        if hit:
            n -= hit
        elif w in free:
            n -= 1
        elif w in months and (n == 1 or low[n - 2][:1].isdigit() or low[n - 2] in _TIME_GLUE or low[n - 2] == ","):
            n -= 1
        elif w in ("ini", "itu") and n > 1 and (low[n - 2] in free or low[n - 2] in units) \
                and not (n > 2 and low[n - 3][:1].isdigit()):  # "pekan ini", not "pria 32 tahun ini"
            n -= 2
        elif timed and w in units and not (n > 1 and low[n - 2][:1].isdigit()):  # "tahun lalu"
            n -= 1
        elif timed and w in _TIME_GLUE:
            n -= 1
        else:
            break
        timed = True
    return len(low) - n if timed else 0


_NAME_PARTICLE = re.compile(r"(?:al|el|ad|an|ar|as|asy|at|az|ul|bin)-[A-Z]")


def _is_cap(word: str) -> bool:
    """A capitalised word, or an Arabic name with a particle ("al-Sisi", "el-Sisi")."""
    return word[:1].isupper() or (word[:1] in "aebu" and _NAME_PARTICLE.match(word) is not None)


class _Text:
    """Tokens of the article with their lowercased forms, for cue lookups by token index."""

    def __init__(self, text: str):
        self.text = text
        tokens = text_tokens(text)  # shared with the entity stage: read only
        self.spans = tokens.spans
        self.low = list(map(str.lower, tokens.words))
        self.starts = tokens.starts

    def index_at(self, offset: int) -> int:
        return bisect_left(self.starts, offset)

    @cached_property
    def cue_starts(self) -> list[int]:
        """The tokens at which ``match_cue`` may find a cue, in order (at any other it finds
        none), so scans can jump from one to the next."""
        return list(compress(range(len(self.low)), map(_cue_starters().__contains__, self.low)))

    def range(self, start: int, end: int) -> range:
        return range(self.index_at(start), self.index_at(end))

    def word(self, i: int) -> str:
        s, e = self.spans[i]
        return self.text[s:e]

    def match_cue(self, i: int, limit: int):
        """Longest cue starting at token ``i`` (not past ``limit``): (n_tokens, {kind: stance})."""
        lex = lexicon()
        w = self.low[i]
        if w not in lex.first_words:
            if w.endswith("nya") and (w[:-3],) in lex.cues:
                return 1, {k + "+nya": v for k, v in lex.cues[(w[:-3],)].items()}
            return 0, None
        for n in range(min(lex.max_cue_len, limit - i), 0, -1):
            key = tuple(self.low[i : i + n])
            if key in lex.cues:
                return n, lex.cues[key]
        # clitic form: ujarnya, katanya, tegasnya
        w = self.low[i]
        if w.endswith("nya") and (w[:-3],) in lex.cues:
            return 1, {k + "+nya": v for k, v in lex.cues[(w[:-3],)].items()}
        return 0, None

    def negated(self, i: int) -> bool:
        lex = lexicon()
        for n in (2, 1):
            if i - n >= 0 and tuple(self.low[i - n : i]) in lex.negators:
                return True
        return False


def _strip(text: str, start: int, end: int, chars: str = _SPACE_LIKE + "\n") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        s, e = _strip(text, pos, pos + len(line))
        if e > s:
            out.append((s, e))
        pos += len(line) + 1
    return out


def _trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = _strip(text, start, end, _SPACE_LIKE + "\n,:;")
    while end > start and text[end - 1] in ".;,:!" + _SPACE_LIKE:
        end -= 1
    return start, end


_CLAUSE_EDGE = frozenset(",;:()\"“”'‘’—–")
_ANAPHORS = frozenset({"hal", "itu", "ini", "tersebut", "demikian"})
