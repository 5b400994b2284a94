"""Check a dossier against the shipped JSON Schema and check that every span round-trips."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import SchemaError


@lru_cache(maxsize=1)
def load_schema() -> dict:
    return json.loads(resources.files(__package__).joinpath("dossier.schema.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema())


def schema_errors(dossier: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
            for e in _validator().iter_errors(dossier)]


def check_spans(dossier: dict[str, Any]) -> list[str]:
    """Every start/end must index the article text, and every given `text` must equal the slice."""
    problems = []
    texts = {a["id"]: a["text"] for a in dossier["articles"]}

    def check(where: str, art: str, span: dict):
        t = texts.get(art)
        if t is None:
            problems.append(f"{where}: unknown article {art}")
            return
        s, e = span["start"], span["end"]
        if not (0 <= s <= e <= len(t)):
            problems.append(f"{where}: span {s}..{e} outside the text ({len(t)} chars)")
        elif "text" in span and span["text"] is not None and t[s:e] != span["text"]:
            problems.append(f"{where}: text {span['text']!r} != text[{s}:{e}] {t[s:e]!r}")

    for a in dossier["articles"]:
        for i, b in enumerate(a["blocks"]):
            check(f"{a['id']} block {i}", a["id"], b)
        for s in a["sentences"]:
            check(f"sentence {s['id']}", a["id"], s)
    for e in dossier["entities"]:
        for m in e["mentions"]:
            check(f"entity {e['id']}", m["article"], m)
    for q in dossier["quotes"]:
        check(f"quote {q['id']}", q["article"], q)
        if q["speaker"]:
            check(f"quote {q['id']} speaker", q["article"], q["speaker"])
        if q["cue"]:
            check(f"quote {q['id']} cue", q["article"], q["cue"])
    for kind in ("numbers", "times"):
        for x in dossier[kind]:
            check(f"{kind} {x['id']}", x["article"], x)
    return problems


def validate(dossier: dict[str, Any]) -> None:
    """Raise SchemaError listing every schema violation and broken span."""
    problems = schema_errors(dossier)
    if not problems:  # spans can only be checked once the shape is right
        problems = check_spans(dossier)
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise SchemaError(f"dossier does not match the contract:\n  {shown}{more}")
