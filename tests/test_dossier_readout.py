"""The readout of contradictions that the CLI digest and the HTML report share."""
from __future__ import annotations

from telaah.dossier.readout import conflict_speakers


def _dossier() -> dict:
    def q(qid, stance, text, entity=None):
        return {"id": qid, "stance": stance, "speaker": {"text": text, "entity": entity}}
    return {
        "entities": [{"id": "e1", "name": "Yusran Tuasikal"}, {"id": "e2", "name": "Meilani Hutagalung"}],
        "quotes": [q("q1", "accuse", "Yusran", "e1"), q("q2", "assert", "Yusran Tuasikal", "e1"),
                   q("q3", "assert", "Ketua DPRD"), q("q4", "deny", "Meilani", "e2"),
                   q("q5", "deny", "Meilani Hutagalung", "e2"), q("q6", "unconfirmed", "polisi")],
    }


def test_sides_name_each_speaker_once_and_an_accuser_is_not_also_an_asserter():
    conflict = {"claim": "x", "assert": ["q2", "q1", "q3"], "deny": ["q4", "q5"], "unconfirmed": ["q6"]}
    assert conflict_speakers(conflict, _dossier()) == [
        ("accused by", ["Yusran Tuasikal"]), ("asserted by", ["Ketua DPRD"]),
        ("denied by", ["Meilani Hutagalung"]), ("not confirmed by", ["polisi"])]


def test_empty_sides_are_left_out():
    assert conflict_speakers({"claim": "x", "assert": [], "deny": ["q4"]}, _dossier()) == [
        ("denied by", ["Meilani Hutagalung"])]
