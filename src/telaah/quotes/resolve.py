"""From a speaker phrase to a speaker: pronouns, descriptions and a plural "mereka" to their
antecedents, office holders, nicknames and aliases the article declares, clipped first names to
the full name, and a speaker snapped to its entity mention. Separate because it needs the
article's entity mentions; the rules below it read only the text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Article, Speaker
from ..entities.merge import gazetteer_entry
from ..entities.names import declared_nicknames
from ..entities.recognize import company_forms
from ..lang import load_table
from ..text.degrees import degrees_only
from .lexicon import _kinds, _office_abbreviations, _office_phrases, lexicon
from .text import _Text, _WORDS, _is_cap, _verb_shaped
from .subjects import _SpeakerSpan, _previous_name


class _Resolver:
    """Finds the referent of pronouns and descriptions among the article's PER/ORG mentions.

    Salience, not proximity: "Ia"/"katanya" refer to the subject of a recent sentence or to
    the last speaker, not to the nearest name (often an object: "Andi menemui Setya. Ia
    menegaskan ..." is Andi)."""

    def __init__(self, article: Article, direct_spans: list[tuple[int, int]]):
        self.article = article
        self.mentions = sorted(
            (m for m in enumerate(article.mentions) if m[1].type in ("PER", "ORG")), key=lambda m: m[1].start
        )
        self.inside = direct_spans
        self.tokens: _Text | None = None
        self.speakers: list[Speaker] = []
        self._subjects: list[int] | None = None
        self.aliases: dict | None = None  # nicknames the article declares (_in_text_aliases)
        self.last_contents: list[tuple[int, int]] = []  # what the last speaker said, in a row of statements

    def mention_for(self, start: int, end: int) -> int | None:
        """The mention inside a speaker span: the one at its right end (the head of
        "Anggota Fraksi Partai Gerindra Sareh Wiyono" is the person), a person before an
        organisation, then the longest."""
        best, best_key = None, None
        for k, m in self.mentions:
            if m.start < end and start < m.end:
                key = (m.end >= end - 1, m.type == "PER", m.end - m.start)
                if best_key is None or key > best_key:
                    best, best_key = k, key
        return best

    def _quoted(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.inside)

    def subjects(self) -> list[int]:
        """PER mentions that stand as a sentence's subject: only capitalised words (roles,
        titles, organisations), role words or connectives before them in their sentence or
        after an introductory comma ("Pada Selasa, Khofifah ...")."""
        if self._subjects is None:
            out = []
            t = self.tokens
            for k, m in self.mentions:
                if m.type != "PER" or self._quoted(m.start):
                    continue
                i = t.index_at(m.start) - 1
                ok = True
                lower = []  # lower-case words before the name
                while i >= 0 and t.low[i] not in (".", "!", "?", ",", "\n", '"', "“", "”", "--"):
                    w = t.word(i)
                    if t.text[t.spans[i][1]:t.spans[i + 1][0]].count("\n"):
                        break
                    if not (_is_cap(w) or w.isdigit() or _kinds(w) & {"role", "title", "lead"} or t.low[i] in ("(", ")", "dan", "&")):
                        lower.append(i)
                    i -= 1
                if lower:
                    # "tokoh masyarakat Oji Santani turut …", "analis Asjaya Securities William …": a
                    # role or group word opening the clause, its modifiers after it, no verb
                    first = i + 1
                    while first < lower[0] and _kinds(t.low[first]) & {"lead", "adverb"}:
                        first += 1
                    # not "mantan kekasih Glenn Fredly ini": someone related to the name, not the name
                    nxt = t.index_at(m.end)
                    ok = bool(_kinds(t.low[first]) & {"role", "group"}) and not any(
                        _verb_shaped(t.low[x], ("me", "ber", "di", "ter"))
                        or _kinds(t.low[x]) & {"stop", "pronoun", "pronoun_group", "kin", "relational"}
                        for x in lower) and not (nxt < len(t.low) and "definite" in _kinds(t.low[nxt]))
                if ok and self._acts(t.index_at(m.end)):
                    out.append(k)
            self._subjects = out
        return self._subjects

    def _org_of_kind(self, cands: list, head: str) -> int | None:
        """The nearest organisation that ``head`` ("partai", "kementerian") may describe: one
        whose words name that kind ("Partai Nusantara Maju"; "PNM" when the article spells it
        out, or sets "partai …" after it), else one whose kind is not said ("Greenpeace"),
        never one of another kind ("KPK", a commission, for "partai itu")."""
        unsaid = None
        text = self.article.text
        for k, m in reversed(cands):
            if text[max(0, m.start - 8) : m.start].lower().endswith("kepada "):
                continue  # "kata Hendra kepada Reuters": the one told is not described later
            words = self._org_words(m)
            if head in words or (head == "perusahaan" and any(w.upper() in company_forms() for w in words)):
                return k  # "PT Kencana Kimia Sentosa" is a company
            if unsaid is None and not any("org_head" in _kinds(w) and "org_generic" not in _kinds(w) for w in words):
                unsaid = k
        return unsaid

    def _org_words(self, m) -> set[str]:
        """The lower-case words that say what an organisation mention is: its own, the
        spelled-out name of an acronym (in the article or the gazetteer: "Komisi Pemberantasan
        Korupsi (KPK)"), and the first
        word of an apposition ("PNM, partai tempat Hendra bernaung")."""
        words = set(m.text.lower().split())
        text = self.article.text
        acronym = m.text.strip()
        if acronym.isupper() and 2 <= len(acronym) <= 8 and " " not in acronym:
            for _, other in self.mentions:
                initials = "".join(w[0] for w in other.text.split() if w[:1].isupper())
                if other.type == "ORG" and other is not m and (initials == acronym or text.startswith(
                        f"({acronym})", other.end + 1) or text.startswith(f"({acronym})", other.end)):
                    words |= set(other.text.lower().split())
        known = gazetteer_entry(m.text, "ORG")  # "KPK" is the Komisi Pemberantasan Korupsi
        if known is not None:
            words |= set(known[0].lower().split())
        after = text[m.end : m.end + 40]
        if after.startswith(", "):
            words.add(after[2:].split(" ", 1)[0].lower())
        return words

    def _acts(self, j: int) -> bool:
        """Is the word after a subject candidate (at token ``j``) an active predicate? Not a
        comma before a date ("anaknya, Agus, Kamis"), not a passive ("Miryam akan dipanggil")
        and not a copula ("Sareh adalah ...")."""
        t = self.tokens
        if j + 2 < len(t.low) and t.low[j] == "(":  # "Baharuzaman (51) melaporkan": age or party in brackets
            close = next((k for k in range(j + 1, min(len(t.low), j + 6)) if t.low[k] == ")"), None)
            if close is not None:
                j = close + 1
        if j < len(t.low) and t.low[j] == ",":
            # "Ahmad Rifa'i Sulaiman, M.Si. menyebut": degrees after the name, then the verb
            k = j + 1
            while k < len(t.low) and (t.low[k] in (",", ".") or (t.word(k).isalpha() and t.word(k)[:1].isupper()
                                                                 and len(t.word(k)) <= 3)):
                k += 1
            if k > j + 1 and degrees_only([t.word(x) for x in range(j + 1, k)]):
                j = k
        if j < len(t.low) and t.low[j] == "," and j + 1 < len(t.low) and not _is_cap(t.word(j + 1)):
            j += 1
        copulas = ("adalah", "merupakan", "yakni", "yaitu", "ialah")
        while j < len(t.low) and t.low[j] not in copulas and (
                "adverb" in _kinds(t.low[j]) or t.low[j] in lexicon().clause_words):
            j += 1
        if j >= len(t.low):
            return False
        w = t.low[j]
        if not w[:1].isalpha() or _is_cap(t.word(j)) or w in copulas:
            return False
        return not (w.startswith("di") and len(w) > 5 and not lexicon().cues.get((w,)))

    def antecedent(self, pos: int, want: str, role_head: str | None, after: int = -1,
                   org_head: str | None = None) -> int | None:
        """The referent of an anaphor at ``pos``: a mention whose role names the description,
        else the nearest subject-like mention after ``after`` (the last statement), else the
        nearest mention of the wanted type; for "partai itu" (``org_head``) the nearest
        organisation of that kind."""
        cands = [(k, m) for k, m in self.mentions if m.end <= pos and m.type == want and not self._quoted(m.start)]
        if org_head and "org_generic" not in _kinds(org_head):
            return self._org_of_kind(cands, org_head)
        if role_head:
            for k, m in reversed(cands):
                if m.role and role_head in " ".join(own_office_words(m.role.lower().split())):
                    return k
        if want == "PER":
            subj = [k for k in self.subjects() if after <= self.article.mentions[k].start and self.article.mentions[k].end <= pos]
            if subj:
                return subj[-1]
            if after >= 0:
                return None
        return cands[-1][0] if cands else None


PLURAL_WINDOW = 300  # characters: "mereka" refers to a group or organisation of the last sentence or two


def _plural_antecedent(article: Article, res: _Resolver, sp: _SpeakerSpan, last: Speaker | None,
                       after: int) -> Speaker | None:
    """"mereka" is plural: the last speaker when it was a group ("Para petani … Mereka
    mengatakan"), else the nearest organisation named just before ("… Greenpeace … Namun,
    mereka membantahnya"), never a single person; None leaves it to the person rules."""
    if last is not None and last.kind == "group" and after >= 0 and sp.start - after < PLURAL_WINDOW:
        return Speaker(last.text, last.start, last.end, mention=last.mention, entity=last.entity, role=last.role,
                       kind="pronoun", anaphor_start=sp.start, anaphor_end=sp.end)
    sentences = [s for s in article.sentences if s.start <= sp.start]
    if len(sentences) < 2:
        return None  # in the opening sentence only the dateline's outlet would be named
    window = sentences[-2].start  # this sentence and the one before
    orgs = [k for k, m in res.mentions if m.type == "ORG" and window <= m.start and m.end <= sp.start
            and not res._quoted(m.start) and not article.text[m.end : m.end + 4].lstrip().startswith(("-", "–", "—"))]
    if orgs:
        m = article.mentions[orgs[-1]]
        return Speaker(m.text, m.start, m.end, mention=orgs[-1], kind="pronoun", anaphor_start=sp.start, anaphor_end=sp.end)
    name = _previous_name(res.tokens, sp.start) if res.tokens else None
    if name and window <= name[0]:
        k = res.mention_for(*name)
        if k is not None and article.mentions[k].type == "PER":
            return None  # a person is named there: the person rules decide ("Andi dan Budi … mereka")
        return Speaker(article.text[name[0] : name[1]], name[0], name[1], mention=k, kind="pronoun",
                       anaphor_start=sp.start, anaphor_end=sp.end)
    group = _group_subject(article, window, sp.start) if res.tokens else None
    if group is not None:
        return Speaker(article.text[group[0] : group[1]], group[0], group[1], mention=None, kind="pronoun",
                       anaphor_start=sp.start, anaphor_end=sp.end)
    return None


GROUP_SUBJECT_LEAD = 5  # words before a group noun that may count or qualify it ("Lebih dari 2.000 mahasiswa")


@lru_cache(maxsize=1)
def _count_words() -> frozenset:
    """Words that count or qualify a group noun before it: approximators and number words."""
    words = {w for row in load_table("number_qualifiers.tsv") for w in row["qualifier"].split()}
    words |= {row["word"] for row in load_table("number_words.tsv")}
    return frozenset(words)


def _group_subject(article: Article, start: int, end: int) -> tuple[int, int] | None:
    """The group noun that is the subject of the sentence opening at ``start`` ("Sekitar 2.000
    mahasiswa … menggelar aksi. Mereka menilai …": the students, not the "13.00 WIB" before
    "Mereka"); None when that sentence opens otherwise. Only the opening words are read: a
    group noun further in is an object or a modifier."""
    counts = _count_words()
    for n, w in enumerate(_WORDS.finditer(article.text, start, end)):
        low = w.group().lower()
        kinds = _kinds(low)
        if "group" in kinds and "group_determiner" not in kinds:
            return w.start(), w.end()
        if n >= GROUP_SUBJECT_LEAD or not (low in counts or low[:1].isdigit() or kinds & {"group", "group_quantifier", "lead"}):
            return None
    return None


def _declared_full_mention(article: Article, res: _Resolver, k: int) -> int:
    """The mention of the full name when mention ``k`` is a nickname the article declares: a
    pronoun or description resolved to "Gus Sholah" is KH Salahuddin Wahid, as a named speaker
    is (``_full_name``)."""
    aliases = _in_text_aliases(res)
    if not aliases:
        return k
    m = article.mentions[k]
    full = aliases.get(m.text.lower())
    if full is None or full[0] <= m.start < full[1]:
        return k
    fk = res.mention_for(*full)
    return k if fk is None else fk


OFFICE_WORDS = 8  # words before a person's name searched for the office that introduces them


def own_office_words(role_words: list[str]) -> list[str]:
    """The words of a role up to the first that makes what follows someone else's office
    ("kuasa hukum Bupati": the lawyer holds no office of Bupati; kind ``other_office``)."""
    for k, w in enumerate(role_words):
        if "other_office" in _kinds(w) or (k and "other_office" in _kinds(f"{role_words[k - 1]} {w}")):
            return role_words[:k + 1]
    return role_words


def _same_office(head: str | tuple[str, ...], role_words: list[str]) -> bool:
    """"Kapolsek" names the office of "Kapolsekta Medan Barat": equal words, or one a
    shortening of the other (four letters at least). An abbreviation stands for its office
    words and an office may be given in full ("Menperin" is the office of "Menteri
    Perindustrian RI"; "Menteri Perindustrian" that of "Menperin"): the office's words, each
    abbreviation spelled out, then stand together in the role's."""
    if isinstance(head, tuple) and len(head) == 1:
        head = head[0]
    role_words = own_office_words(role_words)
    if isinstance(head, str):
        if any(w == head or (min(len(w), len(head)) >= 4 and (w.startswith(head) or head.startswith(w)))
               for w in role_words):
            return True
        head = (head,)
    abbreviations = _office_abbreviations()
    office = [x for w in head for x in abbreviations.get(w, (w,))]
    if len(office) < 2 and len(head) < 2 and head[0] not in abbreviations:
        return False  # a single plain word: tested above
    role = [x for w in role_words for x in abbreviations.get(w, (w,))]
    n = len(office)
    return any(role[k : k + n] == office for k in range(len(role) - n + 1))


def _office_of(words: list[str]) -> tuple[str, ...] | None:
    """The office a speaker's words name, when they name nothing else: a single abbreviation
    ("Menperin") or an office written in full ("Menteri Perindustrian", "Menteri Perindustrian
    RI"); None for a name ("Menteri Airlangga")."""
    abbreviations = _office_abbreviations()
    if len(words) == 1 and words[0] in abbreviations:
        return (words[0],)
    spelled = tuple(x for w in words for x in abbreviations.get(w, (w,)))
    if spelled[-1:] == ("ri",):
        spelled = spelled[:-1]
    return spelled if spelled in _office_phrases() else None


def _office_holder(article: Article, res: _Resolver, pos: int, head: str | tuple[str, ...]) -> int | None:
    """The nearest person before ``pos`` introduced with the office ``head`` ("Kadiskes
    Kolinlamil Kolonel Laut dr. Hengky Setyahadi ... kata Kadiskes"): in the mention's role, or
    in the words just before the name, within its sentence and with no verb between ("jaksa
    menuntut Irman dan Sugiharto" makes Sugiharto no prosecutor). A mention that holds the
    office in its own text ("Kapolsek Tambun", "Menhub Budi Karya Sumadi" where the tagger
    kept the office in the name) is taken only when no one else was introduced with it."""
    fallback = None
    for k, m in reversed(res.mentions):
        if m.type != "PER" or m.end > pos or res._quoted(m.start):
            continue
        sent = article.sentence_at(m.start)
        lo = sent.start if sent else max(0, m.start - 200)
        before = article.text[lo : m.start].lower().split()[-OFFICE_WORDS:]
        for n in range(len(before) - 1, -1, -1):
            if _verb_shaped(before[n], ("me", "di", "ber")) and not _kinds(before[n]) & {"role", "title"}:
                before = before[n + 1:]  # a verb: the office must come after it
                break
        after = article.text[m.end : m.end + 80]  # "AKP Boby Kusumawardhana, Kapolsek Tambun, mengatakan"
        apposition = after[1:].split(",")[0].lower().split()[:3] if after.startswith(",") else []
        own = m.text.lower().split()
        if not _same_office(head, own):
            if _same_office(head, (m.role or "").lower().split() + before + apposition):
                return k
        elif fallback is None and not all(_kinds(w) & {"role", "title"} for w in own):
            fallback = k
    return fallback


def _topic_of_last(article: Article, res: _Resolver, k: int, last: Speaker) -> bool:
    """Is the person of mention ``k`` (a subject named since the last statement) someone the
    last speaker was talking about ("… dulu zaman Pak Akbar …," ujar Kahar. Akbar akhirnya
    terbebas … "…," katanya: Kahar goes on)? The narration between describes the topic of the
    speaker's words; a postposed clitic, or "pihaknya" (the speaker's side, not the party the
    speaker just named), then still refers to the speaker. (A preposed "Ia mengaku" right after
    "Kwik … diminta keterangannya" starts with the new subject: not asked.)"""
    m = article.mentions[k]
    if last.mention is not None and 0 <= last.mention < len(article.mentions) and \
            set(article.mentions[last.mention].text.split()) & set(m.text.split()):
        return False
    return any(_named_in(article, k, span) for span in res.last_contents)


def _named_in(article: Article, k: int | None, span: tuple[int, int]) -> bool:
    """Does a name word of mention ``k`` occur in ``span`` (what was said)? Speakers talk of
    others by name, seldom of themselves."""
    if k is None or not 0 <= k < len(article.mentions):
        return False
    names = {w for w in article.mentions[k].text.split() if len(w) > 2 and _is_cap(w) and not _kinds(w) & {"role", "title"}}
    return bool(names) and not names.isdisjoint(_WORDS.findall(article.text[span[0] : span[1]]))


def _is_org(article: Article, sp: Speaker) -> bool:
    """Is this speaker linked to an organisation mention?"""
    return sp.mention is not None and 0 <= sp.mention < len(article.mentions) and article.mentions[sp.mention].type == "ORG"


def _last_person(article: Article, res: _Resolver) -> Speaker | None:
    """The latest speaker so far who is a person (a PER mention)."""
    return next((p for p in reversed(res.speakers) if p.mention is not None
                 and article.mentions[p.mention].type == "PER"), None)


def _build_speaker(article: Article, res: _Resolver, sp: _SpeakerSpan | None, last: Speaker | None,
                   after: int = -1, postposed: bool = False, content: tuple[int, int] | None = None) -> Speaker | None:
    """A Speaker for the attribution span ``sp``; ``last`` is the previous statement's speaker
    and ``after`` where that statement's attribution ended (anaphors prefer a subject named
    since then, else that speaker); ``postposed`` when the attribution follows what was said
    ("…," katanya); ``content`` is the span of what was said."""
    if sp is None:
        return None
    text = article.text
    surface = text[sp.start : sp.end]

    def carried(kind: str) -> Speaker:
        return Speaker(last.text, last.start, last.end, mention=last.mention, entity=last.entity,
                       role=last.role, kind=kind, anaphor_start=sp.start, anaphor_end=sp.end)

    def linked(k: int, kind: str, role: bool = True) -> Speaker:
        k = _declared_full_mention(article, res, k)
        m = article.mentions[k]
        return Speaker(m.text, m.start, m.end, mention=k, role=m.role if role else None, kind=kind,
                       anaphor_start=sp.start, anaphor_end=sp.end)

    usable_last = last is not None and last.kind != "group"
    if sp.kind == "pronoun" and surface.lower() == "mereka":
        plural = _plural_antecedent(article, res, sp, last, after)
        if plural is not None:
            return plural
    if sp.kind == "pronoun":
        want = "ORG" if surface.lower() in ("pihaknya",) else "PER"
        if want == "PER" and usable_last and last.kind == "pronoun" and last.anaphor_start is not None \
                and text[last.anaphor_start : last.anaphor_end].lower() == "pihaknya" and _is_org(article, last):
            # "Menurut Arfan, … pihaknya belum bisa memastikan …. "Kami …," ujarnya": the side
            # "pihaknya" named is no person; the person who spoke for it is meant
            person = _last_person(article, res)
            if person is not None:
                return Speaker(person.text, person.start, person.end, mention=person.mention, entity=person.entity,
                               role=person.role, kind="pronoun", anaphor_start=sp.start, anaphor_end=sp.end)
        k = res.antecedent(sp.start, want, None, after if usable_last else -1)
        if k is not None and usable_last and (postposed or want == "ORG") and _topic_of_last(article, res, k, last):
            return carried("pronoun")
        if k is not None and usable_last and content is not None and _named_in(article, k, content) \
                and not _named_in(article, last.mention, content):
            return carried("pronoun")  # ""Tadi saya telepon dia (Freddy) …," ujarnya": not Freddy
        if k is not None:
            return linked(k, "pronoun")
        if usable_last and want == "PER" and surface.lower() in ("dia", "ia", "beliau") and _is_org(article, last):
            # "Polri melarang keras … "…," tegas dia": a personal pronoun is no organisation; the
            # person who spoke last (the force's spokesman) is meant
            person = _last_person(article, res)
            if person is not None:
                return Speaker(person.text, person.start, person.end, mention=person.mention, entity=person.entity,
                               role=person.role, kind="pronoun", anaphor_start=sp.start, anaphor_end=sp.end)
        if usable_last:
            return carried("pronoun")
        name = _previous_name(res.tokens, sp.start) if res.tokens else None
        if name:
            return Speaker(text[name[0] : name[1]], name[0], name[1], kind="pronoun",
                           anaphor_start=sp.start, anaphor_end=sp.end)
        return Speaker(surface, sp.start, sp.end, kind="pronoun")
    if sp.kind == "description":
        words = surface.lower().split()
        head = words[0]
        is_org = "org_head" in _kinds(head)
        # "Klub justru menyoroti …": a bare word for the kind of organisation the article is
        # about names it as "klub itu" would
        definite = "definite" in _kinds(words[-1]) or (len(words) == 1 and "org_bare" in _kinds(head))
        only_role = all(_kinds(w) & {"role", "title"} for w in words)
        k = None if only_role or sp.relational else res.mention_for(sp.start, sp.end)
        if k is not None and not (definite and article.mentions[k].start > sp.start):
            return Speaker(surface, sp.start, sp.end, mention=k, role=sp.role, kind="description")
        if definite and not is_org and last is not None and last.kind == "group" and head in last.text.lower().split():
            return carried("description")  # "menurut sumber yang …, … Sumber tersebut juga mengatakan": that source
        if definite:
            want = "ORG" if is_org else "PER"
            k = res.antecedent(sp.start, want, None if is_org else " ".join(words[:-1]),
                               after if usable_last and not is_org else -1, org_head=head if is_org else None)
            if k is not None:
                return linked(k, "description", role=not is_org)
            other_office = last is not None and last.kind == "description" and last.anaphor_start is None and head not in (
                f"{last.text} {last.role or ''}".lower().split())  # "Polisi tersebut" after "menurut jaksa"
            if usable_last and not is_org and not other_office:
                return carried("description")
        if not definite:  # "kata Kapolri": a previous speaker who holds that role
            office = _office_of(words) or words[0]
            for prev in reversed(res.speakers):
                if prev.role and prev.kind == "named" and _same_office(office, prev.role.lower().split()):
                    return Speaker(prev.text, prev.start, prev.end, mention=prev.mention, role=surface,
                                   kind="description", anaphor_start=sp.start, anaphor_end=sp.end)
            if only_role:  # else a person introduced with that office in the narration
                k = _office_holder(article, res, sp.start, office)
                if k is not None:
                    return linked(k, "description")
        return Speaker(surface, sp.start, sp.end, role=sp.role or surface, kind="description")
    if sp.kind == "group":
        return Speaker(surface, sp.start, sp.end, mention=None, kind="group")
    words = surface.lower().split()
    if words and all(_kinds(w) & {"role", "title"} for w in words):
        # "kata Kadiskes" read as a name: an office alone names the person who holds it
        k = _office_holder(article, res, sp.start, _office_of(words) or words[0])
        if k is not None:
            return linked(k, "description")
    office = _office_of(f"{sp.role or ''} {surface}".lower().split()) if sp.role else None
    if office is not None:  # "Menteri Perindustrian mengatakan": the office in full, no name
        k = _office_holder(article, res, sp.start, office)
        if k is not None:
            return linked(k, "description")

    if _own_nickname_re().match(text, sp.end):  # "tegas Ani, sapaan akrabnya": the nickname of the one spoken of
        k = _nicknamed(article, res, sp.start, surface)
        if k is not None:
            return linked(k, "named")

    k = res.mention_for(sp.start, sp.end)
    full = _full_name(article, res, sp.start, sp.end) if res.mentions else None
    if full is not None:  # "Gus Sholah" → the entity of "KH Salahuddin Wahid"; the span stays where the name stands
        fk = res.mention_for(*full)
        k = fk if fk is not None else k
    if k is None and res.mentions:
        k = _untagged_name_mention(article, res, sp.start, surface)
    return Speaker(surface, sp.start, sp.end, mention=k, role=sp.role, kind="named")


def _untagged_name_mention(article: Article, res: _Resolver, start: int, surface: str) -> int | None:
    """A speaker name the recogniser left untagged (a surname opening a paragraph:
    "Đorđević, yang aliansinya ...") stands for the person the article names with it: the
    nearest earlier PER mention whose words hold the whole name (else the first later one).
    The span stays where the name stands; only the referent is found."""
    words = surface.split()
    if not words or not surface[:1].isupper():
        return None
    n = len(words)
    before = after = None
    for k, m in res.mentions:
        if m.type != "PER":
            continue
        mw = (m.text or "").split()
        if not any(mw[i:i + n] == words for i in range(len(mw) - n + 1)):
            continue
        if m.end <= start:
            before = k
        elif after is None and m.start >= start + len(surface):
            after = k
    return before if before is not None else after


@lru_cache(maxsize=1)
def _own_nickname_re() -> re.Pattern:
    """", sapaan akrabnya" right after a name: the name is the nickname of the person the
    sentence is about ("tegas Ani, sapaan akrabnya" after "Menteri Keuangan Sri Mulyani"), from
    the nickname-first phrases of ``nickname_markers.tsv`` with the clitic on their head
    (sapaannya) or on its optional modifier (sapaan akrabnya)."""
    forms = set()
    for row in load_table("nickname_markers.tsv"):
        tokens = [t for t in row["phrase"].split() if t != "[,]"]
        if row["nickname"] != "first" or not tokens or tokens[0].startswith("["):
            continue
        head = re.escape(tokens[0])
        forms.add(head + "nya")
        if len(tokens) > 1 and tokens[1].startswith("["):
            forms.add(head + r"\s+(?:" + "|".join(map(re.escape, tokens[1][1:-1].split("/"))) + ")nya")
    return re.compile(r",?\s+(?:" + "|".join(sorted(forms)) + r")\b")


def _nicknamed(article: Article, res: _Resolver, pos: int, nickname: str) -> int | None:
    """The person introduced before ``pos`` whose name holds the nickname's first letters
    ("Ani" in Sri Mulyani, "Mandy" in Amanda, "Mou" in Mourinho): the nearest such mention."""
    stem = nickname.lower()[:4].rstrip("y")
    if len(stem) < 3 or " " in nickname:
        return None
    for k, m in reversed(res.mentions):
        if m.type == "PER" and m.end <= pos and not res._quoted(m.start) and m.text.lower() != nickname.lower() \
                and any(stem in w for w in m.text.lower().split()):
            return k
    return None


def _in_text_aliases(res: _Resolver) -> dict:
    """Nicknames the article itself declares, folded nickname → span of the full name:
    "Gus Sholah, sapaan akrab KH Salahuddin Wahid", "Basuki Tjahaja Purnama alias Ahok",
    "Rizieq yang akrab disapa Habib". Computed once per article, only when the text holds a
    marker word."""
    if res.aliases is None:
        res.aliases = {}
        text = res.article.text
        for nick, full in declared_nicknames(text):
            res.aliases.setdefault(text[nick[0]:nick[1]].lower(), full)
    return res.aliases


def _full_name(article: Article, res: _Resolver, start: int, end: int) -> tuple[int, int] | None:
    """The span of the full name a named speaker stands for: a nickname declared in the text,
    or a clipped first name ("Sugian" for an earlier "Sugianto Sabran": a single word that
    begins a longer word of an earlier person's name, differing by at most 3 letters, when no
    earlier name has that word whole). None when the speaker is named in full."""
    surface = article.text[start:end]
    aliases = _in_text_aliases(res)
    if aliases:
        full = aliases.get(surface.lower())
        if full is not None and not (full[0] <= start < full[1]):
            return full
    if " " in surface or len(surface) < 4 or not surface[:1].isupper():
        return None
    earlier = [(m.start, m.end, m.text) for _, m in res.mentions if m.type == "PER" and m.end <= start]
    earlier += [(s.start, s.end, s.text) for s in res.speakers if s.end <= start]
    hit = None
    for s_, e_, name in earlier:
        words = name.split()
        if surface in words and len(words) > 1:
            return None  # "Sugian Putra": the short name of someone else, used as it is
        if any(w.startswith(surface) and _clipped(surface, w) for w in words):
            hit = (s_, e_) if hit is None or e_ - s_ > hit[1] - hit[0] else hit
    return hit


def _clipped(short: str, word: str) -> bool:
    """Is ``short`` a clipped form of the name word ``word`` it begins: at most 3 letters cut
    ("Sugian" / "Sugianto"), or, from five letters on, at least half the word ("Enggar" /
    "Enggartiasto", "Zulkifli" / "Zulkiflimansyah")?"""
    cut = len(word) - len(short)
    return 0 < cut and (cut <= 3 or (len(short) >= 5 and 2 * len(short) >= len(word)))


def snap_to_mention(article: Article, sp: Speaker | None) -> None:
    """A named speaker linked to a mention takes the mention's exact span: "Namun Elza"
    becomes "Elza". Extra words before the name are kept as the role, or added to the role
    they continue, unless they are sentence connectives; the mention's own role (the office
    before that occurrence of the name) wins where it holds them. Run again after entity merging,
    which may move a mention's start (``entities.merge.repair_glued_names``)."""
    if sp is None or sp.mention is None or not 0 <= sp.mention < len(article.mentions):
        return
    m = article.mentions[sp.mention]
    if (m.start, m.end) == (sp.start, sp.end):
        if sp.role is None and m.role and m.type == "PER" and sp.kind == "named":
            sp.role = m.role  # (session 20) "Wakil Wali Kota Tegal Hj. Rina": an honorific between
        return
    if not (m.start < sp.end and sp.start < m.end):
        return
    if not (sp.start <= m.start and m.end <= sp.end):  # "Tayyip Erdogan" inside "Recep Tayyip Erdogan"
        if m.type == "PER" and sp.kind == "named":
            if sp.role and article.text[m.start:sp.start].strip() and sp.role.endswith(article.text[m.start:sp.start].strip()):
                sp.role = sp.role[: -len(article.text[m.start:sp.start].strip())].strip() or None
            sp.start, sp.end, sp.text = m.start, m.end, m.text
        return
    prefix = article.text[sp.start:m.start].strip(" ,")
    if prefix and not _kinds(prefix.split()[0].lower()) & {"lead", "stop"}:
        if sp.role is None:
            sp.role = prefix
        elif article.text[:sp.start].rstrip(" ,").endswith(sp.role):
            sp.role = f"{sp.role} {prefix}"  # the role runs on into the words let go ("... PT Samudra Timur" "Abadi")
    if m.role and m.type == "PER" and (sp.role is None or m.role.endswith(sp.role)):
        # (session 20) the entity stage read the office whole where the subject's run of
        # capitals began after "dan" ("Kepala Dinas Pemadam Kebakaran dan [Penyelamatan Kota
        # Tegal] Agus Priyanto")
        sp.role = m.role
    sp.start, sp.end, sp.text = m.start, m.end, m.text
