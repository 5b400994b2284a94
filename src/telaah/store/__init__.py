"""The store: ingested articles, their stories and derived data in one SQLite file, with
full-text search; what ``telaah ingest/search/stories/show/export`` and ``telaah serve`` use."""
from .errors import NotFound, QueryError, StoreError
from .ingest import IngestReport
from .store import Store

__all__ = ["Store", "IngestReport", "StoreError", "NotFound", "QueryError"]
