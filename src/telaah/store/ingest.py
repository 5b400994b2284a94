"""Ingesting articles into the store: read, skip what is stored, analyse, group, commit in
batches, then recompute the derived data of every story that changed.

Grouping is online (``telaah.stories.grouping.StoryGrouper``): its state is pickled into the
store with a version tag after every batch, so new articles join existing stories without
re-clustering. A missing or outdated state is rebuilt from the stored articles (and the
assignments it gives are applied; story ids are kept by majority overlap).

Each batch of new articles is one transaction (articles, story assignments, grouping state), so
a killed ingest loses nothing committed; stories whose members changed are marked ``stale`` in
that same transaction, and their summary, disputes, conflicts, timeline and dossier are then
recomputed one story per transaction. A rerun skips what is stored and finishes stale stories.

The pickles (grouping state, analysed articles) are code: open only stores you trust.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from ..document import Article, Corpus, Story
from ..dossier.readout import contradicts
from ..pipeline import CorpusStage, Options, check_order
from .keys import content_hash, entity_key, fold

BATCH_SIZE = 50
STATE_FORMAT = 1
# Test hook: end the process (as a kill would) right after this many batch commits.
KILL_AFTER_ENV = "TELAAH_STORE_KILL_AFTER_COMMITS"

# What a reader gives an article; enough to analyse it again without the original file.
READER_FIELDS = ("id", "text", "source", "url", "title", "published", "outlet", "credit",
                 "input_kind", "warnings")

Progress = Callable[[int, "int | None", str], None]


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@lru_cache(maxsize=1)
def _layout_hash() -> str:
    """Field names of the document model: a pickle from another layout cannot be trusted."""
    from .. import document

    parts = []
    for name in sorted(dir(document)):
        obj = getattr(document, name)
        if isinstance(obj, type) and is_dataclass(obj) and obj.__module__ == document.__name__:
            parts.append(name + ":" + ",".join(f.name for f in fields(obj)))
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:10]


@lru_cache(maxsize=1)
def analysis_version() -> str:
    from .. import __version__

    return f"{__version__}/{_layout_hash()}"


@lru_cache(maxsize=1)
def grouper_version() -> str:
    from .. import __version__
    from ..stories import grouping

    src = Path(grouping.__file__).read_bytes()
    return f"{STATE_FORMAT}/{__version__}/{_layout_hash()}/{hashlib.sha1(src).hexdigest()[:12]}"


# -- articles -------------------------------------------------------------------------------
def reader_state(article: Article) -> dict:
    state = {k: getattr(article, k) for k in READER_FIELDS}
    state["published"] = article.published.isoformat() if article.published else None
    state["warnings"] = list(article.warnings)
    return state


def article_from_state(state: dict) -> Article:
    from datetime import date

    kwargs = {k: state.get(k) for k in READER_FIELDS}
    kwargs["published"] = date.fromisoformat(state["published"]) if state.get("published") else None
    kwargs["warnings"] = list(state.get("warnings") or [])
    kwargs["input_kind"] = state.get("input_kind") or "text"
    return Article(**kwargs)


def analyse_article(article: Article, options: Options) -> Article:
    from ..analyze import default_pipeline

    if article.published is None and options.published is not None:
        article.published = options.published
    return default_pipeline().process_article(article, options)


def pack_article(article: Article) -> bytes:
    raw, article.raw = article.raw, None  # the raw input is stored once, in its own column
    try:
        return zlib.compress(pickle.dumps(article, protocol=5), 1)
    finally:
        article.raw = raw


def unpack_article(blob: bytes) -> Article:
    article = pickle.loads(zlib.decompress(blob))
    if not isinstance(article, Article):
        raise TypeError("not an Article")
    return article


# -- one story's derived data ---------------------------------------------------------------
class _OneStory(CorpusStage):
    """Stands in for story grouping: the store already knows the story's members."""

    name = "stories"
    assigns = ("corpus.stories",)

    def __init__(self, story_id: str):
        self.story_id = story_id

    def __call__(self, corpus: Corpus, options: Options) -> None:
        title = next((a.title for a in corpus.articles if a.title), None)
        corpus.stories = [Story(id=self.story_id, title=title, articles=[a.id for a in corpus.articles])]


class _PrefixEntities(CorpusStage):
    """Entity ids e1.. become ``<story>.e1`` so that dossiers of several stories can be merged."""

    name = "store_entity_ids"

    def __init__(self, story_id: str):
        self.prefix = story_id + "."

    def __call__(self, corpus: Corpus, options: Options) -> None:
        p = self.prefix

        def re_id(x):
            return p + x if x and not x.startswith(p) else x

        for e in corpus.entities:
            e.id = re_id(e.id)
        for a in corpus.articles:
            for m in a.mentions:
                m.entity = re_id(m.entity)
            for q in a.quotes:
                for sp in (q.speaker, q.reported_by):
                    if sp is not None:
                        sp.entity = re_id(sp.entity)
            for n in a.numbers:
                n.attributed_to = re_id(n.attributed_to)


class _PrefixIds(CorpusStage):
    """Quote, number and time ids q1.. become ``<story>.q1`` (before anything cites them)."""

    name = "store_ids"

    def __init__(self, story_id: str):
        self.prefix = story_id + "."

    def __call__(self, corpus: Corpus, options: Options) -> None:
        p = self.prefix
        for a in corpus.articles:
            for x in (*a.quotes, *a.numbers, *a.times):
                if x.id and not x.id.startswith(p):
                    x.id = p + x.id
            for n in a.numbers:
                if n.quote and not n.quote.startswith(p):
                    n.quote = p + n.quote


def story_stages(story_id: str) -> list[CorpusStage]:
    """The corpus stages of ``analyze`` with grouping replaced by the stored assignment."""
    return [stage if stage is not None else make(story_id) for stage, make in _story_plan()]


@lru_cache(maxsize=1)
def _story_plan() -> tuple[tuple[CorpusStage | None, Callable[[str], CorpusStage] | None], ...]:
    """``story_stages`` as (stage, None) for a stage shared by every story and (None, maker of
    the story's own stage); built and order-checked once per process, not once per story (a run
    of many small stories paid for rebuilding and re-importing the stages each time)."""
    from ..analyze import article_stages, corpus_stages

    plan: list[tuple[CorpusStage | None, Callable[[str], CorpusStage] | None]] = []
    for stage in corpus_stages():
        if "corpus.stories" in stage.assigns:
            plan.append((None, _OneStory))
            continue
        plan.append((stage, None))
        if "corpus.entities" in stage.assigns:
            plan.append((None, _PrefixEntities))
        if "quote.id" in stage.assigns:
            plan.append((None, _PrefixIds))
    check_order([*article_stages(), *(stage if stage is not None else make("s") for stage, make in plan)])
    return tuple(plan)


def analyse_story(story_id: str, articles: list[Article], options: Options) -> dict:
    """The dossier of one story: every corpus stage but grouping, over its articles."""
    from ..dossier import to_dossier
    from ..stories.grouping import time_order

    corpus = Corpus(articles=time_order(articles))
    for stage in story_stages(story_id):
        stage(corpus, options)
        corpus.done.add(stage.name)
    return to_dossier(corpus)


# -- report ---------------------------------------------------------------------------------
@dataclass
class IngestReport:
    """What one ingest did; ``line()`` is the one-line summary the CLI prints."""

    read: int = 0
    new: int = 0
    duplicates: int = 0
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # (path, code, reason)
    stories_touched: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # files in folders that are not articles
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (given id, stored id)
    regrouped: bool = False

    def line(self) -> str:
        skipped = f"skipped {len(self.skipped)}"
        if self.skipped:
            codes = Counter(code for _, code, _ in self.skipped)
            skipped += " (" + ", ".join(f"{c} x{n}" for c, n in sorted(codes.items())) + ")"
        return (f"read {self.read}, new {self.new}, duplicates {self.duplicates}, {skipped}, "
                f"stories touched {len(self.stories_touched)}")

    def to_dict(self) -> dict:
        return {"read": self.read, "new": self.new, "duplicates": self.duplicates,
                "skipped": [list(s) for s in self.skipped], "stories_touched": list(self.stories_touched),
                "ignored": list(self.ignored), "renamed": [list(r) for r in self.renamed],
                "regrouped": self.regrouped}


# -- the ingest -----------------------------------------------------------------------------
class Ingest:
    """One ingest run against an open store's backend ``db``."""

    def __init__(self, db, options: Options | None = None, progress: Progress | None = None,
                 batch_size: int = BATCH_SIZE):
        self.db = db
        self.options = options or Options()
        self.progress = progress or (lambda done, total, label: None)
        self.batch_size = max(1, batch_size)
        self.report = IngestReport()
        self.grouper = None
        self.clusters: dict[int, str] = {}
        self.commits = 0
        kill = os.environ.get(KILL_AFTER_ENV)
        self.kill_after = int(kill) if kill and kill.isdigit() else None

    # grouping state ------------------------------------------------------------------------
    def load_grouper(self) -> None:
        from ..stories.grouping import StoryGrouper

        row = self.db.one("SELECT version, state, clusters FROM grouper WHERE id = 1")
        n_articles = self.db.one("SELECT COUNT(*) AS n FROM articles")["n"]
        if row is not None and row["version"] == grouper_version():
            try:
                grouper = pickle.loads(zlib.decompress(row["state"]))
                clusters = {int(k): v for k, v in json.loads(row["clusters"]).items()}
                if isinstance(grouper, StoryGrouper) and len(grouper.story_of) == n_articles:
                    self.grouper, self.clusters = grouper, clusters
                    return
            except Exception:  # an unreadable state is rebuilt below
                pass
        self.grouper, self.clusters = StoryGrouper(self._config()), {}
        if n_articles:
            self.regroup()

    def _config(self):
        from dataclasses import replace

        from ..stories.grouping import GroupingConfig

        config = GroupingConfig()
        threshold = self.options.extras.get("story_threshold") if self.options.extras else None
        return replace(config, threshold=float(threshold)) if threshold is not None else config

    def _state_row(self) -> tuple:
        clusters = json.dumps({str(k): v for k, v in self.clusters.items()})
        try:
            return grouper_version(), zlib.compress(pickle.dumps(self.grouper, protocol=5), 1), clusters, now()
        except (pickle.PicklingError, TypeError, AttributeError):
            # a grouper that cannot be pickled is rebuilt from the stored articles next time
            return "unpicklable", b"", clusters, now()

    def save_grouper(self) -> None:
        self.db.run("INSERT INTO grouper (id, version, state, clusters, updated_at) VALUES (1, ?, ?, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET version = excluded.version, state = excluded.state, "
                    "clusters = excluded.clusters, updated_at = excluded.updated_at", self._state_row())

    def regroup(self) -> None:
        """Rebuild the grouping from every stored article; keep story ids by majority overlap."""
        from ..stories.grouping import time_order

        self.report.regrouped = True
        rows = self.db.query("SELECT id, story_id FROM articles ORDER BY seq")
        old = {r["id"]: r["story_id"] for r in rows}
        articles = [self.load_article(r["id"]) for r in rows]
        ordered = time_order(articles)
        for a in ordered:
            self.grouper.observe(a)
        for a in ordered:
            self.grouper.add(a)
        overlaps = []
        for n, members in enumerate(self.grouper.stories()):
            for sid, count in Counter(old[m] for m in members if old.get(m)).items():
                overlaps.append((-count, n, sid))
        used_ids: set[str] = set()
        self.clusters = {}
        for _, n, sid in sorted(overlaps):
            if n not in self.clusters and sid not in used_ids:
                self.clusters[n] = sid
                used_ids.add(sid)
        with self.db.transaction():
            for n, members in enumerate(self.grouper.stories()):
                sid = self.clusters.get(n) or self.new_story_id()
                self.clusters[n] = sid
                self.ensure_story(sid)
                for m in members:
                    if old.get(m) != sid:
                        self.db.run("UPDATE articles SET story_id = ? WHERE id = ?", (sid, m))
                        self.mark_stale(sid)
                        if old.get(m):
                            self.mark_stale(old[m])
            self.save_grouper()

    # stories -------------------------------------------------------------------------------
    def new_story_id(self) -> str:
        row = self.db.one("SELECT value FROM meta WHERE key = 'next_story'")
        n = int(row["value"]) if row else 1
        self.db.run("INSERT INTO meta (key, value) VALUES ('next_story', ?) ON CONFLICT (key) DO UPDATE "
                    "SET value = excluded.value", (str(n + 1),))
        return f"s{n}"

    def ensure_story(self, sid: str) -> None:
        t = now()
        self.db.run("INSERT INTO stories (id, created_at, updated_at, stale) VALUES (?, ?, ?, 1) "
                    "ON CONFLICT (id) DO NOTHING", (sid, t, t))

    def mark_stale(self, sid: str) -> None:
        self.db.run("UPDATE stories SET stale = 1 WHERE id = ?", (sid,))

    # duplicates ----------------------------------------------------------------------------
    def duplicate_of(self, article: Article, digest: str, batch: dict) -> str | None:
        """The stored (or earlier in this run) article this one repeats: same normalised text,
        same URL, or same id from the same source."""
        if digest in batch:
            return batch[digest]
        if article.url and ("url", article.url) in batch:
            return batch[("url", article.url)]
        if ("id", article.id, article.source) in batch:
            return batch[("id", article.id, article.source)]
        row = self.db.one("SELECT id FROM articles WHERE content_hash = ? LIMIT 1", (digest,))
        if row is None and article.url:
            row = self.db.one("SELECT id FROM articles WHERE url = ? LIMIT 1", (article.url,))
        if row is None:
            row = self.db.one("SELECT id FROM articles WHERE id = ? AND (source = ? OR (source IS NULL AND ? IS NULL))",
                              (article.id, article.source, article.source))
        return row["id"] if row else None

    def unique_id(self, article: Article, batch: dict) -> None:
        base = article.id or "article"
        new, n = base, 1
        while ("taken", new) in batch or self.db.one("SELECT 1 AS x FROM articles WHERE id = ?", (new,)):
            n += 1
            new = f"{base}-{n}"
        if new != base:
            article.warnings.append(f"id '{base}' was already used by another article in the store; "
                                    f"this article is '{new}'")
            self.report.renamed.append((base, new))
            article.id = new

    # the run -------------------------------------------------------------------------------
    def run(self, paths: Iterable[str], stdin=None, total: int | None = None) -> IngestReport:
        from ..readers import IgnoredFile, InputProblem, read_inputs

        self.load_grouper()
        batch: list[tuple[Article, dict, str]] = []
        seen: dict = {}
        done = 0
        for item in read_inputs(paths, self.options.published, self.options.max_bytes, stdin=stdin):
            if isinstance(item, IgnoredFile):
                self.report.ignored.append(item.path)
                continue
            done += 1
            if isinstance(item, InputProblem):
                self.report.skipped.append((item.path, item.code, item.reason))
                self.progress(done, total, item.path)
                continue
            self.report.read += 1
            digest = content_hash(item.text)
            if self.duplicate_of(item, digest, seen):
                self.report.duplicates += 1
                self.progress(done, total, item.id)
                continue
            self.unique_id(item, seen)
            if item.published is None and self.options.published is not None:
                item.published = self.options.published
            state = reader_state(item)
            seen[digest] = item.id
            if item.url:
                seen[("url", item.url)] = item.id
            seen[("id", item.id, item.source)] = item.id
            seen[("taken", item.id)] = True
            analyse_article(item, self.options)
            batch.append((item, state, digest))
            self.progress(done, total, item.id)
            if len(batch) >= self.batch_size:
                self.commit_batch(batch)
                batch = []
        if batch:
            self.commit_batch(batch)
        self.refresh()
        return self.report

    def commit_batch(self, batch: list[tuple[Article, dict, str]]) -> None:
        """Group the batch's articles and store them with the grouping state, in one transaction."""
        from ..stories.duplicates import find_near_duplicates
        from ..stories.grouping import time_order

        articles = [a for a, _, _ in batch]
        copies = find_near_duplicates(articles)  # near-copies join their original's story
        for a in articles:
            a.duplicate_of = copies.get(a.id)
        ordered = time_order(articles)
        for a in ordered:
            self.grouper.observe(a)
        placed: dict[str, int] = {a.id: self.grouper.add(a) for a in ordered}
        row = self.db.one("SELECT MAX(seq) AS m FROM articles")
        seq = (row["m"] or 0) if row else 0
        t = now()
        with self.db.transaction():
            touched = []
            for a, state, digest in batch:
                a.duplicate_of = None  # decided again inside the story
                n = placed[a.id]
                sid = self.clusters.get(n)
                if sid is None:
                    sid = self.clusters[n] = self.new_story_id()
                self.ensure_story(sid)
                if sid not in touched:
                    touched.append(sid)
                seq += 1
                self.db.run(
                    "INSERT INTO articles (id, seq, story_id, content_hash, url, source, title, published, outlet, "
                    "raw_kind, raw, input, analysed, analysed_version, ingested_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (a.id, seq, sid, digest, a.url, a.source, a.title, state["published"], a.outlet,
                     a.input_kind, a.raw, json.dumps(state, ensure_ascii=False), pack_article(a),
                     analysis_version(), t))
            for sid in touched:
                self.mark_stale(sid)
            self.save_grouper()
        self.report.new += len(batch)
        self.commits += 1
        if self.kill_after is not None and self.commits >= self.kill_after:
            os._exit(99)  # test hook: die like a killed process, right after a commit

    def load_article(self, article_id: str) -> Article:
        """The analysed article, from its pickle, or analysed again from the stored input when the
        pickle is from another telaah version (the new pickle is stored)."""
        row = self.db.one("SELECT analysed, analysed_version, input FROM articles WHERE id = ?", (article_id,))
        if row["analysed"] is not None and row["analysed_version"] == analysis_version():
            try:
                return unpack_article(row["analysed"])
            except Exception:
                pass
        article = analyse_article(article_from_state(json.loads(row["input"])), self.options)
        with self.db.transaction():
            self.db.run("UPDATE articles SET analysed = ?, analysed_version = ? WHERE id = ?",
                        (pack_article(article), analysis_version(), article_id))
        return article

    def refresh(self) -> None:
        """Recompute every stale story, one transaction each."""
        stale = [r["id"] for r in self.db.query("SELECT id FROM stories WHERE stale = 1 ORDER BY id")]
        for i, sid in enumerate(stale, 1):
            self.progress(i, len(stale), f"story {sid}")
            self.refresh_story(sid)
            self.report.stories_touched.append(sid)

    def refresh_story(self, sid: str) -> None:
        ids = [r["id"] for r in self.db.query("SELECT id FROM articles WHERE story_id = ? ORDER BY seq", (sid,))]
        if not ids:
            with self.db.transaction():
                self.db.run("DELETE FROM stories WHERE id = ?", (sid,))
            return
        articles = [self.load_article(i) for i in ids]
        dossier = analyse_story(sid, articles, self.options)
        with self.db.transaction():
            write_story(self.db, sid, dossier)


# -- writing a story's derived data ---------------------------------------------------------
def article_date(a: dict) -> str | None:
    return a.get("published") or (a.get("published_inferred") or {}).get("value")


def _source_key(a: dict) -> str:
    if a.get("outlet"):
        return "o:" + fold(a["outlet"])
    if a.get("url"):
        from urllib.parse import urlsplit

        host = urlsplit(a["url"]).hostname or a["url"]
        return "h:" + host.removeprefix("www.")
    return "a:" + (a.get("credit") or a["id"])


def entity_keys(db, entities: list[dict]) -> dict[str, str]:
    """Map each story entity to a key shared across stories: its own name's key if known, else
    the key a (multi-word) alias of it already has, else a new key from its name."""
    out = {}
    for e in entities:
        key = entity_key(e["name"], e["type"])
        names = [fold(e["name"])] + [fold(a) for a in e["aliases"] if len(fold(a).split()) >= 2]
        if db.one("SELECT 1 AS x FROM entities WHERE key = ?", (key,)) is None:
            found = None
            for name in names:
                found = db.one("SELECT key FROM entity_names WHERE name = ? AND type = ?", (name, e["type"]))
                if found:
                    break
            if found:
                key = found["key"]
            else:
                db.run("INSERT INTO entities (key, name, type, aliases) VALUES (?, ?, ?, '[]')",
                       (key, e["name"], e["type"]))
        row = db.one("SELECT name, aliases FROM entities WHERE key = ?", (key,))
        aliases = json.loads(row["aliases"])
        for alias in [e["name"], *e["aliases"]]:
            if alias != row["name"] and alias not in aliases:
                aliases.append(alias)
        db.run("UPDATE entities SET aliases = ? WHERE key = ?", (json.dumps(aliases, ensure_ascii=False), key))
        db.many("INSERT INTO entity_names (name, type, key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [(n, e["type"], key) for n in names if n])
        out[e["id"]] = key
    return out


def article_annotations(dossier: dict, article: dict, story_id: str, keys: dict[str, str],
                        raw_kind: str | None) -> dict:
    """The ``articles[]`` entry plus everything the dossier says inside this article."""
    aid = article["id"]
    entities, mentions = [], []
    for e in dossier["entities"]:
        own = [m for m in e["mentions"] if m["article"] == aid]
        if not own:
            continue
        entities.append({**e, "mentions": own, "key": keys.get(e["id"])})
        mentions += [{**m, "entity": e["id"], "key": keys.get(e["id"]), "type": e["type"], "name": e["name"]}
                     for m in own]
    mentions.sort(key=lambda m: (m["start"], m["end"]))
    return {
        **article, "story_id": story_id, "raw_kind": raw_kind,
        "quotes": [q for q in dossier["quotes"] if q["article"] == aid],
        "numbers": [n for n in dossier["numbers"] if n["article"] == aid],
        "times": [t for t in dossier["times"] if t["article"] == aid],
        "entities": entities, "mentions": mentions,
    }


def body_text(article: dict) -> str:
    text = article["text"]
    if article["sentences"]:
        return "\n".join(text[s["start"]:s["end"]] for s in article["sentences"])
    return "\n".join(text[b["start"]:b["end"]] for b in article["blocks"] if b["kind"] in ("body", "dateline")) or text


def write_story(db, sid: str, dossier: dict) -> None:
    """Store a story's freshly computed dossier and everything read from it (call in a transaction)."""
    story = dossier["stories"][0]
    arts = dossier["articles"]
    keys = entity_keys(db, dossier["entities"])
    for e in dossier["entities"]:
        e["key"] = keys[e["id"]]
    dates = sorted(d for d in (article_date(a) for a in arts) if d)
    db.run(
        "UPDATE stories SET title = ?, first_date = ?, last_date = ?, n_articles = ?, n_sources = ?, "
        "n_disputes = ?, n_conflicts = ?, summary = ?, disputes = ?, conflicts = ?, timeline = ?, dossier = ?, "
        "stale = 0, updated_at = ? WHERE id = ?",
        (story["title"], dates[0][:10] if dates else None, dates[-1][:10] if dates else None, len(arts),
         len({_source_key(a) for a in arts}), sum(map(contradicts, story["number_disputes"])),
         len(story["claim_conflicts"]),
         json.dumps(story["summary"], ensure_ascii=False), json.dumps(story["number_disputes"], ensure_ascii=False),
         json.dumps(story["claim_conflicts"], ensure_ascii=False), json.dumps(story["timeline"], ensure_ascii=False),
         json.dumps(dossier, ensure_ascii=False), now(), sid))
    db.run("DELETE FROM story_entities WHERE story_id = ?", (sid,))
    db.many("INSERT INTO story_entities (story_id, local_id, entity_key, n_mentions) VALUES (?, ?, ?, ?)",
            [(sid, e["id"], keys[e["id"]], len(e["mentions"])) for e in dossier["entities"]])
    by_id = {a["id"]: a for a in arts}
    names = {e["id"]: e for e in dossier["entities"]}
    raw_kinds = {r["id"]: r["raw_kind"] for r in db.query(
        "SELECT id, raw_kind FROM articles WHERE story_id = ?", (sid,))}
    db.run("DELETE FROM statements WHERE story_id = ?", (sid,))
    statements, fts = [], []
    copies = {a["id"] for a in arts if a.get("duplicate_of")}
    for q in dossier["quotes"]:
        sp = q["speaker"] or {}
        ent = names.get(sp.get("entity")) if sp.get("entity") else None
        speaker_words = " ".join(dict.fromkeys(
            [sp.get("text") or ""] + ([ent["name"], *ent["aliases"]] if ent else [])))
        published = article_date(by_id[q["article"]])
        statements.append((q["id"], sid, q["article"], q["sentence"], keys.get(sp.get("entity")) if ent else None,
                           (ent["name"] if ent else sp.get("text")), published, int(q["article"] in copies),
                           json.dumps(q, ensure_ascii=False)))
        if q["article"] in copies:
            continue  # a near-copy repeats its original's statements: found once, via the original
        fts.append({"title": "", "body": q["text"], "speaker": speaker_words.strip(), "kind": "statement",
                    "article_id": q["article"], "sentence_id": q["sentence"], "quote_id": q["id"], "story_id": sid,
                    "published": published})
    db.many("INSERT INTO statements (id, story_id, article_id, sentence_id, entity_key, speaker, published, "
            "duplicate, quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", statements)
    for a in arts:
        ann = article_annotations(dossier, a, sid, keys, raw_kinds.get(a["id"]))
        db.run("UPDATE articles SET annotations = ?, published = ?, title = ? WHERE id = ?",
               (json.dumps(ann, ensure_ascii=False), article_date(a), a["title"], a["id"]))
        fts.append({"title": a["title"] or "", "body": body_text(a), "speaker": "", "kind": "article",
                    "article_id": a["id"], "sentence_id": None, "story_id": sid, "published": article_date(a)})
    db.fts_delete([a["id"] for a in arts])
    db.fts_insert(fts)
