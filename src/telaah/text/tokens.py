"""Tokenisation into standoff (start, end) spans, shared by every stage that needs words.

Indonesian news tokens: words with internal hyphens and apostrophes ("masing-masing",
"Ma'ruf"), numbers with Indonesian separators ("1.500", "3,5", "24/10/2024", "15.00"),
abbreviations with dots are left to the sentence splitter, and every other non-space
character is a token of its own.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

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


class TextTokens(NamedTuple):
    """``tokenize_words`` over a whole text, with each token's start offset."""

    text: str
    spans: list[tuple[int, int]]
    words: list[str]
    starts: list[int]

    def between(self, start: int, end: int) -> tuple[list[tuple[int, int]], list[str]]:
        """``tokenize_words(text, start, end)``, taken from the whole text's tokens.

        TOKEN_RE has no anchors or lookarounds and every non-space character starts a match
        (its last branch is ``\\S``), so a scan of ``text[start:end]`` meets exactly the
        whole text's tokens that lie inside it, unless one of those tokens crosses ``start``
        or ``end``; then the range is scanned on its own."""
        spans, starts = self.spans, self.starts
        i = bisect_left(starts, start)
        j = bisect_left(starts, end, i)
        if (i and spans[i - 1][1] > start) or (j > i and spans[j - 1][1] > end):
            return tokenize_words(self.text, start, end)
        return spans[i:j], self.words[i:j]


_last: TextTokens = TextTokens("", [], [], [])


def text_tokens(text: str) -> TextTokens:
    """The tokens of all of ``text``; the last text's are kept (matched by identity), so the
    stages of one article (entities, quotes) scan it once. The lists are shared: read them,
    never change them."""
    global _last
    last = _last
    if last.text is text:
        return last
    spans, found = tokenize_words(text)
    last = _last = TextTokens(text, spans, found, [s for s, _ in spans])
    return last
