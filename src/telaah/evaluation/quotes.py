"""`telaah eval quotes`: statement detection, speaker, direct/indirect, stance and denial recall.

Scores the quote stage against a standoff gold file (default ``tests/gold/quotes_gold.jsonl``,
format in ``tests/gold/QUOTES_GUIDELINES.md``) side by side with a baseline that takes only
text in double quotation marks and the nearest preceding capitalised name. Two telaah modes:

- ``stage``: the quote stage alone on an article with sentences and NO entity mentions
  (speakers found by the capitalised-name fallback), the stage's own quality;
- ``pipeline``: the per-article stages of ``telaah analyze`` (blocks, sentences, language,
  entities, quotes) and entity merging, scored the way dossiers are checked: a statement's
  speaker is right when the quote names it by its entity's name or an alias, by the speaker
  text, or by overlapping the gold speaker span.

Timing: milliseconds of the quote stage alone per 500 words (one core, noisy on a busy machine).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from ..document import Article, Corpus, Sentence
from ..lang import load_table
from ..pipeline import Options
from ..quotes import extract_quotes

GOLD = Path(__file__).resolve().parents[3] / "tests" / "gold" / "quotes_gold.jsonl"
MIN_OVERLAP = 0.5  # of the shorter span
MODES = ("stage", "pipeline")


def load_gold(path: Path = GOLD, split: str = "all") -> list[dict]:
    """Gold rows of ``path``; ``split`` "all" keeps every row, else rows with that ``split``."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"quote gold not found at {path}")
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not isinstance(row.get("quotes"), list):
            raise ValueError(f"{path}:{n}: a gold row needs text and quotes")
        rows.append(row)
    if split != "all":
        rows = [r for r in rows if r.get("split") == split]
    return rows


def make_article(article_id: str, text: str) -> Article:
    """An Article with one block per line and sentences from the project's splitter."""
    from ..text.sentences import split_block

    sentences, pos = [], 0
    for k, line in enumerate(text.split("\n")):
        for s, e in split_block(text, pos, pos + len(line)):
            sentences.append(Sentence(f"{article_id}:s{len(sentences)}", s, e, k))
        pos += len(line) + 1
    return Article(id=article_id, text=text, sentences=sentences)


# ----------------------------------------------------------------------------- predictions
def _pred(q, names: list[str]) -> dict:
    sp = q.speaker
    return {
        "start": q.start,
        "end": q.end,
        "direct": q.direct,
        "stance": q.stance,
        "speaker_names": [n for n in names if n],
        "speaker_spans": [(sp.start, sp.end)] if sp else [],
    }


def _stage(row: dict) -> tuple[list[dict], float]:
    article = make_article(row["id"], row["text"])
    t0 = time.process_time()
    quotes = extract_quotes(article)
    spent = time.process_time() - t0
    return [_pred(q, [q.speaker.text] if q.speaker else []) for q in quotes], spent


def _pipeline(row: dict) -> tuple[list[dict], float]:
    """The article stages of ``telaah analyze`` plus entity merging, timed on the quote stage."""
    from ..analyze import article_stages
    from ..entities.merge import EntityMergeStage

    article = Article(id=row["id"], text=row["text"])
    options = Options()
    spent = 0.0
    for stage in article_stages():
        if stage.name == "quotes":
            t0 = time.process_time()
            stage(article, options)
            spent = time.process_time() - t0
            break
        stage(article, options)
    corpus = Corpus(articles=[article])
    EntityMergeStage()(corpus, options)
    entities = {e.id: e for e in corpus.entities}
    out = []
    for q in article.quotes:
        names = []
        if q.speaker is not None:
            names.append(q.speaker.text)
            e = entities.get(q.speaker.entity) if q.speaker.entity else None
            if e is not None:
                names += [e.name, *e.aliases]
        out.append(_pred(q, names))
    return out, spent


_NAME_RE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


def _baseline(row: dict) -> tuple[list[dict], float]:
    """Double-quoted text, speaker = nearest preceding capitalised name (not sentence-initial)."""
    text = row["text"]
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
                "speaker_names": [name.group(0)] if name else [],
                "speaker_spans": [(name.start(), name.end())] if name else [],
            }
        )
    return out, 0.0


SYSTEMS = {"stage": _stage, "pipeline": _pipeline, "baseline": _baseline}


# ----------------------------------------------------------------------------- scoring
def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return inter / shorter if shorter > 0 and inter > 0 else 0.0


_IGNORED = None


def _name_tokens(name: str) -> frozenset[str]:
    """Content words of a name: titles, roles, pronouns and markers dropped."""
    global _IGNORED
    if _IGNORED is None:
        _IGNORED = {r["word"].lower() for r in load_table("speaker_words.tsv")
                    if r["kind"] in ("title", "role", "definite", "pronoun", "pronoun_group", "stop")}
    return frozenset(w for w in re.findall(r"\w+", name.lower()) if w not in _IGNORED and len(w) > 1)


def speaker_ok(gold: dict, pred: dict) -> bool:
    """Right speaker: one of the predicted names (speaker text, entity name, aliases) has content
    words that contain or are contained in the gold name's ("Kamal" ~ "Kombes Ahmad Kamal"), or,
    for named and group speakers, the predicted span overlaps the gold attribution span."""
    g = _name_tokens(gold.get("speaker_name") or "")
    if g:
        for name in pred.get("speaker_names", ()):
            p = _name_tokens(name or "")
            if p and (p <= g or g <= p):
                return True
    if gold.get("speaker_kind") in ("named", "group") and gold.get("speaker_start") is not None:
        span = (gold["speaker_start"], gold["speaker_end"])
        return any(_overlap(span, s) > 0 for s in pred["speaker_spans"])
    return False


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs by content overlap (at least half of the shorter span), best first; on
    equal overlap the pair with the right speaker and stance wins (an accusation and its denial
    may share a content span: "A menuduh B …, yang dibantah B")."""
    pairs = sorted(
        ((_overlap((g["start"], g["end"]), (p["start"], p["end"])), speaker_ok(g, p), g.get("stance") == p.get("stance"), gi, pi)
         for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
        key=lambda x: (x[0], x[1], x[2], -x[3], -x[4]),
        reverse=True,
    )
    used_g, used_p, out = set(), set(), []
    for ov, _, _, gi, pi in pairs:
        if ov < MIN_OVERLAP:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gold[gi], pred[pi]))
    return out


def score(rows: list[dict], system, errors: list | None = None) -> dict:
    n_gold = n_pred = words = 0
    seconds = 0.0
    matched: list[tuple[dict, dict]] = []
    for row in rows:
        pred, spent = system(row)
        seconds += spent
        words += len(row["text"].split())
        n_gold += len(row["quotes"])
        n_pred += len(pred)
        pairs = match(row["quotes"], pred)
        matched.extend(pairs)
        if errors is not None:
            _collect_errors(row, pred, pairs, errors)
    m = len(matched)
    p = m / n_pred if n_pred else 0.0
    r = m / n_gold if n_gold else 0.0
    n_deny = sum(1 for row in rows for g in row["quotes"] if g["stance"] == "deny")

    def acc(ok: int) -> float:
        return ok / m if m else 0.0

    return {
        "articles": len(rows),
        "words": words,
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
        "denials_found": sum(1 for g, q in matched if g["stance"] == "deny" and q["stance"] == "deny"),
        "ms_per_500_words": 1000 * seconds * 500 / words if words and seconds else None,
    }


def _collect_errors(row: dict, pred: list[dict], pairs: list, errors: list) -> None:
    text = row["text"]
    got_g = {id(g) for g, _ in pairs}
    got_p = {id(p) for _, p in pairs}
    for g in row["quotes"]:
        if id(g) not in got_g:
            errors.append(("missed", row["id"], text[g["start"] : g["end"]][:90], g["speaker_name"], g["stance"]))
    for p in pred:
        if id(p) not in got_p:
            errors.append(("spurious", row["id"], text[p["start"] : p["end"]][:90], p["speaker_names"][:1], p["stance"]))
    for g, p in pairs:
        if not speaker_ok(g, p):
            errors.append(("speaker", row["id"], text[g["start"] : g["end"]][:60], g["speaker_name"], p["speaker_names"][:3]))
        if g["stance"] != p["stance"]:
            errors.append(("stance", row["id"], text[g["start"] : g["end"]][:60], g["stance"], p["stance"]))


def _timing(rows: list[dict], repeats: int = 3) -> float | None:
    """Best-of-``repeats`` ms per 500 words of the quote stage alone (articles built once)."""
    arts = [make_article(r["id"], r["text"]) for r in rows]
    words = sum(len(r["text"].split()) for r in rows)
    if not words:
        return None
    best = None
    for _ in range(repeats):
        t0 = time.process_time()
        for a in arts:
            extract_quotes(a)
        spent = time.process_time() - t0
        best = spent if best is None else min(best, spent)
    return 1000 * best * 500 / words


def evaluate(split: str = "all", gold_path: Path = GOLD, modes=("stage",), errors: list | None = None) -> dict:
    """Scores per split present in the gold (and over all of them), for each telaah mode and the baseline."""
    rows = load_gold(gold_path, split)
    splits = sorted({r.get("split") or "-" for r in rows})
    groups = {s: [r for r in rows if (r.get("split") or "-") == s] for s in splits} if len(splits) > 1 else {}
    groups[split] = rows
    out: dict = {"gold": str(gold_path), "split": split, "modes": list(modes), "scores": {}}
    for name, group in groups.items():
        res = {m: score(group, SYSTEMS[m], errors if name == split and m == modes[0] else None) for m in modes}
        res["baseline"] = score(group, _baseline)
        out["scores"][name] = res
    out["ms_per_500_words"] = _timing(rows)
    return out


_ROWS = (("precision", "statement precision"), ("recall", "statement recall"), ("f1", "statement F1"),
         ("speaker", "speaker accuracy"), ("direct", "direct/indirect acc"), ("stance", "stance accuracy"))


def _table(res: dict) -> str:
    systems = [*res["modes"], "baseline"]
    labels = {"stage": "telaah", "pipeline": "+entities", "baseline": "baseline"}
    lines = [f"quote attribution, gold {res['gold']}, split={res['split']}",
             "telaah = quote stage alone (no entity mentions); +entities = the analyze pipeline's "
             "entities, speaker by entity name/alias/span", ""]
    for name, sc in res["scores"].items():
        first = sc[systems[0]]
        lines.append(f"[{name}] {first['articles']} articles, {first['words']} words, {first['gold']} gold statements")
        lines.append(f"  {'metric':<22}" + "".join(f"{labels[s]:>12}" for s in systems))
        for key, label in _ROWS:
            lines.append(f"  {label:<22}" + "".join(f"{sc[s][key]:>12.3f}" for s in systems))
        lines.append(f"  {'predicted/matched':<22}" + "".join(f"{str(sc[s]['predicted']) + '/' + str(sc[s]['matched']):>12}" for s in systems))
        lines.append(f"  {'denials found':<22}" + "".join(f"{str(sc[s]['denials_found']) + '/' + str(sc[s]['denials_gold']):>12}" for s in systems))
        lines.append("")
    ms = res.get("ms_per_500_words")
    if ms is not None:
        lines.append(f"quote stage speed: {ms:.2f} ms CPU per 500 words (one core, best of 3, articles without mentions)")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="telaah eval quotes", description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD, help="gold JSONL (default: tests/gold/quotes_gold.jsonl)")
    ap.add_argument("--split", default="all",
                    help="score only rows with this split (dev, test, dev2, ...); 'all' (default) scores every row and each split")
    ap.add_argument("--mode", choices=(*MODES, "both"), default="both",
                    help="stage: quote stage alone; pipeline: with the analyze pipeline's entities; both (default)")
    ap.add_argument("--errors", action="store_true", help="list missed, spurious and wrongly attributed statements")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)
    modes = MODES if args.mode == "both" else (args.mode,)
    errors: list | None = [] if args.errors else None
    try:
        res = evaluate(args.split, args.gold, modes, errors)
    except (FileNotFoundError, ValueError, KeyError, TypeError) as exc:
        print(f"error: cannot read the quote gold: {exc}", file=sys.stderr)
        return 2
    if not any(sc[modes[0]]["articles"] for sc in res["scores"].values()):
        print(f"error: no gold rows with split={args.split} in {args.gold}", file=sys.stderr)
        return 2
    print(json.dumps(res, indent=2) if args.json else _table(res))
    if errors:
        print(f"\nerrors ({modes[0]}):")
        for e in errors:
            print("  " + " | ".join(str(x) for x in e))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
