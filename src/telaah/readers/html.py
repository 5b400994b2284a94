"""HTML pages: the article body by trafilatura, the publication date by htmldate."""
from __future__ import annotations

import logging
import re
from datetime import date

from ..document import Article
from ..errors import InputError
from .decode import looks_binary

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


# htmldate drops dates after the machine's today by default, so a page dated a day ahead of a
# wrong clock (or of the machine's time zone) lost its own JSON-LD and <time> date to a URL's
# month ("/2026/11/" read as 1 November); the page's own metadata is trusted whatever the clock
LATEST_PAGE_DATE = "2100-12-31"
MIN_ARTICLE_WORDS = 4  # fewer words than this extracted from a page is no article


def _parse_date(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def html_to_text(html: bytes | str, url: str | None = None) -> tuple[str | None, dict]:
    """Extract the main text and metadata of a page; (None, {}) if there is no article in it."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, include_comments=False, include_tables=False,
                                      with_metadata=True, deduplicate=False)
    if doc is None:
        return None, {}
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = meta.get("text")
    return (text if text and text.strip() else None), meta


def read_html(data: bytes, display: str, stem: str, published=None, url: str | None = None) -> Article:
    if not data.strip():
        raise InputError(display, "file is empty", "E002")
    if looks_binary(data):
        raise InputError(display, "file looks binary (NUL or control bytes), not HTML", "E003")
    text, meta = html_to_text(data, url)
    if text is None:
        raise InputError(display, "no article text could be extracted from the HTML", "E006")
    if len(re.findall(r"[^\W\d_]{2,}", text)) < MIN_ARTICLE_WORDS:
        # a page of navigation only: the extractor falls back on the menu ("Home | News")
        raise InputError(display, f"no article text in the HTML, only {text.strip()[:60]!r}", "E006")
    warnings: list[str] = []
    page_date = None
    try:
        from htmldate import find_date

        # the page's markup only (meta tags, <time>, date elements): htmldate's free-text search
        # reads a footer's "© 2026" as 1 January and an event's date in the body as the page's,
        # and the time stage infers a date from the text with its basis stated
        page_date = _parse_date(find_date(data.decode("utf-8", "replace"), original_date=True,
                                          outputformat="%Y-%m-%d", max_date=LATEST_PAGE_DATE,
                                          extensive_search=False))
    except Exception as exc:  # htmldate can fail on odd markup; the date is optional
        warnings.append(f"publication date search failed: {type(exc).__name__}")
    return Article(
        id=stem, text=text, source=display, url=url or meta.get("url"),
        title=meta.get("title") or None, published=page_date or published,
        outlet=meta.get("sitename") or None, warnings=warnings, input_kind="html", raw=data,
    )
