"""Integrity of the fifth blind quote set (tests/gold/quotes_test_blind5.jsonl).

The set was annotated by hand, from the text and QUOTES_GUIDELINES.md only, as a random sample
(seed 5005) of ordinary tajuk utama news (statement detection and speaker attribution, not
denials). The shared checks are in quote_gold_checks.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from quote_gold_checks import (GOLD_DIR, check_fields, check_ids, check_statements, check_text_is_indosum,
                               check_unseen, records)

BLIND5 = GOLD_DIR / "quotes_test_blind5.jsonl"
OTHER_QUOTE_GOLD = [
    GOLD_DIR / "quotes_gold.jsonl",
    GOLD_DIR / "quotes_test_blind.jsonl",
    GOLD_DIR / "quotes_test_blind2.jsonl",
    GOLD_DIR / "quotes_test_blind3.jsonl",
    GOLD_DIR / "quotes_test_blind4.jsonl",
]


@pytest.fixture(scope="module")
def blind5() -> list[dict]:
    if not BLIND5.is_file():
        pytest.skip(f"{BLIND5.name} is absent")
    return records(BLIND5)


def test_every_line_parses_with_the_expected_fields(blind5):
    assert len(blind5) == 30
    assert len({r["source"] for r in blind5}) >= 5
    check_fields(blind5, {"blind5"})


def test_ids_unique_not_heldout_and_unseen(blind5):
    check_unseen(set(check_ids(blind5)), BLIND5, Path(__file__).name, OTHER_QUOTE_GOLD)


def test_offsets_in_range_and_spans_round_trip(blind5):
    check_statements(blind5)


def test_every_article_holds_at_least_three_statements(blind5):
    """The draw kept only articles with 3 or more attributed statements (see the guidelines)."""
    assert all(len(r["quotes"]) >= 3 for r in blind5)


def test_text_is_the_detokenised_indosum_article(blind5, shared):
    check_text_is_indosum(blind5, shared)
