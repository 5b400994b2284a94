"""Candidate finder for hand-annotating story gold (used to build stories_test_blind.jsonl).

Independent of telaah's own grouping on purpose: a gold built from the system's clusters would
reward the system's own mistakes. It only *proposes*; every story is decided by reading.
Signals: TF-IDF cosine (plain lower-cased words) between articles within +-N days, shared
capitalised names (rare ones, so "Jakarta" and "Indonesia" do not count), and regex search.

    python scripts/find_story_candidates.py seeds --seed 6 --start 0 --count 30
    python scripts/find_story_candidates.py near ID [--k 10 --days 7]
    python scripts/find_story_candidates.py grep 'Setya Novanto|Novanto' --around ID --days 10
    python scripts/find_story_candidates.py show ID [--chars 3000]

Only pre-July-2017 articles (the corpus `load_indosum` returns) are ever loaded. Articles already
in a gold file are marked [G] (story gold) or [B] (blind set) so that they can be skipped.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "stories_gold.jsonl"
BLIND = ROOT / "tests" / "gold" / "stories_test_blind.jsonl"
NAME_RUN = re.compile(r"(?:[A-Z][\w'-]*\.?(?:\s+|$)){1,4}")
NAME_STOP = {
    "Baca", "Juga", "Dia", "Ia", "Kami", "Saya", "Kita", "Itu", "Ini", "Yang", "Dan", "Di", "Ke",
    "Dari", "Pada", "Untuk", "Dengan", "Namun", "Sementara", "Selain", "Menurut", "Senin",
    "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Mereka", "Hal", "Tak", "Tidak",
    "Sebelumnya", "Saat", "Kata", "Jadi", "Kalau", "Karena", "Sedangkan", "Adapun", "Bahkan",
}


def _ids(path: Path) -> set[str]:
    if not path.exists():
        return set()
    return {i for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
            for i in json.loads(line)["ids"]}


def crawl_day(article_id: str) -> float:
    """Days since epoch of the crawl timestamp that leads every IndoSum id."""
    return int(article_id.split("-", 1)[0]) / 86400.0


def names_of(text: str) -> set[str]:
    """Capitalised name runs that are not sentence-initial function words."""
    found = set()
    for line in text.split("\n"):
        tokens = line.split()
        for i, token in enumerate(tokens):
            if not token[:1].isupper() or token in NAME_STOP or i == 0:
                continue
            if len(token) < 3 or token.isupper() and len(token) < 3:
                continue
            found.add(token.lower())
    return found


class Corpus:
    """Pre-July IndoSum articles with TF-IDF rows and rare-name sets."""

    def __init__(self) -> None:
        sys.path.insert(0, str(ROOT / "src"))
        from telaah.evaluation.stories import load_indosum

        self.articles = load_indosum()
        self.index = {a.id: n for n, a in enumerate(self.articles)}
        self.days = np.array([crawl_day(a.id) for a in self.articles])
        texts = [f"{a.title}\n{a.text}" for a in self.articles]
        vectorizer = TfidfVectorizer(lowercase=True, token_pattern=r"(?u)\b[^\W\d_]{3,}\b",
                                     min_df=2, max_df=0.3, sublinear_tf=True)
        self.matrix = vectorizer.fit_transform(texts)
        self.names = [names_of(a.text) for a in self.articles]
        df: dict[str, int] = {}
        for name_set in self.names:
            for name in name_set:
                df[name] = df.get(name, 0) + 1
        limit = max(3, int(0.02 * len(self.articles)))
        self.names = [{n for n in s if df[n] <= limit} for s in self.names]
        self.gold = _ids(GOLD)
        self.blind = _ids(BLIND)

    def mark(self, n: int) -> str:
        article_id = self.articles[n].id
        return "[G]" if article_id in self.gold else "[B]" if article_id in self.blind else "   "

    def line(self, n: int, lead: int = 160) -> str:
        a = self.articles[n]
        day = datetime.fromtimestamp(int(a.id.split("-")[0]), timezone.utc).strftime("%m-%d")
        first = a.text.split("\n", 1)[0][:lead]
        return f"{self.mark(n)} {a.id} | {a.outlet} | crawl {day} pub {a.published}\n      {first}"

    def neighbours(self, n: int, k: int, days: float) -> list[tuple[int, float, set[str]]]:
        window = np.where(np.abs(self.days - self.days[n]) <= days)[0]
        window = window[window != n]
        if not len(window):
            return []
        sims = (self.matrix[window] @ self.matrix[n].T).toarray().ravel()
        shared = [len(self.names[n] & self.names[m]) for m in window]
        score = sims + 0.03 * np.minimum(shared, 5)
        order = np.argsort(-score)[:k]
        return [(int(window[i]), float(sims[i]), self.names[n] & self.names[int(window[i])])
                for i in order]


def show_neighbours(corpus: Corpus, n: int, k: int, days: float, compact: bool = False) -> None:
    print(corpus.line(n, 240))
    for m, sim, shared in corpus.neighbours(n, k, days):
        if compact:
            a = corpus.articles[m]
            if sim < 0.06 and not shared:
                continue
            print(f"   {sim:.2f} {corpus.mark(m)} {a.id[11:]} | {a.outlet} | {a.published}"
                  f" | {','.join(sorted(shared)[:5])}")
            continue
        print(f"   {sim:.2f} {sorted(shared)[:6]}")
        print("   " + corpus.line(m).replace("\n", "\n   "))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    seeds = sub.add_parser("seeds", help="random unlabelled articles with their neighbours")
    seeds.add_argument("--seed", type=int, default=6)
    seeds.add_argument("--start", type=int, default=0)
    seeds.add_argument("--count", type=int, default=20)
    seeds.add_argument("--k", type=int, default=4)
    seeds.add_argument("--days", type=float, default=7)
    seeds.add_argument("--compact", action="store_true", help="one line a neighbour")
    near = sub.add_parser("near", help="nearest neighbours of one article")
    near.add_argument("id")
    near.add_argument("--k", type=int, default=10)
    near.add_argument("--days", type=float, default=7)
    grep = sub.add_parser("grep", help="regex over title and text")
    grep.add_argument("pattern")
    grep.add_argument("--around", help="article id: keep only articles within --days of it")
    grep.add_argument("--days", type=float, default=10)
    show = sub.add_parser("show", help="print one article")
    show.add_argument("id")
    show.add_argument("--chars", type=int, default=2500)
    args = parser.parse_args(argv)

    corpus = Corpus()
    if args.cmd == "seeds":
        order = [n for n, a in enumerate(corpus.articles) if a.id not in corpus.gold]
        random.Random(args.seed).shuffle(order)
        for rank in range(args.start, min(args.start + args.count, len(order))):
            print(f"\n### seed #{rank}")
            show_neighbours(corpus, order[rank], args.k, args.days, args.compact)
    elif args.cmd == "near":
        show_neighbours(corpus, corpus.index[args.id], args.k, args.days)
    elif args.cmd == "grep":
        pattern = re.compile(args.pattern, re.IGNORECASE)
        centre = corpus.days[corpus.index[args.around]] if args.around else None
        for n, a in enumerate(corpus.articles):
            if centre is not None and abs(corpus.days[n] - centre) > args.days:
                continue
            hits = pattern.findall(f"{a.title}\n{a.text}")
            if hits:
                print(f"{len(hits):3d}x {corpus.line(n, 120)}")
    elif args.cmd == "show":
        a = corpus.articles[corpus.index[args.id]]
        print(corpus.line(corpus.index[args.id], 0))
        print(a.url)
        print(a.text[: args.chars])


if __name__ == "__main__":
    main()
