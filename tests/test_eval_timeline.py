"""`telaah eval timeline`: the pair scoring, and one story through the command when ../shared is present."""
from __future__ import annotations

import json

import pytest

from telaah.datasets import shared_data_dir
from telaah.evaluation import timeline


def test_same_event_pairs_count_only_mentions_both_sides_hold():
    gold = {("a:s1", "2017-03-28"): "e1", ("b:s4", "2017-03-28"): "e1", ("b:s5", "2017-03-28"): "e2",
            ("c:s1", "2017-03-29"): "e3"}
    predicted = {("a:s1", "2017-03-28"): 0, ("b:s4", "2017-03-28"): 1, ("b:s5", "2017-03-28"): 1}
    # pairs among the three found: a1-b4 (gold same, apart), a1-b5 (both apart), b4-b5 (joined, gold apart)
    assert timeline.score_links(gold, predicted) == (0, 1, 1)
    assert timeline.score_links(gold, predicted, cross_only=True) == (0, 0, 1)


def test_one_gold_story_through_the_command(tmp_path, capsys):
    if shared_data_dir() is None or not (shared_data_dir() / "indosum-dev").is_dir():
        pytest.skip("IndoSum is not in ../shared/data")
    story = next(s for s in timeline.load_gold() if s["split"] == "dev")
    gold = tmp_path / "one.jsonl"
    gold.write_text(json.dumps(story) + "\n", encoding="utf-8")
    assert timeline.main(["--gold", str(gold), "--split", "dev"]) == 0
    out = capsys.readouterr().out
    assert "[dev]" in out and "mentions" in out and "baseline: one entry a day" in out
