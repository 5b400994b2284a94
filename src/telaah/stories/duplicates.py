"""Near-duplicate articles: syndicated and republished copies of one text.

An agency story republished on ten portals gets new chrome, a new dateline and light edits, so
copies are compared on their body sentences only (the sentence stage has already left out
boilerplate, and the dateline's place name is at most one shingle). MinHash LSH (datasketch)
proposes candidates; the exact Jaccard of word 5-shingles confirms them, so the LSH never
confirms a pair on its own. It can still miss one: a pair is proposed only when one of its
bands (``rows`` signature values) agrees, which for a Jaccard of ``s`` happens with probability
1 - (1 - s**rows)**bands. ``band_layout`` picks the layout so that a pair right at the threshold
is proposed at least ``CANDIDATE_RECALL`` of the time: at 0.5 with 128 permutations, 42 bands of
3 rows, 0.996 (0.998 at Jaccard 0.52, 0.99996 at 0.6; a chance candidate at 0.2: 0.29, at 0.1:
0.04). The earlier layout, datasketch's optimum for 0.4 (32 bands of 4 rows), proposed a pair
at 0.5 only 0.873 of the time and one at 0.52 only 0.91. Measured on 3,000 synthetic pairs at
exact Jaccard 0.50-0.52 (mean 0.509): 10 missed (0.33%; 0.26% in theory), against 339 (11.3%)
with the earlier layout. Each copy is marked ``duplicate_of`` the earliest copy (by publication
or inferred date, then input order).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..document import Article, Corpus
from ..pipeline import CorpusStage, Options

SHINGLE_WORDS = 5
THRESHOLD = 0.5  # exact Jaccard of word 5-shingles; see tests/test_stories_duplicates.py
NUM_PERM = 128
# least chance that the LSH proposes a pair whose exact Jaccard is just the threshold
CANDIDATE_RECALL = 0.99
PAIRWISE_UP_TO = 24  # articles; past this the LSH's candidate search is cheaper than every pair
_WORD = re.compile(r"[^\W_]+")


def body_text(article: Article) -> str:
    """The article's body: its sentences joined (the whole text if it has none)."""
    if not article.sentences:
        return article.text
    return "\n".join(article.text[s.start:s.end] for s in article.sentences)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word ``size``-shingles of lower-cased, punctuation-free text."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def candidate_probability(similarity: float, bands: int, rows: int) -> float:
    """The chance that the LSH proposes a pair of this Jaccard: at least one of ``bands``
    bands of ``rows`` MinHash values agrees (each value agrees with probability ``similarity``)."""
    return 1.0 - (1.0 - similarity ** rows) ** bands


@lru_cache(maxsize=16)
def band_layout(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows) of the LSH index: the most rows a band (the fewest chance candidates, which
    cost an exact Jaccard each) with which a pair right at ``threshold`` is still proposed with
    probability ``CANDIDATE_RECALL``; one row a band when no layout reaches it (thresholds near
    0). Every way of finding near-duplicates (LSH, pairwise, map/reduce) bands this way."""
    for rows in range(num_perm // 2, 1, -1):  # datasketch wants at least 2 bands
        if candidate_probability(threshold, num_perm // rows, rows) >= CANDIDATE_RECALL:
            return num_perm // rows, rows
    return num_perm, 1


def _order_key(index: int, article: Article) -> tuple[date, int]:
    from .grouping import firm_date  # a weekday-only guess of the year must not make a copy "earliest"

    return (firm_date(article) or date.max, index)


def find_near_duplicates(
    articles: Sequence[Article], threshold: float = THRESHOLD, num_perm: int = NUM_PERM
) -> dict[str, str]:
    """Map each near-copy's id to the id of the earliest article it copies.

    Articles are visited earliest first; each is compared with the earlier ones only, and a copy
    of a copy points to the first original.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    order = sorted(range(len(articles)), key=lambda i: _order_key(i, articles[i]))
    if len(articles) < 2:
        return {}  # nothing to copy
    if len(articles) <= PAIRWISE_UP_TO:
        return _pairwise(articles, order, threshold, num_perm, band_layout(threshold, num_perm))
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, params=band_layout(threshold, num_perm))
    shingle_sets: dict[str, set[str]] = {}
    rank: dict[str, int] = {}
    duplicate_of: dict[str, str] = {}
    for position, i in enumerate(order):
        article = articles[i]
        if article.id in rank:
            continue  # a repeated id is the same article
        sh = shingles(body_text(article))
        if not sh:
            continue
        mh = MinHash(num_perm=num_perm)
        mh.update_batch([s.encode("utf-8") for s in sh])
        matches = (other for other in lsh.query(mh) if _jaccard_at_least(sh, shingle_sets[other], threshold))
        best = earliest_root(matches, duplicate_of, rank)
        if best is not None:
            duplicate_of[article.id] = best
        shingle_sets[article.id] = sh
        rank[article.id] = position
        lsh.insert(article.id, mh)
    return duplicate_of


def earliest_root(matches: Iterable[str], duplicate_of: dict[str, str], rank: dict[str, int]) -> str | None:
    """Of the earlier articles an article was confirmed to copy (in the order met), the original
    that comes first: each match stands for its own original (``duplicate_of``), and ``rank``
    orders them. Every way of finding near-duplicates (LSH, pairwise, map/reduce) ends here, so
    they all mark the same original."""
    best: str | None = None
    for other in matches:
        root = duplicate_of.get(other, other)
        if best is None or rank[root] < rank[best]:
            best = root
    return best


def _minhash(sh: set[str], num_perm: int) -> np.ndarray:
    """The MinHash signature ``find_near_duplicates`` inserts for a shingle set."""
    mh = MinHash(num_perm=num_perm)
    mh.update_batch([s.encode("utf-8") for s in sh])
    return mh.hashvalues


def _pairwise(articles: Sequence[Article], order: list[int], threshold: float, num_perm: int,
              params: tuple[int, int]) -> dict[str, str]:
    """``find_near_duplicates`` for a few articles, with exactly its answer and less work.

    There, an earlier article counts when the LSH proposes it and the exact Jaccard reaches the
    threshold. The LSH proposes a pair exactly when one of its bands (``rows`` signature values
    each) is equal in both signatures, since a band's bucket key is that band's bytes. So here
    the Jaccard is tested first, for every earlier article, and the signatures (the costly part)
    are made and their bands compared only for pairs that pass it, which in a story are few.
    """
    bands, rows = params
    shingle_sets: dict[str, set[str]] = {}
    signatures: dict[str, np.ndarray] = {}
    rank: dict[str, int] = {}
    duplicate_of: dict[str, str] = {}

    def signature(aid: str) -> np.ndarray:
        if aid not in signatures:
            signatures[aid] = _minhash(shingle_sets[aid], num_perm)[: bands * rows].reshape(bands, rows)
        return signatures[aid]

    for position, i in enumerate(order):
        article = articles[i]
        if article.id in rank:
            continue  # a repeated id is the same article
        sh = shingles(body_text(article))
        if not sh:
            continue
        shingle_sets[article.id] = sh
        best = earliest_root((other for other in rank if _jaccard_at_least(sh, shingle_sets[other], threshold)
                              and (signature(article.id) == signature(other)).all(axis=1).any()),
                             duplicate_of, rank)
        if best is not None:
            duplicate_of[article.id] = best
        rank[article.id] = position
    return duplicate_of


def _jaccard_at_least(a: set[str], b: set[str], threshold: float) -> bool:
    """``jaccard(a, b) >= threshold`` for non-empty sets; skips the set operations when the
    sizes alone rule it out (the Jaccard is at most the smaller size over the larger)."""
    small, large = (len(a), len(b)) if len(a) <= len(b) else (len(b), len(a))
    if small / large < threshold:
        return False
    return jaccard(a, b) >= threshold


class DuplicateStage(CorpusStage):
    """Mark near-copies ``duplicate_of`` their earliest copy (kept in the corpus and story)."""

    name = "duplicates"
    requires = ("article.sentences",)
    assigns = ("article.duplicate_of",)

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold

    def __call__(self, corpus: Corpus, options: Options) -> None:
        found = find_near_duplicates(corpus.articles, self.threshold)
        for article in corpus.articles:
            article.duplicate_of = found.get(article.id)
