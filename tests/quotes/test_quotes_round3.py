"""Issue 4, quotes round 3: recall of demands and claims, speakers after long office titles,
coordinated subjects, personal pronouns after an organisation, declared nicknames behind
anaphors. Every sentence is invented for the test (fictional people and events), none is
copied from a gold file.
"""
from __future__ import annotations

import pytest

from telaah.pipeline import Options
from telaah.quotes.extract import QuoteStage
from test_quotes_cases import article
from test_quotes_generalise import _find
from test_quotes_rejections import statements


# --- demand verbs: an addressee and the act asked of them, a dare, an emphatic ban
DEMANDS = [
    ("Kapolres Budi Santoso tetap meminta warga tetap tenang.", "warga tetap tenang", "Budi Santoso"),
    ("Di Jawa Tengah, kepolisian daerah setempat meminta warga tenang dan tidak terpancing isu itu.",
     "warga tenang dan tidak terpancing", "kepolisian daerah setempat"),
    ("Rudi Hartono menantang jaksa untuk membuktikan tuduhan suap itu.", "jaksa untuk membuktikan", "Rudi Hartono"),
    ("Dinas Kesehatan melarang keras warga mendekati sumur yang tercemar itu.", "warga mendekati sumur", "Dinas Kesehatan"),
]


@pytest.mark.parametrize("text,content,speaker", DEMANDS)
def test_demands_with_an_addressee(text, content, speaker):
    got = _find(statements(text), content)
    assert got[1] == speaker and got[2] == "demand", got


@pytest.mark.parametrize("text", [
    "Persija menantang Persib di Stadion Manahan, Minggu.",  # a bare object: no act demanded
    "Dia meminta maaf kepada warga.",
])
def test_a_demand_verb_with_a_plain_object_says_nothing(text):
    assert statements(text) == []


# --- new cues: a stated conviction, words on Twitter
CUES = [
    ("Rahmat pun yakin bila proyek jalan itu akan selesai tahun depan.", "proyek jalan itu akan selesai", "Rahmat", "assert"),
    ("Menteri Dewi Lestari men-tweet bahwa dia tidak terluka dalam kecelakaan itu.", "dia tidak terluka", "Dewi Lestari", "assert"),
    ("Di akun resminya, Garuda Sentosa mencuitkan bahwa layanan akan pulih sore ini.", "layanan akan pulih", "Garuda Sentosa", "assert"),
    ("Banyak pengamat khawatir bahwa harga beras akan naik lagi.", "harga beras akan naik", "Banyak pengamat", "other"),
]


@pytest.mark.parametrize("text,content,speaker,stance", CUES)
def test_new_cues(text, content, speaker, stance):
    got = _find(statements(text), content)
    assert got[1:] == (speaker, stance), got


def test_a_quantifier_after_a_pronoun_is_no_speaker():
    got = statements("Dia banyak membantu warga dan mengatakan akan terus bekerja.")
    assert all(g[1] != "banyak" for g in got), got


# --- a long office title after a postposed cue or menurut: the name at its end speaks
TITLES = [
    ('"Jalan itu ditutup," kata Kepala Dinas Perhubungan dan Pertamanan (Dishub) Sleman Agus Riyanto di Sleman.',
     "Jalan itu ditutup", "Agus Riyanto"),
    ('"Kami siap bertanding," ujar Direktur Teknik tim Garuda, Andi Wijaya seperti dikutip dari situs resmi.',
     "Kami siap bertanding", "Andi Wijaya"),
    ('"Mesin kami aman," kata bos tim Rajawali, Hendra Gunawan, "Tidak ada masalah."', "Mesin kami aman", "Hendra Gunawan"),
    ('"Data itu lengkap," kata Direktur Pelayanan dan Perlindungan Warga (PPW) Kemlu, R. Sutrisno, di Jakarta.',
     "Data itu lengkap", "R. Sutrisno"),
    ("Namun menurut Kepala bidang kajian pada Lembaga Riset Nusantara, Made Suarta, krisis ini bersifat ekonomi.",
     "krisis ini bersifat ekonomi", "Made Suarta"),
]


@pytest.mark.parametrize("text,content,speaker", TITLES)
def test_the_name_after_a_long_title_speaks(text, content, speaker):
    got = _find(statements(text), content)
    assert got[1] == speaker, got
    assert got[0].startswith(content), got


# --- a speech verb coordinated with an earlier predicate shares its subject
@pytest.mark.parametrize("text,content,speaker", [
    ("Sementara itu, perwakilan Kedutaan Besar Norwegia mengutuk serangan itu dan mengatakan Norwegia akan membantu korban.",
     "Norwegia akan membantu korban", "Kedutaan Besar Norwegia"),
    ("Perusahaan Sinar Jaya menyangkal tuduhan dan mengatakan produk itu aman dikonsumsi anak-anak.",
     "produk itu aman dikonsumsi", "Perusahaan Sinar Jaya"),
])
def test_a_coordinated_speech_verb_shares_the_subject(text, content, speaker):
    got = _find(statements(text), content)
    assert speaker.endswith(got[1]), got


# --- a claim noun with its owner or medium, then "yang" and a saying verb
@pytest.mark.parametrize("text,content,speaker", [
    ("Kesimpulan itu merevisi pernyataan Hartono sebelumnya yang menyebut kebakaran itu murni kecelakaan.",
     "kebakaran itu murni kecelakaan", "Hartono"),
    ("Hasil uji itu membantah kabar di media sosial yang menyebutkan air sumur itu beracun.",
     "air sumur itu beracun", "kabar di media sosial"),
])
def test_a_claim_with_its_owner_in_a_relative_clause(text, content, speaker):
    got = [g for g in statements(text) if g[0].startswith(content)]
    assert got and got[0][1] == speaker, statements(text)


# --- "dia" after an organisation's statement is the person who spoke before it
def test_a_personal_pronoun_skips_an_organisation():
    text = ('Juru bicara Polda, Rudi Hartono, mengatakan pengamanan akan diperketat.\n'
            'Polda Sumbar melarang keras warga melakukan aksi anarkis di jalan.\n'
            '"Kami tidak akan ragu menindak pelanggar," tegas dia.')
    art = article(text, (("Rudi Hartono", "PER"), ("Polda Sumbar", "ORG"), ("Polda", "ORG")))
    QuoteStage()(art, Options())
    q = next(q for q in art.quotes if q.text.startswith("Kami tidak akan ragu"))
    assert q.speaker.text == "Rudi Hartono", [(x.text, x.speaker.text) for x in art.quotes]


# --- a description resolved to a declared nickname stands for the full name
def test_an_anaphor_to_a_nickname_takes_the_full_name():
    text = ('Gus Harun, sapaan akrab KH Harun Rasyid, hadir di acara itu.\n'
            '"Kesetaraan itu penting," kata mantan ketua yayasan ini.')
    art = article(text, (("Gus Harun", "PER"), ("KH Harun Rasyid", "PER")))
    QuoteStage()(art, Options())
    q = next(q for q in art.quotes if q.text.startswith("Kesetaraan"))
    assert q.speaker.text == "KH Harun Rasyid", [(x.text, x.speaker.text) for x in art.quotes]


# --- guards found on the other categories: a provocative pose, "yakin untuk", a degree, a connective
@pytest.mark.parametrize("text", [
    "Gambar yang dipajang Rina adalah pose-pose menantang dengan memamerkan busana terbuka.",
    "Kesetiaan sang kekasih membuat Sari yakin untuk menerima lamaran itu.",
    "Kendati sudah mengucapkan salam perpisahan dan menyatakan mundur sebagai pelatih, nasib Joko belum jelas.",
])
def test_no_statement_in(text):
    got = statements(text)
    assert all(g[1] not in ("Gambar", "Sari", "Kendati") for g in got), got


def test_a_degree_after_the_name_is_no_speaker():
    got = statements("Menurut peneliti Budi Hartanto, MD, direktur klinik jantung di Bandung, garam memicu hipertensi.")
    assert all(g[1] != "MD" for g in got), got


def test_a_denial_and_a_coordinated_saying_verb_are_two_statements():
    got = statements("Perusahaan Sinar Jaya menyangkal tuduhan dan mengatakan produk itu aman dikonsumsi anak-anak.")
    assert [g[2] for g in got] == ["deny", "assert"], got


def test_a_definite_description_before_a_comma_keeps_its_outlet_out():
    got = statements('"Kami kecewa dengan hasil laga itu," ujar koordinator suporter wilayah Timur ini, pada Bola.net.')
    assert got and got[0][1] != "Bola", got


def test_a_lawyer_of_a_known_person_is_not_that_person():
    text = ('Rina Wati meninggal pada 2015.\n'
            '"Gugatan ini soal keadilan bagi keluarga," kata kuasa hukum Rina, Dodi Hartono, kepada wartawan.')
    got = _find(statements(text), "Gugatan ini soal keadilan")
    assert got[1] == "Dodi Hartono", got
