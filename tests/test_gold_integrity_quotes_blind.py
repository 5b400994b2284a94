"""Integrity of the blind quote test set (tests/gold/quotes_test_blind.jsonl).

The blind set was annotated by hand without looking at the system, so a broken span or a
held-out article in it would silently distort every score computed on it; these checks make
such damage loud. They read only repository files and run in well under a second.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLD_DIR = Path(__file__).resolve().parent / "gold"
BLIND = GOLD_DIR / "quotes_test_blind.jsonl"
DEV_GOLD = GOLD_DIR / "quotes_gold.jsonl"
HELDOUT_FROM = 1498867200  # 2017-07-01T00:00:00Z: IndoSum ids from here on are held out

STANCES = {"assert", "accuse", "deny", "demand", "unconfirmed", "other"}
KINDS = {"named", "pronoun", "description", "group"}
QUOTE_FIELDS = {
    "start", "end", "direct", "speaker_text", "speaker_start", "speaker_end", "speaker_name",
    "speaker_kind", "cue_text", "cue_start", "cue_end", "stance", "reported_by",
}
OPENING_MARKS = "\"“'‘"


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def blind() -> list[dict]:
    return _records(BLIND)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def test_blind_set_has_enough_articles_and_outlets(blind):
    assert len(blind) >= 24
    assert len({r["source"] for r in blind}) >= 5
    assert all(r["split"] == "test" for r in blind)
    assert all(set(r) == {"id", "source", "split", "text", "quotes"} for r in blind)


def test_ids_unique_not_heldout_and_disjoint_from_dev_gold(blind):
    ids = [r["id"] for r in blind]
    assert len(ids) == len(set(ids))
    assert all(int(i.split("-", 1)[0]) < HELDOUT_FROM for i in ids)
    assert not set(ids) & {r["id"] for r in _records(DEV_GOLD)}


def test_every_span_round_trips(blind):
    for record in blind:
        text = record["text"]
        assert record["quotes"], record["id"]
        for q in record["quotes"]:
            where = f"{record['id']}@{q['start']}"
            assert set(q) == QUOTE_FIELDS, where
            assert 0 <= q["start"] < q["end"] <= len(text), where
            content = text[q["start"]:q["end"]]
            assert content.strip() == content and content, where
            assert q["stance"] in STANCES and q["speaker_kind"] in KINDS, where
            assert q["speaker_name"], where
            if q["speaker_text"] is not None:
                span = (q["speaker_start"], q["speaker_end"])
                assert text[span[0]:span[1]] == q["speaker_text"] != "", where
                assert not _overlaps(span, (q["start"], q["end"])), where
            else:  # implied speaker: a continuation quote, which has no cue either
                assert q["speaker_start"] is None and q["speaker_end"] is None, where
                assert q["cue_text"] is None and q["direct"], where
            if q["cue_text"] is not None:
                cue = (q["cue_start"], q["cue_end"])
                assert text[cue[0]:cue[1]] == q["cue_text"] != "", where
                assert not _overlaps(cue, (q["start"], q["end"])), where
            else:
                assert q["cue_start"] is None and q["cue_end"] is None, where
            if q["direct"]:
                assert text[q["start"] - 1] in OPENING_MARKS, where


def test_content_excludes_final_period_and_leading_bahwa(blind):
    for record in blind:
        text = record["text"]
        for q in record["quotes"]:
            content = text[q["start"]:q["end"]]
            assert not content.endswith((".", ",")), f"{record['id']}@{q['start']}"
            assert not content.lower().startswith("bahwa "), f"{record['id']}@{q['start']}"
