"""`telaah bench --end-to-end N`: memory of a process tree, the report, and (slow) a real run."""
import os
import sys

import pytest

from telaah.bench import _tree_memory_mb, format_end_to_end, measure_end_to_end


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_tree_memory_counts_this_process():
    mem = _tree_memory_mb(os.getpid())
    assert mem["rss"] > 10 and 0 < mem["pss"] <= mem["rss"]


def test_end_to_end_report_says_what_was_measured():
    e = {"articles": 10000, "per_day": 300, "days": 34, "workers": 2, "shard_size": 500, "wall_s": 600.0,
         "articles_per_s": 16.7, "stories": 9000, "multi_article_stories": 400, "near_duplicates": 200,
         "phases_s": {"analysis_s": 500.0, "grouping_s": 40.0}, "peak_tree_pss_mb": 900, "peak_tree_rss_mb": 1200,
         "peak_single_process_rss_mb": 400.0, "command": "telaah run ..."}
    text = format_end_to_end(e)
    assert "300 a day" in text and "analysis 500.0" in text and "PSS 900 MB" in text


@pytest.mark.slow
def test_end_to_end_small_run(shared):
    e = measure_end_to_end(40, workers=2, per_day=10, shard_size=15)
    assert e["stories"] >= 1 and e["phases_s"]["analysis_s"] > 0 and e["peak_tree_pss_mb"] > 0
