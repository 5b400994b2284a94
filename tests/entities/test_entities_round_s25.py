"""Session 25 (probe 11): a title with its dot before a span, or an academic degree after it,
makes the span a person, unless the word before the title names an institution or a street
after the person. Sentences written for these tests."""
from __future__ import annotations

import pytest

from telaah.analyze import analyze_texts


def _entities(*texts: str) -> dict[str, str]:
    return {e["name"]: e["type"] for e in analyze_texts(list(texts))["entities"]}


@pytest.mark.parametrize("text,name,typ", [
    ("Kepala Dinas Kesehatan (Dinkes) Kabupaten Wanasari dr. Heru Prasetyo, M.Kes. mengatakan para siswa mual.",
     "Heru Prasetyo", "PER"),
    ("Korban dirawat di RSUD dr. Soetomo Surabaya sejak Senin.", "Soetomo Surabaya", "LOC"),
    ("Kecelakaan terjadi di Jalan Dr. Sutomo, Kota Medan, kata polisi.", "Jalan Dr. Sutomo", "LOC"),
])
def test_a_title_or_a_degree_marks_a_person(text, name, typ):
    found = _entities(text)
    assert found.get(name) == typ, found
