"""Who said what: attributed statements with speaker, cue, content span and stance."""
from .extract import QuoteStage, extract_quotes, opening_stance

__all__ = ["QuoteStage", "extract_quotes", "opening_stance"]
