"""Speakers and stances from analysts' probes (session 25, probes 10 and 11), through the whole
pipeline: a province set off after a place ("… di Kabupaten Kubu Raya, Kalimantan Barat,
membantah") is no appositive name, an office described by where it is stays a description,
untranslated office words are roles, a disowned fault denies, and site chrome says nothing."""
from __future__ import annotations

from datetime import date

import pytest

from telaah.analyze import analyze_articles
from telaah.document import Article
from telaah.pipeline import Options


def _quotes(text: str):
    article = analyze_articles([Article(id="a", text=text, published=date(2026, 11, 5))],
                               Options(workers=1)).articles[0]
    return article.quotes


def _speakers(text: str) -> list[tuple[str, str]]:
    return [(q.speaker.text, q.speaker.kind) for q in _quotes(text) if q.speaker]


@pytest.mark.parametrize("sentence,speaker", [
    ("Kuasa hukum salah satu tersangka kasus penyelundupan sabu di Kabupaten Kubu Raya, Kalimantan Barat, "
     "membantah kliennya merupakan bagian dari jaringan narkoba internasional.",
     ("Kuasa hukum salah satu tersangka kasus penyelundupan sabu", "description")),
    ("Kuasa hukum salah satu tersangka kasus penyelundupan sabu di Kabupaten Kubu Raya membantah kliennya "
     "merupakan bagian dari jaringan narkoba.",
     ("Kuasa hukum salah satu tersangka kasus penyelundupan sabu", "description")),
    # a name set off after an office with a place stays the speaker
    ("Kepala Dinas Kesehatan Kota Medan, dr. Taufik Hidayat, mengatakan kasus itu sudah ditangani.",
     ("Taufik Hidayat", "named")),
    ("Bupati Kabupaten Kubu Raya, Muda Mahendrawan, membantah tudingan itu.", ("Muda Mahendrawan", "named")),
])
def test_a_province_after_a_place_is_no_name(sentence, speaker):
    assert _speakers("Judul Berita\n\nPONTIANAK - " + sentence) == [speaker]


@pytest.mark.parametrize("sentence,speaker,role", [
    ("Corporate Communication Manager PT KKS, Lidya Maharani, menyatakan seluruh kegiatan telah sesuai izin.",
     "Lidya Maharani", "Corporate Communication Manager PT KKS"),
    ("Vice President Legal Relation Pertamina EP Yodi Priyatna mengatakan target produksi tercapai.",
     "Yodi Priyatna", "Vice President Legal Relation Pertamina EP"),
])
def test_untranslated_office_words_are_roles(sentence, speaker, role):
    quotes = _quotes("Judul Berita\n\nJAKARTA - " + sentence)
    assert [(q.speaker.text, q.speaker.role) for q in quotes] == [(speaker, role)]


def _stances(text: str) -> list[str]:
    return [q.stance for q in _quotes("Judul Berita\n\nJAKARTA - " + text)]


@pytest.mark.parametrize("sentence,stances", [
    # probe 11: the speaker's side, named first, disowns a fault imputed to it
    ('"Klien kami tidak lalai. Bisa saja makanan tercemar dalam perjalanan," ujar Bambang.', ["deny"]),
    ('"Kami tidak ceroboh," kata Sutinah.', ["deny"]),
    ('"Pemerintah tidak lalai," kata Budi.', ["assert"]),  # a subject of its own: no side named
    # too early to say declines to confirm
    ('"Terlalu dini untuk menyimpulkan penyebab kecelakaan," kata Cengiz.', ["unconfirmed"]),
    ('"Masih terlalu dini untuk menyimpulkan apa pun," kata Cengiz.', ["unconfirmed"]),
])
def test_stances_from_probe_11(sentence, stances):
    assert _stances(sentence) == stances


def test_no_statement_in_site_chrome():
    """Probe 11: a video prompt after a quote was read as the quote's continuation."""
    text = ("Polisi belum tetapkan tersangka\n\nWanasari - Polres Wanasari telah memeriksa tujuh saksi.\n\n"
            "\"Kami masih menunggu keterangan ahli. Belum ada tersangka,\" kata Kasat Reskrim AKP Yudha Pratama.\n\n"
            "(ygp/rih)\n\nSimak Video \"Detik-detik Siswa Dievakuasi ke RSUD Wanasari\"\n[Gambas:Video Warta Jateng]\n")
    assert [q.text for q in _quotes(text)] == ["Kami masih menunggu keterangan ahli. Belum ada tersangka"]
