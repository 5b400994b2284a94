"""Calendar arithmetic: putting a recognised expression on the calendar against a reference date.

News conventions: a bare weekday is the most recent such day on or before the reference date
(the next one when the sentence is about the future); a day and month without a year take the
year that puts them nearest the reference; a named month without a year is the most recent one
not after the reference unless the text points forward.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def valid_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def full_year(y: int) -> int:
    """Two-digit years are this century or the last: 24 -> 2024, 98 -> 1998."""
    if y >= 100:
        return y
    return 2000 + y if y < 70 else 1900 + y


def nearest_year_date(d: int, m: int, ref: date) -> date | None:
    """The day ``d/m`` in the year that puts it nearest ``ref``."""
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        cand = valid_date(y, m, d)
        if cand and (best is None or abs((cand - ref).days) < abs((best - ref).days)):
            best = cand
    return best


def year_date(d: int, m: int, ref: date, direction: int = 0) -> date | None:
    """The day ``d/m`` without a year: the latest on or before ``ref`` when a word points back
    ("26 Desember lalu"), the first on or after it when one points ahead ("17 Agustus
    mendatang"), else the nearest."""
    if not direction:
        return nearest_year_date(d, m, ref)
    years = (ref.year, ref.year - 1) if direction < 0 else (ref.year, ref.year + 1)
    for y in years:
        cand = valid_date(y, m, d)
        if cand and (cand <= ref if direction < 0 else cand >= ref):
            return cand
    return None


def weekday_year_date(d: int, m: int, weekday: int, hint_year: int) -> date | None:
    """Without a reference date: the year near ``hint_year`` (latest first) in which d/m falls on ``weekday``."""
    for delta in (0, -1, 1, -2, -3, -4, -5, -6, 2):
        cand = valid_date(hint_year + delta, m, d)
        if cand and cand.isoweekday() == weekday:
            return cand
    return None


def weekday_on_or_before(ref: date, weekday: int, future: bool = False, strictly: bool = False) -> date:
    if future:
        delta = (weekday - ref.isoweekday()) % 7
        if strictly and delta == 0:
            delta = 7
        return ref + timedelta(days=delta)
    delta = (ref.isoweekday() - weekday) % 7
    if strictly and delta == 0:
        delta = 7
    return ref - timedelta(days=delta)


def shift_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def month_reference(month: int, ref: date, future: bool) -> tuple[int, int]:
    """Year of a named month: most recent not after ``ref``; the next one when about the future."""
    if future:
        return (ref.year if month >= ref.month else ref.year + 1), month
    return (ref.year if month <= ref.month else ref.year - 1), month


def week_value(day: date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def shift(ref: date, unit: str, n: int) -> tuple[str, str]:
    """``n`` units from ``ref`` as (value, granularity); weeks as ISO weeks."""
    if unit == "day":
        return (ref + timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return week_value(ref + timedelta(weeks=n)), "week"
    if unit == "month":
        return month_value(*shift_months(ref.year, ref.month, n)), "month"
    if unit == "year":
        return str(ref.year + n), "year"
    raise ValueError(unit)


def check_weekday(day: date, weekday: int, weekday_word: str, ref: date | None, year_given: bool):
    """Compare a weekday with its date; on conflict return (warning, corrected date or None).

    The correction tried is a one-digit month slip (the same day one month earlier or later) that
    makes weekday and date agree and stays near the reference date.
    """
    if day.isoweekday() == weekday:
        return None, None
    warning = (
        f"weekday {weekday_word} does not match {day.day}/{day.month}/{day.year} "
        f"(a {WEEKDAY_EN[day.isoweekday() - 1]})"
    )
    candidates = []
    for dm in (-1, 1):
        y, m = shift_months(day.year, day.month, dm)
        if year_given and y != day.year:
            continue
        cand = valid_date(y, m, day.day)
        if cand and cand.isoweekday() == weekday:
            candidates.append(cand)
    anchor = day if year_given else (ref or day)  # a stated year: stay near the stated date
    candidates = [c for c in candidates if abs((c - anchor).days) <= 75]
    if not candidates:
        return warning, None
    best = min(candidates, key=lambda c: abs((c - anchor).days))
    return f"{warning}; read as {best.day}/{best.month}/{best.year}", best


def duration_value(n: int | None, iso: str) -> str:
    """ISO 8601 duration: P3Y, P2W, PT5H; X for an unknown count."""
    count = "X" if n is None else str(n)
    if iso.startswith("T"):
        return f"PT{count}{iso[1:]}"
    return f"P{count}{iso}"


def days_in_month(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def period_end(value: str) -> date | None:
    """The last day a resolved value covers: a day (2014-12-29), a month (2014-07: 31 July), a
    year (2014) or a decade (196X); None for weeks, durations and what is not on the calendar."""
    try:
        if len(value) >= 10:
            return date.fromisoformat(value[:10])
        if len(value) == 7 and value[4] == "-":
            y, m = int(value[:4]), int(value[5:])
            return date(y, m, days_in_month(y, m))
        if len(value) == 4 and value.isdigit():
            return date(int(value), 12, 31)
        if len(value) == 4 and value[:3].isdigit() and value[3] == "X":
            return date(int(value[:3]) * 10 + 9, 12, 31)
    except ValueError:
        return None
    return None
