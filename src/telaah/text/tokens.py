"""Tokenisation into standoff (start, end) spans, shared by every stage that needs words.

Indonesian news tokens: words with internal hyphens and apostrophes ("masing-masing",
"Ma'ruf"), numbers with Indonesian separators ("1.500", "3,5", "24/10/2024", "15.00"),
abbreviations with dots are left to the sentence splitter, and every other non-space
character is a token of its own.
"""
from __future__ import annotations

import re

TOKEN_RE = re.compile(
    r"""
    \d+(?:[.,:/]\d+)*(?:-an)?          # 1.500  3,5  24/10/2024  15.00  1990-an
    | [^\W\d_](?:[\w'’]*[^\W_])?(?:-[\w'’]*[^\W_]|-\d+)*   # words, masing-masing, Ma'ruf, COVID-19
    | \S                               # any other single character
    """,
    re.VERBOSE,
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token spans of ``text[start:end]`` as absolute (start, end) offsets."""
    end = len(text) if end is None else end
    return [m.span() for m in TOKEN_RE.finditer(text, start, end)]


def tokenize_words(text: str, start: int = 0, end: int | None = None) -> tuple[list[tuple[int, int]], list[str]]:
    """``tokenize`` and the token strings, in one pass."""
    end = len(text) if end is None else end
    found = list(TOKEN_RE.finditer(text, start, end))
    return [m.span() for m in found], [m.group() for m in found]


def words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [text[s:e] for s, e in tokenize(text, start, end)]
