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

        article.mentions = recognize(article.text, article.sentences)


__all__ = ["EntityStage"]
