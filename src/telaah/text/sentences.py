"""An Indonesian sentence splitter over body blocks.

Block boundaries always end a sentence. Inside a block, a sentence ends at . ! ? or an
ellipsis followed by space and a capital, digit or opening quote, unless the word before the
period is a known abbreviation or title (``lang/id/abbreviations.txt``), a single capital
initial ("H. Agus"), or the period sits inside a quotation that closes later in the block (so
'"Kami menolak. Itu tidak benar," kata Retno.' stays one sentence with its attribution).
Numbers ("1.500", "3,5", "pukul 15.00") never contain a boundary since no space follows the dot.
"""
from __future__ import annotations

import re

from ..cleaning.rules import abbreviations
from ..document import Article, Sentence
from ..pipeline import ArticleStage, Options

BOUNDARY_RE = re.compile(r"(?:\.{3}|…|[.!?]+)([\"'”’)\]]*)(\s+)(?=[\"“‘'(\[]?[A-Z0-9À-Ý])")
OPEN_QUOTES = "\"“"
CLOSE_QUOTES = "\"”"
MAX_QUOTE_SPAN = 800  # a quotation longer than this is not held together as one sentence
WORD_BEFORE_RE = re.compile(r"(\S+)$")
INITIAL_RE = re.compile(r"[A-Z]\.")
INITIALS_RE = re.compile(r"(?:[A-Za-z]\.){2,}")


def _quote_open_at(text: str, start: int, pos: int, end: int) -> bool:
    """Is ``pos`` inside a quotation that opened in this block and closes before ``end``?"""
    segment = text[start:pos]
    curly_open = segment.count("“") - segment.count("”")
    if curly_open > 0:
        close = text.find("”", pos, end)
        return close != -1 and close - pos < MAX_QUOTE_SPAN
    straight = segment.count('"')
    if straight % 2 == 1:
        close = text.find('"', pos, end)
        return close != -1 and close - pos < MAX_QUOTE_SPAN
    return False


def split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end], trimmed of whitespace."""
    abbr = abbreviations()
    spans: list[tuple[int, int]] = []
    sent_start = start
    for m in BOUNDARY_RE.finditer(text, start, end):
        punct_end = m.end(1)
        mark = text[m.start():m.start() + 1]
        if mark == ".":
            wm = WORD_BEFORE_RE.search(text, sent_start, m.start() + 1)
            word = wm.group(1) if wm else ""
            bare = word.lstrip("(\"“'")
            if bare in abbr or bare.lower() in abbr:
                continue
            if INITIAL_RE.fullmatch(bare) or INITIALS_RE.fullmatch(bare):
                continue  # initials: "H. Agus", "S.H.", "a.n."
        if not m.group(1) and _quote_open_at(text, start, m.start(), end):
            continue
        spans.append((sent_start, punct_end))
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


class SentenceStage(ArticleStage):
    """Split body and dateline blocks into sentences with ids ``<article>:s<n>``."""

    name = "sentences"
    requires = ("article.blocks",)
    assigns = ("article.sentences",)

    def __call__(self, article: Article, options: Options) -> None:
        sentences = []
        for bi, block in enumerate(article.blocks):
            if block.kind not in ("body", "dateline"):
                continue
            for s, e in split_block(article.text, block.start, block.end):
                sentences.append(Sentence(f"{article.id}:s{len(sentences) + 1}", s, e, bi))
        article.sentences = sentences
