"""The figure pattern's word lists are written as tries; they must match as the plain
longest-first alternations do."""
from __future__ import annotations

import re

import pytest

from telaah.lang import load_table
from telaah.numbers import extract as E


def _lists():
    cur = load_table("currencies.tsv")
    units = load_table("units.tsv")
    cur_case = {r["form"] for r in cur if r["case"] == "s"}
    unit_forms = {r["form"].lower() for r in units}
    suffix_case = lambda f: f in cur_case or (f in unit_forms and (len(f) <= 2 or any(c.isupper() for c in f)))  # noqa: E731
    return [
        ([r["word"] for r in load_table("number_words.tsv")], lambda f: False, False),
        ([r["qualifier"] for r in load_table("number_qualifiers.tsv")], lambda f: False, False),
        ([r["form"] for r in cur if r["position"] in ("prefix", "both")], lambda f: f in cur_case, True),
        ([r["form"] for r in cur if r["position"] in ("suffix", "both")]
         + [r["form"] for r in units if r["kind"] in ("percent", "measure")], suffix_case, False),
    ]


@pytest.mark.parametrize("forms,case_sensitive,prefix", _lists())
def test_trie_matches_as_longest_first(forms, case_sensitive, prefix):
    boundary = r"(?![^\W\d_])" if prefix else r"(?!\w)"
    trie = E._trie_alternation(set(forms), case_sensitive, boundary)
    assert trie is not None
    plain = re.compile(f"(?:{E._longest_first(set(forms), case_sensitive, boundary)})")
    fast = re.compile(trie)
    probes = set()
    for f in forms:
        for v in (f, f.lower(), f.upper(), f.title(), f.replace(" ", "  ")):
            for tail in ("", " ", "x", "5", ".", "-an", " kubik", "s"):
                probes.add(v + tail)
                probes.add(v[:-1] + tail)
    for p in sorted(probes):
        a, b = plain.match(p), fast.match(p)
        assert (a and a.span()) == (b and b.span()), p


def test_trie_refuses_what_it_cannot_order():
    assert E._trie_alternation({"ſen", "sen"}, lambda f: False, r"(?!\w)") is None
    assert E._trie_alternation({"dolar  as"}, lambda f: False, r"(?!\w)") is None
