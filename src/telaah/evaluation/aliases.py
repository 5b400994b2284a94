"""``telaah eval aliases``: pairwise precision and recall of entity merging on the alias gold.

Each gold pair (``tests/gold/aliases_gold.jsonl``, guidelines in ``ALIASES_GUIDELINES.md``)
becomes a tiny corpus: the two mentions in their real sentences, in one article when they
share a ``doc``, else in two, plus the antecedents named in ``context_mentions``. Merging runs
on it and the pair counts as merged when both mentions end in one entity.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from ..document import Article, Corpus, Mention, Sentence
from ..entities.merge import merge_entities

DEFAULT_GOLD = Path(__file__).resolve().parents[3] / "tests" / "gold" / "aliases_gold.jsonl"
PRECISION_TARGET = 0.98
RECALL_TARGET = 0.90


def load_gold(path: Path) -> list[dict]:
    pairs = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                pair = json.loads(line)
                pair["a"]["text"], pair["b"]["text"], bool(pair["merge"])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: not a gold pair ({exc})") from exc
            pairs.append(pair)
    return pairs


def _locate(sentence: str, text: str) -> int:
    bounded = r"(?<![\w-])" + re.escape(text) + r"(?![\w-])"
    m = re.search(bounded + r"(?! [A-Z])(?! - [a-z])", sentence) or re.search(bounded, sentence)
    if m is None:
        raise ValueError(f"mention {text!r} not found in its context {sentence!r}")
    return m.start()


class _Doc:
    """One article being assembled from context sentences."""

    def __init__(self, doc_id: str):
        self.id = doc_id
        self.sentences: list[str] = []
        self.mentions: list[tuple[int, str, str, str | None]] = []  # (sentence no, text, type, role)

    def add(self, spec: dict) -> tuple[int, str]:
        ctx = spec.get("context") or spec["text"]
        if ctx not in self.sentences:
            self.sentences.append(ctx)
        key = (self.sentences.index(ctx), spec["text"], spec.get("type", "PER"), spec.get("role"))
        if key not in self.mentions:
            self.mentions.append(key)
        return key[0], key[1]

    def build(self) -> tuple[Article, dict[tuple[int, str], int]]:
        text, starts, sents = "", [], []
        for i, s in enumerate(self.sentences):
            starts.append(len(text))
            sents.append(Sentence(f"{self.id}:s{i + 1}", len(text), len(text) + len(s), 0))
            text += s + "\n"
        art = Article(self.id, text)
        art.sentences = sents
        placed = []
        for si, mtext, mtype, role in self.mentions:
            start = starts[si] + _locate(self.sentences[si], mtext)
            placed.append((start, si, mtext, Mention(start, start + len(mtext), mtext, mtype, sents[si].id, role)))
        placed.sort(key=lambda p: p[0])
        index = {}
        for i, (_, si, mtext, m) in enumerate(placed):
            art.mentions.append(m)
            index[(si, mtext)] = i
        return art, index


def pair_corpus(pair: dict) -> tuple[Corpus, tuple[str, int], tuple[str, int]]:
    """The tiny corpus for one pair and where its two mentions ended up (article id, index)."""
    docs: dict[str, _Doc] = {}
    ends = []
    for side in ("a", "b"):
        spec = pair[side]
        doc = docs.setdefault(spec.get("doc") or side, _Doc(spec.get("doc") or side))
        for extra in spec.get("context_mentions", ()):
            doc.add(extra)
        ends.append((doc.id, doc.add(spec)))
    built = {d: doc.build() for d, doc in docs.items()}
    corpus = Corpus([built[d][0] for d in docs])
    (da, ka), (db, kb) = ends
    return corpus, (da, built[da][1][ka]), (db, built[db][1][kb])


def predict(pair: dict) -> bool:
    corpus, (da, ia), (db, ib) = pair_corpus(pair)
    merge_entities(corpus)
    ea = corpus.article(da).mentions[ia].entity
    eb = corpus.article(db).mentions[ib].entity
    return ea is not None and ea == eb


def score(pairs: list[dict]) -> dict:
    by_kind: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0, "tn": 0})
    errors = []
    for p in pairs:
        got, want = predict(p), bool(p["merge"])
        cell = ("tp" if want else "fp") if got else ("fn" if want else "tn")
        by_kind[p.get("kind", "all")][cell] += 1
        by_kind["ALL"][cell] += 1
        if cell in ("fp", "fn"):
            errors.append({"error": cell, "a": p["a"]["text"], "b": p["b"]["text"], "note": p.get("note", "")})

    def prf(c):
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        return {**c, "precision": round(p, 4), "recall": round(r, 4)}

    return {"pairs": len(pairs), "by_kind": {k: prf(v) for k, v in sorted(by_kind.items())}, "errors": errors}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="telaah eval aliases", description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="alias gold JSONL")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="test")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--errors", action="store_true", help="list the wrong pairs")
    args = ap.parse_args(argv)
    try:
        pairs = load_gold(args.gold)
    except (OSError, ValueError) as exc:
        print(f"telaah eval aliases: cannot read the gold: {exc}", file=sys.stderr)
        return 2
    if args.split != "all":
        pairs = [p for p in pairs if p.get("split") == args.split]
    result = score(pairs)
    result["split"] = args.split
    all_ = result["by_kind"].get("ALL", {"precision": 1.0, "recall": 1.0})
    result["targets"] = {"precision": PRECISION_TARGET, "recall": RECALL_TARGET,
                         "met": all_["precision"] >= PRECISION_TARGET and all_["recall"] >= RECALL_TARGET}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"alias merging on {args.gold.name} ({args.split}, {result['pairs']} pairs)")
    print(f"{'kind':24} {'tp':>4} {'fp':>4} {'fn':>4} {'tn':>4} {'prec':>7} {'rec':>7}")
    for kind, c in result["by_kind"].items():
        print(f"{kind:24} {c['tp']:4} {c['fp']:4} {c['fn']:4} {c['tn']:4} {c['precision']:7.3f} {c['recall']:7.3f}")
    print(f"targets: precision >= {PRECISION_TARGET}, recall >= {RECALL_TARGET}: "
          f"{'met' if result['targets']['met'] else 'NOT met'}")
    if args.errors:
        for e in result["errors"]:
            print(f"  {e['error']}: {e['a']!r} / {e['b']!r}  ({e['note']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
