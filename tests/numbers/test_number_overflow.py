"""Figures too long for a float (pasted garbage, hundreds of digits) keep their claim and text
but get no value: a value of inf made the dossier's JSON invalid ("Infinity")."""
from __future__ import annotations

import json

from telaah.analyze import analyze_texts


def test_overflowing_figures_have_no_value_and_the_dossier_is_valid_json():
    huge = "9" * 400
    text = f"Kerugian mencapai Rp {huge} triliun, atau antara 5 hingga {huge} ton. Ada 20 orang."
    d = analyze_texts([text])
    by_text = {n["text"][:8]: n for n in d["numbers"]}
    assert by_text["Rp 99999"]["value"] is None
    assert by_text["5 hingga"]["low"] is None and by_text["5 hingga"]["high"] is None
    assert by_text["20 orang"]["value"] == 20
    json.dumps(d, allow_nan=False)  # raises on inf or nan
