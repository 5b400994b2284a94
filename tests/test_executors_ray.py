"""The Ray executor (optional extra) gives the same dossier as the local run."""
import json

import pytest

from conftest import EXAMPLES
from telaah.analyze import analyze_articles, default_pipeline
from telaah.document import Article, Corpus
from telaah.dossier import to_dossier
from telaah.pipeline import Options
from telaah.readers import read_inputs, unique_ids


@pytest.mark.slow  # starting Ray takes 6-14 s here: `make eval` runs it
def test_ray_run_equals_local_run():
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'telaah[ray]')")
    from telaah.executors import make_executor

    if ray.is_initialized():
        ray.shutdown()
    arts = [x for x in read_inputs([str(EXAMPLES)]) if isinstance(x, Article)]
    local = json.dumps(to_dossier(analyze_articles(arts)), sort_keys=True)
    pipeline, options = default_pipeline(), Options()
    arts = unique_ids([x for x in read_inputs([str(EXAMPLES)]) if isinstance(x, Article)])
    with make_executor("ray", workers=2) as ex:
        assert ex.workers == 2 and ray.cluster_resources().get("CPU") == 2
        processed = list(ex.map_articles(pipeline, options, arts, shard_size=3))
    assert not ray.is_initialized()  # the local instance it started is stopped again
    assert json.dumps(to_dossier(pipeline.process_corpus(Corpus(articles=processed), options)),
                      sort_keys=True) == local
