"""Session 16: transliterated Arabic names in wire copy (probe 6's protest crackdown). Synthetic
token sequences and sentences written for these tests."""
from __future__ import annotations

import pytest

from telaah.analyze import analyze_texts
from telaah.entities.recognize import _article_names


@pytest.mark.parametrize("words,spans,expected", [
    # capitalised words before a name part behind a joined article are a person
    ("Amal al-Gharbi dari LTDH mengatakan", [(3, 4, "ORG")], [(3, 4, "ORG"), (0, 2, "PER")]),
    ("Presiden Abdel Fattah el-Sisi tiba", [], [(1, 4, "PER")]),
    # an opener is no part of the name
    ("Namun Ahmed al-Tayeb menolak", [], [(1, 3, "PER")]),
    # an organisation or place the model found over the words stands
    ("Universitas al-Azhar menggelar", [(0, 2, "ORG")], [(0, 2, "ORG")]),
    # an organisation's lowercase remnant before a person is none
    ("Juru bicara kementerian Khalid bin Amor mengatakan", [(2, 3, "ORG"), (3, 6, "PER")], [(3, 6, "PER")]),
])
def test_article_names(words, spans, expected):
    assert _article_names(words.split(), spans) == expected


def _people(text: str) -> set[str]:
    dossier = analyze_texts([text])
    return {e["name"] for e in dossier["entities"] if e["type"] == "PER"}


def test_role_cued_name_reads_through_a_patronymic_linker():
    people = _people("TUNIS - Juru bicara kementerian Khalid bin Amor mengatakan petugas hanya "
                     "menggunakan gas air mata.")
    assert people == {"Khalid bin Amor"}


def test_two_spellings_of_one_spokesman_are_one_entity():
    dossier = analyze_texts([
        "TUNIS (AP) - Juru bicara pemerintah Hichem Mejri menyalahkan provokator asing.",
        "TUNIS - Juru bicara pemerintah Hisham al-Mejri kembali menyalahkan provokator asing.",
    ])
    ids = {e["id"] for e in dossier["entities"] if "Mejri" in e["name"] or any("Mejri" in a for a in e["aliases"])}
    assert len(ids) == 1, [e for e in dossier["entities"] if e["type"] == "PER"]


def test_a_name_does_not_run_in_from_the_dateline():
    dossier = analyze_texts(["Serikat Pekerja Bantah Angka Perusahaan\n\nWEDA, KABARTIMUR – Serikat Buruh Nikel "
                             "Halmahera (SBNH) menyebut korban tewas mencapai 19 orang."])
    names = {e["name"] for e in dossier["entities"]}
    assert "Serikat Buruh Nikel Halmahera" in names, names
    assert not any("KABARTIMUR" in n for n in names), names
