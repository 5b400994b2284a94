"""Reported (indirect) statements: a preposed reporting verb with a clausal complement,
"menurut X, …", a postposed "…, kata X", nested reporters, passives ("Hal itu dibantah oleh
X"), a claim noun with its owner, and a sentence that attributes the one before it ("Hal itu
disampaikan X"). Separate from ``direct`` because clause structure, not quotation marks,
decides these.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .lexicon import _Lexicon, _kinds, _name_joiners, lexicon
from .text import QUOTE_MARKS, _ANAPHORS, _CLAUSE_EDGE, _Text, _WORDS, _is_cap, _time_tail, _trim_content, _verb_shaped
from .subjects import _SpeakerSpan, _analyse_postposed, _analyse_subject, _name_with_role, _phrase, _reporting_source
from .stance import NEGATION_FLIP, _Stmt, _content_deny, _host_before, _stance


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
            back = n - 1
            while back >= 0 and t.low[idx[back]] not in (",", "yang"):
                back -= 1
            if back >= 0 and t.low[idx[back]] == "yang" and k + 1 < len(idx) and t.low[idx[k]] == ",":
                size_after, stances_after = t.match_cue(idx[k + 1], idx[-1] + 1)
                if size_after and "verb" in stances_after:
                    # "Đorđević, yang aliansinya memperoleh 36,1% menurut hasil awal, mengatakan …":
                    # the comma closes a relative clause; the verb after it is the subject's
                    n += 1
                    continue
            tail_speaker = found_name = False
            who_end = k
            if k >= len(idx) and n + 1 < len(idx) and not {"pronoun", "pronoun_group"} & _kinds(t.low[idx[n + 1]]):
                found = _menurut_without_comma(t, idx, n)
                if found is not None:  # "…, menurut Agus masih akan dikaji": the words after the name
                    who_end, k = found
                    tail_speaker, found_name = k == len(idx), k < len(idx)
            who = idx[n + 1 : who_end if found_name else k]
            who = who[: len(who) - _time_tail([t.word(x) for x in who])]  # "menurut X pada Rabu (31/8)"
            relay = None  # "Menurut USGS yang dilaporkan Reuters, …": the agency only relays USGS's words (so
            # does the one a source's data is passed to: "menurut data Polda yang diterima Komnas HAM")
            for r in range(2, len(who)):
                passed_on = t.low[who[r - 1]] == "yang" and "received" in _kinds(t.low[who[r]]) \
                    and any(_is_cap(t.word(x)) for x in who[: r - 1])  # "data Polda yang diterima Komnas HAM"
                if ("reporting" in _kinds(t.low[who[r]]) or passed_on) and t.low[who[r - 1]] in ("yang", "seperti", "sebagaimana") \
                        and not (r == 2 and (t.low[who[0]] in lexicon().claim_nouns or "nonspeaker" in _kinds(t.low[who[0]]))):
                    # (not "Menurut laporan/kabar yang dilansir The Mirror": the outlet is the source)
                    relay = _reporting_source(t, who[r], who[-1] + 1)
                    who = who[: r - 1]
                    break
            sp = _phrase(t, who, from_right=True) if who else None
            if sp is None and "yang" in [t.low[x] for x in who[1:]]:
                # "Menurut seorang pejabat yang meminta namanya tidak disebutkan, …": the head, not its clause
                cut = [t.low[x] for x in who].index("yang", 1)
                head = _phrase(t, who[:cut], from_right=True)
                if head is not None and head.kind != "named":
                    sp = head
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
                # "Klaim SDF mengenai korban tidak dapat dikonfirmasi": a claim noun opening a
                # sentence is its subject, not a fronted cue, unless punctuation sets the words off
                fronted = k > nxt or t.low[i] not in lexicon().noun_cues
                if k < len(idx) and fronted:
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
        told = _past_addressee(t, after, k) if stance != "demand" else None
        if told is not None:
            k, comp = told, comp or t.low[after[told - 1]] != ","
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
                for n3, x in enumerate(body[m + 3 : m + 10], m + 3):
                    if t.spans[x][0] >= stop or t.low[x] in (",", "."):
                        break
                    if t.low[body[m + 1]] in ("dan", "serta") and all(
                            "adverb" in _kinds(t.low[y]) for y in body[m + 2 : n3]):
                        break  # ", dan sebaliknya menuduh …": the same subject's second verb (below)
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
                # ", dan sebaliknya menuduh …": a joiner after the comma, adverbs after either
                while k2 < len(body) - 1 and ("adverb" in _kinds(t.low[body[k2]])
                                              or (t.low[j] == "," and t.low[body[k2]] in ("dan", "serta"))):
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


ADDRESSEE_TOKENS = 20  # "kepada para wartawan di Jakarta, Senin (6/3), bahwa …"


def _past_addressee(t: _Text, after: list[int], k: int) -> int | None:
    """Where the reported clause starts after the one told ("mengatakan kepada wartawan, ia
    tidak hadir", "… kepada Reuters pada hari Senin bahwa …") or when it was said ("mengatakan
    pada hari Senin bahwa …"): after the first "bahwa" within reach, else (after "kepada") after
    the first comma; None when the verb is followed by neither or the clause cannot be found
    (the words stay the content, as before). The same for the medium or occasion ("mengatakan
    dalam sebuah pernyataan bahwa …", "melalui akun Instagram-nya bahwa …"). Not for a demand, nor when
    an act is asked of the one told ("mengimbau kepada semua saksi untuk mencontoh …, demi …")."""
    if k >= len(after) or "said_adjunct" not in _kinds(t.low[after[k]]):
        return None
    window = after[k + 1 : k + 1 + ADDRESSEE_TOKENS]
    cut = next((m for m, j in enumerate(window) if t.low[j] == "bahwa"), None)
    if cut is None and t.low[after[k]] == "kepada":  # "pada hari Senin, …" may be the content's own
        cut = next((m for m, j in enumerate(window[:10]) if t.low[j] == ","), None)
    if cut is None or cut == 0 or any(t.low[j] in lexicon().purpose_links for j in window[:cut]):
        return None
    if t.low[after[k]] not in ("kepada", "pada") and any(_verb_shaped(t.low[j]) for j in window[1:cut]):
        # "menjelaskan dalam rapat itu pemerintah memutuskan bahwa …": a clause of its own (a verb
        # right after the adjunct is its occasion: "menegaskan saat meninjau lokasi bahwa …")
        return None
    start = k + 1 + cut + 1
    while start < len(after) and t.low[after[start]] in (",", ":"):
        start += 1
    return start if start < len(after) else None


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
            if not np_ or len(np_) > 12 or any(t.match_cue(x, limit)[0] and t.low[x] not in lex.claim_nouns
                                               for x in np_):  # "Klaim Hamas itu dibantah …": a claim noun
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
