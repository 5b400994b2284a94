"""The web app an analyst works in: ``telaah serve`` over a store (FastAPI, server-rendered).

``create_app`` is imported lazily so that the CLI does not pay for FastAPI on every command.
"""
from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)
