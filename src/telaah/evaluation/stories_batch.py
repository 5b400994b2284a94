"""`telaah eval stories-batch`: grouping a handful of articles, as `telaah analyze` on a few files.

The typical telaah input is a few articles a person gathered on one event, not an archive. Each
multi-article story of both story golds (``stories_gold.jsonl`` and ``stories_test_blind.jsonl``,
pre-July-2017 IndoSum) is analysed as such a batch, three ways:

- **alone**: the story's articles and nothing else (what the disputes and conflicts of one story
  depend on: a story split in two compares nothing across the split);
- **+3 random**: with three other articles from within three days of the story, drawn at random
  (a person who pasted a day's news);
- **+1 similar**: with the most TF-IDF-similar other article from within three days (a keyword
  search; often a neighbouring storyline, the hardest case);
- **+1 similar, 8-45 days**: with the most TF-IDF-similar article from 8 to 45 days after the
  story's last article (an earlier or later storyline on the same topic, which the small batch's
  longer look-back must not join without strong evidence).

Each batch runs the per-article stages and then duplicates, entity merging and grouping, as
``analyze`` does. Scores are over pairs of articles in a batch: precision (pairs put together that
belong together), recall (pairs that belong together and were put together), and how many gold
stories came out whole. telaah's small-batch cut (``GroupingConfig.batch_threshold``) is printed
beside the corpus cut of the model and the plain TF-IDF centroid baseline (its threshold as
`telaah eval stories` tunes it). The articles are read from ``../shared`` like `analyze` would read
them: detokenised text, publication date, outlet, no headline.
"""
from __future__ import annotations

import argparse
import copy
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from ..document import Article, Corpus
from .stories import HELD_OUT_FROM, REPO, id_timestamp, load_gold
from .stories_kompas import BASELINE_THRESHOLD

GOLDS = ("stories_gold.jsonl", "stories_test_blind.jsonl")
WINDOW_DAYS = 3
RANDOM_DISTRACTORS = 3
SIMILAR_DISTRACTORS = 1
LATER_DAYS = (8, 45)
SCENARIOS = ("alone", "+3 random", "+1 similar", "+1 similar, 8-45 days")


@dataclass
class Batch:
    story: str
    gold_ids: list[str]
    extra_ids: list[str]


def gold_stories() -> tuple[list[dict], dict[str, str]]:
    """The multi-article gold stories, and every gold article's story."""
    rows = [row for name in GOLDS for row in load_gold(REPO / "tests" / "gold" / name)]
    story_of = {i: r["story"] for r in rows for i in r["ids"]}
    return [r for r in rows if len(r["ids"]) > 1], story_of


def load_pool() -> list[Article]:
    """Every pre-July IndoSum dev article as ``analyze`` would see it (no headline)."""
    from ..datasets.indosum import article_text, iter_articles, published_date

    out = []
    for r in iter_articles():  # unique ids, held-out part skipped
        if id_timestamp(r["id"]) >= HELD_OUT_FROM:  # never, but this rule is not to be broken
            continue
        out.append(Article(id=r["id"], text=article_text(r), published=published_date(r), outlet=r.get("source"),
                           url=r.get("source_url")))
    return out


def make_batches(stories: Sequence[dict], pool: Sequence[Article]) -> dict[str, list[Batch]]:
    """The three scenarios' batches; distractors come from within ``WINDOW_DAYS`` of the story."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    row = {a.id: n for n, a in enumerate(pool)}
    x = TfidfVectorizer(sublinear_tf=True, token_pattern=r"(?u)\b[^\W\d_]{3,}\b").fit_transform([a.text for a in pool])
    out: dict[str, list[Batch]] = {s: [] for s in SCENARIOS}
    for story in stories:
        ids = [i for i in story["ids"] if i in row]
        days = [pool[row[i]].published for i in ids]
        near = [a.id for a in pool if a.id not in story["ids"]
                and min(abs((a.published - d).days) for d in days) <= WINDOW_DAYS]
        later = [a.id for a in pool if a.id not in story["ids"]
                 and LATER_DAYS[0] <= (a.published - max(days)).days <= LATER_DAYS[1]]
        similar, similar_later = (_most_similar(x, row, ids, c) for c in (near, later))
        rng = random.Random(story["story"])
        drawn = rng.sample(near, min(RANDOM_DISTRACTORS, len(near)))
        out["alone"].append(Batch(story["story"], ids, []))
        out["+3 random"].append(Batch(story["story"], ids, drawn))
        out["+1 similar"].append(Batch(story["story"], ids, similar))
        out["+1 similar, 8-45 days"].append(Batch(story["story"], ids, similar_later))
    return out


def _most_similar(x, row: dict[str, int], ids: Sequence[str], candidates: Sequence[str]) -> list[str]:
    """The ``SIMILAR_DISTRACTORS`` candidates closest (TF-IDF cosine) to any of ``ids``."""
    if not candidates:
        return []
    sims = (x[[row[i] for i in ids]] @ x[[row[i] for i in candidates]].T).toarray().max(axis=0)
    order = sorted(range(len(candidates)), key=lambda k: (-sims[k], candidates[k]))
    return [candidates[k] for k in order[:SIMILAR_DISTRACTORS]]


def pair_counts(groups: Sequence[Sequence[str]], label: dict[str, str]) -> tuple[int, int, int]:
    """(pairs joined that belong together, pairs joined that do not, pairs that belong together
    left apart); an article with no gold story belongs with nothing."""
    group_of = {a: n for n, g in enumerate(groups) for a in g}
    ids = sorted(group_of)
    tp = fp = fn = 0
    for n, a in enumerate(ids):
        for b in ids[n + 1:]:
            same = label.get(a) is not None and label.get(a) == label.get(b)
            joined = group_of[a] == group_of[b]
            tp += same and joined
            fp += joined and not same
            fn += same and not joined
    return tp, fp, fn


def run() -> dict[str, dict[str, dict]]:
    """Scores per scenario and system."""
    from ..analyze import default_pipeline
    from ..entities.merge import EntityMergeStage
    from ..pipeline import Options
    from ..stories.duplicates import DuplicateStage
    from ..stories.grouping import GroupingConfig, StoryStage, load_scorer
    from .stories import CentroidBaseline

    stories, story_of = gold_stories()
    pool = load_pool()
    batches = make_batches(stories, pool)
    by_id = {a.id: a for a in pool}
    needed = {i for bs in batches.values() for b in bs for i in b.gold_ids + b.extra_ids}
    pipeline, options = default_pipeline(), Options(workers=1)
    analysed = {i: pipeline.process_article(by_id[i], options) for i in sorted(needed)}
    config = GroupingConfig()
    systems = {f"telaah, batch cut {config.batch_threshold:.2f}": None,
               f"telaah, corpus cut {load_scorer(config.scorer)['threshold']:.2f}": load_scorer(config.scorer)["threshold"],
               f"tf-idf centroid t={BASELINE_THRESHOLD:.2f}": "baseline"}
    results: dict[str, dict[str, dict]] = {}
    for scenario, group in batches.items():
        for system, how in systems.items():
            tp = fp = fn = whole = 0
            for b in group:
                articles = [copy.deepcopy(analysed[i]) for i in b.gold_ids + b.extra_ids]
                if how == "baseline":
                    groups = CentroidBaseline(articles).group(BASELINE_THRESHOLD)
                else:
                    corpus = Corpus(articles=articles)
                    opts = Options(workers=1, extras={} if how is None else {"story_threshold": how})
                    for stage in (DuplicateStage(), EntityMergeStage(), StoryStage()):
                        stage(corpus, opts)
                    groups = [s.articles for s in corpus.stories]
                counts = pair_counts(groups, {i: story_of.get(i) for i in b.gold_ids + b.extra_ids})
                tp, fp, fn = tp + counts[0], fp + counts[1], fn + counts[2]
                whole += any(set(b.gold_ids) <= set(g) for g in groups)
            results.setdefault(scenario, {})[system] = {
                "stories": len(group), "whole": whole, "precision": tp / (tp + fp) if tp + fp else 1.0,
                "recall": tp / (tp + fn) if tp + fn else 1.0}
    return results


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="telaah eval stories-batch", description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)
    from ..errors import TelaahError

    try:
        results = run()
    except (TelaahError, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print("each multi-article gold story as a small batch; pairs of articles in a batch")
    for scenario, systems in results.items():
        print(f"{scenario}:")
        for system, s in systems.items():
            print(f"  {system:<28} stories whole {s['whole']:>2}/{s['stories']}  pair P={s['precision']:.3f} "
                  f"R={s['recall']:.3f}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
