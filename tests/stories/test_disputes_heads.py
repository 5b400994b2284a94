"""What a figure counts, read from real analysed sentences, and the brief's own example: one
outlet says 200 dead, another 250, another "ratusan"."""
from datetime import date

import pytest

from telaah.analyze import analyze_articles
from telaah.document import Article
from telaah.pipeline import Options
from telaah.stories.disputes import figure_key, find_disputes


def _analysed(*texts, published=date(2023, 3, 7)):
    articles = [Article(id=f"a{i}", text=t, published=published) for i, t in enumerate(texts, 1)]
    return analyze_articles(articles, Options(workers=1))


def _key_of(text, figure):
    """The key of the first figure whose text is ``figure``."""
    article = _analysed(text).articles[0]
    number = next(n for n in article.numbers if n.text == figure)
    return figure_key(article, number)


@pytest.mark.parametrize("text, figure, head", [
    # the subject before the commas of a place ("…, Turki, mencapai 250 orang")
    ("Jumlah korban meninggal dunia akibat gempa di Malatya, Turki, mencapai 250 orang, kata AFAD.",
     "250 orang", "dead"),
    # what happened to them, said right after the figure
    ("Selain korban meninggal dunia, tercatat empat orang mengalami luka berat.", "empat orang", "injured"),
    ("Banjir itu menyebabkan 10 orang sudah dilaporkan meninggal.", "10 orang", "dead"),
    ("Polisi menyebut sudah ada 15 orang yang diamankan.", "15 orang", "arrested"),
    # the head of the figure before it is that figure's, not the next one's
    # the magnitude counts nothing of the dead: since session 20 it is a measure with its own head
    ("Sedikitnya 200 orang tewas akibat gempa bermagnitudo 7,1 di Malatya.", "7,1", "magnitude"),
    ("Pesawat itu membawa 110 penumpang serta enam awak.", "enam awak", "noun:awak"),
    ("Jumlah korban tewas bertambah dari 5 menjadi 7 orang.", "7 orang", "dead"),
    # a list after a comma is not the predicate of what stands before it
    ("Saya siapkan pasukan penyelam, 11 orang dari TNI AL dan 10 orang dari Basarnas.", "11 orang", None),
    # a sum is the predicate of a sum named further back; other figures are not
    ("Kerugian sementara akibat bencana itu ditaksir mencapai Rp15 miliar.", "Rp15 miliar", "losses"),
    # money changing hands (session 23, probe 9): a sum received is one quantity across sources
    ("Patrialis diduga menerima hadiah dalam bentuk mata uang asing sebesar 20.000 dolar AS.", "20.000 dolar AS",
     "received"),
    ("LPAD menuding Bupati menerima uang Rp1,2 miliar dari kontraktor.", "Rp1,2 miliar", "received"),
    ("Stefanus menuding nilai uang yang diterima Bupati mencapai Rp1,5 miliar.", "Rp1,5 miliar", "received"),
    ("\"Total yang mengalir ke Bupati Rp1,2 miliar,\" kata Yuliana.", "Rp1,2 miliar", "received"),
    # a head of its own beats money changing hands; a count is never money received
    ("Jaksa menyebut terdakwa menerima suap Rp4,75 miliar dari kontraktor.", "Rp4,75 miliar", "bribe"),
    ("Rumah sakit itu menerima 20 pasien.", "20 pasien", "noun:pasien"),
    ("Posko telah menerima laporan 41 orang yang belum kembali.", "41 orang", "missing"),
    # protesters named as such: what befell them counts
    ("Polisi menangkap 41 peserta aksi.", "41 peserta", "arrested"),
    ("Jumlah peserta aksi mencapai 5.000 orang.", "5.000 orang", "protesters"),
    ("Sebanyak delapan orang lainnya masih dalam pencarian.", "delapan orang", "missing"),
    # "dan" starts another item: "rumah hanyut tiga unit dan rumah rusak …"
    ("Di desa itu rumah hanyut tiga unit dan rumah rusak juga tiga unit.", "tiga unit", None),
])
def test_what_a_figure_counts(text, figure, head):
    key = _key_of(text, figure)
    assert (key[1] if key else None) == head


MALATYA = [
    "ANKARA (Reuters) - Sedikitnya 200 orang tewas akibat gempa bermagnitudo 7,1 yang mengguncang "
    "provinsi Malatya, Turki timur, pada Senin (6/3/2023), kata pejabat setempat.",
    "Jakarta (ANTARA) - Jumlah korban meninggal dunia akibat gempa di Malatya, Turki, mencapai 250 "
    "orang, kata badan penanggulangan bencana AFAD, Selasa (7/3/2023).",
    "Ratusan orang meninggal dalam gempa yang melanda Malatya pada Senin. Menteri Dalam Negeri Turki "
    "Suleyman Soylu mengatakan korban tewas sebanyak 231 orang hingga Selasa pagi.",
]


def test_the_dead_of_one_quake_are_one_disputed_figure():
    corpus = _analysed(*MALATYA)
    assert len(corpus.stories) == 1
    disputes = find_disputes(corpus, corpus.stories[0])
    dead = [d for d in disputes if d["head"] == "dead"]
    assert len(dead) == 1
    assert {r["text"] for r in dead[0]["reports"]} >= {"Sedikitnya 200 orang", "250 orang", "231 orang"}
    assert dead[0]["object"] == "orang tewas"  # the phrase that says what is counted


def test_a_figure_of_another_kind_of_event_is_not_compared():
    flood = ("Pencarian korban kecelakaan pesawat itu terus berlanjut. Di tempat lain, banjir karena hujan "
             "telah menyebabkan 10 orang sudah dilaporkan meninggal.")
    crash = "Tim SAR menyebut 30 orang meninggal dalam kecelakaan pesawat itu."
    crash2 = "Korban kecelakaan pesawat itu: 30 orang meninggal, kata Basarnas."
    corpus = _analysed(flood, crash, crash2)
    story = corpus.stories[0]
    assert len(story.articles) == 3
    assert find_disputes(corpus, story) == []


# Session 26 (probe 11): an agent's passive after the figure ("34 anak kami rawat inap") says
# what happened to the counted as its di- form does ("dirawat"), so inpatients are not set
# against every child treated.
@pytest.mark.parametrize("text, figure, head", [
    ('"Dari 87 siswa itu, 34 anak kami rawat inap di RSUD Wanasari," kata Heru.', "34 anak", "injured"),
    ('"Sebanyak 34 anak sudah kami rawat di RSUD," kata Heru.', "34 anak", "injured"),
    ("Sebanyak 12 orang mereka tangkap di lokasi.", "12 orang", "arrested"),
])
def test_an_agents_passive_names_what_befell_the_counted(text, figure, head):
    assert _key_of(text, figure)[1] == head


def test_inpatients_are_a_development_not_a_clash_with_the_treated():
    articles = [Article(id=f"a{i}", text=t, published=day) for i, (t, day) in enumerate([
        ('Sebanyak 87 siswa keracunan makanan. "Dari 87 siswa itu, 34 anak kami rawat inap," kata Heru.',
         date(2026, 11, 17)),
        ('"Total 112 anak sudah kami tangani. Yang dirawat inap sekarang 48 anak," kata Heru.',
         date(2026, 11, 18))], 1)]
    corpus = analyze_articles(articles, Options(workers=1, extras={"one_story": True}))
    disputes = find_disputes(corpus, corpus.stories[0])
    injured = [d for d in disputes if d["head"] == "injured"]
    assert [r["value"] for r in injured[0]["reports"]] == [34, 48]
    assert injured[0]["change"] == "rising"  # a later, larger count: shown as growth
    assert not any(d["disputed"] and {34, 112} <= {r["value"] for r in d["reports"]} for d in disputes)
