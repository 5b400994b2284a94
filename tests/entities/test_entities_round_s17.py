"""Session 17: a rank the model tagged as an organisation, and an office run in from a dateline
(probe 5b's riot story). Sentences written for these tests."""
from __future__ import annotations

from telaah.analyze import analyze_texts


def _entities(text: str) -> dict[str, str]:
    return {e["name"]: e["type"] for e in analyze_texts([text])["entities"]}


def test_a_rank_alone_is_no_organisation():
    found = _entities("Kapolres Cimahi AKBP Tri Suhartanto mengatakan Polres Cimahi telah memeriksa 20 saksi.")
    assert "AKBP" not in found, found
    assert found.get("Tri Suhartanto") == "PER" and found.get("Polres Cimahi") == "ORG", found


def test_an_office_run_in_from_the_dateline_is_an_organisation():
    found = _entities("Ricuh di Stadion\n\nBandung Barat - Polres Cimahi menetapkan lima orang sebagai tersangka.")
    assert found.get("Polres Cimahi") == "ORG", found
