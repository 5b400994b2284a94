"""Who said what: direct and reported statements, their speakers, cues and stances.

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
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import compress

from ..document import Article, Cue, Quote, Speaker
from ..lang import load_lines, load_table
from ..pipeline import ArticleStage, Options
from ..text.tokens import text_tokens

QUOTE_MARKS = "\"“”„«»"
OPENERS = "“„«"
CLOSERS = "”»"
_SPACE_LIKE = " \t\u00a0\u2060\u200b\ufeff"
_PUNCT_END = ".,;:!?"
MIN_DIRECT_WORDS = 4  # shorter quoted stretches are names, terms or partial quotes
# compiled once: these run for every statement and region (re's own cache costs a lookup each call)
_WORDS = re.compile(r"\w+")
_WORDS_PUNCT = re.compile(r"[\w-]+|[,;:]")
_WORDS_PUNCT_STOP = re.compile(r"[\w-]+|[,;:.]")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_QUOTE_MARK = re.compile(f"[{QUOTE_MARKS}]")


@dataclass(frozen=True)
class _Lexicon:
    cues: dict  # tuple(words) -> (stance, kind)
    max_cue_len: int
    negators: frozenset  # tuple(words)
    words: dict  # word -> set(kinds)
    complementizers: frozenset
    clause_words: frozenset
    deny_openers: tuple  # tuple(words)
    first_words: frozenset  # first words of all cues, for a fast miss
    clause_verbs: frozenset  # verbs whose complement is a statement even without a verb in it
    not_deny: frozenset  # words after "bukan" that make it no denial ("bukan hanya")
    back_reference: frozenset  # "Hal itu disampaikan X": words that point back to the last sentence
    passives: dict  # "dibantah" -> (stance, needs a claim noun in the subject)
    claim_nouns: dict  # "tudingan" -> stance of a statement it heads ("Tudingan itu dilontarkan X")
    never_not_deny: frozenset  # "tidak pernah melihat": experience verbs, no denial
    never_lead: frozenset  # words that may stand before a "tidak pernah" denial ("saya", "bersumpah")
    reply_marker: frozenset  # "Menanggapi/Ditanya soal tuduhan itu, …": the statement replies to a claim
    reply_not_deny: frozenset  # "tidak akan …": a negated reply that denies nothing
    reply_claim: frozenset  # claims a negated reply denies: tuduhan, kabar, isu …
    physical_sense: frozenset  # deny verbs that also mean a physical parry (menepis bola)
    ability: frozenset  # "mampu/bisa menepisnya": words that show the physical sense
    source_phrases: tuple  # "datang dari": where a nominal denial ("Bantahan …") comes from
    anaphoric_objects: frozenset  # "menyampaikan itu/demikian …": an object that points back
    occasion_words: frozenset  # "… hal itu menanggapi/karena …": what may follow such an object
    as_verbs: frozenset  # "menyebut/menilai X sebagai Y": the predication is the statement
    alleged: frozenset  # "bukan … seperti (yang) dituduhkan": passives that name a claim as an allegation
    allegation_markers: frozenset  # "dituduh", "tuduhan", "didakwa": a sentence that alleges a deed
    rejections: tuple = ()  # "(tidak) terkait", "(tidak) ada hubungannya": a negated link or guilt anywhere rejects a claim
    rejection_not_after: frozenset = frozenset()  # "orang tidak bersalah": an attribute, no denial
    verdicts: tuple = ()  # "keliru", "tidak memiliki dasar": said of an anaphor or a claim noun, a denial
    claim_verdicts: tuple = ()  # "palsu": a denial only said of a claim noun ("tuduhan itu palsu")
    denial_lead: frozenset = frozenset()  # "Jadi sekali lagi, tidak …": words before a rejecting negation
    comp_only: frozenset = frozenset()  # "merespons bahwa …": reply verbs that report only before a complementizer
    topic_prep: frozenset = frozenset()  # "bertanya soal …": a topic, not a clause
    degree: frozenset = frozenset()  # "enggan berkomentar banyak": no object
    disclosure: frozenset = frozenset()  # "tidak menjelaskan X": negated, a refusal with a noun phrase
    not_verb: frozenset = frozenset()  # "mereka", "menteri", "terhadap": prefixed look, no verb
    contrast: frozenset = frozenset()  # "bukan X tapi Y": connectives of a correction
    scope_not: frozenset = frozenset()  # "tidak hanya", "bukan sekadar": a negator that corrects nothing
    negation_shield: frozenset = frozenset()  # "agar tidak …", "yang tidak …": a negation inside a subordinate clause
    emphatic: frozenset = frozenset()  # "menegaskan", "tegas": cues that insist, so a negated purpose under them rejects
    purpose: frozenset = frozenset()  # "bukan untuk", "tidak bermaksud": words after a negator that negate an aim
    ignorance: frozenset = frozenset()  # "tidak tahu/mengetahui": an accused who did not know the culpable fact
    victim: frozenset = frozenset()  # "hanya (sebagai) korban": an accused who calls themself the victim
    charge: frozenset = frozenset()  # "tersangka", "didakwa": words that charge the person named next to them
    negation: frozenset = frozenset()  # "tidak", "tak": negate a verb or adjective ("tidak tahu")
    negation_nominal: frozenset = frozenset()  # "bukan": negate a noun or a clause
    negation_emphatic: frozenset = frozenset()  # "tidaklah"
    demand_links: frozenset = frozenset()  # "meminta masyarakat tetap waspada": words after the addressee that open the demanded act
    needs_link: frozenset = frozenset()  # "menantang": a demand only with a purposive link ("untuk", "agar")
    purpose_links: frozenset = frozenset()  # "untuk", "agar", "supaya"
    not_clause_openers: frozenset = frozenset()  # "untuk", "adalah": a complement opening so is no reported clause
    refusals: frozenset = frozenset()  # "belum bisa memastikan": a statement whose main clause declines to confirm
    refusal_lengths: tuple = ()


def _verb_shaped(word: str, prefixes: tuple[str, ...] = ("me", "ber")) -> bool:
    """A lower-case word that looks like an active (or, with "di", passive) verb: a verbal
    prefix and more than five letters ("mengatakan", "berharap"); callers add their exceptions."""
    return len(word) > 5 and word.startswith(prefixes)


@lru_cache(maxsize=1)
def _office_abbreviations() -> dict[str, tuple[str, ...]]:
    """``lang/id/office_abbreviations.tsv``: "menperin" -> ("menteri", "perindustrian")."""
    return {row["abbreviation"].lower(): tuple(row["office"].lower().split())
            for row in load_table("office_abbreviations.tsv")}


@lru_cache(maxsize=1)
def _office_phrases() -> frozenset:
    """The offices written in full ("menteri perindustrian"), for a speaker named by the office."""
    return frozenset(o for o in _office_abbreviations().values() if len(o) > 1)


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    cues: dict = {}
    comp, clause, deny = set(), set(), []
    sets: dict = {"clause_verb": set(), "not_deny": set(), "back_reference": set(), "never_not_deny": set(),
                  "never_lead": set(), "reply_marker": set(), "reply_not_deny": set(), "reply_claim": set(),
                  "physical_sense": set(), "ability": set(), "anaphoric_object": set(), "occasion": set(), "as_verb": set(), "alleged": set(), "allegation_marker": set(), "denial_lead": set(), "comp_only": set(),
                  "topic_prep": set(), "degree": set(), "disclosure": set(), "not_verb": set(),
                  "contrast": set(), "scope_not": set(), "negation_shield": set(),
                  "emphatic": set(), "purpose": set(), "ignorance": set(), "victim": set(), "charge": set(),
                  "negation": set(), "negation_nominal": set(), "negation_emphatic": set(), "demand_link": set(),
                  "needs_link": set(), "purpose_link": set(), "not_clause_opener": set()}
    refusals: list = []
    sources: list = []
    phrases: dict = {}
    sets["rejection_not_after"] = set()
    passives: dict = {}
    claim_nouns: dict = {}
    for row in load_table("speech_cues.tsv"):
        key = tuple(row["cue"].lower().split())
        kind = row["kind"]
        if kind in ("passive", "passive_claim"):
            passives[key[0]] = (row["stance"], kind == "passive_claim")
        elif kind == "claim_noun":
            claim_nouns[key[0]] = row["stance"]
        elif kind == "source_phrase":
            sources.append(key)
        elif kind == "not_clause_opener":
            sets[kind].add(" ".join(key))  # "adalah" for every cue, "yakin untuk" for one
        elif kind in sets:
            sets[kind].add(key[0])
        elif kind in ("rejection", "verdict", "verdict_claim"):
            phrases.setdefault(kind, []).append(" ".join(key))
        elif kind == "complementizer":
            comp.add(key[0])
        elif kind == "clause_word":
            clause.add(key[0])
        elif kind == "content":
            deny.append(key)
        elif kind == "refusal_content":
            refusals.append(key)
        else:
            cues.setdefault((key, kind), row["stance"])
            if kind == "verb" and row["stance"] == "unconfirmed" and len(key) > 1:
                refusals.append(key)  # "belum bisa memastikan" opens a refusal inside a statement too
    by_key: dict = {}
    for (key, kind), stance in cues.items():
        by_key.setdefault(key, {})[kind] = stance
    words: dict = {}
    for row in load_table("speaker_words.tsv"):
        words.setdefault(row["word"].lower() if row["kind"] != "weekday" else row["word"], set()).add(row["kind"])
    for abbreviation in _office_abbreviations():  # "Menperin", "Kapolsek": an office, like "menteri"
        words.setdefault(abbreviation, set()).add("role")
    negs = frozenset(tuple(n.lower().split()) for n in load_lines("negators.txt"))
    return _Lexicon(
        cues=by_key,
        max_cue_len=max(len(k) for k in by_key),
        negators=negs,
        words=words,
        complementizers=frozenset(comp),
        clause_words=frozenset(clause),
        deny_openers=tuple(sorted(deny, key=len, reverse=True)),
        first_words=frozenset(k[0] for k in by_key),
        clause_verbs=frozenset(sets["clause_verb"]),
        not_deny=frozenset(sets["not_deny"]),
        back_reference=frozenset(sets["back_reference"]),
        passives=passives,
        claim_nouns=claim_nouns,
        never_not_deny=frozenset(sets["never_not_deny"]),
        never_lead=frozenset(sets["never_lead"]),
        reply_marker=frozenset(sets["reply_marker"]),
        reply_not_deny=frozenset(sets["reply_not_deny"]),
        reply_claim=frozenset(sets["reply_claim"]),
        physical_sense=frozenset(sets["physical_sense"]),
        ability=frozenset(sets["ability"]),
        source_phrases=tuple(sources),
        anaphoric_objects=frozenset(sets["anaphoric_object"]),
        occasion_words=frozenset(sets["occasion"]),
        as_verbs=frozenset(sets["as_verb"]),
        alleged=frozenset(sets["alleged"]),
        allegation_markers=frozenset(sets["allegation_marker"]) | frozenset(sets["alleged"])
        | frozenset(w for w, st in claim_nouns.items() if st == "accuse"),
        rejections=tuple(sorted(phrases.get("rejection", ()), key=len, reverse=True)),
        rejection_not_after=frozenset(sets["rejection_not_after"]),
        denial_lead=frozenset(sets["denial_lead"]),
        comp_only=frozenset(sets["comp_only"]),
        topic_prep=frozenset(sets["topic_prep"]),
        degree=frozenset(sets["degree"]),
        disclosure=frozenset(sets["disclosure"]),
        not_verb=frozenset(sets["not_verb"]),
        contrast=frozenset(sets["contrast"]),
        scope_not=frozenset(sets["scope_not"]),
        negation_shield=frozenset(sets["negation_shield"]),
        emphatic=frozenset(sets["emphatic"]),
        purpose=frozenset(sets["purpose"]),
        ignorance=frozenset(sets["ignorance"]),
        victim=frozenset(sets["victim"]),
        charge=frozenset(sets["charge"]),
        negation=frozenset(sets["negation"]),
        negation_nominal=frozenset(sets["negation_nominal"]),
        negation_emphatic=frozenset(sets["negation_emphatic"]),
        demand_links=frozenset(sets["demand_link"]),
        needs_link=frozenset(sets["needs_link"]),
        purpose_links=frozenset(sets["purpose_link"]),
        not_clause_openers=frozenset(sets["not_clause_opener"]),
        refusals=frozenset(refusals),
        refusal_lengths=tuple(sorted({len(r) for r in refusals}, reverse=True)),
        verdicts=tuple(sorted(phrases.get("verdict", ()), key=len, reverse=True)),
        claim_verdicts=tuple(sorted(phrases.get("verdict_claim", ()), key=len, reverse=True)),
    )


@lru_cache(maxsize=1)
def _time_words() -> tuple[frozenset, frozenset, dict, frozenset]:
    """Words of dates and times (from the time tagger's tables), for speakers that are only a
    date: "Pemerintah, Senin, mengatakan" / "ujar Senin (3/4)" / "Sejak Maret lalu menyatakan".
    Returns (free words, months, phrases by their last word, units). Month abbreviations ("agus", "des") are
    left out: they are also names."""
    free = {row["form"].lower() for row in load_table("time_weekdays.tsv")}
    free |= {row["form"].lower() for row in load_table("time_parts_of_day.tsv") if " " not in row["form"]}
    free |= {row["form"].lower() for row in load_table("time_directions.tsv") if " " not in row["form"]
             and row["form"].lower() not in ("ini", "depan", "kemudian", "lagi", "sebelumnya")}
    months = {row["form"].lower() for row in load_table("time_months.tsv")
              if len(row["form"]) >= 5 or row["form"].lower() in ("mei", "juni", "juli")}
    phrases = {tuple(row["phrase"].lower().split()) for name in ("time_deictic.tsv", "time_vague.tsv")
               for row in load_table(name)}
    units = {row["form"].lower() for row in load_table("time_units.tsv")}
    by_last: dict = {}
    for p in phrases:
        if p:
            by_last.setdefault(p[-1], []).append(p)
    return frozenset(free), frozenset(months), by_last, frozenset(units)


_TIME_PUNCT = frozenset({",", "(", ")", "/", "-"})


@lru_cache(maxsize=1)
def _time_enders() -> frozenset:
    """Words a date or time can end with: a quick miss for most speaker phrases."""
    free, months, by_last, units = _time_words()
    return free | months | units | frozenset(by_last) | {"ini", "itu"}


_TIME_GLUE = frozenset({"pada", "tanggal", "sejak", "hingga", "sampai", "awal", "akhir", "pertengahan", "tahun", "bulan"})


def _time_tail(words: list[str]) -> int:
    """How many tokens at the end of ``words`` are a date or time ("di Jakarta, Senin (3/4)" →
    ", Senin (3/4)"; "hari ini"; "pada 3 Maret lalu"); 0 when none is. A capitalised word
    that names no weekday or month is a name ("kata Lalu", "Hari Sabirin")."""
    last = len(words)
    while last and (words[last - 1] in _TIME_PUNCT or words[last - 1][:1].isdigit()):
        last -= 1
    if not last or words[last - 1].lower() not in _time_enders():
        return 0
    free, months, by_last, units = _time_words()
    low = [w.lower() for w in words]
    n, timed = len(low), False
    while n:
        w = low[n - 1]
        if words[n - 1][:1].isupper() and w not in months and "weekday" not in _kinds(words[n - 1]) \
                and not (timed and w in _TIME_GLUE):
            break
        if w in (",", "(", ")", "/", "-") or re.fullmatch(r"\d+(?:/\d+)*", w):
            n -= 1
            continue
        hit = next((len(p) for p in by_last.get(w, ()) if n >= len(p) and tuple(low[n - len(p) : n]) == p), 0)
        if hit:
            n -= hit
        elif w in free:
            n -= 1
        elif w in months and (n == 1 or low[n - 2][:1].isdigit() or low[n - 2] in _TIME_GLUE or low[n - 2] == ","):
            n -= 1
        elif w in ("ini", "itu") and n > 1 and (low[n - 2] in free or low[n - 2] in units) \
                and not (n > 2 and low[n - 3][:1].isdigit()):  # "pekan ini", not "pria 32 tahun ini"
            n -= 2
        elif timed and w in units and not (n > 1 and low[n - 2][:1].isdigit()):  # "tahun lalu"
            n -= 1
        elif timed and w in _TIME_GLUE:
            n -= 1
        else:
            break
        timed = True
    return len(low) - n if timed else 0


@lru_cache(maxsize=65_536)
@lru_cache(maxsize=1)
def _name_joiners() -> frozenset:
    """Lower-case words inside a name ("Salahuddin bin Wahid"): speaker_words.tsv, name_joiner."""
    return frozenset(w for w, kinds in lexicon().words.items() if "name_joiner" in kinds)


def _kinds(word: str) -> frozenset:
    """The speaker-word kinds of ``word`` (either case). Cached, as words repeat: read only."""
    words = lexicon().words
    return frozenset(words.get(word.lower(), ())) | frozenset(words.get(word, ()))


_NAME_PARTICLE = re.compile(r"(?:al|el|ad|an|ar|as|asy|at|az|ul|bin)-[A-Z]")


def _is_cap(word: str) -> bool:
    """A capitalised word, or an Arabic name with a particle ("al-Sisi", "el-Sisi")."""
    return word[:1].isupper() or (word[:1] in "aebu" and _NAME_PARTICLE.match(word) is not None)


# "tidak membantah" admits, "tidak menjelaskan" declines to say, "tidak menuduh" is something else
NEGATION_FLIP = {"deny": "assert", "accuse": "other", "assert": "unconfirmed", "demand": "other"}


@lru_cache(maxsize=1)
def _cue_starters() -> frozenset:
    """Words ``match_cue`` may find a cue at: a cue's first word, or a one-word cue with the
    clitic ("katanya"); one set lookup per token instead of a suffix test and a dict lookup
    (the same test: ``w.endswith("nya") and (w[:-3],) in cues``)."""
    lex = lexicon()
    return lex.first_words | frozenset(key[0] + "nya" for key in lex.cues if len(key) == 1)


# ----------------------------------------------------------------------------- text helpers
class _Text:
    """Tokens of the article with their lowercased forms, for cue lookups by token index."""

    def __init__(self, text: str):
        self.text = text
        tokens = text_tokens(text)  # shared with the entity stage: read only
        self.spans = tokens.spans
        self.low = list(map(str.lower, tokens.words))
        self.starts = tokens.starts

    def index_at(self, offset: int) -> int:
        return bisect_left(self.starts, offset)

    @cached_property
    def cue_starts(self) -> list[int]:
        """The tokens at which ``match_cue`` may find a cue, in order (at any other it finds
        none), so scans can jump from one to the next."""
        return list(compress(range(len(self.low)), map(_cue_starters().__contains__, self.low)))

    def range(self, start: int, end: int) -> range:
        return range(self.index_at(start), self.index_at(end))

    def word(self, i: int) -> str:
        s, e = self.spans[i]
        return self.text[s:e]

    def match_cue(self, i: int, limit: int):
        """Longest cue starting at token ``i`` (not past ``limit``): (n_tokens, {kind: stance})."""
        lex = lexicon()
        w = self.low[i]
        if w not in lex.first_words:
            if w.endswith("nya") and (w[:-3],) in lex.cues:
                return 1, {k + "+nya": v for k, v in lex.cues[(w[:-3],)].items()}
            return 0, None
        for n in range(min(lex.max_cue_len, limit - i), 0, -1):
            key = tuple(self.low[i : i + n])
            if key in lex.cues:
                return n, lex.cues[key]
        # clitic form: ujarnya, katanya, tegasnya
        w = self.low[i]
        if w.endswith("nya") and (w[:-3],) in lex.cues:
            return 1, {k + "+nya": v for k, v in lex.cues[(w[:-3],)].items()}
        return 0, None

    def negated(self, i: int) -> bool:
        lex = lexicon()
        for n in (2, 1):
            if i - n >= 0 and tuple(self.low[i - n : i]) in lex.negators:
                return True
        return False


def _strip(text: str, start: int, end: int, chars: str = _SPACE_LIKE + "\n") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        s, e = _strip(text, pos, pos + len(line))
        if e > s:
            out.append((s, e))
        pos += len(line) + 1
    return out


# ----------------------------------------------------------------------------- direct quotes
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


# ----------------------------------------------------------------------------- speakers
@dataclass
class _SpeakerSpan:
    start: int
    end: int
    kind: str
    role: str | None = None
    relational: bool = False  # "Pengacara Miryam": someone related to the named person


def _analyse_subject(t: _Text, start: int, end: int) -> _SpeakerSpan | None:
    """The speaker at the right end of ``text[start:end]`` (the words before a preposed cue)."""
    idx = list(t.range(start, end))
    # "@djpu151 seperti dikutip kumparan, …" / "X, sebagaimana diberitakan Y, Rabu, mendesak": the
    # outlet that relays the words is no subject (only a phrase closed by a comma, not one that
    # runs into the verb)
    for n, i in enumerate(idx):
        if "reporting" in _kinds(t.low[i]) and n > 1 and t.low[idx[n - 1]] in ("seperti", "sebagaimana", ","):
            stop = next((m for m in range(n, len(idx)) if t.low[idx[m]] == ","), None)
            if stop is not None:
                idx = idx[: n - 1 if t.low[idx[n - 1]] != "," else n] + idx[stop:]
            break
    # drop what may stand between subject and verb: adverbs and auxiliaries ("sekaligus",
    # "juga", "telah"), negators, "saat itu", "secara terbuka", and written-statement phrases
    # ("X dalam sebuah pernyataan mengatakan")
    while idx:
        w = t.low[idx[-1]]
        if "adverb" in _kinds(w) or (w,) in lexicon().negators:
            idx.pop()
            continue
        if len(idx) > 2 and t.low[idx[-2]] == "secara" and not _is_cap(t.word(idx[-1])):
            del idx[-2:]
            continue
        if len(idx) > 2 and w in ("itu", "ini") and t.low[idx[-2]] in ("saat", "ketika", "kala", "waktu"):
            del idx[-2:]
            continue
        timed = _time_tail([t.word(i) for i in idx[-12:]])
        if timed:  # "Pemerintah, Senin, mengatakan" / "Google hari ini mengumumkan": a date is no subject
            del idx[-timed:]
            continue
        for n in range(5, 1, -1):
            if len(idx) > n and "phrase" in lexicon().cues.get(tuple(t.low[i] for i in idx[-n:]), {}):
                del idx[-n:]
                break
        else:
            break
    for k in range(len(idx) - 1, -1, -1):  # "Jakarta, CNN Indonesia -- Yorrys …": the dateline is no subject
        if t.low[idx[k]] in ("—", "–") or (t.low[idx[k]] == "-" and k > 0 and t.low[idx[k - 1]] == "-"):
            idx = idx[k + 1 :]
            break
    if not idx:
        return None
    # drop parentheticals and relative clauses: "Jolie yang saat itu bertugas ... (UNHCR) menyerukan"
    flat, depth = [], 0
    for i in idx:
        if t.low[i] == "(":
            depth += 1
        elif t.low[i] == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            flat.append(i)
    idx = flat
    if "yang" in [t.low[i] for i in idx]:
        cut = [t.low[i] for i in idx].index("yang")
        if cut > 0 and (_is_cap(t.word(idx[cut - 1])) or (
                any(_kinds(t.low[i]) & {"group", "org_head"} for i in idx[max(0, cut - 3) : cut])
                and all(t.low[i] not in _CLAUSE_EDGE for i in idx[max(0, cut - 3) : cut]))):
            # "Pemberontak komunis yang aktif di kawasan itu, …, merespons"; but a name set off by
            # commas after the clause is the subject it describes: "pemimpin Hamas yang sudah
            # keluar, Khaled Meshaal, mengatakan"
            comma = next((c for c in range(cut, len(idx)) if t.low[idx[c]] == ","), None)
            named = idx[comma + 1 :] if comma is not None else []
            while named and t.low[named[-1]] == ",":
                named = named[:-1]
            idx = idx[:cut] + idx[comma:] if named and _name_segment(t, named) else idx[:cut]
    # comma segments: apposition "Kapolsek Pancoran, Kompol Aswin, menerangkan"
    segments, cur, seps, sep = [], [], [], None  # seps: the mark before each segment
    for i in idx:
        if t.low[i] in (",", ";", ":", "(", ")", "—", "–", "-", '"', "“", "”"):
            if cur:
                segments.append(cur)
                seps.append(sep)
            cur, sep = [], t.low[i]
        else:
            cur.append(i)
    if cur:
        segments.append(cur)
        seps.append(sep)
    # an apposition is set off by commas on both sides ("AKP Boby, Kapolsek Tambun, mengatakan"),
    # unlike a dateline or a connective before the subject ("Rimanews - Menteri X memaparkan",
    # "Terpisah, Ketua DPP Y mengatakan")
    closed = bool(idx) and t.low[idx[-1]] == ","
    # "Erdogan, yang berupaya …, menuduh": a relative clause after the subject; "X, dalam jumpa
    # pers di Mapolres, Senin, mengungkapkan" / "X, di Stadion Y, Cijantung, menjelaskan": the
    # occasion and the place are not the subject
    appositive = None
    def _pop() -> None:
        nonlocal closed
        segments.pop()
        closed = seps.pop() == ","

    while len(segments) > 1:
        enclosed = seps[-1] == "," and closed
        if t.low[segments[-1][0]] == "yang" or ("alias" in _kinds(t.low[segments[-1][0]]) and _could_be_subject(t, segments[-2])):
            _pop()  # "Gus Sholah, sapaan akrab KH Salahuddin Wahid, mengakui": the name the story uses
        elif _role_apposition(t, segments[-2], segments[-1], enclosed):
            # "Mark Patterson, profesor dari Fordham Law School menilai": the name, not the school
            appositive = t.text[t.spans[segments[-1][0]][0] : t.spans[segments[-1][-1]][1]]
            _pop()
        elif seps[-1] == "," and _relative_apposition(t, segments, seps, enclosed):
            # "Dr. Carlo Bava, dokter yang merawat Morano, mengatakan"
            _pop()
        elif _could_be_subject(t, segments[-2]) and (_is_occasion(t, segments[-1]) or (
                len(segments) > 2 and t.low[segments[-2][0]] in ("di", "dari") and len(segments[-1]) <= 3
                and all(_is_cap(t.word(i)) for i in segments[-2][1:] + segments[-1]))):  # a place, then its town
            _pop()
        else:
            break
    if not segments:
        return None
    seg = segments[-1]
    # "Dalai Lama bertemu Obama di Gedung Putih meskipun pemerintah China meluncurkan …": the
    # subject is the one of the clause the conjunction opens
    subs = [c for c in range(len(seg)) if "subordinator" in _kinds(t.low[seg[c]])]
    if subs and subs[-1] + 1 < len(seg) and _could_be_subject(t, seg[subs[-1] + 1 :]):
        seg = seg[subs[-1] + 1 :]
    # "Fisher dalam acara bincang itu membantah", "Jokowi di Istana Merdeka mengatakan": the
    # occasion or place after a name is not part of the subject
    for c in range(1, len(seg)):
        w, before = t.low[seg[c]], t.word(seg[c - 1])
        if "stop" in _kinds(w) and w != "yang" and not _is_cap(t.word(seg[c])) and _is_cap(before) \
                and not _kinds(before) & {"adverb", "lead", "stop"}:
            seg = seg[:c]
            break
    role = None
    if len(segments) > 1 and "role" in _kinds(t.low[segments[-2][0]]):
        prev = segments[-2]
        role = t.text[t.spans[prev[0]][0] : t.spans[prev[-1]][1]]
    sp = _phrase(t, seg, from_right=True)
    if sp and sp.kind == "named" and _is_place_run(t, seg, sp):
        person = _person_before_place(t, seg, sp, segments, seps)
        if person is not None:
            sp, role = person, None
    if sp and role and sp.kind == "named":
        sp.role = f"{role} {sp.role}" if sp.role else role
    if sp and appositive and sp.kind == "named" and not sp.role:
        sp.role = appositive
    if sp and sp.kind != "pronoun" and "nonspeaker" in _kinds(t.text[sp.start : sp.end].split()[0]):
        return None  # "Rumor yang berkembang menyebutkan …": a rumour says nothing itself
    return sp


def _is_place_run(t: _Text, seg: list[int], sp: _SpeakerSpan) -> bool:
    """Is the capitalised run ``sp`` at the end of a subject a place: opened by a place noun
    ("Kecamatan Cidahu") or after "di" ("dokter di sebuah rumah sakit di Sargodha")?"""
    c = next((c for c, i in enumerate(seg) if t.spans[i][0] == sp.start), None)
    if c is None:
        return False
    if "place" in _kinds(t.low[seg[c]]) and not (c > 0 and "role" in _kinds(t.low[seg[c - 1]])):  # not "Wali Kota X"
        return True
    return c > 0 and t.low[seg[c - 1]] == "di"


def _person_before_place(t: _Text, seg: list[int], place: _SpeakerSpan, segments: list[list[int]],
                         seps: list) -> _SpeakerSpan | None:
    """The person a place-ended subject describes: a name earlier in the same words, set before
    a lower-case apposition ("Sulaeman salah seorang warga … di Kecamatan Cidahu mengatakan"),
    or the name a comma sets before it ("Pervaiz Haider, dokter di … Sargodha, memaparkan").
    None when no name is there (the place stays: better than nothing, and rare)."""
    c = next(c for c, i in enumerate(seg) if t.spans[i][0] == place.start)
    k = c - 1
    while k >= 0:
        if not _is_cap(t.word(seg[k])):
            k -= 1
            continue
        end = k
        while k > 0 and _is_cap(t.word(seg[k - 1])):
            k -= 1
        run = seg[k : end + 1]
        opener = "place" in _kinds(t.low[run[0]]) or (k > 0 and t.low[seg[k - 1]] == "di")
        # a single capitalised word opening the sentence is as likely "Sebuah" or "Selain" as a name
        initial = len(run) == 1 and not t.text[: t.spans[run[0]][0]].rstrip(" \t\"“”'")[-1:].isalnum()
        if not opener and not initial and _name_segment(t, run) and t.low[run[0]] not in _stopwords() \
                and not any(_kinds(t.low[i]) & {"role", "title", "group", "org_head"} for i in run):
            return _SpeakerSpan(t.spans[run[0]][0], t.spans[run[-1]][1], "named")
        k -= 1
    if len(segments) > 1 and seps[-1] == "," and _name_segment(t, segments[-2]) \
            and not _kinds(t.word(seg[0])) & {"place"} and not _is_cap(t.word(seg[0])):
        return _name_with_role(t, segments[-2])
    return None


def _role_apposition(t: _Text, name: list[int], tail: list[int], enclosed: bool = True) -> bool:
    """Is ``tail`` a role description set after the name ``name`` ("Paul Quassa, anggota
    legislatif Kanada lainnya"; capitalised, "AKP Boby, Kapolsek Tambun," / "Dian, Head of
    Communications Uber", when the name itself opens with no office: "Kapolsek Pancoran, Kompol
    Aswin" is the other order), so that the name is the subject?"""
    first = t.word(tail[0])
    if _is_cap(first):
        if not enclosed or not any("role" in _kinds(t.low[i]) for i in tail[:2]) or "role" in _kinds(t.low[name[0]]):
            return False
    elif not _kinds(first) & {"role", "group"}:
        return False
    return _name_segment(t, name)


def _name_segment(t: _Text, name: list[int]) -> bool:
    """Is this comma segment a person's name (titles allowed, at most five tokens), not a
    connective, date, office or place phrase?"""
    if len(name) > 5:
        return False
    words = [t.word(i) for i in name if t.low[i][:1].isalnum()]
    # "Selanjutnya, mantan Bupati … ini" / "Sebelumnya, pihak jaksa …": a capitalised connective
    # opening the sentence is no name (the test of _could_be_subject)
    if any(w.lower().endswith("nya") or _kinds(w) & {"lead", "adverb", "stop"} for w in words):
        return False
    return bool(words) and all(_is_cap(w) or w.lower() in _name_joiners() for w in words) \
        and not _kinds(words[-1]) & {"role", "title", "weekday", "lead"} and _time_tail(words) == 0


def _relative_apposition(t: _Text, segments: list[list[int]], seps: list, enclosed: bool) -> bool:
    """Is the last comma segment a lower-case noun with a relative clause describing the name
    before it ("Dr. Carlo Bava, dokter yang merawat Morano, mengatakan"; "Raja Farooq Haider,
    Perdana Menteri untuk Azad Jammu dan Kashmir, bagian yang dikuasai Pakistan mengungkapkan")?"""
    tail = segments[-1]
    lows = [t.low[i] for i in tail]
    if _is_cap(t.word(tail[0])) or "yang" not in lows[1:4]:
        return False
    if any(_kinds(w) & {"pronoun", "pronoun_group", "lead", "adverb", "stop"} or _verb_shaped(w)
           for w in lows[: lows.index("yang")]):
        return False
    prev = segments[-2]
    if enclosed and _name_segment(t, prev):
        return True
    # closed or not, after a comma-enclosed office of a name: "X, Perdana Menteri …, bagian yang …"
    return len(segments) > 2 and seps[-2] == "," and _role_apposition(t, segments[-3], prev)


_PLACE_PREPS = frozenset({"di", "dalam", "pada", "kepada", "melalui", "lewat", "seperti", "dikutip", "dengan", "dari"})


def _is_occasion(t: _Text, seg: list[int]) -> bool:
    """Is this comma segment an occasion or a place ("dalam jumpa pers di Mapolres", "saat
    dihubungi") rather than a clause with its own subject ("setelah pihak perusahaan", "di mana
    Ratna", "dalam prosesnya Ferry")?"""
    if len(seg) < 2:
        return False
    first, second = t.low[seg[0]], t.low[seg[1]]
    if second == "mana" or any(_kinds(t.low[i]) & {"pronoun", "pronoun_group"} for i in seg):
        return False
    # a name at the end after a lowercase word that is no preposition is the subject
    k = len(seg) - 1
    while k > 0 and _is_cap(t.word(seg[k])):
        k -= 1
    if k < len(seg) - 1 and k > 0 and not _is_cap(t.word(seg[k])) and t.low[seg[k]] not in _PLACE_PREPS | {"ke"}:
        return False
    if first in _PLACE_PREPS:
        return True
    return "stop" in _kinds(first) and first != "yang" and second.startswith(("di", "me", "ber")) and len(second) > 4


def _could_be_subject(t: _Text, seg: list[int]) -> bool:
    """Could this comma segment name a speaker (before an occasion: "X, dalam jumpa pers …")?
    Not a connective ("Namun,") nor a date ("Minggu (5/2)")."""
    words = [t.word(i) for i in seg if t.low[i][:1].isalnum()]
    if not words or _time_tail(words) == len(words):
        return False
    return any((_is_cap(w) and not w.lower().endswith("nya") and not _kinds(w) & {"lead", "adverb", "stop"})
               or _kinds(w) & {"role", "group", "org_head", "pronoun"} for w in words)


def _phrase(t: _Text, seg: list[int], from_right: bool) -> _SpeakerSpan | None:
    """Classify a run of tokens as a named, pronoun, description or group speaker."""
    if not seg:
        return None
    last = seg[-1] if from_right else None
    words = [t.low[i] for i in seg]
    if from_right:
        w = t.low[last]
        if "pronoun" in _kinds(w) or "pronoun_group" in _kinds(w):
            return _SpeakerSpan(*t.spans[last], "pronoun")
        if len(seg) > 1 and t.low[seg[-2]] == "@" and t.spans[seg[-2]][1] == t.spans[last][0]:
            return _SpeakerSpan(t.spans[seg[-2]][0], t.spans[last][1], "named")  # a social-media handle
        if _is_cap(t.word(last)) or t.word(last).isdigit():
            j = len(seg) - 1
            while j > 0 and (_is_cap(t.word(seg[j - 1])) or (t.low[seg[j - 1]] in _name_joiners() or t.low[seg[j - 1]] == "&")) \
                    and not _kinds(t.low[seg[j - 1]]) & {"lead", "adverb"}:  # "Adapun Pasukan NATO"
                j -= 1
            rel = _relation_before(t, seg, j)
            if rel is not None:
                return rel
            return _name_with_role(t, seg[j:])
        if "definite" in _kinds(w):
            window = seg[max(0, len(seg) - 9) : -1]
            heads = [k for k, i in enumerate(window) if {"role", "org_head", "group"} & _kinds(t.low[i])]
            if heads:
                return _SpeakerSpan(t.spans[window[heads[0]]][0], t.spans[last][1], "description")
            j = len(seg) - 2  # "pengusaha kayu ini": an unknown head noun
            while j > 0 and not _kinds(t.low[seg[j - 1]]) & {"stop", "lead"} and len(seg) - j < 4:
                j -= 1
            return _SpeakerSpan(t.spans[seg[j]][0], t.spans[last][1], "description") if j >= 0 and len(seg) > 1 else None
        for j, wd in enumerate(words):
            if "group_quantifier" in _kinds(wd) and j + 1 < len(words) <= j + 3 and not any(
                    _kinds(x) & {"pronoun", "pronoun_group"} or _verb_shaped(x) for x in words[j + 1 :]):
                # "Banyak media", "Berbagai laporan"; not "Dia banyak", "Banyak uang mereka keluarkan …"
                return _SpeakerSpan(t.spans[seg[j]][0], t.spans[last][1], "group")
            if "group" in _kinds(wd) or "org_head" in _kinds(wd):
                # "kepolisian daerah setempat": an institution with lower-case modifiers only is a group too
                bare = j == 0 and len(words) <= 3 and not any(_is_cap(t.word(i)) for i in seg)
                if ("group" in _kinds(wd) or j == len(words) - 1 or bare) and len(words) - j <= 4:
                    if j > 0 and words[j - 1] == "salah":  # "salah seorang jaksa"
                        j -= 1
                    return _SpeakerSpan(t.spans[seg[j]][0], t.spans[last][1], "group")
        j = next((k for k in range(max(0, len(words) - 4), len(words)) if "role" in _kinds(words[k])), None)
        if j is not None and (j == 0 or words[j - 1] in ("para", "sang", "pihak")) \
                and not any(_is_cap(t.word(i)) for i in seg[j + 1 :]):
            # "Dalam pertimbangannya, jaksa juga menyatakan …" / "Juru bicara pengadilan mengatakan":
            # an office, bare or with a common noun, is a description
            return _SpeakerSpan(t.spans[seg[j]][0], t.spans[last][1], "description", role=t.text[t.spans[seg[j]][0] : t.spans[last][1]])
        return None
    return None


def _relation_before(t: _Text, seg: list[int], j: int) -> _SpeakerSpan | None:
    """"Tim kuasa hukum Miryam membantah": a lower-case relation before a known name makes the
    speaker a description of someone else (Miryam's lawyers), not the named person."""
    if j == 0:
        return None
    k = j - 1
    if t.low[seg[k]] == "hukum" and k > 0 and t.low[seg[k - 1]] == "kuasa":
        k -= 1
    elif "relational" not in _kinds(t.low[seg[k]]) or _is_cap(t.word(seg[k])):
        return None
    if not _named_before(t, seg[k], seg[j:]):
        return None
    while k > 0 and t.low[seg[k - 1]] in ("tim", "para"):
        k -= 1
    return _SpeakerSpan(t.spans[seg[k]][0], t.spans[seg[-1]][1], "description",
                        role=t.text[t.spans[seg[k]][0] : t.spans[seg[-1]][1]], relational=True)


def _named_before(t: _Text, relation: int, name: list[int]) -> bool:
    """Whether the name's last word occurs earlier in the text without the relation word before it."""
    last = t.word(name[-1])
    rel = t.low[relation]
    limit = t.spans[relation][0]
    for m in re.finditer(r"\b" + re.escape(last) + r"\b", t.text[:limit]):
        before = t.text[max(0, m.start() - 40) : m.start()].lower().split()
        if rel not in before[-3:]:
            return True
    return False


def _name_with_role(t: _Text, run: list[int]) -> _SpeakerSpan:
    """Split "Kapolres Jaktim Kombes Andry Wibowo" into role and name."""
    kinds = [_kinds(t.low[i]) for i in run]
    last_title = max((k for k, ks in enumerate(kinds) if "title" in ks), default=-1)
    k = 0
    while k < len(run) and kinds[k] & {"role", "relational"}:
        k += 1
    if last_title >= 0 and last_title + 1 < len(run):
        name = run[last_title + 1 :]
        role_toks = [i for i in run[:last_title + 1]]
    elif k == 0:
        return _SpeakerSpan(t.spans[run[0]][0], t.spans[run[-1]][1], "named")
    else:
        rest = run[k:]
        if not rest or (len(rest) <= 2 and any(t.word(i).isupper() and len(t.word(i)) > 1 for i in rest)) or len(rest) == 0:
            return _SpeakerSpan(t.spans[run[0]][0], t.spans[run[-1]][1], "description",
                                role=t.text[t.spans[run[0]][0] : t.spans[run[-1]][1]])
        if "relational" in kinds[k - 1] and _named_before(t, run[k - 1], rest):
            # "Pengacara Miryam" after Miryam was introduced is Miryam's lawyer, not a lawyer
            # called Miryam; a first mention ("Pengacara Hotman Paris") introduces the name.
            return _SpeakerSpan(t.spans[run[0]][0], t.spans[run[-1]][1], "description",
                                role=t.text[t.spans[run[0]][0] : t.spans[run[-1]][1]], relational=True)
        name = rest[-2:] if len(rest) >= 3 else rest
        role_toks = run[: run.index(name[0])]
    role = t.text[t.spans[role_toks[0]][0] : t.spans[role_toks[-1]][1]] if role_toks else None
    return _SpeakerSpan(t.spans[name[0]][0], t.spans[name[-1]][1], "named", role=role)


def _analyse_postposed(t: _Text, i: int, limit: int) -> tuple[_SpeakerSpan | None, int]:
    """The speaker right after a postposed cue ("kata Jusuf Kalla di ..."); returns (span, next token)."""
    if i >= limit:
        return None, i
    w = t.low[i]
    if "pronoun" in _kinds(w) or "pronoun_group" in _kinds(w):
        return _SpeakerSpan(*t.spans[i], "pronoun"), i + 1
    if "kin" in _kinds(w):  # "lanjut adik kandung mantan Presiden Abdurrahman Wahid (Gus Dur) itu"
        return _kin_description(t, i, limit)
    run = []
    j = i
    if _is_cap(t.word(i)):
        while j < limit and (_is_cap(t.word(j)) or t.low[j] in ("bin", "van", "de", "al") or (t.word(j).isdigit() and run)):
            if "weekday" in _kinds(t.word(j)) and run:
                break
            run.append(j)
            j += 1
        if _time_tail([t.word(x) for x in run]) == len(run):
            return None, j  # "ujar Senin (3/4)": a date, not a speaker
        sp = _name_with_role(t, run)
        # "ujar Senior Humas DAOP 1 PT KAI (PT KAI), Suprapto,": an office word near the start
        if any("role" in _kinds(t.low[x]) for x in run[:2]) and j < limit and (t.low[j] in ("dan", "&", "(") or not _is_cap(t.word(j))):
            found = _role_phrase_name(t, i, limit)
            if found is not None and found[1] > j:
                return found
    else:
        if _kinds(w) & {"role", "group"}:
            found = _long_postposed(t, i, limit)
            if found is not None:
                return found
            found = _role_phrase_name(t, i, limit) if "role" in _kinds(w) else None
            if found is not None:
                return found
        while j < limit and j - i < 7 and t.low[j] not in ",.;:()" and "stop" not in _kinds(t.low[j]):
            run.append(j)
            j += 1
            if "definite" in _kinds(t.low[j - 1]):
                break
        sp = _phrase(t, run, from_right=True) if run else None
        if sp is None and run and ({"group", "org_head", "role"} & _kinds(t.low[run[0]])):
            sp = _SpeakerSpan(t.spans[run[0]][0], t.spans[run[-1]][1], "group")
    # apposition: "kata Bona, Presiden Direktur X," / "terang Kanit Laka Lantas, Ipda Bachtiar,"
    if sp and j + 1 < limit and t.low[j] == "," and _is_cap(t.word(j + 1)) and "weekday" not in _kinds(t.word(j + 1)):
        k = j + 1
        app = []
        while k < limit and (_is_cap(t.word(k)) or t.low[k] in ("dan", "&")) and len(app) < 8:
            app.append(k)
            k += 1
        if app and (k >= limit or t.low[k] in (",", ".") or not _is_cap(t.word(k))):
            app_sp = _name_with_role(t, app)
            app_text = t.text[t.spans[app[0]][0] : t.spans[app[-1]][1]]
            if "role" in _kinds(t.low[app[0]]) and sp.kind == "named" and app_sp.kind == "description":
                sp.role = app_text
                j = k
            elif sp.kind == "description" and app_sp.kind == "named":
                app_sp.role = app_sp.role or t.text[sp.start : sp.end]
                sp, j = app_sp, k
            elif "title" in _kinds(t.low[app[0]]) or ({"role"} & _kinds(t.low[run[0]]) if run else False):
                app_sp.role = app_sp.role or t.text[sp.start : sp.end]
                sp, j = app_sp, k
    return sp, j


_ROLE_INNER = frozenset({"dari", "pada", "untuk", "bagi", "dan", "&"})  # "Kepala bidang penelitian pada X"


def _role_phrase_name(t: _Text, i: int, limit: int) -> tuple[_SpeakerSpan, int] | None:
    """A long office title before the name, the common way Indonesian news names an official
    after a postposed cue: "kata Kepala Dinas Kelautan dan Perikanan (DKP) Mimika Eddy Santoso
    di Timika", "ujar Direktur Pelaksana tim Renault, Cyril Abiteboul seperti dikutip", "kata bos
    tim Mercedes, Toto Wolff,". The role runs over "dan", lower-case words, an acronym in
    brackets and at most one comma; the speaker is the last run of capitalised words (titles
    stripped by ``_name_with_role``), the words before it its role. None when no name ends it."""
    j, depth, commas = i, 0, 0
    while j < limit and j - i < 28:
        w, word = t.low[j], t.word(j)
        if w == "(":
            depth += 1
        elif w == ")":
            depth = max(0, depth - 1)
        elif depth:
            pass
        elif w == ",":
            commas += 1
            if commas > 1:
                break
        elif w == "." and j > i and len(t.word(j - 1)) == 1 and _is_cap(t.word(j - 1)):
            pass  # an initial: "R. Soes Hindharno"
        elif not w[:1].isalnum():
            break
        elif _is_cap(word) or word.isdigit() or w in _name_joiners():
            if "weekday" in _kinds(word) or (_time_tail([word]) and j > i):
                break
        elif commas:
            break  # after the comma only a name: "…, R. Soes Hindharno, di Jakarta"
        elif "definite" in _kinds(w):
            return None  # "koordinator Aremania wilayah Klayatan ini, pada Bola.net": a description
        elif w in _ROLE_INNER:
            pass
        elif "stop" in _kinds(w) or "adverb" in _kinds(w) or w in lexicon().first_words:
            break  # after the comma only a name; "di Jakarta", "seperti dikutip", "juga" end the phrase
        j += 1
    end = j
    while end > i and t.low[end - 1] in (",", "dan", "&", "("):
        end -= 1
    k = end
    while k > i and (_is_cap(t.word(k - 1)) or (t.low[k - 1] == "." and k - 1 > i and len(t.word(k - 2)) == 1)):
        k -= 1
    if k == end or k == i or depth:
        return None
    if (t.low[k - 1] == "hukum" or "relational" in _kinds(t.low[k - 1])) and not _is_cap(t.word(k - 1)) \
            and _named_before(t, k - 1, list(range(k, end))):
        return None  # "kuasa hukum Brown" once Brown is known: Brown's lawyer, not Brown
    run = list(range(k, end))
    if _time_tail([t.word(x) for x in run]):
        return None
    if (len(run) >= 4 or (len(run) == 3 and t.low[k - 1] == ")")) and t.low[k - 1] != "," \
            and not any("title" in _kinds(t.low[x]) for x in run):
        # "… Polda Metro Jaya Ajun Komisaris Besar Polisi Budiyanto", "(DKP) Mimika Eddy Santoso":
        # the office (or its region after the acronym) runs into the name
        run = run[-2:]
    sp = _name_with_role(t, run)
    if sp.kind != "named":
        return None
    sp.role = sp.role or t.text[t.spans[i][0] : t.spans[k - 1][1]].rstrip(" ,")
    return sp, end


def _long_postposed(t: _Text, i: int, limit: int) -> tuple[_SpeakerSpan, int] | None:
    """A postposed role phrase longer than a few words, up to a comma inside it: "kata analis
    media dari Enders Analysis, Matti Littunen di London" (the name after the comma speaks,
    the phrase before is the role) and "tukas pria kelahiran Balikpapan, Kalimantan Timur
    ini" (a definite description, resolved like "pria itu"). None for any other shape."""
    j, comma = i, None
    while j < limit and j - i < 16 and t.low[j] not in (".", ";", ":", '"', "“", "”", "(", ")"):
        w = t.low[j]
        if "stop" in _kinds(w) and w not in ("dari", "di") or (w == "di" and comma is None):
            return None
        if w == "," and comma is None:
            comma = j
        elif comma is not None and "definite" in _kinds(w) and (j + 1 >= limit or t.low[j + 1] in (".", ",", '"', "”")):
            return _SpeakerSpan(t.spans[i][0], t.spans[j][1], "description",
                                role=t.text[t.spans[i][0] : t.spans[j][1]]), j + 1
        elif comma is not None and j == comma + 1:
            if not _is_cap(t.word(j)) or "weekday" in _kinds(t.word(j)):
                return None
            k = j
            while k < limit and (_is_cap(t.word(k)) or t.low[k] in _name_joiners()) and k - j < 6:
                k += 1
            ends = k >= limit or t.low[k] in (".", ",", '"', "”") or "stop" in _kinds(t.low[k])
            if ends and not _time_tail([t.word(x) for x in range(j, k)]) and k - j >= 2:  # not "…, Senin"
                sp = _name_with_role(t, list(range(j, k)))
                if sp.kind == "named":
                    sp.role = sp.role or t.text[t.spans[i][0] : t.spans[comma - 1][1]]
                    return sp, k
            j = k - 1  # "…, Kalimantan Timur ini": a place inside a description
        j += 1
    return None


def _kin_description(t: _Text, i: int, limit: int) -> tuple[_SpeakerSpan, int]:
    """"adik kandung mantan Presiden Abdurrahman Wahid (Gus Dur) itu" / "putra dari pendiri NU,
    KH Hasyim Asy'ari ini": a kinship word opens a description of someone related to the name
    inside it, never that person. Closed by a demonstrative it is definite (the speaker already
    in the story); otherwise the phrase up to a comma or a stop word stands alone."""
    j, depth, last = i, 0, i
    while j < limit and j - i < 16 and t.low[j] not in (".", ";", '"', "“", "”"):
        w = t.low[j]
        if w == "(":
            depth += 1
        elif w == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and w in ("itu", "ini", "tersebut"):
            return _SpeakerSpan(t.spans[i][0], t.spans[j][1], "description", role=t.text[t.spans[i][0] : t.spans[j][1]],
                                relational=True), j + 1
        elif depth == 0 and ("stop" in _kinds(w) and w not in ("dari", "di")):
            break
        elif depth == 0 and w != ",":
            last = j
        j += 1
    j = i
    while j < limit and j - i < 7 and t.low[j] not in ",.;:()" and not ("stop" in _kinds(t.low[j]) and t.low[j] != "dari"):
        last = j
        j += 1
    return _SpeakerSpan(t.spans[i][0], t.spans[last][1], "description", role=t.text[t.spans[i][0] : t.spans[last][1]],
                        relational=True), j


def _reporting_source(t: _Text, j: int, limit: int) -> _SpeakerSpan | None:
    """"… seperti dilansir Daily Mail": the outlet that reports the words."""
    k = j
    while k < min(limit, j + 8):
        if "reporting" in _kinds(t.low[k]):
            k += 1
            if k < limit and t.low[k] in ("dari", "oleh"):
                k += 1
            run = []
            while k < limit and (_is_cap(t.word(k)) or t.word(k).isdigit()):
                run.append(k)
                k += 1
            if run:
                return _SpeakerSpan(t.spans[run[0]][0], t.spans[run[-1]][1], "named")
            return None
        if t.low[k] in (".", "\n"):
            return None
        k += 1
    return None


# ----------------------------------------------------------------------------- statements
@dataclass
class _Stmt:
    start: int
    end: int
    direct: bool
    speaker: _SpeakerSpan | None
    cue: tuple[int, int] | None
    stance: str
    reported_by: _SpeakerSpan | None = None
    anchor: int = 0  # where the attribution is, for ordering
    embedded: bool = False  # reported inside another's statement ("membantah tuduhan A bahwa …"): no antecedent
    carry: bool = False  # "Dikatakan, …": an agentless cue, the speaker is the one before


def _stance(t: _Text, i: int, stances: dict) -> str:
    stance = next(iter(stances.values()))
    if t.negated(i):
        stance = NEGATION_FLIP.get(stance, stance)
    return stance


@lru_cache(maxsize=1)
def _opener_sets() -> tuple[frozenset, frozenset, tuple]:
    """Denial openers split for fast lookup: one-word characterisations ("hoaks"), phrases
    matched in the first three words ("tidak benar"), and the phrase lengths; "bukan" and
    "tidak pernah …" have rules of their own."""
    openers = [o for o in lexicon().deny_openers if o != ("bukan",) and o[1:2] != ("pernah",)]
    multi = frozenset(o for o in openers if len(o) > 1)
    return frozenset(o[0] for o in openers if len(o) == 1), multi, tuple(sorted({len(o) for o in multi}))


@lru_cache(maxsize=1)
def _denial_words() -> frozenset:
    """Words that may make a sentence a passive or nominal denial ("dibantah", "bantahan")."""
    lex = lexicon()
    return frozenset(lex.passives) | frozenset(w for w, st in lex.claim_nouns.items() if st == "deny")


@lru_cache(maxsize=1)
def _false_claim_re() -> re.Pattern:
    """"… tidak benar" / "… tidak berdasar" anywhere in a statement (not "yang tidak benar",
    not "benar-benar"), and a claim called a hoax or a lie ("itu hoaks", "merupakan berita
    bohong"; not "isu hoaks", an attribute)."""
    lex = lexicon()
    pairs = sorted({o for o in lex.deny_openers if len(o) == 2 and o[1] in ("benar", "berdasar", "mendasar")})
    false = "|".join(re.escape(" ".join(o)) for o in pairs)
    words = sorted(re.escape(o[0]) for o in lex.deny_openers if len(o) == 1 and o[0] != "bukan")
    verdicts = "|".join(words + [re.escape(v) for v in lex.verdicts])
    claimed = "|".join(words + [re.escape(v) for v in lex.verdicts + lex.claim_verdicts])
    claims = "|".join(sorted(re.escape(w) for w in lex.reply_claim))
    return re.compile(
        rf"(?<!yang )\b(?:{false})\b(?!-)"
        rf"|(?<!yang )\b(?:itu|ini|tersebut|semuanya|semua|adalah|merupakan)\s+(?:(?:berita|kabar|informasi|isu)\s+)?"
        rf"(?:(?:dua-duanya|keduanya|semuanya|sama sekali)\s+)?(?:{verdicts})\b(?!-)"
        rf"|\b(?:{claims})\s+(?:itu|ini|tersebut)\s+(?:{claimed})\b(?!-)"  # "gugatan ini tidak memiliki dasar"
        rf"|\b(?:tuduhan|tudingan)\s+(?:{claimed})\b(?!-)"  # not "kabar bohong" (fake news, an attribute)
    )


@lru_cache(maxsize=1)
def _rejection_re() -> re.Pattern:
    """"… tidak terkait dengan …", "tidak ada hubungannya dengan …", "tidak bersalah": a negated
    link, involvement or guilt rejects what the story implies (the word before is kept to
    tell an attribute: "orang tidak bersalah")."""
    phrases = "|".join(re.escape(p) for p in lexicon().rejections)
    return re.compile(rf"\b(?:tidak|tak|enggak|nggak|gak)\s+(?:{phrases})\b(?!-)")


def _rejects(content: str) -> bool:
    """Does the first sentence of a statement's content (lowercased) reject a link or guilt?"""
    first = _SENTENCE_END.split(content[:400], maxsplit=1)[0]
    not_after = lexicon().rejection_not_after
    for m in _rejection_re().finditer(first):
        before = first[: m.start()].split()
        if not before or before[-1] not in not_after:
            return True
    return False


@lru_cache(maxsize=1)
def _not_as_alleged_re() -> re.Pattern:
    """"ia bukan dalang kerusuhan seperti yang dituduhkan polisi" / "tidak menerima uang
    sebagaimana diberitakan": a negation of what others allege."""
    words = "|".join(sorted(re.escape(w) for w in lexicon().alleged))
    return re.compile(rf"\b(?:tidak|tak|bukan|bukanlah|enggak|nggak|tidaklah)\b[^.;]{{0,160}}?"
                      rf"\b(?:seperti|sebagaimana)\s+(?:yang\s+)?(?:{words})\b")


@lru_cache(maxsize=1)
def _accused_but_re() -> re.Pattern:
    """"Saya dituduh menerima. Padahal saya tidak menerima.": the speaker reports the charge
    and rejects it."""
    return re.compile(r"\b(?:saya|kami|aku)\s+(?:di\w+\s+)?(?:dituduh|dituding|difitnah|disebut)\b.{0,120}?"
                      r"\b(?:padahal|tapi|tetapi|namun|sedangkan)\s+(?:saya|kami|aku)\s+(?:tidak|tak|bukan|enggak|nggak)\b")


def _never_denial(lex: _Lexicon, low: list[str], k: int) -> bool:
    """Is "tidak pernah" at word ``k`` a denial? Only at the opening of the statement or after
    the speaker's own words ("Saya bersumpah tidak pernah …"), and not about an experience
    ("Saya tidak pernah melihat …", "tidak pernah ragu")."""
    if k > 3 or any(w not in lex.never_lead for w in low[:k]):
        return False
    j = k + 2
    while j < len(low) and low[j] in ("sama", "sekali", "pun", "sekalipun"):
        j += 1
    return j >= len(low) or low[j] not in lex.never_not_deny  # a bare "Tidak pernah." answers a charge


def _content_deny(text: str, start: int, end: int, stance: str) -> str:
    """A statement that rejects a claim by its words is a denial: it opens with a denial
    phrase ("Tidak benar", "Bukan saya", "Hoaks"), calls something false or baseless ("… itu
    tidak benar", "itu hoaks"), or the speaker says "(saya) tidak pernah …" about a deed."""
    if stance != "assert":
        return stance
    lex = lexicon()
    content = text[start:end].lower()
    low = _WORDS.findall(content[:400])
    for k in (0, 1):  # "Bukan (apartemen) saya", not "bukan pelatih yang …"
        if k < len(low) and low[k] == "bukan" and not (set(low[k + 1 : k + 2]) & lex.not_deny) \
                and set(low[k + 1 : k + 4]) & {"saya", "kami", "aku", "kita", "itu", "begitu", "benar", "dirinya", "ia", "dia",
                                                "beliau", "pihaknya"}:
            return "deny"
    single, multi, lengths = _opener_sets()
    if low[:1] and low[0] in single:  # "Hoaks!" / "Fitnah itu": only first (else _false_claim_re)
        return "deny"
    for k in range(min(3, len(low))):
        for n in lengths:
            if tuple(low[k : k + n]) in multi:
                return "deny"
    # the last two patterns need a literal word; testing for it first skips most scans
    if _false_claim_re().search(content) \
            or (("dituduh" in content or "dituding" in content or "difitnah" in content or "disebut" in content)
                and _accused_but_re().search(content)) \
            or (("seperti" in content or "sebagaimana" in content) and _not_as_alleged_re().search(content)):
        return "deny"
    if low[:1] == ["bukan"] and low[1:2] and low[1] not in lex.not_deny \
            and re.match(r"\s*bukan\s+[\w-]+(?:\s+[\w-]+)?\s*(?:[,.!;]|$)", content):
        return "deny"  # "Bukan bocor, …" / "Bukan begitu." / "Bukan Djanur mundur": a short flat rejection
    if low[:1] == ["bukan"] and low[2:3] == ["yang"] and low[1] not in lex.not_deny \
            and re.match(r"\s*\S+\s+[A-Z]", text[start:end]):
        return "deny"  # "Bukan Djanur yang mundur": a cleft that rejects who did it
    if _declines(lex, _WORDS.findall(content[:160].split(",", 1)[0])):
        return "unconfirmed"
    if _rejects(content):
        return "deny"
    for k in range(min(12, len(low) - 1)):
        if low[k] in ("tidak", "tak", "enggak", "nggak") and low[k + 1] == "pernah":
            if _never_denial(lex, low, k):
                return "deny"
            if k > 0 and low[k - 1] in ("saya", "kami", "aku") and _never_denial(lex, low[k - 1 :], 1):
                return "deny"
    return stance


def opening_stance(text: str, start: int, end: int) -> str:
    """The stance text[start:end] takes by its own words, whatever verb reports it: "deny" for
    "Bukan Djanur mundur", "Tidak benar …" or "… itu hoaks", "unconfirmed" for a refusal to
    comment, else "assert". For callers outside the quote stage (contradictions read each
    sentence of a long statement)."""
    return _content_deny(text, start, end, "assert")


REFUSAL_WORDS = 6  # the refusal opens the statement's main clause: a short subject at most before it


def _declines(lex: _Lexicon, low: list[str]) -> bool:
    """Does the statement's main clause decline to confirm or comment ("Kami belum bisa
    memastikan apakah korban dibunuh", "pihaknya belum bisa memberikan keterangan")? The refusal
    comes within the first words, before any comma, after a subject with no verb of its own."""
    for k in range(min(REFUSAL_WORDS, len(low))):
        w = low[k]
        if w in ("karena", "tapi", "tetapi", "namun", "jika", "kalau", "bahwa", "yang") or _verb_shaped(w, ("me", "ber", "di")):
            return False
        for n in lex.refusal_lengths:
            if tuple(low[k : k + n]) in lex.refusals:
                return True
    return False


_SELF_NEGATORS = frozenset({"tidak", "tak", "bukan", "bukanlah", "enggak", "nggak", "gak"})


def _negated_deed(lex: _Lexicon, text: str) -> str | None:
    """The stem of the deed a statement says its speaker did not do: "(saya/ia) tidak (pernah)
    menerima uang" → "terima"; None when the statement opens otherwise."""
    from ..stories.stem import stem

    low = _WORDS.findall(text[:200].lower())
    k = 0
    while k < len(low) and k < 3 and low[k] in lex.never_lead:
        k += 1
    # "Jadi sekali lagi, tidak ada …" / "dalam aturan itu tidak ada …": connectives and a place
    # phrase may open the statement before the negation (not a subject: "gereja itu tidak …")
    while k < len(low) and low[k] in lex.denial_lead:
        k += 1
    if k + 2 < len(low) and low[k] in ("di", "dalam", "pada"):
        end = next((n for n in range(k + 2, min(len(low), k + 5)) if low[n] in ("itu", "tersebut", "ini")), None)
        if end is not None:
            k = end + 1
    if k >= len(low) or low[k] not in _SELF_NEGATORS or low[k].startswith("bukan"):
        return None  # "bukan pelatih yang …" characterises; deeds are verbs
    k += 1
    while k < len(low) and low[k] in ("pernah", "ikut", "turut", "sama", "sekali", "pun", "sedikit", "pula"):
        k += 1
    if k + 1 < len(low) and low[k] == "ada":
        noun = low[k + 1]  # "tidak ada larangan" against "adanya aturan yang melarang": a noun made from a verb
        if len(noun) > 5 and noun.isalpha() and noun.endswith("an") and len(stem(noun)) < len(noun) - 1:
            return stem(noun)
        return None
    if k >= len(low):
        return None
    deed = low[k]
    if len(deed) <= 5 or not deed.isalpha() or not deed.startswith(("me", "ber", "ter", "di")) \
            or deed in lex.reply_not_deny or deed in lex.never_not_deny or deed in lex.clause_words:
        return None
    return stem(deed)


def _deny_alleged(t: _Text, stmts: list[_Stmt], units: list[tuple[int, int]]) -> None:
    """A statement in which the speaker says they did not do what someone else alleged earlier
    in the article is a denial ("Jaksa menuduh Andi menerima uang. … Andi mengatakan tidak
    menerima uang itu"). The allegation is an earlier statement by another speaker, or an
    earlier sentence with an accusation word (dituduh, tuduhan, didakwa …), that holds the
    same deed (same stem)."""
    from ..stories.stem import stem

    lex = lexicon()
    for st in stmts:
        if st.stance != "assert" or st.speaker is None:
            continue
        head = t.text[st.start : st.start + 40].lower()
        if not any(n in head for n in ("tidak", "tak ", "enggak", "nggak", "gak ")):
            continue  # a quick miss
        deed = _negated_deed(lex, t.text[st.start : st.end])
        if deed is None:
            continue
        who = set(_WORDS.findall(t.text[st.speaker.start : st.speaker.end].lower()))
        for other in stmts:
            if other.start >= st.start or other.stance == "deny" or other.speaker is None or other.speaker.kind == "pronoun":
                continue
            if who & set(_WORDS.findall(t.text[other.speaker.start : other.speaker.end].lower())):
                continue  # the speaker's own words ("Rafid" / "Mochammad Rafid Habibie")
            words = _WORDS.findall(t.text[other.start : other.end].lower())
            if any(stem(w) == deed and (k == 0 or words[k - 1] not in _SELF_NEGATORS) for k, w in enumerate(words)):
                st.stance = "deny"
                break
        else:
            for us, ue in units:
                if us >= st.start:
                    break
                words = _WORDS.findall(t.text[us:ue].lower())
                if any(w in lex.allegation_markers for w in words) and any(stem(w) == deed for w in words):
                    st.stance = "deny"
                    break


@lru_cache(maxsize=1)
def _claim_words() -> frozenset:
    """Words that make a sentence a claim someone may answer: allegations ("diduga",
    "dituduh", "tersangka"), reports and rumours ("pemberitaan", "kabar", "isu")."""
    lex = lexicon()
    return lex.allegation_markers | lex.reply_claim


@lru_cache(maxsize=1)
def _stopwords() -> frozenset:
    return frozenset(load_lines("stopwords.txt"))


@lru_cache(maxsize=1)
def _correction_negators() -> frozenset:
    """The negators a correction opens with: "bukan X, tapi Y", "tidak X, namun Y"."""
    lex = lexicon()
    return lex.negation | lex.negation_nominal


@lru_cache(maxsize=1)
def _own_negators() -> frozenset:
    """The negators of a denied aim ("bukan untuk …", "tidaklah bermaksud …")."""
    return _correction_negators() | lexicon().negation_emphatic


def _corrected_phrases(lex: _Lexicon, first: str) -> list[list[str]]:
    """The phrases a statement corrects: X in "bukan/tidak X, tapi/namun/melainkan Y" and in
    "Y, bukan X" ("dijemput, bukan ditangkap"), within the first sentence (as written). A
    negator inside a request, condition or relative clause ("agar tidak …", "yang bukan …")
    or one that widens ("tidak hanya", "bukan sekadar") corrects nothing."""
    negators = _correction_negators()
    toks = _WORDS_PUNCT.findall(first)
    low = [w.lower() for w in toks]
    out = []
    for k, w in enumerate(low):
        if w not in negators or k + 1 >= len(toks) or low[k + 1] in lex.scope_not \
                or low[k + 1] in negators:  # "bukan tidak mungkin": possible
            continue
        j = k - 1
        while j >= 0 and low[j] not in (",", ";", ":") and low[j] not in lex.negation_shield:
            j -= 1
        if j >= 0 and low[j] in lex.negation_shield and (low[j] != "yang" or k - j <= 2):
            continue  # "yang bersangkutan ini bukan …": a relative only right before the negator
        x, m = [], k + 1
        while m < len(toks) and len(x) < 6 and low[m] not in (",", ";", ":") and low[m] not in lex.contrast:
            x.append(toks[m])
            m += 1
        if m < len(toks) and low[m] == "," and m + 1 < len(toks):
            m += 1
        contrasted = m < len(toks) and low[m] in lex.contrast
        after_comma = w.startswith("bukan") and k > 0 and low[k - 1] == ","
        if x and (contrasted or after_comma):
            out.append(x)
    return out


def _deny_correction(t: _Text, stmts: list[_Stmt], units: list[tuple[int, int]]) -> None:
    """A statement that corrects something the article reported as a claim is a denial, with
    no denial verb: "(Kata polisi,) X tidak ditangkap, namun hanya dijemput" after "pemberitaan
    penangkapan X"; "pidato itu soal kebangsaan, bukan menyinggung agama" after a report that
    the speech "diduga" insulted religion. The corrected phrase must share a stem with an
    earlier sentence that holds a claim word (``_claim_words``): a plain contrast that answers
    nothing ("bukan kewenangan kami, tetapi urusan pusat") stays what its cue says."""
    from ..stories.stem import stem

    lex = lexicon()
    claims = _claim_words()
    stops = _stopwords()
    context: list[tuple[int, frozenset]] | None = None
    for st in stmts:
        if st.stance != "assert":
            continue
        head = t.text[st.start : st.end][:400]
        low = head.lower()
        if "bukan" not in low and "tidak" not in low and "tak " not in low and "nggak" not in low:
            continue  # a quick miss
        first = _SENTENCE_END.split(head, maxsplit=1)[0]
        phrases = _corrected_phrases(lex, first)
        if not phrases:
            continue
        if context is None:
            context = []
            for us, ue in units:
                words = _WORDS.findall(t.text[us:ue].lower())
                if claims.intersection(words):
                    context.append((us, frozenset(stem(w) for w in words if len(w) > 3 and w not in stops)))
        sentence_start = max((us for us, ue in units if us <= st.start), default=0)
        before = frozenset().union(*(stems for us, stems in context if us < sentence_start)) if context else frozenset()
        if not before:
            continue
        for x in phrases:
            # common words only: a name ("Polri") recurs in every sentence and answers nothing
            if any(len(w) > 3 and w.islower() and w not in stops and w.isalpha() and stem(w) in before for w in x):
                st.stance = "deny"
                break


_PURPOSE_VERB = re.compile(r"(?:me|ber|di|ter|per)\w{3,}|pe\w{3,}an")  # "menghindar", "pelemahan"; not "pelaut"


def _negated_purpose(lex: _Lexicon, first: str) -> bool:
    """Does the first sentence deny an aim: "bukan untuk menghindar dari …", "tidak bermaksud
    menyinggung …" (a negator, a purpose word, then a verb or a deverbal noun)? Not inside a
    request, condition or relative clause ("agar tidak untuk …", "yang bukan untuk …"), and
    not about a beneficiary ("bukan untuk pelaut", "bukan untuk seseorang")."""
    negators = _own_negators()
    low = _WORDS_PUNCT.findall(first.lower())
    for k, w in enumerate(low[:-2]):
        if w not in negators or low[k + 1] not in lex.purpose:
            continue
        nxt = low[k + 2]
        if low[k + 1] == "untuk" and nxt in lex.purpose:  # "tidak untuk bermaksud"
            nxt = low[k + 3] if k + 3 < len(low) else ""
        if not _PURPOSE_VERB.fullmatch(nxt) or nxt in lex.not_verb:
            continue
        j = k - 1
        while j >= 0 and low[j] not in (",", ";", ":") and low[j] not in lex.negation_shield:
            j -= 1
        if j >= 0 and low[j] in lex.negation_shield:
            continue
        return True
    return False


def _deny_purpose(t: _Text, stmts: list[_Stmt]) -> None:
    """A statement that denies an aim imputed to the speaker's side is a denial when it is
    insisted on by an emphatic cue ("Sugito menegaskan, keberadaan Rizieq di Arab Saudi bukan
    untuk menghindar …", "Abiteboul menegaskan timnya … bukan untuk mendiskreditkan tim lain");
    under a neutral cue a negated aim is a description or a reassurance ("ganja bukan untuk
    mengobati", "Al-Sisi menyatakan negara-negara Teluk tidak bertujuan memicu konflik") and
    stays assert."""
    lex = lexicon()
    for st in stmts:
        if st.stance != "assert" or st.speaker is None:
            continue
        head = t.text[st.start : st.end][:400]
        low_head = head.lower()
        if not any(n in low_head for n in _own_negators()):
            continue  # a quick miss
        first = _SENTENCE_END.split(head, maxsplit=1)[0]
        if st.cue and st.cue[1] <= st.start and st.start - st.cue[1] < 40:
            first = t.text[st.cue[1] : st.start] + " " + first  # "menegaskan agar …": the complementiser shields
        if not _negated_purpose(lex, first):
            continue
        if st.cue and t.text[st.cue[0] : st.cue[1]].lower() in lex.emphatic:
            st.stance = "deny"


CHARGE_WINDOW = 6  # words (punctuation not counted): "terdakwa lainnya, Doan" / "tersangka dengan inisial R, SA, E"


def _charged(t: _Text, names: list[str], before: int) -> bool:
    """Is one of ``names`` written within CHARGE_WINDOW tokens of a charge word ("tersangka",
    "terdakwa", "didakwa", "diduga") before offset ``before``? The judge who rules on a
    suspect ("Hakim Asiadi menunda sidang praperadilan Miryam, tersangka …") is further off."""
    charge = lexicon().charge
    wanted = set(names)
    words = [i for i in range(t.index_at(before)) if t.low[i][:1].isalnum()]
    for n, i in enumerate(words):
        if t.low[i] in charge:
            # "Jaksa mendakwa Tarno": an active verb charges the one after it, not its subject
            left = n + 1 if t.low[i].startswith("me") else max(0, n - CHARGE_WINDOW)
            if any(t.word(j) in wanted for j in words[left : n + CHARGE_WINDOW + 1]):
                return True
    return False


def _opens_with_ignorance(lex: _Lexicon, content: str) -> bool:
    """Does the statement open (after a subject pronoun or "hanya sebagai …, dan") with "tidak
    tahu/mengetahui …" or "hanya (sebagai) korban"? "belum tahu" (not yet known) is no plea."""
    low = _WORDS_PUNCT_STOP.findall(content[:300].lower())
    k = 0
    while k < len(low) and k < 3 and (low[k] in lex.never_lead or low[k] in ("mereka", "keduanya", "hanya", "cuma")):
        k += 1
    for j in range(k, min(len(low), k + 3)):
        if low[j] in lex.victim:
            return low[k - 1 : k] in (["hanya"], ["cuma"]) or "hanya" in low[:j] or "cuma" in low[:j]
    if low[k : k + 1] in (["sebagai"], ["menjadi"]) and low[k - 1 : k] in (["hanya"], ["cuma"]):
        # "hanya sebagai jasa angkutan saja dan tidak mengetahui bahwa …": the role, then the plea
        try:
            k = low.index("dan", k, k + 12) + 1
        except ValueError:
            return False
    if not (k + 1 < len(low) and low[k] in lex.negation and low[k + 1] in lex.ignorance):
        return False
    # a fact not known ("tidak tahu bahwa …", "tidak tahu tindakannya itu bisa membunuh …"), not a
    # thing ("tidak mengetahui aliran uang itu", which the convention keeps assert)
    rest = low[k + 2 : k + 8]
    return bool(rest) and (rest[0] in lex.complementizers or any(w in lex.clause_words for w in rest))


def _deny_accused_ignorance(t: _Text, stmts: list[_Stmt], units: list[tuple[int, int]]) -> None:
    """An accused who says they did not know the culpable fact ("mereka mengatakan tidak tahu
    tindakannya itu bisa membunuh …") or were only a victim ("mengaku hanya sebagai korban")
    denies the charge. The speaker must be named in an earlier sentence that charges someone
    next to a charge word (tersangka, terdakwa, dakwaan, diduga …); a pronoun speaker by the
    name before it. Anyone else not knowing something ("Hakim Asiadi mengaku tidak tahu alasan
    ketidakhadiran KPK", "belum mengetahui aturan") stays assert."""
    lex = lexicon()
    for st in stmts:
        if st.stance != "assert" or st.speaker is None:
            continue
        content = t.text[st.start : st.end]
        if not _opens_with_ignorance(lex, content):
            continue
        sp = st.speaker
        span = _previous_name(t, sp.start) if sp.kind == "pronoun" else (sp.start, sp.end)
        if span is None:
            continue
        names = [t.word(i) for i in t.range(*span) if _is_cap(t.word(i)) and not _kinds(t.word(i)) & {"role", "title", "lead", "adverb"}]
        sentence_start = max((us for us, ue in units if us <= st.start), default=0)
        if names and _charged(t, names, min(sentence_start, sp.start)):
            st.stance = "deny"


def _replies_no(t: _Text, start: int, cue_start: int, content_start: int) -> bool:
    """"Menanggapi tuduhan itu, X mengatakan tidak …": a reply to a named claim (a reply marker
    and a claim noun before the speaker) whose content opens with a negation is a denial,
    unless the negation is of a modal ("tidak akan tinggal diam")."""
    lex = lexicon()
    c = t.index_at(content_start)
    if c + 1 >= len(t.low) or t.low[c] not in ("tidak", "tak", "bukan", "enggak", "nggak"):
        return False
    if t.low[c + 1] in lex.reply_not_deny:
        return False
    before = list(t.range(start, cue_start))
    for n, i in enumerate(before):
        if t.low[i] in lex.reply_marker:
            window = before[n + 1 : n + 4]
            if any(t.low[j] in lex.reply_claim for j in window):
                return True
    return False


def _is_clause(t: _Text, idx: list[int], had_complementizer: bool) -> bool:
    words = [t.low[i] for i in idx if t.low[i][:1].isalnum()]
    if len(words) < 3:
        return False
    if had_complementizer:
        return True
    lex = lexicon()
    words = _without_relatives(lex, words)
    if any(w in lex.clause_words or w in lex.complementizers for w in words[:12]):
        return True
    if any(w.startswith(("me", "ber", "di", "ter")) and len(w) > 5 and w not in lex.not_verb for w in words[1:12]):
        return True
    # "pemindahan tersebut sesuai dengan prosedur": a demonstrative closes the subject and a
    # predicate follows (not a place or time: "kasus itu di Jakarta")
    return any(w in ("itu", "ini", "tersebut") and k + 2 < len(words) and words[k + 1] not in _NOT_PREDICATE
               for k, w in enumerate(words[1:12], 1))


_NOT_PREDICATE = frozenset({"di", "ke", "dari", "pada", "dalam", "kepada", "untuk", "dengan", "saat", "ketika", "yang", "dan",
                            "serta", "atau", "bagi", "oleh", "sejak", "hingga", "sampai", "selama", "terhadap", "atas",
                            "tentang", "mengenai", "soal", "terkait", "melalui", "lewat", "sebagai", "kemarin", "lalu"})


def _without_relatives(lex: _Lexicon, words: list[str]) -> list[str]:
    """The words of a complement without the verbs of its relative clauses: "peristiwa yang
    terjadi", "negara yang didatangi X", "gejala yang ada di masyarakat" are noun phrases, not
    clauses. A relative with an active verb names a deed ("pemerintah yang membentuk pasukan",
    the object of a blame) and is kept."""
    if "yang" not in words:
        return words
    out, k = [], 0
    while k < len(words):
        w = words[k]
        if w == "yang" and k > 0:
            j = k + 1
            while j < len(words) and j - k <= 3 and (words[j] in lex.clause_words or "adverb" in _kinds(words[j])):
                j += 1
            if j < len(words) and words[j] not in lex.passives \
                    and (words[j] in lex.clause_words or words[j].startswith(("di", "ter", "ber"))):
                k = j + 1  # "yang (telah) dibantah", "yang terjadi", "yang ada", "yang berada"
                continue
        out.append(w)
        k += 1
    return out


def _takes_any_complement(t: _Text, cue_index: int, stance: str, start: int, end: int) -> bool:
    """Verbs whose complement is a statement whatever its form: "mengaku mikrofonnya rusak";
    a denial or a refusal with a noun phrase ("menampik tudingan itu", "belum bisa memastikan
    penyebabnya") is still a statement."""
    lex = lexicon()
    if (stance == "accuse" or t.low[cue_index] in lex.as_verbs) and " sebagai " in t.text[start:end].lower():
        return True  # "balik menuduh pemberontak sebagai pelakunya" / "menyebut hal ini sebagai kemenangan"
    if stance == "demand" and _demands_act(lex, t.text[start:end]):
        return True
    if t.low[cue_index] not in lex.clause_verbs and stance not in ("deny", "unconfirmed"):
        return False
    if stance == "unconfirmed":
        own = (t.match_cue(cue_index, cue_index + lex.max_cue_len)[1] or {}).get("verb")
        if own != "unconfirmed" and t.low[cue_index] not in lex.disclosure:
            return False  # "belum mengumumkan permintaan mereka": not yet done, no refusal
    if t.low[cue_index] in lex.physical_sense and _physical(t, cue_index, start):
        return False
    words = len(_WORDS.findall(t.text[start:end]))
    return words >= (1 if stance == "deny" else 2)


def _no_act_named(t: _Text, cue_index: int, cs: int, ce: int, comp: bool) -> bool:
    """Complements that report nothing: a dare with no act ("pose-pose menantang", "menantang
    Persija"; speech_cues.tsv, needs_link: only "menantang X untuk/agar …" is a demand) and a
    complement opening with a preposition or copula ("membuat Sheza yakin untuk menerima
    lamaran", "yang membuat Meregalli yakin adalah …"; speech_cues.tsv, not_clause_opener)."""
    lex = lexicon()
    words = _WORDS.findall(t.text[cs:ce].lower())
    if not words:
        return False
    if t.low[cue_index] in lex.needs_link and not any(w in lex.purpose_links for w in words[:7]):
        return True
    return not comp and (words[0] in lex.not_clause_openers or f"{t.low[cue_index]} {words[0]}" in lex.not_clause_openers)


def _demands_act(lex: _Lexicon, content: str) -> bool:
    """An addressee and the act asked of them ("meminta masyarakat tetap waspada", "menantang
    Ahok untuk melakukan …", "melarang keras masyarakat menyentuh …"): a link word within the
    first words after the addressee, or an active verb right after a short addressee."""
    words = _WORDS.findall(content.lower())
    if len(words) < 3:
        return False
    if any(w in lex.demand_links for w in words[1:6]):
        return True
    return any(_verb_shaped(w) and w not in lex.not_verb for w in words[1:4])


def _physical(t: _Text, cue_index: int, content_start: int | None) -> bool:
    """"Forster mampu menepis tendangan itu" / "menepisnya dengan cekatan": the parry, not the
    denial. An ability word just before the verb, or an object that names no claim."""
    lex = lexicon()
    if any(t.low[j] in lex.ability for j in range(max(0, cue_index - 3), cue_index)):
        return True
    if content_start is None:
        return False
    first = t.index_at(content_start)
    if first < len(t.low) and t.low[first] in _ANAPHORS:
        return False  # "menepis hal itu"
    return not any(t.low[j] in lex.claim_nouns for j in range(first, min(first + 3, len(t.low))))


def _trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = _strip(text, start, end, _SPACE_LIKE + "\n,:;")
    while end > start and text[end - 1] in ".;,:!" + _SPACE_LIKE:
        end -= 1
    return start, end


def _indirect(t: _Text, start: int, end: int) -> tuple[list[_Stmt], list[tuple]]:
    """Reported speech in the clause region ``text[start:end]``.

    Returns statements and "pending" cues (cue with a speaker but no clausal content, which may
    introduce the direct quote that follows or give a stance to it).
    """
    text = t.text
    cue_starts = t.cue_starts
    first_token, end_token = t.index_at(start), t.index_at(end)
    c = bisect_left(cue_starts, first_token)
    if c == len(cue_starts) or cue_starts[c] >= end_token:
        return [], []  # no token of the region can start a cue: the scan below would find nothing
    idx = list(range(first_token, end_token))
    out: list[_Stmt] = []
    pending: list[tuple] = []
    n = 0
    while n < len(idx):
        # jump to the next token a cue may start at (idx holds consecutive tokens): at the
        # others match_cue finds nothing and the scan would only move on
        c = bisect_left(cue_starts, idx[n])
        if c == len(cue_starts) or cue_starts[c] > idx[-1]:
            break
        n = cue_starts[c] - idx[0]
        i = idx[n]
        size, stances = t.match_cue(i, idx[-1] + 1)
        if not size:
            n += 1
            continue
        kinds = set(stances)
        cue = (t.spans[i][0], t.spans[i + size - 1][1])
        after = idx[n + size :]
        before_start = start
        # ---- menurut X, CLAUSE
        if "prep" in kinds:
            k = n + 1
            while k < len(idx) and t.low[idx[k]] != ",":
                k += 1
            if k >= len(idx) and n + 2 < len(idx) and {"pronoun", "pronoun_group"} & _kinds(t.low[idx[n + 1]]):
                k = n + 2  # "Menurut dia pihaknya masih menyelidiki …": no comma after a pronoun
            tail_speaker = found_name = False
            who_end = k
            if k >= len(idx) and n + 1 < len(idx) and not {"pronoun", "pronoun_group"} & _kinds(t.low[idx[n + 1]]):
                found = _menurut_without_comma(t, idx, n)
                if found is not None:  # "…, menurut Agus masih akan dikaji": the words after the name
                    who_end, k = found
                    tail_speaker, found_name = k == len(idx), k < len(idx)
            who = idx[n + 1 : who_end if found_name else k]
            who = who[: len(who) - _time_tail([t.word(x) for x in who])]  # "menurut X pada Rabu (31/8)"
            relay = None  # "Menurut USGS yang dilaporkan Reuters, …": the agency only relays USGS's words
            for r in range(2, len(who)):
                if "reporting" in _kinds(t.low[who[r]]) and t.low[who[r - 1]] in ("yang", "seperti", "sebagaimana") \
                        and not (r == 2 and (t.low[who[0]] in lexicon().claim_nouns or "nonspeaker" in _kinds(t.low[who[0]]))):
                    # (not "Menurut laporan/kabar yang dilansir The Mirror": the outlet is the source)
                    relay = _reporting_source(t, who[r], who[-1] + 1)
                    who = who[: r - 1]
                    break
            sp = _phrase(t, who, from_right=True) if who else None
            named = _name_after_role(t, idx, who, k)
            if named is not None:  # "menurut Kepala bidang penelitian pada X, Siegfried O Wolf, …"
                sp, k = named
            if sp is None and who:
                sp = _SpeakerSpan(t.spans[who[0]][0], t.spans[who[-1]][1], "named")
            if sp and (k < len(idx) or tail_speaker):
                a = _trim_content(text, before_start, cue[0])
                b = _trim_content(text, t.spans[idx[k]][1] if t.low[idx[k]] == "," else t.spans[idx[k]][0], end) \
                    if k < len(idx) else (end, end)
                cs, ce = b if (b[1] - b[0]) >= (a[1] - a[0]) or (found_name and b[1] - b[0] > 10) else a
                # "Menurut sebuah pernyataan, Taliban membantah …": a document is no speaker;
                # the statement inside, with its own speaker and cue, is the one made
                document = any(t.low[x] in lexicon().claim_nouns for x in who)  # "Menurut pernyataan Bank Dunia, …"
                if document and any(st.speaker is not None for st in _indirect(t, cs, ce)[0]):
                    pass  # found again as the scan goes on
                elif ce - cs > 10:
                    out.append(_Stmt(cs, ce, False, sp, cue, _content_deny(text, cs, ce, "assert"), reported_by=relay,
                                     anchor=cue[0]))
                    if cs > cue[0]:  # "Menurut X, mereka juga mengajak …": the verbs inside are X's report
                        return out, pending
            n = k
            continue
        # ---- menurutnya, CLAUSE / CLAUSE, menurutnya
        if "prep+nya" in kinds:
            sp = _SpeakerSpan(t.spans[i][1] - 3, t.spans[i][1], "pronoun")
            cue = (t.spans[i][0], t.spans[i][1] - 3)
            a = _trim_content(text, start, cue[0])
            b = _trim_content(text, t.spans[i][1], end)
            cs, ce = b if (b[1] - b[0]) >= (a[1] - a[0]) else a
            if ce - cs > 10:
                out.append(_Stmt(cs, ce, False, sp, cue, _content_deny(text, cs, ce, "assert"), anchor=cue[0]))
            return out, pending
        # ---- postposed: ", kata X" / ", ujarnya" / "Kata X, CLAUSE"
        post = [k for k in kinds if k.startswith("postposed")]
        at_edge = n == 0 or t.low[idx[n - 1]] == "," or "lead" in _kinds(t.low[idx[n - 1]])
        if post and at_edge:
            stance = _stance(t, i, {k: stances[k] for k in post})
            if post[0].endswith("+nya"):
                sp = _SpeakerSpan(t.spans[i][1] - 3, t.spans[i][1], "pronoun")
                cue = (t.spans[i][0], t.spans[i][1] - 3)
                nxt = n + 1
            else:
                sp, j = _analyse_postposed(t, i + size, idx[-1] + 1)
                nxt = idx.index(j) if j in idx else len(idx)
            if sp is None:
                if n == 0 and size == 1 and t.low[i].startswith("di") and i + 1 < len(t.low) and t.low[i + 1] == "," \
                        and i + 2 <= idx[-1]:
                    # "Dikatakan, korban dipekerjakan …": no agent, the words of the speaker before
                    cs, ce = _trim_content(text, t.spans[i + 1][1], end)
                    if _is_clause(t, list(t.range(cs, ce)), True) and ce - cs > 20:
                        out.append(_Stmt(cs, ce, False, None, cue, _content_deny(text, cs, ce, "assert"),
                                         anchor=cue[0], carry=True))
                        return out, pending
                n += 1
                continue
            rep = _reporting_source(t, idx[nxt] if nxt < len(idx) else end, idx[-1] + 1)
            lead = n - 1 if n > 1 and t.low[idx[n - 1]] == "demikian" else n  # "…, demikian disampaikan X"
            prev_comma = lead > 0 and t.low[idx[lead - 1]] == "," and len(_WORDS.findall(text[start : t.spans[i][0]])) >= 3
            if prev_comma:  # CLAUSE, kata X  (or "A, kata X, B": the longer part)
                cs, ce = _trim_content(text, start, t.spans[idx[lead - 1]][0])
                if nxt < len(idx) and t.low[idx[nxt]] == ",":
                    bs, be = _trim_content(text, t.spans[idx[nxt]][1], end)
                    if be - bs > ce - cs:
                        cs, ce = bs, be
                # nested: "Y menegaskan CLAUSE, kata X": Y is the speaker, X reports
                inner, _ = _indirect(t, cs, ce)
                if inner and inner[0].speaker is not None:
                    st = inner[0]
                    st.reported_by = sp
                    out.append(st)
                elif _is_clause(t, list(t.range(cs, ce)), False) or ce - cs > 20:
                    out.append(_Stmt(cs, ce, False, sp, cue, _content_deny(text, cs, ce, stance), reported_by=rep, anchor=cue[0]))
            else:  # (Dan,) kata X, CLAUSE
                k = nxt
                while k < len(idx) and t.low[idx[k]] in (",", ":"):
                    k += 1
                if k < len(idx):
                    cs, ce = _trim_content(text, t.spans[idx[k]][0], end)
                    if _is_clause(t, list(t.range(cs, ce)), True):
                        out.append(_Stmt(cs, ce, False, sp, cue, _content_deny(text, cs, ce, stance), anchor=cue[0]))
            return out, pending
        if "verb+nya" in kinds:  # "Sarip menepisnya." : the cue's object is the previous claim
            sp = _analyse_subject(t, start, cue[0])
            if sp is not None:
                pending.append((sp, (t.spans[i][0], t.spans[i][1] - 3), _stance(t, i, {"v": stances["verb+nya"]})))
            n += 1
            continue
        if "verb" not in kinds:
            n += 1
            continue
        # ---- preposed verb: SUBJECT VERB (bahwa) CLAUSE
        if n > 0 and t.low[idx[n - 1]] == "tanpa":  # "tanpa meminta klarifikasi": no speech act
            n += 1
            continue
        back = n - 1
        while back >= 0 and "adverb" in _kinds(t.low[idx[back]]):
            back -= 1
        if back >= 0 and t.low[idx[back]] == "yang" and any(
                "verb" in (t.match_cue(j, idx[-1] + 1)[1] or {}) for j in idx[n + size :]):
            n += 1  # "Miryam yang tetap berkukuh … menegaskan …": the main verb comes later
            continue
        stance = _stance(t, i, {"verb": stances["verb"]})
        if back >= 0 and t.low[idx[back]] == "yang":  # "pernyataan Soylu sebelumnya yang menyebut …"
            sp = _claim_relative(t, idx[:back]) or _analyse_subject(t, start, cue[0])
        elif back >= 0 and t.low[idx[back]] in ("dan", "serta"):
            sp = _coordinated_subject(t, start, idx[:back])
        else:
            sp = _analyse_subject(t, start, cue[0])
        if sp is None:
            n += 1
            continue
        k = 0
        comp = False
        while k < len(after) and (t.low[after[k]] in (",", ":") or t.low[after[k]] in lexicon().complementizers):
            comp = comp or t.low[after[k]] != ","
            k += 1
        body = after[k:]
        if not comp and t.low[i] in lexicon().comp_only:  # "merespons tweet itu dengan …": no report
            n += 1
            continue
        # a postposed attribution later in the region makes this a nested statement
        stop = end
        for m, j in enumerate(body):
            if t.low[j] == "," and m + 1 < len(body):
                sz, st2 = t.match_cue(body[m + 1], body[-1] + 1)
                if sz and any(x.startswith("postposed") for x in st2):
                    stop = t.spans[j][0]
                    break
        if not body:
            pending.append((sp, cue, stance))
            return out, pending
        # "X menuduh A, namun Y membantahnya": a contrasting clause with its own subject and
        # speech verb is a statement of its own, not part of X's words
        rest = None
        for m, j in enumerate(body[:-2]):
            if t.spans[j][0] >= stop:
                break
            if t.low[j] == "," and m > 1 and (t.low[body[m + 1]] == "tapi" or "lead" in _kinds(t.low[body[m + 1]])):
                for x in body[m + 3 : m + 10]:
                    if t.spans[x][0] >= stop or t.low[x] in (",", "."):
                        break
                    sz, st2 = t.match_cue(x, body[-1] + 1)
                    if (sz and ("verb" in st2 or "verb+nya" in st2)) or t.low[x] in lexicon().passives:
                        rest = t.spans[body[m + 1]][0]  # also "…, namun hal itu dibantah Y"
                        break
                if rest is not None:
                    stop = t.spans[j][0]
                    break
        if rest is not None:
            more, more_pending = _indirect(t, rest, end)
            out.extend(more)
            pending.extend(more_pending)
            body = [j for j in body if t.spans[j][0] < stop]
        # "menyebut A dan menilai B" / "membantah A, menegaskan B": a second speech verb of the
        # same subject joined by dan/serta or a comma is a second statement
        second = None
        for m, j in enumerate(body[:-1]):
            # "menyangkal tuduhan dan mengatakan …": after a denial one object word is enough
            if (t.low[j] in ("dan", "serta") and (m > 1 or (m == 1 and stance == "deny"))) or (t.low[j] == "," and m > 0):
                k2 = m + 1
                while t.low[j] == "," and k2 < len(body) - 1 and "adverb" in _kinds(t.low[body[k2]]):
                    k2 += 1
                sz, st2 = t.match_cue(body[k2], body[-1] + 1)
                if sz and "verb" in st2 and t.spans[body[k2]][0] < stop:
                    second = (j, body[k2], sz, st2)
                    break
        cs, ce = _trim_content(text, t.spans[body[0]][0], t.spans[second[0]][0] if second else stop)
        if size > 1 and lexicon().claim_nouns.get(t.low[i + size - 1], "deny") != "deny":
            # "menolak tudingan tersebut" / "menolak tuduhan bahwa …": the claim noun belongs to
            # the content, not the cue (as in "membantah tudingan X bahwa …")
            cue = (t.spans[i][0], t.spans[i + size - 2][1])
            cs = t.spans[i + size - 1][0]
        if second:
            _, k2, sz2, st2 = second
            cue2 = (t.spans[k2][0], t.spans[k2 + sz2 - 1][1])
            stance2 = _stance(t, k2, {"verb": st2["verb"]})
            bs, be = _trim_content(text, cue2[1], stop)
            while t.low[t.index_at(bs)] in lexicon().complementizers:
                bs, be = _trim_content(text, t.spans[t.index_at(bs)][1], be)
            if be > bs and (_is_clause(t, list(t.range(bs, be)), False) or _takes_any_complement(t, k2, stance2, bs, be)):
                out.append(_Stmt(bs, be, False, sp, cue2, _content_deny(text, bs, be, stance2), anchor=cue2[0]))
        dodge = stance == "deny" and "stop" in _kinds(t.low[body[0]])  # "mengelak ketika ditanya …"
        nested = _nested_preposed(t, sp, stance, second, cs, ce)
        if nested is not None:  # "Juru bicara jaksa mengatakan, Chen mengaku tidak bersalah": Chen's words
            out.append(nested)
            return out, pending
        anaphor_end = None if comp else _anaphoric_object(t, cs, ce)
        if anaphor_end is not None:
            if stance in ("deny", "unconfirmed", "accuse"):  # "membantah hal itu saat ditanya": the anaphor is what is denied
                more, more_pending = _indirect(t, anaphor_end, end) if end - anaphor_end > 8 else ([], [])
                if any(m.stance == stance for m in more):
                    # "Andi membantah hal itu, bahkan dalam sidang Andi membantah pernah menerima
                    # uang": the second, explicit denial is the statement
                    return out + more, pending + more_pending
                ce = anaphor_end
            else:  # "Anton menyampaikan itu saat ditanya wartawan": points back, says nothing new
                pending.append((sp, cue, stance))
                return out, pending
        topic = stance not in ("deny", "unconfirmed") and t.low[t.index_at(cs)] in lexicon().topic_prep \
            and "," not in text[cs:ce]  # "bertanya soal kapan dan di mana peristiwa terjadi": a topic
        if stance == "unconfirmed" and all(w in lexicon().degree for w in re.findall(r"[\w-]+", text[cs:ce].lower().split(",")[0])):
            return out, pending  # "enggan berkomentar banyak, hanya tersenyum": declines, says nothing
        if _no_act_named(t, i, cs, ce, comp):
            pending.append((sp, cue, stance))
            return out, pending
        partial = any(ch in text[cs:ce] for ch in QUOTE_MARKS)  # 'menyebut serangan yang "juga dari kelompok mereka"'
        if not dodge and not topic and (partial or _is_clause(t, list(t.range(cs, ce)), comp) or _takes_any_complement(t, i, stance, cs, ce)
                          or (stance == "assert" and _content_deny(text, cs, ce, stance) == "deny")):
            st = _Stmt(cs, ce, False, sp, cue, _content_deny(text, cs, ce, stance), anchor=cue[0])
            if st.stance == "assert" and _replies_no(t, start, cue[0], cs):
                st.stance = "deny"
            owner = _claim_owner(t, cs, ce) if st.stance == "deny" else None
            if owner is not None:  # "Y membantah tuduhan A bahwa P": A's accusation P is a statement too
                out.append(owner)
            if stop != end and rest is None:
                rep_sp, _ = _analyse_postposed(t, t.index_at(stop) + 2, idx[-1] + 1)
                st.reported_by = rep_sp
            out.append(st)
        else:
            pending.append((sp, cue, stance))
            if stance == "assert" and end - cue[1] > 20:
                # "Ketidakpercayaan itu beralasan, karena …, Fisher membantah bahwa …": a verb with
                # no statement of its own may stand before the one that has it
                more, more_pending = _indirect(t, cue[1], end)
                if any(m.speaker is not None and m.stance != "assert" for m in more):
                    return out + more, pending + more_pending
        return out, pending
    return out, pending


def _name_after_role(t: _Text, idx: list[int], who: list[int], k: int) -> tuple[_SpeakerSpan, int] | None:
    """"menurut <office>, <Name>, CLAUSE": an office phrase (opening with a role word) closed by
    a comma and followed by a capitalised name and a second comma; the name speaks and the
    clause starts after that comma. Returns (speaker, position of the second comma in idx)."""
    if not who or k >= len(idx) or t.low[idx[k]] != "," or "role" not in _kinds(t.low[who[0]]):
        return None
    m = k + 1
    while m < len(idx) and m - k <= 6 and (_is_cap(t.word(idx[m])) or (
            t.low[idx[m]] == "." and len(t.word(idx[m - 1])) == 1)):
        m += 1
    run = idx[k + 1 : m]
    if not run or m >= len(idx) or t.low[idx[m]] != "," or _time_tail([t.word(x) for x in run]):
        return None
    if all(t.word(x).isupper() for x in run):
        return None  # "menurut peneliti Giuseppe Crippa, MD, direktur …": a degree, not a name
    sp = _name_with_role(t, run)
    if sp.kind != "named":
        return None
    sp.role = sp.role or t.text[t.spans[who[0]][0] : t.spans[who[-1]][1]]
    return sp, m


def _coordinated_subject(t: _Text, start: int, before: list[int]) -> _SpeakerSpan | None:
    """"X mengutuk serangan itu dan mengatakan …": a speech verb coordinated with an earlier
    predicate shares its subject. ``before`` are the tokens before "dan"; the subject is the
    one before the nearest active verb (me-/ber-) of the same clause (no comma in between)."""
    lex = lexicon()
    for m in range(len(before) - 1, 0, -1):
        w = t.low[before[m]]
        if w in _CLAUSE_EDGE or w in (".", "!", "?", "dan", "serta", "yang"):
            return None
        if _verb_shaped(w) and w not in lex.not_verb:
            sp = _analyse_subject(t, start, t.spans[before[m]][0])
            if sp is not None and _kinds(t.text[sp.start : sp.end].split()[0]) & {"subordinator", "lead"}:
                return None  # "Kendati sudah mengucapkan salam perpisahan dan menyatakan …": no subject
            return sp
    return None


def _menurut_without_comma(t: _Text, idx: list[int], n: int) -> tuple[int, int] | None:
    """Where the speaker of a "menurut" with no comma after it ends: "Menurut Andreas pelaporan
    itu …" / "Massa menurut Sugito bisa jadi …" (a capitalised name, roles and titles
    before it), or "… dengan kalimat itu menurut jaksa." (a short phrase closing the
    sentence). Returns the indexes in ``idx`` of the token after the speaker and of the first
    content token (len(idx) when the speaker runs to the end, the content standing before
    "menurut"), None for neither."""
    k = n + 1
    while k < len(idx) and k - n <= 3 and not _is_cap(t.word(idx[k])) and _kinds(t.low[idx[k]]) & {"role", "group"}:
        k += 1  # "menurut pengamat politik …"
    start = k
    while k < len(idx) and k - start < 6 and (_is_cap(t.word(idx[k])) or t.low[idx[k]] in _name_joiners()):
        k += 1
    if k > start and k < len(idx) and "definite" in _kinds(t.low[idx[k]]):
        # "Menurut mantan Direktur Bank Dunia itu menjelaskan …": a description ends at its
        # marker, and a speech verb right after it belongs to the attribution
        k += 1
        content = k
        if k < len(idx):
            size, stances = t.match_cue(idx[k], idx[-1] + 1)
            if size and not {"prep", "prep+nya"} & set(stances):
                content = k + size
        return (k, content) if content < len(idx) else None
    if k > start and k < len(idx) and not _is_cap(t.word(idx[k])) and t.low[idx[k]][:1].isalpha():
        return k, k  # a name, then the clause
    if len(idx) - (n + 1) <= 4 and all(t.low[i][:1].isalnum() for i in idx[n + 1 :]):
        return len(idx), len(idx)  # "… menurut jaksa." / "… menurut warta kantor berita AFP."
    return None


def _nested_preposed(t: _Text, sp: _SpeakerSpan, stance: str, second, cs: int, ce: int) -> _Stmt | None:
    """"Juru bicara jaksa mengatakan, Chen mengaku tidak bersalah": a neutral report whose
    content opens with a named subject and a speech verb of its own is that subject's statement,
    reported by the first speaker (the guidelines' nested attribution). Pronoun subjects ("X
    mengatakan ia menilai …") are the reporter's own words and stay so."""
    if stance != "assert" or second is not None or ce - cs < 12:
        return None
    first = t.index_at(cs)
    if first >= len(t.low) or not _is_cap(t.word(first)):
        return None
    inner, _ = _indirect(t, cs, ce)
    if not inner:
        return None
    st = inner[0]
    if st.speaker is None or st.speaker.kind != "named" or st.speaker.start != cs or st.cue is None \
            or st.cue[0] - st.speaker.end > 12 or st.direct:
        return None
    if set(t.text[st.speaker.start : st.speaker.end].lower().split()) & set(t.text[sp.start : sp.end].lower().split()):
        return None  # "Andi mengatakan Andi …": one speaker
    st.reported_by = sp
    return st


def _anaphoric_object(t: _Text, start: int, end: int) -> int | None:
    """End of an anaphoric object ("hal itu", "itu", "hal tersebut") that is the whole
    complement of a speech verb, with only the occasion after it ("… saat ditanya wartawan",
    "… kepada wartawan di Jakarta, Senin", "… menanggapi pengakuan X"); None when the object
    opens a clause ("itu tidak benar", "hal itu perlu diatur")."""
    lex = lexicon()
    k = t.index_at(start)
    limit = t.index_at(end)
    if k < limit and t.low[k] == "hal":
        k += 1
        if k < limit and t.low[k] in ("itu", "ini", "tersebut"):
            k += 1
        else:
            return None
    elif k < limit and t.low[k] in lex.anaphoric_objects:
        k += 1
    else:
        return None
    while k < limit and t.low[k] in ("pula", "juga", "semua", "sendiri"):
        k += 1
    if k < limit and t.low[k] not in _CLAUSE_EDGE and t.low[k] not in lex.occasion_words \
            and not ("stop" in _kinds(t.low[k]) and t.low[k] != "yang"):
        return None
    return t.spans[k - 1][1]


_CLAUSE_EDGE = frozenset(",;:()\"“”'‘’—–")
_ANAPHORS = frozenset({"hal", "itu", "ini", "tersebut", "demikian"})


def _noun_phrase_back(t: _Text, last: int, first: int) -> list[int]:
    """Tokens of the noun phrase that ends at token ``last``, back to a clause edge or the
    unit's first token, without sentence connectives ("Namun, rumor itu" → "rumor itu")."""
    j = last
    while j > first and t.low[j - 1] not in _CLAUSE_EDGE:
        j -= 1
    toks = list(range(j, last + 1))
    while toks and ("lead" in _kinds(t.low[toks[0]]) or t.low[toks[0]] in ("itu", "ini", "akan", "meski", "meskipun", "walaupun", "walau")):
        toks.pop(0)  # "Sementara itu adanya …", "Akan tetapi hal itu …"
    return toks


def _passive_statements(t: _Text, unit: tuple[int, int], stmts: list[_Stmt], consumed: list[tuple[int, int]]) -> list[_Stmt]:
    """Passive denials: "Hal itu dibantah (oleh) X", "rumor itu ditepis X", "tuduhan yang
    telah dibantah oleh Qatar", "Jaksa menuduh A, yang kemudian dibantah A". The agent is the
    speaker; the content is the subject noun phrase (an anaphor stays an anaphor: the
    annotators' convention), or for a relative clause after a statement, that statement's
    content. "… tidak ditampik X" is an admission (assert). Agentless passives are no
    statements, nor is a passive inside someone's reported clause ("JPU beralasan pernyataan
    itu telah dibantah penyidik")."""
    lex = lexicon()
    idx = list(t.range(*unit))
    if not idx:
        return []
    first, limit = idx[0], idx[-1] + 1
    out: list[_Stmt] = []
    for i in idx[1:]:
        entry = lex.passives.get(t.low[i])
        if entry is None or any(cs <= t.spans[i][0] < ce for cs, ce in consumed):
            continue
        stance, needs_claim = entry
        k = i + 1
        if k < limit and t.low[k] == "oleh":
            k += 1
        if k >= limit or not t.low[k][:1].isalnum() or _kinds(t.low[k]) & {"stop", "adverb"}:
            continue  # agentless
        if t.low[k] in ("keras", "tegas") and k + 1 < limit:  # "dibantah keras oleh X"
            k += 2 if t.low[k + 1] == "oleh" else 1
        sp, _ = _analyse_postposed(t, k, limit)
        if sp is None:  # "… yang kemudian dibantah pemberontak": a bare common noun agent
            run = []
            while k + len(run) < limit and len(run) < 4 and t.low[k + len(run)].isalpha() \
                    and not _kinds(t.low[k + len(run)]) & {"stop", "adverb"} and t.low[k + len(run)] not in lex.clause_words:
                run.append(k + len(run))
            if not run or (k + len(run) < limit and t.low[k + len(run)] not in _CLAUSE_EDGE and t.low[k + len(run)] not in ".!?"):
                continue
            sp = _SpeakerSpan(t.spans[run[0]][0], t.spans[run[-1]][1], "group")
        m = i - 1
        negated = False
        while m > first and ("adverb" in _kinds(t.low[m]) or t.low[m] in lex.clause_words
                             or (t.low[m],) in lex.negators or t.low[m] in ("mampu", "gagal", "sebetulnya", "sebenarnya")):
            negated = negated or (t.low[m],) in lex.negators
            m -= 1
        if negated:
            stance = NEGATION_FLIP.get(stance, stance)
        cue = t.spans[i]
        span = None
        if t.low[m] == "yang":  # relative: "…, tuduhan yang dibantah X" / "A menuduh B, yang dibantah B"
            a = m - 1
            while a > first and t.low[a] == ",":
                a -= 1
            np_ = _noun_phrase_back(t, a, first)
            if np_ and len(np_) <= 4 and any(t.low[x] in lex.claim_nouns for x in np_):
                span = (t.spans[np_[0]][0], t.spans[np_[-1]][1])
                host = next((st for st in stmts if st.start < span[0] <= st.end + 2 and not st.direct
                             and st.stance in ("accuse", "assert") and t.text[: span[0]].rstrip().endswith(",")), None)
                if host is not None:  # "Israel menuduh Hamas menembakkan roket, tuduhan yang dibantah Hamas"
                    host.start, host.end = _trim_content(t.text, host.start, min(host.end, span[0]))
                    span = (host.start, host.end)
            else:
                yang_at = t.spans[m][0]
                host = next((st for st in stmts if st.start < yang_at <= st.end + 2), None)
                if host is not None:
                    host.start, host.end = _trim_content(t.text, host.start, min(host.end, yang_at))
                    span = (host.start, host.end)
        else:
            if any(st.start <= cue[0] < st.end for st in stmts):
                continue  # the passive is what someone else reports
            np_ = _noun_phrase_back(t, m, first)
            if not np_ or len(np_) > 12 or any(t.match_cue(x, limit)[0] for x in np_):
                continue
            if needs_claim and not (any(t.low[x] in lex.claim_nouns for x in np_) or all(t.low[x] in _ANAPHORS for x in np_)):
                continue  # "sepakan itu ditepis Neuer": a save, not a denial
            span = (t.spans[np_[0]][0], t.spans[np_[-1]][1])
            anaphoric = len(np_) <= 3 and t.low[np_[-1]] in _ANAPHORS and all(
                t.low[x] in _ANAPHORS or t.low[x] in lex.claim_nouns for x in np_)
            host = _host_before(t, stmts, span[0]) if anaphoric else None
            if host is not None:  # "A menuduh B …, namun hal itu dibantah B": B denies what A said
                span = (host.start, host.end)
        if span is None or span[1] <= span[0]:
            continue
        out.append(_Stmt(span[0], span[1], False, sp, cue, stance, anchor=cue[0]))
    return out


_NO_OWNER_NOUNS = frozenset({"hal", "adanya", "bantahan", "sanggahan"})


def _claim_source(t: _Text, noun: int, owner: list[int]) -> _SpeakerSpan | None:
    """Who a claim belongs to, from the words after its noun: a name or description ("klaim
    polisi", "pernyataan Soylu (sebelumnya)"), or, for a claim spread in a medium ("kabar di media
    sosial", "berita di internet"), the claim itself as a group source (guidelines, blind3
    decision 4)."""
    while owner and t.low[owner[-1]] in ("sebelumnya", "itu", "tersebut", "ini"):
        owner = owner[:-1]
    if not owner:
        return None
    if t.low[owner[0]] == "di" and 2 <= len(owner) <= 4 and not any(_is_cap(t.word(i)) for i in owner):
        return _SpeakerSpan(t.spans[noun][0], t.spans[owner[-1]][1], "group")
    return _phrase(t, owner, from_right=True)


def _claim_relative(t: _Text, before: list[int]) -> _SpeakerSpan | None:
    """The source of "<claim noun> <owner> yang <saying verb> CLAUSE": the claim's owner or
    medium ("pernyataan Soylu sebelumnya yang menyebut …" is Soylu's; "kabar di media sosial yang
    menyebutkan …" the rumour's). ``before`` are the tokens before "yang"; None when no claim
    noun with an owner stands within the last five of them."""
    lex = lexicon()
    for back in range(1, min(6, len(before))):
        k = before[-back - 1]
        w = t.low[k]
        if w in _CLAUSE_EDGE or w in (".", "yang"):
            return None
        if w in lex.claim_nouns and w not in _NO_OWNER_NOUNS:
            return _claim_source(t, k, before[len(before) - back :])
    return None


def _claim_owner(t: _Text, start: int, end: int) -> _Stmt | None:
    """"tuduhan jaksa bahwa Andi menerima suap" / "klaim polisi yang menyebut …": the claim of a
    named or described owner, as the owner's statement (stance of the claim noun: a tuduhan
    accuses, a klaim asserts) whose content is the clause. None without an owner ("tuduhan
    bahwa …") or a clause."""
    lex = lexicon()
    k, limit = t.index_at(start), t.index_at(end)
    stance = lex.claim_nouns.get(t.low[k]) if k < limit else None
    if stance is None or stance == "deny" or t.low[k] in ("hal", "adanya"):
        return None
    j = k + 1
    while j < limit and j - k <= 7 and t.low[j] not in ("bahwa", "yang", ",", "."):
        j += 1
    if j >= limit or j == k + 1 or t.low[j] not in ("bahwa", "yang"):
        return None
    cue = t.spans[k]
    body = j + 1
    if t.low[j] == "yang":  # "tudingan jaksa yang menyebut …": a saying verb in the relative clause
        size, stances = t.match_cue(body, limit)
        if not size or "verb" not in stances:
            return None
        cue = (t.spans[body][0], t.spans[body + size - 1][1])
        stance = stance if stance == "accuse" else stances["verb"]
        body += size
        while body < limit and t.low[body] in lex.complementizers:
            body += 1
    owner = list(range(k + 1, j))
    sp = _claim_source(t, k, owner)
    if sp is None and all(_kinds(t.low[i]) & {"role", "group", "org_head"} for i in owner):  # "tuduhan jaksa"
        sp = _SpeakerSpan(t.spans[owner[0]][0], t.spans[owner[-1]][1], "description",
                          role=t.text[t.spans[owner[0]][0] : t.spans[owner[-1]][1]])
    if sp is None or body >= limit:
        return None
    cs, ce = _trim_content(t.text, t.spans[body][0], end)
    if not _is_clause(t, list(t.range(cs, ce)), True):
        return None
    return _Stmt(cs, ce, False, sp, cue, stance, anchor=cue[0], embedded=True)


@lru_cache(maxsize=1)
def _deny_openers() -> frozenset:
    """First words of a denial frame: deny verbs ("Membantah …,") and "dalam" ("Dalam bantahannya,")."""
    lex = lexicon()
    return frozenset(k[0] for k, kinds in lex.cues.items() if kinds.get("verb") == "deny") | {"dalam"}


def _deny_frame(t: _Text, stmts: list[_Stmt], units: list[tuple[int, int]]) -> None:
    """"Membantah tuduhan itu, Andi mengatakan …" / "Dalam bantahannya, Andi mengatakan …": a
    sentence framed as a denial makes its neutral statements denials."""
    lex = lexicon()
    openers = _deny_openers()
    for us, ue in units:
        i0 = t.index_at(us)
        if i0 >= len(t.low) or not (t.low[i0] in openers or (i0 + 2 < len(t.low) and t.low[i0 + 2] in openers)):
            continue  # a quick miss: the frame opens the sentence (after at most "Namun,")
        idx = list(t.range(us, ue))[:8]
        k = 0
        while k < len(idx) and ("lead" in _kinds(t.low[idx[k]]) or t.low[idx[k]] == ","):
            k += 1
        if k >= len(idx):
            continue
        comma = next((n for n in range(k, len(idx)) if t.low[idx[n]] == ","), None)
        if comma is None:
            continue
        size, stances = t.match_cue(idx[k], idx[comma])
        framed = bool(size) and "verb" in stances and stances["verb"] == "deny" and not t.negated(idx[k])
        if not framed and t.low[idx[k]] == "dalam" and k + 1 < comma:  # "Dalam bantahannya/sanggahannya,"
            w = t.low[idx[k + 1]]
            framed = w.endswith("nya") and lex.claim_nouns.get(w[:-3]) == "deny"
        if not framed:
            continue
        after = t.spans[idx[comma]][1]
        for st in stmts:
            if st.stance == "assert" and st.cue is not None and after <= st.cue[0] < ue:
                st.stance = "deny"


def _share_denied_claim(t: _Text, stmts: list[_Stmt]) -> None:
    """"Jaksa mendakwa Andi menerima suap, tetapi Andi membantah dakwaan itu": a denial whose
    content only points back ("dakwaan itu", "hal tersebut") at a claim made earlier in the same
    sentence takes that claim as its content, like "…, yang kemudian dibantah Andi"."""
    lex = lexicon()
    for st in stmts:
        if st.stance != "deny" or st.direct or st.speaker is None or st.cue is None or st.cue[0] > st.start:
            continue
        toks = [w for w in _WORDS.findall(t.text[st.start : st.end].lower())]
        if not toks or len(toks) > 3 or toks[-1] not in _ANAPHORS or not all(w in _ANAPHORS or w in lex.claim_nouns for w in toks):
            continue
        sentence_start = t.text.rfind(". ", 0, st.speaker.start) + 1
        for host in stmts:
            if host is st or host.direct or host.stance not in ("accuse", "assert") or not sentence_start <= host.start:
                continue
            gap = t.text[host.end : st.speaker.start].lower()
            if host.end <= st.speaker.start and len(gap) < 40 and re.fullmatch(r"[\s,;]*(?:namun|tetapi|tapi|akan tetapi|sementara|dan)[\s,]*", gap):
                st.start, st.end = host.start, host.end
                break


def _host_before(t: _Text, stmts: list[_Stmt], pos: int) -> _Stmt | None:
    """The claim or accusation that ends just before ``pos`` in the same sentence, with only a
    comma and a connective between ("A menuduh B …, namun hal itu dibantah")."""
    for st in stmts:
        if st.stance in ("accuse", "assert") and st.end <= pos and not st.direct:
            gap = t.text[st.end : pos].lower()
            if len(gap) < 40 and re.fullmatch(r"[\s,;]*(?:(?:namun|tetapi|tapi|akan tetapi|meski|walau|sementara|dan)[\s,]*)?", gap):
                return st
    return None


def _nominal_denial(t: _Text, unit: tuple[int, int]) -> _Stmt | None:
    """"Bantahan juga disampaikan X" / "bantahan pernyataan Y justru datang dari X": a
    sentence whose subject is a denial noun and whose verb gives its source is X's denial;
    the content is that noun phrase."""
    lex = lexicon()
    idx = list(t.range(*unit))
    heads = [n for n, i in enumerate(idx[:6]) if lex.claim_nouns.get(t.low[i]) == "deny"]
    if not heads:
        return None
    h = heads[0]
    if any(t.low[i] not in _CLAUSE_EDGE and "lead" not in _kinds(t.low[i]) and t.low[i] not in ("walau", "meski", "demikian", "itu")
           for i in idx[:h]):
        return None  # the noun is not the subject ("memberikan sanggahannya")
    limit = idx[-1] + 1
    for n in range(h + 1, min(len(idx), h + 10)):
        i = idx[n]
        w = t.low[i]
        if w in _CLAUSE_EDGE:
            return None
        size = 0
        size, stances = t.match_cue(i, limit)
        if size and "postposed" in stances and w.startswith("di"):
            pass
        else:
            size = next((len(p) for p in lex.source_phrases if tuple(t.low[i : i + len(p)]) == p), 0)
            if not size:
                continue
        k = i + size
        if k < limit and t.low[k] == "oleh":
            k += 1
        sp, _ = _analyse_postposed(t, k, limit)
        if sp is None:
            return None
        last = n - 1
        while last > h and ("adverb" in _kinds(t.low[idx[last]]) or t.low[idx[last]] in ("justru", "pun")):
            last -= 1
        cue = (t.spans[i][0], t.spans[i + size - 1][1])
        return _Stmt(t.spans[idx[h]][0], t.spans[idx[last]][1], False, sp, cue, "deny", anchor=cue[0])
    return None


def _back_reference(t: _Text, unit: tuple[int, int]):
    """(speaker, cue, stance) of a sentence that attributes the previous one: "Hal itu
    disampaikan Agus di Jakarta", "Demikian diungkapkan X"; None otherwise."""
    idx = t.range(*unit)[:6]
    lex = lexicon()
    for n, i in enumerate(idx[:3]):
        if t.low[i] not in lex.back_reference:
            continue
        head = t.low[idx[0]]
        if n > 0 and head not in lex.claim_nouns and head not in ("penjelasan", "itu"):
            return None
        j = i + 1
        if j < len(t.low) and t.low[j] == ",":  # "Tudingan itu, dilontarkan Humphrey …"
            j += 1
        size, stances = t.match_cue(j, unit and t.index_at(unit[1]))
        if not size or "postposed" not in stances or not t.low[j].startswith("di"):
            return None
        k = j + size
        if k < len(t.low) and t.low[k] == "oleh":
            k += 1
        sp, _ = _analyse_postposed(t, k, t.index_at(unit[1]))
        if sp is None:
            return None
        stance = stances["postposed"]
        if n > 0 and stance == "assert":  # "Tudingan itu dilontarkan X" / "Bantahan itu disampaikan X"
            stance = lex.claim_nouns.get(head, stance)
        return sp, (t.spans[j][0], t.spans[j + size - 1][1]), stance
    return None


def _active_back_reference(t: _Text, unit: tuple[int, int], pendings: list):
    """(speaker, cue, stance) of a sentence that opens "X menyampaikan hal itu saat …": the
    active twin of "Hal itu disampaikan X", pointing at the sentence before; None otherwise."""
    for _, (sp, cue, stance) in pendings:
        if not unit[0] <= cue[0] < unit[1] or stance == "deny":
            continue
        if len(t.text[unit[0] : sp.start].strip(" ,\n")) > 20:
            return None  # the subject does not open the sentence
        obj = _trim_content(t.text, cue[1], unit[1])
        if _anaphoric_object(t, *obj) is None:
            return None
        return sp, cue, stance
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


# ----------------------------------------------------------------------------- resolution
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

    def _acts(self, j: int) -> bool:
        """Is the word after a subject candidate (at token ``j``) an active predicate? Not a
        comma before a date ("anaknya, Agus, Kamis"), not a passive ("Miryam akan dipanggil")
        and not a copula ("Sareh adalah ...")."""
        t = self.tokens
        if j + 2 < len(t.low) and t.low[j] == "(":  # "Baharuzaman (51) melaporkan": age or party in brackets
            close = next((k for k in range(j + 1, min(len(t.low), j + 6)) if t.low[k] == ")"), None)
            if close is not None:
                j = close + 1
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

    def antecedent(self, pos: int, want: str, role_head: str | None, after: int = -1) -> int | None:
        """The referent of an anaphor at ``pos``: a mention whose role names the description,
        else the nearest subject-like mention after ``after`` (the last statement), else the
        nearest mention of the wanted type."""
        cands = [(k, m) for k, m in self.mentions if m.end <= pos and m.type == want and not self._quoted(m.start)]
        if role_head:
            for k, m in reversed(cands):
                if m.role and role_head in m.role.lower():
                    return k
        if want == "PER":
            subj = [k for k in self.subjects() if after <= self.article.mentions[k].start and self.article.mentions[k].end <= pos]
            if subj:
                return subj[-1]
            if after >= 0:
                return None
        return cands[-1][0] if cands else None


def _previous_name(t: _Text, pos: int) -> tuple[int, int] | None:
    """Fallback antecedent without mentions: the nearest capitalised word run before ``pos``
    that does not open a sentence, is no weekday and is not a role or title word alone; within
    the 60 tokens before, a run that acts as a subject (an active verb after it: "Amien Rais
    mengkritik praktik hukum di Indonesia. Menurutnya, …") wins over a nearer place or object."""
    i = t.index_at(pos) - 1
    nearest = None
    first = i
    while i > 0:
        w = t.word(i)
        if _is_cap(w) and t.low[i - 1] not in (".", "\n", '"', "“", "”") and not (_kinds(w) & {"weekday", "role", "title"}) \
                and not _time_tail([t.word(i - 1), w]):  # "pada 16 Maret silam" names no one
            j = i
            while j > 0 and _is_cap(t.word(j - 1)) and not (_kinds(t.word(j - 1)) & {"role", "title"}):
                j -= 1
            run = (t.spans[j][0], t.spans[i][1])
            if first - i >= 60:  # nothing acted in the window: the nearest run, however far
                return nearest or run
            nearest = nearest or run
            nxt = t.low[i + 1] if i + 1 < len(t.low) else ""
            if _verb_shaped(nxt):
                return run
            i = j
        i -= 1
    return nearest


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


def _same_office(head: str | tuple[str, ...], role_words: list[str]) -> bool:
    """"Kapolsek" names the office of "Kapolsekta Medan Barat": equal words, or one a
    shortening of the other (four letters at least). An abbreviation stands for its office
    words and an office may be given in full ("Menperin" is the office of "Menteri
    Perindustrian RI"; "Menteri Perindustrian" that of "Menperin"): the office's words, each
    abbreviation spelled out, then stand together in the role's."""
    if isinstance(head, tuple) and len(head) == 1:
        head = head[0]
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
            person = next((p for p in reversed(res.speakers) if p.mention is not None
                           and article.mentions[p.mention].type == "PER"), None)
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
        definite = "definite" in _kinds(words[-1])
        only_role = all(_kinds(w) & {"role", "title"} for w in words)
        k = None if only_role or sp.relational else res.mention_for(sp.start, sp.end)
        if k is not None and not (definite and article.mentions[k].start > sp.start):
            return Speaker(surface, sp.start, sp.end, mention=k, role=sp.role, kind="description")
        if definite:
            want = "ORG" if is_org else "PER"
            k = res.antecedent(sp.start, want, None if is_org else " ".join(words[:-1]),
                               after if usable_last and not is_org else -1)
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
    return Speaker(surface, sp.start, sp.end, mention=k, role=sp.role, kind="named")


_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:bin\s+|binti\s+)?[A-Z][\w'’.-]*){0,4}"


@lru_cache(maxsize=1)
def _alias_patterns() -> tuple[tuple[str, ...], tuple[tuple[re.Pattern, int, int], ...]]:
    """From ``lang/id/nickname_markers.tsv``: the words whose presence lets an article declare a
    nickname (a cheap test before any pattern runs), and (pattern, group of the nickname, group
    of the full name) for each phrase, in the file's order."""
    words: list[str] = []
    patterns = []
    for row in load_table("nickname_markers.tsv"):
        tokens = row["phrase"].split()
        comma = tokens[:1] == ["[,]"]
        if comma:
            tokens = tokens[1:]
        parts = []
        for token in tokens:
            if token.startswith("[") and token.endswith("]"):  # an optional word
                parts.append(r"(?:(?:" + "|".join(map(re.escape, token[1:-1].split("/"))) + r")\s+)?")
            else:
                parts.append(re.escape(token) + r"\s+")
        first_required = next(t for t in tokens if not t.startswith("["))
        if first_required not in words:
            words.append(first_required)
        nick, full = (1, 2) if row["nickname"] == "first" else (2, 1)
        pattern = rf"({_NAME}){',?' if comma else ''}\s+{''.join(parts)}({_NAME})"
        patterns.append((re.compile(pattern), nick, full))
    return tuple(words), tuple(patterns)


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
        low = text.lower()
        words, patterns = _alias_patterns()
        if any(w in low for w in words):
            for pattern, nick, full in patterns:
                for m in pattern.finditer(text):
                    res.aliases.setdefault(m.group(nick).lower(), (m.start(full), m.end(full)))
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


def _sentence_id(article: Article, offset: int) -> str:
    s = article.sentence_at(offset)
    if s is not None:
        return s.id
    before = [x for x in article.sentences if x.start <= offset]
    if before:
        return before[-1].id
    return article.sentences[0].id if article.sentences else f"{article.id}:s0"


# ----------------------------------------------------------------------------- main
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
    for ps, pe in paras:
        for o, c, closed in _direct_spans(text, (ps, pe)):
            direct_all.append((o, c, ps, pe, closed))
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
        if nwords < MIN_DIRECT_WORDS and not (attr and nwords >= 2):
            continue
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
            rs, re_ = _strip(text, rs, re_, _SPACE_LIKE + "\n,.")
            if re_ - rs < 8:
                continue
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

    # drop indirect statements overlapping direct ones
    directs = [s for s in stmts if s.direct]
    kept = [s for s in stmts if s.direct or not any(d.start < s.end and s.start < d.end for d in directs)]
    _deny_alleged(t, kept, units)
    _deny_correction(t, kept, units)
    _deny_purpose(t, kept)
    _deny_accused_ignorance(t, kept, units)
    _deny_frame(t, kept, units)
    _share_denied_claim(t, kept)

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


def snap_to_mention(article: Article, sp: Speaker | None) -> None:
    """A named speaker linked to a mention takes the mention's exact span: "Namun Elza"
    becomes "Elza". Extra words before the name are kept as the role unless they are
    sentence connectives."""
    if sp is None or sp.mention is None or not 0 <= sp.mention < len(article.mentions):
        return
    m = article.mentions[sp.mention]
    if (m.start, m.end) == (sp.start, sp.end) or not (m.start < sp.end and sp.start < m.end):
        return
    if not (sp.start <= m.start and m.end <= sp.end):  # "Tayyip Erdogan" inside "Recep Tayyip Erdogan"
        if m.type == "PER" and sp.kind == "named":
            if sp.role and article.text[m.start:sp.start].strip() and sp.role.endswith(article.text[m.start:sp.start].strip()):
                sp.role = sp.role[: -len(article.text[m.start:sp.start].strip())].strip() or None
            sp.start, sp.end, sp.text = m.start, m.end, m.text
        return
    prefix = article.text[sp.start:m.start].strip(" ,")
    if prefix and sp.role is None and not _kinds(prefix.split()[0].lower()) & {"lead", "stop"}:
        sp.role = prefix
    sp.start, sp.end, sp.text = m.start, m.end, m.text
