"""Issue 4, quotes round 2: narrowed speaker rules of the previous round and three denial forms
without a denial verb (a negated aim under an emphatic cue, an accused who pleads ignorance or
victimhood, "tidak mendasar") plus "menolak bertanggung jawab". Every sentence is invented for
the test (fictional people and events), none is copied from a gold file.
"""
from __future__ import annotations

import pytest

from test_quotes_generalise import _find
from test_quotes_rejections import statements


# --- a sentence-initial connective before a comma is no name in an apposition
CONNECTIVES = [
    ("Bupati Hasan Basri meresmikan pasar baru di Tegal.\nSelanjutnya, mantan Wali Kota Brebes ini juga menyinggung "
     "Darmo yang telah mengikuti program pengampunan pajak.", "Darmo yang telah mengikuti", "Selanjutnya"),
    ("Sebelumnya, pihak kejaksaan di Medan menyatakan, Rudi diduga menggelapkan dana desa.",
     "Rudi diduga menggelapkan dana desa", "Sebelumnya"),
]


@pytest.mark.parametrize("text,content,not_speaker", CONNECTIVES)
def test_a_connective_is_not_the_name_of_an_apposition(text, content, not_speaker):
    got = statements(text)
    assert _find(got, content)[1] != not_speaker, got


def test_a_name_with_a_role_after_it_still_speaks():
    got = statements("Yusuf Hamdani, pengamat ekonomi dari Universitas Lestari menilai harga cabai akan turun.")
    assert _find(got, "harga cabai akan turun")[1] == "Yusuf Hamdani", got


# --- "menurut <description> itu VERB …": the description is the speaker, the verb is no content
def test_menurut_a_description_with_its_marker_and_a_verb():
    text = ('"Kami akan menagih pajak itu," kata Menteri Keuangan Ratna Sari.\n'
            "Menurut mantan Direktur Bank Pembangunan itu menjelaskan upaya penagihan dimulai bulan depan.")
    content, speaker, _ = _find(statements(text), "upaya penagihan")
    assert content.startswith("upaya penagihan"), content
    assert speaker != "Bank Pembangunan"


# --- a negated aim ("bukan untuk", "tidak bermaksud", "tidak bertujuan") under an emphatic cue: deny
PURPOSES = [
    ("Kuasa hukum Andi, Bima Sakti, menegaskan kepergian kliennya ke Singapura bukan untuk menghindari "
     "pemeriksaan.", "kepergian kliennya ke Singapura", "deny"),
    ("Ketua panitia, Lina, menegaskan undangan itu tidak bermaksud menyinggung kelompok mana pun.",
     "undangan itu tidak bermaksud", "deny"),
    ('"Surat itu bukan untuk menekan hakim," tegas Hendro.', "Surat itu bukan untuk menekan hakim", "deny"),
    # under a neutral cue a negated aim is a description
    ("Dokter Wira mengatakan obat itu bukan untuk menyembuhkan, namun mengurangi rasa nyeri.",
     "obat itu bukan untuk menyembuhkan", "assert"),
    # a beneficiary, not an aim
    ("Kepala dinas, Agus, menegaskan bantuan itu bukan untuk pegawai negeri.", "bantuan itu bukan untuk pegawai", "assert"),
    # the negation sits in a request inside the content
    ("Rektor Budi menegaskan agar dana itu tidak untuk membeli mobil dinas.", "dana itu tidak untuk membeli", "assert"),
    # a plan, not an aim someone imputes
    ("Direktur Rina menegaskan perusahaan tidak berniat menjual pabrik di Bekasi.", "tidak berniat menjual pabrik", "assert"),
]


@pytest.mark.parametrize("text,content,stance", PURPOSES)
def test_a_negated_aim_under_an_emphatic_cue_is_a_denial(text, content, stance):
    assert _find(statements(text), content)[2] == stance


# --- an accused who did not know the culpable fact, or was only a victim: deny
IGNORANCE = [
    ("Polisi menangkap tiga tersangka, yakni Udin, Beni dan Koko, di pelabuhan.\n"
     "Udin mengaku tidak tahu bahwa kardus yang dibawanya berisi sabu.", "kardus yang dibawanya berisi sabu", "deny"),
    ("Hadir pula terdakwa lainnya, Maya Kartika, di ruang sidang.\n"
     "Maya mengaku hanya sebagai korban dalam penipuan itu.", "hanya sebagai korban", "deny"),
    ("Jaksa mendakwa Tarno dan Sule menipu ratusan nasabah.\n"
     "Tarno mengatakan hanya sebagai sopir saja dan tidak mengetahui bahwa uang itu hasil penipuan.",
     "hanya sebagai sopir", "deny"),
    # not the accused: the judge named in the same sentence as the suspect
    ("Hakim Sutrisno Wibowo menunda sidang praperadilan Darmaji Santoso, tersangka kasus pupuk.\n"
     "Sutrisno mengaku tidak tahu alasan jaksa tidak hadir.", "alasan jaksa tidak hadir", "assert"),
    # no one is charged in the article
    ('Gubernur Dedi ditanya soal surat teguran partai.\n"Saya tidak tahu. Saya belum membacanya," ujar Dedi.',
     "Saya tidak tahu", "assert"),
    # a thing not known, not a fact: the convention keeps it assert
    ("Polisi menetapkan Anton sebagai tersangka penipuan.\nAnton mengaku tidak mengetahui aliran dana itu.",
     "aliran dana itu", "assert"),
    # "belum tahu" (not yet) is no plea
    ("Polisi menetapkan Anton sebagai tersangka penipuan.\nAnton mengaku belum tahu jadwal sidangnya.",
     "jadwal sidangnya", "assert"),
]


@pytest.mark.parametrize("text,content,stance", IGNORANCE)
def test_an_accused_pleading_ignorance_or_victimhood_denies(text, content, stance):
    assert _find(statements(text), content)[2] == stance


# --- lexical: "tidak mendasar" like "tidak berdasar"; "menolak bertanggung jawab" is a denial verb
def test_tidak_mendasar_is_a_verdict_like_tidak_berdasar():
    got = statements('"Tuntutan ganti rugi dari warga itu juga tidak mendasar karena lahan itu milik negara," ucap Haris.')
    assert _find(got, "Tuntutan ganti rugi")[2] == "deny"
    # an attribute ("yang tidak mendasar") is no verdict on a claim
    got = statements('"Kami hanya mengubah hal yang tidak mendasar dalam aturan itu," kata Yani.')
    assert _find(got, "Kami hanya mengubah")[2] == "assert"


def test_refusing_responsibility_is_a_denial():
    got = statements("Wali Kota Surya Darma juga menolak bertanggung jawab atas banjir yang melanda kawasan itu.")
    content, speaker, stance = _find(got, "banjir yang melanda")
    assert (speaker, stance) == ("Surya Darma", "deny"), got
    got = statements("Wali Kota Surya Darma tidak menolak bertanggung jawab atas banjir yang melanda kawasan itu.")
    assert all(s != "deny" for _, _, s in got), got
