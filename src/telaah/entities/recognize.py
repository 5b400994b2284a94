"""PER/ORG/LOC recognition: the shipped CRFs, then role stripping and gazetteer completion.

Two CRFs trained by ``scripts/train_ner.py`` tag telaah's own tokens of each sentence: an
auxiliary one (``model/aux.crfsuite``, NERGrit + NER UGM) whose tags are features of the main
one (``model/ner.crfsuite``, IDNER-news-2k). Both learn on the corpora re-split by telaah's
own tokeniser, so "Mahkamah Konstitusi (MK)" and "(Jokowi)" come out whole, as IDNER writes
them (a lone bracket left at a span's edge is balanced). Small rules follow, driven by data
files, each kept on IDNER dev evidence (see ``_FILL_KINDS`` and the report in
``scripts/train_ner.py``):

- titles, roles and nationalities are not part of a person's name: leading role words
  (``lang/id/person_roles.txt``) and the country/organisation after them are cut from a PER
  span and kept in ``Mention.role`` ("Presiden Rusia Vladimir Putin" gives PER "Vladimir
  Putin", role "Presiden Rusia"); a role written just before a PER span is recorded too;
- a PER span that lies inside a longer known name of the gazetteer is widened to it
  ("Lalu Muhammad Iqbal", whose first word is also the common word "lalu");
- multi-word country names of the gazetteer the model missed are added as LOC;
- (session 12, regional news) an office's name between a role word and a name goes to the
  role too, with the organisation or province it ends in ("Kepala Pelaksana BPBD Sumbar Fajar
  Mardianto": PER "Fajar Mardianto", role "Kepala Pelaksana BPBD Sumbar"; "Sumbar" stays a LOC
  mention); a PER/ORG span ends before a capitalised headline verb ("Walhi Sumbar Soroti
  ..."); bracket residue never starts a span; a news agency or a name ending in a province is
  never a person (``_fix_spans``). IDNER test F1 0.918 -> 0.920 with these rules.
- (session 13, wire copy and protest news; ``_refine_spans``) a police or military rank
  (``lang/id/ranks.tsv``) goes to the person's role, never into an organisation's span ("Kabid
  Humas Polda Metro Jaya Kombes Pol Arief": ORG "Polda Metro Jaya", role "Kabid Humas Polda
  Metro Jaya Kombes Pol"); a span of role words alone is no person; capitals glued before a
  name are an organisation ("BEM SI Rizky Maulana", "SDF Dilovan Xelil"); a bracketed short
  form declares the organisation's name before it ("Observatorium Suriah untuk Hak Asasi
  Manusia (SOHR)"); a law's title is no entity ("RUU ..."); a name after a place cue ("di
  sekitar Kobani dan Tal Rifaat") is a place; a web address is one ORG ("KABARPRIANGAN.COM").
  IDNER test F1 0.920 -> 0.923, NERGrit 0.620 -> 0.623, NER UGM 0.768 -> 0.767 (UGM tags
  "Mendagri" alone as a person; IDNER does not).
- (session 13b, regional news and machine-translated wire copy; ``_refine_spans_s13b``) a
  dateline's bracketed agency is credited apart from the place ("Beograd (AFP)"); a rank inside
  a person's span ends the office ("Kapolres Alor AKBP Marthen"); a role announces the person
  after an office that something closes ("Ketua RIK Vladimir Dimitrijević", "Pemimpin oposisi
  Dragan Djordjević" which the model took for a place); capitalised words before an age are a
  person ("Yakobus Mau (52)"); one name word glued after a company's name ends it. IDNER test
  F1 0.923 -> 0.925, NERGrit 0.623 -> 0.624, NER UGM 0.767 -> 0.767.

pycrfsuite trains the models; inference reads the same files into arrays (``crf.py``) and
tags all sentences of an article in one batch on attribute ids (``features.FeatureIds``),
with exactly the tags pycrfsuite gives (``tests/test_entities_crf.py``).
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache
from importlib import resources

import numpy as np

from ..document import Mention, Sentence
from ..errors import DataFileError
from ..lang import load_lines, load_table, stopwords
from ..text.degrees import degrees_only
from ..text.tokens import text_tokens
from .crf import CompiledCRF, ModelFormatError
from .features import MAX_GAZ_LEN, FeatureIds, casing, clusters, gazetteer_first_words, gazetteer_index
from .names import acronym_fits, dotted_titles, named_after_words, name_articles, name_linkers, region_abbreviations, short_titles

_lock = threading.Lock()
_models: tuple[CompiledCRF, CompiledCRF] | None = None
_features: FeatureIds | None = None  # for (aux, main), set by load_model
MODEL_NAMES = ("aux.crfsuite", "ner.crfsuite")


def _open(name: str) -> CompiledCRF:
    try:
        data = resources.files(__package__).joinpath("model", name).read_bytes()
        return CompiledCRF.from_bytes(data)
    except (OSError, ModelFormatError) as exc:
        raise DataFileError(f"NER model entities/model/{name} cannot be opened ({exc}); run `make train-ner`") from exc


def load_model() -> tuple[CompiledCRF, CompiledCRF]:
    """The (auxiliary, main) CRFs, read once per process, with the tables they need."""
    global _models, _features
    if _models is None:
        with _lock:
            if _models is None:
                pair = (_open(MODEL_NAMES[0]), _open(MODEL_NAMES[1]))
                clusters()
                casing()
                gazetteer_index()
                gazetteer_first_words()
                _role_first_words()
                _features = FeatureIds(*pair)
                _models = pair
    return _models


def tag_sentences(sentences: list[list[str]]) -> list[list[str]]:
    """IOB2 PER/ORG/LOC tags of each token list (none empty), all tagged in one batch: the
    auxiliary CRF's tags are features of the main one (see ``features.add_aux``)."""
    return _tag_batch(sentences)[0]


def _tag_batch(sentences: list[list[str]]) -> tuple[list[list[str]], np.ndarray]:
    """``tag_sentences``, and for every token (one sentence after another) the length of the
    longest gazetteer name it starts (0: none)."""
    if not sentences:
        return [], np.zeros(0, dtype=np.intp)
    aux, main = load_model()
    lengths = [len(s) for s in sentences]
    with _lock:  # FeatureIds grows its word tables; keep threads from interleaving
        scores, pos, size, gaz_len = _features.scores(sentences)  # [token, model, label]
    aux_tags = aux.viterbi_flat(scores[:, 0], lengths)
    # add_aux appends the auxiliary tags after every other attribute: they are added last
    main_scores = _features.state_scores(_features.aux_block(1, aux.labels, aux_tags, pos, size), scores[:, 1])
    tags = main.label_array[main.viterbi_flat(main_scores, lengths)].tolist()
    ends = np.cumsum(lengths).tolist()
    return [tags[e - n:e] for n, e in zip(lengths, ends)], gaz_len


def tag(words: list[str]) -> list[str]:
    """IOB2 PER/ORG/LOC tags of one token list."""
    return tag_sentences([words])[0] if words else []


@lru_cache(maxsize=1)
def _role_phrases() -> tuple[frozenset[tuple[str, ...]], int]:
    """Lowercased token tuples of the role phrases, and the longest length."""
    phrases = set()
    for line in load_lines("person_roles.txt"):
        phrases.add(tuple(w.lower() for w in line.split()))
    return frozenset(phrases), max(len(p) for p in phrases)


@lru_cache(maxsize=1)
def _role_first_words() -> frozenset[str]:
    return frozenset(p[0] for p in _role_phrases()[0] if p)


def _role_len_at(words: list[str], i: int, limit: int) -> int:
    """Length of the longest role phrase starting at ``words[i]`` and ending before ``limit``."""
    if i >= limit or words[i].lower() not in _role_first_words():
        return 0
    phrases, longest = _role_phrases()
    most = min(longest, limit - i)
    lowered = tuple(w.lower() for w in words[i:i + most])
    for n in range(most, 0, -1):
        if lowered[:n] in phrases:
            return n
    return 0


@lru_cache(maxsize=1)
def _ranks() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]], frozenset[str], int]:
    """(ranks, words that are ranks only before a service word, service words, longest rank)
    from ``lang/id/ranks.tsv``, lowercased."""
    ranks, with_service, services = set(), set(), set()
    for row in load_table("ranks.tsv"):
        words = tuple(row["rank"].lower().split())
        if row["kind"] == "service":
            services.add(words[0])
        else:
            (ranks if row["kind"] == "rank" else with_service).add(words)
    return frozenset(ranks), frozenset(with_service), frozenset(services), max(map(len, ranks | with_service))


@lru_cache(maxsize=1)
def _rank_first_words() -> frozenset[str]:
    ranks, with_service, _, _ = _ranks()
    return frozenset(r[0] for r in ranks | with_service)


def rank_len_at(words: list[str], i: int, limit: int) -> int:
    """Tokens of a police or military rank starting at ``words[i]`` and ending before ``limit``,
    with the service words after it ("Kombes Pol .", "Kolonel Inf", "Jenderal TNI ( Purn )");
    0 if none. A rank is part of a person's role, never of a name."""
    if i >= limit or not words[i][:1].isupper() or words[i].lower() not in _rank_first_words():
        return 0
    ranks, with_service, services, longest = _ranks()
    lowered = tuple(w.lower() for w in words[i:min(limit, i + longest)])
    n, needs_service = 0, False
    for k in range(len(lowered), 0, -1):
        if lowered[:k] in ranks or lowered[:k] in with_service:
            n, needs_service = k, lowered[:k] not in ranks
            break
    if not n:
        return 0
    j = i + n
    while j < limit:
        if words[j].lower() in services:
            j += 1
            if j < limit and words[j] == ".":  # "Pol." tokenised "Pol" "."
                j += 1
        elif words[j] == "(" and j + 2 < limit and words[j + 1].lower() in services and words[j + 2] == ")":
            j += 3  # "(Purn)"
        else:
            break
    if needs_service and j == i + n:
        return 0
    return j - i


def _role_or_rank_len_at(words: list[str], i: int, limit: int) -> int:
    """Length of the longest role phrase or rank starting at ``words[i]`` ending before ``limit``."""
    return max(_role_len_at(words, i, limit), rank_len_at(words, i, limit))


def _only_roles(words: list[str], s: int, e: int) -> bool:
    """Whether ``words[s:e]`` is nothing but role phrases and ranks ("Kabid Humas", "Kombes Pol")."""
    i = s
    while i < e:
        n = _role_or_rank_len_at(words, i, e)
        if not n:
            return False
        i += n
    return True


@lru_cache(maxsize=1)
def _headline_verbs() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lines("headline_verbs.txt"))


@lru_cache(maxsize=1)
def _news_agencies() -> frozenset[str]:
    from .gazetteer import load_gazetteer

    return frozenset(e.name for e in load_gazetteer() if e.kind == "news_agency")


@lru_cache(maxsize=65536)
def is_headline_verb(word: str) -> bool:
    """A capitalised verb of a title-case headline ("Soroti", "Desak", "Tetapkan"), as listed in
    ``lang/id/headline_verbs.txt``. Names do not run through one. (Any -kan verb on a known
    root was tried and dropped: it cuts "Koalisi Selamatkan Darfur" in IDNER train.)"""
    if not word[:1].isupper() or not word.isalpha():
        return False
    low = word.lower()
    return low in _headline_verbs()


def _office_name_len(words: list[str], i: int, limit: int) -> int:
    """Length of an organisation or place name starting at ``words[i]`` and ending before
    ``limit`` that can sit between an office and a person's name: a gazetteer LOC/ORG name
    (not also a person's), a region short form ("Sumbar"), or a short form in capitals ("BEM
    SI"; session 13: police ranks, "Kapolres Buru AKBP Leo", are told apart by ``rank_len_at``)."""
    if words[i] in region_abbreviations():
        return 1
    if i + 1 < limit and words[i][:1].isupper() and words[i][1:].islower() and _ROMAN.fullmatch(words[i + 1]):
        return 2  # a numbered body: "Komisi V", "Kodam IX", "Pansus II"
    n, labels = _gaz_types(words, i, limit)
    if n and ({"LOC", "ORG"} & labels) and "PER" not in labels:
        return n
    return _org_acronym_len(words, i, limit)


_ROMAN = re.compile(r"(?:X{0,2})(?:IX|IV|V?I{0,3})")
MIN_ACRONYM_LETTERS = 3  # "HM Prasetyo": two capitals before a name are often initials


def _is_acronym_word(words: list[str], i: int) -> bool:
    """An organisation's short form written in capitals ("BEM", "SI", "SDF"), not a rank
    ("AKBP"), a role ("KH", "CEO") or a province short form ("DKI")."""
    w = words[i]
    return 2 <= len(w) <= 6 and w.isalpha() and w.isupper() and not rank_len_at(words, i, i + 1) \
        and not _role_len_at(words, i, i + 1) and w not in region_abbreviations()


def _org_acronym_len(words: list[str], i: int, limit: int) -> int:
    """Tokens of an organisation's short form of one or more capitalised words ("BEM SI")
    starting at ``words[i]`` and ending before ``limit``, with at least three letters; else 0."""
    j = i
    while j < limit and _is_acronym_word(words, j):
        j += 1
    return j - i if sum(len(w) for w in words[i:j]) >= MIN_ACRONYM_LETTERS else 0


def _ends_as_office(words: list[str], s: int, e: int) -> bool:
    """Words ``s:e`` end with a one-word organisation of the gazetteer and, after it, places
    only ("Satreskrim [Polres] Garut", "Humas [Polda] Sultra"): an office, whatever precedes."""
    for k in range(s + 1, e):
        n, labels = _gaz_types(words, k, k + 1)
        if n == 1 and "ORG" in labels and "PER" not in labels:
            rest = k + 1
            while rest < e and (words[rest] in region_abbreviations() or "LOC" in _gaz_types(words, rest, e)[1]):
                rest += _gaz_types(words, rest, e)[0] or 1
            if rest >= e:
                return True
    return False


def _is_office_word(words: list[str], i: int) -> bool:
    """A word of an office's name ("Pusat Data, Informasi dan Komunikasi"): capitalised, or a
    comma or "dan" between two capitalised words."""
    w = words[i]
    if w[:1].isupper() and w.replace("-", "").isalpha():
        return True
    if w in (",", "dan", "&") and 0 < i < len(words) - 1:
        return words[i - 1][:1].isupper() and words[i + 1][:1].isupper()
    return False


def _region_tail(words: list[str], s: int, e: int) -> int:
    """Number of tokens at the end of ``words[s:e]`` that name a province (or its short form),
    leaving at least one word before them; 0 if none."""
    if e - s < 2:
        return 0
    if words[e - 1] in region_abbreviations():
        return 1
    idx = gazetteer_index()
    for n in range(min(3, e - s - 1), 0, -1):
        if "LOC:province" in idx.get(tuple(words[e - n:e]), ()):
            return n
    return 0


def _gaz_types(words: list[str], i: int, limit: int) -> tuple[int, frozenset[str]]:
    """Longest gazetteer name starting at ``words[i]`` ending before ``limit``: (length, labels)."""
    idx = gazetteer_index()
    for n in range(min(gazetteer_first_words().get(words[i], 0), limit - i), 0, -1):
        labels = idx.get(tuple(words[i:i + n]))
        if labels:
            return n, labels
    return 0, frozenset()


def decode(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans (start, end exclusive, type) from IOB2 tags (a stray I- opens a span).
    Only the tokens that are not "O" (few) are visited: an "O", like a gap, ends a span."""
    out = []
    start, typ, last = -1, "", -1  # the open span: its first and last token (start -1: none)
    for i in [k for k, t in enumerate(tags) if t != "O"]:
        t = tags[i]
        if start >= 0 and (i != last + 1 or t.startswith("B-") or t[2:] != typ):
            out.append((start, last + 1, typ))
            start = -1
        if start < 0:
            start, typ = i, t[2:]
        last = i
    if start >= 0:
        out.append((start, last + 1, typ))
    return out


def _strip_role(words: list[str], s: int, e: int) -> int:
    """New start of PER span ``words[s:e]`` after cutting leading role words and their
    country/organisation ("Presiden Rusia", "Juru bicara Kemlu"); at least one word stays."""
    i = s
    while i < e - 1:
        n = _role_or_rank_len_at(words, i, e - 1)
        if n:
            i += n
            while i < e - 1 and words[i] == ".":  # "Kombes. Daniel Manurung": the abbreviation's period
                i += 1
            continue
        if i > s:  # after a role word: a known country/organisation, or an acronym, belongs to the role
            n, labels = _gaz_types(words, i, e - 1)
            if n and ({"LOC", "ORG"} & labels):
                i += n
                continue
            n = _org_acronym_len(words, i, e - 1)
            if n and words[i + n][:1].isupper():
                i += n
                continue
        break
    return i


def _role_before(words: list[str], s: int, spans_by_end: dict[int, tuple[int, int, str]]) -> int | None:
    """Start token of a role phrase written just before token ``s`` ("Menteri Luar Negeri
    [Jepang]"), possibly with a LOC/ORG mention or gazetteer name between; None if none."""
    i = _before_honorifics(words, s)
    found = None
    rank_start = None  # a rank alone is a role ("Kombes Pol Arief"); an office may come before it
    steps = 0
    office_words = 0
    enumeration = False
    while i > 0 and steps < 6 + office_words:
        steps += 1
        prev = spans_by_end.get(i)
        if prev and prev[2] == "PER":
            break
        if prev and prev[2] in ("LOC", "ORG"):
            i = prev[0]
            continue
        matched = 0
        for n in range(min(_role_phrases()[1], i), 0, -1):
            if _role_len_at(words, i - n, i) == n:
                matched = n
                break
        if matched:
            i -= matched
            found = i
            continue
        if found is None and rank_start is None:
            for n in range(min(_ranks()[3] + 4, i), 0, -1):
                if rank_len_at(words, i - n, i) == n:
                    i -= n
                    rank_start = i
                    break
            if rank_start is not None:
                continue
        for n in range(min(MAX_GAZ_LEN, i), 0, -1):
            n2, labels = _gaz_types(words, i - n, i)
            if n2 == n and ({"LOC", "ORG"} & labels):
                matched = n
                break
        if matched and found is None and i - matched > 0:
            i -= matched
            continue
        # Before any role: the capitalised words of an office's name ("Kepala Pusat Data,
        # Informasi dan Komunikasi [Kebencanaan BNPB] Rizal"), kept only if a role word opens
        # them. A comma only right before the name ("Juru Bicara KPK, Febri") or inside an
        # enumeration closed by "dan" ("Data, Informasi dan Komunikasi"): "Ketua Setara
        # Institute Hendardi, Akademisi UI Effendi Gazali" gives Effendi no office of Hendardi's.
        # A bracketed name is an apposition ("Bu Hemas (Gusti Kanjeng Ratu Hemas)").
        if found is None and i >= 4 and words[i - 1] == ")" and words[i - 3] == "(" \
                and _is_acronym_word(words, i - 2) and _is_office_word(words, i - 4):
            i -= 3  # session 13b: an office's short form ("Menteri Energi ... (ESDM) Darmawan")
            office_words += 1
            continue
        if found is None and _role_modifier_word(words[i - 1]) and not _is_office_word(words, i - 1):
            # session 13b: one or two lowercase words after a role ("Pemimpin oposisi [Serbia]")
            lower = 1 + (i >= 2 and _role_modifier_word(words[i - 2]))
            start = next((i - k - n for k in range(1, lower + 1) for n in range(min(_role_phrases()[1], i - k), 0, -1)
                          if _role_len_at(words, i - k - n, i - k) == n and words[i - k - n][:1].isupper()), None)
            if start is not None:
                found = start
                i = start
            break
        if found is None and office_words < MAX_OFFICE_WORDS and _is_office_word(words, i - 1) \
                and words[s] != "(" and (words[i - 1] != "," or i == s or enumeration):
            enumeration = enumeration or words[i - 1] in ("dan", "&")
            office_words += 1
            i -= 1
            continue
        break
    return found if found is not None else rank_start


def _places_in_roles(words: list[str], kept: list[list]) -> None:
    """(session 29) A name inside a person's role that the gazetteer knows only as a place is
    that place, whatever the model typed ("Bupati [Garut] Ahmad Fauzi Rahman": the regency, not
    an organisation). In place."""
    for k in kept:
        if k[2] != "PER" or k[3] is None:
            continue
        for x in kept:
            if x[2] == "ORG" and k[3] <= x[0] and x[1] <= k[0]:
                n, labels = _gaz_types(words, x[0], x[1])
                if n == x[1] - x[0] and "LOC" in labels and "ORG" not in labels:
                    x[2] = "LOC"


def _role_after(words: list[str], e: int, starts: dict[int, str], spans: list[list]) -> tuple[int, int] | None:
    """(session 29) The role in apposition after a person's name that has none before it
    ("Ahmad Fauzi, [Direktur CV Maju Jaya], ditahan"): a role phrase and the office's
    capitalised words up to a comma, a full stop or a lower-case word. Not when a person's name
    follows it (then the role is that person's: "…, Ketua RT Budi Santoso")."""
    if e + 1 >= len(words) or words[e] != "," or not words[e + 1][:1].isupper():
        return None
    n = _role_len_at(words, e + 1, len(words))
    if not n:
        return None
    b = e + 1 + n
    limit = b + MAX_OFFICE_WORDS
    while b < len(words) and b < limit and words[b] not in (",", ".") and _is_office_word(words, b):
        if starts.get(b) == "PER":
            return None
        b += 1
    if b < len(words) and (starts.get(b) == "PER" or (words[b] == "," and starts.get(b + 1) == "PER")):
        return None
    if b + 1 < len(words) and words[b] == "," and _role_len_at(words, b + 1, len(words)):
        return None  # a list of people and their offices: "(Yenny Wahid), Menteri Sosial Khofifah …, Wali Kota …"
    if any("PER" in _gaz_types(words, i, b)[1] for i in range(e + 1 + n, b)):
        return None  # a known person's name after the office ("Menteri Sosial Khofifah Indar Parawansa")
    named = next((x for x in spans if x[0] < b <= x[1] and x[2] == "ORG"), None)
    if named is not None and (words[named[0]] in company_forms() or words[named[0]] in _org_heads()[0]):
        return e + 1, b  # ends in a company's or an office's name ("Direktur CV Maju Jaya")
    if b - 2 >= e + 1 + n and all(_is_person_word(words, i) and not _gaz_types(words, i, b)[0] for i in (b - 2, b - 1)):
        return None  # the office ends in what reads as a name ("… Kabupaten Kendal Agus Rifai")
    return e + 1, b


MAX_OFFICE_WORDS = 8  # capitalised words of an office's name between a role word and a name


def _before_honorifics(words: list[str], s: int) -> int:
    """(session 20) Where the honorifics written short before token ``s`` begin: "Wakil Wali
    Kota Tegal [Hj.] Rina", "Direktur Utama PD Pasar [Drs. H.] Bambang" (the office stands
    before them, so the role is looked for there)."""
    titles = short_titles()
    while s >= 2 and words[s - 1] == "." and words[s - 2] in titles:
        s -= 2
    return s


def _office_parts(words: list[str], a: int, b: int) -> list[tuple[int, int, str]]:
    """The organisations and places named in the office words ``words[a:b]`` ("BPBD", "Sumbar")."""
    out = []
    i = a
    while i < b:
        n = 0 if _role_len_at(words, i, b) else _office_name_len(words, i, b)
        if not n:
            i += 1
            continue
        if n == 1 and words[i] in region_abbreviations():
            typ = "LOC"
        else:
            labels = _gaz_types(words, i, b)[1]
            typ = "ORG" if "ORG" in labels or not labels else "LOC"
            if typ == "ORG" and i + n < b and words[i + n] in region_abbreviations():
                n += 1  # its regional branch: "Kepala Seksi Penerangan Hukum [Kejati Jabar]"
        out.append((i, i + n, typ))
        i += n
    return out


def _strip_office(words: list[str], s: int, e: int) -> int:
    """New start of PER span ``words[s:e]`` that a role precedes, after the office words the
    model glued to the name: up to the last organisation or place of the office ("[Kepala
    BPBD] Sumbar Fajar Mardianto", "[Kepala Pusat Data ...] Kebencanaan BNPB Rizal Hakim",
    "[Direktur] Walhi Sumbar Yuliandri Saputra"). At least one capitalised word stays."""
    i, best = s, s
    while i < e - 1:
        n = _office_name_len(words, i, e - 1)
        if n:
            i += n
            best = i
        elif i - s < MAX_OFFICE_WORDS and _is_office_word(words, i):
            i += 1
        else:
            break
    return best if words[best][:1].isupper() else s


def _widen_to_gazetteer(words: list[str], s: int, e: int) -> tuple[int, int]:
    """Widen PER span [s, e) to a known PER name of the gazetteer that contains it."""
    idx = gazetteer_index()
    firsts = gazetteer_first_words()
    best = (s, e)
    for start in range(max(0, e - MAX_GAZ_LEN), s + 1):
        if words[start] not in firsts:
            continue
        for end in range(max(e, start + 1), min(len(words), start + MAX_GAZ_LEN) + 1):
            if (end - start) > (best[1] - best[0]) and "PER" in idx.get(tuple(words[start:end]), ()):
                best = (start, end)
    return best


def _balance_brackets(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans with a lone bracket at an edge ("Jokowi )", "( BPH Migas") take in the matching
    bracket beside them, or drop the lone one. IDNER-news-2k writes "(Jokowi)" and
    "Mahkamah Konstitusi (MK)" as whole names, and the model learns that from telaah's own
    tokens of them (see ``scripts/train_ner.py``); this completes the spans it half-closes
    (IDNER dev F1 0.9028 -> 0.9045 with role stripping and widening)."""
    out: list[tuple[int, int, str]] = []
    n = len(words)
    for s, e, typ in found:
        if words[e - 1] == ")" and "(" not in words[s:e - 1]:
            if s > 0 and words[s - 1] == "(" and not (out and out[-1][1] > s - 1):
                s -= 1
            else:
                e -= 1
        if s < e and words[s] == "(" and ")" not in words[s + 1:e]:
            if e < n and words[e] == ")":
                e += 1
            else:
                s += 1
        if s < e:
            out.append((s, e, typ))
    return out


def _fix_spans(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans the model gets wrong on news-site text, by general rules:

    - bracket residue never starts a span: in "Wahana Lingkungan Hidup Indonesia (Walhi)
      Sumatera Barat" the bracketed acronym goes to the name before it and "Sumatera Barat"
      stands alone (without a name right before, the bracket part is dropped);
    - a PER or ORG span ends before a capitalised headline verb ("Walhi Sumbar Soroti
      Kerusakan Hutan" -> "Walhi Sumbar"), a PER span before a figure or a colon;
    - a news agency ("JAKARTA (Reuters) -") is never a person, and neither is a name that ends
      in a province ("Walhi Sumbar"): both become ORG."""
    out: list[list] = []
    for s, e, typ in found:
        if words[s] == "(":
            close = next((k for k in range(s + 1, e - 1) if words[k] == ")"), None)
            if close is not None and words[close + 1][:1].isupper():
                bracketed = " ".join(words[s + 1:close])
                if out and out[-1][1] == s and acronym_fits(bracketed, " ".join(words[out[-1][0]:s])):
                    out[-1][1] = close + 1
                s = close + 1
        if typ in ("PER", "ORG"):
            e = next((k for k in range(s, e) if is_headline_verb(words[k])), e)
        if typ == "PER":  # no figure nor colon inside a person's name ("Djarot Saiful Hidayat [46,9%]")
            e = next((k for k in range(s + 1, e) if words[k] == ":" or any(ch.isdigit() for ch in words[k])), e)
        if s >= e:
            continue
        if typ == "PER":
            unbracketed = " ".join(w for w in words[s:e] if w not in "()")
            if unbracketed in _news_agencies() or _region_tail(words, s, e):
                typ = "ORG"
        out.append([s, e, typ])
    return [tuple(x) for x in out]


@lru_cache(maxsize=None)
def _phrases(name: str) -> tuple[frozenset[tuple[str, ...]], int]:
    """Lowercased token tuples of a one-phrase-a-line data file, and the longest length."""
    phrases = frozenset(tuple(line.lower().split()) for line in load_lines(name))
    return phrases, max(map(len, phrases))


def _phrase_ends_at(name: str, words: list[str], i: int) -> int:
    """Length of the longest phrase of data file ``name`` that ends right before ``words[i]``."""
    phrases, longest = _phrases(name)
    if i == 0 or (words[i - 1].lower(),) not in _phrase_last_words(name):
        return 0
    for n in range(min(longest, i), 0, -1):
        if tuple(w.lower() for w in words[i - n:i]) in phrases:
            return n
    return 0


@lru_cache(maxsize=None)
def _phrase_last_words(name: str) -> frozenset[tuple[str]]:
    return frozenset((p[-1],) for p in _phrases(name)[0])


@lru_cache(maxsize=None)
def _phrase_first_words(name: str) -> frozenset[str]:
    return frozenset(p[0] for p in _phrases(name)[0])


def _phrase_len_at(name: str, words: list[str], i: int, limit: int) -> int:
    """Length of the longest phrase of data file ``name`` that starts at ``words[i]``."""
    phrases, longest = _phrases(name)
    if words[i].lower() not in _phrase_first_words(name):
        return 0
    for n in range(min(longest, limit - i), 0, -1):
        if tuple(w.lower() for w in words[i:i + n]) in phrases:
            return n
    return 0


@lru_cache(maxsize=1)
def _org_heads() -> tuple[frozenset[str], frozenset[str]]:
    """(words that open an organisation's name, words that end an English one)."""
    rows = load_table("org_heads.tsv")
    return (frozenset(r["word"] for r in rows if r["position"] == "first"),
            frozenset(r["word"] for r in rows if r["position"] == "last"))


def _is_name_word(w: str) -> bool:
    return w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha()


def _declared_names(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """An organisation's name that a bracketed short form in capitals declares ("Observatorium
    Suriah untuk Hak Asasi Manusia (SOHR)", "Badan Eksekutif Mahasiswa Seluruh Indonesia (BEM
    SI)") becomes one ORG span, brackets included as IDNER writes them, where the model left it
    untagged or tagged only a part. The name runs back from the bracket over capitalised words
    and the connectors of ``lang/id/name_connectors.txt``; it starts where its initials spell
    the short form, else where the short form fits its letters, else (a foreign short form)
    after the last "dan" of the run. It must open or end with an organisation word
    (``lang/id/org_heads.tsv``): most bracketed short forms name no organisation ("Bahan
    Bakar Minyak (BBM)"). A span the model made a person is left alone."""
    firsts, lasts = _org_heads()
    connectors = _phrases("name_connectors.txt")[0]
    out = list(found)
    for b, w in enumerate(words):
        if w != "(":
            continue
        close = b + 1
        while close < len(words) and close - b <= 3 and _is_acronym_word(words, close):
            close += 1
        if close == b + 1 or close >= len(words) or words[close] != ")" \
                or sum(len(x) for x in words[b + 1:close]) < MIN_ACRONYM_LETTERS \
                or (close + 1 < len(words) and _is_name_word(words[close + 1])):
            continue  # a name after the bracket continues it: "Dewan Pimpinan Daerah (DPD) Golkar"
        j = b
        while j > 0:
            prev = words[j - 1]
            if _is_name_word(prev):
                j -= 1
            elif (prev.lower(),) in connectors and j < b and j >= 2 and _is_name_word(words[j - 2]):
                j -= 1
            else:
                break
        while j < b and (_role_or_rank_len_at(words, j, b) or (words[j].lower(),) in connectors):
            j += max(1, _role_or_rank_len_at(words, j, b))
        if b - j < 2:
            continue
        short = "".join(words[b + 1:close]).lower()
        starts = [k for k in range(j, b) if _is_name_word(words[k])]
        exact = [k for k in starts if "".join(x[0].lower() for x in words[k:b] if _is_name_word(x)) == short]
        # session 13b: a fit over one word is a coincidence ("Komisi Pemilihan [Republik] (RIK)")
        fits = [k for k in starts if words[k][0].lower() == short[0] and acronym_fits(short, " ".join(words[k:b]))
                and b - k >= 2]
        heads = [k for k in range(j, b) if words[k] in firsts]
        if exact or fits:
            start = (exact or fits)[0]
        elif heads:  # a foreign short form: the name opens with its organisation word
            start = heads[0]
        else:
            cuts = [k + 1 for k in range(j, b) if words[k].lower() in ("dan", "&", "and")]
            start = max(cuts, default=j)
        if b - start < 2 or not (words[start] in firsts or words[b - 1] in lasts):
            continue
        overlapping = [x for x in out if x[0] < close + 1 and x[1] > start]
        if any((x[2] == "PER" and x[0] < b) or x[0] < start for x in overlapping) or \
                any(x[:2] in ((start, b), (start, close + 1)) for x in overlapping):
            continue
        out = [x for x in out if x not in overlapping] + [(start, close + 1, "ORG")]
    return sorted(out)


def _is_law_title(words: list[str], s: int, e: int) -> bool:
    """Whether span ``words[s:e]`` names a law or bill, or is the title after a law word ("RUU
    Ketertiban Sipil", "Rancangan Undang-Undang (RUU) [Ketertiban Sipil]"): IDNER tags none."""
    if _phrase_len_at("law_words.txt", words, s, e):
        return True
    i = s
    if i >= 3 and words[i - 1] == ")" and words[i - 3] == "(":  # "Undang-Undang (RUU) Ketertiban"
        i -= 3
    return bool(_phrase_ends_at("law_words.txt", words, i))


LIST_END = frozenset({",", ".", ";", ":", ")", "-"})  # what may follow the last item of a list of places


def _after_place_cue(words: list[str], s: int, e: int, tagged: dict[int, str]) -> bool:
    """Whether a name at ``words[s]`` follows a place cue (``lang/id/place_cues.txt``: "di",
    "sekitar", "kota") directly or closes a list it opens ("di sekitar Kobani dan [Tal
    Rifaat]", "di A, B dan [C]"), no item of the list being a person. A name after a comma is
    not taken for a list item: "di Indosat, Fuad mengakui" starts a new clause; nor is a name
    that punctuation does not end: "di Ankara dan Orhan Qereman di Qamishli"."""
    j = s
    for item in range(4):
        if _phrase_ends_at("place_cues.txt", words, j):
            return True
        if item == 0 and e < len(words) and words[e] not in LIST_END:
            return False
        # the name closes the list ("dan", "atau"); earlier items are joined by commas
        if j < 2 or words[j - 1] not in (("dan", "atau") if item == 0 else (",",)):
            return False
        j -= 1
        k = j
        while k > 0 and _is_name_word(words[k - 1]) and tagged.get(k - 1) != "PER":
            k -= 1
        if k == j or (k > 0 and tagged.get(k - 1) == "PER"):
            return False
        j = k
    return False


@lru_cache(maxsize=1)
def _place_like_heads() -> frozenset[str]:
    """Organisation heads that also open names of places ("Kantor …", "Uni Soviet"):
    ``org_heads.tsv`` position ``place_like``."""
    return frozenset(r["word"] for r in load_table("org_heads.tsv") if r["position"] == "place_like")


def _opens_as_organisation(words: list[str], s: int, e: int) -> bool:
    """Whether the place's span ``words[s:e]`` opens with an organisation: an office's head
    word ("Kejaksaan Tinggi Jawa Barat") or a name the gazetteer knows only as an organisation
    followed by a province ("Kejati Jabar")."""
    if words[s] in _org_heads()[0] and words[s] not in _place_like_heads():
        return True
    n, labels = _gaz_types(words, s, e)
    return 0 < n < e - s and "ORG" in labels and "LOC" not in labels and _region_tail(words, s, e) == e - s - n


def _refine_spans(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Session 13 (wire copy and protest news), by general rules:

    - a bracketed short form declares the organisation's name before it (``_declared_names``);
    - a police or military rank ends an organisation's or place's span ("Polda Metro Jaya
      [Kombes Pol] Arief": the rank goes to the person's role, a name after it is a PER span);
    - a person's span that opens with an organisation's short form in capitals ("BEM SI Rizky
      Maulana", "SDF Dilovan Xelil") is that ORG and the person;
    - a person's span of role words or ranks only ("Kabid Humas") is no name: it is dropped,
      and the role goes to the name after it; one of province short forms only is a place; an
      organisation's or place's span of a rank only ("AKBP", session 17) is dropped too;
    - the title of a law or bill ("RUU Ketertiban Sipil") is no entity (IDNER tags it O);
    - a person's span after a place cue, or in a list a place cue opens, is a place ("di
      sekitar Kobani dan Tal Rifaat");
    - an ORG short form takes the untagged capitals after it ("BEM [SI] menggelar")."""
    found = _declared_names(words, found)
    tagged = {k: t for s, e, t in found for k in range(s, e)}
    out: list[tuple[int, int, str]] = []
    for s, e, typ in found:
        if typ in ("ORG", "LOC") and rank_len_at(words, s, e) == e - s:
            continue  # "Kapolres Cimahi [AKBP] Tri Suhartanto": a rank alone names no organisation
        if typ in ("ORG", "LOC"):
            cut = next((k for k in range(s + 1, e) if rank_len_at(words, k, e + 1)
                        and k + rank_len_at(words, k, len(words)) < len(words)
                        and _is_name_word(words[k + rank_len_at(words, k, len(words))])), None)
            if cut is not None:
                rest = cut + rank_len_at(words, cut, e)
                out.append((s, cut, typ))
                if rest < e and _is_name_word(words[rest]):
                    out.append((rest, e, "PER"))
                continue
        if typ == "PER":
            if _only_roles(words, s, e):
                continue
            if all(w in region_abbreviations() for w in words[s:e]):
                typ = "LOC"  # "Kejati Sultra menyebut": a province's short form is never a person
            elif _ends_as_office(words, s, e):
                typ = "ORG"  # "Satreskrim Polres Garut": an office of a place, not a person
            n = _org_acronym_len(words, s, e - 1)
            if n and all(_is_name_word(w) and not w.isupper() for w in words[s + n:e]):
                out.append((s, s + n, "ORG"))
                s += n
        if _is_law_title(words, s, e):
            continue
        if typ == "PER" and _after_place_cue(words, s, e, tagged):
            typ = "LOC"
        if typ == "LOC" and e - s >= 2 and _opens_as_organisation(words, s, e):
            typ = "ORG"  # "Kejaksaan Tinggi Jawa Barat menahan": a name an office word opens is the office's
        if typ == "ORG" and _is_acronym_word(words, e - 1) and e < len(words) and e not in tagged \
                and _is_acronym_word(words, e) and len(words[e]) <= 3 \
                and (e + 1 == len(words) or not _is_name_word(words[e + 1])):
            e += 1
        out.append((s, e, typ))
    return _refine_spans_s13b(words, out)


def _refine_spans_s13b(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Session 13b (regional news and machine-translated wire copy), by general rules:

    - a dateline's bracketed agency is no part of the place ("Beograd (AFP)": LOC "Beograd",
      ORG "(AFP)");
    - an organisation's span never starts inside a role phrase ("Ketua Pengurus [Harian YPKN]");
    - a rank inside a person's span ends the office before it ("Kapolres [Alor AKBP] Marthen");
    - one name word glued after an organisation with no role before it, and no name after it,
      ends that organisation's name ("PT Samudra Jaya [Abadi] melalui");
    - capitalised words before an age in brackets are a person ("Yakobus Mau (52),");
    - after a role and an office that ends in an acronym, a known place or organisation, a
      lowercase word or a comma, the capitalised words up to a lowercase word or punctuation
      are the person ("Ketua RIK Vladimir Dimitrijević membantah", "Pemimpin oposisi Dragan
      Djordjević,", "kuasa hukumnya, Benyamin Amalo,")."""
    found = _split_dateline_credits(words, found)
    found = _trim_role_tails(words, found)
    found = _cut_inner_ranks(words, found)
    found = _join_glued_words(words, found)
    found = _aged_names(words, found)
    found = _company_names(words, found)
    found = _split_prefixed_organisations(words, found)
    # "Hendra Saputra, S.I.K., M.H.,": degrees after a name are no person of their own (session 19)
    found = [x for x in found if not degrees_only(words[x[0]:x[1]])]
    found = _drop_trailing_honorifics(words, found)
    found = _titled_persons(words, found)
    found = _regional_branches(words, found)
    return sorted(_article_names(words, _role_cued_names(words, found)))


def _regional_branches(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(session 29) An organisation followed at once by a province's short form tagged as a
    place is its regional branch ("[Kejati Jabar] menahan", "[Polda Sulsel]"): one name, so the
    province's prosecutors are not the prosecution service plus a place."""
    regions = region_abbreviations()
    out: list[list] = []
    for s, e, typ in sorted(found):
        prev = out[-1] if out else None
        if (typ == "LOC" and e - s == 1 and words[s] in regions and prev is not None
                and prev[2] == "ORG" and prev[1] == s):
            prev[1] = e
            continue
        out.append([s, e, typ])
    return [tuple(x) for x in out]


def _titled_persons(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(session 25, probe 11) A place or organisation span right after a title and its dot
    ("Kabupaten Wanasari dr. [Heru Prasetyo], M.Kes.") or followed by a comma and an academic
    degree ("[Heru Prasetyo], M.Kes.") is a person, unless the word before the title names an
    institution or a street after the person ("RSUD dr. Soetomo"; ``named_after`` words)."""
    titles = dotted_titles()
    institution = named_after_words()
    out = []
    for s, e, typ in found:
        if typ in ("ORG", "LOC"):
            titled = s >= 2 and words[s - 1] == "." and words[s - 2] in titles \
                and not (s >= 3 and words[s - 3] in institution)
            degree = e + 2 < len(words) and words[e] == "," and words[e + 1][:1].isupper() \
                and len(words[e + 1]) <= 3 and words[e + 2] == "." and words[e + 1] not in titles
            if (titled or degree) and all(_is_name_word(w) for w in words[s:e]) and e - s <= 4 \
                    and not any(w.lower() in _non_name_words() for w in words[s:e]):
                typ = "PER"
        out.append((s, e, typ))
    return out


def _drop_trailing_honorifics(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(session 19) An organisation's or place's span does not end in the honorific of the
    person after it: "Wakil Wali Kota Tegal [Hj]. Rina", "Direktur Utama PD Pasar [Drs]. H.
    Bambang"; an honorific alone is no mention."""
    titles = short_titles()
    out = []
    for s, e, typ in found:
        if typ in ("ORG", "LOC"):
            e = _without_honorific_tail(words, s, e, titles)
        if e - s == 1 and words[s] in titles and e < len(words) and words[e] == ".":
            continue  # (session 20) "bertemu [Hj]. Siti Aminah": an honorific alone is nobody
        cut = _honorific_inside(words, s, e, typ, titles) if typ in ("ORG", "LOC") else None
        if cut is not None:
            out.extend(cut)
            continue
        out.append((s, e, typ))
    return out


def _without_honorific_tail(words: list[str], s: int, e: int, titles: frozenset[str]) -> int:
    """The end of an organisation's or place's span ``words[s:e]`` before the honorifics of the
    person after it ("Wakil Wali Kota Tegal [Hj]. Rina"; session 21: "Sekretaris Daerah [NTB
    Dr.] H. Ahmad", with its dot)."""
    while e - s > 1:
        if words[e - 1] in titles and e < len(words) and words[e] == ".":
            e -= 1
        elif e - s > 2 and words[e - 1] == "." and words[e - 2] in titles:
            e -= 2
        else:
            break
    return e


def _honorific_inside(words: list[str], s: int, e: int, typ: str,
                      titles: frozenset[str]) -> list[tuple[int, int, str]] | None:
    """(session 20) An organisation's span that runs over the next person's honorific and name
    ("anggota Komisi IV [DPRD NTB Hj. Baiq Nurul Aini], S.Pd.", "Kepala Dinas [PUPR NTB Ir. I
    Made Suarta Wijaya, M.T.]"): the organisation ends before the honorific, the person is
    the capitalised words after it up to a comma. Only from the third word on: a title right
    after the first word names an institution after a person ("RSUD dr. R. Soedjono")."""
    for k in range(s + 2, e - 2):
        if words[k] in titles and words[k][:1].isupper() and words[k + 1] == ".":
            start = k
            while start + 1 < e and words[start] in titles and words[start + 1] == ".":
                start += 2  # "Dr. H. Ahmad"
            end = start
            while end < e and words[end] != "," and (words[end][:1].isupper() or words[end] == "."):
                end += 1
            while end > start and words[end - 1] == ".":
                end -= 1
            if end - start < 1 or not words[start][:1].isupper():
                return None
            return [(s, k, typ), (start, end, "PER")]
    return None


@lru_cache(maxsize=1)
def _org_prefixes() -> tuple[str, ...]:
    return tuple(load_lines("org_prefixes.txt"))


def _split_prefixed_organisations(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(session 20) A person's span opening with an organisation's short name that no list
    holds yet ("Juru bicara [Kemendikdasmen] Nadia Rahmawati"; ``org_prefixes.txt``) is that
    organisation, then the person."""
    prefixes = _org_prefixes()
    out = []
    for s, e, typ in found:
        first = words[s]
        if typ == "PER" and e - s >= 3 and any(first.startswith(p) and len(first) > len(p) + 1 for p in prefixes):
            out.extend([(s, s + 1, "ORG"), (s + 1, e, "PER")])
        else:
            out.append((s, e, typ))
    return out


@lru_cache(maxsize=1)
def company_forms() -> frozenset[str]:
    """Legal forms that open a company's name ("PT", "CV", "UD"), as written; the quote stage
    uses them too ("perusahaan itu" describes a PT)."""
    return frozenset(load_lines("company_forms.txt"))


def _company_names(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(session 19) An untagged legal form ("PT", "CV") opens an organisation's name that runs
    over the capitalised words after it: "kepada PT [Anugerah Harisma Barakah] yang", "PT
    Honda Prospect Motor (HPM)". Left alone after a role or any capitalised word ("Direktur PT
    Windhu Tunggal Utama Abdul Khoir", "Bos PT Statika Joni Wijaya": the person follows the
    company), and where untagged words come between the form and a person's span ("PT Merial
    Esa Hardy Stefanus": where the company's name ends is not known; a name written whole
    elsewhere in the run settles it at merging, ``restore_split_organisations``). A form left
    out of an organisation's span right after it joins it, after a role too (session 26)."""
    forms = company_forms()
    tagged = {k for s, e, _ in found for k in range(s, e)}
    out = list(found)
    org_at = {s: (s, e, t) for s, e, t in found if t == "ORG"}
    for k, w in enumerate(words):
        if w not in forms or k in tagged or k + 1 >= len(words) or not _is_name_word(words[k + 1]):
            continue
        if k + 1 in org_at:  # "General Manager PT [Vale Indonesia]": the form belongs to the name
            s, e, t = org_at[k + 1]
            out = [x for x in out if x != (s, e, t)] + [(k, e, t)]
            continue
        if (k and _is_name_word(words[k - 1])) or _role_ends_at(words, k):
            continue
        m = k + 1
        # "PT NBM", "PT SAIC-GM Wuling"; not "PT Trans Distributor [NPWP] 03.275…"
        while m < len(words) and (_is_name_word(words[m]) or (m == k + 1 and _is_acronym_word(words, m))):
            m += 1
        inside = [x for x in out if k < x[1] and x[0] < m]
        if any(x[2] != "PER" or x[0] != k + 1 or x[1] > m for x in inside):
            continue  # an organisation or place already, or a person's span not right after the form
        out = [x for x in out if x not in inside] + [(k, m, "ORG")]
    return sorted(out)


def _article_names(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(session 16) Capitalised words before a name part with a joined Arabic article are a
    person ("Amal al-Gharbi dari LTDH", "Abdel Fattah el-Sisi"), where the model tagged no
    organisation or place over them; an organisation's span left with lowercase words only
    ("Juru bicara [kementerian] Khalid bin Amor", after the role walk took the name) is none."""
    person_starts = {s for s, _, t in found if t == "PER"}
    out = [x for x in found if not (x[2] == "ORG" and x[1] in person_starts and all(w.islower() for w in words[x[0]:x[1]]))]
    openers = _opener_words()
    for i in range(1, len(words)):
        if not _article_name_part(words[i]) or not _is_name_word(words[i - 1]) \
                or not _is_person_word(words, i - 1) or _article_name_part(words[i - 1]):
            continue
        if any(x[0] <= i - 1 < x[1] for x in out):
            continue  # the model tagged the words before the article: its span stands
        s = i - 1
        while s > 0 and i - s < 3 and _is_person_word(words, s - 1) and not _article_name_part(words[s - 1]) \
                and words[s - 1].lower() not in openers and not _gaz_types(words, s - 1, s)[0]:
            s -= 1  # not over a known place ("Presiden [Suriah] Bashar al-Assad")
        if words[s].lower() in openers:
            s += 1
        e = _name_run_end(words, i, MAX_ROLE_CUED_NAME)
        if e - s < 2:
            continue
        overlapping = [x for x in out if x[0] < e and x[1] > s]
        if any(x[2] != "PER" or x[0] < s or x[1] > e for x in overlapping):
            continue
        out = [x for x in out if x not in overlapping] + [(s, e, "PER")]
    return out


def _is_news_agency(name: str) -> bool:
    from .gazetteer import lookup

    return any(h.kind == "news_agency" for h in lookup(name))


def _split_dateline_credits(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A span "PLACE ( AGENCY )" is a dateline: the place, and the agency it credits (an agency
    whose own short form the bracket spells, "Agence France-Presse (AFP)", stays whole)."""
    out = []
    for s, e, typ in found:
        b = next((k for k in range(e - 2, s, -1) if words[k] == "("), None) if words[e - 1] == ")" else None
        if b is not None and _is_news_agency(" ".join(words[b + 1:e - 1])) \
                and not acronym_fits(" ".join(words[b + 1:e - 1]), " ".join(words[s:b])):
            out += [(s, b, "LOC"), (b, e, "ORG")]
        else:
            out.append((s, e, typ))
    return out


def _trim_role_tails(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """An ORG or LOC span that starts inside a role phrase begun before it starts after the
    role ("Ketua Pengurus [Harian] YPKN": the board is part of the office, not of the name), and
    so does an ORG span that opens with a role ("General Manager PT Vale"); one the role phrase
    covers whole stays ("anggota DPR")."""
    out = []
    for s, e, typ in found:
        if typ in ("ORG", "LOC"):
            # an organisation's span may open with the role too ("[General Manager PT Vale]")
            for r in range(max(0, s - 3), s + (typ == "ORG")):
                n = _role_len_at(words, r, e)
                if s < r + n < e:  # a role that names the whole span ("anggota DPR") leaves it
                    s = r + n
        if s < e:
            out.append((s, e, typ))
    return out


def _cut_inner_ranks(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A person's span with a rank inside it and a name after the rank ("Alor AKBP Marthen
    Laka", "Reskrim Polres Alor AKP Imanuel Tefa") is an office, the rank and the name: the
    person's span starts after the rank (the office and rank go to the role), the office's
    known organisations and places stay mentions."""
    out = []
    for s, e, typ in found:
        if typ == "PER":
            k = next((k for k in range(s + 1, e - 1) if rank_len_at(words, k, e - 1)), None)
            if k is not None and _is_name_word(words[k + rank_len_at(words, k, e - 1)]):
                out += _office_parts(words, s, k)
                out.append((k + rank_len_at(words, k, e - 1), e, "PER"))
                continue
        out.append((s, e, typ))
    return out


def _join_glued_words(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A one-word PER span right after an organisation's span of two or more words, with no
    role before the organisation and no name after the word ("PT Samudra Jaya | Abadi
    melalui ..."), is the organisation's last word: a person is not named by one word glued to
    a company's name, while company names end in such words ("Abadi", "Jaya", "Makmur")."""
    out: list[tuple[int, int, str]] = []
    for s, e, typ in found:
        if typ == "PER" and e - s == 1 and out and out[-1][2] == "ORG" and out[-1][1] == s \
                and out[-1][1] - out[-1][0] >= 2 and (e == len(words) or not _is_name_word(words[e])) \
                and not _role_or_rank_len_at(words, s, e) and not _role_ends_at(words, out[-1][0]):
            out[-1] = (out[-1][0], e, "ORG")
            continue
        out.append((s, e, typ))
    return out


def _role_ends_at(words: list[str], i: int) -> bool:
    """Whether a role phrase or rank ends right before ``words[i]``."""
    return any(_role_or_rank_len_at(words, i - n, i) == n for n in range(1, min(i, _role_phrases()[1] + 2) + 1))


MAX_AGE = 120


def _aged_names(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Capitalised words right before an age in brackets ("Yakobus Mau (52),") or between
    commas before a description ("Djurovic, 51, mantan wali kota") name a person, even when a
    word of the name is also a common word ("Mau"): news writes a person's age so. A span of
    another type over those words is left alone."""
    out = list(found)
    for b in range(1, len(words) - 2):
        if not (words[b + 1].isdigit() and 0 < int(words[b + 1]) <= MAX_AGE):
            continue
        bracket = words[b] == "(" and words[b + 2] == ")"
        apposition = words[b] == "," and words[b + 2] == "," and b + 3 < len(words) \
            and words[b + 3].isalpha() and words[b + 3].islower()  # "Djurovic, 49, mantan wali kota"
        if not (bracket or apposition):
            continue
        k = b
        while k > 0 and b - k < 4 and _is_person_word(words, k - 1):
            k -= 1
        while k < b and words[k].lower() in _opener_words():  # "Namun Yakobus (52)"
            k += 1
        if k == b:
            continue
        overlapping = [x for x in out if x[0] < b and x[1] > k]
        if any(x[2] != "PER" or x[1] > b for x in overlapping):
            continue
        k = min([k] + [x[0] for x in overlapping])
        out = [x for x in out if x not in overlapping] + [(k, b, "PER")]
    return out


def _is_person_word(words: list[str], i: int) -> bool:
    """A capitalised word that can be part of a person's name: not a role, a rank, an
    organisation's head word, a place's administrative word, a month or a weekday. (A function
    word can be: "Yakobus Mau"; ``_opener_words`` are cut from a name's start.) A name part
    after a joined Arabic article counts ("al-Mejri")."""
    w = words[i]
    if _article_name_part(w):
        return True
    return _is_name_word(w) and not w.isupper() and w.lower() not in _non_name_words() \
        and not _role_or_rank_len_at(words, i, i + 1)


@lru_cache(maxsize=1)
def _article_part_re() -> re.Pattern:
    """A name part behind a joined Arabic article ("al-Mejri", ``names.name_articles``)."""
    return re.compile(rf"(?:{'|'.join(map(re.escape, name_articles()))})-[A-Z][a-z]+(?:-[A-Z][a-z]+)?\Z")


def _article_name_part(w: str) -> bool:
    return "-" in w and bool(_article_part_re().match(w))


def _name_run_end(words: list[str], k: int, limit: int) -> int:
    """Where the person's name that starts at ``k`` ends: person words, with a lowercase
    linker between two of them ("Khalid bin Amor")."""
    linkers = name_linkers()
    m = k
    while m < len(words) and m - k < limit:
        if _is_person_word(words, m):
            m += 1
        elif m > k and words[m] in linkers and m + 1 < len(words) and _is_person_word(words, m + 1):
            m += 2
        else:
            break
    return m


@lru_cache(maxsize=1)
def _non_name_words() -> frozenset[str]:
    """Lowercased words that are never part of a person's name: organisation heads
    (``org_heads.tsv``), administrative and geographic place words (``place_prefixes.tsv``,
    ``place_words.txt``), months and weekdays."""
    from .names import place_prefixes

    words = {w.lower() for w in _org_heads()[0] | _org_heads()[1]}
    words |= set(place_prefixes()) | {w.lower() for w in load_lines("place_words.txt")}
    for name in ("time_months.tsv", "time_weekdays.tsv"):
        for row in load_table(name):
            words |= {v.lower() for k, v in row.items() if k in ("word", "name", "form")}
    return frozenset(words)


@lru_cache(maxsize=1)
def _opener_words() -> frozenset[str]:
    """Function words (``stopwords.txt``) that open a sentence before a name ("Namun",
    "Sementara"): never a name's first word."""
    return stopwords()


VERB_PREFIXES = ("mem", "men", "mel", "mer", "mew", "mey", "di", "ber", "ter")  # "media", "misi" are nouns


def _role_modifier_word(w: str) -> bool:
    """A lowercase word that can qualify a role before a name ("Pemimpin oposisi", "Kepala
    misi"): not a function word ("menteri di Kabinet ...") nor a verb by its prefix ("Jaksa
    menuntut Rudi": the prosecutor is no role of Rudi's)."""
    return w.isalpha() and w.islower() and w not in _opener_words() and not w.startswith(VERB_PREFIXES)


MAX_ROLE_CUED_NAME = 4  # words of a person's name after a role
MAX_LOWER_AFTER_ROLE = 2  # lowercase words between a role and a name ("oposisi", "misi")


def _role_len_nya(words: list[str], i: int, limit: int) -> int:
    """``_role_len_at``, the role's last word possibly with "-nya" ("kuasa hukumnya")."""
    n = _role_or_rank_len_at(words, i, limit)
    if n or i >= limit or words[i].lower() not in _role_first_words():
        return n
    phrases, longest = _role_phrases()
    for n in range(min(longest, limit - i), 0, -1):
        last = words[i + n - 1].lower()
        if last.endswith("nya") and tuple(w.lower() for w in words[i:i + n - 1]) + (last[:-3],) in phrases:
            return n
    return 0


def _place_inside_run(words: list[str], k: int, m: int) -> int:
    """Where the last known place or organisation inside a run of capitalised words after an
    office ends, when two name words or more follow it and a word of the office precedes it
    ("Transmigrasi Maluku Utara Fauziah Umasangaji" -> the index of "Fauziah"); else 0."""
    end, p = 0, k + 1
    while p < m - 2:
        n = _office_name_len(words, p, m)
        if n and p + n <= m - 2 and (n >= 2 or words[p] in region_abbreviations() or words[p].isupper()):
            # one-word places are too often common words in an office's name ("Sumber Daya")
            end, p = p + n, p + n
        else:
            p += 1
    return end


def _role_cued_names(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Person names that a role announces, where the model tagged the name wrongly or not at
    all (foreign names in machine-translated copy, "Đorđević"). After the role comes an office
    that something closes, then the name up to a lowercase word or punctuation: the office
    must close (an acronym, a bracket, a known place or organisation, a rank, a lowercase
    word, a comma) so that office words are never taken for a name ("Menteri Keuangan Sri
    Mulyani" is the model's to split). The name has 2-4 capitalised words; a span of the model
    over it is replaced unless it is an organisation's or runs past the name."""
    out = list(found)
    types = {k: t for s, e, t in found for k in range(s, e)}
    span_end = {s: e for s, e, _ in found}
    firsts = _role_first_words() | _rank_first_words()
    resume = 0  # the end of the last role or name: the next role starts at or after it
    for i in [i for i, w in enumerate(words) if w.lower() in firsts]:  # few
        if i < resume:
            continue
        n = _role_len_nya(words, i, len(words))
        if not n:
            continue
        k = i + n
        i = resume = k
        closed, lower, office_run = False, 0, False
        name = None
        while k < len(words):
            w = words[k]
            step = rank_len_at(words, k, len(words)) or _office_name_len(words, k, len(words))
            if step and span_end.get(k, k) > k + step and closed and not _org_acronym_len(words, k, k + step):
                step = 0  # the model's one span runs on: a name that opens like a place ("Milan X"; a
                # short form in capitals, "DPRD", opens no person's name)
            if step:  # a known name closes the office unless office words run into it ("Energi dan [Sumber]")
                k, closed = k + step, closed or not office_run or bool(rank_len_at(words, k, len(words)))
                continue
            if w == "(":
                close = next((c for c in range(k + 1, min(k + 5, len(words))) if words[c] == ")"), None)
                if close is None:
                    break
                k, closed = close + 1, True
                continue
            if w == "," and (k == i or closed or lower):
                k, closed = k + 1, True
                continue
            if _role_modifier_word(w) and lower < MAX_LOWER_AFTER_ROLE and k == i + lower:
                k, lower, closed = k + 1, lower + 1, True
                continue
            run = k
            while run < len(words) and words[run] != "," and _is_office_word(words, run):
                run += 1  # capitalised words, "dan" between two: one office and the name after it
            cut = _place_inside_run(words, k, run)
            if cut and 2 <= run - cut <= MAX_ROLE_CUED_NAME and (run == len(words) or words[run] != "(") \
                    and all(_is_person_word(words, j) for j in range(cut, run)):
                # "Kepala Dinas Tenaga Kerja dan Transmigrasi [Maluku Utara] Fauziah Umasangaji":
                # the known place ends the office, the person's name follows it
                name, closed = (cut, run), True
                break
            if _is_person_word(words, k):
                m = _name_run_end(words, k, MAX_ROLE_CUED_NAME + 1)
                after = words[m] if m < len(words) else ""
                if after in (",", "dan", "&") and m + 1 < len(words) and _is_person_word(words, m + 1):
                    # the office in apposition ("Camat X Barat, Yohanes Ola") or an office of
                    # several words ("Menteri Energi dan Sumber Daya Mineral (ESDM) Darmawan")
                    k, closed, office_run = m + 1, closed or after == ",", True
                    continue
                if after == "(":
                    k, office_run = m, True
                    continue
                name = (k, m)
            break
        if name is None or not closed or not 2 <= name[1] - name[0] <= MAX_ROLE_CUED_NAME:
            continue
        s, e = name
        if e < len(words) and (words[e][:1].isupper() or words[e][:1].isdigit()):
            continue
        overlapping = [x for x in out if x[0] < e and x[1] > s]
        if len(overlapping) == 1 and overlapping[0][2] in ("ORG", "LOC") and i <= overlapping[0][0] < s \
                and overlapping[0][1] == e:
            # the model ran the office or its place on into the name ("Anggota [DPRD NTT Markus
            # Lede]", "Kepala Dinkes [Garut Leni Marlina]"): the walk above read the office's
            # words up to the name, so the office ends there
            out = [x for x in out if x != overlapping[0]] + [(overlapping[0][0], s, overlapping[0][2]), (s, e, "PER")]
            resume = e
            continue
        if any(x[2] == "ORG" or x[0] < s or x[1] > e for x in overlapping) or (s, e, "PER") in overlapping:
            continue
        if overlapping and all(types.get(k) == "LOC" for k in range(s, e)) and len(overlapping) == 1 \
                and _gaz_types(words, s, e)[0] == e - s:
            continue  # a known place the model tagged whole
        out = [x for x in out if x not in overlapping] + [(s, e, "PER")]
        resume = e
    return out


def _domains(spans: list[tuple[int, int]], words: list[str]) -> list[tuple[int, int]]:
    """Token ranges of web addresses written in running text ("KABARPRIANGAN.COM",
    "Kompas.com", "detik.co.id"): words joined by dots without spaces, ending in a top-level
    domain of ``WEB_SUFFIXES``."""
    def dot_at(k: int) -> bool:  # "a.b" with no space either side of the dot at k
        return 0 < k < len(words) - 1 and words[k] == "." and spans[k - 1][1] == spans[k][0] \
            and spans[k][1] == spans[k + 1][0] and words[k + 1].replace("-", "").isalnum()

    out = []
    k = 1
    while k < len(words) - 1:
        if words[k] == "." and dot_at(k) and words[k + 1].lower() in WEB_SUFFIXES \
                and words[k - 1].replace("-", "").isalnum():
            s = k - 1
            while dot_at(s - 1):
                s -= 2
            e = k + 2
            while dot_at(e) and words[e + 1].lower() in WEB_SUFFIXES:
                e += 2
            out.append((s, e))
            k = e
        k += 1
    return out


WEB_SUFFIXES = frozenset({"com", "id", "co", "net", "org", "news", "tv", "info", "go", "ac", "or", "my", "web"})


def _join_domains(text: str, spans: list[tuple[int, int]], words: list[str],
                  found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A web address is one name: the spans the model cut out of it ("KABARPRIANGAN" LOC,
    "COM" ORG) become one ORG span over the whole address (an outlet's)."""
    if "." not in words:
        return found
    for s, e in _domains(spans, words):
        inside = [x for x in found if x[0] < e and x[1] > s]
        if inside:
            found = sorted([x for x in found if x not in inside] + [(min(s, inside[0][0]), max(e, inside[-1][1]), "ORG")])
    return found


def _mentions(text: str, sentence: Sentence, spans: list[tuple[int, int]], words: list[str],
              tags: list[str], name_starts: list[int] | None = None) -> list[Mention]:
    """The mentions of one tagged sentence, after the post-rules of the module docstring
    (``name_starts``: as ``_add_known_names`` takes it)."""
    found = _refine_spans(words, _join_domains(text, spans, words, _fix_spans(words, _balance_brackets(words, decode(tags)))))
    found = _known_persons(words, found)
    by_end = {e: (s, e, t) for s, e, t in found}
    kept: list[list] = []  # [start token, end token, type, role start token or None]
    for s, e, typ in found:
        role_start = None
        if typ == "PER":
            s = _after_service_words(words, s, e)
            orig = s
            s2 = _strip_role(words, s, e)
            if all(w == "." or _is_service_word(w) for w in words[s2:e]):
                continue  # a role and its rank's service word, no name ("Kasat Reskrim AKP Pol." Budi)
            if s2 > s:
                role_start = s
            s, e = _widen_to_gazetteer(words, s2, e)
            widened = s < s2
            if widened:  # widened over words the model had put elsewhere: a known name wins
                role_start = None
            if role_start is None:
                role_start = _role_before(words, s, by_end)
            cut = s
            if role_start is not None and not widened:
                if words[s - 1] in ("dan", "&") and e - s >= 2 and s - 1 > role_start:
                    s += 1  # the office's last conjunct: "Menteri Komunikasi dan [Informatika] Rudiantara"
                s = _strip_office(words, s, e)
            while kept and kept[-1][1] > cut:  # trim or drop what the known name overlaps
                if kept[-1][0] < cut:
                    kept[-1][1] = cut
                    break
                kept.pop()
            first = cut if widened else orig
            if s > first:  # the organisation or place of the cut office is a mention too
                kept.extend([a, b, t, None] for a, b, t in _office_parts(words, first, s))
            s = _without_leading_titles(words, s, e)
        elif kept and s < kept[-1][1]:
            continue
        kept.append([s, e, typ, role_start])
    kept = _add_known_names(words, kept, name_starts)
    kept = _add_region_abbreviations(words, kept)
    _take_in_regional_heads(words, kept)
    _counsel_of_the_named(words, kept)
    _places_in_roles(words, kept)
    titles = short_titles()
    for k in kept:  # office parts cut from a person's span keep no honorific either
        if k[2] in ("ORG", "LOC"):
            k[1] = _without_honorific_tail(words, k[0], k[1], titles)
    mentions = []
    starts = {k[0]: k[2] for k in kept}
    for s, e, typ, role_start in kept:
        start, end = spans[s][0], spans[e - 1][1]
        role = None
        role_end = _before_honorifics(words, s) - 1  # the role is the office, not "Hj."
        while role_end > (role_start or 0) and words[role_end] == ",":  # "Juru Bicara KPK, Febri"
            role_end -= 1
        if role_start is not None and role_start <= role_end and words[role_end] != ",":
            role = text[spans[role_start][0]:spans[role_end][1]]
        elif typ == "PER" and role_start is None:
            after = _role_after(words, e, starts, kept)
            if after is not None:
                role = text[spans[after[0]][0]:spans[after[1] - 1][1]]
        mentions.append(Mention(start=start, end=end, text=text[start:end], type=typ,
                                sentence=sentence.id, role=role, origin="model"))
    return mentions


@lru_cache(maxsize=1)
def _counsel_phrases() -> frozenset[tuple[str, ...]]:
    """"kuasa hukum", "pengacara" …: the counsel phrases of ``conflict_cues.tsv``."""
    return frozenset(tuple(r["term"].lower().split()) for r in load_table("conflict_cues.tsv") if r["kind"] == "counsel")


def _counsel_of_the_named(words: list[str], kept: list[list]) -> None:
    """"Kuasa hukum Deden, Irfan Maulana, membantah …": the counsel is the name after the comma;
    the one named in the role is the client, who holds no such role (probe 12: the role kept
    "Deden" apart from "Deden Sukmana"). In place: the role moves to the counsel's name."""
    phrases = _counsel_phrases()
    for k, nxt in zip(kept, kept[1:]):
        if k[2] != "PER" or nxt[2] != "PER" or k[3] is None or nxt[3] is not None \
                or k[1] >= len(words) or words[k[1]] != "," or nxt[0] != k[1] + 1:
            continue
        role = tuple(w.lower() for w in words[k[3]:k[0]])
        if role in phrases:
            nxt[3], k[3] = k[3], None


@lru_cache(maxsize=1)
def _regional_heads() -> frozenset[str]:
    """Words that make the office after them a regional government's ("Dinas"), org_heads.tsv."""
    return frozenset(r["word"] for r in load_table("org_heads.tsv") if r["position"] == "regional")


def _take_in_regional_heads(words: list[str], kept: list[list]) -> None:
    """An organisation right after "Dinas" is the regional office: "[Dinas] PUPR Kabupaten
    Garut", not the ministry "PUPR" alone names (probe 12), with the place right after it
    ("Kepala Dinas PUPR Kabupaten Garut, Deden"). In place; the word must be free."""
    heads = _regional_heads()
    ends = {k[1] for k in kept}
    i = 0
    while i < len(kept):
        k = kept[i]
        if k[2] == "ORG" and k[0] > 0 and words[k[0] - 1] in heads and k[0] not in ends:
            k[0] -= 1
            if i + 1 < len(kept) and kept[i + 1][2] == "LOC" and kept[i + 1][0] == k[1]:
                k[1] = kept.pop(i + 1)[1]  # "Dinas PUPR [Kabupaten Garut]": whose office it is
        i += 1


def _known_persons(words: list[str], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A span of two or more words that the gazetteer knows only as a person's name is a person,
    whatever type the model gave it ("Presiden [Recep Tayyip Erdogan] dijadwalkan …" read as an
    organisation once split the president in two; probe 12)."""
    idx = gazetteer_index()
    out = []
    for s, e, t in found:
        if t != "PER" and e - s >= 2 and {"PER", "ORG", "LOC"} & idx.get(tuple(words[s:e]), frozenset()) == {"PER"}:
            t = "PER"
        out.append((s, e, t))
    return out


def _is_service_word(w: str) -> bool:
    """A rank's service word as written after it ("Pol", "Inf", "TNI"), capitalised."""
    return w[:1].isupper() and w.lower() in _ranks()[2]


def _after_service_words(words: list[str], s: int, e: int) -> int:
    """(session 26) A person's span that starts with the service word of the rank before it
    ("Kombes [Pol Yudhistira Pranata]") starts after it: the rank and its service are the role."""
    while s < e - 1 and _is_service_word(words[s]):
        s += 1
        while s < e - 1 and words[s] == ".":
            s += 1
    return s


def _without_leading_titles(words: list[str], s: int, e: int) -> int:
    """(session 26) A person's span starts after the titles written short before the name
    ("[H.] Ahmad Rifa'i Sulaiman", "[Ir.] I Made Suarta Wijaya"): the name is what merges
    across articles, and the honorific stays readable in the text beside it."""
    titles = dotted_titles()
    while s + 2 < e and words[s] in titles and words[s + 1] == "." and words[s + 2][:1].isupper():
        s += 2
    return s


def _add_region_abbreviations(words: list[str], kept: list[list]) -> list[list]:
    """(session 26) A province's short form the model left untagged is a place ("Sekretaris
    Daerah [NTB] Dr. H. Ahmad"): the table lists only forms that name nothing else. Not right
    after an organisation (its regional branch) nor before another name word ("DKI Jakarta")."""
    regions = region_abbreviations()
    covered = {k: t for s, e, t, _ in kept for k in range(s, e)}
    titles = dotted_titles()
    added = []
    for k, w in enumerate(words):
        if w not in regions or k in covered:
            continue
        if covered.get(k - 1) == "ORG":
            # an organisation's regional branch ("DPD Hanura Sulsel", "Kejati Jabar Tahan …"):
            # part of its name
            branch = next((x for x in kept if x[1] == k and x[2] == "ORG"), None)
            if branch is not None:
                branch[1] = k + 1
            continue
        if k + 1 < len(words) and words[k + 1][:1].isupper() and words[k + 1] not in titles:
            continue  # part of a longer name ("DKI Jakarta")
        added.append([k, k + 1, "LOC", None])
    return sorted(kept + added, key=lambda x: x[0]) if added else kept


# Gazetteer kinds trusted to fill gaps the model left (multi-word names only: single words
# such as "Rusia" the model already knows, and short ones are too ambiguous). Countries only:
# on IDNER dev, filling organisations too cost 0.2 F1 (e.g. "Badan Usaha Milik Negara" of
# "Badan Usaha Milik Negara (BUMN)"); filling countries costs 0.14, all of it "Amerika
# Serikat" that IDNER leaves unannotated, and is kept because a country is always a place
# ("Korea Utara mengirim pasukan ...", which the model misses at the start of a sentence).
_FILL_KINDS = frozenset({"LOC:country", "LOC:province"})


def _add_known_names(words: list[str], kept: list[list], starts: list[int] | None = None) -> list[list]:
    """Add multi-word gazetteer names of ``_FILL_KINDS`` where the model found nothing;
    ``starts``: the tokens a name of 2+ words may start at, when already known."""
    if starts is None:
        firsts = gazetteer_first_words()
        starts = [i for i, w in enumerate(words) if firsts.get(w, 0) >= 2]
    covered = None
    added = []
    after = 0  # the end of the last name added: a name starts at or after it
    for i in starts:  # a name of 2+ words may start here
        if i < after:
            continue
        n, labels = _gaz_types(words, i, len(words))
        if n < 2:
            continue
        if covered is None:
            covered = [False] * len(words)
            for s, e, _, _ in kept:
                for k in range(s, e):
                    covered[k] = True
        if not any(covered[i:i + n]):
            kinds = labels & _FILL_KINDS
            if not kinds:
                continue
            branch = next((k for k in kept if k[1] == i and k[2] == "ORG"), None)
            if branch is not None and "LOC:province" in kinds:
                branch[1] = i + n  # an organisation's regional branch: "[Polda Jawa Tengah]"
            else:
                added.append([i, i + n, sorted(kinds)[0].split(":")[0], None])
            after = i + n
    if not added:
        return kept
    return sorted(kept + added, key=lambda x: x[0])


def recognize(text: str, sentences: list[Sentence]) -> list[Mention]:
    """PER/ORG/LOC mentions in the given sentences of ``text``, in text order (the sentences
    are tagged in one batch)."""
    todo = []
    tokens = text_tokens(text)  # the whole text's, shared with the quotes stage
    for sentence in sentences:
        spans, words = tokens.between(sentence.start, sentence.end)
        if spans:
            todo.append((sentence, spans, words))
    tags, gaz_len = _tag_batch([w for _, _, w in todo])
    # the tokens where a gazetteer name of 2+ words may start, per sentence (few)
    name_starts: list[list[int]] = [[] for _ in todo]
    multi = np.flatnonzero(gaz_len >= 2)
    if len(multi):
        offsets = np.cumsum([0] + [len(w) for _, _, w in todo])
        which = np.searchsorted(offsets, multi, side="right") - 1
        for k, t in zip(which.tolist(), (multi - offsets[which]).tolist()):
            name_starts[k].append(t)
    out: list[Mention] = []
    for (sentence, spans, words), sentence_tags, starts in zip(todo, tags, name_starts):
        out.extend(_mentions(text, sentence, spans, words, sentence_tags, starts))
    return out
