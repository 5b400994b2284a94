"""Session 16: a quotation whose opening mark was lost, no evidence for a named claim, and a
claim called inaccurate. Every sentence is invented for these tests."""
from __future__ import annotations

import pytest

from telaah.analyze import analyze_texts


def _quotes(text: str) -> list[tuple[str, str | None, str, bool]]:
    dossier = analyze_texts([text])
    body = dossier["articles"][0]["text"]
    return [(body[q["start"]:q["end"]], (q["speaker"] or {}).get("text"), q["stance"], q["direct"])
            for q in dossier["quotes"]]


@pytest.mark.parametrize("text, content, speaker, stance", [
    # the opening mark lost in pasting: the paragraph up to the closing mark is the quotation
    ('Kami tidak pernah menerima uang itu," kata Budi Santoso.',
     "Kami tidak pernah menerima uang itu", "Budi Santoso", "deny"),
    ('JAKARTA - Tidak ada niat sedikit pun untuk mengganggu pemerintah," ujar Ani Lestari.',
     "Tidak ada niat sedikit pun untuk mengganggu pemerintah", "Ani Lestari", "deny"),
    ('Kami akan datang ke sidang besok pagi," kata Budi Santoso.',
     "Kami akan datang ke sidang besok pagi", "Budi Santoso", "assert"),
])
def test_lone_closing_mark_with_attribution_is_a_direct_quote(text, content, speaker, stance):
    got = _quotes(text)
    assert (content, speaker, stance, True) in got, got


def test_lone_closing_mark_without_attribution_is_no_statement():
    assert _quotes('Warga berkumpul di depan balai desa sejak pagi hari." Mereka menunggu.') == []


@pytest.mark.parametrize("text, stance", [
    ("Kuasa hukum Siti, Ahmad Rifai, mengatakan KPK tidak memiliki bukti atas dugaan kliennya terlibat.", "deny"),
    ("Ahmad Rifai mengatakan penyidik tak punya cukup bukti untuk tuduhan itu.", "deny"),
    ("Ahmad Rifai mengatakan polisi tidak memiliki bukti rekaman kamera di lokasi.", "assert"),
    ("Juru bicara Polri Rina Hartati mengatakan informasi itu tidak akurat.", "deny"),
    ('"Tidak akurat. Angka korban masih kami hitung," kata Rina Hartati.', "deny"),
    ('"Data yang tidak akurat membuat kami sulit bekerja," kata Rina Hartati.', "assert"),
    ('"Berita yang tidak benar sebaiknya jangan disebarkan," kata Rina Hartati.', "assert"),
])
def test_unproven_and_inaccurate_claims(text, stance):
    got = _quotes(text)
    assert got and got[0][2] == stance, got
