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
    assert {r["split"] for r in rows} == {"dev", "test", "dev2"}
    assert sum(r["split"] == "dev2" for r in rows) >= 20
    assert len({r["id"] for r in rows}) == len(rows)
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


def test_speaker_matches_by_name_alias_or_span():
    gold = {"speaker_name": "Kombes Ahmad Kamal", "speaker_kind": "named", "speaker_start": 0, "speaker_end": 5}
    assert ev.speaker_ok(gold, {"speaker_names": ["Kamal"], "speaker_spans": []})
    assert ev.speaker_ok(gold, {"speaker_names": ["Polda Papua Kombes Ahmad Kamal"], "speaker_spans": []})
    assert not ev.speaker_ok(gold, {"speaker_names": ["Ahmad Dhani"], "speaker_spans": []})  # neither contains the other
    assert not ev.speaker_ok(gold, {"speaker_names": ["Kombes"], "speaker_spans": [(50, 60)]})
    assert ev.speaker_ok(gold, {"speaker_names": ["KPK", "Ahmad Kamal"], "speaker_spans": []})  # an entity alias
    assert ev.speaker_ok(gold, {"speaker_names": ["X"], "speaker_spans": [(2, 4)]})
    pron = dict(gold, speaker_kind="pronoun")
    assert not ev.speaker_ok(pron, {"speaker_names": ["nya"], "speaker_spans": [(2, 4)]})


def test_match_is_one_to_one():
    gold = [{"start": 0, "end": 10}, {"start": 20, "end": 30}]
    pred = [{"start": 0, "end": 9}, {"start": 1, "end": 10}, {"start": 21, "end": 29}]
    assert len(ev.match(gold, pred)) == 2


def test_cli_json(capsys):
    assert ev.main(["--split", "dev", "--mode", "stage", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["split"] == "dev"
    scores = out["scores"]["dev"]
    assert set(scores) == {"stage", "baseline"}
    assert 0.0 <= scores["stage"]["f1"] <= 1.0
    assert scores["stage"]["denials_found"] <= scores["stage"]["denials_gold"]
    assert out["ms_per_500_words"] > 0


def test_cli_any_gold_file_and_split(tmp_path, capsys):
    text = '"Kami tidak pernah menerima uang itu," kata Setya Novanto.'
    row = {"id": "1490000000-x", "split": "extra", "text": text, "quotes": [{
        "start": 1, "end": 36, "direct": True, "speaker_text": "Setya Novanto", "speaker_start": 44,
        "speaker_end": 57, "speaker_name": "Setya Novanto", "speaker_kind": "named", "cue_text": "kata",
        "stance": "deny"}]}
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert ev.main(["--gold", str(gold), "--split", "extra", "--mode", "stage"]) == 0
    out = capsys.readouterr().out
    assert "statement F1" in out and "denials found" in out and "ms CPU per 500 words" in out
    assert ev.main(["--gold", str(gold), "--split", "nope", "--mode", "stage"]) == 2


def test_cli_bad_gold_line(tmp_path, capsys):
    gold = tmp_path / "bad.jsonl"
    gold.write_text("{not json\n", encoding="utf-8")
    assert ev.main(["--gold", str(gold)]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_cli_missing_gold(tmp_path, capsys):
    assert ev.main(["--gold", str(tmp_path / "nope.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err
