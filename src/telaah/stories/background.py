"""What counts as background in a story: anything dated well before the story began.

Reports of one event recall older ones (an earlier crash, the 1997 disaster, last year's
statistics). Those dates and figures are true but are not this story's: the timeline marks such
events ``background`` and the disputed figures leave such figures out.
"""
from __future__ import annotations

from datetime import date, timedelta

from ..document import Corpus, Story

BACKGROUND_DAYS = 30  # dated this long before the story's first report: background


def story_start(corpus: Corpus, story: Story, by_id: dict | None = None) -> date | None:
    """The earliest date any of the story's articles was published (or is dated)."""
    by_id = by_id or {a.id: a for a in corpus.articles}
    return min((by_id[aid].reference_date for aid in story.articles
                if aid in by_id and by_id[aid].reference_date), default=None)


def background_cutoff(start: date | None) -> date | None:
    """Days before this one are background to a story that began on ``start``."""
    return start - timedelta(days=BACKGROUND_DAYS) if start else None
