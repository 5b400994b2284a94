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

# A sentence mark (an ellipsis "..." or "…", or a run of . ! ?), closing quotes or brackets,
# spaces, and then a capital, a digit or an opening quote. Written to begin with the class of the
# mark's first character, which lets the regex engine skip ahead to the next candidate quickly;
# it finds what ``(?:\.{3}|…|[.!?]+)`` in its place would, in the same order of preference.
_AFTER_MARK = r"([\"'”’)\]]*)(\s+)(?=[\"“‘'(\[]?[A-Z0-9À-Ý])"
BOUNDARY_RE = re.compile(r"[.!?…](?:(?<=\.)\.\.|(?<=[.!?])[.!?]*|)" + _AFTER_MARK)
# The same where a block has no "!", "?" or "…": beginning with a plain character, the regex
# engine finds each period by a fast search instead of testing every character against a class.
PERIOD_BOUNDARY_RE = re.compile(r"\.(?:\.\.|\.*)" + _AFTER_MARK)
OPEN_QUOTES = "\"“"
CLOSE_QUOTES = "\"”"
MAX_QUOTE_SPAN = 800  # a quotation longer than this is not held together as one sentence
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
    if start >= end:
        return []
    abbr = abbreviations()
    spans: list[tuple[int, int]] = []
    sent_start = start
    block = text[start:end]
    plain = "!" not in block and "?" not in block and "…" not in block
    for m in (PERIOD_BOUNDARY_RE if plain else BOUNDARY_RE).finditer(text, start, end):
        punct_end = m.end(1)
        mark = text[m.start():m.start() + 1]
        if mark == ".":
            # the word the period ends: the run of non-space characters before it, in the sentence
            word_end = m.start() + 1
            space = text.rfind(" ", sent_start, word_end)
            word = text[space + 1 if space >= 0 else sent_start:word_end].rsplit(None, 1)[-1]
            bare = word.lstrip("(\"“'")
            if bare in abbr or bare.lower() in abbr:
                continue
            if len(bare) >= 2 and bare[1] == "." and (INITIAL_RE.fullmatch(bare) or INITIALS_RE.fullmatch(bare)):
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
