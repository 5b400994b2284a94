"""Story grouping split into time windows (``telaah run --output stories`` on large runs): the
segment plan, the merge of the segments' stories, and the saved grouping map step."""
import json
from datetime import date, timedelta

import pytest

from conftest import EXAMPLES
from telaah.analyze import default_pipeline
from telaah.executors import streaming
from telaah.executors.runs import run_sharded
from telaah.executors.streaming import (finish_streaming, grouping_config, load_shard_scan, merge_segments,
                                        plan_segments, scan_shard)
from telaah.pipeline import Options


@pytest.mark.parametrize("days, parts, window, minimum, expected", [
    ([1, 1, 2], 2, 7.0, 10, [(0, 0, 3)]),  # small run: one pass
    (list(range(100)), 1, 7.0, 0, [(0, 0, 100)]),  # one worker
    (list(range(100)), 2, None, 0, [(0, 0, 100)]),  # no window: nothing ever closes
    (list(range(40)), 2, 7.0, 0, [(0, 0, 40)]),  # too short for two segments of 4 windows
    # two segments cut at day 50, the second replaying 14 days (two windows) before it
    (list(range(100)), 2, 7.0, 0, [(0, 0, 50), (36, 50, 100)]),
    # a cut never splits a day: the second segment starts at the first article of day 51
    ([d // 2 for d in range(201)], 2, 7.0, 0, [(0, 0, 100), (72, 100, 201)]),
    # undated articles (last in the time order) belong to the last segment
    ([*range(100), None, None], 2, 7.0, 0, [(0, 0, 50), (36, 50, 102)]),
])
def test_plan_segments(days, parts, window, minimum, expected):
    assert plan_segments(days, parts, window, minimum) == expected


def test_merge_ties_continuations_to_the_earlier_story():
    ids = [f"a{i}" for i in range(8)]
    order = list(range(8))
    segments = [(0, 0, 4), (2, 4, 8)]  # the second segment replays articles 2 and 3
    results = [
        [[0, 2], [1], [3]],  # segment 1: stories {0,2}, {1}, {3}
        [[2, 5], [3], [4, 6], [7]],  # 5 continues {0,2}; {3} alone is only replayed
    ]
    groups = merge_segments(order, segments, results, ids, copies={})
    assert groups == [[0, 2, 5], [1], [3], [4, 6], [7]]


def test_merge_puts_a_late_near_copy_with_its_original():
    ids = [f"a{i}" for i in range(8)]
    order = list(range(8))
    segments = [(0, 0, 4), (3, 4, 8)]
    results = [[[0], [1, 2], [3]], [[3], [4], [5, 6], [7]]]
    # a6 copies a1, which the second segment never saw: its story joins a1's
    groups = merge_segments(order, segments, results, ids, copies={"a6": "a1"})
    assert groups == [[0], [1, 2, 5, 6], [3], [4], [7]]


def _spread_articles(path, days=60):
    """Short dated articles over ``days`` days: a recurring flood story and one-off items."""
    start = date(2024, 1, 1)
    with path.open("w", encoding="utf-8") as fh:
        for d in range(days):
            day = start + timedelta(days=d)
            texts = [f"Banjir besar melanda Kabupaten Demak di Jawa Tengah. Ribuan warga Demak mengungsi "
                     f"ke posko di Desa Karanganyar hari ke-{d % 5 + 1}, kata Bupati Demak Eisti'anah.",
                     f"Harga cabai rawit di Pasar Kramat Jati naik menjadi Rp {60 + d} ribu per kilogram "
                     f"pada pekan ini, menurut pedagang bernama Sutrisno {d}."]
            if d % 10 == 3:
                texts.append("Gempa bermagnitudo 5,1 mengguncang Kabupaten Cianjur, Jawa Barat, tanpa korban jiwa "
                             f"menurut BMKG, laporan nomor {d}.")
            if d == 52:  # an article that is no near-copy: the grouper closes stale stories on one
                texts.append("Pemerintah Kota Bogor meresmikan taman kota baru di kawasan Sempur yang dilengkapi "
                             "jalur sepeda dan area bermain anak.")
            for n, text in enumerate(texts):
                fh.write(json.dumps({"id": f"d{d:02d}-{n}", "text": text, "published": day.isoformat()}) + "\n")


def test_segments_give_the_stories_of_one_pass(tmp_path, monkeypatch):
    source = tmp_path / "in.jsonl"
    _spread_articles(source)
    out = tmp_path / "run"
    run_sharded([str(source)], out, shard_size=25, output="stories")
    one = (out / "stories.jsonl").read_text("utf-8")
    shards = len(list((out / "shards").glob("*.done")))
    monkeypatch.setattr(streaming, "MIN_SEGMENT_WINDOWS", 2)
    summary = finish_streaming(out, shards, workers=1, segments=3)
    assert summary["grouping_segments"] == 3
    split = (out / "stories.jsonl").read_text("utf-8")
    assert _last_dossiers(split) == _last_dossiers(one)  # same stories, numbering and dossiers
    # one pass wrote the reopened story twice; the split run knew it whole before writing it
    assert len(split.splitlines()) < len(one.splitlines())


def _last_dossiers(text: str) -> dict[str, str]:
    """Story id -> its dossier line; a story written again (reopened by a near-copy) counts
    by its last line, as the format says."""
    return {json.loads(line)["stories"][0]["id"]: line for line in text.splitlines()}


def test_saved_grouping_scan_equals_a_fresh_scan(tmp_path):
    out = tmp_path / "run"
    report = run_sharded([str(EXAMPLES / "story"), str(EXAMPLES / "pasted")], out, shard_size=3, output="stories")
    config = grouping_config(default_pipeline(), Options())
    for k in range(report.shards):
        saved = load_shard_scan(str(out), k, config)
        features = (out / "shards" / f"shard-{k:05d}.gfeat").read_bytes()
        fresh = scan_shard(str(out), k, config)  # reads the records back, as older runs needed
        assert (out / "shards" / f"shard-{k:05d}.gfeat").read_bytes() == features
        assert (saved.ids, saved.days, saved.offsets, saved.feature_offsets, saved.documents, saved.df) == \
            (fresh.ids, fresh.days, fresh.offsets, fresh.feature_offsets, fresh.documents, fresh.df)
