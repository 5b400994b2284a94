"""Session 4 patterns: rejections under neutral cues, nested and agentless attribution, noun
phrases that are no statements, and speaker phrases. One table a pattern; every sentence is
written for the test (fictional people and events), not taken from a gold file.

The denial convention is in tests/gold/QUOTES_GUIDELINES.md ("Denials: one convention" and the
blind2 decisions): content that rejects a claim made or implied in the story is ``deny`` even
under a neutral cue.
"""
from __future__ import annotations

import pytest

from telaah.pipeline import Options
from telaah.quotes import QuoteStage, extract_quotes

from test_quotes_cases import article, check


def statements(text: str) -> list[tuple[str, str | None, str]]:
    art = article(text)
    QuoteStage()(art, Options())
    return [(q.text, q.speaker.text if q.speaker else None, q.stance) for q in art.quotes]


# --- a negated link, involvement or guilt rejects what the story implies: deny
REJECTIONS = [
    ("Juru bicara partai, Dani, mengatakan rapat itu tidak terkait dengan kasus suap.",
     "rapat itu tidak terkait dengan kasus suap", "Dani", "deny", False),
    ("Menurut Sinta, kebijakan itu tidak ada hubungannya dengan pemilu tahun depan.",
     "kebijakan itu tidak ada hubungannya", "Sinta", "deny", False),
    ('"Pertemuan itu urusan bisnis, tidak ada kaitannya dengan politik. Kami hanya makan siang," kata Rina.',
     "Pertemuan itu urusan bisnis", "Rina", "deny", True),
    ("Darto mengatakan, tidak ada relevansi antara audit itu dengan pergantian direksi.",
     "tidak ada relevansi antara audit itu", "Darto", "deny", False),
    ("Dalam sidang perdana, Yogi mengaku tidak bersalah atas semua dakwaan.",
     "tidak bersalah atas semua dakwaan", "Yogi", "deny", False),
    # a short flat rejection opening a quotation
    ('"Bukan terbakar, asapnya berasal dari mesin yang terlalu panas," kata Rudi.',
     "Bukan terbakar", "Rudi", "deny", True),
    # a claim called false: a verdict said of a claim noun with its demonstrative, or of an anaphor
    ('"Gugatan ini tidak memiliki dasar. Kami akan melawannya di pengadilan," ungkap Tono.',
     "Gugatan ini tidak memiliki dasar", "Tono", "deny", True),
    ('"Ada anggapan bahwa kami anti-asing. Itu dua-duanya keliru," tegas Wulan.',
     "Itu dua-duanya keliru", "Wulan", "deny", True),
    ("Sari menegaskan laporan tersebut keliru.", "laporan tersebut keliru", "Sari", "deny", False),
]


@pytest.mark.parametrize("text,content,speaker,stance,direct", REJECTIONS)
def test_rejection_is_a_denial(text, content, speaker, stance, direct):
    check(text, content, speaker, stance, direct)


# ... but not an attribute, a relative clause, a fixed phrase or an idiom
NOT_REJECTIONS = [
    ("Polisi mengatakan ledakan itu melukai warga tidak bersalah di pasar.", "ledakan itu melukai warga", "Polisi", "assert", False),
    ("Budi mengatakan pihaknya menghapus unggahan yang tidak terkait dengan acara itu.",
     "pihaknya menghapus unggahan", "Budi", "assert", False),
    ("Polisi mengatakan kabar bohong itu menyebar lewat grup percakapan.", "kabar bohong itu menyebar", "Polisi", "assert", False),
    ("Petugas mengatakan bahwa KTP itu palsu.", "KTP itu palsu", "Petugas", "assert", False),
    ('"Bukan main, penontonnya sampai ribuan orang," kata Rudi.', "Bukan main", "Rudi", "assert", True),
    ('"Bukan hanya kami yang rugi, pedagang lain juga," kata Rudi.', "Bukan hanya kami", "Rudi", "assert", True),
]


@pytest.mark.parametrize("text,content,speaker,stance,direct", NOT_REJECTIONS)
def test_no_rejection(text, content, speaker, stance, direct):
    check(text, content, speaker, stance, direct)


# --- "tidak ada X" against a claim of X made earlier in the story (a rumour, a clarification)
NEGATED_EXISTENCE = [
    ("Beredar kabar pemerintah melarang warga membawa kamera ke stadion. Juru bicara kementerian, Dodi, "
     "menegaskan bahwa tidak ada larangan membawa kamera ke stadion.", "tidak ada larangan membawa kamera", "Dodi", "deny", False),
    ("Kementerian memberikan klarifikasi soal adanya aturan yang melarang ojek masuk bandara. "
     '"Jadi sekali lagi, tidak ada larangan bagi ojek. Pemeriksaannya saja yang diperketat," kata Dodi.',
     "Jadi sekali lagi, tidak ada larangan", "Dodi", "deny", True),
    # no claim before it: a plain negative fact
    ("Juru bicara kementerian, Dodi, menegaskan bahwa tidak ada larangan membawa kamera ke stadion.",
     "tidak ada larangan membawa kamera", "Dodi", "assert", False),
    # the negation of a third party's state is no denial by the speaker
    ("Beredar kabar gereja itu memiliki izin. Wali kota Anton mengatakan gereja itu tidak memiliki izin.",
     "gereja itu tidak memiliki izin", "Anton", "assert", False),
]


@pytest.mark.parametrize("text,content,speaker,stance,direct", NEGATED_EXISTENCE)
def test_negated_existence_after_a_claim(text, content, speaker, stance, direct):
    check(text, content, speaker, stance, direct)


# --- nested attribution before the verb: the words are the inner speaker's
def test_reported_plea_is_the_pleaders_denial():
    art = article("Juru bicara pengadilan mengatakan, Rudi mengaku tidak bersalah atas semua dakwaan.")
    QuoteStage()(art, Options())
    [q] = art.quotes
    assert (q.text, q.speaker.text, q.stance) == ("tidak bersalah atas semua dakwaan", "Rudi", "deny")
    assert q.reported_by is not None and q.reported_by.text == "Juru bicara pengadilan"


def test_pronoun_inside_a_report_stays_the_reporter():
    got = statements("Budi mengatakan dia menilai harga beras akan naik bulan depan.")
    assert [s for _, s, _ in got] == ["Budi"]


# --- speakers: handles, relaying outlets, dates, conjunctions, kinship, nicknames, offices
SPEAKERS = [
    ("Melalui akun resminya, @dishub_kota seperti dikutip Antara, Senin (3/4), menegaskan bahwa aturan itu belum berlaku.",
     "aturan itu belum berlaku", "@dishub_kota"),
    ("Pejabat itu, sebagaimana diberitakan Reuters, Rabu pagi, juga mendesak semua pihak agar menahan diri.",
     "semua pihak agar menahan diri", "Pejabat itu"),
    ("Sementara itu Presiden Mesir Abdel Fattah al-Sisi menyatakan negaranya tidak ingin berperang.",
     "negaranya tidak ingin berperang", "Fattah al-Sisi"),
    ("Menteri itu tetap berangkat meskipun pemerintah Jepang mengeluarkan peringatan bahwa topan akan melanda pesisir.",
     "topan akan melanda pesisir", "Jepang"),
    ("Cak Amir, sapaan akrab Ahmad Amiruddin, mengatakan partainya siap berkoalisi.", "partainya siap berkoalisi", "Cak Amir"),
    ("Dalam tuntutannya, jaksa juga menyatakan bahwa terdakwa menerima uang dari pengusaha itu.",
     "terdakwa menerima uang", "jaksa"),
    ("Aliansi petani menyalahkan pemerintah yang menaikkan harga pupuk menjelang musim tanam.",
     "pemerintah yang menaikkan harga pupuk", "Aliansi petani"),
    ("Kelompok warga yang tinggal di bantaran sungai, termasuk di hilir, merespons bahwa proyek itu merusak sawah mereka.",
     "proyek itu merusak sawah mereka", "Kelompok warga"),  # the group's head opens the sentence (session 13)
    # without entity mentions, "Menurutnya" goes to the subject of the sentence before, not a place in it
    ("Ketua partai Budi Santoso mengkritik kondisi hukum di Indonesia. Menurutnya, penegakan hukum masih lemah.",
     "penegakan hukum masih lemah", "Budi Santoso"),
]


@pytest.mark.parametrize("text,content,speaker", SPEAKERS)
def test_speaker_phrases(text, content, speaker):
    got = statements(text)
    assert any(content in c and s == speaker for c, s, _ in got), got


def test_kinship_description_is_the_previous_speaker_not_the_relative():
    text = ('Rudi Hartono menilai partai itu masih solid.\n"Kami tetap bersatu sampai akhir," kata adik mantan '
            'Gubernur Ali Sadikin (Bang Ali) itu.\n"Tidak ada yang keluar," kata putra dari pendiri partai, KH Hasan Basri ini.')
    got = statements(text)
    assert [s for _, s, _ in got] == ["Rudi Hartono", "Rudi Hartono", "Rudi Hartono"]
    plain = statements('"Kami belum tahu," kata adik korban.')
    assert plain == [("Kami belum tahu", "adik korban", "assert")]


# --- the speaker of the statement before, or of a saying verb that ends the paragraph before
def test_agentless_cue_carries_the_last_speaker():
    text = ('"Kami sudah menahan pelaku," kata Kapolsek Ahmad Fauzi.\n'
            "Dikatakan, pelaku ditangkap di rumahnya pada malam hari setelah dua hari buron.")
    got = statements(text)
    assert got[-1] == ("pelaku ditangkap di rumahnya pada malam hari setelah dua hari buron", "Ahmad Fauzi", "assert")


def test_saying_verb_before_a_quotation_paragraph():
    text = ("Dalam acara itu, Rina juga menyinggung soal kebijakan pajak yang baru.\n"
            '"Kadang saya merasa pajak itu tidak adil bagi pedagang kecil. Itu harus diubah."')
    assert statements(text) == [("Kadang saya merasa pajak itu tidak adil bagi pedagang kecil. Itu harus diubah", "Rina", "assert")]


# --- noun phrases and bare objects are no statements; clauses and partial quotes are
@pytest.mark.parametrize("text", [
    "Gubernur membenarkan peristiwa yang terjadi di pelabuhan itu.",
    "Partai itu mengecam negara-negara yang didatangi tokoh tersebut.",
    "Warga bertanya soal kapan jalan itu diperbaiki.",
    "Rudi enggan berkomentar banyak, hanya tersenyum kepada wartawan.",
    "Pemerintah belum mengumumkan jadwal pemilu itu.",
    "Perusahaan itu hanya mengumumkan tiga kasus baru.",
    "Presiden memerintahkan menteri untuk segera membangun jembatan itu.",
    "Ketua partai merespons kritik itu dengan bertanya balik kepada wartawan.",
])
def test_no_statement(text):
    assert statements(text) == []


@pytest.mark.parametrize("text,content,speaker,stance,direct", [
    ("Rudi enggan berkomentar lebih jauh soal alasan pengunduran dirinya.", "alasan pengunduran dirinya", "Rudi", "unconfirmed", False),
    ("Polisi tidak menjelaskan motif pelaku.", "motif pelaku", "Polisi", "unconfirmed", False),
    ("Kapolri Anwar menyebut serangan di dua kota yang \"juga dari kelompok yang sama\".", "serangan di dua kota", "Anwar", "assert", False),
    ("Polisi mengatakan pemindahan tersebut sesuai dengan prosedur.", "pemindahan tersebut sesuai dengan prosedur", "Polisi", "assert", False),
    ("Kiai Hasan memandang saat ini ada gejala perpecahan di masyarakat.", "ada gejala perpecahan", "Hasan", "assert", False),
    ("Ketua panitia Sukri mengatakan bakal banyak peserta yang datang.", "bakal banyak peserta", "Sukri", "assert", False),
])
def test_statement(text, content, speaker, stance, direct):
    check(text, content, speaker, stance, direct)


def test_verbs_inside_a_menurut_report_are_the_reporters():
    got = statements("Menurut Sukri, dalam pertemuan itu mereka juga mengajak tokoh itu pulang ke kampung.")
    assert [(s, st) for _, s, st in got] == [("Sukri", "assert")]


def test_quotes_stage_handles_the_new_rules_without_mentions():
    """The rules work on bare articles too (no entity stage): nothing raises on odd input."""
    for text in ("Dikatakan,", "@", "Bukan.", "tidak terkait", "kata adik itu", '"Bukan bocor," ujar'):
        extract_quotes(article(text))
