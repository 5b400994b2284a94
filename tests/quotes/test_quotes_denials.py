"""Every denial form, one row each: text -> (content, speaker, stance, direct).

Forms found missing or wrong in a scan of denial vocabulary in unlabeled pre-July-2017 IndoSum
articles (the sentences here are shortened or rewritten). Content follows the annotators'
conventions: an anaphoric passive denial ("hal tersebut dibantah oleh X") keeps the anaphor as
its content and names the agent as speaker; a relative denial of an accusation in the same
sentence shares the accusation's content.
"""
from __future__ import annotations

import pytest

from telaah.pipeline import Options
from telaah.quotes import QuoteStage, extract_quotes

from test_quotes_cases import article, check

DENIAL_FORMS = [
    # passive denials: the agent speaks, the subject noun phrase is the content
    ("Namun, hal tersebut dibantah oleh Budi di depan majelis hakim.", "hal tersebut", "Budi", "deny", False),
    ("Hal itu sebetulnya telah dibantah Mercedes pada 1 Maret lalu.", "Hal itu", "Mercedes", "deny", False),
    ("Namun, rumor itu dibantah oleh direktur teknik Reading, Brian Tevreden.", "rumor itu", "Brian Tevreden", "deny", False),
    ("Meskipun, keterangan Budi tersebut dibantah Andi.", "keterangan Budi tersebut", "Andi", "deny", False),
    ("Namun, pengakuan Andi itu langsung dibantah Budi.", "pengakuan Andi itu", "Budi", "deny", False),
    ("Kabar itu ditepis oleh juru bicara kepresidenan.", "Kabar itu", "juru bicara kepresidenan", "deny", False),
    ("Isu tersebut dibantah keras oleh pihak kepolisian.", "Isu tersebut", "pihak kepolisian", "deny", False),
    ("Tudingan ini dibantah oleh pemerintah China, yang menyatakan kebijakan itu menciptakan kemakmuran.", "Tudingan ini", "China", "deny", False),
    # a claim noun, which is also a postposed cue, as the subject (session 23)
    ("Klaim Hamas itu dibantah juru bicara militer Israel, Letkol Daniel Hagari.", "Klaim Hamas itu",
     "Daniel Hagari", "deny", False),
    ("Daftar itu mencakup agar Doha mengakhiri dukungan bagi teroris, tuduhan yang sebelumnya telah dibantah oleh Qatar.", "tuduhan", "Qatar", "deny", False),
    # a negated passive denial is an admission
    ("Sementara itu, adanya politik uang tidak ditampik Bawaslu DKI.", "adanya politik uang", "Bawaslu DKI", "assert", False),
    # a denial whose object is the claim just reported: "X membantahnya"
    ("Greenpeace dituduh memasang sonar. Namun, mereka membantahnya.", "nya", "mereka", "deny", False),
    # nominal denials
    ("Bantahan juga disampaikan kuasa hukum Budi, Ahmad Yani.", "Bantahan", "Ahmad Yani", "deny", False),
    ("Walau demikian, bantahan pernyataan Wiliardi justru datang dari seorang penyidik lain.", "bantahan pernyataan Wiliardi", "seorang penyidik lain", "deny", False),
    # deny verbs after adverbs, with "keras", with a nominal proposition
    ("Budi pun membantah hal itu.", "hal itu", "Budi", "deny", False),
    ("Budi membantah keras tuduhan tersebut.", "tuduhan tersebut", "Budi", "deny", False),
    ("Budi sekaligus membantah adanya aliran dana ke partainya.", "adanya aliran dana ke partainya", "Budi", "deny", False),
    ("Budi menepis anggapan bahwa ia akan mundur.", "anggapan bahwa ia akan mundur", "Budi", "deny", False),
    ("Polisi itu membantah tuduhan itu, menegaskan rekannya salah paham.", "tuduhan itu", "Polisi itu", "deny", False),
    # the subject with an occasion or a document source in front
    ("Fisher dalam acara bincang itu membantah bahwa ia menjalin hubungan dengan Ford.", "ia menjalin hubungan dengan Ford", "Fisher", "deny", False),
    ("Menurut sebuah pernyataan, Taliban membantah terlibat dalam serangan itu.", "terlibat dalam serangan itu", "Taliban", "deny", False),
    ("Miryam yang tetap berkukuh mencabut BAP menegaskan tidak pernah menerima uang dari Sugiharto.", "tidak pernah menerima uang", "Miryam", "deny", False),
    # a reply to a named claim that says "tidak …"
    ("Menanggapi tuduhan itu, Budi mengatakan tidak melakukan hal tersebut.", "tidak melakukan hal tersebut", "Budi", "deny", False),
    ("Ditanya soal kabar pengunduran dirinya, Budi menegaskan tidak ada rencana itu.", "tidak ada rencana itu", "Budi", "deny", False),
    # insisting on innocence, calling a claim false, baseless or a hoax
    ("Dia masih berkeras tidak terlibat dalam kasus pembunuhan tersebut.", "tidak terlibat dalam kasus", "Dia", "deny", False),
    ("Ia mengatakan, tuduhan yang diberitakan ARD sama sekali tidak berdasar.", "tuduhan yang diberitakan ARD", "Ia", "deny", False),
    ("Tito menegaskan informasi itu merupakan berita bohong alias hoaks.", "informasi itu merupakan berita bohong", "Tito", "deny", False),
    ('"Saya selaku pimpinan tegas mengatakan itu hoaks," ujar Tito.', "Saya selaku pimpinan", "Tito", "deny", True),
    ('"Tuduhan bohong terhadap saya melawan cara berpikir saya," terang Carlos.', "Tuduhan bohong", "Carlos", "deny", True),
    # flat-denial quotes under a neutral cue
    ('"Saya membantah secara keras tudingan media Jerman itu," terang Carlos.', "Saya membantah", "Carlos", "deny", True),
    ('"Saya dituduh menerima. Padahal saya tidak menerima," ujar Siti.', "Saya dituduh menerima", "Siti", "deny", True),
    ('"Kami tak pernah melakukannya," kata Toto Wolff.', "Kami tak pernah melakukannya", "Toto Wolff", "deny", True),
    # counter-accusations are accusations, and the denial before them stays a denial
    ("Rusia balik menuduh Amerika Serikat mencampuri pemilu.", "Amerika Serikat mencampuri pemilu", "Rusia", "accuse", False),
    ("Andi menuding balik jaksa telah merekayasa kasus.", "jaksa telah merekayasa kasus", "Andi", "accuse", False),
    ("Suriah membantah tuduhan itu dan balik menuduh pemberontak menyimpan senjata kimia.", "tuduhan itu", "Suriah", "deny", False),
    ("Suriah membantah tuduhan itu dan balik menuduh pemberontak menyimpan senjata kimia.", "pemberontak menyimpan senjata kimia", "Suriah", "accuse", False),
    ("Suriah menolak tudingan tersebut, bahkan balik menuduh pemberontak sebagai pelakunya.", "tudingan tersebut", "Suriah", "deny", False),
    ("Suriah menolak tudingan tersebut, bahkan balik menuduh pemberontak sebagai pelakunya.", "pemberontak sebagai pelakunya", "Suriah", "accuse", False),
]


@pytest.mark.parametrize("text,content,speaker,stance,direct", DENIAL_FORMS)
def test_denial_forms(text, content, speaker, stance, direct):
    check(text, content, speaker, stance, direct)


# "tidak pernah …" about an experience, a third party, an attribute "hoaks": no denial
NOT_DENIALS = [
    ('"Saya tidak pernah melihat pemain sehebat dia," kata Budi.', "Saya tidak pernah melihat", "Budi", "assert", True),
    ('"Kritikan tidak pernah melukai saya," tutur Modric.', "Kritikan tidak pernah", "Modric", "assert", True),
    ('"Saya tak pernah ragu pada kemampuannya," ucap Zidane.', "Saya tak pernah ragu", "Zidane", "assert", True),
    ('"Ada banyak risiko namun saya tidak pernah kehilangan harapan," kata Nadar.', "Ada banyak risiko", "Nadar", "assert", True),
    ('"Xavi tidak pernah sekali pun memenangkan Ballon d\'Or," kata Ronaldo.', "Xavi tidak pernah", "Ronaldo", "assert", True),
    ("Wiliardi mengatakan janji itu tidak pernah dipenuhi.", "janji itu tidak pernah dipenuhi", "Wiliardi", "assert", False),
    ("Sebelumnya, kata Edy, tidak pernah terjadi kecelakaan di pelintasan itu.", "tidak pernah terjadi kecelakaan", "Edy", "assert", False),
    ("Dani menyatakan, beredarnya isu hoaks telah memperkeruh informasi di masyarakat.", "beredarnya isu hoaks", "Dani", "assert", False),
    ("Menanggapi tudingan itu, Budi mengatakan tidak akan tinggal diam.", "tidak akan tinggal diam", "Budi", "assert", False),
    ("Jaksa beralasan pernyataan Miryam telah dibantah oleh tiga penyidik KPK.", "pernyataan Miryam telah dibantah", "Jaksa", "assert", False),
]


@pytest.mark.parametrize("text,content,speaker,stance,direct", NOT_DENIALS)
def test_not_denials(text, content, speaker, stance, direct):
    check(text, content, speaker, stance, direct)


@pytest.mark.parametrize("text", [
    "Tembakan Milner ke arah kanan gawang mampu ditepis Forster.",  # a goalkeeper's save
    "Beruntung sepakan keras itu bisa ditepis Neuer sehingga hanya menghasilkan sepak pojok.",
    "Namun, Forster dengan cekatan mampu menepisnya.",
    "Ronaldo langsung menepis keraguan tersebut.",  # dispels doubt by playing
    "Akan tetapi, dia mengelak ketika ditanya apakah kompetisi ini lebih sulit.",  # dodges a question
    "Trump tidak membantahnya.",  # an admission with nothing said
    "Andi dibantah.",  # agentless
])
def test_no_denial_statement(text):
    assert not [q for q in extract_quotes(article(text)) if q.stance == "deny"]


@pytest.mark.parametrize("text,expected", [
    ("Jaksa menuduh Andi menerima suap, yang kemudian dibantah Andi.",
     [("Andi menerima suap", "Jaksa", "accuse"), ("Andi menerima suap", "Andi", "deny")]),
    ("Pemerintah menuduh kelompok itu menyerang desa, namun kelompok itu membantahnya.",
     [("kelompok itu menyerang desa", "Pemerintah", "accuse"), ("kelompok itu menyerang desa", "kelompok itu", "deny")]),
    # a bare common noun as the agent of the passive
    ("Polisi menuduh warga membakar pos jaga yang kemudian dibantah warga.",
     [("warga membakar pos jaga", "Polisi", "accuse"), ("warga membakar pos jaga", "warga", "deny")]),
])
def test_accusation_and_its_denial_in_one_sentence(text, expected):
    art = article(text)
    QuoteStage()(art, Options())
    got = [(q.text, q.speaker.text, q.stance) for q in art.quotes]
    assert got == expected


@pytest.mark.parametrize("text, stances", [
    # one quotation interrupted by its attribution is one utterance: the second part denies too
    ('"Kami tak pernah melakukannya," kata bos tim Mercedes, Toto Wolff, "Bahkan sebelum musim dimulai, '
     'beberapa tim seperti sudah melihat banyak hantu."', ["deny", "deny"]),
    # a full stop before the attribution ends the utterance: the next quotation is judged alone
    ('"Kami tak pernah melakukannya." Toto Wolff lalu mengatakan, "Musim ini kami akan bekerja keras '
     'untuk meraih gelar juara lagi."', ["deny", "assert"]),
])
def test_a_quotation_split_by_its_attribution_keeps_one_stance(text, stances):
    assert [q.stance for q in extract_quotes(article(text))] == stances
