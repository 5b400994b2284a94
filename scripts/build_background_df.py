"""Build the background document frequencies that story grouping starts from.

A run over five articles cannot learn which words are common in Indonesian news; without a
background, every shared word of a small batch looks rare or every word looks common. This
counts, over the IndoSum dev articles crawled before 1 July 2017 (the later part is held out),
in how many articles each stemmed body term and each name term occurs, with the grouper's own
tokenisation and name terms.

    python scripts/build_background_df.py     # writes src/telaah/stories/model/background_df.tsv
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from telaah.datasets import shared_data_dir  # noqa: E402
from telaah.datasets.indosum import article_text, iter_articles  # noqa: E402
from telaah.stories.grouping import GroupingConfig, StoryGrouper  # noqa: E402

OUT = ROOT / "src" / "telaah" / "stories" / "model" / "background_df.tsv"
MIN_DF = 2


def name_df(documents: int) -> Counter:
    """Document frequencies of the grouper's name terms (``E:`` whole names, ``N:`` their words)
    over the same articles, with the entity stages run as analyze runs them: without them a
    small batch rates every shared name word rare, "Kabupaten", "BPBD" and "Ahmad" as much as
    "Sibolangit", and two landslides in two provinces join on them (session 27, probe 12)."""
    from telaah.evaluation.stories import add_entities, load_indosum

    articles = load_indosum()
    if len(articles) != documents:
        raise SystemExit(f"name terms: {len(articles)} articles, body terms: {documents}; the two readers disagree")
    add_entities(articles)
    grouper = StoryGrouper(GroupingConfig(background=False))
    df: Counter = Counter()
    for a in articles:
        df.update(set(grouper.features(a).entities))
    return df


def main() -> int:
    data = shared_data_dir()
    if data is None:
        print("../shared/data not found; set TELAAH_SHARED", file=sys.stderr)
        return 2
    grouper = StoryGrouper(GroupingConfig(background=False))
    df: Counter = Counter()
    n = 0
    for rec in iter_articles(data):
        n += 1
        df.update(set(grouper._terms(article_text(rec))))
    df.update(name_df(n))
    rows = sorted(((t, c) for t, c in df.items() if c >= MIN_DF), key=lambda x: (-x[1], x[0]))
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(f"# documents\t{n}\n# IndoSum dev, crawled before 2017-07-01; body and name (E:, N:) terms "
                 f"with df >= {MIN_DF}\n")
        fh.write("term\tdf\n")
        for t, c in rows:
            fh.write(f"{t}\t{c}\n")
    print(f"wrote {len(rows)} terms from {n} articles to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
