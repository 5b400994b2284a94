"""The local executor runs exactly the single-process stages: same dossier, byte for byte."""
import json

import pytest

from conftest import EXAMPLES
from telaah.analyze import analyze_articles, default_pipeline
from telaah.document import Article, Corpus
from telaah.dossier import to_dossier
from telaah.executors import Executor, ExecutorError, chunk, executor_for, make_executor, shard_size_for
from telaah.pipeline import Options
from telaah.readers import read_inputs, unique_ids


def example_articles():
    return [x for x in read_inputs([str(EXAMPLES)]) if isinstance(x, Article)]


def dumps(corpus):
    return json.dumps(to_dossier(corpus), sort_keys=True, ensure_ascii=False)


@pytest.fixture(scope="module")
def single():
    return dumps(analyze_articles(example_articles()))


def test_two_workers_give_the_single_process_dossier(single):
    pipeline, options = default_pipeline(), Options()
    with make_executor("local", 2) as ex:
        assert ex.workers == 2
        arts = unique_ids(example_articles())
        processed = list(ex.map_articles(pipeline, options, arts, shard_size=2))
    assert [a.id for a in processed] == [a.id for a in arts]  # input order kept
    assert dumps(pipeline.process_corpus(Corpus(articles=processed), options)) == single


def test_options_route_through_analyze(single, monkeypatch):
    monkeypatch.setattr("telaah.executors.SMALL_RUN", 1)  # the examples are a small run
    assert dumps(analyze_articles(example_articles(), Options(workers=2, executor="local"))) == single


def test_small_runs_stay_in_process():
    assert type(executor_for(Options(workers=0), articles=3)) is Executor
    assert type(executor_for(Options(workers=1), articles=10_000)) is Executor


def test_chunk_and_shard_sizes():
    assert list(chunk(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert shard_size_for(10, 2) == 2 and shard_size_for(100_000, 2) == 32 and shard_size_for(1, 4) == 1


def test_bad_executor_settings_are_numbered_errors():
    with pytest.raises(ExecutorError, match="E500"):
        make_executor("spark")
    with pytest.raises(ExecutorError, match="--executor ray"):
        make_executor("local", 2, address="10.0.0.1:6379")
