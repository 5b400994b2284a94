"""`telaah eval stories`: story grouping scored against the IndoSum story gold.

Grouping runs over the whole non-held-out IndoSum dev corpus (1,469 articles crawled before
1 July 2017), so the gold stories sit among all the other articles as they would in reality;
B-cubed precision, recall and F1 are then computed over the labelled articles of a gold file
(``--gold``, default ``tests/gold/stories_gold.jsonl``, whose dev and test splits are both
development data now: ``--split all`` by default). A gold over articles from July 2017 on (a
blind set) is grouped among all 3,463 articles instead; nothing is tuned on it. The plain
online TF-IDF centroid baseline runs beside it with its threshold tuned on the default gold
(pre-July articles only), and once more tuned on the scored records themselves (an oracle).
``--errors`` lists the gold stories that were split (with the features of the failed join) and
the predicted stories that merged gold stories or took unlabelled articles. ``--timing`` also
times grouping the full 3,463 articles (timing only). ``--entities`` runs the entity stages
first, as ``analyze`` does (the shipped scorer was fitted with them, ``scripts/fit_story_scorer.py
--entities``); by default grouping sees capitalised word runs.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from ..document import Article, Sentence
from ..stories.grouping import GroupingConfig, group_articles

HELD_OUT_FROM = 1498867200  # 2017-07-01T00:00:00Z: ids at or after this are held out
_URL_DATE = re.compile(r"/(20\d\d)/(\d\d)/(\d\d)/")
REPO = Path(__file__).resolve().parents[3]


def shared_data() -> Path:
    return Path(os.environ.get("TELAAH_SHARED") or REPO.parent / "shared") / "data"


def gold_path() -> Path:
    return REPO / "tests" / "gold" / "stories_gold.jsonl"


def id_timestamp(article_id: str) -> int:
    return int(article_id.split("-", 1)[0])


def _title_from_url(url: str) -> str | None:
    """IndoSum has no headlines; the URL slug is the outlet's headline, lower-cased."""
    slug = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    slug = re.sub(r"\.html?$", "", slug)
    slug = re.sub(r"^\d+[-.]", "", slug)
    words = re.split(r"[-_.]+", slug)
    return " ".join(w for w in words if w) or None


def load_indosum(include_held_out: bool = False, root: Path | None = None) -> list[Article]:
    """IndoSum dev articles as Articles: one sentence a line, one Sentence each, unique ids."""
    root = root or shared_data() / "indosum-dev"
    files = sorted(root.glob("dev.0*.jsonl"))
    if not files:
        raise FileNotFoundError(f"no IndoSum dev files (dev.0*.jsonl) under {root}")
    seen: set[str] = set()
    out = []
    for path in files:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                aid = rec["id"]
                if aid in seen or (not include_held_out and id_timestamp(aid) >= HELD_OUT_FROM):
                    continue
                seen.add(aid)
                lines = [" ".join(tokens) for para in rec["paragraphs"] for tokens in para]
                text = "\n".join(lines)
                sentences, pos = [], 0
                for n, ln in enumerate(lines, 1):
                    sentences.append(Sentence(id=f"{aid}:s{n}", start=pos, end=pos + len(ln), block=n - 1))
                    pos += len(ln) + 1
                m = _URL_DATE.search(rec.get("source_url", ""))
                if m:
                    published = date(int(m[1]), int(m[2]), int(m[3]))
                else:  # crawl time, usually 0-2 days after publication
                    published = (datetime.fromtimestamp(id_timestamp(aid), timezone.utc) + timedelta(hours=7)).date()
                out.append(Article(id=aid, text=text, source=rec.get("source_url"), url=rec.get("source_url"),
                                   title=_title_from_url(rec.get("source_url", "")), published=published,
                                   outlet=rec.get("source"), sentences=sentences, input_kind="jsonl"))
    return out


def add_entities(articles: Sequence[Article]) -> None:
    """Run the entity stages on the articles, as ``analyze`` does before grouping (about 10 ms
    an article): grouping then sees merged names instead of capitalised word runs."""
    from ..document import Corpus
    from ..entities import EntityStage
    from ..entities.merge import EntityMergeStage
    from ..pipeline import Options

    options, stage = Options(), EntityStage()
    for a in articles:
        stage(a, options)
    EntityMergeStage()(Corpus(articles=list(articles)), options)


def load_gold(path: Path | None = None) -> list[dict]:
    rows = []
    with (path or gold_path()).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                row = json.loads(line)
                if not row.get("ids"):
                    raise ValueError(f"{path}:{n}: story without ids")
                rows.append(row)
    return rows


def bcubed(predicted: Iterable[Sequence[str]], gold: Sequence[dict], split: str | None = None,
           strict: bool = False) -> dict:
    """B-cubed precision/recall/F1 over the gold articles (of ``split`` if given).

    Predicted clusters are cut down to labelled articles, so unlabelled articles that join a
    story cost nothing, and a labelled article from another gold story costs precision. With
    ``strict`` they are not cut: gold stories were checked for completeness and singletons
    against their neighbours, so an unlabelled article in a gold article's story costs
    precision too (a little harsh on the few borderline articles left unlabelled).
    """
    gold_of = {aid: row["story"] for row in gold for aid in row["ids"]}
    pred_of: dict[str, int] = {}
    full_size: dict[int, int] = {}
    for n, ids in enumerate(predicted):
        full_size[n] = len(ids)
        for aid in ids:
            if aid in gold_of:
                pred_of[aid] = n
    missing = set(gold_of) - set(pred_of)
    if missing:
        raise ValueError(f"{len(missing)} gold articles were not grouped, e.g. {sorted(missing)[0]}")
    by_pred: dict[int, list[str]] = {}
    for aid, n in pred_of.items():
        by_pred.setdefault(n, []).append(aid)
    by_gold: dict[str, list[str]] = {}
    for aid, s in gold_of.items():
        by_gold.setdefault(s, []).append(aid)
    scored = [aid for row in gold if split is None or row.get("split") == split for aid in row["ids"]]
    if not scored:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "articles": 0}
    p = r = 0.0
    for aid in scored:
        cluster = by_pred[pred_of[aid]]
        same = sum(1 for x in cluster if gold_of[x] == gold_of[aid])
        p += same / (full_size[pred_of[aid]] if strict else len(cluster))
        r += same / len(by_gold[gold_of[aid]])
    p, r = p / len(scored), r / len(scored)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "articles": len(scored)}


class CentroidBaseline:
    """Plain online TF-IDF centroid clustering, exact over all earlier stories.

    Articles (time order) join the story whose centroid is most cosine-similar if that
    similarity reaches the threshold. Lower-cased words, sublinear tf, IDF over the corpus; no
    stemming, entities, titles, or time. Precomputing the article-article similarity matrix
    makes every threshold cheap to try: cos(x, centroid) = sum of x.m over members / |sum m|.
    """

    def __init__(self, articles: Sequence[Article]):
        import numpy as np
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.articles = sorted(articles, key=lambda a: (a.published or date.max, a.id))
        texts = [a.text for a in self.articles]
        x = TfidfVectorizer(lowercase=True, sublinear_tf=True, token_pattern=r"(?u)\b[^\W\d_]{3,}\b").fit_transform(texts)
        self.sim = (x @ x.T).toarray()
        self.np = np

    def group(self, threshold: float) -> list[list[str]]:
        np, sim = self.np, self.sim
        n = len(self.articles)
        cluster_of = np.full(n, -1)
        norms2: list[float] = []
        for i in range(n):
            if i:
                dots = np.bincount(cluster_of[:i], weights=sim[i, :i], minlength=len(norms2))
                cos = dots / np.sqrt(np.asarray(norms2))
                k = int(np.argmax(cos))
                if cos[k] >= threshold:
                    cluster_of[i] = k
                    norms2[k] += 2 * dots[k] + sim[i, i]
                    continue
            cluster_of[i] = len(norms2)
            norms2.append(sim[i, i])
        groups: dict[int, list[str]] = {}
        for i, k in enumerate(cluster_of):
            groups.setdefault(int(k), []).append(self.articles[i].id)
        return list(groups.values())


def tune_baseline(baseline: CentroidBaseline, gold, grid: Iterable[float], split: str | None = "dev") -> tuple[float, dict]:
    """The threshold with the best B-cubed F1 on ``split`` (dev; or the reported split itself,
    which flatters the baseline: an oracle no real system has)."""
    best: tuple[float, dict] = (0.0, {"f1": -1.0})
    for t in grid:
        score = bcubed(baseline.group(t), gold, split)
        if score["f1"] > best[1]["f1"]:
            best = (t, score)
    return best


def timing(sizes: Sequence[int], config: GroupingConfig) -> list[tuple[int, float]]:
    """Seconds to group the first n articles (time order) of the full corpus, features included."""
    full = sorted(load_indosum(include_held_out=True), key=lambda a: (a.published or date.max, a.id))
    out = []
    for n in sizes:
        subset = full[: min(n, len(full))]
        for a in subset:  # fresh objects: no cached features between runs
            a.done.discard("stories")
        t0 = time.perf_counter()
        group_articles(subset, config)
        out.append((len(subset), time.perf_counter() - t0))
    return out


def _describe(article: Article) -> str:
    day = article.published.isoformat() if article.published else "undated"
    return f"{day} {article.outlet or '?':<14} {article.title or article.id}"


def _story_view(articles: Sequence[Article], config: GroupingConfig, grouper=None):
    """A scratch grouper holding ``articles`` as one story (document frequencies from
    ``grouper`` if given): what a later article would have been compared with."""
    from ..stories.grouping import StoryGrouper

    scratch = StoryGrouper(config)
    if grouper is not None:  # already observed there: nothing is counted twice
        scratch.df, scratch.documents, scratch._observed = grouper.df, grouper.documents, grouper._observed
    ordered = time_order_of(articles)
    for a in ordered:
        scratch.add_as(a, ordered[0].id if scratch.story_of else None)
    return scratch


def time_order_of(articles: Sequence[Article]) -> list[Article]:
    from ..stories.grouping import time_order

    return time_order(list(articles))


def grouping_errors(predicted: Sequence[Sequence[str]], gold: Sequence[dict], articles: Sequence[Article],
                    config: GroupingConfig, split: str | None = None) -> list[str]:
    """Readable grouping errors over the gold stories of ``split``.

    Splits: a gold story spread over several predicted stories, each fragment listed (date,
    outlet, title) with the scorer's features of the fragment's first article against the
    gold articles before it, seen as one story (``candidate`` says whether the inverted index
    would even have offered it). Merges: a predicted story that holds articles of several gold
    stories, or unlabelled articles beside a gold one (what strict precision counts).
    """
    from ..stories.grouping import StoryGrouper

    by_id = {a.id: a for a in articles}
    pred_of = {aid: n for n, ids in enumerate(predicted) for aid in ids}
    gold_of = {aid: row["story"] for row in gold for aid in row["ids"]}
    grouper = StoryGrouper(config)  # document frequencies as group_articles learns them
    for a in time_order_of(articles):
        grouper.observe(a)
    rows = [row for row in gold if split is None or row.get("split") == split]
    out: list[str] = []
    for row in rows:
        fragments: dict[int, list[str]] = {}
        for aid in (a.id for a in time_order_of([by_id[i] for i in row["ids"]])):
            fragments.setdefault(pred_of[aid], []).append(aid)
        if len(fragments) < 2:
            continue
        out.append(f"SPLIT {row['story']} ({row.get('split')}): {row.get('note', '')}")
        earlier: list[str] = []
        for n, (cluster, ids) in enumerate(fragments.items()):
            for aid in ids:
                out.append(f"  [{chr(65 + n)}] {_describe(by_id[aid])}")
            if earlier:
                head = by_id[ids[0]]
                scratch = _story_view([by_id[i] for i in earlier], config, grouper)
                story = scratch.clusters[0]
                v = grouper.vectors(head)
                x = grouper.pair_features(story, v)
                scratch.weights, scratch.bias, scratch.threshold = grouper.weights, grouper.bias, grouper.threshold
                score = scratch._score(story, v)
                offered = bool(set(grouper._lookup_terms(v)) & set(scratch._index))
                others = [m for m in predicted[cluster] if m not in gold_of]
                feats = " ".join(f"{k}={val:.2f}" for k, val in x.items())
                out.append(f"      vs earlier: score={score:.2f} (join >= {grouper.threshold:.2f}) "
                           f"candidate={'yes' if offered else 'NO'} {feats}")
                if others:
                    out.append(f"      its predicted story also holds {len(others)} unlabelled: "
                               + "; ".join(_describe(by_id[m]) for m in others[:3]))
            earlier.extend(ids)
    scored = {aid for row in rows for aid in row["ids"]}
    for n, ids in enumerate(predicted):
        labelled = [i for i in ids if i in gold_of]
        if not any(i in scored for i in labelled):
            continue
        stories = {gold_of[i] for i in labelled}
        unlabelled = [i for i in ids if i not in gold_of]
        if len(stories) < 2 and not unlabelled:
            continue
        kind = "MERGE" if len(stories) > 1 else "EXTRA"
        out.append(f"{kind} predicted story of {len(ids)}: gold {', '.join(sorted(stories))}"
                   + (f" + {len(unlabelled)} unlabelled" if unlabelled else ""))
        for aid in time_order_of([by_id[i] for i in ids]):
            out.append(f"  {gold_of.get(aid.id, '-'):>5} {_describe(aid)}")
    return out


def _fmt(name: str, s: dict) -> str:
    return f"{name:<34} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} (n={s['articles']})"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="telaah eval stories", description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all",
                    help="records of the gold to score (default all: dev and test are both development data)")
    ap.add_argument("--gold", type=Path, default=None,
                    help="story gold to score (default tests/gold/stories_gold.jsonl); the baseline threshold is "
                         "always tuned on the default gold")
    ap.add_argument("--baseline-threshold", type=float, default=None,
                    help="skip tuning the baseline and use this threshold")
    ap.add_argument("--timing", action="store_true", help="also time grouping 1k/2k/all 3,463 articles")
    ap.add_argument("--entities", action="store_true",
                    help="run the entity stages first, as analyze does (default: capitalised word runs)")
    ap.add_argument("--threshold", type=float, default=None, help="joining threshold instead of the model's")
    ap.add_argument("--errors", action="store_true",
                    help="list gold stories split across predicted stories (with the features that failed) and merges")
    ap.add_argument("--hand-weights", action="store_true",
                    help="score with the hand-tuned combination instead of the learned scorer")
    args = ap.parse_args(argv)
    try:
        development = load_gold()
        gold = load_gold(args.gold) if args.gold else development
        # a gold over articles crawled from July 2017 on is grouped among the whole corpus
        held_out = any(id_timestamp(i) >= HELD_OUT_FROM for row in gold for i in row["ids"])
        articles = load_indosum(include_held_out=held_out)
    except (FileNotFoundError, ValueError, json.JSONDecodeError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    known = {a.id for a in articles}
    absent = sorted(i for row in gold for i in row["ids"] if i not in known)
    if absent:
        print(f"error: {len(absent)} gold articles are not in IndoSum dev, e.g. {absent[0]}", file=sys.stderr)
        return 2
    split = None if args.split == "all" else args.split
    config = GroupingConfig(scorer=None) if args.hand_weights else GroupingConfig()
    if args.threshold is not None:
        config = replace(config, threshold=args.threshold)
    if args.entities:
        add_entities(articles)
    predicted = group_articles(articles, config)
    plain = CentroidBaseline(articles)
    grid = [x / 100 for x in range(6, 61, 2)]
    if args.baseline_threshold is not None:
        base_t = args.baseline_threshold
    else:  # tuned on the development gold, among the articles it was drawn from
        tuning = plain if not held_out else CentroidBaseline([a for a in articles if id_timestamp(a.id) < HELD_OUT_FROM])
        base_t = tune_baseline(tuning, development, grid, None)[0]
    base_groups = plain.group(base_t)
    oracle_t, oracle = tune_baseline(plain, gold, grid, split)
    name = (args.gold or gold_path()).name
    corpus = "3,463 IndoSum dev articles (held-out part included)" if held_out else "IndoSum articles before 2017-07-01"
    print(f"corpus: {len(articles)} {corpus}; gold {name}: {len(gold)} records")
    splits = [x for x in ("dev", "test") if any(row.get("split") == x for row in gold) and args.split in (x, "all")]
    for x in [*splits, *([None] if split is None else [])]:
        print(_fmt(f"telaah ({x or 'all'})", bcubed(predicted, gold, x)))
    print(_fmt(f"tf-idf centroid t={base_t:.2f} ({args.split})", bcubed(base_groups, gold, split)))
    print(_fmt(f"tf-idf centroid t={oracle_t:.2f} tuned on {args.split}", oracle))
    print("strict (unlabelled articles in a gold article's story count against precision):")
    for x in [*splits, *([None] if split is None else [])]:
        print(_fmt(f"  telaah ({x or 'all'})", bcubed(predicted, gold, x, strict=True)))
    print(_fmt(f"  tf-idf centroid t={base_t:.2f} ({args.split})", bcubed(base_groups, gold, split, strict=True)))
    print(f"stories formed: {len(predicted)}")
    if args.errors:
        print("\ngrouping errors (split: a gold story over several predicted ones; merge/extra: a predicted story "
              "with several gold stories / unlabelled articles):")
        for line in grouping_errors(predicted, gold, articles, config, split):
            print(line)
    if args.timing:
        for n, secs in timing([1000, 2000, 3463], config):
            print(f"grouping {n:>5} articles: {secs:.2f} s")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
