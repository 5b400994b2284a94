"""`telaah eval numbers`: figure detection on NER UGM and normalisation on telaah's own gold.

(a) Detection. NER UGM (IndoLEM) marks QUANTITY spans in 2,343 news sentences. The text is
the tokens joined by single spaces; a system claim covers the tokens its character span
touches. Scored per span, exact (same first and last token) and overlap (one-to-one, sharing
a token). Fold ``test.01`` is the development part (errors were looked at while writing the
rules); folds ``test.02``-``test.05`` are reported as test. What NER UGM calls QUANTITY differs
from telaah's notion in known ways (see ``tests/gold/NUMBERS_GUIDELINES.md``): it includes the
counted noun phrase in some spans and not others, sometimes marks durations ("30 tahun") and
sometimes not, and leaves many plain counts ("dua calon ketua") untagged. Those caps are in the
numbers, not corrected.

(b) Normalisation. ``tests/gold/numbers_gold.jsonl`` holds figures from IndoSum articles crawled
before 1 July 2017 (never the held-out part), annotated by hand (value, low, high, approx,
unit) under ``tests/gold/NUMBERS_GUIDELINES.md``. Each record has a ``split`` (dev/test, by
article); only ``test`` is reported unless ``--split`` says otherwise. A gold figure counts as
right when a claim overlaps it and value, low, high and approx all agree; unit is scored
separately over the same figures.

Both are shown beside a naive regex baseline: digits with separators and an optional
"ribu/juta/miliar/triliun", every match a figure, value = digits x multiplier.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

from ..datasets import shared_data_dir
from ..document import NumberClaim, Sentence
from ..numbers import extract_numbers
from ..numbers.extract import parse_digits

NER_DIR = "indolem-nerugm"
DEV_FOLDS = ("test.01.tsv",)
TEST_FOLDS = ("test.02.tsv", "test.03.tsv", "test.04.tsv", "test.05.tsv")
GOLD_PATH = Path(__file__).resolve().parents[3] / "tests" / "gold" / "numbers_gold.jsonl"

_BASELINE_RE = re.compile(r"\d+(?:[.,]\d+)*(?:\s*(ribu|juta|miliar|milyar|triliun)\b)?", re.IGNORECASE)
_BASELINE_MULT = {"ribu": 1e3, "juta": 1e6, "miliar": 1e9, "milyar": 1e9, "triliun": 1e12}


def baseline_numbers(text: str, sentences: list[Sentence]) -> list[NumberClaim]:
    """The naive regex baseline: every digit run (with separators and a multiplier) is a figure."""
    out = []
    for s in sentences:
        for m in _BASELINE_RE.finditer(text, s.start, s.end):
            digits = re.match(r"\d+(?:[.,]\d+)*", m.group()).group()
            value = parse_digits(digits)
            if value is not None and m.group(1):
                value *= _BASELINE_MULT[m.group(1).lower()]
            out.append(NumberClaim(m.start(), m.end(), m.group(), s.id, value))
    return out


SYSTEMS = {"telaah": extract_numbers, "baseline": baseline_numbers}


# --- (a) detection -----------------------------------------------------------------------------


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    sents, toks, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if toks:
                sents.append((toks, tags))
            toks, tags = [], []
            continue
        parts = line.split("\t")
        toks.append(parts[0])
        tags.append(parts[-1] if len(parts) > 1 else "O")
    if toks:
        sents.append((toks, tags))
    return sents


def gold_spans(tags: list[str], label: str = "QUANTITY") -> list[tuple[int, int]]:
    """Token spans (first, last) of ``label``; an I- after O starts a span too."""
    spans, start = [], None
    for i, tag in enumerate(tags + ["O"]):
        inside = tag.endswith("-" + label)
        if start is not None and (not inside or tag.startswith("B-")):
            spans.append((start, i - 1))
            start = None
        if inside and start is None:
            start = i
    return spans


def system_token_spans(system, tokens: list[str]) -> list[tuple[int, int]]:
    text = " ".join(tokens)
    offsets, pos = [], 0
    for t in tokens:
        offsets.append((pos, pos + len(t)))
        pos += len(t) + 1
    claims = system(text, [Sentence("ugm:s1", 0, len(text), 0)])
    spans = []
    for c in claims:
        covered = [i for i, (s, e) in enumerate(offsets) if s < c.end and c.start < e]
        if covered:
            spans.append((covered[0], covered[-1]))
    return spans


def _prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score_detection(system, sents) -> dict:
    n_gold = n_sys = exact = overlap = 0
    for tokens, tags in sents:
        gold = gold_spans(tags)
        pred = system_token_spans(system, tokens)
        n_gold += len(gold)
        n_sys += len(pred)
        exact += len(set(gold) & set(pred))
        used: set[int] = set()
        for g in gold:
            for j, p in enumerate(pred):
                if j not in used and p[0] <= g[1] and g[0] <= p[1]:
                    used.add(j)
                    overlap += 1
                    break
    return {"gold": n_gold, "system": n_sys,
            "exact": _prf(exact, n_sys, n_gold), "overlap": _prf(overlap, n_sys, n_gold)}


def detection(data_dir: Path) -> dict:
    folder = data_dir / NER_DIR
    out = {}
    for part, folds in (("dev", DEV_FOLDS), ("test", TEST_FOLDS)):
        sents = [s for f in folds for s in read_conll(folder / f)]
        out[part] = {name: score_detection(fn, sents) for name, fn in SYSTEMS.items()}
        out[part]["sentences"] = len(sents)
    return out


# --- (b) normalisation -------------------------------------------------------------------------


def load_gold(path: Path = GOLD_PATH) -> list[dict]:
    if not path.is_file():
        raise FileNotFoundError(f"normalisation gold {path} not found")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def score_normalisation(system, gold: list[dict]) -> dict:
    by_sentence: dict[str, list[dict]] = {}
    for g in gold:
        by_sentence.setdefault(g["sentence"], []).append(g)
    right = unit_right = found = 0
    errors = []
    for text, figures in by_sentence.items():
        claims = system(text, [Sentence("gold:s1", 0, len(text), 0)])
        for g in figures:
            start = g["figure_start"]
            end = start + len(g["figure"])
            hits = [c for c in claims if c.start < end and start < c.end]
            if not hits:
                errors.append({"figure": g["figure"], "error": "missed", "sentence": text})
                continue
            found += 1
            c = hits[0]
            ok = (_same(c.value, g["value"]) and _same(c.low, g["low"]) and _same(c.high, g["high"])
                  and bool(c.approx) == bool(g["approx"]))
            right += ok
            unit_right += (c.unit or None) == (g["unit"] or None)
            if not ok:
                errors.append({"figure": g["figure"], "error": "value",
                               "gold": [g["value"], g["low"], g["high"], g["approx"]],
                               "system": [c.value, c.low, c.high, c.approx], "sentence": text})
    n = len(gold)
    return {"figures": n, "found": found / n if n else 0.0, "accuracy": right / n if n else 0.0,
            "unit_accuracy": unit_right / n if n else 0.0, "errors": errors}


def normalisation(split: str, gold_path: Path = GOLD_PATH) -> dict:
    gold = [g for g in load_gold(gold_path) if split == "all" or g["split"] == split]
    return {name: score_normalisation(fn, gold) for name, fn in SYSTEMS.items()}


# --- report ------------------------------------------------------------------------------------


def _table(det: dict | None, norm: dict, split: str) -> str:
    lines = []
    if det:
        for part in ("dev", "test"):
            lines.append(f"Detection: NER UGM QUANTITY, {part} ({'test.01' if part == 'dev' else 'test.02-05'}, "
                         f"{det[part]['sentences']} sentences, {det[part]['telaah']['gold']} spans)")
            lines.append(f"  {'system':10} {'found':>6} {'P exact':>8} {'R exact':>8} {'F1 exact':>9} "
                         f"{'P ovl':>7} {'R ovl':>7} {'F1 ovl':>7}")
            for name in SYSTEMS:
                d = det[part][name]
                e, o = d["exact"], d["overlap"]
                lines.append(f"  {name:10} {d['system']:>6} {e['precision']:>8.3f} {e['recall']:>8.3f} "
                             f"{e['f1']:>9.3f} {o['precision']:>7.3f} {o['recall']:>7.3f} {o['f1']:>7.3f}")
            lines.append("")
    n = norm["telaah"]["figures"]
    lines.append(f"Normalisation: tests/gold/numbers_gold.jsonl, split={split} ({n} figures)")
    lines.append(f"  {'system':10} {'found':>7} {'value+bounds+approx':>20} {'unit':>7}")
    for name in SYSTEMS:
        r = norm[name]
        lines.append(f"  {name:10} {r['found']:>7.3f} {r['accuracy']:>20.3f} {r['unit_accuracy']:>7.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="telaah eval numbers", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="test",
                        help="which half of the normalisation gold to score (default: test)")
    parser.add_argument("--errors", action="store_true", help="list telaah's normalisation errors")
    parser.add_argument("--data", help="the shared data folder (default: $TELAAH_SHARED or ../shared/data)")
    args = parser.parse_args(argv)
    data_dir = Path(args.data) if args.data else shared_data_dir()
    det = None
    if data_dir is not None and (data_dir / NER_DIR).is_dir():
        det = detection(data_dir)
    else:
        print("note: ../shared/data/indolem-nerugm not found; detection skipped", file=sys.stderr)
    try:
        norm = normalisation(args.split)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        slim = {k: {kk: vv for kk, vv in v.items() if kk != "errors"} for k, v in norm.items()}
        print(json.dumps({"detection": det, "normalisation": slim, "split": args.split}, indent=2))
    else:
        print(_table(det, norm, args.split))
        if args.errors:
            for e in norm["telaah"]["errors"]:
                print(json.dumps(e, ensure_ascii=False))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
