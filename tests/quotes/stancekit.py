"""Shared by the probe-round stance tests: the stances of one text run through the whole pipeline."""
from __future__ import annotations

from datetime import date

from telaah.analyze import analyze_articles
from telaah.document import Article
from telaah.pipeline import Options


def stances(text: str, published: date) -> list[str]:
    """The stance of every statement the pipeline finds in ``text``, in order."""
    article = analyze_articles([Article(id="a", text=text, published=published)], Options(workers=1)).articles[0]
    return [q.stance for q in article.quotes]
