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
    # (session 26) the whole hospital is the place (was "Soetomo Surabaya")
    ("Korban dirawat di RSUD dr. Soetomo Surabaya sejak Senin.", "RSUD dr. Soetomo Surabaya", "LOC"),
    ("Kecelakaan terjadi di Jalan Dr. Sutomo, Kota Medan, kata polisi.", "Jalan Dr. Sutomo", "LOC"),
])
def test_a_title_or_a_degree_marks_a_person(text, name, typ):
    found = _entities(text)
    assert found.get(name) == typ, found


# Session 26: the recogniser reads how often a word is capitalised in unlabelled news
# (model/casing.tsv), so a name news repeats daily is a name even where its word cluster is
# that of the nouns beside it; short titles before a name and bare province forms.
@pytest.mark.parametrize("text,name,typ", [
    ("Jaksa menganggap Ahok melanggar Pasal 156 KUHP.", "Basuki Tjahaja Purnama", "PER"),  # the nickname's person
    ("Terdakwa kasus penistaan agama Basuki Tjahaja Purnama alias Ahok dituntut 1 tahun penjara.",
     "Basuki Tjahaja Purnama", "PER"),
    ("Namun, Sekretaris Daerah NTB Dr. H. Ahmad Rifa'i Sulaiman, M.Si. menyebut angka berbeda.",
     "Ahmad Rifa'i Sulaiman", "PER"),
    ("Namun, Sekretaris Daerah NTB Dr. H. Ahmad Rifa'i Sulaiman, M.Si. menyebut angka berbeda.", "NTB", "LOC"),
    ("SOROAKO - General Manager PT Vale Indonesia Budi Santoso hadir dalam rapat.", "PT Vale Indonesia", "ORG"),
])
def test_frequent_names_titles_and_province_forms(text, name, typ):
    assert _entities(text).get(name) == typ


def test_casing_table_is_shipped_and_sane():
    from telaah.entities.features import casing, casing_band

    table = casing()
    assert len(table) > 10_000 and all(0.0 <= r <= 1.0 for r in table.values())
    assert casing_band("ahok") == "all" and casing_band("polisi") in ("few", "none")
    assert casing_band("kata-yang-tidak-ada") == "unk"


@pytest.mark.parametrize("text,name,typ,absent", [
    ("Kabid Humas Polda Jawa Tengah Kombes Pol Yudhistira Pranata mengatakan hal itu.",
     "Yudhistira Pranata", "PER", "Pol Yudhistira Pranata"),
    ("Kasat Reskrim AKP Pol. Budi Santoso mengatakan hal itu.", "Budi Santoso", "PER", "Pol"),
    ("Pasangan itu unggul atas Basuki Tjahaja Purnama-Djarot Saiful Hidayat 46,9% menurut hitung cepat.",
     "Basuki Tjahaja Purnama-Djarot Saiful Hidayat", "PER", "Basuki Tjahaja Purnama-Djarot Saiful Hidayat 46,9%"),
])
def test_a_rank_service_word_or_a_figure_is_no_part_of_a_name(text, name, typ, absent):
    found = _entities(text)
    assert found.get(name) == typ and absent not in found, found


def test_a_name_found_once_is_a_mention_wherever_it_stands_in_the_article():
    from telaah.analyze import analyze_articles
    from telaah.document import Article
    from telaah.pipeline import Options

    text = ("Polisi menduga massa FPI membakar kantor itu. Kepala Bidang Humas Polda Jawa Barat Yusri Yunus "
            "menyebut massa FPI itu berjumlah sekitar 150 orang.\nFPI membantah tuduhan tersebut.")
    [article] = analyze_articles([Article(id="a1", text=text)], Options(workers=1)).articles
    hits = [m.start for m in article.mentions if m.text == "FPI"]
    assert len(hits) == text.count("FPI")
