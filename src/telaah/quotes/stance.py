"""Stance and denials: a statement's stance from its cue and a negator before it, and the rules
that make a statement a denial by what it says ("tidak benar", refusals, negated deeds alleged
earlier, corrections, negated aims, an accused's plea of ignorance, denial frames, nominal
denials). It also holds ``_Stmt``, the statement record the later modules fill. Separate so
that every denial rule stands in one place, apart from finding statements.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..stories.stem import stem
from .lexicon import _Lexicon, _kinds, _stopwords, lexicon
from .text import (_ANAPHORS, _CLAUSE_EDGE, _SENTENCE_END, _Text, _WORDS, _WORDS_PUNCT, _WORDS_PUNCT_STOP, _is_cap,
                   _verb_shaped)
from .subjects import _SpeakerSpan, _analyse_postposed, _previous_name


# "tidak membantah" admits, "tidak menjelaskan" declines to say, "tidak menuduh" is something else
NEGATION_FLIP = {"deny": "assert", "accuse": "other", "assert": "unconfirmed", "demand": "other"}


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


def _one_word_verdicts() -> list[str]:
    """One-word denial openers that call a claim false ("hoaks", "fitnah"; not "bukan")."""
    return [o[0] for o in lexicon().deny_openers if len(o) == 1 and o[0] != "bukan"]


@lru_cache(maxsize=1)
def _false_claim_re() -> re.Pattern:
    """"… tidak benar" / "… tidak berdasar" anywhere in a statement (not "yang tidak benar",
    not "benar-benar"), a claim called a hoax or a lie ("itu hoaks", "merupakan berita
    bohong"; not "isu hoaks", an attribute)."""
    lex = lexicon()
    pairs = sorted({o for o in lex.deny_openers if len(o) == 2 and o[1] in ("benar", "betul", "bener", "berdasar", "mendasar", "akurat")})
    false = "|".join(re.escape(" ".join(o)) for o in pairs)
    words = sorted(re.escape(w) for w in _one_word_verdicts())
    verdicts = "|".join(words + [re.escape(v) for v in lex.verdicts])
    claimed = "|".join(words + [re.escape(v) for v in lex.verdicts + lex.claim_verdicts])
    claims = "|".join(sorted(re.escape(w) for w in lex.reply_claim))
    return re.compile(
        rf"(?<!yang )\b(?:{false})\b(?!-)"
        rf"|(?<!yang )\b(?:itu|ini|tersebut|semuanya|semua|adalah|merupakan)\s+(?:(?:berita|kabar|informasi|isu)\s+)?"
        rf"[\"“”']?(?:(?:dua-duanya|keduanya|semuanya|sama sekali)\s+)?[\"“”']?(?:{verdicts})\b(?!-)"  # 'itu "fitnah"'
        rf"|\b(?:{claims})\s+(?:itu|ini|tersebut)\s+(?:{claimed})\b(?!-)"  # "gugatan ini tidak memiliki dasar"
        rf"|\b(?:tuduhan|tudingan)\s+[\"“”']?(?:{claimed})\b(?!-)"  # not "kabar bohong" (fake news, an attribute)
    )


@lru_cache(maxsize=1)
def _no_evidence_re() -> re.Pattern:
    """"KPK tidak memiliki bukti atas dugaan dirinya terlibat": no evidence for a claim the
    statement names (searched only where "bukti" occurs)."""
    claims = "|".join(sorted(re.escape(w) for w in lexicon().reply_claim))
    return re.compile(rf"\b(?:tidak|tak)\s+(?:memiliki|mempunyai|punya|ada)\s+(?:cukup\s+)?bukti\b[^.;]{{0,30}}?\b(?:{claims})\b")


@lru_cache(maxsize=1)
def _rejection_re() -> re.Pattern:
    """"… tidak terkait dengan …", "tidak ada hubungannya dengan …", "tidak bersalah": a negated
    link, involvement or guilt rejects what the story implies (the word before is kept to
    tell an attribute: "orang tidak bersalah")."""
    phrases = "|".join(re.escape(p) for p in lexicon().rejections)
    return re.compile(rf"\b(?:tidak|tak|enggak|nggak|gak)\s+(?:{phrases})\b(?!-)")


@lru_cache(maxsize=1)
def _cause_rejection_re() -> re.Pattern:
    """"… bukan karena gangguan dari KMP", "rumor itu bukan berasal dari kader": a rejected
    cause or origin answers a claim of one (the conditional "bila bukan karena" does not)."""
    phrases = "|".join(re.escape(p) for p in lexicon().cause_rejections)
    return re.compile(rf"\b(?:{phrases})\b")


def _rejects(content: str) -> bool:
    """Does the first sentence of a statement's content (lowercased) reject a link, guilt, or a
    cause?"""
    first = _SENTENCE_END.split(content[:400], maxsplit=1)[0]
    lex = lexicon()
    return _found_unblocked(_rejection_re(), first, lex.rejection_not_after) \
        or ("bukan" in first and _found_unblocked(_cause_rejection_re(), first, lex.conditionals))


def _found_unblocked(pattern: re.Pattern, text: str, blockers: frozenset) -> bool:
    """A match of ``pattern`` in ``text`` whose word before is not one of ``blockers``."""
    for m in pattern.finditer(text):
        before = text[: m.start()].split()
        if not before or before[-1] not in blockers:
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
    j = _after_never(low, k)
    return j >= len(low) or low[j] not in lex.never_not_deny  # a bare "Tidak pernah." answers a charge


def _after_never(low: list[str], k: int) -> int:
    """The index of the word "tidak pernah" at ``k`` says was never done, past "sama sekali"/"pun"."""
    j = k + 2
    while j < len(low) and low[j] in ("sama", "sekali", "pun", "sekalipun"):
        j += 1
    return j


def _content_deny(text: str, start: int, end: int, stance: str) -> str:
    """A statement that rejects a claim by its words is a denial: it opens with a denial
    phrase ("Tidak benar", "Bukan saya", "Hoaks"), calls something false or baseless ("… itu
    tidak benar", "itu hoaks"), or the speaker says "(saya) tidak pernah …" about a deed."""
    if stance != "assert":
        return stance
    lex = lexicon()
    content = text[start:end].lower()
    low = _WORDS.findall(content[:400])
    if low[:1] == ["klien"] and low[1:2] in (["saya"], ["kami"]) and low[2:3] == ["bukan"] and low[3:4] \
            and low[3] not in lex.not_deny:
        return "deny"  # "Klien saya bukan bandar": the speaker's client as the subject of "bukan"
    # "Bukan (apartemen) saya", read in the first clause: not "bukan pelatih yang …" nor "Itu
    # bukan X, itu Y" (the "itu" after the comma restarts, it is no object of "bukan")
    first = _WORDS.findall(re.split(r"[,;:.!?]", content[:400], maxsplit=1)[0]) if "bukan" in low[:2] else ()
    for k in (0, 1):
        if k < len(first) and first[k] == "bukan" and not (set(first[k + 1 : k + 2]) & lex.not_deny) \
                and set(first[k + 1 : k + 4]) & {"saya", "kami", "aku", "kita", "itu", "begitu", "benar", "dirinya", "ia", "dia",
                                                "beliau", "pihaknya"}:
            return "deny"
    single, multi, lengths = _opener_sets()
    if low[:1] and low[0] in single:  # "Hoaks!" / "Fitnah itu": only first (else _false_claim_re)
        return "deny"
    for k in range(min(3, len(low))):
        if k and low[k - 1] == "yang":
            continue  # "Data yang tidak akurat …": an attribute, not a verdict
        for n in lengths:
            if tuple(low[k : k + n]) in multi:
                return "deny"
    # the last two patterns need a literal word; testing for it first skips most scans
    if _false_claim_re().search(content) or ("bukti" in content and _no_evidence_re().search(content)) \
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
    clauses = content[:160].split(",", 2)
    first = _WORDS.findall(clauses[0])
    if _declines(lex, first) or (
            len(clauses) > 1 and first[:1]
            and (first[0] in lex.topic_prep or first[0] in lex.question_topic or " ".join(first) in lex.deflections)
            and _declines(lex, _WORDS.findall(clauses[1]))):
        return "unconfirmed"  # also after a topic ("Soal jumlah izin, saya belum bisa sampaikan …") or a put-off ("Nanti saja, …")
    if tuple(low[:2]) in lex.content_demands and low[2:3] != [] and low[2] not in lex.not_demand:
        return "demand"  # ""Kami menuntut pemungutan suara ulang …," katanya"
    if _rejects(content) or _denies_wrongdoing(lex, low):
        return "deny"
    for k in range(min(12, len(low) - 1)):
        if low[k] in ("tidak", "tak", "enggak", "nggak") and low[k + 1] == "pernah":
            if _never_denial(lex, low, k):
                return "deny"
            if k > 0 and low[k - 1] in ("saya", "kami", "aku") and _never_denial(lex, low[k - 1 :], 1):
                return "deny"
            if _own_side_never(lex, low, k):
                return "deny"
            if 0 < k <= DEFENDED_NAME + 1 and low[0] in lex.defended_lead and _names_after(text, start, k) \
                    and _never_denial(lex, low[k:], 0):
                return "deny"  # "Pak Fauzi tidak pernah meminta fee": the speaker defends the one named
    if _other_denial_form(content):
        return "deny"
    if _calls_it_wrongdoing(lex, low):
        return "accuse"
    if low[:1] and low[0] in _NAMING_LEAD and "bukan" in low[1:3]:
        # "Ini bukan bencana alam, ini kelalaian": the clause after the comma names it (probe 12)
        clauses = content[:200].split(",", 2)
        if len(clauses) > 1 and _calls_it_wrongdoing(lex, _WORDS.findall(clauses[1])):
            return "accuse"
    if low[:1] and low[0] in _NAMING_LEAD:
        # "Itu murni kecelakaan, bukan kelalaian": named an accident, the wrongdoing rejected (probe 13)
        clauses = content[:200].split(",", 2)
        second = _WORDS.findall(clauses[1]) if len(clauses) > 1 else []
        if second[:1] == ["bukan"] and any(tuple(second[1:1 + n]) in lex.wrongdoings for n in (1, 2, 3)):
            return "deny"
    return stance


DEFENDED_NAME = 2  # name words after the honorific before "tidak pernah" ("Pak Ahmad Fauzi")


def _names_after(text: str, start: int, k: int) -> bool:
    """Is the one defended, between the honorific and "tidak pernah", a capitalised name ("Pak
    Fauzi") or the speaker's client ("Klien kami", "Kliennya")?"""
    words = _WORDS.findall(text[start:start + 120])[:k]
    if words[0].lower().startswith("klien"):
        return all(w.lower() in _FIRST_PERSON for w in words[1:])
    return len(words) > 1 and all(_is_cap(w) for w in words[1:])


OWN_SIDE_SUBJECT = 4  # words of an institution subject before "tidak pernah" ("partai dan fraksi")


def _own_side_never(lex: _Lexicon, low: list[str], k: int) -> bool:
    """"Partai dan fraksi tak pernah mengeluarkan surat izin" (a faction chairman): an
    institution the speaker speaks for, as the bare subject of "tidak pernah" and a deed (a
    verb: "Partai tidak pernah kalah" boasts; experiences are no deeds), rejects the deed."""
    if not 0 < k <= OWN_SIDE_SUBJECT or not any(w in lex.own_side for w in low[:k]) \
            or any(w not in lex.own_side and w not in lex.never_lead and w != "dan" for w in low[:k]):
        return False
    j = _after_never(low, k)
    return j < len(low) and _verb_shaped(low[j], ("me", "di", "ber")) and low[j] not in lex.never_not_deny


@lru_cache(maxsize=1)
def _other_forms_re() -> re.Pattern:
    """Denial forms with no denial word of their own: a claim noun called false in a relative
    clause ("itu pernyataan yang tidak akurat", "menilai ucapan itu sebagai pernyataan yang tidak
    akurat", "mengeluarkan informasi yang keliru"; not "percaya berita yang tidak benar", an
    appeal), a claim named as a hoax or a lie ("(menyebut)
    tuduhan yang dilontarkan LPAD sebagai hoaks"), the speaker slandered ("Saya difitnah"), a
    thing said not to exist as alleged ("Tidak ada pertemuan seperti itu") or never to have
    happened ("Hal itu tidak pernah terjadi"; not "… sebelumnya", unprecedented), and a correction
    that puts its own thing in place of the denied one ("Evaluasi pencapresan tidak ada.
    Adanya evaluasi kinerja partai")."""
    lex = lexicon()
    nouns = sorted((set(lex.claim_nouns) | lex.reply_claim) - {"adanya", "bantahan", "sanggahan"})
    alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
    lead = alt(lex.denial_lead)
    verdicts = _one_word_verdicts() + list(lex.verdicts)
    return re.compile(
        rf"\b(?:itu|ini|adalah|merupakan|sebagai|{alt(lex.claim_issuing)})\s+(?:(?:sebuah|suatu)\s+)?(?:{alt(nouns)})"
        rf"\s+(?:[\w-]+\s+)?yang\s+(?:sama\s+sekali\s+|sangat\s+)?(?:{alt(lex.false_attributes)})\b(?!-)"
        rf"|\b(?:saya|kami|aku)\s+(?:(?:telah|sudah|sedang|benar-benar|jelas)\s+)?(?:{alt(lex.slandered)})\b"
        rf"|^\W*(?:{alt(nouns)})\b[^.;]{{0,160}}?\bsebagai\s+(?:(?:berita|kabar|informasi|isu)\s+)?[\"“”']?"
        rf"(?:{alt(verdicts)})\b(?!-)"
        rf"|^\W*(?:(?:{lead})\W+)*(?:tidak|tak|enggak|nggak)\s+ada\s+(?:[\w-]+\s+){{1,4}}(?:{alt(lex.as_such)})\b"
        rf"|^\W*(?:[\w()-]+\s+){{1,5}}(?:tidak|tak)\s+ada\s*\.\s*(?:{alt(lex.correction_openers)})\b"
        rf"|^\W*(?:(?:{lead})\W+)*(?:(?:hal|kejadian|peristiwa)\s+)?(?:itu|tersebut)\s+(?:tidak|tak)\s+pernah\s+terjadi\b"
        rf"(?!\s+sebelum)"
    )


def _other_denial_form(content: str) -> bool:
    """Does the statement (lowercased) take one of the forms of ``_other_forms_re``?"""
    return bool(_other_forms_re().search(content[:400]))


_NAMING_LEAD = frozenset({"ini", "itu"})  # "Ini manipulasi data", "Itu jelas kelalaian"
_NAMING_LINK = frozenset({"jelas", "adalah", "merupakan", "sudah", "sebuah", "bentuk", "murni", "nyata", "nyata-nyata"})


def _calls_it_wrongdoing(lex: _Lexicon, low: list[str]) -> bool:
    """"Ini manipulasi data", "Ini jelas kelalaian katering", "Itu adalah bentuk kecurangan":
    a statement that opens by naming what happened a wrongdoing accuses (session 15, probes 5a
    and 6); not "Ini bukan kecurangan" (a denial, decided before) nor "Ini soal manipulasi"."""
    if not low or low[0] not in _NAMING_LEAD:
        return False
    k = 1
    while k < len(low) and k < 4 and low[k] in _NAMING_LINK:
        k += 1
    return any(tuple(low[k:k + n]) in lex.wrongdoings for n in (1, 2, 3))


WRONGDOING_LEAD = 3  # words that may open the statement before "tidak ada …" ("Jadi sekali lagi, …")


def _denies_wrongdoing(lex: _Lexicon, low: list[str]) -> bool:
    """"Nggak ada penimbunan", "Tidak ada intervensi dari pihak mana pun": the statement opens by
    saying a deed that is only ever alleged did not happen; or disowns an intent or a fault
    imputed to the speaker's side ("kliennya itu tidak bermaksud menakut-nakuti", "Klien kami
    tidak lalai")."""
    k = 0
    while k < min(WRONGDOING_LEAD, len(low)) and (low[k] in lex.denial_lead or low[k] in lex.never_lead):
        k += 1
    if k and k + 1 < len(low) and low[k] in _SELF_NEGATORS and low[k] != "bukan" and low[k + 1] in lex.fault_disowned:
        return True  # "Klien kami tidak lalai", "Kami tidak ceroboh": the side is named first
    if low[k:k + 1] == ["sama"] or k + 2 >= len(low) or low[k] not in _SELF_NEGATORS or low[k] == "bukan":
        return False
    j = k + 1
    if low[j] in lex.intent_disowned:
        return True
    while j < len(low) and low[j] in ("pernah", "sama", "sekali"):
        j += 1
    if low[j:j + 1] != ["ada"]:
        return False
    rest = low[j + 1:j + 3]
    return tuple(rest[:1]) in lex.wrongdoings or tuple(rest) in lex.wrongdoings


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
        if w in ("karena", "tapi", "tetapi", "namun", "jika", "kalau", "bahwa", "yang") \
                or (_verb_shaped(w, ("me", "ber", "di")) and w not in lex.not_verb):
            return False
        for n in lex.refusal_lengths:
            if tuple(low[k : k + n]) in lex.refusals:
                return True
    return False


_SELF_NEGATORS = frozenset({"tidak", "tak", "bukan", "bukanlah", "enggak", "nggak", "gak"})
_ANSWER_PARTICLES = frozenset({"kok", "lah", "sih", "dong"})
_FIRST_PERSON = frozenset({"kami", "kita", "saya", "aku"})


@dataclass(frozen=True)
class _Deed:
    """What a statement says was not done: the deed's stem, the stems of a named subject
    ("kapal itu tidak …"; empty when the speaker's own side is the subject) and of up to three
    words after the deed ("peluru tajam")."""
    stem: str
    subject: frozenset = frozenset()
    objects: frozenset = frozenset()

    def alleged_in(self, words: list[str], charged: bool = True) -> bool:
        """Do ``words`` allege this deed: its stem not itself negated there, or two of its object
        words ("menembakkan peluru tajam" against "tidak menggunakan peluru tajam"), and the
        named subject, if any, among them too ("kapal itu kelebihan muatan")? Words that are
        not ``charged`` (a plain assertion, not an accusation, a suspicion or a denial) count
        only by the stem and only for the speaker's own side: "korban saat itu berjalan di
        pinggir" is no charge that "korban tidak berjalan di tengah rel" answers."""
        if not charged and self.subject:
            return False
        stems = [stem(w) for w in words]
        if self.subject and not self.subject.intersection(stems):
            return False
        return any(s == self.stem and (k == 0 or words[k - 1] not in _SELF_NEGATORS) for k, s in enumerate(stems)) \
            or (charged and len(self.objects.intersection(stems)) >= 2)


DEED_SUBJECT = 3  # words of a named subject before the negation ("operator kapal itu")
DEED_OBJECTS = 3  # words after the deed compared with the allegation
_DEMONSTRATIVES = frozenset({"itu", "ini", "tersebut"})
_NOT_SUBJECTS = frozenset({"hal", "waktu", "saat", "kali", "sini", "situ"})  # "hal tersebut tidak membuat …"


def _deed_subject(lex: _Lexicon, low: list[str], k: int) -> int:
    """The length of a short noun phrase at ``low[k]`` that is the subject of a negation right
    after it ("Kapal itu tidak …", "Operator kapal tidak …"), or 0: no verbs, no connectives."""
    for n in range(1, DEED_SUBJECT + 1):
        if k + n >= len(low):
            return 0
        w = low[k + n - 1]
        if not w.isalpha() or len(w) < 3 or w in _SELF_NEGATORS or w in lex.clause_words or w in lex.denial_lead \
                or w in _NOT_SUBJECTS \
                or (w not in _DEMONSTRATIVES and w.startswith(("me", "di", "ber", "ter"))):
            return 0
        if low[k + n] in _SELF_NEGATORS and low[k + n] != "bukan":
            return n if low[k] not in _DEMONSTRATIVES else 0
    return 0


def _negated_deed(lex: _Lexicon, text: str) -> _Deed | None:
    """The deed a statement says was not done: "(saya/ia) tidak (pernah) menerima uang" →
    "terima"; "Kapal itu tidak kelebihan muatan" → "lebih", with "kapal" as its subject; "Tidak
    ada uang yang saya terima" → "terima". None when the statement opens otherwise."""
    low = _WORDS.findall(text[:200].lower())
    stops = _stopwords()
    k = 0
    # "Enggak kok, enggak ada pungutan": an answer particle before the negation that matters
    if len(low) > 2 and low[0] in _SELF_NEGATORS and low[1] in _ANSWER_PARTICLES and low[2] in _SELF_NEGATORS:
        k = 2
    # "(menyatakan) perusahaannya tidak pernah mengoplos beras": the speaker's own institution
    while k < len(low) and k < 3 and (low[k] in lex.never_lead or (low[k].endswith("nya") and low[k][:-3] in lex.own_side)):
        k += 1
    # "Jadi sekali lagi, tidak ada …" / "dalam aturan itu tidak ada …": connectives and a place
    # phrase may open the statement before the negation (not a subject: "gereja itu tidak …")
    while k < len(low) and low[k] in lex.denial_lead:
        k += 1
    if k + 2 < len(low) and low[k] in ("di", "dalam", "pada"):
        end = next((n for n in range(k + 2, min(len(low), k + 5)) if low[n] in ("itu", "tersebut", "ini")), None)
        if end is not None:
            k = end + 1
    subject: frozenset = frozenset()
    # "Pasukan kami tidak menggunakan …", "Tentara kami tidak melepaskan …": the speaker's own
    # side as the subject, at most two words ending in a first-person word
    for n in (1, 2, 3):  # "ketua umum mereka tidak pernah …", said by the party's lawyers
        if k + n < len(low) and (low[k + n - 1] in _FIRST_PERSON or (n > 1 and low[k + n - 1] == "mereka")) \
                and low[k + n] in _SELF_NEGATORS \
                and all(w.isalpha() and not w.startswith(("me", "di", "ber")) for w in low[k:k + n]):
            k += n
            break
    else:
        # "Kapal itu tidak kelebihan muatan": a named subject, which the allegation must name too
        n = _deed_subject(lex, low, k) if k < len(low) and low[k] not in _SELF_NEGATORS else 0
        if n:
            subject = frozenset(stem(w) for w in low[k:k + n] if w not in _DEMONSTRATIVES and w not in stops)
            k += n
    if k >= len(low) or low[k] not in _SELF_NEGATORS or low[k].startswith("bukan"):
        return None  # "bukan pelatih yang …" characterises; deeds are verbs
    k += 1
    while k < len(low) and low[k] in ("pernah", "ikut", "turut", "sama", "sekali", "pun", "sedikit", "pula"):
        k += 1
    if k + 1 < len(low) and low[k] == "ada":
        # "Tidak ada uang yang saya terima": the deed is the verb after the speaker ("Tidak ada
        # bantuan yang kami terima" answers no charge of withholding aid)
        if k + 4 < len(low) and low[k + 2] == "yang" and low[k + 3] in _FIRST_PERSON:
            verb = low[k + 4]
            return _Deed(stem(verb), subject) if verb.isalpha() and len(verb) > 3 and verb not in lex.clause_words else None
        noun = low[k + 1]  # "tidak ada larangan" against "adanya aturan yang melarang": a noun made from a verb
        if len(noun) > 5 and noun.isalpha() and noun.endswith("an") and len(stem(noun)) < len(noun) - 1:
            return _Deed(stem(noun), subject)
        return None
    if k >= len(low):
        return None
    deed = low[k]
    if low[k + 1:k + 2] == ["tanpa"]:
        return None  # "Kami tidak menuduh tanpa dasar": not without grounds, the charge stands
    # a verb, or a state made with ke-…-an ("kelebihan muatan")
    shaped = deed.startswith(("me", "ber", "ter", "di")) or (deed.startswith("ke") and deed.endswith("an") and len(deed) > 6)
    if len(deed) <= 5 or not deed.isalpha() or not shaped \
            or deed in lex.reply_not_deny or deed in lex.never_not_deny or deed in lex.clause_words:
        return None
    objects = frozenset(stem(w) for w in low[k + 1:k + 1 + DEED_OBJECTS] if len(w) > 3 and w.isalpha() and w not in stops)
    if deed in lex.light_verbs and k + 1 < len(low) and low[k + 1].isalpha() and low[k + 1] not in stops:
        return _Deed(stem(low[k + 1]), subject, objects)  # "tidak melakukan malapraktik": the deed is the noun
    return _Deed(stem(deed), subject, objects)


def _deny_alleged(t: _Text, stmts: list[_Stmt], units: list[tuple[int, int]]) -> None:
    """A statement in which the speaker says they did not do what someone else alleged earlier
    in the article is a denial ("Jaksa menuduh Andi menerima uang. … Andi mengatakan tidak
    menerima uang itu"). The allegation is an earlier statement by another speaker, or an
    earlier sentence with an accusation word (dituduh, tuduhan, didakwa …), that holds the
    same deed (same stem, or two of the words after it: ``_Deed.alleged_in``)."""
    lex = lexicon()
    for st in stmts:
        if st.stance != "assert" or st.speaker is None:
            continue
        head = t.text[st.start : st.start + 60].lower()
        if not any(n in head for n in ("tidak", "tak ", "enggak", "nggak", "gak ")):
            continue  # a quick miss
        deed = _negated_deed(lex, t.text[st.start : st.end])
        if deed is None:
            continue
        who = set(_WORDS.findall(t.text[st.speaker.start : st.speaker.end].lower()))
        for other in stmts:
            if other.start >= st.start or other.speaker is None or other.speaker.kind == "pronoun":
                continue
            if other.stance == "deny":
                # "Kementerian membantah polisi menggunakan amunisi hidup" … "Pasukan kami tidak
                # menggunakan peluru tajam": saying one did not do the deed a denial names is
                # that denial again
                if deed.alleged_in(_WORDS.findall(t.text[other.start : other.end].lower())):
                    st.stance = "deny"
                    break
                continue
            if who & set(_WORDS.findall(t.text[other.speaker.start : other.speaker.end].lower())):
                continue  # the speaker's own words ("Rafid" / "Mochammad Rafid Habibie")
            if deed.alleged_in(_WORDS.findall(t.text[other.start : other.end].lower()), other.stance != "assert"):
                st.stance = "deny"
                break
        else:
            for us, ue in units:
                if us >= st.start:
                    break
                # what comes before the statement only: its own words allege nothing ("Tidak
                # menutup kemungkinan ada tersangka lain" names a charge and its own verb)
                words = _WORDS.findall(t.text[us:min(ue, st.start)].lower())
                # a rumour ("Beredar kabar gereja itu memiliki izin") names no one's wrongdoing:
                # only a charge ("diduga", "dituduh", "tuduhan") makes a named subject's deed alleged
                if any(w in lex.allegation_markers for w in words) \
                        and deed.alleged_in(words, any(w in lex.charge or w in _accusing_nouns() for w in words)):
                    st.stance = "deny"
                    break


@lru_cache(maxsize=1)
def _accusing_nouns() -> frozenset:
    """Claim nouns that charge someone ("tuduhan", "tudingan", "kritik")."""
    return frozenset(w for w, st in lexicon().claim_nouns.items() if st == "accuse")


@lru_cache(maxsize=1)
def _claim_words() -> frozenset:
    """Words that make a sentence a claim someone may answer: allegations ("diduga",
    "dituduh", "tersangka"), reports and rumours ("pemberitaan", "kabar", "isu")."""
    lex = lexicon()
    return lex.allegation_markers | lex.reply_claim


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


SPLIT_GAP = 80  # characters: the attribution that interrupts one quotation ("," kata X, ")


def _split_quote_stance(t: _Text, stmts: list[_Stmt]) -> None:
    """""Kami tak pernah melakukannya," kata Toto Wolff, "Bahkan sebelum musim dimulai …"": a
    quotation interrupted by its attribution is one utterance, so the part after the attribution
    denies when the part before it does. Only across a gap holding a cue and no sentence end."""
    for a, b in zip(stmts, stmts[1:]):
        if not (a.direct and b.direct and a.stance == "deny" and b.stance == "assert") or a.end > b.start:
            continue
        gap = t.text[a.end : b.start]
        cue_between = any(c is not None and a.end <= c[0] < b.start for c in (a.cue, b.cue))
        if cue_between and len(gap) <= SPLIT_GAP and "\n" not in gap and not re.search(r"[.!?]", gap):
            b.stance = "deny"


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
