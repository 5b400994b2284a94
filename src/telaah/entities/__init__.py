"""Entities: PER/ORG/LOC recognition per article (``EntityStage``) and the gazetteer.

Cross-article merging of mentions into entities lives in ``telaah.entities.merge``.
"""
from __future__ import annotations

from ..document import Article
from ..pipeline import ArticleStage, Options


class EntityStage(ArticleStage):
    """Finds PER/ORG/LOC mentions in the article's body sentences (standoff offsets)."""

    name = "entities"
    requires = ("article.sentences",)
    assigns = ("article.mentions",)

    def __call__(self, article: Article, options: Options) -> None:
        from .recognize import recognize

        article.mentions = _after_dateline(article, recognize(article.text, article.sentences))


def _after_dateline(article: Article, mentions: list) -> list:
    """A name never runs in from the lead's dateline ("WEDA, KABARTIMUR – Serikat Buruh Nikel
    Halmahera": the union's name starts after the dash); one inside the dateline (its place)
    stays. A place's span cut so is an organisation's when it opens with an organisation's head
    word ("Bandung Barat - Polres Cimahi")."""
    if not mentions:
        return mentions
    from ..cleaning.blocks import lead_dateline_end

    end = lead_dateline_end(article)
    if end is None:
        return mentions
    out = []
    for m in mentions:
        if m.start < end < m.end:
            cut = m.end - len(article.text[end:m.end].lstrip())
            if cut >= m.end or not article.text[cut:cut + 1].isupper():
                continue
            m.start, m.text = cut, article.text[cut:m.end]
            if m.type == "LOC" and m.text.split()[0] in _org_openers():
                m.type = "ORG"  # "Bandung Barat - Polres Cimahi": the place was the dateline's
        out.append(m)
    return out


def _org_openers() -> frozenset[str]:
    from .recognize import _org_heads

    return _org_heads()[0]


__all__ = ["EntityStage"]
