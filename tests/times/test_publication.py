"""Publication dates of undated articles: which date a careful reader takes, bylines and
datelines that carry a date, and a story's dates replacing a date the text only looks forward to
(analyst probe 4, session 13). Sentences are invented, of the shapes the probe found."""
from __future__ import annotations

from datetime import date

import pytest

from telaah.cleaning.blocks import BlockStage, dateline_date
from telaah.document import Article, Corpus, Sentence, Story
from telaah.pipeline import Options
from telaah.text.sentences import SentenceStage
from telaah.times import AHEAD_NOTE, StoryDateStage, TimeStage, dateline_publication, extract_times, infer_publication

TODAY = date(2026, 1, 1)


def sentences_of(text: str) -> list[Sentence]:
    """One sentence a line."""
    out, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        out.append(Sentence(f"a:s{i}", pos, pos + len(line), i))
        pos += len(line) + 1
    return out


INFERRED = [
    # a deadline still to come is no evidence of the writing day
    ("Tim SAR menemukan tiga jenazah pada Selasa (18/11/2025).\n"
     "Masa pencarian diperpanjang tiga hari hingga Jumat (21/11) atas permintaan keluarga.", "2025-11-18"),
    ("Warga mendaftar sejak Senin (10/11/2025).\nBerkas diterima paling lambat Jumat (14/11).", "2025-11-10"),
    ("Menteri mengumumkan rencana itu pada Rabu (19/11/2025).\nHarga baru berlaku mulai 1 Januari 2026.", "2025-11-19"),
    # "hingga" with what has happened by then is an as-of date, not a deadline
    ("Kapal tenggelam pada Sabtu (15/11) malam.\n"
     "Hingga Minggu (16/11) pukul 17.00, tim telah mengevakuasi 79 penumpang.", "2025-11-16"),
    # a future cue earlier in the clause
    ("Pelatih memimpin latihan terakhir pada Kamis (1/6/2017).\n"
     "Laga final akan digelar di Cardiff, Sabtu (3/6/2017).", "2017-06-01"),
    ("Panitia rapat pada Senin (12/6/2017).\nMenjelang laga final, Sabtu (17/6/2017), tiket habis.", "2017-06-12"),
    # ... but not inside the quotation before the speaker's date
    ('Penyidik menemukan bukti pada Senin (19/12/2016).\n'
     '"Kami akan memeriksa saksi lain," ujar Kapolres, Selasa (20/12/2016).', "2016-12-20"),
    # "hari ini" makes a scheduled day today
    ("Band itu tampil pada Jumat (26/5/2017).\n"
     "Konser dijadwalkan berlanjut hari ini, Sabtu (27/5/2017) mulai pukul 17.00.", "2017-05-27"),
    # "di depan" is a place, not the future
    ("Polisi menangkap 94 orang di depan Gedung DPR, Senin (13/10/2025).", "2025-10-13"),
    # a dated weekday with its year before one without
    ("Ia ditangkap Senin (17/11/2025).\nBerkasnya dilimpahkan Rabu (19/11).", "2025-11-17"),
    # the latest of equals
    ("Kapal berangkat Sabtu (15/11/2025).\nKorban dievakuasi Minggu (16/11/2025).", "2025-11-16"),
]


@pytest.mark.parametrize("text,value", INFERRED)
def test_inferred_publication_date(text, value):
    got = infer_publication(text, sentences_of(text), today=TODAY)
    assert got["value"] == value, got
    assert AHEAD_NOTE not in got["basis"]


def test_only_dates_ahead_are_used_but_marked():
    text = "Pertandingan akan digelar Minggu (18/6/2017)."
    got = infer_publication(text, sentences_of(text), today=TODAY)
    assert got["value"] == "2017-06-18" and AHEAD_NOTE in got["basis"]


def test_a_day_that_says_it_is_to_come_is_never_used():
    text = "Sidang dilanjutkan Kamis (16/3/2017) mendatang."
    assert infer_publication(text, sentences_of(text), today=TODAY) is None


def run_stages(text: str) -> Article:
    art = Article(id="x", text=text)
    for stage in (BlockStage(), SentenceStage(), TimeStage()):
        stage(art, Options())
    return art


def test_a_byline_date_dates_the_article():
    art = run_stages("Penyintas Kapal Bercerita\n\nFlobamora Pos | Senin, 17 November 2025 09.12 WITA\n\n"
                     "KALABAHI, FLOBAMORA POS - Belasan orang tewas setelah kapal karam Sabtu malam. "
                     "Yakobus ditemui di rumah sakit kemarin.\n")
    assert art.published_inferred["value"] == "2025-11-17"
    assert art.published_inferred["basis"].startswith("byline")
    [kemarin] = [t for t in art.times if t.text == "kemarin"]
    assert kemarin.value == "2025-11-16"


def test_a_staff_credit_with_a_date_dates_the_article():
    art = run_stages("Korban Bertambah\n\nPenulis: Stefanus Boli | Senin, 17 November 2025 - 18:45 WITA\n\n"
                     "Jumlah korban bertambah pada Minggu (16/11).\n")
    assert art.published_inferred["value"] == "2025-11-17"


def test_a_dated_dateline_dates_the_article():
    art = run_stages("Oposisi Tuduh Kecurangan\n\nJAKARTA, 8 Maret 2024 - Oposisi menuduh terjadi kecurangan kemarin.\n")
    assert art.published_inferred["value"] == "2024-03-08"
    assert [t.value for t in art.times if t.text == "kemarin"] == ["2024-03-07"]


def test_a_dateline_date_without_year_takes_the_year_of_the_lead_weekday():
    text = ("Oposisi Tuduh Kecurangan\n\nBEOGRAD, 17 November (Reuters) - Pemimpin oposisi pada hari Senin "
            "menuduh partai berkuasa berbuat curang dalam pemilihan hari Minggu.\n")
    art = Article(id="x", text=text)
    BlockStage()(art, Options())
    SentenceStage()(art, Options())
    assert dateline_date(art)[0] == "17 November"
    got = dateline_publication(art, today=TODAY)
    assert got["value"] == "2025-11-17" and "weekday" in got["basis"]  # 17/11/2025 is a Monday
    assert (art.dateline, art.outlet, art.credit) == ("BEOGRAD", "Reuters", "Reuters")


def test_no_dateline_date_no_dateline_publication():
    art = Article(id="x", text="Judul Berita\n\nJakarta (ANTARA) - Presiden meresmikan jembatan.\n")
    BlockStage()(art, Options())
    SentenceStage()(art, Options())
    assert dateline_date(art) is None and dateline_publication(art) is None


MON = date(2025, 11, 17)


@pytest.mark.parametrize("text,span,value", [
    # a weekday with a part of the day resolves as the bare weekday does
    ("Massa berunjuk rasa di Beograd pada Selasa malam.", "Selasa malam", "2025-11-11TNI"),
    ("Massa berunjuk rasa di Beograd pada Selasa.", "Selasa", "2025-11-11"),
    ("Misi pemantau dijadwalkan menyampaikan temuannya pada Selasa malam.", "Selasa malam", "2025-11-18TNI"),
    ("Misi pemantau dijadwalkan menyampaikan temuannya pada Selasa.", "Selasa", "2025-11-18"),
    # a call to act points the act's day forward
    ("Ia menyerukan warga untuk turun ke jalan pada Selasa malam.", "Selasa malam", "2025-11-18TNI"),
    ("Ia menyerukan warga untuk turun ke jalan pada Selasa.", "Selasa", "2025-11-18"),
    ("Bupati mengimbau warga agar mengungsi Jumat.", "Jumat", "2025-11-21"),
    # ... not a relative clause about what happened
    ("Ia meminta polisi untuk mengusut bentrokan yang terjadi Selasa.", "Selasa", "2025-11-11"),
    ("Warga berkumpul untuk berdoa pada Selasa malam.", "Selasa malam", "2025-11-11TNI"),
])
def test_weekday_resolution(text, span, value):
    [t] = [t for t in extract_times(text, sentences_of(text), MON) if t.text == span]
    assert t.value == value


def test_a_date_only_looked_forward_to_gives_way_to_the_story_dates():
    text = "Pencarian diperpanjang hingga Jumat (21/11/2025)."
    ahead = Article(id="u", text=text, sentences=sentences_of(text))
    TimeStage()(ahead, Options())
    assert AHEAD_NOTE in ahead.published_inferred["basis"]
    firm = Article(id="f", text="Kapal tenggelam.", published=date(2025, 11, 18))
    later = Article(id="g", text="Kapal tenggelam.", published=date(2025, 11, 25))
    corpus = Corpus(articles=[ahead, firm, later], stories=[Story("s1", None, ["u", "f", "g"])])
    StoryDateStage()(corpus, Options())
    # the story's date, but never after the day the article looked forward to
    assert ahead.published_inferred["value"] == "2025-11-21"
    assert "sibling" in ahead.published_inferred["basis"]


def test_a_dateline_with_region_and_date_dates_the_article_nearest_today():
    """Session 22 (probe 9): "KENDARI, Indonesia, 11 Nov (Reuters) -" is a dateline (region and
    date together), and a background year in the text ("KM Sinar Bangun pada 2018") bounds the
    year from below only: 11 Nov was a Wednesday in 2015 too."""
    text = ("Feri tenggelam di Sulawesi Tenggara\n\nKENDARI, Indonesia, 11 Nov (Reuters) - Setidaknya delapan "
            "orang tewas setelah sebuah feri tenggelam pada Selasa malam, kata polisi pada hari Rabu.\n\n"
            "Tenggelamnya KM Sinar Bangun di Danau Toba pada 2018 menewaskan lebih dari 160 orang.\n")
    art = Article(id="x", text=text)
    BlockStage()(art, Options())
    SentenceStage()(art, Options())
    assert (art.dateline, art.outlet) == ("KENDARI", "Reuters")
    got = dateline_publication(art, today=date(2026, 11, 23))
    assert got["value"] == "2026-11-11" and "weekday" in got["basis"]
