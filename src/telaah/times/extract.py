"""Finding time expressions in Indonesian news sentences and putting them on the calendar.

Patterns (compiled once from the data files, see ``lexicon.py``) propose candidate spans inside
each sentence; the longest non-overlapping candidates win; each is then interpreted in text
order, so that a time of day or "hari itu" can attach to the last day the text mentioned.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from operator import attrgetter

from ..document import Sentence, TimeExpr
from . import resolve as R
from .lexicon import (
    COUNT_LINKS,
    COUNTED_KINDS,
    TOKEN_RE,
    YEAR_HEADS,
    count_words,
    day_list_tail,
    digit_start,
    lexicon,
    norm,
    pattern_starts,
    patterns,
    patterns_lower,
    tokens_of,
    trie_alternation,
    triggers,
)
from .scan import NOT_WORD_NEAR_SPAN, clean_span, span_hits, text_scan

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
        if granularity == "day" and _DAY_VALUE.match(value):
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
    # a word holds no whitespace, so its norm is its lower case with straight apostrophes
    lo = max(sent_start, start - 80)
    found = None
    near = start - 8 * n - 8
    if near > lo:
        # a shorter stretch first: when it holds more than n words, its first (perhaps cut short
        # at ``near``) is not among the last n, which are those of the whole stretch
        found = _WORD.findall(text, near, start)
        if len(found) <= n:
            found = None
    if found is None:
        found = _WORD.findall(text, lo, start)
    return [w.lower().replace("’", "'") for w in found[-n:]]


def ahead_depan(prev: str) -> bool:
    """"depan" points ahead after a unit ("pekan depan") or "ke" ("ke depan"), not in "di depan
    Gedung DPR" (in front of)."""
    return prev == "ke" or prev in lexicon().units


def _future(text: str, start: int, sent_start: int) -> bool:
    cues = lexicon().cues["future"]
    words = _words_before(text, start, sent_start)
    # "unjuk rasa di depan Kantor Gubernur pada hari Senin": a place, not the week ahead
    return any(w in cues and (w != "depan" or ahead_depan(words[i - 1] if i else "")) for i, w in enumerate(words)) \
        or _called_for(text, start, sent_start)


CALL_REACH = 160  # characters before a weekday searched for a call to act


def _called_for(text: str, start: int, sent_start: int) -> bool:
    """Is the time the time of an act called for ("menyerukan warga untuk turun ke jalan pada
    Selasa malam", "mengimbau warga agar mengungsi Jumat")? A purpose word (untuk, agar) after
    an appeal verb and before the time, with no "yang" (a relative clause: "meminta polisi untuk
    mengusut bentrokan yang terjadi Senin") between the purpose word and the time."""
    cues = lexicon().cues
    purpose, appeal = cues.get("purpose"), cues.get("appeal")
    if not purpose or not appeal:
        return False
    words = [w.lower() for w in _WORD.findall(text, max(sent_start, start - CALL_REACH), start)]
    at = max((i for i, w in enumerate(words) if w in purpose), default=-1)
    if at < 1 or "yang" in words[at + 1:]:
        return False
    return any(w in appeal for w in words[:at])


def _sentence_initial(text: str, start: int, sent_start: int) -> bool:
    return not text[sent_start:start].strip(" \t\r\n\"“”'‘(-")


_FIRST_YEAR_BEFORE = re.compile(r"(?:1[5-9]|20)\d\d\s*(?:[-–]|dan|hingga|sampai|atau|,)\s*$")
_YEAR_END_AFTER = re.compile(r"\s*(?:[-–]\s*(?:1[5-9]|20)\d\d|[,;:)\]]|\.(?!\d)|$)")
_YEAR_EVENT_AFTER = re.compile(r"\s*(?:[,;:)\]]|\.(?!\d)|$|(?:yang|lalu|silam|di|itu|tersebut|dan|ketika|saat)\b)")
_NOT_YEAR_BEFORE = re.compile(r"(?:Rp|\$|No|nomor)\.?\s*$", re.I)
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


def _prev_word(text: str, start: int, s_start: int) -> str:
    before = _words_before(text, start, s_start, 1)
    return before[-1] if before else ""


# the word right before an anaphoric phrase, with nothing between ("29 tahun itu", not "2019. Tahun itu")
_ANAPHORA_COUNT_BEFORE = re.compile(r"(?<![\w.,])([\w.,]*\w)\s+$")


def _accept(kind: str, m: re.Match, text: str, s_start: int) -> tuple[int, int] | None:
    """Filter a pattern match with the checks a regex cannot express; may trim its end.

    ``m`` may be a match on the lowered text: letter case is read from ``text`` itself."""
    lx = lexicon()
    start, end = m.start(), m.end()
    if kind == "weekday":
        wd = text[m.start("wd"):m.end("wd")]  # letter case from the text (``m`` may be on lowered text)
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
        if not text[m.start("mon")].isupper():
            return None
        if mon not in lx.full_months:
            return (start, end) if m["y"] else None
        if m["y"] or m["ydir"] or m["mod"] or (m["dir"] and not lx.directions[norm(m["dir"])][1]):
            return start, end
        if _prev_word(text, start, s_start) in lx.cues["month_before"]:
            return start, end
        return None
    if kind == "year":
        if m["tahun"] or m["an"] or m["yy"] or m["mod"] or m["dir"]:
            return (start, end) if (m["y"] or m["tahun"] or m["yy"] is None) else None
        prev = _prev_word(text, start, s_start)
        if prev in lx.cues["year_before"] and prev not in ("dan", "atau", "dari", "antara"):
            return start, end
        if _FIRST_YEAR_BEFORE.search(text[max(s_start, start - 16) : start]):
            return start, end  # the second year of "2010-2014", "2013 dan 2014"
        if prev in lx.cues.get("year_event_before", ()) and _YEAR_EVENT_AFTER.match(text[end : end + 12]):
            return start, end  # "sejak banjir 2019 yang menewaskan …", "gempa 2018, …": an event's year
        after = text[end : end + 2]
        if _YEAR_END_AFTER.match(after) or end >= m.string.__len__():
            if not _NOT_YEAR_BEFORE.search(text[max(0, start - 6) : start]):
                return start, end
        return None
    if kind == "anaphora":
        prev = _ANAPHORA_COUNT_BEFORE.search(text[max(s_start, start - 24):start])
        if prev and (prev[1][0].isdigit() or lx.number(prev[1].lower()) is not None):
            return None  # "pemain berusia 29 tahun itu", "selama dua hari itu": a length, not a date
        return start, end
    if kind == "relunit":
        if text[m.start("unit"):m.end("unit")] == "Minggu" and not _sentence_initial(text, start, s_start):
            return None  # mid-sentence "Minggu lalu" is last Sunday
        return start, end
    if kind == "vague":
        if norm(m["ph"]) in ("dulu", "dahulu") and _prev_word(text, start, s_start) in ("lebih", "terlebih"):
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


_PLAIN_WORD = re.compile("[a-z]+")
_SPACES = re.compile(r"\s*")


@lru_cache(maxsize=1)
def _dispatch():
    """The patterns in rank order; a regex finding the places where some pattern can begin (a
    word listed in ``pattern_starts``, or a digit, at the start of a word); which ranks can begin
    with each word and with a digit; the ranks searched over the whole sentence instead."""
    pats = list(patterns().items())
    starts = pattern_starts()
    by_word: dict[str, list[int]] = {}
    digit_ranks, word_ranks, scan_ranks = [], [], []
    for rank, (kind, _pat) in enumerate(pats):
        if starts[kind] is None:
            scan_ranks.append(rank)
            continue
        words, digit = starts[kind]
        word_ranks.append(rank)
        for w in words:
            assert w[0].isalpha(), w  # a digit-initial word would be looked up as a digit
            by_word.setdefault(w, []).append(rank)
        if digit:
            digit_ranks.append(rank)
    # trigger words are found too (with nothing to try), so that most sentences can do without
    # ``tokens_of``: see ``_candidates``
    for words in triggers().values():
        for w in words:
            if _PLAIN_WORD.fullmatch(w):
                by_word.setdefault(w, [])
    where = rf"(?<!\w)(?:{trie_alternation(by_word)}(?!\w)|\d+)"
    # A count word ("dua", "beberapa") begins a counted expression only before a unit ("dua
    # hari") or belas/puluh ("dua puluh tahun"); elsewhere its ranks are these, without them.
    counted = {r for r, (kind, _) in enumerate(pats) if kind in COUNTED_KINDS}
    fused = {f"{pre}{u}" for u in lexicon().units for pre in ("se", "ber")}
    without_count = {w: tuple(r for r in by_word[w] if r not in counted)
                     for w in count_words() if w in by_word and w not in fused}
    # on lower-cased text plain matching is case-insensitive matching, and faster
    # (the last item: the patterns in rank order for ``lowered`` text, see ``patterns_lower``)
    return (pats, re.compile(where, re.IGNORECASE), re.compile(where),
            {w: (tuple(r), bool(_PLAIN_WORD.fullmatch(w)), without_count.get(w)) for w, r in by_word.items()},
            tuple(digit_ranks), tuple(word_ranks), frozenset(scan_ranks), {},
            [patterns_lower()[kind] for kind, _ in pats])


@lru_cache(maxsize=1)
def _sentence_tables():
    """What ``_candidates`` looks up for every sentence, gathered once: ``_dispatch``, then the
    pattern kinds and their trigger tokens in rank order, the units and the months."""
    d = _dispatch()
    trig = triggers()
    return d, [kind for kind, _ in d[0]], [trig[kind] for kind, _ in d[0]], lexicon().units, lexicon().months


def scan_words() -> frozenset[str]:
    """The words the times stage looks for (``times.scan`` finds them with the numbers' words)."""
    return frozenset(_dispatch()[3])


def _digit_ranks(cache: dict, digit_ranks: tuple[int, ...], run: str, after: str, next_word: str | None
                 ) -> tuple[int, ...]:
    """The ranks that can begin at a digit run (see ``digit_start``)."""
    lx = lexicon()
    key = (min(len(run), 5), after if not after.isspace() else " ",
           (len(run) == 4 and run[:2] in YEAR_HEADS) or (len(run) == 2 and run[1] == "0"),
           next_word in lx.units, next_word in lx.months)
    ranks = cache.get(key)
    if ranks is None:
        kinds = list(patterns())
        ranks = cache[key] = tuple(r for r in digit_ranks if digit_start(kinds[r], run, after, next_word))
    return ranks


def _own_hits(shared, low: str) -> list[tuple[int, int, str]]:
    """Of the shared hits (``times.scan``: (start, end, text) in text order), those ``where``
    finds: digit runs at the start of a word, and the words listed (the numbers' own aside)."""
    by_word = _dispatch()[3]
    out = []
    for h in shared:
        found = h[2]
        if found[0].isdecimal():
            p = h[0]
            if p and (low[p - 1].isalnum() or low[p - 1] == "_"):  # \w before it
                continue
            out.append(h)
        elif found in by_word:
            out.append(h)
    return out


def _tokens(text: str, s: Sentence, low: str | None) -> set[str]:
    """``tokens_of`` the sentence."""
    if low is None:
        return tokens_of(text[s.start : s.end])
    return set(TOKEN_RE.findall(low[s.start : s.end].replace("’", "'")))  # the lowered slice is the slice lowered


def _candidates(text: str, s: Sentence, low: str | None = None, hits: list[tuple[int, int, str]] | None = None,
                quotes: bool = True) -> list[_Cand]:
    """Candidate spans of one sentence: every pattern's matches (as ``finditer`` would find them),
    accepted and trimmed, then the longest non-overlapping ones, in text order.

    A pattern is tried only where a word it can begin with occurs (``pattern_starts``), and only
    when the sentence holds one of its trigger tokens at all. ``low`` is ``lowered(text)``: the
    patterns are then matched on it without IGNORECASE (faster; ``_accept`` and ``_interpret``
    take letter case from ``text``); ``hits`` what ``where`` finds in the sentence, when known;
    ``quotes`` False when the text has no apostrophe at all."""
    (pats, where, where_lower, by_word, digit_ranks, word_ranks, scan_ranks, digit_cache, pats_lower), \
        kinds, trig, units, months = _sentence_tables()
    s_start, s_end = s.start, s.end
    at: dict[int, list[int]] = {}  # rank: the places where that pattern is tried
    # Tokens of ``tokens_of`` known from the hits alone: without an apostrophe in the sentence,
    # a plain lower-case word found whole is one of them, and so is the first digit of a run.
    known: set[str] | None = None
    if low is not None and (not quotes or low.find("'", s_start, s_end) < 0 and low.find("’", s_start, s_end) < 0):
        known = set()
    if hits is None:
        found = where.finditer(text, s_start, s_end) if low is None else where_lower.finditer(low, s_start, s_end)
        hits = [(w.start(), w.end(), w.group()) for w in found]
    for k, (h_start, h_end, found) in enumerate(hits):
        if found.isdecimal():  # the \d+ branch
            after = text[h_end] if h_end < s_end else ""
            next_word = None
            if after.isspace() and k + 1 < len(hits) and text[h_end:hits[k + 1][0]].isspace():
                next_word = hits[k + 1][2].lower()  # a whole word, and only spaces before it
            n = len(found)
            ranks = digit_cache.get((n if n < 5 else 5, " " if after.isspace() else after,
                                     (n == 4 and found[:2] in YEAR_HEADS) or (n == 2 and found[1] == "0"),
                                     next_word in units, next_word in months))
            if ranks is None:
                ranks = _digit_ranks(digit_cache, digit_ranks, found, after, next_word)
            if known is not None:
                known.add(found[0])
        else:
            # a listed word; its lower case is a key unless case folding went beyond ASCII
            ranks, plain, without_count = by_word.get(found if low is not None else found.lower(),
                                                      (word_ranks, False, None))
            if known is not None and plain:
                known.add(found)
            if without_count is not None and low is not None:
                q = _SPACES.match(low, h_end, s_end).end()
                if q == h_end or not (low.startswith(COUNT_LINKS, q, s_end) or (
                        k + 1 < len(hits) and hits[k + 1][0] == q and hits[k + 1][2] in units)):
                    ranks = without_count
        for r in ranks:
            if r in at:
                at[r].append(h_start)
            else:
                at[r] = [h_start]
    if not at and not scan_ranks:
        return []
    present: set[str] | None = None
    found = []
    subject, compiled = (text, pats) if low is None else (low, pats_lower)
    for rank in sorted(at.keys() | scan_ranks) if scan_ranks else sorted(at):
        kind = kinds[rank]
        if known is None or known.isdisjoint(trig[rank]):  # then look at all the tokens
            if present is None:
                present = _tokens(text, s, low)
            if present.isdisjoint(trig[rank]):
                continue
        pat = compiled[rank] if low is not None else compiled[rank][1]
        if rank in at:
            last = -1
            for pos in at[rank]:
                if pos < last:
                    continue
                m = pat.match(subject, pos, s_end)
                if m is not None:
                    last = m.end()
                    span = _accept(kind, m, text, s_start)
                    if span and span[1] > span[0]:
                        found.append(_Cand(span[0], span[1], kind, m, rank))
        else:
            for m in pat.finditer(subject, s_start, s_end):
                span = _accept(kind, m, text, s_start)
                if span and span[1] > span[0]:
                    found.append(_Cand(span[0], span[1], kind, m, rank))
    if len(found) <= 1:
        return found
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

    def unit_of(word: str | None) -> tuple[str, str, int]:
        return lx.units[norm(word)]

    if kind == "weekday":
        wd_word = text[m.start("wd"):m.end("wd")]  # as written (``m`` may be on lowered text)
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
                day = R.weekday_on_or_before(ref, wd, future=_future(text, c.start, s.start))
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
            if m.groupdict().get("ydir") and ref:  # "8 Oktober tahun lalu"
                y = ref.year + lx.directions[norm(m["ydir"])][0]
        day = None
        if kind == "tanggal" and not m["m"]:
            listed = day_list_tail().match(text, m.end())
            if listed:  # "tanggal 19, 20 sampai 21 November 1945": the month and year written after the list
                mth = lx.months[norm(listed["mon"])]
                if listed["y"]:
                    day, anchor = R.valid_date(int(listed["y"]), mth, d), "explicit"
                elif ref:
                    day = R.year_date(d, mth, ref, lx.directions[norm(listed["dir"])][0] if listed["dir"] else 0)
                    anchor = label
            elif ref and 1 <= d <= 31:  # "tanggal 24": the latest 24th on or before the reference
                y, mth = ref.year, ref.month
                ahead = bool(m["dir"]) and lx.directions[norm(m["dir"])][0] > 0  # "tanggal 24 mendatang"
                if ahead and d < ref.day:
                    y, mth = R.shift_months(y, mth, 1)
                elif not ahead and d > ref.day:
                    y, mth = R.shift_months(y, mth, -1)
                day, anchor = R.valid_date(y, mth, d), label
        elif y:
            day, anchor = R.valid_date(y, mth, d), label if m.groupdict().get("ydir") else "explicit"
        elif ref:
            direction = lx.directions[norm(m["dir"])][0] if m.groupdict().get("dir") else 0
            day, anchor = R.year_date(d, mth, ref, direction), label
        if day:
            value, granularity = day.isoformat(), "day"
        else:
            anchor = None
    elif kind == "month":
        mth = lx.months[norm(m["mon"])]
        if m["y"]:
            value, granularity, anchor = R.month_value(int(m["y"]), mth), "month", "explicit"
        elif m["ydir"] and ref:  # "Oktober tahun lalu": that month of the year before the reference
            value, granularity, anchor = R.month_value(ref.year + lx.directions[norm(m["ydir"])][0], mth), "month", label
        elif ref:
            direction = lx.directions[norm(m["dir"])][0] if m["dir"] else None
            fwd = direction == 1 or (direction is None and _future(text, c.start, s.start))
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
        inner = _parse_inner(m["dinner"]) if m["dinner"] else None
        written = None
        if inner:  # the bracket's date wins over the word's offset ("kemarin (Rabu, 12/4)")
            d, mth, y = inner
            written = R.valid_date(y, mth, d) if y else (R.nearest_year_date(d, mth, ref) if ref else None)
        if written:
            value, etype = _day_value(written, part)
            granularity, anchor = "day", "explicit" if y else label
        elif ref:
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

    # (by position, in the order of TimeExpr's fields: cheaper than by keyword)
    expr = TimeExpr(c.start, c.end, text[c.start:c.end], s.id, value, granularity if value else None,
                    anchor if value and granularity else None, etype, warnings, corrected)
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


_START = attrgetter("start")


def extract_times(
    text: str, sentences: list[Sentence], published: date | None, *, anchor: str = "published"
) -> list[TimeExpr]:
    """Time expressions inside ``sentences``, resolved against ``published`` (labelled ``anchor``)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    ctx = _Context(published, anchor)
    out: list[TimeExpr] = []
    low, shared = text_scan(text)
    quotes = low is None or "'" in low or "’" in low
    if shared is not None:
        own = _own_hits(shared, low)
        own_starts = [h[0] for h in own]
        n_low, n_own = len(low), len(own)
        scan_all = bool(_dispatch()[6])  # patterns searched over every sentence
    for s in sorted(sentences, key=_START):
        ctx.sentence_day = None
        hits = None
        if shared is not None:
            s_start, s_end = s.start, s.end
            if (not 0 < s_start < n_low or low[s_start - 1] in NOT_WORD_NEAR_SPAN
                    or low[s_start] in NOT_WORD_NEAR_SPAN) and (
                    not 0 < s_end < n_low or low[s_end] in NOT_WORD_NEAR_SPAN
                    or low[s_end - 1] in NOT_WORD_NEAR_SPAN) or clean_span(low, s_start, s_end):
                i = bisect_left(own_starts, s_start)
                if (i == n_own or own_starts[i] >= s_end) and not scan_all:
                    continue  # nothing can begin in this sentence
                hits = own[i:bisect_left(own_starts, s_end, i)]
            else:
                hits = _own_hits(span_hits(low, s.start, s.end), low)
        loose: TimeExpr | None = None  # a time of day said before any day of its sentence
        for c in _candidates(text, s, low, hits, quotes):
            had_day = ctx.sentence_day is not None
            expr = _interpret(c, text, s, ctx)
            if loose is not None and expr.granularity == "day" and expr.type == "DATE" and expr.value \
                    and _TIME_THEN_DAY.fullmatch(text, loose.end, expr.start):
                # "pukul 21.35 WIB, Senin (29/5)": the clock is on the day named right after it
                loose.value, loose.anchor = expr.value[:10] + loose.value[10:], expr.anchor
            loose = expr if expr.type == "TIME" and not had_day and expr.value and len(expr.value) > 10 else None
            out.append(expr)
    return out


_TIME_THEN_DAY = re.compile(r"[\s,]*(?:pada\s+|hari\s+)?")


def timeml_value(expr: TimeExpr) -> str | None:
    """The TimeML value of an expression (PRESENT_REF for "saat ini"), for evaluation against TimeML gold."""
    if expr.value is not None:
        return expr.value
    return lexicon().vague.get(norm(expr.text))
