"""The library entry point: inputs in, processed corpus (and dossier) out.

The CLI and the web app are thin layers over ``analyze_paths`` / ``analyze_articles``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .document import Article, Corpus
from .pipeline import Options, Pipeline
from .readers import IgnoredFile, InputProblem, read_inputs, unique_ids


def article_stages():
    """The per-article stages in order. Each may run in any worker process."""
    from .cleaning.blocks import BlockStage
    from .entities import EntityStage
    from .numbers import NumberAttributionStage, NumberStage
    from .quotes import QuoteStage
    from .text.language import LanguageStage
    from .text.sentences import SentenceStage
    from .times import TimeStage

    return [BlockStage(), SentenceStage(), LanguageStage(), EntityStage(), QuoteStage(),
            NumberStage(), NumberAttributionStage(), TimeStage()]


def corpus_stages():
    """The cross-article stages in order; they see the whole run."""
    from .entities.merge import EntityMergeStage
    from .stories.conflicts import ConflictStage
    from .stories.disputes import DisputeStage
    from .stories.duplicates import DuplicateStage
    from .stories.grouping import StoryStage
    from .stories.ids import IdStage
    from .stories.summary import SummaryStage
    from .stories.timeline import TimelineStage
    from .times import StoryDateStage

    # Ids come after story dates: an undated article re-resolves its times against its story.
    return [DuplicateStage(), EntityMergeStage(), StoryStage(), StoryDateStage(), IdStage(),
            DisputeStage(), ConflictStage(), TimelineStage(), SummaryStage()]


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline(article_stages(), corpus_stages())
    return _DEFAULT


@dataclass
class Analysis:
    corpus: Corpus
    problems: list[InputProblem] = field(default_factory=list)
    ignored: list[IgnoredFile] = field(default_factory=list)

    def dossier(self) -> dict:
        from .dossier import to_dossier

        return to_dossier(self.corpus)


def analyze_articles(articles: Iterable[Article], options: Options | None = None,
                     pipeline: Pipeline | None = None) -> Corpus:
    options = options or Options()
    pipeline = pipeline or default_pipeline()
    arts = unique_ids(list(articles))
    for a in arts:
        if a.published is None and options.published is not None:
            a.published = options.published
    if options.workers == 1 and options.executor != "ray":
        return pipeline.run(arts, options)
    from .executors import executor_for, shard_size_for

    with executor_for(options, len(arts)) as executor:
        if executor.workers <= 1:
            return pipeline.run(arts, options)
        size = shard_size_for(len(arts), executor.workers)
        processed = list(executor.map_articles(pipeline, options, arts, shard_size=size))
    return pipeline.process_corpus(Corpus(articles=processed), options)


def analyze_paths(paths: Iterable[str], options: Options | None = None,
                  pipeline: Pipeline | None = None, stdin=None) -> Analysis:
    options = options or Options()
    articles, problems, ignored = [], [], []
    for item in read_inputs(paths, options.published, options.max_bytes, stdin=stdin):
        if isinstance(item, Article):
            articles.append(item)
        elif isinstance(item, InputProblem):
            problems.append(item)
        else:
            ignored.append(item)
    corpus = analyze_articles(articles, options, pipeline)
    return Analysis(corpus, problems, ignored)


def analyze_texts(texts: Iterable[str], published=None, options: Options | None = None) -> dict:
    """Convenience for notebooks: plain strings in, dossier dict out."""
    arts = [Article(id=f"a{i}", text=t, published=published, source=None)
            for i, t in enumerate(texts, 1)]
    from .dossier import to_dossier

    return to_dossier(analyze_articles(arts, options))
