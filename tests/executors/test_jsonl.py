"""JSON lines of a run (executors/jsonl.py): orjson where it can, the standard library where
orjson refuses, and the same values read back either way."""
from __future__ import annotations

import json

import pytest

from conftest import EXAMPLES
from telaah.analyze import analyze_articles
from telaah.document import Article
from telaah.executors import jsonl
from telaah.executors.records import article_of_line, record_line
from telaah.readers import read_inputs


@pytest.fixture(scope="module")
def analysed():
    return analyze_articles([x for x in read_inputs([str(EXAMPLES)]) if isinstance(x, Article)])


def test_record_lines_round_trip_and_read_as_the_standard_library_does(analysed):
    for a in analysed.articles:
        line = record_line(a)
        assert line.endswith(b"\n") and line.count(b"\n") == 1
        assert article_of_line(line) == a
        assert json.loads(line) == jsonl.loads(line)


def test_dossier_line_is_the_same_json_values(analysed):
    from telaah.dossier import to_dossier

    dossier = to_dossier(analysed)
    line = jsonl.dumps_line(dossier)
    assert json.loads(line.decode("utf-8")) == json.loads(json.dumps(dossier, ensure_ascii=False))


@pytest.mark.parametrize("value", [
    {"big": 10 ** 30},  # beyond 64 bits: orjson refuses, the standard library writes it
    {1: "a non-string key"},
    {"text": "Jakarta — “kutipan” é ✓"},
    [1.5, 1e-05, None, True, "x"],
])
def test_what_orjson_refuses_is_written_as_before(value):
    line = jsonl.dumps_line(value)
    assert line.endswith(b"\n")
    assert json.loads(line) == json.loads(json.dumps(value, ensure_ascii=False))


def test_lines_the_standard_library_wrote_still_read():
    old = (json.dumps({"v": float("nan"), "t": "é"}, ensure_ascii=False) + "\n").encode("utf-8")
    got = jsonl.loads(old)
    assert got["t"] == "é" and got["v"] != got["v"]  # NaN read as NaN, as before
    assert jsonl.loads(b'{"a": 1}\n') == {"a": 1} and jsonl.loads('{"a": 1}') == {"a": 1}
