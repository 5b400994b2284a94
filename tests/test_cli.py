import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES
from telaah.cli import main

BODY = ("Presiden Joko Widodo meresmikan jembatan itu pada Senin (4/3). "
        "Jembatan itu panjangnya 1.500 meter, kata Menteri PUPR Basuki Hadimuljono.\n")


def test_analyze_writes_dossier_and_report(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Jembatan Baru\n\n" + BODY, encoding="utf-8")
    out, html = tmp_path / "d.json", tmp_path / "r.html"
    code = main(["analyze", str(tmp_path / "a.txt"), "-o", str(out), "--html", str(html),
                 "--published", "2024-03-05"])
    assert code == 0
    d = json.loads(out.read_text("utf-8"))
    assert d["schema"] == "telaah.dossier/1" and d["articles"][0]["published"] == "2024-03-05"
    assert html.read_text("utf-8").startswith("<!DOCTYPE html>")
    printed = capsys.readouterr().out
    assert "Jembatan Baru" in printed and "report:" in printed


def test_stdout_when_no_output(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    assert main(["analyze", str(tmp_path / "a.txt"), "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"][0]["id"] == "a"


def test_some_inputs_skipped_exit_1(tmp_path, capsys):
    (tmp_path / "ok.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    code = main(["analyze", str(tmp_path), "-o", str(tmp_path / "d.json"), "-q"])
    err = capsys.readouterr().err
    assert code == 1
    assert "empty.txt" in err and "E002" in err and "bin.txt" in err and "E003" in err
    d = json.loads((tmp_path / "d.json").read_text("utf-8"))
    assert [a["id"] for a in d["articles"]] == ["ok"]


def test_nothing_readable_exit_1(tmp_path, capsys):
    code = main(["analyze", str(tmp_path / "missing.txt"), "-q", "-o", str(tmp_path / "d.json")])
    assert code == 1 and "no such file" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [[], ["analyze"], ["analyze", "x.txt", "--published", "kemarin"],
                                  ["analyze", "x.txt", "--summary-sentences", "0"], ["frobnicate"]])
def test_usage_errors_exit_2(argv):
    if not argv:
        assert main(argv) == 2
        return
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2


def test_validate_command(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    main(["analyze", str(tmp_path / "a.txt"), "-o", str(tmp_path / "d.json"), "-q"])
    assert main(["validate", str(tmp_path / "d.json")]) == 0
    (tmp_path / "bad.json").write_text('{"schema": "x"}', encoding="utf-8")
    assert main(["validate", str(tmp_path / "bad.json")]) == 1


def test_console_script_on_examples(tmp_path):
    """The installed entry point, as `make demo` runs it."""
    proc = subprocess.run([sys.executable, "-m", "telaah", "analyze", str(EXAMPLES), "-o", str(tmp_path / "d.json"),
                           "--html", str(tmp_path / "r.html")], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "== s1" in proc.stdout and "report:" in proc.stdout
