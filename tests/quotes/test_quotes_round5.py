"""Issue 4, quotes round 5: offices written as abbreviations or in full, places at the end of a
subject, nicknames declared with "sapaan akrabnya", and pronouns after narration about someone the
speaker talked of. Every sentence is invented for the test (fictional people and events), none is
copied from a gold file.
"""
from __future__ import annotations

import pytest

from telaah.pipeline import Options
from telaah.quotes.extract import QuoteStage, _office_of, _same_office
from test_quotes_cases import article


def _speaker_of(text: str, mentions: tuple, content: str) -> str | None:
    """The text of the mention the statement holding ``content`` is linked to (else its span)."""
    art = article(text, mentions)
    QuoteStage()(art, Options())
    q = next((q for q in art.quotes if content in q.text), None)
    assert q is not None, [x.text for x in art.quotes]
    if q.speaker is None:
        return None
    return art.mentions[q.speaker.mention].text if q.speaker.mention is not None else q.speaker.text


# --- an office abbreviation stands for its office words, either way round
@pytest.mark.parametrize("head,role,same", [
    ("menperin", "menteri perindustrian ri", True),
    (("menteri", "perindustrian"), "menperin", True),
    ("menhub", "menteri perhubungan", True),
    ("menhub", "menteri perindustrian", False),
    ("kapolri", "kapolres jakarta selatan", False),
    ("kapolsek", "kapolsekta medan barat", True),  # a shortening, as before
])
def test_abbreviated_offices(head, role, same):
    assert _same_office(head, role.split()) is same


@pytest.mark.parametrize("words,office", [
    (["menperin"], ("menperin",)),
    (["menteri", "perindustrian"], ("menteri", "perindustrian")),
    (["menteri", "perindustrian", "ri"], ("menteri", "perindustrian")),
    (["menteri", "sastro"], None),
])
def test_the_office_a_speaker_names(words, office):
    assert _office_of(words) == office


OFFICES = [
    # the abbreviation after a postposed cue
    ('Menteri Perindustrian Sastro Wibowo membuka pameran di Jakarta.\n"Industri kita tumbuh pesat," kata Menperin.',
     "Industri kita tumbuh", "Sastro Wibowo"),
    # the abbreviation as a preposed subject
    ('Menteri Perhubungan Dani Hartono meninjau pelabuhan, Senin.\nMenhub menjelaskan bahwa dermaga baru dibuka tahun depan.',
     "dermaga baru dibuka", "Dani Hartono"),
    # introduced with the abbreviation, later named by the office in full
    ('Menhub Dani Hartono meninjau pelabuhan, Senin.\nMenteri Perhubungan mengatakan bahwa dermaga baru dibuka tahun depan.',
     "dermaga baru dibuka", "Dani Hartono"),
]


@pytest.mark.parametrize("text,content,holder", OFFICES)
def test_an_office_alone_names_the_person_introduced_with_it(text, content, holder):
    assert _speaker_of(text, (("Sastro Wibowo", "PER"), ("Dani Hartono", "PER")), content) == holder


def test_an_office_no_one_holds_stays_a_description():
    text = '"Pelaku sudah kami tangkap," kata Kapolda.'
    assert _speaker_of(text, (), "Pelaku sudah") == "Kapolda"


# --- a place at the end of the subject is where the speaker is, not the speaker
PLACES = [
    ("Sementara itu Darto salah seorang warga di utara Kabupaten Lebak tepatnya di Kecamatan Cisoka mengatakan "
     "gempa itu membuat warga panik.", "membuat warga panik", "Darto"),
    ("Rudi Hartono, dokter di sebuah rumah sakit di Sukabumi, memaparkan sebagian besar korban menderita luka bakar.",
     "sebagian besar korban", "Rudi Hartono"),
]


@pytest.mark.parametrize("text,content,speaker", PLACES)
def test_a_place_ending_the_subject_gives_way_to_the_name(text, content, speaker):
    assert _speaker_of(text, (), content) == speaker


def test_no_name_before_the_place_keeps_it():
    # "Sebuah" opening the sentence is no name: nothing better than the place is there
    text = "Sebuah studi di Amerika Serikat menyatakan serangan stroke makin kerap menyasar kaum muda."
    assert _speaker_of(text, (), "serangan stroke") == "Amerika Serikat"


# --- "X, sapaan akrabnya": the nickname of someone introduced before
@pytest.mark.parametrize("text,full", [
    ('Menteri Keuangan Sri Wahyuni Lestari berbicara di kampus.\n"Kami kejar terus," tegas Uni, sapaan akrabnya.',
     "Sri Wahyuni Lestari"),
    ('Pelatih Jose Marinho kecewa dengan hasil laga.\nMari, sapaan akrabnya, mengatakan timnya bermain buruk.',
     "Jose Marinho"),
])
def test_a_nickname_declared_with_sapaan_akrabnya(text, full):
    assert _speaker_of(text, (("Sri Wahyuni Lestari", "PER"), ("Jose Marinho", "PER")),
                       "Kami kejar" if "Kami" in text else "timnya bermain") == full


def test_sapaan_karib_declares_a_nickname_too():
    text = ('Plt Gubernur Sumarto memberi penghargaan kepada polisi itu.\n'
            'Padahal, kata Toni sapaan karib Sumarto, polisi itu sedang tidak bertugas. "Tetap harus siaga," terangnya.')
    art = article(text, (("Sumarto", "PER"),))
    QuoteStage()(art, Options())
    q = next(q for q in art.quotes if "sedang tidak bertugas" in q.text)
    assert q.speaker.mention is not None and art.mentions[q.speaker.mention].text == "Sumarto", q.speaker


# --- narration about someone the speaker talked of: a postposed clitic is still the speaker
def test_a_clitic_after_narration_about_the_speakers_topic():
    text = ('"Dulu zaman Pak Wiryo juga begitu, kami tidak munaslub," ujar Kahfi.\n'
            'Wiryo akhirnya terbebas dari jerat hukum setelah kasasinya diterima.\n'
            '"Partai sudah punya pengalaman soal itu," katanya.')
    assert _speaker_of(text, (("Kahfi", "PER"), ("Wiryo", "PER")), "Partai sudah punya") == "Kahfi"


def test_a_preposed_pronoun_after_a_new_subject_is_that_subject():
    # "Ia mengaku" opens with the person just narrated, even one the last speaker named
    text = ('"Pemeriksaan saksi termasuk Kwartono minggu lalu," kata Febrianto.\n'
            'Kwartono mendatangi gedung itu pekan lalu. Ia mengaku ditanya soal penyelidikan kasus itu.')
    assert _speaker_of(text, (("Febrianto", "PER"), ("Kwartono", "PER")), "ditanya soal") == "Kwartono"


def test_a_person_named_in_the_quote_is_not_its_speaker():
    text = ('"Saya tidak tahu soal surat itu," ujar Yosef.\n'
            'Meskipun, Ketua Bidang Organisasi Fredi Latu telah mengabarkan surat itu kepada wartawan.\n'
            '"Tadi saya telepon dia (Fredi), tapi tidak bicara soal itu," ujarnya.')
    assert _speaker_of(text, (("Yosef", "PER"), ("Fredi Latu", "PER")), "Tadi saya telepon") == "Yosef"
