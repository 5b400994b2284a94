"""telaah: what Indonesian news sources, together, actually say.

>>> from telaah import analyze_paths
>>> result = analyze_paths(["examples/"])
>>> dossier = result.dossier()
"""
from .analyze import Analysis, analyze_articles, analyze_paths, analyze_texts, default_pipeline
from .document import Article, Corpus
from .pipeline import Options, Pipeline

__version__ = "0.1.0"
__all__ = ["Analysis", "Article", "Corpus", "Options", "Pipeline", "analyze_articles",
           "analyze_paths", "analyze_texts", "default_pipeline", "__version__"]
