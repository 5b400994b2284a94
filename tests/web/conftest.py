"""A store made once per test session: the bundled examples, a composed three-source flood story
with disputed figures and a denial (tests/web/data/banjir.jsonl), and an article whose title and
text are hostile HTML (tests/web/data/hostile.jsonl)."""
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parents[1] / "examples"
DATA = HERE / "data"
HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    try:
        from telaah.store import Store
    except ImportError as exc:  # the store is a separate package in this repository
        pytest.skip(f"telaah.store is not importable ({exc})")
    path = tmp_path_factory.mktemp("web") / "telaah.db"
    with Store.open(path) as store:
        report = store.ingest_paths([EXAMPLES, DATA])
        assert report.to_dict()["new"] >= 14, report.line()
    return path


@pytest.fixture(scope="session")
def client(web_db):
    from fastapi.testclient import TestClient

    from telaah.web import create_app

    with TestClient(create_app(web_db)) as c:
        yield c


@pytest.fixture(scope="session")
def story_ids(client) -> dict[str, str]:
    """Story id by a word of its title: 'banjir', 'miryam', 'hostile'."""
    out = {}
    for s in client.get("/api/stories").json()["stories"]:
        title = s["title"] or ""
        key = "banjir" if "Banjir" in title else "miryam" if "Miryam" in title else "hostile" if title == HOSTILE else s["id"]
        out[key] = s["id"]
    return out
