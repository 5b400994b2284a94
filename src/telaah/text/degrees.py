"""Academic degrees written after a name and set off by commas ("Rina Kusumawardani, S.E.,",
"Bambang Soetrisno, M.Si.,", "Hendra Saputra, S.I.K., M.H.,"): Indonesian press releases and
regional outlets write them out. Their shape (capitalised letters with dots) is enough to tell
them; they are no name and no part of a speaker's subject."""
from __future__ import annotations

import re

DEGREE = r"(?:[A-Z][A-Za-z]{0,3}\.){1,4}(?:[A-Z][a-z]{0,3}\b\.?)?"
# the degrees closing a subject before its verb: ", S.E.," / ", S.I.K., M.H.,"
DEGREE_TAIL_RE = re.compile(rf",\s*{DEGREE}(?:\s*,\s*{DEGREE})*\s*,?\s*\Z")


def degrees_only(tokens: list[str]) -> bool:
    """Are these tokens (as the tokenizer splits "S.I.K., M.H." into letters and dots) degrees
    and the commas between them, with no word of a name?"""
    return "." in tokens and all(w in (",", ".") or (w[:1].isupper() and w.isalpha() and len(w) <= 3)
                                 for w in tokens)
