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
    """``signature`` builds its sketches a cheaper way; the values must be datasketch's own: the
    body's MinHash, then its opening's (an empty sketch for a body too short to be indexed)."""
    import numpy as np
    from datasketch import MinHash

    from telaah.stories.duplicates import body_shingles, body_text, has_opening

    arts = prepared([(BASE, None), (OTHER + "Ç'est «ünïcode» — 1.500 kali.", None), ("dua kata", None),
                     (" ".join(f"kata{i}" for i in range(120)) + ".", None)])
    for a in arts:
        body = body_shingles(body_text(a))
        expected = []
        for sh in (body.shingles, set(body.opening) if has_opening(body) else set()):
            mh = MinHash(num_perm=128)
            mh.update_batch([s.encode("utf-8") for s in sh])
            expected.append(mh.hashvalues)
        got = signature(a)
        assert got.dtype == expected[0].dtype
        assert np.array_equal(got, np.concatenate(expected))
    assert [has_opening(body_shingles(body_text(a))) for a in arts] == [False, False, False, True]


def test_a_shard_with_signatures_of_an_older_format_is_analysed_again(tmp_path):
    """Shards written before the opening signature existed hold 128 values an article: a rerun
    redoes them (their completion marker lacks the signature format) instead of failing."""
    import json

    from conftest import EXAMPLES
    from telaah.executors.runs import run_sharded

    inputs = [str(EXAMPLES / "pasted")]
    first = run_sharded(inputs, tmp_path, shard_size=1)
    marker = tmp_path / "shards" / "shard-00001.done"
    done = json.loads(marker.read_text("utf-8"))
    del done["signatures"]
    marker.write_text(json.dumps(done), "utf-8")
    again = run_sharded(inputs, tmp_path, shard_size=1)
    assert (first.shards, again.shards_skipped) == (2, 1)
    assert again.dossier == first.dossier
