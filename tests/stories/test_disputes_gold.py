"""Disputed figures and accuse/deny pairs on the composed cases of the disputes gold."""
from datetime import date

import pytest

from telaah.analyze import analyze_articles
from telaah.document import NumberClaim
from telaah.evaluation.disputes import case_articles, load_cases, score_case
from telaah.evaluation.stories import load_gold
from telaah.stories.disputes import approx_spread, compatible


def _num(value, **kw):
    return NumberClaim(0, 1, "x", "s", value, **kw)


def test_about_seven_and_about_six_hours_disagree():
    assert approx_spread(7) == 0.5 and approx_spread(200) == 20
    assert not compatible(_num(7, approx=True), _num(6, approx=True))
    assert compatible(_num(7, approx=True), _num(7.3))
    assert compatible(_num(200, approx=True), _num(210))


@pytest.fixture(scope="module")
def composed():
    cases = [c for c in load_cases() if c["kind"] == "composed"]
    return [(c, analyze_articles(case_articles(c))) for c in cases]


def test_every_expected_dispute_and_conflict_is_surfaced(composed):
    for case, corpus in composed:
        result = score_case(case, corpus)
        assert all(result["disputes"]), case["case"]
        assert all(result["conflicts"]), case["case"]
        assert result["false_disputes"] == 0, case["case"]


def test_dispute_reports_carry_source_speaker_date_in_date_order(composed):
    case, corpus = composed[0]
    dispute = next(d for s in corpus.stories for d in s.number_disputes if "orang" in d["reports"][0]["text"])
    dates = [r["date"] for r in dispute["reports"]]
    assert dates == sorted(dates)
    assert {r["source"] for r in dispute["reports"]} == {"antaranews", "kompas"}
    assert all("speaker" in r for r in dispute["reports"])


def test_claim_is_a_short_phrase_within_one_clause(composed):
    for _, corpus in composed:
        for story in corpus.stories:
            for conflict in story.claim_conflicts:
                claim = conflict["claim"]
                assert "." not in claim and '"' not in claim
                assert 3 <= len(claim.split()) <= 12
                assert claim.split()[0].lower() not in {"kami", "kita", "saya", "dia", "ia", "yang", "dan"}


def test_gold_sets_respect_the_held_out_rule():
    for case in load_cases():
        assert case["kind"] in ("composed", "indosum")
        if case["kind"] == "composed":
            assert case["note"].startswith("COMPOSED")
        for aid in case.get("ids") or []:
            assert int(aid.split("-")[0]) < 1498867200
    multi = [r for r in load_gold() if len(r["ids"]) > 1]
    assert len(multi) >= 40
    assert date(2017, 7, 1)  # the cut-off the ids above are checked against
