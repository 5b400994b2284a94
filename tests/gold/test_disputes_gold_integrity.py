"""Integrity of the dispute gold (tests/gold/disputes_gold.jsonl and disputes_gold_reserved.jsonl).

The real ``s-*`` cases were annotated by hand from the article texts alone (see
DISPUTES_GUIDELINES.md). ``telaah eval disputes`` matches figure texts by substring, so a figure
that is not in the articles, a dispute with one value, a case on held-out articles or a story
left out would silently distort its recall; these checks make such damage loud. The reserved
file holds the stories whose articles belong to the blind quote set (kept out of the main file
so that the quote/conflict developers never see them).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLD_DIR = Path(__file__).resolve().parent
MAIN = GOLD_DIR / "disputes_gold.jsonl"
RESERVED = GOLD_DIR / "disputes_gold_reserved.jsonl"
STORY_FILES = (GOLD_DIR / "stories_gold.jsonl", GOLD_DIR / "stories_test_blind.jsonl")
HELDOUT_FROM = 1498867200  # 2017-07-01T00:00:00Z
CASE_KEYS = {"case", "kind", "note", "disputes", "conflicts"}
REAL_KEYS = CASE_KEYS | {"ids", "split", "agreements"}


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    return _records(MAIN) + (_records(RESERVED) if RESERVED.is_file() else [])


@pytest.fixture(scope="module")
def real(cases) -> list[dict]:
    return [c for c in cases if c["case"].startswith("s-")]


@pytest.fixture(scope="module")
def stories() -> dict[str, dict]:
    return {r["story"]: r for path in STORY_FILES for r in _records(path) if len(r["ids"]) >= 2}


def _figure_lists_ok(items: list, minimum: int) -> bool:
    return all(isinstance(d, dict) and isinstance(d.get("figures"), list) and len(d["figures"]) >= minimum
               and all(isinstance(f, str) and f.strip() for f in d["figures"]) for d in items)


def test_fields_are_valid(cases, real):
    assert len({c["case"] for c in cases}) == len(cases)
    for c in cases:
        assert CASE_KEYS <= set(c), c["case"]
        assert c["kind"] in {"composed", "indosum"} and c["note"]
        assert bool(c.get("articles")) != bool(c.get("ids")), c["case"]
        assert _figure_lists_ok(c["disputes"], 2), c["case"]
        assert all(set(k) - {"what"} == {"accuse", "deny"} and k["accuse"].strip() and k["deny"].strip()
                   for k in c["conflicts"]), c["case"]
    for c in real:
        assert set(c) == REAL_KEYS, c["case"]
        assert c["kind"] == "indosum" and c["split"] in {"dev", "test"}
        assert c["note"].startswith(f"REAL IndoSum story {c['case'][2:]}:")
        assert _figure_lists_ok(c["agreements"], 2), c["case"]
        assert all(d.get("what") for d in c["disputes"] + c["agreements"]), c["case"]


def test_one_case_per_multi_article_story(cases, real, stories):
    by_ids = {tuple(c["ids"]) for c in cases if c.get("ids")}
    assert all(tuple(s["ids"]) in by_ids for s in stories.values())  # r1/r2 cover g28/g45
    for c in real:
        story = stories[c["case"][2:]]
        assert c["ids"] == story["ids"]
        assert c["split"] == ("dev" if story["split"] == "dev" else "test")
    assert len(real) >= 40 and {c["split"] for c in real} == {"dev", "test"}


def test_ids_are_pre_july_2017(cases):
    ids = [i for c in cases for i in c.get("ids", [])]
    assert ids and all(int(i.split("-", 1)[0]) < HELDOUT_FROM for i in ids)


def test_reserved_cases_are_the_blind_quote_articles():
    if not RESERVED.is_file():
        pytest.skip("no reserved dispute cases")
    blind2 = {r["id"] for r in _records(GOLD_DIR / "quotes_test_blind2.jsonl")}
    assert all(set(c["ids"]) & blind2 for c in _records(RESERVED))
    assert not any(set(c.get("ids", [])) & blind2 for c in _records(MAIN))


@pytest.fixture(scope="module")
def texts(cases) -> dict[str, str]:
    from telaah.datasets.indosum import article_text, default_dir, load_articles

    if default_dir() is None:
        pytest.skip("../shared/data not found: the IndoSum articles sit beside the repository in CI")
    ids = sorted({i for c in cases for i in c.get("ids", [])})
    return {r["id"]: article_text(r).lower() for r in load_articles(ids)}  # a missing id raises


def test_every_text_is_verbatim_in_the_case_articles(real, texts):
    for c in real:
        for d in c["disputes"] + c["agreements"]:
            where = [{i for i in c["ids"] if f.lower() in texts[i]} for f in d["figures"]]
            assert all(where), (c["case"], d["figures"])
            assert len(set().union(*where)) >= 2, (c["case"], d["figures"])  # reported by 2+ articles
        for k in c["conflicts"]:
            accusers = {i for i in c["ids"] if k["accuse"].lower() in texts[i]}
            deniers = {i for i in c["ids"] if k["deny"].lower() in texts[i]}
            assert accusers and deniers and accusers | deniers != accusers & deniers, (c["case"], k)
