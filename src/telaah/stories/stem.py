"""A light Indonesian stemmer for story grouping (affix stripping, no dictionary).

Grouping needs "menembak", "ditembak" and "penembakan" to count as one word across outlets that
phrase things differently; it does not need linguistically exact roots. The rules follow Tala
(2003): particle, possessive, first-order prefix (with recoding of the nasal), second-order
prefix, derivational suffix; a rule is skipped when it would leave fewer than ``MIN_STEM``
letters. The affixes live in ``lang/id/stem_affixes.tsv``.
"""
from __future__ import annotations

from functools import lru_cache

from ..lang import load_table

MIN_STEM = 4
VOWELS = frozenset("aeiou")


@lru_cache(maxsize=1)
def _affixes() -> dict[str, tuple[tuple[str, str], ...]]:
    kinds: dict[str, list[tuple[str, str]]] = {}
    for row in load_table("stem_affixes.tsv"):
        recode = "" if row["recode"] == "-" else row["recode"]
        kinds.setdefault(row["kind"], []).append((row["affix"], recode))
    return {k: tuple(v) for k, v in kinds.items()}


def _strip_suffix(word: str, kind: str, allow_i: bool = True) -> str:
    for affix, _ in _affixes().get(kind, ()):
        if affix == "i" and not allow_i:
            continue
        if word.endswith(affix) and len(word) - len(affix) >= MIN_STEM:
            return word[: -len(affix)]
    return word


def _strip_prefix(word: str, kind: str) -> tuple[str, str | None]:
    """Strip the first matching prefix of ``kind``; return the rest and how it was stripped."""
    for affix, recode in _affixes().get(kind, ()):
        if word.startswith(affix) and len(word) - len(affix) >= MIN_STEM - (1 if recode else 0):
            rest = word[len(affix):]
            if kind == "prefix2" and affix in ("be", "pe") and rest[:1] == "r":
                continue  # "persib", "beras": not ber-/per- words
            how = "plain"
            if recode and rest[:1] in VOWELS:
                rest, how = recode + rest, "recoded"
            if len(rest) >= MIN_STEM:
                return rest, how
    return word, None


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one lower-case word; words with digits or hyphens are returned unchanged."""
    if len(word) <= MIN_STEM or not word.isalpha():
        return word
    word = _strip_suffix(word, "particle")
    word = _strip_suffix(word, "possessive")
    word, prefix1 = _strip_prefix(word, "prefix1")
    if prefix1 is None:
        word, _ = _strip_prefix(word, "prefix2")
    # "-i" only after me-/di-/ter- (mendekati, dihadiri): elsewhere it is part of the root (henti)
    word = _strip_suffix(word, "suffix", allow_i=prefix1 is not None)
    if prefix1 == "plain":  # memper-, diper-, diber-: a second prefix may follow the first
        word, _ = _strip_prefix(word, "prefix2")
    return word
