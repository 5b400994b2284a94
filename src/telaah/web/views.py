"""Turn store records (dossier-shaped dicts) into what the web templates show.

Everything taken from an article reaches the page through ``markupsafe.escape`` or Jinja2's
autoescaping; annotated text is built by slicing the unchanged text at span offsets, so what is
shown is exactly what came in. Helpers that the HTML report already has (sentence anchors, the
annotation layers, block rendering for side-by-side sources) are reused from it.
"""
from __future__ import annotations

from urllib.parse import quote as _quote

from markupsafe import Markup, escape

from ..dossier.readout import contradicts, dispute_status
from ..report.html import LAYER_PRIORITY, _annotations, _article_view, anchor

SPEAKER_COLOURS = 8  # classes spk-0 … spk-7 in app.css
STANCE_LABELS = {"assert": "asserts", "accuse": "accuses", "deny": "denies", "demand": "demands",
                 "unconfirmed": "won't confirm", "other": "says"}


# --- links --------------------------------------------------------------------------------

def _seg(ident: str) -> str:
    return _quote(str(ident), safe="")


def story_url(story_id: str) -> str:
    return "/stories/" + _seg(story_id)


def article_url(article_id: str) -> str:
    return "/articles/" + _seg(article_id)


def sentence_url(article_id: str, sentence_id: str | None) -> str:
    base = article_url(article_id)
    return base + "#" + anchor("s", sentence_id) if sentence_id else base


def entity_url(key: str) -> str:
    return "/entities/" + _seg(key)


def source_label(article: dict | None, fallback: str = "") -> str:
    """The name an analyst knows a source by: its outlet, else the agency credited, else its id."""
    if not article:
        return fallback
    return article.get("outlet") or article.get("credit") or article.get("id") or fallback


def article_date(article: dict | None) -> tuple[str | None, bool]:
    """(ISO date, inferred?) of an article: the given date, else the one inferred from the text."""
    if not article:
        return None, False
    if article.get("published"):
        return str(article["published"])[:10], False
    inferred = article.get("published_inferred") or {}
    if inferred.get("value"):
        return str(inferred["value"])[:10], True
    return None, False


def entity_key(entity: dict) -> str:
    """The store's key of a dossier entity (the dossier id when the store gives no other)."""
    return entity.get("key") or entity["id"]


# --- annotated text -----------------------------------------------------------------------

class Span:
    """An interval to wrap in a tag. ``cont`` is the opening tag used when the interval had to be
    split (a sentence crossing a block), so that an ``id`` appears only once."""

    __slots__ = ("start", "end", "open", "close", "cont")

    def __init__(self, start: int, end: int, open_tag: Markup, close_tag: Markup, cont: Markup | None = None):
        self.start, self.end, self.open, self.close = start, end, open_tag, close_tag
        self.cont = cont if cont is not None else open_tag


def non_overlapping(spans: list[Span], rank) -> list[Span]:
    """Greedy choice of spans that do not overlap, best ``rank`` first, returned in text order."""
    chosen: list[Span] = []
    for s in sorted(spans, key=rank):
        if s.end > s.start and all(s.end <= c.start or s.start >= c.end for c in chosen):
            chosen.append(s)
    return sorted(chosen, key=lambda s: s.start)


def nest(text: str, start: int, end: int, layers: list[list[Span]]) -> Markup:
    """Render ``text[start:end]`` with each layer's spans as properly nested tags, outer layer
    first. Spans of an inner layer that cross an outer span's edge are split at that edge."""
    if start >= end:
        return Markup("")
    if not layers:
        return escape(text[start:end])
    first, rest = layers[0], layers[1:]
    parts, pos = [], start
    for s in first:
        a, b = max(s.start, start, pos), min(s.end, end)
        if b <= a:
            continue
        parts.append(nest(text, pos, a, rest))
        parts.append(s.open if a == s.start else s.cont)
        parts.append(nest(text, a, b, rest))
        parts.append(s.close)
        pos = b
    parts.append(nest(text, pos, end, rest))
    return Markup("").join(parts)


def _mentions_of(article: dict) -> list[dict]:
    """Entity mentions of an article record as ``{start, end, text, name, type, key}``.

    Accepts the dossier's shape (``entities[]`` each with ``mentions[]``) or a flat list."""
    out = []
    for e in article.get("entities") or []:
        for m in e.get("mentions") or []:
            if m.get("article", article["id"]) == article["id"]:
                out.append({**m, "name": e.get("name"), "type": e.get("type"), "key": entity_key(e)})
    return out or list(article.get("mentions") or [])


def speaker_name(quote: dict, entity_names: dict[str, str]) -> str:
    sp = quote.get("speaker") or {}
    if sp.get("entity") and sp["entity"] in entity_names:
        return entity_names[sp["entity"]]
    return sp.get("text") or "(unattributed)"


def article_view(art: dict) -> dict:
    """The article page: blocks with sentences (anchored), statements coloured by speaker, and
    entity, figure and date marks; plus the side lists."""
    text = art["text"]
    mentions = _mentions_of(art)
    entity_names, keys = {}, {}
    for e in art.get("entities") or []:
        entity_names[e["id"]] = e.get("name") or e["id"]
        keys[e["id"]] = entity_key(e)
    quotes = sorted(art.get("quotes") or [], key=lambda q: q["start"])

    speakers: dict[str, dict] = {}
    for q in quotes:
        who = speaker_name(q, entity_names)
        if who not in speakers:
            sp = q.get("speaker") or {}
            key = keys.get(sp.get("entity"))
            speakers[who] = {"name": who, "colour": len(speakers) % SPEAKER_COLOURS,
                             "url": entity_url(key) if key else None, "quotes": []}
        speakers[who]["quotes"].append(q)

    sentences = []
    for s in sorted(art.get("sentences") or [], key=lambda s: s["start"]):
        sid = anchor("s", s["id"])
        sentences.append(Span(s["start"], s["end"], Markup('<span class="sent" id="{}">').format(sid),
                              Markup("</span>"), Markup('<span class="sent">')))

    statement_spans = []
    for q in quotes:
        who = speaker_name(q, entity_names)
        colour = speakers[who]["colour"]
        label = f"{who} {STANCE_LABELS.get(q.get('stance'), 'says')}"
        statement_spans.append(Span(q["start"], q["end"], Markup('<q class="st spk-{}" title="{}">').format(colour, label),
                                    Markup("</q>")))
        sp = q.get("speaker")
        if sp and sp.get("end", 0) > sp.get("start", 0):
            statement_spans.append(Span(sp["start"], sp["end"],
                                        Markup('<span class="who spk-{}" title="speaker: {}">').format(colour, who),
                                        Markup("</span>")))
    statement_spans = non_overlapping(statement_spans, lambda s: (s.start - s.end, s.start))

    marks = []
    for m in mentions:
        marks.append((LAYER_PRIORITY["entity"], Span(m["start"], m["end"],
                      Markup('<mark class="ent ent-{}" title="{}: {}">').format(m.get("type") or "MISC", m.get("type") or "", m.get("name") or m.get("text")),
                      Markup("</mark>"))))
    for n in art.get("numbers") or []:
        shown = n["value"] if n.get("value") is not None else f"{n.get('low')}–{n.get('high')}"
        label = f"figure: {shown}" + (f" {n['unit']}" if n.get("unit") else "") + (f" ({n['object']})" if n.get("object") else "")
        marks.append((LAYER_PRIORITY["number"], Span(n["start"], n["end"],
                      Markup('<mark class="num" title="{}">').format(label), Markup("</mark>"))))
    for t in art.get("times") or []:
        marks.append((LAYER_PRIORITY["time"], Span(t["start"], t["end"],
                      Markup('<mark class="time" title="date: {}">').format(t.get("value") or "unresolved"), Markup("</mark>"))))
    for q in quotes:
        cue = q.get("cue")
        if cue and cue.get("end", 0) > cue.get("start", 0):
            marks.append((9, Span(cue["start"], cue["end"], Markup('<mark class="cue" title="cue: {}">').format(q.get("stance") or ""),
                                  Markup("</mark>"))))
    rank = {id(s): p for p, s in marks}
    mark_spans = non_overlapping([s for _, s in marks], lambda s: (rank[id(s)], s.start))

    blocks = []
    for b in sorted(art.get("blocks") or [], key=lambda b: b["start"]):
        blocks.append({"kind": b["kind"], "reason": b.get("reason"),
                       "html": nest(text, b["start"], b["end"], [sentences, statement_spans, mark_spans])})
    if not blocks:  # an article with no blocks still shows its text
        blocks.append({"kind": "body", "reason": None,
                       "html": nest(text, 0, len(text), [sentences, statement_spans, mark_spans])})

    entities: dict[str, dict] = {}
    for m in mentions:
        key = m.get("key") or m.get("text")
        e = entities.setdefault(key, {"name": m.get("name") or m.get("text"), "type": m.get("type"),
                                      "url": entity_url(m["key"]) if m.get("key") else None, "n": 0})
        e["n"] += 1
    date, inferred = article_date(art)
    return {
        "a": art, "date": date, "date_inferred": inferred, "label": source_label(art),
        "blocks": blocks, "speakers": list(speakers.values()),
        "anchor": anchor,
        "numbers": sorted(art.get("numbers") or [], key=lambda n: n["start"]),
        "times": sorted(art.get("times") or [], key=lambda t: t["start"]),
        "entities": sorted(entities.values(), key=lambda e: (-e["n"], e["name"] or "")),
    }


# --- the story page -----------------------------------------------------------------------

def _quote_view(q: dict, arts: dict, entity_names: dict) -> dict:
    art = arts.get(q["article"])
    date, inferred = article_date(art)
    sp = q.get("speaker") or {}
    return {"text": q["text"], "direct": q.get("direct"), "stance": q.get("stance") or "other",
            "speaker": speaker_name(q, entity_names),
            "speaker_url": entity_url(sp["entity"]) if sp.get("entity") else None,
            "label": source_label(art, q["article"]), "date": date, "date_inferred": inferred,
            "url": sentence_url(q["article"], q.get("sentence"))}


def story_view(dossier: dict, story_id: str | None = None) -> dict | None:
    """Everything the story page shows, from a dossier holding (at least) this story."""
    stories = dossier.get("stories") or []
    story = next((s for s in stories if story_id is None or s["id"] == story_id), None)
    if story is None:
        return None
    arts = {a["id"]: a for a in dossier["articles"]}
    quotes = {q["id"]: q for q in dossier["quotes"]}
    nums = {n["id"]: n for n in dossier["numbers"]}
    entity_names = {e["id"]: e["name"] for e in dossier["entities"]}
    entity_keys = {e["id"]: entity_key(e) for e in dossier["entities"]}
    member_ids = [a for a in story["articles"] if a in arts]
    members = [arts[a] for a in member_ids]
    member_set = set(member_ids)

    def qv(q):
        v = _quote_view(q, arts, entity_names)
        sp = q.get("speaker") or {}
        if sp.get("entity") in entity_keys:
            v["speaker_url"] = entity_url(entity_keys[sp["entity"]])
        return v

    summary = [{"text": " ".join(item["text"].split()), "url": sentence_url(item["article"], item.get("sentence")),
                "label": source_label(arts.get(item["article"]), item["article"])} for item in story["summary"]]

    by_speaker: dict[str, dict] = {}
    for q in dossier["quotes"]:
        art = arts.get(q["article"])
        if q["article"] not in member_set or (art and art.get("duplicate_of") in member_set):
            continue  # a near-copy repeats its original's statements
        v = qv(q)
        group = by_speaker.setdefault(v["speaker"], {"name": v["speaker"], "url": v["speaker_url"], "quotes": []})
        group["quotes"].append(v)
    for g in by_speaker.values():
        g["quotes"].sort(key=lambda v: v["date"] or "")
    speakers = sorted(by_speaker.values(), key=lambda g: (g["name"] == "(unattributed)", -len(g["quotes"]), g["name"]))
    for i, g in enumerate(speakers):
        g["colour"] = i % SPEAKER_COLOURS

    disputes = []
    for d in story["number_disputes"]:
        rows = []
        for nid in d["numbers"]:
            n = nums.get(nid)
            if not n:
                continue
            art = arts.get(n["article"])
            date, inferred = article_date(art)
            q = quotes.get(n.get("quote")) if n.get("quote") else None
            rows.append({"text": n["text"], "value": n.get("value"), "low": n.get("low"), "high": n.get("high"),
                         "unit": n.get("unit"), "label": source_label(art, n["article"]), "date": date,
                         "date_inferred": inferred, "url": sentence_url(n["article"], n.get("sentence")),
                         "speaker": speaker_name(q, entity_names) if q else None})
        rows.sort(key=lambda r: (r["date"] or "9999", r["label"]))
        disputes.append({"object": d["object"], "rows": rows, "chart": dispute_chart(rows, d["object"]),
                         "status": dispute_status(d), "contradicts": contradicts(d)})

    conflicts = []
    for c in story["claim_conflicts"]:
        sides = []
        passages = {(p["quote"], p["role"]): p for p in c.get("passages") or []}
        for key, label in (("assert", "assert or accuse"), ("deny", "deny"), ("unconfirmed", "will not confirm")):
            items, seen = [], {}
            for qid in c.get(key) or []:
                if qid not in quotes:
                    continue
                v = qv(quotes[qid])
                passage = passages.get((qid, key))
                if passage:  # the statement takes part through one sentence: show that one
                    v["text"] = ("… " if passage["start"] > quotes[qid]["start"] else "") + passage["text"]
                    v["stance"] = key
                same = (v["speaker"], " ".join(v["text"].split()))
                if same in seen:  # the same statement again, in a near-copy
                    seen[same]["copies"] += 1
                    continue
                v["copies"] = 0
                seen[same] = v
                items.append(v)
            if items:
                sides.append({"kind": key, "label": label, "quotes": items})
        conflicts.append({"claim": c["claim"], "sides": sides})

    timeline = [{"date": ev["date"], "text": " ".join(ev["text"].split()), "background": bool(ev.get("background")),
                 "url": sentence_url(ev["article"], ev.get("sentence")),
                 "sources": list(dict.fromkeys(source_label(arts.get(src), src) for src in ev.get("sources") or []))}
                for ev in story["timeline"]]

    entities = []
    for e in dossier["entities"]:
        n = sum(1 for m in e["mentions"] if m["article"] in member_set)
        if n:
            entities.append({"name": e["name"], "type": e["type"], "aliases": [a for a in e.get("aliases") or [] if a != e["name"]],
                             "n": n, "url": entity_url(entity_key(e))})
    entities.sort(key=lambda e: (-e["n"], e["name"]))

    annots = _annotations(dossier)
    sources = []
    for a in members:
        date, inferred = article_date(a)
        sources.append({"a": a, "label": source_label(a), "date": date, "date_inferred": inferred,
                        "url": article_url(a["id"]), "blocks": _article_view(a, annots[a["id"]]),
                        "n_quotes": sum(1 for q in dossier["quotes"] if q["article"] == a["id"])})
    dates = [s["date"] for s in sources if s["date"]]
    outlets = {s["label"] for s in sources}
    return {"story": story, "summary": summary, "speakers": speakers, "disputes": disputes,
            "conflicts": conflicts, "timeline": timeline, "entities": entities, "sources": sources,
            "first_date": min(dates) if dates else None, "last_date": max(dates) if dates else None,
            "n_outlets": len(outlets), "n_disputed": sum(1 for d in disputes if d["contradicts"])}


# --- the disputed-figures chart -----------------------------------------------------------

def _fmt(value: float) -> str:
    if value is None:
        return "?"
    if abs(value) >= 1000:
        return f"{value:,.0f}".replace(",", ".")
    return f"{value:g}"


def _nice_step(vmax: float) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving three to six ticks."""
    import math

    base = 10 ** math.floor(math.log10(vmax)) if vmax > 0 else 1
    for mult in (0.1, 0.2, 0.5, 1, 2, 5, 10):
        if vmax / (base * mult) <= 5:
            return base * mult
    return base * 10


def dispute_chart(rows: list[dict], title: str) -> Markup:
    """An inline SVG of one disputed figure: each source's value at the date it was reported,
    joined in date order, with vague amounts drawn as their low–high range. Server-rendered,
    every label escaped; no script, no style attribute (the CSP forbids inline styles)."""
    from datetime import date as _date

    pts = []
    for r in rows:
        lo = r["value"] if r["value"] is not None else r["low"]
        hi = r["value"] if r["value"] is not None else r["high"]
        if lo is None or hi is None or not r["date"]:
            continue
        try:
            day = _date.fromisoformat(r["date"]).toordinal()
        except ValueError:
            continue
        pts.append((day, float(lo), float(hi), r))
    if not pts:
        return Markup('<p class="meta">No dated values to chart.</p>')
    w, h, left, right, top, bottom = 560, 200, 64, 16, 14, 34
    days = [p[0] for p in pts]
    d0, d1 = min(days), max(days)
    if d0 == d1:
        d0, d1 = d0 - 1, d1 + 1
    step = _nice_step(max(p[2] for p in pts) or 1.0)
    vmax = step * (int(max(p[2] for p in pts) / step) + 1)

    def x(day):
        return left + (day - d0) / (d1 - d0) * (w - left - right)

    def y(v):
        return top + (1 - v / vmax) * (h - top - bottom)

    out = [Markup('<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}">').format(w, h, f"Disputed figure over time: {title}"),
           Markup("<title>{}</title>").format(f"Disputed figure over time: {title}")]
    for i in range(int(round(vmax / step)) + 1):
        v = i * step
        out.append(Markup('<line x1="{}" y1="{:.1f}" x2="{}" y2="{:.1f}" stroke="#e3e6ea"/>').format(left, y(v), w - right, y(v)))
        out.append(Markup('<text x="{}" y="{:.1f}" text-anchor="end" font-size="11" fill="#666">{}</text>').format(left - 6, y(v) + 4, _fmt(v)))
    ticks = sorted({d0, d1, *days}) if len(set(days)) <= 6 else [d0, (d0 + d1) // 2, d1]
    for day in ticks:
        if d0 <= day <= d1 and (day in days or day in (d0, d1)):
            edge = "start" if day == d0 else "end" if day == d1 else "middle"
            out.append(Markup('<text x="{:.1f}" y="{}" text-anchor="{}" font-size="11" fill="#666">{}</text>').format(
                x(day), h - bottom + 16, edge, _date.fromordinal(day).strftime("%d %b %Y" if day in (d0, d1) else "%d %b")))
    out.append(Markup('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#999"/>').format(left, h - bottom, w - right, h - bottom))
    ordered = sorted(pts, key=lambda p: (p[0], (p[1] + p[2]) / 2))
    if len(ordered) > 1:
        path = " ".join(f"{x(p[0]):.1f},{y((p[1] + p[2]) / 2):.1f}" for p in ordered)
        out.append(Markup('<polyline points="{}" fill="none" stroke="#9bb3cc" stroke-width="1.5" stroke-dasharray="4 3"/>').format(path))
    for day, lo, hi, r in ordered:
        tip = f"{r['label']}, {r['date']}{' (inferred)' if r['date_inferred'] else ''}: {r['text']}"
        out.append(Markup('<g class="pt"><title>{}</title>').format(tip))
        if hi > lo:
            out.append(Markup('<line x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}" stroke="#d9534f" stroke-width="4" stroke-linecap="round"/>').format(x(day), y(lo), y(hi)))
        else:
            out.append(Markup('<circle cx="{:.1f}" cy="{:.1f}" r="5" fill="#d9534f"/>').format(x(day), y(lo)))
        right_half = x(day) > (left + w - right) / 2
        out.append(Markup('<text x="{:.1f}" y="{:.1f}" font-size="11" fill="#333" text-anchor="{}">{}</text>').format(
            x(day) - 8 if right_half else x(day) + 8, y(hi) - 4 if hi > lo else y(lo) + 4,
            "end" if right_half else "start", f"{r['label']}: {r['text']}"[:40]))
        out.append(Markup("</g>"))
    out.append(Markup("</svg>"))
    return Markup("").join(out)


# --- search snippets ----------------------------------------------------------------------

def snippet_html(snippet) -> Markup:
    """``[[text, highlighted], …]`` (the store's snippet) as escaped HTML with ``<mark>``s."""
    if isinstance(snippet, str):
        return escape(snippet)
    parts = []
    for piece in snippet or []:
        text, hit = (piece[0], bool(piece[1])) if isinstance(piece, (list, tuple)) else (str(piece), False)
        parts.append(Markup("<mark>{}</mark>").format(text) if hit else escape(text))
    return Markup("").join(parts)


# --- the entity page ----------------------------------------------------------------------

def entity_statements(entity: dict) -> list[dict]:
    """An entity's statements across stories, oldest first, each linked to its sentence."""
    out = []
    for q in entity.get("statements") or []:
        article_id = q.get("article_id") or q.get("article")
        sentence_id = q.get("sentence_id") or q.get("sentence")
        published = q.get("published")
        out.append({"text": q.get("text") or "", "direct": q.get("direct"), "stance": q.get("stance") or "other",
                    "date": str(published)[:10] if published else None, "story_id": q.get("story_id"),
                    "story_title": q.get("story_title"), "title": q.get("title"), "label": q.get("source") or article_id,
                    "url": sentence_url(article_id, sentence_id)})
    out.sort(key=lambda q: q["date"] or "9999")
    return out


def add_statement_text(results: list[dict], get_article) -> None:
    """Give each statement hit its statement's text (``quote_text``), so a search by speaker
    alone shows what was said, not only the matched name. One article read per article hit."""
    cache: dict[str, dict | None] = {}
    for r in results:
        if r.get("kind") != "statement" or not r.get("quote_id"):
            continue
        aid = r["article_id"]
        if aid not in cache:
            cache[aid] = get_article(aid)
        art = cache[aid] or {}
        q = next((q for q in art.get("quotes") or [] if q["id"] == r["quote_id"]), None)
        if q:
            r["quote_text"] = q["text"]
            r["quote_direct"] = q.get("direct")
            r["stance"] = q.get("stance")

