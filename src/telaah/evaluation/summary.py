"""``telaah eval summary``: ROUGE of the story summariser on IndoSum single-article summaries.

Each IndoSum dev article is treated as a one-article story and summarised by telaah's
summariser, by lead-3 and by plain LexRank, all over the dataset's own sentence segmentation,
and scored against the human (abstractive) summary with ROUGE-1/2/L F1 (rouge-score, no
stemmer: its Porter stemmer is for English).

Only articles crawled before 1 July 2017 (id timestamp < 1498867200) are used: the later part is
held out for the project's own checks. That part is cut in two by a stable hash of the id:
``tune`` (the summariser's weights were chosen on it, ``--tune`` repeats the search) and
``check`` (never tuned on). The default report covers both, side by side.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import asdict, replace
from pathlib import Path

from ..document import Article, Corpus, Sentence, Story
from ..stories.summary import (
    DEFAULT_WEIGHTS,
    SummaryWeights,
    LEAD_FEATURES,
    content_tokens,
    lead_features,
    lexrank,
    story_candidates,
    summarize_sentences,
    tfidf_matrix,
)

HELD_OUT_FROM = 1498867200  # 2017-07-01 00:00 UTC: ids at or after this are held out
SPLITS = ("tune", "check", "all")


def shared_data_dir() -> Path:
    env = os.environ.get("TELAAH_SHARED")
    if env:
        return Path(env) / "data"
    return Path(__file__).resolve().parents[4] / "shared" / "data"


def id_timestamp(article_id: str) -> int:
    return int(article_id.split("-", 1)[0])


def split_of(article_id: str) -> str:
    """``tune`` or ``check``: a stable half of the pre-July-2017 articles."""
    return "tune" if zlib.crc32(article_id.encode("utf-8")) % 2 == 0 else "check"


def _detokenize(tokens: Sequence[str]) -> str:
    try:
        from ..datasets import indosum  # written alongside; optional here
        return indosum.detokenize(tokens)
    except (ImportError, AttributeError, TypeError):
        return " ".join(tokens)


def load_records(data_dir: Path) -> list[dict]:
    """Unique IndoSum dev records (the five folds overlap), pre-July-2017 only, in id order."""
    folder = data_dir / "indosum-dev"
    files = sorted(folder.glob("dev.0*.jsonl"))
    if not files:
        raise FileNotFoundError(f"no IndoSum dev files (dev.0*.jsonl) in {folder}")
    records: dict[str, dict] = {}
    for path in files:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    if id_timestamp(rec["id"]) < HELD_OUT_FROM:
                        records.setdefault(rec["id"], rec)
    return [records[k] for k in sorted(records)]


def record_article(rec: dict) -> tuple[Article, list[bool]]:
    """An Article over the record's detokenised text with the dataset's sentences, and the gold
    extractive label of each sentence."""
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    labels: list[bool] = []
    offset = 0
    for p_index, (para, para_labels) in enumerate(zip(rec["paragraphs"], rec["gold_labels"])):
        if p_index:
            parts.append("\n\n")
            offset += 2
        for s_index, (tokens, label) in enumerate(zip(para, para_labels)):
            if s_index:
                parts.append(" ")
                offset += 1
            text = _detokenize(tokens)
            spans.append((offset, offset + len(text), p_index))
            parts.append(text)
            offset += len(text)
            labels.append(bool(label))
    article = Article(id=rec["id"], text="".join(parts), outlet=rec.get("source"))
    article.sentences = [Sentence(f"{rec['id']}:s{i + 1}", s, e, b) for i, (s, e, b) in enumerate(spans)]
    return article, labels


def reference_text(rec: dict) -> str:
    return " ".join(_detokenize(s) for s in rec["summary"])


def ours(article: Article, k: int, weights: SummaryWeights) -> list[int]:
    corpus = Corpus(articles=[article], stories=[Story("s1", None, [article.id])])
    candidates = story_candidates(corpus, corpus.stories[0], weights)
    return summarize_sentences(candidates, k, weights)


def lead(article: Article, k: int) -> list[int]:
    return list(range(min(k, len(article.sentences))))


def plain_lexrank(article: Article, k: int) -> list[int]:
    """LexRank as published: TF-IDF cosine graph, threshold 0.1, top-k by score."""
    docs = [content_tokens(article.text, s.start, s.end) for s in article.sentences]
    mat = tfidf_matrix(docs)
    scores = lexrank(mat @ mat.T, threshold=0.1)
    return sorted(range(len(docs)), key=lambda i: (-scores[i], i))[:k]


def _summary_text(article: Article, chosen: Sequence[int]) -> str:
    # Single-article extracts are scored in document order (as lead-3 and the gold are).
    return " ".join(article.text[article.sentences[i].start:article.sentences[i].end] for i in sorted(chosen))


def systems(weights: SummaryWeights) -> dict:
    """name -> function(article, labels) -> chosen sentence indices."""
    return {
        "lead-3": lambda a, g: lead(a, 3),
        "lexrank-3": lambda a, g: plain_lexrank(a, 3),
        "telaah-3": lambda a, g: ours(a, 3, weights),
        "lead-k": lambda a, g: lead(a, max(1, sum(g))),
        "lexrank-k": lambda a, g: plain_lexrank(a, max(1, sum(g))),
        "telaah-k": lambda a, g: ours(a, max(1, sum(g)), weights),
        "oracle (gold labels)": lambda a, g: [i for i, x in enumerate(g) if x],
    }


def evaluate(records: Sequence[dict], system_fns: dict) -> dict[str, dict[str, float]]:
    """Mean ROUGE-1/2/L F1 (x100) per system."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False)
    totals = {name: {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0} for name in system_fns}
    for rec in records:
        article, labels = record_article(rec)
        ref = reference_text(rec)
        for name, fn in system_fns.items():
            result = scorer.score(ref, _summary_text(article, fn(article, labels)))
            for key in totals[name]:
                totals[name][key] += result[key].fmeasure
    n = max(1, len(records))
    return {name: {k: round(100 * v / n, 2) for k, v in t.items()} | {"articles": len(records)}
            for name, t in totals.items()}


def tune_grid() -> Iterator[SummaryWeights]:
    """The small grid ``--tune`` searches (what matters for one article: how story centrality
    and redundancy weigh against the lead score)."""
    for centrality in (0.0, 0.25, 0.5, 1.0):
        for mmr_lambda in (0.8, 0.9, 1.0):
            for max_similarity in (0.5, 0.6, 0.8):
                yield replace(DEFAULT_WEIGHTS, centrality=centrality, mmr_lambda=mmr_lambda,
                              max_similarity=max_similarity)


def tune(records: Sequence[dict]) -> tuple[SummaryWeights, dict]:
    best, best_scores = DEFAULT_WEIGHTS, None
    for weights in tune_grid():
        scores = evaluate(records, {"telaah-3": lambda a, g, w=weights: ours(a, 3, w)})["telaah-3"]
        if best_scores is None or scores["rouge1"] + scores["rouge2"] > best_scores["rouge1"] + best_scores["rouge2"]:
            best, best_scores = weights, scores
    return best, best_scores or {}


def fit_lead_model(records: Sequence[dict]) -> tuple[dict[str, float], float]:
    """Refit ``LEAD_MODEL`` (logistic regression on the gold extractive labels)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    xs, ys = [], []
    for rec in records:
        article, labels = record_article(rec)
        texts = [article.text[s.start:s.end] for s in article.sentences]
        tokens = [content_tokens(t) for t in texts]
        xs.append(lead_features(texts, tokens, [s.block for s in article.sentences]))
        ys.extend(labels)
    model = LogisticRegression(C=1.0, max_iter=2000).fit(np.vstack(xs), np.array(ys))
    return dict(zip(LEAD_FEATURES, (round(float(c), 4) for c in model.coef_[0]))), round(float(model.intercept_[0]), 4)


def format_table(results: dict[str, dict[str, dict[str, float]]]) -> str:
    splits = list(results)
    names = list(next(iter(results.values())))
    head = f"{'system':<22}" + "".join(f"  {s + ' R1':>10} {'R2':>6} {'RL':>6}" for s in splits)
    lines = [head, "-" * len(head)]
    for name in names:
        row = f"{name:<22}"
        for s in splits:
            r = results[s][name]
            row += f"  {r['rouge1']:>10.2f} {r['rouge2']:>6.2f} {r['rougeL']:>6.2f}"
        lines.append(row)
    counts = ", ".join(f"{s}: {next(iter(results[s].values()))['articles']} articles" for s in splits)
    lines.append("")
    lines.append(f"ROUGE F1 x100 vs IndoSum human summaries ({counts}); only articles crawled before "
                 "2017-07-01 (later ids are held out); weights tuned on 'tune' only.")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="telaah eval summary", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="shared data folder (default ../shared/data)")
    parser.add_argument("--split", choices=SPLITS, default=None,
                        help="report one part only (default: tune and check side by side)")
    parser.add_argument("--limit", type=int, default=None, help="use at most N articles per part")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--tune", action="store_true", help="grid-search the weights on the tune part")
    parser.add_argument("--fit", action="store_true",
                        help="refit the lead model on the tune part and print its coefficients")
    args = parser.parse_args(argv)
    data_dir = args.data or shared_data_dir()
    try:
        records = load_records(data_dir)
    except (OSError, ValueError, KeyError) as exc:
        print(f"telaah eval summary: cannot read IndoSum from {data_dir}: {exc}", file=sys.stderr)
        return 2
    if args.limit is not None and args.limit < 1:
        print("telaah eval summary: --limit must be at least 1", file=sys.stderr)
        return 2
    parts = {s: [r for r in records if s == "all" or split_of(r["id"]) == s]
             for s in ([args.split] if args.split else ["tune", "check"])}
    if args.limit:
        parts = {s: rs[: args.limit] for s, rs in parts.items()}
    if args.fit:
        coef, intercept = fit_lead_model([r for r in records if split_of(r["id"]) == "tune"])
        print(json.dumps({"LEAD_MODEL": coef, "LEAD_INTERCEPT": intercept}, indent=2))
        return 0
    weights = DEFAULT_WEIGHTS
    tuned = None
    if args.tune:
        weights, tuned = tune(parts.get("tune") or [r for r in records if split_of(r["id"]) == "tune"])
    results = {s: evaluate(rs, systems(weights)) for s, rs in parts.items()}
    if args.json:
        out = {"results": results, "weights": asdict(weights), "held_out_from_timestamp": HELD_OUT_FROM}
        if tuned is not None:
            out["tuned"] = tuned
        print(json.dumps(out, indent=2))
    else:
        if tuned is not None:
            print(f"tuned weights: {weights}")
        print(format_table(results))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
