"""Online story grouping: each new article joins the best recent story or opens a new one.

In the spirit of Miranda et al. (2018), "Multilingual clustering of streaming news": an article
is compared with the stories still open in its time window on several TF-IDF views (stemmed
body words, entity names, title words); the best story wins if its time-decayed score clears
a threshold. Nothing is re-clustered when an article arrives, and candidate stories come from
an inverted index over the articles' most distinctive terms, so the work per article depends
on the stories active in its window, not on everything seen so far.

As in Miranda et al., the views are combined by a learned scorer: a logistic regression over
article-versus-story features (body, lead, title, headline-against-body and headline-against-lead
and entity cosines, best single member, date gap, story span, and two name views that survive
different wording: the rarest entity names the article shares with everything the story has
gathered, and names shared through headlines) trained on both story golds
(``tests/gold/stories_gold.jsonl`` and ``stories_test_blind.jsonl``, both development data now)
by ``scripts/fit_story_scorer.py``, which chose its regularisation and joining threshold by
grouped (leave-stories-out) cross-validation over their union; the weights ship in
``stories/model/story_scorer.json``.
"""
from __future__ import annotations

import heapq
import math
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from itertools import islice, repeat

from ..document import Article, Corpus, Story
from ..lang import load_lines, stopwords
from ..pipeline import CorpusStage, Options
from .duplicates import body_text
from .stem import stem

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
_CAPITALISED = re.compile(r"(?<![\w.])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


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


@lru_cache(maxsize=1)
def lowercase_words() -> frozenset[str]:
    """Words of names that news mostly writes in lower case ("Dinas Kesehatan", "Puskesmas",
    "Kota"): as a name term they join two reports of unlike events in other towns that share an
    office's name (``entities/model/casing.tsv``: under 70 % of 10 or more mid-sentence uses
    capitalised)."""
    from ..entities.features import casing_uses

    return frozenset(w for w, (ratio, uses) in casing_uses().items() if uses >= 10 and ratio < 0.7)


# the capital: where most outlets' datelines are written, whatever the story's place
_DESK_PLACES = frozenset({"Jakarta"})


@lru_cache(maxsize=1)
def _place_kind_words() -> frozenset[str]:
    """Words that say what kind of place a name is, not which ("Kabupaten", "Jawa [Tengah]"):
    ``lang/id/place_prefixes.tsv``, ``place_words.txt`` and the grouping's name noise."""
    from ..entities.names import place_prefixes

    return name_noise() | frozenset(place_prefixes()) | {w.lower() for w in load_lines("place_words.txt")}


def _expanded_place(name: str) -> str:
    """A place name with a province's short form written out ("Jateng" -> "Jawa Tengah")."""
    from ..entities.names import expand_region

    return " ".join(expand_region(w) for w in name.split())


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


@lru_cache(maxsize=4)
def load_scorer(name: str) -> dict:
    """The learned article-joins-story model shipped in ``stories/model/`` (see
    ``scripts/fit_story_scorer.py``): feature names, weights, bias and joining threshold."""
    import json
    from importlib import resources

    from ..errors import DataFileError

    path = resources.files("telaah.stories").joinpath("model", name)
    try:
        model = json.loads(path.read_text("utf-8"))
        weights = {f: float(model["weights"][f]) for f in model["features"]}
        return {"features": tuple(model["features"]), "weights": weights, "bias": float(model["bias"]),
                "threshold": float(model["threshold"])}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataFileError(f"story scorer {name}: {exc}") from exc


# Every feature the scorer may use; a model file picks (and weighs) a subset.
FEATURES = ("body", "member", "entity", "title", "title_body", "title_lead", "lead", "gap", "span", "size", "undated",
            "name_rare", "title_names", "place_clash")
# How many of the rarest shared name terms count in ``name_rare`` / ``title_names`` (a sum of
# their rarities, so one very rare name weighs about as much as several common ones).
RARE_NAMES = 3


@dataclass(frozen=True)
class GroupingConfig:
    """How articles are compared. By default a learned scorer (``scorer``) combines the views;
    with ``scorer=None`` the hand weights below do (``plain()`` gives the TF-IDF baseline)."""

    threshold: float | None = None  # joining cut: a probability for the learned scorer (None: the model's)
    # A small batch is most often what a person gathered on one story ("five outlets on one
    # event"), not a slice of an archive, so it joins at a lower cut. The model's cut was chosen
    # inside a whole corpus, where each article meets up to 24 candidate stories and same-topic
    # neighbours abound; alone with a few others the same scores mislead far less. Measured on
    # the 78 multi-article gold stories, each analysed alone (``telaah eval stories-batch``).
    batch_articles: int = 12  # a batch of at most this many articles is small (0: never)
    batch_threshold: float = 0.15  # the learned scorer's cut for a small batch (chosen again, session 27)
    # A person's batch may follow one storyline over weeks (a bribery trial: the demand, then
    # the verdict three weeks on), so a small batch looks back ``batch_window_days``; a report
    # more than ``confident_days`` after a story's last article joins it only with a score of
    # ``batch_late_threshold`` (``telaah eval stories-batch``, scenario "+1 similar, 8-45 days").
    batch_window_days: float = 45.0
    batch_late_threshold: float = 0.9
    scorer: str | None = "story_scorer.json"
    scorer_weights: tuple[tuple[str, float], ...] | None = None  # overrides the file (fitting, tests)
    scorer_bias: float = 0.0
    # hand weights (scorer=None): the combination used before the learned scorer
    body_weight: float = 0.5  # cosine with the story centroid (stemmed body words)
    member_weight: float = 0.4  # best cosine with one recent member article
    entity_weight: float = 0.4  # cosine of entity-name bags (names and their words)
    title_weight: float = 0.3  # cosine of title words
    hand_threshold: float = 0.22
    # stories whose last article is older are closed; a story stays open while it receives
    # articles. A 10-day window scored the same in grouped CV over both story golds (pooled
    # strict F1 0.900 against 0.899, ``scripts/fit_story_scorer.py --window 10``) but chained
    # broad topics (mudik traffic over 18 days, three MotoGP weekends), so 7 days stays
    window_days: float | None = 7.0
    # A developing story may go quiet for a while: with ``confident_days`` set (and a longer
    # ``window_days``, which the streaming planner also replays), a report more than
    # ``confident_days`` after a story's last article joins it only with a score of
    # ``late_threshold`` or more. Off by default: grouped CV on the story gold did not support it
    # (window 14, confident 7, late 0.6: nested strict F1 0.906 against 0.910; see
    # ``scripts/fit_story_scorer.py --window``).
    confident_days: float | None = None
    late_threshold: float = 0.7
    decay_days: float | None = 6.0  # (hand weights) score *= exp(-(gap - grace) / decay_days)
    decay_grace_days: float = 3.0  # (hand weights) no decay for reports this many days apart
    retrieval_terms: int | None = 15  # top body terms of an article used to look up stories
    retrieval_names: int = 5  # and its top entity terms (cross-outlet reports share names, not wording)
    # Bounds that keep the work per article flat however many stories a window holds: score at
    # most ``max_candidates`` stories (those sharing the most lookup weight with the article;
    # IndoSum never offers more than 16, so real output is unchanged), and scan at most
    # ``max_postings`` stories per lookup term, the most recently joined first.
    max_candidates: int | None = 24
    max_postings: int | None = 500
    name_tokens: bool = True  # entity view also counts the single words of names ("N:madiun")
    span_days: float | None = 7.0  # (hand weights) score *= exp(-(days past first - span) / decay)
    lead_sentences: int = 2  # the lead: an article's first sentences say what happened
    stem: bool = True
    min_word: int = 3
    background: bool = True  # start from shipped IndoSum document frequencies (small runs need them)

    @classmethod
    def plain(cls, threshold: float = 0.3) -> "GroupingConfig":
        """Plain online TF-IDF centroid clustering: unstemmed body words, no time, no window."""
        return cls(scorer=None, hand_threshold=threshold, body_weight=1.0, member_weight=0.0, entity_weight=0.0,
                   title_weight=0.0, window_days=None, decay_days=None, retrieval_terms=None, retrieval_names=0,
                   stem=False, background=False, name_tokens=False, span_days=None, max_candidates=None,
                   max_postings=None)


# Entity types that pin a story down (who, where) count more than organisations, which recur
# across unrelated stories (KPK, DPR, Polri); unknown types (capitalised runs) count fully.
TYPE_WEIGHT = {"PER": 1.0, "LOC": 1.0, "GPE": 1.0, "EVT": 1.0, "ORG": 0.6}


Vector = dict[str, float]


def _normalise(counts: Counter, idf, scale: dict[str, float] | None = None) -> Vector:
    vec = {t: (1.0 + math.log(c)) * idf(t) * (scale.get(t, 1.0) if scale else 1.0) for t, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in vec.values()))
    return {t: w / norm for t, w in vec.items()} if norm else {}


_LOG_TF = tuple(1.0 + math.log(c) if c else 0.0 for c in range(256))  # 1 + log(tf), for common counts


_UNSEEN = object()
_TERM_TABLES: dict[tuple[int, bool], dict[str, str | None]] = {}


def _term_table(min_word: int, stemmed: bool) -> dict[str, str | None]:
    """word as written -> its term (None: too short or a stopword), filled as words come."""
    table = _TERM_TABLES.get((min_word, stemmed))
    if table is None:
        table = _TERM_TABLES[(min_word, stemmed)] = {}
    if len(table) > 500_000:  # a bound for very long runs over many vocabularies
        table.clear()
    return table


def _term(word: str, min_word: int, stemmed: bool) -> str | None:
    w = word.lower()
    if len(w) < min_word or w in stopwords():
        return None
    return stem(w) if stemmed else w


def _dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    # the same products summed in the same order as a generator would, with the loop in C
    return sum(map(operator.mul, a.values(), map(b.get, a, repeat(0.0))))


def _coverage(a: Vector, b: dict[str, float]) -> float:
    """Share of unit vector ``a``'s weight on terms that ``b`` has at all (a headline's words
    found anywhere in a body)."""
    return sum(w * w for t, w in a.items() if b.get(t, 0.0) > 0.0)


def _scaled_coverage(target: dict[str, float], norm: float, other: Vector) -> float:
    """``_coverage`` of ``target`` divided by ``norm`` (a story's summed headline vector) in
    ``other``, without building the unit vector."""
    if not other or not norm:
        return 0.0
    return sum(w * w for t, w in target.items() if t in other) / (norm * norm)


@dataclass
class _Features:
    body: Counter
    entities: Counter
    title: Counter
    lead: Counter = field(default_factory=Counter)
    entity_scale: dict[str, float] = field(default_factory=dict)
    places: frozenset[str] = frozenset()


@dataclass
class _Vectors:
    body: Vector
    entities: Vector
    title: Vector
    lead: Vector
    day: date | None
    lookup: list[tuple[str, float]] | None = None  # its lookup terms, worked out once
    names: dict[str, float] = field(default_factory=dict)  # entity term -> rarity (idf scaled to 0..1)
    title_names: frozenset[str] = frozenset()  # its name words that its headline carries
    places: frozenset[str] = frozenset()  # words of the places its lead names


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
    leads: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    leads_norm: float = 0.0
    recent: list[Vector] = field(default_factory=list)
    first: date | None = None
    last: date | None = None
    terms: set[str] = field(default_factory=set)  # the lookup terms it is indexed under
    names: dict[str, float] = field(default_factory=dict)  # every member's entity terms with their rarity
    title_names: set[str] = field(default_factory=set)  # name words in some member's headline
    places: set[str] = field(default_factory=set)  # words of the places its members' leads name
    closed: bool = False  # out of the time window: dropped from the index, vectors freed

    def __setstate__(self, state: dict) -> None:
        """A story pickled by an older telaah (a store's grouper state) has no name views yet:
        they start empty, so its later members still fill them."""
        state.setdefault("names", {})
        state.setdefault("title_names", set())
        state.setdefault("places", set())
        self.__dict__.update(state)


def _add_into(target: dict[str, float], vec: Vector) -> float:
    for t, w in vec.items():
        target[t] += w
    return math.sqrt(sum(w * w for w in target.values()))


def _cos(vec: Vector, target: dict[str, float], norm: float) -> float:
    return _dot(vec, target) / norm if vec and norm else 0.0


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
        self.weights: dict[str, float] = {}
        self.bias = 0.0
        self.threshold = self.config.hand_threshold
        if self.config.scorer is not None:
            model = load_scorer(self.config.scorer)
            self.weights, self.bias, self.threshold = dict(model["weights"]), model["bias"], model["threshold"]
            if self.config.scorer_weights is not None:
                self.weights, self.bias = dict(self.config.scorer_weights), self.config.scorer_bias
        if self.config.threshold is not None:
            self.threshold = self.config.threshold
        self._observed: set[str] = set()
        self._df_version = 0  # bumped whenever observe/absorb change the frequencies
        self._idf_key: tuple | None = None
        self._idf_values: dict[str, float] = {}
        self._features: dict[str, _Features] = {}
        self.clusters: list[_Cluster] = []
        self.story_of: dict[str, int] = {}
        # term -> ids of the open stories indexed under it, least recently joined first
        self._index: dict[str, dict[int, None]] = {}
        self._closing: list[tuple[int, int]] = []  # heap of (last day, story id): who closes next
        self.on_close = None  # optional callable(cluster) told when a story leaves the window
        # a batch with undated articles keeps closed stories' vectors and postings: an undated
        # article is placed last and may belong to any story, not only those still open then
        self.keep_closed = False

    def __copy__(self) -> "StoryGrouper":
        """A copy with its own story-closing heap (``scripts/fit_story_scorer.py`` copies a
        grouper and then replaces its clusters and index)."""
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        new._closing = list(self._closing)
        return new

    # -- features -------------------------------------------------------------------------
    def _terms(self, text: str) -> Counter:
        """Counts of the text's terms: lower-cased words of ``min_word`` letters or more, not
        stopwords, stemmed. Each distinct word is worked out once per process."""
        term_of = _term_table(self.config.min_word, self.config.stem)
        terms = []
        for word in _WORD.findall(text):
            term = term_of.get(word, _UNSEEN)
            if term is _UNSEEN:
                term = term_of[word] = _term(word, self.config.min_word, self.config.stem)
            if term is not None:
                terms.append(term)
        return Counter(terms)

    def _entity_terms(self, article: Article, body: str) -> tuple[Counter, dict[str, float]]:
        """Entity bag: each name in its fullest form in this article (nicknames resolved:
        "Jokowi" is "joko widodo"), and the single words of names; organisations weigh less."""
        out: Counter = Counter()
        scale: dict[str, float] = {}
        if self.config.scorer is None and self.config.entity_weight <= 0:
            return out, scale
        noise = name_noise() | lowercase_words()

        def add(phrase: str, weight: float) -> None:
            key = "E:" + phrase
            out[key] += 1
            scale[key] = max(scale.get(key, 0.0), weight)
            # a merged name and its words: "Wali Kota Madiun Bambang Irianto" shares "madiun"
            # and "bambang" with a report that writes "Bambang" and "Kota Madiun"
            if self.config.name_tokens:
                for word in phrase.split():
                    if len(word) >= 3 and word not in noise:
                        out["N:" + word] += 1
                        scale["N:" + word] = max(scale.get("N:" + word, 0.0), weight)

        if article.mentions:
            from ..entities.merge import person_alias

            fullest: dict[str, str] = {}
            for m in article.mentions:  # one name per entity in this article: its longest form
                key = m.entity or m.text.lower()
                if len(m.text) > len(fullest.get(key, "")):
                    fullest[key] = m.text
            for m in article.mentions:
                name = fullest[m.entity or m.text.lower()]
                name = (person_alias(name) or name) if m.type == "PER" else name
                add(name.lower(), TYPE_WEIGHT.get(m.type, 0.8))
            return out, scale
        # no entity stage ran: capitalised word runs inside sentences stand in for names
        stop = stopwords()
        for line in body.split("\n"):
            for m in _CAPITALISED.finditer(line):
                if m.start() == 0:
                    continue  # sentence-initial capital says nothing
                phrase = m.group().lower()
                if phrase in stop or len(phrase) < 3:
                    continue
                add(phrase, 1.0)
        return out, scale

    def features(self, article: Article) -> _Features:
        cached = self._features.get(article.id)
        if cached is None:
            body = body_text(article)
            entities, scale = self._entity_terms(article, body)
            lead = "\n".join(body.split("\n")[: self.config.lead_sentences]) if self.config.lead_sentences else ""
            title = article.title
            if not title and self.config.scorer is not None:
                # the scorer was fitted on titled articles; an untitled one offers its first
                # sentence, which in news says what the headline would
                title = next((line for line in body.split("\n") if line.strip()), "")
            use_title = title and (self.config.scorer is not None or self.config.title_weight > 0)
            cached = _Features(
                body=self._terms(body),
                entities=entities,
                title=self._terms(title) if use_title else Counter(),
                lead=self._terms(lead) if lead and self.config.scorer is not None else Counter(),
                entity_scale=scale,
                places=self._lead_places(article),
            )
            self._features[article.id] = cached
        return cached

    def _lead_places(self, article: Article) -> frozenset[str]:
        """Words of the places the lead names (its dateline included): two reports of one kind
        of event in two provinces ("keracunan" in Wanasari, Jawa Tengah and in Teluk Damar,
        Sulawesi Tenggara) share the event's words but not its place."""
        if not article.mentions or not article.sentences or not self.config.lead_sentences:
            return frozenset()
        lead = {s.id for s in article.sentences[: self.config.lead_sentences]}
        from ..entities.merge import indonesian_place

        noise = _place_kind_words()
        words = set()
        for m in article.mentions:
            if m.type != "LOC" or m.sentence not in lead:
                continue
            name = _expanded_place(m.text)
            known = indonesian_place(name)
            if not known or known in _DESK_PLACES:
                continue  # abroad, unknown (a venue, a misread name) or the capital's news desks
            words.update(w for w in name.lower().split() if len(w) >= 3 and w not in noise)
        return frozenset(words)

    def observe(self, article: Article) -> None:
        """Count the article's terms into the document frequencies (once per id)."""
        if article.id in self._observed:
            return
        self._observed.add(article.id)
        f = self.features(article)
        self.documents += 1
        self.df.update(set(f.body) | set(f.entities) | set(f.title))
        self._df_version += 1

    def absorb(self, documents: int, df: Counter, ids: Iterable[str]) -> None:
        """Count documents observed elsewhere (``telaah run`` observes each shard in a worker
        and merges the counts here), exactly as if ``observe`` had seen them."""
        self.documents += documents
        self.df.update(df)
        self._df_version += 1
        self._observed.update(ids)

    def _idf(self, term: str) -> float:
        return math.log((self.documents + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def _idf_memo(self) -> dict[str, float]:
        """Term -> idf while the frequencies stay as they are (a run observes every article
        before grouping, so one table serves the whole pass); rebuilt when they change."""
        key = (id(self.df), self.documents, self._df_version)
        if self._idf_key != key:
            self._idf_key, self._idf_values = key, {}
        return self._idf_values

    def _weigh(self, counts: Counter, scale: dict[str, float] | None = None) -> Vector:
        """``_normalise(counts, self._idf, scale)`` with memoised idf and log tf: the same
        products in the same order, so the same floats."""
        memo = self._idf_memo()
        docs, df = self.documents + 1, self.df
        vec = {}
        for t, c in counts.items():
            idf = memo.get(t)
            if idf is None:
                idf = memo[t] = math.log(docs / (df.get(t, 0) + 1)) + 1.0
            tf = _LOG_TF[c] if c < len(_LOG_TF) else 1.0 + math.log(c)
            vec[t] = tf * idf * (scale.get(t, 1.0) if scale else 1.0)
        norm = math.sqrt(sum(w * w for w in vec.values()))
        return {t: w / norm for t, w in vec.items()} if norm else {}

    def _rarity(self, terms: Iterable[str]) -> dict[str, float]:
        """Term -> idf scaled to 0..1 (a name in one article of the corpus is near 1, a name
        in every tenth article about 0.3): how much sharing it says."""
        memo = self._idf_memo()
        docs, df = self.documents + 1, self.df
        top = math.log(docs) or 1.0
        out = {}
        for t in terms:
            idf = memo.get(t)
            if idf is None:
                idf = memo[t] = math.log(docs / (df.get(t, 0) + 1)) + 1.0
            out[t] = max(0.0, idf - 1.0) / top
        return out

    def vectors(self, article: Article) -> _Vectors:
        f = self.features(article)
        title_names: frozenset[str] = frozenset()
        if f.title and f.entities:
            term_of = _term_table(self.config.min_word, self.config.stem)
            headline = []
            for t in f.entities:
                if t.startswith("N:"):
                    word = t[2:]
                    term = term_of.get(word, _UNSEEN)
                    if term is _UNSEEN:
                        term = term_of[word] = _term(word, self.config.min_word, self.config.stem)
                    if term is not None and term in f.title:
                        headline.append(t)
            title_names = frozenset(headline)
        return _Vectors(
            body=self._weigh(f.body),
            entities=self._weigh(f.entities, f.entity_scale) if f.entities else {},
            title=self._weigh(f.title) if f.title else {},
            lead=self._weigh(f.lead) if f.lead else {},
            day=firm_date(article),
            names=self._rarity(f.entities) if f.entities else {},
            title_names=title_names,
            places=f.places,
        )

    # -- grouping -------------------------------------------------------------------------
    def _lookup(self, v: _Vectors) -> list[tuple[str, float]]:
        """The article's most distinctive terms with their weights: the top body terms by
        TF-IDF weight, then the top entity terms."""
        if v.lookup is not None:
            return v.lookup
        cfg = self.config

        def top(vec: Vector, k: int | None) -> list[str]:
            key = lambda t: (-vec[t], t)  # noqa: E731
            return heapq.nsmallest(k, vec, key=key) if k else sorted(vec, key=key)

        out = [(t, v.body[t]) for t in top(v.body, cfg.retrieval_terms)]
        if cfg.retrieval_names and v.entities and cfg.scorer is not None:  # hand weights: as fitted, body terms only
            out += [(t, v.entities[t]) for t in top(v.entities, cfg.retrieval_names)]
        v.lookup = out
        return out

    def _lookup_terms(self, v: _Vectors) -> list[str]:
        return [t for t, _ in self._lookup(v)]

    def _close_before(self, day: date) -> None:
        """Close every story whose last article is more than the window before ``day``: it
        leaves the index and frees its vectors, so neither lookups nor memory grow with the
        stories seen so far. Articles come in time order, so a closed story stays closed
        (unless a near-copy of one of its articles joins it, which reopens it)."""
        window = self.config.window_days
        if window is None:
            return
        cutoff = day.toordinal() - window
        heap = self._closing
        while heap and heap[0][0] < cutoff:
            last, cid = heapq.heappop(heap)
            c = self.clusters[cid]
            if c.closed or c.last is None or c.last.toordinal() != last:
                continue  # joined since (a newer entry is in the heap) or already closed
            self._close(c)

    def _close(self, c: _Cluster) -> None:
        if self.keep_closed:
            c.closed = True
            if self.on_close is not None:
                self.on_close(c)
            return
        for t in c.terms:
            postings = self._index.get(t)
            if postings is not None:
                postings.pop(c.id, None)
                if not postings:
                    del self._index[t]
        c.terms = set()
        c.centroid, c.entities, c.titles, c.leads = (defaultdict(float) for _ in range(4))
        c.centroid_norm = c.entities_norm = c.titles_norm = c.leads_norm = 0.0
        c.recent = []
        c.names, c.title_names = {}, set()
        c.closed = True
        if self.on_close is not None:
            self.on_close(c)

    def _candidates(self, v: _Vectors) -> list[_Cluster]:
        """The open stories sharing a lookup term with the article, in lookup-term order
        (story ids ascending within a term); at most ``max_candidates`` of them, those sharing
        the most lookup weight."""
        cfg = self.config
        day = v.day
        if day:
            self._close_before(day)
        shared: dict[int, float] = {}
        order: list[int] = []
        cap = cfg.max_postings
        for t, w in self._lookup(v):
            postings = self._index.get(t)
            if not postings:
                continue
            scan = postings if not cap or len(postings) <= cap else islice(reversed(postings), cap)
            fresh = []
            for cid in scan:
                if cid in shared:
                    shared[cid] += w
                    continue
                c = self.clusters[cid]
                if day and c.closed:
                    continue  # kept for undated articles only (``keep_closed``)
                if cfg.window_days is not None and day and c.last and (day - c.last).days > cfg.window_days:
                    continue  # an article older than the stream's newest: this story is closed for it
                shared[cid] = w
                fresh.append(cid)
            fresh.sort()
            order.extend(fresh)
        if cfg.max_candidates and len(order) > cfg.max_candidates:
            keep = set(heapq.nlargest(cfg.max_candidates, order, key=lambda cid: (shared[cid], cid)))
            order = [cid for cid in order if cid in keep]
        return [self.clusters[cid] for cid in order]

    def pair_features(self, c: _Cluster, v: _Vectors) -> dict[str, float]:
        """What the scorer sees of an article against one open story."""
        day = v.day
        gap = span = 0.0
        if day and c.first and c.last:
            gap = 0 if c.first <= day <= c.last else min(abs((day - c.first).days), abs((day - c.last).days))
            span = max(0, (day - c.first).days)
        title_body = title_lead = 0.0
        if v.title:
            if c.centroid_norm:
                title_body += _coverage(v.title, c.centroid)
            if c.leads_norm:
                title_lead += _coverage(v.title, c.leads)
        if c.titles_norm:
            # the story's headlines found in this article's body / lead (headlines say what happened)
            title_body += _scaled_coverage(c.titles, c.titles_norm, v.body)
            title_lead += _scaled_coverage(c.titles, c.titles_norm, v.lead)
        if len(c.members) == 1 and len(c.recent) == 1 and v.body and c.centroid_norm:
            # one member: its centroid holds the same weights as its one vector, in the same
            # order, so the two dot products are the same float; compute it once
            member = _dot(v.body, c.recent[0])
            body = member / c.centroid_norm
        else:
            body = _cos(v.body, c.centroid, c.centroid_norm)
            member = max((_dot(v.body, m) for m in c.recent), default=0.0)
        names = c.names
        # a full name and its words are separate terms, so one shared rare full name counts up to
        # three times; counting each name once was tried (CV strict F1 0.897, blind file 0.837
        # against 0.899 and 0.869) and merged other hard negatives instead
        shared = [w for t, w in v.names.items() if t in names] if names else []
        # headline names: a name in this headline that the story carries, or a name in the
        # story's headlines that this article carries (reports of one event name its actors)
        in_titles = [w for t in v.title_names if (w := names.get(t)) is not None] if names else []
        in_titles += [w for t in c.title_names if t not in v.title_names and (w := v.names.get(t)) is not None]
        return {
            "body": body,
            "member": member,
            "entity": _cos(v.entities, c.entities, c.entities_norm),
            "title": _cos(v.title, c.titles, c.titles_norm),
            "title_body": title_body / 2,
            "title_lead": title_lead / 2,
            "lead": _cos(v.lead, c.leads, c.leads_norm),
            "gap": math.log1p(gap),
            "span": math.log1p(span),
            "size": math.log(len(c.members)) if c.members else 0.0,
            "undated": 0.0 if (day and c.first) else 1.0,
            "name_rare": sum(heapq.nlargest(RARE_NAMES, shared)) if shared else 0.0,
            "title_names": sum(heapq.nlargest(RARE_NAMES, in_titles)) if in_titles else 0.0,
            "place_clash": 1.0 if v.places and c.places and v.places.isdisjoint(c.places) else 0.0,
        }

    def _score(self, c: _Cluster, v: _Vectors) -> float:
        if self.config.scorer is not None:
            x = self.pair_features(c, v)
            z = self.bias + sum(w * x[f] for f, w in self.weights.items())
            return 1.0 / (1.0 + math.exp(-z))
        return self._hand_score(c, v)

    def _hand_score(self, c: _Cluster, v: _Vectors) -> float:
        cfg, day = self.config, v.day
        parts = [(cfg.body_weight, _cos(v.body, c.centroid, c.centroid_norm))]
        if cfg.member_weight > 0:
            parts.append((cfg.member_weight, max((_dot(v.body, m) for m in c.recent), default=0.0)))
        if cfg.entity_weight > 0 and v.entities and c.entities_norm:
            parts.append((cfg.entity_weight, _cos(v.entities, c.entities, c.entities_norm)))
        if cfg.title_weight > 0 and v.title and c.titles_norm:
            parts.append((cfg.title_weight, _cos(v.title, c.titles, c.titles_norm)))
        total = sum(w for w, _ in parts)
        score = sum(w * s for w, s in parts) / total if total else 0.0
        if cfg.decay_days and day and c.first and c.last:
            gap = 0 if c.first <= day <= c.last else min(abs((day - c.first).days), abs((day - c.last).days))
            score *= math.exp(-max(0, gap - cfg.decay_grace_days) / cfg.decay_days)
        if cfg.span_days is not None and cfg.decay_days and day and c.first:
            # a storyline that has run for weeks is a topic, not a story
            score *= math.exp(-max(0, (day - c.first).days - cfg.span_days) / cfg.decay_days)
        return score

    def late_blocked(self, c: _Cluster, v: _Vectors, score: float) -> bool:
        """Whether a join that would clear the threshold is refused because the article comes
        more than ``confident_days`` after the story's last article without a score of
        ``late_threshold``: a continuation after a quiet spell needs strong evidence."""
        late_after = self.config.confident_days
        return (late_after is not None and v.day is not None and c.last is not None
                and (v.day - c.last).days > late_after and score < self.config.late_threshold)

    def _place(self, article: Article, cluster: _Cluster, v: _Vectors) -> None:
        cluster.members.append(article.id)
        cluster.centroid_norm = _add_into(cluster.centroid, v.body)
        if v.entities:
            cluster.entities_norm = _add_into(cluster.entities, v.entities)
        if v.title:
            cluster.titles_norm = _add_into(cluster.titles, v.title)
        if v.lead:
            cluster.leads_norm = _add_into(cluster.leads, v.lead)
        cluster.recent = (cluster.recent + [v.body])[-self.RECENT_MEMBERS:]
        if v.names:
            cluster.names.update(v.names)
            cluster.title_names.update(v.title_names)
        cluster.places.update(v.places)
        if v.day:
            cluster.first = v.day if cluster.first is None else min(cluster.first, v.day)
            last = cluster.last
            cluster.last = v.day if last is None else max(last, v.day)
            if cluster.last != last or cluster.closed:
                heapq.heappush(self._closing, (cluster.last.toordinal(), cluster.id))
        cluster.closed = False
        for t in self._lookup_terms(v):
            postings = self._index.get(t)
            if postings is None:
                postings = self._index[t] = {}
            postings.pop(cluster.id, None)  # most recently joined last
            postings[cluster.id] = None
            cluster.terms.add(t)
        self.story_of[article.id] = cluster.id
        self._features.pop(article.id, None)  # placed: its features are in the story's vectors now

    def _new_cluster(self) -> _Cluster:
        c = _Cluster(id=len(self.clusters))
        self.clusters.append(c)
        return c

    def add(self, article: Article) -> int:
        """Put one article in a story (joining or opening one); returns the story's number."""
        if article.id in self.story_of:
            return self.story_of[article.id]
        self.observe(article)
        v = self.vectors(article)
        target: _Cluster | None = None
        if article.duplicate_of and article.duplicate_of in self.story_of:
            target = self.clusters[self.story_of[article.duplicate_of]]
        else:
            best_score = self.threshold
            for c in self._candidates(v):
                s = self._score(c, v)
                if s >= best_score and not self.late_blocked(c, v, s):
                    target, best_score = c, s
        self._place(article, target or self._new_cluster(), v)
        return self.story_of[article.id]

    def add_as(self, article: Article, story_with: str | None) -> list[tuple[int, dict[str, float]]]:
        """Training aid (``scripts/fit_story_scorer.py``): the features of ``article`` against
        every candidate story, then place it with article ``story_with`` (a new story if None)."""
        self.observe(article)
        v = self.vectors(article)
        seen = [(c.id, self.pair_features(c, v)) for c in self._candidates(v)]
        target = self.clusters[self.story_of[story_with]] if story_with is not None else self._new_cluster()
        self._place(article, target, v)
        return seen

    def stories(self) -> list[list[str]]:
        return [list(c.members) for c in self.clusters]


def time_order(articles: Sequence[Article]) -> list[Article]:
    """Articles earliest first (undated ones last), input order breaking ties."""
    return [a for _, a in sorted(enumerate(articles), key=lambda p: (firm_date(p[1]) or date.max, p[0]))]


def batch_config(config: GroupingConfig | None, size: int) -> GroupingConfig:
    """The config for grouping ``size`` articles at once: a small batch under the learned scorer
    (and no threshold given) joins at ``batch_threshold`` and looks back ``batch_window_days``,
    past the usual window only with a score of ``batch_late_threshold``."""
    config = config or GroupingConfig()
    if (config.threshold is None and config.scorer is not None and config.scorer_weights is None
            and 0 < size <= config.batch_articles):
        config = replace(config, threshold=config.batch_threshold)
        if config.window_days is not None and config.confident_days is None:
            config = replace(config, window_days=max(config.window_days, config.batch_window_days),
                             confident_days=config.window_days, late_threshold=config.batch_late_threshold)
    return config


def group_articles(articles: Iterable[Article], config: GroupingConfig | None = None) -> list[list[str]]:
    """Group a batch: learn document frequencies over all of it, then add in time order."""
    ordered = time_order(list(articles))
    grouper = StoryGrouper(batch_config(config, len(ordered)))
    # undated articles come last; they may belong to a story closed by then (a wire copy with no
    # date about a hearing three weeks before the verdict that came in dated)
    grouper.keep_closed = any(firm_date(a) is None for a in ordered)
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
        if options and options.extras and options.extras.get("one_story"):
            groups = [[a.id for a in corpus.articles]] if corpus.articles else []  # the caller knows
        else:
            groups = group_articles(corpus.articles, config)
        stories = []
        for n, ids in enumerate(groups, 1):
            ordered = time_order([by_id[i] for i in ids])
            title = next((a.title for a in ordered if a.title), None)
            stories.append(Story(id=f"s{n}", title=title, articles=[a.id for a in ordered]))
        corpus.stories = stories
