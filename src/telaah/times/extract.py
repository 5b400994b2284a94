"""Finding time expressions in Indonesian news sentences and putting them on the calendar.

Patterns (compiled once from the data files, see ``lexicon.py``) propose candidate spans inside
each sentence; the longest non-overlapping candidates win; each is then interpreted in text
order, so that a time of day or "hari itu" can attach to the last day the text mentioned.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..document import Sentence, TimeExpr
from . import resolve as R
from .lexicon import lexicon, norm, patterns, tokens_of, triggers

_INNER_NUM = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?\s*$")
_WORD = re.compile(r"[\w'’-]+")
NEAR_DAYS = 90  # a day and month without a year this close to the reference date is in its year


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    kind: str
    match: re.Match
    rank: int


class _Context:
    """What the text has put on the calendar so far, for anaphora and times of day."""

    def __init__(self, ref: date | None, anchor: str):
        self.ref = ref
        self.anchor = anchor
        self.last_day: tuple[date, str] | None = None  # (day, anchor)
        self.last_month: tuple[str, str] | None = None
        self.last_year: tuple[str, str] | None = None
        self.sentence_day: tuple[date, str] | None = None

    def note(self, value: str | None, granularity: str | None, anchor: str | None, expr_type: str) -> None:
        if not value or not anchor:
            return
        if granularity == "day" and re.match(r"\d{4}-\d\d-\d\d", value):
            day = date.fromisoformat(value[:10])
            self.last_day = self.sentence_day = (day, anchor)
            self.last_month = (value[:7], anchor)
            self.last_year = (value[:4], anchor)
        elif granularity == "month":
            self.last_month = (value, anchor)
            self.last_year = (value[:4], anchor)
        elif granularity == "year":
            self.last_year = (value, anchor)

    def day_for_attachment(self) -> tuple[date, str] | None:
        if self.sentence_day:
            return self.sentence_day
        if self.last_day:
            return self.last_day
        if self.ref:
            return self.ref, self.anchor
        return None


def _words_before(text: str, start: int, sent_start: int, n: int = 6) -> list[str]:
    window = text[max(sent_start, start - 80) : start]
    return [norm(w) for w in _WORD.findall(window)][-n:]


def _future(text: str, start: int, sent_start: int) -> bool:
    cues = lexicon().cues["future"]
    return any(w in cues for w in _words_before(text, start, sent_start))


def _sentence_initial(text: str, start: int, sent_start: int) -> bool:
    return not text[sent_start:start].strip(" \t\r\n\"“”'‘(-")


def _accept(kind: str, m: re.Match, text: str, s_start: int) -> tuple[int, int] | None:
    """Filter a pattern match with the checks a regex cannot express; may trim its end."""
    lx = lexicon()
    start, end = m.start(), m.end()
    before = _words_before(text, start, s_start, 1)
    prev = before[-1] if before else ""
    if kind == "weekday":
        wd = m["wd"]
        has_hari = m.group(0)[:4].lower() == "hari"
        if not (wd[0].isupper() or has_hari):
            return None
        if norm(wd) == "minggu" and m["dir"] and not has_hari and not m["inner"] and not m["after"]:
            if _sentence_initial(text, start, s_start) or wd.islower():
                return None  # "Minggu lalu," opening a sentence is last week
        if m["inner"] is not None and not _parse_inner(m["inner"]):
            end = m.start("inner") - 1
            while end > start and text[end - 1] in " ,(":
                end -= 1
        return start, end
    if kind == "month":
        mon = norm(m["mon"])
        if mon in lx.full_months and text[m.end("mon") : m.end("mon") + 1] == "." and end == m.end("mon") + 1:
            end -= 1
        if m["bulan"]:
            return start, end
        if not m["mon"][0].isupper():
            return None
        if mon not in lx.full_months:
            return (start, end) if m["y"] else None
        if m["y"] or m["mod"] or (m["dir"] and not lx.directions[norm(m["dir"])][1]):
            return start, end
        if prev in lx.cues["month_before"]:
            return start, end
        return None
    if kind == "year":
        if m["tahun"] or m["an"] or m["yy"] or m["mod"] or m["dir"]:
            return (start, end) if (m["y"] or m["tahun"] or m["yy"] is None) else None
        if prev in lx.cues["year_before"] and prev not in ("dan", "atau", "dari", "antara"):
            return start, end
        if re.search(r"(?:1[5-9]|20)\d\d\s*(?:[-–]|dan|hingga|sampai|atau|,)\s*$", text[max(s_start, start - 16) : start]):
            return start, end  # the second year of "2010-2014", "2013 dan 2014"
        after = text[end : end + 2]
        if re.match(r"\s*(?:[-–]\s*(?:1[5-9]|20)\d\d|[,;:)\]]|\.(?!\d)|$)", after) or end >= m.string.__len__():
            if not re.search(r"(?:Rp|\$|No|nomor)\.?\s*$", text[max(0, start - 6) : start], re.I):
                return start, end
        return None
    if kind == "relunit":
        if m["unit"] == "Minggu" and not _sentence_initial(text, start, s_start):
            return None  # mid-sentence "Minggu lalu" is last Sunday
        return start, end
    if kind == "vague":
        if norm(m["ph"]) in ("dulu", "dahulu") and prev in ("lebih", "terlebih"):
            return None
        return start, end
    if kind == "textdate" and int(m["d"]) > 31:
        return None
    if kind in ("textdate", "month") and norm(m["mon"]) in lx.full_months and m.end("mon") < end:
        if text[m.end("mon")] == "." and end == m.end("mon") + 1:
            end -= 1  # the full stop after "Juni" ends the sentence, it abbreviates nothing
    return start, end


def _parse_inner(inner: str):
    """Day, month, year (or None) inside "Jumat (8/3/2024)" or "Senin (29 Desember 2014)"."""
    mm = _INNER_NUM.match(inner)
    if mm:
        d, mth = int(mm[1]), int(mm[2])
        y = R.full_year(int(mm[3])) if mm[3] else None
        return (d, mth, y) if 1 <= mth <= 12 and 1 <= d <= 31 else None
    words = norm(inner).rstrip(".").split()
    if 2 <= len(words) <= 3 and words[0].isdigit() and words[1].rstrip(".") in lexicon().months:
        y = int(words[2]) if len(words) == 3 and words[2].isdigit() and len(words[2]) == 4 else None
        if len(words) == 3 and y is None:
            return None
        return int(words[0]), lexicon().months[words[1].rstrip(".")], y
    return None


def _candidates(text: str, s: Sentence) -> list[_Cand]:
    found = []
    present = tokens_of(text[s.start : s.end])
    trig = triggers()
    for rank, (kind, pat) in enumerate(patterns().items()):
        if present.isdisjoint(trig[kind]):
            continue
        for m in pat.finditer(text, s.start, s.end):
            span = _accept(kind, m, text, s.start)
            if span and span[1] > span[0]:
                found.append(_Cand(span[0], span[1], kind, m, rank))
    found.sort(key=lambda c: (-(c.end - c.start), c.rank, c.start))
    taken: list[_Cand] = []
    for c in found:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


def _afternoon_hour(h: int, part_word: str | None) -> int:
    """A 12-hour clock made 24-hour by its part of the day: "pukul 3 sore" is 15:00, "pukul
    10.00 malam" 22:00; "pukul 11.00 siang" and "pukul 02.00 dini hari" stay as they are."""
    code = lexicon().parts.get(norm(part_word)) if part_word else None
    if code in ("AF", "EV") and 1 <= h < 12 and not (norm(part_word).startswith("siang") and h >= 10):
        return h + 12
    if code == "NI" and 6 <= h < 12 and not norm(part_word).startswith(("dini", "tengah")):
        return h + 12
    return h


def _day_value(day: date, part: str | None = None, clock: str | None = None) -> tuple[str, str]:
    if clock:
        return f"{day.isoformat()}T{clock}", "TIME"
    if part:
        return f"{day.isoformat()}T{part}", "TIME"
    return day.isoformat(), "DATE"


def _part_code(*words: str | None) -> str | None:
    for w in words:
        if w:
            return lexicon().parts.get(norm(w))
    return None


def _interpret(c: _Cand, text: str, s: Sentence, ctx: _Context) -> TimeExpr:
    """Turn one candidate into a TimeExpr, resolved against ``ctx`` where possible."""
    lx = lexicon()
    m = c.match
    ref, label = ctx.ref, ctx.anchor
    value = granularity = anchor = None
    etype = "DATE"
    warnings: list[str] = []
    corrected = False
    kind = c.kind
    future = _future(text, c.start, s.start)

    def unit_of(word: str | None) -> tuple[str, str, int]:
        return lx.units[norm(word)]

    if kind == "weekday":
        wd_word = m["wd"]
        wd = lx.weekdays[norm(wd_word)]
        inner = _parse_inner(m["inner"]) if (m["inner"] is not None and c.end > m.start("inner")) else None
        if inner is None and m["after"]:
            after = m["after"]
            mm = _INNER_NUM.match(after)
            inner = _parse_inner(after) if not mm else (int(mm[1]), int(mm[2]), R.full_year(int(mm[3])) if mm[3] else None)
        part = _part_code(m["part1"], m["part2"] if c.end >= m.end() else None)
        day = None
        if inner:
            d, mth, y = inner
            if y:
                day, anchor = R.valid_date(y, mth, d), "explicit"
            elif ref:
                # the year is not given: the nearest year, unless that is months away and another
                # year fits the weekday ("Selasa (15/8)" written in March 2024 is 15 August 2023)
                day, anchor = R.nearest_year_date(d, mth, ref), label
                if day and abs((day - ref).days) > NEAR_DAYS and day.isoweekday() != wd:
                    fits = [c for c in (R.valid_date(ref.year + k, mth, d) for k in (-1, 0, 1))
                            if c and c.isoweekday() == wd and abs((c - ref).days) <= 366]
                    day = min(fits, key=lambda c: abs((c - ref).days)) if fits else day
            if day:
                warn, fixed = R.check_weekday(day, wd, wd_word.capitalize(), ref, y is not None)
                if warn:
                    warnings.append(warn)
                    if fixed:
                        day, corrected = fixed, True
        elif ref:
            direction = lx.directions[norm(m["dir"])][0] if (m["dir"] and c.end >= m.end("dir")) else None
            if direction == -1:
                day = R.weekday_on_or_before(ref, wd, strictly=True)
            elif direction == 1:
                day = R.weekday_on_or_before(ref, wd, future=True, strictly=True)
            else:
                day = R.weekday_on_or_before(ref, wd, future=future)
            anchor = label
        if day:
            value, etype = _day_value(day, part)
            granularity = "day"
        else:
            anchor = None
            etype = "TIME" if part else "DATE"
    elif kind in ("numdate", "tanggal", "textdate"):
        if kind == "numdate" and m["iy"]:
            d, mth, y = int(m["id"]), int(m["im"]), int(m["iy"])
        else:
            d = int(m["d"])
            mth = lx.months[norm(m["mon"])] if kind == "textdate" else int(m["m"] or 0)
            y = R.full_year(int(m["y"])) if m.groupdict().get("y") else None
        day = None
        if kind == "tanggal" and not m["m"]:
            if ref and 1 <= d <= 31:  # "tanggal 24": the latest 24th on or before the reference
                y, mth = ref.year, ref.month
                if d > ref.day:
                    y, mth = R.shift_months(y, mth, -1)
                day, anchor = R.valid_date(y, mth, d), label
        elif y:
            day, anchor = R.valid_date(y, mth, d), "explicit"
        elif ref:
            day, anchor = R.nearest_year_date(d, mth, ref), label
        if day:
            value, granularity = day.isoformat(), "day"
        else:
            anchor = None
    elif kind == "month":
        mth = lx.months[norm(m["mon"])]
        if m["y"]:
            value, granularity, anchor = R.month_value(int(m["y"]), mth), "month", "explicit"
        elif ref:
            direction = lx.directions[norm(m["dir"])][0] if m["dir"] else None
            fwd = direction == 1 or (direction is None and future)
            y, _ = R.month_reference(mth, ref, fwd)
            if direction == -1 and mth == ref.month:
                y -= 1
            value, granularity, anchor = R.month_value(y, mth), "month", label
    elif kind == "year":
        if m["yy"]:
            yy = int(m["yy"])
            value, granularity, anchor = f"{(1900 if yy >= 30 else 2000) // 10 + yy // 10}X", "decade", "explicit"
        elif m["an"]:
            value, granularity, anchor = f"{int(m['y']) // 10}X", "decade", "explicit"
        else:
            value, granularity, anchor = m["y"], "year", "explicit"
    elif kind == "deictic":
        offset, part = lx.deictic[norm(m["ph"])]
        part = part or _part_code(m["part"])
        if ref:
            value, etype = _day_value(ref + timedelta(days=offset), part)
            granularity, anchor = "day", label
        elif part:
            etype = "TIME"
    elif kind in ("relcount", "relunit", "period"):
        unit_word = m["unit"] or m.groupdict().get("funit")
        unit, _iso, factor = unit_of(unit_word)
        n = 1
        if kind == "relcount" and m["count"]:
            n = lx.number(m["count"])
        direction, anaphoric = lx.directions[norm(m["dir"])] if m["dir"] else (0, False)
        base, base_anchor = ref, label
        if anaphoric:
            base, base_anchor = ctx.last_day if ctx.last_day else (None, None)
        if kind == "relunit" and direction == 0:
            n = 0
        if n is None or unit not in ("day", "week", "month", "year") or base is None:
            pass
        elif kind == "period":
            target = base
            if direction:
                target = _shift_date(base, unit, direction)
            if unit == "week":
                mod = norm(m["mod"])
                if mod == "akhir" and m["dir"] is None and target.isoweekday() <= 3:
                    target -= timedelta(days=7)  # "akhir pekan" early in the week: the one just past
                value = R.week_value(target) + ("-WE" if mod == "akhir" else "")
                granularity = "week"
            else:
                value, granularity = R.shift(target, unit, 0)
            anchor = base_anchor
        elif anaphoric:  # "sebulan kemudian": counted from the day just mentioned, to the day
            value, granularity = _shift_date(base, unit, direction * n * factor).isoformat(), "day"
            anchor = base_anchor
        else:
            value, granularity = R.shift(base, unit, direction * n * factor if direction else 0)
            anchor = base_anchor
    elif kind in ("clock", "part"):
        etype = "TIME"
        if kind == "clock":
            h = int(m["h"] or m["h2"])
            mi = int(m["mi"] or m["mi2"] or 0)
            h = _afternoon_hour(h, m["cpart"])
            clock = f"{h:02d}:{mi:02d}" if h <= 24 and mi < 60 else None
            part = None
        else:
            clock, part = None, _part_code(m["part"])
        att = ctx.day_for_attachment()
        if att and (clock or part):
            value, _ = _day_value(att[0], part, clock)
            granularity, anchor = "day", att[1]
    elif kind == "anaphora":
        unit, part = lx.anaphora[norm(m["ph"])]
        src = {"day": ctx.last_day, "month": ctx.last_month, "year": ctx.last_year}[unit]
        if part:
            etype = "TIME"
        if src:
            if unit == "day":
                value, _ = _day_value(src[0], part)
            else:
                value = src[0]
            granularity, anchor = unit, src[1]
    elif kind == "fixed":
        etype, template = lx.fixed[norm(m["ph"])]
        if "{year}" not in template:
            value = template
        elif ref:
            value = template.format(year=ref.year)
    elif kind == "vague":
        pass
    elif kind == "event":
        pass
    elif kind == "duration":
        etype = "DURATION"
        unit_word = m["unit"] or m["funit"] or m["runit"]
        _unit, iso, factor = unit_of(unit_word)
        n = 1 if m["funit"] else (None if m["runit"] else lx.number(m["count"]) if m["count"] else None)
        value = R.duration_value(n * factor if n is not None else None, iso)
        if m["funit"] and _words_before(text, c.start, s.start, 1) == ["kali"]:
            etype = "SET"
    elif kind == "set":
        etype = "SET"
        what = norm(m["what"])
        if what in lx.weekdays:
            value = f"XXXX-WXX-{lx.weekdays[what]}"
        else:
            value = R.duration_value(1, lx.units[what][1])

    expr = TimeExpr(
        start=c.start,
        end=c.end,
        text=text[c.start : c.end],
        sentence=s.id,
        value=value,
        granularity=granularity if value else None,
        anchor=anchor if value and granularity else None,
        type=etype,
        warnings=warnings,
        corrected=corrected,
    )
    ctx.note(expr.value, expr.granularity, expr.anchor, etype)
    return expr


def _shift_date(day: date, unit: str, n: int) -> date:
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    if unit == "month":
        y, mth = R.shift_months(day.year, day.month, n)
        return date(y, mth, min(day.day, R.days_in_month(y, mth)))
    return date(day.year + n, day.month, min(day.day, R.days_in_month(day.year + n, day.month)))


def extract_times(
    text: str, sentences: list[Sentence], published: date | None, *, anchor: str = "published"
) -> list[TimeExpr]:
    """Time expressions inside ``sentences``, resolved against ``published`` (labelled ``anchor``)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    ctx = _Context(published, anchor)
    out: list[TimeExpr] = []
    for s in sorted(sentences, key=lambda s: s.start):
        ctx.sentence_day = None
        for c in _candidates(text, s):
            out.append(_interpret(c, text, s, ctx))
    return out


def timeml_value(expr: TimeExpr) -> str | None:
    """The TimeML value of an expression (PRESENT_REF for "saat ini"), for evaluation against TimeML gold."""
    if expr.value is not None:
        return expr.value
    return lexicon().vague.get(norm(expr.text))
