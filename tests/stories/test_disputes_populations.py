"""Who is counted, and parts of a count (session 12, from an analyst's probe of a protest and
a cross-border strike written as wire copy)."""
from datetime import date

import pytest

from telaah.stories.disputes import population
from telaah.document import NumberClaim
from test_disputes_tolls import _story
from telaah.stories.disputes import find_disputes


def _heads(corpus, story):
    return {(d["head"], tuple(sorted(r["value"] if r["value"] is not None else -1 for r in d["reports"])))
            for d in find_disputes(corpus, story)}


@pytest.mark.parametrize("unit,object_,expected", [
    ("militan", "militan", "militants"),
    ("warga", "warga sipil", "civilians"),
    ("personel", "personel polisi luka-luka", "police"),
    ("mahasiswa", "mahasiswa", "students"),
    ("orang", "orang tewas", None),
    ("warga", "warga", None),
])
def test_population_of_a_count(unit, object_, expected):
    n = NumberClaim(0, 1, "1", None, 1.0, unit=unit, object=object_)
    assert population(n) == expected


def test_a_toll_of_two_populations_compares_each_with_its_own():
    corpus, story = _story(
        (date(2025, 10, 16), "Serangan udara Turki di Suriah utara menewaskan 12 militan, kata kementerian. "
                             "SDF mengatakan serangan itu menewaskan 15 warga sipil."),
        (date(2025, 10, 17), "Serangan udara Turki di Suriah utara menewaskan lebih dari selusin orang, "
                             "termasuk sembilan warga sipil, tewas dalam serangan itu, kata SOHR."),
    )
    disputes = find_disputes(corpus, story)
    assert [sorted(r["value"] for r in d["reports"]) for d in disputes] == [[9, 15]]  # civilians only


def test_injured_police_are_not_injured_students():
    corpus, story = _story(
        (date(2025, 10, 13), "Demo di depan DPR ricuh. Sebanyak 27 personel polisi luka-luka, sementara "
                             "delapan mahasiswa mengalami luka ringan."),
        (date(2025, 10, 14), "Demo di depan DPR ricuh. BEM SI mencatat 46 mahasiswa luka-luka."),
    )
    assert _heads(corpus, story) == {("injured", (8, 46))}


def test_arrests_with_the_verb_before_a_part_and_a_running_count():
    corpus, story = _story(
        (date(2025, 10, 13), "Polda Metro Jaya menangkap 94 orang dalam demo di depan DPR."),
        (date(2025, 10, 14), "Polda Metro Jaya memperbarui jumlah orang yang ditangkap dalam demo di depan DPR. "
                             "Hingga Selasa siang, jumlahnya bertambah menjadi 112 orang. "
                             "Polisi mengatakan 18 orang lainnya ditangkap di Slipi."),
        (date(2025, 10, 15), "Menurut data polisi, dalam demo di depan DPR sebanyak 112 orang ditangkap "
                             "dan 73 di antaranya telah dipulangkan."),
    )
    assert _heads(corpus, story) == {("arrested", (94, 112, 112))}


def test_a_dozen_is_a_number():
    corpus, story = _story(
        (date(2025, 10, 16), "Serangan udara di Suriah utara menewaskan 15 orang, kata SDF."),
        (date(2025, 10, 17), "Serangan udara di Suriah utara menewaskan lebih dari selusin orang."),
        (date(2025, 10, 17), "Serangan udara di Suriah utara menewaskan dua lusin orang."),
    )
    (dead,) = find_disputes(corpus, story)
    assert sorted(r["low"] or r["value"] for r in dead["reports"]) == [12, 15, 24]


def test_protesters_named_peserta_aksi_and_the_arrested_among_them():
    """Probe 9: the police and the protesters' alliance count the crowd and the arrests
    differently; "menangkap 41 peserta aksi" counts the arrested, and six injured police are no
    other account of 17 injured protesters."""
    corpus, story = _story(
        (date(2026, 11, 17), "Kapolrestabes Semarang Kombes Pol Hendra Wibisono mengatakan sekitar 1.200 orang "
                             "mengikuti aksi tersebut. Sebanyak 23 orang diamankan, dan enam polisi luka-luka "
                             "akibat lemparan batu. Koordinator aliansi, Bagus Setiawan, menyebut jumlah peserta "
                             "aksi mencapai 5.000 orang. Menurut dia, polisi menangkap 41 peserta aksi, bukan 23 "
                             "seperti yang disampaikan kepolisian. Menurut catatan aliansi, 17 peserta aksi terluka."),
        (date(2026, 11, 19), "Kabid Humas Polda Jawa Tengah Kombes Pol Yudhistira menegaskan, jumlah orang yang "
                             "diamankan sejak awal adalah 23 orang, bukan 41 seperti yang diklaim aliansi."),
    )
    heads = _heads(corpus, story)
    assert ("protesters", (1200, 5000)) in heads
    assert ("arrested", (23, 23, 41)) in heads
    assert not [h for h in heads if h[0] == "injured"]


def test_a_figure_named_to_be_denied_has_no_counted_object():
    """"bukan 41 seperti yang diklaim": "seperti" is no counted noun."""
    from telaah.analyze import analyze_articles
    from telaah.document import Article
    from telaah.pipeline import Options

    text = "Jumlah orang yang diamankan adalah 23 orang, bukan 41 seperti yang diklaim aliansi."
    article = analyze_articles([Article(id="a1", text=text, published=date(2026, 11, 19))],
                               Options(workers=1)).articles[0]
    assert all(n.object != "seperti" and n.unit != "seperti" for n in article.numbers)
