"""The quote evaluation: gold format, matching rules and the CLI."""
from __future__ import annotations

import json

import pytest

from telaah.evaluation import quotes as ev

GOLD_KEYS = {"start", "end", "direct", "speaker_text", "speaker_start", "speaker_end", "speaker_name",
             "speaker_kind", "cue_text", "stance"}


def test_gold_is_well_formed():
    rows = ev.load_gold()
    assert len(rows) >= 40
    assert {r["split"] for r in rows} == {"dev", "test"}
    assert sum(r["split"] == "test" for r in rows) >= 15
    for r in rows:
        assert int(r["id"].split("-")[0]) < 1498867200  # held-out rule
        for q in r["quotes"]:
            assert GOLD_KEYS <= set(q)
            assert 0 <= q["start"] < q["end"] <= len(r["text"])
            assert q["stance"] in ("assert", "accuse", "deny", "demand", "unconfirmed", "other")
            if q["speaker_start"] is not None:
                assert r["text"][q["speaker_start"] : q["speaker_end"]] == q["speaker_text"]


@pytest.mark.parametrize(
    "a,b,expected",
    [((0, 10), (0, 10), 1.0), ((0, 10), (5, 30), 0.5), ((0, 10), (10, 20), 0.0), ((0, 4), (0, 100), 1.0)],
)
def test_overlap_is_relative_to_the_shorter_span(a, b, expected):
    assert ev._overlap(a, b) == expected


def test_speaker_matches_by_name_tokens_or_span():
    gold = {"speaker_name": "Kombes Ahmad Kamal", "speaker_kind": "named", "speaker_start": 0, "speaker_end": 5}
    assert ev.speaker_ok(gold, {"speaker_name": "Kamal", "speaker_spans": []})
    assert not ev.speaker_ok(gold, {"speaker_name": "Kombes", "speaker_spans": [(50, 60)]})
    assert ev.speaker_ok(gold, {"speaker_name": "X", "speaker_spans": [(2, 4)]})
    pron = dict(gold, speaker_kind="pronoun")
    assert not ev.speaker_ok(pron, {"speaker_name": "nya", "speaker_spans": [(2, 4)]})


def test_match_is_one_to_one():
    gold = [{"start": 0, "end": 10}, {"start": 20, "end": 30}]
    pred = [{"start": 0, "end": 9}, {"start": 1, "end": 10}, {"start": 21, "end": 29}]
    assert len(ev.match(gold, pred)) == 2


def test_cli_json(capsys):
    assert ev.main(["--split", "dev", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["split"] == "dev"
    assert set(out) == {"split", "telaah", "baseline"}
    assert 0.0 <= out["telaah"]["f1"] <= 1.0


def test_cli_missing_gold(tmp_path, capsys):
    assert ev.main(["--gold", str(tmp_path / "nope.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err
