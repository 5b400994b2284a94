"""Language identification with py3langid (langid.py's model, shipped inside the package).

Indonesian and Malay are close; when langid's top two are ``id`` and ``ms`` the decision is
refined with the marker words of ``lang/id/id_ms_markers.tsv``.
"""
from __future__ import annotations

import re
import threading
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

    ident = _identifier_class().from_model_file(MODEL_FILE, norm_probs=True)
    ident._score_table()  # at load, so forked workers share it
    return ident


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

        def _score_table(self):
            """``nb_ptc`` as float32 (py3langid ships it as float16): numpy would convert the
            gathered rows to float32 for the product on every call, which costs more than the
            product; converting once gives the same float32 values, so the same scores
            (~57 MB, read-only, so shared by forked workers)."""
            cached = self.__dict__.get("_ptc32")
            if cached is None or cached[0] is not self.nb_ptc:
                cached = self._ptc32 = (self.nb_ptc, np.asarray(self.nb_ptc, dtype=np.float32))
            return cached[1]

        def _feature_counts(self, text: bytes):
            """The n-gram features the walk over ``text`` emits, in the order first seen, and
            how often each is emitted (None when none is)."""
            nextmove, rowbase, output = self._tables()
            data = np.frombuffer(text, dtype=np.uint8).astype(np.intp)
            n = len(data)
            state = np.zeros(n, dtype=nextmove.dtype)
            for k in range(AUTOMATON_DEPTH):  # byte p - depth + 1 + k of the window ending at p
                back = AUTOMATON_DEPTH - 1 - k
                if back >= n:
                    continue
                moved = state[back:]
                nextmove.take(rowbase.take(moved) + data[:n - back], out=moved, mode="clip")
            found = output.take(state)
            found = found[found >= 0]
            if not len(found):
                return None
            # the first position of each feature, without sorting: the smallest it is seen at
            # (in a table kept per thread, set back after use: allocating it costs more)
            at = np.arange(len(found))
            first = self._first_seen_table()
            np.minimum.at(first, found, at)
            first_at = first.take(found)
            first[found] = _NOT_SEEN
            is_first = first_at == at
            return found[is_first], np.bincount(first_at, minlength=len(found))[is_first]

        def _first_seen_table(self) -> np.ndarray:
            local = self.__dict__.get("_per_thread")
            if local is None:
                local = self.__dict__.setdefault("_per_thread", threading.local())
            table = getattr(local, "first_seen", None)
            if table is None or len(table) != len(self.nb_ptc):
                table = local.first_seen = np.full(len(self.nb_ptc), _NOT_SEEN, dtype=np.intp)
            return table

        def _visit_counts(self, text: bytes) -> dict[int, int] | None:
            got = self._feature_counts(text)
            return None if got is None else dict(zip(got[0].tolist(), got[1].tolist()))

        def _raw_score(self, text):
            got = self._feature_counts(text)
            if got is not None:  # py3langid's _sparse_score on the same arrays
                features, counts = got
                return np.log1p(counts.astype(np.float32)) @ self._score_table()[features] + self.nb_pc
            fill = 0.0 if self._norm_probs else RAW_FLOOR
            return np.full(len(self.nb_classes), fill, dtype=np.float32)

    _NOT_SEEN = np.iinfo(np.intp).max
    return WindowIdentifier


@lru_cache(maxsize=1)
def _markers() -> dict[str, str]:
    return {row["word"]: row["language"] for row in load_table("id_ms_markers.tsv")}


def top_languages(text: str, n: int) -> list[tuple[str, float]]:
    """``py3langid``'s ``rank(text)[:n]``, without ranking all its languages in Python: the
    same scores, one per label (the first column of an aliased label, where py3langid folds
    the alias in), in the same order (by score, ties in label order: a stable sort)."""
    import numpy as np

    ident = _identifier()
    labels, columns = _label_columns(tuple(ident.nb_classes))
    scores = ident._decide(text)[columns]
    return [(labels[i], float(scores[i])) for i in np.argsort(-scores, kind="stable")[:n].tolist()]


@lru_cache(maxsize=4)
def _label_columns(classes: tuple[str, ...]):
    """The distinct labels in order of first column, and that column of each."""
    import numpy as np

    first: dict[str, int] = {}
    for i, c in enumerate(classes):
        first.setdefault(c, i)
    return list(first), np.array(list(first.values()), dtype=np.intp)


def detect_language(text: str) -> tuple[str | None, float]:
    sample = text[:SAMPLE_CHARS]
    if sum(1 for _ in islice(WORD_RE.finditer(sample), 3)) < 3:  # fewer than three words
        return None, 0.0
    ranked = top_languages(sample, 5)
    lang, _ = ranked[0]
    probs = dict(ranked)
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
