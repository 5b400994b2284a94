"""`telaah eval disputes`: recall of disputed figures and accuse/deny pairs on a small gold.

``tests/gold/disputes_gold.jsonl`` holds composed multi-outlet cases (marked ``"composed"``:
fictional texts written for telaah) and real pre-July-2017 IndoSum stories from the story gold.
Each case is analysed with the full pipeline; an expected dispute is found when one reported
dispute lists every expected figure (by its text), an expected conflict when one claim has the
accusation among its assertions and the denial among its denials or, for a hedged reply ("belum
yakin …", which the guidelines keep as the deny side), among its refusals to confirm. Disputes reported beyond the
expected ones are counted as false alarms (real cases with none expected measure this); so are
claims that answer no expected conflict (the gold lists accuse/deny and assert/hedge pairs, so a
claim of another kind counts here too: read them).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ..document import Article

REPO = Path(__file__).resolve().parents[3]


def gold_path() -> Path:
    return REPO / "tests" / "gold" / "disputes_gold.jsonl"


def load_cases(path: Path | None = None) -> list[dict]:
    rows = []
    with (path or gold_path()).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                row = json.loads(line)
                if not row.get("articles") and not row.get("ids"):
                    raise ValueError(f"disputes gold line {n}: a case needs articles or ids")
                rows.append(row)
    return rows


def case_articles(case: dict) -> list[Article]:
    """The case's articles: inline composed texts, or IndoSum records by id."""
    if case.get("articles"):
        return [Article(id=a["id"], text=a["text"], outlet=a.get("outlet"),
                        published=date.fromisoformat(a["published"]) if a.get("published") else None)
                for a in case["articles"]]
    from ..datasets.indosum import article_text, load_articles, published_date

    return [Article(id=r["id"], text=article_text(r), published=published_date(r), outlet=r.get("source"),
                    url=r.get("source_url")) for r in load_articles(case["ids"])]


def score_case(case: dict, corpus) -> dict:
    quotes = {q.id: q for a in corpus.articles for q in a.quotes}
    disputes = [d for s in corpus.stories for d in s.number_disputes if d.get("disputed", True)]
    conflicts = [c for s in corpus.stories for c in s.claim_conflicts]

    def has_figures(d: dict, figures: list[str]) -> bool:
        texts = [r["text"].lower() for r in d.get("reports", [])]
        return all(any(f.lower() in t or t in f.lower() for t in texts) for f in figures)

    found_d = [any(has_figures(d, e["figures"]) for d in disputes) for e in case.get("disputes", [])]
    matched = sum(1 for d in disputes if any(has_figures(d, e["figures"]) for e in case.get("disputes", [])))

    def quoted(ids: list[str], part: str) -> bool:
        return any(part.lower() in quotes[i].text.lower() for i in ids if i in quotes)

    # the gold's deny side may be a hedge ("belum yakin massa itu dari FPI", DISPUTES_GUIDELINES):
    # the dossier lists such a reply under unconfirmed, which counts
    def answers(c: dict, e: dict) -> bool:
        return quoted(c["assert"], e["accuse"]) and quoted(c["deny"] + c["unconfirmed"], e["deny"])

    found_c = [any(answers(c, e) for c in conflicts) for e in case.get("conflicts", [])]
    extra_c = sum(1 for c in conflicts if not any(answers(c, e) for e in case.get("conflicts", [])))
    return {"disputes": found_d, "conflicts": found_c, "false_disputes": len(disputes) - matched,
            "false_claims": extra_c, "reported": disputes, "claims": [c["claim"] for c in conflicts]}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="telaah eval disputes", description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=None)
    ap.add_argument("-v", "--verbose", action="store_true", help="print each case's disputes and claims")
    args = ap.parse_args(argv)
    from ..analyze import analyze_articles

    try:
        cases = load_cases(args.gold)
    except (OSError, ValueError, json.JSONDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    groups: dict[str, dict[str, int]] = {}
    for case in cases:
        try:
            articles = case_articles(case)
        except Exception as exc:  # shared data absent: skip the real cases, say so
            print(f"{case['case']}: skipped ({exc})")
            continue
        result = score_case(case, analyze_articles(articles))
        group = "composed" if case.get("kind") == "composed" else f"real, {case.get('split') or 'all'}"
        for name in (group, "all"):
            t = groups.setdefault(name, {"cases": 0, "d": 0, "d_found": 0, "c": 0, "c_found": 0, "false": 0,
                                         "reported": 0, "claims": 0, "false_claims": 0})
            t["cases"] += 1
            t["d"] += len(result["disputes"])
            t["d_found"] += sum(result["disputes"])
            t["c"] += len(result["conflicts"])
            t["c_found"] += sum(result["conflicts"])
            t["false"] += result["false_disputes"]
            t["reported"] += len(result["reported"])
            t["claims"] += len(result["claims"])
            t["false_claims"] += result["false_claims"]
        quiet = not (result["disputes"] or result["conflicts"] or result["false_disputes"] or result["false_claims"])
        if args.verbose or not quiet:
            print(f"{case['case']} ({case.get('kind')}): disputes {sum(result['disputes'])}/{len(result['disputes'])}, "
                  f"conflicts {sum(result['conflicts'])}/{len(result['conflicts'])}, "
                  f"disputes not expected {result['false_disputes']}, claims not expected {result['false_claims']}")
        if args.verbose:
            for d in result["reported"]:
                print("   dispute:", d["object"], [(r["text"], r.get("source"), r["date"]) for r in d["reports"]])
            for c in result["claims"]:
                print("   claim:", repr(c))
    rec = lambda f, n: f"{f}/{n} = {f / n:.2f}" if n else "n/a"  # noqa: E731
    print("(cases with nothing expected and nothing reported are not listed; -v lists every case)")
    for name in sorted(groups, key=lambda g: (g == "all", g)):
        t = groups[name]
        print(f"{name:<14} {t['cases']:>3} cases: dispute recall {rec(t['d_found'], t['d'])}; accuse/deny recall "
              f"{rec(t['c_found'], t['c'])}; disputes reported {t['reported']}, not expected {t['false']}; "
              f"claims reported {t['claims']}, not expected {t['false_claims']}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
