"""Cross-article work as map/reduce steps, merged at the end.

Near-duplicates (same answer as ``stories.duplicates.find_near_duplicates``, which the tests
check): the **map** step computes each article's MinHash signature where the article is
analysed (in a worker, per shard); the **reduce** step buckets the signatures band by band
(``duplicates.index_layout``, as the single pass's index) into candidate pairs; a final pass in
publication order confirms each candidate by the same rules on exact word 5-shingles
(``duplicates.copy_relation``: same text, or a trimmed copy) and points every copy at its
original. Only candidates' shingles are ever built, and signatures are
128 integers an article, so the reduce step holds little for any number of articles.

Story grouping stays ``stories.grouping``'s own stage: document frequencies over all articles,
then one online pass in time order in which each article looks only at the stories open in its
time window (its cost grows with the window's stories, not the run's; ``telaah bench``
measures the growth exponent).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np

from ..document import Article
from ..stories import duplicates


@lru_cache(maxsize=4)
def _bands(threshold: float, num_perm: int) -> list[tuple[int, int]]:
    """The (start, end) hash ranges of the LSH bands find_near_duplicates' index uses."""
    b, r = duplicates.index_layout(threshold, num_perm)
    return [(i * r, (i + 1) * r) for i in range(b)]


def signature(article: Article, num_perm: int = duplicates.NUM_PERM) -> np.ndarray | None:
    """Map step: the MinHash of the article's body shingles (None when it has no words).

    The same values as ``MinHash(num_perm).update_batch(<shingles as UTF-8>)``, cheaper: the
    empty sketch (whose permutations datasketch draws from a fresh RandomState each time) is
    built once per process and copied, and the SHA-1 digests are read as 32-bit ints in one
    numpy call (datasketch's ``sha1_hash32``: the first 4 bytes, little-endian), so the
    sketch's hash function is ``int``. ``tests/test_executors_mapreduce.py`` checks it."""
    from hashlib import sha1

    sh = duplicates.shingles(duplicates.body_text(article))
    if not sh:
        return None
    digests = b"".join([sha1(s.encode("utf-8")).digest() for s in sh])
    hashes = np.frombuffer(digests, dtype="<u4")[::5]  # a SHA-1 digest is 5 such words
    mh = _empty_minhash(num_perm).copy()
    mh.update_batch(hashes.tolist())
    return mh.hashvalues.copy()


@lru_cache(maxsize=4)
def _empty_minhash(num_perm: int):
    """An empty sketch hashing pre-hashed 32-bit ints (``signature``); copy it, never update it."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, hashfunc=int)


@dataclass
class DuplicateInput:
    """What the reduce step needs of one article: no text, only its id, date and signature."""

    id: str
    day: date | None
    signature: np.ndarray | None


def duplicate_input(article: Article, sig: np.ndarray | None) -> DuplicateInput:
    from ..stories.grouping import firm_date

    return DuplicateInput(article.id, firm_date(article), sig)


def candidate_pairs(items: Sequence[DuplicateInput], threshold: float = duplicates.THRESHOLD,
                    num_perm: int = duplicates.NUM_PERM) -> dict[int, set[int]]:
    """Reduce step: for each article (by index), the earlier-placed articles sharing an LSH band
    and ``duplicates.agreement_floor`` signature values with it (as the single pass proposes
    them). "Earlier" is the order of ``placement_order``."""
    order = placement_order(items)
    position = {i: p for p, i in enumerate(order)}
    out: dict[int, set[int]] = defaultdict(set)
    for start, end in _bands(threshold, num_perm):
        buckets: dict[bytes, list[int]] = defaultdict(list)
        for i in order:
            sig = items[i].signature
            if sig is not None:
                buckets[sig[start:end].tobytes()].append(i)
        for members in buckets.values():
            if len(members) > 1:
                for k, i in enumerate(members):
                    out[i].update(members[:k])  # members are in placement order
    return {i: {j for j in js if position[j] < position[i]
                and duplicates.signatures_agree(items[i].signature, items[j].signature, threshold, num_perm)}
            for i, js in out.items()}


def placement_order(items: Sequence[DuplicateInput]) -> list[int]:
    """Indices earliest first (firm date, then input order), as find_near_duplicates visits them."""
    return sorted(range(len(items)), key=lambda i: (items[i].day or date.max, i))


def near_duplicates(items: Sequence[DuplicateInput], body_of: Callable[[int], str],
                    threshold: float = duplicates.THRESHOLD,
                    num_perm: int = duplicates.NUM_PERM) -> dict[str, str]:
    """Map each near-copy's id to the id of the earliest article it copies (merge step).

    ``body_of(i)`` gives article i's body text (``duplicates.body_text``); it is called only for
    articles in a candidate pair.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    candidates = candidate_pairs(items, threshold, num_perm)
    body_cache: dict[int, duplicates.Body] = {}

    def body(i: int) -> duplicates.Body:
        if i not in body_cache:
            body_cache[i] = duplicates.body_shingles(body_of(i))
        return body_cache[i]

    placed: dict[str, int] = {}  # id -> rank, for articles that entered the index
    index_of_id: dict[int, str] = {}
    duplicate_of: dict[str, str] = {}
    trimmed: list[tuple[str, str]] = []
    for rank, i in enumerate(placement_order(items)):
        item = items[i]
        if item.id in placed:
            continue  # a repeated id is the same article
        if item.signature is None:
            continue
        matches = []
        for j in candidates.get(i, ()):
            if j not in index_of_id:
                continue  # not in the index (repeated id)
            relation = duplicates.copy_relation(body(i), body(j), threshold)
            if relation == duplicates.SAME:
                matches.append(index_of_id[j])
            elif relation == duplicates.TRIMMED:
                pair = duplicates.trimmed_pair(item.id, body(i), item.day, items[j].id, body(j), items[j].day)
                if pair:
                    trimmed.append(pair)
        best = duplicates.earliest_root(matches, duplicate_of, placed)
        if best is not None:
            duplicate_of[item.id] = best
        placed[item.id] = rank
        index_of_id[i] = item.id
    return duplicates.adopt_trimmed_copies(duplicate_of, trimmed, placed)


def near_duplicates_of_articles(articles: Sequence[Article], signatures: Sequence | None = None,
                                threshold: float = duplicates.THRESHOLD) -> dict[str, str]:
    """``near_duplicates`` for articles in memory (signatures computed here if not given)."""
    sigs = signatures if signatures is not None else [signature(a) for a in articles]
    items = [duplicate_input(a, s) for a, s in zip(articles, sigs)]
    return near_duplicates(items, lambda i: duplicates.body_text(articles[i]), threshold)
