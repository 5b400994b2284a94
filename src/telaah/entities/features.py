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
from itertools import groupby

import numpy as np

from ..lang import load_lines
from .crf import add_weight_rows
from .gazetteer import load_gazetteer

MAX_GAZ_LEN = 6
_SHAPE_SUBS = ((re.compile(r"[A-Z]"), "X"), (re.compile(r"[a-z]"), "x"), (re.compile(r"\d"), "d"))
# the same substitutions for ASCII words in one pass (\d also matches non-ASCII digits: regex path)
_ASCII_SHAPE = str.maketrans({**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
                              **{c: "x" for c in "abcdefghijklmnopqrstuvwxyz"},
                              **{c: "d" for c in "0123456789"}})
_CONTEXT_OFFSETS = (-2, -1, 1, 2)


@lru_cache(maxsize=1)
def clusters() -> dict[str, tuple[str, ...]]:
    """Lowercased word -> cluster ids at several granularities (coarse to fine)."""
    path = resources.files(__package__).joinpath("model", "clusters.tsv")
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {}
    out = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        word, *ids = line.split("\t")
        out[word] = tuple(ids)
    return out


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
    return "".join(ch for ch, _ in groupby(word_shape(w)))


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
    cl, roles = clusters(), role_words()
    lw = w.lower()
    shape = word_shape(w)
    sh = "".join(ch for ch, _ in groupby(shape))
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
    if any(ch.isdigit() for ch in w):
        f.append("digit")
    if "-" in w:
        f.append("hyph")
    is_role = lw in roles
    if is_role:
        f.append("role")
    c = cl.get(lw)
    if c:
        for k, cluster in enumerate(c):
            f.append(f"c{k}={cluster}")
    else:
        f.append("c=none")
    cid = c[1] if c and len(c) > 1 else "none"  # the "c1=" feature's value
    return tuple(f), lw, sh, cid, is_role


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
    CRFsuite's sums. What a word gives each neighbour is kept as id rows too, so a batch is
    assembled by numpy indexing, for all models at once (their ids index one stacked weight
    matrix); only gazetteer names and word bigrams are looked up per batch.
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
        # word bigrams "bg-=a|b" / "bg+=a|b" known to any model: "a|b" -> row of _pair_ids
        pairs: dict[str, int] = {}
        for a in self.attrs:
            for name in a:
                if name.startswith(("bg-=", "bg+=")):
                    pairs.setdefault(name[4:], len(pairs) + 1)
        table = np.full((len(pairs) + 1, 2 * nm), z, dtype=np.intp)  # row 0: no known bigram
        for key, row in pairs.items():
            table[row] = [a.get("bg-=" + key, z) for a in self.attrs] + [a.get("bg+=" + key, z) for a in self.attrs]
        self._pairs, self._pair_ids = pairs, table
        # what a neighbour shows (_context_features), read back from the attribute names:
        # per model and offset, {lw: id}, {sh: id}, {c: id} and the id of "<off>:role"
        self._near = []
        for a in self.attrs:
            maps = {off: ({}, {}, {}, z) for off in _CONTEXT_OFFSETS}
            for name, i in a.items():
                off_text, colon, rest = name.partition(":")
                if not colon or off_text not in ("-2", "-1", "1", "2"):
                    continue
                lws, shs, cs, role = maps[int(off_text)]
                if rest.startswith("lw="):
                    lws[rest[3:]] = i
                elif rest.startswith("sh="):
                    shs[rest[3:]] = i
                elif rest.startswith("c="):
                    cs[rest[2:]] = i
                elif rest == "role":
                    maps[int(off_text)] = (lws, shs, cs, i)
            self._near.append([maps[off] for off in _CONTEXT_OFFSETS])
        self._gaz: dict[tuple[tuple[str, ...], str], tuple] = {}
        self._reset()

    def _reset(self) -> None:
        cap, nm = 1024, len(self.models)
        self._vocab: dict[str, int] = {}
        self._lw: list[str] = [""]  # index 0 is no word: the neighbour beyond a sentence's end
        self._upper = np.zeros(cap, dtype=bool)
        self._start = np.zeros((cap, nm, self.weights.shape[1]))
        # per offset: [word, model * CTX_SLOTS + slot] -> id; word 0 shows "<off>:pad"
        self._ctx = [np.full((cap, nm * self.CTX_SLOTS), self.zero, dtype=np.intp) for _ in _CONTEXT_OFFSETS]
        for k, off in enumerate(_CONTEXT_OFFSETS):
            self._ctx[k][0, ::self.CTX_SLOTS] = self._const[f"{off}:pad"]
        # words added since _score_new_words, kept in flat lists of ints (no object per word, so
        # the garbage collector has nothing new to scan): index, capitalised, number of own
        # attributes; per model their ids, and the ids shown to the neighbours
        self._new_words: list[int] = []
        self._new_upper: list[bool] = []
        self._new_own_len: list[int] = []
        self._new_own: list[list[int]] = [[] for _ in self.models]
        self._new_near: list[int] = []  # per word: offsets x models x CTX_SLOTS

    def _grow(self, need: int) -> None:
        cap = self._upper.shape[0]
        while cap < need:
            cap *= 2

        def widen(a: np.ndarray, fill) -> np.ndarray:
            out = np.full((cap, *a.shape[1:]), fill, dtype=a.dtype)
            out[:a.shape[0]] = a
            return out

        self._upper = widen(self._upper, False)
        self._start = widen(self._start, 0.0)
        self._ctx = [widen(c, self.zero) for c in self._ctx]

    def _add(self, w: str) -> int:
        """A vocabulary index for ``w``; its tables are filled by ``_score_new_words``."""
        v = self._vocab.get(w)
        if v is not None:
            return v
        v = len(self._lw)
        base, lw, sh, cid, is_role = _word_parts(w)
        z = self.zero
        self._vocab[w] = v
        self._lw.append(lw)
        self._new_words.append(v)
        self._new_upper.append(w[:1].isupper())
        self._new_own_len.append(len(base))
        for a, own in zip(self.attrs, self._new_own):
            get = a.get
            own.extend([get(x, z) for x in base])  # unknown ones: the zero row, which adds nothing
        near = self._new_near
        for k in range(len(_CONTEXT_OFFSETS)):
            for maps in self._near:
                lws, shs, cs, role = maps[k]
                near += (lws.get(lw, z), shs.get(sh, z), cs.get(cid, z), role if is_role else z)
        return v

    def _score_new_words(self) -> None:
        """Fill the tables of the words added since the last call; their start scores are
        their own attributes' weights, then the bias weight, added in that order from 0
        (vectorised over the words)."""
        if not self._new_words:
            return
        vs = np.array(self._new_words, dtype=np.intp)
        n = len(vs)
        if vs[-1] >= self._upper.shape[0]:
            self._grow(int(vs[-1]) + 1)
        self._upper[vs] = self._new_upper
        lens = np.array(self._new_own_len, dtype=np.intp)
        width = int(lens.max())
        row = np.repeat(np.arange(n), lens)
        col = np.arange(len(row)) - np.repeat(np.cumsum(lens) - lens, lens)
        for m in range(len(self.models)):
            ids = np.full((n, width + 1), self.zero, dtype=np.intp)
            ids[row, col] = self._new_own[m]
            ids[:, width] = self._const["bias"][m]
            self._start[vs, m] = self.state_scores(ids)
        near = np.array(self._new_near, dtype=np.intp).reshape(n, len(_CONTEXT_OFFSETS), -1)
        for k in range(len(_CONTEXT_OFFSETS)):
            self._ctx[k][vs] = near[:, k]
        self._new_words, self._new_upper, self._new_own_len, self._new_near = [], [], [], []
        self._new_own = [[] for _ in self.models]

    def state_scores(self, ids: np.ndarray, start: np.ndarray | None = None) -> np.ndarray:
        """``start`` (default 0) plus the weights of each row's ids, added left to right (as
        ``CompiledCRF.state_scores``, on the stacked weights)."""
        return add_weight_rows(self.weights, ids, start)

    def _gaz_ids(self, labels: frozenset[str], prefix: str) -> tuple:
        """For each model: ids of "g=<prefix><label>", "-1:g=...", "1:g=..." in label order."""
        key = (tuple(labels), prefix)  # the iteration order matters: it is the attribute order
        got = self._gaz.get(key)
        if got is None:
            tags = [prefix + lab for lab in key[0]]
            got = tuple(tuple(tuple(a[n] for n in names if n in a)
                              for names in ([f"g={g}" for g in tags], [f"-1:g={g}" for g in tags],
                                            [f"1:g={g}" for g in tags]))
                        for a in self.attrs)
            self._gaz[key] = got
        return got

    def matrices(self, sentences: list[list[str]]):
        """For the tokens of ``sentences`` one after another (no sentence empty): per model the
        start scores ``(tokens, labels)`` and the id matrix of the remaining attributes; and
        each token's position in its sentence and its sentence's length."""
        if len(self._lw) > self.CACHE_WORDS:
            self._reset()
        flat = [w for s in sentences for w in s]
        n_tok = len(flat)
        get = self._vocab.get
        idx = [get(w) for w in flat]
        for k, v in enumerate(idx):
            if v is None:
                idx[k] = self._add(flat[k])
        self._score_new_words()
        z, nm = self.zero, len(self.models)
        wi = np.array(idx, dtype=np.intp)
        lengths = np.array([len(s) for s in sentences], dtype=np.intp)
        size = np.repeat(lengths, lengths)
        pos = np.arange(n_tok) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        first, last = pos == 0, pos == size - 1
        # gazetteer: (flat index -> ids per model) for the few tokens inside a known name
        gaz: dict[int, tuple] = {}
        start = 0
        for s in sentences:
            for i, length, labels in gazetteer_matches(s):
                gaz[start + i] = self._gaz_ids(labels, "B-")
                if length > 1:
                    inner = self._gaz_ids(labels, "I-")
                    for j in range(start + i + 1, start + i + length):
                        gaz[j] = inner
            start += len(s)
        # word bigrams: pair (k, k + 1) gives bg+ of token k and bg- of token k + 1
        lw = self._lw
        lws = [lw[v] for v in idx]
        pget = self._pairs.get
        pair_rows = np.array([pget(a + "|" + b, 0) for a, b in zip(lws, lws[1:])], dtype=np.intp)
        pair_rows[first[1:]] = 0  # pairs across a sentence boundary are no bigrams
        pair_ids = self._pair_ids[pair_rows]
        tok = np.arange(n_tok)
        c = self._const
        # blocks of columns in each model's attribute order, with the model each column is for
        blocks = [(np.where(first[:, None], c["BOS"], np.where(last[:, None], c["EOS"], z)), range(nm)),
                  (np.where((first & self._upper[wi])[:, None], c["cap_first"], z), range(nm)),
                  self._gaz_block(gaz, n_tok, 0, 0)]
        for k, off in enumerate(_CONTEXT_OFFSETS):
            inside = (pos + off >= 0) & (pos + off < size)
            neighbour = np.where(inside, wi[np.clip(tok + off, 0, n_tok - 1)], 0)  # 0: none, "pad"
            blocks.append((self._ctx[k][neighbour], np.repeat(np.arange(nm), self.CTX_SLOTS)))
            if off in (-1, 1):
                blocks.append(self._gaz_block(gaz, n_tok, 1 if off == -1 else 2, off, inside))
        bigrams = np.full((n_tok, 2 * nm), z, dtype=np.intp)  # bg- then bg+ of each model
        if n_tok > 1:
            bigrams[1:, 0::2] = pair_ids[:, :nm]
            bigrams[:-1, 1::2] = pair_ids[:, nm:]
        blocks.append((bigrams, np.repeat(np.arange(nm), 2)))
        ids = np.concatenate([b for b, _ in blocks], axis=1)
        owner = np.concatenate([np.asarray(o, dtype=np.intp) for _, o in blocks])
        used = (ids != z).any(axis=0)  # all-padding columns add nothing
        starts = self._start[wi]
        return ([starts[:, m] for m in range(nm)], [ids[:, (owner == m) & used] for m in range(nm)], pos, size)

    def _gaz_block(self, gaz: dict[int, tuple], n_tok: int, kind: int, off: int,
                   inside: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Gazetteer ids of each token's own name (``off`` 0) or its neighbour's at ``off`` when
        ``inside`` (same sentence), kind 0/1/2 = "g=", "-1:g=", "1:g=": every model's columns
        one after another, and the model of each column."""
        nm = len(self.models)
        rows = {}
        for k, ids in gaz.items():
            t = k - off
            if 0 <= t < n_tok and (inside is None or inside[t]):
                rows[t] = ids
        widths = [max((len(r[m][kind]) for r in rows.values()), default=0) for m in range(nm)]
        block = np.full((n_tok, sum(widths)), self.zero, dtype=np.intp)
        for t, r in rows.items():
            col = 0
            for m in range(nm):
                block[t, col:col + len(r[m][kind])] = r[m][kind]
                col += widths[m]
        return block, np.repeat(np.arange(nm), widths)

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
