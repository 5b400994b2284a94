"""Entities: PER/ORG/LOC recognition per article (``EntityStage``) and the gazetteer.

Cross-article merging of mentions into entities lives in ``telaah.entities.merge``.
"""
from __future__ import annotations

from collections import Counter

from ..document import Article, Mention
from ..pipeline import ArticleStage, Options


class EntityStage(ArticleStage):
    """Finds PER/ORG/LOC mentions in the article's body sentences (standoff offsets)."""

    name = "entities"
    requires = ("article.sentences",)
    assigns = ("article.mentions",)

    def __call__(self, article: Article, options: Options) -> None:
        from .recognize import recognize

        article.mentions = _repeated_names(article, _after_dateline(article, recognize(article.text, article.sentences)))


REPEATED_MIN_CHARS = 2  # names shorter than this are not looked for again


def _repeated_names(article: Article, mentions: list) -> list:
    """(session 26) One name, one reading per article: a name the recogniser found somewhere in
    the article is a mention wherever else it stands there, in a body sentence, as whole words
    ("massa FPI itu" after "FPI" was found elsewhere). Single words written mostly in lower case
    in news ("Kota", "Polisi": ``model/casing.tsv``) are not carried over, nor names read with
    two types."""
    from .features import NAME_BANDS, casing_band

    if not mentions or not article.sentences:
        return mentions
    types: dict[str, Counter] = {}
    for m in mentions:
        types.setdefault(m.text, Counter())[m.type] += 1
    text = article.text
    taken = bytearray(len(text))  # 1 where a mention already stands
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    added = []
    for name, counts in types.items():
        if len(counts) > 1 or len(name) < REPEATED_MIN_CHARS or not name[:1].isupper():
            continue
        if " " not in name and casing_band(name.lower()) not in (*NAME_BANDS, "unk"):
            continue
        (typ,) = counts
        for s, e in _whole_word_hits(text, name):
            if any(taken[s:e]):
                continue
            sentence = article.sentence_at(s)
            if sentence is None or e > sentence.end:
                continue
            added.append(Mention(start=s, end=e, text=name, type=typ, sentence=sentence.id, origin="rule"))
            taken[s:e] = b"\x01" * (e - s)
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _whole_word_hits(text: str, name: str):
    """(start, end) of each place ``name`` stands in ``text`` as whole words: no letter, digit or
    underscore on either side, nor a hyphen, nor a dot before ("e-KTP", "KPK.go"). A plain
    substring search: one regex per name would be compiled per article."""
    n = len(name)
    i = text.find(name)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < len(text) else " "
        if not (before.isalnum() or before in "_.-") and not (after.isalnum() or after in "_-"):
            yield i, i + n
        i = text.find(name, i + 1)


def _after_dateline(article: Article, mentions: list) -> list:
    """A name never runs in from the lead's dateline ("WEDA, KABARTIMUR – Serikat Buruh Nikel
    Halmahera": the union's name starts after the dash); one inside the dateline (its place)
    stays. A place's span cut so is an organisation's when it opens with an organisation's head
    word ("Bandung Barat - Polres Cimahi")."""
    if not mentions:
        return mentions
    from ..cleaning.blocks import lead_dateline_end

    end = lead_dateline_end(article)
    if end is None:
        return mentions
    out = []
    for m in mentions:
        if m.end <= end and m.type != "LOC" and m.text.isupper() and _indonesian_place(m.text.title()):
            m.type = "LOC"  # "GARUT - …": the dateline's place, whatever the model read in capitals
        if m.start < end < m.end:
            cut = m.end - len(article.text[end:m.end].lstrip())
            if cut >= m.end or not article.text[cut:cut + 1].isupper():
                continue
            m.start, m.text = cut, article.text[cut:m.end]
            if m.type == "LOC" and m.text.split()[0] in _org_openers():
                m.type = "ORG"  # "Bandung Barat - Polres Cimahi": the place was the dateline's
        out.append(m)
    return out


def _indonesian_place(name: str):
    from .merge import indonesian_place

    return indonesian_place(name)


def _org_openers() -> frozenset[str]:
    from .recognize import _org_heads

    return _org_heads()[0]


__all__ = ["EntityStage"]
