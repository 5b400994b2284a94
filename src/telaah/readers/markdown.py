"""Markdown files (a web clipper's or a newsroom CMS's export): front matter gives the title,
date, address and outlet; the body loses only its markup ("**", "# ", "> ", link targets), so
the text an analyst reads is the one every offset points into. The file as given is kept in
``raw``, as a page's HTML is."""
from __future__ import annotations

import re
from datetime import date

from ..document import Article
from ..errors import InputError
from .decode import decode

# a YAML front matter block: "---" on the first line, up to the next "---" (or "...") line
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
# front matter keys, most specific first, as clippers and static-site generators write them
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("date", "published", "published_at", "pubdate", "datepublished", "created")
URL_KEYS = ("url", "canonical_url", "source_url", "link", "source")
OUTLET_KEYS = ("outlet", "site", "site_name", "sitename", "publisher", "source_name")

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_CODE = re.compile(r"`([^`]+)`")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_RULE = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """(keys in lower case -> values, the text after the block); ({}, text) without one. Only
    "key: value" lines are read (lists and nested maps are skipped): what a reader needs."""
    m = _FRONT.match(text)
    if m is None:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group(1).splitlines():
        k = _KEY.match(line)
        if k and k.group(2) and not k.group(2).startswith(("[", "{", "|", ">")):
            meta.setdefault(k.group(1).lower(), k.group(2).strip().strip("\"'"))
    return meta, text[m.end():]


def markdown_to_text(body: str) -> str:
    """The body without markup, line by line: headings, quotes and rules lose their markers,
    links and images keep their words, emphasis and code marks go."""
    out = []
    for line in body.splitlines():
        if _RULE.match(line):
            out.append("")
            continue
        heading = _HEADING.match(line)
        if heading:
            line = heading.group(1)
        line = _QUOTE.sub("", line)
        line = _IMAGE.sub(lambda m: m.group(1), line)
        line = _LINK.sub(lambda m: m.group(1), line)
        line = _AUTOLINK.sub(lambda m: m.group(1), line)
        line = _CODE.sub(lambda m: m.group(1), line)
        for _ in range(2):  # "***bold italic***"
            line = _EMPHASIS.sub(lambda m: m.group(2), line)
        out.append(line.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n") + "\n"


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[k] for k in keys if meta.get(k)), None)


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def read_markdown(data: bytes, display: str, stem: str, published=None) -> Article:
    text, warnings = decode(data, display)
    if not text.strip():
        raise InputError(display, "file is empty (only whitespace)", "E002")
    meta, body = front_matter(text)
    plain = markdown_to_text(body)
    if not plain.strip():
        raise InputError(display, "the Markdown file holds front matter but no article text", "E002")
    written_date = _first(meta, DATE_KEYS)
    day = _parse_date(written_date)
    if written_date and day is None:
        warnings.append(f"front matter date {written_date!r} is not an ISO date; ignored")
    url = _first(meta, URL_KEYS)
    return Article(id=stem, text=plain, source=display, url=url if url and "://" in url else None,
                   title=_first(meta, TITLE_KEYS), published=day or published,
                   outlet=_first(meta, OUTLET_KEYS), warnings=warnings, input_kind="markdown", raw=data)
