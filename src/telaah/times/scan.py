"""One pass over a sentence that finds both where a figure can begin (a digit run, a number word:
the numbers stage) and where a time expression can (a digit run at a word start, a time word:
the times stage).

Both stages run over the same article text, one after the other, so the whole text is scanned
once and its hits kept (for the last text only) for both stages and all its sentences.
Each stage takes from the hits exactly what its own regex would have found (see the stages); when
the text cannot be scanned lower-cased (``lowered``) or a word is not plain letters, there are no
shared hits and each stage scans alone.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache

from .lexicon import lowered, trie_alternation

_local = threading.local()


@lru_cache(maxsize=1)
def union_regex() -> re.Pattern[str] | None:
    """Every digit run, and every whole word that is a time start word or a number word, on
    lower-cased text. None when a word is not made of letters alone: then a hit could hide a digit
    run or a word another stage looks for."""
    words = union_words()
    if not all(w.isalpha() for w in words):
        return None
    return re.compile(rf"\d+|(?<!\w)(?:{trie_alternation(words)})(?!\w)")


@lru_cache(maxsize=1)
def union_words() -> frozenset[str]:
    from ..numbers.extract import lexicon as numbers_lexicon
    from .extract import scan_words

    return frozenset(scan_words()) | numbers_lexicon().anchor_words


@lru_cache(maxsize=1)
def _whole_text_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """``union_regex`` for a whole lower-cased text, in three parts that find the same hits faster.

    A listed word comes after a non-word character: after a space (most of them), found by a
    regex that begins with the space (the engine jumps from space to space), or after another
    non-word character, found with the digit runs by a regex that steps only onto characters
    other than ASCII lower-case letters and the space (a digit begins a digit run, ``\\d*``
    takes the rest). The matches of the two never overlap (each word match begins with the
    non-word character before the word, which no other hit contains). A word at the very start
    of the text, which has no character before it, is looked for on its own."""
    trie = trie_alternation(union_words())
    after_space = re.compile(rf" (?P<w>{trie})(?!\w)")
    rest = re.compile(rf"[^a-z_ ](?:(?<=\d)\d*|(?<=\W)(?P<w>{trie})(?!\w))")
    first = re.compile(rf"(?<!\w)(?:{trie})(?!\w)")
    return after_space, rest, first


# For ASCII text: digits all made "0" and every non-word character a space, so that a listed word
# is found after a space and a digit run is a run of "0", both by a regex that begins with a
# plain character (the engine then jumps between candidates instead of testing each character
# against a class). Letters and "_" stay as they are; in ASCII text ``\\w`` is [A-Za-z0-9_].
_ASCII_CLASSES = bytes.maketrans(
    bytes(range(128)),
    bytes(c if chr(c).isalpha() or c == ord("_") else ord("0") if chr(c).isdigit() else ord(" ")
          for c in range(128)))


@lru_cache(maxsize=1)
def _ascii_regexes() -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """On the ``_ASCII_CLASSES`` image of an ASCII text: a listed word after a non-word character,
    and a digit run."""
    trie = trie_alternation(w for w in union_words() if w.isascii())
    return re.compile(rf" (?P<w>{trie})(?!\w)".encode()), re.compile(rb"00*")


# characters that are no part of a word (``\\w``): a span with one of them on either side of its
# start, and on either side of its end, is a ``clean_span`` (a quick check before calling it)
NOT_WORD_NEAR_SPAN = frozenset(" \n\t\r.,;:!?\"'()[]-/“”‘’")


def clean_span(low: str, start: int, end: int) -> bool:
    """No word runs across ``start`` or ``end``: there a scan of the whole text and a scan of the
    span find the same things. (``\\w`` is a letter, a digit or "_".)"""
    n = len(low)
    if 0 < start < n:
        c = low[start - 1]
        if c.isalnum() or c == "_":
            c = low[start]
            if c.isalnum() or c == "_":
                return False
    if 0 < end < n:
        c = low[end]
        if c.isalnum() or c == "_":
            c = low[end - 1]
            if c.isalnum() or c == "_":
                return False
    return True


def text_scan(text: str) -> tuple[str | None, list[tuple[int, int, str]] | None]:
    """``lowered(text)``, and the hits of ``union_regex`` in the whole of it as (start, end,
    lower-cased text), in text order; the hits are None when there are none to share. Remembered
    for the last text, per thread. The hits inside a ``clean_span`` are those a scan of the span
    finds."""
    cached = getattr(_local, "last", None)
    if cached is not None and cached[0] is text:
        return cached[1], cached[2]
    low = lowered(text)
    hits = None
    if low is not None and union_regex() is not None:
        hits = []
        after_space, rest, first = _whole_text_regexes()
        pos = 0
        m = first.match(low)
        if m is not None:
            hits.append((0, m.end(), m.group()))
            pos = m.end()
        if low.isascii():
            image = low.encode("ascii").translate(_ASCII_CLASSES)
            word_after, digits = _ascii_regexes()
            hits += [(m.start(1), m.end(), low[m.start(1):m.end()]) for m in word_after.finditer(image, pos)]
            runs = [(m.start(), m.end(), low[m.start():m.end()]) for m in digits.finditer(image, pos)]
        else:
            for m in rest.finditer(low, pos):
                if m.lastindex:  # a word, after the character before it
                    hits.append((m.start(1), m.end(), m.group(1)))
                else:
                    hits.append((m.start(), m.end(), m.group()))
            runs = [(m.start(1), m.end(), m.group(1)) for m in after_space.finditer(low, pos)]
        if runs:
            hits += runs
            hits.sort()  # in text order (no two hits begin at the same place)
    _local.last = (text, low, hits)
    return low, hits


def span_hits(low: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The hits of ``union_regex`` in ``low[start:end]`` found by scanning just that span."""
    return [(m.start(), m.end(), m.group()) for m in union_regex().finditer(low, start, end)]
