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
# Latin Extended-A and -B (Ā-ɏ) hold the capitals of wire copy's Turkish, Balkan and Polish names
# ("Đorđević", "Şanlıurfa", "Łódź"); their small letters never open an Indonesian word.
_AFTER_MARK = r"([\"'”’)\]]*)(\s+)(?=[\"“‘'(\[]?[A-Z0-9À-ÝĀ-ɏ])"
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
    spans: list[tuple[int, int]] = []
    sent_start = start
    block = text[start:end]
    boundary = PERIOD_BOUNDARY_RE if "!" not in block and "?" not in block and "…" not in block else BOUNDARY_RE
    quoted = '"' in block or "“" in block  # else no quotation holds a boundary (``_quote_open_at``)
    # a loop of searches rather than ``finditer``: a block has few boundaries, and a search
    # costs less than setting up an iterator
    m = boundary.search(text, start, end)
    while m is not None:
        mark_at = m.start()
        if text[mark_at] == ".":
            # the word the period ends: the run of non-space characters before it, in the sentence
            word_end = mark_at + 1
            space = text.rfind(" ", sent_start, word_end)
            word = text[space + 1 if space >= 0 else sent_start:word_end].rsplit(None, 1)[-1]
            bare = word.lstrip("(\"“'")
            abbr = abbreviations()
            if bare in abbr or bare.lower() in abbr or (
                    len(bare) >= 2 and bare[1] == "." and (INITIAL_RE.fullmatch(bare) or INITIALS_RE.fullmatch(bare))):
                m = boundary.search(text, m.end(), end)
                continue  # an abbreviation, or initials: "H. Agus", "S.H.", "a.n."
        if quoted and not m.group(1) and _quote_open_at(text, start, mark_at, end):
            m = boundary.search(text, m.end(), end)
            continue
        spans.append((sent_start, m.end(1)))
        sent_start = m.end()
        m = boundary.search(text, sent_start, end)
    # Only the block's ends can hold whitespace: a sentence after a boundary begins with what the
    # boundary's look-ahead saw, and one before it ends with the mark or a closing quote.
    spans.append((sent_start, end))  # (never empty: a boundary's look-ahead sees a character before end)
    s = spans[0][0]
    while text[s].isspace():  # (the last span ends at end, after a character that is no space, if any)
        s += 1
        if s == end:
            return []  # the block is whitespace only
    if s != start:
        spans[0] = (s, spans[0][1])
    e = end
    while text[e - 1].isspace():
        e -= 1
    if e != end:
        spans[-1] = (spans[-1][0], e)
    return spans


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
