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

from ..lang import load_lines
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
    out = []
    for ch in word_shape(w):
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def gazetteer_tags(tokens: list[str]) -> list[list[str]]:
    """BI tags of the longest gazetteer matches over ``tokens`` (several labels per token allowed)."""
    idx = gazetteer_index()
    firsts = gazetteer_first_words()
    n = len(tokens)
    tags: list[list[str]] = [[] for _ in range(n)]
    i = 0
    while i < n:
        matched = 0
        for length in range(min(firsts.get(tokens[i], 0), n - i), 0, -1):
            labels = idx.get(tuple(tokens[i:i + length]))
            if labels:
                for lab in labels:
                    tags[i].append("B-" + lab)
                    for j in range(i + 1, i + length):
                        tags[j].append("I-" + lab)
                matched = length
                break
        i += matched or 1
    return tags


@lru_cache(maxsize=200_000)
def _word_features(w: str) -> tuple[tuple[str, ...], dict[int, tuple[str, ...]], str]:
    """Everything about one word that does not depend on its sentence, computed once per
    process: its own features, the features it gives a neighbour at each offset, and its
    lowercase form (for the bigram features)."""
    base = tuple(_token_base(w, clusters(), role_words()))
    lw = w.lower()
    sh = short_shape(w)
    cid = next((x[3:] for x in base if x.startswith("c1=")), "none")
    is_role = "role" in base
    ctx = {}
    for off in _CONTEXT_OFFSETS:
        feats = (f"{off}:lw={lw}", f"{off}:sh={sh}", f"{off}:c={cid}")
        ctx[off] = feats + (f"{off}:role",) if is_role else feats
    return base, ctx, lw


def _token_base(w: str, cl: dict[str, tuple[str, ...]], roles: frozenset[str]) -> list[str]:
    lw = w.lower()
    f = [
        "w=" + w,
        "lw=" + lw,
        "p1=" + w[:1], "p2=" + w[:2], "p3=" + w[:3],
        "s2=" + lw[-2:], "s3=" + lw[-3:], "s4=" + lw[-4:],
        "sh=" + short_shape(w),
    ]
    if len(w) <= 6:
        f.append("fsh=" + word_shape(w))
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
    if lw in roles:
        f.append("role")
    c = cl.get(lw)
    if c:
        for k, cid in enumerate(c):
            f.append(f"c{k}={cid}")
    else:
        f.append("c=none")
    return f


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



class KnownFeatures:
    """``sentence_features`` restricted, for each of several trained models, to the attributes
    that model has weights for.

    A CRF ignores attributes it never saw in training, so dropping them changes no tag; it
    only saves handing the tagger strings it would look up and discard (a quarter to a third
    of them). Each word's filtered features are computed once per process, and one pass over a
    sentence fills every model's lists. For each model the output is exactly
    ``[[x for x in f if x in known] for f in sentence_features(tokens)]``, in order
    (tests/test_entities_recognize.py checks it).
    """

    CACHE_WORDS = 200_000

    def __init__(self, *known: frozenset[str]):
        self.known = known
        self._words: dict[str, tuple] = {}
        names = ["bias", "BOS", "cap_first", "EOS"] + [f"{off}:pad" for off in _CONTEXT_OFFSETS]
        self._const = [{name: name in k for name in names} for k in known]

    def _word(self, w: str) -> tuple:
        cached = self._words.get(w)
        if cached is None:
            base, ctx, lw = _word_features(w)
            cached = (tuple(tuple(x for x in base if x in k) for k in self.known),
                      tuple({off: tuple(x for x in f if x in k) for off, f in ctx.items()} for k in self.known),
                      lw)
            if len(self._words) >= self.CACHE_WORDS:
                self._words.clear()
            self._words[w] = cached
        return cached

    def sentence(self, tokens: list[str]) -> list[list[list[str]]]:
        """One feature list per token, for each model (in the order the models were given)."""
        n = len(tokens)
        info = [self._word(w) for w in tokens]
        gaz = gazetteer_tags(tokens)
        outs = []
        for m, (known, const) in enumerate(zip(self.known, self._const)):
            out = []
            for i in range(n):
                f = list(info[i][0][m])
                if const["bias"]:
                    f.append("bias")
                if i == 0:
                    if const["BOS"]:
                        f.append("BOS")
                    if const["cap_first"] and tokens[0][:1].isupper():
                        f.append("cap_first")
                elif i == n - 1 and const["EOS"]:
                    f.append("EOS")
                for g in gaz[i]:
                    if "g=" + g in known:
                        f.append("g=" + g)
                for off in _CONTEXT_OFFSETS:
                    j = i + off
                    if 0 <= j < n:
                        f.extend(info[j][1][m][off])
                        if (off == 1 or off == -1) and gaz[j]:
                            for g in gaz[j]:
                                name = f"{off}:g={g}"
                                if name in known:
                                    f.append(name)
                    elif const[f"{off}:pad"]:
                        f.append(f"{off}:pad")
                if i > 0:
                    name = f"bg-={info[i - 1][2]}|{info[i][2]}"
                    if name in known:
                        f.append(name)
                if i < n - 1:
                    name = f"bg+={info[i][2]}|{info[i + 1][2]}"
                    if name in known:
                        f.append(name)
                out.append(f)
            outs.append(out)
        return outs
