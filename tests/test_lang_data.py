"""Integrity of the shipped language data (dateparser-style): every file parses, is documented,
and has no duplicate rows."""
from importlib import resources

import pytest

from telaah.lang import load_json, load_lines, load_table

DATA = resources.files("telaah.lang").joinpath("id")
FILES = sorted(p.name for p in DATA.iterdir() if p.is_file() and p.name != "README.md")
README = DATA.joinpath("README.md").read_text("utf-8")


@pytest.mark.parametrize("name", FILES)
def test_file_parses(name):
    if name.endswith(".tsv"):
        rows = load_table(name)
        assert rows, f"{name} has no rows"
        assert len({tuple(r.items()) for r in rows}) == len(rows), f"{name} has duplicate rows"
    elif name.endswith(".txt"):
        assert load_lines(name)
    elif name.endswith(".json"):
        assert load_json(name) is not None


@pytest.mark.parametrize("name", FILES)
def test_file_is_documented(name):
    assert f"`{name}`" in README, f"lang/id/README.md says nothing about {name}"


def test_chrome_patterns_compile():
    from telaah.cleaning.rules import abbreviations, chrome_rules, dateline_patterns

    assert len(chrome_rules()) > 30 and dateline_patterns() and "Jl." in abbreviations()


def test_event_synonyms_name_one_concept_per_stem_and_no_stop_words():
    from telaah.lang import load_table, stopwords
    from telaah.stories.stem import stem

    seen: dict[str, str] = {}
    for row in load_table("event_synonyms.tsv"):
        form, concept = row["form"], row["concept"]
        assert form == form.lower() and " " not in form and form not in stopwords(), form
        assert seen.setdefault(stem(form), concept) == concept, f"{form}: its stem names two concepts"
