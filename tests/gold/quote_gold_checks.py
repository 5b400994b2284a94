"""Checks shared by the blind quote sets' integrity tests (blind2, blind3, blind4, blind5).

Each blind set was annotated by hand without seeing the system; a broken span, a held-out
article or an article shared with another gold would silently distort every score computed
on it. These helpers read the gold files only and compute no system scores.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent
REPO = GOLD_DIR.parents[1]
HELDOUT_FROM = 1498867200  # 2017-07-01T00:00:00Z: IndoSum ids from here on are held out

STANCES = {"assert", "accuse", "deny", "demand", "unconfirmed", "other"}
KINDS = {"named", "pronoun", "description", "group"}
RECORD_FIELDS = {"id", "source", "split", "text", "quotes"}
QUOTE_FIELDS = {
    "start", "end", "direct", "speaker_text", "speaker_start", "speaker_end", "speaker_name",
    "speaker_kind", "cue_text", "cue_start", "cue_end", "stance", "reported_by",
}
OPENING_MARKS = "\"“'‘"
ID_IN_TEXT = re.compile(r"\b1\d{9}-[a-z0-9-]+")


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def ids_of(path: Path) -> set[str]:
    """Only the "id" field of another gold file: its annotations must stay unread here."""
    return {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def check_fields(rows: list[dict], splits: set[str]) -> None:
    for record in rows:
        assert set(record) == RECORD_FIELDS, record.get("id")
        assert record["split"] in splits and record["quotes"], record["id"]
        assert all(set(q) == QUOTE_FIELDS for q in record["quotes"]), record["id"]


def check_ids(rows: list[dict]) -> list[str]:
    """Unique and not held out; returns the ids for the set's own overlap checks."""
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert all(int(i.split("-", 1)[0]) < HELDOUT_FROM for i in ids)
    return ids


def check_statements(rows: list[dict]) -> None:
    """Every span in range and equal to the text it names; content without its attribution,
    final period or "bahwa"; continuation quotes without speaker span or cue."""
    for record in rows:
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
                # pasted text may open a quote with a detached closing mark ("” Kami ...", blind5)
                before = text[max(0, q["start"] - 2):q["start"]]
                assert before[-1:] in OPENING_MARKS or before in {"” ", "\" ", "“ "}, where
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


def check_text_is_indosum(rows: list[dict], shared: Path) -> None:
    """The stored text is the detokenised IndoSum article, and the outlet is IndoSum's."""
    from telaah.datasets.indosum import article_text, load_articles

    originals = {r["id"]: r for r in load_articles([r["id"] for r in rows], shared / "indosum-dev")}
    for record in rows:
        assert record["text"] == article_text(originals[record["id"]]), record["id"]
        assert record["source"] == originals[record["id"]]["source"], record["id"]


UNSEEN_SUFFIXES = {".jsonl", ".json", ".md", ".txt", ".py", ".tsv"}


def check_unseen(ids: set[str], gold: Path, test_file: str, other_quote_gold: list[Path]) -> None:
    """The set's articles are in no other quote gold (by id), and their ids are written in no
    other gold file, example or test: nobody tuned on them."""
    for path in other_quote_gold:
        if path.is_file():
            assert not ids & ids_of(path), path.name
    seen: set[str] = set()
    for path in list(GOLD_DIR.glob("*.jsonl")) + list((REPO / "examples").rglob("*")) + list((REPO / "tests").rglob("*.py")):
        if path == gold or not path.is_file() or path.suffix not in UNSEEN_SUFFIXES or path.name == test_file:
            continue
        seen |= set(ID_IN_TEXT.findall(path.read_text(encoding="utf-8", errors="replace")))
    assert not ids & seen
