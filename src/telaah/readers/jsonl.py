"""JSONL: one article per line, {id?, text | html, title?, published?, url?, source?, outlet?}."""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import BinaryIO

from ..document import Article
from ..errors import InputError
from .html import read_html


def parse_published(value) -> date | None:
    """ISO date or datetime (with or without zone) to a date; None if absent or unreadable."""
    if value in (None, ""):
        return None
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"published '{s}' is not an ISO date (YYYY-MM-DD)") from None


def read_jsonl_lines(stream: BinaryIO, display: str, published=None, max_bytes: int = 20_000_000
                     ) -> Iterator["Article | object"]:
    """Read line by line, so memory stays bounded by the longest line, not the file."""
    from . import InputProblem

    stem = display.rsplit("/", 1)[-1].rsplit(".", 1)[0] if display != "<stdin>" else "stdin"
    any_line = False
    for lineno, raw in enumerate(iter(lambda: stream.readline(max_bytes + 1), b""), 1):
        where = f"{display}:{lineno}"
        if len(raw) > max_bytes:
            yield InputProblem(where, "E005", f"line is over the {max_bytes / 1e6:.0f} MB limit")
            # skip the rest of this over-long line
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(max_bytes + 1)
            continue
        if not raw.strip():
            continue
        any_line = True
        try:
            rec = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield InputProblem(where, "E006", f"not a JSON object ({exc})")
            continue
        if not isinstance(rec, dict):
            yield InputProblem(where, "E006", "line is JSON but not an object")
            continue
        try:
            yield article_from_record(rec, where, f"{stem}-{lineno}", published)
        except InputError as exc:
            yield InputProblem(exc.path, exc.code, exc.reason)
    if not any_line:
        yield InputProblem(display, "E002", "no articles: the JSONL input is empty")


def article_from_record(rec: dict, where: str, fallback_id: str, published=None) -> Article:
    warnings: list[str] = []
    try:
        pub = parse_published(rec.get("published"))
    except ValueError as exc:
        pub = None
        warnings.append(str(exc))
    art_id = str(rec["id"]) if rec.get("id") not in (None, "") else fallback_id
    text, html = rec.get("text"), rec.get("html")
    if isinstance(text, str) and text.strip():
        art = Article(id=art_id, text=text, input_kind="jsonl")
    elif isinstance(html, str) and html.strip():
        art = read_html(html.encode("utf-8"), where, art_id, None, url=rec.get("url"))
        art.input_kind = "jsonl"
    else:
        raise InputError(where, "record has no non-empty 'text' or 'html' field", "E006")
    art.source = rec.get("source") or art.source or where
    art.url = rec.get("url") or art.url
    art.title = rec.get("title") or art.title
    art.outlet = rec.get("outlet") or art.outlet
    art.published = pub or art.published or published
    art.warnings = warnings + art.warnings
    return art
