"""Exports: ``json`` is the dossier contract (validated before writing), ``jsonl`` one complete
dossier per story a line, ``csv`` one row per statement and per figure.

CSV columns (``CSV_COLUMNS``): kind (statement | figure), id, story_id, article_id, sentence_id,
published, source (outlet, else URL), speaker (statements: the speaker's entity name or words;
figures: the speaker of the statement the figure sits in), entity_key, stance, direct, text (the
statement or the figure as written), value, low, high, approx, unit, object, quote (a figure's
statement id).
"""
from __future__ import annotations

import csv
import io
import json
from typing import IO

from .errors import NotFound, QueryError

FORMATS = ("json", "jsonl", "csv")
CSV_COLUMNS = ("kind", "id", "story_id", "article_id", "sentence_id", "published", "source", "speaker",
               "entity_key", "stance", "direct", "text", "value", "low", "high", "approx", "unit", "object", "quote")


def _story_ids(store, story_id: str | None) -> list[str]:
    if story_id is None:
        return store.story_ids()
    if store.story_dossier(story_id) is None:
        raise NotFound(f"no story '{story_id}' in the store (see 'telaah stories')")
    return [story_id]


def _csv_rows(dossier: dict):
    arts = {a["id"]: a for a in dossier["articles"]}
    ents = {e["id"]: e for e in dossier["entities"]}
    story_of = {aid: s["id"] for s in dossier["stories"] for aid in s["articles"]}
    quotes = {q["id"]: q for q in dossier["quotes"]}

    def speaker(q):
        sp = q.get("speaker") or {}
        e = ents.get(sp.get("entity")) if sp.get("entity") else None
        return (e["name"] if e else sp.get("text")), (e.get("key") if e else None)

    def base(x):
        a = arts[x["article"]]
        return {"id": x["id"], "story_id": story_of.get(x["article"]), "article_id": x["article"],
                "sentence_id": x["sentence"], "published": a.get("published") or (a.get("published_inferred") or {}).get("value"),
                "source": a.get("outlet") or a.get("url") or a.get("source")}

    for q in dossier["quotes"]:
        name, key = speaker(q)
        yield {"kind": "statement", **base(q), "speaker": name, "entity_key": key, "stance": q["stance"],
               "direct": q["direct"], "text": q["text"]}
    for n in dossier["numbers"]:
        q = quotes.get(n.get("quote")) if n.get("quote") else None
        name, key = speaker(q) if q else (None, None)
        yield {"kind": "figure", **base(n), "speaker": name, "entity_key": key, "text": n["text"],
               "value": n["value"], "low": n.get("low"), "high": n.get("high"), "approx": n["approx"],
               "unit": n["unit"], "object": n.get("object"), "quote": n.get("quote")}


def export(store, format: str, story_id: str | None = None, out: IO[str] | None = None) -> str | None:
    from ..dossier import validate

    if format not in FORMATS:
        raise QueryError(f"export format must be one of {', '.join(FORMATS)}, not '{format}'")
    target = out if out is not None else io.StringIO()
    ids = _story_ids(store, story_id)
    if format == "json":
        dossier = store.dossier(ids)
        validate(dossier)
        target.write(json.dumps(dossier, ensure_ascii=False, indent=1) + "\n")
    elif format == "jsonl":
        for sid in ids:
            target.write(json.dumps(store.story_dossier(sid), ensure_ascii=False) + "\n")
    else:
        writer = csv.DictWriter(target, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for sid in ids:
            for row in _csv_rows(store.story_dossier(sid)):
                writer.writerow(row)
    return target.getvalue() if out is None else None
