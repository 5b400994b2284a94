"""Disputed figures: same counted thing, different values, across a story's articles."""
from datetime import date

import pytest

from telaah.document import Article, Corpus, NumberClaim, Quote, Sentence, Speaker, Story
from telaah.pipeline import Options
from telaah.document import TimeExpr
from telaah.stories.disputes import NOUN_HEAD, DisputeStage, compatible, figure_key, find_disputes


def _article(aid, text, published, numbers, quotes=()):
    a = Article(id=aid, text=text, published=published)
    a.sentences = [Sentence(f"{aid}:s1", 0, len(text), 0)]
    for n in numbers:
        phrase, value, kw = n
        start = text.index(phrase)
        a.numbers.append(NumberClaim(start=start, end=start + len(phrase), text=phrase,
                                     sentence=f"{aid}:s1", value=value, **kw))
    a.quotes = list(quotes)
    return a


def _num(value=None, **kw):
    return NumberClaim(0, 1, "x", "s", value, **kw)


def _corpus(*articles):
    n = 0
    for a in articles:
        for q_i, q in enumerate(a.quotes):
            q.id = f"q{a.id}{q_i}"
        for num in a.numbers:
            n += 1
            num.id = f"n{n}"
            if num.quote_index is not None:
                num.quote = a.quotes[num.quote_index].id
    return Corpus(articles=list(articles), stories=[Story("s1", None, [a.id for a in articles])])


@pytest.mark.parametrize("a, b, expected", [
    (_num(200), _num(250), False),
    (_num(200), _num(200), True),
    (_num(None, low=100, high=999), _num(250), True),  # "ratusan" vs 250
    (_num(200, approx=True), _num(210), True),  # "sekitar 200"
    (_num(1500), _num(1523), True),  # rounding to two figures
    (_num(200), _num(213), False),
    (_num(1_500_000), _num(1_500_000.0001), True),
    (_num(200, low=200, approx=True), _num(250), True),  # "lebih dari 200"
    (_num(200, low=200, approx=True), _num(150), False),
    (_num(None, low=10, high=15), _num(30), False),
])
def test_compatible(a, b, expected):
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


def test_casualty_synonyms_group_and_dispute_in_date_order():
    later = _article("a1", "Sebanyak 250 korban jiwa tercatat.", date(2024, 3, 5),
                     [("250 korban jiwa", 250, {"unit": "korban", "object": "korban jiwa"})])
    speaker = Speaker("Kapolda", 0, 7, entity="e1")
    quote = Quote(0, 10, "x", "a2:s1", False, speaker, None)
    earlier = _article("a2", "Kapolda: 200 orang tewas dalam banjir.", date(2024, 3, 4),
                       [("200 orang tewas", 200, {"unit": "orang", "object": "orang tewas",
                                                  "quote_index": 0})], quotes=[quote])
    corpus = _corpus(later, earlier)
    DisputeStage()(corpus, Options())
    [d] = corpus.stories[0].number_disputes
    assert d["disputed"] is True
    assert d["values"] == [200, 250]  # date order, not article order
    assert [r["article"] for r in d["reports"]] == ["a2", "a1"]
    assert d["reports"][0]["speaker"] == {"text": "Kapolda", "entity": "e1"}
    assert d["reports"][0]["date"] == "2024-03-04"
    assert set(d["numbers"]) == {n.id for a in corpus.articles for n in a.numbers}


def test_compatible_values_are_listed_as_reported_not_disputed():
    """Session 20 (probe 7: "belasan orang" injured, then 14): values that can all hold but
    say different things are listed in date order so the figure's development shows, with
    ``disputed`` false."""
    a = _article("a1", "Ratusan orang tewas.", date(2024, 3, 4),
                 [("Ratusan orang tewas", None, {"low": 100, "high": 999, "unit": "orang", "object": "orang tewas"})])
    b = _article("a2", "Sebanyak 250 orang meninggal dunia.", date(2024, 3, 5),
                 [("250 orang meninggal dunia", 250, {"unit": "orang", "object": "orang meninggal dunia"})])
    [found] = find_disputes(_corpus(a, b), Story("s1", None, ["a1", "a2"]))
    assert found["disputed"] is False
    assert [r["text"] for r in found["reports"]] == ["Ratusan orang tewas", "250 orang meninggal dunia"]


@pytest.mark.parametrize("first, second", [
    (("200 orang tewas", 200, {}), ("200 orang tewas", 200, {})),  # the same figure twice
    (("144,53 orang tewas", 144.53, {}), ("144,5 orang tewas", 144.5, {})),  # exact, apart by rounding
])
def test_one_figure_written_twice_is_not_listed(first, second):
    a = _article("a1", f"Sebanyak {first[0]}.", date(2024, 3, 4),
                 [(first[0], first[1], {"unit": "orang", "object": "orang tewas", **first[2]})])
    b = _article("a2", f"Sebanyak {second[0]}.", date(2024, 3, 5),
                 [(second[0], second[1], {"unit": "orang", "object": "orang tewas", **second[2]})])
    assert find_disputes(_corpus(a, b), Story("s1", None, ["a1", "a2"])) == []


def test_different_things_and_single_article_are_not_grouped():
    a = _article("a1", "200 orang tewas dan 300 orang luka-luka.", date(2024, 3, 4), [
        ("200 orang tewas", 200, {"unit": "orang", "object": "orang tewas"}),
        ("300 orang luka-luka", 300, {"unit": "orang", "object": "orang luka-luka"})])
    b = _article("a2", "Sebanyak 300 orang luka-luka.", date(2024, 3, 4),
                 [("300 orang luka-luka", 300, {"unit": "orang", "object": "orang luka-luka"})])
    corpus = _corpus(a, b)
    assert find_disputes(corpus, corpus.stories[0]) == []


def test_money_head_found_before_the_figure():
    a = _article("a1", "Kerugian mencapai Rp 5 miliar.", date(2024, 3, 4),
                 [("Rp 5 miliar", 5e9, {"unit": "IDR"})])
    b = _article("a2", "Kerugian negara Rp 8 miliar.", date(2024, 3, 5),
                 [("Rp 8 miliar", 8e9, {"unit": "IDR"})])
    corpus = _corpus(a, b)
    assert figure_key(a, a.numbers[0]) == ("IDR", "losses")
    [d] = find_disputes(corpus, corpus.stories[0])
    assert d["values"] == [5e9, 8e9]


def test_bare_classifier_is_not_compared():
    a = _article("a1", "Ada 5 orang di sana.", date(2024, 3, 4), [("5 orang", 5, {"unit": "orang", "object": "orang"})])
    b = _article("a2", "Ada 9 orang di sini.", date(2024, 3, 4), [("9 orang", 9, {"unit": "orang", "object": "orang"})])
    corpus = _corpus(a, b)
    assert find_disputes(corpus, corpus.stories[0]) == []


def test_head_found_by_stem_before_the_figure():
    a = _article("a1", "Gempa itu menewaskan 268 orang.", date(2024, 3, 5),
                 [("268 orang", 268, {"unit": "orang", "object": "orang"})])
    assert figure_key(a, a.numbers[0]) == ("count", "dead")


def _two(text_a, fig_a, val_a, text_b, fig_b, val_b, kw_a=None, kw_b=None, mentions_b=()):
    a = _article("a1", text_a, date(2024, 3, 4), [(fig_a, val_a, kw_a or {})])
    b = _article("a2", text_b, date(2024, 3, 5), [(fig_b, val_b, kw_b or {})])
    from telaah.document import Mention
    for name in mentions_b:
        start = text_b.index(name)
        b.mentions.append(Mention(start, start + len(name), name, "PER", entity=name))
    return _corpus(a, b)


@pytest.mark.parametrize("case, disputed", [
    # identifying descriptions are not reported figures
    (("Pebalap 38 tahun itu terjatuh.", "38 tahun", 38, "Pebalap 26 tahun tersebut menang.", "26 tahun", 26,
      {"unit": "tahun"}, {"unit": "tahun"}), False),
    # competition tallies: goals of different matches
    (("Madrid mencetak tiga gol.", "tiga gol", 3, "Ronaldo mencetak dua gol.", "dua gol", 2,
      {"unit": "gol", "object": "gol"}, {"unit": "gol", "object": "gol"}), False),
    # the same head, but the sentence names another person: another payment
    (("Amien Rais disebut menerima dana Rp 600 juta.", "Rp 600 juta", 6e8,
      "Sutrisno Bachir disebut menerima dana Rp 250 juta.", "Rp 250 juta", 2.5e8,
      {"unit": "IDR"}, {"unit": "IDR"}), False),
    # a list after a comma does not inherit the clause before it
    (("Tim SAR mencari korban jiwa, termasuk puluhan anggota Kostrad.", "puluhan anggota", None,
      "Dua orang tewas.", "Dua orang", 2, {"unit": "anggota", "low": 20, "high": 99},
      {"unit": "orang", "object": "orang tewas"}), False),
    # the toll still disputes across outlets
    (("Sebanyak tiga orang tewas dalam kebakaran itu.", "tiga orang", 3,
      "Jumlah korban tewas bertambah menjadi lima orang.", "lima orang", 5,
      {"unit": "orang", "object": "orang tewas"}, {"unit": "orang"}), True),
])
def test_what_is_not_the_same_quantity(case, disputed):
    text_a, fig_a, val_a, text_b, fig_b, val_b, kw_a, kw_b = case
    corpus = _two(text_a, fig_a, val_a, text_b, fig_b, val_b, kw_a, kw_b,
                  mentions_b=[n for n in ("Sutrisno Bachir",) if n in text_b])
    if "Amien Rais" in text_a:
        from telaah.document import Mention
        corpus.articles[0].mentions.append(Mention(0, 10, "Amien Rais", "PER", entity="Amien Rais"))
    assert bool(find_disputes(corpus, corpus.stories[0])) is disputed


def test_one_article_with_several_values_under_one_head_is_left_out():
    a = _article("a1", "Unggul 0,215 detik atas Hamilton, terpaut 2,572 detik dari Alonso.", date(2024, 3, 4), [
        ("0,215 detik", 0.215, {"unit": "detik"}), ("2,572 detik", 2.572, {"unit": "detik"})])
    b = _article("a2", "Verstappen unggul 0,7 detik atas Hamilton.", date(2024, 3, 5),
                 [("0,7 detik", 0.7, {"unit": "detik"})])
    corpus = _corpus(a, b)
    assert find_disputes(corpus, corpus.stories[0]) == []


@pytest.mark.parametrize("obj, expected", [
    ("penumpang selamat", ("count", "survivors")),  # the word after the noun says which
    ("penumpang", ("count", "passengers")),
    ("orang tewas", ("count", "dead")),
    ("gempabumi susulan", ("count", "aftershocks")),
])
def test_object_head_prefers_the_qualifying_word(obj, expected):
    text = f"Tercatat 130 {obj}."
    a = _article("a1", text, date(2024, 3, 4), [(f"130 {obj.split()[0]}", 130, {"unit": obj.split()[0], "object": obj})])
    assert figure_key(a, a.numbers[0]) == expected


def test_head_is_not_taken_across_a_full_stop():
    text = '"Tidak ada korban jiwa meninggal dunia. Sebanyak 348 bangunan mengalami kerusakan," katanya.'
    a = _article("a1", text, date(2024, 3, 4), [("348 bangunan", 348, {"unit": "bangunan", "object": "bangunan"})])
    assert figure_key(a, a.numbers[0]) == ("count", NOUN_HEAD + "bangunan")


def test_an_earlier_value_in_an_updating_article_is_not_a_dispute():
    a = _article("a1", "Tim SAR menemukan satu jenazah lagi sehingga korban tewas tiga orang. "
                       "Sehari sebelumnya, tim SAR sudah menemukan dua jenazah.", date(2024, 3, 4), [
        ("tiga orang", 3, {"unit": "orang", "object": "orang"}), ("dua jenazah", 2, {"unit": "jenazah", "object": "jenazah"})])
    a.sentences = [Sentence("a1:s1", 0, a.text.index("Sehari") - 1, 0), Sentence("a1:s2", a.text.index("Sehari"), len(a.text), 0)]
    b = _article("a2", "Total korban tewas masih tiga orang.", date(2024, 3, 5),
                 [("tiga orang", 3, {"unit": "orang", "object": "orang"})])
    corpus = _corpus(a, b)
    assert find_disputes(corpus, corpus.stories[0]) == []


def _dated(article, phrase, value, granularity):
    start = article.text.index(phrase)
    article.times.append(TimeExpr(start, start + len(phrase), phrase, article.sentences[0].id, value, granularity,
                                  "explicit"))
    return article


@pytest.mark.parametrize("text_a, time_a, value_a, disputed", [
    # another, older event's toll is background, not this story's figure
    ("Gempa tahun 2012 menewaskan 5 orang.", "tahun 2012", "2012", False),
    ("Pada 10 Agustus lalu, kecelakaan serupa menewaskan 5 orang.", "10 Agustus", "2024-08-10", False),
    # a period opened by "sejak" runs to now
    ("Sejak 2012, gempa di sana menewaskan 5 orang.", "2012", "2012", True),
    # this story's own days
    ("Gempa Senin (2/12) menewaskan 5 orang.", "Senin (2/12)", "2024-12-02", True),
])
def test_background_figures_are_not_compared(text_a, time_a, value_a, disputed):
    a = _article("a1", text_a, date(2024, 12, 3), [("5 orang", 5, {"unit": "orang", "object": "orang"})])
    _dated(a, time_a, value_a, "year" if len(value_a) == 4 else "day")
    b = _article("a2", "Gempa itu menewaskan 7 orang.", date(2024, 12, 3),
                 [("7 orang", 7, {"unit": "orang", "object": "orang"})])
    corpus = _corpus(a, b)
    assert bool(find_disputes(corpus, corpus.stories[0])) is disputed


@pytest.mark.parametrize("text_a, fig_a, text_b, fig_b, disputed", [
    # a bare counted noun names a kind of thing: two planes shot down, one plane insured
    ("Dua pesawat ditembak jatuh di Ukraina.", "Dua pesawat",
     "Analis memperkirakan jaminan satu pesawat yang mengalami kecelakaan.", "satu pesawat", False),
    # the same predicate: the damaged buildings of one quake
    ("Ada dua bangunan di Poso yang rusak akibat gempa.", "dua bangunan",
     "Sebanyak 348 bangunan mengalami kerusakan.", "348 bangunan", True),
])
def test_a_counted_noun_needs_a_shared_context(text_a, fig_a, text_b, fig_b, disputed):
    noun = fig_a.split()[-1]
    corpus = _two(text_a, fig_a, 1, text_b, fig_b, 2, {"unit": noun, "object": noun}, {"unit": noun, "object": noun})
    corpus.articles[0].numbers[0].value = 2 if fig_a.lower().startswith("dua") else 1
    corpus.articles[1].numbers[0].value = float(fig_b.split()[0]) if fig_b[0].isdigit() else 1
    assert bool(find_disputes(corpus, corpus.stories[0])) is disputed


def _sentences(article, *starts):
    """Split ``article`` into one-paragraph sentences opening at the given phrases."""
    at = [article.text.index(s) for s in starts] + [len(article.text)]
    article.sentences = [Sentence(f"{article.id}:s{i + 1}", at[i], at[i + 1], 0) for i in range(len(starts))]
    for n in article.numbers:
        n.sentence = article.sentence_at(n.start).id
    return article


def test_a_rate_is_not_a_count():
    a = _article("a1", "Pada tahun 60-an, 133 orang meninggal dari setiap 100 juta penumpang.", date(2024, 12, 3),
                 [("133 orang", 133, {"unit": "orang", "object": "orang meninggal"})])
    b = _article("a2", "Kecelakaan itu menewaskan 7 orang.", date(2024, 12, 3),
                 [("7 orang", 7, {"unit": "orang", "object": "orang"})])
    corpus = _corpus(a, b)
    assert find_disputes(corpus, corpus.stories[0]) == []


@pytest.mark.parametrize("text_b, year_b, disputed", [
    # a statistic over the year is not the count of the story's event
    ("Kecelakaan itu menewaskan 7 orang.", None, False),
    # two statistics of the same year are the same quantity
    ("Sepanjang tahun 2024, 700 orang tewas di udara.", "tahun 2024", True),
])
def test_counts_over_a_whole_year_compare_only_with_the_same_year(text_b, year_b, disputed):
    a = _article("a1", "Empat insiden mewarnai tahun 2024, yang membuat 600 orang tewas.", date(2024, 12, 30),
                 [("600 orang", 600, {"unit": "orang", "object": "orang tewas"})])
    _dated(a, "tahun 2024", "2024", "year")
    fig = text_b.split(",")[-1].split()[0] + " orang" if year_b else "7 orang"
    b = _article("a2", text_b, date(2024, 12, 30), [(fig, float(fig.split()[0]), {"unit": "orang", "object": "orang tewas"})])
    if year_b:
        _dated(b, year_b, "2024", "year")
    corpus = _corpus(a, b)
    assert bool(find_disputes(corpus, corpus.stories[0])) is disputed


def test_one_thing_named_is_not_a_count_of_things():
    corpus = _two("Dua pesawat pernah mengalami kecelakaan di pulau ini.", "Dua pesawat", 2,
                  "Jaminan satu unit pesawat yang mengalami kecelakaan itu besar.", "satu unit pesawat", 1,
                  {"unit": "pesawat", "object": "pesawat"}, {"unit": "pesawat", "object": "unit pesawat"})
    assert find_disputes(corpus, corpus.stories[0]) == []


@pytest.mark.parametrize("opening, disputed", [
    ("Akibatnya, ", False),  # points back to the 1997 crash of the sentence before
    ("Saat itu, ", False),  # the time stage reads "Saat itu" as a date with no value of its own
    ("", True),  # a sentence of its own, without a date: the story's figure
])
def test_a_sentence_pointing_back_takes_the_date_before_it(opening, disputed):
    text = f"Merpati MZ 106 jatuh pada 20 April 1997. {opening}15 orang tewas dalam kecelakaan."
    a = _article("a1", text, date(2024, 12, 30), [("15 orang", 15, {"unit": "orang", "object": "orang tewas"})])
    _sentences(a, "Merpati", opening or "15 orang")
    start = text.index("20 April 1997")
    a.times.append(TimeExpr(start, start + 13, "20 April 1997", "a1:s1", "1997-04-20", "day", "explicit"))
    if opening.startswith("Saat"):
        at = text.index("Saat itu")
        a.times.append(TimeExpr(at, at + 8, "Saat itu", "a1:s2", None, None, "explicit"))
    b = _article("a2", "Kecelakaan itu menewaskan 7 orang.", date(2024, 12, 30),
                 [("7 orang", 7, {"unit": "orang", "object": "orang tewas"})])
    corpus = _corpus(a, b)
    assert bool(find_disputes(corpus, corpus.stories[0])) is disputed


def test_words_that_only_say_amount_are_no_shared_context():
    corpus = _two("Pesawat ini membawa 162 orang, terdiri dari 155 penumpang.", "162 orang", 162,
                  "Satu tim penyelam terdiri dari 5-7 orang.", "5-7 orang", None,
                  {"unit": "orang"}, {"unit": "orang", "low": 5, "high": 7})
    assert find_disputes(corpus, corpus.stories[0]) == []


@pytest.mark.parametrize("text_a, fig_a, text_b, fig_b, same_day, disputed", [
    # a market's moves on different days: no one disagrees
    ("Minyak Brent turun 84 sen menjadi 78,47 dollar AS per barel.", "84 sen",
     "Minyak Brent turun 28 sen menjadi 69,64 dollar AS per barel.", "28 sen", False, False),
    # the same day's move given twice, differently: a dispute
    ("Minyak Brent turun 84 sen menjadi 78,47 dollar AS per barel.", "84 sen",
     "Minyak Brent turun sekitar 28 sen menjadi 69,64 dollar AS per barel.", "28 sen", True, True),
    # a decline measured up to the day of writing grows from day to day
    ("Penurunan 30 persen harga minyak sejak Juni membuat OPEC bertemu.", "30 persen",
     "Harga minyak merosot 35 persen sejak Juni.", "35 persen", False, False),
    # a rise and a fall the same day are moves of two things
    ("Minyak Brent naik 10 sen menjadi 78,20 dollar AS per barel.", "10 sen",
     "Minyak WTI turun tiga sen menjadi 74,58 dollar AS per barel.", "tiga sen", True, False),
    # a change is not a level
    ("Harga minyak turun 5 persen pekan ini.", "5 persen",
     "Pajak minyak tetap 10 persen pekan ini.", "10 persen", True, False),
])
def test_change_amounts_compare_only_with_the_same_days_changes(text_a, fig_a, text_b, fig_b, same_day, disputed):
    unit = fig_a.split()[-1]
    measure = {"unit": unit, "object": "harga minyak"}
    value = {"tiga": 3.0}
    a = _article("a1", text_a, date(2024, 11, 19), [(fig_a, float(fig_a.split()[0]), dict(measure))])
    b = _article("a2", text_b, date(2024, 11, 19) if same_day else date(2024, 12, 5),
                 [(fig_b, value.get(fig_b.split()[0]) or float(fig_b.split()[0]), dict(measure))])
    corpus = _corpus(a, b)
    assert bool(find_disputes(corpus, corpus.stories[0])) is disputed


def test_a_rate_kept_inside_the_figure_is_a_rate():
    corpus = _two("OPEC mempertahankan produksi 30 juta barel per hari.", "30 juta barel per hari", 30e6,
                  "OPEC memompa 30,56 juta barel per hari di bulan November.", "30,56 juta barel per hari", 30.56e6,
                  {"unit": "bbl", "object": "produksi minyak"}, {"unit": "bbl", "object": "produksi minyak"})
    assert find_disputes(corpus, corpus.stories[0]) == []


def test_a_sum_given_per_unit_stays_comparable():
    corpus = _two("Anggaran program itu Rp 5 miliar per tahun.", "Rp 5 miliar per tahun", 5e9,
                  "Anggaran program itu Rp 7 miliar per tahun.", "Rp 7 miliar per tahun", 7e9,
                  {"unit": "IDR"}, {"unit": "IDR"})
    assert len(find_disputes(corpus, corpus.stories[0])) == 1


@pytest.mark.parametrize("sentence,some", [
    ("Ada TPS dengan partisipasi di atas 90 persen, kata pemantau.", True),
    ("Partisipasi mencapai 95 persen di beberapa TPS, kata pemantau.", True),
    ("Ada 15 orang tewas dalam kecelakaan itu.", False),
    ("Partisipasi mencapai 58 persen secara nasional.", False),
])
def test_a_figure_of_only_some_members_is_not_a_figure_of_the_whole(sentence, some):
    """Session 14 (probe 4's turnout): "Ada TPS dengan ... 90 persen" is said of some stations."""
    from telaah.stories.disputes import _is_some

    from telaah.analyze import analyze_articles

    article = analyze_articles([Article("a1", sentence)]).articles[0]
    [number] = [n for n in article.numbers if any(ch.isdigit() for ch in n.text)]
    assert _is_some(article, number) is some


@pytest.mark.parametrize("text, figure, head", [
    ("Ia menyebut nilai kontrak pengadaan 120.000 unit laptop itu mencapai Rp 1,2 triliun.", "Rp 1,2 triliun", "budget"),
    ("Nilai pengadaan yang tercantum dalam SiRUP mencapai Rp 1,5 triliun.", "Rp 1,5 triliun", "budget"),
    ("Menurut Yoga, harga satuan laptop itu adalah Rp 10 juta per unit.", "Rp 10 juta per unit", "unit_price"),
    ("Harga rata-rata laptop yang dibeli adalah Rp 8,9 juta per unit.", "Rp 8,9 juta per unit", "unit_price"),
    ("Harga di pasaran untuk spesifikasi yang sama adalah hanya sekitar Rp 7,5 juta.", "Rp 7,5 juta", "market_price"),
])
def test_procurement_sums_have_heads(text, figure, head):
    """Session 20 (probe 7, a laptop mark-up story): a contract's value and a budget ceiling
    are set against each other, a unit price against a unit price, never against the market's."""
    from telaah.analyze import analyze_articles

    article = analyze_articles([Article("a1", text)]).articles[0]
    [number] = [n for n in article.numbers if figure in n.text]
    assert figure_key(article, number) == ("IDR", head)


def _trade(text_a, figs_a, text_b="Ekspor nonmigas pada Februari mencapai 11,38 miliar dolar AS.",
           fig_b=("11,38 miliar dolar AS", 11.38e9)):
    a = _article("a1", text_a, date(2017, 3, 16), [(f, v, {"unit": "USD"}) for f, v in figs_a])
    b = _article("a2", text_b, date(2017, 3, 16), [(fig_b[0], fig_b[1], {"unit": "USD"})])
    return a, b


def test_trade_figures_have_heads():
    a, b = _trade("Ekspor nonmigas pada Februari 2017 mencapai 11,37 miliar dolar AS.",
                  [("11,37 miliar dolar AS", 11.37e9)])
    assert figure_key(a, a.numbers[0]) == ("USD", "non_oil_exports")
    corpus = _corpus(a, b)
    disputes = find_disputes(corpus, corpus.stories[0])
    assert [[r["text"] for r in d["reports"]] for d in disputes] == [["11,37 miliar dolar AS", "11,38 miliar dolar AS"]]


@pytest.mark.parametrize("second", [
    # the largest item of a breakdown is a part, not a second value of the whole
    "Ekspor nonmigas terbesar adalah ke RRT yakni mencapai 1,36 miliar dolar AS.",
    # a cumulative sum is a quantity of its own
    "Secara kumulatif ekspor nonmigas mencapai 23,51 miliar dolar AS.",
])
def test_a_part_or_a_cumulative_sum_beside_the_figure_keeps_the_article_compared(second):
    fig = "1,36 miliar dolar AS" if "1,36" in second else "23,51 miliar dolar AS"
    text = "Ekspor nonmigas mencapai 11,37 miliar dolar AS. " + second
    a, b = _trade(text, [("11,37 miliar dolar AS", 11.37e9), (fig, float(fig.split()[0].replace(",", ".")) * 1e9)])
    a.sentences = [Sentence("a1:s1", 0, text.index(second) - 1, 0), Sentence("a1:s2", text.index(second), len(text), 0)]
    for n in a.numbers:
        n.sentence = a.sentence_at(n.start).id
    corpus = _corpus(a, b)
    disputes = find_disputes(corpus, corpus.stories[0])
    assert [[r["text"] for r in d["reports"]] for d in disputes] == [["11,37 miliar dolar AS", "11,38 miliar dolar AS"]]


@pytest.mark.parametrize("link, disputed", [
    ("naik dibanding", True),  # the base of a comparison
    ("tercatat pada", False),  # the figure's own, old date: background
])
def test_a_comparison_base_date_does_not_make_the_figure_background(link, disputed):
    text = f"Ekspor nonmigas mencapai 11,37 miliar dolar AS, {link} Februari 2016."
    a, b = _trade(text, [("11,37 miliar dolar AS", 11.37e9)])
    _dated(a, "Februari 2016", "2016-02", "month")
    corpus = _corpus(a, b)
    assert bool(find_disputes(corpus, corpus.stories[0])) is disputed


def test_a_magnitude_is_never_one_of_the_dead():
    from telaah.analyze import analyze_articles

    article = analyze_articles([Article("a1", "Jumlah korban meninggal akibat gempa bermagnitudo 6,2 itu "
                                              "bertambah menjadi sedikitnya 20 orang.")]).articles[0]
    keys = {n.text: figure_key(article, n) for n in article.numbers}
    assert keys == {"6,2": ("magnitudo", "magnitude"), "sedikitnya 20 orang": ("count", "dead")}


def _one_story(*texts):
    from telaah.analyze import analyze_articles

    arts = [Article(f"a{i}", t, published=date(2026, 11, 25)) for i, t in enumerate(texts, 1)]
    corpus = analyze_articles(arts, Options(extras={"one_story": True}))
    return corpus, corpus.stories[0]


def test_seized_sums_are_one_quantity():
    """Probe 12: "menyita uang tunai sebesar Rp2,5 miliar" and "menyita uang tunai sekitar Rp 3
    miliar" are two accounts of the money one raid seized."""
    corpus, story = _one_story(
        "KPK menetapkan Bupati Kuningan sebagai tersangka. Dalam OTT itu, tim menyita uang tunai sebesar Rp2,5 miliar.",
        "KPK menyita uang tunai sekitar Rp 3 miliar dalam operasi tangkap tangan terhadap Bupati Kuningan.")
    [dispute] = find_disputes(corpus, story)
    assert dispute["head"] == "seized" and dispute["disputed"]


def test_the_others_are_a_part_of_another_articles_total():
    """Probe 12: "lima orang tersangka" and "empat tersangka lainnya" (besides the bupati) are one count."""
    corpus, story = _one_story(
        "KPK menetapkan lima orang sebagai tersangka dalam kasus suap proyek jalan di Kuningan.",
        "Selain bupati, KPK juga menahan empat tersangka lainnya dalam kasus suap proyek jalan di Kuningan.")
    assert not [d for d in find_disputes(corpus, story) if d["disputed"]]


def test_the_others_beside_another_count_are_that_counts_whole():
    """Probe 12: "23 korban meninggal dunia. Lima orang lainnya masih hilang" gives the missing, all
    of them; with "Empat warga lain masih dalam pencarian" and "Dua warga tidak ditemukan dan
    dinyatakan hilang" it is one count of the missing, reported three ways."""
    corpus, story = _one_story(
        "Tim gabungan telah menemukan 23 korban meninggal dunia akibat longsor di Sibolangit. Lima orang lainnya masih hilang.",
        "Korban meninggal dunia akibat longsor di Sibolangit mencapai 27 orang. Empat warga lain masih dalam pencarian.",
        "Tim menemukan 29 korban meninggal dunia akibat longsor di Sibolangit. Dua warga tidak ditemukan dan dinyatakan hilang.")
    missing = [d for d in find_disputes(corpus, story) if d["head"] == "missing"]
    assert [sorted(d["values"]) for d in missing] == [[2.0, 4.0, 5.0]]


def test_shelters_are_not_the_displaced():
    """Probe 12: "sekitar 1.200 warga kini mengungsi di tiga titik pengungsian" counts 1,200 displaced
    and three shelters; the three are no account of the displaced."""
    corpus, story = _one_story(
        "Jumlah pengungsi longsor Sibolangit melonjak menjadi 1.150 jiwa.",
        "Kapolresta menyebut sekitar 1.200 warga kini mengungsi di tiga titik pengungsian akibat longsor Sibolangit.")
    assert all(3.0 not in d["values"] for d in find_disputes(corpus, story))
    article = corpus.articles[1]
    keys = {n.text: figure_key(article, n) for n in article.numbers}
    assert keys == {"sekitar 1.200 warga": ("count", "displaced"), "tiga titik": ("count", "noun:titik")}


def test_a_toll_after_a_time_phrase_keeps_its_head():
    """Probe 12: "…, dua hari lalu bertambah menjadi 34 orang" counts what "Jumlah korban tewas"
    names (the dead), not the magnitude named on the way."""
    from telaah.analyze import analyze_articles

    article = analyze_articles([Article("a1", "Jumlah korban tewas akibat gempa magnitudo 6,1 yang melanda Provinsi "
                                              "Malatya, Turki timur, dua hari lalu bertambah menjadi 34 orang, kata "
                                              "AFAD pada Sabtu.", published=date(2026, 11, 14))]).articles[0]
    keys = {n.text: figure_key(article, n) for n in article.numbers}
    assert keys["34 orang"] == ("count", "dead")


def test_a_toll_dated_to_the_evening_before_is_an_earlier_value():
    """Probe 12: Friday's "Pada Kamis malam, kantor berita Anadolu melaporkan 21 orang tewas" beside
    its own 27 is the earlier count, so 18, 27, 34 is a toll that rose."""
    from telaah.analyze import analyze_articles

    texts = [("Gempa mengguncang Malatya pada Kamis dini hari, menewaskan sedikitnya 18 orang, kata Menteri.", 12),
             ("Jumlah korban tewas akibat gempa di Malatya bertambah menjadi 27 orang, kata Menteri.\n\n"
              "Pada Kamis malam, kantor berita Anadolu melaporkan 21 orang tewas akibat gempa di Malatya.", 13),
             ("Jumlah korban tewas akibat gempa di Malatya bertambah menjadi 34 orang, kata AFAD.", 14)]
    arts = [Article(f"a{i}", t, published=date(2026, 11, d)) for i, (t, d) in enumerate(texts, 1)]
    corpus = analyze_articles(arts, Options(extras={"one_story": True}))
    [dead] = [d for d in find_disputes(corpus, corpus.stories[0]) if d["head"] == "dead"]
    assert dead["change"] == "rising"
    assert [r["earlier"] for r in dead["reports"] if r["value"] == 21.0] == [True]
