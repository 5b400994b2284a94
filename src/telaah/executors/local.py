"""The local executor: a pool of worker processes, each set up once, fed shards of articles.

Results come back in input order. At most ``2 * workers`` shards are in flight, so a long
input is streamed rather than held whole in the parent. On Linux the pool forks (the parent's
loaded models are shared copy-on-write; the initializer only fills what is missing);
elsewhere it spawns and each worker loads the models once.
"""
from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from ..document import Article
from ..pipeline import Options, Pipeline
from . import Executor
from .worker import ShardResult, init_worker, run_shard


def _context():
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


class LocalExecutor(Executor):
    name = "local"

    def __init__(self, workers: int):
        self.workers = max(1, int(workers))
        self._pool: ProcessPoolExecutor | None = None
        self._key = None

    def _pool_for(self, pipeline: Pipeline, options: Options) -> ProcessPoolExecutor:
        key = (id(pipeline), repr(options))
        if self._pool is None or self._key != key:
            self.close()
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_context(),
                                             initializer=init_worker, initargs=(pipeline, options))
            self._key = key
        return self._pool

    def map_shards(self, pipeline: Pipeline, options: Options, shards: Iterable[list[Article]],
                   signatures: bool = False, stored: bool = False) -> Iterator[ShardResult]:
        pool = self._pool_for(pipeline, options)
        pending: deque = deque()
        for shard in shards:
            pending.append(pool.submit(run_shard, shard, signatures, stored))
            if len(pending) >= 2 * self.workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
