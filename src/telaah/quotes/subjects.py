"""Reads the speaker phrase of a cue: the subject before a preposed verb ("X mengatakan"), the
phrase after a postposed one ("kata X"), names with their roles and appositions, places and
occasions that are not speakers, and the name before a position. It decides which words speak;
who they refer to is decided in ``resolve``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..cleaning.rules import abbreviations
from ..entities.gazetteer import lookup
from ..entities.names import region_abbreviations
from ..text.degrees import DEGREE_TAIL_RE, degrees_only
from .lexicon import _kinds, _name_joiners, _stopwords, lexicon
from .text import _CLAUSE_EDGE, _Text, _is_cap, _time_tail, _verb_shaped


@dataclass
class _SpeakerSpan:
    start: int
    end: int
    kind: str
    role: str | None = None
    relational: bool = False  # "Pengacara Miryam": someone related to the named person


def _analyse_subject(t: _Text, start: int, end: int) -> _SpeakerSpan | None:
    """The speaker at the right end of ``text[start:end]`` (the words before a preposed cue)."""
    degrees = DEGREE_TAIL_RE.search(t.text, start, end)
    if degrees:  # "Rina Kusumawardani, S.E., menuding …": the degrees are no part of the subject
        end = degrees.start()
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
    if idx and "adverbial_clause" in _kinds(t.low[idx[-1]]):
        return None  # "… tiba di tempat penambatan kapal, setelah menantang bahaya": no one's speech act
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
        if cut + 1 < len(idx) and "gathered" in _kinds(t.low[idx[cut + 1]]) \
                and len(idx) - cut <= 4 and all(t.low[i] != "," for i in idx[cut:]):
            return None  # "Informasi yang dihimpun menyebutkan …": what the outlet learned, no speaker
        near = idx[max(0, cut - 3) : cut]
        edge = max((k for k, i in enumerate(near) if t.low[i] in _CLAUSE_EDGE), default=-1)
        near = near[edge + 1 :]  # "Namun, seorang perwira yang …": the words of the clause "yang" is in
        if cut > 0 and (_is_cap(t.word(idx[cut - 1])) or any(_kinds(t.low[i]) & {"group", "org_head"} for i in near)):
            # "Pemberontak komunis yang aktif di kawasan itu, …, merespons"; but a name set off by
            # commas after the clause is the subject it describes: "pemimpin Hamas yang sudah
            # keluar, Khaled Meshaal, mengatakan"
            comma = next((c for c in range(cut, len(idx)) if t.low[idx[c]] == ","), None)
            named = idx[comma + 1 :] if comma is not None else []
            while named and t.low[named[-1]] == ",":
                named = named[:-1]
            if named and _name_segment(t, named):
                idx = idx[:cut] + idx[comma:]
            else:  # the comma that closes the clause stays: "Andreas, anggota DPR yang …, menyatakan"
                idx = idx[:cut] + ([idx[comma]] if comma == len(idx) - 1 else [])
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
    # "Djordjevic, 51, mantan wali kota Novi Sad, menyerukan": an age set off after a name is
    # no segment of its own (the description after it is the name's)
    for c in range(len(segments) - 2, 0, -1):
        if len(segments[c]) == 1 and t.low[segments[c][0]].isdigit() and len(t.low[segments[c][0]]) <= 3 \
                and seps[c] == "," and seps[c + 1] == "," and _name_segment(t, segments[c - 1]):
            del segments[c], seps[c]
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
        if degrees_only([t.word(i) for i in segments[-1]]):
            _pop()  # "H. Lalu Muhammad Firdaus, S.T., M.Si., dalam keterangannya …": degrees after the name
        elif t.low[segments[-1][0]] == "yang" or ("alias" in _kinds(t.low[segments[-1][0]]) and _could_be_subject(t, segments[-2])):
            _pop()  # "Gus Sholah, sapaan akrab KH Salahuddin Wahid, mengakui": the name the story uses
        elif _role_apposition(t, segments[-2], segments[-1], enclosed):
            # "Mark Patterson, profesor dari Fordham Law School menilai": the name, not the school
            appositive = t.text[t.spans[segments[-1][0]][0] : t.spans[segments[-1][-1]][1]]
            _pop()
        elif seps[-1] == "," and _relative_apposition(t, segments, seps, enclosed):
            # "Dr. Carlo Bava, dokter yang merawat Morano, mengatakan"
            _pop()
        elif _place_after_place(t, segments[-2], segments[-1]):
            # "Kuasa hukum … di Kabupaten Kubu Raya, Kalimantan Barat, membantah", "Juru bicara
            # Pemerintah Kota Medan, Sumatera Utara, membantah": a place's province, not a name
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
    if "role" in _kinds(t.low[seg[0]]) and c > 1 and t.low[seg[c - 1]] == "di":
        # "Kuasa hukum salah satu tersangka kasus … di Kabupaten Kubu Raya membantah": an
        # office described by where it is, with no name: the description, not the place
        return _SpeakerSpan(t.spans[seg[0]][0], t.spans[seg[c - 2]][1], "description")
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
    words = [t.word(i) for i in name if t.low[i][:1].isalnum()]
    while len(words) > 1 and "lead" in _kinds(words[0]):
        words = words[1:]  # "Adapun Andreas Siregar, anggota DPR …": the connective opens the sentence, not the name
    if len(words) > 5:
        return False
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
    # a name at the end after a lowercase word that is no preposition is the subject (a
    # possessed "Instagram-nya" is no name: "melalui akun Instagram-nya")
    k = len(seg) - 1
    while k > 0 and _is_cap(t.word(seg[k])) and not t.low[seg[k]].endswith("-nya"):
        k -= 1
    if k < len(seg) - 1 and k > 0 and not _is_cap(t.word(seg[k])) and t.low[seg[k]] not in _PLACE_PREPS | {"ke"} \
            and not (first in _PLACE_PREPS and _place_noun_before_name(t.low[seg[k]])):
        return False
    if first in _PLACE_PREPS:
        return True
    if _verb_shaped(first) and "-" not in first and not _kinds(first) and first not in lexicon().not_verb \
            and not _is_cap(t.word(seg[0])) and not any(_verb_shaped(t.low[i]) for i in seg[1:]):
        return True  # "Dragan Djordjević, berbicara di depan gedung parlemen, mengatakan": what they were doing
    return "stop" in _kinds(first) and first != "yang" and second.startswith(("di", "me", "ber")) and len(second) > 4


def _place_noun_before_name(word: str) -> bool:
    """(session 20) "di posko utama Selong", "di kantor pusat Jakarta": after a place preposition
    a plain lowercase word before a name is part of the place's description; a possessed word
    or a verb ("dalam prosesnya Ferry") opens a clause with its own subject."""
    return not word.endswith("nya") and not _verb_shaped(word) and not (_kinds(word) - {"role"})  # "utama"


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
                # (the head's own capital opens a sentence: "Komisi pemilihan menolak …" in wire copy)
                bare = j == 0 and len(words) <= 3 and not any(_is_cap(t.word(i)) for i in seg[1:])
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


def _place_after_place(t: _Text, before: list[int], seg: list[int]) -> bool:
    """Is ``seg`` a place the gazetteer knows (a province, a country, a city) set off after a
    segment that ends on a capitalised place run ("di Kabupaten Kubu Raya", "Kota Medan")?"""
    if not seg or len(seg) > 3 or not all(_is_cap(t.word(i)) for i in seg) or len(before) < 2:
        return False
    hits = lookup(" ".join(t.word(i) for i in seg))
    if not hits or any(h.type != "LOC" for h in hits):
        return False
    k = len(before)
    while k > 0 and _is_cap(t.word(before[k - 1])):
        k -= 1
    run = before[k:]
    return bool(run) and run != before and (any("place" in _kinds(t.low[i]) for i in run) or t.low[before[k - 1]] == "di")


def _office_not_person(t: _Text, rest: list[int]) -> bool:
    """Whether the words after a role name a place ("Jawa Tengah", "Jateng") or end with an
    organisation's unit ("… Cabang Kayangan"; kind ``org_unit``), not a person. ("Direktur PT
    Statika Joni Wijaya" names the director after the firm, so a legal form proves nothing.)"""
    words = [t.word(i) for i in rest]
    if len(words) >= 2 and "org_unit" in _kinds(words[-2]):
        return True
    while len(words) > 1 and "place" in _kinds(words[0]):  # "Daerah Provinsi Jawa Tengah"
        words = words[1:]
    if len(words) == 1 and words[0] in region_abbreviations():
        return True
    hits = lookup(" ".join(words))
    return bool(hits) and all(h.type == "LOC" for h in hits)


def _name_with_role(t: _Text, run: list[int]) -> _SpeakerSpan:
    """Split "Kapolres Jaktim Kombes Andry Wibowo" into role and name."""
    kinds = [_kinds(t.low[i]) for i in run]
    if len(run) == 1 and "org_bare" in kinds[0]:  # "Klub justru menyoroti …": a description
        return _SpeakerSpan(t.spans[run[0]][0], t.spans[run[0]][1], "description")
    # a one-letter title after a name word is an initial ("Rudi H. Simanjuntak"), not a rank
    last_title = max((k for k, ks in enumerate(kinds) if "title" in ks and not (
        k > 0 and len(t.word(run[k])) == 1 and not kinds[k - 1] & {"title", "role"}
        and _is_cap(t.word(run[k - 1])) and t.word(run[k - 1]).isalpha())), default=-1)
    k = 0
    while k < len(run) and kinds[k] & {"role", "relational"}:
        k += 1
    if last_title >= 0 and last_title + 1 < len(run):
        name = run[last_title + 1 :]
        role_toks = [i for i in run[:last_title + 1]]
        while len(name) > 1 and t.low[name[0]] == ".":  # "Dr. Yuliana": the title's period
            name = name[1:]
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
        if _office_not_person(t, rest):
            # "Sekretaris Daerah Provinsi Jawa Tengah", "Manajer Usaha PT ASDP Indonesia Ferry
            # Cabang Kayangan": an office of a place or a firm, no name
            return _SpeakerSpan(t.spans[run[0]][0], t.spans[run[-1]][1], "description",
                                role=t.text[t.spans[run[0]][0] : t.spans[run[-1]][1]])
        name = rest[-2:] if len(rest) >= 3 else rest
        role_toks = run[: run.index(name[0])]
    role = t.text[t.spans[role_toks[0]][0] : t.spans[role_toks[-1]][1]] if role_toks else None
    return _SpeakerSpan(t.spans[name[0]][0], t.spans[name[-1]][1], "named", role=role)


def _abbreviation_dot(t: _Text, j: int, limit: int | None = None) -> bool:
    """Whether token ``j`` is the period of an initial or a title's abbreviation ("R. Soes",
    "Dr. Yuliana", "Kombes Pol. Rudi"), and, given ``limit``, a capitalised word follows it."""
    if t.low[j] != "." or j == 0 or not _is_cap(t.word(j - 1)):
        return False
    if not (len(t.word(j - 1)) == 1 or t.word(j - 1) + "." in abbreviations()):
        return False
    return limit is None or (j + 1 < limit and _is_cap(t.word(j + 1)))


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
        while j < limit and (_is_cap(t.word(j)) or t.low[j] in ("bin", "van", "de", "al") or (t.word(j).isdigit() and run)
                             or (run and _abbreviation_dot(t, j, limit))):
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
        while k < limit and (_is_cap(t.word(k)) or t.low[k] in ("dan", "&") or (app and _abbreviation_dot(t, k, limit))) \
                and len(app) < 8:
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
        elif w == "." and j > i and _abbreviation_dot(t, j):
            pass  # an initial or a title's abbreviation: "R. Soes Hindharno", "Kombes Pol. Yohanes"
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
            while k < limit and (_is_cap(t.word(k)) or t.low[k] in _name_joiners() or _abbreviation_dot(t, k, limit)) \
                    and k - j < 7:
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


def _previous_name(t: _Text, pos: int) -> tuple[int, int] | None:
    """Fallback antecedent without mentions: the nearest capitalised word run before ``pos``
    that does not open a sentence, is no weekday or time zone ("pukul 13.00 WIB") and is not a
    role or title word alone; within the 60 tokens before, a run that acts as a subject (an active verb after it: "Amien Rais
    mengkritik praktik hukum di Indonesia. Menurutnya, …") wins over a nearer place or object."""
    i = t.index_at(pos) - 1
    nearest = None
    first = i
    while i > 0:
        w = t.word(i)
        if _is_cap(w) and t.low[i - 1] not in (".", "\n", '"', "“", "”") \
                and not (_kinds(w) & {"weekday", "role", "title", "timezone"}) \
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
