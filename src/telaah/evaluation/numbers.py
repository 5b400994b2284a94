"""`telaah eval numbers`: figure detection on NER UGM and normalisation on telaah's own gold.

(a) Detection. NER UGM (IndoLEM) marks QUANTITY spans in 2,343 news sentences (it has no
separate money or percent tag). The text is the tokens joined by single spaces; a system claim
covers the tokens its character span touches, its qualifier left out as NER UGM leaves it out.
Scored per span, exact (same first and last token) and overlap (one-to-one, sharing a token),
on a dev and a test part of ``nerugm.txt`` split by blocks of consecutive sentences (stand-ins
for its articles); only dev was read while writing rules. Four scorings: ``raw``; ``durations
aside`` (number + time unit removed on both sides: NER UGM tags them TIME or QUANTITY or leaves
them untagged with no rule, telaah gives many of them to the times stage); ``aligned`` (also
counts in words and vague plurals removed on both sides: NER UGM tags about a third of them,
none in whole stretches of the corpus); ``adjudicated`` (durations aside plus our decisions on
every telaah/NER UGM disagreement, ``tests/gold/nerugm_quantity_adjudication.tsv``, where NER
UGM leaves figures untagged or tags non-figures). Below each part, telaah's raw errors by kind
of figure (and how many of them our adjudication puts on NER UGM) and its boundary mismatches.
How, why and with what bias: the guidelines.

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
from ..numbers.extract import lexicon, parse_digits

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

SPLIT_BLOCK = 20  # consecutive nerugm.txt sentences taken as one pseudo-document
DEV_BLOCKS = (0, 1)  # block index mod 5 in these -> dev
TUNED_FOLD = "test.01.tsv"  # looked at before the block split existed: always dev
ADJUDICATION_PATH = GOLD_PATH.parent / "nerugm_quantity_adjudication.tsv"
TIME_UNITS = frozenset("tahun bulan pekan minggu hari jam menit detik abad dekade dasawarsa windu".split())
_EDGE_PUNCT = frozenset("()[]\"'“”‘’,.;:�")
_NUMBER_TOKEN = re.compile(r"\d")


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


def _token_offsets(tokens: list[str]) -> list[tuple[int, int]]:
    offsets, pos = [], 0
    for t in tokens:
        offsets.append((pos, pos + len(t)))
        pos += len(t) + 1
    return offsets


def system_claims(system, tokens: list[str]) -> list[tuple[tuple[int, int], NumberClaim]]:
    """The system's claims on one NER UGM sentence, each with the token span its figure covers.

    The leading qualifier ("sekitar", "lebih dari") is left out of the span, as NER UGM leaves
    it out of its QUANTITY spans; the claim keeps it.
    """
    text = " ".join(tokens)
    offsets = _token_offsets(tokens)
    qualifiers = lexicon().qualifiers
    out = []
    for c in system(text, [Sentence("ugm:s1", 0, len(text), 0)]):
        start = c.start
        low = c.text.lower()
        for q in sorted(qualifiers, key=len, reverse=True):
            if low.startswith(q + " ") and start + len(q) + 1 < c.end:
                start += len(q) + 1
                break
        covered = [i for i, (s, e) in enumerate(offsets) if s < c.end and start < e]
        if covered:
            out.append(((covered[0], covered[-1]), c))
    return out


def system_token_spans(system, tokens: list[str]) -> list[tuple[int, int]]:
    return [span for span, _ in system_claims(system, tokens)]


def _trim(span: tuple[int, int], tokens: list[str]) -> tuple[int, int]:
    """Drop brackets and stray characters at a gold span's edges ("( 30 persen )", "� 102")."""
    s, e = span
    while s < e and tokens[s] in _EDGE_PUNCT:
        s += 1
    while e > s and tokens[e] in _EDGE_PUNCT:
        e -= 1
    return s, e


def is_duration(span: tuple[int, int], tokens: list[str]) -> bool:
    """A figure counting time units ("31 tahun", "tiga bulan"): NER UGM tags these TIME or
    QUANTITY with no visible rule, and telaah leaves those after selama/dalam/lalu to the times
    stage, so the "durations aside" scoring sets them aside on both sides."""
    s, e = span
    words = [t.lower() for t in tokens[s:min(e + 2, len(tokens))]]
    return any(w in TIME_UNITS for w in words[1:3]) and any(_NUMBER_TOKEN.search(w) or w in lexicon().words
                                                             for w in words[:2])


def figure_kind(span: tuple[int, int], tokens: list[str]) -> str:
    """A coarse kind of a gold figure, for the per-kind recall breakdown."""
    words = [t.lower() for t in tokens[span[0]:span[1] + 1]]
    joined = " ".join(words)
    lex = lexicon()
    if any(w.startswith(("rp", "us$", "$")) or w in lex.currencies for w in words):
        return "money"
    if "persen" in words or "%" in joined:
        return "percent"
    if is_duration(span, tokens):
        return "duration"
    if any(w in lex.words and lex.words[w].kind == "vague" for w in words):
        return "vague"
    if any(w in lex.units and lex.units[w][1] == "measure" for w in words):
        return "measure"
    if any(_NUMBER_TOKEN.search(w) for w in words):
        return "count (digits)"
    return "count (words)"


def load_adjudication(path: Path = ADJUDICATION_PATH) -> dict[int, list[tuple[str, int, int, str]]]:
    """Our decisions on NER UGM disagreements: sentence index -> [(action, first, last, tokens)].

    ``add``: a figure under tests/gold/NUMBERS_GUIDELINES.md that NER UGM leaves untagged;
    ``remove``: a QUANTITY span that is no figure under them (a year, a date); ``ignore``: a
    span neither side is scored on. The file records the span's tokens, checked on reading.
    """
    out: dict[int, list[tuple[str, int, int]]] = {}
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "sentence\t")):
            continue
        idx, first, last, action, tokens = line.split("\t")[:5]
        out.setdefault(int(idx), []).append((action, int(first), int(last), tokens))
    return out


def ner_ugm_parts(data_dir: Path) -> dict[str, list[tuple[int, list[str], list[str]]]]:
    """nerugm.txt split into dev and test by blocks of consecutive sentences (pseudo-documents).

    NER UGM carries no document ids, but nerugm.txt keeps articles in order (about 10-15
    sentences each), so blocks of 20 sentences keep most of an article on one side. Blocks
    whose index mod 5 is 0 or 1 are dev; so is every sentence of IndoLEM fold test.01, which
    was read while the first rules were written. Everything else is test.
    """
    folder = data_dir / NER_DIR
    tuned = {" ".join(t) for t, _ in read_conll(folder / TUNED_FOLD)}
    parts: dict[str, list] = {"dev": [], "test": []}
    for i, (toks, tags) in enumerate(read_conll(folder / "nerugm.txt")):
        dev = " ".join(toks) in tuned or (i // SPLIT_BLOCK) % 5 in DEV_BLOCKS
        parts["dev" if dev else "test"].append((i, toks, tags))
    return parts


def _prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


WORD_KINDS = frozenset({"count (words)", "vague"})


def is_word_count(span: tuple[int, int], tokens: list[str]) -> bool:
    """A count written in words or a vague plural ("dua calon", "puluhan pendukung"): NER UGM
    tags about a third of them, and in whole stretches of the corpus none (see the guidelines),
    so the "aligned" scoring sets them aside on both sides."""
    return figure_kind(span, tokens) in WORD_KINDS


def _adjudicated_gold(idx, tokens, gold, pred, adjudication, durations_aside, words_aside=False):
    """Gold and system spans after the scoring conventions: returns (gold, pred)."""
    if durations_aside:
        gold = [g for g in gold if not is_duration(g, tokens)]
        pred = [p for p in pred if not is_duration(p, tokens)]
    if words_aside:
        gold = [g for g in gold if not is_word_count(g, tokens)]
        pred = [p for p in pred if not is_word_count(p, tokens)]
    for action, first, last, _ in (adjudication or {}).get(idx, ()):
        span = (first, last)
        if action == "add" and span not in gold:
            gold = gold + [span]
        elif action == "remove":
            gold = [g for g in gold if g != span]
        elif action == "ignore":
            gold = [g for g in gold if not _overlaps(g, span)]
            pred = [p for p in pred if not _overlaps(p, span)]
    return gold, pred


def boundary_kind(gold: tuple[int, int], pred: tuple[int, int], tokens: list[str]) -> str:
    """Why an overlapping pair is no exact match: which side is longer, and with what."""
    if pred[0] < gold[0] or pred[1] > gold[1]:
        if pred[0] >= gold[0] or pred[1] <= gold[1]:
            return "telaah span longer"
        return "spans cross"
    if pred[0] > gold[0]:
        first = tokens[gold[0]].lower()
        return "gold has a word before the figure" + (" (a qualifier)" if first in lexicon().qualifiers else "")
    rest = [t.lower() for t in tokens[pred[1] + 1:gold[1] + 1]]
    if any(_NUMBER_TOKEN.search(t) or t in lexicon().words for t in rest):
        return "gold joins two figures (\"4 dari 10 pasien\")"
    if rest and rest[0] in ("per", "/"):
        return "gold has a rate (\"per liter\")"
    return "gold has the longer noun phrase"


def _adjudged(adjudication, idx, span, action="add") -> bool:
    return any(a == action and _overlaps((f, l), span) for a, f, l, _ in (adjudication or {}).get(idx, ()))


def score_detection(system, sents, *, adjudication=None, durations_aside: bool = False,
                    words_aside: bool = False, categorise_with=None) -> dict:
    """Span scores (exact and one-to-one overlap) plus where the unmatched spans fall.

    ``categorise_with`` (the adjudication) splits the unmatched spans by kind into those our
    adjudication calls NER UGM's omission or mistake and those it calls telaah's."""
    n_gold = n_sys = exact = overlap = 0
    fp_tags: dict[str, int] = {}
    kinds: dict[str, list[int]] = {}
    fp_kinds: dict[str, list[int]] = {}  # kind -> [adjudged a figure NER UGM left untagged, other]
    fn_kinds: dict[str, list[int]] = {}  # kind -> [adjudged no figure, other]
    boundaries: dict[str, int] = {}
    sys_kinds: dict[str, list[int]] = {}  # kind of telaah's span -> [matched a gold span, all]
    errors = []
    for item in sents:
        idx, tokens, tags = item if len(item) == 3 else (None, *item)
        gold = [_trim(g, tokens) for g in gold_spans(tags)]
        pred = system_token_spans(system, tokens)
        gold, pred = _adjudicated_gold(idx, tokens, gold, pred, adjudication, durations_aside, words_aside)
        n_gold += len(gold)
        n_sys += len(pred)
        exact += len(set(gold) & set(pred))
        used: set[int] = set()
        for g in gold:
            kind = kinds.setdefault(figure_kind(g, tokens), [0, 0])
            kind[1] += 1
            for j, p in enumerate(pred):
                if j not in used and _overlaps(p, g):
                    used.add(j)
                    overlap += 1
                    kind[0] += 1
                    if p != g:
                        b = boundary_kind(g, p, tokens)
                        boundaries[b] = boundaries.get(b, 0) + 1
                    break
            else:
                k = figure_kind(g, tokens)
                fn_kinds.setdefault(k, [0, 0])[0 if _adjudged(categorise_with, idx, g, "remove") else 1] += 1
                errors.append({"sentence": idx, "error": "missed", "span": list(g), "kind": k,
                               "tokens": " ".join(tokens[g[0]:g[1] + 1])})
        for j, p in enumerate(pred):
            k = figure_kind(p, tokens)
            sys_kinds.setdefault(k, [0, 0])[1] += 1
            if j in used:
                sys_kinds[k][0] += 1
                continue
            hit = {t[2:] for t in tags[p[0]:p[1] + 1] if t != "O"} or {"O"}
            for t in hit:
                fp_tags[t] = fp_tags.get(t, 0) + 1
            fp_kinds.setdefault(k, [0, 0])[0 if _adjudged(categorise_with, idx, p) else 1] += 1
            errors.append({"sentence": idx, "error": "spurious", "span": list(p), "kind": k,
                           "tokens": " ".join(tokens[p[0]:p[1] + 1]), "gold_tags": sorted(hit)})
    return {"gold": n_gold, "system": n_sys,
            "exact": _prf(exact, n_sys, n_gold), "overlap": _prf(overlap, n_sys, n_gold),
            "unmatched_system_by_gold_tag": fp_tags,
            "recall_by_kind": {k: {"found": v[0], "gold": v[1]} for k, v in sorted(kinds.items())},
            "unmatched_system_by_kind": {k: {"adjudged_figure": v[0], "other": v[1]}
                                         for k, v in sorted(fp_kinds.items())},
            "unmatched_gold_by_kind": {k: {"adjudged_no_figure": v[0], "other": v[1]}
                                       for k, v in sorted(fn_kinds.items())},
            "boundary_mismatches": boundaries,
            "matched_by_kind_of_system_span": {k: {"matched": v[0], "system": v[1]}
                                               for k, v in sorted(sys_kinds.items())},
            "errors": errors}


SCORINGS = {
    "raw": {"durations_aside": False, "words_aside": False, "adjudicated": False},
    "durations aside": {"durations_aside": True, "words_aside": False, "adjudicated": False},
    "aligned": {"durations_aside": True, "words_aside": True, "adjudicated": False},
    "adjudicated": {"durations_aside": True, "words_aside": False, "adjudicated": True},
}
SCORING_NOTES = {
    "raw": "NER UGM as distributed",
    "durations aside": "number + time unit set aside on both sides (NER UGM: QUANTITY, TIME or untagged)",
    "aligned": "also counts in words and vague plurals set aside on both sides (NER UGM tags a third)",
    "adjudicated": "durations aside + our decisions on every disagreement (upper estimate)",
}


def detection(data_dir: Path) -> dict:
    """Scores of every system, part (dev/test) and scoring convention."""
    parts = ner_ugm_parts(data_dir)
    adjudication = load_adjudication()
    out = {}
    for part, sents in parts.items():
        out[part] = {"sentences": len(sents)}
        for scoring, how in SCORINGS.items():
            out[part][scoring] = {
                name: score_detection(fn, sents, adjudication=adjudication if how["adjudicated"] else None,
                                      durations_aside=how["durations_aside"], words_aside=how["words_aside"],
                                      categorise_with=adjudication)
                for name, fn in SYSTEMS.items()}
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
    right = unit_right = found = object_right = object_n = 0
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
            if "object" in g:
                object_n += 1
                object_right += (c.object or None) == (g["object"] or None)
            if not ok:
                errors.append({"figure": g["figure"], "error": "value",
                               "gold": [g["value"], g["low"], g["high"], g["approx"]],
                               "system": [c.value, c.low, c.high, c.approx], "sentence": text})
    n = len(gold)
    return {"figures": n, "found": found / n if n else 0.0, "accuracy": right / n if n else 0.0,
            "unit_accuracy": unit_right / n if n else 0.0,
            "object_figures": object_n, "object_accuracy": object_right / object_n if object_n else 0.0,
            "errors": errors}


def normalisation(split: str, gold_path: Path = GOLD_PATH) -> dict:
    gold = [g for g in load_gold(gold_path) if split == "all" or g["split"] == split]
    return {name: score_normalisation(fn, gold) for name, fn in SYSTEMS.items()}


# --- report ------------------------------------------------------------------------------------


def _counts(d: dict, a: str, b: str, a_name: str) -> str:
    items = sorted(d.items(), key=lambda kv: -(kv[1][a] + kv[1][b]))
    return ", ".join(f"{k} {v[a] + v[b]} ({v[a]} {a_name})" for k, v in items) or "-"


def _detection_lines(det: dict, verbose: bool) -> list[str]:
    lines = ["Detection scorings: " + "; ".join(f"{k} = {v}" for k, v in SCORING_NOTES.items()) + ".", ""]
    for part in ("dev", "test"):
        n = det[part]["raw"]["telaah"]["gold"]
        lines.append(f"Detection: NER UGM QUANTITY, {part} part ({det[part]['sentences']} sentences, "
                     f"{n} gold spans; {'tuned on' if part == 'dev' else 'never looked at while tuning'})")
        lines.append(f"  {'scoring':16} {'system':9} {'gold':>5} {'found':>6} {'P exact':>8} {'R exact':>8} "
                     f"{'F1 exact':>9} {'P ovl':>7} {'R ovl':>7} {'F1 ovl':>7}")
        for scoring in SCORINGS:
            for name in SYSTEMS:
                d = det[part][scoring][name]
                e, o = d["exact"], d["overlap"]
                lines.append(f"  {scoring:16} {name:9} {d['gold']:>5} {d['system']:>6} {e['precision']:>8.3f} "
                             f"{e['recall']:>8.3f} {e['f1']:>9.3f} {o['precision']:>7.3f} {o['recall']:>7.3f} "
                             f"{o['f1']:>7.3f}")
        raw = det[part]["raw"]["telaah"]
        lines.append("  telaah, raw:")
        kinds = ", ".join(f"{k} {v['matched']}/{v['system']}" for k, v in raw["matched_by_kind_of_system_span"].items())
        lines.append(f"    its figures NER UGM tags QUANTITY, by kind: {kinds}")
        lines.append("    false positives by kind (of which our adjudication finds a figure NER UGM leaves untagged): "
                     + _counts(raw["unmatched_system_by_kind"], "adjudged_figure", "other", "untagged figures"))
        lines.append("    misses by kind (of which our adjudication finds no figure): "
                     + _counts(raw["unmatched_gold_by_kind"], "adjudged_no_figure", "other", "no figure"))
        tags = ", ".join(f"{k} {v}" for k, v in sorted(raw["unmatched_system_by_gold_tag"].items(),
                                                       key=lambda kv: -kv[1]))
        lines.append(f"    false positives by the gold tag under them: {tags or '-'}")
        kinds = ", ".join(f"{k} {v['found']}/{v['gold']}" for k, v in raw["recall_by_kind"].items())
        lines.append(f"    recall by kind of gold figure: {kinds}")
        bounds = ", ".join(f"{k} {v}" for k, v in sorted(raw["boundary_mismatches"].items(), key=lambda kv: -kv[1]))
        lines.append(f"    overlapping but not exact: {bounds or '-'}")
        if verbose and part == "dev":
            lines.append("    errors (raw; dev only, so that test stays unread):")
            for e in raw["errors"]:
                lines.append("    " + json.dumps(e, ensure_ascii=False))
        lines.append("")
    return lines


def _table(det: dict | None, norm: dict, split: str, verbose: bool = False) -> str:
    lines = _detection_lines(det, verbose) if det else []
    n = norm["telaah"]["figures"]
    lines.append(f"Normalisation: tests/gold/numbers_gold.jsonl, split={split} ({n} figures)")
    lines.append(f"  {'system':10} {'found':>7} {'value+bounds+approx':>20} {'unit':>7} "
                 f"{'object (' + str(norm['telaah']['object_figures']) + ' with one)':>22}")
    for name in SYSTEMS:
        r = norm[name]
        lines.append(f"  {name:10} {r['found']:>7.3f} {r['accuracy']:>20.3f} {r['unit_accuracy']:>7.3f} "
                     f"{r['object_accuracy']:>22.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="telaah eval numbers", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="test",
                        help="which half of the normalisation gold to score (default: test)")
    parser.add_argument("--errors", action="store_true",
                        help="list telaah's detection errors (raw, NER UGM dev part only) and, "
                             "with --split dev, normalisation errors")
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
        if det:
            det = {part: {k: (v if k == "sentences" else {sys_: {kk: vv for kk, vv in r.items() if kk != "errors"}
                                                          for sys_, r in v.items()})
                          for k, v in d.items()} for part, d in det.items()}
        print(json.dumps({"detection": det, "normalisation": slim, "split": args.split}, indent=2))
    else:
        print(_table(det, norm, args.split, verbose=args.errors))
        if args.errors and args.split != "dev":
            print("(normalisation errors are listed with --split dev only, so that test stays unread)")
        elif args.errors:
            for e in norm["telaah"]["errors"]:
                print(json.dumps(e, ensure_ascii=False))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
