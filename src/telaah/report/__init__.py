"""The self-contained HTML report of a dossier (no external assets, everything escaped)."""
from .html import render_report

__all__ = ["render_report"]
