"""Integrity of the third blind quote set (tests/gold/quotes_test_blind3.jsonl).

The set was annotated by hand, from the text and QUOTES_GUIDELINES.md only, to test denials
(including denials phrased without a denial verb). The shared checks are in
quote_gold_checks.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from quote_gold_checks import (GOLD_DIR, check_fields, check_ids, check_statements, check_text_is_indosum,
                               check_unseen, records)

BLIND3 = GOLD_DIR / "quotes_test_blind3.jsonl"
OTHER_QUOTE_GOLD = [
    GOLD_DIR / "quotes_gold.jsonl",
    GOLD_DIR / "quotes_test_blind.jsonl",
    GOLD_DIR / "quotes_test_blind2.jsonl",
]


@pytest.fixture(scope="module")
def blind3() -> list[dict]:
    if not BLIND3.is_file():
        pytest.skip(f"{BLIND3.name} is absent")
    return records(BLIND3)


def test_every_line_parses_with_the_expected_fields(blind3):
    assert len(blind3) == 30
    assert len({r["source"] for r in blind3}) >= 5
    check_fields(blind3, {"blind3"})


def test_ids_unique_not_heldout_and_unseen(blind3):
    check_unseen(set(check_ids(blind3)), BLIND3, Path(__file__).name, OTHER_QUOTE_GOLD)


def test_offsets_in_range_and_spans_round_trip(blind3):
    check_statements(blind3)


def test_the_set_is_rich_in_denials(blind3):
    denials = [q for r in blind3 for q in r["quotes"] if q["stance"] == "deny"]
    assert len(denials) >= 25
    assert sum(any(q["stance"] == "deny" for q in r["quotes"]) for r in blind3) >= 12
    assert any(q["stance"] == "accuse" for r in blind3 for q in r["quotes"])


def test_text_is_the_detokenised_indosum_article(blind3, shared):
    check_text_is_indosum(blind3, shared)
