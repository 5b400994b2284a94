"""The document model: articles carry their text unchanged and standoff annotations over it.

Every annotation is a ``start``/``end`` pair of Python string indices into ``Article.text``
(end exclusive), so ``article.text[a.start:a.end]`` is always the annotated text. Stages add
annotations; nothing ever edits ``text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

BLOCK_KINDS = ("title", "body", "boilerplate", "duplicate_title", "caption", "credit", "dateline")
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
STANCES = ("assert", "accuse", "deny", "demand", "unconfirmed", "other")
GRANULARITIES = ("day", "week", "month", "year", "decade")
ANCHORS = ("explicit", "published", "inferred")


@dataclass(slots=True)
class Block:
    """A non-empty line or paragraph of the text, classified (nothing is deleted)."""

    start: int
    end: int
    kind: str = "body"
    reason: str | None = None


@dataclass(slots=True)
class Sentence:
    """A body sentence; ``block`` is the index of the block it lies in."""

    id: str
    start: int
    end: int
    block: int


@dataclass(slots=True)
class Mention:
    """An entity mention found in one article. ``entity`` is filled by cross-article merging."""

    start: int
    end: int
    text: str
    type: str
    sentence: str | None = None
    role: str | None = None  # "Presiden Rusia" for "Presiden Rusia Vladimir Putin"
    origin: str = "model"  # model | gazetteer | rule
    entity: str | None = None
    links_to: str | None = None  # e.g. a capital used as an actor links to its country's name


@dataclass(slots=True)
class Speaker:
    """Who a statement is attributed to: a span of the text and (once merged) an entity id."""

    text: str
    start: int
    end: int
    mention: int | None = None  # index into Article.mentions of the referent, if any
    entity: str | None = None
    role: str | None = None
    kind: str = "named"  # named | pronoun | description | group
    # where a pronoun/clitic or description stood when the speaker span is its resolved antecedent
    anaphor_start: int | None = None
    anaphor_end: int | None = None


@dataclass(slots=True)
class Cue:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Quote:
    """One attributed statement: its content span, speaker, cue and stance."""

    start: int
    end: int
    text: str
    sentence: str
    direct: bool
    speaker: Speaker | None
    cue: Cue | None
    stance: str = "assert"
    reported_by: Speaker | None = None  # nested attribution: who reports the speaker's words
    id: str | None = None


@dataclass(slots=True)
class NumberClaim:
    """A quantity claim ("sekitar 1.500 tentara"), normalised."""

    start: int
    end: int
    text: str
    sentence: str
    value: float | None
    low: float | None = None
    high: float | None = None
    approx: bool = False
    unit: str | None = None
    object: str | None = None
    quote: str | None = None  # Quote.id once ids are assigned
    quote_index: int | None = None  # index into Article.quotes while per-article
    attributed_to: str | None = None
    id: str | None = None
    attributed_mention: int | None = None  # the quoting speaker's index into Article.mentions


@dataclass(slots=True)
class TimeExpr:
    """A time expression and, when it can be put on the calendar, its ISO value."""

    start: int
    end: int
    text: str
    sentence: str | None
    value: str | None
    granularity: str | None
    anchor: str | None
    type: str = "DATE"  # DATE | TIME | DURATION | SET (TimeML types)
    warnings: list[str] = field(default_factory=list)
    corrected: bool = False
    id: str | None = None


@dataclass
class Article:
    """One input article: its unchanged text plus everything the stages find in it."""

    id: str
    text: str
    source: str | None = None
    url: str | None = None
    title: str | None = None  # metadata title (feed/HTML/JSONL); the title stage may find one
    published: date | None = None
    outlet: str | None = None
    credit: str | None = None
    dateline: str | None = None
    language: str | None = None
    published_inferred: dict[str, str] | None = None
    duplicate_of: str | None = None
    raw: bytes | None = None  # the original input (HTML) for the store; never in the dossier
    input_kind: str = "text"  # text | html | markdown | jsonl | feed
    warnings: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    numbers: list[NumberClaim] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    done: set[str] = field(default_factory=set)  # names of the stages that have run

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in ("body", "dateline")]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset`` (binary search; sentences are sorted)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    @property
    def reference_date(self) -> date | None:
        """The date relative expressions resolve against: given, else inferred."""
        if self.published:
            return self.published
        if self.published_inferred:
            return date.fromisoformat(self.published_inferred["value"][:10])
        return None


@dataclass
class Entity:
    """One real-world referent, merged across the articles of a dossier."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[str, int]] = field(default_factory=list)  # (article id, index into mentions)
    roles: list[str] = field(default_factory=list)


@dataclass
class Story:
    id: str
    title: str | None
    articles: list[str]
    summary: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    number_disputes: list[dict[str, Any]] = field(default_factory=list)
    claim_conflicts: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Corpus:
    """All articles of one run, and what the cross-article stages find in them."""

    articles: list[Article] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    done: set[str] = field(default_factory=set)

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)
