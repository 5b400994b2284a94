"""Session 20: a speaker's role read whole (probe 7: an office with "dan" in it, an honorific
between office and name), and an honorific alone is nobody. Sentences invented for these tests."""
from __future__ import annotations

import pytest

from telaah.analyze import analyze_texts


@pytest.mark.parametrize("text, speaker, role", [
    ("Kepala Dinas Pemadam Kebakaran dan Penyelamatan Kota Tegal Agus Priyanto mengatakan api cepat membesar.",
     "Agus Priyanto", "Kepala Dinas Pemadam Kebakaran dan Penyelamatan Kota Tegal"),
    ("Menteri Pendidikan Dasar dan Menengah Arief Wicaksono mengaku belum membaca laporan itu.",
     "Arief Wicaksono", "Menteri Pendidikan Dasar dan Menengah"),
    ("Wakil Wali Kota Tegal Hj. Rina Kusumawardani, S.E., menuding PD Pasar Kota Tegal lalai.",
     "Rina Kusumawardani", "Wakil Wali Kota Tegal"),
    ("Direktur Utama PD Pasar Kota Tegal Drs. H. Bambang Soetrisno, M.Si., membantah tudingan itu.",
     "Bambang Soetrisno", "Direktur Utama PD Pasar Kota Tegal"),
    # no office before the name: no role made up from the honorific
    ("Hj. Siti Aminah mengatakan pasar itu sudah lama rusak.", "Siti Aminah", None),
])
def test_the_speakers_role_is_the_office_read_whole(text, speaker, role):
    [quote] = analyze_texts([text])["quotes"]
    assert (quote["speaker"]["text"], quote["speaker"]["role"]) == (speaker, role)


def test_an_honorific_alone_is_no_person():
    dossier = analyze_texts(["Warga sempat bertemu Hj. Siti Aminah di pasar kemarin."])
    assert [e["name"] for e in dossier["entities"] if e["type"] == "PER"] == ["Siti Aminah"]


def test_a_ministrys_short_name_no_list_holds_is_not_part_of_the_person():
    dossier = analyze_texts(["Juru bicara Kemendikdasmen Nadia Rahmawati membantah adanya penggelembungan harga."])
    types = {e["name"]: e["type"] for e in dossier["entities"]}
    assert types == {"Kemendikdasmen": "ORG", "Nadia Rahmawati": "PER"}
    [quote] = dossier["quotes"]
    assert (quote["speaker"]["text"], quote["speaker"]["role"]) == ("Nadia Rahmawati", "Juru bicara Kemendikdasmen")


@pytest.mark.parametrize("text, org, person", [
    ("Di tengah penanganan darurat, anggota Komisi IV DPRD NTB Hj. Baiq Nurul Aini, S.Pd., menuding Dinas PUPR "
     "NTB mengabaikan peringatan.", "DPRD NTB", "Baiq Nurul Aini"),
    # (session 26) the office is "Dinas PUPR" with its province beside it (was "PUPR NTB")
    ("Kepala Dinas PUPR NTB Ir. I Made Suarta Wijaya, M.T., membantah tudingan tersebut.", "Dinas PUPR",
     "I Made Suarta Wijaya"),
])
def test_an_organisation_does_not_run_over_the_next_persons_honorific(text, org, person):
    """Session 20 (probe 8): "DPRD NTB Hj. Baiq Nurul Aini" was one organisation."""
    dossier = analyze_texts([text])
    names = {e["name"]: e["type"] for e in dossier["entities"]}
    assert names.get(org) == "ORG" and names.get(person) == "PER", names
    [quote] = dossier["quotes"]
    assert quote["speaker"]["text"] == person


def test_an_institution_named_after_a_person_keeps_its_title():
    dossier = analyze_texts(["Korban dirawat di RSUD dr. R. Soedjono Selong sejak Senin malam."])
    assert not [e for e in dossier["entities"] if e["type"] == "PER"]


@pytest.mark.parametrize("text, speaker", [
    # degrees after the name, then the occasion and the day: the name is the subject
    ("Kepala Pelaksana BPBD NTB, H. Lalu Muhammad Firdaus, S.T., M.Si., dalam keterangannya di posko utama "
     "Selong, Rabu (25/11/2026), menyebut jumlah korban meninggal bertambah menjadi 17 orang.", "Firdaus"),
    # a place after "di" described by a plain word before its name is the occasion, not the subject
    ("Bupati Lombok Timur, H. Syamsul Hadi Ramli, di posko utama Selong, mengatakan status tanggap darurat "
     "sudah ditetapkan.", "Syamsul Hadi Ramli"),
])
def test_degrees_and_a_described_place_after_the_name_are_no_subject(text, speaker):
    """Session 20 (probe 8): both were credited to "Selong"."""
    [quote] = analyze_texts([text])["quotes"]
    assert quote["speaker"]["text"].endswith(speaker)
