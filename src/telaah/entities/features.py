"""Token features for the CRF recogniser, shared by training and inference.

One function, ``sentence_features``, turns a list of token strings into one feature list per
token. The same code runs in ``scripts/train_ner.py`` and at inference, so they cannot drift.
Knowledge comes from data: word clusters learned from IndoSum (``model/clusters.tsv``), the
gazetteer (``lang/id/gazetteer``) and role words (``lang/id/person_roles.txt``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from itertools import groupby, repeat

import numpy as np

from ..lang import load_lines
from .crf import add_weight_rows, ordered_sums as _ordered_sums
from .gazetteer import load_gazetteer

MAX_GAZ_LEN = 6
_UNKNOWN_PART = -(2 ** 40)  # a word that is no known bigram part: any pair with it stays negative
_SHAPE_SUBS = ((re.compile(r"[A-Z]"), "X"), (re.compile(r"[a-z]"), "x"), (re.compile(r"\d"), "d"))
# the same substitutions for ASCII words in one pass (\d also matches non-ASCII digits: regex path)
_ASCII_SHAPE = str.maketrans({**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
                              **{c: "x" for c in "abcdefghijklmnopqrstuvwxyz"},
                              **{c: "d" for c in "0123456789"}})
_CONTEXT_OFFSETS = (-2, -1, 1, 2)


def _model_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a table in ``model/`` (comments and blank lines skipped); none
    when the file is missing, so an untrained checkout still tags (without those features)."""
    path = resources.files(__package__).joinpath("model", name)
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return []
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def clusters() -> dict[str, tuple[str, ...]]:
    """Lowercased word -> cluster ids at several granularities (coarse to fine)."""
    return {word: tuple(ids) for word, *ids in _model_rows("clusters.tsv")}


@lru_cache(maxsize=1)
def casing() -> dict[str, float]:
    """Lowercased word -> share of its mid-sentence uses in unlabelled news that are capitalised
    (``model/casing.tsv``, which also gives how many uses): a name news repeats daily clusters
    with the nouns beside it, and only its casing says it is a name."""
    return {word: float(ratio) for word, ratio, _uses in _model_rows("casing.tsv")}


def casing_uses() -> dict[str, tuple[float, int]]:
    """Lowercased word -> (capitalised share, mid-sentence uses) of ``model/casing.tsv``, for
    callers that weigh the share by how often it was seen (story grouping's name terms)."""
    return {word: (float(ratio), int(uses)) for word, ratio, uses in _model_rows("casing.tsv")}


# casing-ratio bands (lower bounds) and their feature values
CASING_BANDS = ((0.95, "all"), (0.7, "most"), (0.3, "some"), (0.05, "few"), (0.0, "none"))
NAME_BANDS = ("all", "most")  # a word in these bands is mostly written as a name


def casing_band(lw: str) -> str:
    ratio = casing().get(lw)
    if ratio is None:
        return "unk"
    return next(name for bound, name in CASING_BANDS if ratio >= bound)


@lru_cache(maxsize=1)
def gazetteer_index() -> dict[tuple[str, ...], frozenset[str]]:
    """Token tuple of each gazetteer name -> the feature labels it carries (TYPE and TYPE:kind)."""
    from ..text.tokens import words

    idx: dict[tuple[str, ...], set[str]] = {}
    for e in load_gazetteer():
        toks = tuple(words(e.name))
        if 0 < len(toks) <= MAX_GAZ_LEN:
            idx.setdefault(toks, set()).update((e.type, f"{e.type}:{e.kind}"))
    return {k: frozenset(v) for k, v in idx.items()}


@lru_cache(maxsize=1)
def gazetteer_first_words() -> dict[str, int]:
    """First token of each gazetteer name -> the longest name starting with it, so lookups
    skip the (vast majority of) tokens that start no name."""
    out: dict[str, int] = {}
    for toks in gazetteer_index():
        out[toks[0]] = max(out.get(toks[0], 0), len(toks))
    return out


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Lowercased single words that are titles or roles ("presiden", "menteri", "jubir")."""
    out = set()
    for line in load_lines("person_roles.txt"):
        out.update(line.lower().split())
    return frozenset(out)


def word_shape(w: str) -> str:
    if w.isascii():
        return w.translate(_ASCII_SHAPE)
    s = w
    for pat, rep in _SHAPE_SUBS:
        s = pat.sub(rep, s)
    return s


def short_shape(w: str) -> str:
    return _collapse_runs(word_shape(w))


def gazetteer_matches(tokens: list[str]) -> list[tuple[int, int, frozenset[str]]]:
    """(start, length, labels) of the longest gazetteer names over ``tokens``, left to right,
    not overlapping."""
    idx = gazetteer_index()
    firsts = gazetteer_first_words()
    n = len(tokens)
    out = []
    for i, w in enumerate(tokens):
        longest = firsts.get(w)
        if longest is None or (out and i < out[-1][0] + out[-1][1]):
            continue
        for length in range(min(longest, n - i), 0, -1):
            labels = idx.get(tuple(tokens[i:i + length]))
            if labels:
                out.append((i, length, labels))
                break
    return out


def gazetteer_tags(tokens: list[str]) -> list[list[str]]:
    """BI tags of the longest gazetteer matches over ``tokens`` (several labels per token allowed)."""
    tags: list[list[str]] = [[] for _ in tokens]
    for i, length, labels in gazetteer_matches(tokens):
        for lab in labels:
            tags[i].append("B-" + lab)
            for j in range(i + 1, i + length):
                tags[j].append("I-" + lab)
    return tags


@lru_cache(maxsize=200_000)
def _word_features(w: str) -> tuple[tuple[str, ...], dict[int, tuple[str, ...]], str]:
    """Everything about one word that does not depend on its sentence, computed once per
    process: its own features, the features it gives a neighbour at each offset, and its
    lowercase form (for the bigram features)."""
    base, lw, sh, cid, is_role = _word_parts(w)
    return base, {off: _context_features(off, lw, sh, cid, is_role) for off in _CONTEXT_OFFSETS}, lw


def _context_features(off: int, lw: str, sh: str, cid: str, is_role: bool) -> tuple[str, ...]:
    """The features a word shows the token ``off`` positions away (FeatureIds reads them back
    from the model's attribute names: keep the two in step)."""
    feats = (f"{off}:lw={lw}", f"{off}:sh={sh}", f"{off}:c={cid}")
    return feats + (f"{off}:role",) if is_role else feats


def _word_parts(w: str) -> tuple[tuple[str, ...], str, str, str, bool]:
    """A word's own features, and what it shows its neighbours: lowercase form, short shape,
    finer cluster id ("none" without one) and whether it is a role word."""
    lw = w.lower()
    ascii_word = w.isascii()
    shape = w.translate(_ASCII_SHAPE) if ascii_word else word_shape(w)
    sh = _collapse_runs(shape)
    f = [
        "w=" + w,
        "lw=" + lw,
        "p1=" + w[:1], "p2=" + w[:2], "p3=" + w[:3],
        "s2=" + lw[-2:], "s3=" + lw[-3:], "s4=" + lw[-4:],
        "sh=" + sh,
    ]
    if len(w) <= 6:
        f.append("fsh=" + shape)
    if w[:1].isupper():
        f.append("cap")
        if w.isupper() and len(w) > 1:
            f.append("allcap")
        elif w[1:].islower() or len(w) == 1:
            f.append("title")
        else:
            f.append("mixcap")
    elif w.islower():
        f.append("lower")
    # in an ASCII word's shape "d" stands for a digit and nothing else (letters are X and x)
    if ("d" in shape) if ascii_word else any(ch.isdigit() for ch in w):
        f.append("digit")
    if "-" in w:
        f.append("hyph")
    is_role = lw in role_words()
    if is_role:
        f.append("role")
    band = casing_band(lw)
    f.append("cr=" + band)
    c = clusters().get(lw)
    if c:
        # clusters come from lowercased text, where a name news repeats daily ("Ahok") sits
        # with the nouns it stands beside ("polisi"): a mostly capitalised word's clusters are
        # features of their own, so the nouns' evidence does not carry over to it
        mark = "N" if band in NAME_BANDS else ""
        f += [f"c{k}{mark}={cluster}" for k, cluster in enumerate(c)]
    else:
        f.append("c=none")
    cid = c[1] if c and len(c) > 1 else "none"  # the "c1=" feature's value
    return tuple(f), lw, sh, cid, is_role


@lru_cache(maxsize=50_000)
def _collapse_runs(shape: str) -> str:
    """The shape with each run of one character written once ("Xxxxx" -> "Xx"): the short
    shape. Shapes repeat a lot, so they are cached."""
    return "".join(ch for ch, _ in groupby(shape))


def sentence_features(tokens: list[str], aux: list[str] | None = None) -> list[list[str]]:
    """CRF features for each token of one sentence; ``aux`` are the tags of the auxiliary
    model (trained on the other corpora), used as features when given."""
    n = len(tokens)
    info = [_word_features(w) for w in tokens]
    gaz = gazetteer_tags(tokens)
    out = []
    for i in range(n):
        base, _, lw = info[i]
        f = list(base)
        f.append("bias")
        if i == 0:
            f.append("BOS")
            if tokens[0][:1].isupper():
                f.append("cap_first")
        elif i == n - 1:
            f.append("EOS")
        for g in gaz[i]:
            f.append("g=" + g)
        for off in _CONTEXT_OFFSETS:
            j = i + off
            if 0 <= j < n:
                f.extend(info[j][1][off])
                if off == 1 or off == -1:
                    for g in gaz[j]:
                        f.append(f"{off}:g={g}")
            else:
                f.append(f"{off}:pad")
        if i > 0:
            f.append(f"bg-={info[i - 1][2]}|{lw}")
        if i < n - 1:
            f.append(f"bg+={lw}|{info[i + 1][2]}")
        out.append(f)
    if aux is not None:
        add_aux(out, aux)
    return out


def add_aux(features: list[list[str]], aux: list[str]) -> list[list[str]]:
    """Append the auxiliary model's tags (this token's and its neighbours') to ``features``."""
    n = len(aux)
    for i, f in enumerate(features):
        f.append("aux=" + aux[i])
        f.append("aux-1=" + (aux[i - 1] if i > 0 else "BOS"))
        f.append("aux+1=" + (aux[i + 1] if i < n - 1 else "EOS"))
    return features


class FeatureIds:
    """``sentence_features`` for compiled CRFs (``crf.CompiledCRF``; training keeps the strings):
    per model, each token's score from its own word's attributes, and an id matrix of the rest.

    For a model, ``sentence_features(tokens)[t]`` restricted to the attributes the model knows
    (a CRF ignores the others, so dropping them changes no tag) is: the word's own attributes,
    then "bias", then the rest. CRFsuite adds the weights of a token's attributes one by one in
    that order from 0, so the sum over the first part depends on the word only: it is computed
    once per process per word, in that order, and a token's score starts from it
    (``start``). Row ``t`` of ``ids`` lists the remaining attributes in order, padded with the
    zero id (an all-zero weight row), and ``state_scores`` adds them in order: exactly
    CRFsuite's sums. What a word gives each neighbour, its gazetteer prefix length and its
    parts of known word bigrams are kept per word too, so a batch is assembled by numpy
    indexing, for all models at once (their ids index one stacked weight matrix, and both
    models' sums run in one pass, ``scores``); only gazetteer names are looked up per batch.
    A new word's attribute names are looked up once, in one table for all models.
    ``tests/test_entities_crf.py`` checks against ``sentence_features`` and pycrfsuite.
    """

    CACHE_WORDS = 200_000
    CTX_SLOTS = 4  # a neighbour gives lw, sh, c and maybe role

    def __init__(self, *models):
        """``models``: CompiledCRFs with the same number of labels."""
        self.models = models
        self.weights = np.concatenate([m.weights for m in models])  # every model's rows, stacked
        first_row = np.cumsum([0] + [m.weights.shape[0] for m in models[:-1]])
        self.zero = int(first_row[0] + models[0].zero_id)  # an all-zero row
        self.attrs = tuple({a: int(i + r) for a, i in m.attribute_ids.items()} for m, r in zip(models, first_row))
        z, nm = self.zero, len(models)
        const = ["bias", "BOS", "cap_first", "EOS"] + [f"{off}:pad" for off in _CONTEXT_OFFSETS]
        self._const = {c: np.array([a.get(c, z) for a in self.attrs], dtype=np.intp) for c in const}
        # every attribute name any model knows -> row of _union_ids: its id in each model
        # (row 0: known to none), so a new word's names are looked up once for all models
        union: dict[str, int] = {}
        for a in self.attrs:
            for name in a:
                union.setdefault(name, len(union) + 1)
        self._union = union
        self._union_ids = np.full((len(union) + 1, nm), z, dtype=np.intp)
        for m, a in enumerate(self.attrs):
            self._union_ids[[union[name] for name in a], m] = list(a.values())
        self._union_weights = self.weights[self._union_ids]  # [row, model, label]
        self._bias_weights = self.weights[self._const["bias"]]  # [model, label]
        self._init_pairs()
        self._init_near()
        self._gaz_rows: dict[tuple[tuple[str, ...], str], int] = {}
        self._gaz_found: list[tuple] = []
        self._gaz_table: list[np.ndarray] = []
        self._gaz_width: list[np.ndarray] = []
        self._reset()

    def _init_pairs(self) -> None:
        """Word bigrams "bg-=a|b" / "bg+=a|b" known to any model: "a|b" -> row of _pair_ids.
        A pair of words without "|" is found by number: each word keeps its index among the
        known first parts and among the known second parts (-1: none), and the pair
        (first * number of second parts + second) is searched in a sorted array."""
        z, nm = self.zero, len(self.models)
        pairs: dict[str, int] = {}
        for a in self.attrs:
            for name in a:
                if name.startswith(("bg-=", "bg+=")):
                    pairs.setdefault(name[4:], len(pairs) + 1)
        table = np.full((len(pairs) + 1, 2 * nm), z, dtype=np.intp)  # row 0: no known bigram
        for key, row in pairs.items():
            table[row] = [a.get("bg-=" + key, z) for a in self.attrs] + [a.get("bg+=" + key, z) for a in self.attrs]
        self._pairs, self._pair_ids = pairs, table
        # the pairs whose name splits in one way only (one "|"); others are reached only from
        # a word containing "|", which is looked up by its string
        split = [(key.partition("|"), row) for key, row in pairs.items() if key.count("|") == 1]
        firsts = {a: i for i, a in enumerate(dict.fromkeys(p[0] for p, _ in split))}
        seconds = {b: i for i, b in enumerate(dict.fromkeys(p[2] for p, _ in split))}
        # a word's code as a first part (index * number of second parts) and as a second part
        # (index); the sum of two codes is the pair's, negative when either is unknown
        n_second = max(len(seconds), 1)
        self._pair_first = {a: i * n_second for a, i in firsts.items()}
        self._pair_second = seconds
        codes = np.array([self._pair_first[p[0]] + seconds[p[2]] for p, _ in split], dtype=np.int64)
        order = np.argsort(codes)
        # sorted codes, with a sentinel so a search always lands on a real entry
        self._pair_codes = np.append(codes[order], np.iinfo(np.int64).max)
        self._pair_code_rows = np.append(np.array([row for _, row in split], dtype=np.intp)[order], 0)

    def _init_near(self) -> None:
        """What a neighbour shows (_context_features), read back from the attribute names:
        {lw: row}, {sh: row}, {c: row} of tables [row, offset, model] -> id, and the ids of
        "<off>:role" [offset, model]."""
        z, nm, n_off = self.zero, len(self.models), len(_CONTEXT_OFFSETS)
        found: dict[str, dict[str, dict[tuple[int, int], int]]] = {"lw": {}, "sh": {}, "c": {}}
        self._near_role = np.full((n_off, nm), z, dtype=np.intp)
        for m, a in enumerate(self.attrs):
            for name, i in a.items():
                off_text, colon, rest = name.partition(":")
                if not colon or off_text not in ("-2", "-1", "1", "2"):
                    continue
                k = _CONTEXT_OFFSETS.index(int(off_text))
                kind, eq, value = rest.partition("=")
                if eq and kind in found:
                    found[kind].setdefault(value, {})[(k, m)] = i
                elif rest == "role":
                    self._near_role[k, m] = i
        self._near_rows, self._near_ids = [], []
        for kind in ("lw", "sh", "c"):
            values = found[kind]
            rows = {value: r + 1 for r, value in enumerate(values)}  # row 0: shows nothing known
            ids = np.full((len(values) + 1, n_off, nm), z, dtype=np.intp)
            for value, r in rows.items():
                for (k, m), i in values[value].items():
                    ids[r, k, m] = i
            self._near_rows.append(rows)
            self._near_ids.append(ids)

    def _reset(self) -> None:
        cap, nm = 1024, len(self.models)
        self._vocab: dict[str, int] = {}
        self._lw: list[str] = [""]  # index 0 is no word: the neighbour beyond a sentence's end
        self._scored = 1  # the words before this one have their tables filled
        self._upper = np.zeros(cap, dtype=bool)
        self._start = np.zeros((cap, nm, self.weights.shape[1]))
        # [offset, slot, word, model] -> id of what the word shows that neighbour; word 0 shows "<off>:pad"
        self._ctx = np.full((len(_CONTEXT_OFFSETS), self.CTX_SLOTS, cap, nm), self.zero, dtype=np.intp)
        for k, off in enumerate(_CONTEXT_OFFSETS):
            self._ctx[k, 0, 0] = self._const[f"{off}:pad"]
        self._gaz_len = np.zeros(cap, dtype=np.intp)  # the longest gazetteer name a word starts
        self._first = np.full(cap, _UNKNOWN_PART, dtype=np.int64)  # code as a known bigram first part
        self._second = np.full(cap, _UNKNOWN_PART, dtype=np.int64)  # ... and second part
        self._any_bar = False
        self._bar = np.zeros(cap, dtype=bool)  # lowercase form contains "|"
        # the words added since _score_new_words, kept in flat lists of ints (no object per
        # word, so the garbage collector has nothing new to scan): capitalised; the rows of
        # _union_ids of their own attributes, padded to the same number per word; and per word
        # 8 numbers: rows of the neighbour tables (lw, sh, c), role, gazetteer length, bigram
        # parts, "|"
        self._new_upper: list[bool] = []
        self._new_own: list[int] = []
        self._new_width = 0
        self._new_misc: list[int] = []

    def _grow(self, need: int) -> None:
        cap = self._upper.shape[0]
        while cap < need:
            cap *= 2

        def widen(a: np.ndarray, fill, axis: int = 0) -> np.ndarray:
            shape = list(a.shape)
            shape[axis] = cap
            out = np.full(shape, fill, dtype=a.dtype)
            out[(slice(None),) * axis + (slice(0, a.shape[axis]),)] = a
            return out

        self._upper = widen(self._upper, False)
        self._start = widen(self._start, 0.0)
        self._ctx = widen(self._ctx, self.zero, axis=2)
        self._gaz_len = widen(self._gaz_len, 0)
        self._first = widen(self._first, _UNKNOWN_PART)
        self._second = widen(self._second, _UNKNOWN_PART)
        self._bar = widen(self._bar, False)

    def _add_words(self, words: list[str]) -> None:
        """Vocabulary indexes for the new ``words`` (distinct); their tables are filled by
        ``_score_new_words``. The attribute names of all of them are looked up in one pass."""
        lws, shs, cs = self._near_rows
        firsts, pfirst, psecond = gazetteer_first_words(), self._pair_first, self._pair_second
        bases = []
        misc = self._new_misc
        for w in words:
            base, lw, sh, cid, is_role = _word_parts(w)
            self._vocab[w] = len(self._lw)
            self._lw.append(lw)
            self._new_upper.append(w[:1].isupper())
            bases.append(base)
            bar = "|" in lw
            self._any_bar |= bar
            misc += (lws.get(lw, 0), shs.get(sh, 0), cs.get(cid, 0), is_role, firsts.get(w, 0),
                     pfirst.get(lw, _UNKNOWN_PART), psecond.get(lw, _UNKNOWN_PART), bar)
        if not bases:
            return
        width = max(max(map(len, bases)), self._new_width)
        if width > self._new_width and self._new_own:  # pad what is waiting to the new width
            old = self._new_width
            self._new_own = [x for k in range(0, len(self._new_own), old)
                             for x in self._new_own[k:k + old] + [0] * (width - old)]
        self._new_width = width
        pad = (None,) * width  # no attribute: row 0, the zero id
        names = [x for base in bases for x in (base + pad)[:width]]
        self._new_own += map(self._union.get, names, repeat(0))  # unknown ones: row 0 too

    def _score_new_words(self) -> None:
        """Fill the tables of the words added since the last call; their start scores are
        their own attributes' weights, then the bias weight, added in that order from 0
        (vectorised over the words)."""
        v0, v1 = self._scored, len(self._lw)
        if v1 == v0:
            return
        n = v1 - v0
        if v1 > self._upper.shape[0]:
            self._grow(v1)
        self._upper[v0:v1] = self._new_upper
        own = np.array(self._new_own, dtype=np.intp).reshape(n, self._new_width)  # rows of _union_ids
        start = _ordered_sums(self._union_weights, own.T)  # [word, model, label]
        start += self._bias_weights  # then "bias", last (one more addition, in order)
        self._start[v0:v1] = start
        misc = np.array(self._new_misc, dtype=np.int64).reshape(n, 8)
        near = [table.take(misc[:, j], axis=0) for j, table in enumerate(self._near_ids)]  # [word, offset, model]
        near.append(np.where(misc[:, 3, None, None] != 0, self._near_role, self.zero))
        self._ctx[:, :, v0:v1] = np.stack(near).transpose(2, 0, 1, 3)  # [offset, slot, word, model]
        self._gaz_len[v0:v1] = misc[:, 4]
        self._first[v0:v1] = misc[:, 5]
        self._second[v0:v1] = misc[:, 6]
        self._bar[v0:v1] = misc[:, 7] != 0
        self._scored = v1
        self._new_upper, self._new_own, self._new_width, self._new_misc = [], [], 0, []

    def state_scores(self, ids: np.ndarray, start: np.ndarray | None = None) -> np.ndarray:
        """``start`` (default 0) plus the weights of each row's ids, added left to right (as
        ``CompiledCRF.state_scores``, on the stacked weights)."""
        return add_weight_rows(self.weights, ids, start)

    def _gaz_key(self, labels: frozenset[str], prefix: str) -> int:
        """Row of the gazetteer tables for "g=<prefix><label>", "-1:g=...", "1:g=..." of
        ``labels`` (a new label set, rare, rebuilds them): ``_gaz_table[kind][row, k, model]``
        is the k-th id of that kind for the model (in label order, the attribute order),
        padded with the zero id; ``_gaz_width[kind][row]`` the most any model has."""
        key = (tuple(labels), prefix)  # the iteration order matters: it is the attribute order
        row = self._gaz_rows.get(key)
        if row is None:
            row = self._gaz_rows[key] = len(self._gaz_rows)
            tags = [prefix + lab for lab in key[0]]
            self._gaz_found.append(tuple(tuple(tuple(a[n] for n in names if n in a) for a in self.attrs)
                                         for names in ([f"g={g}" for g in tags], [f"-1:g={g}" for g in tags],
                                                       [f"1:g={g}" for g in tags])))
            self._gaz_table, self._gaz_width = [], []
            for kind in range(3):
                width = [max(len(per_model) for per_model in found[kind]) for found in self._gaz_found]
                table = np.full((len(width), max(max(width), 1), len(self.models)), self.zero, dtype=np.intp)
                for r, found in enumerate(self._gaz_found):
                    for m, got in enumerate(found[kind]):
                        table[r, :len(got), m] = got
                self._gaz_table.append(table)
                self._gaz_width.append(np.array(width, dtype=np.intp))
        return row

    def batch(self, sentences: list[list[str]]):
        """For the tokens of ``sentences`` one after another (no sentence empty): the start
        scores ``[token, model, label]``, the ids of the remaining attributes ``[slot, token,
        model]`` in each model's attribute order (padded with the zero id), each token's
        position in its sentence, its sentence's length, and the length of the longest
        gazetteer name it starts (0: none)."""
        if len(self._lw) > self.CACHE_WORDS:
            self._reset()
        flat = [w for s in sentences for w in s]
        n_tok = len(flat)
        idx = list(map(self._vocab.get, flat))
        if None in idx:
            self._add_words(list(dict.fromkeys(w for w, v in zip(flat, idx) if v is None)))
            self._score_new_words()
            idx = list(map(self._vocab.__getitem__, flat))
        z, nm = self.zero, len(self.models)
        wi = np.array(idx, dtype=np.intp)
        lengths = np.array([len(s) for s in sentences], dtype=np.intp)
        n_sent = len(lengths)
        size = np.repeat(lengths, lengths)
        pos = np.arange(n_tok) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        first, last = pos == 0, pos == size - 1
        # the words laid out with two empty places (word 0) around every sentence, so the
        # neighbours at -2..2 are read by shifting, and are word 0 ("pad") across an edge
        at = np.arange(n_tok) + 2 * np.repeat(np.arange(n_sent), lengths) + 2
        laid = np.zeros(n_tok + 2 * n_sent + 2, dtype=np.intp)
        laid[at] = wi
        gaz_len = self._gaz_len.take(wi)  # the longest gazetteer name each token starts
        gaz_tokens, gaz_rows = self._gaz_matches(flat, wi, gaz_len, pos, size)  # the few tokens in a known name
        # no known name in the batch: no gazetteer slots (the tables are only built once a
        # name has been met, so a process's first batch may have none of them yet)
        width = [int(w[gaz_rows].max()) for w in self._gaz_width] if len(gaz_rows) else [0, 0, 0]
        n_slots = 2 + width[0] + 4 * self.CTX_SLOTS + width[1] + width[2] + 2
        ids = np.full((n_slots, n_tok, nm), z, dtype=np.intp)
        c = self._const
        ids[0] = np.where(first[:, None], c["BOS"], np.where(last[:, None], c["EOS"], z))
        ids[1] = np.where((first & self._upper.take(wi))[:, None], c["cap_first"], z)
        slot = 2
        for kind, off in ((0, 0), (None, -2), (None, -1), (1, -1), (None, 1), (2, 1), (None, 2)):
            if kind is None:  # what the neighbour at ``off`` shows
                ctx, near = self._ctx[_CONTEXT_OFFSETS.index(off)], laid.take(at + off)
                # all slots in one take (several times faster than [:, near])
                ctx.take(near, axis=1, out=ids[slot:slot + self.CTX_SLOTS], mode="clip")
                slot += self.CTX_SLOTS
                continue
            # the gazetteer names of this token (off 0) or of its neighbour at ``off``
            # ("-1:g=" on the token after a name's token, "1:g=" on the one before)
            if width[kind]:
                tokens, rows = gaz_tokens, gaz_rows
                if off:
                    inside = ~(last if off == -1 else first)[gaz_tokens]  # that token is in the sentence
                    tokens, rows = gaz_tokens[inside] - off, gaz_rows[inside]
                ids[slot:slot + width[kind], tokens] = self._gaz_table[kind][rows, :width[kind]].transpose(1, 0, 2)
                slot += width[kind]
        if n_tok > 1:
            pair_rows = self._pair_rows(idx, wi, first)
            pair_ids = self._pair_ids[pair_rows]  # [pair, bg- of each model then bg+]
            ids[slot, 1:] = pair_ids[:, :nm]
            ids[slot + 1, :-1] = pair_ids[:, nm:]
        return self._start.take(wi, axis=0), ids, pos, size, gaz_len

    def _gaz_matches(self, flat: list[str], wi: np.ndarray, gaz_len: np.ndarray, pos: np.ndarray,
                     size: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``gazetteer_matches`` over each sentence: the tokens inside a known name and their
        rows of the gazetteer tables (only the few words that start a name are looked at)."""
        starts = np.flatnonzero(gaz_len)
        tokens: list[int] = []
        rows: list[int] = []
        if len(starts):
            idx = gazetteer_index()
            longest = gaz_len.take(starts).tolist()
            room = (size.take(starts) - pos.take(starts)).tolist()  # tokens left in the sentence
            covered = 0  # the end of the last name found: names do not overlap
            for i, most, left in zip(starts.tolist(), longest, room):
                if i < covered:
                    continue
                for length in range(min(most, left), 0, -1):
                    labels = idx.get(tuple(flat[i:i + length]))
                    if labels:
                        tokens += range(i, i + length)
                        rows.append(self._gaz_key(labels, "B-"))
                        if length > 1:
                            rows += [self._gaz_key(labels, "I-")] * (length - 1)
                        covered = i + length
                        break
        return np.array(tokens, dtype=np.intp), np.array(rows, dtype=np.intp)

    def _pair_rows(self, idx: list[int], wi: np.ndarray, first: np.ndarray) -> np.ndarray:
        """Row of _pair_ids for each pair of neighbouring tokens (0: no known bigram, or
        across a sentence boundary)."""
        # a word's code as a first part plus the next word's as a second part is the pair's
        # code, negative unless both are known parts
        codes = self._first.take(wi[:-1]) + self._second.take(wi[1:])
        at = np.searchsorted(self._pair_codes, codes).clip(0, len(self._pair_codes) - 1)
        known = (self._pair_codes.take(at) == codes) & ~first[1:]
        rows = np.where(known, self._pair_code_rows.take(at), 0)
        if self._any_bar:  # a word with "|" in it: look its pairs up by their strings
            bars = self._bar.take(wi)
            if bars.any():
                lw, pget = self._lw, self._pairs.get
                for t in np.flatnonzero((bars[:-1] | bars[1:]) & ~first[1:]).tolist():
                    rows[t] = pget(lw[idx[t]] + "|" + lw[idx[t + 1]], 0)
        return rows

    def scores(self, sentences: list[list[str]]):
        """Each model's state scores ``[token, model, label]`` over the attributes of
        ``batch`` (for all models in one pass), with ``pos``, ``size`` and ``gaz_len`` as there."""
        start, ids, pos, size, gaz_len = self.batch(sentences)
        return _ordered_sums(self.weights, ids, start), pos, size, gaz_len

    def matrices(self, sentences: list[list[str]]):
        """``batch`` split per model: the start scores ``(tokens, labels)`` and the id matrix
        ``(tokens, slots)`` of each, with ``pos`` and ``size``."""
        start, ids, pos, size, _ = self.batch(sentences)
        nm = len(self.models)
        return [start[:, m] for m in range(nm)], [np.ascontiguousarray(ids[:, :, m].T) for m in range(nm)], pos, size

    def aux_block(self, m: int, labels: list[str], tags: np.ndarray, pos: np.ndarray,
                  size: np.ndarray) -> np.ndarray:
        """Ids of ``add_aux``'s three attributes for model ``m``, from another model's tags
        (indexes into its ``labels``), one row per token as in ``matrices``."""
        a, z = self.attrs[m], self.zero
        cur = np.array([a.get("aux=" + x, z) for x in labels], dtype=np.intp)
        before = np.array([a.get("aux-1=" + x, z) for x in labels], dtype=np.intp)
        after = np.array([a.get("aux+1=" + x, z) for x in labels], dtype=np.intp)
        n_tok = len(tags)
        prev = np.empty(n_tok, dtype=np.intp)
        nxt = np.empty(n_tok, dtype=np.intp)
        if n_tok:
            prev[1:], prev[0] = tags[:-1], 0
            nxt[:-1], nxt[-1] = tags[1:], 0
        return np.stack([cur[tags],
                         np.where(pos == 0, a.get("aux-1=BOS", z), before[prev]),
                         np.where(pos == size - 1, a.get("aux+1=EOS", z), after[nxt])], axis=1)
