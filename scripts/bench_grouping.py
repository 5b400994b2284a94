"""Time story grouping at several corpus sizes and fit the growth exponent.

Real IndoSum dev articles (all 3,463, timing only: nothing is scored) up to the corpus size;
beyond it, distinct synthetic documents made by recombining real paragraphs of three random
articles (seeded), dated like a random real article, so the same time span holds ever more
articles (the number in a story's time window grows with n, the hard case). Features are
computed inside the timed region. Prints seconds per size and the slope of log(time) against
log(n), on CPU seconds (wall time on a shared machine is noisy): 1.0 is linear, n log n over this range fits about 1.1.

    python scripts/bench_grouping.py [--sizes 500 1000 2000 3463 7000 14000]
"""
from __future__ import annotations

import argparse
import math
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from telaah.evaluation.stories import load_indosum  # noqa: E402
from telaah.stories.grouping import GroupingConfig, group_articles  # noqa: E402


def synthetic(real: list, n: int, seed: int = 7) -> list:
    rng = random.Random(seed)
    paragraphs = [[p for p in a.text.split("\n") if p.strip()] for a in real]
    out = []
    for i in range(n):
        picks = rng.sample(range(len(real)), 3)
        parts = [rng.choice(paragraphs[k]) for k in picks for _ in range(2) if paragraphs[k]]
        donor = real[rng.randrange(len(real))]
        out.append(replace(donor, id=f"syn{i}-{donor.id}", text="\n".join(parts), sentences=[], title=None,
                           mentions=[], duplicate_of=None))
    return out


def fit_exponent(points: list[tuple[int, float]]) -> float:
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000, 3463, 7000, 14000])
    args = ap.parse_args()
    try:
        real = load_indosum(include_held_out=True)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    extra = synthetic(real, max(0, max(args.sizes) - len(real)))
    pool = real + extra
    points = []
    for n in sorted(args.sizes):
        subset = [replace(a) for a in pool[:n]]  # fresh objects: no cached state between runs
        t0, c0 = time.perf_counter(), time.process_time()
        group_articles(subset, GroupingConfig())
        wall, secs = time.perf_counter() - t0, time.process_time() - c0
        points.append((n, secs))
        kind = "real" if n <= len(real) else f"{len(real)} real + {n - len(real)} synthetic"
        days = sorted({a.published for a in subset if a.published})
        per_day = n / max(1, (days[-1] - days[0]).days + 1) if days else float("nan")
        print(f"n={n:>6} ({kind}; {per_day:.1f} articles a day, ~{7 * per_day:.0f} in a 7-day window): "
              f"{secs:6.2f} s CPU, {wall:6.2f} s wall  ({1000 * secs / n:.2f} ms CPU/article)", flush=True)
    if len(points) >= 2:
        print(f"fitted exponent (time ~ n^k): k = {fit_exponent(points):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
