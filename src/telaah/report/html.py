"""Render a dossier dict as one offline HTML file a journalist can read.

All article text goes through Jinja2 autoescaping or ``markupsafe.escape``; annotations are
rendered by slicing the unchanged text at span offsets, so what is shown is exactly the input.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from markupsafe import Markup, escape

from ..dossier.readout import conflict_speakers, contradicts, dispute_rows, dispute_status, lookup

# Lower number wins when annotations overlap.
LAYER_PRIORITY = {"number": 0, "time": 1, "entity": 2}


@lru_cache(maxsize=1)
def _env():
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("telaah.report", "templates"),
                       autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)


def anchor(kind: str, ident: str) -> str:
    """A safe HTML id for an article or sentence id (which may hold any character)."""
    return kind + "-" + re.sub(r"[^A-Za-z0-9_-]", lambda m: f"_{ord(m.group()):x}_", ident)


def _annotations(dossier: dict) -> dict[str, list[tuple[int, int, str, str]]]:
    out: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for e in dossier["entities"]:
        for m in e["mentions"]:
            out[m["article"]].append((m["start"], m["end"], "entity", f"{e['type']}: {e['name']}"))
    for n in dossier["numbers"]:
        label = f"figure: {n['value'] if n['value'] is not None else str(n.get('low')) + '–' + str(n.get('high'))}"
        if n.get("unit"):
            label += f" {n['unit']}"
        out[n["article"]].append((n["start"], n["end"], "number", label))
    for t in dossier["times"]:
        out[t["article"]].append((t["start"], t["end"], "time", f"date: {t['value'] or 'unresolved'}"))
    return out


def _render_span(text: str, start: int, end: int, annots: list[tuple[int, int, str, str]]) -> Markup:
    chosen = []
    for a in sorted((a for a in annots if a[0] >= start and a[1] <= end),
                    key=lambda a: (LAYER_PRIORITY[a[2]], a[0])):
        if all(a[1] <= c[0] or a[0] >= c[1] for c in chosen):
            chosen.append(a)
    chosen.sort()
    parts, pos = [], start
    for s, e, cls, title in chosen:
        parts.append(escape(text[pos:s]))
        parts.append(Markup('<mark class="{}" title="{}">{}</mark>').format(cls, title, text[s:e]))
        pos = e
    parts.append(escape(text[pos:end]))
    return Markup("").join(parts)


def _article_view(article: dict, annots) -> list[dict]:
    """Blocks with their sentences rendered, for the side-by-side source columns."""
    text = article["text"]
    sents = sorted(article["sentences"], key=lambda s: s["start"])
    views = []
    for b in article["blocks"]:
        inner = [s for s in sents if s["start"] >= b["start"] and s["end"] <= b["end"]]
        if not inner:
            views.append({"kind": b["kind"], "reason": b.get("reason"), "html": escape(text[b["start"]:b["end"]])})
            continue
        parts, pos = [], b["start"]
        for s in inner:
            parts.append(escape(text[pos:s["start"]]))
            parts.append(Markup('<span class="sent" id="{}">{}</span>').format(
                anchor("s", s["id"]), _render_span(text, s["start"], s["end"], annots)))
            pos = s["end"]
        parts.append(escape(text[pos:b["end"]]))
        views.append({"kind": b["kind"], "reason": b.get("reason"), "html": Markup("").join(parts)})
    return views


def render_report(dossier: dict) -> str:
    arts = {a["id"]: a for a in dossier["articles"]}
    annots = _annotations(dossier)
    quotes_by_article = defaultdict(list)
    for q in dossier["quotes"]:
        quotes_by_article[q["article"]].append(q)
    entity_names = {e["id"]: e["name"] for e in dossier["entities"]}
    nums = {n["id"]: n for n in dossier["numbers"]}
    stories = []
    for s in dossier["stories"]:
        members = [arts[a] for a in s["articles"] if a in arts]
        by_speaker = defaultdict(list)
        member_ids = set(s["articles"])
        for a in members:
            if a.get("duplicate_of") in member_ids:
                continue  # a near-copy repeats its original's statements
            for q in quotes_by_article[a["id"]]:
                sp = q["speaker"]
                who = (entity_names.get(sp["entity"]) if sp and sp.get("entity") else None) or (sp["text"] if sp else "(unattributed)")
                by_speaker[who].append(q)
        entities = [e for e in dossier["entities"] if any(m["article"] in member_ids for m in e["mentions"])]
        entities.sort(key=lambda e: -len(e["mentions"]))
        stories.append({
            "story": s,
            "articles": [{"a": a, "blocks": _article_view(a, annots[a["id"]]), "anchor": anchor("a", a["id"])}
                         for a in members],
            "speakers": sorted(by_speaker.items(), key=lambda kv: -len(kv[1])),
            "entities": entities[:60],
            "n_disputed": sum(map(contradicts, s["number_disputes"])),
        })
    index = lookup(dossier)
    return _env().get_template("report.html.j2").render(
        dossier=dossier, stories=stories, arts=arts, nums=nums, anchor=anchor,
        dispute_rows=lambda d: dispute_rows(d, dossier, index),
        conflict_speakers=lambda c: conflict_speakers(c, dossier, index),
        dispute_status=dispute_status,
    )
