"""Session 12, from an analyst's probe of a bribery story: a description names a kind of
organisation ("partai itu" is no commission), and a name opening with a connective keeps its
apposition ("Adapun Andreas Siregar, anggota DPR yang …, menyatakan")."""
import pytest

from telaah.pipeline import Options
from telaah.quotes import QuoteStage
from test_quotes_cases import article, find

ORGS = (("KPK", "ORG"), ("Komisi Pemberantasan Korupsi", "ORG"), ("Partai Nusantara Maju", "ORG"),
        ("PNM", "ORG"), ("Greenpeace", "ORG"), ("Hendra", "PER"))

KIND_OF_ORG = [
    # the nearest organisation is a commission; the party was named before it, spelled out
    ("Menteri dari Partai Nusantara Maju (PNM) itu diperiksa Komisi Pemberantasan Korupsi (KPK).\n"
     '"Kami yakin Pak Hendra tidak bersalah," kata partai itu dalam sebuah pernyataan.',
     "Kami yakin Pak Hendra tidak bersalah", "Partai Nusantara Maju"),
    # an acronym whose kind an apposition gives
    ("PNM, partai tempat Hendra bernaung, menyatakan dukungan. KPK memeriksa Hendra.\n"
     '"Kami yakin Pak Hendra tidak bersalah," kata partai itu.',
     "Kami yakin Pak Hendra tidak bersalah", "PNM"),
    # "komisi itu": the acronym the article spells out as a commission
    ("Komisi Pemberantasan Korupsi (KPK) memanggil Hendra. Partai Nusantara Maju membela Hendra.\n"
     '"Kami akan memanggil saksi lain," kata komisi itu.',
     "Kami akan memanggil saksi lain", "KPK"),
    # a generic head takes the nearest organisation, whatever its kind
    ("Komisi Pemberantasan Korupsi (KPK) memanggil Hendra.\n"
     '"Kami akan memanggil saksi lain," kata lembaga itu.',
     "Kami akan memanggil saksi lain", "KPK"),
    # an organisation whose kind is not said may be meant
    ("Greenpeace memantau kebakaran itu.\n"
     '"Kami menemukan titik api baru," kata organisasi itu.',
     "Kami menemukan titik api baru", "Greenpeace"),
]


@pytest.mark.parametrize("text,content,speaker", KIND_OF_ORG)
def test_a_description_names_a_kind_of_organisation(text, content, speaker):
    art = article(text, ORGS)
    QuoteStage()(art, Options())
    q = find(art.quotes, content)
    same = {"KPK": "Komisi Pemberantasan Korupsi", "PNM": "Partai Nusantara Maju"}
    same |= {v: k for k, v in same.items()}  # an acronym or its spelled-out name: one organisation
    assert q.speaker.mention is not None and art.mentions[q.speaker.mention].text in (speaker, same.get(speaker)), q.speaker


def test_no_organisation_of_that_kind_leaves_the_description_unresolved():
    text = 'KPK memeriksa Hendra.\n"Kami yakin Pak Hendra tidak bersalah," kata partai itu.'
    art = article(text, ORGS)
    QuoteStage()(art, Options())
    q = find(art.quotes, "Kami yakin")
    assert q.speaker.mention is None and q.speaker.text == "partai itu"


APPOSED = [
    ("Jokowi meminta semua pihak tenang. Adapun Andreas Siregar, anggota DPR yang pertama kali melontarkan "
     "tudingan tersebut pada Senin lalu, menyatakan siap menyerahkan bukti.", "siap menyerahkan bukti"),
    ("Jokowi meminta semua pihak tenang. Adapun Andreas Siregar, anggota DPR dari PGR, menyatakan siap "
     "menyerahkan bukti.", "siap menyerahkan bukti"),
    ("Jokowi meminta semua pihak tenang. Sementara Andreas Siregar, anggota DPR, menyatakan siap menyerahkan bukti.",
     "siap menyerahkan bukti"),
]


@pytest.mark.parametrize("text,content", APPOSED)
def test_a_connective_before_the_name_keeps_the_apposition_off_the_speaker(text, content):
    art = article(text, (("Andreas Siregar", "PER"), ("DPR", "ORG"), ("PGR", "ORG"), ("Jokowi", "PER")))
    QuoteStage()(art, Options())
    q = find(art.quotes, content)
    assert q.speaker.text == "Andreas Siregar"


@pytest.mark.parametrize("text,speaker", [
    # the data are Polda's; Komnas HAM only received them
    ("Menurut data Polda Metro Jaya yang diterima Komnas HAM, sebanyak 112 orang ditangkap.", "Polda Metro Jaya"),
    # an index released by a magazine is the magazine's word: unchanged
    ("Menurut Indeks Keamanan Pangan yang dirilis The Economist, Indonesia menempati peringkat ke-71.",
     "The Economist"),
])
def test_data_passed_on_stay_with_their_source(text, speaker):
    art = article(text, (("Polda Metro Jaya", "ORG"), ("Komnas HAM", "ORG"), ("The Economist", "ORG")))
    QuoteStage()(art, Options())
    (q,) = art.quotes
    assert q.speaker.text == speaker
