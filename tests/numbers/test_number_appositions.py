"""Figures after a dateline, ages in apposition, short verbs and times of day after "orang",
and "more than" said with a verb (session 13, from an analyst's probe of a ferry sinking and an
election written as wire copy; the sentences here are invented in the same shapes)."""
from __future__ import annotations

import pytest

from telaah.document import Sentence
from telaah.numbers import extract_numbers


def claims(text):
    return [(c.text, c.value, c.low, c.unit) for c in extract_numbers(text, [Sentence("s", 0, len(text), 0)])]


@pytest.mark.parametrize("text, expected", [
    # a dateline the sentence splitter kept: the number word after the dash opens the report
    ("SURABAYA, JAWA POS - Puluhan warga terluka dalam kebakaran itu.",
     [("Puluhan warga", None, 10, "warga")]),
    ("Medan, Harian Sumut – Tiga orang tewas tertimbun longsor.", [("Tiga orang", 3, None, "orang")]),
    ("GARUT, KABAR PRIANGAN — Sedikitnya 40 rumah rusak.", [("Sedikitnya 40 rumah", 40, 40, "rumah")]),
    # a capitalised number word inside a sentence is still a name, not a figure
    ("Warga Kampung Tiga Ratus ikut mengungsi.", []),
])
def test_a_number_word_after_a_dateline_opens_the_sentence(text, expected):
    assert claims(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Suharto, 62, pensiunan guru asal Klaten, ikut mengungsi.", []),
    ("Rina, 7, siswi kelas dua, selamat.", []),
    # not an age: a count after a place and a comma, a year, a list
    ("Di Bekasi, 12 orang ditangkap.", [("12 orang", 12, None, "orang")]),
    ("Suharto, 1.500, dan 200 orang hadir.", [("1.500", 1500, None, None), ("200 orang", 200, None, "orang")]),
])
def test_an_age_set_off_by_commas_after_a_name_is_not_a_figure(text, expected):
    assert claims(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sekitar 3.000 orang ikut dalam pawai itu.", [("Sekitar 3.000 orang", 3000, None, "orang")]),
    ("Ada tiga ratus lebih orang pagi itu.", [("tiga ratus lebih orang", 300, 300, "orang")]),
    ("Saya kira ada 40 orang malam itu.", [("40 orang", 40, None, "orang")]),
    ("Sebanyak dua orang warga terluka.", [("dua orang warga", 2, None, "warga")]),  # a noun still counts
])
def test_a_short_verb_or_a_time_of_day_after_orang_is_not_the_counted_noun(text, expected):
    assert claims(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Jumlah penumpang jauh melebihi 50 orang.", [("jauh melebihi 50 orang", 50, 50, "orang")]),
    ("Jumlahnya jauh lebih banyak dari 300.", [("jauh lebih banyak dari 300", 300, 300, None)]),
    ("Anggaran itu melebihi Rp 5 miliar.", [("melebihi Rp 5 miliar", 5e9, 5e9, "IDR")]),
])
def test_exceeding_said_with_a_verb_is_a_lower_bound(text, expected):
    assert claims(text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 25 (probe 11): a figure before two slashes heads a case or letter number
    ("Gugatan dengan nomor perkara 87/Pdt.G/2026/PN Cgn didaftarkan oleh 12 warga.", [("12 warga", 12, None, "warga")]),
    ("Surat Keputusan 12/KPTS/2026 diterbitkan.", []),
    # one slash before a unit is a rate, still a figure
    ("Harga cabai Rp80.000/kg.", [("Rp80.000/kg", 80000, None, "IDR")]),
])
def test_a_reference_number_is_no_figure(text, expected):
    assert claims(text) == expected
