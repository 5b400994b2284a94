"""Time expressions: find them, put them on the calendar, and check them against each other.

``extract_times`` works on one text; ``TimeStage`` runs it over an article, inferring the
publication date from the text when none was given; ``StoryDateStage`` lends an undated article
the dates of the other articles of its story.
"""
from __future__ import annotations

import re
from datetime import date
from statistics import median_low

from ..document import Article, Corpus, Sentence, TimeExpr
from ..pipeline import ArticleStage, CorpusStage, Options
from . import resolve as R
from .extract import _parse_inner, extract_times, timeml_value
from .lexicon import lexicon, norm

__all__ = [
    "extract_times",
    "infer_publication",
    "timeml_value",
    "borrow_sibling_dates",
    "TimeStage",
    "StoryDateStage",
]


def infer_publication(text: str, sentences: list[Sentence], *, today: date | None = None) -> dict | None:
    """Guess the publication date from the text: ``{"value": "YYYY-MM-DD", "basis": ...}`` or None.

    News reports date their events ("Sabtu (2/11/2024)"), and the latest dated weekday is the
    best evidence for when the article was written; a weekday without a year picks the year in
    which that day and month fall on that weekday. Without dated weekdays, the latest explicit
    full date is used. Dates in sentences about the future are skipped.
    """
    today = today or date.today()
    found = extract_times(text, sentences, None)
    explicit_years = [int(t.value[:4]) for t in found if t.anchor == "explicit" and t.value and t.value[:4].isdigit()]
    hint = max((y for y in explicit_years if y <= today.year), default=today.year)
    lx = lexicon()
    dated: list[tuple[date, TimeExpr]] = []
    full: list[tuple[date, TimeExpr]] = []
    for t in found:
        low = norm(t.text)
        if any(w in low.split() for w in ("depan", "mendatang")):
            continue
        first = low.split()[0] if low else ""
        if first == "hari" and len(low.split()) > 1:
            first = low.split()[1]
        if first in lx.weekdays and "(" in t.text:
            inner = _parse_inner(t.text[t.text.index("(") + 1 : t.text.rindex(")")] if ")" in t.text else "")
            if not inner:
                continue
            d, m, y = inner
            day = R.valid_date(y, m, d) if y else R.weekday_year_date(d, m, lx.weekdays[first], hint)
            if day and day <= today:
                dated.append((day, t))
        elif t.anchor == "explicit" and t.granularity == "day" and t.value:
            day = date.fromisoformat(t.value[:10])
            if day <= today:
                full.append((day, t))
    pool, how = (dated, "latest date given with its weekday") if dated else (full, "latest explicit date")
    if not pool:
        return None
    day, t = max(pool, key=lambda p: p[0])
    return {"value": day.isoformat(), "basis": f"{how}: '{t.text}' in sentence {t.sentence}"}


class TimeStage(ArticleStage):
    """Times of one article, against its given date, else the date inferred from its text."""

    name = "times"
    requires = ("article.blocks", "article.sentences")
    assigns = ("article.times", "article.published_inferred")

    def __call__(self, article: Article, options: Options) -> None:
        ref, label = article.published, "published"
        if ref is None and options is not None and options.published is not None:
            ref = options.published
        if ref is None:
            inferred = date_line_publication(article) or infer_publication(article.text, article.sentences)
            if inferred:
                article.published_inferred = inferred
                ref, label = date.fromisoformat(inferred["value"]), "inferred"
        article.times = extract_times(article.text, article.sentences, ref, anchor=label)
        _copy_warnings(article)


def date_line_publication(article: Article) -> dict | None:
    """The date of a stand-alone publication-date line of the page chrome ("Jumat, 15 Januari
    2021 10:15 WIB", classified by the block stage), when it names a full day."""
    for b in article.blocks:
        if b.kind != "boilerplate" or b.reason != "publication date line":
            continue
        line = Sentence(id="dateline", start=b.start, end=b.end, block=-1)
        for t in extract_times(article.text, [line], None, anchor="explicit"):
            if t.granularity == "day" and t.value and t.anchor == "explicit":
                text = " ".join(article.text[b.start:b.end].split())
                return {"value": t.value[:10], "basis": f"publication-date line '{text}'"}
    return None


def _copy_warnings(article: Article) -> None:
    for t in article.times:
        for w in t.warnings:
            if w not in article.warnings:
                article.warnings.append(w)


YEAR_IN_BASIS = re.compile(r"'[^']*\b\d{4}\b[^']*'")
SIBLING_WINDOW_DAYS = 60


def weak_inference(article: Article) -> bool:
    """An inferred date whose year the text never gave ("Selasa (2/5)": the weekday fits
    several years) is weaker than the dates of the story's other articles."""
    inf = article.published is None and article.published_inferred
    return bool(inf) and "sibling" not in inf["basis"] and not YEAR_IN_BASIS.search(inf["basis"])


def _year_near(weak: date, around: date) -> date | None:
    """The same day and month, with the same weekday, in the year that puts it nearest ``around``."""
    best = None
    for year in (around.year - 1, around.year, around.year + 1):
        try:
            cand = weak.replace(year=year)
        except ValueError:  # 29 February
            continue
        if cand.weekday() == weak.weekday() and abs((cand - around).days) <= SIBLING_WINDOW_DAYS:
            if best is None or abs((cand - around).days) < abs((best - around).days):
                best = cand
    return best


LENT_SPAN_DAYS = 7


def _lent_date(days: list[date]) -> date:
    """The date an undated article is read against: the latest of its story's dates within a
    week after their middle. A bare weekday points back from the date it is read against, so
    reading "Selasa" against the Monday of a Monday-Tuesday story put it a week before the story;
    reading against the latest date keeps it inside (an outlier follow-up weeks later is skipped)."""
    middle = median_low(days)
    return max(d for d in days if (d - middle).days <= LENT_SPAN_DAYS)


def borrow_sibling_dates(corpus: Corpus) -> list[str]:
    """Resolve undated articles against the dates of their story's other articles.

    The date lent is the latest of the firmly dated siblings' dates (given, or inferred from a
    date with its year) within a week after their middle (``_lent_date``). An article whose own
    inferred date lacks a year keeps its day and month but takes the year that fits its weekday
    nearest the siblings. Returns the ids of the articles that borrowed.
    """
    by_id = {a.id: a for a in corpus.articles}
    borrowed = []
    for story in corpus.stories:
        members = [by_id[i] for i in story.articles if i in by_id]
        dated = {a.id: a.reference_date for a in members if a.reference_date and not weak_inference(a)}
        if not dated:
            continue
        for a in members:
            weak = weak_inference(a)
            if a.reference_date is not None and not weak:
                continue
            siblings = sorted(dated.items(), key=lambda p: p[1])
            day = _lent_date([d for _, d in siblings])
            names = ", ".join(i for i, _ in siblings)
            if weak:
                own = date.fromisoformat(a.published_inferred["value"])
                fitted = _year_near(own, day)
                if fitted is None or fitted == own:
                    continue
                a.published_inferred = {"value": fitted.isoformat(),
                                        "basis": a.published_inferred["basis"]
                                        + f"; year from sibling articles in story {story.id} ({names})"}
                day = fitted
            else:
                a.published_inferred = {"value": day.isoformat(),
                                        "basis": f"dates of sibling articles in story {story.id} ({names})"}
            a.warnings = [w for w in a.warnings if not any(w == x for t in a.times for x in t.warnings)]
            a.times = extract_times(a.text, a.sentences, day, anchor="inferred")
            _copy_warnings(a)
            borrowed.append(a.id)
    return borrowed


class StoryDateStage(CorpusStage):
    """Articles without any date borrow one from the articles of the same story."""

    name = "story_dates"
    requires = ("corpus.stories",)
    assigns = ("article.times.story_anchor",)

    def __call__(self, corpus: Corpus, options: Options) -> None:
        borrow_sibling_dates(corpus)
