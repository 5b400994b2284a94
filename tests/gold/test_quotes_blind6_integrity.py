"""Integrity of the sixth blind quote set (tests/gold/quotes_test_blind6.jsonl).

The set was annotated by hand, from the text and QUOTES_GUIDELINES.md only, as a random sample
(seed 6006) of ordinary tajuk utama news (statement detection and speaker attribution, not
denials). The shared checks are in quote_gold_checks.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from quote_gold_checks import (GOLD_DIR, check_fields, check_ids, check_statements, check_text_is_indosum,
                               check_unseen, records)

BLIND6 = GOLD_DIR / "quotes_test_blind6.jsonl"
OTHER_QUOTE_GOLD = [
    GOLD_DIR / "quotes_gold.jsonl",
    GOLD_DIR / "quotes_test_blind.jsonl",
    GOLD_DIR / "quotes_test_blind2.jsonl",
    GOLD_DIR / "quotes_test_blind3.jsonl",
    GOLD_DIR / "quotes_test_blind4.jsonl",
    GOLD_DIR / "quotes_test_blind5.jsonl",
]


@pytest.fixture(scope="module")
def blind6() -> list[dict]:
    if not BLIND6.is_file():
        pytest.skip(f"{BLIND6.name} is absent")
    return records(BLIND6)


def test_every_line_parses_with_the_expected_fields(blind6):
    assert len(blind6) == 30
    assert len({r["source"] for r in blind6}) >= 5
    check_fields(blind6, {"blind6"})


def test_ids_unique_not_heldout_and_unseen(blind6):
    check_unseen(set(check_ids(blind6)), BLIND6, Path(__file__).name, OTHER_QUOTE_GOLD)


def test_offsets_in_range_and_spans_round_trip(blind6):
    check_statements(blind6)


def test_every_article_holds_at_least_three_statements(blind6):
    """The draw kept only articles with 3 or more attributed statements (see the guidelines)."""
    assert all(len(r["quotes"]) >= 3 for r in blind6)


def test_text_is_the_detokenised_indosum_article(blind6, shared):
    check_text_is_indosum(blind6, shared)
