"""Session 22: denial forms with no denial word of their own, and their look-alikes. One
table for each; every sentence is written for the test (fictional people and events), not
taken from a gold file. The convention is in tests/gold/DENIALS_GUIDELINES.md ("Labelling
rules"): a flat rejection said of a claim, self-exculpation by the speaker's side, and a
correction are denials; appeals, boasts and "unprecedented" are not.
"""
from __future__ import annotations

import pytest

from telaah.pipeline import Options
from telaah.quotes import QuoteStage

from test_quotes_cases import article


def stances(text: str) -> list[str]:
    art = article(text)
    QuoteStage()(art, Options())
    return [q.stance for q in art.quotes]


DENIALS = [
    # an institution its official speaks for, as the subject of "tidak pernah" and a deed
    '"Partai dan fraksi tidak pernah mengeluarkan surat izin kepada anggotanya," kata Ketua Fraksi Demokrat Jafar Hafsah.',
    "Juru bicara kementerian, Andi Sukma, mengatakan kementerian tidak pernah menerbitkan izin tambang tersebut.",
    '"Perusahaan tidak pernah memerintahkan karyawan bekerja melebihi jam kerja," kata Manajer Humas PT Sinar Jaya, Budi Santoso.',
    # a claim noun called false in a relative clause
    '"Itu pernyataan yang tidak akurat dan menyesatkan," kata Sekjen Partai Demokrat Amir Syamsuddin.',
    '"Dia seharusnya tidak mengeluarkan pernyataan yang tidak akurat," kata Sekjen partai, Rudi Hartono.',
    '"Ini informasi yang keliru," kata Kepala Dinas Kesehatan, Rina Marlina.',
    # verdicts and openers
    '"Berita itu tidak sesuai fakta," kata Kapolres Bogor AKBP Andi Suryana.',
    '"Informasi tersebut tidak sesuai dengan fakta di lapangan," ujar Kepala Dinas Kesehatan, Rina Marlina.',
    '"Itu omong kosong," kata Ahmad Sodik.',
    '"Kabar itu isapan jempol," kata Ahmad Sodik.',
    '"Itu salah besar," kata Ahmad Sodik.',
    '"Itu tidak betul," kata Hendra Wijaya.',
    '"Nggak bener itu," kata Hendra Wijaya.',
    '"Kami bantah itu," kata Kapolres Lombok Timur AKBP Dedi Santoso.',
    '"Semua tuduhan itu tidak terbukti," kata kuasa hukum Hendra, Maria Ulfa.',
    # the speaker slandered
    '"Saya difitnah," kata Bupati Hendra Wijaya di Pengadilan Tipikor.',
    # the thing alleged did not exist or never happened
    '"Tidak ada pertemuan seperti itu," kata Sekretaris Kabinet Pramono Sutedjo.',
    '"Hal itu tidak pernah terjadi," kata juru bicara perusahaan, Lina Marpaung.',
    # a correction
    '"Evaluasi pencalonan Arief tidak ada. Adanya evaluasi kinerja partai," kata Akbar Tanjung di Jakarta.',
    # a rejected origin
    '"Dokumen yang beredar itu bukan dari kami," kata Sekjen partai, Rudi Hartono.',
]

NOT_DENIALS = [
    '"Partai tidak pernah kalah di daerah ini," kata Ketua DPD, Sarman.',  # a boast, no deed
    '"Perusahaan tidak pernah berhenti berinovasi," kata CEO PT Maju, Lina Marpaung.',  # a habit
    '"Masyarakat jangan mudah percaya berita yang tidak benar," kata Kapolres Bogor AKBP Andi Suryana.',  # an appeal
    '"Data yang tidak akurat menyulitkan penyaluran bantuan," kata Menteri Sosial, Rina Marlina.',  # an attribute
    '"Hal seperti itu tidak pernah terjadi sebelumnya di desa kami," kata warga, Sodik.',  # unprecedented
    '"Tidak ada korban jiwa dalam kejadian itu," kata Kapolsek Sambelia, Dedi Santoso.',  # a report
    '"Informasi itu salah satu yang kami dalami," kata Kapolres Bogor AKBP Andi Suryana.',  # "salah satu"
    '"Tidak ada yang salah dengan keputusan itu," kata pelatih Persib, Mario Gomez.',
]


@pytest.mark.parametrize("text", DENIALS)
def test_denial_forms(text):
    assert "deny" in stances(text), text


@pytest.mark.parametrize("text", NOT_DENIALS)
def test_look_alikes_are_no_denials(text):
    got = stances(text)
    assert got and "deny" not in got, (text, got)


# --- the story alleged the deed earlier: saying it was not done is a denial
ANSWERED = [
    # a named subject the charge names too, and a ke-...-an state
    ("KNKT menduga kapal itu kelebihan muatan saat berangkat dari Pelabuhan Kayangan.\n\n"
     '"Kapal itu tidak kelebihan muatan. Penumpang sesuai manifes," kata Direktur Utama PT Samudra Bahari, Johan Lim.'),
    ("Keluarga korban menuding operator kapal mengangkut penumpang melebihi kapasitas.\n\n"
     "Operator kapal tidak mengangkut penumpang melebihi kapasitas, kata juru bicara PT Samudra Bahari, Lina Marpaung."),
    # the same objects under another verb
    ("Mahasiswa menuduh polisi menembakkan peluru tajam ke arah demonstran.\n\n"
     '"Anggota kami tidak menggunakan peluru tajam," kata Kabid Humas Polda Metro Jaya Kombes Argo Santoso.'),
    # "tidak ada X yang saya <verb>"
    ("Bupati Hendra Wijaya didakwa menerima suap Rp5 miliar dari kontraktor.\n\n"
     '"Tidak ada uang yang saya terima dari proyek itu," kata Hendra di persidangan.'),
]

NOT_ANSWERED = [
    # the same speaker's own account corrected: no one charged anything
    ("Kapolsek Gubug, AKP Dedi Santoso, mengatakan korban saat itu berjalan di pinggir rel.\n\n"
     '"Jadi, korban waktu itu tidak berjalan di tengah rel. Tetapi ada di pinggir rel," jelasnya.'),
    # a complaint: what the speaker did not receive was never alleged
    ("Warga menuding camat menahan bantuan untuk korban gempa.\n\n"
     '"Tidak ada bantuan yang kami terima sampai hari ini," kata warga Sambelia, Sodik.'),
    # a third party's negation that names nobody the charge names
    ("Bupati Hendra Wijaya didakwa menerima suap Rp5 miliar dari kontraktor.\n\n"
     '"Korban gempa tidak menerima bantuan sama sekali," kata warga Sambelia, Sodik.'),
]


@pytest.mark.parametrize("text", ANSWERED)
def test_negated_deed_answers_the_charge(text):
    assert stances(text)[-1] == "deny", (text, stances(text))


@pytest.mark.parametrize("text", NOT_ANSWERED)
def test_negation_that_answers_no_charge(text):
    assert stances(text)[-1] != "deny", (text, stances(text))


# --- probe 9: a neutral cue whose complement rejects a claim
PROBE9_DENIALS = [
    "Kepala Bagian Hukum Pemkab, Rahmadani Putri, menegaskan surat yang beredar bukan produk Pemkab.",
    "Marthin menyebut tuduhan yang dilontarkan LPAD terhadap kliennya sebagai hoaks yang sengaja disebar.",
    "Ferry menilai ucapan Stefanus sebagai pernyataan yang tidak akurat dan tendensius.",
    "Yudhistira mengatakan jumlah orang yang diamankan sejak awal adalah 23 orang, bukan 41 seperti yang diklaim aliansi.",
]
PROBE9_NOT_DENIALS = [
    "Ia menyebut langkah itu sebagai terobosan penting bagi daerah.",
    "Pengamat Rudi Hartono menilai kebijakan itu sebagai langkah mundur.",
]


@pytest.mark.parametrize("text", PROBE9_DENIALS)
def test_neutral_cue_rejecting_a_claim(text):
    assert stances(text) == ["deny"], text


@pytest.mark.parametrize("text", PROBE9_NOT_DENIALS)
def test_as_predication_without_a_claim(text):
    assert stances(text) == ["assert"], text


# --- wire copy's no-answer forms: nothing confirmed
@pytest.mark.parametrize("text", [
    "Operator feri, PT Lintas Samudra Nusantara, tidak segera menanggapi permintaan komentar.",
    "Reuters tidak dapat memverifikasi secara independen jumlah korban tersebut.",
    "Kuasa hukum Sallata tidak dapat dihubungi untuk dimintai komentar.",
    "Direktur PT Bumi Rayan Konstruksi, Hendra Wijaya Kusuma, belum dapat dimintai tanggapan terkait tuduhan itu.",
])
def test_no_answer_is_unconfirmed(text):
    assert stances(text) == ["unconfirmed"], text


# --- session 22, forms from the dev half of a written denial-forms set (sentences rewritten here)
MORE_DENIALS = [
    ("", '"Klien saya bukan bandar. Dia hanya pemakai," ujar pengacara Yohanes, Fransiskus Lelo.'),
    ("Sebuah harian melaporkan militer memindahkan sistem rudal ke perbatasan.",
     'Juru bicara militer mengatakan laporan tersebut "sama sekali keliru".'),
    ("Media asing berspekulasi pesawat itu jatuh akibat sabotase.",
     'Kremlin menyebut spekulasi itu "absurd".'),
    ("Foto kemasan obat kedaluwarsa beredar di grup WhatsApp.",
     "Direktur PT Farmasi Sehat, Budi Lesmana, menegaskan foto yang beredar itu hasil rekayasa."),
    ("Kontingen Jawa Barat memprotes wasit final.",
     "Ketua panitia, Imam Syafei, menyebut klaim itu sebagai tudingan sepihak yang tidak bisa dibuktikan."),
    ("Keluarga pasien melaporkan dr. Hendra Wijaya ke polisi atas dugaan malapraktik.",
     "Menanggapi laporan itu, Hendra menegaskan dirinya tidak melakukan malapraktik."),
    ("Sebelumnya, media ini memberitakan dugaan pengoplosan beras di gudang PT Andalas Pangan.",
     "Direktur Utama PT Andalas Pangan, Ferry Gunadi, menyatakan perusahaannya tidak pernah mengoplos beras."),
    ("Warga mengeluhkan adanya pungutan saat mengurus KTP di Kelurahan Cipinang.",
     '"Enggak kok, enggak ada pungutan apa-apa. Gratis semua," ujar Lurah Cipinang, Heri Suhendar.'),
    ("Sekelompok pemilik kendaraan menggugat Voltera Motors karena dugaan cacat baterai.",
     'Perusahaan itu mengatakan bahwa mereka "dengan tegas menolak" klaim dalam gugatan tersebut.'),
]


@pytest.mark.parametrize("context,statement", MORE_DENIALS)
def test_more_denial_forms(context, statement):
    text = f"{context}\n\n{statement}" if context else statement
    art = article(text)
    QuoteStage()(art, Options())
    start = len(text) - len(statement)
    assert "deny" in [q.stance for q in art.quotes if q.end > start], (text, [(q.text, q.stance) for q in art.quotes])


def test_a_colloquial_experience_is_no_denial():
    assert stances('"Bahkan, aku enggak pernah dengar dia mengeluh sama sekali," kata Nabila Putri.') == ["assert"]
