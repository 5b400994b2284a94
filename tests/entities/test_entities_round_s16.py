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


@pytest.mark.parametrize("text, person, org", [
    # English corporate titles kept untranslated are a role, not part of a name or an organisation
    ("WEDA - Head of Corporate Communications PT SHN Meilani Hutagalung membantah perusahaan lalai.",
     "Meilani Hutagalung", None),
    ("SOROAKO - General Manager PT Vale Indonesia Budi Santoso hadir dalam rapat.",
     "Budi Santoso", "PT Vale Indonesia"),
])
def test_english_corporate_titles_are_roles(text, person, org):
    dossier = analyze_texts([text])
    people = {e["name"] for e in dossier["entities"] if e["type"] == "PER"}
    orgs = {e["name"] for e in dossier["entities"] if e["type"] == "ORG"}
    assert person in people, (people, orgs)
    assert not any("Manager" in n or "Head of" in n for n in people | orgs), (people, orgs)
    if org:
        assert org in orgs, orgs


def test_a_known_place_ends_a_long_office_before_the_name():
    dossier = analyze_texts(["TERNATE - Kepala Dinas Tenaga Kerja dan Transmigrasi Maluku Utara Fauziah Umasangaji "
                             "mengatakan pihaknya masih mencocokkan data. \"Yang pasti belasan pekerja meninggal,\" "
                             "kata Fauziah."])
    people = [e for e in dossier["entities"] if e["type"] == "PER"]
    assert [e["name"] for e in people] == ["Fauziah Umasangaji"], people
    assert len(people[0]["mentions"]) == 2


def test_a_one_word_place_inside_an_office_name_is_no_cut():
    # "Sumber" is also a place; "Menteri Energi dan Sumber Daya Mineral (ESDM)" is one office
    dossier = analyze_texts(["JAKARTA - Menteri Energi dan Sumber Daya Mineral (ESDM) Jero Wacik mengatakan "
                             "kuota BBM subsidi cukup."])
    assert [e["name"] for e in dossier["entities"] if e["type"] == "PER"] == ["Jero Wacik"]
