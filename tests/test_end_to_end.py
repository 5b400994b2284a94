"""The whole pipeline on the bundled examples: schema-valid, text kept, every span round-trips."""
import json

import pytest

from conftest import EXAMPLES
from telaah import analyze_paths
from telaah.dossier import check_spans, load_schema, validate
from telaah.dossier.validate import schema_errors


@pytest.fixture(scope="module")
def result():
    return analyze_paths([str(EXAMPLES)])


@pytest.fixture(scope="module")
def dossier(result):
    return result.dossier()


def test_schema_valid_and_spans_round_trip(dossier):
    assert schema_errors(dossier) == []
    assert check_spans(dossier) == []
    validate(dossier)


def test_text_preserved_exactly(dossier):
    for art in dossier["articles"]:
        src = art["source"]
        if src and src.endswith(".txt"):
            raw = open(src, "rb").read()
            try:
                expected = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                expected = raw.decode("cp1252")
            assert art["text"] == expected


def test_every_article_is_in_exactly_one_story(dossier):
    seen = [a for s in dossier["stories"] for a in s["articles"]]
    assert sorted(seen) == sorted(a["id"] for a in dossier["articles"])


def test_stages_produce_results(dossier):
    assert dossier["entities"] and dossier["quotes"] and dossier["numbers"] and dossier["times"]
    assert any(s["summary"] for s in dossier["stories"])
    for s in dossier["stories"]:
        for item in s["summary"]:
            art = next(a for a in dossier["articles"] if a["id"] == item["article"])
            sent = next(x for x in art["sentences"] if x["id"] == item["sentence"])
            assert art["text"][sent["start"]:sent["end"]] == item["text"]


def test_no_input_problems(result):
    assert result.problems == []


def test_shipped_schema_is_the_contract(shared):
    contract = json.loads((shared.parent / "spec" / "dossier.schema.json").read_text("utf-8"))
    assert load_schema() == contract


def test_sentences_lie_in_body_blocks(dossier):
    for art in dossier["articles"]:
        body = [b for b in art["blocks"] if b["kind"] in ("body", "dateline")]
        for s in art["sentences"]:
            assert any(b["start"] <= s["start"] and s["end"] <= b["end"] for b in body)


def test_time_values_are_iso_at_their_granularity():
    """DOSSIER.md: ``value`` is ISO 8601 at the stated granularity. A night ("Senin malam",
    TimeML "2024-03-04TNI") is its day; the TIMEX3 value stays in ``timex`` (probe 12)."""
    from datetime import date

    from telaah.analyze import analyze_texts

    d = analyze_texts(["Gempa terjadi Senin malam di Malatya, kata pejabat setempat."], published=date(2024, 3, 5))
    [t] = [t for t in d["times"] if t["text"] == "Senin malam"]
    assert (t["value"], t["granularity"], t["timex"]) == ("2024-03-04", "day", "2024-03-04TNI")
    for t in d["times"]:
        if t["granularity"] == "day":
            date.fromisoformat(t["value"])
