"""``telaah eval stories-kompas``: the scorer on composed stories, and a pinned floor on the real
IndoTimex crash set (25 Kompas articles, one story) when ``../shared`` is present."""
from __future__ import annotations

import pytest

from telaah.evaluation import stories_kompas as ev


def test_score_counts_split_and_intruders():
    crash, fuel = {"c1", "c2", "c3", "c4"}, {"f1", "f2"}
    s = ev.score([["c1", "c2", "c3", "f1"], ["c4"], ["f2"]], crash, fuel)
    assert s["crash_stories"] == [3, 1]
    assert s["intruders"] == ["f1"]
    assert s["recall"] == pytest.approx((3 * 3 / 4 + 1 / 4) / 4)
    assert s["precision"] == pytest.approx((3 * 3 / 4 + 1) / 4)


def test_missing_data_is_a_clear_error(tmp_path, capsys):
    assert ev.main(["--data", str(tmp_path / "nothing")]) == 2
    assert "no *.tml" in capsys.readouterr().err


def test_crash_set_stays_one_story():
    """A floor, not a tuning target: nothing was fitted on these articles."""
    root = ev.shared_data() / "indotimex-kompas"
    if not (root / ev.STORY_FOLDER).is_dir():
        pytest.skip(f"IndoTimex Kompas sets not found under {root} (../shared absent)")
    telaah, baseline, _, _ = ev.run(root)
    assert telaah["f1"] >= 0.95
    assert telaah["intruders"] == []
    assert telaah["f1"] > baseline["f1"]
