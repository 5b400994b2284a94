"""An Indonesian stemmer for story grouping: dictionary-checked affix stripping.

Grouping needs "menembak", "ditembak" and "penembakan" to count as one word across outlets that
phrase things differently, and must not over-strip ("diperiksa" is "periksa", not "iksa"). The
method follows Nazief and Adriani (1996) as extended by Arifin et al. (2009, "ECS") and used by
Sastrawi: strip particle, possessive and derivational suffix, then up to three prefixes (with the
nasal recoded: menyapu -> sapu, memukul -> pukul / memakan -> makan), checking a root-word list
after every step; if stripping everything finds no root, suffixes are restored one by one and
prefixes tried again (kebijakan = ke- + bijak + -an, not kebija + -kan).

The root list (``lang/id/stem_roots.txt``) is derived from the shared corpora by
``scripts/build_stem_roots.py`` plus a hand list of lexicalised words that look affixed
(``lang/id/stem_roots_curated.txt``). A word whose root is not in the list falls back to the
light rule stemmer of Tala (2003) below, so unknown words still lose their obvious affixes.
"""
from __future__ import annotations

from functools import lru_cache

from ..lang import load_lines, load_table

MIN_STEM = 4
MIN_ROOT = 3
VOWELS = frozenset("aeiou")
PARTICLES = ("lah", "kah", "tah", "pun")
POSSESSIVES = ("nya", "ku", "mu")
DERIVATIONAL = ("kan", "an", "i")
# prefix + suffix pairs that Indonesian morphology does not allow (Nazief and Adriani)
_DISALLOWED = {("be", "i"), ("di", "an"), ("ke", "i"), ("ke", "kan"), ("me", "an"), ("se", "i"),
               ("se", "kan"), ("te", "an")}


@lru_cache(maxsize=1)
def roots() -> frozenset[str]:
    """Root words: the derived list plus the curated lexicalised forms."""
    return frozenset(load_lines("stem_roots.txt")) | frozenset(load_lines("stem_roots_curated.txt"))


def prefix_options(word: str) -> list[tuple[str, str]]:
    """Ways to remove one prefix from ``word``: (prefix family, remainder), preferred first.

    Families are the two-letter heads (me, pe, be, te, di, ke, se) so that the disallowed
    prefix-suffix pairs can be checked. Nasal prefixes offer every recoding; the root list
    decides between them.
    """
    out: list[tuple[str, str]] = []
    w = word

    def add(family: str, rest: str) -> None:
        if len(rest) >= MIN_ROOT and (family, rest) not in out:
            out.append((family, rest))

    if w.startswith(("di", "ke", "se")):
        add(w[:2], w[2:])
    for head, family in (("me", "me"), ("pe", "pe")):
        if not w.startswith(head):
            continue
        r = w[2:]
        if r.startswith("ng"):
            rest = r[2:]
            if rest[:1] in VOWELS:
                add(family, rest)  # mengambil -> ambil
                add(family, "k" + rest)  # mengirim -> kirim
            elif rest[:1] in ("g", "h", "k", "q"):
                add(family, rest)  # mengganti -> ganti, menghadapi -> hadap
        elif r.startswith("ny") and r[2:3] in VOWELS:
            add(family, "s" + r[2:])  # menyapu -> sapu
            add(family, "ny" + r[2:])
        elif r.startswith("m"):
            rest = r[1:]
            if rest[:1] in VOWELS:
                add(family, "m" + rest)  # memakan -> makan
                add(family, "p" + rest)  # memukul -> pukul
            elif rest[:1] in ("b", "f", "v", "p"):
                add(family, rest)  # membangun -> bangun, memperbaiki -> perbaiki
        elif r.startswith("n"):
            rest = r[1:]
            if rest[:1] in VOWELS:
                add(family, "t" + rest)  # menulis -> tulis
                add(family, "n" + rest)  # menanti -> nanti
            elif rest[:1] in ("c", "d", "j", "s", "z", "t", "y"):
                add(family, rest)  # mencari -> cari, mendapat -> dapat
        elif r[:1] in ("l", "r", "w", "y") or (head == "pe" and r[:1] not in VOWELS):
            add(family, r)  # melihat -> lihat, merasa -> rasa; petani -> tani, pekerja -> kerja
        if head == "pe":
            if r.startswith("r"):
                add(family, r[1:])  # perbaiki -> baik
            if r.startswith("lajar"):
                add(family, "ajar")
    if w.startswith("be"):
        r = w[2:]
        if r.startswith("r"):
            add("be", r[1:])  # bermain -> main
            add("be", r)  # beranak -> ranak? kept second: the root list decides
        elif r.startswith("lajar"):
            add("be", "ajar")
        elif r[:1] not in VOWELS:
            add("be", r)  # bekerja -> kerja
    if w.startswith("te"):
        r = w[2:]
        if r.startswith("r"):
            add("te", r[1:])  # terbakar -> bakar
            add("te", r)  # terasa -> rasa
        elif r[:1] not in VOWELS:
            add("te", r)  # tercantum? (ter-) ; tepercaya -> percaya
    return out


def _suffix_variants(word: str) -> list[tuple[str, str | None]]:
    """(word without suffixes, derivational suffix removed or None), most stripped first."""
    stages = [word]
    w = word
    for group in (PARTICLES, POSSESSIVES):
        for s in group:
            if w.endswith(s) and len(w) - len(s) >= MIN_ROOT:
                w = w[: -len(s)]
                stages.append(w)
                break
    out: list[tuple[str, str | None]] = []
    base = stages[-1]
    for s in DERIVATIONAL:
        if base.endswith(s) and len(base) - len(s) >= MIN_ROOT:
            out.append((base[: -len(s)], s))
    for stage in reversed(stages):
        out.append((stage, None))
    return out


def _with_prefixes(word: str, suffix: str | None, depth: int, previous: str | None) -> str | None:
    """A root reached from ``word`` by removing up to ``3 - depth`` prefixes."""
    if word in roots():
        return word
    if depth >= 3:
        return None
    for family, rest in prefix_options(word):
        if family == previous:
            continue  # no prefix doubles itself (di-di-)
        if depth == 0 and suffix and (family, suffix) in _DISALLOWED:
            continue
        found = _with_prefixes(rest, suffix, depth + 1, family)
        if found:
            return found
    return None


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one lower-case word; words with digits or hyphens are returned unchanged."""
    if len(word) <= MIN_STEM or not word.isalpha():
        return word
    if word in roots():
        return word
    for candidate, suffix in _suffix_variants(word):
        if candidate in roots():
            return candidate
        found = _with_prefixes(candidate, suffix, 0, None)
        if found:
            return found
    return light_stem(word)


# -- fallback: light rule stemmer (Tala 2003), for words whose root is not listed -----------

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
def light_stem(word: str) -> str:
    """Rule-only stemming (no dictionary): used for words whose root is not in the list."""
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
