"""Numbered errors of the store (E4xx), so the CLI and the web app can say what went wrong."""
from __future__ import annotations

from ..errors import TelaahError


class StoreError(TelaahError):
    """The store file is missing, unreadable, or was written by a newer telaah."""

    code = "E400"


class NotFound(TelaahError):
    """An id (story, article, entity) that the store does not hold."""

    code = "E401"


class QueryError(TelaahError):
    """A search query or filter that cannot be used (no words in it, a bad date)."""

    code = "E402"


STORE_CODES = {
    "E400": "store file missing, not a telaah store, or written by a newer telaah",
    "E401": "unknown story, article or entity id",
    "E402": "unusable search query or filter (no searchable words, a date not in YYYY-MM-DD form)",
}
