"""Language identification with py3langid (langid.py's model, shipped inside the package).

Indonesian and Malay are close; when langid's top two are ``id`` and ``ms`` the decision is
refined with the marker words of ``lang/id/id_ms_markers.tsv``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Article
from ..lang import load_table
from ..pipeline import ArticleStage, Options

SAMPLE_CHARS = 5000
WORD_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def _markers() -> dict[str, str]:
    return {row["word"]: row["language"] for row in load_table("id_ms_markers.tsv")}


def detect_language(text: str) -> tuple[str | None, float]:
    sample = text[:SAMPLE_CHARS]
    if len(WORD_RE.findall(sample)) < 3:
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
