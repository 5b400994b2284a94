"""`telaah run --output stories`: the final step streamed, one validated dossier per story."""
import json

from conftest import EXAMPLES
from telaah.cli import main
from telaah.dossier import validate
from telaah.executors.runs import run_sharded


def _stories(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_streamed_stories_cover_every_article_once(tmp_path):
    inputs = [str(EXAMPLES / "story"), str(EXAMPLES / "pasted")]
    report = run_sharded(inputs, tmp_path, shard_size=3, output="stories")
    assert report.dossier is None and report.stories["articles"] == report.articles > 3
    dossiers = _stories(tmp_path / "stories.jsonl")
    assert len(dossiers) == report.stories["stories"] == report.stories["dossiers_written"]
    seen = []
    for d in dossiers:
        validate(d)
        (story,) = d["stories"]
        assert story["articles"] == [a["id"] for a in d["articles"]]
        seen.extend(story["articles"])
    records = [json.loads(line)["id"] for path in sorted((tmp_path / "shards").glob("*.jsonl"))
               for line in path.read_text("utf-8").splitlines()]
    assert sorted(seen) == sorted(records)
    # the grouping map step ran in the analysis workers and was saved with each shard
    assert len(list((tmp_path / "shards").glob("*.gfeat"))) == len(list((tmp_path / "shards").glob("*.gscan"))) \
        == report.shards
    summary = json.loads((tmp_path / "summary.json").read_text("utf-8"))
    assert {"analysis_s", "grouping_s", "near_duplicates_s"} <= set(summary["timings_s"])


def test_cli_run_output_stories(tmp_path, capsys):
    code = main(["run", str(EXAMPLES / "pasted"), "--out", str(tmp_path / "o"), "--workers", "1",
                 "--output", "stories", "--published", "2024-03-05"])
    err = capsys.readouterr().err
    assert code in (0, 1) and "one dossier per story" in err and "phases (s):" in err
    assert (tmp_path / "o" / "stories.jsonl").exists() and not (tmp_path / "o" / "dossier.json").exists()
