"""The compiled CRFs (entities/crf.py, features.FeatureIds) give exactly pycrfsuite's tags."""
from __future__ import annotations

import random
from importlib import resources

import numpy as np
import pycrfsuite
import pytest
from conftest import EXAMPLES

from telaah.entities import recognize as rec
from telaah.entities.crf import CompiledCRF, ModelFormatError
from telaah.entities.features import _word_features, add_aux, sentence_features
from telaah.text.tokens import words

SENTENCES = [
    "Presiden Rusia Vladimir Putin bertemu Menteri Luar Negeri Retno Marsudi di Jakarta.",
    "KPK menetapkan 3 tersangka baru, kata Juru bicara KPK Febri Diansyah (27/3).",
    "Amerika Serikat",
    "Juru bicara Kemlu Lalu Muhammad Iqbal mengatakan WNI dalam keadaan aman.",
    "Korea Utara mengirim pasukan ke Rusia, kata Kementerian Pertahanan Korea Selatan.",
    "\"Kami menolak,\" kata Ketua DPR Setya Novanto kepada wartawan di Gedung DPR, Senayan.",
    "Ya.",
    "Mahkamah Konstitusi (MK) menolak gugatan Partai Demokrasi Indonesia Perjuangan (PDI-P) pada 2019.",
]


def _tagger(name: str) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    with resources.as_file(resources.files("telaah.entities").joinpath("model", name)) as path:
        tagger.open(str(path))
    return tagger


@pytest.fixture(scope="module")
def taggers():
    return _tagger("aux.crfsuite"), _tagger("ner.crfsuite")


def _example_sentences() -> list[list[str]]:
    """Token lists of the shipped example articles' sentences (no shared data needed)."""
    from telaah.cleaning.blocks import BlockStage
    from telaah.document import Article
    from telaah.pipeline import Options
    from telaah.readers import read_inputs
    from telaah.text.sentences import SentenceStage

    out = []
    for item in read_inputs([str(EXAMPLES)], None, 20_000_000):
        if isinstance(item, Article):
            BlockStage()(item, Options())
            SentenceStage()(item, Options())
            out += [words(item.text, s.start, s.end) for s in item.sentences]
    return [s for s in out if s]


def test_model_file_reads_as_pycrfsuite_sees_it(taggers):
    aux, main = rec.load_model()
    assert aux.labels == taggers[0].labels() and main.labels == taggers[1].labels()
    info = taggers[1].info()  # weights printed with 6 decimals
    assert len(info.state_features) == np.count_nonzero(main.weights)
    for (attr, label), w in info.state_features.items():
        assert abs(main.weights[main.attribute_ids[attr], main.labels.index(label)] - w) < 1e-6
    for (a, b), w in info.transitions.items():
        assert abs(main.transitions[main.labels.index(a), main.labels.index(b)] - w) < 1e-6
    assert not main.weights[main.zero_id].any()


def test_corrupt_model_is_a_clear_error():
    with pytest.raises(ModelFormatError):
        CompiledCRF.from_bytes(b"not a model")
    good = resources.files("telaah.entities").joinpath("model", "ner.crfsuite").read_bytes()
    with pytest.raises(ModelFormatError):
        CompiledCRF.from_bytes(good[:5000])


def _check_id_rows(ids_of, sents: list[list[str]]) -> None:
    starts, ids, _pos, _size = ids_of.matrices(sents)
    flat = [(s, i) for s in sents for i in range(len(s))]
    fulls = {id(s): sentence_features(s) for s in sents}
    for m, a in enumerate(ids_of.attrs):  # attribute -> row of the stacked weights
        scores = ids_of.state_scores(ids[m], starts[m])
        for t, (s, i) in enumerate(flat):
            known = [a[x] for x in fulls[id(s)][i] if x in a]
            n_own = sum(x in a for x in _word_features(s[i])[0]) + ("bias" in a)
            assert [x for x in ids[m][t] if x != ids_of.zero] == known[n_own:]
            expected = np.zeros(ids_of.weights.shape[1])
            for k, x in enumerate(known):  # CRFsuite: from 0, one attribute after another
                expected = expected + ids_of.weights[x]
                if k == n_own - 1:
                    assert np.array_equal(starts[m][t], expected)
            assert np.array_equal(scores[t], expected)


def test_id_rows_are_the_known_features_in_order():
    """start score = the word's own known attributes then "bias", summed in order; the id row
    = the remaining known attributes of sentence_features, in order; together the exact sum."""
    rec.load_model()
    _check_id_rows(rec._features, [words(s) for s in SENTENCES])


def test_id_rows_at_edges_and_after_a_reset():
    """Gazetteer names at a sentence's edges, one-token sentences, words with "|" (whose
    bigrams are looked up by string), and a vocabulary reset between batches."""
    from telaah.entities.features import FeatureIds

    aux, main = rec.load_model()
    ids_of = FeatureIds(aux, main)
    ids_of.CACHE_WORDS = 12
    known_pair = next(k for k in ids_of._pairs if k.count("|") == 1)
    first, second = known_pair.split("|")
    batches = [
        [["Korea", "Utara", "mengirim", "pasukan", "ke", "Amerika", "Serikat"], ["Amerika", "Serikat"],
         ["Rusia"], ["Ya", "."]],
        [["a|b", first, second, "|", "x|", "|y", first], [first, second], [second, first, "Jakarta"]],
        [[w.upper() for w in words(SENTENCES[0])], ["Presiden", "Joko", "Widodo", "|", "Jokowi", "|"]],
    ]
    for sents in batches:
        _check_id_rows(ids_of, sents)
    assert len(ids_of._lw) == 1 + len({w for s in batches[-1] for w in s})  # reset before the last


def test_ordered_sums_add_in_order():
    """One reduction gives the same bits as adding the rows one after another."""
    from telaah.entities.crf import ordered_sums

    rng = np.random.default_rng(5)
    weights = rng.standard_normal((50, 7)) * 10.0 ** rng.integers(-8, 8, (50, 1))  # rounding shows order
    for shape in [(1, 1), (3, 1), (17, 40), (30, 9, 2)]:
        ids = rng.integers(0, 50, shape)
        start = rng.standard_normal((*shape[1:], 7))
        expected = start.copy()
        for k in range(shape[0]):
            expected = expected + weights[ids[k]]
        assert np.array_equal(ordered_sums(weights, ids, start), expected)
        expected = weights[ids[0]].copy()
        for k in range(1, shape[0]):
            expected = expected + weights[ids[k]]
        assert np.array_equal(ordered_sums(weights, ids), expected)


def test_tags_are_pycrfsuite_tags(taggers):
    aux, main = taggers
    sents = [words(s) for s in SENTENCES] + _example_sentences()
    expected = []
    for toks in sents:
        full = sentence_features(toks)
        expected.append(main.tag(add_aux(full, aux.tag(full))))
    assert rec.tag_sentences(sents) == expected
    assert [rec.tag(s) for s in sents[:3]] == expected[:3]
    assert rec.tag([]) == [] and rec.tag_sentences([]) == []


def _reference_viterbi(scores: np.ndarray, trans: np.ndarray) -> list[int]:
    """crf1dc_viterbi, transcribed: strict '<' keeps the first best predecessor."""
    n, n_labels = scores.shape
    alpha = [list(scores[0])]
    back = [[0] * n_labels]
    for t in range(1, n):
        cur, bk = [], []
        for j in range(n_labels):
            best, arg = -np.finfo(float).max, -1
            for i in range(n_labels):
                s = alpha[-1][i] + trans[i, j]
                if best < s:
                    best, arg = s, i
            cur.append(best + scores[t, j])
            bk.append(arg)
        alpha.append(cur)
        back.append(bk)
    last = alpha[-1]
    path = [max(range(n_labels), key=lambda i: (last[i], -i))]
    for t in range(n - 1, 0, -1):
        path.append(back[t][path[-1]])
    return path[::-1]


def test_batched_viterbi_matches_crfsuite_loop_with_ties():
    _, main = rec.load_model()
    rng = random.Random(7)
    trans = np.round(main.transitions, 0)  # coarse values: many exact ties
    crf = CompiledCRF(main.labels, [], np.zeros((1, len(main.labels))), trans)
    for _ in range(30):
        lengths = [rng.randint(1, 25) for _ in range(rng.randint(1, 12))]
        scores = np.array([[float(rng.randint(-3, 3)) for _ in main.labels] for _ in range(sum(lengths))])
        got = crf.viterbi(scores, lengths)
        start = 0
        for n, path in zip(lengths, got):
            assert path.tolist() == _reference_viterbi(scores[start:start + n], trans)
            start += n


@pytest.mark.slow
def test_tags_are_pycrfsuite_tags_on_indosum(taggers, shared):
    from telaah.bench.data import real_articles
    from telaah.cleaning.blocks import BlockStage
    from telaah.pipeline import Options
    from telaah.text.sentences import SentenceStage

    aux, main = taggers
    sents = []
    for art in real_articles():
        BlockStage()(art, Options())
        SentenceStage()(art, Options())
        sents += [w for s in art.sentences if (w := words(art.text, s.start, s.end))]
    for b in range(0, len(sents), 40):
        batch = sents[b:b + 40]
        expected = []
        for toks in batch:
            full = sentence_features(toks)
            expected.append(main.tag(add_aux(full, aux.tag(full))))
        assert rec.tag_sentences(batch) == expected
