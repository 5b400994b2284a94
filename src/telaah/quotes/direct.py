"""Direct quotes: the stretches between quotation marks in a paragraph, whether a mark stands
inside reported speech, and the attribution after a closing mark ('"…," kata X'). Separate
because quotation marks, not clause structure, decide these.
"""
from __future__ import annotations

from .lexicon import lexicon
from .text import CLOSERS, OPENERS, QUOTE_MARKS, _PUNCT_END, _QUOTE_MARK, _SPACE_LIKE, _Text
from .subjects import _SpeakerSpan, _analyse_postposed, _analyse_subject, _reporting_source
from .stance import _stance


MIN_DIRECT_WORDS = 4  # shorter quoted stretches are names, terms or partial quotes


def _direct_spans(text: str, para: tuple[int, int]) -> list[tuple[int, int, bool]]:
    """(open mark, close mark or paragraph end, closed?) for the double-quoted stretches."""
    marks = [m.start() for m in _QUOTE_MARK.finditer(text, para[0], para[1])]
    # pasted text doubles marks ('"" Tidak ada'): a mark right after another one is the same mark
    marks = [m for k, m in enumerate(marks) if k + 1 >= len(marks) or marks[k + 1] - m > 1]
    out, open_at = [], None
    for m in marks:
        ch = text[m]
        before = text[m - 1] if m > para[0] else " "
        after = text[m + 1] if m + 1 < para[1] else " "
        can_open = ch in OPENERS or (ch not in CLOSERS and (before in _SPACE_LIKE or before in "([:" or before in QUOTE_MARKS))
        can_close = ch in CLOSERS or (ch not in OPENERS and (before not in _SPACE_LIKE or after in _SPACE_LIKE + _PUNCT_END))
        if open_at is None:
            if can_open or not can_close:
                open_at = m
        elif can_close:
            out.append((open_at, m, True))
            open_at = None
        else:  # a second opener: the first quote was never closed
            out.append((open_at, m, False))
            open_at = m
    if open_at is not None:
        out.append((open_at, para[1], False))
    return out


def _lone_closer(text: str, para: tuple[int, int]) -> int | None:
    """The paragraph's first quotation mark when it can only close ('Tidak ada niat untuk
    mengganggu," katanya.'): pasted text lost the opening mark, or the quotation opened in a
    paragraph before. What precedes it in the paragraph is then the quotation."""
    m = _QUOTE_MARK.search(text, para[0], para[1])
    if m is None or m.start() - para[0] < 2:
        return None
    at = m.start()
    ch, before = text[at], text[at - 1]
    after = text[at + 1] if at + 1 < para[1] else " "
    if ch in OPENERS or before in _SPACE_LIKE or before in "([:" or before in QUOTE_MARKS:
        return None  # it may open
    if ch in CLOSERS or after in _SPACE_LIKE + _PUNCT_END:
        return at
    return None


def _inside_reported(t: _Text, mark: int, para_start: int) -> bool:
    """Is the quote mark inside a sentence that already has a preposed speech verb before it?"""
    if t.text[:mark].rstrip()[-1:] in (":", ",", ".", ""):
        return False  # 'X mengatakan, "…"' introduces a direct quote
    i = t.index_at(mark) - 1
    first = t.index_at(para_start)
    j = i
    while j >= first and t.low[j] in lexicon().complementizers:
        j -= 1
    for k in range(max(first, j - 2), j + 1):  # 'X mengatakan "…"': the quote is the whole complement
        size, stances = t.match_cue(k, j + 1)
        if size and k + size - 1 == j and "verb" in stances:
            return False
    while i >= first and t.low[i] not in (".", "!", "?", '"', "”", "“"):
        size, stances = t.match_cue(i, i + 3)
        if size and ("verb" in stances or "prep" in stances):
            return True
        i -= 1
    return False


def _attribution_after(t: _Text, close: int, para_end: int):
    """'"…," kata X' / '"…," ujarnya' / '"…," Zulkifli menambahkan': (speaker, cue, stance, end)."""
    i = t.index_at(close)
    limit = t.index_at(para_end)
    if i < limit and t.low[i] in (",", "."):
        i += 1
    if i + 1 < limit and t.low[i] == "demikian":  # '"…," demikian sebut X'
        i += 1
    if i >= limit:
        return None
    size, stances = t.match_cue(i, limit)
    if size and any(k.startswith("postposed") or k == "verb" for k in stances):
        key = next(k for k in stances if k.startswith("postposed") or k == "verb")
        stance = _stance(t, i, {key: stances[key]})
        if key.endswith("+nya"):
            s, e = t.spans[i]
            return _SpeakerSpan(e - 3, e, "pronoun"), (s, e - 3), stance, e, None
        sp, j = _analyse_postposed(t, i + size, limit)
        if sp is None:
            return None
        rep = _reporting_source(t, j, limit)
        return sp, (t.spans[i][0], t.spans[i + size - 1][1]), stance, t.spans[j - 1][1], rep
    # "…," Zulkifli menambahkan / "…," dia menegaskan
    for j in range(i + 1, min(limit, i + 7)):
        size, stances = t.match_cue(j, limit)
        if size and "verb" in stances:
            sp = _analyse_subject(t, t.spans[i][0], t.spans[j][0])
            if sp and sp.start == t.spans[i][0] or (sp and sp.kind == "pronoun"):
                return sp, (t.spans[j][0], t.spans[j + size - 1][1]), _stance(t, j, {"verb": stances["verb"]}), t.spans[j + size - 1][1], None
            return None
        if t.low[j] in ",.;":
            return None
    return None
