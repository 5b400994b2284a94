import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def shared_data() -> Path | None:
    env = os.environ.get("TELAAH_SHARED")
    base = Path(env) if env else ROOT.parent / "shared" / "data"
    return base if base.is_dir() else None


@pytest.fixture
def shared():
    path = shared_data()
    if path is None:
        pytest.skip("../shared/data not found: the shared datasets sit beside the repository in CI")
    return path
