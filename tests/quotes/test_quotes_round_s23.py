"""Speakers from an analyst's probe (session 23, probe 9), through the whole pipeline: an office
of a place or a firm's branch is no person's name, a title inside another person's role is not
theirs, the outlet's own sourcing has no speaker, a rank's period is no part of a name, and
"ujarnya" after "pihaknya" is the person who spoke for that side."""
from __future__ import annotations

from datetime import date

import pytest

from telaah.analyze import analyze_articles
from telaah.document import Article
from telaah.pipeline import Options


def _quotes(text: str):
    article = analyze_articles([Article(id="a", text=text, published=date(2026, 11, 5))],
                               Options(workers=1)).articles[0]
    return [(article.text[q.start:q.end], q.speaker) for q in article.quotes]


def _speaker_of(text: str, content: str):
    return next(sp for said, sp in _quotes(text) if content in said)


@pytest.mark.parametrize("text, content, speaker", [
    # an office of a province, no person called "Jawa Tengah"
    ("Aksi itu berakhir ricuh. Sekretaris Daerah Provinsi Jawa Tengah enggan berkomentar saat dicegat "
     "wartawan seusai rapat.", "saat dicegat", "Sekretaris Daerah Provinsi Jawa Tengah"),
    # a firm's branch office, no person called "Cabang Kayangan"
    ("Penyeberangan tetap berjalan normal dengan enam kapal, kata Manajer Usaha PT ASDP Indonesia Ferry "
     "Cabang Kayangan.", "Penyeberangan tetap", None),
    # an abbreviated rank with its period: the name starts after it
    ("Juru bicara kepolisian provinsi, Kombes. Daniel Manurung, mengatakan nakhoda ditetapkan sebagai tersangka.",
     "nakhoda ditetapkan", "Daniel Manurung"),
])
def test_speaker_names(text, content, speaker):
    sp = _speaker_of(text, content)
    if speaker is None:
        assert "Cabang Kayangan" != sp.text
    else:
        assert sp.text == speaker


def test_the_title_in_a_lawyers_role_is_not_his():
    text = ("Bupati Sungai Rayan, Ridwan Saputra, melaporkan Koordinator LPAD ke Polda Kalbar. Laporan itu "
            "disampaikan melalui kuasa hukum Bupati, Marthin Sitorus. \"Semua tuduhan itu tidak berdasar,\" "
            "kata Marthin.\n\nBupati yang akrab disapa Bang Iwan itu sebelumnya berulang kali membantah "
            "menerima uang dari PT Bumi Rayan Konstruksi.")
    sp = _speaker_of(text, "menerima uang dari PT Bumi")
    assert "Marthin" not in sp.text and "Ridwan" in sp.text


def test_information_gathered_by_the_outlet_has_no_speaker():
    text = ("Informasi yang dihimpun menyebutkan, Kejaksaan Negeri Sungai Rayan telah memeriksa Kepala Dinas "
            "PUPR, Benediktus Anyang, pada Senin (2/11).")
    assert not [sp for said, sp in _quotes(text) if "Kejaksaan Negeri" in said and sp and sp.text == "Informasi"]


def test_a_subject_after_a_gathered_phrase_still_speaks():
    text = "Terlepas dari hasil seri yang didapat, Klopp mengakui bahwa timnya menunjukkan semangat juang."
    assert _speaker_of(text, "timnya menunjukkan").text == "Klopp"


def test_ujarnya_after_pihaknya_is_the_person():
    text = ("Kepala Kantor SAR Kendari, Muhammad Arfan Tasrif, mengatakan tim masih mencari 29 penumpang.\n\n"
            "Menurut Arfan, saat kejadian cuaca di lokasi buruk. Namun, pihaknya belum bisa memastikan "
            "penyebab tenggelamnya kapal tersebut.\n\n"
            "\"Kami belum bisa memastikan penyebabnya, apakah karena cuaca atau faktor lain,\" ujarnya.")
    assert "Arfan" in _speaker_of(text, "Kami belum bisa memastikan").text


@pytest.mark.parametrize("text, speaker", [
    # a title's abbreviation after a postposed cue keeps the name that follows it (probe 10)
    ('"Kami masih menunggu hasil uji laboratorium," kata Dr. Yuliana Pratiwi, ahli kimia.', "Yuliana Pratiwi"),
    ('"Klien kami hanya sopir yang disewa," kata Dr. Frans Sihombing, S.H., M.H., kuasa hukum tersangka.',
     "Frans Sihombing"),
    ('"Perusahaan lalai menyimpan bahan kimia," kata juru bicara Polda Jawa Timur, Kombes Pol. Rudi Santosa '
     'Harahap, kepada wartawan.', "Rudi Santosa Harahap"),
])
def test_a_title_abbreviation_after_the_cue(text, speaker):
    assert [sp.text for _, sp in _quotes(text)] == [speaker]


def test_the_one_told_is_not_the_company_described_later():
    """"kata X kepada Reuters. Perusahaan membantah …": the company is PT …, not the agency told."""
    text = ("Gudang milik PT Kencana Kimia Sentosa meledak pada Rabu malam. \"Kami menduga ada kelalaian,\" kata "
            "kepala polisi setempat Hendra Wiratmaja kepada Reuters.\n\nPerusahaan membantah telah melanggar aturan "
            "penyimpanan. Dalam pernyataan tertulis, perusahaan itu mengatakan stok di gudang hanya sekitar 8 ton.")
    assert _speaker_of(text, "melanggar aturan").text == "PT Kencana Kimia Sentosa"
    assert _speaker_of(text, "sekitar 8 ton").text == "PT Kencana Kimia Sentosa"


@pytest.mark.parametrize("text, stance", [
    # "bukan X, itu Y" corrects X by Y: the accuser's words, no denial (probe 10); since session
    # 27 (probe 12) a Y that names a wrongdoing accuses
    ("Itu bukan salah ketik, itu penggelembungan yang sistematis.", "accuse"),
    ("Ini bukan musibah, itu kelalaian.", "accuse"),
    ("Ini bukan musibah, itu ujian.", "assert"),
    # the flat rejections stay denials
    ("Bukan saya, itu mereka.", "deny"),
    ("Bukan itu.", "deny"),
    ("Bukan saya yang mengambil uang itu.", "deny"),
])
def test_a_correction_restarted_with_itu(text, stance):
    from telaah.quotes import opening_stance

    assert opening_stance(text, 0, len(text)) == stance
