"""Session 28 (probe 12): a regency's "Dinas PUPR" is the regional office, never the national
ministry the acronym alone names; the place after it says whose office it is. Sentences written
for these tests."""
from __future__ import annotations

from telaah.analyze import analyze_texts


def _entities(*texts: str) -> dict[str, str]:
    return {e["name"]: e["type"] for e in analyze_texts(list(texts))["entities"]}


def test_a_regional_office_is_not_the_ministry():
    found = _entities(
        "KUNINGAN - Bupati Kuningan diamankan KPK bersama Kepala Dinas PUPR Yayan Sofyan. "
        "Kepala Dinas PUPR Kuningan Yayan Sofyan ikut diperiksa.",
        "BANDUNG - Kejati menahan mantan Kepala Dinas PUPR Kabupaten Garut, Deden Sukmana.")
    assert "Kementerian Pekerjaan Umum dan Perumahan Rakyat" not in found, found
    assert found.get("Dinas PUPR Kuningan") == "ORG"
    assert found.get("Dinas PUPR Kabupaten Garut") == "ORG"
    assert found.get("Yayan Sofyan") == "PER" and found.get("Deden Sukmana") == "PER"


def test_the_ministry_stays_the_ministry():
    found = _entities("JAKARTA - Kementerian PUPR menyiapkan anggaran perbaikan jalan, kata Menteri PUPR.")
    assert found.get("Kementerian Pekerjaan Umum dan Perumahan Rakyat") == "ORG", found


def test_a_name_known_only_as_a_person_is_a_person():
    """Probe 12: the model read "Recep Tayyip Erdogan" as an organisation in one article, which
    split the president in two."""
    from telaah.entities.recognize import _known_persons

    words = ["Presiden", "Recep", "Tayyip", "Erdogan", "dijadwalkan", "mengunjungi", "Malatya"]
    assert _known_persons(words, [(1, 4, "ORG"), (6, 7, "LOC")]) == [(1, 4, "PER"), (6, 7, "LOC")]


def test_the_client_named_in_a_counsels_role_is_the_same_person():
    """Probe 12: in "Kuasa hukum Deden, Irfan Maulana, membantah …" the role is Irfan's; Deden is
    the client, the "Deden Sukmana" named before, not a lawyer of his own."""
    result = analyze_texts([
        "BANDUNG - Kejaksaan menahan mantan Kepala Dinas PUPR Kabupaten Garut, Deden Sukmana, terkait "
        "dugaan korupsi proyek jalan.\n\nKuasa hukum Deden, Irfan Maulana, membantah kliennya menerima "
        "aliran dana."])
    people = {e["name"] for e in result["entities"] if e["type"] == "PER"}
    assert people == {"Deden Sukmana", "Irfan Maulana"}
    [quote] = result["quotes"]
    assert quote["speaker"]["text"] == "Irfan Maulana" and quote["stance"] == "deny"
