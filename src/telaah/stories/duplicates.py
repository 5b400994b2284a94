"""Near-duplicate articles: syndicated and republished copies of one text.

An agency story republished on ten portals gets new chrome, a new dateline and light edits, so
copies are compared on their body sentences only (the sentence stage has already left out
boilerplate, and the dateline's place name is at most one shingle). Two rules confirm a pair,
both on exact word 5-shingles (the LSH never confirms a pair on its own):

- **same text**: Jaccard at least ``THRESHOLD`` (0.5). The later copy points to the earlier.
- **trimmed copy**: regional portals often republish an agency story with its last paragraphs
  cut, which can leave the Jaccard under 0.5 (a probe's copy: 0.46, with 0.72 of its shingles in
  the original). The shorter body is a trimmed copy of the longer when it has at least
  ``TRIMMED_MIN_SHINGLES`` (about five sentences: a brief is too little to tell a copy from a
  quoted lede), at least ``TRIMMED_MIN_RATIO`` of the longer's shingles in number, at least
  ``trimmed_containment`` (2t/(1+t) = 2/3 at t = 0.5, what an equal-sized copy at the threshold
  keeps) of its own shingles in the longer, and the two **open alike**: at least
  ``OPENING_SHARE`` of each body's first ``OPENING_SHINGLES`` shingles (about two sentences)
  occur in the other. The opening test is what tells a cut copy from a follow-up that reuses
  an earlier story's background under a new lede (IndoSum's two CNN Indonesia stories on Amien
  Rais: containment 0.70, size ratio 0.63, but the follow-up's opening is 0.14 in the earlier
  story, against 0.74-0.78 for the probe's copy). The copy points to the longer text, not to
  the earlier one: an undated agency original is still the original of a dated portal copy. A
  shorter text firmly dated before the longer is not its copy: the longer one adds to it.

The LSH proposes a pair only when one of its bands (``rows`` signature values) agrees, which
for a Jaccard of ``s`` happens with probability 1 - (1 - s**rows)**bands. ``band_layout`` picks
the layout so that a pair at the lowest Jaccard either rule accepts (``candidate_similarity``:
a trimmed copy at containment c and size ratio r has Jaccard c*r/(1+r-c*r), 2/7 = 0.286 at the
floors) is proposed at least ``CANDIDATE_RECALL`` of the time: 64 bands of 2 rows, 0.9957 at
0.286. Any 3 consecutive values hold an aligned pair, so it proposes every pair the layout for
the Jaccard rule alone (42 bands of 3 rows: 0.996 at 0.5, only 0.63 at 0.286) proposed. Two-row
bands also propose many chance pairs (0.47 at Jaccard 0.1, against 0.04), each costing a read
of both texts in the map/reduce path, so a proposed pair must also share ``agreement_floor``
of the 128 signature values (24: the most that keeps 0.99 at 0.286; 0.9998 at 0.35, 1 - 1e-8
at 0.5; a chance pair at 0.1 passes 0.0018 of the time, at 0.15 0.14, at 0.2 0.65). Measured on
4,000 synthetic pairs at exactly 2/7: 17 missed by the bands alone (0.43%, as in theory), 29
with the agreement floor (0.73%; 0.78% in theory); on 3,000 pairs at Jaccard 0.50-0.52 the
earlier layouts missed 10 (42 x 3) and 339 (32 x 4). On 10,000 bench articles (recombined
IndoSum paragraphs, which share whole paragraphs far more than news does) the bands propose
53,252 pairs, the agreement floor keeps 1,054 (the Jaccard-only layout: 1,896).
Each copy is marked ``duplicate_of`` its original's original (by publication or firm date,
then input order).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..document import Article, Corpus
from ..pipeline import CorpusStage, Options

SHINGLE_WORDS = 5
THRESHOLD = 0.5  # exact Jaccard of word 5-shingles; see tests/test_stories_duplicates.py
NUM_PERM = 128
# least chance that the LSH proposes a pair whose exact Jaccard is the lowest a rule accepts
CANDIDATE_RECALL = 0.99
PAIRWISE_UP_TO = 24  # articles; past this the LSH's candidate search is cheaper than every pair
TRIMMED_MIN_SHINGLES = 100  # the shorter body of a trimmed copy: about five sentences
TRIMMED_MIN_RATIO = 0.5  # its shingles over the longer's, in number
OPENING_SHINGLES = 50  # a body's opening: about its first two sentences
OPENING_SHARE = 0.5  # of each opening, found in the other body
SAME, TRIMMED = "same", "trimmed"
_WORD = re.compile(r"[^\W_]+")


class Body(NamedTuple):
    """What the confirmation reads of a body: its shingle set and its opening shingles, in order."""

    shingles: set[str]
    opening: tuple[str, ...]


def body_text(article: Article) -> str:
    """The article's body: its sentences joined (the whole text if it has none)."""
    if not article.sentences:
        return article.text
    return "\n".join(article.text[s.start:s.end] for s in article.sentences)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word ``size``-shingles of lower-cased, punctuation-free text."""
    return _shingles_of_words(_WORD.findall(text.lower()), size)


def _shingles_of_words(words: list[str], size: int, first: int | None = None):
    """The set of ``words``' shingles, or with ``first`` only the first ``first`` in order."""
    count = len(words) - size + 1 if len(words) >= size else min(len(words), 1)
    starts = range(count if first is None else min(count, first))
    if first is None:
        return {" ".join(words[i:i + size]) for i in starts}
    return tuple(" ".join(words[i:i + size]) for i in starts)


def body_shingles(text: str) -> Body:
    """``shingles(text)`` with the body's first ``OPENING_SHINGLES`` shingles in order."""
    words = _WORD.findall(text.lower())
    return Body(_shingles_of_words(words, SHINGLE_WORDS),
                _shingles_of_words(words, SHINGLE_WORDS, OPENING_SHINGLES))


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def trimmed_containment(threshold: float) -> float:
    """The least share of a trimmed copy's shingles found in the longer text: what a copy of
    the same size keeps at the Jaccard threshold (2/3 at 0.5), so the rules agree there."""
    return 2 * threshold / (1 + threshold)


def candidate_similarity(threshold: float) -> float:
    """The lowest Jaccard of a pair that either rule accepts, down to which the LSH must propose
    pairs: a trimmed copy at the containment and size-ratio floors (2/7 at 0.5)."""
    c, r = trimmed_containment(threshold), TRIMMED_MIN_RATIO
    return min(threshold, c * r / (1 + r - c * r))


def _opens_alike(a: Body, b: Body) -> bool:
    """Each body's opening is mostly found in the other: a cut copy keeps the lede, whereas a
    follow-up that reuses an older story's background opens with its own news."""
    return all(opening and sum(s in other for s in opening) >= OPENING_SHARE * len(opening)
               for opening, other in ((a.opening, b.shingles), (b.opening, a.shingles)))


def copy_relation(a: Body, b: Body, threshold: float = THRESHOLD) -> str | None:
    """``SAME`` when the Jaccard reaches ``threshold``; ``TRIMMED`` when the body with fewer
    shingles is a trimmed copy of the other (see the module docstring); else None. The sizes
    alone rule most pairs out before any set operation."""
    na, nb = len(a.shingles), len(b.shingles)
    if not na or not nb:
        return None
    small, large = (na, nb) if na <= nb else (nb, na)
    if small / large < min(threshold, TRIMMED_MIN_RATIO):
        return None
    inter = len(a.shingles & b.shingles)
    if inter / (na + nb - inter) >= threshold:
        return SAME
    if (na != nb and small >= TRIMMED_MIN_SHINGLES and small / large >= TRIMMED_MIN_RATIO
            and inter / small >= trimmed_containment(threshold) and _opens_alike(a, b)):
        return TRIMMED
    return None


def trimmed_pair(x: str, x_body: Body, x_day: date | None, y: str, y_body: Body,
                 y_day: date | None) -> tuple[str, str] | None:
    """(copy, original) of a ``TRIMMED`` pair: the shorter copies the longer, unless it is
    firmly dated before it (then the longer adds to it: not a copy)."""
    if len(x_body.shingles) < len(y_body.shingles):
        copy, original, copy_day, original_day = x, y, x_day, y_day
    else:
        copy, original, copy_day, original_day = y, x, y_day, x_day
    if copy_day is not None and original_day is not None and copy_day < original_day:
        return None
    return copy, original


def candidate_probability(similarity: float, bands: int, rows: int) -> float:
    """The chance that the LSH proposes a pair of this Jaccard: at least one of ``bands``
    bands of ``rows`` MinHash values agrees (each value agrees with probability ``similarity``)."""
    return 1.0 - (1.0 - similarity ** rows) ** bands


@lru_cache(maxsize=16)
def band_layout(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows): the most rows a band (the fewest chance candidates, which cost an exact
    comparison each) with which a pair right at Jaccard ``threshold`` is still proposed with
    probability ``CANDIDATE_RECALL``; one row a band when no layout reaches it (thresholds near
    0)."""
    for rows in range(num_perm // 2, 1, -1):  # datasketch wants at least 2 bands
        if candidate_probability(threshold, num_perm // rows, rows) >= CANDIDATE_RECALL:
            return num_perm // rows, rows
    return num_perm, 1


def index_layout(threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """The LSH layout for a Jaccard ``threshold``, low enough for trimmed copies too. Every way
    of finding near-duplicates (LSH, pairwise, map/reduce) bands this way."""
    return band_layout(candidate_similarity(threshold), num_perm)


def proposal_probability(similarity: float, bands: int, rows: int, agreeing: int) -> float:
    """The chance that a pair of this Jaccard has an agreeing band and at least ``agreeing``
    agreeing signature values in those bands (each agrees with probability ``similarity``)."""
    tail = _proposal_tail(similarity, bands, rows)
    return tail[agreeing] if agreeing < len(tail) else 0.0


@lru_cache(maxsize=16)
def _proposal_tail(similarity: float, bands: int, rows: int) -> tuple[float, ...]:
    """``proposal_probability`` for every ``agreeing`` from 0 to bands * rows, in one pass."""
    from math import comb

    per_band = [comb(rows, j) * similarity ** j * (1 - similarity) ** (rows - j) for j in range(rows + 1)]
    size = bands * rows + 1
    none, some = [1.0] + [0.0] * (size - 1), [0.0] * size  # by values agreeing: no band agreed yet / some did
    for _ in range(bands):
        none_after, some_after = [0.0] * size, [0.0] * size
        for count in range(size):
            for j, q in enumerate(per_band):
                if count + j < size:
                    (some_after if j == rows else none_after)[count + j] += none[count] * q
                    some_after[count + j] += some[count] * q
        none, some = none_after, some_after
    tail, total = [0.0] * size, 0.0
    for count in range(size - 1, -1, -1):
        total += some[count]
        tail[count] = total
    return tuple(tail)


@lru_cache(maxsize=16)
def agreement_floor(threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> int:
    """The most signature values (of the layout's bands) a proposed pair must share, with which a
    pair at ``candidate_similarity`` is still proposed ``CANDIDATE_RECALL`` of the time: it
    drops most chance candidates (sharing a quote or a paragraph) before their texts are read."""
    bands, rows = index_layout(threshold, num_perm)
    similarity = candidate_similarity(threshold)
    floor = 0
    while proposal_probability(similarity, bands, rows, floor + 1) >= CANDIDATE_RECALL:
        floor += 1
    return floor


def signatures_agree(a: np.ndarray, b: np.ndarray, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> bool:
    """Whether two MinHash signatures share ``agreement_floor`` values in the layout's bands
    (the LSH has already found that one band agrees)."""
    bands, rows = index_layout(threshold, num_perm)
    size = bands * rows
    return int(np.count_nonzero(a[:size] == b[:size])) >= agreement_floor(threshold, num_perm)


def _order_key(index: int, article: Article) -> tuple[date, int]:
    return (_firm_date(article) or date.max, index)


def _firm_date(article: Article) -> date | None:
    from .grouping import firm_date  # a weekday-only guess of the year must not make a copy "earliest"

    return firm_date(article)


def find_near_duplicates(
    articles: Sequence[Article], threshold: float = THRESHOLD, num_perm: int = NUM_PERM
) -> dict[str, str]:
    """Map each near-copy's id to the id of the original it copies.

    Articles are visited earliest first; each is compared with the earlier ones only, and a copy
    of a copy points to the first original. Trimmed copies are then moved under their longer
    original (``adopt_trimmed_copies``).
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    order = sorted(range(len(articles)), key=lambda i: _order_key(i, articles[i]))
    if len(articles) < 2:
        return {}  # nothing to copy
    if len(articles) <= PAIRWISE_UP_TO:
        return _pairwise(articles, order, threshold, num_perm, index_layout(threshold, num_perm))
    lsh = MinHashLSH(threshold=candidate_similarity(threshold), num_perm=num_perm,
                     params=index_layout(threshold, num_perm))
    bodies: dict[str, Body] = {}
    days: dict[str, date | None] = {}
    signatures: dict[str, np.ndarray] = {}
    rank: dict[str, int] = {}
    duplicate_of: dict[str, str] = {}
    trimmed: list[tuple[str, str]] = []
    for position, i in enumerate(order):
        article = articles[i]
        if article.id in rank:
            continue  # a repeated id is the same article
        body = body_shingles(body_text(article))
        if not body.shingles:
            continue
        day = _firm_date(article)
        mh = MinHash(num_perm=num_perm)
        mh.update_batch([s.encode("utf-8") for s in body.shingles])
        matches = []
        for other in lsh.query(mh):
            if not signatures_agree(mh.hashvalues, signatures[other], threshold, num_perm):
                continue
            relation = copy_relation(body, bodies[other], threshold)
            if relation == SAME:
                matches.append(other)
            elif relation == TRIMMED:
                pair = trimmed_pair(article.id, body, day, other, bodies[other], days[other])
                if pair:
                    trimmed.append(pair)
        best = earliest_root(matches, duplicate_of, rank)
        if best is not None:
            duplicate_of[article.id] = best
        bodies[article.id], days[article.id], signatures[article.id] = body, day, mh.hashvalues
        rank[article.id] = position
        lsh.insert(article.id, mh)
    return adopt_trimmed_copies(duplicate_of, trimmed, rank)


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


def adopt_trimmed_copies(duplicate_of: dict[str, str], trimmed: Iterable[tuple[str, str]],
                         rank: dict[str, int]) -> dict[str, str]:
    """Move each trimmed copy, with the copies of it, under its longer original's original
    (the earliest-ranked one when it has several); ``duplicate_of`` is updated and returned.
    Copies are taken in rank order, so every way of finding near-duplicates ends the same. An
    article already marked a copy of something else keeps its original."""
    originals: dict[str, set[str]] = defaultdict(set)
    for copy, original in trimmed:
        originals[copy].add(original)
    if not originals:
        return duplicate_of
    members: dict[str, list[str]] = defaultdict(list)  # root -> its copies
    for copy, root in duplicate_of.items():
        members[root].append(copy)
    for copy in sorted(originals, key=rank.__getitem__):
        if copy in duplicate_of:
            continue
        roots = {duplicate_of.get(o, o) for o in originals[copy]} - {copy}
        if not roots:
            continue
        target = min(roots, key=rank.__getitem__)
        moved = [copy, *members.pop(copy, [])]
        for m in moved:
            duplicate_of[m] = target
        members[target].extend(moved)
    return duplicate_of


def _minhash(sh: set[str], num_perm: int) -> np.ndarray:
    """The MinHash signature ``find_near_duplicates`` inserts for a shingle set."""
    mh = MinHash(num_perm=num_perm)
    mh.update_batch([s.encode("utf-8") for s in sh])
    return mh.hashvalues


def _pairwise(articles: Sequence[Article], order: list[int], threshold: float, num_perm: int,
              params: tuple[int, int]) -> dict[str, str]:
    """``find_near_duplicates`` for a few articles, with exactly its answer and less work.

    There, an earlier article counts when the LSH proposes it, the signatures share
    ``agreement_floor`` values, and a rule confirms it. The LSH proposes a pair exactly when one
    of its bands (``rows`` signature values each) is equal in both signatures, since a band's
    bucket key is that band's bytes. So here the rules are
    tested first, for every earlier article, and the signatures (the costly part) are made and
    their bands compared only for pairs that pass, which in a story are few.
    """
    bands, rows = params
    bodies: dict[str, Body] = {}
    days: dict[str, date | None] = {}
    signatures: dict[str, np.ndarray] = {}
    rank: dict[str, int] = {}
    duplicate_of: dict[str, str] = {}
    trimmed: list[tuple[str, str]] = []

    def signature(aid: str) -> np.ndarray:
        if aid not in signatures:
            signatures[aid] = _minhash(bodies[aid].shingles, num_perm)
        return signatures[aid]

    def proposed(a: str, b: str) -> bool:
        sa, sb = signature(a), signature(b)
        banded = (sa[: bands * rows] == sb[: bands * rows]).reshape(bands, rows).all(axis=1).any()
        return bool(banded) and signatures_agree(sa, sb, threshold, num_perm)

    for position, i in enumerate(order):
        article = articles[i]
        if article.id in rank:
            continue  # a repeated id is the same article
        body = body_shingles(body_text(article))
        if not body.shingles:
            continue
        bodies[article.id] = body
        days[article.id] = day = _firm_date(article)
        matches = []
        for other in rank:
            relation = copy_relation(body, bodies[other], threshold)
            if relation is None or not proposed(article.id, other):
                continue
            if relation == SAME:
                matches.append(other)
            else:
                pair = trimmed_pair(article.id, body, day, other, bodies[other], days[other])
                if pair:
                    trimmed.append(pair)
        best = earliest_root(matches, duplicate_of, rank)
        if best is not None:
            duplicate_of[article.id] = best
        rank[article.id] = position
    return adopt_trimmed_copies(duplicate_of, trimmed, rank)


class DuplicateStage(CorpusStage):
    """Mark near-copies ``duplicate_of`` their original (kept in the corpus and story)."""

    name = "duplicates"
    requires = ("article.sentences",)
    assigns = ("article.duplicate_of",)

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold

    def __call__(self, corpus: Corpus, options: Options) -> None:
        found = find_near_duplicates(corpus.articles, self.threshold)
        for article in corpus.articles:
            article.duplicate_of = found.get(article.id)
