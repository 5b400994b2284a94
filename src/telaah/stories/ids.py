"""Global ids for quotes, numbers and times, assigned once every article is processed."""
from __future__ import annotations

from ..document import Corpus
from ..pipeline import CorpusStage, Options


class IdStage(CorpusStage):
    """Number quotes q1.., numbers n1.., times t1.. across the run, in article order, and
    turn per-article links (a number inside quote i) into ids."""

    name = "ids"
    requires = ("article.quotes", "article.numbers", "article.times")
    assigns = ("quote.id", "number.id", "time.id", "number.quote")

    def __call__(self, corpus: Corpus, options: Options) -> None:
        nq = nn = nt = 0
        for a in corpus.articles:
            for q in a.quotes:
                nq += 1
                q.id = f"q{nq}"
            for n in a.numbers:
                nn += 1
                n.id = f"n{nn}"
                if n.quote_index is not None and 0 <= n.quote_index < len(a.quotes):
                    n.quote = a.quotes[n.quote_index].id
            for t in a.times:
                nt += 1
                t.id = f"t{nt}"
