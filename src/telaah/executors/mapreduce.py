"""Cross-article work as map/reduce steps, merged at the end.

Near-duplicates (same answer as ``stories.duplicates.find_near_duplicates``, which the tests
check): the **map** step computes each article's MinHash signatures where the article is
analysed (in a worker, per shard): one of its body shingles and one of its opening shingles
(``signature``); the **reduce** step finds the pairs the single pass's two LSH indexes would
propose (``candidate_pairs``: each band's values sorted with numpy, equal neighbours paired, the
agreement floors counted on arrays, so its cost grows as n log n plus the pairs found); a final
pass in publication order confirms each candidate by the same rules on exact word 5-shingles
(``duplicates.copy_relation``: same text, or a trimmed copy) and points every copy at its
original. Only candidates' shingles are ever built, and signatures are 256 integers an article,
so the reduce step holds little for any number of articles.

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

import numpy as np

from ..document import Article
from ..stories import duplicates


SIGNATURE_FORMAT = "body+opening minhash/1"  # what a shard's stored signatures are; see runs.py


def signature(article: Article, num_perm: int = duplicates.NUM_PERM) -> np.ndarray | None:
    """Map step: the MinHash of the article's body shingles followed by the MinHash of its
    opening shingles (``num_perm`` values each), the values ``find_near_duplicates`` indexes
    (``duplicates._minhash``: datasketch's own); None when it has no words. A body too short
    for the opening index gets an empty sketch's opening (all datasketch's largest hash value,
    which no real opening's values all equal)."""
    body = duplicates.body_shingles(duplicates.body_text(article))
    if not body.shingles:
        return None
    opening = set(body.opening) if duplicates.has_opening(body) else set()
    return np.concatenate([duplicates._minhash(body.shingles, num_perm), duplicates._minhash(opening, num_perm)])


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
    """Reduce step: for each article (by index), the earlier-placed articles that the single
    pass's indexes propose with it (``duplicates.proposed_pair``): a text band and
    ``text_floor`` body values agree, or an opening band and ``opening_floor`` body values.
    "Earlier" is the order of ``placement_order``."""
    signed = [i for i in placement_order(items) if items[i].signature is not None]
    if len(signed) < 2:
        return {}
    for i in signed:
        if len(items[i].signature) != 2 * num_perm:
            from .runs import RunError

            raise RunError(f"article {items[i].id}: a near-duplicate signature of {len(items[i].signature)} "
                           f"values, not {2 * num_perm} ({SIGNATURE_FORMAT}); its shard was written by an "
                           "older telaah: run the same `telaah run` again to redo it")
    sigs = np.stack([items[i].signature for i in signed])  # a row per article, in placement order
    body, opening = sigs[:, :num_perm], sigs[:, num_perm:]
    bands, rows = duplicates.text_layout(threshold, num_perm)
    banded = np.ascontiguousarray(body[:, :bands * rows])  # what the agreement floors count
    text = _banded_pairs(banded, bands, rows)
    text = text[_agreeing(banded, text) >= duplicates.text_floor(threshold, num_perm)]
    indexed = np.flatnonzero((opening != duplicates._minhash(set(), num_perm)).any(axis=1))
    pairs = [text]
    if len(indexed) > 1:
        by_opening = indexed[_banded_pairs(opening[indexed], *duplicates.opening_layout(num_perm))]
        pairs.append(by_opening[_agreeing(banded, by_opening) >= duplicates.opening_floor(threshold, num_perm)])
    out: dict[int, set[int]] = defaultdict(set)
    for earlier, later in np.concatenate(pairs).tolist():  # rows are in placement order
        out[signed[later]].add(signed[earlier])
    return dict(out)


def _banded_pairs(values: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """The (earlier, later) row pairs, each once, that agree on all ``rows`` values of at least
    one of ``bands`` bands: each band's rows are sorted, and runs of equal neighbours paired."""
    count = len(values)
    codes = []  # earlier * count + later
    for band in range(bands):
        keys = _band_keys(values[:, band * rows:(band + 1) * rows])
        # a stable sort: within a run of equal keys, rows stay in their (placement) order
        order = np.argsort(keys[0], kind="stable") if len(keys) == 1 else np.lexsort(keys[::-1])
        ordered = [k[order] for k in keys]
        equal = np.logical_and.reduce([k[1:] == k[:-1] for k in ordered])  # sorted row j+1 equals row j
        if not equal.any():
            continue
        run = np.concatenate([[0], np.cumsum(~equal)])  # run number of each sorted row
        grouped = np.flatnonzero(np.concatenate([equal, [False]]) | np.concatenate([[False], equal]))
        members, member_run = order[grouped].astype(np.int64), run[grouped]
        run_size = np.bincount(member_run)[member_run]
        step = 1
        while len(members) > step:  # pair each member with the one `step` further in its run
            same = member_run[:-step] == member_run[step:]
            codes.append(members[:-step][same] * count + members[step:][same])
            step += 1
            longer = run_size > step  # only runs longer than the step have pairs left
            members, member_run, run_size = members[longer], member_run[longer], run_size[longer]
    if not codes:
        return np.empty((0, 2), dtype=np.int64)
    unique = np.unique(np.concatenate(codes))
    return np.stack([unique // count, unique % count], axis=1)


def _band_keys(band: np.ndarray) -> list[np.ndarray]:
    """A band's values as few sort keys: two values in one key when they fit in 32 bits (as
    datasketch's hash values do), so a band of two is sorted on one key."""
    columns = [band[:, c] for c in range(band.shape[1])]
    if len(band) and int(band.max()) >> 32:
        return columns
    return [columns[c].astype(np.uint64) << np.uint64(32) | columns[c + 1] if c + 1 < len(columns)
            else columns[c] for c in range(0, len(columns), 2)]


def _agreeing(values: np.ndarray, pairs: np.ndarray, chunk: int = 1 << 16) -> np.ndarray:
    """How many values each (a, b) row pair shares, counted a chunk of pairs at a time."""
    counts = [np.count_nonzero(values[p[:, 0]] == values[p[:, 1]], axis=1)
              for p in (pairs[k:k + chunk] for k in range(0, len(pairs), chunk))]
    return np.concatenate(counts) if counts else np.empty(0, dtype=np.int64)


def placement_order(items: Sequence[DuplicateInput]) -> list[int]:
    """Indices earliest first (firm date, then input order), as find_near_duplicates visits them."""
    return sorted(range(len(items)), key=lambda i: (items[i].day or date.max, i))


def near_duplicates(items: Sequence[DuplicateInput], body_of: Callable[[int], str],
                    threshold: float = duplicates.THRESHOLD,
                    num_perm: int = duplicates.NUM_PERM,
                    article_of: Callable[[str], Article | None] | None = None) -> dict[str, str]:
    """Map each near-copy's id to the id of the earliest article it copies (merge step).

    ``body_of(i)`` gives article i's body text (``duplicates.body_text``); it is called only for
    articles in a candidate pair. ``article_of(id)`` gives an article by id for the copies found
    (their outlets and credits, ``duplicates.follow_credits``).
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
    found = duplicates.adopt_trimmed_copies(duplicate_of, trimmed, placed)
    return duplicates.follow_credits(found, article_of) if article_of is not None else found


def near_duplicates_of_articles(articles: Sequence[Article], signatures: Sequence | None = None,
                                threshold: float = duplicates.THRESHOLD) -> dict[str, str]:
    """``near_duplicates`` for articles in memory (signatures computed here if not given)."""
    sigs = signatures if signatures is not None else [signature(a) for a in articles]
    items = [duplicate_input(a, s) for a, s in zip(articles, sigs)]
    by_id = {a.id: a for a in articles}
    return near_duplicates(items, lambda i: duplicates.body_text(articles[i]), threshold, article_of=by_id.get)
