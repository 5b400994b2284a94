"""The Ray executor: the same shards and the same ``worker.run_shard``, on Ray actors.

One actor per CPU loads the models once (in its constructor) and handles many shards;
results are collected in input order, with at most ``2 * actors`` shards in flight.
``address`` joins a running cluster (``ray start --head`` elsewhere, every node with telaah
installed); without it a local Ray instance is started with ``workers`` CPUs and stopped
again on ``close()``. Ray is an optional extra: ``pip install telaah[ray]``.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from ..document import Article
from ..pipeline import Options, Pipeline
from . import Executor, ExecutorError, available_cpus
from .worker import ShardResult


def import_ray():
    try:
        import ray
    except ImportError:
        raise ExecutorError("the Ray executor needs Ray: pip install 'telaah[ray]'") from None
    return ray


class _ShardActor:
    """Lives in a Ray worker process: set up once, then runs shards."""

    def __init__(self, pipeline: Pipeline | None, options: Options | None):
        from .worker import init_worker

        init_worker(pipeline, options)

    def run(self, articles: list[Article], signatures: bool, stored: bool = False) -> ShardResult:
        from .worker import run_shard

        return run_shard(articles, signatures, stored)


class RayExecutor(Executor):
    name = "ray"

    def __init__(self, workers: int | None = None, address: str | None = None):
        self.ray = import_ray()
        self.address = address
        self._started = False
        if not self.ray.is_initialized():
            try:
                if address:
                    self.ray.init(address=address, log_to_driver=False)
                else:
                    self.ray.init(num_cpus=workers or available_cpus(), include_dashboard=False,
                                  log_to_driver=False)
            except Exception as exc:  # ConnectionError, RuntimeError... Ray raises several kinds
                raise ExecutorError(f"cannot start or reach Ray{' at ' + address if address else ''}: {exc}") from exc
            self._started = True
        cpus = int(self.ray.cluster_resources().get("CPU", 1))
        self.workers = max(1, min(workers or cpus, cpus))
        self._actors: list = []
        self._key = None

    def _actors_for(self, pipeline: Pipeline, options: Options) -> list:
        key = (id(pipeline), repr(options))
        if not self._actors or self._key != key:
            self._kill_actors()
            actor = self.ray.remote(num_cpus=1)(_ShardActor)
            self._actors = [actor.remote(pipeline, options) for _ in range(self.workers)]
            self._key = key
        return self._actors

    def map_shards(self, pipeline: Pipeline, options: Options, shards: Iterable[list[Article]],
                   signatures: bool = False, stored: bool = False) -> Iterator[ShardResult]:
        actors = self._actors_for(pipeline, options)
        pending: deque = deque()
        for i, shard in enumerate(shards):
            pending.append(actors[i % len(actors)].run.remote(shard, signatures, stored))
            if len(pending) >= 2 * len(actors):
                yield self.ray.get(pending.popleft())
        while pending:
            yield self.ray.get(pending.popleft())

    def _kill_actors(self) -> None:
        for a in self._actors:
            self.ray.kill(a)
        self._actors = []

    def close(self) -> None:
        self._kill_actors()
        if self._started and self.ray.is_initialized():
            self.ray.shutdown()
            self._started = False
