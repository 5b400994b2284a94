"""Fit the story grouper's learned scorer on the DEV split of the story gold.

Miranda et al. (2018) learn "does this article join this story" from article-versus-story
similarities. Training examples come from replaying the corpus in time order: every labelled
dev article is placed in its gold story (so the stories it meets look as they would to a
perfect grouper), every other article is placed by the grouper itself, and the features of a
dev article against each candidate story the inverted index offers are recorded, labelled 1
for the story of its gold companions and 0 for the rest (the gold was checked for
completeness, so an unlabelled article is not in a gold story).

The regularisation C and the joining threshold are chosen by leave-stories-out
cross-validation on dev (stories dealt into folds; each fold is scored by B-cubed on the
corpus-wide grouping with weights learnt on the other folds), with strict precision: an
unlabelled article in a gold article's predicted story counts against it (see ``STRICT``).
The test split is never read: its records are dropped before anything else happens. The
final model is fitted on all of dev and written to ``src/telaah/stories/model/story_scorer.json``.

    python scripts/fit_story_scorer.py [--folds 5] [--entities] [--dry-run]
"""
from __future__ import annotations

import argparse
import copy
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from telaah.evaluation.stories import bcubed, load_gold, load_indosum  # noqa: E402
from telaah.stories.grouping import FEATURES, GroupingConfig, StoryGrouper, time_order  # noqa: E402

OUT = ROOT / "src" / "telaah" / "stories" / "model" / "story_scorer.json"
# Precision as the gold means it: gold stories were checked for completeness and singletons
# against their neighbours, so an unlabelled article in a gold article's story is an error too
# (the reported B-cubed cuts clusters to labelled articles and cannot see it, which would make
# lower thresholds look free).
STRICT = True
C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
THRESHOLD_GRID = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)


class Replay:
    """One corpus with its features computed once; groupings with any weights replay it."""

    def __init__(self, articles, config: GroupingConfig):
        self.ordered = time_order(articles)
        base = StoryGrouper(config)
        for a in self.ordered:
            base.observe(a)
        self.base = base
        self.cache = {a.id: base.vectors(a) for a in self.ordered}

    def fresh(self, weights: dict[str, float], bias: float, threshold: float) -> StoryGrouper:
        g = copy.copy(self.base)
        g.clusters, g.story_of, g._index = [], {}, defaultdict(set)
        g.weights, g.bias, g.threshold = dict(weights), bias, threshold
        g.vectors = lambda a: self.cache[a.id]  # df is fixed once all are observed
        return g

    def group(self, weights, bias, threshold) -> list[list[str]]:
        g = self.fresh(weights, bias, threshold)
        for a in self.ordered:
            g.add(a)
        return g.stories()

    def examples(self, stories: dict[str, str], weights, bias, threshold):
        """(features, label) rows for the articles of ``stories`` (article id -> gold story),
        and how many had their gold story among the candidates."""
        g = self.fresh(weights, bias, threshold)
        first_of: dict[str, str] = {}
        rows, reachable, needed = [], 0, 0
        for a in self.ordered:
            story = stories.get(a.id)
            if story is None:
                g.add(a)
                continue
            companion = first_of.get(story)
            target = g.story_of[companion] if companion else None
            seen = g.add_as(a, companion)
            if companion:
                needed += 1
                reachable += any(cid == target for cid, _ in seen)
            else:
                first_of[story] = a.id
            for cid, x in seen:
                rows.append(([x[f] for f in FEATURES], int(cid == target)))
        return rows, reachable, needed


def fit(rows, c: float):
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows])
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, y)
    return {f: float(w) for f, w in zip(FEATURES, model.coef_[0])}, float(model.intercept_[0])


def folds_of(dev: list[dict], k: int) -> list[list[dict]]:
    """Stories dealt round-robin, multi-article stories first, so each fold gets some of each."""
    multi = [r for r in dev if len(r["ids"]) > 1]
    single = [r for r in dev if len(r["ids"]) == 1]
    out: list[list[dict]] = [[] for _ in range(k)]
    for n, r in enumerate(multi + single):
        out[n % k].append(r)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--entities", action="store_true", help="run the entity stages first (as analyze does)")
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the model")
    args = ap.parse_args()
    dev = [r for r in load_gold() if r.get("split") == "dev"]  # the test split is never read
    articles = load_indosum()
    if args.entities:
        from telaah.evaluation.stories import add_entities
        add_entities(articles)
    replay = Replay(articles, GroupingConfig())
    start = dict(replay.base.weights), replay.base.bias, replay.base.threshold
    folds = folds_of(dev, args.folds)
    scores: dict[tuple[float, float], list] = defaultdict(list)
    for k, held in enumerate(folds):
        train = {i: r["story"] for j, f in enumerate(folds) if j != k for r in f for i in r["ids"]}
        rows, reach, need = replay.examples(train, *start)
        print(f"fold {k}: {len(rows)} examples, {sum(y for _, y in rows)} positive; "
              f"gold story among candidates {reach}/{need}", flush=True)
        for c in C_GRID:
            weights, bias = fit(rows, c)
            for t in THRESHOLD_GRID:
                predicted = replay.group(weights, bias, t)
                scores[(c, t)].append(_fold_score(predicted, dev, held))
    print("\nleave-stories-out CV on dev (pooled strict B-cubed over all dev articles):")
    f1_of = {}
    for (c, t), parts in sorted(scores.items()):
        p, r, n = (sum(x[key] for x in parts) for key in ("p_sum", "r_sum", "n"))
        p, r = p / n, r / n
        f1_of[(c, t)] = (2 * p * r / (p + r), p, r)
        print(f"  C={c:<4} t={t:.2f}  P={p:.3f} R={r:.3f} F1={f1_of[(c, t)][0]:.3f}")

    def smoothed(ci: int, ti: int) -> float:
        """Mean CV F1 over the grid neighbours: a flat optimum generalises, a lone peak may not."""
        near = [f1_of[(C_GRID[i], THRESHOLD_GRID[j])][0] for i in range(ci - 1, ci + 2) for j in range(ti - 1, ti + 2)
                if 0 <= i < len(C_GRID) and 0 <= j < len(THRESHOLD_GRID)]
        return sum(near) / len(near)

    ci, ti = max(((i, j) for i in range(len(C_GRID)) for j in range(len(THRESHOLD_GRID))),
                 key=lambda ij: (round(f1_of[(C_GRID[ij[0]], THRESHOLD_GRID[ij[1]])][0], 6), round(smoothed(*ij), 6)))
    c, t = C_GRID[ci], THRESHOLD_GRID[ti]
    f1, p, r = f1_of[(c, t)]
    print(f"chosen (best CV F1, ties by neighbourhood mean): C={c} threshold={t} "
          f"(CV F1 {f1:.3f}, P {p:.3f}, R {r:.3f}; neighbourhood {smoothed(ci, ti):.3f})")
    all_dev = {i: r["story"] for r in dev for i in r["ids"]}
    rows, reach, need = replay.examples(all_dev, *start)
    weights, bias = fit(rows, c)
    grouped = replay.group(weights, bias, t)
    in_sample = bcubed(grouped, dev, "dev")
    strict = bcubed(grouped, dev, "dev", strict=True)
    print(f"final fit on all dev: {len(rows)} examples; in-sample dev F1 {in_sample['f1']:.3f} "
          f"(P {in_sample['precision']:.3f}, R {in_sample['recall']:.3f}; strict P {strict['precision']:.3f}); "
          f"{len(grouped)} stories, "
          f"largest {max(map(len, grouped))}")
    print("weights:", {f: round(w, 3) for f, w in weights.items()}, "bias", round(bias, 3))
    model = {
        "features": list(FEATURES),
        "weights": {f: round(w, 4) for f, w in weights.items()},
        "bias": round(bias, 4),
        "threshold": t,
        "note": (f"logistic regression, article vs candidate story; fitted by scripts/fit_story_scorer.py "
                 f"on the dev split of tests/gold/stories_gold.jsonl ({len(rows)} examples); C={c} and "
                 f"threshold chosen by {args.folds}-fold leave-stories-out CV on dev: strict F1 {f1:.3f} "
                 f"(P {p:.3f}, R {r:.3f}); entities: {'entity stages' if args.entities else 'capitalised runs'}"),
    }
    if not args.dry_run:
        OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


def _fold_score(predicted, dev, held) -> dict:
    """Per-article B-cubed sums over the held-out fold's articles (pooled across folds later)."""
    ids = {i for r in held for i in r["ids"]}
    gold_of = {i: r["story"] for r in dev for i in r["ids"]}
    cluster_of = {}
    for n, members in enumerate(predicted):
        for m in members:
            if m in gold_of:
                cluster_of[m] = n
    by_cluster = defaultdict(list)
    for m, n in cluster_of.items():
        by_cluster[n].append(m)
    size = defaultdict(int)
    for s in gold_of.values():
        size[s] += 1
    full_size = {n: len(members) for n, members in enumerate(predicted)}
    p = r = 0.0
    for i in ids:
        cl = by_cluster[cluster_of[i]]
        same = sum(1 for x in cl if gold_of[x] == gold_of[i])
        p += same / (full_size[cluster_of[i]] if STRICT else len(cl))
        r += same / size[gold_of[i]]
    return {"p_sum": p, "r_sum": r, "n": len(ids)}


if __name__ == "__main__":
    raise SystemExit(main())
