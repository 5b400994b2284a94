"""Session 29: a province's prosecutors are one organisation ("Kejati Jabar", "Kejaksaan Tinggi
Jawa Barat", and the bare "Kejati" of the same article), a role in apposition after a name is
that person's, and two people named alike whose offices cannot be one person's stay two.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from telaah.analyze import analyze_texts
from telaah.document import Sentence
from telaah.entities.recognize import recognize


def _mentions(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.type, m.role) for m in recognize(text, [Sentence("x:s0", 0, len(text), 0)])]


@pytest.mark.parametrize("text, expected", [
    ("Kemarin Kejati Jabar menahan seorang kontraktor.", ("Kejati Jabar", "ORG")),
    ("Kejati Jabar Tahan Kontraktor Proyek Jalan", ("Kejati Jabar", "ORG")),
    ("GARUT - Kejati Jabar menahan kontraktor itu.", ("Kejati Jabar", "ORG")),
    ("Bandung - Kejaksaan Tinggi Jawa Barat menahan seorang kontraktor.", ("Kejaksaan Tinggi Jawa Barat", "ORG")),
    ("Polda Jabar menahan seorang kontraktor.", ("Polda Jabar", "ORG")),
])
def test_a_regional_office_is_one_organisation(text, expected):
    assert expected in [(t, ty) for t, ty, _ in _mentions(text)], _mentions(text)


def test_a_place_in_a_role_is_a_place():
    found = {t: ty for t, ty, _ in _mentions("GARUT - Bupati Garut Ahmad Fauzi Rahman meresmikan jembatan baru.")}
    assert found.get("Garut") == "LOC" and found.get("Ahmad Fauzi Rahman") == "PER", found


@pytest.mark.parametrize("text, name, role", [
    ("Kontraktor bernama Ahmad Fauzi, Direktur CV Maju Jaya, ditahan setelah diperiksa.", "Ahmad Fauzi",
     "Direktur CV Maju Jaya"),
    ("Hal itu disampaikan Rami Abdel Rahman, Direktur Observatorium Suriah, kepada wartawan.", "Rami Abdel Rahman",
     "Direktur Observatorium Suriah"),
    # a list of people and offices: the office is the next person's
    ("Hadir Ahmad Fauzi, Ketua RT Budi Santoso, dan warga.", "Ahmad Fauzi", None),
    # a known person's name inside what follows: no apposition
    ("Hadir Yenny Wahid, Menteri Sosial Khofifah Indar Parawansa, dan warga.", "Yenny Wahid", None),
])
def test_a_role_in_apposition(text, name, role):
    roles = {t: r for t, ty, r in _mentions(text) if ty == "PER"}
    assert roles.get(name) == role, roles


def test_namesakes_with_unlike_offices_stay_apart():
    result = analyze_texts([
        "GARUT - Kejati Jabar menahan kontraktor Ahmad Fauzi, Direktur CV Maju Jaya, Selasa (10/11/2026). "
        "Ahmad Fauzi ditahan 20 hari.",
        "GARUT - Bupati Garut Ahmad Fauzi Rahman meresmikan jembatan baru, Senin (9/11/2026). "
        "\"Jembatan ini untuk warga,\" kata Ahmad Fauzi."])
    people = {e["name"] for e in result["entities"] if e["type"] == "PER"}
    assert {"Ahmad Fauzi", "Ahmad Fauzi Rahman"} <= people, people


def test_one_office_word_in_common_keeps_one_person():
    result = analyze_texts([
        "GARUT - Kepala Dinas Pendidikan Garut Ahmad Fauzi meninjau sekolah yang rusak, Senin (9/11/2026).",
        "GARUT - Kadis Pendidikan Kabupaten Garut Ahmad Fauzi Rahman meminta bantuan provinsi, Selasa (10/11/2026)."])
    people = [e for e in result["entities"] if e["type"] == "PER"]
    assert [e["name"] for e in people] == ["Ahmad Fauzi Rahman"], [(e["name"], e.get("roles")) for e in people]


def test_the_bare_office_is_the_branch_the_article_names():
    result = analyze_texts([
        "Bandung - Kejaksaan Tinggi Jawa Barat menahan seorang kontraktor proyek jalan, Selasa (10/11/2026). "
        "Menurut Kejati, kerugian negara mencapai Rp 2,1 miliar."])
    orgs = {e["name"]: e.get("aliases") for e in result["entities"] if e["type"] == "ORG"}
    assert "Kejati" in orgs.get("Kejaksaan Tinggi Jawa Barat", []), orgs
