"""Readers for the evaluation corpora in ``../shared/data`` (never shipped with the package).

Every evaluation script and data-dependent test finds the corpora through :func:`shared_data_dir`,
so that one environment variable (``TELAAH_SHARED``) moves them all.
"""
from __future__ import annotations

import os
from pathlib import Path

SHARED_ENV = "TELAAH_SHARED"


def shared_data_dir() -> Path | None:
    """The shared data folder, or None when it is absent.

    ``$TELAAH_SHARED`` wins when set (it may name the ``shared`` folder or its ``data`` child);
    otherwise ``<repo>/../shared/data`` is tried, the layout of a checkout next to ``shared/``.
    Callers (tests) skip cleanly on None rather than failing.
    """
    env = os.environ.get(SHARED_ENV)
    if env:
        base = Path(env).expanduser()
        if not base.is_dir():
            return None
        # accept both ``.../shared`` and ``.../shared/data``
        nested = base / "data"
        return nested if nested.is_dir() and base.name != "data" else base
    repo = Path(__file__).resolve().parents[3]  # src/telaah/datasets/__init__.py -> repo root
    candidate = repo.parent / "shared" / "data"
    return candidate if candidate.is_dir() else None


__all__ = ["SHARED_ENV", "shared_data_dir"]
