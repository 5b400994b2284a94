"""The numbers stage: Indonesian figures found, normalised, and non-figures left alone."""
from __future__ import annotations

import pytest

from telaah.document import Article, NumberClaim, Quote, Sentence, Speaker
from telaah.numbers import (NumberAttributionStage, NumberStage, extract_numbers,
                            link_numbers_to_quotes, parse_amount, parse_digits)
from telaah.pipeline import Options


def one(text: str) -> list[NumberClaim]:
    return extract_numbers(text, [Sentence("a:s1", 0, len(text), 0)])


# text, figure text expected, value, low, high, approx, unit
FIGURES = [
    ("Sebanyak 1.500 tentara tiba.", "1.500 tentara", 1500, None, None, False, "tentara"),
    ("Nilainya 3,5 persen.", "3,5 persen", 3.5, None, None, False, "%"),
    ("Ada 10 ribu warga mengungsi.", "10 ribu warga", 10000, None, None, False, "warga"),
    ("Penduduknya 1,2 juta jiwa.", "1,2 juta jiwa", 1_200_000, None, None, False, "jiwa"),
    ("Dana Rp 4,5 miliar dicairkan.", "Rp 4,5 miliar", 4_500_000_000, None, None, False, "IDR"),
    ("Dana Rp4,5 miliar dicairkan.", "Rp4,5 miliar", 4_500_000_000, None, None, False, "IDR"),
    ("Investasi US$ 2 miliar masuk.", "US$ 2 miliar", 2_000_000_000, None, None, False, "USD"),
    ("Surplus 1,32 miliar dolar AS tercatat.", "1,32 miliar dolar AS", 1_320_000_000, None, None, False, "USD"),
    ("Harganya 120.000 dollar Singapura.", "120.000 dollar Singapura", 120000, None, None, False, "SGD"),
    ("Denda 100 pound sterling dikenakan.", "100 pound sterling", 100, None, None, False, "GBP"),
    ("Harga €15 per botol.", "€15 per botol", 15, None, None, False, "EUR"),
    ("Naik 30 persen tahun ini.", "30 persen", 30, None, None, False, "%"),
    ("Naik 30% tahun ini.", "30%", 30, None, None, False, "%"),
    ("Naik 30 % tahun ini.", "30 %", 30, None, None, False, "%"),
    ("Ada dua korban.", "dua korban", 2, None, None, False, "korban"),
    ("Ada sepuluh korban.", "sepuluh korban", 10, None, None, False, "korban"),
    ("Ada dua puluh lima korban.", "dua puluh lima korban", 25, None, None, False, "korban"),
    ("Ada dua belas korban.", "dua belas korban", 12, None, None, False, "korban"),
    ("Ada seratus dua puluh korban.", "seratus dua puluh korban", 120, None, None, False, "korban"),
    ("Ada dua ratus lima puluh korban.", "dua ratus lima puluh korban", 250, None, None, False, "korban"),
    ("Ada sebelas korban.", "sebelas korban", 11, None, None, False, "korban"),
    ("Ada seribu korban.", "seribu korban", 1000, None, None, False, "korban"),
    ("Ada tiga juta pemilih.", "tiga juta pemilih", 3_000_000, None, None, False, "pemilih"),
    ("Ratusan rumah rusak berat.", "Ratusan rumah", None, 100, 999, True, "rumah"),
    ("Ada belasan korban.", "belasan korban", None, 11, 19, True, "korban"),
    ("Ada puluhan korban.", "puluhan korban", None, 10, 99, True, "korban"),
    ("Ada ribuan korban.", "ribuan korban", None, 1000, 9999, True, "korban"),
    ("Ada jutaan korban.", "jutaan korban", None, 1_000_000, 9_999_999, True, "korban"),
    ("Ada puluhan ribu pengungsi.", "puluhan ribu pengungsi", None, 10000, 99999, True, "pengungsi"),
    ("Ada ratusan ribu hektare lahan.", "ratusan ribu hektare", None, 100000, 999999, True, "ha"),
    ("Turun dari 14 ribuan kasus.", "14 ribuan kasus", 14000, None, None, True, "kasus"),
    ("Untungnya setengah dari harga.", "setengah", 0.5, None, None, False, None),
    ("Setengah juta warga mengungsi.", "Setengah juta warga", 500_000, None, None, False, "warga"),
    ("Ada satu setengah juta pengungsi.", "satu setengah juta pengungsi", 1_500_000, None, None, False, "pengungsi"),
    ("Waktunya dua setengah jam saja.", "dua setengah jam", 2.5, None, None, False, "jam"),
    ("Sebanyak 10-15 orang ditangkap.", "10-15 orang", None, 10, 15, False, "orang"),
    ("Sebanyak 10 - 15 orang ditangkap.", "10 - 15 orang", None, 10, 15, False, "orang"),
    ("Sebanyak 10 hingga 15 orang ditangkap.", "10 hingga 15 orang", None, 10, 15, False, "orang"),
    ("Sebanyak 10 sampai 15 orang ditangkap.", "10 sampai 15 orang", None, 10, 15, False, "orang"),
    ("Harga Rp 4 - 6 ribu per ikat.", "Rp 4 - 6 ribu per ikat", None, 4000, 6000, False, "IDR"),
    ("Biaya Rp40 - 50 juta per bulan.", "Rp40 - 50 juta per bulan", None, 40_000_000, 50_000_000, False, "IDR"),
    ("Tarifnya Rp 1,5 juta hingga Rp 2 juta.", "Rp 1,5 juta hingga Rp 2 juta", None, 1_500_000, 2_000_000, False, "IDR"),
    ("Ambangnya 2.5 sampai 5 persen.", "2.5 sampai 5 persen", None, 2.5, 5, False, "%"),
    ("Tumbuh 5,0-5,1 persen.", "5,0-5,1 persen", None, 5.0, 5.1, False, "%"),
    ("Sekitar 1.500 tentara tiba.", "Sekitar 1.500 tentara", 1500, None, None, True, "tentara"),
    ("Datang sekitar 50 juta orang.", "sekitar 50 juta orang", 50_000_000, None, None, True, "orang"),
    ("Kurang lebih 200 orang hadir.", "Kurang lebih 200 orang", 200, None, None, True, "orang"),
    ("Lebih dari 200 orang hadir.", "Lebih dari 200 orang", 200, 200, None, True, "orang"),
    ("Tercatat 1.000 lebih personel siaga.", "1.000 lebih personel", 1000, 1000, None, True, "personel"),
    ("Kurang dari 5 persen memilih.", "Kurang dari 5 persen", 5, None, 5, True, "%"),
    ("Hampir 2.200 orang terluka.", "Hampir 2.200 orang", 2200, None, 2200, True, "orang"),
    ("Setidaknya 8.000 ton koral.", "Setidaknya 8.000 ton", 8000, 8000, None, True, "t"),
    ("Sedikitnya empat orang terluka.", "Sedikitnya empat orang", 4, 4, None, True, "orang"),
    ("Batasnya minimal dua persen.", "minimal dua persen", 2, 2, None, True, "%"),
    ("Hukumannya maksimal 10 tahun penjara.", "maksimal 10 tahun", 10, None, 10, True, "tahun"),
    ("Ruginya hingga Rp 600 juta.", "hingga Rp 600 juta", 600_000_000, None, 600_000_000, True, "IDR"),
    ("Usianya di bawah 18 tahun.", "di bawah 18 tahun", 18, None, 18, True, "tahun"),
    ("Tumbuh di atas 5,0 persen.", "di atas 5,0 persen", 5.0, 5.0, None, True, "%"),
    ("Sekitar 10-15 orang hilang.", "Sekitar 10-15 orang", None, 10, 15, True, "orang"),
    ("Jaraknya sekitar 350 km dari pantai.", "sekitar 350 km", 350, None, None, True, "km"),
    ("Perahu sepanjang 4 meter itu tenggelam.", "4 meter", 4, None, None, False, "m"),
    ("Lahannya 500 ribu hektare.", "500 ribu hektare", 500_000, None, None, False, "ha"),
    ("Membawa 2,6 kilogram heroin.", "2,6 kilogram", 2.6, None, None, False, "kg"),
    ("Produksi 100 ribu barel per hari.", "100 ribu barel per hari", 100_000, None, None, False, "bbl"),
    ("Ia membeli dua ekor sapi.", "dua ekor sapi", 2, None, None, False, "sapi"),
    ("Sebanyak 25 orang tewas.", "25 orang", 25, None, None, False, "orang"),
    ("Ada 3 juta orang turis datang.", "3 juta orang turis", 3_000_000, None, None, False, "turis"),
    ("Memeriksa dua mantan pimpinan DPR.", "dua mantan pimpinan", 2, None, None, False, "pimpinan"),
    ("Pria berusia 30 tahun itu ditangkap.", "30 tahun", 30, None, None, False, "tahun"),
    ("PDB ditetapkan Rp3.761,412 triliun.", "Rp3.761,412 triliun", 3_761_412_000_000_000, None, None, False, "IDR"),
    ("Harganya 141.90 yen.", "141.90 yen", 141.9, None, None, False, "JPY"),
    ("Nilai tukar naik menjadi 120.", "120", 120, None, None, False, None),
    ("Tiga dari mereka ditahan.", "Tiga", 3, None, None, False, None),
    ("Ditembak sebanyak delapan kali.", "delapan kali", 8, None, None, False, "kali"),
    ("Kerugian 49,7 persennya ditanggung.", "49,7 persennya", 49.7, None, None, False, "%"),
]


@pytest.mark.parametrize("text,figure,value,low,high,approx,unit", FIGURES)
def test_figures(text, figure, value, low, high, approx, unit):
    claims = one(text)
    assert len(claims) == 1, [c.text for c in claims]
    c = claims[0]
    assert c.text == figure
    assert text[c.start:c.end] == c.text
    assert c.value == (pytest.approx(value) if value is not None else None)
    assert c.low == (pytest.approx(low) if low is not None else None)
    assert c.high == (pytest.approx(high) if high is not None else None)
    assert c.approx is approx
    assert c.unit == unit


NOT_FIGURES = [
    "Ia tiba pada 8/3/2024 di Jakarta.",
    "Ia tiba pada 8 Maret 2024 di Jakarta.",
    "Ia berbicara di Jakarta, Jumat (8/3).",
    "Ia berbicara di Jakarta, Senin (17/04/2017).",
    "Pemilu digelar tahun 2019 lalu.",
    "Pemilu digelar pada 2019 lalu.",
    "Kebijakan itu berlaku sejak 2014 - 2019.",
    "Rapat dimulai pukul 15.00 WIB.",
    "Rapat dimulai 15.00 WIB.",
    "Ia populer pada 1990-an.",
    "Ini acara ke-3 tahun ini.",
    "Ini pertemuan ketiga mereka.",
    "Pesawat F-16 itu jatuh.",
    "Kasus COVID-19 menurun.",
    "Ia memakai iPhone 15 baru.",
    "Rudal Hwasong-19 diluncurkan.",
    "Pesawat MH17 ditembak jatuh.",
    "Hubungi 0812-3456-7890 segera.",
    "Sesuai Pasal 5 ayat 2 undang-undang itu.",
    "Sesuai UU No. 7/2017 tentang Pemilu.",
    "Sesuai Undang-Undang Nomor 35 Tahun 2009 tentang Narkotika.",
    "Persija menang 2-1 atas Persib.",
    "Skor akhir 3 - 0 untuk tuan rumah.",
    "Laga berakhir 1-1 di Bandung.",
    "Ia bermain di Liga 1 musim ini.",
    "Salah satu dari mereka kabur.",
    "Dia satu-satunya saksi.",
    "Mereka pergi satu per satu.",
    "Dua hari lalu ia tiba.",
    "Tiga pekan lalu ia tiba.",
    "Ia ditahan selama dua tahun di sana.",
    "Nomor urut 2 menang.",
    "Ia tinggal di RT 05/RW 02.",
    "Gempa terjadi pada tanggal 8 di kota itu.",
    "Satu laporan menyebut hal itu.",
    "Golkar itu satu dan tidak terpecah.",
    "Pada Sabtu, 24 Juni 2017 M di Jakarta.",
    "Ia bekerja di Menara 2 Jakarta.",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text):
    assert one(text) == [], [c.text for c in one(text)]


OBJECTS = [
    ("Serangan itu menewaskan 12 warga sipil tewas di Gaza.", "warga sipil tewas"),
    ("Sebanyak 300 rumah rusak berat akibat gempa.", "rumah rusak berat"),
    ("Sebanyak 1.500 tentara Korea Utara di Rusia.", "tentara Korea Utara"),
    ("Ada 25 orang tewas.", "orang tewas"),
    ("Sebanyak 3 juta orang turis Tiongkok ke Indonesia.", "turis Tiongkok"),
    ("Naik 30 persen saham perusahaan.", "saham perusahaan"),
    ("Dana Rp 5 miliar untuk sekolah.", None),
]


@pytest.mark.parametrize("text,obj", OBJECTS)
def test_objects(text, obj):
    (c,) = one(text)
    assert c.object == obj


@pytest.mark.parametrize("digits,value", [
    ("1.500", 1500), ("3,5", 3.5), ("3.761,412", 3761.412), ("1.000.000", 1_000_000),
    ("2.5", 2.5), ("141.90", 141.9), ("1,234.5", 1234.5), ("12", 12), ("0,26", 0.26),
])
def test_parse_digits(digits, value):
    assert parse_digits(digits) == pytest.approx(value)


@pytest.mark.parametrize("text", ["1.2.3", "1,2,3"])
def test_parse_digits_rejects_versions(text):
    assert parse_digits(text) is None


@pytest.mark.parametrize("text,value", [
    ("dua puluh lima", 25), ("seratus", 100), ("satu setengah juta", 1_500_000),
    ("dua juta lima ratus ribu", 2_500_000), ("sepuluh ribu", 10_000), ("setengah", 0.5),
])
def test_parse_amount_words(text, value):
    assert parse_amount(text).value == pytest.approx(value)


@pytest.mark.parametrize("text", ["dua tiga", "puluh", "ribu"])
def test_parse_amount_rejects_non_numbers(text):
    assert parse_amount(text) is None


def test_only_inside_sentences():
    text = "Judul 500 orang\nSebanyak 20 orang tewas."
    start = text.index("Sebanyak")
    claims = extract_numbers(text, [Sentence("a:s1", start, len(text), 0)])
    assert [c.text for c in claims] == ["20 orang"]
    assert claims[0].sentence == "a:s1"


def test_several_figures_in_text_order():
    claims = one("Korban 23 orang, empat orang luka berat, 27 orang luka ringan.")
    assert [c.value for c in claims] == [23, 4, 27]


def test_empty_inputs():
    assert extract_numbers("", []) == []
    assert one("   ") == []


def _article(text: str) -> Article:
    return Article(id="a", text=text, sentences=[Sentence("a:s1", 0, len(text), 0)])


def test_number_stage_assigns_numbers():
    article = _article("Sebanyak 20 orang tewas.")
    stage = NumberStage()
    assert stage.requires == ("article.sentences",) and stage.assigns == ("article.numbers",)
    stage(article, Options())
    assert [c.text for c in article.numbers] == ["20 orang"]


def test_numbers_linked_to_quotes():
    text = 'Kata Budi, "Ada 300 rumah rusak." Polisi menangkap 5 orang.'
    article = _article(text)
    qs = text.index("Ada")
    speaker = Speaker(text="Budi", start=5, end=9, mention=0, entity=None)
    article.quotes = [Quote(start=qs, end=text.index('."') + 1, text="", sentence="a:s1", direct=True,
                            speaker=speaker, cue=None, id="q1")]
    NumberStage()(article, Options())
    stage = NumberAttributionStage()
    assert stage.requires == ("article.numbers", "article.quotes")
    stage(article, Options())
    inside, outside = article.numbers
    assert (inside.quote_index, inside.quote, inside.attributed_mention) == (0, "q1", 0)
    assert (outside.quote_index, outside.quote, outside.attributed_mention) == (None, None, None)


def test_link_without_quotes_is_a_no_op():
    article = _article("Sebanyak 20 orang tewas.")
    NumberStage()(article, Options())
    link_numbers_to_quotes(article)
    assert article.numbers[0].quote_index is None


@pytest.mark.parametrize("text, figure, unit", [
    ("Gempa bermagnitudo 6,2 menewaskan 12 orang.", "6,2", "magnitudo"),
    ("USGS mengukur gempa itu pada magnitudo 6,0.", "6,0", "magnitudo"),
    ("Gempa dengan kekuatan 6,2 magnitudo mengguncang Lombok.", "6,2 magnitudo", "magnitudo"),
])
def test_a_magnitude_is_a_measure_not_a_count(text, figure, unit):
    """Session 20 (probe 8): "korban meninggal akibat gempa bermagnitudo 6,2 bertambah menjadi
    sedikitnya 20 orang" listed 6,2 among the dead."""
    from telaah.analyze import analyze_texts

    numbers = analyze_texts([text])["numbers"]
    found = next(n for n in numbers if n["text"] == figure)
    assert found["unit"] == unit
