"""The quote stage's word lists, read once from ``lang/id`` (speech cues, speaker words,
negators, office abbreviations, time words, stopwords) into the frozen ``_Lexicon`` and a few
cached sets. Separate so that every rule reads the same tables through one cached loader and
no rule keeps a word list of its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lang import load_lines, load_table, stopwords


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
    cause_rejections: tuple = ()  # "bukan karena", "bukan berasal dari": a rejected cause or origin
    conditionals: frozenset = frozenset()  # "bila bukan karena …": a condition, no rejection
    wrongdoings: frozenset = frozenset()  # "(tidak ada) penimbunan / intervensi": alleged deeds, as word tuples
    intent_disowned: frozenset = frozenset()  # "(tidak) bermaksud": an intent imputed, disowned
    fault_disowned: frozenset = frozenset()  # "(Klien kami tidak) lalai": a fault imputed, disowned
    defended_lead: frozenset = frozenset()  # "Pak (Fauzi) tidak pernah …": the one the speaker defends
    question_topic: frozenset = frozenset()  # "Apakah … atau tidak, kami belum bisa sampaikan": a fronted question
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
    content_demands: frozenset = frozenset()  # "kami menuntut": a quotation that opens so demands
    not_demand: frozenset = frozenset()  # "maaf": "saya minta maaf" apologises
    noun_cues: frozenset = frozenset()  # "klaim", "perintah": postposed cues that are nouns too ("Klaim SDF … tidak dapat dikonfirmasi")
    refusals: frozenset = frozenset()  # "belum bisa memastikan": a statement whose main clause declines to confirm
    refusal_lengths: tuple = ()
    own_side: frozenset = frozenset()  # "partai", "perusahaan": an institution the speaker speaks for ("Partai tidak pernah …")
    false_attributes: tuple = ()  # "tidak akurat", "keliru": said in a relative clause of a claim noun
    claim_issuing: frozenset = frozenset()  # "mengeluarkan (pernyataan yang tidak akurat)": verbs that issue a claim
    slandered: frozenset = frozenset()  # "(saya) difitnah": the speaker a victim of a false claim
    as_such: tuple = ()  # "(tidak ada pertemuan) seperti itu": the thing alleged, pointed back to
    correction_openers: tuple = ()  # "(X tidak ada.) Adanya Y": what a correction puts in place of X
    deflections: frozenset = frozenset()  # "Nanti saja, …": a put-off clause before the refusal itself
    light_verbs: frozenset = frozenset()  # "(tidak) melakukan malapraktik": the deed is the noun after the verb


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
                  "needs_link": set(), "purpose_link": set(), "not_clause_opener": set(), "intent_disowned": set(), "fault_disowned": set(),
                  "defended_lead": set(), "question_topic": set(),
                  "noun_cue": set(), "not_demand": set(), "own_side": set(), "claim_issuing": set(),
                  "slandered": set(), "light_verb": set()}
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
        elif kind in ("rejection", "verdict", "verdict_claim", "cause_rejection", "conditional", "wrongdoing",
                      "content_demand", "false_attribute", "as_such", "correction_opener", "deflection"):
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
        cause_rejections=tuple(sorted(phrases.get("cause_rejection", ()), key=len, reverse=True)),
        conditionals=frozenset(phrases.get("conditional", ())),
        wrongdoings=frozenset(tuple(p.split()) for p in phrases.get("wrongdoing", ())),
        intent_disowned=frozenset(sets["intent_disowned"]),
        fault_disowned=frozenset(sets["fault_disowned"]),
        defended_lead=frozenset(sets["defended_lead"]),
        question_topic=frozenset(sets["question_topic"]),
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
        noun_cues=frozenset(sets["noun_cue"]),
        content_demands=frozenset(tuple(p.split()) for p in phrases.get("content_demand", ())),
        not_demand=frozenset(sets["not_demand"]),
        refusals=frozenset(refusals),
        refusal_lengths=tuple(sorted({len(r) for r in refusals}, reverse=True)),
        verdicts=tuple(sorted(phrases.get("verdict", ()), key=len, reverse=True)),
        claim_verdicts=tuple(sorted(phrases.get("verdict_claim", ()), key=len, reverse=True)),
        own_side=frozenset(sets["own_side"]),
        false_attributes=tuple(sorted(phrases.get("false_attribute", ()), key=len, reverse=True)),
        claim_issuing=frozenset(sets["claim_issuing"]),
        slandered=frozenset(sets["slandered"]),
        light_verbs=frozenset(sets["light_verb"]),
        as_such=tuple(sorted(phrases.get("as_such", ()), key=len, reverse=True)),
        correction_openers=tuple(sorted(phrases.get("correction_opener", ()), key=len, reverse=True)),
        deflections=frozenset(phrases.get("deflection", ())),
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


@lru_cache(maxsize=1)
def _time_enders() -> frozenset:
    """Words a date or time can end with: a quick miss for most speaker phrases."""
    free, months, by_last, units = _time_words()
    return free | months | units | frozenset(by_last) | {"ini", "itu"}


@lru_cache(maxsize=1)
def _name_joiners() -> frozenset:
    """Lower-case words inside a name ("Salahuddin bin Wahid"): speaker_words.tsv, name_joiner."""
    return frozenset(w for w, kinds in lexicon().words.items() if "name_joiner" in kinds)


@lru_cache(maxsize=65_536)
def _kinds(word: str) -> frozenset:
    """The speaker-word kinds of ``word`` (either case). Cached, as words repeat: read only."""
    words = lexicon().words
    return frozenset(words.get(word.lower(), ())) | frozenset(words.get(word, ()))


@lru_cache(maxsize=1)
def _cue_starters() -> frozenset:
    """Words ``match_cue`` may find a cue at: a cue's first word, or a one-word cue with the
    clitic ("katanya"); one set lookup per token instead of a suffix test and a dict lookup
    (the same test: ``w.endswith("nya") and (w[:-3],) in cues``)."""
    lex = lexicon()
    return lex.first_words | frozenset(key[0] + "nya" for key in lex.cues if len(key) == 1)


def _stopwords() -> frozenset:
    return stopwords()
