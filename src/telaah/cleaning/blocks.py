"""Blocks: every non-empty line or paragraph, classified; plus title, dateline, outlet, credit.

Nothing is removed. Lines are classified conservatively: a line is chrome only when a pattern
from ``lang/id/boilerplate.tsv`` matches all of it (or its start, for prefixed chrome such as
"Baca juga:"), because losing a body line is worse than keeping a share prompt.
"""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from ..document import Article, Block
from ..pipeline import ArticleStage, Options
from .rules import SEARCH_MAX_LEN, byline_outlet, chrome_prefilter, chrome_rules, dateline_patterns

SENTENCE_END = ('.', '!', '?', '"', '”', '’', "'", ':', ';', ')')
TITLE_MAX_CHARS = 250
TITLE_MAX_WORDS = 35
CAPTION_MAX_CHARS = 200
WRAP_MIN_CHARS = 60  # wrapped prose lines are long; a short line without a full stop is a heading
DATELINE_LOOKAHEAD = 2  # prose paragraphs after the first that may still hold an outlet's dateline
SITE_SUFFIX_RE = re.compile(r"\s*[|–—-]\s*[^|–—-]{2,40}$")


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


def iter_lines(text: str):
    """(start, end) of each non-empty line, trimmed of surrounding whitespace, and whether a
    blank line (or the text start) precedes it."""
    pos, blank_before = 0, True
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            yield start, start + len(stripped), blank_before
            blank_before = False
        else:
            blank_before = True
        pos += len(line)


def is_wrapped(prev_line: str, line: str) -> bool:
    """Does ``line`` continue the paragraph of ``prev_line`` (hard-wrapped text)?"""
    if prev_line.endswith(SENTENCE_END) or norm(prev_line) == norm(line):
        return False
    return line[:1].islower() or len(prev_line) >= WRAP_MIN_CHARS


def classify_line(line: str) -> tuple[str, str | None]:
    prefilter = chrome_prefilter()
    if prefilter is not None and prefilter[0].match(line) is None \
            and (len(line) > SEARCH_MAX_LEN or (prefilter[2] is not None and prefilter[2].search(line) is None)
                 or prefilter[1].search(line) is None):
        return "body", None  # no rule can match (see chrome_prefilter)
    for rule in chrome_rules():
        if rule.test(line):
            return rule.kind, rule.reason
    return "body", None


def headline_like(line: str) -> bool:
    words = line.split()
    if not words or len(line) > TITLE_MAX_CHARS or len(words) > TITLE_MAX_WORDS:
        return False
    return not line.rstrip().endswith(".") or line.rstrip().endswith("...")


MASTHEAD_MAX_WORDS = 8
HEADLINE_MIN_WORDS = 6
# a site's name line pasted above the headline: "HARIAN JAKARTA ONLINE", "PanturaSatu.id | Home >
# Peristiwa", "Kabar Pantura — Hukum & Kriminal", "KNA - Kantor Berita Kabar Nusantara"
MASTHEAD_MARK_RE = re.compile(r"\s[|–—>-]\s|\.(?:id|com|co|net|org)\b", re.I)


def masthead_like(line: str) -> bool:
    """A short line that names a site or its section rather than the story: written all in
    capitals, or with a site's separators or domain."""
    words = line.split()
    if not words or len(words) > MASTHEAD_MAX_WORDS:
        return False
    letters = [c for c in line if c.isalpha()]
    return (len(words) >= 2 and bool(letters) and all(c.isupper() for c in letters)) or bool(MASTHEAD_MARK_RE.search(line))


SITE_DOMAIN_RE = re.compile(r"(?<![\w.-])[A-Za-z0-9][\w-]*\.(?:co\.id|id|com|co|net|org)\b")
BYLINE_BLOCKS = 6  # blocks at the top searched for a date line that names the site
MASTHEAD_SEPARATOR_RE = re.compile(r"\s[|–—>-]\s")


def masthead_site(line: str) -> str | None:
    """The site a masthead line names: its domain ("BeritaPesisir.com | Berita Terkini"), else
    the part before the first separator ("Kabar Pantura — Hukum & Kriminal"), else the line."""
    domain = SITE_DOMAIN_RE.search(line)
    if domain:
        return domain.group()
    name = MASTHEAD_SEPARATOR_RE.split(line, maxsplit=1)[0].strip(" |–—>-")
    return name or None


def site_key(name: str | None) -> str:
    """An outlet's or site's name for comparison: lower case, letters and digits only
    ("LOMBOKSPORT.ID" = "LombokSport.id"; "Antara" = "ANTARA")."""
    return re.sub(r"[^0-9a-z]", "", (name or "").lower())


def same_title(line: str, title: str) -> bool:
    a, b = norm(line), norm(title)
    if not a or not b:
        return False
    if a == b:
        return True
    stripped = norm(SITE_SUFFIX_RE.sub("", line))
    if stripped == b:
        return True
    return len(a) > 15 and fuzz.ratio(a, b) >= 92


def match_dateline(text: str, start: int, end: int):
    """The dateline opening the paragraph text[start:end]: (match, place, outlet) or None."""
    head = text[start:min(end, start + 120)]
    for _name, rx in dateline_patterns():
        m = rx.match(head)
        if m:
            gd = m.groupdict()
            return m, gd.get("place"), gd.get("outlet")
    return None


def opens_with_outlet_dateline(text: str, start: int, end: int) -> bool:
    """Does text[start:end] open with a dateline that names the outlet ("Painan (ANTARA) -")?"""
    found = match_dateline(text, start, end)
    return bool(found and found[2])


def is_prose(line: str) -> bool:
    """A paragraph of sentences, not a menu word, heading or other short unpunctuated line."""
    line = line.rstrip()
    return line.endswith(SENTENCE_END) or len(line) > TITLE_MAX_CHARS


class BlockStage(ArticleStage):
    """Classify lines; find the title, duplicate titles, the dateline, outlet and credit."""

    name = "blocks"
    requires = ("article.text",)
    assigns = ("article.blocks", "article.title", "article.dateline", "article.outlet", "article.credit")

    def __call__(self, article: Article, options: Options) -> None:
        text = article.text
        blocks: list[Block] = []
        joined_above: list[bool] = []  # no blank line between this block and the one above
        for start, end, blank_before in iter_lines(text):
            kind, reason = classify_line(text[start:end])
            prev = blocks[-1] if blocks else None
            # A hard-wrapped paragraph: join a body line to the body line above it when no blank
            # line separates them and the line above does not end a sentence.
            # A line opening with an outlet's dateline starts the lead, never continues a headline.
            # The page's own headline (HTML metadata) is a line of its own too.
            if kind == "body" and prev is not None and prev.kind == "body" and not blank_before \
                    and is_wrapped(text[prev.start:prev.end], text[start:end]) \
                    and not opens_with_outlet_dateline(text, start, end) \
                    and not (article.title and same_title(text[prev.start:prev.end], article.title)):
                prev.end = end
                continue
            blocks.append(Block(start, end, kind, reason))
            joined_above.append(not blank_before)
        self._captions_beside_credits(text, blocks, joined_above)
        self._related_link_lists(text, blocks)
        article.blocks = blocks
        masthead = self._find_title(article)
        self._find_dateline(article, masthead)
        self._outlet_from_byline(article)
        self._find_credit(article)

    @staticmethod
    def _outlet_from_byline(article: Article) -> None:
        """A date line under the headline that opens with a site's domain names the outlet
        ("TenggaraNews.id – Selasa, 27 Oktober 2026"); a bare name there may be the reporter's,
        so only a domain counts."""
        if article.outlet:
            return
        for b in article.blocks[:BYLINE_BLOCKS]:
            if b.kind == "boilerplate" and b.reason == "byline":
                domain = SITE_DOMAIN_RE.search(article.text, b.start, min(b.end, b.start + 40))
                if domain:
                    article.outlet = domain.group()
                    return
                named = byline_outlet().search(article.text, b.start, b.end)
                if named and named.end() == b.end:  # "Novi Christiastuti - detikNews"
                    article.outlet = named.group("outlet")
                    return

    @staticmethod
    def _captions_beside_credits(text: str, blocks: list[Block], joined_above: list[bool]) -> None:
        """A short line glued to a photo-credit line (no blank line between) is its caption."""
        for i, b in enumerate(blocks):
            if b.kind != "caption" or b.reason != "photo credit":
                continue
            for j in (i - 1, i + 1):
                if not (0 <= j < len(blocks)) or not joined_above[max(i, j)]:
                    continue
                n = blocks[j]
                line = text[n.start:n.end]
                if n.kind == "body" and len(line) <= CAPTION_MAX_CHARS and not match_dateline(text, n.start, n.end) \
                        and not any(q in line for q in '"“”'):
                    n.kind, n.reason = "caption", "caption beside a photo credit"

    @staticmethod
    def _related_link_lists(text: str, blocks: list[Block]) -> None:
        """The headlines listed under a "BERITA TERKAIT" / "Baca juga" header line are links,
        not body: the short unpunctuated lines right after the header, up to the first prose
        paragraph or other chrome."""
        for i, b in enumerate(blocks):
            if b.kind != "boilerplate" or b.reason != "related link" or text[b.start:b.end].rstrip(" :»>|-").count(" ") > 2:
                continue  # a header alone ("BERITA TERKAIT"), not a link line of its own
            for n in blocks[i + 1:]:
                if n.kind != "body" or is_prose(text[n.start:n.end]):
                    break
                n.kind, n.reason = "boilerplate", "related link"

    @staticmethod
    def _headline_after(text: str, blocks: list[Block], i: int) -> bool:
        """Is there a headline among the next few lines, before the first prose paragraph?"""
        for n in blocks[i + 1:i + 5]:
            line = text[n.start:n.end]
            if n.kind != "body":
                continue
            return headline_like(line) and len(line.split()) >= HEADLINE_MIN_WORDS \
                and not match_dateline(text, n.start, n.end) and not masthead_like(line)
        return False

    def _find_title(self, article: Article) -> str | None:
        """Mark the headline (and a site's masthead line above it); return the outlet taken from
        the masthead, if that is where the outlet came from."""
        text, blocks = article.text, article.blocks
        masthead = None
        meta_title = article.title
        title_idx = None
        # The headline is the first non-chrome line, if it reads like one (or equals the metadata title).
        for i, b in enumerate(blocks[:6]):
            if b.kind != "body":
                continue
            line = text[b.start:b.end]
            if meta_title and same_title(line, meta_title):
                title_idx = i
            elif not meta_title and masthead_like(line) and self._headline_after(text, blocks, i):
                b.kind, b.reason = "boilerplate", "masthead above the headline"
                # the site whose page this is: it, not an agency in the lead's dateline, is the
                # outlet ("GRESIK (Reuters) -" under "BeritaPesisir.com" is Reuters copy republished)
                if not article.outlet:
                    article.outlet = masthead = masthead_site(line)
                continue
            elif headline_like(line) and i + 1 < len(blocks) and not match_dateline(text, b.start, b.end):
                title_idx = i
            break
        if title_idx is not None:
            b = blocks[title_idx]
            b.kind, b.reason = "title", "first line reads as a headline"
            if not meta_title:
                article.title = text[b.start:b.end]
        title = article.title
        if not title:
            return masthead
        for i, b in enumerate(blocks):
            if i == title_idx or b.kind not in ("body", "boilerplate"):
                continue
            if same_title(text[b.start:b.end], title):
                b.kind, b.reason = "duplicate_title", "repeats the headline"
        return masthead

    def _find_dateline(self, article: Article, masthead: str | None = None) -> None:
        found = lead_dateline(article)
        if found is None:
            return
        b, m = found
        place, outlet = m.groupdict().get("place"), m.groupdict().get("outlet")
        if m.end() >= b.end - b.start:  # the line is only a dateline
            b.kind, b.reason = "dateline", "dateline on its own line"
        article.dateline = place.strip() if place else None
        if outlet and (not article.outlet or (masthead and site_key(outlet) == site_key(masthead))):
            article.outlet = outlet.strip()  # the dateline's spelling of the masthead's site

    def _find_credit(self, article: Article) -> None:
        """The agency credit line ("Sumber: Antara"); else the news agency named in the lead's
        dateline ("BEOGRAD, Serbia (AP) —"): an agency there is whose copy this is."""
        text = article.text
        for b in article.blocks:
            if b.kind != "credit" or b.reason != "agency credit":
                continue
            line = text[b.start:b.end]
            value = re.sub(r"^(?:sumber|source)\s*:\s*", "", line.strip(" ()."), flags=re.IGNORECASE).strip(" ().")
            if value:
                article.credit = value
                return
        found = lead_dateline(article)
        outlet = found[1].groupdict().get("outlet") if found else None
        if outlet and any(r.reason == "agency credit" and r.test(f"({outlet.strip()})") for r in chrome_rules()):
            article.credit = outlet.strip()


def lead_dateline(article: Article) -> tuple[Block, re.Match] | None:
    """The dateline opening the lead, with the block it opens: the first prose body paragraph.
    Short unpunctuated body lines before it (menu words, kickers, a headline left as body) are
    passed over. A caption glued to a headline can pose as the lead, so the next
    DATELINE_LOOKAHEAD prose paragraphs are tried too, but only for a dateline that names the
    outlet ("Padang (ANTARA) -")."""
    text = article.text
    prose_seen = 0
    for b in article.blocks:
        if b.kind not in ("body", "dateline"):
            continue
        line = text[b.start:b.end]
        found = match_dateline(text, b.start, b.end)
        # Before the lead, a short line holds a dateline only if that is all it holds or it
        # names the outlet: "Jokowi - Prabowo Bertemu" is a headline, not a dateline.
        if found and (found[2] or (prose_seen == 0 and (is_prose(line) or found[0].end() >= len(line)))):
            return b, found[0]
        if is_prose(line):
            prose_seen += 1
            if prose_seen > DATELINE_LOOKAHEAD:
                return None
    return None


def lead_dateline_end(article: Article) -> int | None:
    """Where the lead's dateline ends in the text (what follows is the first sentence's own
    words: "WEDA, KABARTIMUR – Serikat Buruh …"), or None without one."""
    if not article.dateline:
        return None
    found = lead_dateline(article)
    return None if found is None else found[0].start + found[1].end()


def dateline_date(article: Article) -> tuple[str, Block] | None:
    """The date written in the lead's dateline ("17 November" of "BEOGRAD, 17 November
    (Reuters) -"), as written, with the block it opens; None when the dateline has none."""
    found = lead_dateline(article)
    if found is None or not found[1].groupdict().get("date"):
        return None
    return found[1]["date"], found[0]
