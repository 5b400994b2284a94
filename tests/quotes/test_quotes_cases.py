"""Quote attribution cases, one table per pattern: text -> (content, speaker, stance, direct).

Each row is a short Indonesian sentence or two; ``speaker`` is the resolved name (for pronouns
and descriptions, their antecedent). Mentions are given where the real pipeline would have them.
"""
from __future__ import annotations

import pytest

from telaah.document import Article, Mention, Sentence
from telaah.pipeline import Options
from telaah.quotes import QuoteStage, extract_quotes


def article(text: str, mentions: tuple[tuple[str, str], ...] = ()) -> Article:
    """One sentence per line (split at ". " too); mentions as (surface, type), every occurrence."""
    sents, pos = [], 0
    for k, line in enumerate(text.split("\n")):
        start = pos
        for piece in line.split(". "):
            end = start + len(piece)
            if piece.strip():
                sents.append(Sentence(f"t:s{len(sents)}", start, end, k))
            start = end + 2
        pos += len(line) + 1
    ms = []
    for surface, typ in mentions:
        i = text.find(surface)
        while i >= 0:
            ms.append(Mention(i, i + len(surface), surface, typ))
            i = text.find(surface, i + 1)
    ms.sort(key=lambda m: m.start)
    return Article(id="t", text=text, sentences=sents, mentions=ms)


def find(quotes, content: str):
    hits = [q for q in quotes if content in q.text or q.text in content]
    assert hits, f"no statement with {content!r} in {[q.text for q in quotes]}"
    return hits[0]


def check(text, content, speaker, stance, direct, mentions=()):
    art = article(text, mentions)
    QuoteStage()(art, Options())  # the stage snaps speakers to their mentions
    q = find(art.quotes, content)
    assert q.speaker is not None and q.speaker.text == speaker, (q.speaker, q.text)
    assert q.stance == stance, q.stance
    assert q.direct is direct


# --- words between subject and verb: adverbs, auxiliaries, "saat itu", "secara terbuka"
BETWEEN = [
    ("Setya sekaligus membantah bahwa ia menerima uang dari proyek itu.", "ia menerima uang dari proyek itu", "Setya", "deny", False),
    ("Setya saat itu juga membantah adanya pertemuan dengan Andi di kantornya.", "adanya pertemuan dengan Andi di kantornya", "Setya", "deny", False),
    ("Moskow terus menampik tudingan keterlibatan dalam peretasan ini.", "tudingan keterlibatan dalam peretasan ini", "Moskow", "deny", False),
    ("Andi selalu membantah pernah menerima uang tersebut.", "pernah menerima uang tersebut", "Andi", "deny", False),
    ("Tillerson secara terbuka mengancam akan menarik diri dari dewan itu.", "akan menarik diri dari dewan itu", "Tillerson", "other", False),
    ("Jokowi pun kembali menegaskan bahwa proses hukum akan berjalan transparan.", "proses hukum akan berjalan transparan", "Jokowi", "assert", False),
    ("Fadli lantas mengatakan pemerintah harus segera menjelaskan hal itu.", "pemerintah harus segera menjelaskan hal itu", "Fadli", "assert", False),
    ("Polisi sebelumnya menduga massa membakar kantor itu pada malam hari.", "massa membakar kantor itu pada malam hari", "Polisi", "other", False),
    ("Ia bahkan telah menyatakan bahwa partainya siap mendukung pemerintah.", "partainya siap mendukung pemerintah", "Ia", "assert", False),
]


@pytest.mark.parametrize("text,content,speaker,stance,direct", BETWEEN)
def test_words_between_subject_and_verb(text, content, speaker, stance, direct):
    check(text, content, speaker, stance, direct)


# --- every denial form, and what is not a denial
DENIALS = [
    ("Yasonna membantah bahwa KPK akan kehilangan kewenangannya.", "KPK akan kehilangan kewenangannya", "Yasonna", "deny", False),
    ("Juru bicara itu menepis kabar bahwa presiden akan mundur.", "kabar bahwa presiden akan mundur", "Juru bicara itu", "deny", False),
    ("Andi menampik pertemuan di hotel itu untuk membicarakan proyek.", "pertemuan di hotel itu untuk membicarakan proyek", "Andi", "deny", False),
    ("Rudi menyangkal telah menerima suap dari pengusaha itu.", "telah menerima suap dari pengusaha itu", "Rudi", "deny", False),
    ("Partai itu menolak tuduhan bahwa kadernya terlibat korupsi.", "kadernya terlibat korupsi", "Partai itu", "deny", False),
    ("Novanto bersumpah tidak terlibat dalam kasus korupsi itu.", "tidak terlibat dalam kasus korupsi itu", "Novanto", "deny", False),
    ("Sareh mengaku tidak pernah berkomunikasi dengan Rohadi.", "tidak pernah berkomunikasi dengan Rohadi", "Sareh", "deny", False),
    ('"Itu tidak benar, kami tidak pernah menerima uang itu," kata Setya Novanto.', "Itu tidak benar", "Setya Novanto", "deny", True),
    ('"Sudah diklarifikasi, bahwa hal tersebut tidak benar," kata Ibrahim.', "hal tersebut tidak benar", "Ibrahim", "deny", True),
    ('"Enggak, tanya saja ke penyidik, enggak benar itu," kata Sareh.', "enggak benar itu", "Sareh", "deny", True),
    ('"Oh bukan (apartemen) saya," jawab Sareh saat ditanya wartawan.', "Oh bukan (apartemen) saya", "Sareh", "deny", True),
    ('"Tidak pernah," jawab Andi.', "Tidak pernah", "Andi", "deny", True),
    ('"Kami terus memantau perkembangan situasi di sana," bantah Retno.', "Kami terus memantau", "Retno", "deny", True),
    ('"Kabar itu hoaks dan tidak berdasar sama sekali," tepis Ahmad.', "Kabar itu hoaks", "Ahmad", "deny", True),
    ('"Saya bersumpah tidak pernah membicarakan kasus itu dengan siapa pun," ujar Setya.', "Saya bersumpah", "Setya", "deny", True),
    # not denials
    ("Prabowo tidak membantah bahwa partainya telah bertemu pihak istana.", "partainya telah bertemu pihak istana", "Prabowo", "assert", False),
    ("Febri tak menampik bila uang itu berkaitan dengan proyek jalan.", "uang itu berkaitan dengan proyek jalan", "Febri", "assert", False),
    ('"Ini berkembang dari isu yang tidak benar di media sosial," ujar Yusri.', "Ini berkembang", "Yusri", "assert", True),
    ("Indra Sjafri, kata Rafid, bukan pelatih yang memilih pemain berdasarkan status.", "bukan pelatih yang memilih pemain", "Rafid", "assert", False),
    ('"Bukan hanya itu, kami juga menyiapkan posko kesehatan," kata Anies.', "Bukan hanya itu", "Anies", "assert", True),
]


@pytest.mark.parametrize("text,content,speaker,stance,direct", DENIALS)
def test_denials(text, content, speaker, stance, direct):
    check(text, content, speaker, stance, direct)


# --- negation and modality
MODALITY = [
    ("Kemlu belum dapat mengkonfirmasi apakah ada warga Indonesia yang menjadi korban.", "apakah ada warga Indonesia", "Kemlu", "unconfirmed", False),
    ("Polisi belum bisa memastikan penyebab kebakaran gedung itu.", "penyebab kebakaran gedung itu", "Polisi", "unconfirmed", False),
    ("Yorrys enggan mengomentari kabar pemberian surat peringatan kepada dirinya.", "kabar pemberian surat peringatan", "Yorrys", "unconfirmed", False),
    ("Andi tidak menjelaskan kenapa ia berterima kasih kepada bendahara partai.", "kenapa ia berterima kasih", "Andi", "unconfirmed", False),
    ("Fadli tidak menuduh pemerintah telah menyalahgunakan dana itu.", "pemerintah telah menyalahgunakan dana itu", "Fadli", "other", False),
]


@pytest.mark.parametrize("text,content,speaker,stance,direct", MODALITY)
def test_negation_and_modality(text, content, speaker, stance, direct):
    check(text, content, speaker, stance, direct)


# --- introducers and attribution forms
FORMS = [
    ("Menurutnya, kajian itu hanya bersifat penilaian dan tidak mengikat.", "kajian itu hanya bersifat penilaian", "nya", "assert", False),
    ("Menurutnya keputusan final akan diambil pada akhir bulan.", "keputusan final akan diambil", "nya", "assert", False),
    ("Menurut dia pihaknya masih menyelidiki kematian wanita itu.", "pihaknya masih menyelidiki", "dia", "assert", False),
    ("Trump mengaku mikrofon miliknya rusak dalam debat perdana di New York.", "mikrofon miliknya rusak", "Trump", "assert", False),
    ("Israel mengumumkan akan memangkas sumbangannya kepada lembaga itu.", "akan memangkas sumbangannya", "Israel", "assert", False),
    ("Trump bahkan bertanya apakah kerusakan itu disengaja.", "apakah kerusakan itu disengaja", "Trump", "other", False),
    ('Trump tidak membantahnya dan mengatakan "Mungkin dia tidak melakukan pekerjaan yang baik."', "Mungkin dia tidak melakukan", "Trump", "assert", True),
    ('"Pernah antar Paulus ke kantor itu?" tanya jaksa Abdul.', "Pernah antar Paulus", "Abdul", "other", True),
    ('"Kami menganggap serangan itu upaya melemahkan pemerintah," tulis Kementerian Infrastruktur.', "Kami menganggap", "Kementerian Infrastruktur", "assert", True),
    ('"Mourinho tidak melaporkan pendapatan atas hak citranya," demikian sebut salah seorang jaksa.', "Mourinho tidak melaporkan", "salah seorang jaksa", "assert", True),
    ('"Harus dipahami bahwa pernyataan itu memicu sentimen anti-Turki," bunyi pernyataan Kemlu.', "Harus dipahami", "Kemlu", "assert", True),
    ("Presiden Turki Recep Tayyip Erdogan, yang berupaya mengumpulkan suara, menuduh pemerintah Belanda bertindak seperti Nazi.", "pemerintah Belanda bertindak", "Recep Tayyip Erdogan", "accuse", False),
    ("Menteri Naftali Bennett, yang memimpin partai Jewish Home pun mengatakan, kemenangan itu merupakan akhir gagasan tersebut.", "kemenangan itu merupakan akhir", "Naftali Bennett", "assert", False),
    ("Kementerian Luar Negeri Turki menyebut Uni Eropa bersikap selektif dan menilai organisasi itu tidak seharusnya membela Belanda.", "organisasi itu tidak seharusnya membela Belanda", "Kementerian Luar Negeri Turki", "assert", False),
    ("Kementerian Luar Negeri Turki menyebut Uni Eropa bersikap selektif dan menilai organisasi itu tidak seharusnya membela Belanda.", "Uni Eropa bersikap selektif", "Kementerian Luar Negeri Turki", "assert", False),
]


@pytest.mark.parametrize("text,content,speaker,stance,direct", FORMS)
def test_attribution_forms(text, content, speaker, stance, direct):
    check(text, content, speaker, stance, direct, mentions=((speaker, "PER"),) if " " in speaker else ())


def test_tanpa_is_no_speech_act():
    text = "Surat itu diberikan tanpa meminta klarifikasi terlebih dahulu kepada dia."
    assert extract_quotes(article(text)) == []


def test_partial_quote_after_menurut_is_indirect():
    text = 'Pernyataan Mogherini dan Hahn, menurut Kementerian, adalah "penilaian yang tidak akurat" terhadap Turki.'
    quotes = extract_quotes(article(text))
    assert len(quotes) == 1 and not quotes[0].direct
    assert "penilaian yang tidak akurat" in quotes[0].text


def test_doubled_quote_marks_in_pasted_text():
    text = '"" Tidak ada, tidak ada. Aku sudah pensiun sejak lama," kata Sareh pada 27 Juli.'
    q = extract_quotes(article(text))[0]
    assert q.text.startswith("Tidak ada") and q.speaker.text == "Sareh" and q.direct


# --- passive attribution and back-references
def test_back_reference_makes_the_previous_sentence_a_statement():
    text = ("Bangsa yang besar merupakan bangsa yang menghormati jasa para pahlawannya.\n"
            "Hal ini disampaikan Presiden Joko Widodo di Kalibata, Kamis.")
    q = extract_quotes(article(text))[0]
    assert q.text.startswith("Bangsa yang besar") and q.speaker.text == "Joko Widodo"
    assert q.cue.text == "disampaikan" and not q.direct


def test_back_reference_does_not_duplicate_an_attributed_sentence():
    text = ("Agus mengatakan operasi itu terkait dengan proyek jalan di provinsi itu.\n"
            "Hal itu disampaikan Agus ketika dikonfirmasi awak media.")
    quotes = extract_quotes(article(text))
    assert len(quotes) == 1 and quotes[0].text.startswith("operasi itu")


def test_postposed_passive_with_demikian():
    text = "Harga beras akan turun pada pekan depan, demikian disampaikan Menteri Perdagangan Enggartiasto Lukita."
    q = extract_quotes(article(text))[0]
    assert q.text == "Harga beras akan turun pada pekan depan" and q.speaker.text == "Enggartiasto Lukita"


def test_colon_paragraph_introduces_the_quotation():
    text = ('Berikut petikan surat Miryam:\n\n'
            '"Dengan ini saya menyatakan bahwa saya tidak pernah merasa ditekan oleh siapa pun."')
    q = extract_quotes(article(text))[0]
    assert q.speaker.text == "Miryam" and q.stance == "deny" and q.direct


# --- pronouns, clitics and descriptions: salience, not proximity
RESOLUTION = [
    # the object of the previous sentence is not the antecedent
    ('"Saya dikenalkan oleh orang yang datang ke kantor," ujar Andi.\n'
     "Andi kemudian menemui Setya di kafe itu. Ia menegaskan bahwa pertemuan hanya dilakukan di sana.",
     (("Andi", "PER"), ("Setya", "PER")), "pertemuan hanya dilakukan", "Andi"),
    # -nya after a statement goes to the last speaker, not to a name inside it
    ("Setya juga menyebut Nazaruddin mendapat tekanan besar dari partainya.\n"
     '"Saya pastikan pernyataan Nazaruddin tidak benar," ujarnya.',
     (("Setya", "PER"), ("Nazaruddin", "PER")), "Saya pastikan", "Setya"),
    # a passive or copular subject is no antecedent for a speaker
    ('"Keputusan rapat akan memanggil dia pekan depan," ujar Taufikulhadi.\n'
     "Miryam akan dipanggil pada hari Senin. Ia berkata, pansus yakin izin akan diberikan.",
     (("Taufikulhadi", "PER"), ("Miryam", "PER")), "pansus yakin", "Taufikulhadi"),
    # a new subject after the last statement takes over
    ('"Kami siap," kata Anies.\n'
     'Pada Selasa, Khofifah Indar Parawansa meninjau lokasi pengungsian.\n"Paling lama tiga bulan mereka di sini," kata dia.',
     (("Anies", "PER"), ("Khofifah Indar Parawansa", "PER")), "Paling lama", "Khofifah Indar Parawansa"),
    # a definite description resolves to the person just talked about
    ('"Persaingan masuk tim nasional ini berat sekali," kata Rafid.\n'
     "Sejauh ini pemain 16 tahun itu mengaku belum puas dengan penampilannya.",
     (("Rafid", "PER"), ("Indra", "PER")), "belum puas", "Rafid"),
    # a bare role word goes to the previous speaker who holds the role
    ("Kapolsek Pancoran, Kompol Aswin, menerangkan pihaknya menemukan mayat di apartemen itu.\n"
     '"Saat kejadian dia di kamar sendiri selama seminggu," ungkap Kapolsek.',
     (("Kapolsek", "PER"), ("Aswin", "PER")), "Saat kejadian", "Aswin"),
]


@pytest.mark.parametrize("text,mentions,content,speaker", RESOLUTION)
def test_resolution(text, mentions, content, speaker):
    q = find(extract_quotes(article(text, mentions)), content)
    assert q.speaker.text == speaker


def test_group_and_anonymous_speakers_have_no_entity():
    for text, who in (('"Pelaku kabur lewat jendela kamar," kata seorang saksi.', "seorang saksi"),
                      ("Sejumlah negara bekas Uni Soviet mengaku sudah lama dilanda serangan serupa.", None)):
        q = extract_quotes(article(text))[0]
        assert q.speaker.mention is None
        if who:
            assert q.speaker.text == who and q.speaker.kind == "group"


RELATIONAL = [
    # once Miryam is introduced, "Pengacara Miryam" is her lawyer: not Miryam, not linked to her
    ("Miryam S. Haryani ditahan KPK. Pengacara Miryam membantah klien mereka bersembunyi.",
     (("Miryam S. Haryani", "PER"), ("Miryam", "PER")), "klien mereka bersembunyi", "Pengacara Miryam", "deny"),
    ("Miryam S. Haryani ditahan KPK. Tim kuasa hukum Miryam menolak tudingan bahwa klien mereka bersembunyi.",
     (("Miryam S. Haryani", "PER"), ("Miryam", "PER")), "klien mereka bersembunyi", "Tim kuasa hukum Miryam", "deny"),
    # a first mention introduces the lawyer's own name (and "tidak bersalah" rejects the charge:
    # a denial under the denial convention, session 4)
    ("Pengacara Hotman Paris mengatakan kliennya tidak bersalah.",
     (("Hotman Paris", "PER"),), "kliennya tidak bersalah", "Hotman Paris", "deny"),
]


@pytest.mark.parametrize("text,mentions,content,speaker,stance", RELATIONAL)
def test_relational_roles(text, mentions, content, speaker, stance):
    art = article(text, mentions)
    q = find(extract_quotes(art), content)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.stance == stance
    if not speaker.startswith("Hotman"):
        assert q.speaker.mention is None
