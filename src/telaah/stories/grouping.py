"""Online story grouping: each new article joins the best recent story or opens a new one.

In the spirit of Miranda et al. (2018), "Multilingual clustering of streaming news": an article
is compared with the stories still open in its time window on several TF-IDF views (stemmed
body words, entity names, title words); the best story wins if its time-decayed score clears
a threshold. Nothing is re-clustered when an article arrives, and candidate stories come from
an inverted index over the articles' most distinctive terms, so the work per article depends
on the stories active in its window, not on everything seen so far.

Weights and threshold were tuned on the dev half of ``tests/gold/stories_gold.jsonl`` with
``telaah.evaluation.stories`` (see that module); the test half was not used for tuning.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from ..document import Article, Corpus, Story
from ..lang import load_lines
from ..pipeline import CorpusStage, Options
from .duplicates import body_text
from .stem import stem

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
_CAPITALISED = re.compile(r"(?<![\w.])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(load_lines("stopwords.txt"))


@lru_cache(maxsize=1)
def name_noise() -> frozenset[str]:
    """Capitalised words that are not names of this story: weekdays, months, role titles."""
    from ..lang import load_table

    words = set(stopwords())
    words.update(r["form"].lower() for r in load_table("time_weekdays.tsv"))
    words.update(r["form"].lower() for r in load_table("time_months.tsv"))
    for role in load_lines("person_roles.txt"):
        words.update(role.lower().split())
    return frozenset(words)


def firm_date(article: Article) -> date | None:
    """The date grouping may trust: given, or inferred from a date with its year. A weekday
    without a year ("Selasa (2/5)") fits several years, and a wrong year would keep two reports
    of one event apart, so such a guess is ignored here."""
    from ..times import weak_inference

    if article.published:
        return article.published
    if article.published_inferred and not weak_inference(article):
        return article.reference_date
    return None


@lru_cache(maxsize=1)
def background_df() -> tuple[int, dict[str, int]]:
    """(documents, term -> document frequency) over IndoSum dev before 2017-07-01, shipped in
    ``stories/model/background_df.tsv`` and rebuilt by ``scripts/build_background_df.py``."""
    from importlib import resources

    path = resources.files("telaah.stories").joinpath("model", "background_df.tsv")
    docs, df = 0, {}
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("# documents\t"):
            docs = int(line.split("\t")[1])
        elif line and not line.startswith(("#", "term\t")):
            term, count = line.split("\t")
            df[term] = int(count)
    return docs, df


@dataclass(frozen=True)
class GroupingConfig:
    """How articles are compared; ``plain()`` gives the TF-IDF centroid baseline."""

    # Tuned on the dev split of the story gold (103 records; grid over threshold, entity weight,
    # span and name words: dev B-cubed F1 0.957). The 3-day grace before time decay keeps a
    # small batch on one event together (dev stories analysed alone stay whole far more often).
    threshold: float = 0.22
    body_weight: float = 0.5  # cosine with the story centroid (stemmed body words)
    member_weight: float = 0.4  # best cosine with one recent member article
    entity_weight: float = 0.4  # cosine of entity-name bags (names and their words)
    title_weight: float = 0.3  # cosine of title words
    window_days: float | None = 7.0  # stories whose last article is older are closed
    decay_days: float | None = 6.0  # score *= exp(-(gap - grace) / decay_days)
    decay_grace_days: float = 3.0  # no decay for reports this many days apart
    retrieval_terms: int | None = 15  # top terms of an article used to look up stories
    name_tokens: bool = True  # entity view also counts the single words of names ("N:madiun")
    span_days: float | None = 7.0  # score *= exp(-(days past first article - span) / decay)
    stem: bool = True
    min_word: int = 3
    background: bool = True  # start from shipped IndoSum document frequencies (small runs need them)

    @classmethod
    def plain(cls, threshold: float = 0.3) -> "GroupingConfig":
        """Plain online TF-IDF centroid clustering: unstemmed body words, no time, no window."""
        return cls(threshold=threshold, body_weight=1.0, member_weight=0.0, entity_weight=0.0,
                   title_weight=0.0, window_days=None, decay_days=None, retrieval_terms=None,
                   stem=False, background=False, name_tokens=False, span_days=None)


Vector = dict[str, float]


def _normalise(counts: Counter, idf) -> Vector:
    vec = {t: (1.0 + math.log(c)) * idf(t) for t, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in vec.values()))
    return {t: w / norm for t, w in vec.items()} if norm else {}


def _dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


@dataclass
class _Features:
    body: Counter
    entities: Counter
    title: Counter


@dataclass
class _Cluster:
    id: int
    members: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    centroid_norm: float = 0.0
    entities: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    entities_norm: float = 0.0
    titles: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    titles_norm: float = 0.0
    recent: list[Vector] = field(default_factory=list)
    first: date | None = None
    last: date | None = None


def _add_into(target: dict[str, float], vec: Vector) -> float:
    for t, w in vec.items():
        target[t] += w
    return math.sqrt(sum(w * w for w in target.values()))


class StoryGrouper:
    """Incremental story grouping. Call ``observe`` on articles to learn term frequencies
    (optional: ``add`` observes too), then ``add`` each article in time order."""

    RECENT_MEMBERS = 8

    def __init__(self, config: GroupingConfig | None = None):
        self.config = config or GroupingConfig()
        self.df: Counter = Counter()
        self.documents = 0
        if self.config.background and self.config.stem:
            docs, df = background_df()
            self.df.update(df)
            self.documents = docs
        self._observed: set[str] = set()
        self._features: dict[str, _Features] = {}
        self.clusters: list[_Cluster] = []
        self.story_of: dict[str, int] = {}
        self._index: dict[str, set[int]] = defaultdict(set)

    # -- features -------------------------------------------------------------------------
    def _terms(self, text: str) -> Counter:
        stop = stopwords()
        out: Counter = Counter()
        for word in _WORD.findall(text):
            w = word.lower()
            if len(w) < self.config.min_word or w in stop:
                continue
            out[stem(w) if self.config.stem else w] += 1
        return out

    def _entity_terms(self, article: Article, body: str) -> Counter:
        if self.config.entity_weight <= 0:
            return Counter()
        out: Counter = Counter()
        noise = name_noise()

        def add_tokens(phrase: str) -> None:
            # a merged name and its words: "Wali Kota Madiun Bambang Irianto" shares "madiun"
            # and "bambang" with a report that writes "Bambang" and "Kota Madiun"
            if self.config.name_tokens:
                for word in phrase.lower().split():
                    if len(word) >= 3 and word not in noise:
                        out["N:" + word] += 1

        if article.mentions:
            for m in article.mentions:
                out["E:" + (m.entity or m.text.lower())] += 1
                add_tokens(m.text)
            return out
        # no entity stage ran: capitalised word runs inside sentences stand in for names
        stop = stopwords()
        for line in body.split("\n"):
            for m in _CAPITALISED.finditer(line):
                if m.start() == 0:
                    continue  # sentence-initial capital says nothing
                phrase = m.group().lower()
                if phrase in stop or len(phrase) < 3:
                    continue
                out["E:" + phrase] += 1
                add_tokens(phrase)
        return out

    def features(self, article: Article) -> _Features:
        cached = self._features.get(article.id)
        if cached is None:
            body = body_text(article)
            cached = _Features(
                body=self._terms(body),
                entities=self._entity_terms(article, body),
                title=self._terms(article.title) if article.title and self.config.title_weight > 0 else Counter(),
            )
            self._features[article.id] = cached
        return cached

    def observe(self, article: Article) -> None:
        """Count the article's terms into the document frequencies (once per id)."""
        if article.id in self._observed:
            return
        self._observed.add(article.id)
        f = self.features(article)
        self.documents += 1
        self.df.update(set(f.body) | set(f.entities) | set(f.title))

    def _idf(self, term: str) -> float:
        return math.log((self.documents + 1) / (self.df.get(term, 0) + 1)) + 1.0

    # -- grouping -------------------------------------------------------------------------
    def _candidates(self, body: Vector, day: date | None) -> list[_Cluster]:
        cfg = self.config
        terms = sorted(body, key=body.get, reverse=True)
        if cfg.retrieval_terms:
            terms = terms[: cfg.retrieval_terms]
        seen: set[int] = set()
        out = []
        for t in terms:
            stale = []
            for cid in self._index.get(t, ()):
                if cid in seen:
                    continue
                c = self.clusters[cid]
                if cfg.window_days is not None and day and c.last and (day - c.last).days > cfg.window_days:
                    stale.append(cid)  # articles come in time order: this story is closed
                    continue
                seen.add(cid)
                out.append(c)
            for cid in stale:
                self._index[t].discard(cid)
        return out

    def _score(self, c: _Cluster, body: Vector, ents: Vector, title: Vector, day: date | None) -> float:
        cfg = self.config
        parts = [(cfg.body_weight, _dot(body, c.centroid) / c.centroid_norm if c.centroid_norm else 0.0)]
        if cfg.member_weight > 0:
            parts.append((cfg.member_weight, max((_dot(body, m) for m in c.recent), default=0.0)))
        if cfg.entity_weight > 0 and ents and c.entities_norm:
            parts.append((cfg.entity_weight, _dot(ents, c.entities) / c.entities_norm))
        if cfg.title_weight > 0 and title and c.titles_norm:
            parts.append((cfg.title_weight, _dot(title, c.titles) / c.titles_norm))
        total = sum(w for w, _ in parts)
        score = sum(w * s for w, s in parts) / total if total else 0.0
        if cfg.decay_days and day and c.first and c.last:
            gap = 0 if c.first <= day <= c.last else min(abs((day - c.first).days), abs((day - c.last).days))
            score *= math.exp(-max(0, gap - cfg.decay_grace_days) / cfg.decay_days)
        if cfg.span_days is not None and cfg.decay_days and day and c.first:
            # a storyline that has run for weeks is a topic, not a story: chains of weekly
            # reports (one race weekend after another) fade out
            score *= math.exp(-max(0, (day - c.first).days - cfg.span_days) / cfg.decay_days)
        return score

    def _place(self, article: Article, cluster: _Cluster, body: Vector, ents: Vector, title: Vector) -> None:
        cluster.members.append(article.id)
        cluster.centroid_norm = _add_into(cluster.centroid, body)
        if ents:
            cluster.entities_norm = _add_into(cluster.entities, ents)
        if title:
            cluster.titles_norm = _add_into(cluster.titles, title)
        cluster.recent = (cluster.recent + [body])[-self.RECENT_MEMBERS:]
        day = firm_date(article)
        if day:
            cluster.first = day if cluster.first is None else min(cluster.first, day)
            cluster.last = day if cluster.last is None else max(cluster.last, day)
        terms = sorted(body, key=body.get, reverse=True)
        if self.config.retrieval_terms:
            terms = terms[: self.config.retrieval_terms]
        for t in terms:
            self._index[t].add(cluster.id)
        self.story_of[article.id] = cluster.id

    def add(self, article: Article) -> int:
        """Put one article in a story (joining or opening one); returns the story's number."""
        if article.id in self.story_of:
            return self.story_of[article.id]
        self.observe(article)
        f = self.features(article)
        body = _normalise(f.body, self._idf)
        ents = _normalise(f.entities, self._idf) if f.entities else {}
        title = _normalise(f.title, self._idf) if f.title else {}
        day = firm_date(article)
        target: _Cluster | None = None
        if article.duplicate_of and article.duplicate_of in self.story_of:
            target = self.clusters[self.story_of[article.duplicate_of]]
        else:
            best, best_score = None, self.config.threshold
            for c in self._candidates(body, day):
                s = self._score(c, body, ents, title, day)
                if s >= best_score:
                    best, best_score = c, s
            target = best
        if target is None:
            target = _Cluster(id=len(self.clusters))
            self.clusters.append(target)
        self._place(article, target, body, ents, title)
        return target.id

    def stories(self) -> list[list[str]]:
        return [list(c.members) for c in self.clusters]


def time_order(articles: Sequence[Article]) -> list[Article]:
    """Articles earliest first (undated ones last), input order breaking ties."""
    return [a for _, a in sorted(enumerate(articles), key=lambda p: (firm_date(p[1]) or date.max, p[0]))]


def group_articles(articles: Iterable[Article], config: GroupingConfig | None = None) -> list[list[str]]:
    """Group a batch: learn document frequencies over all of it, then add in time order."""
    ordered = time_order(list(articles))
    grouper = StoryGrouper(config)
    for a in ordered:
        grouper.observe(a)
    # near-copies point to the earliest copy by the same order, so originals are placed first
    for a in ordered:
        grouper.add(a)
    return grouper.stories()


class StoryStage(CorpusStage):
    """Fill ``corpus.stories``: one Story per group, near-copies with their original."""

    name = "stories"
    requires = ("article.sentences",)
    assigns = ("corpus.stories",)

    def __init__(self, config: GroupingConfig | None = None):
        self.config = config

    def __call__(self, corpus: Corpus, options: Options) -> None:
        config = self.config or GroupingConfig()
        threshold = options.extras.get("story_threshold") if options and options.extras else None
        if threshold is not None:
            config = replace(config, threshold=float(threshold))
        by_id = {a.id: a for a in corpus.articles}
        groups = group_articles(corpus.articles, config)
        stories = []
        for n, ids in enumerate(groups, 1):
            ordered = time_order([by_id[i] for i in ids])
            title = next((a.title for a in ordered if a.title), None)
            stories.append(Story(id=f"s{n}", title=title, articles=[a.id for a in ordered]))
        corpus.stories = stories
