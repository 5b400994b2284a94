"""Normalised forms used as identities: content hashes, entity keys, folded names."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower case, no diacritics, punctuation as single spaces ("Erdoğan, R." -> "erdogan r")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("ı", "i")  # Turkish dotless i has no decomposition
    return _NON_WORD.sub(" ", plain).strip()


def content_hash(text: str) -> str:
    """Hash of the text with case, accents, punctuation and spacing folded away, so the same
    article re-saved with other line breaks or quote marks is recognised."""
    return hashlib.sha256(fold(text).encode("utf-8")).hexdigest()


def entity_key(name: str, type_: str) -> str:
    """A stable, readable key for an entity across stories: ``per-joko-widodo``."""
    slug = fold(name).replace(" ", "-")[:80] or "x"
    return f"{type_.lower()}-{slug}"
