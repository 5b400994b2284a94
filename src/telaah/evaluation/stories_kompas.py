"""`telaah eval stories-kompas`: an unseen check of story grouping on the IndoTimex Kompas sets.

The two IndoTimex article sets (``../shared/data/indotimex-kompas``) are Kompas "topik pilihan"
pages: 25 articles on the AirAsia QZ8501 crash (29 December 2014 to 1 January 2015) and 50 on
fuel (BBM) prices (October 2013 to January 2015, 24 of them in December 2014, in the crash's
window). The crash set is one story by our guidelines (one incident and its immediate
follow-ups), so it measures what the IndoSum golds cannot: recall on a large story that develops
over days, written by one outlet without copying itself. The fuel set is a topic, not one story,
so its articles are only scored as negatives: any of them in the crash's stories costs precision.

Nothing was tuned on these sets. IndoTimex is for evaluation only: the text is read from
``../shared`` at run time and never stored in the repository. Everything runs through
``analyze_articles``, the path ``telaah analyze`` takes.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from ..document import Article
from .times import parse_timeml, shared_data

STORY_FOLDER = "kompas_test"  # the crash set as system input (only the creation time marked)
NEGATIVE_FOLDER = "kompas_development"  # the fuel-price set
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
# the baseline's threshold as `telaah eval stories` tunes it on the IndoSum story gold; fixed here
# so this check needs no IndoSum data (re-tune and update it if that gold changes)
BASELINE_THRESHOLD = 0.26


def load_set(folder: Path, label: str) -> list[Article]:
    """The TimeML documents of ``folder`` as articles: body text, title, creation date."""
    articles = []
    for path in sorted(folder.glob("*.tml")):
        raw = path.read_bytes().decode("cp1252")
        doc = parse_timeml(raw, path.stem)
        title = _TITLE.search(raw)
        articles.append(Article(id=f"{label}-{path.stem}", text=doc.text.strip(), published=doc.dct,
                                title=title.group(1).strip() if title else None, outlet="kompas",
                                source=str(path)))
    return articles


def score(stories: Sequence[Sequence[str]], story_ids: set[str], negative_ids: set[str]) -> dict:
    """B-cubed over the crash articles (gold: one story) plus the fuel articles that joined them.

    Precision counts, for each crash article, the share of its predicted story that is crash;
    recall, the share of the crash set in its predicted story.
    """
    story_of = {aid: n for n, members in enumerate(stories) for aid in members}
    members = {n: set(m) for n, m in enumerate(stories)}
    precision = recall = 0.0
    for aid in story_ids:
        mine = members[story_of[aid]]
        scored = mine & (story_ids | negative_ids)
        precision += len(mine & story_ids) / len(scored)
        recall += len(mine & story_ids) / len(story_ids)
    n = len(story_ids)
    p, r = precision / n, recall / n
    crash_stories = {story_of[a] for a in story_ids}
    intruders = sorted(a for k in crash_stories for a in members[k] if a in negative_ids)
    sizes = sorted((len(members[k] & story_ids) for k in crash_stories), reverse=True)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "crash_stories": sizes, "intruders": intruders}


def run(root: Path) -> tuple[dict, dict, list[Article], list[list[str]]]:
    """Analyse both sets together and score the telaah stories and the TF-IDF baseline."""
    from ..analyze import analyze_articles
    from ..pipeline import Options
    from .stories import CentroidBaseline

    crash = load_set(root / STORY_FOLDER, "qz8501")
    fuel = load_set(root / NEGATIVE_FOLDER, "bbm")
    if not crash or not fuel:
        raise FileNotFoundError(f"no *.tml under {root / STORY_FOLDER} or {root / NEGATIVE_FOLDER}")
    articles = crash + fuel
    corpus = analyze_articles(articles, Options(workers=1))
    stories = [list(s.articles) for s in corpus.stories]
    crash_ids, fuel_ids = {a.id for a in crash}, {a.id for a in fuel}
    telaah = score(stories, crash_ids, fuel_ids)
    baseline = CentroidBaseline(corpus.articles).group(BASELINE_THRESHOLD)
    return telaah, score(baseline, crash_ids, fuel_ids), corpus.articles, stories


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="telaah eval stories-kompas", description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=None,
                    help="the indotimex-kompas folder (default ../shared/data/indotimex-kompas)")
    ap.add_argument("--errors", action="store_true", help="list the crash set's predicted stories")
    args = ap.parse_args(argv)
    root = args.data or shared_data() / "indotimex-kompas"
    try:
        telaah, baseline, articles, stories = run(root)
    except (FileNotFoundError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"IndoTimex Kompas: 25 QZ8501 crash articles (one story) among {len(articles) - 25} fuel-price articles")
    for name, s in (("telaah", telaah), (f"tf-idf centroid t={BASELINE_THRESHOLD:.2f}", baseline)):
        print(f"{name:<24} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}  "
              f"crash articles per story {s['crash_stories']}, fuel articles joined {len(s['intruders'])}")
    if args.errors:
        by_id = {a.id: a for a in articles}
        for n, members in enumerate(stories):
            if any(m.startswith("qz8501-") for m in members):
                print(f"story {n}:")
                for m in sorted(members, key=lambda i: (by_id[i].published, i)):
                    a = by_id[m]
                    print(f"  {a.published} {m:<28} {a.title}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
