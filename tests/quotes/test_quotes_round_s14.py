"""Session 14: a speaker's referent when the recogniser missed or misplaced the name, and the
CLI digest's speakers. Texts are synthetic sentences written for these tests in the shape of
probe 4's problems; none is copied from an article."""
from __future__ import annotations

import io

import pytest

from telaah.analyze import analyze_texts
from telaah.cli import _story_digest

WIRE = (
    "BEOGRAD (Reuters) - Pemimpin oposisi Serbia Zoran Đukić pada hari Senin menuduh partai yang "
    "berkuasa mencurangi pemilu.\n\n"
    "Ketua komisi pemilihan Petar Ilić membantah tuduhan itu.\n\n"
    "Đukić, yang partainya meraih 30 persen suara menurut hasil awal, mengatakan pihaknya akan "
    "menggugat hasil itu ke pengadilan."
)

COMPANY = (
    "KUPANG - Kapal penumpang KM Bintang Laut tenggelam di Selat Alor pada Sabtu malam. "
    "PT Nusa Bahari Jaya selaku operator menyampaikan duka cita.\n\n"
    "Anggota DPRD NTT Markus Lede menuding operator kapal lalai.\n\n"
    "Direktur PT Nusa Bahari Jaya Yohanes Kase membantah tudingan tersebut. \"Tidak benar kapal "
    "kami lalai,\" kata Yohanes."
)


def _speaker_of(dossier: dict, needle: str) -> dict:
    text = {a["id"]: a["text"] for a in dossier["articles"]}
    return next(q["speaker"] for q in dossier["quotes"] if needle in text[q["article"]][q["start"]:q["end"]])


def test_untagged_surname_opening_a_paragraph_finds_the_named_person():
    dossier = analyze_texts([WIRE])
    first = _speaker_of(dossier, "partai yang berkuasa")
    later = _speaker_of(dossier, "menggugat hasil itu")
    assert later["text"] == "Đukić"
    assert later["entity"] is not None and later["entity"] == first["entity"]


def test_speaker_span_follows_a_name_the_company_gave_back():
    dossier = analyze_texts([COMPANY])
    denier = _speaker_of(dossier, "tudingan tersebut")
    assert denier["text"] == "Yohanes Kase"
    assert denier["role"].endswith("PT Nusa Bahari Jaya")


def test_digest_names_each_speaker_once_and_tells_accusers_from_asserters():
    dossier = analyze_texts([COMPANY])
    out = io.StringIO()
    _story_digest(dossier, out)
    lines = [line for line in out.getvalue().splitlines() if "contradiction" in line or "denial" in line]
    assert lines, out.getvalue()
    assert "accused by Markus Lede" in lines[0]
    denied = lines[0].split("denied by ", 1)[1].split(";")[0]
    assert denied.count("Yohanes") == 1, lines[0]


@pytest.mark.parametrize("sentence,content", [
    # a fault adjective makes the accused's short clause: what is said of them
    ("Anggota DPRD Budi Santoso menuding operator kapal lalai.", "operator kapal lalai"),
    ("Budi Santoso menyebut pelatih itu ceroboh.", "pelatih itu ceroboh"),
    # a bare object is no statement
    ("Budi Santoso menuding pemerintah pusat.", None),
])
def test_short_accusation_with_a_fault_predicate(sentence, content):
    found = [q["text"] for q in analyze_texts([sentence])["quotes"]]
    assert found == ([content] if content else []), found


def test_two_statements_joined_by_a_semicolon_are_two():
    """Session 15: a wire subhead "Yerevan mengatakan ...; Baku mengatakan ..." holds two speakers."""
    text = ("Bentrokan di perbatasan\n\nYerevan mengatakan pasukan Azerbaijan memulai penembakan; Baku mengatakan "
            "tiga tentaranya tewas dan menyalahkan Armenia.")
    dossier = analyze_texts([text])
    art = dossier["articles"][0]["text"]
    said = sorted((q["speaker"]["text"], art[q["start"]:q["end"]]) for q in dossier["quotes"])
    assert said == [("Baku", "tiga tentaranya tewas"), ("Yerevan", "pasukan Azerbaijan memulai penembakan")]


def test_digest_prints_who_gave_each_disputed_figure_and_when():
    texts = ["Longsor di tambang\n\nPARIGI - Kamis (1/10/2026). Sedikitnya sembilan penambang tewas tertimbun longsor "
             "di tambang emas ilegal, kata polisi.",
             "Longsor di tambang emas\n\nPARIGI - Jumat (2/10/2026). Tujuh penambang tewas tertimbun longsor "
             "di tambang emas ilegal, kata Basarnas."]
    from telaah.pipeline import Options

    options = Options()
    options.extras["one_story"] = True
    dossier = analyze_texts(texts, options=options)
    out = io.StringIO()
    _story_digest(dossier, out)
    line = next(l for l in out.getvalue().splitlines() if "disputed figure" in l)
    assert "2026-10-01" in line and "2026-10-02" in line and "[polisi, a1, 2026-10-01]" in line


def test_a_title_abbreviation_inside_a_postposed_speaker():
    """Session 15: "kata ... Kombes Pol. Yohanes Leuwol": the period of "Pol." does not end the speaker."""
    dossier = analyze_texts(["Ledakan smelter\n\nTERNATE - \"Korban luka 31 orang,\" kata Kabid Humas Polda Maluku "
                             "Utara Kombes Pol. Yohanes Leuwol dalam konferensi pers."])
    assert dossier["quotes"][0]["speaker"]["text"] == "Yohanes Leuwol"


def test_a_second_verb_after_comma_dan_and_an_adverb():
    """Session 15 (probe 6): "membantah tuduhan itu, dan sebaliknya menuduh polisi ..."."""
    dossier = analyze_texts(["Protes di Tunis\n\nTUNIS - Naji al-Kaabi membantah tuduhan itu, dan sebaliknya menuduh "
                             "polisi menembakkan peluru tajam kepada demonstran."])
    text = dossier["articles"][0]["text"]
    said = {(q["stance"], text[q["start"]:q["end"]]) for q in dossier["quotes"]}
    assert ("accuse", "polisi menembakkan peluru tajam kepada demonstran") in said


def test_our_side_did_not_do_the_deed_a_denial_names_is_a_denial():
    dossier = analyze_texts(["Protes di Tunis\n\nTUNIS - Kementerian Dalam Negeri membantah polisi menggunakan amunisi "
                             "hidup. \"Pasukan kami tidak menggunakan peluru tajam,\" kata Ben Amor dalam konferensi pers. "
                             "\"Kami tidak akan mundur,\" kata Andi."])
    stances = {q["speaker"]["text"]: q["stance"] for q in dossier["quotes"]}
    assert stances["Ben Amor"] == "deny" and stances["Andi"] == "assert"


def test_a_bare_word_for_the_organisation_is_that_organisation():
    """Session 15 (probe 5b): "Klub justru menyoroti ..." after "Manajemen Garuda Pasundan FC"."""
    dossier = analyze_texts(["Ricuh\n\nJAKARTA - Manajemen Garuda Pasundan FC membantah suporter mereka menjadi "
                             "pemicu kericuhan. Klub justru menyoroti tembakan gas air mata yang membuat puluhan "
                             "penonton sesak napas."])
    speakers = {q["speaker"]["entity"] for q in dossier["quotes"]}
    assert len(speakers) == 1 and None not in speakers


def test_a_summary_sentence_opening_with_a_pronoun_names_who_speaks():
    """Session 15: "Ia membantah ..." read out of its article; the digest says who "Ia" is."""
    from telaah.pipeline import Options

    options = Options()
    options.extras["one_story"] = True
    texts = ["Bentrokan perbatasan\n\nBAKU - Juru bicara kementerian Elchin Mammadov menuduh Armenia melakukan "
             "provokasi. Ia membantah bahwa pasukan Azerbaijan menggunakan drone.",
             "Bentrokan perbatasan\n\nYEREVAN - Juru bicara Aram Torosian menuduh pasukan Azerbaijan menembaki "
             "posisi Armenia menggunakan drone."]
    dossier = analyze_texts(texts, options=options)
    items = [i for s in dossier["stories"] for i in s["summary"] if i["text"].startswith("Ia membantah")]
    assert items and items[0]["speaker"]["text"] == "Elchin Mammadov"
    out = io.StringIO()
    _story_digest(dossier, out)
    assert "[Elchin Mammadov speaks]" in out.getvalue()


@pytest.mark.parametrize("sentence", [
    '"Soal tersangka belum bisa kami pastikan. Kami masih menunggu hasil labfor," kata Ridwan.',
    '"Soal jumlah izin, saya belum bisa sampaikan sekarang," kata Hasanuddin.',
])
def test_refusals_with_the_agent_inside_or_after_a_topic(sentence):
    """Session 15 (probes 5b and 6): both decline to confirm."""
    dossier = analyze_texts(["Judul\n\nPALU - " + sentence])
    assert [q["stance"] for q in dossier["quotes"]] == ["unconfirmed"]


@pytest.mark.parametrize("sentence,stance", [
    ('"Ini manipulasi data. Bulog sendiri bilang stoknya 1,2 juta ton," kata Darius.', "accuse"),
    ('"Ini jelas kelalaian katering," kata Asep.', "accuse"),
    ('"Itu soal manipulasi data," kata Budi.', "assert"),
])
def test_naming_what_happened_a_wrongdoing_accuses(sentence, stance):
    """Session 15 (probes 5a and 6)."""
    dossier = analyze_texts(["Judul\n\nJAKARTA - " + sentence])
    assert [q["stance"] for q in dossier["quotes"]] == [stance]
