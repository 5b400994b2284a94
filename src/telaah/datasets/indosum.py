"""Reader for IndoSum's development folds (``indosum-dev/dev.0{1..5}.jsonl``).

IndoSum (Kurniawan & Louvan, IALP 2018; CC BY-SA 4.0) ships news articles pre-tokenised: a
record's ``paragraphs`` is a list of paragraphs, each a list of sentences, each a list of
tokens. telaah reads raw text, so this module turns the tokens back into plausible Indonesian
news text (:func:`detokenize`) and keeps the sentence/paragraph structure and the extractive
``gold_labels`` alongside, with character offsets, for summary evaluation.

The id prefix is the crawl time (a Unix timestamp). Articles crawled on or after
1 July 2017 (:data:`HELDOUT_FROM`) are held out for evaluation: build no gold, example or
tuning on them. :func:`iter_articles` skips them unless asked.

The five folds overlap (3,463 unique ids in 3,743 lines); 13 ids occur with different
contents in different folds (re-crawls of different length). We keep the first occurrence
in fold order (dev.01 first, then line order), so iteration is deterministic.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import TelaahError
from . import shared_data_dir

HELDOUT_FROM = 1498867200  # 2017-07-01T00:00:00Z
FOLDS = tuple(f"dev.0{n}.jsonl" for n in range(1, 6))
SUBDIR = "indosum-dev"
WIB = timezone(timedelta(hours=7), "WIB")


class IndoSumError(TelaahError):
    """The IndoSum files are missing or malformed."""


class IndoSumSentence(NamedTuple):
    """One detokenised sentence of an IndoSum article, placed in :func:`article_text`."""

    paragraph: int  # index of the paragraph in ``record["paragraphs"]``
    index: int  # index of the sentence within its paragraph
    text: str
    gold: bool  # the extractive oracle label from ``gold_labels``
    start: int  # offsets into article_text(record); end exclusive
    end: int


# ---------------------------------------------------------------------------------------------
# ids and dates


def _timestamp(article_id: str) -> int:
    head = article_id.split("-", 1)[0]
    if not head.isdigit():
        raise IndoSumError(f"IndoSum id {article_id!r} does not start with a Unix timestamp")
    return int(head)


def crawl_time(article_id: str) -> datetime:
    """When the article was crawled (UTC, timezone-aware), from the id's timestamp prefix."""
    return datetime.fromtimestamp(_timestamp(article_id), timezone.utc)


def is_heldout(article_id: str) -> bool:
    """True for articles crawled on or after 1 July 2017: kept for evaluation only."""
    return _timestamp(article_id) >= HELDOUT_FROM


# CNN Indonesia: /20170505195106-12-212688/...; rimanews: /read/20170505/...;
# merdeka, suara, antaranews...: /2017/05/05/...
_URL_DATE = (
    re.compile(r"/((?:19|20)\d\d)(\d\d)(\d\d)(?:\d{6}-|/)"),
    re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)(?:/|$)"),
)


def url_date(url: str) -> date | None:
    """The publication date written in an article URL, if it has a recognisable one."""
    for pattern in _URL_DATE:
        m = pattern.search(url or "")
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


def published_date(record: dict[str, Any]) -> date:
    """The article's publication date.

    The date written in ``source_url`` where there is one (CNN Indonesia, rimanews, merdeka,
    suara, antaranews... URLs carry it; about 1,770 of the 3,463 articles) and it is not after
    the crawl. Otherwise the crawl date itself, in Western Indonesian Time (UTC+7), with
    nothing subtracted: the crawl is usually 0-2 days after publication (median 1 day where
    both are known), so this fallback is typically a day late.
    """
    crawled = crawl_time(record["id"]).astimezone(WIB).date()
    from_url = url_date(record.get("source_url", ""))
    if from_url is not None and from_url <= crawled + timedelta(days=1):
        return from_url
    return crawled


def published_date_source(record: dict[str, Any]) -> str:
    """``"url"`` or ``"crawl"``: where :func:`published_date` took its answer from."""
    crawled = crawl_time(record["id"]).astimezone(WIB).date()
    from_url = url_date(record.get("source_url", ""))
    return "url" if from_url is not None and from_url <= crawled + timedelta(days=1) else "crawl"


# ---------------------------------------------------------------------------------------------
# reading


def default_dir() -> Path | None:
    """``<shared data>/indosum-dev`` or None when the shared data folder is absent."""
    base = shared_data_dir()
    if base is None:
        return None
    path = base / SUBDIR
    return path if path.is_dir() else None


def _resolve_dir(data_dir: str | Path | None) -> Path:
    if data_dir is None:
        found = default_dir()
        if found is None:
            raise IndoSumError(
                "IndoSum not found: set TELAAH_SHARED or place the shared data at ../shared/data "
                "(expected ../shared/data/indosum-dev/dev.01.jsonl ... dev.05.jsonl)"
            )
        return found
    path = Path(data_dir)
    if (path / SUBDIR).is_dir():  # given the shared data folder itself
        path = path / SUBDIR
    if not path.is_dir():
        raise IndoSumError(f"IndoSum folder {path} does not exist")
    return path


def iter_articles(
    data_dir: str | Path | None = None, *, include_heldout: bool = False
) -> Iterator[dict[str, Any]]:
    """Yield each unique IndoSum record once (deduplicated by id across the overlapping folds).

    Held-out records (crawled from 1 July 2017) are skipped unless ``include_heldout``.
    Records are the raw JSON dicts; use :func:`article_text`, :func:`sentences`,
    :func:`summary_text` and :func:`published_date` on them.
    """
    folder = _resolve_dir(data_dir)
    files = [folder / name for name in FOLDS if (folder / name).is_file()]
    if not files:
        raise IndoSumError(f"no dev.0N.jsonl files in {folder}")
    seen: set[str] = set()
    for path in files:
        with path.open(encoding="utf-8") as handle:
            for lineno, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise IndoSumError(f"{path}:{lineno}: not JSON ({exc.msg})") from exc
                article_id = record.get("id")
                if not isinstance(article_id, str) or "paragraphs" not in record:
                    raise IndoSumError(f"{path}:{lineno}: not an IndoSum record (no id/paragraphs)")
                if article_id in seen:
                    continue
                seen.add(article_id)
                if not include_heldout and is_heldout(article_id):
                    continue
                yield record


def load_articles(
    ids: Sequence[str], data_dir: str | Path | None = None
) -> list[dict[str, Any]]:
    """The records with the given ids, in the order given; a missing id is an error."""
    wanted = set(ids)
    found = {r["id"]: r for r in iter_articles(data_dir, include_heldout=True) if r["id"] in wanted}
    missing = [i for i in ids if i not in found]
    if missing:
        raise IndoSumError(f"IndoSum ids not found: {', '.join(missing)}")
    return [found[i] for i in ids]


# ---------------------------------------------------------------------------------------------
# detokenisation
#
# These sets describe the tokeniser that produced IndoSum (punctuation split off, numbers such
# as "2,3" and "1.000" kept whole, "e-KTP" split into "e - KTP"), not the Indonesian language,
# so they live here rather than in telaah/lang/id.

_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "..", "'s", "’s", "n't"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "€", "£", "¥"})
_CLOSING_PUNCT = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "...", ".."})
_DOUBLE_QUOTES = frozenset({'"', "“", "”", "''", "``"})
_SINGLE_QUOTES = frozenset({"'", "‘", "’", "`"})
# words after which "3 , 5" is a decimal number rather than a list: "Rp 3 , 58 juta"
_DECIMAL_UNITS = frozenset({"ribu", "juta", "miliar", "triliun", "persen", "%"})

_WORD = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _is_word(token: str | None) -> bool:
    return token is not None and _WORD.fullmatch(token) is not None


def _is_number(token: str | None) -> bool:
    return token is not None and _NUMBER.fullmatch(token) is not None


def _hyphen_joins(prev: str | None, nxt: str | None) -> bool:
    """Whether ``prev - nxt`` was one hyphenated token ("e-KTP", "ke-23", "3-0").

    Capitalised words on both sides stay apart: that is how datelines look
    ("Rimanews - Komisi", "JAKARTA - Presiden").
    """
    if nxt is not None and len(nxt) > 1 and nxt.endswith("."):
        nxt = nxt[:-1]  # sentence-final "KTP - E."
    if not ((_is_word(prev) or _is_number(prev)) and (_is_word(nxt) or _is_number(nxt))):
        return False
    assert prev is not None and nxt is not None
    if _is_number(prev) and _is_number(nxt):
        return True
    if _is_number(prev):  # "45 - an" yes; "18 - Massimo Gobbi" (a line-up) no
        return nxt[0].islower()
    if prev[0].islower() or nxt[0].islower():
        return True
    if prev.lower() == nxt.lower():  # "Song - Song"
        return True
    if prev.isupper() and len(prev) <= 5 and (nxt.isupper() or _is_number(nxt)):
        return True  # "KTP - E", "PS - 4"
    return len(prev) <= 2  # "Al - Qaidah", "Co - Founder"


def _slash_joins(prev: str | None, nxt: str | None) -> bool:
    """``27 / 3`` -> ``27/3``; ``km / jam`` -> ``km/jam``; ``Bupati / Wakil`` stays apart."""
    if _is_number(prev) and _is_number(nxt):
        return True
    return _is_word(prev) and _is_word(nxt) and prev.islower() and nxt.islower()  # type: ignore[union-attr]


class _QuoteState:
    """Open/closed state of straight quotes, carried across the sentences of a paragraph."""

    __slots__ = ("double", "single", "backtick")

    def __init__(self) -> None:
        self.double = False
        self.single = False
        self.backtick = False


def _quote_role(token: str, prev: str | None, nxt: str | None, state: _QuoteState) -> str | None:
    """``"open"``, ``"close"`` or None (not a quote mark), updating ``state``."""
    at_end = nxt is None or nxt in _CLOSING_PUNCT
    if token in _DOUBLE_QUOTES:
        if token in ("“", "``"):
            role = "open"
        elif token in ("”", "''"):
            role = "close"
        elif not state.double:
            # a closer whose opener lies outside what we were given: nothing follows to be
            # quoted, or it follows punctuation and precedes the speech verb (`lagi , " kata`)
            after_punct = prev in (",", ".", "?", "!") and (nxt is None or nxt[0].islower())
            role = "close" if prev is not None and (at_end or after_punct) else "open"
        else:
            role = "close"
        state.double = role == "open"
        return role
    if token in _SINGLE_QUOTES:
        if token == "‘":
            role = "open"
        elif token == "’":
            role = "close"
        elif token == "`":
            role = "close" if state.backtick else "open"
            state.backtick = role == "open"
            return role
        elif not state.single:
            # apostrophe closing a word ("Dato '") or an opening quote
            role = "close" if at_end and prev is not None else "open"
        else:
            role = "close"
        state.single = role == "open"
        return role
    if state.single and token.endswith("’"):  # "‘ ditugasi’": the closer came attached
        state.single = False
    return None


def _pieces(tokens: Sequence[str], state: _QuoteState) -> list[tuple[str, bool, str | None]]:
    """(token, space_before, quote_role) for each kept token of one sentence."""
    kept = [t.strip() for t in tokens if isinstance(t, str) and t.strip()]
    out: list[tuple[str, bool, str | None]] = []
    glue_next = False
    for i, tok in enumerate(kept):
        prev = kept[i - 1] if i else None
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        role = _quote_role(tok, prev, nxt, state)
        space = prev is not None
        if glue_next:
            space, glue_next = False, False
        elif prev is None:
            space = False
        elif role == "close":
            space = False
        elif role == "open":
            space = not (prev in _NO_SPACE_AFTER or (out and out[-1][2] == "open"))
        elif tok in _NO_SPACE_BEFORE:
            space = False
            if tok == "," and _is_number(prev) and prev.isdigit() and len(prev) <= 3 and \
                    nxt is not None and nxt.isdigit() and len(nxt) <= 2 and \
                    i + 2 < len(kept) and kept[i + 2] in _DECIMAL_UNITS:
                glue_next = True  # "Rp 3 , 58 juta" -> "Rp 3,58 juta"
        elif prev in _NO_SPACE_AFTER or (out and out[-1][2] == "open"):
            space = False
        elif tok == "-nya" or (tok.startswith("-") and tok[1:].isalpha() and tok[1:].islower()):
            space = False  # "blog -nya" -> "blog-nya"
        elif tok == "-":
            if prev == "-":
                space = False  # "- -" -> "--"
            elif _hyphen_joins(prev, nxt):
                space, glue_next = False, True
        elif tok == "/" and _slash_joins(prev, nxt):
            space, glue_next = False, True
        out.append((tok, space, role))
    return out


def _render(pieces: list[tuple[str, bool, str | None]]) -> str:
    return "".join((" " + tok if space else tok) for tok, space, _ in pieces)


def detokenize_paragraph(paragraph: Sequence[Sequence[str]]) -> list[str]:
    """Detokenise the sentences of one paragraph, pairing straight quotes across them.

    Returns one string per sentence (possibly empty). A closing quote or punctuation that the
    tokeniser put at the start of the next sentence (``kita . | " Dia ...``) is moved back to
    the end of the sentence it closes.
    """
    state = _QuoteState()
    per_sentence = [_pieces(sentence, state) for sentence in paragraph]
    for k in range(1, len(per_sentence)):
        current = per_sentence[k]
        target = next((j for j in range(k - 1, -1, -1) if per_sentence[j]), None)
        if target is None:
            continue
        # `sakit ? ' | , " ujarnya .`: closers and trailing punctuation belong to the sentence before
        while current and (current[0][2] == "close" or (current[0][2] is None and current[0][0] in _NO_SPACE_BEFORE)):
            tok, _, role = current.pop(0)
            per_sentence[target].append((tok, False, role))
        if current:
            current[0] = (current[0][0], False, current[0][2])
    return [_render(p) for p in per_sentence]


def detokenize(tokens: Sequence[str]) -> str:
    """Join IndoSum tokens into text as an Indonesian news site would print it.

    No space before ``, . ; : ! ? ) ] %``, none after ``( [``; straight double quotes are
    paired (an opening quote attaches to the following token, a closing one to the preceding
    token); ``27 / 3`` becomes ``27/3``; hyphenated words are rejoined (``e - KTP`` ->
    ``e-KTP``) but dateline dashes are not (``Rimanews - Komisi``); ``Rp 5`` keeps its space;
    ``3 , 58 juta`` becomes ``3,58 juta`` but ``Senin , 27`` stays ``Senin, 27``.
    Whitespace-only tokens (non-breaking spaces, stray newlines) are dropped.
    """
    return detokenize_paragraph([tokens])[0]


# ---------------------------------------------------------------------------------------------
# records as text


def _layout(record: dict[str, Any]) -> tuple[str, list[IndoSumSentence]]:
    paragraphs = record.get("paragraphs") or []
    labels = record.get("gold_labels") or []
    parts: list[str] = []
    out: list[IndoSumSentence] = []
    pos = 0
    for p_index, paragraph in enumerate(paragraphs):
        texts = detokenize_paragraph(paragraph)
        p_labels = labels[p_index] if p_index < len(labels) else []
        if any(texts) and parts:
            parts.append("\n\n")
            pos += 2
        first_in_paragraph = True
        for s_index, text in enumerate(texts):
            gold = bool(p_labels[s_index]) if s_index < len(p_labels) else False
            if text:
                if not first_in_paragraph:
                    parts.append(" ")
                    pos += 1
                first_in_paragraph = False
                parts.append(text)
            out.append(IndoSumSentence(p_index, s_index, text, gold, pos, pos + len(text)))
            pos += len(text)
    return "".join(parts), out


def article_text(record: dict[str, Any]) -> str:
    """The article body: sentences joined by a space, paragraphs by a blank line."""
    return _layout(record)[0]


def sentences(record: dict[str, Any]) -> list[IndoSumSentence]:
    """Every sentence of the article (one per tokenised sentence, aligned with ``gold_labels``),
    detokenised, with its paragraph, gold flag and offsets into :func:`article_text`."""
    return _layout(record)[1]


def summary_text(record: dict[str, Any]) -> str:
    """The human-written abstractive summary, detokenised, sentences joined by a space."""
    return " ".join(t for t in detokenize_paragraph(record.get("summary") or []) if t)


def url_slug_title(record: dict[str, Any]) -> str | None:
    """Words of the URL slug ("kpk-akan-jerat-..." -> "kpk akan jerat ..."), or None.

    IndoSum has no headlines; this is a reconstruction, lower-cased and possibly truncated,
    and must be labelled as such wherever it is shown.
    """
    url = (record.get("source_url") or "").split("?", 1)[0].split("#", 1)[0].rstrip("/")
    slug = url.rsplit("/", 1)[-1]
    slug = re.sub(r"\.(?:html?|php)$", "", slug)
    words = [w for w in re.split(r"[-_]+", slug) if w]
    if len(words) < 2 or all(w.isdigit() for w in words):
        return None
    return " ".join(words)


__all__ = [
    "FOLDS",
    "HELDOUT_FROM",
    "IndoSumError",
    "IndoSumSentence",
    "article_text",
    "crawl_time",
    "default_dir",
    "detokenize",
    "detokenize_paragraph",
    "is_heldout",
    "iter_articles",
    "load_articles",
    "published_date",
    "published_date_source",
    "sentences",
    "summary_text",
    "url_date",
    "url_slug_title",
]
