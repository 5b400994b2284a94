"""Print the articles of gold stories with every candidate time expression highlighted.

An annotation aid for tests/gold/timeline_gold.jsonl (see tests/gold/TIMELINE_GUIDELINES.md).
It uses its OWN regexes (deliberately not telaah's time tagger, so the gold stays blind) to
mark weekday names, "(6/3)"-style dates, day + Indonesian month names, and day-level relative
words ("kemarin", "hari ini", "semalam", ...). Each hit is printed inline as
``[[text]]@start`` (offsets into ``article_text(record)``) and then listed with a naive
resolution against the article's publication date, which the annotator checks by hand.

Usage:
    .venv/bin/python scripts/build_timeline_candidates.py g17 b1 ...   # chosen stories
    .venv/bin/python scripts/build_timeline_candidates.py --min-articles 3
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from telaah.datasets.indosum import HELDOUT_FROM, article_text, load_articles, published_date

ROOT = Path(__file__).resolve().parents[1]
STORY_FILES = (ROOT / "tests/gold/stories_gold.jsonl", ROOT / "tests/gold/stories_test_blind.jsonl")

WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11,
    "desember": 12,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WD_RE = r"(?:Senin|Selasa|Rabu|Kamis|Jum'?at|Sabtu|Minggu|Ahad)"

# Order matters: longer patterns first; overlapping later hits are dropped.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("wd+num", re.compile(_WD_RE + r"(?:\s+(?:pagi|siang|sore|malam|dini hari))?\s*\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)")),
    ("wd+dmy", re.compile(_WD_RE + r",?\s+(?:tanggal\s+)?\d{1,2}\s+(?:" + _MONTH_RE + r")(?:\s+\d{4})?", re.I)),
    ("num", re.compile(r"\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)")),
    ("dmy", re.compile(r"\b\d{1,2}\s+(?:" + _MONTH_RE + r")(?:\s+\d{4})?\b", re.I)),
    ("num-bare", re.compile(r"\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b")),
    ("weekday", re.compile(r"\b" + _WD_RE + r"\b")),
    ("relative", re.compile(
        r"\b(?:kemarin(?:\s+(?:pagi|siang|sore|malam|lusa))?|hari\s+ini|semalam|tadi\s+(?:pagi|siang|sore|malam)"
        r"|dini\s+hari\s+tadi|malam\s+ini|nanti\s+malam|pagi\s+ini|siang\s+ini|sore\s+ini|besok(?:\s+(?:pagi|siang|sore|malam))?"
        r"|esok(?:\s+hari)?|lusa|tadi|keesokan\s+harinya|hari\s+yang\s+sama"
        r"|(?:malam\s+)?(?:se|\d+\s+|(?:dua|tiga|empat|lima|enam|tujuh)\s+)hari\s+(?:lalu|sebelumnya|setelahnya|kemudian|berikutnya)"
        r"|malam\s+hari\s+sebelumnya)\b", re.I)),
    # week/month/year-level: shown so the annotator sees them, never mentions by themselves
    ("coarse", re.compile(
        r"\b(?:pekan|minggu|bulan|tahun)\s+(?:lalu|depan|ini|mendatang)\b|\b(?:" + _MONTH_RE + r")\s+\d{4}\b", re.I)),
]


def _weekday_index(word: str) -> int | None:
    w = word.lower().replace("'", "")
    for i, name in enumerate(WEEKDAYS):
        if w.startswith(name.lower()):
            return i
    return 6 if w.startswith("ahad") else None


def naive_resolve(kind: str, text: str, pub: date) -> str:
    """A first guess only; the annotator decides."""
    m = re.search(r"(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?", text)
    if m and kind in ("wd+num", "num", "num-bare"):
        y = int(m.group(3)) if m.group(3) else pub.year
        y = y + 2000 if y < 100 else y
        try:
            return date(y, int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            return "?"
    m = re.search(r"(\d{1,2})\s+(" + _MONTH_RE + r")(?:\s+(\d{4}))?", text, re.I)
    if m:
        y = int(m.group(3)) if m.group(3) else pub.year
        try:
            return date(y, MONTHS[m.group(2).lower()], int(m.group(1))).isoformat()
        except ValueError:
            return "?"
    low = text.lower()
    if kind == "weekday":
        wd = _weekday_index(text)
        if wd is not None:
            back = (pub.weekday() - wd) % 7
            return (pub - timedelta(days=back)).isoformat() + " (or next: " + (
                pub + timedelta(days=(wd - pub.weekday()) % 7)).isoformat() + ")"
    if low.startswith("kemarin lusa"):
        return (pub - timedelta(days=2)).isoformat()
    if low.startswith("kemarin"):
        return (pub - timedelta(days=1)).isoformat()
    if low.startswith(("besok", "esok")):
        return (pub + timedelta(days=1)).isoformat()
    if low == "lusa":
        return (pub + timedelta(days=2)).isoformat()
    counts = {"dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7}
    m = re.match(r"(\d+|dua|tiga|empat|lima|enam|tujuh)\s+hari\s+lalu", low)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else counts[m.group(1)]
        return (pub - timedelta(days=n)).isoformat()
    if "sebelumnya" in low or "setelahnya" in low or "kemudian" in low or "berikutnya" in low:
        return "relative to another date in the text"
    if kind == "relative":
        return pub.isoformat()
    return "-"


def candidates(text: str) -> list[tuple[int, int, str, str]]:
    taken: list[tuple[int, int, str, str]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te, _, _ in taken):
                continue
            taken.append((s, e, kind, m.group(0)))
    return sorted(taken)


def highlight(text: str, cands: list[tuple[int, int, str, str]]) -> str:
    out, pos = [], 0
    for s, e, _kind, _t in cands:
        out.append(text[pos:s])
        out.append(f"[[{text[s:e]}]]@{s}")
        pos = e
    out.append(text[pos:])
    return "".join(out)


def load_stories() -> list[dict]:
    rows = []
    for path in STORY_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stories", nargs="*", help="story ids (g17, b1, ...)")
    ap.add_argument("--min-articles", type=int, default=0, help="all stories with at least N articles")
    args = ap.parse_args(argv)
    rows = load_stories()
    chosen = [r for r in rows if r["story"] in args.stories or (args.min_articles and len(r["ids"]) >= args.min_articles)]
    for row in chosen:
        print("=" * 100)
        print(f"STORY {row['story']} split={row.get('split')} :: {row.get('note', '')}")
        for rec in load_articles(row["ids"]):
            if int(rec["id"].split("-", 1)[0]) >= HELDOUT_FROM:
                print(f"!! {rec['id']} is held out; skipped")
                continue
            text = article_text(rec)
            pub = published_date(rec)
            cands = candidates(text)
            print("-" * 100)
            print(f"ARTICLE {rec['id']} published={pub} ({pub.strftime('%A')}) url={rec.get('source_url', '')}")
            print(highlight(text, cands))
            print("  candidates:")
            for s, e, kind, t in cands:
                print(f"    {s:5d}-{e:5d} {kind:9s} {t!r:40s} -> {naive_resolve(kind, t, pub)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
