"""Language data shipped with telaah, loaded once per process.

Files live in ``telaah/lang/<code>/``; ``lang/id/README.md`` says where each came from.
Formats: ``.txt`` (one entry a line), ``.tsv`` (header row, tab-separated), ``.json``.
Lines starting with ``#`` and blank lines are ignored in ``.txt`` and ``.tsv``.
"""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from importlib import resources

from ..errors import DataFileError


def _read(lang: str, name: str) -> str:
    try:
        return resources.files(__package__).joinpath(lang, name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise DataFileError(f"language data file {lang}/{name} is missing from the package ({exc})") from exc


@lru_cache(maxsize=None)
def load_lines(name: str, lang: str = "id") -> tuple[str, ...]:
    out = []
    for line in _read(lang, name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@lru_cache(maxsize=None)
def load_table(name: str, lang: str = "id") -> tuple[dict[str, str], ...]:
    lines = [ln for ln in _read(lang, name).splitlines() if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for i, row in enumerate(rows, 2):
        if None in row or any(v is None for v in row.values()):
            raise DataFileError(f"{lang}/{name}: row {i} has the wrong number of columns")
    return tuple(rows)


@lru_cache(maxsize=None)
def stopwords(lang: str = "id") -> frozenset[str]:
    """Function words and news filler (``stopwords.txt``), lower case: one list shared by
    grouping, the summary, the timeline, contradictions, quotes and entities."""
    return frozenset(w.lower() for w in load_lines("stopwords.txt", lang))


@lru_cache(maxsize=None)
def load_json(name: str, lang: str = "id"):
    try:
        return json.loads(_read(lang, name))
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{lang}/{name} is not valid JSON: {exc}") from exc
