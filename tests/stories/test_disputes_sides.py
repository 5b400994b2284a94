"""Session 15 (probe 5b: a border clash in wire copy, a football riot, a mine landslide): each
side's casualties compared with that side's own, people counts whose predicate follows the
counted noun, a clause subject that says what befell those counted. Texts are synthetic
sentences written for these tests in the shape of the probe's problems."""
from datetime import date

import pytest

from telaah.document import NumberClaim
from telaah.stories.disputes import figure_key, find_disputes, population
from test_disputes_tolls import _story


def _values(corpus, story):
    return sorted((d["head"], tuple(r["value"] for r in d["reports"])) for d in find_disputes(corpus, story))


def test_each_side_of_a_clash_is_compared_with_its_own():
    corpus, story = _story(
        (date(2026, 10, 4), "BAKU (Reuters) - Kementerian Pertahanan Azerbaijan mengatakan dua tentaranya tewas "
                            "ketika pasukan Armenia menembaki posisi Azerbaijan. Kementerian Pertahanan Armenia "
                            "mengatakan satu tentara Armenia tewas dan tiga lainnya terluka."),
        (date(2026, 10, 5), "YEREVAN - Armenia mengatakan pada hari Senin bahwa jumlah tentaranya yang tewas "
                            "telah meningkat menjadi dua orang. Baku, sebaliknya, mengatakan jumlah korban tewas "
                            "di pihaknya naik menjadi tiga tentara."),
    )
    assert _values(corpus, story) == [("dead", (1.0, 2.0)), ("dead", (2.0, 3.0))]


def test_a_subject_of_an_active_verb_is_not_what_its_object_counts():
    corpus, story = _story(
        (date(2026, 10, 4), "Juru bicara itu mengatakan pasukan Azerbaijan telah menghancurkan dua pos militer Armenia."),
        (date(2026, 10, 5), "Pasukan Armenia menyebut sebanyak 1.500 tentara dikerahkan ke perbatasan."),
    )
    assert not any(d["head"] == "troops" for d in find_disputes(corpus, story))


def test_injured_supporters_beside_injured_people():
    corpus, story = _story(
        (date(2026, 10, 4), "Kericuhan pecah seusai laga. \"Sebanyak 12 orang mengalami luka,\" kata Kapolres Hendra."),
        (date(2026, 10, 4), "Manajemen klub menyebut sedikitnya 40 suporter mengalami luka-luka akibat gas air mata."),
    )
    assert _values(corpus, story) == [("injured", (12.0, 40.0))]


def test_a_toll_whose_subject_opens_the_sentence_far_before_it():
    corpus, story = _story(
        (date(2026, 10, 1), "Sedikitnya sembilan penambang tewas tertimbun longsor di tambang emas ilegal."),
        (date(2026, 10, 2), "PALU - Jumlah korban meninggal akibat longsor di tambang emas ilegal Desa Lobu Jaya, "
                            "Kecamatan Moutong, Kabupaten Parigi Moutong, bertambah menjadi 10 orang."),
    )
    article = corpus.articles[1]
    ten = next(n for n in article.numbers if n.value == 10)
    assert figure_key(article, ten) == ("count", "dead")


@pytest.mark.parametrize("unit,expected", [
    ("suporter", "supporters"), ("penonton", "spectators"), ("penambang", "miners"), ("buruh", "workers"),
])
def test_new_populations(unit, expected):
    assert population(NumberClaim(0, 1, "1", None, 1.0, unit=unit, object=unit)) == expected


def test_a_toll_with_its_increment_and_a_part_named_by_termasuk():
    """Probe 6: "bertambah menjadi 17 orang setelah empat korban ... meninggal" (the four are how
    it grew) and "tujuh orang meninggal, termasuk dua petugas polisi" (a part of the seven)."""
    corpus, story = _story(
        (date(2026, 11, 14), "TUNIS (AP) - Kelompok hak asasi mengatakan sedikitnya 20 orang tewas dalam protes itu. "
                             "Kementerian Kesehatan mengatakan tujuh orang meninggal, termasuk dua petugas polisi."),
        (date(2026, 11, 15), "TUNIS - Pemimpin oposisi mengatakan puluhan orang tewas dalam protes itu."),
    )
    values = _values(corpus, story)
    assert len(values) == 1 and values[0][0] == "dead" and 2.0 not in values[0][1]
    corpus, story = _story(
        (date(2026, 11, 16), "Sedikitnya 13 pekerja tewas dalam ledakan smelter itu, kata polisi."),
        (date(2026, 11, 18), "Jumlah pekerja yang meninggal dunia akibat ledakan smelter itu bertambah menjadi "
                             "17 orang setelah empat korban luka bakar meninggal saat dirawat."),
    )
    article = corpus.articles[1]
    seventeen, four = sorted(article.numbers, key=lambda n: n.start)[:2]
    assert figure_key(article, seventeen) == ("count", "dead")
    from telaah.stories.disputes import _is_increment
    assert _is_increment(article, four)


def test_a_date_in_the_next_sentence_of_a_quotation_does_not_date_the_figure():
    from telaah.stories.disputes import _dated_before
    corpus, story = _story(
        (date(2026, 11, 18), "\"Sampai hari ini total korban meninggal 17 orang. Empat di antaranya meninggal di rumah "
                             "sakit sejak kemarin,\" kata Kombes Pol. Yohanes Leuwol."),
    )
    article = corpus.articles[0]
    seventeen = min(article.numbers, key=lambda n: n.start)
    assert not _dated_before(article, seventeen)


def test_a_stock_in_tons_from_the_clause_subject_and_a_parallel_figure():
    """Probe 6's rice row: "cadangan beras ... mencapai 1,2 juta ton" and "Bulog bilang stoknya
    1,2 juta ton, tiba-tiba Kemendag bilang 800 ribu ton" both count the stock."""
    corpus, story = _story(
        (date(2026, 11, 16), "Kementan menyatakan cadangan beras pemerintah di gudang Perum Bulog saat ini mencapai "
                             "1,2 juta ton. Direktur Kemendag Ratna menyebut stok CBP hanya sekitar 800 ribu ton."),
        (date(2026, 11, 17), "\"Bulog sendiri bilang stoknya 1,2 juta ton, tiba-tiba Kemendag bilang 800 ribu ton,\" "
                             "kata Darius."),
    )
    for article in corpus.articles:
        for n in article.numbers:
            assert figure_key(article, n)[1] == "stock", n.text
    disputes = find_disputes(corpus, story)
    assert disputes and disputes[0]["object"] == "cadangan beras pemerintah"
