"""Sharded runs: same dossier as analyze, finished shards skipped on rerun, records lossless."""
import json

import pytest

from conftest import EXAMPLES
from telaah.analyze import analyze_articles, analyze_paths
from telaah.cli import main
from telaah.document import Article
from telaah.executors import make_executor
from telaah.executors.records import article_from_record, article_to_record
from telaah.executors.runs import RunError, run_sharded
from telaah.readers import read_inputs


@pytest.fixture(scope="module")
def expected():
    return json.dumps(analyze_paths([str(EXAMPLES)]).dossier(), sort_keys=True)


def test_run_resume_and_same_dossier(tmp_path, expected):
    out = tmp_path / "run"
    with make_executor("local", 2) as ex:
        first = run_sharded([str(EXAMPLES)], out, executor=ex, shard_size=4)
    assert first.shards == 3 and first.shards_skipped == 0 and first.articles == 11
    assert json.dumps(first.dossier, sort_keys=True) == expected
    assert json.loads((out / "dossier.json").read_text("utf-8")) == first.dossier
    (out / "shards" / "shard-00001.done").unlink()  # as if interrupted while shard 1 was in flight
    again = run_sharded([str(EXAMPLES)], out, shard_size=4)
    assert again.shards_skipped == 2
    assert json.dumps(again.dossier, sort_keys=True) == expected


def test_rerun_with_other_settings_is_refused(tmp_path):
    run_sharded([str(EXAMPLES / "pasted")], tmp_path, shard_size=4, finish=False)
    with pytest.raises(RunError, match="E501.*shard_size"):
        run_sharded([str(EXAMPLES / "pasted")], tmp_path, shard_size=5)


def test_cli_run(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Presiden Joko Widodo meresmikan jembatan itu pada Senin (4/3).\n", "utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"")
    code = main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--workers", "1",
                 "--published", "2024-03-05"])
    assert code == 1  # one input skipped, and said so
    err = capsys.readouterr().err
    assert "E002" in err and "1 article(s) in 1 shard(s)" in err
    d = json.loads((tmp_path / "o" / "dossier.json").read_text("utf-8"))
    assert d["articles"][0]["published"] == "2024-03-05"
    assert json.loads((tmp_path / "o" / "problems.jsonl").read_text("utf-8"))["code"] == "E002"


def test_records_round_trip():
    arts = [x for x in read_inputs([str(EXAMPLES)]) if isinstance(x, Article)]
    corpus = analyze_articles(arts)
    for a in corpus.articles:
        rec = json.loads(json.dumps(article_to_record(a)))
        assert article_from_record(rec) == a
