"""Story grouping's candidate retrieval and window bookkeeping: stories that leave the time
window leave the index and free their vectors, and the work per article is bounded."""
import copy
from datetime import date, timedelta

from telaah.document import Article, Sentence
from telaah.stories.grouping import GroupingConfig, StoryGrouper, group_articles


def make(aid, text, day):
    return Article(id=aid, text=text, published=day, sentences=[Sentence(f"{aid}:s1", 0, len(text), 0)])


FLOOD = "Banjir bandang melanda Kabupaten Garut setelah hujan deras, ratusan rumah warga Garut terendam."
FLOOD_2 = "Korban banjir bandang Garut bertambah, BPBD Garut mencatat ratusan rumah terendam banjir."
MATCH = "Persib Bandung mengalahkan Persipura Jayapura dua gol tanpa balas di Stadion Bandung."


def test_story_out_of_the_window_is_closed_and_freed():
    closed = []
    g = StoryGrouper()
    g.on_close = closed.append
    g.add(make("a1", FLOOD, date(2017, 5, 1)))
    g.add(make("b1", MATCH, date(2017, 5, 2)))
    assert not closed and g._index
    g.add(make("a2", FLOOD_2, date(2017, 5, 20)))  # 19 days later: the first two stories closed
    assert [c.members for c in closed] == [["a1"], ["b1"]]
    first = g.clusters[0]
    assert first.closed and not first.centroid and not first.recent and not first.terms
    assert all(0 not in postings and 1 not in postings for postings in g._index.values())
    assert g.stories() == [["a1"], ["b1"], ["a2"]]  # members are kept
    assert not g._features  # features are dropped once an article is placed


def test_near_copy_reopens_a_closed_story():
    g = StoryGrouper()
    g.add(make("a1", FLOOD, date(2017, 5, 1)))
    g.add(make("b1", MATCH, date(2017, 5, 20)))
    copy_ = make("a1-copy", FLOOD, date(2017, 5, 21))
    copy_.duplicate_of = "a1"
    assert g.add(copy_) == 0 and not g.clusters[0].closed
    assert 0 in g._index[g._lookup_terms(g.vectors(make("x", FLOOD, None)))[0]]


def test_candidates_are_capped_and_the_caps_do_not_bind_when_few():
    day = date(2017, 5, 1)
    arts = [make(f"m{i}", f"{MATCH} Gol ke-{i} dicetak pemain nomor {i} pada menit {i}.", day) for i in range(12)]
    capped = StoryGrouper(GroupingConfig(threshold=1.01))  # nothing joins: every article its own story
    seen = []
    for a in arts:
        v = capped.vectors(a)
        seen.append(len(capped._candidates(v)))
        capped.add(a)
    assert max(seen) == 11
    few = StoryGrouper(GroupingConfig(threshold=1.01, max_candidates=3, max_postings=5))
    counts = []
    for a in arts:
        counts.append(len(few._candidates(few.vectors(a))))
        few.add(a)
    assert max(counts) == 3
    # below the caps the output is that of unbounded retrieval
    unbounded = GroupingConfig(max_candidates=None, max_postings=None)
    assert group_articles(arts) == group_articles(arts, unbounded)


def test_copy_has_its_own_closing_heap():
    g = StoryGrouper()
    g.add(make("a1", FLOOD, date(2017, 5, 1)))
    twin = copy.copy(g)
    twin.add(make("b1", MATCH, date(2017, 5, 1) + timedelta(days=1)))
    assert len(g._closing) == 1 and len(twin._closing) == 2
