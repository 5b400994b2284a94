"""Integrity of the third blind quote set (tests/gold/quotes_test_blind3.jsonl).

The set was annotated by hand, from the text and QUOTES_GUIDELINES.md only, to test denials
(including denials phrased without a denial verb). A broken span, a held-out article or an
article shared with another gold would silently distort every score computed on it; these
checks make such damage loud. They check the file only and compute no system scores.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

GOLD_DIR = Path(__file__).resolve().parent
REPO = GOLD_DIR.parents[1]
BLIND3 = GOLD_DIR / "quotes_test_blind3.jsonl"
OTHER_QUOTE_GOLD = [
    GOLD_DIR / "quotes_gold.jsonl",
    GOLD_DIR / "quotes_test_blind.jsonl",
    GOLD_DIR / "quotes_test_blind2.jsonl",
]
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
def blind3() -> list[dict]:
    if not BLIND3.is_file():
        pytest.skip(f"{BLIND3.name} is absent")
    return _records(BLIND3)


def test_every_line_parses_with_the_expected_fields(blind3):
    assert len(blind3) == 30
    assert len({r["source"] for r in blind3}) >= 5
    for record in blind3:
        assert set(record) == {"id", "source", "split", "text", "quotes"}, record.get("id")
        assert record["split"] == "blind3" and record["quotes"], record["id"]
        assert all(set(q) == QUOTE_FIELDS for q in record["quotes"]), record["id"]


def test_ids_unique_not_heldout_and_unseen(blind3):
    ids = [r["id"] for r in blind3]
    assert len(ids) == len(set(ids))
    assert all(int(i.split("-", 1)[0]) < HELDOUT_FROM for i in ids)
    for path in OTHER_QUOTE_GOLD:
        if path.is_file():
            assert not set(ids) & _ids_of(path), path.name
    # Nor in any other gold set, the examples or an id written anywhere in the tests.
    seen: set[str] = set()
    for path in list(GOLD_DIR.glob("*.jsonl")) + list((REPO / "examples").rglob("*")) + list((REPO / "tests").rglob("*.py")):
        if path == BLIND3 or not path.is_file() or path.suffix not in {".jsonl", ".json", ".md", ".txt", ".py", ".tsv"}:
            continue
        if path.name == Path(__file__).name:
            continue
        seen |= set(ID_IN_TEXT.findall(path.read_text(encoding="utf-8", errors="replace")))
    assert not set(ids) & seen


def test_offsets_in_range_and_spans_round_trip(blind3):
    for record in blind3:
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


def test_the_set_is_rich_in_denials(blind3):
    denials = [q for r in blind3 for q in r["quotes"] if q["stance"] == "deny"]
    assert len(denials) >= 25
    assert sum(any(q["stance"] == "deny" for q in r["quotes"]) for r in blind3) >= 12
    assert any(q["stance"] == "accuse" for r in blind3 for q in r["quotes"])


def test_text_is_the_detokenised_indosum_article(blind3, shared):
    from telaah.datasets.indosum import article_text, load_articles

    originals = {r["id"]: r for r in load_articles([r["id"] for r in blind3], shared / "indosum-dev")}
    for record in blind3:
        assert record["text"] == article_text(originals[record["id"]]), record["id"]
        assert record["source"] == originals[record["id"]]["source"], record["id"]
