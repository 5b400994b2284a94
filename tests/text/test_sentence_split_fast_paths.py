"""The sentence splitter's fast paths (a period-only boundary regex, the word before a period
found without a regex) split exactly as the plain formulation does, on random blocks."""
from __future__ import annotations

import random
import re

from telaah.cleaning.rules import abbreviations
from telaah.text import sentences

PLAIN_BOUNDARY = re.compile(r"(?:\.{3}|…|[.!?]+)([\"'”’)\]]*)(\s+)(?=[\"“‘'(\[]?[A-Z0-9À-Ý])")
WORD_BEFORE = re.compile(r"(\S+)$")


def plain_split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    abbr = abbreviations()
    spans, sent_start = [], start
    for m in PLAIN_BOUNDARY.finditer(text, start, end):
        if text[m.start()] == ".":
            bare = WORD_BEFORE.search(text, sent_start, m.start() + 1).group(1).lstrip("(\"“'")
            if bare in abbr or bare.lower() in abbr:
                continue
            if sentences.INITIAL_RE.fullmatch(bare) or sentences.INITIALS_RE.fullmatch(bare):
                continue
        if not m.group(1) and sentences._quote_open_at(text, start, m.start(), end):
            continue
        spans.append((sent_start, m.end(1)))
        sent_start = m.end()
    if sent_start < end:
        spans.append((sent_start, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


PIECES = list("aB. .!?…\"“”'()[]\n\t\u00a0Xz0H") + ["Jl.", "No.", "S.H.", "dr.", " A", "...", ". ", ". A", "1.500"]


def test_split_block_equals_the_plain_formulation():
    rng = random.Random(11)
    for _ in range(4000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 24)))
        a, b = sorted((rng.randint(0, len(text)), rng.randint(0, len(text))))
        assert sentences.split_block(text, a, b) == plain_split(text, a, b), (text, a, b)
