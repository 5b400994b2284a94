"""Article sets for benchmarks: real IndoSum articles, and larger sets recombined from them.

Larger sets are built from real paragraphs: each document takes whole paragraphs from
different IndoSum articles until it reaches about ``words`` words, and no two documents use the
same paragraph sequence, so every document is distinct (never a byte copy) and reads like
Indonesian news, paragraph by paragraph. One document in ``near_copy_every`` is a light edit of
the one before (a paragraph dropped, a dateline added), as syndicated copies are, so the
near-duplicate step has real work. Documents are dated ``per_day`` a day, a desk's daily
intake, so a story-grouping window holds a realistic number of articles at any size.

Only articles crawled before 1 July 2017 are used (the later ones are held out).
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..document import Article


@dataclass(frozen=True)
class Paragraph:
    source: int  # index of the IndoSum article it comes from
    text: str
    words: int


@lru_cache(maxsize=1)
def indosum_records() -> tuple:
    from ..datasets.indosum import iter_articles

    return tuple(iter_articles())


def real_articles(limit: int | None = None) -> list[Article]:
    """IndoSum articles (pre-July-2017) as telaah reads them: detokenised text, publication date."""
    from ..datasets.indosum import article_text, published_date

    out = []
    for rec in indosum_records()[:limit]:
        out.append(Article(id=rec["id"], text=article_text(rec), published=published_date(rec)))
    return out


@lru_cache(maxsize=2)
def paragraph_pool(sources: int | None = None) -> tuple[Paragraph, ...]:
    """Paragraphs of at least 8 words from the first ``sources`` articles (None: all)."""
    from ..datasets.indosum import article_text

    pool = []
    for i, rec in enumerate(indosum_records()[:sources]):
        for para in article_text(rec).split("\n\n"):
            n = len(para.split())
            if n >= 8:
                pool.append(Paragraph(i, para, n))
    return tuple(pool)


DATELINES = ("JAKARTA -", "SURABAYA -", "BANDUNG -", "MEDAN -", "MAKASSAR -", "DENPASAR -")


def synthetic_articles(n: int, words: int = 500, seed: int = 13, per_day: int = 300,
                       near_copy_every: int = 50, start: date = date(2017, 1, 2),
                       sources: int | None = None) -> Iterator[Article]:
    """``n`` distinct documents of about ``words`` words recombined from real paragraphs
    (of the first ``sources`` IndoSum articles; None: all of them)."""
    pool = paragraph_pool(sources)
    rng = random.Random(seed)
    used: set[tuple[int, ...]] = set()
    previous: list[int] | None = None
    for i in range(n):
        day = start + timedelta(days=i // per_day)
        if previous is not None and near_copy_every and i % near_copy_every == near_copy_every - 1 and len(previous) > 2:
            picks = previous[:-1]  # a syndicated copy: last paragraph cut, dateline added
            text = DATELINES[i % len(DATELINES)] + " " + "\n\n".join(pool[p].text for p in picks)
            previous = None
        else:
            while True:
                picks, taken, total = [], set(), 0
                while total < words:
                    p = rng.randrange(len(pool))
                    if pool[p].source in taken:
                        continue
                    picks.append(p)
                    taken.add(pool[p].source)
                    total += pool[p].words
                if tuple(picks) not in used:
                    used.add(tuple(picks))
                    break
            text = "\n\n".join(pool[p].text for p in picks)
            previous = picks
        yield Article(id=f"syn{i:06d}", text=text, published=day)


def html_version(article: Article) -> str:
    """The article as a news page: site chrome around an <article> of <p> paragraphs."""
    from html import escape

    paras = "".join(f"<p>{escape(p)}</p>\n" for p in article.text.split("\n\n"))
    title = escape(article.text.split(".")[0][:80])
    return ("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>" + title +
            "</title></head><body><header><nav><a href=\"/\">Beranda</a> <a href=\"/nasional\">Nasional</a> "
            "<a href=\"/olahraga\">Olahraga</a></nav></header><main><article><h1>" + title + "</h1>\n"
            f"<time datetime=\"{article.published.isoformat() if article.published else ''}\"></time>\n" + paras +
            "</article><aside><h3>Berita Terkait</h3><ul><li><a href=\"/a\">Baca juga: berita lain</a></li></ul>"
            "</aside></main><footer>Hak cipta dilindungi undang-undang.</footer></body></html>")
