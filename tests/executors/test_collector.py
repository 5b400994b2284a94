"""Collector thresholds are tuned only in processes telaah owns."""
from __future__ import annotations

import gc

from telaah.executors import worker


def test_tune_collector_sets_the_thresholds_and_init_in_process_leaves_them():
    before = gc.get_threshold()
    try:
        worker.init_worker(None, None, freeze=False)  # the caller's own process: left alone
        assert gc.get_threshold() == before
        worker.tune_collector()
        assert gc.get_threshold() == worker.COLLECTOR_THRESHOLDS
    finally:
        gc.set_threshold(*before)


def _worker_state():
    from threadpoolctl import threadpool_info

    from telaah.executors import streaming

    blas = [p["num_threads"] for p in threadpool_info() if p.get("user_api") == "blas"]
    return gc.get_threshold(), streaming._BLAS_PINNED, blas


def test_story_workers_collect_less_often_and_run_blas_on_one_thread():
    from telaah.executors.streaming import _pool

    pool = _pool(2)
    try:
        thresholds, pinned, blas = pool.submit(_worker_state).result()
    finally:
        pool.shutdown()
    assert thresholds == worker.COLLECTOR_THRESHOLDS
    assert pinned and all(n == 1 for n in blas)


def test_the_command_tunes_the_collector_and_main_does_not(monkeypatch):
    from telaah import cli

    before = gc.get_threshold()
    try:
        assert cli.main([]) == 2 and gc.get_threshold() == before
        monkeypatch.setattr("sys.argv", ["telaah"])
        assert cli.entry() == 2  # no command: help, exit status 2
        assert gc.get_threshold() == worker.COLLECTOR_THRESHOLDS
    finally:
        gc.set_threshold(*before)
