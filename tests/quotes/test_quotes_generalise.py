"""Issue 4, quotesfix: patterns that generalise beyond the sentences they were found in.
Denials without a denial verb (a correction of something the article reported as a claim),
"menurut X" without a comma, speakers in appositions and long postposed phrases, plural
"mereka", rumours that say nothing, and nicknames the article declares. Every sentence is
invented for the test (fictional people and events), none is copied from a gold file.
"""
from __future__ import annotations

import pytest

from telaah.document import Mention
from telaah.pipeline import Options
from telaah.quotes import QuoteStage

from test_quotes_cases import article
from test_quotes_rejections import statements


def _find(got, content):
    hits = [g for g in got if content in g[0]]
    assert hits, got
    return hits[0]


# --- a correction ("bukan X tapi Y", "Y, bukan X") of what the article reported as a claim: deny
CORRECTIONS = [
    ("Beredar kabar Rina ditahan polisi di Surabaya. Juru bicara polisi, Dodi Pratama, mengatakan Rina tidak "
     "ditahan, namun hanya dimintai keterangan sebagai saksi.", "Rina tidak ditahan", "deny"),
    ('Tono diduga menggelapkan dana koperasi desa. "Dana itu bukan digelapkan tapi dipinjamkan ke anggota," '
     "kata Tono.", "Dana itu bukan digelapkan", "deny"),
    ("Lukisan itu dilaporkan diduga menghina adat setempat. Menurut Sari, lukisan itu berbicara soal alam, "
     "bukan menghina adat.", "lukisan itu berbicara soal alam", "deny"),
    # no claim in the article before: a plain contrast stays what its cue says
    ("Kepala dinas, Agus Salim, mengatakan perbaikan jalan bukan kewenangan kabupaten, tetapi urusan provinsi.",
     "perbaikan jalan bukan kewenangan", "assert"),
    # the claim comes only after the statement: no denial
    ("Menurut Bayu, gedung itu bukan dijual tapi disewakan. Belakangan beredar kabar gedung itu dijual.",
     "gedung itu bukan dijual", "assert"),
    # the shared word is only a name: no denial
    ("Polisi menduga Andi terlibat kasus Kopkar. Ketua Kopkar, Wati, mengatakan rapat itu tidak untuk Kopkar, "
     "melainkan untuk warga.", "rapat itu tidak untuk Kopkar", "assert"),
    # "bukan tidak mungkin", "tidak hanya", a negation inside "agar …": no correction
    ("Jaksa menduga Doni menerima suap. Menurut Eko, bukan tidak mungkin Doni menerima suap, tetapi buktinya "
     "belum ada.", "bukan tidak mungkin Doni menerima suap", "assert"),
    ("Rudi diduga menerima hadiah. Rudi mengatakan ia tidak hanya menerima hadiah, tetapi juga membayar pajaknya.",
     "tidak hanya menerima hadiah", "assert"),
    ("Nina dituduh menahan gaji pegawai. Nina meminta agar gaji itu tidak ditahan, melainkan dibayar bulan ini.",
     "gaji itu tidak ditahan", "demand"),
    # a negated denial verb stays an admission
    ("Bowo dituduh menerima uang. Bowo tidak membantah menerima uang itu dari kontraktor.",
     "menerima uang itu dari kontraktor", "assert"),
    # a plain negative assertion that answers nothing stays assert
    ("Camat Joko mengatakan tidak ada korban jiwa dalam kebakaran pasar itu.", "tidak ada korban jiwa", "assert"),
]


@pytest.mark.parametrize("text,content,stance", CORRECTIONS)
def test_corrections_of_a_reported_claim_are_denials(text, content, stance):
    assert _find(statements(text), content)[2] == stance


def test_clarifying_a_report_is_a_denial_with_the_report_as_content():
    got = statements("Polda Jabar mengklarifikasi pemberitaan penahanan kepala desa di Bandung, kemarin.")
    content, speaker, stance = _find(got, "pemberitaan penahanan")
    assert (speaker, stance) == ("Polda Jabar", "deny")
    assert content.startswith("pemberitaan")


# --- "menurut X" with no comma: the speaker is the name, the content the clause after it (or before)
MENURUT = [
    ("Menurut Hadi pembangunan jembatan itu sudah sesuai rencana.", "pembangunan jembatan itu sudah sesuai rencana", "Hadi"),
    ("Harga beras menurut Ketua Bulog Rahmat Hidayat akan turun pekan depan.", "akan turun pekan depan", "Rahmat Hidayat"),
    ("Sementara itu, soal jadwal lainnya, menurut Yanti masih akan dibahas oleh panitia.",
     "masih akan dibahas oleh panitia", "Yanti"),
    ("Pelaku sempat membuang barang bukti ke sungai menurut penyidik.", "Pelaku sempat membuang barang bukti", "penyidik"),
]


@pytest.mark.parametrize("text,content,speaker", MENURUT)
def test_menurut_without_a_comma(text, content, speaker):
    got = statements(text)
    hit = _find(got, content)
    assert hit[1] == speaker and "menurut" not in hit[0].lower(), got


# --- speaker phrases: a role after the name, long postposed roles, descriptions with commas
SPEAKERS = [
    ("Dewi Lestari, dosen hukum dari Universitas Nusantara menilai putusan itu terlalu ringan.",
     "putusan itu terlalu ringan", "Dewi Lestari"),
    ("Rahmat Saleh, anggota dewan kota lainnya mengatakan anggaran itu sudah disetujui.",
     "anggaran itu sudah disetujui", "Rahmat Saleh"),
    ('"Pasar saham akan pulih tahun depan," kata analis pasar modal dari Lembaga Kajian Ekonomi, Budi Hartanto di Medan.',
     "Pasar saham akan pulih tahun depan", "Budi Hartanto"),
    ('Wahyu Wibisono mengatakan ia dipukul di halte bus.\n"Saya tidak tahu mengapa mereka marah," ujar pria asal Garut, '
     'Jawa Barat ini.',
     "Saya tidak tahu mengapa mereka marah", "Wahyu Wibisono"),
]


@pytest.mark.parametrize("text,content,speaker", SPEAKERS)
def test_speaker_phrases_with_commas(text, content, speaker):
    got = statements(text)
    assert _find(got, content)[1] == speaker, got


def test_a_rumour_is_no_speaker():
    got = statements("Rumor yang beredar menyebutkan, perusahaan itu akan segera bangkrut.")
    assert not any(s and s.lower().startswith("rumor") for _, s, _ in got), got


def test_mereka_is_the_organisation_just_named_not_the_last_person():
    text = ('"Airnya sudah keruh sejak bulan lalu," kata nelayan Samsul Bahri.\n'
            "Warga menduga PT Sinar Tambang membuang limbah ke sungai. Namun, mereka membantah telah membuang limbah.")
    got = statements(text)
    content, speaker, stance = _find(got, "telah membuang limbah")
    assert stance == "deny" and speaker == "PT Sinar Tambang", got


def _with_mentions(text: str, names: list[tuple[str, str, int]]):
    """An article with PER/ORG mentions at the given (surface, type, occurrence) places."""
    art = article(text)
    mentions = []
    for surface, type_, nth in names:
        pos = -1
        for _ in range(nth + 1):
            pos = text.index(surface, pos + 1)
        mentions.append(Mention(pos, pos + len(surface), surface, type_))
    art.mentions = sorted(mentions, key=lambda m: m.start)
    QuoteStage()(art, Options())
    return art


def test_a_nickname_the_article_declares_links_to_the_full_name():
    text = ("Tokoh adat KH Mahmud Arifin menilai tradisi itu perlu dijaga. Abah Mahmud, sapaan akrab KH Mahmud "
            "Arifin, mengatakan generasi muda mulai melupakan tradisi itu.")
    art = _with_mentions(text, [("Mahmud Arifin", "PER", 0), ("Abah Mahmud", "PER", 0), ("Mahmud Arifin", "PER", 1)])
    q = next(q for q in art.quotes if "generasi muda" in q.text)
    assert q.speaker.text == "Abah Mahmud"
    assert art.mentions[q.speaker.mention].text == "Mahmud Arifin"


def test_a_clipped_first_name_links_to_the_earlier_full_name():
    text = ('"Kami siap," kata Gubernur Hendrawan Saputra.\nMenurut Hendra, proyek itu akan selesai tahun depan.')
    art = _with_mentions(text, [("Hendrawan Saputra", "PER", 0), ("Hendra", "PER", 1)])
    q = next(q for q in art.quotes if "proyek itu" in q.text)
    assert art.mentions[q.speaker.mention].text == "Hendrawan Saputra"
    # a short name that is used as it is for another person stays that person
    text2 = ('"Kami siap," kata Hendra Wijaya.\n"Proyek itu lambat," kata Hendrawan Saputra.\nMenurut Hendra, proyek itu '
             "akan selesai tahun depan.")
    art2 = _with_mentions(text2, [("Hendra Wijaya", "PER", 0), ("Hendrawan Saputra", "PER", 0), ("Hendra", "PER", 2)])
    q2 = next(q for q in art2.quotes if "selesai" in q.text)
    assert art2.mentions[q2.speaker.mention].text == "Hendra"


def test_a_subject_with_age_in_brackets_is_the_antecedent_of_ia():
    text = ('"Kami menolak," kata Rahmat.\nSusanto (45) melaporkan kepala desa ke polisi, Senin. Ia menuduh kepala '
            "desa menggelapkan dana bantuan.")
    art = _with_mentions(text, [("Rahmat", "PER", 0), ("Susanto", "PER", 0)])
    q = next(q for q in art.quotes if "menggelapkan" in q.text)
    assert q.stance == "accuse" and q.speaker.text == "Susanto"
