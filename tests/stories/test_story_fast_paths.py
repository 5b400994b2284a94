"""The per-story fast paths give exactly what the plain computations give: TF-IDF and lead
features built in bulk are the cell-by-cell formulas bit for bit, MMR with running redundancy
picks what the plain loop picks, a one-article story reuses its lead similarities, and stories
that cannot hold a dispute or a conflict skip the search."""
import math
import random

import numpy as np

from telaah.document import Article, Block, Corpus, NumberClaim, Quote, Sentence, Speaker, Story
from telaah.stories import summary as S
from telaah.stories.conflicts import find_conflicts
from telaah.stories.disputes import find_disputes

WORDS = ("gempa banjir presiden menteri warga rumah tewas korban bantuan polisi jakarta "
         "cianjur rp 200 250 ribu juta kata membantah menuduh dana desa").split()


def _docs(rng: random.Random, n: int) -> list[list[str]]:
    return [[rng.choice(WORDS) for _ in range(rng.choice((0, 1, 3, 8, 15)))] for _ in range(n)]


def _tfidf_reference(docs, idf_docs=None):
    """The formula cell by cell (the implementation before the bulk one)."""
    idf_docs = docs if idf_docs is None else idf_docs
    df: dict[str, int] = {}
    for d in idf_docs:
        for t in set(d):
            df[t] = df.get(t, 0) + 1
    vocab = {t: i for i, t in enumerate(sorted({t for d in docs for t in d}))}
    n = len(idf_docs)
    mat = np.zeros((len(docs), len(vocab)))
    for r, d in enumerate(docs):
        counts: dict[str, int] = {}
        for t in d:
            counts[t] = counts.get(t, 0) + 1
        for t, c in counts.items():
            mat[r, vocab[t]] = (1.0 + math.log(c)) * (math.log((1 + n) / (1 + df.get(t, 0))) + 1.0)
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return mat / norms


def test_tfidf_matrix_is_the_cell_formula_bit_for_bit():
    rng = random.Random(3)
    cases = [([], None), ([[]], None), ([["a", "a", "b"]], [["c"]])]
    cases += [(_docs(rng, rng.randint(1, 30)), None) for _ in range(30)]
    cases += [(d, d + _docs(rng, 5)) for d in (_docs(rng, 10) for _ in range(10))]
    for docs, idf_docs in cases:
        got, want = S.tfidf_matrix(docs, idf_docs), _tfidf_reference(docs, idf_docs)
        assert got.shape == want.shape and np.array_equal(got, want)


def _lead_rows_reference(texts, tokens, blocks, sim):
    central = S.lexrank(sim)
    block_rank = {b: r for r, b in enumerate(sorted(set(blocks)))}
    n, rows = len(texts), []
    for i, text in enumerate(texts):
        stripped = text.strip()
        in_block = i == 0 or blocks[i - 1] != blocks[i]
        others = np.delete(sim[i], i)
        rows.append([
            1.0, *(1.0 if i == k else 0.0 for k in range(6)), 1.0 if i >= 6 else 0.0,
            i / max(1, n - 1), min(len(tokens[i]), 60) / 60, 1.0 if len(tokens[i]) < S.SHORT_WORDS else 0.0,
            central[i], sim[i, 0] if i else 1.0,
            1.0 if stripped[:1] in S.QUOTE_MARKS else 0.0,
            1.0 if any(m in text for m in S.QUOTE_MARKS) else 0.0,
            1.0 if in_block else 0.0, min(block_rank[blocks[i]], 6) / 6,
            1.0 if stripped.endswith(":") else 0.0, 1.0 if "?" in text else 0.0,
            float(others.mean()) if len(others) else 0.0,
        ])
    return np.array(rows)


def test_lead_features_are_the_row_by_row_features_bit_for_bit():
    rng = random.Random(5)
    for n in (1, 2, 3, 7, 12, 40):
        tokens = [[rng.choice(WORDS) for _ in range(rng.randint(1, 70))] for _ in range(n)]
        texts = [rng.choice(('"', "", " ")) + " ".join(t) + rng.choice(("", ":", "?", ".")) for t in tokens]
        blocks = sorted(rng.randint(0, n // 2 + 1) for _ in range(n))
        mat = S.tfidf_matrix(tokens)
        sim = mat @ mat.T
        assert np.array_equal(S.lead_features(texts, tokens, blocks), _lead_rows_reference(texts, tokens, blocks, sim))


def _mmr_reference(candidates, n, weights=S.DEFAULT_WEIGHTS):
    """Selection as the plain loop does it: redundancy and cross-article repeats recomputed
    against every chosen sentence on every round."""
    if n <= 0 or not candidates:
        return []
    mat = S.tfidf_matrix([c.tokens for c in candidates])
    sim = mat @ mat.T
    central = S.lexrank(sim)
    outlets = sorted({c.outlet for c in candidates})
    scores = np.zeros(len(candidates))
    for i, c in enumerate(candidates):
        support = 0.0
        if len(outlets) > 1:
            others = {candidates[j].outlet for j in np.nonzero(sim[i] >= weights.support_similarity)[0]
                      if candidates[j].outlet != c.outlet}
            support = len(others) / (len(outlets) - 1)
        scores[i] = (weights.lead * c.lead + weights.centrality * central[i] + weights.support * support
                     + (weights.dispute if c.dispute else 0.0))
    chosen: list[int] = []
    available = [i for i, c in enumerate(candidates) if not c.is_title and c.tokens]
    while available and len(chosen) < n:
        best, best_value = None, -math.inf
        for i in available:
            redundancy = max((sim[i, j] for j in chosen), default=0.0)
            if redundancy >= weights.max_similarity or any(
                    candidates[j].article != candidates[i].article
                    and S._cosine_tokens(candidates[i].stems, candidates[j].stems) >= weights.cross_similarity
                    for j in chosen):
                continue
            value = weights.mmr_lambda * scores[i] - (1 - weights.mmr_lambda) * redundancy
            if value > best_value:
                best, best_value = i, value
        if best is None:
            break
        chosen.append(best)
        available.remove(best)
    return chosen


def test_mmr_with_running_redundancy_picks_what_the_plain_loop_picks():
    rng = random.Random(11)
    for _ in range(60):
        candidates = []
        for k in range(rng.randint(1, 25)):
            toks = [rng.choice(WORDS[:10]) for _ in range(rng.randint(0, 9))]
            article = f"a{rng.randint(1, 4)}"
            candidates.append(S.Candidate(
                article=article, sentence=f"{article}:s{k}", text=" ".join(toks), index=k,
                outlet=rng.choice(("kompas", "detik", "tempo")), tokens=toks, stems=list(toks),
                lead=rng.uniform(-2, 2), dispute=rng.random() < 0.2, is_title=rng.random() < 0.1))
        n = rng.randint(0, 8)
        assert S.summarize_sentences(candidates, n) == _mmr_reference(candidates, n)


def _article(aid, lines):
    text = "\n".join(lines)
    a = Article(id=aid, text=text)
    offset = 0
    for i, line in enumerate(lines):
        a.blocks.append(Block(offset, offset + len(line), "body"))
        a.sentences.append(Sentence(f"{aid}:s{i + 1}", offset, offset + len(line), i))
        offset += len(line) + 1
    return a


LINES = [
    "Gempa bermagnitudo 6,2 mengguncang Kabupaten Cianjur, Jawa Barat, pada Senin siang.",
    "Badan Penanggulangan Bencana mencatat 200 orang tewas akibat gempa tersebut.",
    "Ribuan rumah warga rusak berat dan ribuan warga mengungsi ke tenda darurat.",
    "Relawan menyebut 250 orang tewas, lebih banyak dari angka resmi.",
    "Presiden dijadwalkan meninjau lokasi gempa pada Selasa pagi.",
]


def test_one_article_story_summary_equals_the_unshared_computation():
    a = _article("a1", LINES)
    corpus = Corpus(articles=[a], stories=[Story("s1", None, ["a1"])])
    plain = S.summarize_sentences(S.story_candidates(corpus, corpus.stories[0]), 3)
    got = S.summarize_story(corpus, corpus.stories[0], n=3)
    assert [g["sentence"] for g in got] == [f"a1:s{i + 1}" for i in plain]


def _figure(article, text, value):
    start = article.text.index(text)
    return NumberClaim(start, start + len(text), text, article.sentence_at(start).id, value,
                       unit="orang", object="orang tewas", id=f"{article.id}.n{value}")


def test_disputes_need_two_articles():
    one = _article("a1", LINES)
    one.numbers = [_figure(one, "200 orang", 200.0), _figure(one, "250 orang", 250.0)]
    corpus = Corpus(articles=[one], stories=[Story("s1", None, ["a1"])])
    assert find_disputes(corpus, corpus.stories[0]) == []
    a, b = _article("a1", LINES[:3]), _article("a2", LINES[3:])
    a.numbers, b.numbers = [_figure(a, "200 orang", 200.0)], [_figure(b, "250 orang", 250.0)]
    corpus = Corpus(articles=[a, b], stories=[Story("s1", None, ["a1", "a2"])])
    assert len(find_disputes(corpus, corpus.stories[0])) == 1


def test_conflicts_need_a_denial_or_a_refusal_to_confirm():
    lines = ["Polisi menuduh kepala desa menerima suap dana desa Rp 200 juta.",
             "Kepala desa membantah menerima suap dana desa itu."]
    a = _article("a1", lines)

    def quote(i, stance):
        s = a.sentences[i]
        return Quote(s.start, s.end, a.text[s.start:s.end], s.id, False,
                     Speaker(lines[i].split()[0], s.start, s.start + 5), None, stance, id=f"q{i}")

    corpus = Corpus(articles=[a], stories=[Story("s1", None, ["a1"])])
    a.quotes = [quote(0, "accuse"), quote(1, "assert")]
    assert find_conflicts(corpus, corpus.stories[0]) == []
    a.quotes = [quote(0, "accuse"), quote(1, "deny")]
    conflicts = find_conflicts(corpus, corpus.stories[0])
    assert len(conflicts) == 1 and conflicts[0]["deny"] == ["q1"] and conflicts[0]["assert"] == ["q0"]
