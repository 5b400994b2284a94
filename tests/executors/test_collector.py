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
