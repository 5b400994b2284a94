"""Integrity of the blind story test set (tests/gold/stories_test_blind.jsonl).

The blind set was annotated from the texts alone, without running telaah's grouping, so that
it can score the grouper honestly. A held-out id, an id shared with the tuned story gold, or an
id in two stories would silently distort B-cubed on it; these checks make such damage loud.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

GOLD_DIR = Path(__file__).resolve().parent / "gold"
BLIND = GOLD_DIR / "stories_test_blind.jsonl"
DEV_GOLD = GOLD_DIR / "stories_gold.jsonl"
HELDOUT_FROM = 1498867200  # 2017-07-01T00:00:00Z: IndoSum ids from here on are held out
ID_FIELD = re.compile(r'"id"\s*:\s*"([^"]+)"')


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def blind() -> list[dict]:
    return _records(BLIND)


def test_records_are_well_formed(blind):
    assert all(set(r) == {"story", "split", "ids", "note"} for r in blind)
    assert all(r["split"] == "blind" and r["ids"] and r["note"] for r in blind)
    assert [r["story"] for r in blind] == [f"b{n}" for n in range(1, len(blind) + 1)]
    singletons = [r for r in blind if len(r["ids"]) == 1]
    assert all(r["note"].startswith("hard negative:") for r in singletons)
    assert all("checked:" in r["note"] for r in blind)


def test_no_id_twice_no_heldout_no_overlap_with_tuned_gold(blind):
    ids = [i for r in blind for i in r["ids"]]
    assert len(ids) == len(set(ids)), "an article sits in two blind stories"
    assert all(int(i.split("-", 1)[0]) < HELDOUT_FROM for i in ids)
    tuned = {i for r in _records(DEV_GOLD) for i in r["ids"]}
    assert not set(ids) & tuned


def test_ids_exist_in_the_pre_july_corpus(blind, shared):
    corpus = set()
    for path in sorted((shared / "indosum-dev").glob("dev.0*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                match = ID_FIELD.search(line)
                if match and int(match.group(1).split("-", 1)[0]) < HELDOUT_FROM:
                    corpus.add(match.group(1))
    missing = {i for r in blind for i in r["ids"]} - corpus
    assert not missing, sorted(missing)
