"""Reading a dossier back for people: the rows the CLI digest and the HTML report both print, so
the two never disagree about what a disputed figure or a contradiction says."""
from __future__ import annotations

from typing import NamedTuple


class Lookup(NamedTuple):
    """The dossier's records by id, built once by a caller that reads many disputes or
    contradictions (the CLI digest, the HTML report) instead of once per call."""

    articles: dict
    numbers: dict
    quotes: dict
    names: dict  # entity id -> merged name


def lookup(dossier: dict) -> Lookup:
    return Lookup({a["id"]: a for a in dossier.get("articles", [])}, {n["id"]: n for n in dossier.get("numbers", [])},
                  {q["id"]: q for q in dossier.get("quotes", [])}, {e["id"]: e["name"] for e in dossier.get("entities", [])})


def dispute_rows(dispute: dict, dossier: dict, index: Lookup | None = None) -> list[dict]:
    """One row per reported value of a disputed figure, in the dispute's date order, with who
    gave it and the day it was reported: without the dates a toll that grew over four days reads
    as outlets disagreeing."""
    arts, nums, _, names = index or lookup(dossier)
    reports = dispute.get("reports") or [
        {"number": nid, "article": nums[nid]["article"], "sentence": nums[nid]["sentence"],
         "text": nums[nid]["text"], "speaker": None, "date": arts.get(nums[nid]["article"], {}).get("published"),
         "earlier": False}
        for nid in dispute.get("numbers", []) if nid in nums]
    rows = []
    for r in reports:
        art = arts.get(r["article"], {})
        sp = r.get("speaker") or {}
        rows.append({
            "number": r["number"], "article": r["article"], "sentence": r["sentence"], "text": r["text"],
            "outlet": art.get("outlet") or art.get("credit") or r["article"],
            "speaker": names.get(sp.get("entity")) or sp.get("text") or "",
            "date": r.get("date") or "", "earlier": bool(r.get("earlier")),
        })
    return rows


def dispute_label(dispute: dict) -> str:
    """The dispute's object phrase, with the group's head when the phrase says less ("orang
    [arrested]")."""
    what = dispute["object"]
    head = dispute.get("head")
    if head and not head.startswith("noun:") and head not in what:
        what = f"{what} [{head}]"
    return what


def contradicts(dispute: dict) -> bool:
    """Whether a figure's values contradict each other: disputed, and not a toll that grew or
    fell from one day's report to the next (``change``). What badges and counts call a disputed
    figure."""
    return bool(dispute.get("disputed", True)) and not dispute.get("change")


def dispute_status(dispute: dict) -> str:
    """What kind of disagreement a figure's reports show, in words for the report and the web app."""
    if dispute.get("disputed", True) and dispute.get("change"):
        return f"changed over time: {dispute['change']} from one day's report to the next, not contradicted on any one day"
    if dispute.get("disputed", True):
        return "disputed: the values cannot all hold"
    return "as reported: the values can all hold"


CONFLICT_SIDES = (("accuse", "accused by"), ("assert", "asserted by"), ("deny", "denied by"),
                  ("unconfirmed", "not confirmed by"))


def conflict_speakers(conflict: dict, dossier: dict, index: Lookup | None = None) -> list[tuple[str, list[str]]]:
    """(label, speakers) for each side of a contradiction that has any, in the order accused,
    asserted, denied, not confirmed. The contract's "assert" side holds accusations too: they are
    told apart by the quote's stance. A speaker is named once per side by the merged entity's
    name ("Hendrikus Wara" and "Hendrikus" are one denier), and one who accuses is not listed again
    among those who assert the same claim."""
    _, _, quotes, names = index or lookup(dossier)

    def speaker(qid: str) -> str:
        sp = (quotes.get(qid) or {}).get("speaker") or {}
        return names.get(sp.get("entity")) or sp.get("text") or "?"

    accusers = [q for q in conflict.get("assert") or [] if quotes.get(q, {}).get("stance") == "accuse"]
    by_side = {"accuse": accusers, "assert": [q for q in conflict.get("assert") or [] if q not in accusers],
               "deny": conflict.get("deny") or [], "unconfirmed": conflict.get("unconfirmed") or []}
    out, accusing = [], set()
    for key, label in CONFLICT_SIDES:
        who: list[str] = []
        for qid in by_side[key]:
            name = speaker(qid)
            if name not in who and not (key == "assert" and name in accusing):
                who.append(name)
        if key == "accuse":
            accusing = set(who)
        if who:
            out.append((label, who))
    return out
