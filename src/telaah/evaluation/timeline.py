"""`telaah eval timeline`: story timelines scored against a blind gold of dated happenings.

The gold (``tests/gold/timeline_gold.jsonl``, TIMELINE_GUIDELINES.md) lists, for 30 IndoSum
stories, every day-level date expression of the body that dates a happening, resolved to a
calendar day, and groups them into events: one happening on one day, told by any number of
sentences and articles. Each story's articles are analysed together as one story (grouping is
scored by ``eval stories``), with the publication dates the annotator used, and the story's
``timeline`` is read back as (sentence, date) mentions, each in the entry that lists it.

Two questions are scored:
- **mentions**: is each gold (sentence, date) an entry's sentence on that date, and is each
  entry's (sentence, date) in the gold? (A sentence is the telaah sentence holding the gold
  expression's first character; mentions marked unsure count neither way.)
- **same event**: over the mentions found, pairs of mentions from different sentences that
  the gold puts in one event against pairs the timeline puts in one entry (precision, recall,
  F1); the cross-article pairs alone are the issue's "the same event reported by several
  articles is one entry with all its sources".

Baselines over the same mentions: every (sentence, date) its own entry, and every date one
entry. Only articles crawled before July 2017 are in the gold (IndoSum's held-out part is not
used).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from itertools import combinations
from pathlib import Path

from ..document import Article
from .numbers import _prf as prf

__all__ = ["gold_path", "load_gold", "score_links", "main"]


def gold_path() -> Path:
    return Path(__file__).resolve().parents[3] / "tests" / "gold" / "timeline_gold.jsonl"


def load_gold(path: Path | None = None) -> list[dict]:
    with open(path or gold_path(), encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _articles(story: dict) -> list[Article]:
    from ..datasets.indosum import article_text, load_articles

    return [Article(id=r["id"], text=article_text(r), outlet=r.get("source"), url=r.get("source_url"),
                    published=date.fromisoformat(story["published"][r["id"]]))
            for r in load_articles(story["ids"])]


def _gold_mentions(story: dict, sentence_of) -> tuple[dict, set]:
    """(sentence, date) -> gold event id, and the (sentence, date) keys of unsure mentions."""
    sure: dict[tuple[str, str], str] = {}
    unsure: set[tuple[str, str]] = set()
    for event in story["events"]:
        for m in event["mentions"]:
            sid = sentence_of(m["article"], m["time_start"])
            if sid is None:
                continue
            key = (sid, m["date"])
            if m.get("unsure"):
                unsure.add(key)
            else:
                sure.setdefault(key, event["id"])
    unsure -= set(sure)
    return sure, unsure


def _predicted_mentions(timeline: list[dict]) -> dict[tuple[str, str], int]:
    """(sentence, date) -> index of the timeline entry that lists it."""
    out: dict[tuple[str, str], int] = {}
    for i, entry in enumerate(timeline):
        for sid in entry.get("sentences") or [entry["sentence"]]:
            out.setdefault((sid, entry["date"]), i)
    return out


def score_links(gold: dict, predicted: dict, cross_only: bool = False) -> tuple[int, int, int]:
    """(true, predicted, gold) same-event pairs over the mentions both sides hold; a pair of
    one sentence's two dates never counts, and ``cross_only`` keeps pairs of two articles."""
    keys = sorted(set(gold) & set(predicted))
    tp = np_ = ng = 0
    for a, b in combinations(keys, 2):
        if a[0] == b[0]:
            continue
        if cross_only and a[0].rsplit(":", 1)[0] == b[0].rsplit(":", 1)[0]:
            continue
        same_gold = gold[a] == gold[b]
        same_pred = predicted[a] == predicted[b]
        tp += same_gold and same_pred
        np_ += same_pred
        ng += same_gold
    return tp, np_, ng


def _prf(tp: int, np_: int, ng: int) -> str:
    s = prf(tp, np_, ng)
    return f"P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} ({tp}/{np_} predicted, {tp}/{ng} gold)"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="telaah eval timeline", description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=None)
    ap.add_argument("--split", choices=("dev", "dev2", "test", "all"), default="all",
                    help="dev and dev2 (the second round, 48 stories) are development data; test is not tuned on")
    ap.add_argument("--errors", action="store_true",
                    help="list missed and spurious mentions and wrong groupings (dev stories unless --split names another)")
    args = ap.parse_args(argv)
    from ..analyze import analyze_articles
    from ..pipeline import Options

    try:
        stories = load_gold(args.gold)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    splits = ("dev", "dev2", "test") if args.split == "all" else (args.split,)
    totals = {s: {"gold": 0, "pred": 0, "right": 0, "links": [0, 0, 0], "cross": [0, 0, 0],
                  "none": [0, 0, 0], "day": [0, 0, 0], "stories": 0} for s in splits}
    error_split = "dev" if args.split == "all" else args.split
    for story in stories:
        if story["split"] not in splits:
            continue
        try:
            articles = _articles(story)
        except Exception as exc:  # ../shared absent or unreadable: say so, score nothing
            print(f"skipped: the IndoSum articles could not be read ({exc})", file=sys.stderr)
            return 0
        corpus = analyze_articles(articles, Options(extras={"one_story": True}))
        by_id = {a.id: a for a in corpus.articles}

        def sentence_of(aid: str, offset: int) -> str | None:
            a = by_id.get(aid)
            s = a.sentence_at(offset) if a is not None else None
            return s.id if s is not None else None

        gold, unsure = _gold_mentions(story, sentence_of)
        timeline = [e for s in corpus.stories for e in s.timeline]
        pred = _predicted_mentions(timeline)
        t = totals[story["split"]]
        t["stories"] += 1
        t["gold"] += len(gold)
        scored = {k: v for k, v in pred.items() if k not in unsure}
        t["pred"] += len(scored)
        t["right"] += len(set(scored) & set(gold))
        for name, cross in (("links", False), ("cross", True)):
            for i, v in enumerate(score_links(gold, pred, cross)):
                t[name][i] += v
        found = {k: gold[k] for k in gold if k in pred}
        every = {k: n for n, k in enumerate(found)}  # no merging at all
        by_day = {k: k[1] for k in found}  # one entry per date
        for name, baseline in (("none", every), ("day", by_day)):
            for i, v in enumerate(score_links(found, baseline, True)):
                t[name][i] += v
        if args.errors and story["split"] == error_split:
            _print_errors(story, gold, pred, unsure, timeline, by_id)
    print("timeline gold: " + ", ".join(f"{s} {totals[s]['stories']} stories" for s in splits))
    for s in splits:
        t = totals[s]
        print(f"[{s}]")
        print(f"  mentions   {_prf(t['right'], t['pred'], t['gold'])}")
        print(f"  same event, all pairs            {_prf(*t['links'])}")
        print(f"  same event, pairs of 2 articles  {_prf(*t['cross'])}")
        print(f"    baseline: no merging           {_prf(*t['none'])}")
        print(f"    baseline: one entry a day      {_prf(*t['day'])}")
    return 0


def _print_errors(story: dict, gold: dict, pred: dict, unsure: set, timeline: list[dict], by_id: dict) -> None:
    def show(key: tuple[str, str]) -> str:
        aid = key[0].rsplit(":", 1)[0]
        a = by_id[aid]
        s = next(s for s in a.sentences if s.id == key[0])
        return f"{key[1]} {aid[:28]} | {a.text[s.start:s.end][:110]!r}"

    print(f"--- {story['story']} ({story['split']})")
    for k in sorted(set(gold) - set(pred), key=lambda k: k[1]):
        print("  MISSED  ", show(k))
    for k in sorted(set(pred) - set(gold) - unsure, key=lambda k: k[1]):
        print("  SPURIOUS", show(k))
    keys = sorted(set(gold) & set(pred), key=lambda k: k[1])
    for a, b in combinations(keys, 2):
        if a[0] == b[0] or a[0].rsplit(":", 1)[0] == b[0].rsplit(":", 1)[0] and gold[a] != gold[b]:
            continue
        same_gold, same_pred = gold[a] == gold[b], pred[a] == pred[b]
        if same_gold != same_pred:
            label = "APART (one gold event)" if same_gold else "JOINED (two gold events)"
            print(f"  {label}\n      {show(a)}\n      {show(b)}")
