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
