"""Integrity of the second blind quote set (tests/gold/quotes_test_blind2.jsonl).

The set was annotated by hand, from the text and QUOTES_GUIDELINES.md only, to test denials
and accusations. The shared checks are in quote_gold_checks.py.
"""
from __future__ import annotations

import pytest
from quote_gold_checks import (GOLD_DIR, ID_IN_TEXT, REPO, check_fields, check_ids, check_statements,
                               check_text_is_indosum, ids_of, records)

BLIND2 = GOLD_DIR / "quotes_test_blind2.jsonl"
OTHER_QUOTE_GOLD = [GOLD_DIR / "quotes_gold.jsonl", GOLD_DIR / "quotes_test_blind.jsonl"]


@pytest.fixture(scope="module")
def blind2() -> list[dict]:
    return records(BLIND2)


def test_every_line_parses_with_the_expected_fields(blind2):
    assert len(blind2) == 30
    assert len({r["source"] for r in blind2}) >= 5
    check_fields(blind2, {"blind2-dev", "blind2-test"})


def test_ids_unique_not_heldout_and_unseen(blind2):
    ids = set(check_ids(blind2))
    for path in OTHER_QUOTE_GOLD:
        assert not ids & ids_of(path), path.name
    # Also unseen by the quote/conflict developers: not in the dispute gold nor in examples/.
    seen = set(ID_IN_TEXT.findall((GOLD_DIR / "disputes_gold.jsonl").read_text(encoding="utf-8")))
    for path in (REPO / "examples").rglob("*"):
        if path.is_file() and path.suffix in {".jsonl", ".json", ".md", ".txt"}:
            seen |= set(ID_IN_TEXT.findall(path.read_text(encoding="utf-8", errors="replace")))
    assert not ids & seen


def test_offsets_in_range_and_spans_round_trip(blind2):
    check_statements(blind2)


def test_the_set_is_rich_in_denials_and_accusations(blind2):
    def articles_with(stance: str) -> int:
        return sum(any(q["stance"] == stance for q in r["quotes"]) for r in blind2)

    assert articles_with("deny") >= 20
    assert articles_with("accuse") >= 8


def test_text_is_the_detokenised_indosum_article(blind2, shared):
    check_text_is_indosum(blind2, shared)
