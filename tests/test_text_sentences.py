import pytest

from telaah.cleaning.blocks import BlockStage
from telaah.document import Article
from telaah.pipeline import Options
from telaah.text.sentences import SentenceStage, split_block
from telaah.text.tokens import words

SPLITS = [
    ("Presiden tiba. Ia disambut warga.", ["Presiden tiba.", "Ia disambut warga."]),
    ("Sekjen PBB tiba di Jakarta. Menlu Retno menyambutnya.", ["Sekjen PBB tiba di Jakarta.", "Menlu Retno menyambutnya."]),
    ("Kantornya di Jl. Sudirman No. 5 Jakarta. Ia tiba pukul 15.00 WIB.", ["Kantornya di Jl. Sudirman No. 5 Jakarta.", "Ia tiba pukul 15.00 WIB."]),
    ("Bpk. Harun hadir. Prof. Dr. Ir. Budi juga.", ["Bpk. Harun hadir.", "Prof. Dr. Ir. Budi juga."]),
    ("Pasien dirawat dr. Sari. Kondisinya stabil.", ["Pasien dirawat dr. Sari.", "Kondisinya stabil."]),
    ("H. Agus Salim, S.H. membuka acara. Acara berlangsung meriah.", ["H. Agus Salim, S.H. membuka acara.", "Acara berlangsung meriah."]),
    ("Sebanyak 1.500 orang hadir. Angka itu naik 3,5 persen.", ["Sebanyak 1.500 orang hadir.", "Angka itu naik 3,5 persen."]),
    ("Sidang digelar 24/10/2024. Hakim menunda putusan.", ["Sidang digelar 24/10/2024.", "Hakim menunda putusan."]),
    ("Ia terdiam... lalu pergi. Semua heran.", ["Ia terdiam... lalu pergi.", "Semua heran."]),
    ("Benarkah? Polisi belum tahu! Penyelidikan berlanjut.", ["Benarkah?", "Polisi belum tahu!", "Penyelidikan berlanjut."]),
    ('"Kami menolak. Itu tidak benar," kata Retno. Ia lalu pergi.', ['"Kami menolak. Itu tidak benar," kata Retno.', "Ia lalu pergi."]),
    ("“Kami menolak. Itu tidak benar,” kata Retno. Ia lalu pergi.", ["“Kami menolak. Itu tidak benar,” kata Retno.", "Ia lalu pergi."]),
    ('Ia berkata, "Kami siap." Semua bertepuk tangan.', ['Ia berkata, "Kami siap."', "Semua bertepuk tangan."]),
    ("Harga naik (lihat tabel). Pedagang mengeluh.", ["Harga naik (lihat tabel).", "Pedagang mengeluh."]),
    ("PT. Garuda Indonesia Tbk. melapor. Sahamnya naik.", ["PT. Garuda Indonesia Tbk. melapor.", "Sahamnya naik."]),
    ("Kunjungan itu pada Jan. 2024 batal. Alasannya cuaca.", ["Kunjungan itu pada Jan. 2024 batal.", "Alasannya cuaca."]),
    ("Skor akhir 2-1. Tim tamu kecewa.", ["Skor akhir 2-1.", "Tim tamu kecewa."]),
    ("Ia lahir 1990. 30 tahun kemudian ia menjadi menteri.", ["Ia lahir 1990.", "30 tahun kemudian ia menjadi menteri."]),
    ('Ia menyebut langkah itu "ceroboh". Menteri membantah.', ['Ia menyebut langkah itu "ceroboh".', "Menteri membantah."]),
    ("dll. dan sebagainya. Selesai.", ["dll. dan sebagainya.", "Selesai."]),
    ("Korban ditangani dr. Hengky Setyahadi Sp. B di RSUD. Kondisinya membaik.",
     ["Korban ditangani dr. Hengky Setyahadi Sp. B di RSUD.", "Kondisinya membaik."]),  # a specialist degree
]


@pytest.mark.parametrize("text,expected", SPLITS)
def test_split_block(text, expected):
    assert [text[s:e] for s, e in split_block(text, 0, len(text))] == expected


def analyse(text):
    art = Article(id="a1", text=text)
    BlockStage()(art, Options())
    SentenceStage()(art, Options())
    return art


def test_block_boundaries_end_sentences_and_headline_is_separate():
    art = analyse("Judul Berita Tanpa Titik\n\nParagraf pertama tanpa titik\n\nParagraf kedua. Kalimat lagi.\n")
    sents = [art.text[s.start:s.end] for s in art.sentences]
    assert "Judul Berita Tanpa Titik" not in sents
    assert sents == ["Paragraf pertama tanpa titik", "Paragraf kedua.", "Kalimat lagi."]
    assert [s.id for s in art.sentences] == ["a1:s1", "a1:s2", "a1:s3"]


def test_boilerplate_has_no_sentences():
    art = analyse("Judul\n\nIsi berita di sini. Kalimat kedua.\n\nBaca juga: Berita lain. Dan lagi.\n")
    assert all("Berita lain" not in art.text[s.start:s.end] for s in art.sentences)


@pytest.mark.parametrize("text,expected", [
    ("1.500 orang", ["1.500", "orang"]),
    ("3,5 persen.", ["3,5", "persen", "."]),
    ("pukul 15.00 WIB", ["pukul", "15.00", "WIB"]),
    ("masing-masing", ["masing-masing"]),
    ("COVID-19", ["COVID-19"]),
    ("(27/3)", ["(", "27/3", ")"]),
    ("“Tidak,” katanya.", ["“", "Tidak", ",", "”", "katanya", "."]),
    ("Ma'ruf Amin", ["Ma'ruf", "Amin"]),
])
def test_tokens(text, expected):
    assert words(text) == expected
