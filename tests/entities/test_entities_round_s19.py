"""Session 19: company names after a legal form ("PT", "CV"), and a company's name that the
recogniser split into a person (probe 6's smelter story). Sentences written for these tests."""
from __future__ import annotations

from telaah.analyze import analyze_texts
from telaah.document import Article, Corpus, Mention
from telaah.entities.merge import merge_entities


def _entities(*texts: str) -> dict[str, str]:
    return {e["name"]: e["type"] for e in analyze_texts(list(texts))["entities"]}


def test_the_capitalised_words_after_pt_are_the_company():
    found = _entities("Izin itu diberikan kepada PT Anugerah Harisma Barakah yang diduga bermasalah.")
    assert found.get("PT Anugerah Harisma Barakah") == "ORG", found
    assert "Anugerah Harisma Barakah" not in found, found


def test_after_a_role_the_person_follows_the_company():
    found = _entities("Direktur Utama PT Windhu Tunggal Utama Abdul Khoir divonis bersalah.")
    assert found.get("Abdul Khoir") == "PER", found


def test_a_company_split_into_a_person_is_restored_from_its_whole_name():
    corpus = Corpus([
        Article(id="a1", text="Ledakan di smelter PT Sinar Halmahera Nikel (SHN) menewaskan 13 pekerja.",
                mentions=[Mention(19, 49, "PT Sinar Halmahera Nikel (SHN)", "ORG")]),
        Article(id="a2", text="Korban ledakan smelter PT Sinar Halmahera Nikel mencapai 19 orang.",
                mentions=[Mention(32, 47, "Halmahera Nikel", "PER")]),
    ])
    merge_entities(corpus)
    assert [(e.name, e.type, len(e.mentions)) for e in corpus.entities] == [("PT Sinar Halmahera Nikel", "ORG", 2)]
    m = corpus.articles[1].mentions[0]
    assert corpus.articles[1].text[m.start:m.end] == m.text == "PT Sinar Halmahera Nikel"


def test_degrees_after_a_name_are_no_person_and_honorifics_end_no_place():
    found = _entities("Wakil Wali Kota Tegal Hj. Rina Kusumawardani, S.E., menuding PD Pasar lalai.",
                      "Kapolres AKBP Hendra Saputra, S.I.K., M.H., mengatakan SW ditahan di Mapolres.")
    assert found.get("Rina Kusumawardani") == "PER" and found.get("Hendra Saputra") == "PER", found
    assert found.get("Tegal") == "LOC" and "Tegal Hj" not in found, found
    assert not any("S.I.K." in name or name in ("S.E.", "M.H.") for name in found), found
