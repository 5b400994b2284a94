"""Name normalisation for entity merging: accent folding, transliteration rules, name parts.

Two spellings are the same name when they reduce to the same form after the rules in
``lang/id/translit_variants.tsv`` (Soekarno = Sukarno, Zelenskiy = Zelensky, Sergey = Sergei),
or when they differ only in vowels (Mohamed / Muhammad, Volodymyr / Vladimir) and are close by
rapidfuzz. Knowledge lives in the data files; this module only applies it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from ..lang import load_table

VOWELS = frozenset("aeiouy")  # y counts as a vowel in skeletons (Saiful / Syaiful)
MIN_SKELETON_LEN = 4  # shorter tokens must be equal after the rules ("Lee" is not "Li")
MIN_SKELETON_RATIO = 75.0
_SPLIT = re.compile(r"[\s\-‐–/]+")
_EXTRA_FOLD = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
                             "ə": "a"})  # Azerbaijani schwa: Məmmədov = Mammadov
# after the rules, "kh" (from "ch", "x"), "sy" (from "sh") and "c" (from "ç") may all stand for
# one sound that outlets transliterate differently: French "ch" is Arabic sh (Hichem = Hisham),
# Indonesian old "ch" is kh (Chairul = Khairul), Turkish and Azerbaijani ç is English ch (Elçin =
# Elchin). Tokens that differ only there are compared on a form with one letter for the three.
_LOOSE = re.compile(r"kh|sy|c")


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[object, str, str], ...]:
    rules = []
    for r in load_table("translit_variants.tsv"):
        pattern = re.compile(r["pattern"]) if r["position"] in ("regex", "raw") else r["pattern"]
        rules.append((pattern, r["replacement"].strip(), r["position"]))
    return tuple(rules)


@lru_cache(maxsize=1)
def _name_word_rows() -> dict[str, tuple[str, ...]]:
    """The words of ``name_words.tsv`` by kind, read once for merging and the recogniser."""
    by_kind: dict[str, list[str]] = {}
    for row in load_table("name_words.tsv"):
        by_kind.setdefault(row["kind"], []).append(row["word"])
    return {kind: tuple(words) for kind, words in by_kind.items()}


@lru_cache(maxsize=1)
def name_linkers() -> frozenset[str]:
    """Lowercase particles the recogniser reads a person's name through ("Khalid bin Amor")."""
    return frozenset(_name_word_rows().get("linker", ()))


@lru_cache(maxsize=1)
def short_titles() -> frozenset[str]:
    """Titles written short before a name, with a dot after them ("Hj.", "Drs.", "H.", "Ir.")."""
    return frozenset(w for w in _name_word_rows().get("title", ()) if len(w) <= 4 and w[:1].isupper())


@lru_cache(maxsize=1)
def dotted_titles() -> frozenset[str]:
    """Short titles in either case ("Dr", "dr", "Hj"): ``short_titles`` and the lower-case
    ones ("dr", a physician), which a dot may follow before a name."""
    return frozenset(w for w in _name_word_rows().get("title", ()) if len(w) <= 4)


@lru_cache(maxsize=1)
def named_after_words() -> frozenset[str]:
    """Words that make a titled name after them an institution's or a place's ("RSUD dr. …")."""
    return frozenset(_name_word_rows().get("named_after", ()))


@lru_cache(maxsize=1)
def name_articles() -> tuple[str, ...]:
    """Arabic articles joined to a name part by a hyphen ("al-Mejri"), longest first."""
    return tuple(sorted(_name_word_rows().get("article", ()), key=len, reverse=True))


@lru_cache(maxsize=1)
def _name_words() -> tuple[frozenset[str], frozenset[str]]:
    titles, particles = set(), set()
    for kind, words in _name_word_rows().items():
        if kind in ("linker", "article"):
            continue  # the recogniser's (an article is only a particle where it is one: "al", "el")
        (titles if kind == "title" else particles).update(w.casefold() for w in words)
    try:  # the recogniser's role words, when that data file is present
        from ..lang import load_lines

        for line in load_lines("person_roles.txt"):
            word = line.split("\t")[0].strip()
            if word and " " not in word:
                titles.add(word.casefold())
        for row in load_table("ranks.tsv"):  # police and military ranks ("Kombes", "Iptu")
            if row["kind"] == "rank" and " " not in row["rank"]:
                titles.add(row["rank"].casefold())
    except Exception:  # noqa: BLE001 - optional data
        pass
    return frozenset(titles), frozenset(particles)


@lru_cache(maxsize=1)
def region_abbreviations() -> dict[str, str]:
    """Short forms of provinces as written ("Sumbar", "DKI") -> full name
    (``lang/id/region_abbreviations.tsv``)."""
    return {r["abbreviation"]: r["name"] for r in load_table("region_abbreviations.tsv")}


@lru_cache(maxsize=1)
def place_prefixes() -> dict[str, str]:
    """Folded administrative words that open a place name ("kabupaten", "kab") -> the level
    they name (``lang/id/place_prefixes.tsv``)."""
    return {r["word"]: r["level"] for r in load_table("place_prefixes.tsv")}


def admin_core(surface: str) -> tuple[str | None, str]:
    """(level, place name) of "Kabupaten Pesisir Selatan" -> ("kabupaten", "Pesisir Selatan");
    (None, surface) when no administrative word opens it or nothing follows the word."""
    head, _, rest = surface.strip().partition(" ")
    level = place_prefixes().get(fold(head).rstrip("."))
    if level is None or not rest.strip():
        return None, surface.strip()
    return level, rest.strip()


def expand_region(word: str) -> str:
    """The full name of a province short form ("Sumbar" -> "Sumatera Barat"), else the word."""
    return region_abbreviations().get(word, word)


def title_words() -> frozenset[str]:
    return _name_words()[0]


def particle_words() -> frozenset[str]:
    return _name_words()[1]


@lru_cache(maxsize=131072)
def fold(text: str) -> str:
    """Lowercase ASCII-folded text: accents dropped (Erdoğan -> erdogan)."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_EXTRA_FOLD))
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def norm_token(token: str) -> str:
    """One name token after folding, the transliteration rules and collapsing double letters.
    Rules of position "raw" see the lowercased token before its accents are folded: Serbian
    and Croatian đ is dj (Đorđević = Djordjevic) only where the word shows it is Slavic."""
    t = token.casefold()
    for pattern, repl, position in _rules():
        if position == "raw":
            t = pattern.sub(repl, t)
    t = fold(t)
    for pattern, repl, position in _rules():
        if position == "raw":
            continue
        if position == "start":
            if t.startswith(pattern):
                t = repl + t[len(pattern):]
        elif position == "end":
            if t.endswith(pattern) and len(t) > len(pattern) + 1:
                t = t[: -len(pattern)] + repl
        elif position == "regex":
            t = pattern.sub(repl, t)
        else:
            t = t.replace(pattern, repl)
    t = "".join(c for c in t if c.isalnum())
    out = []
    for c in t:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def skeleton(token: str) -> str:
    """First letter plus the consonants: muhamad / muhamed -> mhmd."""
    return token[:1] + "".join(c for c in token[1:] if c not in VOWELS)


@lru_cache(maxsize=65536)
def same_token(a: str, b: str) -> bool:
    """Whether two normalised tokens are spelling variants of one name part."""
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_SKELETON_LEN or a.isdigit() or b.isdigit():
        return False
    if skeleton(a) == skeleton(b) and fuzz.ratio(a, b) >= MIN_SKELETON_RATIO:
        return True
    la, lb = _LOOSE.sub("\x01", a), _LOOSE.sub("\x01", b)
    if (la == a and lb == b) or la[:1] == "\x01" or lb[:1] == "\x01":
        return False  # no such letters, or at the start (Cahya is not Syahya)
    return skeleton(la) == skeleton(lb) and fuzz.ratio(la, lb) >= MIN_SKELETON_RATIO


@dataclass(frozen=True, slots=True)
class NameParts:
    """A surface form split for comparison. ``content`` excludes particles and initials."""

    surface: str
    title: str | None  # title words that led the surface form ("Menteri")
    tokens: tuple[str, ...]  # normalised tokens, particles included
    content: tuple[str, ...]
    initials: tuple[str, ...]

    @property
    def joined(self) -> str:
        return "".join(self.tokens)

    @property
    def is_single(self) -> bool:
        return len(self.content) <= 1


def split_title(surface: str) -> tuple[str | None, str]:
    """("Menteri", "Lee") for "Menteri Lee"; titles are only split off when a name remains."""
    words = surface.split()
    titles = title_words()
    i = 0
    while i < len(words) - 1 and words[i].rstrip(".").casefold() in titles:
        i += 1
    if i == 0:
        return None, surface.strip()
    return " ".join(words[:i]), " ".join(words[i:])


def name_parts(surface: str, strip_title: bool = True) -> NameParts:
    title, rest = split_title(surface) if strip_title else (None, surface.strip())
    particles = particle_words()
    raw = [w for w in _SPLIT.split(rest) if w]
    tokens, content, initials = [], [], []
    for w in raw:
        n = norm_token(w)
        if not n:
            continue
        tokens.append(n)
        if fold(w).strip(".") in particles:
            continue
        if len(n) == 1:
            initials.append(n)
        else:
            content.append(n)
    return NameParts(surface, title, tuple(tokens), tuple(content), tuple(initials))


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    i = 0
    for t in long:
        if i < len(short) and same_token(short[i], t):
            i += 1
    return i == len(short)


def same_person_name(a: NameParts, b: NameParts) -> bool:
    """Whether two multi-part person names can be one person.

    Equal length: every part a variant of the other's. Unequal: the first and last parts agree
    and the shorter's parts appear in order in the longer ("Basuki Purnama" / "Basuki Tjahaja
    Purnama"), or the shorter is a prefix of three or more words ("Mohammed bin Salman" /
    "Mohammed bin Salman Al Saud"). Middle initials, when both carry them, must agree
    (George W. Bush is not George H. W. Bush).
    """
    if a.joined == b.joined:
        return True
    if a.initials and b.initials and a.initials != b.initials:
        return False
    if _patronymic_only(a, b) or _patronymic_only(b, a):
        return True
    x, y = a.content, b.content
    if len(x) < 2 or len(y) < 2:
        return False
    if len(x) == len(y):
        return all(same_token(p, q) for p, q in zip(x, y))
    short, long = (x, y) if len(x) < len(y) else (y, x)
    if same_token(short[0], long[0]) and same_token(short[-1], long[-1]) and _subsequence(short, long):
        return True
    if all(same_token(p, q) for p, q in zip(short, long)):  # Sri Mulyani / Sri Mulyani Indrawati
        return True
    if all(same_token(p, q) for p, q in zip(reversed(short), reversed(long))):  # Tito / Muhammad Tito
        return True
    return False


_PATRONYMIC = frozenset({"bin", "ben", "ibn", "ibnu"})


def _patronymic_only(short: NameParts, full: NameParts) -> bool:
    """"Ben Amor" is the "Khalid bin Amor" of the same story: a name of only a patronymic
    particle and a family name, written as Maghrebi outlets do, against a name ending in any
    patronymic particle and the same family name."""
    s, f = short.tokens, full.tokens
    return len(s) == 2 and s[0] in _PATRONYMIC and len(f) >= 3 and f[-2] in _PATRONYMIC \
        and same_token(s[1], f[-1])


def same_place_name(a: NameParts, b: NameParts) -> bool:
    """Organisation and place names: same parts in the same order (Korea Utara != Korea Selatan)."""
    if a.joined == b.joined:
        return True
    if len(a.tokens) != len(b.tokens):
        return False
    return all(same_token(p, q) for p, q in zip(a.tokens, b.tokens))


def initials_acronym(surface: str) -> str:
    """The initials of a multi-word name, particles dropped: Badan Pusat Statistik -> bps."""
    particles = particle_words()
    words = [w for w in _SPLIT.split(surface) if w]
    letters = [fold(w)[0] for w in words if fold(w) and fold(w) not in particles and fold(w)[0].isalnum()]
    return "".join(letters)


def looks_like_acronym(surface: str) -> bool:
    s = surface.strip().replace(".", "")
    return 2 <= len(s) <= 8 and " " not in s and sum(c.isupper() for c in s) >= max(2, len(s) - 2)


def acronym_fits(acronym: str, expansion: str) -> bool:
    """Whether ``acronym`` can abbreviate ``expansion``: its letters appear in order, the first
    letter leading the expansion (Kemenlu / Kementerian Luar Negeri, BPS / Badan Pusat Statistik)."""
    a = fold(acronym).replace(".", "")
    e = fold(expansion)
    if not a or not e or a[0] != e[0]:
        return False
    i = 0
    for c in e:
        if i < len(a) and c == a[i]:
            i += 1
    return i == len(a)


def prefix_abbreviation(abbr: str, expansion: str) -> bool:
    """Whether ``abbr`` is made of a leading piece of every word of ``expansion``, the first piece
    at least two letters: Jabar / Jawa Barat, Kaltim / Kalimantan Timur, Korsel / Korea Selatan."""
    a = fold(abbr).replace(".", "")
    words = _words(expansion)
    if len(words) < 2 or not a.isalpha() or a[:2] != words[0][:2]:
        return False

    def fits(i: int, w: int) -> bool:
        if w == len(words):
            return i == len(a)
        word = words[w]
        lo = 2 if w == 0 else 1
        for k in range(min(len(word), len(a) - i), lo - 1, -1):
            if a[i : i + k] == word[:k] and fits(i + k, w + 1):
                return True
        return False

    return fits(0, 0)


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in _SPLIT.split(text) if w)


_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:bin\s+|binti\s+)?[A-Z][\w'’.-]*){0,4}"


@lru_cache(maxsize=1)
def _nickname_patterns() -> tuple[tuple[str, ...], tuple[tuple[re.Pattern, int, int], ...]]:
    """From ``lang/id/nickname_markers.tsv``: the words whose presence lets an article declare a
    nickname (a cheap test before any pattern runs), and (pattern, group of the nickname, group
    of the full name) for each phrase, in the file's order."""
    words: list[str] = []
    patterns = []
    for row in load_table("nickname_markers.tsv"):
        tokens = row["phrase"].split()
        comma = tokens[:1] == ["[,]"]
        if comma:
            tokens = tokens[1:]
        parts = []
        for token in tokens:
            if token.startswith("[") and token.endswith("]"):  # an optional word
                parts.append(r"(?:(?:" + "|".join(map(re.escape, token[1:-1].split("/"))) + r")\s+)?")
            else:
                parts.append(re.escape(token) + r"\s+")
        first_required = next(t for t in tokens if not t.startswith("["))
        if first_required not in words:
            words.append(first_required)
        nick, full = (1, 2) if row["nickname"] == "first" else (2, 1)
        pattern = rf"({_NAME}){',?' if comma else ''}\s+{''.join(parts)}({_NAME})"
        patterns.append((re.compile(pattern), nick, full))
    return tuple(words), tuple(patterns)


def nickname_marker_words() -> frozenset[str]:
    """The words that declare a nickname ("alias", "disapa", "sapaan", …)."""
    return frozenset(_nickname_patterns()[0])


def declared_nicknames(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The nicknames a text declares, as (nickname span, full-name span), in the order of
    ``lang/id/nickname_markers.tsv``'s phrases: "Basuki Tjahaja Purnama alias Ahok", "Bambang
    Irawan yang akrab disapa Bams", "Gus Sholah, sapaan akrab KH Salahuddin Wahid". Used by the
    quote stage (a speaker named by the nickname) and by entity merging (one entity)."""
    words, patterns = _nickname_patterns()
    low = text.lower()
    if not any(w in low for w in words):
        return []
    out = []
    for pattern, nick, full in patterns:
        for m in pattern.finditer(text):
            out.append(((m.start(nick), m.end(nick)), (m.start(full), m.end(full))))
    return out
