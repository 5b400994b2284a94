"""Store ingest: idempotent, incremental, resumable; migrations recorded once."""
import json
import os
import subprocess
import sys

import pytest

from storekit import ELECTION, EXAMPLES, FLOOD_A, FLOOD_B, ROOT, copy_db, examples_db, write_jsonl  # noqa: F401
from telaah.dossier import validate
from telaah.store import Store, StoreError
from telaah.store.ingest import KILL_AFTER_ENV, Ingest


def test_ingest_twice_stores_once(examples_db, tmp_path):
    db = copy_db(examples_db, tmp_path)
    with Store.open(db) as store:
        before = store.counts()
        dossier_before = store.story_dossier("s1")
        report = store.ingest_paths([str(EXAMPLES)])
        assert (report.read, report.new, report.duplicates, report.stories_touched) == (11, 0, 11, [])
        assert store.counts() == before
        assert store.story_dossier("s1") == dossier_before
        assert before["stale_stories"] == 0 and before["articles"] == 11


def test_examples_story_and_dossier(examples_db):
    with Store.open(examples_db) as store:
        stories = store.list_stories()
        assert [s["id"] for s in stories] == ["s1"]
        s = stories[0]
        assert s["n_articles"] == 11 and s["first_date"] <= s["last_date"]
        assert set(s) == {"id", "title", "first_date", "last_date", "n_articles", "n_sources", "n_disputes",
                          "n_conflicts", "updated_at"}
        dossier = store.story_dossier("s1")
        validate(dossier)
        assert all(q["id"].startswith("s1.") for q in dossier["quotes"])
        assert store.story_dossier("s99") is None and store.article("nope") is None


def test_article_annotations_and_raw_html(examples_db):
    with Store.open(examples_db) as store:
        a = store.article("halaman")
        assert a["story_id"] == "s1" and a["raw_kind"] == "html"
        for key in ("text", "blocks", "sentences", "quotes", "numbers", "times", "entities", "mentions"):
            assert key in a
        for m in a["mentions"]:
            assert a["text"][m["start"]:m["end"]] == m["text"] and m["key"]
        raw = store.article_raw("halaman")
        assert raw["kind"] == "html" and b"<html" in raw["data"].lower()
        assert isinstance(store.article_raw("cp1252")["data"], str)


def test_duplicates_by_text_url_and_id(tmp_path):
    a = dict(FLOOD_A[0])
    same_text = {**a, "id": "other-id", "url": None, "title": "Lain"}
    same_url = {**FLOOD_A[1], "id": "x", "url": a["url"]}
    write_jsonl(tmp_path / "one.jsonl", [a])
    write_jsonl(tmp_path / "two.jsonl", [same_text, same_url])
    with Store.open(tmp_path / "t.db") as store:
        assert store.ingest_paths([str(tmp_path / "one.jsonl")]).new == 1
        report = store.ingest_paths([str(tmp_path / "two.jsonl")])
        assert (report.new, report.duplicates) == (0, 2)


def test_same_id_other_article_is_renamed(tmp_path):
    (tmp_path / "d1").mkdir()
    (tmp_path / "d2").mkdir()
    (tmp_path / "d1" / "berita.txt").write_text(FLOOD_A[0]["text"], encoding="utf-8")
    (tmp_path / "d2" / "berita.txt").write_text(ELECTION[0]["text"], encoding="utf-8")
    with Store.open(tmp_path / "t.db") as store:
        store.ingest_paths([str(tmp_path / "d1")])
        report = store.ingest_paths([str(tmp_path / "d2")])
        assert report.new == 1 and report.renamed == [("berita", "berita-2")]
        assert store.article("berita-2")["text"] == ELECTION[0]["text"]


def test_skipped_inputs_reported_with_codes(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    write_jsonl(tmp_path / "ok.jsonl", FLOOD_A[:1])
    with Store.open(tmp_path / "t.db") as store:
        report = store.ingest_paths([str(tmp_path), str(tmp_path / "missing.txt")])
    assert report.new == 1 and sorted(c for _, c, _ in report.skipped) == ["E001", "E002"]
    assert "skipped 2 (E001 x1, E002 x1)" in report.line() and "new 1" in report.line()


def test_incremental_story_update(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", FLOOD_A)
    write_jsonl(tmp_path / "b.jsonl", FLOOD_B + ELECTION[:1])
    with Store.open(tmp_path / "t.db") as store:
        store.ingest_paths([str(tmp_path / "a.jsonl")])
        [story] = store.list_stories()
        before = store.story_dossier(story["id"])
        report = store.ingest_paths([str(tmp_path / "b.jsonl")])
        assert report.new == 2 and not report.regrouped
        assert store.article("banjir-3")["story_id"] == story["id"]  # joined, same id
        after = store.story_dossier(story["id"])
        assert after["stories"][0]["articles"] == ["banjir-1", "banjir-2", "banjir-3"]
        assert store.article("pemilu-1")["story_id"] != story["id"]
        assert sorted(report.stories_touched) == sorted([story["id"], store.article("pemilu-1")["story_id"]])
        # the disputed death toll now has the third source's figure
        def values(d):
            nums = {n["id"]: n["value"] for n in d["numbers"]}
            return sorted(nums[i] for disp in d["stories"][0]["number_disputes"] for i in disp["numbers"])
        assert values(before) == [12, 15] and values(after) == [12, 15, 20]
        assert after["stories"][0]["summary"] != before["stories"][0]["summary"]
        assert store.list_stories(order="biggest")[0]["n_articles"] == 3


def test_migrations_recorded_and_reopen_is_noop(tmp_path):
    path = tmp_path / "t.db"
    store = Store.open(path)
    assert store.migrations_applied_now == [1]
    first = store.migrations()
    assert [m["version"] for m in first] == [1] and first[0]["name"] == "initial"
    store.close()
    with Store.open(path) as again:
        assert again.migrations_applied_now == [] and again.migrations() == first
        mode = again.db.one("PRAGMA journal_mode")[0]
        fk = again.db.one("PRAGMA foreign_keys")[0]
        assert (mode, fk) == ("wal", 1)


def test_open_errors(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        Store.open(tmp_path / "missing.db", create=False)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="E400"):
        Store.open(junk)


def test_resume_after_kill_between_commits(tmp_path):
    data = write_jsonl(tmp_path / "all.jsonl", FLOOD_A + FLOOD_B + ELECTION[:1])
    db = tmp_path / "t.db"
    env = {**os.environ, KILL_AFTER_ENV: "2", "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-m", "telaah", "ingest", str(data), "--db", str(db), "--batch-size", "1",
                           "-q"], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 99, proc.stderr
    with Store.open(db) as store:
        assert store.counts()["articles"] == 2  # both committed batches survived the kill
        report = store.ingest_paths([str(data)])
        assert (report.new, report.duplicates) == (2, 2)
        counts = store.counts()
        assert counts["articles"] == 4 and counts["stale_stories"] == 0
        ids = [r["id"] for r in store.db.query("SELECT id FROM articles ORDER BY id")]
        assert ids == ["banjir-1", "banjir-2", "banjir-3", "pemilu-1"]
        assert store.article("banjir-3")["story_id"] == store.article("banjir-1")["story_id"]


def test_resume_after_failure_mid_ingest(tmp_path, monkeypatch):
    data = write_jsonl(tmp_path / "all.jsonl", FLOOD_A + FLOOD_B)
    calls = {"n": 0}
    original = Ingest.commit_batch

    def failing(self, batch):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("power cut")
        return original(self, batch)

    with Store.open(tmp_path / "t.db") as store:
        monkeypatch.setattr(Ingest, "commit_batch", failing)
        with pytest.raises(RuntimeError):
            store.ingest_paths([str(data)], batch_size=2)
        assert store.counts()["articles"] == 2
        monkeypatch.setattr(Ingest, "commit_batch", original)
        report = store.ingest_paths([str(data)], batch_size=2)
        assert (report.new, report.duplicates) == (1, 2)
        [story] = store.list_stories()
        assert story["n_articles"] == 3


def test_lost_grouping_state_is_rebuilt_with_same_story_ids(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", FLOOD_A + ELECTION[:1])
    write_jsonl(tmp_path / "b.jsonl", FLOOD_B)
    with Store.open(tmp_path / "t.db") as store:
        store.ingest_paths([str(tmp_path / "a.jsonl")])
        flood = store.article("banjir-1")["story_id"]
        election = store.article("pemilu-1")["story_id"]
        with store.db.transaction():
            store.db.run("DELETE FROM grouper")
        report = store.ingest_paths([str(tmp_path / "b.jsonl")])
        assert report.regrouped and report.new == 1
        assert store.article("banjir-3")["story_id"] == flood
        assert store.article("pemilu-1")["story_id"] == election


def test_same_person_one_entity_across_stories(tmp_path):
    write_jsonl(tmp_path / "e.jsonl", ELECTION)
    with Store.open(tmp_path / "t.db") as store:
        store.ingest_paths([str(tmp_path / "e.jsonl")])
        s1, s2 = (store.article(a)["story_id"] for a in ("pemilu-1", "pemilu-2"))
        assert s1 != s2  # three months apart: two stories
        [hasyim] = [e for e in store.entities(query="hasyim") if e["type"] == "PER"]
        assert hasyim["n_stories"] == 2 and hasyim["n_statements"] == 2
        page = store.entity(hasyim["key"])
        assert [st["story_id"] for st in page["statements"]] == [s1, s2]  # by date
        assert [st["published"] for st in page["statements"]] == ["2024-03-06", "2024-06-20"]
        assert json.dumps(page)  # plain JSON
        assert store.entity("per-nobody") is None


def test_outdated_analysis_is_redone_from_stored_input(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", FLOOD_A)
    with Store.open(tmp_path / "t.db") as store:
        store.ingest_paths([str(tmp_path / "a.jsonl")])
        [story] = store.list_stories()
        before = store.story_dossier(story["id"])
        with store.db.transaction():
            store.db.run("UPDATE articles SET analysed_version = 'telaah 0.0.0', analysed = NULL")
            store.db.run("UPDATE stories SET stale = 1")
        assert store.refresh() == [story["id"]]
        assert store.story_dossier(story["id"]) == before
        from telaah.store.ingest import analysis_version
        versions = {r[0] for r in store.db.query("SELECT analysed_version FROM articles")}
        assert versions == {analysis_version()}
