"""Corpus to dossier dict, exactly the shape of ``dossier.schema.json`` (plus added fields)."""
from __future__ import annotations

from typing import Any

from ..document import Article, Corpus, Quote, Speaker

SCHEMA_ID = "telaah.dossier/1"


def _speaker(sp: Speaker | None) -> dict[str, Any] | None:
    if sp is None:
        return None
    return {"text": sp.text, "start": sp.start, "end": sp.end, "entity": sp.entity,
            "role": sp.role, "kind": sp.kind}


def _article(a: Article) -> dict[str, Any]:
    return {
        "id": a.id, "source": a.source, "url": a.url, "outlet": a.outlet, "credit": a.credit,
        "published": a.published.isoformat() if a.published else None,
        "published_inferred": a.published_inferred,
        "title": a.title, "dateline": a.dateline, "language": a.language,
        "text": a.text,
        "blocks": [{"start": b.start, "end": b.end, "kind": b.kind, **({"reason": b.reason} if b.reason else {})}
                   for b in a.blocks],
        "sentences": [{"id": s.id, "start": s.start, "end": s.end} for s in a.sentences],
        "duplicate_of": a.duplicate_of,
        "warnings": list(a.warnings),
    }


def _quote(a: Article, q: Quote) -> dict[str, Any]:
    return {
        "id": q.id, "article": a.id, "sentence": q.sentence, "start": q.start, "end": q.end,
        "text": q.text, "direct": q.direct, "speaker": _speaker(q.speaker),
        "cue": {"text": q.cue.text, "start": q.cue.start, "end": q.cue.end} if q.cue else None,
        "stance": q.stance, "reported_by": _speaker(q.reported_by),
    }


def to_dossier(corpus: Corpus) -> dict[str, Any]:
    """Serialise a processed corpus. Ids must have been assigned (IdStage)."""
    by_id = {a.id: a for a in corpus.articles}
    entities = []
    for e in corpus.entities:
        mentions = []
        for art_id, idx in e.mentions:
            m = by_id[art_id].mentions[idx]
            mentions.append({"article": art_id, "start": m.start, "end": m.end, "text": m.text})
        entities.append({"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                         "mentions": mentions, "roles": list(e.roles)})
    quotes, numbers, times = [], [], []
    for a in corpus.articles:
        quotes += [_quote(a, q) for q in a.quotes]
        for n in a.numbers:
            numbers.append({
                "id": n.id, "article": a.id, "sentence": n.sentence, "start": n.start, "end": n.end,
                "text": n.text, "value": n.value, "low": n.low, "high": n.high, "approx": n.approx,
                "unit": n.unit, "object": n.object, "quote": n.quote, "attributed_to": n.attributed_to,
            })
        for t in a.times:
            times.append({
                "id": t.id, "article": a.id, "sentence": t.sentence, "start": t.start, "end": t.end,
                "text": t.text, "value": _iso_value(t.value, t.granularity), "granularity": t.granularity,
                "anchor": t.anchor, "type": t.type, "corrected": t.corrected, "warnings": list(t.warnings),
                "timex": t.value,
            })
    stories = [{
        "id": s.id, "title": s.title, "articles": list(s.articles), "summary": s.summary,
        "timeline": s.timeline, "number_disputes": s.number_disputes, "claim_conflicts": s.claim_conflicts,
    } for s in corpus.stories]
    return {
        "schema": SCHEMA_ID,
        "articles": [_article(a) for a in corpus.articles],
        "entities": entities, "quotes": quotes, "numbers": numbers, "times": times,
        "stories": stories,
    }


def _iso_value(value: str | None, granularity: str | None) -> str | None:
    """The spec's ``value``: ISO 8601 at the stated granularity. A day with a TimeML part of the
    day ("2026-11-17TNI", night) or a clock time ("2026-11-18T22:30") is written as its day; the
    full TIMEX3 value stays in ``timex`` (probe 12: "2026-11-17TNI" is no ISO date)."""
    if value and granularity == "day" and len(value) > 10 and value[10] == "T":
        return value[:10]
    return value
