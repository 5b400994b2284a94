"""Numbered schema migrations, applied in order and recorded in the ``migrations`` table.

Each module ``mNNN_name.py`` has ``VERSION`` (its number), ``NAME`` and ``STATEMENTS``: a dict
from backend dialect to the list of SQL statements. A migration runs once, in one transaction
with its record, so a store is never left half-migrated. Add a new module (never edit an
applied one) and list it in ``MIGRATIONS``.
"""
from __future__ import annotations

from datetime import datetime, timezone
from importlib import import_module

from ..errors import StoreError

MIGRATIONS = ("m001_initial",)


def _load():
    mods = [import_module(f"{__name__}.{name}") for name in MIGRATIONS]
    versions = [m.VERSION for m in mods]
    assert versions == sorted(set(versions)), "migration versions must increase"
    return mods


def latest_version() -> int:
    return max(m.VERSION for m in _load())


def applied(db) -> list[dict]:
    if "migrations" not in db.tables():
        return []
    return [dict(r) for r in db.query("SELECT version, name, applied_at FROM migrations ORDER BY version")]


def migrate(db) -> list[int]:
    """Apply what is missing; returns the versions applied now (empty when up to date)."""
    if "migrations" not in db.tables():  # an up-to-date store is not written to (it may be read-only)
        with db.transaction():
            db.run("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                   "applied_at TEXT NOT NULL)")
    done = {r["version"] for r in applied(db)}
    newest = latest_version()
    if done and max(done) > newest:
        raise StoreError(f"the store has schema version {max(done)}, newer than this telaah knows "
                         f"({newest}); upgrade telaah to open it")
    now_applied = []
    for mod in _load():
        if mod.VERSION in done:
            continue
        statements = mod.STATEMENTS.get(db.dialect)
        if statements is None:
            raise StoreError(f"migration {mod.VERSION} ({mod.NAME}) has no statements for {db.dialect}")
        with db.transaction():
            for sql in statements:
                db.run(sql)
            db.run("INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                   (mod.VERSION, mod.NAME, datetime.now(timezone.utc).isoformat(timespec="seconds")))
        now_applied.append(mod.VERSION)
    return now_applied
