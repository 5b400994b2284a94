"""Who said what: direct and reported statements, their speakers, cues and stances.

The quote stage itself: ``extract_quotes`` runs the passes (direct quotes, reported speech,
passive and nominal denials, back references, pending cues, then the denial rules) and builds
the ``Quote`` records; ``QuoteStage`` puts it in the pipeline. It re-exports the names callers
imported from this module before it was split into ``lexicon``, ``text``, ``subjects``,
``stance``, ``reported``, ``direct`` and ``resolve``.

Rules, not a model: Indonesian news attributes speech with a small closed set of cues
(``speech_cues.tsv``), so direct quotes are found by their marks and attributed from the cue
after (``"…," kata X``) or before (``X mengatakan: "…"``) them, or carried over from the
previous statement (continuation paragraphs); reported speech is a preposed reporting verb with
a clausal complement, ``menurut X, …`` or a postposed ``…, kata X``. Denials also come as
passives ("Hal itu dibantah oleh X": X speaks, the anaphor is the content), as "X
membantahnya", as nouns ("Bantahan juga datang dari X") and by their words ("tidak benar",
"itu hoaks", "saya tidak pernah menerima …"), by a frame ("Membantah tuduhan itu, X
mengatakan …") or by negating a deed someone alleged earlier in the article. An accusation and
its denial in one sentence share their content; "Y membantah tuduhan A bahwa P" is also A's
statement P. Dates are never speakers, and "X menyampaikan itu saat ditanya" says nothing new
(it may attribute the sentence before). Content that rejects what the story implies is a denial
under any cue ("tidak terkait", "tidak bersalah", "Bukan bocor, …", "gugatan ini tidak memiliki
dasar", "tidak ada larangan" after a rumour of one); "Jubir mengatakan, Chen mengaku …" is
Chen's statement reported by the spokesman; "Dikatakan, …" is the last speaker's. A correction
("X tidak ditangkap, namun dijemput"; "…, bukan menyinggung agama") denies when the corrected
words answer a claim reported earlier in the article; a negated aim under an emphatic cue
("menegaskan … bukan untuk menghindar") and an accused who pleads ignorance or victimhood
("tidak tahu bahwa …", "hanya sebagai korban") deny too. Speakers: "menurut X" without a comma,
"Nama, <role>, VERB", long postposed roles ("kata analis dari Y, Nama"), descriptions with a
comma ("pria kelahiran A, B ini"), plural "mereka" to a group or organisation, nicknames the
article declares ("Gus Sholah, sapaan akrab …") and clipped first names linked to the full
name's mention. Round 3: the name at the end of a long office title speaks ("kata Kepala Dinas
… (DKP) Mimika Eddy Santoso", "menurut <office>, Nama, …"); a speech verb coordinated with an
earlier predicate shares its subject; "dia" after an organisation's statement is the person who
spoke before; demands with an addressee ("meminta masyarakat tetap waspada"); a claim noun with
its owner or medium before "yang menyebut …" is that source's statement. The convention is in
tests/gold/QUOTES_GUIDELINES.md ("Denials: one convention"). All word lists are data.
"""
from __future__ import annotations

import re

from ..cleaning.blocks import lead_dateline_end
from ..document import Article, Cue, Quote, Speaker
from ..pipeline import ArticleStage, Options
from .lexicon import _cue_starters, lexicon
from .text import QUOTE_MARKS, _SPACE_LIKE, _Text, _WORDS, _paragraphs, _strip, _trim_content
from .subjects import _analyse_subject
from .stance import (_Stmt, _content_deny, _denial_words, _deny_accused_ignorance, _deny_alleged, _deny_correction,
                     _deny_frame, _deny_purpose, _nominal_denial, _share_denied_claim, _split_quote_stance,
                     opening_stance)
from .reported import _active_back_reference, _back_reference, _indirect, _passive_statements, _physical
from .direct import MIN_DIRECT_WORDS, _attribution_after, _direct_spans, _inside_reported, _lone_closer
from .resolve import _Resolver, _build_speaker, _office_of, _same_office, snap_to_mention

# callers import these from telaah.quotes.extract (tests, telaah.stories.conflicts)
__all__ = ["QUOTE_MARKS", "QuoteStage", "_Text", "_content_deny", "_cue_starters", "_direct_spans", "_indirect",
           "_office_of", "_paragraphs", "_same_office", "extract_quotes", "lexicon", "opening_stance",
           "snap_to_mention"]

CHROME_BLOCKS = frozenset({"boilerplate", "credit", "duplicate_title"})  # block kinds that hold no statements


def _sentence_id(article: Article, offset: int) -> str:
    s = article.sentence_at(offset)
    if s is not None:
        return s.id
    before = [x for x in article.sentences if x.start <= offset]
    if before:
        return before[-1].id
    return article.sentences[0].id if article.sentences else f"{article.id}:s0"


def _split_at_semicolons(t: _Text, start: int, end: int) -> list[tuple[int, int]]:
    """A region cut at each semicolon after which a statement of its own opens ("Yerevan
    mengatakan pasukan Azerbaijan memulai penembakan; Baku mengatakan tiga tentaranya tewas":
    two speakers, two statements), else whole."""
    text = t.text
    cuts = []
    at = text.find(";", start, end)
    while at >= 0:
        rest = _strip(text, at + 1, end, _SPACE_LIKE)
        if rest[1] - rest[0] >= 8:
            found, _ = _indirect(t, *rest)
            if found and all(st.speaker is not None and st.speaker.start >= rest[0] for st in found):
                cuts.append(at)
        at = text.find(";", at + 1, end)
    bounds = [start] + [c + 1 for c in cuts]
    ends = cuts + [end]
    return [_strip(text, s, e, _SPACE_LIKE + ";") for s, e in zip(bounds, ends)]


def extract_quotes(article: Article) -> list[Quote]:
    """Every attributed statement of ``article``, in text order."""
    if not isinstance(article, Article):
        raise TypeError(f"extract_quotes expects an Article, got {type(article).__name__}")
    text = article.text
    if not text or not text.strip():
        return []
    t = _Text(text)
    stmts: list[_Stmt] = []
    consumed: list[tuple[int, int]] = []
    paras = _paragraphs(text)
    direct_all: list[tuple[int, int, int, int, bool]] = []  # (open, close, para_start, para_end, closed)
    after_dateline = lead_dateline_end(article)
    lone_at: set[int] = set()  # closing marks whose opening mark was lost
    for ps, pe in paras:
        for o, c, closed in _direct_spans(text, (ps, pe)):
            direct_all.append((o, c, ps, pe, closed))
        lone = _lone_closer(text, (ps, pe))
        if lone is not None:
            # its opening mark lost: the quotation runs from the paragraph's start (after the
            # dateline), the mark's place is taken as one before the first word
            start = after_dateline if after_dateline is not None and ps <= after_dateline < lone else ps
            direct_all.append((start - 1, lone, ps, pe, True))
            lone_at.add(lone)
    direct_all.sort()
    res = _Resolver(article, [(o, c) for o, c, *_ in direct_all])
    res.tokens = t

    # pass 1: direct quotes and their attributions
    direct_stmts: list[tuple[_Stmt, tuple[int, int]]] = []
    for o, c, ps, pe, closed in direct_all:
        cs, ce = _trim_content(text, o + 1, c)
        if ce <= cs:
            continue
        nwords = len(_WORDS.findall(text[cs:ce]))
        attr = _attribution_after(t, c + (1 if closed else 0), pe) if closed else None
        if nwords < MIN_DIRECT_WORDS and not (attr and nwords >= 2) or (attr is None and c in lone_at):
            continue  # a lone closing mark counts only with the attribution after it
        if attr is None and _inside_reported(t, o, ps):
            continue  # X menyebut langkah itu "ceroboh dan terburu-buru": part of reported speech
        st = _Stmt(cs, ce, True, None, None, "assert", anchor=cs)
        region_end = c + (1 if closed else 0)
        if attr:
            sp, cue, stance, a_end, rep = attr
            st.speaker, st.cue, st.stance, st.reported_by = sp, cue, stance, rep
            region_end = a_end
        st.stance = _content_deny(text, cs, ce, st.stance)
        direct_stmts.append((st, (o, region_end)))
        consumed.append((o, region_end))
        stmts.append(st)

    # pass 2: reported speech in what is left of each sentence (or paragraph)
    units = [(s.start, s.end) for s in article.sentences] or paras
    pendings: list[tuple[int, tuple]] = []
    consumed_in_order = sorted(consumed)
    for us, ue in units:
        pos = us
        regions = []
        for cs, ce in consumed_in_order:
            if ce <= us or cs >= ue:
                continue
            if cs > pos:
                regions.append((pos, cs))
            pos = max(pos, ce)
        if pos < ue:
            regions.append((pos, ue))
        for rs, re_ in regions:
            if after_dateline is not None and rs < after_dateline < re_:
                rs = after_dateline  # "ANKARA (Reuters) - …, kata kementerian": the dateline is not said
            rs, re_ = _strip(text, rs, re_, _SPACE_LIKE + "\n,.")
            if re_ - rs < 8:
                continue
            for rs, re_ in _split_at_semicolons(t, rs, re_):
                found, pend = _indirect(t, rs, re_)
                stmts.extend(found)
                for p in pend:
                    pendings.append((re_, p))

    # passive and nominal denials ("Hal itu dibantah oleh X", "Bantahan juga datang dari X"):
    # only sentences that hold such a word are looked at
    denial_words = _denial_words()
    denial_at = [] if denial_words.isdisjoint(t.low) else \
        [t.starts[i] for i, w in enumerate(t.low) if w in denial_words]
    for us, ue in units:
        if not denial_at or denial_at[-1] < us or not any(us <= p < ue for p in denial_at):
            continue
        in_unit = [st for st in stmts if us <= st.start < ue or us < st.end <= ue]
        stmts.extend(_passive_statements(t, (us, ue), in_unit, consumed))
        if not in_unit:
            nominal = _nominal_denial(t, (us, ue))
            if nominal is not None:
                stmts.append(nominal)

    # back-references: "Hal itu disampaikan X …" / "Demikian dikatakan X" make the sentence
    # before a statement by X when nothing there is attributed yet
    for k in range(1, len(units)):
        ref = _back_reference(t, units[k]) or _active_back_reference(t, units[k], pendings)
        if ref is None:
            continue
        ps_, pe_ = _trim_content(text, *units[k - 1])
        head = re.search(r" (?:--|-|—|–) ", text[ps_ : min(pe_, ps_ + 60)])
        if head:  # "Suara.com - Bangsa yang besar …": the dateline is not said
            ps_ += head.end()
        if pe_ - ps_ < 20 or any(st.start < pe_ and ps_ < st.end for st in stmts) or text[ps_] in QUOTE_MARKS:
            continue
        sp, cue, stance = ref
        stmts.append(_Stmt(ps_, pe_, False, sp, cue, _content_deny(text, ps_, pe_, stance), anchor=ps_))

    used_pending: set[int] = set()
    # pass 3: attach pending preposed cues ("X mengatakan: "…"" or "X menepisnya. "…"") and
    # carry speakers over to continuation quotes
    for st, (o, _) in direct_stmts:
        if st.speaker is not None:
            continue
        para = next((p for p in paras if p[0] <= o < p[1]), (0, len(text)))
        best = None
        for end_pos, p in pendings:
            if end_pos <= o and end_pos >= para[0] and not text[end_pos:o].strip(" :,\"“\n\u2060"):
                best = p
        prev = max((q for q in paras if q[1] <= para[0]), default=None)
        if best is None and prev is not None and o == para[0]:
            # "Dalai Lama juga menyinggung soal retorika itu.\n\n"Kadang-kadang saya …"": a saying
            # verb with no clause of its own that ends the paragraph before introduces the quotation
            for end_pos, p in pendings:
                if prev[0] <= end_pos <= prev[1] and not text[end_pos:o].strip(" .:,\"“\n\u2060"):
                    best = p
        if best is None and prev is not None and text[prev[1] - 1] == ":" and text[o] == text[para[0]]:
            # a paragraph ending in a colon introduces the quotation below it
            # ("Berikut petikan surat Miryam:" / "Presiden mengatakan:")
            for end_pos, p in pendings:
                if prev[0] <= end_pos <= prev[1]:
                    best = p
            if best is None:
                sp = _analyse_subject(t, prev[0], prev[1] - 1)
                if sp is not None and sp.kind == "named":
                    best = (sp, None, "assert")
        if best:
            used_pending.add(id(best))
            st.speaker, st.cue, st.stance = best[0], best[1], _content_deny(text, st.start, st.end, best[2])

    stmts.sort(key=lambda s: (s.start, s.end))
    # a pending non-assert cue in the sentence just before a direct quote lends it its stance
    for st, (o, _) in direct_stmts:
        if st.stance != "assert" or st.cue is None:
            continue
        para = next((p for p in paras if p[0] <= o < p[1]), None)
        for end_pos, p in pendings:
            if para and para[0] <= end_pos <= o and p[2] != "assert" and o - end_pos < 40:
                used_pending.add(id(p))
                st.stance = p[2]
                if st.speaker is not None and st.speaker.kind == "pronoun":
                    st.speaker = p[0]  # "Sarip menepisnya. "…," sergahnya.": the clitic is Sarip

    # "Namun, mereka membantahnya.": a denial whose object is a claim just made is a statement;
    # its content is that claim when it was reported in the same sentence, else the clitic
    for _, (sp, cue, stance) in pendings:
        if stance != "deny" or cue is None or text[cue[1] : cue[1] + 3].lower() != "nya":
            continue
        ci = t.index_at(cue[0])
        if t.low[ci][:-3] in lexicon().physical_sense and _physical(t, ci, None):
            continue  # "Forster mampu menepisnya": a save
        if any(id(p) in used_pending for _, p in pendings if p[1] == cue):
            continue
        unit = next(((us, ue) for us, ue in units if us <= cue[0] < ue), (cue[0], cue[1]))
        host = max((st for st in stmts if unit[0] <= st.start and st.end <= cue[0] and st.stance in ("accuse", "assert")),
                   key=lambda st: st.end, default=None)
        cs, ce = (host.start, host.end) if host is not None else (cue[1], cue[1] + 3)
        stmts.append(_Stmt(cs, ce, False, sp, cue, "deny", anchor=cue[0]))
    stmts.sort(key=lambda s: (s.start, s.end))

    # site chrome says nothing: no statement in a boilerplate, credit or repeated-headline block
    # ('Simak Video "Detik-detik Siswa Dievakuasi …"' after a quote read as its continuation)
    chrome = [(b.start, b.end) for b in article.blocks if b.kind in CHROME_BLOCKS]
    if chrome:
        stmts = [s for s in stmts if not any(lo <= s.start < hi for lo, hi in chrome)]
    # drop indirect statements overlapping direct ones
    directs = [s for s in stmts if s.direct]
    kept = [s for s in stmts if s.direct or not any(d.start < s.end and s.start < d.end for d in directs)]
    _deny_alleged(t, kept, units)
    _deny_correction(t, kept, units)
    _deny_purpose(t, kept)
    _deny_accused_ignorance(t, kept, units)
    _deny_frame(t, kept, units)
    _share_denied_claim(t, kept)
    _split_quote_stance(t, kept)

    quotes: list[Quote] = []
    last: Speaker | None = None
    last_para = -1
    last_end = -1
    for st in kept:
        para_i = next((k for k, p in enumerate(paras) if p[0] <= st.start < p[1]), -1)
        if st.speaker is None:
            if (st.direct or st.carry) and last is not None and para_i - last_para <= 2:
                speaker = Speaker(last.text, last.start, last.end, mention=last.mention, entity=last.entity,
                                  role=last.role, kind=last.kind, anaphor_start=last.anaphor_start,
                                  anaphor_end=last.anaphor_end)
            else:
                continue
        else:
            speaker = _build_speaker(article, res, st.speaker, last, last_end,
                                     postposed=st.cue is not None and st.cue[0] >= st.end, content=(st.start, st.end))
        rep = _build_speaker(article, res, st.reported_by, None) if st.reported_by else None
        cue = Cue(text[st.cue[0] : st.cue[1]], st.cue[0], st.cue[1]) if st.cue else None
        quotes.append(
            Quote(
                start=st.start,
                end=st.end,
                text=text[st.start : st.end],
                sentence=_sentence_id(article, st.start),
                direct=st.direct,
                speaker=speaker,
                cue=cue,
                stance=st.stance,
                reported_by=rep,
            )
        )
        if speaker is not None and not st.embedded:
            same = last is not None and (speaker.mention, speaker.text) == (last.mention, last.text)
            res.last_contents = [*res.last_contents, (st.start, st.end)] if same else [(st.start, st.end)]
            last = speaker
            res.speakers.append(speaker)
            last_para = para_i
            last_end = max(st.end, st.speaker.end if st.speaker else 0, st.cue[1] if st.cue else 0)
    return quotes


class QuoteStage(ArticleStage):
    """Finds attributed statements (``article.quotes``) over sentences and entity mentions."""

    name = "quotes"
    requires = ("article.sentences", "article.mentions")
    assigns = ("article.quotes",)

    def __call__(self, article: Article, options: Options) -> None:
        article.quotes = extract_quotes(article)
        for q in article.quotes:
            for sp in (q.speaker, q.reported_by):
                snap_to_mention(article, sp)
