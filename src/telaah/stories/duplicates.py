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

Two LSH indexes propose the pairs (a pair is proposed when one of an index's bands, ``rows``
signature values, agrees; for a Jaccard of ``s`` that happens with probability
1 - (1 - s**rows)**bands), each laid out for one rule by ``band_layout``, the layout with the
most rows a band (the fewest chance candidates) that still proposes a pair at the rule's floor
at least ``CANDIDATE_RECALL`` (0.995) of the time:

- the **text** index bands the MinHash of the body's shingles for the Jaccard rule: 42 bands of
  3 rows, 0.9963 at 0.5. A pair must also share ``text_floor`` of its 126 banded values (46: the
  most that keeps 0.995 at 0.5; a chance pair at Jaccard 0.3 passes 0.064 of the time, at 0.2
  1e-5), which drops most chance pairs (sharing a quote or a paragraph) before their texts are
  read.
- the **opening** index bands a second MinHash, of the body's first ``OPENING_SHINGLES``
  shingles, for trimmed copies: the rule wants each opening half found in the other body, so
  two openings that share that half with each other have a Jaccard of 1/3
  (``opening_similarity``): 64 bands of 2 rows, 0.9995 at 1/3. Only bodies the rule can accept
  (``TRIMMED_MIN_SHINGLES``) are indexed. A pair must also share ``opening_floor`` of the body
  signatures' 126 banded values (23), so that a pair at the floors (body Jaccard 2/7, a trimmed
  copy at containment 2/3 and size ratio 1/2: ``candidate_similarity``) is proposed 0.9967 of
  the time, and a pair whose openings are as alike but whose bodies are at Jaccard 0.1 (two
  stories opening on one quote) 0.0033 of the time.

The previous single layout (64 bands of 2 rows over the whole body, to reach Jaccard 2/7)
proposed every pair sharing a paragraph or two, and their number grew as the square of the
articles'; news ledes rarely share word 5-shingles by chance, so the opening index proposes
few. A trimmed copy is proposed by its opening when the opening halves each body shares with
the other lie in the other's opening (a cut copy keeps its lede; one whose lede moved is left
to the text index). Measured on 4,000 synthetic pairs at the floors (body Jaccard 2/7,
openings 1/3): 16 missed (0.40%; 0.33% in theory); on 3,000 pairs at Jaccard 0.50-0.52: none
missed (the text index alone missed 12, 0.40%; 0.44% in theory; these copies also open alike).
On 10,000 bench articles (recombined IndoSum paragraphs, which share whole paragraphs, ledes
included, far more than news does) the text index's bands propose 1,896 pairs and its floor
keeps 242, the opening index's 13,074 and 220; 259 pairs in all (the previous layout: 53,252
and 1,054). At 30,000: 16,855 -> 1,268 and 118,884 -> 743 (previous: 479,780 -> 9,598). The
bands' raw pairs still grow as the square on these articles, but the map/reduce path only
sorts and counts them in numpy (``executors.mapreduce.candidate_pairs``); texts are read for
the kept ones only.
Each copy is marked ``duplicate_of`` its original's original (by publication or firm date,
then input order).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..cleaning.blocks import site_key
from ..document import Article, Corpus
from ..pipeline import CorpusStage, Options

SHINGLE_WORDS = 5
THRESHOLD = 0.5  # exact Jaccard of word 5-shingles; see tests/test_stories_duplicates.py
NUM_PERM = 128
# least chance that an LSH index proposes a pair at the floors of the rule it is laid out for
CANDIDATE_RECALL = 0.995
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
    """The lowest Jaccard of a pair that either rule accepts, down to which the opening index's
    floor must let pairs through: a trimmed copy at the containment and size-ratio floors (2/7
    at 0.5)."""
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


def opening_similarity() -> float:
    """The Jaccard of two openings of ``OPENING_SHINGLES`` that share ``OPENING_SHARE`` of
    each: the lowest at which the opening index must propose a trimmed copy (1/3)."""
    return OPENING_SHARE / (2 - OPENING_SHARE)


def has_opening(body: Body) -> bool:
    """Whether the body enters the opening index: only a body the trimmed rule can accept."""
    return len(body.shingles) >= TRIMMED_MIN_SHINGLES


def candidate_probability(similarity: float, bands: int, rows: int) -> float:
    """The chance that the LSH proposes a pair of this Jaccard: at least one of ``bands``
    bands of ``rows`` MinHash values agrees (each value agrees with probability ``similarity``)."""
    return 1.0 - (1.0 - similarity ** rows) ** bands


@lru_cache(maxsize=16)
def band_layout(similarity: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows): the most rows a band (the fewest chance candidates, which cost an exact
    comparison each) with which a pair right at Jaccard ``similarity`` is still proposed with
    probability ``CANDIDATE_RECALL``; one row a band when no layout reaches it (near 0)."""
    for rows in range(num_perm // 2, 1, -1):  # datasketch wants at least 2 bands
        if candidate_probability(similarity, num_perm // rows, rows) >= CANDIDATE_RECALL:
            return num_perm // rows, rows
    return num_perm, 1


def text_layout(threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """The text index's layout (body signatures, for the Jaccard rule): 42 x 3 at 0.5."""
    return band_layout(threshold, num_perm)


def opening_layout(num_perm: int = NUM_PERM) -> tuple[int, int]:
    """The opening index's layout (opening signatures, for trimmed copies): 64 x 2."""
    return band_layout(opening_similarity(), num_perm)


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


def agreement_probability(similarity: float, values: int, agreeing: int) -> float:
    """The chance that at least ``agreeing`` of ``values`` signature values agree."""
    from math import comb

    return sum(comb(values, k) * similarity ** k * (1 - similarity) ** (values - k)
               for k in range(agreeing, values + 1))


@lru_cache(maxsize=16)
def text_floor(threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> int:
    """The most banded body-signature values a pair the text index proposes must share, with
    which a pair at ``threshold`` is still proposed ``CANDIDATE_RECALL`` of the time."""
    bands, rows = text_layout(threshold, num_perm)
    floor = 0
    while proposal_probability(threshold, bands, rows, floor + 1) >= CANDIDATE_RECALL:
        floor += 1
    return floor


def opening_proposal_probability(opening: float, body: float, agreeing: int, num_perm: int = NUM_PERM,
                                 threshold: float = THRESHOLD) -> float:
    """The chance that the opening index proposes a pair whose openings have Jaccard ``opening``
    and bodies ``body``: an opening band agrees, and ``agreeing`` banded body values do (the two
    signatures use the same permutations on different sets: taken as independent)."""
    bands, rows = text_layout(threshold, num_perm)
    return (candidate_probability(opening, *opening_layout(num_perm))
            * agreement_probability(body, bands * rows, agreeing))


@lru_cache(maxsize=16)
def opening_floor(threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> int:
    """The most banded body-signature values a pair the opening index proposes must share, with
    which a trimmed copy at the floors (``opening_similarity``, ``candidate_similarity``) is
    still proposed ``CANDIDATE_RECALL`` of the time."""
    floor = 0
    while opening_proposal_probability(opening_similarity(), candidate_similarity(threshold), floor + 1,
                                       num_perm, threshold) >= CANDIDATE_RECALL:
        floor += 1
    return floor


def agreeing_values(a: np.ndarray, b: np.ndarray, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> int:
    """How many of the text layout's banded values two body signatures share."""
    bands, rows = text_layout(threshold, num_perm)
    size = bands * rows
    return int(np.count_nonzero(a[:size] == b[:size]))


def bands_agree(a: np.ndarray, b: np.ndarray, layout: tuple[int, int]) -> bool:
    """Whether one band of two signatures is equal: what an LSH index of this layout proposes
    (a band's bucket key is that band's values)."""
    bands, rows = layout
    size = bands * rows
    return bool((a[:size] == b[:size]).reshape(bands, rows).all(axis=1).any())


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
    by_id = {a.id: a for a in articles}
    if len(articles) <= PAIRWISE_UP_TO:
        return follow_credits(_pairwise(articles, order, threshold, num_perm), by_id.get)
    text_index = MinHashLSH(threshold=threshold, num_perm=num_perm, params=text_layout(threshold, num_perm))
    opening_index = MinHashLSH(threshold=opening_similarity(), num_perm=num_perm, params=opening_layout(num_perm))
    floors = text_floor(threshold, num_perm), opening_floor(threshold, num_perm)
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
        mh = _minhash_of(body.shingles, num_perm)
        opening = _minhash_of(set(body.opening), num_perm) if has_opening(body) else None
        proposed = {other for other in text_index.query(mh)
                    if agreeing_values(mh.hashvalues, signatures[other], threshold, num_perm) >= floors[0]}
        if opening is not None:
            proposed.update(other for other in opening_index.query(opening)
                            if agreeing_values(mh.hashvalues, signatures[other], threshold, num_perm) >= floors[1])
        matches = []
        for other in sorted(proposed, key=rank.__getitem__):
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
        text_index.insert(article.id, mh)
        if opening is not None:
            opening_index.insert(article.id, opening)
    return follow_credits(adopt_trimmed_copies(duplicate_of, trimmed, rank), by_id.get)


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


def follow_credits(duplicate_of: dict[str, str], article_of: Callable[[str], Article | None]) -> dict[str, str]:
    """A republished copy names its source ("Sumber: Antara"): when a group's original credits
    another outlet and one of its copies is that outlet's own text, that copy is the original.
    Dates alone get this wrong when the agency dates its copy with a yearless weekday ("Selasa
    (20/10)": no firm date, so it sorts after the portal that republished it a day later).
    ``duplicate_of`` is updated and returned; every way of finding near-duplicates ends here."""
    groups: dict[str, list[str]] = defaultdict(list)
    for copy, root in duplicate_of.items():
        groups[root].append(copy)
    for root, copies in groups.items():
        original = article_of(root)
        credit = site_key(original.credit) if original is not None else ""
        if not credit or credit == site_key(original.outlet):
            continue
        source = next((c for c in copies if (a := article_of(c)) is not None
                       and site_key(a.outlet) == credit and site_key(a.credit) in ("", credit)), None)
        if source is None:
            continue
        for member in [root, *copies]:
            if member != source:
                duplicate_of[member] = source
        duplicate_of.pop(source, None)
    return duplicate_of


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


def _minhash_of(sh: set[str], num_perm: int) -> MinHash:
    """datasketch's MinHash of a shingle set (``MinHash(num_perm).update_batch(<shingles as
    UTF-8>)``: the same values), cheaper: the empty sketch (whose permutations datasketch draws
    from a fresh RandomState each time) is built once per process and copied, and the SHA-1
    digests are read as 32-bit ints in one numpy call (datasketch's ``sha1_hash32``: the first 4
    bytes, little-endian), so the sketch's hash function is ``int``.
    ``tests/test_executors_mapreduce.py`` checks it."""
    from hashlib import sha1

    mh = _empty_minhash(num_perm).copy()
    if sh:
        digests = b"".join([sha1(s.encode("utf-8")).digest() for s in sh])
        mh.update_batch(np.frombuffer(digests, dtype="<u4")[::5].tolist())  # a digest is 5 such words
    return mh


@lru_cache(maxsize=4)
def _empty_minhash(num_perm: int) -> MinHash:
    """An empty sketch hashing pre-hashed 32-bit ints (``_minhash_of``); copy it, never update it."""
    return MinHash(num_perm=num_perm, hashfunc=int)


def _minhash(sh: set[str], num_perm: int = NUM_PERM) -> np.ndarray:
    """The MinHash signature ``find_near_duplicates`` indexes for a shingle set (a body's, or
    the set of its opening shingles); an empty set gives the empty sketch's values."""
    return _minhash_of(sh, num_perm).hashvalues


def proposed_pair(body_a: np.ndarray, body_b: np.ndarray, opening_a: np.ndarray | None,
                  opening_b: np.ndarray | None, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> bool:
    """Whether the two indexes propose a pair, from its body and opening signatures (None: a
    body not in the opening index): a text band agrees and ``text_floor`` values do, or an
    opening band agrees and ``opening_floor`` body values do."""
    agreeing = agreeing_values(body_a, body_b, threshold, num_perm)
    if agreeing >= text_floor(threshold, num_perm) and bands_agree(body_a, body_b, text_layout(threshold, num_perm)):
        return True
    return (opening_a is not None and opening_b is not None and agreeing >= opening_floor(threshold, num_perm)
            and bands_agree(opening_a, opening_b, opening_layout(num_perm)))


def _pairwise(articles: Sequence[Article], order: list[int], threshold: float, num_perm: int) -> dict[str, str]:
    """``find_near_duplicates`` for a few articles, with exactly its answer and less work.

    There, an earlier article counts when an index proposes it (``proposed_pair``) and a rule
    confirms it. An index proposes a pair exactly when one of its bands is equal in both
    signatures, since a band's bucket key is that band's bytes. So here the rules are tested
    first, for every earlier article, and the signatures (the costly part) are made and
    compared only for pairs that pass, which in a story are few.
    """
    bodies: dict[str, Body] = {}
    days: dict[str, date | None] = {}
    signatures: dict[str, tuple[np.ndarray, np.ndarray | None]] = {}
    rank: dict[str, int] = {}
    duplicate_of: dict[str, str] = {}
    trimmed: list[tuple[str, str]] = []

    def signature(aid: str) -> tuple[np.ndarray, np.ndarray | None]:
        if aid not in signatures:
            body = bodies[aid]
            signatures[aid] = (_minhash(body.shingles, num_perm),
                               _minhash(set(body.opening), num_perm) if has_opening(body) else None)
        return signatures[aid]

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
            if relation is None:
                continue
            (body_a, opening_a), (body_b, opening_b) = signature(article.id), signature(other)
            if not proposed_pair(body_a, body_b, opening_a, opening_b, threshold, num_perm):
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
