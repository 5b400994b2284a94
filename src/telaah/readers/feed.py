"""RSS and Atom feeds (feedparser): one article per entry with content, title, link, date."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..document import Article
from ..errors import InputError
from .decode import looks_binary

BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
              "figcaption", "section", "article"}


def fragment_to_text(fragment: str) -> str:
    """HTML fragment of a feed entry to plain text, one paragraph per block element."""
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:
        return fragment.strip()
    parts: list[str] = []
    buf: list[str] = []

    def flush():
        line = " ".join("".join(buf).split())
        if line:
            parts.append(line)
        buf.clear()

    def walk(el):
        if el.tag in ("script", "style"):
            if el.tail:
                buf.append(el.tail)
            return
        if isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS:
            flush()
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
        if isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS:
            flush()
        if el.tail:
            buf.append(el.tail)

    walk(root)
    flush()
    return "\n\n".join(parts)


def read_feed(data: bytes, display: str, stem: str, published=None) -> Iterator[Article | object]:
    import feedparser

    from . import InputProblem

    if not data.strip():
        raise InputError(display, "file is empty", "E002")
    if looks_binary(data):
        raise InputError(display, "file looks binary, not a feed", "E003")
    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        raise InputError(display, f"no feed entries found{why}", "E006")
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{display}#{n}"
        body = ""
        if entry.get("content"):
            body = max((c.get("value", "") for c in entry.content), key=len)
        body = body or entry.get("summary", "") or entry.get("description", "")
        text = fragment_to_text(body)
        if not text.strip():
            yield InputProblem(where, "E006", "feed entry has no content or summary text")
            continue
        pub = None
        for key in ("published_parsed", "updated_parsed"):
            if entry.get(key):
                t = entry[key]
                pub = date(t.tm_year, t.tm_mon, t.tm_mday)
                break
        warnings = []
        if parsed.get("bozo"):
            warnings.append(f"feed is not well-formed ({type(parsed.bozo_exception).__name__}); read what could be parsed")
        yield Article(
            id=f"{stem}-{n}", text=text, source=entry.get("link") or where, url=entry.get("link"),
            title=entry.get("title") or None, published=pub or published,
            outlet=parsed.feed.get("title") or None, warnings=warnings, input_kind="feed",
        )
