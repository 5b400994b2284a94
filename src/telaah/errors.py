"""Numbered, helpful errors. Each code has one meaning; the message says what to do."""
from __future__ import annotations


class TelaahError(Exception):
    """Base of every error telaah raises on purpose."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(TelaahError):
    """An input could not be read as an article; the run goes on without it."""

    code = "E001"

    def __init__(self, path: str, reason: str, code: str | None = None):
        if code:
            self.code = code
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class PipelineError(TelaahError):
    """Stages were put together in an order that cannot work."""

    code = "E100"


class DataFileError(TelaahError):
    """A language data file shipped with the package is missing or malformed."""

    code = "E200"


class SchemaError(TelaahError):
    """A dossier does not match the contract in dossier.schema.json."""

    code = "E300"


# Input problem codes (InputError.code), listed so users can look them up.
INPUT_CODES = {
    "E001": "file not found or not readable",
    "E002": "file is empty (or only whitespace)",
    "E003": "file looks binary (NUL bytes or mostly non-text bytes)",
    "E004": "text could not be decoded in any supported encoding",
    "E005": "file is larger than the size limit (see --max-bytes)",
    "E006": "malformed record (JSONL line, feed entry or HTML with no extractable text)",
    "E007": "unsupported file type",
}

# Other numbered codes, by range, so one code never means two things: E1xx pipeline, E2xx
# language data, E3xx dossier schema, E4xx the store (telaah.store.errors), E5xx executors and
# sharded runs (telaah.executors: E500 executor cannot start, E501 run folder or shard problem).
