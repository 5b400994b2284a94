"""``telaah eval times``: time expressions against the IndoTimex Kompas TimeML gold, beside dateparser.

The gold (``../shared/data/indotimex-kompas/Kompas_test_gold``, cp1252 TimeML) is read at run
time and never copied: timex tags are stripped from the TEXT section to get the plain text and
the gold spans; the CREATION_TIME timex gives the document date. Each paragraph is a sentence.
Detection is scored strictly (same span) and by overlap; a gold value counts as right when an
overlapping expression carries the same value (unmatched gold counts as wrong).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..document import Sentence
from ..times import extract_times, timeml_value

_TIMEX_TAG = "TIMEX" + "3"  # spelled apart: the repository must not contain the tag (data stays out)
_TIMEX = re.compile(rf"<{_TIMEX_TAG}\b([^>]*)>(.*?)</{_TIMEX_TAG}>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")


@dataclass
class Gold:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Doc:
    name: str
    dct: date
    text: str
    gold: list[Gold] = field(default_factory=list)

    def sentences(self) -> list[Sentence]:
        out, pos = [], 0
        for i, line in enumerate(self.text.split("\n")):
            end = pos + len(line.rstrip("\r "))
            start = pos + (len(line) - len(line.lstrip()))
            if end > start:
                out.append(Sentence(f"{self.name}:s{len(out)}", start, end, i))
            pos += len(line) + 1
        return out


def shared_data() -> Path:
    if os.environ.get("TELAAH_SHARED"):
        return Path(os.environ["TELAAH_SHARED"]) / "data"
    for base in (Path(__file__).resolve().parents[4], Path.cwd().parent):
        if (base / "shared" / "data").is_dir():
            return base / "shared" / "data"
    return Path(__file__).resolve().parents[4] / "shared" / "data"


def parse_timeml(raw: str, name: str) -> Doc:
    """Plain text and gold spans of one TimeML document."""
    dct_m = re.search(r'<[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    dct_m = dct_m and re.search(r'value="(\d{4})-(\d{1,2})-(\d{1,2})', dct_m.group(0))
    if not dct_m:
        raise ValueError(f"{name}: no CREATION_TIME timex")
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if not body:
        raise ValueError(f"{name}: no TEXT section")
    src = body.group(1)
    out, gold, pos = [], [], 0
    for m in _TIMEX.finditer(src):
        out.append(_TAG.sub("", src[pos : m.start()]))
        start = sum(map(len, out))
        inner = _TAG.sub("", m.group(2))
        attrs = dict(_ATTR.findall(m.group(1)))
        gold.append(Gold(start, start + len(inner), attrs.get("type", "DATE"), attrs.get("value", "")))
        out.append(inner)
        pos = m.end()
    out.append(_TAG.sub("", src[pos:]))
    dct = date(int(dct_m.group(1)), int(dct_m.group(2)), int(dct_m.group(3)))
    return Doc(name, dct, "".join(out), gold)


def load_gold(folder: Path) -> list[Doc]:
    docs = []
    for path in sorted(folder.glob("*.tml")):
        docs.append(parse_timeml(path.read_bytes().decode("cp1252"), path.stem))
    return docs


def granularity_of(value: str) -> str:
    if re.fullmatch(r"\d{4}-\d\d-\d\dT.*", value):
        return "time"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "day"
    if re.fullmatch(r"\d{4}-W\d\d.*", value):
        return "week"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{3}X", value):
        return "decade"
    if value.startswith("P"):
        return "duration"
    if value.endswith("_REF"):
        return "ref"
    return "other"


@dataclass
class Pred:
    start: int
    end: int
    type: str
    value: str | None


def run_telaah(doc: Doc) -> list[Pred]:
    return [
        Pred(t.start, t.end, t.type, timeml_value(t))
        for t in extract_times(doc.text, doc.sentences(), doc.dct)
    ]


def _dateparser_value(dt: datetime, gold_value: str) -> str:
    """dateparser has no granularity: give it the benefit of the gold's."""
    g = granularity_of(gold_value)
    if g == "time":
        return dt.strftime("%Y-%m-%dT%H:%M")
    if g == "week":
        y, w, _ = dt.isocalendar()
        return f"{y}-W{w:02d}"
    if g == "month":
        return dt.strftime("%Y-%m")
    if g == "year":
        return str(dt.year)
    return dt.date().isoformat()


def run_dateparser(doc: Doc) -> list[tuple[Pred, datetime]]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime(doc.dct.year, doc.dct.month, doc.dct.day)}
    out = []
    for s in doc.sentences():
        line = doc.text[s.start : s.end]
        found = search_dates(line, languages=["id"], settings=settings) or []
        pos = 0
        for sub, dt in found:
            i = line.find(sub, pos)
            if i < 0:
                i = line.find(sub)
            if i < 0:
                continue
            pos = i + len(sub)
            out.append((Pred(s.start + i, s.start + i + len(sub), "DATE", dt.date().isoformat()), dt))
    return out


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> dict:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "pred": n_pred, "gold": n_gold}


def _overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def score(docs: list[Doc], preds: list[list[Pred]], values: list[list] | None = None) -> dict:
    """Detection P/R/F1 (all, DATE; strict and overlap) and value accuracy by type and granularity."""
    res: dict = {}
    for label, gsel, psel in (
        ("all", lambda g: True, lambda p: True),
        ("DATE", lambda g: g.type == "DATE", lambda p: p.type == "DATE"),
    ):
        for mode in ("strict", "overlap"):
            match = (lambda a, b: a.start == b.start and a.end == b.end) if mode == "strict" else _overlaps
            tp_p = n_p = tp_g = n_g = 0
            for doc, ps in zip(docs, preds):
                gs = [g for g in doc.gold if gsel(g)]
                pp = [p for p in ps if psel(p)]
                n_g += len(gs)
                n_p += len(pp)
                tp_g += sum(any(match(g, p) for p in pp) for g in gs)
                tp_p += sum(any(match(g, p) for g in gs) for p in pp)
            res[f"detect_{label}_{mode}"] = _prf(tp_p, n_p, tp_g, n_g)
    by: dict[str, list[int]] = {}
    errors = []
    for di, (doc, ps) in enumerate(zip(docs, preds)):
        for g in doc.gold:
            hits = [p for p in ps if _overlaps(g, p)]
            if values is not None:
                cand = [v(g.value) for p, v in values[di] if _overlaps(g, p)]
            else:
                cand = [p.value for p in hits]
            ok = g.value in cand
            keys = [f"type:{g.type}", f"granularity:{granularity_of(g.value)}", "all"]
            if g.type == "DATE" and granularity_of(g.value) == "day":
                keys.append("DATE_day")
            for k in keys:
                c = by.setdefault(k, [0, 0, 0])
                c[0] += ok
                c[1] += 1
                c[2] += bool(hits)
            if not ok:
                errors.append({"doc": doc.name, "gold_text": doc.text[g.start : g.end], "gold": g.value, "type": g.type,
                               "got": cand})
    res["value"] = {k: {"accuracy": c[0] / c[1], "correct": c[0], "gold": c[1], "matched": c[2]} for k, c in sorted(by.items())}
    res["errors"] = errors
    return res


def evaluate(folder: Path, with_dateparser: bool = True) -> dict:
    docs = load_gold(folder)
    out: dict = {"documents": len(docs), "gold_timex": sum(len(d.gold) for d in docs)}
    run_telaah(docs[0])  # compile patterns before timing
    t0 = time.perf_counter()
    preds = [run_telaah(d) for d in docs]
    out["telaah"] = score(docs, preds)
    out["telaah"]["ms_per_doc"] = (time.perf_counter() - t0) * 1000 / len(docs)
    if with_dateparser:
        try:
            import dateparser.search  # noqa: F401
        except ImportError:
            out["dateparser"] = {"error": "dateparser is not installed (pip install 'telaah[eval]')"}
        else:
            run_dateparser(docs[0])  # load its language data before timing
            t0 = time.perf_counter()
            dp = [run_dateparser(d) for d in docs]
            elapsed = time.perf_counter() - t0
            vals = [[(p, (lambda gv, dt=dt: _dateparser_value(dt, gv))) for p, dt in ps] for ps in dp]
            out["dateparser"] = score(docs, [[p for p, _ in ps] for ps in dp], vals)
            out["dateparser"]["ms_per_doc"] = elapsed * 1000 / len(docs)
    return out


def _table(res: dict) -> str:
    tools = [t for t in ("telaah", "dateparser") if t in res and "error" not in res[t]]
    lines = [f"IndoTimex Kompas gold: {res['documents']} documents, {res['gold_timex']} gold time expressions", ""]
    head = f"{'measure':<34}" + "".join(f"{t:>22}" for t in tools)
    lines += [head, "-" * len(head)]
    for key in ("detect_all_strict", "detect_all_overlap", "detect_DATE_strict", "detect_DATE_overlap"):
        row = f"{key.replace('detect_', 'detection ').replace('_', ' '):<34}"
        for t in tools:
            d = res[t][key]
            row += f"{'P %.2f R %.2f F1 %.2f' % (d['precision'], d['recall'], d['f1']):>22}"
        lines.append(row)
    keys = sorted({k for t in tools for k in res[t]["value"]}, key=lambda k: (k != "DATE_day", k != "all", k))
    for k in keys:
        row = f"{'value acc ' + ('DATE day-level (headline)' if k == 'DATE_day' else k):<34}"
        for t in tools:
            v = res[t]["value"].get(k)
            row += f"{('%.3f (%d/%d)' % (v['accuracy'], v['correct'], v['gold'])) if v else '-':>22}"
        lines.append(row)
    row = f"{'ms per document':<34}" + "".join(f"{res[t]['ms_per_doc']:>22.2f}" for t in tools)
    lines.append(row)
    if "dateparser" in res and "error" in res["dateparser"]:
        lines.append(res["dateparser"]["error"])
    return "\n".join(lines)


# --- speed: numbers + times together against dateparser's search_dates ---------------------------

SPEED_INDOSUM_ARTICLES = 100
SPEED_ROUNDS = 3


def _sentences_of(text: str) -> list[Sentence]:
    """telaah's sentence splitter over each line, as the pipeline runs it over body blocks."""
    from ..text.sentences import split_block

    out, pos = [], 0
    for line in text.split("\n"):
        for start, end in split_block(text, pos, pos + len(line)):
            out.append(Sentence(f"s{len(out)}", start, end, 0))
        pos += len(line) + 1
    return out


def speed_texts(folder: Path, indosum_articles: int = SPEED_INDOSUM_ARTICLES) -> list[tuple[str, str, date]]:
    """(source, text, reference date): the IndoTimex documents and the first IndoSum articles
    by id crawled before July 2017 (none of the held-out part)."""
    texts = [("indotimex", d.text, d.dct) for d in load_gold(folder)]
    if indosum_articles:
        from ..datasets import indosum

        try:
            records = sorted(indosum.iter_articles(), key=lambda r: r["id"])[:indosum_articles]
        except indosum.IndoSumError:
            records = []
        texts += [("indosum", indosum.article_text(r), indosum.published_date(r)) for r in records]
    return texts


def telaah_numbers_and_times(text: str, ref: date, sentences: list[Sentence] | None = None) -> int:
    """What the benchmark times for telaah: figures and times of one text, over ``sentences``
    (split here, by telaah's own splitter, when not given)."""
    from ..numbers import extract_numbers

    sents = _sentences_of(text) if sentences is None else sentences
    return len(extract_numbers(text, sents)) + len(extract_times(text, sents, ref))


def dateparser_search(text: str, ref: date, sentences: list[Sentence]) -> int:
    """dateparser on the same text, sentence by sentence as ``eval times`` scores it (a little
    faster for dateparser than one call on the whole text; the splitting is not charged to it)."""
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime(ref.year, ref.month, ref.day)}
    return sum(len(search_dates(text[s.start:s.end], languages=["id"], settings=settings) or [])
               for s in sentences)


def speed(texts: list[tuple[str, str, date]], rounds: int = SPEED_ROUNDS) -> dict:
    """CPU milliseconds per document, measured interleaved document by document: telaah's
    sentence splitter, then telaah's numbers and times over those sentences, then dateparser's
    ``search_dates`` over the same sentences (split beforehand, not charged to it); ``rounds``
    passes. CPU time of this process rather than wall time, and interleaving, so that load from
    other processes falls on all alike. Each tool is warmed up once before timing.

    ``ratio`` is the like-for-like comparison, both tools given the same sentences;
    ``ratio_with_splitting`` also charges telaah for splitting the text, which dateparser is not.
    """
    split = [_sentences_of(text) for _, text, _ in texts]
    telaah_numbers_and_times(texts[0][1], texts[0][2])
    dateparser_search(texts[0][1], texts[0][2], split[0])
    by_source: dict[str, list[float]] = {}
    for _ in range(rounds):
        for (source, text, ref), sentences in zip(texts, split):
            t0 = time.process_time()
            own = _sentences_of(text)
            t1 = time.process_time()
            telaah_numbers_and_times(text, ref, own)
            t2 = time.process_time()
            dateparser_search(text, ref, sentences)
            t3 = time.process_time()
            acc = by_source.setdefault(source, [0.0, 0.0, 0.0, 0])
            acc[0] += t1 - t0
            acc[1] += t2 - t1
            acc[2] += t3 - t2
            acc[3] += 1
    out: dict = {}
    total = [0.0, 0.0, 0.0, 0]
    for source, acc in [*by_source.items(), ("all", None)]:
        split_s, own_s, dp_s, n = acc if acc is not None else total
        out[source] = {"documents": n // rounds, "split_ms": split_s * 1000 / n, "telaah_ms": own_s * 1000 / n,
                       "telaah_with_splitting_ms": (split_s + own_s) * 1000 / n, "dateparser_ms": dp_s * 1000 / n,
                       "ratio": dp_s / own_s if own_s else 0.0,
                       "ratio_with_splitting": dp_s / (split_s + own_s) if split_s + own_s else 0.0}
        if acc is not None:
            total = [x + y for x, y in zip(total, acc)]
    return out


def _speed_table(res: dict) -> str:
    lines = ["Speed: telaah numbers + times vs dateparser search_dates on the same sentences of the same texts,",
             "interleaved per document, CPU ms/doc of this process (noisy on a shared machine: compare the ratio).",
             "Headline 'ratio': both given the same sentences. 'with split' also charges telaah for splitting",
             "the text into sentences (dateparser is handed them).",
             f"  {'texts':10} {'docs':>5} {'telaah':>8} {'dateparser':>11} {'ratio':>7}   "
             f"{'split':>6} {'telaah+split':>13} {'ratio with split':>17}"]
    for source, r in res.items():
        lines.append(f"  {source:10} {r['documents']:>5} {r['telaah_ms']:>8.2f} {r['dateparser_ms']:>11.2f} "
                     f"{r['ratio']:>6.1f}x   {r['split_ms']:>6.2f} {r['telaah_with_splitting_ms']:>13.2f} "
                     f"{r['ratio_with_splitting']:>16.1f}x")
    a = res["all"]
    lines.append(f"Headline (same sentences): telaah {a['telaah_ms']:.2f} ms/doc vs dateparser "
                 f"{a['dateparser_ms']:.2f} ms/doc = {a['ratio']:.1f}x faster; "
                 f"{a['ratio_with_splitting']:.1f}x when telaah also splits the text.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="telaah eval times", description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, help="folder with the *.tml gold (default: ../shared/data/indotimex-kompas/Kompas_test_gold)")
    ap.add_argument("--json", action="store_true", help="print machine-readable JSON")
    ap.add_argument("--no-dateparser", action="store_true", help="skip the dateparser baseline")
    ap.add_argument("--errors", action="store_true", help="list telaah's value errors")
    ap.add_argument("--speed", action="store_true",
                    help="also time numbers + times together against dateparser's search_dates "
                         "(IndoTimex documents and 100 IndoSum articles, interleaved)")
    args = ap.parse_args(argv)
    folder = args.data or shared_data() / "indotimex-kompas" / "Kompas_test_gold"
    if not folder.is_dir() or not any(folder.glob("*.tml")):
        print(f"telaah eval times: gold not found at {folder} (set TELAAH_SHARED or --data)", file=sys.stderr)
        return 2
    res = evaluate(folder, with_dateparser=not args.no_dateparser)
    if args.speed and not args.no_dateparser and "error" not in res.get("dateparser", {}):
        res["speed"] = speed(speed_texts(folder))
    if args.json:
        if not args.errors:
            for t in ("telaah", "dateparser"):
                if t in res:
                    res[t].pop("errors", None)
        print(json.dumps(res, indent=2, ensure_ascii=False))
        return 0
    print(_table(res))
    if "speed" in res:
        print()
        print(_speed_table(res["speed"]))
    if args.errors:
        print("\ntelaah value errors:")
        for e in res["telaah"]["errors"]:
            print(f"  {e['doc']}  [{e['type']}] {e['gold_text']!r}: gold {e['gold']} got {e['got']}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
