"""Small stages run in order; each declares what it requires and what it assigns.

Per-article stages (``ArticleStage``) see one article at a time and may run in any process;
corpus stages (``CorpusStage``) see the whole run. The pipeline checks at construction that
every requirement is assigned by an earlier stage, so a misordered pipeline fails before any
text is read (error E100).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from .document import Article, Corpus
from .errors import PipelineError

# What the readers assign before any stage runs.
READER_ASSIGNS = ("article.text", "article.published", "article.title_meta")


@dataclass
class Options:
    """The one options object every stage receives (trafilatura-style)."""

    published: date | None = None  # fallback publication date for inputs that carry none
    summary_sentences: int = 6
    max_bytes: int = 20_000_000
    extras: dict = field(default_factory=dict)
    # how the per-article stages run (telaah.executors): 1 worker = this process; 0/None = all cores
    workers: int | None = 1
    executor: str | None = None  # "local" (process pool) or "ray"
    address: str | None = None  # Ray cluster address


class ArticleStage:
    name: str = ""
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, article: Article, options: Options) -> None:  # pragma: no cover
        raise NotImplementedError


class CorpusStage:
    name: str = ""
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, corpus: Corpus, options: Options) -> None:  # pragma: no cover
        raise NotImplementedError


def check_order(stages: Sequence[ArticleStage | CorpusStage]) -> None:
    assigned = set(READER_ASSIGNS)
    for stage in stages:
        missing = [r for r in stage.requires if r not in assigned]
        if missing:
            raise PipelineError(
                f"stage '{stage.name}' requires {', '.join(missing)}, which no earlier stage "
                f"assigns; put a stage that assigns it before '{stage.name}'"
            )
        assigned.update(stage.assigns)


class Pipeline:
    def __init__(self, article_stages: Sequence[ArticleStage], corpus_stages: Sequence[CorpusStage]):
        check_order([*article_stages, *corpus_stages])
        self.article_stages = list(article_stages)
        self.corpus_stages = list(corpus_stages)

    def process_article(self, article: Article, options: Options) -> Article:
        for stage in self.article_stages:
            stage(article, options)
            article.done.add(stage.name)
        return article

    def process_corpus(self, corpus: Corpus, options: Options) -> Corpus:
        for stage in self.corpus_stages:
            stage(corpus, options)
            corpus.done.add(stage.name)
        return corpus

    def run(self, articles: Iterable[Article], options: Options | None = None, executor=None) -> Corpus:
        """Per-article stages (here, or on ``executor``: see telaah.executors), then corpus stages."""
        options = options or Options()
        if executor is None:
            processed = [self.process_article(a, options) for a in articles]
        else:
            processed = list(executor.map_articles(self, options, articles))
        corpus = Corpus(articles=processed)
        return self.process_corpus(corpus, options)
