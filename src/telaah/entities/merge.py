"""One entity per real-world referent: merge the mentions of all articles of a run.

Merging runs in three passes over a union-find of mentions:

1. inside each article: full names join their spelling variants; a bare surname or
   title-plus-surname ("Menteri Lee", "Wang") joins the nearest earlier full name that contains
   it and whose role agrees; an acronym joins the expansion it stands beside ("Badan Pusat
   Statistik (BPS)");
2. across articles: full names and place/organisation names join their variants, gazetteer
   forms join their canonical name, nicknames join through ``lang/id/person_aliases.tsv``;
3. across articles, left-over surnames and acronyms join the one entity they can belong to,
   and stay apart when there are two (two Lees, no role to tell them apart); a place joins its
   form with an administrative word ("Kabupaten Pesisir Selatan" / "Pesisir Selatan") and an
   organisation its one regional office ("Walhi Sumbar"), each only when nothing contradicts.

Before merging, a one-word PER mention that the run otherwise tags as a place takes that type
("Padang dan Painan": ``retype_lone_names``), a person-typed name that a person's role names
and the run tags as an organisation is that organisation ("direktur Glas Gradjana, ...":
``retype_named_offices``), and an organisation's last word that the recogniser glued to the
person after it goes back to it ("PT Samudra Timur | Abadi Hendrikus Wara":
``repair_glued_names``).

Every union is checked first: two clusters never merge when they hold person names that cannot
be one person (Kim Jong-un / Kim Jong-il) or contradicting roles (Presiden / Menteri), because
a missed merge costs less than a wrong one.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from ..document import Article, Corpus, Entity, Mention
from ..lang import load_table
from ..pipeline import CorpusStage, Options
from .names import (
    NameParts,
    acronym_fits,
    admin_core,
    declared_nicknames,
    expand_region,
    fold,
    initials_acronym,
    nickname_marker_words,
    looks_like_acronym,
    name_parts,
    place_prefixes,
    prefix_abbreviation,
    region_abbreviations,
    same_person_name,
    same_place_name,
    same_token,
    skeleton,
)

# --------------------------------------------------------------------------- knowledge


@lru_cache(maxsize=1)
def _person_aliases() -> dict[str, str]:
    return {fold(r["alias"]).replace(".", "").strip(): r["name"] for r in load_table("person_aliases.tsv")}


@lru_cache(maxsize=1)
def _org_head_words() -> frozenset[str]:
    """Words that open an organisation's name ("Kementerian", "Komisi"): ``org_heads.tsv``."""
    return frozenset(r["word"] for r in load_table("org_heads.tsv") if r["position"] == "first")


@lru_cache(maxsize=1)
def _role_modifiers() -> frozenset[str]:
    return frozenset(fold(r["word"]) for r in load_table("name_words.tsv") if r["kind"] == "role_modifier")


def person_alias(surface: str) -> str | None:
    """The full name a nickname stands for ("Jokowi" -> "Joko Widodo"), else None."""
    return _person_aliases().get(fold(surface).replace(".", "").strip())


def _gazetteer():
    """The gazetteer module when its data is present, else None (merging then knows less)."""
    try:
        from . import gazetteer

        gazetteer.load_gazetteer()
        return gazetteer
    except Exception:  # noqa: BLE001 - the gazetteer is optional knowledge
        return None


@lru_cache(maxsize=32768)
def gazetteer_entry(surface: str, type_: str):
    """(canonical, kind) for a surface form the gazetteer knows as one referent of a compatible type
    (cached: the same names recur in every story of a run)."""
    gaz = _gazetteer()
    if gaz is None:
        return None
    hits = gaz.lookup(surface) or gaz.lookup(surface, ignore_case=True)
    want = ("PER",) if type_ == "PER" else ("ORG", "LOC", "MISC")
    hits = [h for h in hits if h.type in want]
    canon = {h.canonical for h in hits}
    if len(canon) != 1:
        return None
    return hits[0].canonical, hits[0].kind


def capital_country(surface: str) -> str | None:
    """The country whose capital ``surface`` is ("Beijing" -> "Tiongkok"), via the gazetteer."""
    gaz = _gazetteer()
    if gaz is None:
        return None
    try:
        return gaz.capital_country(surface)
    except Exception:  # noqa: BLE001
        return None


@lru_cache(maxsize=32768)
def _name_parts(surface: str, strip_title: bool = True) -> NameParts:
    """``name_parts`` once per distinct form (NameParts is frozen, so sharing it is safe)."""
    return name_parts(surface, strip_title=strip_title)


_skeleton = lru_cache(maxsize=65536)(skeleton)
# Pure functions of a name form, asked again for the same forms in every story of a run.
_fold = lru_cache(maxsize=65536)(fold)
_looks_like_acronym = lru_cache(maxsize=65536)(looks_like_acronym)
_initials_acronym = lru_cache(maxsize=32768)(initials_acronym)


# --------------------------------------------------------------------------- roles


@lru_cache(maxsize=1)
def _folded_regions() -> dict[str, tuple[str, ...]]:
    return {fold(k): tuple(fold(v).split()) for k, v in region_abbreviations().items()}


@lru_cache(maxsize=8192)
def role_words(role: str | None) -> tuple[str, ...]:
    """The role's words without modifiers ("mantan"), province short forms spelled out
    ("Gubernur Sumbar" and "Gubernur Sumatera Barat" are one office)."""
    if not role:
        return ()
    mods = _role_modifiers()
    regions = _folded_regions()
    out: list[str] = []
    for w in fold(role).replace(".", " ").split():
        if w not in mods:
            out.extend(regions.get(w, (w,)))
    return tuple(out)


@lru_cache(maxsize=32768)
def _office_head(role: str) -> str:
    """The first word of a role, its office's short form written out ("Menlu RI" -> "menteri",
    "Kabid Humas" -> "kepala"; ``lang/id/office_abbreviations.tsv``)."""
    from ..quotes.lexicon import _office_abbreviations

    first = role_words(role)[0]
    return _office_abbreviations().get(first, (first,))[0]


@lru_cache(maxsize=32768)
def roles_compatible(a: str | None, b: str | None) -> bool:
    """Whether two roles can describe one person: one is a prefix of the other ("Menteri" /
    "Menteri Luar Negeri"), or an abbreviation of it ("Menlu"). "Wakil Presiden" is not "Presiden"."""
    x, y = role_words(a), role_words(b)
    if not x or not y:
        return True
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    if long[: len(short)] == short:
        return True
    if len(short) == 1 and acronym_fits(short[0], " ".join(long)):
        return True
    # "Ketua SPKG" / "Ketua Serikat Pekerja Kimia Gresik": the same head, then the initials of the rest
    head = len(short) - 1
    if head and long[:head] == short[:head] and len(long) - head >= 2 \
            and initials_acronym(" ".join(long[head:])) == short[-1]:
        return True
    return False


# --------------------------------------------------------------------------- prepared mentions


@dataclass(slots=True)
class _Item:
    key: int
    art: int
    idx: int
    mention: Mention
    parts: NameParts
    role: str | None
    alias_of: str | None = None  # full name from the nickname table
    gaz: tuple[str, str] | None = None  # (canonical, kind)
    paren: str | None = None  # text in parentheses right after the mention
    surface: str = ""  # the mention text without enclosing brackets or a trailing "(ACR)"
    person: bool = False  # a PER mention
    full: NameParts | None = None  # see full_name(); set once alias_of and gaz are known
    full_keys: tuple[tuple[str, str], ...] = ()  # (token, skeleton) of full.content
    full_joined: str = ""  # full.joined, computed once
    joined: str = ""  # parts.joined, computed once
    shape: tuple[str, ...] = ()  # skeletons of parts.tokens
    declared: str | None = None  # the bracketed short form after the name, when it fits the name
    nickname: bool = False  # a nickname the article declares for a fuller name ("Bams")

    def full_name(self) -> NameParts | None:
        """The multi-part name this mention gives, if any (itself, or its nickname's expansion)."""
        if self.person:
            if not self.parts.is_single:
                return self.parts
            if self.alias_of:
                return _name_parts(self.alias_of, strip_title=False)
            if self.gaz and len(self.gaz[0].split()) > 1:
                return _name_parts(self.gaz[0], strip_title=False)
        return None


@lru_cache(maxsize=32768)
def _declared_acronym(paren: str) -> bool:
    """Whether bracketed text after a name can be its short form: an acronym ("BPS", "BEM
    SI"), or one capitalised word, as Indonesian writes many ("Walhi", "Basarnas",
    "Bappenas"); whether it fits the name is ``_acronym_of``'s to say."""
    p = paren.strip()
    return _acronym_like(p) or (3 <= len(p) <= 10 and p.isalpha() and p[0].isupper())


@lru_cache(maxsize=65536)
def _acronym_like(surface: str) -> bool:
    """An acronym, or up to three written as one name ("BEM SI", "DPR RI"): capitals only."""
    words = surface.split()
    if len(words) == 1:
        return looks_like_acronym(words[0])
    return 2 <= len(words) <= 3 and all(w.isupper() and looks_like_acronym(w) for w in words)


@lru_cache(maxsize=65536)
def _acronym_key(surface: str) -> str:
    """An acronym as merging compares it: folded, without dots or spaces ("BEM SI" -> "bemsi",
    which the initials of "Badan Eksekutif Mahasiswa Seluruh Indonesia" spell)."""
    return fold(surface).replace(".", "").replace(" ", "").strip()


@lru_cache(maxsize=32768)
def _foreign_acronym(paren: str, type_: str) -> bool:
    """A short form in capitals that a bracket declares for an organisation's name although its
    letters do not fit it, being the short form of the name in another language ("Pasukan
    Demokratik Suriah (SDF)", "Observatorium Suriah untuk Hak Asasi Manusia (SOHR)"). Not one
    the gazetteer knows as something else ("Kementerian Luar Negeri (AS)", "(ANTARA)")."""
    p = paren.strip()
    if type_ != "ORG" or not p.isupper() or len(_acronym_key(p)) < 3 or not _acronym_like(p):
        return False
    gaz = _gazetteer()
    return gaz is None or not gaz.lookup(p)


@lru_cache(maxsize=32768)
def _acronym_of(paren: str, name: str) -> bool:
    """``acronym_fits`` once per (bracketed text, name) pair."""
    return acronym_fits(paren, name)


@dataclass(frozen=True)
class _MentionFacts:
    """What merging derives from a mention's text and type alone, computed once per distinct
    (text, type): the same names recur in every story of a run."""

    surface: str
    inner: str | None
    parts: NameParts
    name: str  # the surface without its title
    person: bool
    alias_of: str | None
    gaz: tuple[str, str] | None
    full: NameParts | None
    full_keys: tuple[tuple[str, str], ...]
    full_joined: str
    joined: str
    shape: tuple[str, ...]  # skeletons of parts.tokens: names that can be variants share it
    acronym: str | None  # the folded name when the name itself is an acronym (not for persons)


@lru_cache(maxsize=32768)  # ~1.5 kB an entry with what it holds
def _mention_facts(text: str, type_: str) -> _MentionFacts:
    surface, inner = split_brackets(text)
    person = type_ == "PER"
    parts = _name_parts(surface, strip_title=person)
    name = surface if parts.title is None else surface[len(parts.title):].strip()
    probe = _Item(0, 0, 0, None, parts, None, alias_of=person_alias(name) if person else None,
                  gaz=gazetteer_entry(name, type_), surface=surface, person=person)
    full = probe.full_name()
    return _MentionFacts(
        surface, inner, parts, name, person, probe.alias_of, probe.gaz, full,
        tuple((t, skeleton(t)) for t in full.content) if full is not None else (),
        full.joined if full is not None else "", parts.joined, tuple(skeleton(t) for t in parts.tokens),
        _acronym_key(name) if not person and _acronym_like(name) else None)


class _Cluster:
    """Mentions joined so far, with what the union checks compare (slots: one per mention)."""

    __slots__ = ("items", "fulls", "roles", "gaz", "acronyms", "person")

    def __init__(self, items: list[_Item] | None = None, fulls: list[NameParts] | None = None,
                 roles: list[str] | None = None, gaz: set[str] | None = None,
                 acronyms: set[str] | None = None, person: bool = False):
        self.items = [] if items is None else items
        self.fulls = [] if fulls is None else fulls
        self.roles = [] if roles is None else roles
        self.gaz = set() if gaz is None else gaz
        self.acronyms = set() if acronyms is None else acronyms
        self.person = person


# A clipped short form ("Alex" of Alexander) has at least this many letters and this share of
# the name part it clips: "Ali" is not Alimuddin
CLIPPED_MIN_LETTERS = 4
CLIPPED_MIN_SHARE = 0.4


class _Merger:
    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.items: list[_Item] = []
        self.parent: list[int] = []
        self.clusters: dict[int, _Cluster] = {}
        self.by_article: list[list[_Item]] = []
        self.nicknames: dict[str, set[int]] = {}  # declared nickname (folded) -> its person's roots
        for ai, article in enumerate(corpus.articles):
            row = []
            for mi, m in enumerate(article.mentions):
                row.append(self._prepare(article, ai, mi, m))
            self.by_article.append(row)

    # ---- setup

    def _prepare(self, article: Article, ai: int, mi: int, m: Mention) -> _Item:
        facts = _mention_facts(m.text or "", m.type)
        parts, full, gaz, person = facts.parts, facts.full, facts.gaz, facts.person
        role = m.role or parts.title
        key = len(self.items)
        paren = facts.inner or _paren_after(article.text, m.end)
        item = _Item(key, ai, mi, m, parts, role, facts.alias_of, gaz, paren, facts.surface, person, full,
                     facts.full_keys, facts.full_joined, facts.joined, facts.shape)
        self.items.append(item)
        self.parent.append(key)
        acronyms = set()
        if paren and not person and _declared_acronym(paren) and (
                _acronym_of(_acronym_key(paren), facts.name) or _foreign_acronym(paren, m.type)):
            acronyms.add(_acronym_key(paren))
            item.declared = paren
        if facts.acronym is not None:
            acronyms.add(facts.acronym)
        self.clusters[key] = _Cluster([item], [full] if full is not None else [], [role] if role else [],
                                      {gaz[0]} if gaz else set(), acronyms, person)
        return item

    # ---- union-find

    def find(self, k: int) -> int:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def cluster(self, item: _Item) -> _Cluster:
        return self.clusters[self.find(item.key)]

    def compatible(self, a: _Cluster, b: _Cluster) -> bool:
        if a is b:
            return True
        if a.person != b.person:
            return False
        if a.gaz and b.gaz and not (a.gaz & b.gaz):
            return False
        if a.person:
            for x in a.fulls:
                for y in b.fulls:
                    if not same_person_name(x, y):
                        return False
            if not (a.fulls and b.fulls):  # roles only tell apart bare surnames ("Menteri Lee")
                for r in a.roles:
                    for s in b.roles:
                        if not roles_compatible(r, s):
                            return False
        return True

    def union(self, x: _Item, y: _Item) -> bool:
        rx, ry = self.find(x.key), self.find(y.key)
        if rx == ry:
            return True
        a, b = self.clusters[rx], self.clusters[ry]
        if not self.compatible(a, b):
            return False
        if rx > ry:
            rx, ry, a, b = ry, rx, b, a
        self.parent[ry] = rx
        a.items += b.items
        a.fulls += b.fulls
        a.roles += b.roles
        a.gaz |= b.gaz
        a.acronyms |= b.acronyms
        del self.clusters[ry]
        return True

    # ---- pass 1: inside an article

    def merge_article(self, items: list[_Item]) -> None:
        fulls = [it for it in items if it.full is not None]
        for i, it in enumerate(fulls):  # spelling variants of full names
            for prev in fulls[:i]:
                if _may_be_same_person(it, prev) and same_person_name(it.full, prev.full) and self.union(it, prev):
                    break
        others = [it for it in items if not it.person]
        # identical or variant place / organisation names: each meets, in order, only the earlier
        # names _same_thing can accept (same gazetteer referent, same joined form, or the same
        # type and token skeletons), not every earlier name
        earlier: dict[tuple, list[int]] = {}
        for i, it in enumerate(others):
            keys = [("joined", it.joined), ("shape", it.mention.type, it.shape)]
            if it.gaz:
                keys.append(("gaz", it.gaz[0]))
            pool = sorted({j for key in keys for j in earlier.get(key, ())})
            for j in pool:
                if _same_thing(it, others[j]) and self.union(it, others[j]):
                    break
            for key in keys:
                earlier.setdefault(key, []).append(i)
        for it in others:  # "Badan Pusat Statistik (BPS)" and "KPK (Komisi ...)"
            if it.declared:  # not a dateline's agency: "Beograd (AFP)"
                for other in others:
                    if other is not it and other.mention.start > it.mention.end and other.mention.start - it.mention.end <= 3:
                        if _acronym_key(other.surface) == _acronym_key(it.declared):
                            self.union(it, other)
        self._resolve_bare_heads(others)
        for i, it in enumerate(items):  # surnames and title + surname
            if it.person and it.full is None:
                self._resolve_single(it, items, i)
        if items:
            self._merge_declared_nicknames(items)

    def _merge_declared_nicknames(self, items: list[_Item]) -> None:
        """A nickname the article declares ("Bambang Irawan yang akrab disapa Bams", "Suparman,
        yang akrab disapa Cak Man") is the full name's person wherever the article uses it."""
        text = self.corpus.articles[items[0].art].text
        for (ns, ne), (fs, fe) in declared_nicknames(text):
            # the names right beside the marker: a pattern's name run may reach back over a
            # sentence end ("… dibantah Sugiharto.  Andi Agustinus alias Andi Narogong")
            if fs < ns:  # "Bambang Irawan yang akrab disapa Bams"
                full = next((it for it in items if it.person and it.mention.end == fe), None)
                nick_item = next((it for it in items if it.person and it.mention.start == ns), None)
            else:  # "Djanur, sapaan akrab Djadjang"
                full = next((it for it in items if it.person and it.mention.start == fs), None)
                nick_item = next((it for it in items if it.person and it.mention.end == ne), None)
            if full is None or nick_item is None:
                continue
            nick = _fold_surface(nick_item.surface)
            if nick in {_fold_surface(w) for w in full.surface.split()}:
                continue  # "Agus Setyawan alias Agus": the given name, no nickname
            for it in items:
                if it.person and it is not full and _fold_surface(it.surface) == nick and self._join_as_nickname(full, it):
                    self.nicknames.setdefault(nick, set()).add(self.find(full.key))

    def _join_as_nickname(self, person: _Item, it: _Item) -> bool:
        """Merge the nickname mention ``it`` into ``person``'s entity; a nickname of two words
        ("Cak Man") stops counting as a full name of its own."""
        if it.full is not None:
            self.cluster(it).fulls = [f for f in self.cluster(it).fulls if f is not it.full]
            it.full = None
        it.nickname = True
        return self.union(person, it)

    def _merge_nicknames_elsewhere(self) -> None:
        """A nickname one article declares names that person in the other articles too ("Bams"
        in a report that never spells out Bambang Irawan), when it was declared for one person."""
        for nick, roots in self.nicknames.items():
            targets = {self.find(r) for r in roots}
            if len(targets) != 1:
                continue
            target = self.clusters[targets.pop()].items[0]
            nick_joined = _name_parts(nick).joined
            for row in self.by_article:
                for it in row:
                    if not it.person or _fold_surface(it.surface) != nick or self.find(it.key) == self.find(target.key):
                        continue
                    if any(f.joined != nick_joined for f in self.cluster(it).fulls):
                        continue  # resolved in its own article: "Soni" of Karan Soni, not Sumarsono's "Soni"
                    self._join_as_nickname(target, it)

    def _resolve_bare_heads(self, others: list[_Item]) -> None:
        """A bare head word ("Kementerian mengatakan ...") after an organisation named with it
        ("Kementerian Pertahanan Turki") is that organisation: the definite short form news
        writes for a second mention, not a new entity. Only heads of ``lang/id/org_heads.tsv``,
        and only when one earlier organisation of the article opens with that head."""
        heads = _org_head_words()
        for i, it in enumerate(others):
            head = it.surface.strip()
            if it.mention.type != "ORG":
                continue
            if head not in heads or it.gaz:
                continue
            roots = {self.find(o.key) for o in others[:i]
                     if o.mention.type == "ORG" and o.surface.split()[0] == head and len(o.surface.split()) >= 2}
            if len(roots) == 1:
                self.union(it, self.clusters[roots.pop()].items[0])

    def _resolve_single(self, it: _Item, items: list[_Item], i: int) -> None:
        """Join the surname ``items[i]`` to the full name it belongs to, nearest earlier first."""
        token = it.parts.content[0] if it.parts.content else None
        if token is None:
            return
        token_skeleton = skeleton(token)

        def candidates(pool: Iterable[_Item]) -> list[_Item]:
            # same_token is only ever true for equal tokens or equal skeletons: test those first
            return [c for c in pool if c.full is not None and any(
                t == token or (k == token_skeleton and same_token(token, t)) for t, k in c.full_keys)]

        for pool in (reversed(items[:i]), items[i + 1:]):  # nearest earlier first, then later
            cands = candidates(pool)
            if not cands:
                continue
            chosen = self._pick(it, cands)
            if chosen is not None:
                self.union(it, chosen)
            return
        self._resolve_clipped(it, token, items)

    def _resolve_clipped(self, it: _Item, token: str, items: list[_Item]) -> None:
        """A short form clipped from one part of a full name ("Alex" for Alexander Marwata,
        "Enggar" for Enggartiasto Lukita) names that person when one person of the article fits:
        news introduces the full name once and then uses the form people call them by."""
        low = token.lower()
        if len(low) < CLIPPED_MIN_LETTERS:
            return
        roots: dict[int, _Item] = {}
        for c in items:
            # a name written as words ("Tagar #DjanurOut", "Salazar’s Revenge" are not names)
            if c.full is None or c is it or not c.person or not all(w.isalpha() for w in c.mention.text.split()):
                continue
            if any(t.lower().startswith(low) and len(low) < len(t) and len(low) / len(t) >= CLIPPED_MIN_SHARE
                   for t, _ in c.full_keys):
                roots.setdefault(self.find(c.key), c)
        if len(roots) == 1:
            chosen = self._pick(it, list(roots.values()))
            if chosen is not None:
                self.union(it, chosen)

    def _pick(self, it: _Item, cands: list[_Item]) -> _Item | None:
        """The candidate antecedent of a surname: the one role-matching, else the nearest."""
        role = it.role
        ok = [c for c in cands if all(roles_compatible(role, r) for r in self.cluster(c).roles)]
        if not ok:
            return None
        if role:
            explicit = [c for c in ok if any(role_words(r) for r in self.cluster(c).roles)]
            roots = {self.find(c.key) for c in explicit}
            if len(roots) == 1:
                return explicit[0]
        return ok[0]

    # ---- pass 2 and 3: across articles

    def merge_corpus(self) -> None:
        reps: list[_Item] = []  # one full-name carrier per local cluster, first seen first
        seen: set[int] = set()
        for row in self.by_article:
            for it in row:
                if it.full is not None and self.find(it.key) not in seen:
                    seen.add(self.find(it.key))
                    reps.append(it)
        index: dict[str, list[_Item]] = {}
        for it in reps:
            cands: list[_Item] = []
            for _, k in (it.full_keys[0], it.full_keys[-1]):  # first and last part's skeletons
                cands += index.get(k, [])
            for c in cands:
                if self.find(c.key) != self.find(it.key) and same_person_name(it.full, c.full) \
                        and (it.full_joined == c.full_joined or not self._roles_clash(it, c)):
                    self.union(it, c)
            for _, k in it.full_keys:
                index.setdefault(k, []).append(it)
        # places and organisations: same name, same gazetteer referent
        by_key: dict[str, _Item] = {}
        for row in self.by_article:
            for it in row:
                if it.person:
                    continue
                for key in _place_keys(it):
                    if key in by_key:
                        self.union(it, by_key[key])
                    else:
                        by_key[key] = it
        self._merge_admin_prefixes()
        self._merge_acronyms()
        self._merge_abbreviations()
        self._merge_regional_offices()
        self._merge_nicknames_elsewhere()
        self._merge_singles()

    def _roles_clash(self, a: _Item, b: _Item) -> bool:
        """(session 29) Whether two people named alike but not the same ("Ahmad Fauzi" and
        "Ahmad Fauzi Rahman") in two articles hold offices that cannot be one person's
        ("Direktur CV Maju Jaya" and "Bupati Garut"): then they are namesakes, not one person
        written short. A name written out the same in both still merges."""
        if not (a.full and b.full and a.full.content[:1] == b.full.content[:1]):
            return False  # only a name written longer at its end ("Ahmad Fauzi [Rahman]")
        # a one-word role is too often a misread office ("Presiden" for the president's spokesman)
        ra = [r for r in self.cluster(a).roles if len(role_words(r)) >= 2]
        rb = [r for r in self.cluster(b).roles if len(role_words(r)) >= 2]
        if not (ra and rb):
            return False
        # offices are written many ways ("Kabid Humas", "Kepala Bidang Hubungan Masyarakat"):
        # one office word in common ("kepala") is enough to keep them one person
        if {_office_head(r) for r in ra} & {_office_head(r) for r in rb}:
            return False
        return not any(roles_compatible(x, y) for x in ra for y in rb)

    def _merge_admin_prefixes(self) -> None:
        """"Kabupaten Pesisir Selatan", "Pesisir Selatan" and "kota Semarang" / "Semarang" are
        one place when the run names it with one administrative level only; "Kabupaten Bogor"
        and "Kota Bogor" are two places, and a bare "Bogor" then joins neither."""
        groups: dict[str, tuple[set[str], list[_Item]]] = {}
        for row in self.by_article:
            for it in row:
                if it.person or it.mention.type != "LOC":
                    continue
                level, core = admin_core(it.surface)
                key = _place_key(core)
                if key:
                    levels, items = groups.setdefault(key, (set(), []))
                    if level:
                        levels.add(level)
                    items.append(it)
        for levels, items in groups.values():
            if len(levels) == 1 and len(items) > 1:
                for it in items[1:]:
                    self.union(it, items[0])

    def _merge_regional_offices(self) -> None:
        """An organisation named with an Indonesian region after it ("Walhi Sumbar", "Dinas
        Kehutanan Sumbar") is its regional office. It joins the bare organisation ("Walhi",
        "Dinas Kehutanan", the "Wahana Lingkungan Hidup Indonesia (Walhi)" that declared the
        short form) only when nothing contradicts: the run names that organisation with this one
        region ("Walhi Sumbar" and "Walhi Jabar" stay apart, and a bare "Walhi" joins neither),
        and the bare name's article names the region too. Merging runs before stories are
        grouped, so the article stands in for the story: a "Dinas Kehutanan" of an article
        about another province stays apart. A national body and its one regional office in a
        story are, for a reader, one voice: its statements hang off one entity, the office an alias."""
        places = self._corpus_places()
        offices: dict[str, list[tuple[str, _Item]]] = {}  # base key -> (region key, item)
        bare: dict[str, list[_Item]] = {}
        regions_of: dict[int, set[str]] = {}  # article -> region keys it names
        for row in self.by_article:
            for it in row:
                if it.person:
                    continue
                if it.mention.type == "LOC":
                    regions_of.setdefault(it.art, set()).add(_place_key(admin_core(it.surface)[1]))
                if it.mention.type != "ORG":
                    continue
                split = _office_region(it.surface, places)
                if split is None:
                    bare.setdefault(_place_key(it.surface), []).append(it)
                    if it.gaz and it.gaz[1] == "regional_office" and _place_key(it.gaz[0]) != _place_key(it.surface):
                        bare.setdefault(_place_key(it.gaz[0]), []).append(it)  # "Kejati": "Kejaksaan Tinggi"
                    continue
                base, region, _ = split
                regions_of.setdefault(it.art, set()).add(region)
                for key in _office_keys(base):
                    offices.setdefault(key, []).append((region, it))
        acronym_roots: dict[str, set[int]] = {}
        for root, c in self.clusters.items():
            if not c.person:
                for a in c.acronyms:
                    acronym_roots.setdefault(a, set()).add(root)
        for key, found in offices.items():
            regions = {r for r, _ in found}
            by_region: dict[str, _Item] = {}
            for region, it in found:  # the same office in two spellings ("Sumbar", "Sumatera Barat")
                if region in by_region:
                    self.union(it, by_region[region])
                else:
                    by_region[region] = it
            if len(regions) != 1:
                continue
            region = regions.pop()
            office = found[0][1]
            pool = list(bare.get(key, ()))
            pool += [m for r in acronym_roots.get(key.replace(" ", ""), ()) for m in self.clusters[self.find(r)].items]
            spellings = _region_pattern(region, frozenset(_office_region(it.surface, places)[2] for _, it in found))
            targets = {self.find(t.key) for t in pool if region in regions_of.get(t.art, ())
                       or spellings.search(self.corpus.articles[t.art].text)}
            targets.discard(self.find(office.key))
            if len(targets) == 1:
                self.union(office, self.clusters[targets.pop()].items[0])

    def _corpus_places(self) -> frozenset[str]:
        """Place keys of the run's LOC mentions, administrative words dropped."""
        return frozenset(_place_key(admin_core(it.surface)[1]) for row in self.by_article for it in row
                         if it.mention.type == "LOC")

    def _merge_abbreviations(self) -> None:
        """One-word short forms made of word beginnings (Jabar, Kaltim, Korsel) join the one
        multi-word place or organisation of the corpus they abbreviate."""
        multi: dict[str, list[tuple[int, str]]] = {}  # first two letters -> (root, name)
        for row in self.by_article:
            for it in row:
                if not it.person and len(it.parts.tokens) >= 2:
                    multi.setdefault(_fold(it.surface)[:2], []).append((self.find(it.key), it.surface))
        for row in self.by_article:
            for it in row:
                text = it.surface.strip()
                if it.person or it.gaz or " " in text or not 4 <= len(text) <= 8 or not text[:1].isupper():
                    continue
                root = self.find(it.key)
                if any(len(m.parts.tokens) >= 2 for m in self.clusters[root].items):
                    continue
                pool = multi.get(_fold(text)[:2], ())
                targets = {self.find(r) for r, n in pool if prefix_abbreviation(text, n)} - {root}
                if len(targets) == 1:
                    self.union(it, self.clusters[targets.pop()].items[0])

    def _merge_acronyms(self) -> None:
        roots = {self.find(it.key): it for row in self.by_article for it in row if not it.person}
        acr_of: dict[str, set[int]] = {}
        initials_of: dict[str, set[int]] = {}
        for root, it in roots.items():
            c = self.clusters[root]
            for a in c.acronyms:
                acr_of.setdefault(a, set()).add(root)
            for m in c.items:
                if len(m.parts.tokens) >= 2:
                    initials_of.setdefault(_initials_acronym(m.surface), set()).add(root)
        for root, it in list(roots.items()):
            c = self.clusters.get(self.find(root))
            if c is None:
                continue
            surfaces = [m.surface for m in c.items]
            # an acronym, or one word a name declared as its short form in brackets ("Walhi")
            if not all(_acronym_like(s) or (" " not in s.strip() and _fold_surface(s) in acr_of)
                       for s in surfaces):
                continue
            acr = _acronym_key(surfaces[0])
            targets = {self.find(r) for r in acr_of.get(acr, set())} - {self.find(root)}
            targets = {t for t in targets if not all(_acronym_like(m.surface) for m in self.clusters[t].items)}
            if not targets:
                targets = {self.find(r) for r in initials_of.get(acr, set())} - {self.find(root)}
            if len(targets) == 1:
                self.union(it, self.clusters[targets.pop()].items[0])

    def _merge_singles(self) -> None:
        full_roots: dict[int, _Cluster] = {}
        by_skeleton: dict[str, set[int]] = {}
        for root, c in self.clusters.items():
            if c.person and c.fulls:
                full_roots[root] = c
                for f in c.fulls:
                    for t in f.content:
                        by_skeleton.setdefault(_skeleton(t), set()).add(root)
        single_groups: dict[str, list[_Item]] = {}
        for row in self.by_article:
            for it in row:
                if not it.person or it.full is not None or not it.parts.content or it.nickname:
                    continue  # a declared nickname ("Soni" for Sumarsono) is no one else's surname
                root = self.find(it.key)
                if self.clusters[root].fulls:
                    continue  # resolved in its article
                token = it.parts.content[0]
                cands = list(dict.fromkeys(
                    self.find(r) for r in sorted(by_skeleton.get(_skeleton(token), ()))
                    if any(same_token(token, t) for f in full_roots[r].fulls for t in f.content)
                ))
                cands = [r for r in cands if self.compatible(self.clusters[self.find(root)], self.clusters[r])]
                if len(cands) > 1 and it.role:
                    explicit = [r for r in cands if any(role_words(x) for x in self.clusters[r].roles)]
                    if len(explicit) == 1:
                        cands = explicit
                if len(cands) == 1:
                    self.union(it, self.clusters[cands[0]].items[0])
                elif not cands:
                    single_groups.setdefault(token, []).append(it)
        for group in single_groups.values():
            for i, it in enumerate(group[1:], 1):
                for prev in group[:i]:
                    if self.union(it, prev):
                        break

    # ---- output

    def entities(self) -> list[Entity]:
        # self.items is in article and mention order (key order), as by_article is
        order = list(dict.fromkeys(self.find(it.key) for it in self.items))
        out = []
        article_ids = [a.id for a in self.corpus.articles]
        for n, root in enumerate(order, 1):
            c = self.clusters[root]
            eid = f"e{n}"
            name = _fullest_name(c)
            types: dict[str, int] = {}
            aliases: list[str] = []
            roles: list[str] = []
            mentions = []
            # (art, idx) order is key order
            for it in (sorted(c.items, key=_item_key) if len(c.items) > 1 else c.items):
                m = it.mention
                m.entity = eid
                types[m.type] = types.get(m.type, 0) + 1
                # the short form a bracket declares, inside the mention or right after it
                # ("Asosiasi ... Indonesia (Apagindo)"), never a dateline's agency ("Beograd (AFP)")
                for form in (it.surface, it.declared):
                    if form and form != name and form not in aliases:
                        aliases.append(form)
                if it.role and it.role not in roles:
                    roles.append(it.role)
                mentions.append((article_ids[it.art], it.idx))
            type_ = next(iter(types)) if len(types) == 1 else max(types, key=lambda t: (types[t], t == "PER"))
            out.append(Entity(eid, name, type_, aliases, mentions, roles))
        return out


_item_key = attrgetter("key")

BRACKETED_ACRONYM = re.compile(r"^(.*\S)\s*\(([^()]+)\)$")


def split_brackets(text: str) -> tuple[str, str | None]:
    """The NER follows IDNER's spans, which keep brackets: "(Jokowi)" is "Jokowi", and
    "Badan Pusat Statistik (BPS)" is the name "Badan Pusat Statistik" with "BPS" beside it."""
    t = text.strip()
    if len(t) > 2 and t[0] == "(" and t[-1] == ")" and t.count("(") == 1:
        t = t[1:-1].strip()
    m = BRACKETED_ACRONYM.match(t)
    if m:
        return m.group(1).strip(), m.group(2).strip()
    return t.strip("()").strip() or text, None


def _paren_after(text: str, end: int) -> str | None:
    """The text inside parentheses right after a mention: "Badan Pusat Statistik (BPS)"."""
    if end < 0 or end > len(text):
        return None
    rest = text[end : end + 80]
    stripped = rest.lstrip(" ")
    if not stripped.startswith("("):
        return None
    close = stripped.find(")")
    if close <= 1:
        return None
    inner = stripped[1:close].strip()
    return inner or None


@lru_cache(maxsize=65536)
def _fold_surface(s: str) -> str:
    return fold(s).replace(".", "").strip()


def _place_keys(it: _Item) -> list[str]:
    keys = []
    if it.gaz:
        keys.append("gaz:" + it.gaz[0])
    if it.parts.tokens:
        keys.append("name:" + " ".join(it.parts.tokens))
    return keys


@lru_cache(maxsize=65536)
def _place_key(surface: str) -> str:
    """Normalised tokens of a place or organisation name, province short forms spelled out."""
    words = [expand_region(w) for w in surface.split()]
    return " ".join(_name_parts(" ".join(words), strip_title=False).tokens)


# words that open an organisation's name without changing which body it is: "Dinas PUPR Sumbar"
# is the "PUPR Sumbar" of a later sentence
_GENERIC_ORG_HEADS = frozenset({"dinas", "kantor", "balai"})


def _office_keys(base: str) -> tuple[str, ...]:
    """Keys an organisation's name (its region cut off) is known by: itself, and without a
    generic head word ("Dinas PUPR" -> also "PUPR")."""
    key = _place_key(base)
    head, _, rest = key.partition(" ")
    return (key, rest) if head in _GENERIC_ORG_HEADS and rest else (key,)


def _office_region(surface: str, places: frozenset[str]) -> tuple[str, str, str] | None:
    """(organisation, region key, region as written) of "Walhi Sumbar" / "Dinas Sosial Pesisir
    Selatan": the last one to four words name an Indonesian province (or its short form) or
    city the gazetteer knows, or a place of the run, and at least one word comes before them;
    None otherwise."""
    words = surface.split()
    for n in range(min(4, len(words) - 1), 0, -1):
        tail = " ".join(words[-n:])
        if n == 1 and tail in region_abbreviations():
            return " ".join(words[:-n]), _place_key(tail), tail
        gaz = indonesian_place(tail)
        if gaz is False:  # a foreign place: "Mahkamah Agung Venezuela" is no regional office
            return None
        key = _place_key(tail)
        if gaz is not None or key in places:
            return " ".join(words[:-n]), _place_key(gaz) if gaz is not None else key, tail
    return None


@lru_cache(maxsize=4096)
def _region_pattern(region: str, written: frozenset[str]) -> re.Pattern:
    """Any spelling of a region in running text: as the run wrote it, its full name, and its
    short forms ("Sumbar", "Sumatera Barat")."""
    forms = set(written) | {expand_region(w) for w in written}
    forms |= {a for a, full in region_abbreviations().items() if _place_key(full) == region}
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@lru_cache(maxsize=32768)
def indonesian_place(name: str) -> str | bool | None:
    """The canonical name of an Indonesian province or city the gazetteer knows, False for a
    place it knows elsewhere (a country, a foreign city), None when it does not know the name."""
    gaz = _gazetteer()
    if gaz is None:
        return None
    hits = [h for h in gaz.lookup(name) if h.type == "LOC"]
    if not hits:
        return None
    local = {h.canonical for h in hits if h.country == "ID" and h.kind in ("province", "city", "capital")}
    if len(local) == 1:
        return local.pop()
    return False


def _same_thing(a: _Item, b: _Item) -> bool:
    if a.gaz and b.gaz:
        return a.gaz[0] == b.gaz[0]
    if a.mention.type != b.mention.type and a.joined != b.joined:
        return False
    return same_place_name(a.parts, b.parts)


def _may_be_same_person(a: _Item, b: _Item) -> bool:
    """A cheap necessary condition of ``same_person_name(a.full, b.full)``: equal joined names,
    or (both of two or more content parts and) first or last parts equal or of equal skeleton,
    since every way it matches needs same_token of the first or of the last parts."""
    x, y = a.full_keys, b.full_keys
    if a.full_joined == b.full_joined:
        return True
    if len(x) < 2 or len(y) < 2:
        return False
    return x[0][1] == y[0][1] or x[-1][1] == y[-1][1] or x[0][0] == y[0][0] or x[-1][0] == y[-1][0]


def _fullest_name(c: _Cluster) -> str:
    if len(c.items) == 1 and not c.gaz and not c.items[0].alias_of:  # one form: it is the max
        it = c.items[0]
        return it.surface if it.parts.title is None else it.surface[len(it.parts.title):].strip()
    forms: list[str] = []
    named = [it for it in c.items if not it.nickname] or c.items  # "Bambang Irawan", not "Bams"
    for it in named:
        name = it.surface if it.parts.title is None else it.surface[len(it.parts.title):].strip()
        if len(named) > 1 and not nickname_marker_words().isdisjoint(name.lower().split()):
            continue  # a run over the declaration itself: "Andi Agustinus Alias Andi Narogong"
        forms.append(name)
        if it.alias_of:
            forms.append(it.alias_of)
    forms += sorted(c.gaz)
    if not forms:
        return ""
    # between forms equally full, the gazetteer's name: "Jakarta" over "Kota Jakarta"
    # then the spelling most mentions use ("Ahmad Fauzan Hakim" four times over one "Achmad …")
    counts = Counter(forms) if c.person else {}
    return max(forms, key=lambda f: (*_name_score(f)[:-1], f in c.gaz, counts.get(f, 0), _name_score(f)[-1]))


@lru_cache(maxsize=32768)
def _name_score(s: str) -> tuple:
    """How full a name form is: a spelled-out name over an acronym, a capitalised one over one
    that opens with a common word ("kota Semarang"), then more parts (an administrative word
    such as "Kabupaten" not counted), then longer."""
    p = _name_parts(s, strip_title=False)
    admin = admin_core(s)[0] is not None and len(p.content) > 1  # "Kota" adds no part of the name
    return (not looks_like_acronym(s), s[:1].isupper(), len(p.content) - admin, len(s))


# --------------------------------------------------------------------------- public API


def _is_actor_position(article: Article, m: Mention) -> bool:
    """Whether a place stands where an actor would: followed by an active verb ("Beijing membantah")."""
    rest = article.text[m.end : m.end + 40].lstrip()
    word = rest.split(" ", 1)[0] if rest else ""
    return len(word) >= 5 and word[:2] == "me" and word.isalpha() and word.islower()


def link_capitals(corpus: Corpus) -> None:
    """Set ``links_to`` on capitals used as actors (or named as a quote's speaker)."""
    for article in corpus.articles:
        speakers = {q.speaker.mention for q in article.quotes if q.speaker is not None and q.speaker.mention is not None}
        for i, m in enumerate(article.mentions):
            if m.type != "LOC" or m.links_to:
                continue
            if i in speakers or _is_actor_position(article, m):
                country = capital_country(m.text)
                if country:
                    m.links_to = country


def retype_lone_names(corpus: Corpus) -> None:
    """A one-word PER mention without a role ("menghubungkan Padang dan Painan") takes the type
    the run gives that word more often ("di Painan": LOC), unless it can be a person's name
    part: a nickname, a gazetteer person, or a word of a multi-word PER name of the run."""
    counts: dict[str, dict[str, int]] = {}
    name_words: set[str] = set()
    for article in corpus.articles:
        for m in article.mentions:
            surface = split_brackets(m.text or "")[0]
            by_type = counts.setdefault(surface, {})
            by_type[m.type] = by_type.get(m.type, 0) + 1
            if m.type == "PER" and " " in surface:
                name_words.update(surface.split())
    for article in corpus.articles:
        for m in article.mentions:
            if m.type != "PER" or m.role:
                continue
            surface = split_brackets(m.text or "")[0]
            if " " in surface or surface in name_words or person_alias(surface) or gazetteer_entry(surface, "PER"):
                continue
            by_type = counts[surface]
            other = max(("LOC", "ORG"), key=lambda t: by_type.get(t, 0))
            if by_type.get(other, 0) > by_type["PER"]:
                m.type = other


def repair_glued_names(corpus: Corpus) -> None:
    """An organisation's name written whole elsewhere in the run ("PT Samudra Jaya Abadi")
    takes back its last word where the recogniser gave that word to the person named right
    after it ("Direktur PT Samudra Jaya | Abadi Hendrikus Wara"): the person is "Hendrikus
    Wara", the organisation "PT Samudra Jaya Abadi", and the person's role ends with it."""
    orgs = {fold(split_brackets(m.text or "")[0]) for a in corpus.articles for m in a.mentions
            if m.type == "ORG" and " " in (m.text or "").strip()}
    if not orgs:
        return
    for article in corpus.articles:
        ordered = sorted(article.mentions, key=lambda m: m.start)
        for org, per in zip(ordered, ordered[1:]):
            if org.type != "ORG" or per.type != "PER" or article.text[org.end:per.start] != " ":
                continue
            first, space, rest = (per.text or "").partition(" ")
            if not rest.strip() or fold(f"{org.text} {first}") not in orgs:
                continue
            glued = article.text[org.end:per.start + len(first)]
            org.end = per.start + len(first)
            org.text = article.text[org.start:org.end]
            per.start = org.end + len(space)
            per.text = article.text[per.start:per.end]
            if per.role:
                per.role += glued


_PREFIX_BEFORE = re.compile(r"([\w.]+)\s+$")


def _declared_places(articles: Iterable[Article]) -> set[str]:
    """Folded names the articles declare places by an administrative word: "Kabupaten Deli
    Serdang" (as one mention, or "Deli Serdang" right after "Kabupaten"), "Kota Banjar"."""
    places = set()
    for article in articles:
        for m in article.mentions:
            if m.type != "LOC" or not m.text:
                continue
            level, core = admin_core(m.text)
            if level is None:  # "Kabupaten" written before the mention
                before = _PREFIX_BEFORE.search(article.text[max(0, m.start - 30):m.start])
                if before is None or fold(before.group(1)).rstrip(".") not in place_prefixes():
                    continue
            if len(core) >= 3:
                places.add(fold(core))
    return places


def split_declared_places(corpus: Corpus) -> None:
    """(session 27, probe 12) A place the run declares ("Kabupaten Deli Serdang") that opens a
    person's span ("Kepala BPBD [Deli Serdang Rahmat Hidayat Siregar]") is the office's place:
    the person starts after it, the place is a mention of its own and ends the role. A person
    mention that is only such a place ("Bupati [Deli Serdang]") is the place: the gazetteer has
    no regencies, and as a person's partial name it made the BPBD head the Bupati's speaker."""
    places = _declared_places(corpus.articles)
    if not places:
        return
    for article in corpus.articles:
        added = []
        here = None  # the places this article declares, worked out when needed
        for m in article.mentions:
            if m.type != "PER" or not m.text:
                continue
            if fold(m.text) in places:
                # after an office ("Bupati Deli Serdang"), or declared a place in this article: a
                # person elsewhere may share a town's name ("Bima Sakti", "Kota Bima")
                if here is None:
                    here = _declared_places([article])
                if m.role or fold(m.text) in here:
                    m.type = "LOC"
                continue
            if not m.role or article.text[max(0, m.start - 3):m.start].rstrip()[-1:] in (",", ":", "("):
                continue  # only an office's place right before opens its span ("Kepala BPBD Deli Serdang …")
            words = m.text.split(" ")
            for n in range(min(3, len(words) - 1), 0, -1):
                head = " ".join(words[:n])
                rest = " ".join(words[n:])
                # a one-word town may be a given name ("Bima Sakti"): then two name words must follow
                if fold(head) in places and rest[:1].isupper() and (n > 1 or len(words) - n >= 2):
                    place_end = m.start + len(head)
                    added.append(Mention(m.start, place_end, head, "LOC", sentence=m.sentence, origin="rule"))
                    m.role = f"{m.role} {head}"
                    m.start = place_end + 1
                    m.text = article.text[m.start:m.end]
                    break
        if added:
            _insert_mentions(article, added)


def _insert_mentions(article: Article, added: list[Mention]) -> None:
    """Put new mentions in text order, keeping every index into the list pointing at its mention
    (quote speakers and figures' attributions hold indices)."""
    old = article.mentions
    merged = sorted(old + added, key=lambda x: x.start)
    where = {id(m): i for i, m in enumerate(merged)}
    remap = {i: where[id(m)] for i, m in enumerate(old)}
    article.mentions = merged
    for q in article.quotes:
        for sp in (q.speaker, q.reported_by):
            if sp is not None and sp.mention is not None:
                sp.mention = remap.get(sp.mention, sp.mention)
    for n in article.numbers:
        idx = getattr(n, "attributed_mention", None)
        if idx is not None:
            n.attributed_mention = remap.get(idx, idx)


def restore_split_organisations(corpus: Corpus) -> None:
    """A person-typed name that ends an organisation's name written whole elsewhere in the run,
    right after that name's other words, is that organisation ("smelter PT Sinar [Halmahera
    Nikel]" where another article wrote "PT Sinar Halmahera Nikel (SHN)"): the recogniser lost
    the name's opening words, and a person is never named by a company's last words."""
    by_tail: dict[str, list[str]] = {}  # an organisation's folded name by its last word
    for a in corpus.articles:
        for m in a.mentions:
            name = split_brackets(m.text or "")[0].strip()
            if m.type == "ORG" and name.count(" ") >= 2:
                by_tail.setdefault(fold(name.rsplit(" ", 1)[1]), []).append(fold(name))
    if not by_tail:
        return
    for article in corpus.articles:
        for m in article.mentions:
            names = by_tail.get(fold(m.text.rsplit(" ", 1)[-1])) if m.type == "PER" and not m.role and m.text else None
            for name in names or ():
                start = m.end - len(name)
                if 0 <= start < m.start and fold(article.text[start:m.end]) == name \
                        and not any(o is not m and o.start < m.start and o.end > start for o in article.mentions):
                    m.start, m.type, m.text = start, "ORG", article.text[start:m.end]
                    break


def retype_named_offices(corpus: Corpus) -> None:
    """A person-typed name with no role that the run also tags as an organisation or place,
    and that a person's role names ("direktur Glas Gradjana, Milica Petrovic"), is that
    organisation or place: roles name offices, never people ("kelompok pemantau Glas
    Gradjana mengatakan" is the monitors' group, not a man)."""
    other: dict[str, str] = {}
    roles: list[str] = []
    for article in corpus.articles:
        for m in article.mentions:
            if m.type in ("ORG", "LOC"):
                other.setdefault(fold(split_brackets(m.text or "")[0]), m.type)
            elif m.role:
                roles.append(" " + fold(m.role) + " ")
    if not other or not roles:
        return
    for article in corpus.articles:
        for m in article.mentions:
            if m.type != "PER" or m.role:
                continue
            key = fold(split_brackets(m.text or "")[0])
            if key in other and any(f" {key} " in r for r in roles):
                m.type = other[key]


def merge_entities(corpus: Corpus) -> list[Entity]:
    """Merge every mention of the corpus into entities (ids e1, e2, ... by first mention),
    setting ``Mention.entity``, capitals' ``links_to``, quote speakers' and number claims' entities."""
    repair_glued_names(corpus)
    split_declared_places(corpus)
    restore_split_organisations(corpus)
    retype_named_offices(corpus)
    retype_lone_names(corpus)
    link_capitals(corpus)
    merger = _Merger(corpus)
    for row in merger.by_article:
        merger.merge_article(row)
    merger.merge_corpus()
    corpus.entities = merger.entities()
    _propagate(corpus)
    return corpus.entities


def _entity_by_name(corpus: Corpus, name: str) -> Entity | None:
    key = fold(name)
    for e in corpus.entities:
        if fold(e.name) == key or any(fold(a) == key for a in e.aliases):
            return e
    return None


def actor_entity(corpus: Corpus, article: Article, mention_index: int) -> str | None:
    """The entity that acts when ``article.mentions[mention_index]`` speaks or acts: the mention's
    own entity, or for a capital used as an actor ("Beijing membantah") its country's entity
    (created without mentions when the country itself is never named)."""
    if mention_index is None or not 0 <= mention_index < len(article.mentions):
        return None
    m = article.mentions[mention_index]
    if not m.links_to:
        return m.entity
    e = _entity_by_name(corpus, m.links_to)
    if e is None:
        e = Entity(f"e{len(corpus.entities) + 1}", m.links_to, "LOC")
        corpus.entities.append(e)
    return e.id


def _propagate(corpus: Corpus) -> None:
    from ..quotes.resolve import snap_to_mention  # (quotes import this module)

    for article in corpus.articles:
        for q in article.quotes:
            for sp in (q.speaker, q.reported_by):
                if sp is not None and sp.mention is not None:
                    snap_to_mention(article, sp)  # ``repair_glued_names`` may have moved the mention
                    sp.entity = actor_entity(corpus, article, sp.mention)
        for n in article.numbers:
            idx = getattr(n, "attributed_mention", None)
            if idx is not None:
                n.attributed_to = actor_entity(corpus, article, idx)


class EntityMergeStage(CorpusStage):
    """Cross-article merging of mentions into entities (issue 3, one entity per referent)."""

    name = "entity_merge"
    requires = ("article.mentions",)
    assigns = ("corpus.entities", "mention.entity")

    def __call__(self, corpus: Corpus, options: Options) -> None:
        merge_entities(corpus)
