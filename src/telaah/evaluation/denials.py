"""`telaah eval denials`: are denials found, sentence by sentence, on text nobody tuned on?

Issue 4 asks that every denial in a story be found. The IndoSum pre-July pool has no unused
denials left, so ``tests/gold/denials_blind7.jsonl`` labels 2,564 attributed sentences of three
other news corpora in ``../shared/data`` (idner-news-2k, indonlu-nergrit, indolem-nerugm) as
``deny``, ``no`` or ``unsure``, blind to the system (``tests/gold/DENIALS_GUIDELINES.md``). Each
sentence is analysed alone, as a one-sentence article, by the pipeline's stages up to quotes;
it counts as found when one of its statements has stance ``deny``. Recall is over ``deny``
rows, precision over the sentences predicted to deny among ``deny`` and ``no`` rows;
``unsure`` rows are only counted. The baseline is the issue's cue list (membantah, menepis,
menyangkal, menolak tuduhan/klaim, "tidak benar"), with the passive forms.

The gold is standoff (keys and hashes): the sentences are read from ``../shared`` at run time
with the reader in ``scripts/build_denial_candidates.py``. The ``test`` half stays unseen:
``--errors`` lists the ``dev`` half's misses only, unless ``--split test`` is asked for.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

from ..datasets import shared_data_dir

REPO = Path(__file__).resolve().parents[3]
GOLD = REPO / "tests" / "gold" / "denials_blind7.jsonl"
BUILDER = REPO / "scripts" / "build_denial_candidates.py"
HALVES = ("dev", "test")

BASELINE_CUES = re.compile(
    r"\b(?:membantah|dibantah|menepis|ditepis|menyangkal|disangkal|"
    r"menolak\s+(?:tuduhan|klaim)|tidak\s+benar)\b", re.IGNORECASE)


def _builder():
    if not BUILDER.is_file():
        raise FileNotFoundError(f"{BUILDER} is missing (the gold's sentence reader)")
    spec = importlib.util.spec_from_file_location("build_denial_candidates", BUILDER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_rows(gold: Path = GOLD, shared: Path | None = None) -> list[dict]:
    """Gold rows with their sentence ``text``; a changed corpus (hash mismatch) is an error."""
    shared = shared or shared_data_dir()
    if shared is None:
        raise FileNotFoundError("../shared/data is absent (set TELAAH_SHARED)")
    builder = _builder()
    missing = builder.missing_files(shared)
    if missing:
        raise FileNotFoundError(f"corpus files not found: {', '.join(map(str, missing))}")
    texts = builder.texts_by_key(shared)
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        text = texts.get(row["key"])
        if text is None or builder.sha1(text) != row["sha1"]:
            raise ValueError(f"{row['key']}: sentence missing or changed in ../shared")
        row["text"] = text
    return rows


def telaah_denies(text: str) -> bool:
    """Whether the pipeline finds a statement with stance deny in the one-sentence text."""
    from .quotes import _pipeline

    predictions, _ = _pipeline({"id": "s", "text": text})
    return any(p["stance"] == "deny" for p in predictions)


def baseline_denies(text: str) -> bool:
    return bool(BASELINE_CUES.search(text))


SYSTEMS = {"telaah": telaah_denies, "cue list": baseline_denies}


def score(rows: list[dict], predictions: dict[str, list[bool]]) -> dict:
    out = {}
    for name, pred in predictions.items():
        tp = sum(1 for r, p in zip(rows, pred) if p and r["label"] == "deny")
        fp = sum(1 for r, p in zip(rows, pred) if p and r["label"] == "no")
        gold = sum(1 for r in rows if r["label"] == "deny")
        out[name] = {
            "deny_gold": gold,
            "found": tp,
            "recall": tp / gold if gold else 0.0,
            "predicted": tp + fp,
            "precision": tp / (tp + fp) if tp + fp else 0.0,
            "unsure_predicted": sum(1 for r, p in zip(rows, pred) if p and r["label"] == "unsure"),
            "unsure": sum(1 for r in rows if r["label"] == "unsure"),
        }
    return out


def _table(scores: dict[str, dict]) -> str:
    lines = []
    for part, by_system in scores.items():
        first = next(iter(by_system.values()))
        lines.append(f"[{part}] {first['deny_gold']} denials, {first['unsure']} unsure")
        lines.append(f"  {'system':<10}{'found':>10}{'recall':>9}{'predicted':>11}{'precision':>11}{'unsure→deny':>13}")
        for name, s in by_system.items():
            lines.append(f"  {name:<10}{str(s['found']) + '/' + str(s['deny_gold']):>10}{s['recall']:>9.3f}"
                         f"{s['predicted']:>11}{s['precision']:>11.3f}{s['unsure_predicted']:>13}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="telaah eval denials", description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--split", choices=("all", *HALVES), default="all",
                    help="score one half (default: each half and both together)")
    ap.add_argument("--errors", action="store_true",
                    help="list missed and spurious denials (of the dev half, unless --split test)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    try:
        rows = load_rows(args.gold)
    except (FileNotFoundError, ValueError, KeyError) as exc:
        print(f"error: cannot read the denial gold: {exc}", file=sys.stderr)
        return 2
    if args.split != "all":
        rows = [r for r in rows if r["half"] == args.split]
    predictions = {name: [system(r["text"]) for r in rows] for name, system in SYSTEMS.items()}
    parts = {"all": range(len(rows))} if args.split != "all" else {
        **{h: [i for i, r in enumerate(rows) if r["half"] == h] for h in HALVES}, "all": range(len(rows))}
    scores = {
        (args.split if args.split != "all" else part): score(
            [rows[i] for i in idx], {n: [p[i] for i in idx] for n, p in predictions.items()})
        for part, idx in parts.items()
    }
    print(json.dumps(scores, indent=2) if args.json else _table(scores))
    if args.errors:
        shown = args.split if args.split != "all" else "dev"
        print(f"\nerrors ({shown} half, telaah):")
        for r, p in zip(rows, predictions["telaah"]):
            if r["half"] != shown or r["label"] == "unsure" or p == (r["label"] == "deny"):
                continue
            kind = "MISSED" if r["label"] == "deny" else "SPURIOUS"
            note = f" [{r.get('cue')} | {r.get('denied')}]" if kind == "MISSED" else ""
            print(f"  {kind} {r['key']}{note}: {r['text']}")
    return 0
