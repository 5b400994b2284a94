"""A StoryGrouper survives pickling mid-stream (the store keeps one) and stays deterministic."""
import pickle
from datetime import date

from telaah.document import Article, Sentence
from telaah.stories.grouping import StoryGrouper


def _make(aid, text, day):
    return Article(id=aid, text=text, published=day, sentences=[Sentence(f"{aid}:s1", 0, len(text), 0)])


ARTICLES = [
    _make("a1", "Banjir bandang melanda Kabupaten Garut setelah hujan deras, ratusan rumah terendam.", date(2017, 5, 1)),
    _make("b1", "Persib Bandung mengalahkan Persipura Jayapura dua gol tanpa balas di Bandung.", date(2017, 5, 1)),
    _make("a2", "Korban banjir bandang Garut bertambah, BPBD Garut mencatat rumah terendam.", date(2017, 5, 2)),
    _make("b2", "Pelatih Persib memuji kemenangan atas Persipura Jayapura di Bandung.", date(2017, 5, 2)),
]


def test_pickled_grouper_continues_exactly_like_the_original():
    straight = StoryGrouper()
    for a in ARTICLES:
        straight.add(a)
    resumed = StoryGrouper()
    for a in ARTICLES[:2]:
        resumed.add(a)
    resumed = pickle.loads(pickle.dumps(resumed))
    for a in ARTICLES[2:]:
        resumed.add(a)
    assert resumed.stories() == straight.stories()
    assert sorted(map(sorted, straight.stories())) == [["a1", "a2"], ["b1", "b2"]]
