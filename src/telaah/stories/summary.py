"""Extractive story summary: the sentences that best say what happened, who says what, and where
the sources disagree, most important first, each citing its article and sentence.

A sentence's score mixes (see ``SummaryWeights``):

- **lead score** within its article: news puts the event first (lead-3 is a strong baseline), so
  a small logistic model over position, paragraph, length, quote marks and in-article centrality,
  fitted on IndoSum's extractive labels, says how lead-like each sentence is;
- **centrality** across the whole story: LexRank over a TF-IDF cosine graph of every candidate
  sentence, so what many sentences (and outlets) talk about rises;
- **support**: the share of the other independent outlets with a sentence close to this one
  (near-copies, ``duplicate_of``, do not count as extra support);
- **disputes**: a bonus for sentences holding a denial or accusation, or a disputed figure, so the
  summary says where the sources disagree;

Selection is MMR (maximal marginal relevance): each pick trades score against similarity to what
is already chosen, and a sentence too close to a chosen one is never taken. Only body
``article.sentences`` are candidates (boilerplate is never a sentence), and sentences that repeat
an article's headline are skipped.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

import numpy as np

from ..document import Article, Corpus, Story
from ..pipeline import CorpusStage, Options
from ..errors import DataFileError
from ..lang import stopwords
from ..text.tokens import TOKEN_RE
from .stem import stem

__all__ = [
    "SummaryWeights",
    "SummaryStage",
    "summarize_story",
    "summarize_sentences",
    "content_tokens",
    "lead_features",
    "lead_scores",
    "tfidf_matrix",
    "lexrank",
]


@dataclass(frozen=True)
class SummaryWeights:
    """Weights of the sentence score; defaults tuned on IndoSum dev articles crawled before
    1 July 2017 (``telaah eval summary --tune``), never on the held-out later part."""

    lead: float = 1.0  # weight of the news-lead score (a logit, see LEAD_MODEL)
    centrality: float = 1.0  # LexRank over all the story's sentences (max 1)
    support: float = 1.0  # share of the other independent outlets saying the same
    dispute: float = 1.0  # sentence holds a denial/accusation or a disputed figure
    mmr_lambda: float = 0.8  # 1.0: score only; lower: more diversity
    max_similarity: float = 0.6  # never pick a sentence this close (cosine) to a chosen one
    support_similarity: float = 0.3  # cosine at which another outlet "says the same"
    title_similarity: float = 0.8  # cosine at or above which a sentence repeats a headline
    cross_similarity: float = 0.45  # stemmed content-word cosine at which sentences of two
    # articles say the same thing (outlets paraphrase, so TF-IDF cosine alone misses it)


DEFAULT_WEIGHTS = SummaryWeights()
DISPUTE_STANCES = ("deny", "accuse")


def content_tokens(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Lowercased word and number tokens (punctuation dropped) of ``text[start:end]``."""
    end = len(text) if end is None else end
    if _WORD_RE is not None:
        return [tok.lower() for tok in _WORD_RE.findall(text, start, end)]
    return [tok.lower() for tok in _token_strings(text, start, end) if tok[0].isalnum()]


# TOKEN_RE as this module knows it. Its first two alternatives are the tokens that begin with a
# letter or digit, and the last one takes a single character that is neither, so scanning with
# the first two alone finds exactly the tokens ``content_tokens`` keeps, without the punctuation
# and the per-token test. Used only while TOKEN_RE is this pattern.
_KNOWN_TOKEN_PATTERN = (
    "\n    \\d+(?:[.,:/]\\d+)*(?:-an)?          # 1.500  3,5  24/10/2024  15.00  1990-an\n"
    "    | [^\\W\\d_](?:[\\w'’]*[^\\W_])?(?:-[\\w'’]*[^\\W_]|-\\d+)*   # words, masing-masing, Ma'ruf, COVID-19\n"
    "    | \\S                               # any other single character\n    "
)
_WORD_RE = (re.compile(r"\d+(?:[.,:/]\d+)*(?:-an)?|[^\W\d_](?:[\w'’]*[^\W_])?(?:-[\w'’]*[^\W_]|-\d+)*")
            if TOKEN_RE.pattern == _KNOWN_TOKEN_PATTERN and TOKEN_RE.flags == re.compile("", re.VERBOSE).flags
            else None)


def _token_strings(text: str, start: int, end: int) -> list[str]:
    """The strings of ``tokenize(text, start, end)``, without building spans."""
    if TOKEN_RE.groups == 0:  # findall gives whole matches only without capturing groups
        return TOKEN_RE.findall(text, start, end)
    return [m.group() for m in TOKEN_RE.finditer(text, start, end)]


def tfidf_matrix(docs: Sequence[Sequence[str]], idf_docs: Sequence[Sequence[str]] | None = None) -> np.ndarray:
    """Row-normalised TF-IDF (sublinear tf, smoothed idf) of token lists; rows of empty docs are 0.

    ``idf_docs`` lets document frequencies come from a larger set than ``docs``. Columns are the
    terms in sorted order. Every log is math.log of the same numbers the cell-by-cell formula
    ``(1 + log tf) * (log((1 + n) / (1 + df)) + 1)`` takes, looked up and multiplied cell by
    cell (only the cells that hold a term), so the matrix is bit for bit that formula's.
    """
    flat = list(chain.from_iterable(docs))
    terms = sorted(set(flat))
    width, rows = len(terms), len(docs)
    if flat:  # each (row, column) cell that holds a term once, with its term count
        column = dict(zip(terms, range(width)))
        row_of = np.repeat(np.arange(rows, dtype=np.int64), [len(d) for d in docs])
        cells, tf = np.unique(row_of * width + np.fromiter(map(column.__getitem__, flat), np.int64, len(flat)),
                              return_counts=True)
        columns = cells % width
    else:
        cells = tf = columns = np.zeros(0, dtype=np.int64)
    if idf_docs is None:
        n = rows
        df = np.bincount(columns, minlength=width)
    else:
        n = len(idf_docs)
        df_of = Counter(chain.from_iterable(map(set, idf_docs)))
        df = np.array([df_of.get(t, 0) for t in terms], dtype=np.int64)
    top_df = int(df.max()) if width else 0
    idf = np.array([math.log((1 + n) / (1 + k)) + 1.0 for k in range(top_df + 1)])[df]
    top_tf = int(tf.max()) if tf.size else 0
    logs = np.array([0.0] + [math.log(k) for k in range(1, top_tf + 1)])
    mat = np.zeros((rows, width))
    mat.reshape(-1)[cells] = (1.0 + logs[tf]) * idf[columns]  # the other cells stay 0.0
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return mat / norms


def lexrank(sim: np.ndarray, threshold: float | None = None, damping: float = 0.15, iterations: int = 100) -> np.ndarray:
    """LexRank (Erkan & Radev 2004) scores over a cosine similarity matrix, scaled to max 1.

    ``threshold`` None gives continuous LexRank (edge weights = cosine); a number keeps edges at
    or above it with weight 1.
    """
    n = sim.shape[0]
    if n == 0:
        return np.zeros(0)
    graph = sim.copy()
    np.fill_diagonal(graph, 0.0)
    if threshold is not None:
        graph = (graph >= threshold).astype(float)
    rowsum = graph.sum(axis=1, keepdims=True)
    trans = np.where(rowsum > 0, graph / np.where(rowsum == 0, 1, rowsum), 1.0 / n)
    p = np.full(n, 1.0 / n)
    walk = (1 - damping) * trans.T  # what each step multiplies by, scaled once
    teleport = damping / n
    change = np.empty(n)
    total = np.add.reduce  # what ndarray.sum calls, without its wrapper
    for _ in range(iterations):
        nxt = walk @ p
        nxt += teleport  # = teleport + walk @ p (IEEE addition commutes)
        np.subtract(nxt, p, out=change)
        np.absolute(change, out=change)
        if total(change) < 1e-9:
            p = nxt
            break
        p = nxt
    top = p.max()
    return p / top if top > 0 else p


# Features of the news-lead score: how likely a sentence is to belong in a summary of its own
# article, from where it sits and what it looks like. Coefficients of a logistic regression
# fitted on IndoSum's extractive gold labels (``telaah eval summary --fit``, articles crawled
# before 1 July 2017, "tune" half only).
LEAD_FEATURES = (
    "bias", "first", "second", "third", "fourth", "fifth", "sixth", "later",
    "relative_position", "length", "short", "centrality", "similarity_to_first",
    "starts_with_quote", "has_quote_mark", "first_in_paragraph", "paragraph_rank",
    "ends_with_colon", "question", "mean_similarity",
)
LEAD_MODEL = dict(zip(LEAD_FEATURES, (
    -0.0044, 1.3447, 0.8165, 0.5175, 0.0299, -0.681, -0.891, -1.1412,
    -0.5147, -0.7391, -0.4223, 1.1332, -0.4609, -0.7497, -1.0177, 0.4383,
    -2.6118, -0.071, -1.4805, 0.1641,
)))
LEAD_INTERCEPT = -0.0272
QUOTE_MARKS = "\"“”"
SHORT_WORDS = 8


def lead_features(texts: Sequence[str], tokens: Sequence[Sequence[str]], blocks: Sequence[int],
                  sim: np.ndarray | None = None) -> np.ndarray:
    """One row of ``LEAD_FEATURES`` per sentence of ONE article (sentences in text order)."""
    return _lead_features(texts, tokens, blocks, sim)[0]


def _lead_features(texts: Sequence[str], tokens: Sequence[Sequence[str]], blocks: Sequence[int],
                   sim: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``lead_features`` with the sentence similarity matrix and LexRank scores it used, so that
    a story of one article can reuse them (its candidates are exactly these sentences)."""
    n = len(texts)
    if n == 0:
        return np.zeros((0, len(LEAD_FEATURES))), np.zeros((0, 0)), np.zeros(0)
    if sim is None:
        mat = tfidf_matrix(tokens)
        sim = mat @ mat.T
    central = lexrank(sim)
    block_rank = {b: r for r, b in enumerate(sorted(set(blocks)))}
    index = np.arange(n)
    lengths = np.array([len(t) for t in tokens])
    stripped = [t.strip() for t in texts]
    out = np.zeros((n, len(LEAD_FEATURES)))
    out[:, 0] = 1.0
    for k in range(min(6, n)):
        out[k, 1 + k] = 1.0
    out[6:, 7] = 1.0
    out[:, 8] = index / max(1, n - 1)
    out[:, 9] = np.minimum(lengths, 60) / 60
    out[:, 10] = lengths < SHORT_WORDS
    out[:, 11] = central
    out[:, 12] = sim[:, 0]
    out[0, 12] = 1.0
    out[:, 13] = [s[:1] in QUOTE_MARKS for s in stripped]
    out[:, 14] = [any(m in t for m in QUOTE_MARKS) for t in texts]
    out[:, 15] = [i == 0 or blocks[i - 1] != blocks[i] for i in range(n)]
    out[:, 16] = [min(block_rank[b], 6) / 6 for b in blocks]
    out[:, 17] = [s.endswith(":") for s in stripped]
    out[:, 18] = ["?" in t for t in texts]
    if n > 1:  # mean similarity to the other sentences (each row without its diagonal)
        out[:, 19] = sim[~np.eye(n, dtype=bool)].reshape(n, n - 1).mean(axis=1)
    return out, sim, central


def lead_scores(features: np.ndarray) -> np.ndarray:
    """The news-lead logit of each feature row."""
    return features @ _LEAD_COEF + LEAD_INTERCEPT


_LEAD_COEF = np.array([LEAD_MODEL[f] for f in LEAD_FEATURES])
_LEAD_COEF.flags.writeable = False


@dataclass
class Candidate:
    """One sentence that may go into the summary, with what scoring needs to know about it."""

    article: str
    sentence: str
    text: str
    index: int  # position of the sentence in its article (0 = first)
    outlet: str  # independence key: duplicates share their original's key
    tokens: list[str]
    stems: list[str] = field(default_factory=list)  # stemmed content words, stop words left out
    lead: float = 0.0  # news-lead logit within its own article
    dispute: bool = False
    is_title: bool = False
    start: int = -1  # the sentence's offsets in its article's text (-1: not known)
    end: int = -1


def summarize_sentences(
    candidates: Sequence[Candidate],
    n: int,
    weights: SummaryWeights = DEFAULT_WEIGHTS,
    idf_docs: Sequence[Sequence[str]] | None = None,
    similarity: tuple[np.ndarray, np.ndarray] | None = None,
    conflict_sides: Sequence[tuple[Sequence[int], Sequence[int]]] = (),
    dispute_figures: Sequence[tuple[Sequence[int], Sequence[int]]] = (),
) -> list[int]:
    """Indices into ``candidates`` of the chosen sentences, most important first.

    ``similarity`` is (cosine matrix, LexRank) of the candidates' TF-IDF when already computed
    with these documents and ``idf_docs`` (a one-article story: its lead features used them).
    ``conflict_sides`` are, per contradiction of the story, the candidates that state the claim
    and those that deny it: see ``_cover_conflicts``. ``dispute_figures`` are, per disputed
    figure (most reported first), the candidates that give one of its values and those that
    give its latest: see ``_cover_disputes``.
    """
    if n <= 0 or not candidates:
        return []
    if similarity is None:
        docs = [c.tokens for c in candidates]
        mat = tfidf_matrix(docs, idf_docs)
        sim = mat @ mat.T
        central = lexrank(sim)
    else:
        sim, central = similarity
    outlets = sorted({c.outlet for c in candidates})
    support = np.zeros(len(candidates))
    if len(outlets) > 1:  # share of the other outlets with a sentence this close
        number = {o: k for k, o in enumerate(outlets)}
        outlet_of = np.array([number[c.outlet] for c in candidates])
        close = sim >= weights.support_similarity
        says = np.zeros((len(candidates), len(outlets)), dtype=bool)
        for k in range(len(outlets)):
            says[:, k] = close[:, outlet_of == k].any(axis=1)
        says[np.arange(len(candidates)), outlet_of] = False  # its own outlet does not count
        support = np.count_nonzero(says, axis=1) / (len(outlets) - 1)
    # elementwise, added left to right as the per-sentence formula: the same floats
    scores = (weights.lead * np.array([c.lead for c in candidates])
              + weights.centrality * central
              + weights.support * support
              + np.array([weights.dispute if c.dispute else 0.0 for c in candidates])).tolist()
    # MMR. What rules a sentence out or lowers it only grows as sentences are chosen, so each
    # sentence's redundancy (highest cosine to a chosen one) and whether it repeats a chosen
    # sentence of another article are updated with each new pick instead of recomputed.
    chosen: list[int] = []
    available = [i for i, c in enumerate(candidates) if not c.is_title and c.tokens]
    redundancy = dict.fromkeys(available, 0.0)
    blocked: set[int] = set()
    stem_counts: dict[int, tuple[dict[str, int], float]] = {}  # made when first compared
    while available and len(chosen) < n:
        best, best_value = None, -math.inf
        for i in available:
            if i in blocked or redundancy[i] >= weights.max_similarity:
                continue
            value = weights.mmr_lambda * scores[i] - (1 - weights.mmr_lambda) * redundancy[i]
            if value > best_value:
                best, best_value = i, value
        if best is None:
            break
        chosen.append(best)
        available.remove(best)
        picked = candidates[best]
        column = sim[:, best].tolist()
        for i in available:
            r = column[i]
            if len(chosen) == 1 or r > redundancy[i]:
                redundancy[i] = r
            if i not in blocked and candidates[i].article != picked.article \
                    and _cosine_counts(_counted(candidates, i, stem_counts),
                                       _counted(candidates, best, stem_counts)) >= weights.cross_similarity:
                blocked.add(i)
    if conflict_sides and n >= COVER_MIN_SENTENCES:
        chosen = _cover_conflicts(chosen, n, candidates, scores, sim, weights, conflict_sides)
    if dispute_figures and n >= COVER_MIN_SENTENCES:
        every_side = {i for claim, denial in conflict_sides[:COVER_CONFLICTS] for i in (*claim, *denial)}
        chosen = _cover_disputes(chosen, candidates, scores, sim, weights, dispute_figures, every_side)
    return chosen


COVER_MIN_SENTENCES = 4  # a shorter summary keeps to what happened
COVER_CONFLICTS = 2  # contradictions whose both sides a summary must carry, most important first


def _cover_conflicts(chosen: list[int], n: int, candidates: Sequence[Candidate], scores: list[float],
                     sim: np.ndarray, weights: SummaryWeights,
                     sides: Sequence[tuple[Sequence[int], Sequence[int]]]) -> list[int]:
    """An accusation in a summary without its denial tells half the story. For the story's
    first ``COVER_CONFLICTS`` contradictions, a summary holding one side gains the best sentence
    of the other, placed beside it (the claim before the denial); the first contradiction is
    carried even when the MMR picked neither side. Each addition pushes out the lowest-ranked
    sentence that is not the lead and not itself a side of a contradiction, one without a
    disputed figure first; with nothing to push out it is not made."""
    chosen = list(chosen)
    protected = set(chosen[:1])
    every_side = {i for claim, denial in sides for i in (*claim, *denial)}

    def best_of(side: Sequence[int], beside: int | None = None) -> int | None:
        """The side's best usable sentence. Beside another sentence: one of its article first (an
        anaphoric denial, "membantah tuduhan tersebut", answers the accusation just before it),
        else the one that shares most words with it (a denial that says what it denies)."""
        usable = [i for i in side if i not in chosen and not candidates[i].is_title and candidates[i].tokens
                  and all(sim[i, j] < weights.max_similarity for j in chosen)]
        if beside is None:
            return max(usable, key=lambda i: scores[i], default=None)
        same = [i for i in usable if candidates[i].article == candidates[beside].article]
        if same:
            return max(same, key=lambda i: scores[i])
        return max(usable, key=lambda i: (round(float(sim[i, beside]), 6), scores[i]), default=None)

    def add(i: int | None, position: int) -> bool:
        if i is None or i in chosen:  # one sentence on both sides ("Kami tidak menuduh …") is given once
            return False
        if len(chosen) >= n:
            droppable = [j for j in chosen if j not in protected and j not in every_side]
            if not droppable:
                return False
            # a sentence with a disputed figure or another denial goes last
            plain = [j for j in droppable if not candidates[j].dispute]
            dropped = (plain or droppable)[-1]
            position -= chosen.index(dropped) < position
            chosen.remove(dropped)
        chosen.insert(position, i)
        protected.add(i)
        return True

    for rank, (claim, denial) in enumerate(sides[:COVER_CONFLICTS]):
        in_claim = [i for i in chosen if i in set(claim)]
        in_denial = [i for i in chosen if i in set(denial)]
        protected.update(in_claim[:1] + in_denial[:1])
        if in_claim and in_denial:
            continue
        if in_claim:
            add(best_of(denial, in_claim[0]), chosen.index(in_claim[0]) + 1)
        elif in_denial:
            add(best_of(claim, in_denial[0]), chosen.index(in_denial[0]))
        elif rank == 0:
            first = best_of(claim)
            other = best_of([i for i in denial if i != first], first)
            room = n - len(chosen) + len([j for j in chosen if j not in protected and j not in every_side])
            if first is not None and other is not None and room >= 2:
                add(first, len(chosen))
                add(other, chosen.index(first) + 1)
    return chosen


COVER_DISPUTES = 3  # disputed figures a summary gives at least one value of, most reported first
# ... among those that this many articles give: a disagreement of several outlets is one of the
# story's facts, two reports apart (1.200 or 1.500 injured) are a detail beside its lead sentences
COVER_DISPUTE_ARTICLES = 3


def _cover_disputes(chosen: list[int], candidates: Sequence[Candidate], scores: list[float], sim: np.ndarray,
                    weights: SummaryWeights, figures: Sequence[tuple[Sequence[int], Sequence[int]]],
                    keep: set[int]) -> list[int]:
    """Where the sources disagree is what an analyst reads a dossier for: a summary that gives
    the death toll three times but never the disputed passenger count tells less than it could.
    For the first ``COVER_DISPUTES`` disputed figures, one the summary gives no value of gains
    its best sentence in place of a sentence whose disputed figures other chosen sentences
    already give, the latest values included; the lead, the sides of the contradictions and any
    sentence that gives something of its own stay. With nothing redundant to replace, nothing
    changes."""
    chosen = list(chosen)
    holds = [set(values) for values, _ in figures]
    lasts = [set(last) for _, last in figures]

    def covered_without(j: int) -> bool:
        """Each disputed figure sentence ``j`` gives is given by another chosen sentence, and
        its latest value too where ``j`` gives that."""
        mine = [k for k, h in enumerate(holds) if j in h]
        return bool(mine) and all(any(o != j and o in holds[k] for o in chosen) for k in mine) \
            and all(any(o != j and o in last for o in chosen) for last in lasts if j in last)

    for k in range(min(COVER_DISPUTES, len(figures))):
        if holds[k] & set(chosen):
            continue
        usable = [i for i in holds[k] if not candidates[i].is_title and candidates[i].tokens
                  and all(sim[i, j] < weights.max_similarity for j in chosen)]
        if not usable:
            continue
        redundant = [j for j in chosen[1:] if j not in keep and covered_without(j)]
        if not redundant:
            continue
        dropped = max(redundant, key=chosen.index)
        best = max(usable, key=lambda i: (sum(i in h for h in holds), scores[i]))
        chosen[chosen.index(dropped)] = best
    return chosen


def _titles(article: Article) -> list[list[str]]:
    """Token lists of the article's headline(s): metadata title and title blocks."""
    titles = []
    if article.title:
        titles.append(content_tokens(article.title))
    for block in article.blocks:
        if block.kind in ("title", "duplicate_title"):
            titles.append(content_tokens(article.text, block.start, block.end))
    return [t for t in titles if t]


def _cosine_tokens(a: list[str], b: list[str]) -> float:
    ca: dict[str, int] = {}
    cb: dict[str, int] = {}
    for t in a:
        ca[t] = ca.get(t, 0) + 1
    for t in b:
        cb[t] = cb.get(t, 0) + 1
    dot = sum(v * cb.get(t, 0) for t, v in ca.items())
    na = math.sqrt(sum(v * v for v in ca.values()))
    nb = math.sqrt(sum(v * v for v in cb.values()))
    return dot / (na * nb) if na and nb else 0.0


def _counts(tokens: Sequence[str]) -> tuple[dict[str, int], float]:
    """Token counts and their norm, as ``_cosine_tokens`` computes them."""
    counts: dict[str, int] = {}
    for t in tokens:
        counts[t] = counts.get(t, 0) + 1
    return counts, math.sqrt(sum(v * v for v in counts.values()))


def _counted(candidates: Sequence[Candidate], i: int,
             cache: dict[int, tuple[dict[str, int], float]]) -> tuple[dict[str, int], float]:
    """Candidate ``i``'s stem counts and their norm, as ``_cosine_tokens`` computes them."""
    got = cache.get(i)
    if got is None:
        counts: dict[str, int] = {}
        for t in candidates[i].stems:
            counts[t] = counts.get(t, 0) + 1
        got = cache[i] = (counts, math.sqrt(sum(v * v for v in counts.values())))
    return got


def _cosine_counts(a: tuple[dict[str, int], float], b: tuple[dict[str, int], float]) -> float:
    """``_cosine_tokens`` from counted tokens: the same integer dot product and norms."""
    (ca, na), (cb, nb) = a, b
    if len(cb) < len(ca):
        ca, cb = cb, ca
    dot = sum(v * cb.get(t, 0) for t, v in ca.items())
    return dot / (na * nb) if na and nb else 0.0


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    try:
        return stopwords()
    except DataFileError:
        return frozenset()


def _disputed_numbers(story: Story) -> set[str]:
    return {nid for d in story.number_disputes if d.get("disputed", True) for nid in d.get("numbers", [])}


def story_candidates(corpus: Corpus, story: Story, weights: SummaryWeights = DEFAULT_WEIGHTS) -> list[Candidate]:
    """Candidate sentences of a story: body sentences of its articles (near-copies are left out
    when their original is in the story, since they add no new sentence)."""
    return _story_candidates(corpus, story, weights)[0]


def _story_candidates(corpus: Corpus, story: Story, weights: SummaryWeights = DEFAULT_WEIGHTS
                      ) -> tuple[list[Candidate], tuple[np.ndarray, np.ndarray] | None]:
    """``story_candidates`` and, when every candidate comes from one article, the (similarity,
    LexRank) of that article's sentences: exactly what summarising the candidates computes."""
    by_id = {a.id: a for a in corpus.articles}
    articles = [by_id[a] for a in story.articles if a in by_id]
    present = {a.id for a in articles}
    multi = len(articles) > 1
    disputed = _disputed_numbers(story)
    stop = _stopwords()
    out: list[Candidate] = []
    similarity = None
    contributing = 0
    for article in articles:
        if article.duplicate_of and article.duplicate_of in present:
            continue
        outlet = (article.credit or article.outlet or article.id).strip().lower()
        titles = _titles(article)
        flagged: set[str] = set()
        for q in article.quotes:
            if q.stance in DISPUTE_STANCES and q.sentence:
                flagged.add(q.sentence)
        for num in article.numbers:
            if num.id and num.id in disputed and num.sentence:
                flagged.add(num.sentence)
        text = article.text
        texts = [text[s.start:s.end] for s in article.sentences]
        tokens = [content_tokens(text, s.start, s.end) for s in article.sentences]
        features, sim, central = _lead_features(texts, tokens, [s.block for s in article.sentences])
        leads = lead_scores(features).tolist()  # Python floats, as float() of each gives
        if article.sentences:
            contributing += 1
            similarity = (sim, central)
        # each headline counted once; a sentence sharing no word with any has cosine 0 to all
        title_counts = [_counts(t) for t in titles]
        title_words = set(chain.from_iterable(titles))
        for index, s in enumerate(article.sentences):
            toks = tokens[index]
            stems = [stem(t) for t in toks if t[0].isalpha() and t not in stop] if multi else []
            is_title = False
            if title_counts and (weights.title_similarity <= 0 or not title_words.isdisjoint(toks)):
                counted = _counts(toks)
                is_title = any(_cosine_counts(counted, t) >= weights.title_similarity for t in title_counts)
            out.append(Candidate(
                article=article.id, sentence=s.id, text=texts[index], index=index, outlet=outlet,
                tokens=toks, stems=stems, lead=leads[index], dispute=s.id in flagged, is_title=is_title,
                start=s.start, end=s.end,
            ))
    return out, similarity if contributing == 1 else None


def _conflict_sides(corpus: Corpus, story: Story, candidates: Sequence[Candidate]
                    ) -> list[tuple[list[int], list[int]]]:
    """Per contradiction of the story (``claim_conflicts``, most important first): the candidate
    sentences that state or level the claim, and those that deny it."""
    if not story.claim_conflicts:
        return []
    members = set(story.articles)
    sentence_of = {q.id: q.sentence for a in corpus.articles if a.id in members for q in a.quotes if q.id}
    index = {c.sentence: i for i, c in enumerate(candidates)}

    def side(ids) -> list[int]:
        found = (index.get(sentence_of.get(q)) for q in ids)
        return sorted({i for i in found if i is not None})

    def named_in(conflict: dict) -> list[int]:
        """The sentence the claim's phrase is copied from: the accusation a denial answers
        ("… membantah tuduhan tersebut" needs it beside it)."""
        source = conflict.get("source") or {}
        return [i for i, c in enumerate(candidates) if c.article == source.get("article")
                and c.start <= source.get("start", -1) < c.end]

    sides = [(named_in(c) or side(c.get("assert", ())), side(c.get("deny", ()))) for c in story.claim_conflicts]
    return [(claim, denial) for claim, denial in sides if claim and denial]


def _dispute_figures(story: Story, candidates: Sequence[Candidate]) -> list[tuple[list[int], list[int]]]:
    """Per disputed figure of the story that ``COVER_DISPUTE_ARTICLES`` articles give, most
    reported first (articles, then reports): the candidate sentences giving one of its values,
    and those giving its latest (the last dated report not marked earlier)."""
    index = {c.sentence: i for i, c in enumerate(candidates)}
    found = []  # (articles, reports, position, values, latest)
    for position, d in enumerate(story.number_disputes):
        reports = [r for r in d.get("reports", []) if r.get("sentence") in index]
        articles = len({r["article"] for r in reports})
        if not d.get("disputed", True) or articles < COVER_DISPUTE_ARTICLES:
            continue
        current = [r for r in reports if not r.get("earlier")] or reports
        last = max((r.get("date") or "") for r in current)
        found.append((-articles, -len(reports), position, sorted({index[r["sentence"]] for r in reports}),
                      sorted({index[r["sentence"]] for r in current if (r.get("date") or "") == last})))
    return [(values, latest) for *_, values, latest in sorted(found, key=lambda f: f[:3])]


def summarize_story(corpus: Corpus, story: Story, n: int = 6,
                    weights: SummaryWeights = DEFAULT_WEIGHTS) -> list[dict]:
    """The story's ``n`` most important sentences as ``{text, article, sentence}``, best first."""
    if n <= 0:
        return []
    candidates, similarity = _story_candidates(corpus, story, weights)
    chosen = summarize_sentences(candidates, n, weights, similarity=similarity,
                                 conflict_sides=_conflict_sides(corpus, story, candidates),
                                 dispute_figures=_dispute_figures(story, candidates))
    by_id = {a.id: a for a in corpus.articles}
    out = []
    for i in chosen:
        c = candidates[i]
        item = {"text": c.text, "article": c.article, "sentence": c.sentence}
        speaker = _opening_pronoun_speaker(by_id.get(c.article), c)
        if speaker is not None:
            item["speaker"] = speaker  # "Ia membantah …" read out of its article: who "Ia" is
        out.append(item)
    return out


OPENING_WORDS = 3  # a pronoun this near a summary sentence's start needs its referent named


def _opening_pronoun_speaker(article: Article | None, c: Candidate) -> dict | None:
    """The person a summary sentence's opening pronoun speaks for ("Ia membantah bahwa pasukan
    Azerbaijan menggunakan drone", "Menurut dia, ..."), as the quote stage resolved it, when
    the sentence opens so: the summary sets sentences side by side out of their articles, so an
    analyst must be told who "Ia" is. None otherwise."""
    if article is None:
        return None
    for q in article.quotes:
        sp = q.speaker
        if sp is None or sp.anaphor_start is None or q.sentence != c.sentence:
            continue
        if len(article.text[c.start:sp.anaphor_start].split()) >= OPENING_WORDS:
            continue
        if sp.text and sp.text.lower() != article.text[sp.anaphor_start:sp.anaphor_end].lower():
            return {"text": sp.text, "entity": sp.entity}
    return None


class SummaryStage(CorpusStage):
    """Fills ``story.summary`` for every story (``options.summary_sentences`` sentences)."""

    name = "summary"
    requires = ("corpus.stories", "article.sentences")
    assigns = ("story.summary",)

    def __init__(self, weights: SummaryWeights = DEFAULT_WEIGHTS):
        self.weights = weights

    def __call__(self, corpus: Corpus, options: Options) -> None:
        n = options.summary_sentences
        if not isinstance(n, int) or isinstance(n, bool) or n < 0:
            raise ValueError(f"summary_sentences must be a whole number >= 0, got {n!r}")
        for story in corpus.stories:
            story.summary = summarize_story(corpus, story, n, self.weights)


def iter_tokens(texts: Iterable[str]) -> list[list[str]]:
    return [content_tokens(t) for t in texts]
