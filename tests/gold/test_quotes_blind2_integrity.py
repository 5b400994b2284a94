"""Integrity of the second blind quote set (tests/gold/quotes_test_blind2.jsonl).

The set was annotated by hand, from the text and QUOTES_GUIDELINES.md only, to test denials
and accusations. A broken span, a held-out article or an article shared with a development
gold would silently distort every score computed on it; these checks make such damage loud.
They check the file only and compute no system scores.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

GOLD_DIR = Path(__file__).resolve().parent
REPO = GOLD_DIR.parents[1]
BLIND2 = GOLD_DIR / "quotes_test_blind2.jsonl"
OTHER_QUOTE_GOLD = [GOLD_DIR / "quotes_gold.jsonl", GOLD_DIR / "quotes_test_blind.jsonl"]
HELDOUT_FROM = 1498867200  # 2017-07-01T00:00:00Z: IndoSum ids from here on are held out

STANCES = {"assert", "accuse", "deny", "demand", "unconfirmed", "other"}
KINDS = {"named", "pronoun", "description", "group"}
QUOTE_FIELDS = {
    "start", "end", "direct", "speaker_text", "speaker_start", "speaker_end", "speaker_name",
    "speaker_kind", "cue_text", "cue_start", "cue_end", "stance", "reported_by",
}
OPENING_MARKS = "\"“'‘"
ID_IN_TEXT = re.compile(r"\b1\d{9}-[a-z0-9-]+")


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _ids_of(path: Path) -> set[str]:
    """Only the "id" field of another gold file: its annotations must stay unread here."""
    return {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@pytest.fixture(scope="module")
def blind2() -> list[dict]:
    return _records(BLIND2)


def test_every_line_parses_with_the_expected_fields(blind2):
    assert len(blind2) == 30
    assert len({r["source"] for r in blind2}) >= 5
    for record in blind2:
        assert set(record) == {"id", "source", "split", "text", "quotes"}, record.get("id")
        assert record["split"] in ("blind2-dev", "blind2-test") and record["quotes"], record["id"]
        assert all(set(q) == QUOTE_FIELDS for q in record["quotes"]), record["id"]


def test_ids_unique_not_heldout_and_unseen(blind2):
    ids = [r["id"] for r in blind2]
    assert len(ids) == len(set(ids))
    assert all(int(i.split("-", 1)[0]) < HELDOUT_FROM for i in ids)
    for path in OTHER_QUOTE_GOLD:
        assert not set(ids) & _ids_of(path), path.name
    # Also unseen by the quote/conflict developers: not in the dispute gold nor in examples/.
    seen = set(ID_IN_TEXT.findall((GOLD_DIR / "disputes_gold.jsonl").read_text(encoding="utf-8")))
    for path in (REPO / "examples").rglob("*"):
        if path.is_file() and path.suffix in {".jsonl", ".json", ".md", ".txt"}:
            seen |= set(ID_IN_TEXT.findall(path.read_text(encoding="utf-8", errors="replace")))
    assert not set(ids) & seen


def test_offsets_in_range_and_spans_round_trip(blind2):
    for record in blind2:
        text = record["text"]
        for q in record["quotes"]:
            where = f"{record['id']}@{q['start']}"
            assert 0 <= q["start"] < q["end"] <= len(text), where
            content = text[q["start"]:q["end"]]
            assert content == content.strip(), where
            assert not content.endswith((".", ",")), where
            assert not content.lower().startswith("bahwa "), where
            assert q["stance"] in STANCES and q["speaker_kind"] in KINDS, where
            assert isinstance(q["direct"], bool) and q["speaker_name"], where
            if q["direct"]:
                assert text[q["start"] - 1] in OPENING_MARKS, where
            if q["speaker_text"] is None:  # continuation quote: implied speaker, no cue
                assert q["speaker_start"] is None and q["speaker_end"] is None, where
                assert q["cue_text"] is None and q["direct"], where
            else:
                span = (q["speaker_start"], q["speaker_end"])
                assert 0 <= span[0] < span[1] <= len(text), where
                assert text[span[0]:span[1]] == q["speaker_text"], where
                assert not _overlaps(span, (q["start"], q["end"])), where
            if q["cue_text"] is None:
                assert q["cue_start"] is None and q["cue_end"] is None, where
            else:
                cue = (q["cue_start"], q["cue_end"])
                assert 0 <= cue[0] < cue[1] <= len(text), where
                assert text[cue[0]:cue[1]] == q["cue_text"], where
                assert not _overlaps(cue, (q["start"], q["end"])), where


def test_the_set_is_rich_in_denials_and_accusations(blind2):
    def articles_with(stance: str) -> int:
        return sum(any(q["stance"] == stance for q in r["quotes"]) for r in blind2)

    assert articles_with("deny") >= 20
    assert articles_with("accuse") >= 8


def test_text_is_the_detokenised_indosum_article(blind2, shared):
    from telaah.datasets.indosum import article_text, load_articles

    originals = {r["id"]: r for r in load_articles([r["id"] for r in blind2], shared / "indosum-dev")}
    for record in blind2:
        assert record["text"] == article_text(originals[record["id"]]), record["id"]
        assert record["source"] == originals[record["id"]]["source"], record["id"]
