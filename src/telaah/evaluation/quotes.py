"""`telaah eval quotes`: statement detection, speaker, direct/indirect and stance accuracy.

Scores :func:`telaah.quotes.extract_quotes` against ``tests/gold/quotes_gold.jsonl`` (see
``tests/gold/QUOTES_GUIDELINES.md``), side by side with a baseline that takes only text in
double quotation marks and the nearest preceding capitalised name. Articles are built from the
gold text with sentences from the sentence splitter and NO entity mentions, so the numbers
measure the quote stage on its own (speakers found by the capitalised-name fallback).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from ..document import Article, Sentence
from ..lang import load_table
from ..quotes import extract_quotes

GOLD = Path(__file__).resolve().parents[3] / "tests" / "gold" / "quotes_gold.jsonl"
MIN_OVERLAP = 0.5  # of the shorter span


def load_gold(path: Path = GOLD, split: str = "all") -> list[dict]:
    if not path.exists():
        raise FileNotFoundError(f"quote gold not found at {path}")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if split != "all":
        rows = [r for r in rows if r.get("split") == split]
    return rows


def make_article(article_id: str, text: str) -> Article:
    """An Article with one block per line and sentences from the project's splitter."""
    try:
        from ..text.sentences import split_block
    except ImportError:  # pragma: no cover - splitter not there yet: one sentence per line
        def split_block(t, s, e):
            return [(s, e)] if t[s:e].strip() else []
    sentences, pos = [], 0
    for k, line in enumerate(text.split("\n")):
        for s, e in split_block(text, pos, pos + len(line)):
            sentences.append(Sentence(f"{article_id}:s{len(sentences)}", s, e, k))
        pos += len(line) + 1
    return Article(id=article_id, text=text, sentences=sentences)


# ----------------------------------------------------------------------------- predictions
def _system(article: Article) -> list[dict]:
    out = []
    for q in extract_quotes(article):
        sp = q.speaker
        out.append(
            {
                "start": q.start,
                "end": q.end,
                "direct": q.direct,
                "stance": q.stance,
                "speaker_name": sp.text if sp else "",
                "speaker_spans": [(sp.start, sp.end)] + ([(sp.anaphor_start, sp.anaphor_end)] if sp and sp.anaphor_start is not None else []) if sp else [],
            }
        )
    return out


_NAME_RE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


def _baseline(article: Article) -> list[dict]:
    """Double-quoted text, speaker = nearest preceding capitalised name (not sentence-initial)."""
    text = article.text
    out = []
    for m in re.finditer(r"[\"“]([^\"“”\n]{3,}?)[\"”]", text):
        names = [n for n in _NAME_RE.finditer(text, 0, m.start()) if n.start() > 0 and text[n.start() - 2 : n.start()].strip() not in (".", "", '"', "”", "“")]
        name = names[-1] if names else None
        out.append(
            {
                "start": m.start(1),
                "end": m.end(1),
                "direct": True,
                "stance": "assert",
                "speaker_name": name.group(0) if name else "",
                "speaker_spans": [(name.start(), name.end())] if name else [],
            }
        )
    return out


# ----------------------------------------------------------------------------- scoring
def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return inter / shorter if shorter > 0 and inter > 0 else 0.0


_IGNORED = None


def _name_tokens(name: str) -> set[str]:
    global _IGNORED
    if _IGNORED is None:
        _IGNORED = {r["word"].lower() for r in load_table("speaker_words.tsv") if r["kind"] in ("title", "role", "definite", "pronoun", "pronoun_group", "stop")}
    return {w for w in re.findall(r"\w+", name.lower()) if w not in _IGNORED and len(w) > 1}


def speaker_ok(gold: dict, pred: dict) -> bool:
    if _name_tokens(gold["speaker_name"] or "") & _name_tokens(pred["speaker_name"] or ""):
        return True
    if gold.get("speaker_kind") in ("named", "group") and gold.get("speaker_start") is not None:
        g = (gold["speaker_start"], gold["speaker_end"])
        return any(_overlap(g, s) > 0 for s in pred["speaker_spans"])
    return False


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    pairs = sorted(
        ((_overlap((g["start"], g["end"]), (p["start"], p["end"])), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
        reverse=True,
    )
    used_g, used_p, out = set(), set(), []
    for ov, gi, pi in pairs:
        if ov < MIN_OVERLAP:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gold[gi], pred[pi]))
    return out


def score(rows: list[dict], system) -> dict:
    n_gold = n_pred = 0
    matched: list[tuple[dict, dict]] = []
    for row in rows:
        article = make_article(row["id"], row["text"])
        pred = system(article)
        n_gold += len(row["quotes"])
        n_pred += len(pred)
        matched.extend(match(row["quotes"], pred))
    m = len(matched)
    p = m / n_pred if n_pred else 0.0
    r = m / n_gold if n_gold else 0.0
    denials = [(g, q) for g, q in matched if g["stance"] == "deny"]
    n_deny = sum(1 for row in rows for g in row["quotes"] if g["stance"] == "deny")

    def acc(ok: int) -> float:
        return ok / m if m else 0.0

    return {
        "articles": len(rows),
        "gold": n_gold,
        "predicted": n_pred,
        "matched": m,
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "speaker": acc(sum(speaker_ok(g, q) for g, q in matched)),
        "direct": acc(sum(g["direct"] == q["direct"] for g, q in matched)),
        "stance": acc(sum(g["stance"] == q["stance"] for g, q in matched)),
        "denials_gold": n_deny,
        "denials_found": sum(1 for g, q in denials if q["stance"] == "deny"),
    }


def evaluate(split: str = "all", gold_path: Path = GOLD) -> dict:
    rows = load_gold(gold_path, split)
    return {"split": split, "telaah": score(rows, _system), "baseline": score(rows, _baseline)}


def _table(res: dict) -> str:
    t, b = res["telaah"], res["baseline"]
    lines = [
        f"quote attribution, split={res['split']}: {t['articles']} articles, {t['gold']} gold statements",
        "(articles built with sentences and no entity mentions)",
        "",
        f"{'metric':<22}{'telaah':>10}{'baseline':>10}",
    ]
    for key, label in (("precision", "statement precision"), ("recall", "statement recall"), ("f1", "statement F1"),
                       ("speaker", "speaker accuracy"), ("direct", "direct/indirect acc"), ("stance", "stance accuracy")):
        lines.append(f"{label:<22}{t[key]:>10.3f}{b[key]:>10.3f}")
    lines.append(f"{'predicted / matched':<22}{t['predicted']:>5}/{t['matched']:<4}{b['predicted']:>5}/{b['matched']:<4}")
    lines.append(f"{'denials found':<22}{t['denials_found']:>5}/{t['denials_gold']:<4}{b['denials_found']:>5}/{b['denials_gold']:<4}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="telaah eval quotes", description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--gold", type=Path, default=GOLD, help="gold JSONL (default: tests/gold/quotes_gold.jsonl)")
    args = ap.parse_args(argv)
    try:
        res = evaluate(args.split, args.gold)
    except (FileNotFoundError, json.JSONDecodeError, KeyError) as exc:
        print(f"error: cannot read the quote gold: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(res, indent=2) if args.json else _table(res))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
