"""What runs inside a worker process: the per-article stages over one shard of articles.

Every executor (in-process, local process pool, Ray actors) calls the same functions here, so
the stages that run, and their order, cannot differ between them. A worker is set up once
(``init_worker``: the pipeline, the options and every model loaded) and then handles many
shards; models are therefore loaded once per process, never per shard.
"""
from __future__ import annotations

import gc
from dataclasses import dataclass

from ..document import Article
from ..pipeline import Options, Pipeline

_PIPELINE: Pipeline | None = None
_OPTIONS: Options | None = None


@dataclass
class ShardResult:
    """A processed shard: its articles in input order and, when asked, their MinHash
    signatures (the map step of near-duplicate detection; None for an article with no words).

    With ``stored`` (``telaah run``), the worker also builds what the run writes for the shard:
    each article's record line (``records``), its story-grouping features, pickled
    (``group_features``) and the shard's ``ShardScan`` (ids, dates, offsets, document
    frequencies: see streaming.py). ``articles`` is then empty: sending the analysed articles
    back to the parent only for it to serialise them cost the parent a core's worth of work."""

    articles: list[Article]
    signatures: list | None = None
    records: list[bytes] | None = None
    group_features: list[bytes] | None = None
    scan: object | None = None  # streaming.ShardScan

    @property
    def size(self) -> int:
        return len(self.records) if self.records is not None else len(self.articles)


def shard_result(done: list[Article], pipeline: Pipeline, options: Options, signatures: bool = False,
                 stored: bool = False) -> ShardResult:
    """The map steps that follow analysis, where the analysed articles already are: MinHash
    signatures (near-duplicates) and, with ``stored``, the run's records and grouping map step
    (stories), so no later step has to read the articles back for them."""
    result = ShardResult(done)
    if signatures:
        from .mapreduce import signature

        result.signatures = [signature(a) for a in done]
    if stored:
        from .streaming import grouping_config, shard_outputs

        result.records, result.group_features, result.scan = shard_outputs(done, grouping_config(pipeline, options))
        result.articles = []
    return result


def warm_up() -> None:
    """Load the models every per-article stage uses, so the first shard is not slowed by it."""
    from ..entities.recognize import load_model
    from ..text.language import _identifier

    load_model()
    _identifier()


# A worker allocates many small, short-lived objects (tokens, spans, dicts) and keeps few
# reference cycles: collecting the youngest generation every 10,000 net allocations instead of
# Python's 700, and the older ones less often, saves about 8% of a worker's instructions per
# article (valgrind over 115 articles, analysis with records) with the same outputs.
COLLECTOR_THRESHOLDS = (10_000, 50, 50)


def tune_collector() -> None:
    """Collector thresholds for a process telaah owns (a worker, the ``telaah`` command:
    ``cli.entry``); never called on a library user's own process."""
    gc.set_threshold(*COLLECTOR_THRESHOLDS)


def init_worker(pipeline: Pipeline | None, options: Options | None, freeze: bool = True) -> None:
    """Process initializer: remember what to run and load the models once. With ``freeze``
    (a process of its own), everything loaded so far (models, gazetteer, word tables) moves
    to the collector's permanent generation, so its collections no longer walk it, and the
    collector runs less often (``tune_collector``)."""
    global _PIPELINE, _OPTIONS
    if pipeline is None:
        from ..analyze import default_pipeline

        pipeline = default_pipeline()
    _PIPELINE = pipeline
    _OPTIONS = options or Options()
    warm_up()
    if freeze:
        gc.collect()
        gc.freeze()
        tune_collector()


def run_shard(articles: list[Article], signatures: bool = False, stored: bool = False) -> ShardResult:
    """Run the per-article stages on each article of a shard (in this process)."""
    if _PIPELINE is None:  # in the caller's own process: leave its collector alone
        init_worker(None, None, freeze=False)
    assert _PIPELINE is not None and _OPTIONS is not None
    done = [_PIPELINE.process_article(a, _OPTIONS) for a in articles]
    return shard_result(done, _PIPELINE, _OPTIONS, signatures, stored)
