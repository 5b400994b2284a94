"""Language identification with py3langid (langid.py's model, shipped inside the package).

Indonesian and Malay are close; when langid's top two are ``id`` and ``ms`` the decision is
refined with the marker words of ``lang/id/id_ms_markers.tsv``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from ..document import Article
from ..lang import load_table
from ..pipeline import ArticleStage, Options

SAMPLE_CHARS = 5000
WORD_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE

    return _identifier_class().from_model_file(MODEL_FILE, norm_probs=True)


# The longest string a state of py3langid's byte automaton stands for (its depth from the
# start state: 6 for the shipped model; tests/test_text_language.py checks it).
AUTOMATON_DEPTH = 6


@lru_cache(maxsize=1)
def _identifier_class():
    """py3langid's identifier with its byte-automaton walk done by numpy.

    py3langid scores a text by walking an Aho-Corasick automaton over its UTF-8 bytes in
    Python, one step per byte, and counting the n-gram features the states emit: most of its
    time. A state stands for the longest suffix of the bytes read that is a known n-gram
    prefix, at most ``AUTOMATON_DEPTH`` bytes long, so the state after byte ``p`` is the state
    reached from the start over the (at most) ``AUTOMATON_DEPTH`` bytes ending at ``p``: all
    positions advance together in that many numpy steps. The emitted features, their counts
    and the order they are first seen are exactly the sequential walk's, so the scores are
    py3langid's own (``tests/test_text_language.py`` compares both with the stock class; the
    subclass uses py3langid 0.4.0's attribute names, pinned, so an upgrade shows there)."""
    import numpy as np
    from py3langid.langid import RAW_FLOOR, LanguageIdentifier

    class WindowIdentifier(LanguageIdentifier):
        def _tables(self):
            tables = self.__dict__.get("_np_tables")
            if tables is None:
                nm = self.tk_nextmove
                tables = self._np_tables = (np.frombuffer(nm, dtype=np.dtype(nm.typecode)),  # a view, no copy
                                            np.asarray(self._rowbase, dtype=np.intp),
                                            np.asarray(self.tk_output, dtype=np.intp))
            return tables

        def _visit_counts(self, text: bytes) -> dict[int, int] | None:
            nextmove, rowbase, output = self._tables()
            data = np.frombuffer(text, dtype=np.uint8).astype(np.intp)
            n = len(data)
            state = np.zeros(n, dtype=np.intp)
            for k in range(AUTOMATON_DEPTH):  # byte p - depth + 1 + k of the window ending at p
                back = AUTOMATON_DEPTH - 1 - k
                if back >= n:
                    continue
                state[back:] = nextmove[rowbase[state[back:]] + data[:n - back]]
            found = output[state]
            found = found[found >= 0]
            if not len(found):
                return None
            features, first, counts = np.unique(found, return_index=True, return_counts=True)
            seen = np.argsort(first)  # Counter order: first occurrence
            return dict(zip(features[seen].tolist(), counts[seen].tolist()))

        def _raw_score(self, text):
            visits = self._visit_counts(text)
            if visits:
                return self._sparse_score(visits, self.nb_ptc)
            fill = 0.0 if self._norm_probs else RAW_FLOOR
            return np.full(len(self.nb_classes), fill, dtype=np.float32)

    return WindowIdentifier


@lru_cache(maxsize=1)
def _markers() -> dict[str, str]:
    return {row["word"]: row["language"] for row in load_table("id_ms_markers.tsv")}


def detect_language(text: str) -> tuple[str | None, float]:
    sample = text[:SAMPLE_CHARS]
    if sum(1 for _ in islice(WORD_RE.finditer(sample), 3)) < 3:  # fewer than three words
        return None, 0.0
    ident = _identifier()
    ranked = ident.rank(sample)
    lang, _ = ranked[0]
    probs = dict(ranked[:5])
    if lang in ("id", "ms") and probs.get("id", 0) + probs.get("ms", 0) > 0.5:
        markers = _markers()
        votes = {"id": 0, "ms": 0}
        for w in WORD_RE.findall(sample.lower()):
            if w in markers:
                votes[markers[w]] += 1
        if votes["id"] != votes["ms"]:
            lang = max(votes, key=votes.get)
    conf = probs.get(lang, 0.0)
    return lang, float(conf)


class LanguageStage(ArticleStage):
    name = "language"
    requires = ("article.sentences",)
    assigns = ("article.language",)

    def __call__(self, article: Article, options: Options) -> None:
        body = " ".join(article.text[s.start:s.end] for s in article.sentences[:60])
        lang, _conf = detect_language(body or article.text)
        article.language = lang
        if lang is None:
            article.warnings.append("too little text to detect the language")
        elif lang != "id":
            article.warnings.append(f"the text appears to be in '{lang}', not Indonesian; "
                                    "the Indonesian analysers may find less")
