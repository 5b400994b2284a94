"""The dictionary-checked stemmer: roots stop the stripping, unknown words fall back to rules."""
import pytest

from telaah.stories.stem import light_stem, roots, stem


@pytest.mark.parametrize("word, expected", [
    ("diperiksa", "periksa"), ("memeriksa", "periksa"), ("pemeriksaan", "periksa"),
    ("mengungsi", "ungsi"), ("pengungsi", "ungsi"), ("pengungsian", "ungsi"),
    ("kebijakan", "bijak"), ("memakan", "makan"), ("memukul", "pukul"), ("menteri", "menteri"),
    ("kementerian", "menteri"), ("mengirim", "kirim"), ("pengiriman", "kirim"),
    ("diberhentikan", "henti"), ("memperbaiki", "baik"), ("penangkapan", "tangkap"),
])
def test_roots_stop_over_stripping(word, expected):
    assert stem(word) == expected


def test_rule_fallback_over_strips_where_the_dictionary_does_not():
    assert light_stem("diperiksa") == "iksa"  # the old failure the root list fixes
    assert "periksa" in roots()


def test_unknown_words_and_names_are_kept_or_lightly_stripped():
    assert stem("persib") == "persib"
    assert stem("covid-19") == "covid-19"
