"""What a figure counts when its noun only names who is counted, who gives it, bodies found,
figures named to be denied, and rounding of decimals (session 13, from an analyst's probe of a
ferry sinking and an election; the sentences here are invented in the same shapes)."""
from datetime import date

import pytest

from telaah.document import NumberClaim
from telaah.stories.disputes import compatible, figure_key, find_disputes, _is_rejected
from test_disputes_tolls import _story


def _key(text, figure):
    corpus, _ = _story((date(2025, 3, 1), text))
    (article,) = corpus.articles
    (number,) = [n for n in article.numbers if n.text == figure]
    return figure_key(article, number)


@pytest.mark.parametrize("text, figure, expected", [
    # the body noun before the population noun says what is counted
    ("Tim SAR mengevakuasi lima jenazah penumpang bus itu.", "lima jenazah", ("count", "dead")),
    # what the clause says of the passengers right after the phrase (past the vehicle's name)
    ("Sedikitnya 9 penumpang KA Argo Lawu II meninggal dunia.", "Sedikitnya 9 penumpang", ("count", "dead")),
    ("Sebanyak 30 penumpang lainnya masih dalam pencarian.", "30 penumpang", ("count", "missing")),
    ("Sebanyak 45 penumpang dalam keadaan selamat.", "45 penumpang", ("count", "survivors")),
    # the verb right before them
    ("Petugas menyelamatkan 45 penumpang, sementara dua lainnya dirawat.", "45 penumpang", ("count", "survivors")),
    # nothing said of them: the passengers aboard
    ("Kapal itu membawa 80 penumpang ditambah 6 awak.", "80 penumpang", ("count", "passengers")),
    # an active verb's object is not the counted people
    ("Sebanyak 300 personel diterjunkan untuk mencari korban tewas.", "300 personel", ("count", "personnel")),
    # "lainnya" alone: the others, and what is said of them
    ("Tujuh orang tewas dan belasan lainnya belum ditemukan.", "belasan", ("count", "missing")),
    # who speaks is not what is counted
    ("Warga yang selamat menyebut bus itu mengangkut lebih dari 60 orang.", "lebih dari 60 orang",
     ("count", "passengers")),
    ("Polisi memperkirakan sekitar 90 orang berada di atas kapal.", "sekitar 90 orang", ("count", "passengers")),
    ("Posko menerima laporan 12 orang yang belum kembali.", "12 orang", ("count", "missing")),
    ("Komisi itu mengatakan partisipasi pemilih mencapai 71,2 persen.", "71,2 persen", ("%", "turnout")),
    ("Sekitar 2.000 orang ikut dalam aksi itu.", "Sekitar 2.000 orang", ("count", "protesters")),
    # a bare figure taking up the count just given
    ("Polisi memperkirakan 2.000 orang berunjuk rasa, sementara panitia menyebut jumlahnya lebih dari 8.000.",
     "lebih dari 8.000", ("count", "protesters")),
])
def test_what_a_figure_counts(text, figure, expected):
    assert _key(text, figure) == expected


def _values(dispute):
    return sorted(r["value"] if r["value"] is not None else r["low"] for r in dispute["reports"])


def test_bodies_found_in_one_search_are_not_the_toll():
    corpus, story = _story(
        (date(2025, 3, 1), "Tim SAR kembali menemukan dua jenazah di sungai, sehingga korban tewas banjir di Garut "
                           "kini mencapai 12 orang."),
        (date(2025, 3, 1), "Korban tewas banjir di Garut mencapai 10 orang, kata BPBD."),
    )
    (dead,) = find_disputes(corpus, story)
    assert dead["head"] == "dead" and _values(dead) == [10, 12]


def test_bodies_found_stay_when_the_article_gives_no_toll_of_its_own():
    corpus, story = _story(
        (date(2025, 3, 1), "Tim SAR menemukan lima jenazah korban banjir di Garut."),
        (date(2025, 3, 1), "Korban tewas banjir di Garut mencapai 10 orang, kata BPBD."),
    )
    (dead,) = find_disputes(corpus, story)
    assert _values(dead) == [5, 10]


def test_two_sources_in_one_article_are_two_accounts():
    corpus, story = _story(
        (date(2025, 3, 2), "Kepala BPBD Garut, Asep Sunandar, menyebut 30 orang masih hilang akibat banjir. "
                           "Menurut keterangan Polres Garut, posko menerima laporan 52 orang yang belum kembali."),
        (date(2025, 3, 1), "Sebanyak 30 orang masih hilang akibat banjir di Garut."),
    )
    (missing,) = find_disputes(corpus, story)
    assert missing["head"] == "missing" and _values(missing) == [30, 30, 52]


def test_one_articles_two_named_sources_disagree():
    corpus, story = _story(
        (date(2025, 3, 2), "Polisi memperkirakan sekitar 4.000 orang berunjuk rasa di Bandung, sementara panitia "
                           "menyebut jumlahnya lebih dari 9.000."),
        (date(2025, 3, 2), "Ribuan orang berunjuk rasa di Bandung menolak kenaikan tarif."),
    )
    (protest,) = find_disputes(corpus, story)
    assert protest["head"] == "protesters"
    assert {r["text"] for r in protest["reports"]} >= {"sekitar 4.000 orang", "lebih dari 9.000"}


def test_one_voice_giving_two_values_is_still_several_things():
    corpus, story = _story(
        (date(2025, 3, 2), "Sebanyak 30 orang masih hilang di Garut. Sebanyak 52 orang masih hilang di Cianjur."),
        (date(2025, 3, 1), "Sebanyak 41 orang masih hilang akibat banjir."),
    )
    assert find_disputes(corpus, story) == []


def test_a_growing_count_is_listed_in_date_order():
    corpus, story = _story(
        (date(2025, 3, 3), "Tim SAR mencatat 55 penumpang selamat dalam kecelakaan kapal itu."),
        (date(2025, 3, 1), "Tim SAR mencatat 40 penumpang selamat dalam kecelakaan kapal itu."),
        (date(2025, 3, 2), "Tim SAR mencatat 52 penumpang selamat dalam kecelakaan kapal itu."),
    )
    (rescued,) = find_disputes(corpus, story)
    assert rescued["head"] == "survivors"
    assert [(r["date"], r["value"]) for r in rescued["reports"]] == [
        ("2025-03-01", 40), ("2025-03-02", 52), ("2025-03-03", 55)]


@pytest.mark.parametrize("text, figure, rejected", [
    ("Kenaikannya bukan 10 persen, tapi bisa 25 persen lebih.", "10 persen", True),
    ("Kenaikannya bukan 10 persen, tapi bisa 25 persen lebih.", "25 persen", False),
    ("Kenaikannya sekitar 10 persen.", "sekitar 10 persen", False),
])
def test_a_figure_named_to_be_denied(text, figure, rejected):
    corpus, _ = _story((date(2025, 3, 1), text))
    (article,) = corpus.articles
    (number,) = [n for n in article.numbers if n.text == figure]
    assert _is_rejected(article, number) is rejected


def _num(text, value):
    return NumberClaim(0, 1, text, "s", value)


@pytest.mark.parametrize("a, b, expected", [
    (("47,3%", 47.3), ("47,1%", 47.1), False),  # two outlets' vote shares
    (("58,7%", 58.7), ("58,9 persen", 58.9), False),
    (("47,34%", 47.34), ("47,3%", 47.3), True),  # one rounded to its last digit
    (("Rp 144,53 triliun", 144.53e12), ("Rp 144,5 triliun", 144.5e12), True),
    (("Rp 144,58 triliun", 144.58e12), ("Rp 144,5 triliun", 144.5e12), False),
    (("15,8 persen", 15.8), ("16 persen", 16), True),  # two significant figures
    (("47,3%", 47.3), ("47%", 47), True),  # 47 may be 47,3 rounded
    (("1,5 juta", 1_500_000), ("1.500.000", 1_500_000.0001), True),  # float noise
    (("13.320", 13320), ("13.327", 13327), False),
    (("1.520", 1520), ("1.523", 1523), False),  # a whole number's trailing zero may be exact
])
def test_decimals_differ_beyond_rounding(a, b, expected):
    assert compatible(_num(*a), _num(*b)) is expected
    assert compatible(_num(*b), _num(*a)) is expected


def test_a_near_copy_repeating_its_originals_figure_is_not_another_report():
    """Issue 6: a copy counts as one source with its original (session 13: the ferry probe listed
    the Antara copy's 14 dead beside the original's)."""
    from test_disputes_tolls import _dead

    text = ("Tim SAR gabungan mencatat 14 orang tewas setelah kapal tenggelam di perairan Alor, "
            "Sabtu malam. Pencarian terhadap penumpang lain masih berlangsung hingga Minggu sore.")
    corpus, story = _story((date(2025, 11, 16), text), (date(2025, 11, 16), text + " Keluarga korban menunggu."),
                           (date(2025, 11, 17), "Korban tewas kapal tenggelam di perairan Alor bertambah menjadi 16 orang."))
    by_id = {a.id: a for a in corpus.articles}
    by_id["a2"].duplicate_of = "a1"
    (dead,) = _dead(corpus, story)
    assert sorted((r["article"], r["value"]) for r in dead["reports"]) == [("a1", 14), ("a3", 16)], dead["reports"]
