"""Search queries: user text to a safe FTS expression, snippets, recency-aware ranking.

What a user may type: words (all must occur), ``"a phrase"``, ``word*`` (prefix), ``OR``
between two terms, ``-word`` or ``NOT word`` (must not occur). Every term reaches the index as
a quoted string literal built here, so no input can be an FTS syntax error: an unbalanced quote
runs to the end of the query, stray operators and punctuation are words or nothing. Case and
diacritics are folded by the index's tokenizer (unicode61, remove_diacritics 2): "erdogan"
finds "Erdoğan". No stemming: Indonesian affixes are left alone, so "tangkap" does not find
"ditangkap" (use ``tangkap*`` for words that start with it, or the affixed form).
"""
from __future__ import annotations

import math
import re
from datetime import date

from .backend import HIT_CLOSE, HIT_OPEN
from .errors import QueryError

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORDY = re.compile(r"[^\W_]")

# Recency: a hit's relevance is multiplied by RECENCY_FLOOR + (1 - RECENCY_FLOOR) * 0.5 ** (age /
# RECENCY_HALF_LIFE_DAYS), age counted from the newest article in the store, so an old article
# needs to be clearly more relevant to outrank a fresh one, but relevance still leads.
RECENCY_FLOOR = 0.7
RECENCY_HALF_LIFE_DAYS = 30.0


def literal(term: str, prefix: bool = False) -> str:
    """An FTS5 string literal (double quotes doubled), optionally a prefix query."""
    return '"' + term.replace('"', '""') + '"' + ("*" if prefix else "")


def parse_query(text: str) -> tuple[list[list[str]], list[str]]:
    """(groups of alternatives that must all match, excluded terms), each term an FTS literal."""
    groups: list[list[str]] = []
    excluded: list[str] = []
    pending_or = pending_not = False
    for m in _TOKEN.finditer(text or ""):
        neg, phrase, bare = m.group(1), m.group(2), m.group(3)
        if bare is not None:
            if bare == "OR":
                pending_or = bool(groups)
                continue
            if bare == "AND":
                continue
            if bare == "NOT":
                pending_not = True
                continue
            neg = "-" if bare.startswith("-") and len(bare) > 1 else ""
            word = bare[1:] if neg else bare
            prefix = word.endswith("*")
            word = word.rstrip("*")
            if not _WORDY.search(word):
                pending_or = False
                continue
            term = literal(word, prefix)
        else:
            if not _WORDY.search(phrase or ""):
                pending_or = False
                continue
            term = literal(" ".join(phrase.split()))
        if neg or pending_not:
            excluded.append(term)
        elif pending_or and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = pending_not = False
    return groups, excluded


def build_match(query: str | None, speaker: str | None = None) -> str:
    """The FTS MATCH expression for a user query and speaker filter; QueryError if nothing to search."""
    groups, excluded = parse_query(query or "")
    if not groups and not excluded and query:
        # only operators ("AND OR"): they were meant as words
        groups = [[literal(w)] for w in query.split() if _WORDY.search(w)]
    parts = ["(" + " OR ".join(g) + ")" if len(g) > 1 else g[0] for g in groups]
    if speaker:
        sgroups, _ = parse_query(speaker.replace("*", " "))
        words = [t for g in sgroups for t in g]
        if not words:
            raise QueryError(f"speaker '{speaker}' has no letters or digits to look for")
        parts.append("speaker : (" + " AND ".join(words) + ")")
    if not parts:
        if excluded:
            raise QueryError("the query only excludes words; give at least one word to look for")
        raise QueryError(f"the query {query!r} has no letters or digits to look for")
    expr = " AND ".join(parts)
    for term in excluded:
        expr = f"({expr}) NOT {term}"
    return expr


def snippet_parts(snippet: str) -> list[list]:
    """``"a \\ue000b\\ue001 c"`` -> ``[["a ", False], ["b", True], [" c", False]]``."""
    out: list[list] = []
    hit = False
    for piece in re.split(f"([{HIT_OPEN}{HIT_CLOSE}])", snippet or ""):
        if piece == HIT_OPEN:
            hit = True
        elif piece == HIT_CLOSE:
            hit = False
        elif piece:
            if out and out[-1][1] == hit:
                out[-1][0] += piece
            else:
                out.append([piece, hit])
    return out


def recency_factor(published: str | None, newest: date | None) -> float:
    if not published or newest is None:
        return RECENCY_FLOOR
    try:
        age = max(0, (newest - date.fromisoformat(published[:10])).days)
    except ValueError:
        return RECENCY_FLOOR
    return RECENCY_FLOOR + (1 - RECENCY_FLOOR) * math.pow(0.5, age / RECENCY_HALF_LIFE_DAYS)


def parse_since(since) -> str | None:
    """A date, datetime or 'YYYY-MM-DD' to the ISO day; QueryError otherwise."""
    if since in (None, ""):
        return None
    if isinstance(since, date):
        return since.isoformat()[:10]
    try:
        return date.fromisoformat(str(since).strip()[:10]).isoformat()
    except ValueError:
        raise QueryError(f"'{since}' is not a date in the form YYYY-MM-DD") from None
