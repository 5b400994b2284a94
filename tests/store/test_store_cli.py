"""The store's commands: exit codes and JSON outputs."""
import csv
import io
import json

from storekit import FLOOD_A, copy_db, examples_db, write_jsonl  # noqa: F401
from telaah.cli import main
from telaah.dossier import validate


def test_ingest_command(tmp_path, capsys):
    data = write_jsonl(tmp_path / "a.jsonl", FLOOD_A)
    db = str(tmp_path / "t.db")
    assert main(["ingest", str(data), "--db", db, "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["new"] == 2 and "read 2, new 2, duplicates 0, skipped 0, stories touched 1" in err
    assert main(["ingest", str(data), "--db", db]) == 0
    assert "new 0, duplicates 2" in capsys.readouterr().err
    assert main(["ingest", str(tmp_path / "missing.txt"), "--db", db]) == 1
    assert "E001" in capsys.readouterr().err


def test_read_commands_need_a_store(tmp_path, capsys):
    for argv in (["stories"], ["search", "x"], ["show", "s1"], ["export", "--format", "json"]):
        assert main([*argv, "--db", str(tmp_path / "none.db")]) == 1
        assert "no store at" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_stories_show_search_json(examples_db, tmp_path, capsys):
    db = str(examples_db)
    assert main(["stories", "--db", db, "--json"]) == 0
    stories = json.loads(capsys.readouterr().out)
    assert stories[0]["id"] == "s1"
    assert main(["show", "s1", "--db", db, "--json"]) == 0
    validate(json.loads(capsys.readouterr().out))
    assert main(["show", "s1", "--db", db]) == 0
    assert "== s1" in capsys.readouterr().out
    html = tmp_path / "r.html"
    assert main(["show", "s1", "--db", db, "--html", str(html)]) == 0
    assert html.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert main(["show", "s404", "--db", db]) == 1
    assert "E401" in capsys.readouterr().err
    assert main(["search", "Miryam", "--db", db, "--json", "--since", "2017-05-05"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and all(h["published"] >= "2017-05-05" for h in hits)
    assert main(["search", "***", "--db", db]) == 1
    assert "E402" in capsys.readouterr().err
    assert main(["search", '"rompi', "--db", db]) == 0


def test_export_formats(examples_db, tmp_path, capsys):
    db = str(examples_db)
    out = tmp_path / "d.json"
    assert main(["export", "--format", "json", "--db", db, "-o", str(out)]) == 0
    dossier = json.loads(out.read_text("utf-8"))
    validate(dossier)
    assert len(dossier["articles"]) == 11
    assert main(["export", "--format", "jsonl", "--story", "s1", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    validate(json.loads(lines[0]))
    assert main(["export", "--format", "csv", "--db", db]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["kind"] for r in rows} == {"statement", "figure"}
    assert all(r["story_id"] == "s1" and r["article_id"] for r in rows)
    assert main(["export", "--format", "json", "--story", "s9", "--db", db]) == 1


def test_progress_bar_and_estimate(tmp_path):
    from storekit import EXAMPLES

    from telaah.store.progress import ProgressBar, estimate_articles

    assert estimate_articles([str(EXAMPLES)]) == 11
    assert estimate_articles(["-"]) is None
    out = io.StringIO()
    bar = ProgressBar(out)
    for i in range(1, 4):
        bar(i, 3, f"a{i}")
    bar(1, 1, "story s1")
    bar.close()
    text = out.getvalue()
    assert "articles: [" in text and "3/3" in text and "stories: [" in text and text.endswith("\n")
