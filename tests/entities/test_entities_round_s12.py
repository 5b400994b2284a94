"""Session 12: entity spans and merging on multi-outlet regional news (a flood in a regency,
six local outlets). Every case is a synthetic sentence written for this test; none is copied
from an article. Recognition cases run the shipped model; merging cases build mentions by
hand, so they test the merging rules alone."""
from __future__ import annotations

import pytest

from telaah.document import Article, Corpus, Mention, Sentence
from telaah.entities.merge import merge_entities, roles_compatible
from telaah.entities.recognize import _fix_spans, is_headline_verb, recognize
from telaah.text.tokens import words as tokenize


def mentions_of(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.type, m.role) for m in recognize(text, [Sentence("t:s1", 0, len(text), 0)])]


# --------------------------------------------------------------------------- recognition

# (sentence, the PER mention expected, its role)
ROLE_CASES = [
    # a province short form glued between the office and the name goes to the role
    ('"Air mulai surut," kata Kepala Pelaksana BPBD Jabar Andi Pratama di Bandung, Senin.',
     "Andi Pratama", "Kepala Pelaksana BPBD Jabar"),
    ("Gubernur Jatim Budi Santoso mengatakan bantuan sudah dikirim.", "Budi Santoso", "Gubernur Jatim"),
    # a long office name, with a comma and "dan", ending in a known agency
    ("Kepala Pusat Data, Informasi dan Komunikasi Kebencanaan BNPB Agus Wibowo mengatakan korban bertambah.",
     "Agus Wibowo", "Kepala Pusat Data, Informasi dan Komunikasi Kebencanaan BNPB"),
    # an organisation and its region before the name
    ("Direktur Walhi Jabar Dedi Kurnia mengatakan hutan rusak.", "Dedi Kurnia", "Direktur Walhi Jabar"),
    # the office's last conjunct after "dan" is not the first name
    ("Menteri Komunikasi dan Informatika Budi Arie mengatakan itu.", "Budi Arie",
     "Menteri Komunikasi dan Informatika"),
    # an appositive comma stays out of the role
    ("kata Juru Bicara KPK, Febri Diansyah di Jakarta.", "Febri Diansyah", "Juru Bicara KPK"),
]


@pytest.mark.parametrize("sentence,name,role", ROLE_CASES)
def test_office_before_a_name_goes_to_the_role(sentence, name, role):
    found = mentions_of(sentence)
    people = [(t, r) for t, ty, r in found if ty == "PER"]
    assert (name, role) in people, found


def test_the_office_organisation_and_region_stay_mentions():
    found = mentions_of("Gubernur Jatim Budi Santoso mengatakan bantuan sudah dikirim.")
    assert ("Jatim", "LOC", None) in found


def test_a_role_does_not_reach_over_another_name_and_a_comma():
    # "Hendra" is no office word of Effendi's: the comma is neither right before the name
    # nor inside an enumeration closed by "dan"
    found = mentions_of("Hadir Ketua Lembaga Setara Hendra, Akademisi Universitas Indonesia Effendi Gazali.")
    roles = [r for t, ty, r in found if t == "Effendi Gazali"]
    assert roles and not any(r and "Hendra" in r for r in roles), found


def test_headline_verb_ends_a_name():
    found = mentions_of("Walhi Sumut Soroti Kerusakan Hutan di Hulu Batang Toru")
    assert not any("Soroti" in t for t, ty, _ in found if ty in ("PER", "ORG")), found
    assert ("Walhi Sumut", "ORG", None) in found  # a name ending in a province is no person


def test_bracket_residue_never_starts_a_mention():
    found = mentions_of("Di sisi lain, Wahana Lingkungan Hidup Indonesia (Walhi) Sumatera Utara menuding pembalakan liar.")
    assert not any(t.startswith("(") or t.startswith(")") for t, _, _ in found), found
    assert ("Wahana Lingkungan Hidup Indonesia (Walhi)", "ORG", None) in found
    assert ("Sumatera Utara", "LOC", None) in found


def test_news_agency_in_a_dateline_is_no_person():
    found = mentions_of("JAKARTA (Reuters) - Presiden Indonesia Joko Widodo mengatakan hal itu.")
    assert not any("Reuters" in t for t, ty, _ in found if ty == "PER"), found


# _fix_spans on fixed spans: the rules without the model's say
FIX_CASES = [
    # (tokens, spans in, spans out)
    ("Walhi Sumbar Soroti Kerusakan Hutan", [(0, 5, "PER")], [(0, 2, "ORG")]),
    ("Walhi Desak Audit Izin Kayu", [(0, 5, "ORG")], [(0, 1, "ORG")]),
    ("Desak Audit Izin", [(0, 3, "ORG")], []),
    ("Badan Pusat Statistik ( BPS ) Jawa Barat", [(0, 3, "ORG"), (3, 8, "LOC")],
     [(0, 6, "ORG"), (6, 8, "LOC")]),
    # a bracket that spells no acronym of the name before it is dropped, not attached
    ("Teten Masduki ( PDIP ) Jawa Barat", [(0, 2, "PER"), (2, 7, "LOC")], [(0, 2, "PER"), (5, 7, "LOC")]),
    # a bracket followed by no name is left to the bracket balancing
    ("Teten Masduki ( PDIP ) ,", [(0, 2, "PER"), (2, 6, "ORG")], [(0, 2, "PER"), (2, 6, "ORG")]),
    ("JAKARTA ( Reuters ) -", [(1, 4, "PER")], [(1, 4, "ORG")]),
    ("Kata Yudi Sumbar", [(1, 3, "PER")], [(1, 3, "ORG")]),
    ("Budi Santoso", [(0, 2, "PER")], [(0, 2, "PER")]),
]


@pytest.mark.parametrize("text,spans,expected", FIX_CASES)
def test_fix_spans(text, spans, expected):
    assert _fix_spans(text.split(), spans) == expected


def test_headline_verbs_are_listed_words_only():
    assert is_headline_verb("Soroti") and is_headline_verb("Bantah") and is_headline_verb("Tetapkan")
    assert not is_headline_verb("soroti")  # lower case: running text, not a title-case headline
    assert not is_headline_verb("Selamatkan")  # "Koalisi Selamatkan Darfur" is a name
    assert tokenize("Walhi Sumbar Soroti")[2] == "Soroti"


# --------------------------------------------------------------------------- merging


def article(aid: str, text: str, mentions: list[tuple]) -> Article:
    """One sentence; mentions are (text, type[, role]) found left to right."""
    art = Article(aid, text)
    art.sentences.append(Sentence(f"{aid}:s1", 0, len(text), 0))
    pos = 0
    for spec in mentions:
        start = text.index(spec[0], pos)
        pos = start + len(spec[0])
        art.mentions.append(Mention(start, pos, spec[0], spec[1], f"{aid}:s1", spec[2] if len(spec) > 2 else None))
    return art


def entity_of(corpus: Corpus, surface: str) -> str:
    return next(m.entity for a in corpus.articles for m in a.mentions if m.text == surface)


def test_administrative_prefix_joins_the_bare_place():
    corpus = Corpus([
        article("a1", "Banjir melanda Kabupaten Pesisir Selatan.", [("Kabupaten Pesisir Selatan", "LOC")]),
        article("a2", "Hujan turun di Pesisir Selatan dan kota Semarang.",
                [("Pesisir Selatan", "LOC"), ("kota Semarang", "LOC")]),
        article("a3", "Semarang cerah.", [("Semarang", "LOC")]),
    ])
    merge_entities(corpus)
    assert entity_of(corpus, "Kabupaten Pesisir Selatan") == entity_of(corpus, "Pesisir Selatan")
    assert entity_of(corpus, "kota Semarang") == entity_of(corpus, "Semarang")
    names = {e.name for e in corpus.entities}
    assert "Semarang" in names and "kota Semarang" not in names  # the capitalised form names it


def test_two_administrative_levels_are_two_places():
    corpus = Corpus([
        article("a1", "Kota Bogor dan Kabupaten Bogor banjir.", [("Kota Bogor", "LOC"), ("Kabupaten Bogor", "LOC")]),
        article("a2", "Bogor diguyur hujan.", [("Bogor", "LOC")]),
    ])
    merge_entities(corpus)
    ids = {entity_of(corpus, s) for s in ("Kota Bogor", "Kabupaten Bogor", "Bogor")}
    assert len(ids) == 3


def test_regional_office_joins_the_bare_organisation_when_nothing_contradicts():
    corpus = Corpus([
        article("a1", "Dinas Kehutanan Sumbar menyelidiki temuan itu.", [("Dinas Kehutanan Sumbar", "ORG")]),
        article("a2", "Di Sumatera Barat, Dinas Kehutanan diminta menuntaskan kajian.",
                [("Sumatera Barat", "LOC"), ("Dinas Kehutanan", "ORG")]),
        article("a3", "Alat berat Dinas PUPR Sumbar dikerahkan.", [("Dinas PUPR Sumbar", "ORG")]),
        article("a4", "Data PUPR Sumbar menunjukkan kerugian naik.", [("PUPR Sumbar", "ORG")]),
    ])
    merge_entities(corpus)
    assert entity_of(corpus, "Dinas Kehutanan Sumbar") == entity_of(corpus, "Dinas Kehutanan")
    assert entity_of(corpus, "Dinas PUPR Sumbar") == entity_of(corpus, "PUPR Sumbar")


def test_two_regions_keep_the_offices_apart():
    corpus = Corpus([
        article("a1", "Dinas Kehutanan Sumbar menyelidiki.", [("Dinas Kehutanan Sumbar", "ORG")]),
        article("a2", "Dinas Kehutanan Jabar menyelidiki.", [("Dinas Kehutanan Jabar", "ORG")]),
        article("a3", "Di Sumbar, Dinas Kehutanan diminta bekerja.", [("Dinas Kehutanan", "ORG")]),
    ])
    merge_entities(corpus)
    ids = {entity_of(corpus, s) for s in ("Dinas Kehutanan Sumbar", "Dinas Kehutanan Jabar", "Dinas Kehutanan")}
    assert len(ids) == 3


def test_bare_organisation_of_an_article_about_elsewhere_stays_apart():
    corpus = Corpus([
        article("a1", "Dinas Kehutanan Sumbar menyelidiki.", [("Dinas Kehutanan Sumbar", "ORG")]),
        article("a2", "Di Riau, Dinas Kehutanan memadamkan api.", [("Riau", "LOC"), ("Dinas Kehutanan", "ORG")]),
    ])
    merge_entities(corpus)
    assert entity_of(corpus, "Dinas Kehutanan Sumbar") != entity_of(corpus, "Dinas Kehutanan")


def test_acronym_declared_in_brackets_links_the_regional_office():
    corpus = Corpus([
        article("a1", "Wahana Lingkungan Hidup Indonesia (Walhi) Sumatera Barat menuding pembalakan liar.",
                [("Wahana Lingkungan Hidup Indonesia (Walhi)", "ORG"), ("Sumatera Barat", "LOC")]),
        article("a2", "Tudingan itu dilontarkan Walhi Sumbar.", [("Walhi Sumbar", "ORG")]),
        article("a3", "Walhi meminta audit izin.", [("Walhi", "ORG")]),
    ])
    merge_entities(corpus)
    ids = {entity_of(corpus, s) for s in ("Wahana Lingkungan Hidup Indonesia (Walhi)", "Walhi Sumbar", "Walhi")}
    assert len(ids) == 1
    entity = next(e for e in corpus.entities if e.id == ids.pop())
    assert entity.name == "Wahana Lingkungan Hidup Indonesia" and "Walhi Sumbar" in entity.aliases


def test_foreign_place_after_an_organisation_is_no_regional_office():
    corpus = Corpus([
        article("a1", "Mahkamah Agung Venezuela memutuskan.", [("Mahkamah Agung Venezuela", "ORG")]),
        article("a2", "Mahkamah Agung menolak kasasi.", [("Mahkamah Agung", "ORG")]),
    ])
    merge_entities(corpus)
    assert entity_of(corpus, "Mahkamah Agung Venezuela") != entity_of(corpus, "Mahkamah Agung")


def test_a_lone_word_tagged_person_takes_the_run_s_type():
    corpus = Corpus([
        article("a1", "Jalan Padang dan Painan tertutup.", [("Painan", "PER")]),
        article("a2", "Kata Ridwan di Painan dan di Painan lagi.", [("Ridwan", "PER"), ("Painan", "LOC"), ("Painan", "LOC")]),
    ])
    merge_entities(corpus)
    painan = {m.entity for a in corpus.articles for m in a.mentions if m.text == "Painan"}
    assert len(painan) == 1
    assert next(e for e in corpus.entities if e.id == painan.pop()).type == "LOC"
    assert next(m for m in corpus.articles[1].mentions if m.text == "Ridwan").type == "PER"


def test_a_name_part_stays_a_person():
    corpus = Corpus([
        article("a1", "Bupati Ridwan Syahputra membantah.", [("Ridwan Syahputra", "PER", "Bupati")]),
        article("a2", "Ridwan tiba di Ridwan dan Ridwan.", [("Ridwan", "PER"), ("Ridwan", "LOC"), ("Ridwan", "LOC")]),
    ])
    merge_entities(corpus)
    assert corpus.articles[1].mentions[0].type == "PER"


@pytest.mark.parametrize("a,b,ok", [
    ("Gubernur Sumbar", "Gubernur Sumatera Barat", True),
    ("Pak", "Menteri Pertanian", True),
    ("Gubernur Sumbar", "Gubernur Jabar", False),
    ("Wakil Presiden", "Presiden", False),
])
def test_roles_compare_with_regions_spelled_out_and_honorifics_ignored(a, b, ok):
    assert roles_compatible(a, b) is ok
