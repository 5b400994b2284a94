"""Session 19: "not without grounds" is no denial (probe 7's accuser: "Kami tidak menuduh tanpa
dasar"). Every sentence is invented for these tests."""
from __future__ import annotations

import pytest

from telaah.analyze import analyze_texts


def _stances(text: str) -> list[tuple[str, str]]:
    dossier = analyze_texts([text])
    return [(q["text"], q["stance"]) for q in dossier["quotes"]]


@pytest.mark.parametrize("text, content, stance", [
    ('Yoga menuduh kementerian melakukan mark up. "Kami tidak menuduh tanpa dasar. Kami memiliki dokumen," '
     'tambahnya.', "Kami tidak menuduh tanpa dasar. Kami memiliki dokumen", "assert"),
    # the same deed negated with no "tanpa" after it still denies what was alleged
    ('Polisi menuduh Budi memfitnah pejabat. "Saya tidak memfitnah siapa pun," kata Budi.',
     "Saya tidak memfitnah siapa pun", "deny"),
])
def test_not_without_grounds_stands_by_the_charge(text, content, stance):
    assert (content, stance) in _stances(text)


@pytest.mark.parametrize("text, speaker, stance", [
    ("Wakil Wali Kota Tegal Hj. Rina Kusumawardani, S.E., menuding PD Pasar Kota Tegal lalai.",
     "Rina Kusumawardani", "accuse"),
    ("Direktur Utama PD Pasar Drs. H. Bambang Soetrisno, M.Si., membantah tudingan itu.",
     "Bambang Soetrisno", "deny"),
    ("Kapolres Tegal Kota AKBP Hendra Saputra, S.I.K., M.H., mengatakan SW ditahan di Mapolres.",
     "Hendra Saputra", "assert"),
])
def test_degrees_between_the_name_and_the_verb_keep_the_statement(text, speaker, stance):
    dossier = analyze_texts([text])
    assert [((q["speaker"] or {}).get("text"), q["stance"]) for q in dossier["quotes"]] == [(speaker, stance)]
