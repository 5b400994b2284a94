"""Session 25 (probe 10: a regional election's vote count): a contest's figures are compared
per contender, gaps between two counts are no counts, and a counted noun's figures need a
shared context. Texts are synthetic sentences written for these tests in the probe's shapes."""
from datetime import date

from telaah.stories.disputes import _is_difference, figure_key, find_disputes
from test_disputes_tolls import _story


def _values(corpus, story):
    return sorted((d["head"], tuple(r["value"] for r in d["reports"])) for d in find_disputes(corpus, story))


ELECTION = (
    (date(2026, 11, 10), "LEMBAH SERUNI - Tim pemenangan pasangan nomor urut 2, Rusdi Hamzah-Wulan Sekarsari, "
                         "menuding KPU menggelembungkan perolehan suara pasangan nomor urut 1, H. Mukhlis "
                         "Syarifuddin-Dedi Prasetyo. Bambang Irawan mengatakan pasangan Mukhlis-Dedi hanya "
                         "memperoleh 48.210 suara. Namun dalam rekapitulasi KPU, angka itu melonjak menjadi "
                         "51.003 suara. \"Ada selisih 2.793 suara,\" kata Bambang. Pasangan Rusdi-Wulan sendiri "
                         "tercatat meraih 49.874 suara."),
    (date(2026, 11, 22), "KPU menetapkan pasangan nomor urut 1 sebagai pemenang. Pasangan nomor urut 1 itu "
                         "ditetapkan dengan perolehan 51.003 suara, unggul 1.129 suara atas pasangan Rusdi "
                         "Hamzah-Wulan Sekarsari yang meraih 49.874 suara."),
)


def test_each_contender_s_votes_are_compared_with_their_own():
    corpus, story = _story(*ELECTION)
    assert _values(corpus, story) == [("votes", (48210.0, 51003.0, 51003.0))]


def test_a_gap_between_two_counts_is_no_count():
    corpus, _ = _story(*ELECTION)
    gaps = {n.value: _is_difference(a, n) for a in corpus.articles for n in a.numbers}
    assert gaps[2793.0] and gaps[1129.0]
    assert not gaps[48210.0] and not gaps[49874.0]


def test_a_figure_of_another_noun_beside_a_vote_word_counts_that_noun():
    corpus, _ = _story(
        (date(2026, 11, 13), "Tim mendesak Bawaslu merekomendasikan pemungutan suara ulang di 14 TPS."),
    )
    article = corpus.articles[0]
    assert figure_key(article, article.numbers[0]) == ("count", "noun:tps")


def test_counted_nouns_compare_only_within_a_shared_context():
    corpus, story = _story(
        (date(2026, 11, 10), "Saksi menghimpun salinan formulir hasil di 412 TPS."),
        (date(2026, 11, 13), "Tim mendesak Bawaslu merekomendasikan pemungutan suara ulang di 14 TPS."),
        (date(2026, 11, 22), "Tim meminta KPU RI menggelar pemungutan suara ulang di 17 TPS."),
    )
    assert _values(corpus, story) == [("tps", (14.0, 17.0))]
