"""`telaah eval numbers`: the scorer on tiny inputs, and the gold file's integrity."""
from __future__ import annotations

import json

import pytest

from telaah.datasets import shared_data_dir
from telaah.evaluation import numbers as ev

HELDOUT_FROM = 1498867200


def test_gold_spans_from_iob():
    assert ev.gold_spans(["O", "B-QUANTITY", "I-QUANTITY", "O", "I-QUANTITY"]) == [(1, 2), (4, 4)]


def test_detection_scores_exact_and_overlap():
    # NER UGM leaves the qualifier out of its spans; the scorer does the same with telaah's
    sents = [(["Ada", "sekitar", "20", "orang", "tewas"], ["O", "O", "B-QUANTITY", "I-QUANTITY", "O"])]
    scores = ev.score_detection(ev.extract_numbers, sents)
    assert scores["exact"]["f1"] == 1.0 and scores["overlap"]["f1"] == 1.0
    assert scores["recall_by_kind"] == {"count (digits)": {"found": 1, "gold": 1}}
    base = ev.score_detection(ev.baseline_numbers, sents)
    assert base["exact"]["f1"] == 0.0 and base["overlap"]["f1"] == 1.0


def test_durations_and_adjudication_conventions():
    tokens = ["Ia", "ditahan", "selama", "31", "tahun", "bersama", "dua", "kader", "pada", "2012"]
    tags = ["O", "O", "O", "B-QUANTITY", "O", "O", "O", "O", "O", "B-QUANTITY"]
    raw = ev.score_detection(ev.extract_numbers, [(0, tokens, tags)])
    assert raw["gold"] == 2 and raw["overlap"]["recall"] == 0.0  # "31" is the times stage's; "2012" a year
    adj = {0: [("add", 6, 7, "dua kader"), ("remove", 9, 9, "2012")]}
    fixed = ev.score_detection(ev.extract_numbers, [(0, tokens, tags)], adjudication=adj, durations_aside=True)
    assert fixed["gold"] == 1 and fixed["overlap"]["f1"] == 1.0


def test_aligned_scoring_sets_word_counts_aside_on_both_sides():
    # NER UGM tags about a third of the counts written in words: "aligned" scores neither side on them
    tokens = ["Ada", "dua", "calon", "dan", "30", "persen", "suara", "dari", "puluhan", "kader"]
    tags = ["O", "O", "O", "O", "B-QUANTITY", "I-QUANTITY", "O", "O", "O", "O"]
    raw = ev.score_detection(ev.extract_numbers, [(0, tokens, tags)])
    assert raw["overlap"]["precision"] < 1.0
    assert raw["unmatched_system_by_kind"] == {"count (words)": {"adjudged_figure": 0, "other": 1},
                                               "vague": {"adjudged_figure": 0, "other": 1}}
    aligned = ev.score_detection(ev.extract_numbers, [(0, tokens, tags)], durations_aside=True, words_aside=True)
    assert aligned["gold"] == 1 and aligned["system"] == 1 and aligned["exact"]["f1"] == 1.0


def test_boundary_kinds():
    tokens = ["Rp", "6.500", "per", "liter", "dan", "4", "dari", "10", "pasien", "tewas"]
    assert ev.boundary_kind((0, 3), (0, 1), tokens) == 'gold has a rate ("per liter")'
    assert ev.boundary_kind((5, 8), (7, 8), tokens).startswith("gold has a word before")
    assert ev.boundary_kind((5, 8), (5, 5), tokens).startswith("gold joins two figures")
    assert ev.boundary_kind((7, 9), (7, 8), tokens) == "gold has the longer noun phrase"
    assert ev.boundary_kind((7, 8), (7, 9), tokens) == "telaah span longer"


def test_adjudication_file_matches_ner_ugm():
    data = shared_data_dir()
    if data is None or not (data / ev.NER_DIR).is_dir():
        pytest.skip("../shared/data not found: NER UGM needed")
    sents = ev.read_conll(data / ev.NER_DIR / "nerugm.txt")
    adjudication = ev.load_adjudication()
    assert adjudication, "tests/gold/nerugm_quantity_adjudication.tsv is empty"
    for idx, rows in adjudication.items():
        for action, first, last, tokens in rows:
            assert action in ("add", "remove", "ignore")
            assert " ".join(sents[idx][0][first:last + 1]) == tokens


def test_normalisation_scoring():
    gold = [{"sentence": "Ada ratusan rumah rusak.", "figure": "ratusan", "figure_start": 4,
             "value": None, "low": 100.0, "high": 999.0, "approx": True, "unit": "rumah"}]
    assert ev.score_normalisation(ev.extract_numbers, gold)["accuracy"] == 1.0
    assert ev.score_normalisation(ev.baseline_numbers, gold)["found"] == 0.0


def test_gold_file_is_sound():
    gold = ev.load_gold()
    assert len(gold) >= 300
    assert {g["split"] for g in gold} == {"dev", "test"}
    for g in gold:
        assert int(g["article_id"].split("-")[0]) < HELDOUT_FROM  # never the held-out part
        assert g["sentence"][g["figure_start"]:g["figure_start"] + len(g["figure"])] == g["figure"]
        assert g["value"] is not None or (g["low"] is not None and g["high"] is not None)
    dev = {g["article_id"] for g in gold if g["split"] == "dev"}
    test = {g["article_id"] for g in gold if g["split"] == "test"}
    assert not dev & test


def test_main_json(capsys):
    assert ev.main(["--json", "--split", "dev"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["normalisation"]["telaah"]["figures"] > 0


@pytest.mark.slow
def test_detection_on_ner_ugm():
    data = shared_data_dir()
    if data is None or not (data / ev.NER_DIR).is_dir():
        pytest.skip("../shared/data not found: NER UGM needed")
    det = ev.detection(data)
    for scoring in ev.SCORINGS:
        assert det["test"][scoring]["telaah"]["overlap"]["f1"] > det["test"][scoring]["baseline"]["overlap"]["f1"]
    assert det["test"]["aligned"]["telaah"]["overlap"]["f1"] >= 0.90
