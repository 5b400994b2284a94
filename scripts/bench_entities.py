"""Speed of entity recognition and cross-article merging together, on real IndoSum text.

A benchmark, not a test: prints tokens per second for NER, merging and both on one core, and
the model load time. Reads ../shared/data (or $TELAAH_SHARED).

    .venv/bin/python scripts/bench_entities.py [N_ARTICLES]
"""
import sys
import time
from telaah.datasets.indosum import iter_articles, article_text
from telaah.document import Article, Corpus
from telaah.pipeline import Options
from telaah.cleaning.blocks import BlockStage
from telaah.text.sentences import SentenceStage
from telaah.text.tokens import tokenize
from telaah.entities import EntityStage
from telaah.entities.merge import EntityMergeStage
from telaah.entities.recognize import load_model
arts=[]
for i,rec in enumerate(iter_articles()):
    if i>=(int(sys.argv[1]) if len(sys.argv)>1 else 300): break
    a=Article(id=rec['id'], text=article_text(rec)); BlockStage()(a,Options()); SentenceStage()(a,Options()); arts.append(a)
ntok=sum(len(tokenize(a.text,s.start,s.end)) for a in arts for s in a.sentences)
t0=time.perf_counter(); load_model(); t1=time.perf_counter()
es=EntityStage()
for a in arts: es(a,Options())
t2=time.perf_counter()
c=Corpus(articles=arts); EntityMergeStage()(c,Options()); t3=time.perf_counter()
print(f"{len(arts)} articles, {ntok} tokens; load {t1-t0:.3f}s; NER {ntok/(t2-t1):,.0f} tok/s; merge {ntok/(t3-t2):,.0f} tok/s; NER+merge {ntok/(t3-t1):,.0f} tok/s; entities {len(c.entities)}")
