"""The store: a living archive of analysed articles and stories, and what the CLI and the web
app read from it. Every read method returns plain JSON-able dicts.

>>> with Store.open("telaah.db") as store:
...     store.ingest_paths(["examples/"]).line()
...     store.list_stories()[0]["title"]
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from . import migrations
from .backend import Backend, open_backend
from .errors import NotFound, QueryError, StoreError
from .keys import fold
from .search import build_match, parse_since, recency_factor, snippet_parts

STORY_ORDERS = {
    "newest": "last_date IS NULL, last_date DESC, updated_at DESC, id",
    "biggest": "n_articles DESC, n_sources DESC, last_date IS NULL, last_date DESC, id",
}


def _story_number(sid: str) -> tuple:
    return (int(sid[1:]) if sid[1:].isdigit() else 10**9, sid)


class Store:
    """Open with ``Store.open(path)`` (creates and migrates the file); close, or use ``with``."""

    def __init__(self, db: Backend, path: str):
        self.db = db
        self.path = path
        self.migrations_applied_now = migrations.migrate(db)

    @classmethod
    def open(cls, path: str | Path = "telaah.db", create: bool = True) -> "Store":
        text = str(path)
        if not create and not text.startswith(("postgres://", "postgresql://")) and not Path(text).is_file():
            raise StoreError(f"no store at {text}: create one with 'telaah ingest PATH... --db {text}'")
        db = open_backend(text)
        try:
            return cls(db, text)
        except Exception:
            db.close()
            raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------
    def ingest_paths(self, paths, options=None, progress=None, batch_size: int | None = None, stdin=None,
                     total: int | None = None):
        """Read, analyse and store every article the paths hold (what ``telaah analyze`` takes);
        articles already stored are skipped; touched stories are recomputed. Returns an
        ``IngestReport``. ``progress(done, total_or_None, label)`` is called as it goes."""
        from .ingest import BATCH_SIZE, Ingest

        run = Ingest(self.db, options, progress, batch_size or BATCH_SIZE)
        return run.run([str(p) for p in paths], stdin=stdin, total=total)

    def refresh(self, options=None, progress=None) -> list[str]:
        """Recompute stories left stale (by an interrupted ingest); returns their ids."""
        from .ingest import Ingest

        run = Ingest(self.db, options, progress)
        run.refresh()
        return run.report.stories_touched

    # -- reading -------------------------------------------------------------------------------
    def migrations(self) -> list[dict]:
        return migrations.applied(self.db)

    def counts(self) -> dict[str, int]:
        one = lambda sql: self.db.one(sql)["n"]  # noqa: E731
        return {"articles": one("SELECT COUNT(*) AS n FROM articles"),
                "stories": one("SELECT COUNT(*) AS n FROM stories WHERE dossier IS NOT NULL"),
                "stale_stories": one("SELECT COUNT(*) AS n FROM stories WHERE stale = 1"),
                "statements": one("SELECT COUNT(*) AS n FROM statements"),
                "entities": one("SELECT COUNT(DISTINCT entity_key) AS n FROM story_entities")}

    def list_stories(self, since=None, query: str | None = None, order: str = "newest", limit: int = 50,
                     offset: int = 0) -> list[dict]:
        """Stories, newest (by last article date) or biggest first; ``since`` keeps stories with an
        article on or after that day; ``query`` keeps stories with a search hit."""
        if order not in STORY_ORDERS:
            raise QueryError(f"order must be one of {', '.join(STORY_ORDERS)}, not '{order}'")
        where, params = ["dossier IS NOT NULL"], []
        since = parse_since(since)
        if since:
            where.append("last_date >= ?")
            params.append(since)
        if query and query.strip():
            ids = sorted(self.db.fts_story_ids(build_match(query)))
            if not ids:
                return []
            where.append(f"id IN ({', '.join('?' * len(ids))})")
            params += ids
        rows = self.db.query(
            "SELECT id, title, first_date, last_date, n_articles, n_sources, n_disputes, n_conflicts, updated_at "
            f"FROM stories WHERE {' AND '.join(where)} ORDER BY {STORY_ORDERS[order]} LIMIT ? OFFSET ?",
            (*params, max(0, int(limit)), max(0, int(offset))))
        return [dict(r) for r in rows]

    def story_ids(self) -> list[str]:
        return sorted((r["id"] for r in self.db.query("SELECT id FROM stories WHERE dossier IS NOT NULL")),
                      key=_story_number)

    def story_dossier(self, story_id: str) -> dict | None:
        """A full ``telaah.dossier/1`` holding this story and its articles (None if unknown)."""
        row = self.db.one("SELECT dossier FROM stories WHERE id = ?", (story_id,))
        return json.loads(row["dossier"]) if row and row["dossier"] else None

    def dossier(self, story_ids: list[str] | None = None) -> dict:
        """One dossier of several stories (all by default); ids never clash, as each quote,
        number, time and entity id starts with its story's id."""
        ids = story_ids if story_ids is not None else self.story_ids()
        merged: dict[str, Any] = {"schema": "telaah.dossier/1", "articles": [], "entities": [], "quotes": [],
                                  "numbers": [], "times": [], "stories": []}
        for sid in ids:
            d = self.story_dossier(sid)
            if d is None:
                raise NotFound(f"no story '{sid}' in the store")
            for key in ("articles", "entities", "quotes", "numbers", "times", "stories"):
                merged[key] += d[key]
        return merged

    def article(self, article_id: str) -> dict | None:
        """The dossier's ``articles[]`` entry plus ``story_id``, ``raw_kind`` and this article's
        ``quotes``, ``numbers``, ``times``, ``entities`` (dossier entities with only this article's
        mentions, plus ``key``) and ``mentions`` (flat, sorted, each with entity id, key, type, name)."""
        row = self.db.one("SELECT annotations FROM articles WHERE id = ?", (article_id,))
        return json.loads(row["annotations"]) if row and row["annotations"] else None

    def article_raw(self, article_id: str) -> dict | None:
        """The input as read: ``{"kind", "data"}``; data is the HTML bytes for HTML inputs, else
        the text (bytes are never decoded here: a page is shown as text, never rendered)."""
        row = self.db.one("SELECT raw_kind, raw, input FROM articles WHERE id = ?", (article_id,))
        if row is None:
            return None
        if row["raw"] is not None:
            return {"kind": row["raw_kind"], "data": bytes(row["raw"])}
        return {"kind": row["raw_kind"], "data": json.loads(row["input"])["text"]}

    def search(self, query: str, speaker: str | None = None, since=None, limit: int = 20) -> list[dict]:
        """Articles and statements matching ``query`` (see ``telaah.store.search`` for the syntax),
        best first: BM25 relevance weighted by recency. ``speaker`` keeps statements whose
        speaker's name matches; ``since`` keeps hits dated on or after that day."""
        match = build_match(query, speaker)
        since = parse_since(since)
        limit = max(1, int(limit))
        rows = self.db.fts_search(match, kind="statement" if speaker else None, since=since, pool=max(200, limit * 10))
        newest_row = self.db.one("SELECT MAX(published) AS d FROM articles")
        newest = None
        if newest_row and newest_row["d"]:
            from datetime import date

            newest = date.fromisoformat(newest_row["d"][:10])
        for r in rows:
            r["score"] = r["relevance"] * recency_factor(r["published"], newest)
        rows.sort(key=lambda r: (-r["score"], r["published"] or "", r["article_id"]))
        rows = rows[:limit]
        titles = {}
        ids = sorted({r["article_id"] for r in rows})
        if ids:
            titles = {t["id"]: t["title"] for t in self.db.query(
                f"SELECT id, title FROM articles WHERE id IN ({', '.join('?' * len(ids))})", ids)}
        speakers = {}
        qids = [r["quote_id"] for r in rows if r["quote_id"]]
        if qids:
            speakers = {s["id"]: s["speaker"] for s in self.db.query(
                f"SELECT id, speaker FROM statements WHERE id IN ({', '.join('?' * len(qids))})", qids)}
        return [{"kind": r["kind"], "article_id": r["article_id"], "sentence_id": r["sentence_id"],
                 "quote_id": r["quote_id"], "story_id": r["story_id"], "title": titles.get(r["article_id"]),
                 "published": r["published"], "speaker": speakers.get(r["quote_id"]) if r["quote_id"] else None,
                 "score": round(r["score"], 4), "snippet": snippet_parts(r["snippet"])} for r in rows]

    def entities(self, query: str | None = None, limit: int = 100) -> list[dict]:
        """People, organisations and places across stories, most quoted first; ``query`` matches
        any of their names (case and diacritics ignored)."""
        where, params = ["n_stories > 0"], []
        if query and fold(query):
            like = "%" + fold(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where.append("key IN (SELECT key FROM entity_names WHERE name LIKE ? ESCAPE '\\')")
            params.append(like)
        rows = self.db.query(
            "SELECT * FROM (SELECT e.key, e.name, e.type, e.aliases, "
            "(SELECT COUNT(*) FROM statements s WHERE s.entity_key = e.key AND s.duplicate = 0) AS n_statements, "
            "(SELECT COUNT(DISTINCT se.story_id) FROM story_entities se WHERE se.entity_key = e.key) AS n_stories "
            f"FROM entities e) WHERE {' AND '.join(where)} "
            "ORDER BY n_statements DESC, n_stories DESC, name LIMIT ?", (*params, max(0, int(limit))))
        return [{**dict(r), "aliases": json.loads(r["aliases"])} for r in rows]

    def entity(self, key: str) -> dict | None:
        """An entity and everything it said across stories, by date (statements of near-copies of
        an article are left out: the original carries them)."""
        row = self.db.one("SELECT key, name, type, aliases FROM entities WHERE key = ?", (key,))
        if row is None:
            return None
        stories = [r["story_id"] for r in self.db.query(
            "SELECT DISTINCT story_id FROM story_entities WHERE entity_key = ?", (key,))]
        statements = []
        for r in self.db.query(
                "SELECT s.quote, s.story_id, s.article_id, s.sentence_id, s.published, a.outlet, a.url, a.source, "
                "a.title FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.entity_key = ? AND s.duplicate = 0 "
                "ORDER BY s.published IS NULL, s.published, a.seq, s.id", (key,)):
            statements.append({**json.loads(r["quote"]), "story_id": r["story_id"], "article_id": r["article_id"],
                               "sentence_id": r["sentence_id"], "published": r["published"],
                               "source": r["outlet"] or r["url"] or r["source"], "title": r["title"]})
        return {"key": row["key"], "name": row["name"], "type": row["type"], "aliases": json.loads(row["aliases"]),
                "stories": sorted(stories, key=_story_number), "statements": statements}

    def export(self, format: str, story_id: str | None = None, out: IO[str] | None = None) -> str | None:
        """Write ``json`` (one dossier), ``jsonl`` (one dossier per story a line) or ``csv`` (one
        row per statement and figure) to ``out``; returns the text when ``out`` is None."""
        from .export import export

        return export(self, format, story_id, out)
