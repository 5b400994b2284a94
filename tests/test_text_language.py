import pytest

from telaah.text.language import detect_language


@pytest.mark.parametrize("text,lang", [
    ("Presiden Joko Widodo mengatakan pemerintah akan membangun jalan tol baru di Jawa Barat tahun depan.", "id"),
    ("Komisi Pemberantasan Korupsi resmi menahan anggota DPR itu setelah diperiksa selama tujuh jam.", "id"),
    ("Perdana Menteri Anwar Ibrahim berkata kerajaan akan membina lebih banyak rumah mampu milik tahun ini.", "ms"),
    ("The president said the government would build a new toll road in West Java next year.", "en"),
    ("Le président a déclaré que le gouvernement construirait une nouvelle autoroute l'année prochaine.", "fr"),
])
def test_detect_language(text, lang):
    assert detect_language(text)[0] == lang


def test_too_short_is_unknown():
    assert detect_language("OK")[0] is None


RANK_TEXTS = [
    "Presiden Joko Widodo mengatakan pemerintah akan membangun jalan tol baru di Jawa Barat tahun depan.",
    "Perdana Menteri Anwar Ibrahim berkata kerajaan akan membina lebih banyak rumah mampu milik tahun ini.",
    "The president said the government would build a new toll road in West Java next year.",
    "Привет мир, это тест. 你好世界 これはテストです مرحبا بالعالم Ελληνικά İstanbul Erdoğan",
    "12 345 678",
    "a",
    "",
    "KPK   menetapkan\n\ntiga  tersangka,  kata  Febri.  " * 40,
]


@pytest.fixture(scope="module")
def stock_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@pytest.mark.parametrize("text", RANK_TEXTS)
def test_windowed_walk_scores_exactly_as_py3langid(text, stock_identifier):
    """The numpy automaton walk gives py3langid's own ranking, probabilities included."""
    from telaah.text.language import _identifier

    assert _identifier().rank(text) == stock_identifier.rank(text)


def test_windowed_walk_counts_as_the_byte_by_byte_walk(stock_identifier):
    """Same features, same counts, same first-seen order, on arbitrary bytes."""
    import random

    from py3langid.langid import visit_counts

    from telaah.text.language import _identifier

    ident = _identifier()
    rng = random.Random(3)
    alphabet = "aiueo nkgsrtdlmpbyhjwc.,\"'AIUEOKSJ0123456789\nçéğışöüäßøЖжДд中文 अ".encode() + bytes(range(256))
    for _ in range(60):
        data = bytes(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        expected = visit_counts(stock_identifier.tk_nextmove, stock_identifier._rowbase,
                                stock_identifier.tk_output, data)
        got = ident._visit_counts(data)
        assert (got is None and expected is None) or list(got.items()) == list(expected.items())


def test_automaton_states_are_at_most_depth_bytes_deep():
    """The windowed walk relies on every state being reachable in AUTOMATON_DEPTH steps."""
    import numpy as np

    from telaah.text.language import AUTOMATON_DEPTH, _identifier

    nextmove, rowbase, _ = _identifier()._tables()
    seen = np.zeros(len(rowbase), dtype=bool)
    seen[0] = True
    frontier = np.array([0])
    depth = 0
    while len(frontier):
        nxt = np.unique(nextmove[rowbase[frontier][:, None] + np.arange(256)])
        frontier = nxt[~seen[nxt]]
        seen[frontier] = True
        depth += bool(len(frontier))
    assert seen.all() and depth <= AUTOMATON_DEPTH


@pytest.mark.parametrize("text", [t for t in RANK_TEXTS if t])
def test_top_languages_are_py3langids_ranking(text, stock_identifier):
    """detect_language ranks only the top few; they are py3langid's own, in its order."""
    from telaah.text.language import top_languages

    assert top_languages(text, 5) == stock_identifier.rank(text)[:5]
