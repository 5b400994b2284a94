"""Which country a phrase speaks for: a country's name, or its capital standing for it
("Baku" for Azerbaijan). Shared by the disputes stage (each side's casualties) and the
contradictions stage (a ministry and its capital are one party)."""
from __future__ import annotations

from ..text.tokens import tokenize
from .gazetteer import lookup as gazetteer_lookup
from .merge import capital_country


def country_named(text: str, start: int, end: int, skip: frozenset[str] = frozenset()) -> str | None:
    """The country the capitalised words of ``text[start:end]`` name, the last one there, by the
    gazetteer: a capital stands for its country ("Baku" is Azerbaijan's side; "Kementerian
    Pertahanan Armenia" is Armenia's). Countries in ``skip`` (lower case) are passed over."""
    tokens = [(s, e) for s, e in tokenize(text, start, end) if text[s].isupper()]
    found = None
    for s, e in tokens:
        word = text[s:e]
        country = next((g.canonical for g in gazetteer_lookup(word) if g.kind == "country"), None)
        named = (country or capital_country(word) or "").lower()
        found = named if named and named not in skip else found
    return found
