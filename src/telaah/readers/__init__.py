"""Readers turn input files into ``Article`` objects, or into ``InputProblem`` reports.

Every input either becomes an article or is reported with its path and reason: nothing is
dropped silently. ``read_inputs`` walks files, directories (recursively) and ``-`` (JSONL on
standard input) and yields both kinds of result in a stable order.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..document import Article
from ..errors import InputError
from .feed import read_feed
from .html import read_html
from .jsonl import read_json_document, read_jsonl_lines
from .markdown import read_markdown
from .text import read_text

TEXT_EXT = {".txt", ".text"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
FEED_EXT = {".xml", ".rss", ".atom", ".feed"}
MARKDOWN_EXT = {".md", ".markdown"}
KNOWN_EXT = TEXT_EXT | HTML_EXT | JSONL_EXT | FEED_EXT | MARKDOWN_EXT
DEFAULT_MAX_BYTES = 20_000_000


@dataclass
class InputProblem:
    """An input that could not be analysed; printed on stderr and counted in the exit code."""

    path: str
    code: str
    reason: str

    def __str__(self) -> str:
        return f"[{self.code}] {self.path}: {self.reason}"


@dataclass
class IgnoredFile:
    """A file inside a directory that is not an article (README.md, images): noted, not failed."""

    path: str


def _sniff(head: bytes) -> str:
    """Guess the input kind of a file whose extension says nothing."""
    s = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if s.startswith(b"{"):
        return "jsonl"
    if s.startswith(b"<"):
        if b"<rss" in s or b"<feed" in s or b"<rdf:rdf" in s:
            return "feed"
        return "html"
    return "text"


def _starts_pretty_json(head: bytes) -> bool:
    """True if the first non-empty line is a lone ``{`` or ``[``: never a valid JSONL line, but
    how a pretty-printed JSON document (a dossier, say) begins."""
    for line in head.lstrip(b"\xef\xbb\xbf").splitlines():
        if line.strip():
            return line.strip() in (b"{", b"[")
    return False


def kind_of(path: Path) -> str | None:
    ext = path.suffix.lower()
    if ext in TEXT_EXT:
        return "text"
    if ext in HTML_EXT:
        return "html"
    if ext in JSONL_EXT:
        return "jsonl"
    if ext in FEED_EXT:
        return "feed"
    if ext in MARKDOWN_EXT:
        return "markdown"
    return None


# a folder's own documents, written in Markdown like clipped articles but never one
_PROJECT_DOCUMENTS = frozenset({"readme", "changelog", "changes", "license", "licence", "contributing",
                                "sources", "notes", "index", "todo", "key"})


def _project_document(name: str) -> bool:
    """Whether a Markdown file met while walking a folder is the folder's own note ("README.md",
    "SOURCES.md"): skipped there, read when named on the command line."""
    stem, _, ext = name.rpartition(".")
    return f".{ext.lower()}" in MARKDOWN_EXT and stem.lower() in _PROJECT_DOCUMENTS


def walked_article(path: Path) -> bool:
    """Whether a file met while walking a folder is read as an article: not hidden, of a known
    kind, and not the folder's own note."""
    return not path.name.startswith(".") and kind_of(path) is not None and not _project_document(path.name)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror or exc})", "E001") from exc
    if size > max_bytes:
        raise InputError(
            str(path),
            f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for one article; "
            "split it (or give articles as JSONL, read line by line) or raise --max-bytes",
            "E005",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror or exc})", "E001") from exc


def read_file(path: Path, display: str, published=None, max_bytes: int = DEFAULT_MAX_BYTES,
              kind: str | None = None) -> Iterator[Article | InputProblem]:
    """Read one file of any supported kind."""
    try:
        if kind == "jsonl" or (kind is None and kind_of(path) == "jsonl"):
            with open(path, "rb") as fh:
                pretty = _starts_pretty_json(fh.read(4096))
                fh.seek(0)
                if not pretty:
                    yield from read_jsonl_lines(fh, display, published, max_bytes)
                    return
        data = _read_bytes(path, max_bytes)
        kind = kind or kind_of(path) or ("jsonl" if path.suffix.lower() == ".json" else None) \
            or _sniff(data[:2048])
        if kind == "jsonl":
            # .json, a sniffed file, or a .jsonl that is really one pretty-printed document
            yield from read_json_document(data, display, path.stem, published, max_bytes)
        elif kind == "html":
            yield read_html(data, display, path.stem, published)
        elif kind == "feed":
            yield from read_feed(data, display, path.stem, published)
        elif kind == "markdown":
            yield read_markdown(data, display, path.stem, published)
        else:
            yield read_text(data, display, path.stem, published)
    except InputError as exc:
        yield InputProblem(exc.path, exc.code, exc.reason)


def read_inputs(paths: Iterable[str], published=None, max_bytes: int = DEFAULT_MAX_BYTES,
                stdin=None) -> Iterator[Article | InputProblem | IgnoredFile]:
    """Yield an Article, InputProblem or IgnoredFile for everything the given paths hold."""
    for given in paths:
        if given == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_jsonl_lines(stream, "<stdin>", published, max_bytes)
            continue
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    child = Path(root) / name
                    if not walked_article(child):
                        yield IgnoredFile(str(child))
                        continue
                    yield from read_file(child, str(child), published, max_bytes)
        elif path.exists():
            yield from read_file(path, given, published, max_bytes)
        else:
            yield InputProblem(given, "E001", "no such file or directory")


def claim_unique_id(article: Article, seen: dict[str, int]) -> Article:
    """Give ``article`` an id not yet in ``seen`` ("a", "a-2", ...), warning where it changed.

    ``seen`` carries the ids of one run, so a stream of articles can be numbered as it goes."""
    base = article.id or "article"
    if base in seen:
        seen[base] += 1
        new = f"{base}-{seen[base]}"
        while new in seen:
            seen[base] += 1
            new = f"{base}-{seen[base]}"
        article.warnings.append(f"id '{base}' was already used by another input; this article is '{new}'")
        article.id = new
        seen[new] = 1
    else:
        seen[base] = 1
    return article


def unique_ids(articles: list[Article]) -> list[Article]:
    """Make article ids unique within one run ("a", "a-2", ...), warning where an id changed."""
    seen: dict[str, int] = {}
    for art in articles:
        claim_unique_id(art, seen)
    return articles
