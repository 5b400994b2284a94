"""Near-duplicates by map (signatures) and reduce (LSH bands) equal the single-pass stage."""
from datetime import date

from telaah.cleaning.blocks import BlockStage
from telaah.document import Article
from telaah.executors.mapreduce import near_duplicates_of_articles, signature
from telaah.pipeline import Options
from telaah.stories.duplicates import find_near_duplicates
from telaah.text.sentences import SentenceStage

BASE = ("Presiden Joko Widodo meresmikan jembatan baru di Kalimantan Timur pada Senin pagi. "
        "Jembatan itu panjangnya 1.500 meter dan menghubungkan dua kabupaten yang selama ini terpisah. "
        "Menteri PUPR Basuki Hadimuljono mengatakan pembangunan memakan waktu tiga tahun. "
        "Warga menyambut peresmian itu dengan gembira karena perjalanan menjadi lebih singkat. ")
OTHER = ("Tim nasional sepak bola Indonesia kalah dua gol tanpa balas dari Thailand di Bangkok. "
         "Pelatih mengatakan para pemain kelelahan setelah perjalanan panjang dari Jakarta. ")


def prepared(items):
    out = []
    for i, (text, day) in enumerate(items):
        a = Article(id=f"a{i}", text=text, published=day)
        BlockStage()(a, Options())
        SentenceStage()(a, Options())
        out.append(a)
    return out


def test_same_answer_as_find_near_duplicates():
    arts = prepared([
        (BASE, date(2024, 3, 5)),
        ("SAMARINDA - " + BASE, date(2024, 3, 4)),  # the earlier copy is the original
        (OTHER, date(2024, 3, 4)),
        (BASE.replace("gembira", "senang"), None),
        (OTHER + "Pertandingan berikutnya digelar pekan depan.", date(2024, 3, 6)),
        ("", date(2024, 3, 6)),
        (BASE + OTHER, date(2024, 3, 7)),
    ])
    expected = find_near_duplicates(arts)
    assert expected  # the case has copies
    assert near_duplicates_of_articles(arts) == expected
    sigs = [signature(a) for a in arts]
    assert sigs[5] is None  # no words, no signature
    assert near_duplicates_of_articles(arts, sigs) == expected


def test_same_answer_on_recombined_indosum(shared):
    from telaah.bench.data import synthetic_articles

    arts = []
    for a in synthetic_articles(150, words=200, sources=80, per_day=40, near_copy_every=10):
        BlockStage()(a, Options())
        SentenceStage()(a, Options())
        arts.append(a)
    expected = find_near_duplicates(arts)
    assert len(expected) >= 10
    assert near_duplicates_of_articles(arts) == expected


def test_signature_is_datasketchs_minhash_of_the_shingles():
    """``signature`` builds its sketch a cheaper way; the values must be datasketch's own."""
    import numpy as np
    from datasketch import MinHash

    from telaah.stories.duplicates import body_text, shingles

    arts = prepared([(BASE, None), (OTHER + "Ç'est «ünïcode» — 1.500 kali.", None), ("dua kata", None)])
    for a in arts:
        expected = MinHash(num_perm=128)
        expected.update_batch([s.encode("utf-8") for s in shingles(body_text(a))])
        got = signature(a)
        assert got.dtype == expected.hashvalues.dtype
        assert np.array_equal(got, expected.hashvalues)
