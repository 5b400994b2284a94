"""Time expressions: find them, put them on the calendar, and check them against each other.

``extract_times`` works on one text; ``TimeStage`` runs it over an article, inferring the
publication date from the text when none was given; ``StoryDateStage`` lends an undated article
the dates of the other articles of its story.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta
from functools import lru_cache
from statistics import median_low

from ..document import Article, Corpus, Sentence, TimeExpr
from ..pipeline import ArticleStage, CorpusStage, Options
from . import resolve as R
from .extract import _parse_inner, ahead_depan, extract_times, timeml_value
from .lexicon import lexicon, norm

__all__ = [
    "extract_times",
    "infer_publication",
    "dateline_publication",
    "looks_ahead",
    "AHEAD_NOTE",
    "timeml_value",
    "borrow_sibling_dates",
    "date_quoted_days",
    "TimeStage",
    "StoryDateStage",
]


_QUOTE_MARKS = '"“”'
_CLAUSE_WORD = re.compile(r"[\w'’-]+")
AHEAD_NOTE = "a date the text looks forward to; the article is likely earlier"


def _clause_before(text: str, sentence: Sentence, start: int) -> list[str]:
    """The lower-cased words of the date's clause before it: from the sentence start, or the
    last quotation mark, or the last attribution word ('"… akan …," ujar Awang, Selasa (20/12)':
    the date is the day of the speaking, not of what will happen)."""
    lo = sentence.start
    for mark in _QUOTE_MARKS:
        k = text.rfind(mark, sentence.start, start)
        if k >= 0:
            lo = max(lo, k + 1)
    words = [w.lower().replace("’", "'") for w in _CLAUSE_WORD.findall(text, lo, start)]
    said = lexicon().cues.get("attribution", set())
    cut = max((i for i, w in enumerate(words) if w in said), default=-1)
    return words[cut + 1:]



def looks_ahead(text: str, sentence: Sentence, t: TimeExpr) -> bool:
    """Is ``t`` a date the text looks forward to, no evidence of when it was written?

    A future cue earlier in its clause ("akan digelar di Wembley, Sabtu (27/5)", "menjelang",
    "jika"), a direction word in the expression ("Kamis (16/3) mendatang"), or a deadline word
    just before it ("diperpanjang hingga Jumat (21/11)", "paling lambat", "mulai") unless the
    sentence reports what was true by then ("hingga Minggu (16/11) … telah mengevakuasi").
    "hari ini, Sabtu (27/5)" is today: never ahead."""
    cues = lexicon().cues
    if any(w in cues["future"] for w in norm(t.text).split()):
        return True
    before = _clause_before(text, sentence, t.start)
    if "ini" in before[-2:]:
        return False
    forward = cues["future"] | cues.get("ahead", set())
    if any(w in forward and (w != "depan" or ahead_depan(before[i - 1] if i else "")) for i, w in enumerate(before)):
        return True
    if any(w in cues.get("deadline", ()) for w in before[-3:]):
        whole = {w.lower() for w in _CLAUSE_WORD.findall(text, sentence.start, sentence.end)}
        return whole.isdisjoint(cues.get("as_of", ()))
    return False


def infer_publication(text: str, sentences: list[Sentence], *, today: date | None = None) -> dict | None:
    """Guess the publication date from the text: ``{"value": "YYYY-MM-DD", "basis": ...}`` or None.

    The rule, as a careful reader dates a clipping:

    1. Candidates are the dates a report gives its events: a weekday with its date ("Selasa
       (18/11/2025)", "Sabtu (2/11)": without a year, the year near the text's latest explicit
       year in which that day falls on that weekday) and explicit full dates ("18 November
       2025"); none after today, none that says itself it is to come ("Kamis (16/3) mendatang").
    2. A date the text looks forward to (``looks_ahead``: "diperpanjang hingga Jumat (21/11)",
       "akan digelar … Sabtu (3/6)") says nothing about when it was written: set aside.
    3. Of the rest, dated weekdays before bare full dates, then those with a year before those
       without, then the latest (a report's latest event date is its own day more often than its
       lead's date: on URL-dated IndoSum articles the lead's date was right less often).
    4. A dated weekday the text looks forward to still comes before bare full dates (a match
       preview's "Kamis (29/6)" is a day or two off; its head-to-head dates "26/03/17" months),
       marked as such in the basis: provisional, a story's other articles replace it (see
       ``borrow_sibling_dates``). Full dates that only look ahead come last.

    Measured on the URL-dated pre-July IndoSum articles (517 with a candidate; the year of a
    date given without one compared modulo the weekday cycle): the inferred day equals the URL
    date for 280 of 516 (274 before steps 2-4), the day before it for 132 (123), after it for 41
    (57). On the 347 dated only by their crawl (0-2 days after publication): within the two days
    before the crawl 263 (259), after it 33 (41), over a week off 39 (43).
    """
    today = today or date.today()
    found = extract_times(text, sentences, None)
    explicit_years = [int(t.value[:4]) for t in found if t.anchor == "explicit" and t.value and t.value[:4].isdigit()]
    hint = max((y for y in explicit_years if y <= today.year), default=today.year)
    lx = lexicon()
    by_id = {s.id: s for s in sentences}
    candidates: list[tuple[bool, bool, date, TimeExpr, bool]] = []  # (weekday, year given, day, expr, ahead)
    for t in found:
        low = norm(t.text)
        if any(w in lx.cues["future"] for w in low.split()):
            continue  # "Kamis (16/3) mendatang": the text says itself the day is still to come
        first = low.split()[0] if low else ""
        if first == "hari" and len(low.split()) > 1:
            first = low.split()[1]
        if first in lx.weekdays and "(" in t.text:
            inner = _parse_inner(t.text[t.text.index("(") + 1 : t.text.rindex(")")] if ")" in t.text else "")
            if not inner:
                continue
            d, m, y = inner
            day = R.valid_date(y, m, d) if y else R.weekday_year_date(d, m, lx.weekdays[first], hint)
            weekday, year_given = True, y is not None
        elif t.anchor == "explicit" and t.granularity == "day" and t.value and t.type == "DATE":
            day = date.fromisoformat(t.value[:10])  # (a clock time attached to a date restates it)
            weekday, year_given = False, True
        else:
            continue
        if day and day <= today:
            sentence = by_id.get(t.sentence)
            ahead = sentence is not None and looks_ahead(text, sentence, t)
            candidates.append((weekday, year_given, day, t, ahead))
    if not candidates:
        return None
    # dated weekdays first, the firm before those looked forward to; then full dates likewise
    weekday, _year, day, t, ahead = max(candidates, key=lambda c: (c[0], not c[4], c[1], c[2]))
    how = "latest date given with its weekday" if weekday else "latest explicit date"
    note = f" ({AHEAD_NOTE})" if ahead else ""
    basis = f"{how}: '{t.text}' in sentence {t.sentence}{note}"
    report = None if ahead else _report_day(text, day, today)
    if report is not None:
        day, marker = report
        basis += f"; report day '{marker}' after it"
    return {"value": day.isoformat(), "basis": basis}


REPORT_DAY_SPAN = 6  # days after the latest event date within which a report-day weekday falls


def _report_day(text: str, day: date, today: date) -> tuple[date, str] | None:
    """Agency copy names the day it reports on after the speaker and place ("Leni Marlina di
    Garut, Rabu, mengatakan"; ``report_day`` markers of ``time_markers.tsv``): the report is
    written on that weekday, on or after the events it dates ("Selasa (20/10)"). The first such
    weekday from ``day`` on, not after today; None when the text has no marker."""
    pattern = _report_day_re()
    m = pattern.search(text) if pattern is not None else None
    if m is None:
        return None
    weekday = lexicon().weekdays[norm(m.group("weekday"))]
    ahead = (weekday - day.isoweekday()) % 7  # the lexicon numbers weekdays as ISO does
    report = day + timedelta(days=ahead)
    return (report, m.group().strip(" ,")) if ahead <= REPORT_DAY_SPAN and report <= today else None


@lru_cache(maxsize=1)
def _report_day_re() -> re.Pattern | None:
    lx = lexicon()
    preps = sorted(lx.markers.get("report_day", ()), key=len, reverse=True)
    if not preps:
        return None
    days = "|".join(sorted((re.escape(w) for w in lx.weekdays), key=len, reverse=True))
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, preps))}) [A-Z][\w.-]+(?: [A-Z][\w.-]+){{0,2}}, "
                      rf"(?P<weekday>(?i:{days})),")


WEEKDAY_YEAR_SPAN = 6  # years back a dateline's day and month may be, when the text writes no year


def _latest_weekday_fit(d: int, m: int, weekday: int, today: date, floor: int) -> date | None:
    """The latest d/m not after today, in a year from ``floor`` on, that falls on ``weekday``."""
    for year in range(today.year, floor - 1, -1):
        day = R.valid_date(year, m, d)
        if day and day <= today and day.isoweekday() == weekday:
            return day
    return None


def dateline_publication(article: Article, *, today: date | None = None) -> dict | None:
    """The date in the lead's dateline ("BEOGRAD, 17 November (Reuters) -"): a wire service dates
    its copy there. Without a year, a bare weekday in the lead ("pada hari Senin") picks the year
    in which that day falls on it; else the year of the text's latest explicit year, or this year
    (not after today)."""
    from ..cleaning.blocks import dateline_date

    found = dateline_date(article)
    parsed = _parse_inner(found[0]) if found else None
    if not parsed:
        return None
    today = today or date.today()
    d, m, y = parsed
    written, block = found
    if y:
        day = R.valid_date(y, m, d)
        how = "date in the dateline"
    else:
        lead = [s for s in article.sentences if block.start <= s.start < block.end][:1]
        lx = lexicon()
        times = extract_times(article.text, article.sentences, None)
        years = [int(t.value[:4]) for t in times if t.anchor == "explicit" and t.value and t.value[:4].isdigit()]
        latest_year = max((yy for yy in years if yy <= today.year), default=None)
        hint = latest_year or today.year
        # "pada hari Senin menuduh … pemilihan hari Minggu": each weekday of the lead fits some
        # year; the latest fit not after today is taken. The text is no older than the latest
        # year it writes, so a background year ("tenggelamnya KM Sinar Bangun pada 2018") only
        # bounds the search from below: copy is dated nearest to today, not to its background
        weekdays = {lx.weekdays[w] for t in times if lead and t.sentence == lead[0].id and "(" not in t.text
                    for w in norm(t.text).split()[:2] if w in lx.weekdays}
        floor = latest_year if latest_year is not None else today.year - WEEKDAY_YEAR_SPAN
        fits = [f for f in (_latest_weekday_fit(d, m, wd, today, floor) for wd in weekdays) if f]
        day = max(fits) if fits else None
        how = "date in the dateline, year from the lead's weekday"
        if day is None:
            day = R.valid_date(hint, m, d)
            if day and day > today:
                day = R.valid_date(hint - 1, m, d)
            how = "date in the dateline, year assumed"
    if day is None or day > today:
        return None
    return {"value": day.isoformat(), "basis": f"{how}: '{written}'"}


class TimeStage(ArticleStage):
    """Times of one article, against its given date, else the date inferred from its text."""

    name = "times"
    requires = ("article.blocks", "article.sentences", "article.quotes")
    assigns = ("article.times", "article.published_inferred")

    def __call__(self, article: Article, options: Options) -> None:
        ref, label = article.published, "published"
        if ref is None and options is not None and options.published is not None:
            ref = options.published
        if ref is None:
            inferred = (date_line_publication(article) or dateline_publication(article)
                        or infer_publication(article.text, article.sentences))
            if inferred:
                article.published_inferred = inferred
                ref, label = date.fromisoformat(inferred["value"]), "inferred"
        article.times = extract_times(article.text, article.sentences, ref, anchor=label)
        date_quoted_days(article, ref)
        _copy_warnings(article)


def _deictic_offset(text: str) -> int | None:
    """The day offset of a day-relative word ("hari ini" 0, "kemarin" -1), or None (also for
    one that spells its day in brackets, "kemarin (Rabu, 12/4)": that is a written date)."""
    if "(" in text:
        return None
    low = norm(text)
    for phrase, (offset, _part) in lexicon().deictic.items():
        if low == phrase or low.startswith(phrase + " "):
            return offset
    return None


def _attribution_day(article: Article, quote, sentence_end: int) -> TimeExpr | None:
    """The day written with a postposed attribution ("…," kata Argo, Selasa (30/5)): the first
    time expression after the cue, in the cue's sentence, when it names a day and is not itself a
    day word ("kata Argo kemarin" dates the article's telling, not a quote day)."""
    cue = quote.cue
    for t in article.times:  # in text order
        if t.start < cue.end:
            continue
        if t.end > sentence_end:
            return None
        if t.granularity != "day" or t.type != "DATE" or not t.value or _deictic_offset(t.text) is not None:
            return None  # the first time after the cue is not a written date: no quote day
        between = article.text[cue.end:t.start]
        if any(mark in between for mark in _QUOTE_MARKS) or any(p in between for p in ".;:"):
            return None
        return t
    return None


def date_quoted_days(article: Article, ref: date | None) -> int:
    """Resolve day-relative words said inside a dated direct quote against the quote's day.

    '"Hari ini surat penangkapan sudah kami terbitkan," kata Argo, Selasa (30/5)' in an article
    published on Wednesday: the speaker's "hari ini" is Tuesday, not the day of publication
    (the timeline gold's rule 9). Only direct quotes with a postposed cue are read, and only
    words resolved against the article's own date move. Returns how many moved.
    """
    if ref is None or not article.quotes or not article.times:
        return 0
    ends = sorted(s.end for s in article.sentences)
    moved = 0
    for q in article.quotes:
        if not q.direct or q.cue is None or q.cue.start < q.end:
            continue
        i = bisect_left(ends, q.cue.end)
        if i == len(ends):
            continue
        said = _attribution_day(article, q, ends[i])
        if said is None:
            continue
        day = date.fromisoformat(said.value[:10])
        if day == ref:
            continue
        for t in article.times:
            if not (q.start <= t.start and t.end <= q.end) or t.granularity != "day" or not t.value \
                    or t.anchor not in ("published", "inferred"):
                continue
            offset = _deictic_offset(t.text)
            if offset is None:
                continue
            t.value = (day + timedelta(days=offset)).isoformat() + t.value[10:]
            t.anchor = said.anchor
            moved += 1
    return moved


DATED_CHROME = {("boilerplate", "publication date line"), ("boilerplate", "byline"), ("credit", "staff credit")}


def date_line_publication(article: Article) -> dict | None:
    """The date of a stand-alone publication-date line of the page chrome ("Jumat, 15 Januari
    2021 10:15 WIB"), or of a byline that carries one ("Flobamora Pos | Senin, 17 November 2025
    09.12 WITA", "Penulis: Stefanus Boli | Senin, 17 November 2025"), as the block stage
    classified them, when it names a full day."""
    for b in article.blocks:
        if (b.kind, b.reason) not in DATED_CHROME:
            continue
        line = Sentence(id="dateline", start=b.start, end=b.end, block=-1)
        for t in extract_times(article.text, [line], None, anchor="explicit"):
            if t.granularity == "day" and t.value and t.anchor == "explicit":
                text = " ".join(article.text[b.start:b.end].split())
                what = "publication-date line" if b.reason == "publication date line" else "byline"
                return {"value": t.value[:10], "basis": f"{what} '{text}'"}
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


def provisional_inference(article: Article) -> bool:
    """An inferred date the text only looks forward to ("diperpanjang hingga Jumat (21/11)"):
    the article was written before it, so the story's other articles date it better."""
    inf = article.published is None and article.published_inferred
    return bool(inf) and AHEAD_NOTE in inf["basis"]


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


WEEKDAY_FIT_DAYS = 6  # how much later than the lent date an undated article may be placed
STORY_LEAD_DAYS = 7  # how long before its report a story's event may come (its first day)


def _story_floor(members: list[Article], article: Article) -> date | None:
    """The story's first day: the earliest of its other articles' dates and of the days their
    text gives within a week before them (a typhoon's landfall "hari Senin" before Tuesday's
    report)."""
    days = []
    for m in members:
        ref = m.reference_date if m is not article else None
        if ref is None or weak_inference(m):
            continue
        days.append(ref)
        for t in m.times:
            if t.granularity == "day" and t.value and len(t.value) >= 10 and t.value[:4].isdigit():
                try:
                    d = date.fromisoformat(t.value[:10])
                except ValueError:
                    continue
                if 0 <= (ref - d).days <= STORY_LEAD_DAYS:
                    days.append(d)
    return min(days, default=None)


def _bare_weekdays(times: list[TimeExpr]) -> list[date]:
    """Days of the bare weekdays among resolved times ("pada hari Kamis", not "Kamis (29/10)")."""
    lx = lexicon()
    out = []
    for t in times:
        words = norm(t.text).split()
        if words[:1] == ["hari"]:
            words = words[1:]
        if not words or words[0] not in lx.weekdays or "(" in t.text or not t.value or len(t.value) < 10:
            continue
        try:
            out.append(date.fromisoformat(t.value[:10]))
        except ValueError:
            continue
    return out


def _weekdays_fit_after(article: Article, lent: date, floor: date | None) -> date:
    """An undated article read against a sibling's date may be a later report: a bare weekday
    that falls before the story began ("naik menjadi 31 pada hari Kamis" read against Tuesday is
    last week's Thursday) says it was written later. The first day from ``lent`` on, at most
    ``WEEKDAY_FIT_DAYS`` later, at which every bare weekday it names falls on or after the story's
    first day; ``lent`` when it names none or none fits."""
    if floor is None:
        return lent
    for shift in range(WEEKDAY_FIT_DAYS + 1):
        day = lent + timedelta(days=shift)
        days = _bare_weekdays(extract_times(article.text, article.sentences, day, anchor="inferred"))
        if not days:
            return lent
        if all(d >= floor for d in days):
            return day
    return lent


def borrow_sibling_dates(corpus: Corpus) -> list[str]:
    """Resolve undated articles against the dates of their story's other articles.

    The date lent is the latest of the firmly dated siblings' dates (given, or inferred from a
    date with its year) within a week after their middle (``_lent_date``). An article whose own
    inferred date lacks a year keeps its day and month but takes the year that fits its weekday
    nearest the siblings. One whose inferred date only looks ahead (``provisional_inference``)
    takes the lent date, or its own if that is earlier. Returns the ids of the articles that
    borrowed.
    """
    by_id = {a.id: a for a in corpus.articles}
    borrowed = []
    for story in corpus.stories:
        members = [by_id[i] for i in story.articles if i in by_id]
        dated = {a.id: a.reference_date for a in members
                 if a.reference_date and not weak_inference(a) and not provisional_inference(a)}
        if not dated:
            continue
        for a in members:
            weak = weak_inference(a) and not provisional_inference(a)
            if a.reference_date is not None and not weak and not provisional_inference(a):
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
                basis = f"dates of sibling articles in story {story.id} ({names})"
                if provisional_inference(a):  # written before the day it looks forward to
                    day = min(day, date.fromisoformat(a.published_inferred["value"]))
                else:
                    later = _weekdays_fit_after(a, day, _story_floor(members, a))
                    if later != day:
                        basis += f", moved {(later - day).days} day(s) later so that the weekdays it names fall in the story"
                        day = later
                a.published_inferred = {"value": day.isoformat(), "basis": basis}
            a.warnings = [w for w in a.warnings if not any(w == x for t in a.times for x in t.warnings)]
            a.times = extract_times(a.text, a.sentences, day, anchor="inferred")
            date_quoted_days(a, day)
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
