"""Quantity claims: figures found in sentences, normalised, and tied to the quotes they sit in."""
from __future__ import annotations

from ..document import Article
from ..pipeline import ArticleStage, Options
from .extract import extract_numbers, parse_amount, parse_digits


class NumberStage(ArticleStage):
    """Find and normalise every quantity claim in the article's body sentences."""

    name = "numbers"
    requires = ("article.sentences",)
    assigns = ("article.numbers",)

    def __call__(self, article: Article, options: Options) -> None:
        article.numbers = extract_numbers(article.text, article.sentences)


def link_numbers_to_quotes(article: Article) -> None:
    """Mark each figure that sits inside a quote's content with that quote and its speaker.

    ``quote_index`` is the index into ``article.quotes`` (the innermost, i.e. shortest, quote
    containing the figure); ``quote`` copies the quote id when ids are already assigned; and
    ``attributed_mention`` the speaker's mention index, so cross-article merging can fill
    ``attributed_to`` with the entity id later.
    """
    for claim in article.numbers:
        best = None
        for i, q in enumerate(article.quotes):
            if q.start <= claim.start and claim.end <= q.end:
                if best is None or (q.end - q.start) < (article.quotes[best].end - article.quotes[best].start):
                    best = i
        if best is None:
            claim.quote_index = None
            continue
        q = article.quotes[best]
        claim.quote_index = best
        claim.quote = q.id
        if q.speaker is not None:
            claim.attributed_mention = q.speaker.mention
            if q.speaker.entity:
                claim.attributed_to = q.speaker.entity


class NumberAttributionStage(ArticleStage):
    """Tie figures to the statements (and speakers) they are quoted in."""

    name = "number_attribution"
    requires = ("article.numbers", "article.quotes")
    assigns = ("article.numbers.quote",)

    def __call__(self, article: Article, options: Options) -> None:
        link_numbers_to_quotes(article)


__all__ = ["NumberStage", "NumberAttributionStage", "extract_numbers", "link_numbers_to_quotes",
           "parse_amount", "parse_digits"]
