"""The story dossier: the JSON contract telaah writes (schema shipped beside this file)."""
from .build import SCHEMA_ID, to_dossier
from .validate import check_spans, load_schema, validate

__all__ = ["SCHEMA_ID", "to_dossier", "validate", "check_spans", "load_schema"]
