"""Fit the story grouper's learned scorer on the story golds, by cross-validation over stories.

Miranda et al. (2018) learn "does this article join this story" from article-versus-story
similarities. Training examples come from replaying the corpus in time order: every labelled
training article is placed in its gold story (so the stories it meets look as they would to a
perfect grouper), every other article is placed by the grouper itself, and the features of a
labelled article against each candidate story the inverted index offers are recorded, labelled
1 for the story of its gold companions and 0 for the rest (the gold was checked for
completeness, so an unlabelled article is not in a gold story).

All records of the gold files (by default both ``stories_gold.jsonl``, whose stories were found
mostly by TF-IDF similarity, and ``stories_test_blind.jsonl``, whose stories were found by
keyword search: same event, other wording, several days; both are development data now) are
pooled and dealt into K folds by story (grouped K-fold: every article of a story is in one
fold; each file's multi-article stories are dealt in turn, so every fold holds stories of
both). For each fold the model is fitted on the other folds' stories, the whole corpus is
grouped with it, and the held-out fold's articles are scored with strict B-cubed (an unlabelled
article in a gold article's predicted story counts against precision; see ``STRICT``), per
file and pooled. Two CV figures are printed:

- nested: in each fold, C and the joining threshold are chosen on the training stories' own
  score of that same grouping, and the held-out fold is scored with that choice (honest);
- per grid point: pooled over folds, for every (C, threshold); the chosen point (the smallest C
  within ``NEAR_BEST`` of the best pooled F1, then the best mean over its grid neighbours) is
  slightly optimistic by selection.

The final model is fitted on all stories with the chosen point and written to
``src/telaah/stories/model/story_scorer.json``. While examples are collected, unlabelled
articles are placed by a fixed model (``story_scorer_start.json``, the earlier model fitted on
``stories_gold.jsonl`` alone), so a rerun gives the same file. The TF-IDF centroid baseline is
printed beside it per file, its threshold tuned on the records it is scored on (as ``telaah
eval stories`` prints it).

    python scripts/fit_story_scorer.py --entities [--folds 5] [--gold FILE ...] [--features body,...]
        [--cache /tmp/articles.pkl] [--dry-run]
        [--window 14 --confident-days 7 --late-threshold 0.6]   # CV of late joins after a quiet spell
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from telaah.evaluation.stories import load_gold, load_indosum  # noqa: E402
from telaah.stories.grouping import FEATURES, GroupingConfig, StoryGrouper, time_order  # noqa: E402

OUT = ROOT / "src" / "telaah" / "stories" / "model" / "story_scorer.json"
START = ROOT / "src" / "telaah" / "stories" / "model" / "story_scorer_start.json"
# The shipped model uses every feature the grouper offers but the entity-bag cosine (a
# share-of-names coverage view was tried and dropped: no CV gain, a negative weight). With the
# name terms' background frequencies and the place clash (session 27) the entity cosine took a
# negative weight beside name_rare (more shared names scoring lower); without it nested CV F1 is
# 0.896 against 0.898, and every similarity weighs for joining.
SHIPPED_FEATURES = tuple(f for f in FEATURES if f != "entity")
GOLDS = (ROOT / "tests" / "gold" / "stories_gold.jsonl", ROOT / "tests" / "gold" / "stories_test_blind.jsonl")
# Precision as the gold means it: gold stories were checked for completeness and singletons
# against their neighbours, so an unlabelled article in a gold article's story is an error too
# (the reported B-cubed cuts clusters to labelled articles and cannot see it, which would make
# lower thresholds look free).
STRICT = True
# Unlabelled articles that meet a gold story give negative examples as well.
UNLABELLED = True
C_GRID = (0.3, 1.0, 3.0, 10.0)
NEAR_BEST = 0.005
THRESHOLD_GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


class Replay:
    """One corpus with its features computed once; groupings with any weights replay it."""

    def __init__(self, articles, config: GroupingConfig):
        self.config = config
        self.ordered = time_order(articles)
        base = StoryGrouper(config)
        for a in self.ordered:
            base.observe(a)
        self.base = base
        self.cache = {a.id: base.vectors(a) for a in self.ordered}

    def fresh(self, weights: dict[str, float], bias: float, threshold: float) -> StoryGrouper:
        g = StoryGrouper(self.config)
        g.df, g.documents, g._observed, g._features = self.base.df, self.base.documents, self.base._observed, self.base._features
        g.weights, g.bias, g.threshold = dict(weights), bias, threshold
        g.vectors = lambda a: self.cache[a.id]  # df is fixed once all are observed
        return g

    def group(self, weights, bias, threshold) -> list[list[str]]:
        g = self.fresh(weights, bias, threshold)
        for a in self.ordered:
            g.add(a)
        return g.stories()

    def examples(self, stories: dict[str, str], weights, bias, threshold, features, unlabelled: bool | None = None):
        """(features, label) rows for the articles of ``stories`` (article id -> gold story),
        and how many had their gold story among the candidates.

        With ``unlabelled``, an unlabelled article met by a gold story is a negative example
        too (the gold stories were checked for completeness), and it joins only non-gold
        stories, so gold stories stay as the gold has them."""
        unlabelled = UNLABELLED if unlabelled is None else unlabelled
        g = self.fresh(weights, bias, threshold)
        first_of: dict[str, str] = {}
        rows, reachable, needed = [], 0, 0
        gold_clusters: set[int] = set()
        for a in self.ordered:
            story = stories.get(a.id)
            if story is None and not unlabelled:
                g.add(a)
                continue
            if story is None:
                v = g.vectors(a)
                best, target = threshold, None
                for c in g._candidates(v):
                    x = g.pair_features(c, v)
                    if c.id in gold_clusters:
                        rows.append(([x[f] for f in features], 0))
                        continue
                    z = bias + sum(w * x[f] for f, w in weights.items())
                    p = 1.0 / (1.0 + math.exp(-z))
                    if p >= best and not g.late_blocked(c, v, p):
                        best, target = p, c
                g._place(a, target or g._new_cluster(), v)
                continue
            companion = first_of.get(story)
            target = g.story_of[companion] if companion else None
            seen = g.add_as(a, companion)
            if companion:
                needed += 1
                reachable += any(cid == target for cid, _ in seen)
            else:
                first_of[story] = a.id
                gold_clusters.add(g.story_of[a.id])
            for cid, x in seen:
                rows.append(([x[f] for f in features], int(cid == target)))
        return rows, reachable, needed


def fit(rows, c: float, features):
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows])
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, y)
    return {f: float(w) for f, w in zip(features, model.coef_[0])}, float(model.intercept_[0])


def folds_of(gold: list[dict], k: int) -> list[list[dict]]:
    """Stories dealt round-robin, multi-article stories first, so each fold gets some of each
    (grouped K-fold: a story's articles never sit in two folds); with several gold files
    (``file``), each file's multi-article stories and then its singletons are dealt in turn,
    the count running on, so every fold holds stories of every file."""
    files = list(dict.fromkeys(r.get("file") for r in gold))
    multi = [r for f in files for r in gold if r.get("file") == f and len(r["ids"]) > 1]
    single = [r for f in files for r in gold if r.get("file") == f and len(r["ids"]) == 1]
    out: list[list[dict]] = [[] for _ in range(k)]
    for n, r in enumerate(multi + single):
        out[n % k].append(r)
    return out


def load_golds(paths) -> list[dict]:
    """The records of every gold file, each tagged with its file (``file``: the name's stem)."""
    rows, seen = [], set()
    for path in paths:
        for row in load_gold(path):
            if row["story"] in seen:
                raise ValueError(f"{path.name}: story id {row['story']} is already used by another gold file")
            seen.add(row["story"])
            rows.append({**row, "file": path.stem})
    return rows


def by_file(gold) -> dict[str, set[str]]:
    """``{"all": every labelled id, file stem: its ids}``."""
    out: dict[str, set[str]] = {"all": set()}
    for r in gold:
        out.setdefault(r.get("file"), set()).update(r["ids"])
        out["all"].update(r["ids"])
    return out


def score_sums(predicted, gold, ids) -> dict:
    """Per-article strict (or cut) B-cubed sums over ``ids`` (pooled across folds later)."""
    gold_of = {i: r["story"] for r in gold for i in r["ids"]}
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
    p = p_cut = r = 0.0
    for i in ids:
        cl = by_cluster[cluster_of[i]]
        same = sum(1 for x in cl if gold_of[x] == gold_of[i])
        p += same / (full_size[cluster_of[i]] if STRICT else len(cl))
        p_cut += same / len(cl)
        r += same / size[gold_of[i]]
    return {"p": p, "p_cut": p_cut, "r": r, "n": len(ids)}


def prf(parts, precision: str = "p") -> tuple[float, float, float]:
    """Pooled (P, R, F1); ``precision="p_cut"`` for the cut B-cubed that ``telaah eval`` prints first."""
    p, r, n = (sum(x[key] for x in parts) for key in (precision, "r", "n"))
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cross_validate(replay: Replay, gold, k: int, features, start, log=print):
    """Grouped K-fold CV: {(C, t): [held-out sums per fold]}, the nested per-fold choice, and
    the same two per gold file ({file: ...})."""
    folds = folds_of(gold, k)
    held_scores: dict[tuple[float, float], list] = defaultdict(list)
    per_file: dict[str, dict] = defaultdict(lambda: defaultdict(list))
    nested, nested_file = [], defaultdict(list)
    for n, held in enumerate(folds):
        held_ids = {i for r in held for i in r["ids"]}
        held_files = {f: ids for f, ids in by_file(held).items() if f != "all"}
        train_rows = [r for j, f in enumerate(folds) if j != n for r in f]
        train_ids = {i for r in train_rows for i in r["ids"]}
        train = {i: r["story"] for r in train_rows for i in r["ids"]}
        rows, reach, need = replay.examples(train, *start, features)
        log(f"fold {n}: {len(rows)} examples, {sum(y for _, y in rows)} positive; "
            f"gold story among candidates {reach}/{need}")
        best = None
        for c in C_GRID:
            weights, bias = fit(rows, c, features)
            for t in THRESHOLD_GRID:
                predicted = replay.group(weights, bias, t)
                held_part = score_sums(predicted, gold, held_ids)
                held_scores[(c, t)].append(held_part)
                file_parts = {f: score_sums(predicted, gold, ids) for f, ids in held_files.items()}
                for f, part in file_parts.items():
                    per_file[f][(c, t)].append(part)
                train_f1 = prf([score_sums(predicted, gold, train_ids)])[2]
                if best is None or train_f1 > best[0] + 1e-9:
                    best = (train_f1, c, t, held_part, file_parts)
        log(f"  nested choice C={best[1]} t={best[2]} (training-story F1 {best[0]:.3f}); "
            f"held-out F1 {prf([best[3]])[2]:.3f}")
        nested.append(best[3])
        for f, part in best[4].items():
            nested_file[f].append(part)
    return held_scores, nested, per_file, nested_file


def choose(held_scores) -> tuple[float, float, tuple[float, float, float], float]:
    f1_of = {key: prf(parts) for key, parts in held_scores.items()}

    def smoothed(ci: int, ti: int) -> float:
        """Mean CV F1 over the grid neighbours: a flat optimum generalises, a lone peak may not."""
        near = [f1_of[(C_GRID[i], THRESHOLD_GRID[j])][2] for i in range(ci - 1, ci + 2) for j in range(ti - 1, ti + 2)
                if 0 <= i < len(C_GRID) and 0 <= j < len(THRESHOLD_GRID)]
        return sum(near) / len(near)

    grid = [(i, j) for i in range(len(C_GRID)) for j in range(len(THRESHOLD_GRID))]
    top = max(f1_of[(C_GRID[i], THRESHOLD_GRID[j])][2] for i, j in grid)
    # within NEAR_BEST of the best (about one article of 192) the difference is noise: take the
    # most regularised C there (collinear similarities otherwise trade weights, even signs)
    near = [(i, j) for i, j in grid if f1_of[(C_GRID[i], THRESHOLD_GRID[j])][2] >= top - NEAR_BEST]
    ci, ti = max(near, key=lambda ij: (-ij[0], round(smoothed(*ij), 6)))
    c, t = C_GRID[ci], THRESHOLD_GRID[ti]
    return c, t, f1_of[(c, t)], smoothed(ci, ti)


def load_articles(entities: bool, cache: Path | None):
    """The pre-July IndoSum articles (with the entity stages run, as analyze does, if asked),
    from ``cache`` when it holds the same choice (a pickle written here; delete it when the
    corpus or the entity stages change)."""
    import pickle

    if cache is not None and cache.exists():
        saved = pickle.loads(cache.read_bytes())
        if saved.get("entities") == entities:
            return saved["articles"]
    articles = load_indosum()
    if entities:
        from telaah.evaluation.stories import add_entities
        add_entities(articles)
    if cache is not None:
        cache.write_bytes(pickle.dumps({"entities": entities, "articles": articles}, protocol=pickle.HIGHEST_PROTOCOL))
    return articles


def _line(name: str, parts) -> str:
    strict, cut = prf(parts), prf(parts, "p_cut")
    return (f"  {name:<22} strict P={strict[0]:.3f} R={strict[1]:.3f} F1={strict[2]:.3f}   "
            f"cut P={cut[0]:.3f} F1={cut[2]:.3f}")


def baseline_lines(articles, gold) -> list[str]:
    """The plain TF-IDF centroid baseline per gold file, its threshold tuned on that file's
    own records (cut F1, as ``telaah eval stories`` prints it), with its strict score there."""
    from telaah.evaluation.stories import CentroidBaseline, bcubed, tune_baseline

    plain = CentroidBaseline(articles)
    grid = [x / 100 for x in range(6, 61, 2)]
    out = []
    for f in [None, *dict.fromkeys(r["file"] for r in gold)]:
        rows = [r for r in gold if f is None or r["file"] == f]
        t, cut = tune_baseline(plain, rows, grid, None)
        strict = bcubed(plain.group(t), rows, None, strict=True)
        out.append(f"  {f or 'pooled':<22} t={t:.2f} cut P={cut['precision']:.3f} R={cut['recall']:.3f} "
                   f"F1={cut['f1']:.3f}   strict P={strict['precision']:.3f} F1={strict['f1']:.3f}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--gold", type=Path, action="append", default=None,
                    help="story gold file (repeat for several; default both tests/gold/stories_gold.jsonl and "
                         "tests/gold/stories_test_blind.jsonl)")
    ap.add_argument("--features", default=",".join(SHIPPED_FEATURES),
                    help="comma-separated subset of " + ",".join(FEATURES) + " (default: the shipped model's)")
    ap.add_argument("--start", type=Path, default=START,
                    help="model whose decisions place the unlabelled articles while examples are collected "
                         "(default story_scorer_start.json, fixed so that a rerun gives the same model)")
    ap.add_argument("--labelled-only", action="store_true",
                    help="examples from labelled articles only (the former procedure), not unlabelled negatives")
    ap.add_argument("--entities", action="store_true", help="run the entity stages first (as analyze does)")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the loaded (entity-tagged) articles")
    ap.add_argument("--no-baseline", action="store_true", help="skip the TF-IDF baseline lines")
    ap.add_argument("--window", type=float, default=None,
                    help="grouping window in days (default the shipped config's); with --confident-days, the "
                         "longer window for continuations after a quiet spell")
    ap.add_argument("--confident-days", type=float, default=None,
                    help="joins more than this many days after a story's last article need --late-threshold")
    ap.add_argument("--late-threshold", type=float, default=None, help="score such late joins need")
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the model")
    args = ap.parse_args()
    paths = args.gold or list(GOLDS)
    features = tuple(f.strip() for f in args.features.split(",") if f.strip())
    unknown = set(features) - set(FEATURES)
    if unknown:
        print(f"error: unknown features {sorted(unknown)}", file=sys.stderr)
        return 2
    global UNLABELLED
    UNLABELLED = not args.labelled_only
    gold = load_golds(paths)
    articles = load_articles(args.entities, args.cache)
    config = GroupingConfig()
    if args.window is not None:
        config = replace(config, window_days=args.window)
    if args.confident_days is not None:
        config = replace(config, confident_days=args.confident_days)
    if args.late_threshold is not None:
        config = replace(config, late_threshold=args.late_threshold)
    if config != GroupingConfig() and not args.dry_run:
        print("note: the shipped model is used with the default grouping config; a window change also needs "
              "GroupingConfig's defaults changed", file=sys.stderr)
    replay = Replay(articles, config)
    model = json.loads(args.start.read_text("utf-8"))
    start = dict(model["weights"]), float(model["bias"]), float(model["threshold"])
    names = ", ".join(p.name for p in paths)
    print(f"golds {names}: {len(gold)} records, {sum(len(r['ids']) for r in gold)} articles; "
          f"{args.folds}-fold grouped CV; features {','.join(features)}; window {config.window_days}, "
          f"confident {config.confident_days}, late {config.late_threshold}", flush=True)
    held_scores, nested, per_file, nested_file = cross_validate(replay, gold, args.folds, features, start,
                                                                log=lambda s: print(s, flush=True))
    print(f"\ngrouped {args.folds}-fold CV over the golds (pooled strict B-cubed of held-out stories):")
    for (c, t), parts in sorted(held_scores.items()):
        p, r, f1 = prf(parts)
        cut = prf(parts, "p_cut")
        files = " ".join(f"{f}={prf(per_file[f][(c, t)])[2]:.3f}" for f in per_file)
        print(f"  C={c:<4} t={t:.2f}  P={p:.3f} R={r:.3f} F1={f1:.3f}   cut P={cut[0]:.3f} F1={cut[2]:.3f}   {files}")
    c, t, (p, r, f1), near = choose(held_scores)
    print(f"chosen (smallest C near the best pooled CV F1, then neighbourhood mean): C={c} threshold={t} "
          f"(neighbourhood {near:.3f}); CV at that point:")
    print(_line("pooled", held_scores[(c, t)]))
    for f in per_file:
        print(_line(f, per_file[f][(c, t)]))
    print("nested CV (C, threshold chosen inside each fold on its training stories):")
    print(_line("pooled", nested))
    for f in nested_file:
        print(_line(f, nested_file[f]))
    everything = {i: row["story"] for row in gold for i in row["ids"]}
    rows, reach, need = replay.examples(everything, *start, features)
    weights, bias = fit(rows, c, features)
    grouped = replay.group(weights, bias, t)
    print(f"final fit on all {len(gold)} records: {len(rows)} examples; {len(grouped)} stories, "
          f"largest {max(map(len, grouped))}; in-sample:")
    for f, ids in by_file(gold).items():
        print(_line("pooled" if f == "all" else f, [score_sums(grouped, gold, ids)]))
    if not args.no_baseline:
        print("TF-IDF centroid baseline, threshold tuned on the records scored:")
        for line in baseline_lines(articles, gold):
            print(line)
    print("weights:", {f: round(w, 3) for f, w in weights.items()}, "bias", round(bias, 3))
    cv = {f: round(prf(per_file[f][(c, t)])[2], 3) for f in per_file}
    model = {
        "features": list(features),
        "weights": {f: round(w, 4) for f, w in weights.items()},
        "bias": round(bias, 4),
        "threshold": t,
        "note": (f"logistic regression, article vs candidate story; fitted by scripts/fit_story_scorer.py on all "
                 f"{len(gold)} records of {names} ({len(rows)} examples); C={c} and threshold chosen by "
                 f"{args.folds}-fold grouped (by story) CV over both: strict F1 {f1:.3f} (P {p:.3f}, R {r:.3f}; "
                 f"per file {cv}), nested CV F1 {prf(nested)[2]:.3f}; entities: "
                 f"{'entity stages' if args.entities else 'capitalised runs'}"),
    }
    if not args.dry_run:
        OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
