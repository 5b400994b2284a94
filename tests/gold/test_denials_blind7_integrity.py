"""Integrity of the sentence-level denial gold (tests/gold/denials_blind7.jsonl).

File checks only, no telaah scoring. The gold is standoff (keys and sha1s, no sentence text);
with ../shared/data present, every key must resolve to a sentence whose detokenised text has
the recorded sha1, using the reader in scripts/build_denial_candidates.py.
"""
from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

GOLD = Path(__file__).with_name("denials_blind7.jsonl")
BUILDER = Path(__file__).resolve().parents[2] / "scripts" / "build_denial_candidates.py"
LABELS = {"deny", "no", "unsure"}
BASE_FIELDS = {"key", "sha1", "half", "label"}
DETAIL_FIELDS = {"speaker", "cue", "denied", "why"}
OPTIONAL_FIELDS = {"twin_of"}


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    if not GOLD.is_file():
        pytest.skip(f"{GOLD.name} is absent")
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def builder():
    spec = importlib.util.spec_from_file_location("build_denial_candidates", BUILDER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fields_labels_and_halves(gold):
    assert len(gold) == 2564
    by_key = {row["key"]: row for row in gold}
    for row in gold:
        detailed = row["label"] in {"deny", "unsure"}
        expected = BASE_FIELDS | (DETAIL_FIELDS if detailed else set())
        assert expected <= set(row) <= expected | OPTIONAL_FIELDS, row
        assert row["label"] in LABELS, row
        assert len(row["sha1"]) == 40 and int(row["sha1"], 16) >= 0, row
        # a near-copy goes with the first copy, so that the test half holds no copy of a dev row
        root = row
        while "twin_of" in root:
            root = by_key[root["twin_of"]]
        assert row["half"] == ("dev" if int(root["sha1"][0], 16) % 2 == 0 else "test"), row
        if detailed:
            assert row["speaker"] is None or row["speaker"].strip(), row
            assert row["why"].strip(), row
        if row["label"] == "deny":
            assert row["cue"].strip() and row["denied"].strip(), row


def test_keys_unique_and_twins_point_back(gold):
    keys = [row["key"] for row in gold]
    assert len(set(keys)) == len(keys)
    assert len({row["sha1"] for row in gold}) == len(gold)
    position = {key: i for i, key in enumerate(keys)}
    for i, row in enumerate(gold):
        if "twin_of" in row:
            assert position[row["twin_of"]] < i, row


def test_the_set_has_denials_in_both_halves(gold):
    counts = Counter((row["half"], row["label"]) for row in gold)
    assert counts["dev", "deny"] >= 20 and counts["test", "deny"] >= 20
    assert sum(row["label"] == "unsure" for row in gold) < sum(row["label"] == "deny" for row in gold)


def test_keys_resolve_and_text_hashes_match(gold, builder, shared):
    if builder.missing_files(shared):
        pytest.skip("the idner/nergrit/nerugm corpora are not in ../shared/data")
    texts = builder.texts_by_key(shared)
    for row in gold:
        assert row["key"] in texts, row["key"]
        assert builder.sha1(texts[row["key"]]) == row["sha1"], row["key"]


def test_gold_is_exactly_the_candidate_list(gold, builder, shared):
    if builder.missing_files(shared):
        pytest.skip("the idner/nergrit/nerugm corpora are not in ../shared/data")
    candidates = builder.build_candidates(shared)
    assert [(c["key"], c["sha1"], c.get("twin_of")) for c in candidates] == [
        (row["key"], row["sha1"], row.get("twin_of")) for row in gold
    ]


def test_detokeniser_pairs_quotes_and_attaches_punctuation(builder):
    tokens = '" Itu tidak benar , " kata dia ( Senin ) .'.split()
    assert builder.detokenise(tokens) == '"Itu tidak benar," kata dia (Senin).'
    # an odd mark after a comma closes a quotation opened in the previous sentence
    assert builder.detokenise('benar , " katanya .'.split()) == 'benar," katanya.'
    assert builder.detokenise('" Dengan tegas saya katakan .'.split()) == '"Dengan tegas saya katakan.'
