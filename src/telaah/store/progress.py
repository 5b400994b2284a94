"""A tiny progress bar for terminals (stderr), and a cheap count of the articles inputs hold."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path


class ProgressBar:
    """``bar(done, total, label)``; redraws at most ten times a second; ``close()`` ends the line."""

    def __init__(self, stream=None, width: int = 28):
        self.stream = stream or sys.stderr
        self.width = width
        self.last = 0.0
        self.phase = None
        self.drawn = False
        self.started = time.monotonic()

    def __call__(self, done: int, total: int | None, label: str) -> None:
        phase = "stories" if label.startswith("story ") else "articles"
        if phase != self.phase:
            if self.drawn:
                self.stream.write("\n")
            self.phase, self.started = phase, time.monotonic()
        t = time.monotonic()
        if t - self.last < 0.1 and not (total and done >= total):
            return
        self.last = t
        elapsed = t - self.started
        rate = f"{done / elapsed:.1f}/s" if elapsed >= 1 else ""
        if total:
            filled = min(self.width, int(self.width * done / total))
            bar = f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total}"
        else:
            bar = f"{done}"
        text = f"\r{phase}: {bar} {rate}  {label[-40:]}"
        self.stream.write(text.ljust(100)[:100])
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False


def estimate_articles(paths) -> int | None:
    """About how many articles the inputs hold (for the bar's length): a file is one, a JSONL
    file one a non-empty line, a feed one an item or entry; None for standard input."""
    from ..readers import kind_of, walked_article

    total = 0

    def count(path: Path) -> int:
        kind = kind_of(path)
        try:
            if kind == "jsonl":
                n = 0
                with open(path, "rb") as fh:
                    for line in fh:
                        n += bool(line.strip())
                return n
            if kind == "feed":
                data = path.read_bytes()
                return max(1, data.count(b"<item") + data.count(b"<entry"))
        except OSError:
            return 1
        return 1

    for given in paths:
        if given == "-":
            return None
        p = Path(given)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    child = Path(root) / name
                    if walked_article(child):
                        total += count(child)
        else:
            total += count(p)
    return total
