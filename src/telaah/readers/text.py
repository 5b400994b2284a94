"""Plain-text files: the decoded content is the article text, byte for byte."""
from __future__ import annotations

from ..document import Article
from .decode import decode


def read_text(data: bytes, display: str, stem: str, published=None) -> Article:
    text, warnings = decode(data, display)
    if not text.strip():
        from ..errors import InputError
        raise InputError(display, "file is empty (only whitespace)", "E002")
    return Article(id=stem, text=text, source=display, published=published, warnings=warnings,
                   input_kind="text", raw=None)
