"""Issue 4, session 13: shapes from the third analyst probe (a protest and wire copy on a strike).

"Mereka" after a clock time is never the time zone; a group noun that opens the sentence before
is who "mereka" are; a claim noun that opens a sentence is its subject, not a fronted cue; the
lead's dateline is not part of what was said; the medium or occasion of a saying ("dalam sebuah
pernyataan", "melalui akun Instagram-nya") is not part of the reported clause. Every sentence is
invented for the test.
"""
from __future__ import annotations

import pytest

from telaah.analyze import analyze_texts

from test_quotes_rejections import statements


def _quotes(text: str) -> list[tuple[str, str | None, str]]:
    """The full pipeline (blocks, sentences, entities, quotes) on one article."""
    dossier = analyze_texts([text])
    return [(q["text"], (q["speaker"] or {}).get("text"), q["stance"]) for q in dossier["quotes"]]


# --- "mereka": a group noun opening the sentence before, never a time zone
PLURAL = [
    ("Sekitar 2.000 mahasiswa dari berbagai kampus menggelar aksi sejak pukul 13.00 WIB. "
     "Mereka menilai rancangan undang-undang itu mengancam kebebasan berpendapat.",
     "rancangan undang-undang itu mengancam", "mahasiswa"),
    ("Lebih dari 300 petani berkumpul di alun-alun kota sejak pukul 08.00 WITA. "
     "Mereka mengatakan harga pupuk sudah tidak terjangkau.",
     "harga pupuk sudah tidak terjangkau", "petani"),
    ("Para nelayan menggelar aksi di depan kantor bupati hingga pukul 15.00 WIT. "
     "Mereka menyebut solar bersubsidi langka sejak sebulan terakhir.",
     "solar bersubsidi langka", "nelayan"),
]


@pytest.mark.parametrize("text,content,speaker", PLURAL)
def test_mereka_is_the_group_that_opens_the_sentence_before(text, content, speaker):
    got = [g for g in statements(text) if content in g[0]]
    assert got and got[0][1] == speaker, statements(text)


def test_a_time_zone_is_never_an_antecedent():
    text = ("Rapat dimulai pukul 09.00 WIB. Mereka mengatakan rapat itu membahas anggaran daerah.")
    assert all(g[1] != "WIB" for g in statements(text)), statements(text)


def test_an_organisation_named_before_mereka_still_wins_over_a_group_subject():
    text = ("Warga menduga PT Sungai Jernih membuang limbah ke sungai. "
            "Namun, mereka membantah telah membuang limbah.")
    got = [g for g in statements(text) if "membuang limbah" in g[0] and g[2] == "deny"]
    assert got and got[0][1] == "PT Sungai Jernih", statements(text)


# --- a claim or order noun opening a sentence is its subject
NOT_FRONTED = [
    "Klaim kelompok bersenjata itu mengenai jumlah korban sipil tidak dapat dikonfirmasi secara independen.",
    "Klaim Dewan Kota mengenai biaya proyek belum bisa diverifikasi.",
    "Perintah eksekutif Gubernur Anton Siregar telah menimbulkan kebingungan di kalangan pedagang.",
]


@pytest.mark.parametrize("text", NOT_FRONTED)
def test_a_claim_noun_opening_a_sentence_is_no_fronted_cue(text):
    assert statements(text) == []


FRONTED = [
    ("Klaim polisi, semua pelaku sudah ditangkap.", "semua pelaku sudah ditangkap", "polisi"),
    ("Kata Bupati Rahmat, jembatan itu akan selesai bulan depan.", "jembatan itu akan selesai", "Rahmat"),
]


@pytest.mark.parametrize("text,content,speaker", FRONTED)
def test_a_fronted_cue_set_off_by_a_comma_still_reports(text, content, speaker):
    got = [g for g in statements(text) if content in g[0]]
    assert got and speaker in (got[0][1] or ""), statements(text)


# --- the medium or occasion of a saying is not what was said
ADJUNCTS = [
    ("Kementerian itu mengatakan dalam sebuah pernyataan bahwa jet tempur menghantam 20 sasaran.",
     "jet tempur menghantam 20 sasaran"),
    ("Rina menyampaikan melalui akun Instagram-nya bahwa dirinya akan mundur dari partai.",
     "dirinya akan mundur dari partai"),
    ("Wali kota menegaskan saat meninjau lokasi bahwa tanggul akan diperbaiki pekan depan.",
     "tanggul akan diperbaiki pekan depan"),
]


@pytest.mark.parametrize("text,content", ADJUNCTS)
def test_the_medium_or_occasion_of_a_saying_is_left_out_of_the_content(text, content):
    got = statements(text)
    assert any(g[0] == content for g in got), got


def test_a_clause_of_its_own_before_bahwa_stays_in_the_content():
    got = statements("Budi menjelaskan dalam rapat itu pemerintah memutuskan bahwa harga naik.")
    assert any(g[0].startswith("dalam rapat itu pemerintah memutuskan") for g in got), got


# --- the lead's dateline is not said
DATELINES = [
    ("Serangan udara menghantam gudang senjata\n\nANKARA (Reuters) - Pasukan pemerintah menghantam "
     "sebuah gudang senjata di perbatasan pada hari Kamis, kata kementerian pertahanan.\n\n"
     "Tidak ada korban di pihak pasukan pemerintah, kata kementerian itu.",
     "Pasukan pemerintah menghantam"),
    ("Harga beras naik di pasar induk\n\nJakarta (ANTARA) - Harga beras medium di Pasar Induk naik menjadi "
     "Rp14.000 per kilogram, kata seorang pedagang, Senin.\n\nPedagang lain mengatakan pasokan dari daerah "
     "berkurang.",
     "Harga beras medium"),
]


@pytest.mark.parametrize("text,opening", DATELINES)
def test_the_dateline_is_not_part_of_a_quote(text, opening):
    got = _quotes(text)
    lead = [g for g in got if opening in g[0]]
    assert lead and lead[0][0].startswith(opening), got


# --- probe 4 (a ferry sinking, a price rise, an election in wire copy)
PROBE4 = [
    # an age set off after a name; the description after it is the name's
    ("Oposisi menuduh pemilu dicurangi. Petrovic, 48, mantan wali kota Kragujevac, menyerukan warga "
     "untuk berkumpul di alun-alun.", "warga untuk berkumpul", "Petrovic", "demand"),
    # a medium set off by commas is no speaker ("Instagram-nya" is no name)
    ("Ketua LSM Pangan Sehat, Dewi Lestari, melalui akun Instagram-nya, Rabu (19/11) malam, menyebut angka "
     "kenaikan harga itu tidak masuk akal.", "angka kenaikan harga itu", "Dewi Lestari", "assert"),
    # "menurut X" inside a relative clause: the verb after its comma is the subject's
    ("Oposisi menuduh terjadi kecurangan. Markovic, yang partainya memperoleh 30% menurut hitung cepat, "
     "mengatakan pihaknya akan mengajukan keberatan.", "pihaknya akan mengajukan keberatan", "Markovic", "assert"),
    # what the speaker was doing, set off by commas
    ("Pemimpin oposisi Goran Ilic, berbicara di depan gedung parlemen, mengatakan aliansinya telah "
     "mengumpulkan bukti penyimpangan.", "aliansinya telah mengumpulkan", "Goran Ilic", "assert"),
    # an institution with lower-case modifiers opening a sentence (machine-translated wire copy)
    ("Oposisi menuduh pemilu dicurangi. Komisi pemilihan menolak klaim tersebut.", "klaim tersebut",
     "Komisi pemilihan", "deny"),
    # no evidence of what is alleged rejects it
    ('Oposisi menuduh pemilu dicurangi. "Tidak ada bukti kecurangan sistematis," kata Ketua KPU Sinta Dewi.',
     "Tidak ada bukti kecurangan", "Sinta Dewi", "deny"),
    # a quotation that opens with the speaker demanding is a demand; an apology is not
    ('"Kami menuntut pemungutan suara ulang di setiap TPS," kata Goran Ilic.', "Kami menuntut pemungutan",
     "Goran Ilic", "demand"),
    ('"Kami minta maaf kepada para penumpang," kata Hendra Wijaya.', "Kami minta maaf", "Hendra Wijaya", "assert"),
    # a hedge is no denial, even after a charge in the story
    ('Nakhoda kapal ditetapkan sebagai tersangka. "Tidak menutup kemungkinan ada tersangka lain," kata '
     "Kapolres Budi Santoso.", "Tidak menutup kemungkinan", "Budi Santoso", "assert"),
    # "yang bersangkutan": the person just named
    ("Kepala KSOP Wayan Sudarta mengatakan pihaknya belum bisa memastikan jumlah penumpang. Yang bersangkutan "
     "menambahkan, kapal itu tidak melapor sebelum berangkat.", "kapal itu tidak melapor", "Wayan Sudarta", "assert"),
]


@pytest.mark.parametrize("text,content,speaker,stance", PROBE4)
def test_probe4_shapes(text, content, speaker, stance):
    got = [g for g in _quotes(text) if content in g[0]]
    assert got, _quotes(text)
    assert speaker in (got[0][1] or "") or (got[0][1] or "") in speaker, _quotes(text)
    assert got[0][2] == stance, _quotes(text)


def test_a_noun_after_a_connective_is_no_occasion():
    text = ("Bek itu kesal dengan pemberitaan. Belakangan, media-media di Italia mengembuskan rumor yang "
            "menyebut dirinya akan hengkang.")
    assert all(g[1] != "Belakangan" for g in _quotes(text)), _quotes(text)


def test_sentences_split_before_a_capital_of_latin_extended():
    from telaah.analyze import analyze_texts
    art = analyze_texts(["Oposisi menuduh terjadi kecurangan. Đorđević mengatakan hal itu."])["articles"][0]
    assert len(art["sentences"]) == 2
