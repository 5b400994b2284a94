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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..document import Article, Corpus, Story
from ..pipeline import CorpusStage, Options
from ..errors import DataFileError
from ..lang import load_lines
from ..text.tokens import tokenize
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
    out = []
    for s, e in tokenize(text, start, end):
        tok = text[s:e]
        if tok[0].isalnum():
            out.append(tok.lower())
    return out


def tfidf_matrix(docs: Sequence[Sequence[str]], idf_docs: Sequence[Sequence[str]] | None = None) -> np.ndarray:
    """Row-normalised TF-IDF (sublinear tf, smoothed idf) of token lists; rows of empty docs are 0.

    ``idf_docs`` lets document frequencies come from a larger set than ``docs``.
    """
    idf_docs = docs if idf_docs is None else idf_docs
    df: dict[str, int] = {}
    for d in idf_docs:
        for t in set(d):
            df[t] = df.get(t, 0) + 1
    vocab = {t: i for i, t in enumerate(sorted({t for d in docs for t in d}))}
    n = len(idf_docs)
    mat = np.zeros((len(docs), len(vocab)))
    for r, d in enumerate(docs):
        counts: dict[str, int] = {}
        for t in d:
            counts[t] = counts.get(t, 0) + 1
        for t, c in counts.items():
            mat[r, vocab[t]] = (1.0 + math.log(c)) * (math.log((1 + n) / (1 + df.get(t, 0))) + 1.0)
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
    for _ in range(iterations):
        nxt = damping / n + (1 - damping) * trans.T @ p
        if np.abs(nxt - p).sum() < 1e-9:
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
    n = len(texts)
    if n == 0:
        return np.zeros((0, len(LEAD_FEATURES)))
    if sim is None:
        mat = tfidf_matrix(tokens)
        sim = mat @ mat.T
    central = lexrank(sim)
    block_rank = {b: r for r, b in enumerate(sorted(set(blocks)))}
    rows = []
    for i, text in enumerate(texts):
        stripped = text.strip()
        in_block = i == 0 or blocks[i - 1] != blocks[i]
        others = np.delete(sim[i], i)
        rows.append([
            1.0, *(1.0 if i == k else 0.0 for k in range(6)), 1.0 if i >= 6 else 0.0,
            i / max(1, n - 1), min(len(tokens[i]), 60) / 60, 1.0 if len(tokens[i]) < SHORT_WORDS else 0.0,
            central[i], sim[i, 0] if i else 1.0,
            1.0 if stripped[:1] in QUOTE_MARKS else 0.0,
            1.0 if any(m in text for m in QUOTE_MARKS) else 0.0,
            1.0 if in_block else 0.0, min(block_rank[blocks[i]], 6) / 6,
            1.0 if stripped.endswith(":") else 0.0, 1.0 if "?" in text else 0.0,
            float(others.mean()) if len(others) else 0.0,
        ])
    return np.array(rows)


def lead_scores(features: np.ndarray) -> np.ndarray:
    """The news-lead logit of each feature row."""
    coef = np.array([LEAD_MODEL[f] for f in LEAD_FEATURES])
    return features @ coef + LEAD_INTERCEPT


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


def summarize_sentences(
    candidates: Sequence[Candidate],
    n: int,
    weights: SummaryWeights = DEFAULT_WEIGHTS,
    idf_docs: Sequence[Sequence[str]] | None = None,
) -> list[int]:
    """Indices into ``candidates`` of the chosen sentences, most important first."""
    if n <= 0 or not candidates:
        return []
    docs = [c.tokens for c in candidates]
    mat = tfidf_matrix(docs, idf_docs)
    sim = mat @ mat.T
    central = lexrank(sim)
    outlets = sorted({c.outlet for c in candidates})
    scores = np.zeros(len(candidates))
    for i, c in enumerate(candidates):
        support = 0.0
        if len(outlets) > 1:
            others = {candidates[j].outlet for j in np.nonzero(sim[i] >= weights.support_similarity)[0]
                      if candidates[j].outlet != c.outlet}
            support = len(others) / (len(outlets) - 1)
        scores[i] = (
            weights.lead * c.lead
            + weights.centrality * central[i]
            + weights.support * support
            + (weights.dispute if c.dispute else 0.0)
        )
    chosen: list[int] = []
    available = [i for i, c in enumerate(candidates) if not c.is_title and c.tokens]
    while available and len(chosen) < n:
        best, best_value = None, -math.inf
        for i in available:
            redundancy = max((sim[i, j] for j in chosen), default=0.0)
            if redundancy >= weights.max_similarity or any(
                    candidates[j].article != candidates[i].article
                    and _cosine_tokens(candidates[i].stems, candidates[j].stems) >= weights.cross_similarity
                    for j in chosen):
                continue
            value = weights.mmr_lambda * scores[i] - (1 - weights.mmr_lambda) * redundancy
            if value > best_value:
                best, best_value = i, value
        if best is None:
            break
        chosen.append(best)
        available.remove(best)
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


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    try:
        return frozenset(w.lower() for w in load_lines("stopwords.txt"))
    except DataFileError:
        return frozenset()


def _disputed_numbers(story: Story) -> set[str]:
    return {nid for d in story.number_disputes for nid in d.get("numbers", [])}


def story_candidates(corpus: Corpus, story: Story, weights: SummaryWeights = DEFAULT_WEIGHTS) -> list[Candidate]:
    """Candidate sentences of a story: body sentences of its articles (near-copies are left out
    when their original is in the story, since they add no new sentence)."""
    by_id = {a.id: a for a in corpus.articles}
    articles = [by_id[a] for a in story.articles if a in by_id]
    present = {a.id for a in articles}
    multi = len(articles) > 1
    disputed = _disputed_numbers(story)
    out: list[Candidate] = []
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
        texts = [article.text[s.start:s.end] for s in article.sentences]
        tokens = [content_tokens(article.text, s.start, s.end) for s in article.sentences]
        leads = lead_scores(lead_features(texts, tokens, [s.block for s in article.sentences]))
        for index, s in enumerate(article.sentences):
            toks = tokens[index]
            stems = [stem(t) for t in toks if t[0].isalpha() and t not in _stopwords()] if multi else []
            is_title = any(_cosine_tokens(toks, t) >= weights.title_similarity for t in titles)
            out.append(Candidate(
                article=article.id, sentence=s.id, text=texts[index], index=index, outlet=outlet,
                tokens=toks, stems=stems, lead=float(leads[index]), dispute=s.id in flagged, is_title=is_title,
            ))
    return out


def summarize_story(corpus: Corpus, story: Story, n: int = 6,
                    weights: SummaryWeights = DEFAULT_WEIGHTS) -> list[dict]:
    """The story's ``n`` most important sentences as ``{text, article, sentence}``, best first."""
    candidates = story_candidates(corpus, story, weights)
    chosen = summarize_sentences(candidates, n, weights)
    return [{"text": candidates[i].text, "article": candidates[i].article,
             "sentence": candidates[i].sentence} for i in chosen]


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
