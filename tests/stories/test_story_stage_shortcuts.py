"""Shortcuts of the per-story stages give exactly what the plain computations give: content
tokens scanned without punctuation, LexRank's step loop without temporaries, near-duplicates
of a few articles found by exact Jaccard first, records decoded straight into their classes."""
import json
import random

import numpy as np
import pytest

from telaah.document import Article, Cue, Quote, Sentence, Speaker
from telaah.executors import records
from telaah.stories import duplicates as D
from telaah.stories import summary as S
from telaah.text.tokens import TOKEN_RE

TRICKY = ("Pada 1990-an, Ma'ruf (BPS) bilang “masing-masing” COVID-19 naik 3,5% — "
          "x² ½ _garis_ İstanbul ΑΣ Erdoğan 24/10/2024 pukul 15.00 WIB 1990-AN Rp1.500")


def _plain_content_tokens(text, start=0, end=None):
    end = len(text) if end is None else end
    return [m.group().lower() for m in TOKEN_RE.finditer(text, start, end) if m.group()[0].isalnum()]


def test_content_tokens_keep_exactly_the_alphanumeric_tokens():
    assert S._WORD_RE is not None  # TOKEN_RE is the pattern the shortcut was written for
    rng = random.Random(3)
    for _ in range(200):
        text = "".join(rng.choice(TRICKY) for _ in range(rng.randint(0, 60)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert S.content_tokens(text, start, end) == _plain_content_tokens(text, start, end)
    assert S.content_tokens(TRICKY) == _plain_content_tokens(TRICKY)


def _plain_lexrank(sim, threshold=None, damping=0.15, iterations=100):
    n = sim.shape[0]
    graph = sim.copy()
    np.fill_diagonal(graph, 0.0)
    if threshold is not None:
        graph = (graph >= threshold).astype(float)
    rowsum = graph.sum(axis=1, keepdims=True)
    trans = np.where(rowsum > 0, graph / np.where(rowsum == 0, 1, rowsum), 1.0 / n)
    p = np.full(n, 1.0 / n)
    walk = (1 - damping) * trans.T
    for _ in range(iterations):
        nxt = damping / n + walk @ p
        if np.abs(nxt - p).sum() < 1e-9:
            p = nxt
            break
        p = nxt
    top = p.max()
    return p / top if top > 0 else p


def test_lexrank_is_the_plain_loop_bit_for_bit():
    rng = np.random.default_rng(5)
    for n in (1, 2, 3, 7, 30, 61):
        mat = rng.random((n, 40)) * (rng.random((n, 40)) < 0.2)
        norms = np.linalg.norm(mat, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        mat /= norms
        sim = mat @ mat.T
        for threshold in (None, 0.1):
            assert S.lexrank(sim, threshold).tobytes() == _plain_lexrank(sim, threshold).tobytes()


PARAGRAPHS = [
    "Gempa berkekuatan 5,6 mengguncang Cianjur pada Senin siang dan merusak ribuan rumah warga.",
    "Badan Nasional Penanggulangan Bencana mencatat korban tewas mencapai 268 orang hingga malam.",
    "Presiden meninjau lokasi pengungsian dan menjanjikan bantuan untuk rumah yang rusak berat.",
    "Warga mengeluhkan distribusi logistik yang lambat di desa-desa terpencil di lereng gunung.",
    "Polisi menutup jalan utama karena longsor menimbun kendaraan di jalur puncak pada sore hari.",
    "Menteri Sosial mengatakan dapur umum sudah dibuka di tiga kecamatan sejak Selasa pagi.",
    "Sekolah diliburkan selama sepekan dan siswa belajar di tenda darurat yang didirikan relawan.",
]


def _story(rng: random.Random, n: int) -> list[Article]:
    out = []
    for i in range(n):
        if out and rng.random() < 0.5:  # a light edit of an earlier article
            base = rng.choice(out).text.split("\n")
            body = [p if rng.random() < 0.8 else rng.choice(PARAGRAPHS) for p in base]
            if rng.random() < 0.5:
                body.append(rng.choice(PARAGRAPHS))
        else:
            body = rng.sample(PARAGRAPHS, rng.randint(1, 5))
        text = "\n".join(body)
        a = Article(id=f"a{i}", text=text)
        pos = 0
        for k, p in enumerate(body):
            a.sentences.append(Sentence(f"a{i}:s{k + 1}", pos, pos + len(p), k))
            pos += len(p) + 1
        if rng.random() < 0.1:
            a.sentences = []
            a.text = ""
        out.append(a)
    return out


def test_few_articles_find_what_the_lsh_search_finds(monkeypatch):
    rng = random.Random(11)
    found = 0
    for _ in range(60):
        articles = _story(rng, rng.randint(2, 9))
        for threshold in (0.5, 0.3, 0.9):
            fast = D.find_near_duplicates(articles, threshold)
            with monkeypatch.context() as m:
                m.setattr(D, "PAIRWISE_UP_TO", 0)
                assert D.find_near_duplicates(articles, threshold) == fast
            found += len(fast)
    assert found > 20  # the stories do hold copies


def test_records_decode_as_the_generic_builder_does():
    a = Article(id="a1", text="Kata Budi: ini benar.", sentences=[Sentence("a1:s1", 0, 21, 0)])
    a.quotes.append(Quote(10, 20, "ini benar.", "a1:s1", False, Speaker("Budi", 5, 9), Cue("Kata", 0, 4)))
    rec = json.loads(json.dumps(records.article_to_record(a)))
    assert records.article_from_record(rec) == a
    bad = dict(rec, sentences=[{"id": "s1", "start": 0, "end": 3, "block": 0, "speaker": "x"}])
    with pytest.raises(AttributeError):  # what _build raises on a non-dict nested value
        records.article_from_record(bad)
