"""Lossless JSON records of analysed articles: one JSONL line per article in a run's shards.

A record holds everything the per-article stages found (blocks, sentences, mentions, quotes,
numbers, times, warnings, inferred dates) with the unchanged text, so a resumed run can load
finished shards and go straight to the cross-article stages. ``article_from_record`` inverts
``article_to_record`` exactly (the tests check it on real articles).
"""
from __future__ import annotations

import base64
import dataclasses
from datetime import date
from operator import attrgetter
from typing import Any

from ..document import Article, Block, Cue, Mention, NumberClaim, Quote, Sentence, Speaker, TimeExpr
from .jsonl import dumps_line, loads

RECORD_VERSION = 1
_LISTS = {"blocks": Block, "sentences": Sentence, "mentions": Mention, "quotes": Quote,
          "numbers": NumberClaim, "times": TimeExpr}
_NESTED = {"speaker": Speaker, "reported_by": Speaker, "cue": Cue}
# classes of the lists with no field that ``_build`` converts
_FLAT = frozenset(cls for cls in _LISTS.values()
                  if not any(f.name in _NESTED for f in dataclasses.fields(cls)))


_PLAIN_SPECS: dict[type, tuple] = {}


def _plain_spec(cls) -> tuple:
    """How ``_plain`` reads a class: all fields at once, then which may hold a nested
    dataclass (the ones ``_build`` converts back) and which hold lists (copied)."""
    fields = dataclasses.fields(cls)
    names = tuple(f.name for f in fields)
    getter = attrgetter(*names) if len(names) > 1 else (lambda obj, g=attrgetter(*names): (g(obj),))
    nested = tuple(n for n in names if n in _NESTED)
    lists = tuple(f.name for f in fields if str(f.type).startswith("list"))
    spec = _PLAIN_SPECS[cls] = (getter, names, nested, lists)
    return spec


def _plain(obj) -> dict[str, Any]:
    """A dataclass as a dict, nested dataclasses too (``dataclasses.asdict`` without its deep
    copies; each class's fields read in one call: a run encodes millions of these)."""
    spec = _PLAIN_SPECS.get(type(obj)) or _plain_spec(type(obj))
    getter, names, nested, lists = spec
    out = dict(zip(names, getter(obj)))
    for name in nested:
        value = out[name]
        if value is not None and hasattr(type(value), "__dataclass_fields__"):
            out[name] = _plain(value)
    for name in lists:
        value = out[name]
        if isinstance(value, list):
            out[name] = list(value)
    return out


def _build_list(cls, items: list[dict[str, Any]]) -> list:
    """``[_build(cls, x) for x in items]``; a class with no nested field is built straight from
    each dict (``_build`` would pass the same keyword arguments)."""
    if cls in _FLAT:
        try:
            return [cls(**x) for x in items]
        except Exception:  # noqa: BLE001 - a bad record fails as _build fails on it
            pass
    return [_build(cls, x) for x in items]


def _build(cls, data: dict[str, Any]):
    kwargs = {}
    for key, value in data.items():
        if key in _NESTED and value is not None:
            value = _build(_NESTED[key], value)
        kwargs[key] = value
    return cls(**kwargs)


def record_line(article: Article) -> bytes:
    """The article's record as one JSON line (what a shard's ``.jsonl`` holds)."""
    return dumps_line(article_to_record(article))


def article_of_line(line: bytes | str) -> Article:
    """``record_line`` read back."""
    return article_from_record(loads(line))


def article_to_record(article: Article) -> dict[str, Any]:
    rec: dict[str, Any] = {"v": RECORD_VERSION}
    for f in dataclasses.fields(article):
        value = getattr(article, f.name)
        if f.name in _LISTS:
            value = [_plain(x) for x in value]
        elif f.name == "published":
            value = value.isoformat() if value else None
        elif f.name == "raw":
            value = base64.b64encode(value).decode("ascii") if value is not None else None
        elif f.name == "done":
            value = sorted(value)
        elif isinstance(value, list):
            value = list(value)
        rec[f.name] = value
    return rec


_ARTICLE_FIELDS = tuple(f.name for f in dataclasses.fields(Article))


def article_from_record(rec: dict[str, Any]) -> Article:
    if rec.get("v") != RECORD_VERSION:
        raise ValueError(f"article record version {rec.get('v')!r}, expected {RECORD_VERSION}")
    kwargs = {}
    for name in _ARTICLE_FIELDS:
        if name not in rec:
            continue
        value = rec[name]
        if name in _LISTS:
            value = _build_list(_LISTS[name], value)
        elif name == "published":
            value = date.fromisoformat(value) if value else None
        elif name == "raw":
            value = base64.b64decode(value) if value is not None else None
        elif name == "done":
            value = set(value)
        kwargs[name] = value
    return Article(**kwargs)
