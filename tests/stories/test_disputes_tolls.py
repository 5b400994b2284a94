"""A growing toll across outlets and days, as an analyst's flood probe wrote it (session 11)."""
from datetime import date

from telaah.analyze import analyze_articles
from telaah.document import Article
from telaah.pipeline import Options
from telaah.stories.disputes import find_disputes


def _story(*dated_texts):
    articles = [Article(id=f"a{i}", text=t, published=d) for i, (d, t) in enumerate(dated_texts, 1)]
    corpus = analyze_articles(articles, Options(workers=1, extras={"one_story": True}))
    return corpus, corpus.stories[0]


def _dead(corpus, story):
    return [d for d in find_disputes(corpus, story) if d["head"] == "dead"]


def test_an_older_disasters_toll_does_not_hide_the_articles_own():
    corpus, story = _story(
        (date(2024, 3, 6), "Korban meninggal akibat banjir bandang di Pesisir Selatan bertambah menjadi 17 orang. "
                           "Banjir bandang pada 2019 di kabupaten itu menewaskan 40 orang."),
        (date(2024, 3, 6), "Banjir bandang di Pesisir Selatan menewaskan 19 orang, kata BPBD. "
                           "Banjir ini terparah sejak banjir 2019 yang menewaskan 40 orang."),
    )
    (dead,) = _dead(corpus, story)
    assert sorted(r["value"] for r in dead["reports"]) == [17, 19]  # the 2019 toll is background


def test_a_value_the_article_dates_earlier_is_listed_as_earlier():
    corpus, story = _story(
        (date(2024, 3, 6), "Banjir bandang di Pesisir Selatan menewaskan 19 orang, kata BPBD."),
        (date(2024, 3, 7), "Korban meninggal banjir bandang di Pesisir Selatan kini 21 orang. "
                           "Dua hari lalu, korban meninggal yang tercatat baru 12 orang."),
    )
    (dead,) = _dead(corpus, story)
    earlier = {r["value"]: r["earlier"] for r in dead["reports"]}
    assert earlier == {19: False, 21: False, 12: True}


def test_a_headline_and_its_repeat_are_one_report():
    title = "Banjir Pesisir Selatan, 12 orang tewas"
    corpus, story = _story(
        (date(2024, 3, 5), f"{title}\n\n{title}\n\nBanjir bandang menewaskan 12 orang di Pesisir Selatan."),
        (date(2024, 3, 5), "Banjir bandang di Pesisir Selatan menewaskan 15 orang, kata BPBD."),
    )
    (dead,) = _dead(corpus, story)
    assert [r["value"] for r in dead["reports"] if r["article"] == "a1"] == [12]


def test_a_measure_given_last_year_does_not_hide_this_years():
    """Probe 10: "Pada tahun lalu … lebih dari 300 kilogram sabu" is background; it no longer
    keeps the article's own 12,5 kg out of the comparison with another outlet's 15 kg."""
    corpus, story = _story(
        (date(2026, 11, 16), "Petugas menyita 15 kilogram sabu dari sebuah truk tangki di Kubu Raya pada Sabtu (14/11)."),
        (date(2026, 11, 17), "Polda Kalbar menyita 12,5 kilogram sabu dari sebuah truk tangki di Kubu Raya pada "
                             "Sabtu (14/11). Pada tahun lalu, Polda Kalbar menyita lebih dari 300 kilogram sabu "
                             "dari jaringan yang sama."),
    )
    found = [sorted(r["value"] for r in d["reports"]) for d in find_disputes(corpus, story) if d["disputed"]]
    assert [12.5, 15] in found


def test_a_toll_that_grew_is_marked_as_a_change_not_a_contradiction():
    """Probes 9 and 10: 9, then "naik menjadi 12", then "bertambah menjadi 14" dead is a toll
    that grew (``change``: rising); two sources a day apart with no word of change stay a
    contradiction (``change`` None)."""
    corpus, story = _story(
        (date(2026, 11, 18), "Ledakan gudang kimia di Gresik menewaskan sembilan orang, kata polisi."),
        (date(2026, 11, 19), "Jumlah korban tewas ledakan gudang kimia di Gresik naik menjadi 12 orang, kata polisi."),
        (date(2026, 11, 20), "Korban tewas ledakan gudang kimia di Gresik bertambah menjadi 14 orang, kata polisi."),
    )
    assert [d["change"] for d in _dead(corpus, story)] == ["rising"]
    corpus, story = _story(
        (date(2026, 11, 18), "Ledakan gudang kimia di Gresik menewaskan sembilan orang, kata polisi."),
        (date(2026, 11, 19), "Ledakan gudang kimia di Gresik menewaskan 16 orang, kata serikat pekerja."),
    )
    assert [(d["disputed"], d["change"]) for d in _dead(corpus, story)] == [(True, None)]
