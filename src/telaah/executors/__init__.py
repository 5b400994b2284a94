"""How the per-article pipeline is run: in this process, on a local process pool, or on Ray.

The stages themselves do not change: every executor hands shards of articles to
``worker.run_shard`` (the same ``Pipeline.process_article`` the single-process run uses) and
yields the processed articles back **in input order**, so a dossier is identical whichever
executor made it. Cross-article work is map/reduce in ``mapreduce``.

    executor = make_executor("local", workers=4)
    for shard in executor.map_shards(pipeline, options, shards): ...
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from ..document import Article
from ..errors import TelaahError
from ..pipeline import Options, Pipeline
from .worker import ShardResult

EXECUTORS = ("local", "ray")
DEFAULT_SHARD_SIZE = 32  # articles per task: big enough to hide pickling, small enough to balance
SMALL_RUN = 8  # fewer articles than this per worker: run in this process


def shard_size_for(articles: int, workers: int) -> int:
    """Shard size for an in-memory run: at most DEFAULT_SHARD_SIZE, and at least four shards
    per worker so that the workers stay balanced to the end."""
    return max(1, min(DEFAULT_SHARD_SIZE, -(-articles // (4 * max(1, workers)))))


class ExecutorError(TelaahError):
    """An executor cannot be set up (unknown name, Ray missing or unreachable)."""

    code = "E500"


def available_cpus() -> int:
    """CPUs this process may use (respects affinity / container limits where the OS says)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def chunk(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items (the last may be shorter), streaming."""
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Executor:
    """Runs shards through ``worker.run_shard``; subclasses decide where."""

    name = "serial"
    workers = 1

    def map_shards(self, pipeline: Pipeline, options: Options, shards: Iterable[list[Article]],
                   signatures: bool = False, stored: bool = False) -> Iterator[ShardResult]:
        """Processed shards, in the order given (with their MinHash signatures, and what a run
        stores, when asked: see ``worker.shard_result``)."""
        from .worker import shard_result

        for shard in shards:
            done = [pipeline.process_article(a, options) for a in shard]
            yield shard_result(done, pipeline, options, signatures, stored)

    def map_articles(self, pipeline: Pipeline, options: Options, articles: Iterable[Article],
                     shard_size: int = DEFAULT_SHARD_SIZE) -> Iterator[Article]:
        """Processed articles, in the order given."""
        for result in self.map_shards(pipeline, options, chunk(articles, shard_size)):
            yield from result.articles

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def make_executor(kind: str | None = "local", workers: int | None = None,
                  address: str | None = None) -> Executor:
    """An executor by name. ``workers`` None or 0 means every available core (local) or every
    CPU of the cluster (Ray); ``local`` with one worker runs in this process, no pool."""
    kind = kind or "local"
    if kind not in EXECUTORS:
        raise ExecutorError(f"unknown executor '{kind}'; choose one of {', '.join(EXECUTORS)}")
    if kind == "ray":
        from .rayexec import RayExecutor

        return RayExecutor(workers=workers or None, address=address)
    if address:
        raise ExecutorError("--address is for the Ray executor; add --executor ray")
    n = workers or available_cpus()
    if n <= 1:
        return Executor()
    from .local import LocalExecutor

    return LocalExecutor(workers=n)


def executor_for(options: Options, articles: int | None = None) -> Executor:
    """The executor an ``Options`` asks for (``options.executor``/``workers``/``address``).

    A local run of fewer than ``SMALL_RUN`` articles per worker stays in this process: starting
    workers would cost more than it saves.
    """
    kind = getattr(options, "executor", None)
    workers = getattr(options, "workers", 1)
    address = getattr(options, "address", None)
    if kind != "ray" and not address:
        n = workers or available_cpus()
        if n <= 1 or (articles is not None and articles < SMALL_RUN * n):
            return Executor()
    return make_executor(kind, workers, address)


__all__ = ["DEFAULT_SHARD_SIZE", "EXECUTORS", "Executor", "ExecutorError", "ShardResult",
           "available_cpus", "chunk", "shard_size_for", "executor_for", "make_executor"]
