"""`telaah eval ner`: PER/ORG/LOC precision, recall and F1 on the public Indonesian NER test sets.

Test sets (read from ``../shared/data`` or ``$TELAAH_SHARED``): IDNER-news-2k ``test.txt``,
NERGrit ``test_preprocess.txt`` and NER UGM fold 01 ``test.01.tsv``. The shipped model never
saw any of them (``scripts/train_ner.py`` trains on IDNER train+dev, NERGrit train+valid and
NER UGM ``train.01`` + ``dev.01``).

Label mapping onto telaah's types (``LABEL_MAP``): PERSON/PPL -> PER; PLACE/LOCATION/PLC ->
LOC; ORGANISATION/ORGANIZATION/IND -> ORG; TIME, QUANTITY, EVT, FNB -> O.

Systems compared, all scored on exact span + type:
- ``telaah``: the shipped recogniser through ``recognize()`` on the sentence text (tokens
  joined by single spaces, so telaah's own tokeniser runs; scored on character spans);
- ``baseline``: a plain CRF with standard word-shape features trained here on IDNER
  train+dev only (a few seconds);
- ``gazetteer``: longest-match tagging with the gazetteer alone.

``--speed`` measures recognition throughput (tokens/second, one process) instead.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

TYPES = ("PER", "ORG", "LOC")
LABEL_MAP = {
    "PER": "PER", "PERSON": "PER", "PPL": "PER",
    "LOC": "LOC", "PLACE": "LOC", "LOCATION": "LOC", "PLC": "LOC",
    "ORG": "ORG", "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "IND": "ORG",
}

Sentence = tuple[list[str], list[str]]  # tokens, IOB2 tags over PER/ORG/LOC


def shared_data() -> Path:
    env = os.environ.get("TELAAH_SHARED")
    if env:
        return Path(env) / "data" if (Path(env) / "data").is_dir() else Path(env)
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


def map_tag(tag: str) -> str:
    """One source tag onto ``B-PER``/``I-ORG``/... or ``O`` (unknown types become ``O``)."""
    if tag in ("O", ""):
        return "O"
    prefix, _, label = tag.partition("-")
    if not label:
        return "O"
    mapped = LABEL_MAP.get(label.upper())
    if mapped is None or prefix not in ("B", "I"):
        return "O"
    return f"{prefix}-{mapped}"


def fix_iob(tags: list[str]) -> list[str]:
    """IOB1-style I- after O (or after another type) becomes B-."""
    out = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def read_conll(path: Path) -> list[Sentence]:
    """Blank-line separated ``token [POS] tag`` files (space or tab separated, CRLF tolerated)."""
    sents: list[Sentence] = []
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if not line.strip():
                if toks:
                    sents.append((toks, fix_iob(tags)))
                toks, tags = [], []
                continue
            parts = line.split("\t") if "\t" in line else line.split(" ")
            if len(parts) < 2:
                continue
            toks.append(parts[0])
            tags.append(map_tag(parts[-1].strip()))
    if toks:
        sents.append((toks, fix_iob(tags)))
    return sents


DATASETS = {
    "idner-train": "idner-news-2k/train.txt",
    "idner-dev": "idner-news-2k/dev.txt",
    "idner-test": "idner-news-2k/test.txt",
    "nergrit-train": "indonlu-nergrit/train_preprocess.txt",
    "nergrit-dev": "indonlu-nergrit/valid_preprocess.txt",
    "nergrit-test": "indonlu-nergrit/test_preprocess.txt",
    "nerugm-train": "indolem-nerugm/train.01.tsv",
    "nerugm-dev": "indolem-nerugm/dev.01.tsv",
    "nerugm-test": "indolem-nerugm/test.01.tsv",
}
TEST_SETS = ("idner-test", "nergrit-test", "nerugm-test")


def load(name: str, root: Path | None = None) -> list[Sentence]:
    root = root or shared_data()
    path = root / DATASETS[name]
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: set TELAAH_SHARED or put shared/data beside the repo")
    return read_conll(path)


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start token, end token exclusive, type) of each entity in IOB2 ``tags``."""
    out = set()
    start, typ = None, None
    for i, t in enumerate([*tags, "O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != typ):
            if start is not None:
                out.add((start, i, typ))
                start, typ = None, None
            if t != "O":
                start, typ = i, t[2:]
    return out


class Scores:
    def __init__(self) -> None:
        self.tp = dict.fromkeys(TYPES, 0)
        self.fp = dict.fromkeys(TYPES, 0)
        self.fn = dict.fromkeys(TYPES, 0)

    def add(self, gold: set, pred: set) -> None:
        for s in pred:
            (self.tp if s in gold else self.fp)[s[-1]] += 1
        for s in gold - pred:
            self.fn[s[-1]] += 1

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def prf(self, typ: str | None = None) -> tuple[float, float, float]:
        if typ:
            return self._prf(self.tp[typ], self.fp[typ], self.fn[typ])
        return self._prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))


# --- systems -------------------------------------------------------------------------------

def baseline_features(tokens: list[str]) -> list[list[str]]:
    """Standard CRF word-shape features (the classic CoNLL recipe), no external knowledge."""
    from ..entities.features import short_shape

    def one(w: str, p: str) -> list[str]:
        return [f"{p}lw={w.lower()}", f"{p}title={w.istitle()}", f"{p}upper={w.isupper()}",
                f"{p}sh={short_shape(w)}"]

    out = []
    for i, w in enumerate(tokens):
        f = ["bias", "w=" + w.lower(), "s3=" + w[-3:], "s2=" + w[-2:], "p3=" + w[:3],
             f"title={w.istitle()}", f"upper={w.isupper()}", f"digit={w.isdigit()}",
             "sh=" + short_shape(w)]
        f += one(tokens[i - 1], "-1:") if i > 0 else ["BOS"]
        f += one(tokens[i + 1], "+1:") if i < len(tokens) - 1 else ["EOS"]
        out.append(f)
    return out


def train_crf(sents: list[Sentence], featurize, path: str, c1: float = 0.05, c2: float = 0.05,
              max_iter: int = 150, min_freq: int = 0) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for toks, tags in sents:
        trainer.append(featurize(toks), tags)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iter,
                        "feature.possible_transitions": True, "feature.minfreq": min_freq})
    trainer.train(path)


def tag_with(path: str, featurize, sents: list[Sentence]) -> list[list[str]]:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return [tagger.tag(featurize(toks)) for toks, _ in sents]


def gazetteer_tagger(tokens: list[str]) -> list[str]:
    """Longest gazetteer match, one type per span (the entry's type when unambiguous)."""
    from ..entities.features import gazetteer_tags

    out = ["O"] * len(tokens)
    for i, labels in enumerate(gazetteer_tags(tokens)):
        types = sorted({lab[2:] for lab in labels if ":" not in lab})
        if not types:
            continue
        prefix = labels[0][:2]
        typ = "LOC" if "LOC" in types else types[0]
        out[i] = prefix + typ
    return fix_iob(out)


def telaah_spans(tokens: list[str]) -> tuple[set, set]:
    """Run ``recognize`` on the space-joined sentence; return (gold-offset map, predicted char spans)."""
    from ..document import Sentence as Sent
    from ..entities.recognize import recognize

    text = " ".join(tokens)
    mentions = recognize(text, [Sent("x:s0", 0, len(text), 0)])
    return {(m.start, m.end, m.type) for m in mentions}


def char_spans(tokens: list[str], token_spans: set) -> set:
    offsets = []
    pos = 0
    for t in tokens:
        offsets.append((pos, pos + len(t)))
        pos += len(t) + 1
    return {(offsets[s][0], offsets[e - 1][1], typ) for s, e, typ in token_spans}


def evaluate_all(sets: tuple[str, ...] = TEST_SETS, systems: tuple[str, ...] = ("telaah", "baseline", "gazetteer")):
    import tempfile

    results: dict[tuple[str, str], Scores] = {}
    data = {name: load(name) for name in sets}
    if "baseline" in systems:
        with tempfile.TemporaryDirectory() as tmp:
            mpath = str(Path(tmp) / "baseline.crfsuite")
            train_crf(load("idner-train") + load("idner-dev"), baseline_features, mpath, c1=0.1, c2=0.01,
                      max_iter=100)
            for name, sents in data.items():
                sc = results.setdefault((name, "baseline"), Scores())
                for (toks, gold), pred in zip(sents, tag_with(mpath, baseline_features, sents)):
                    sc.add(spans(gold), spans(pred))
    for name, sents in data.items():
        if "gazetteer" in systems:
            sc = results.setdefault((name, "gazetteer"), Scores())
            for toks, gold in sents:
                sc.add(spans(gold), spans(gazetteer_tagger(toks)))
        if "telaah" in systems:
            sc = results.setdefault((name, "telaah"), Scores())
            for toks, gold in sents:
                sc.add(char_spans(toks, spans(gold)), telaah_spans(toks))
    return results


def format_table(results: dict[tuple[str, str], Scores]) -> str:
    lines = [f"{'test set':14} {'system':10} {'type':5} {'P':>6} {'R':>6} {'F1':>6}"]
    for (name, system), sc in results.items():
        for typ in (*TYPES, None):
            p, r, f = sc.prf(typ)
            lines.append(f"{name:14} {system:10} {typ or 'micro':5} {p:6.3f} {r:6.3f} {f:6.3f}")
        lines.append("")
    return "\n".join(lines)


def speed(repeat: int = 3) -> str:
    """Tokens/second of ``recognize`` over the IDNER test sentences fed as one article."""
    from ..document import Sentence as Sent
    from ..entities import recognize as rec
    from ..text.tokens import tokenize

    t0 = time.perf_counter()
    rec.load_model()
    load_s = time.perf_counter() - t0
    sents = load("idner-test")
    text_parts, sentences, pos = [], [], 0
    for i, (toks, _) in enumerate(sents):
        s = " ".join(toks)
        sentences.append(Sent(f"x:s{i}", pos, pos + len(s), 0))
        text_parts.append(s)
        pos += len(s) + 1
    text = "\n".join(text_parts)
    ntok = sum(len(tokenize(text, s.start, s.end)) for s in sentences)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        rec.recognize(text, sentences)
        times.append(time.perf_counter() - t)
    first, best = times[0], min(times)
    return (f"model load {load_s:.3f} s; recognize: {ntok} tokens; first pass (new words) {first:.3f} s = "
            f"{ntok / first:,.0f} tokens/s; best of {repeat} (word features cached) {best:.3f} s = "
            f"{ntok / best:,.0f} tokens/s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="telaah eval ner", description=__doc__.split("\n")[0])
    ap.add_argument("--sets", nargs="*", default=list(TEST_SETS), choices=sorted(DATASETS))
    ap.add_argument("--systems", nargs="*", default=["telaah", "baseline", "gazetteer"],
                    choices=["telaah", "baseline", "gazetteer"])
    ap.add_argument("--speed", action="store_true", help="measure tokens/second instead")
    args = ap.parse_args(argv)
    try:
        if args.speed:
            print(speed())
            return 0
        print(format_table(evaluate_all(tuple(args.sets), tuple(args.systems))))
    except FileNotFoundError as exc:
        print(f"telaah eval ner: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
