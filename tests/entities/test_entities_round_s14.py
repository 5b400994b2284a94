"""Session 14: an office the recogniser ran on into the person after it (probe 4's "Anggota
Komisi V DPRD NTT" shape). Synthetic token sequences written for these tests."""
from __future__ import annotations

import pytest

from telaah.entities.recognize import _office_name_len, _refine_spans


@pytest.mark.parametrize("words,spans,expected", [
    # the model's ORG ran over the name after a role and an office in capitals
    ("Anggota DPRD NTT Markus Lede menuding operator .", [(1, 5, "ORG")], [(1, 3, "ORG"), (3, 5, "PER")]),
    # ... after a numbered commission too
    ("Anggota Komisi V DPRD NTT Markus Lede menuding operator .", [(3, 7, "ORG")],
     [(3, 5, "ORG"), (5, 7, "PER")]),
    # a company's name after a role is left whole when no name follows it
    ("Direktur PT Nusa Bahari Jaya membantah .", [(1, 5, "ORG")], [(1, 5, "ORG")]),
    # no role before it: the model's span stands
    ("DPRD NTT Markus Lede menggelar rapat .", [(0, 4, "ORG")], [(0, 4, "ORG")]),
])
def test_office_run_into_a_name_is_split(words, spans, expected):
    assert _refine_spans(words.split(), spans) == expected


@pytest.mark.parametrize("words,length", [
    ("Komisi V DPRD", 2),
    ("Kodam IX Udayana", 2),
    ("Pansus XII", 2),
    ("Komisi Vasa", 0),  # not a numeral
])
def test_numbered_body_is_an_office_name(words, length):
    assert _office_name_len(words.split(), 0, len(words.split())) == length


def _found(text: str) -> list[tuple[str, str]]:
    from telaah.document import Sentence
    from telaah.entities.recognize import recognize

    return [(m.text, m.type) for m in recognize(text, [Sentence("t:s1", 0, len(text), 0)])]


@pytest.mark.parametrize("text,wanted,unwanted", [
    # the model ran the office's place into the name (probe 5)
    ("Kepala Dinkes Garut Leni Marlina, Rabu (21/10/2026), menyampaikan bahwa 41 siswa dirawat.",
     ("Leni Marlina", "PER"), ("Garut Leni Marlina", "LOC")),
    # a section head's abbreviation is a role
    ("Saat dikonfirmasi, Kasi Penkum Kejati Sultra Dody Hermawan mengatakan pihaknya belum menerima audit.",
     ("Dody Hermawan", "PER"), ("Sultra Dody Hermawan", "PER")),
    # a province's short form is no person; (session 26) here the regional office is one name
    ("Sebelumnya, Kejati Sultra menyebut kerugian negara sekitar Rp12 miliar.", ("Kejati Sultra", "ORG"),
     ("Sultra", "PER")),
    # an office of a place is no person
    ("Penyidik Satreskrim Polres Garut telah mengambil sampel makanan.", None, ("Polres Garut", "PER")),
])
def test_regional_offices_and_their_heads(text, wanted, unwanted):
    found = _found(text)
    if wanted:
        assert wanted in found, found
    assert unwanted not in found, found
