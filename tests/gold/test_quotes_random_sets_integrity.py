"""Integrity of the blind quote sets drawn at random (tests/gold/quotes_test_blind5.jsonl, seed
5005, and quotes_test_blind6.jsonl, seed 6006).

Each was annotated by hand, from the text and QUOTES_GUIDELINES.md only, as a random sample of
ordinary tajuk utama news (statement detection and speaker attribution, not denials). The
shared checks are in quote_gold_checks.py; a new set of the same kind is one more parameter.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from quote_gold_checks import (GOLD_DIR, check_fields, check_ids, check_statements, check_text_is_indosum,
                               check_unseen, records)

RANDOM_SETS = ("blind5", "blind6")
ALL_QUOTE_GOLD = [GOLD_DIR / "quotes_gold.jsonl"] + [
    GOLD_DIR / f"quotes_test_{name}.jsonl" for name in ("blind", "blind2", "blind3", "blind4", *RANDOM_SETS)]


def _path(split: str) -> Path:
    return GOLD_DIR / f"quotes_test_{split}.jsonl"


@pytest.fixture(scope="module", params=RANDOM_SETS)
def gold(request) -> tuple[str, list[dict]]:
    path = _path(request.param)
    if not path.is_file():
        pytest.skip(f"{path.name} is absent")
    return request.param, records(path)


def test_every_line_parses_with_the_expected_fields(gold):
    split, recs = gold
    assert len(recs) == 30
    assert len({r["source"] for r in recs}) >= 5
    check_fields(recs, {split})


def test_ids_unique_not_heldout_and_unseen(gold):
    split, recs = gold
    others = [p for p in ALL_QUOTE_GOLD if p != _path(split)]
    check_unseen(set(check_ids(recs)), _path(split), Path(__file__).name, others)


def test_offsets_in_range_and_spans_round_trip(gold):
    check_statements(gold[1])


def test_every_article_holds_at_least_three_statements(gold):
    """The draw kept only articles with 3 or more attributed statements (see the guidelines)."""
    assert all(len(r["quotes"]) >= 3 for r in gold[1])


def test_text_is_the_detokenised_indosum_article(gold, shared):
    check_text_is_indosum(gold[1], shared)
