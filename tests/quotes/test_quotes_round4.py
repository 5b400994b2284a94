"""Issue 4, quotes round 4: speakers set off by appositions, offices after postposed cues, a
wire agency that only relays, clipped first names, role phrases before a subject, refusals to
confirm and short "Bukan …" rejections. Every sentence is invented for the test (fictional
people and events), none is copied from a gold file.
"""
from __future__ import annotations

import pytest

from telaah.document import Mention
from telaah.pipeline import Options
from telaah.quotes.extract import QuoteStage
from test_quotes_cases import article
from test_quotes_generalise import _find
from test_quotes_rejections import statements


# --- a name, then its apposition between commas: the name speaks
APPOSITIONS = [
    ("AKP Dodi Pratama, Kapolsek Cimahi, mengatakan pelaku sudah ditahan di rutan.", "pelaku sudah ditahan", "Dodi Pratama"),
    ("Rina Wulandari, Head of Communications Garuda Digital, menyebut layanan baru itu dibuka besok.",
     "layanan baru itu dibuka besok", "Rina Wulandari"),
    ("Dr. Hasan Basri, dokter yang merawat korban, mengatakan kondisi pasien mulai membaik.",
     "kondisi pasien mulai membaik", "Hasan Basri"),
    ("Sementara itu, pemimpin Partai Maju yang sudah mundur, Joko Santoso, mengatakan koalisi itu tetap solid.",
     "koalisi itu tetap solid", "Joko Santoso"),
]


@pytest.mark.parametrize("text,content,speaker", APPOSITIONS)
def test_the_name_before_an_apposition_speaks(text, content, speaker):
    got = _find(statements(text), content)
    assert got[1] == speaker, got


@pytest.mark.parametrize("text,content,speaker", [
    # a dateline or a connective before the subject is no name with an apposition
    ("Rimanews - Menteri Perdagangan Budi Hartono mengatakan harga beras akan turun pekan depan.", "harga beras akan turun", "Budi Hartono"),
    ("Terpisah, Ketua DPP Partai Maju Andi Wijaya mengatakan rapat itu hanya silaturahmi.", "rapat itu hanya silaturahmi",
     "Andi Wijaya"),
])
def test_no_apposition_without_enclosing_commas(text, content, speaker):
    got = _find(statements(text), content)
    assert got[1] == speaker, got


# --- a long office before the name after a postposed cue
@pytest.mark.parametrize("text,content,speaker", [
    ('"Penumpang naik 20 persen," ujar Senior Humas Daop 2 PT Kereta Nusantara (PT KN), Rudi Hartono, di Bandung.',
     "Penumpang naik 20 persen", "Rudi Hartono"),
    ('"Biaya logistik kita masih tinggi," ungkap Deputi bidang Perniagaan Kementerian Koordinator, Sinta Maharani kepada wartawan.',
     "Biaya logistik kita masih tinggi", "Sinta Maharani"),
])
def test_the_name_after_an_office_speaks(text, content, speaker):
    got = _find(statements(text), content)
    assert got[1] == speaker, got


# --- "menurut X yang dilaporkan Reuters": X speaks, the agency relays
def test_a_relaying_agency_is_no_speaker_after_menurut():
    text = "Menurut Badan Geologi Nusantara (BGN) yang dilaporkan Reuters, gempa itu tidak berpotensi tsunami."
    art = article(text)
    QuoteStage()(art, Options())
    q = next(q for q in art.quotes if q.text.startswith("gempa itu"))
    assert q.speaker.text.startswith("Badan Geologi Nusantara"), q.speaker
    assert q.reported_by is not None and q.reported_by.text == "Reuters", q.reported_by


def test_a_report_relayed_by_an_outlet_keeps_the_outlet():
    got = _find(statements("Menurut kabar yang dilansir Daily Post, pelatih itu akan dipecat pekan depan."), "pelatih itu")
    assert got[1] == "Daily Post", got


# --- a clipped first name behind a pronoun is the full name introduced earlier
def test_a_clipped_name_behind_a_pronoun_takes_the_full_name():
    text = ('Menteri Perdagangan Sastrowarno Lukita meninjau pasar.\n'
            'Sastro mengatakan harga beras akan turun.\n'
            '"Pedagang tidak akan rugi," ungkapnya.')
    art = article(text, (("Sastrowarno Lukita", "PER"),))
    short = text.index("Sastro mengatakan")
    art.mentions.append(Mention(short, short + len("Sastro"), "Sastro", "PER"))
    QuoteStage()(art, Options())
    q = next(q for q in art.quotes if q.text.startswith("Pedagang"))
    assert art.mentions[q.speaker.mention].text == "Sastrowarno Lukita", [(x.text, x.speaker) for x in art.quotes]


# --- a role phrase with lower-case modifiers before a name still makes it the subject
def test_a_pronoun_after_a_role_phrase_subject():
    text = ('"Polisi sudah bekerja keras," ujar Kombes Andi Wijaya.\n'
            'Di Lebak, tokoh masyarakat Oji Sutisna turut angkat suara. Dia meminta warga agar tidak mudah percaya isu.')
    art = article(text, (("Andi Wijaya", "PER"), ("Oji Sutisna", "PER")))
    QuoteStage()(art, Options())
    q = next(q for q in art.quotes if "tidak mudah percaya" in q.text)
    assert q.speaker.text == "Oji Sutisna", [(x.text, x.speaker.text) for x in art.quotes]


def test_a_relative_of_a_name_is_not_the_subject():
    text = ('"Saya senang main film," kata Sari Dewi.\n'
            'Ditanya soal tantangan, mantan kekasih Rudi Hartono ini menggeleng. "Tidak ada kesulitan sama sekali," tandasnya.')
    art = article(text, (("Sari Dewi", "PER"), ("Rudi Hartono", "PER")))
    QuoteStage()(art, Options())
    q = next(q for q in art.quotes if q.text.startswith("Tidak ada kesulitan"))
    assert q.speaker.text != "Rudi Hartono", [(x.text, x.speaker.text) for x in art.quotes]


# --- "kata Kapolsek" after "AKP X, Kapolsek Y,": the office in the apposition
def test_an_office_named_in_an_apposition():
    text = ('AKP Dodi Pratama, Kapolsek Cimahi, mengatakan pelaku sudah ditahan.\n'
            '"Barang bukti kami sita," kata Kapolsek.')
    art = article(text, (("Dodi Pratama", "PER"),))
    QuoteStage()(art, Options())
    q = next(q for q in art.quotes if q.text.startswith("Barang bukti"))
    assert q.speaker.text == "Dodi Pratama", [(x.text, x.speaker.text) for x in art.quotes]


# --- a statement whose main clause declines to confirm: unconfirmed
@pytest.mark.parametrize("text,content", [
    ("Kapolres Budi Santoso mengatakan belum bisa memastikan penyebab kebakaran itu.", "belum bisa memastikan"),
    ('"Kami belum bisa memastikan apakah korban dibunuh," kata Budi.', "Kami belum bisa memastikan"),
    ('"Pemanggilan itu belum bisa berikan keterangan karena kami belum tahu isinya," kata Rina.', "Pemanggilan itu"),
])
def test_a_refusal_to_confirm_is_unconfirmed(text, content):
    got = _find(statements(text), content)
    assert got[2] == "unconfirmed", got


def test_a_later_refusal_leaves_the_statement_an_assertion():
    got = _find(statements('"Kami sudah memeriksa lima saksi, tapi belum bisa memastikan pelakunya," kata Budi.'), "Kami sudah")
    assert got[2] == "assert", got


# --- short "Bukan …" rejections
@pytest.mark.parametrize("text,stance", [
    ('"Bukan Darto mundur," kata Umar.', "deny"),
    ('"Bukan Darto yang mundur. Kami yang memutuskan," kata Umar.', "deny"),
    ('"Bukan tidak mungkin harga naik lagi," kata Umar.', "assert"),
])
def test_short_bukan_rejections(text, stance):
    got = statements(text)
    assert got and got[0][2] == stance, got
