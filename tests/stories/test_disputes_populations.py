"""Who is counted, and parts of a count (session 12, from an analyst's probe of a protest and
a cross-border strike written as wire copy)."""
from datetime import date

import pytest

from telaah.stories.disputes import population
from telaah.document import NumberClaim
from test_disputes_tolls import _story
from telaah.stories.disputes import find_disputes


def _heads(corpus, story):
    return {(d["head"], tuple(sorted(r["value"] if r["value"] is not None else -1 for r in d["reports"])))
            for d in find_disputes(corpus, story)}


@pytest.mark.parametrize("unit,object_,expected", [
    ("militan", "militan", "militants"),
    ("warga", "warga sipil", "civilians"),
    ("personel", "personel polisi luka-luka", "police"),
    ("mahasiswa", "mahasiswa", "students"),
    ("orang", "orang tewas", None),
    ("warga", "warga", None),
])
def test_population_of_a_count(unit, object_, expected):
    n = NumberClaim(0, 1, "1", None, 1.0, unit=unit, object=object_)
    assert population(n) == expected


def test_a_toll_of_two_populations_compares_each_with_its_own():
    corpus, story = _story(
        (date(2025, 10, 16), "Serangan udara Turki di Suriah utara menewaskan 12 militan, kata kementerian. "
                             "SDF mengatakan serangan itu menewaskan 15 warga sipil."),
        (date(2025, 10, 17), "Serangan udara Turki di Suriah utara menewaskan lebih dari selusin orang, "
                             "termasuk sembilan warga sipil, tewas dalam serangan itu, kata SOHR."),
    )
    disputes = find_disputes(corpus, story)
    assert [sorted(r["value"] for r in d["reports"]) for d in disputes] == [[9, 15]]  # civilians only


def test_injured_police_are_not_injured_students():
    corpus, story = _story(
        (date(2025, 10, 13), "Demo di depan DPR ricuh. Sebanyak 27 personel polisi luka-luka, sementara "
                             "delapan mahasiswa mengalami luka ringan."),
        (date(2025, 10, 14), "Demo di depan DPR ricuh. BEM SI mencatat 46 mahasiswa luka-luka."),
    )
    assert _heads(corpus, story) == {("injured", (8, 46))}


def test_arrests_with_the_verb_before_a_part_and_a_running_count():
    corpus, story = _story(
        (date(2025, 10, 13), "Polda Metro Jaya menangkap 94 orang dalam demo di depan DPR."),
        (date(2025, 10, 14), "Polda Metro Jaya memperbarui jumlah orang yang ditangkap dalam demo di depan DPR. "
                             "Hingga Selasa siang, jumlahnya bertambah menjadi 112 orang. "
                             "Polisi mengatakan 18 orang lainnya ditangkap di Slipi."),
        (date(2025, 10, 15), "Menurut data polisi, dalam demo di depan DPR sebanyak 112 orang ditangkap "
                             "dan 73 di antaranya telah dipulangkan."),
    )
    assert _heads(corpus, story) == {("arrested", (94, 112, 112))}


def test_a_dozen_is_a_number():
    corpus, story = _story(
        (date(2025, 10, 16), "Serangan udara di Suriah utara menewaskan 15 orang, kata SDF."),
        (date(2025, 10, 17), "Serangan udara di Suriah utara menewaskan lebih dari selusin orang."),
        (date(2025, 10, 17), "Serangan udara di Suriah utara menewaskan dua lusin orang."),
    )
    (dead,) = find_disputes(corpus, story)
    assert sorted(r["low"] or r["value"] for r in dead["reports"]) == [12, 15, 24]
