import pytest

from telaah.text.language import detect_language


@pytest.mark.parametrize("text,lang", [
    ("Presiden Joko Widodo mengatakan pemerintah akan membangun jalan tol baru di Jawa Barat tahun depan.", "id"),
    ("Komisi Pemberantasan Korupsi resmi menahan anggota DPR itu setelah diperiksa selama tujuh jam.", "id"),
    ("Perdana Menteri Anwar Ibrahim berkata kerajaan akan membina lebih banyak rumah mampu milik tahun ini.", "ms"),
    ("The president said the government would build a new toll road in West Java next year.", "en"),
    ("Le président a déclaré que le gouvernement construirait une nouvelle autoroute l'année prochaine.", "fr"),
])
def test_detect_language(text, lang):
    assert detect_language(text)[0] == lang


def test_too_short_is_unknown():
    assert detect_language("OK")[0] is None
