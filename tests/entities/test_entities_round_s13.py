"""Session 13: entity spans and merging on wire copy and protest news (a student protest at a
parliament, wire copy on a cross-border strike). Every case is a synthetic sentence written
for this test in the shape of the probe's problem; none is copied from an article.
Recognition cases run the shipped model or the span rules on fixed spans; merging cases build
mentions by hand, so they test the merging rules alone."""
from __future__ import annotations

import pytest

from telaah.analyze import analyze_texts
from telaah.document import Corpus, Sentence
from telaah.entities.merge import merge_entities
from telaah.entities.recognize import _join_domains, _refine_spans, rank_len_at, recognize
from telaah.text.tokens import text_tokens

from test_entities_round_s12 import article, entity_of  # one-sentence articles with given mentions


def mentions_of(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.type, m.role) for m in recognize(text, [Sentence("t:s1", 0, len(text), 0)])]


def tokens(text: str) -> list[str]:
    return text_tokens(text).between(0, len(text))[1]


# --------------------------------------------------------------------------- ranks and roles


@pytest.mark.parametrize("text,start,length", [
    ("Kombes Pol Budi", 0, 2),
    ("Kombes Pol . Budi", 0, 3),  # "Pol." as the tokeniser splits it
    ("AKBP Budi", 0, 1),
    ("Ajun Komisaris Besar Polisi Budi", 0, 4),
    ("Jenderal TNI ( Purn ) Budi", 0, 5),
    ("Kolonel Inf Budi", 0, 2),
    # a word that is a rank only with a service word: "Direktorat Jenderal Pajak" is an office
    ("Direktorat Jenderal Pajak", 1, 0),
    ("Mayor Budi", 0, 0),
    ("kombes Budi", 0, 0),  # lower case: running text, no title
])
def test_rank_length(text, start, length):
    assert rank_len_at(text.split(), start, len(text.split())) == length


# (sentence, the office's organisation, PER expected, words the role must hold)
RANK_CASES = [
    # the rank glued to the organisation goes to the person's role
    ("Hal itu disampaikan Kabid Humas Polda Jawa Tengah Kombes Pol Budi Hartanto di Semarang, Selasa.",
     "Polda Jawa Tengah", "Budi Hartanto", ("Kabid Humas", "Kombes Pol")),
    ('"Situasi sudah kondusif," kata Kepala Bidang Humas Polda Sulawesi Selatan Kombes Pol Hendra '
     'Gunawan kepada wartawan.', "Polda Sulawesi Selatan", "Hendra Gunawan", ("Kepala Bidang Humas", "Kombes Pol")),
]


@pytest.mark.parametrize("sentence,org,person,role_words", RANK_CASES)
def test_a_rank_is_part_of_the_role_not_of_the_organisation(sentence, org, person, role_words):
    found = mentions_of(sentence)
    assert not any("Kombes" in t for t, ty, _ in found if ty in ("ORG", "LOC")), found
    roles = [r for t, ty, r in found if (t, ty) == (person, "PER")]
    assert roles and all(w in roles[0] for w in (org, *role_words)), found


@pytest.mark.parametrize("words,spans,expected", [
    # the model glued the rank to the organisation ("Polda ... Kombes Pol" ORG)
    ("kata Kabid Humas Polda Jawa Tengah Kombes Pol Budi Hartanto , Senin .", [(3, 8, "ORG"), (8, 10, "PER")],
     [(3, 6, "ORG"), (8, 10, "PER")]),
    # ... or the rank and the name: the name after the rank is the person
    ("kata Kabid Humas Polda Jawa Tengah Kombes Pol Budi Hartanto , Senin .", [(3, 10, "ORG")],
     [(3, 6, "ORG"), (8, 10, "PER")]),
    # "Jenderal" inside an office's name is no rank
    ("kata Direktorat Jenderal Pajak Kementerian Keuangan .", [(1, 4, "ORG"), (4, 6, "ORG")],
     [(1, 4, "ORG"), (4, 6, "ORG")]),
])
def test_a_rank_ends_an_organisation_span(words, spans, expected):
    assert _refine_spans(words.split(), spans) == expected


def test_a_role_alone_is_no_person():
    # spans fixed as the model tags one outlet's copy: "Kabid Humas" PER before the ORG
    words = tokens("kata Kabid Humas Polda Jawa Tengah Kombes Pol Budi Hartanto , Senin .")
    out = _refine_spans(words, [(1, 3, "PER"), (3, 8, "ORG"), (8, 10, "PER")])
    assert out == [(3, 6, "ORG"), (8, 10, "PER")]


# --------------------------------------------------------------------------- glued acronyms

# (sentence, ORG expected, PER expected, role expected)
GLUED_CASES = [
    ("Tuduhan itu dibantah Koordinator Pusat GMNI Ahmad Fauzi dalam jumpa pers di Bandung, Rabu.",
     "GMNI", "Ahmad Fauzi", "Koordinator Pusat GMNI"),
    ("Juru bicara YPG Serhat Demir mengatakan kepada wartawan bahwa tiga warga tewas.",
     "YPG", "Serhat Demir", "Juru bicara YPG"),
]


@pytest.mark.parametrize("sentence,org,person,role", GLUED_CASES)
def test_an_organisation_acronym_glued_to_a_person_is_split(sentence, org, person, role):
    found = mentions_of(sentence)
    assert (org, "ORG", None) in found, found
    assert (person, "PER", role) in found, found
    assert not any(org in t for t, ty, _ in found if ty == "PER"), found


@pytest.mark.parametrize("words,spans,expected", [
    # capitals before a name: an organisation, then the person
    ("kata BKM JB Ahmad Fauzi .", [(1, 5, "PER")], [(1, 3, "ORG"), (3, 5, "PER")]),
    # two capitals are often initials ("HM Prasetyo"): left alone
    ("kata HM Prasetyo .", [(1, 3, "PER")], [(1, 3, "PER")]),
    # a rank is no organisation
    ("kata AKBP Ahmad Fauzi .", [(1, 4, "PER")], [(1, 4, "PER")]),
    # an organisation's short form takes the capitals the model left after it
    ("mahasiswa dalam BKM JB menggelar aksi .", [(2, 3, "ORG")], [(2, 4, "ORG")]),
    # ... but not a province short form ("KPU DKI" is the KPU and DKI)
    ("anggota KPU DKI menggelar rapat .", [(1, 2, "ORG")], [(1, 2, "ORG")]),
])
def test_glued_span_rules(words, spans, expected):
    assert _refine_spans(words.split(), spans) == expected


# --------------------------------------------------------------------------- declared names


def test_a_bracketed_short_form_declares_the_organisation_before_it():
    # a foreign short form whose letters do not fit the Indonesian name; "untuk" inside it
    found = mentions_of("Lembaga Pemantau Sungai untuk Keadilan Iklim (RWCJ) yang berbasis di London "
                        "mengatakan sedikitnya tujuh desa terendam.")
    assert ("Lembaga Pemantau Sungai untuk Keadilan Iklim (RWCJ)", "ORG", None) in found, found
    assert not any(t == "Keadilan Iklim" for t, _, _ in found), found


@pytest.mark.parametrize("words,spans,expected", [
    # initials spell a multi-word short form
    ("yang tergabung dalam Badan Koordinasi Mahasiswa Jawa Barat ( BKM JB ) menggelar aksi",
     [(6, 8, "LOC")], [(3, 12, "ORG")]),
    # the name starts where its initials spell the short form, not at the other name before "dan"
    ("Kementerian Keuangan dan Badan Pusat Statistik ( BPS ) mencatat", [(0, 2, "ORG")],
     [(0, 2, "ORG"), (3, 9, "ORG")]),
    # most bracketed short forms shorten no organisation
    ("harga Bahan Bakar Minyak ( BBM ) naik", [], []),
    # a person's name with a short form is left to the model
    ("Presiden Susilo Bambang Yudhoyono ( SBY ) datang", [(1, 4, "PER")], [(1, 4, "PER")]),
    # a name after the bracket continues it
    ("sebanyak 31 Dewan Pimpinan Daerah ( DPD ) Golkar setuju", [], []),
])
def test_declared_names(words, spans, expected):
    assert _refine_spans(words.split(), spans) == expected


# --------------------------------------------------------------------------- places, bills, domains


@pytest.mark.parametrize("words,spans,expected", [
    # the last item of a list a place cue opens is a place
    ("militan di sekitar Manbij dan Ras Alain , termasuk gudang", [(5, 7, "PER")], [(5, 7, "LOC")]),
    ("gudang di Ras Alain terbakar", [(2, 4, "PER")], [(2, 4, "LOC")]),
    # a person after "dan" with a place of their own: a reporter, not a town
    ("oleh Ali Demir di Ankara dan Budi Santoso di Depok", [(1, 3, "PER"), (4, 5, "LOC"), (6, 8, "PER"), (9, 10, "LOC")],
     [(1, 3, "PER"), (4, 5, "LOC"), (6, 8, "PER"), (9, 10, "LOC")]),
    # a comma starts a new clause, not a list item
    ("porsi saham di Indosat , Fuad mengakui", [(3, 4, "ORG"), (5, 6, "PER")], [(3, 4, "ORG"), (5, 6, "PER")]),
    # "ke" is not a place cue: "uang ke Sjahril"
    ("menyerahkan uang ke Budi Santoso .", [(3, 5, "PER")], [(3, 5, "PER")]),
])
def test_a_person_span_after_a_place_cue_is_a_place(words, spans, expected):
    assert _refine_spans(words.split(), spans) == expected


@pytest.mark.parametrize("words,spans", [
    ("Mereka menolak RUU Penyiaran Digital , yang", [(2, 5, "ORG")]),
    ("menolak Rancangan Undang-Undang ( RUU ) Penyiaran Digital yang", [(6, 8, "LOC")]),
    ("sesuai Perppu Ormas", [(2, 3, "ORG")]),
])
def test_a_law_title_is_no_entity(words, spans):
    assert _refine_spans(words.split(), spans) == []


def test_a_web_address_is_one_organisation():
    text = "BANDUNG, WARTAPASUNDAN.COM - Polres Cimahi menangkap dua orang."
    spans, words = text_tokens(text).between(0, len(text))
    fixed = _join_domains(text, spans, words, [(0, 1, "LOC"), (2, 3, "LOC"), (4, 5, "ORG"), (6, 8, "ORG")])
    assert fixed == [(0, 1, "LOC"), (2, 5, "ORG"), (6, 8, "ORG")]
    found = mentions_of(text)
    assert ("WARTAPASUNDAN.COM", "ORG", None) in found or not any("WARTAPASUNDAN" in t for t, _, _ in found), found
    assert not any(t in ("WARTAPASUNDAN", "COM") for t, _, _ in found), found


# --------------------------------------------------------------------------- merging


def test_a_multi_word_short_form_joins_the_name_it_abbreviates():
    corpus = Corpus([
        article("a1", "Aksi digelar Badan Koordinasi Mahasiswa Jawa Barat (BKM JB) kemarin.",
                [("Badan Koordinasi Mahasiswa Jawa Barat (BKM JB)", "ORG")]),
        article("a2", "BKM JB menuding polisi.", [("BKM JB", "ORG")]),
        article("a3", "Aduan dari BKM JB diterima.", [("BKM JB", "ORG")]),
    ])
    merge_entities(corpus)
    ids = {entity_of(corpus, s) for s in ("Badan Koordinasi Mahasiswa Jawa Barat (BKM JB)", "BKM JB")}
    assert len(ids) == 1
    entity = next(e for e in corpus.entities if e.id in ids)
    assert entity.name == "Badan Koordinasi Mahasiswa Jawa Barat" and "BKM JB" in entity.aliases


def test_a_foreign_short_form_declared_in_brackets_joins():
    corpus = Corpus([
        article("a1", "Pasukan Pertahanan Rakyat (PDF) yang dipimpin Kurdi membantah.",
                [("Pasukan Pertahanan Rakyat", "ORG")]),
        article("a2", "Kantor media PDF, Ali Demir, mengatakan itu.", [("PDF", "ORG"), ("Ali Demir", "PER")]),
    ])
    merge_entities(corpus)
    assert entity_of(corpus, "Pasukan Pertahanan Rakyat") == entity_of(corpus, "PDF")


def test_a_short_form_the_gazetteer_knows_otherwise_is_not_declared():
    corpus = Corpus([
        article("a1", "Kementerian Luar Negeri (AS) membantah.", [("Kementerian Luar Negeri", "ORG")]),
        article("a2", "AS mengirim kapal.", [("AS", "LOC")]),
    ])
    merge_entities(corpus)
    assert entity_of(corpus, "Kementerian Luar Negeri") != entity_of(corpus, "AS")


def test_transliterations_of_one_name_merge():
    corpus = Corpus([
        article("a1", "Juru bicara YPG Serhat Xelil mengatakan itu.", [("YPG", "ORG"), ("Serhat Xelil", "PER", "Juru bicara YPG")]),
        article("a2", "Kepala media YPG, Serhat Khalil, mengatakan itu.", [("YPG", "ORG"), ("Serhat Khalil", "PER")]),
    ])
    merge_entities(corpus)
    assert entity_of(corpus, "Serhat Xelil") == entity_of(corpus, "Serhat Khalil")


def test_a_bare_head_after_the_full_name_is_that_organisation():
    corpus = Corpus([
        article("a1", "Kementerian Pertahanan Prancis menyebut 12 militan tewas. Kementerian mengatakan jet menyerang.",
                [("Kementerian Pertahanan Prancis", "ORG"), ("Kementerian", "ORG")]),
    ])
    merge_entities(corpus)
    assert entity_of(corpus, "Kementerian") == entity_of(corpus, "Kementerian Pertahanan Prancis")
    assert [e.name for e in corpus.entities] == ["Kementerian Pertahanan Prancis"]


def test_a_bare_head_after_two_organisations_with_it_stays_apart():
    corpus = Corpus([
        article("a1", "Kementerian Pertahanan dan Kementerian Luar Negeri bertemu. Kementerian menolak.",
                [("Kementerian Pertahanan", "ORG"), ("Kementerian Luar Negeri", "ORG"), ("Kementerian", "ORG")]),
    ])
    merge_entities(corpus)
    assert len({e.id for e in corpus.entities}) == 3


# --------------------------------------------------------------------------- credits


def test_reporting_credits_are_people_but_no_speakers():
    text = ("ANKARA (Reuters) - Kementerian Pertahanan Turki mengatakan jet-jet tempur menghantam 20 sasaran "
            "di Suriah utara pada Kamis.\n\n"
            '"Operasi akan berlanjut," kata Menteri Pertahanan Yasar Guler kepada wartawan di Ankara.\n\n'
            "(Dilaporkan oleh Ahmet Yilmaz di Ankara; Ditulis oleh Daniel Brooks; Disunting oleh Mark Heinrich)")
    dossier = analyze_texts([text])
    names = {e["id"]: e["name"] for e in dossier["entities"]}
    speakers = {names.get(q["speaker"]["entity"]) for q in dossier["quotes"] if q.get("speaker")}
    assert not speakers & {"Ahmet Yilmaz", "Daniel Brooks", "Mark Heinrich"}, speakers
