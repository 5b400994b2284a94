"""Stances from an analyst's probe (session 24, probe 10), through the whole pipeline: a refusal
after a put-off ("Nanti saja, …") or with "menyampaikan" declines to confirm."""
from __future__ import annotations

from datetime import date

import pytest
from stancekit import stances

from telaah.analyze import analyze_articles
from telaah.document import Article
from telaah.pipeline import Options


def _stances(text: str) -> list[str]:
    return stances(text, date(2026, 11, 5))


@pytest.mark.parametrize("sentence,stance", [
    ('"Nanti saja, kami belum bisa menyampaikan apa-apa," kata Idrus.', "unconfirmed"),
    ('"Kami belum bisa menyampaikan apa-apa. Semua laporan kami telaah," kata Idrus.', "unconfirmed"),
    ('"Mohon maaf, saya belum bisa memberikan keterangan," kata Idrus.', "unconfirmed"),
    # a put-off before something else is no refusal
    ('"Nanti saja, kami akan menyampaikan hasilnya pekan depan," kata Idrus.', "assert"),
])
def test_refusals_after_a_put_off(sentence, stance):
    assert _stances("Judul Berita\n\nPALU - " + sentence) == [stance]


def _speakers(text: str) -> list[tuple[str, str | None, str | None]]:
    article = analyze_articles([Article(id="a", text=text, published=date(2026, 11, 5))],
                               Options(workers=1)).articles[0]
    return [(q.speaker.text, q.speaker.kind, q.speaker.entity) for q in article.quotes if q.speaker]


@pytest.mark.parametrize("sentence,speaker", [
    # probe 10: a bare "perwira" with a relative clause after a postposed cue (the quote was lost)
    ('"Totalnya 15 kilo," kata perwira yang tidak bersedia disebutkan namanya karena tidak berwenang.', "perwira"),
    # after a connective and a comma, the relative clause is still no part of the speaker
    ("Namun, seorang perwira yang terlibat dalam penggerebekan mengatakan bahwa petugas menyita sabu.",
     "seorang perwira"),
    ("Menurut seorang pejabat yang meminta namanya tidak disebutkan, kapal itu kelebihan muatan.",
     "seorang pejabat"),
])
def test_an_anonymous_source_with_a_relative_clause_is_a_group_speaker(sentence, speaker):
    found = _speakers("Judul Berita\n\nPONTIANAK - Polisi menyita sabu.\n\n" + sentence)
    assert (speaker, "group", None) in found


def test_that_source_is_the_anonymous_source_not_the_last_name():
    """Pre-July IndoSum: "kata seorang sumber …" then "Sumber itu menambahkan …" was credited
    to Justin Bieber, the last person named."""
    text = ("Judul Berita\n\nJustin Bieber memuji musik baru Zayn Malik. \"Justin benar-benar memuji musik baru "
            "Zayn,\" ujar seorang sumber kepada The Sun.\n\nSumber itu menambahkan bahwa kini keduanya telah "
            "berteman baik.")
    found = _speakers(text)
    assert found[-1][2] is None and found[-1][0] == "seorang sumber"


def test_a_speech_verb_in_an_adverbial_clause_has_no_speaker_of_its_own():
    """Pre-July IndoSum: "…, setelah menantang bahaya …" gave the next paragraph's quote to
    "orang"; "Setelah …" and "Sembari …" were named speakers."""
    text = ("Judul Berita\n\nDARWIN - \"Mereka beruntung,\" kata Louise Jorgensen.\n\nNamun pada akhirnya, kedua orang "
            "yang sebelumnya hilang tiba di tempat penambatan kapal, setelah menantang bahaya dengan berenang.\n\n"
            "\"Kedua pria ini berenang hingga ke tepi sungai.\"")
    assert [sp[0] for sp in _speakers(text)] == ["Louise Jorgensen", "Louise Jorgensen"]
