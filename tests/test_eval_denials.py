"""`telaah eval denials`: scoring rules, and one run over the gold when ../shared is present."""
from __future__ import annotations

import pytest

from telaah.datasets import shared_data_dir
from telaah.evaluation import denials


def test_recall_and_precision_leave_unsure_rows_out():
    rows = [{"label": "deny"}, {"label": "deny"}, {"label": "no"}, {"label": "unsure"}]
    scores = denials.score(rows, {"x": [True, False, True, True]})["x"]
    assert (scores["found"], scores["deny_gold"]) == (1, 2)
    assert scores["predicted"] == 2 and scores["precision"] == 0.5
    assert scores["unsure_predicted"] == 1


@pytest.mark.parametrize("text, found", [
    ("Andi membantah tuduhan itu.", True),
    ("Tuduhan itu dibantah Andi.", True),
    ('"Itu tidak benar," kata Andi.', True),
    ("Andi menolak usulan itu.", False),
])
def test_the_baseline_is_the_issues_cue_list(text, found):
    assert denials.baseline_denies(text) is found


def test_the_system_reads_a_sentence_alone():
    assert denials.telaah_denies("Andi membantah tuduhan bahwa ia menerima suap.")
    assert not denials.telaah_denies("Andi mengatakan rapat digelar besok.")


def test_every_gold_sentence_resolves():
    if shared_data_dir() is None or denials._builder().missing_files(shared_data_dir()):
        pytest.skip("the idner/nergrit/nerugm corpora are not in ../shared/data")
    rows = denials.load_rows()
    assert len(rows) == 2564 and all(r["text"] for r in rows)
