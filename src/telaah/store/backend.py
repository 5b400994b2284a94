"""The database layer: everything that knows which database is underneath.

The store speaks to a ``Backend`` only: plain SQL with ``?`` placeholders for the tables, and a
few methods for the full-text index, which every database does its own way. ``SQLiteBackend``
is the one shipped; a PostgreSQL backend would implement the same methods (placeholders
rewritten to ``%s``, ``tsvector`` for the index) and its own migration statements (each
migration holds statements per ``dialect``). Nothing outside this module imports sqlite3.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import StoreError


class Backend:
    """What the store needs from a database."""

    dialect = ""

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        raise NotImplementedError

    def one(self, sql: str, params: Sequence[Any] = ()) -> Any | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        raise NotImplementedError

    def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[None]:
        raise NotImplementedError
        yield

    def tables(self) -> set[str]:
        raise NotImplementedError

    # full-text index -----------------------------------------------------------------------
    def fts_delete(self, article_ids: Sequence[str]) -> None:
        raise NotImplementedError

    def fts_insert(self, rows: Iterable[dict]) -> None:
        """Rows with title, body, speaker, kind, article_id, sentence_id, quote_id, story_id, published."""
        raise NotImplementedError

    def fts_search(self, match: str, *, kind: str | None, since: str | None, pool: int) -> list[dict]:
        """Best ``pool`` rows by relevance: the row's fields plus ``relevance`` (higher is better)
        and ``snippet`` (text with hits between HIT_OPEN and HIT_CLOSE)."""
        raise NotImplementedError

    def fts_story_ids(self, match: str) -> set[str]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"  # private-use characters: never in news text


class SQLiteBackend(Backend):
    """One file, WAL journal (readers never block the writer), foreign keys enforced."""

    dialect = "sqlite"
    # column weights for bm25: title, body, speaker
    BM25_WEIGHTS = (4.0, 1.0, 2.0)

    def __init__(self, path: str | Path):
        import sqlite3

        self._sqlite3 = sqlite3
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot open {self.path} as a store ({exc})") from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a telaah store ({exc})") from None
        if str(mode).lower() != "wal" and self.path != ":memory:":
            raise StoreError(f"{self.path}: could not switch the database to WAL mode (got {mode})")
        self._depth = 0
        self._lock = threading.RLock()

    def _wrap(self, fn, *args):
        try:
            return fn(*args)
        except self._sqlite3.DatabaseError as exc:
            if isinstance(exc, self._sqlite3.IntegrityError):
                raise
            if "not a database" in str(exc) or "malformed" in str(exc):
                raise StoreError(f"{self.path} is not a telaah store ({exc})") from None
            raise

    def query(self, sql, params=()):
        with self._lock:
            return self._wrap(lambda: self.conn.execute(sql, params).fetchall())

    def run(self, sql, params=()):
        with self._lock:
            return self._wrap(lambda: self.conn.execute(sql, params).rowcount)

    def many(self, sql, rows):
        with self._lock:
            self._wrap(lambda: self.conn.executemany(sql, rows))

    @contextmanager
    def transaction(self):
        """BEGIN IMMEDIATE ... COMMIT; nested use becomes a savepoint."""
        with self._lock:
            if self._depth == 0:
                self._wrap(self.conn.execute, "BEGIN IMMEDIATE")
            else:
                self.conn.execute(f"SAVEPOINT sp{self._depth}")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self.conn.execute("ROLLBACK")
                else:
                    self.conn.execute(f"ROLLBACK TO sp{self._depth}")
                    self.conn.execute(f"RELEASE sp{self._depth}")
                raise
            self._depth -= 1
            if self._depth == 0:
                self.conn.execute("COMMIT")
            else:
                self.conn.execute(f"RELEASE sp{self._depth}")

    def tables(self):
        return {r[0] for r in self.query("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}

    def fts_delete(self, article_ids):
        self.many("DELETE FROM search WHERE article_id = ?", [(a,) for a in article_ids])

    def fts_insert(self, rows):
        self.many(
            "INSERT INTO search (title, body, speaker, kind, article_id, sentence_id, quote_id, story_id, published) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(r["title"] or "", r["body"] or "", r["speaker"] or "", r["kind"], r["article_id"],
              r["sentence_id"], r.get("quote_id"), r["story_id"], r["published"]) for r in rows])

    def fts_search(self, match, *, kind, since, pool):
        w = ", ".join(str(x) for x in self.BM25_WEIGHTS)
        where, params = ["search MATCH ?"], [match]
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if since:
            where.append("published >= ?")
            params.append(since)
        sql = (f"SELECT kind, article_id, sentence_id, quote_id, story_id, published, title, speaker, "
               f"-bm25(search, {w}) AS relevance, "
               f"snippet(search, 1, '{HIT_OPEN}', '{HIT_CLOSE}', '…', 24) AS snippet "
               f"FROM search WHERE {' AND '.join(where)} ORDER BY bm25(search, {w}) LIMIT ?")
        params.append(pool)
        try:
            return [dict(r) for r in self.query(sql, params)]
        except self._sqlite3.OperationalError as exc:  # the query builder should make this impossible
            from .errors import QueryError

            raise QueryError(f"the search index refused the query ({exc})") from None

    def fts_story_ids(self, match):
        try:
            return {r[0] for r in self.query("SELECT DISTINCT story_id FROM search WHERE search MATCH ?", [match])}
        except self._sqlite3.OperationalError as exc:
            from .errors import QueryError

            raise QueryError(f"the search index refused the query ({exc})") from None

    def close(self):
        with self._lock:
            try:
                self.conn.execute("PRAGMA optimize")
            except self._sqlite3.Error:
                pass
            self.conn.close()


def open_backend(path: str | Path) -> Backend:
    """The backend for a location; a ``postgresql://`` URL would pick another one."""
    text = str(path)
    if text.startswith(("postgres://", "postgresql://")):
        raise StoreError("PostgreSQL is not supported yet: give a SQLite file path")
    return SQLiteBackend(text)
