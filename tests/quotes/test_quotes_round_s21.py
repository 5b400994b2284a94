"""Session 21 (probe 8): "Menurut dia" after a subject whose degrees follow the name ("Ahmad
Rifa'i Sulaiman, M.Si. menyebut …") is that subject, not the previous speaker; an office's place
does not take in the honorific after it ("Sekretaris Daerah [NTB] Dr. H. Ahmad"). Sentences
invented for these tests."""
from __future__ import annotations

from telaah.analyze import analyze_texts

TEXT = ("Kepala BPBD NTB Lalu Firdaus mengatakan dana tanggap darurat sudah disiapkan. Namun, Sekretaris "
        "Daerah NTB Dr. H. Ahmad Rifa'i Sulaiman, M.Si. menyebut angka berbeda. Menurut dia, dana provinsi "
        "yang dialokasikan sebesar Rp5 miliar.")


def test_pronoun_after_a_subject_with_degrees_is_that_subject():
    quotes = analyze_texts([TEXT])["quotes"]
    menurut = next(q for q in quotes if q["text"].startswith("dana provinsi"))
    assert menurut["speaker"]["text"] == "Ahmad Rifa'i Sulaiman"


def test_office_place_ends_before_the_honorific():
    names = {e["name"] for e in analyze_texts([TEXT])["entities"]}
    assert "NTB" in names and "NTB Dr." not in names
