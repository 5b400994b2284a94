"""Contradictions: one party asserts or accuses, another denies, another declines to confirm.

Every denial in a story is paired with the accusation (or, failing one, the assertion) it most
likely answers: the quote sharing the most weighted content words (stemmed, stop words and the
story's everyday words weigh little) and the most entities (speaker, people and places named in
the sentence). A denial is never left unpaired when the story holds an accusation, since a
missed contradiction costs more than a loose pairing. Other assertions and refusals to confirm
join the claim they are close enough to. The claim is named by a short phrase copied from the
text: the part of the accusation that the denial answers.

A statement that asserts as a whole may still deny or doubt in one of its sentences ("… Bukan
Djanur mundur", "Kami belum yakin massa itu dari FPI"): such a sentence takes part here as a
denial or a refusal to confirm (``_readings``), but only when it answers a claim of the story.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..entities.countries import country_named
from ..document import Article, Corpus, Quote, Story
from ..lang import load_lines, load_table
from ..pipeline import CorpusStage, Options
from ..quotes import opening_stance
from ..quotes.lexicon import lexicon
from ..quotes.stance import _FIRST_PERSON as FIRST_PERSON
from ..text.sentences import split_block
from ..text.tokens import tokenize
from .stem import stem
from .timeline import _stopwords

__all__ = ["ConflictStage", "find_conflicts", "quote_similarity"]

ASSERTING = ("accuse", "assert")
OPENING = ("deny", "unconfirmed")  # the stances a claim is built around
ENTITY_WEIGHT = 0.15  # added per shared entity (at most 2)
JOIN_SIMILARITY = 0.25  # another accusation or denial joins a claim at this similarity
ASSERT_JOIN_SIMILARITY = 0.45  # a plain assertion must be this close to join an existing claim
MAX_ASSERTS = 5  # the closest assertions only: a claim is not every statement of the story
ASSERT_PAIR_SIMILARITY = 0.2  # a denial pairs with a plain assertion only at this similarity
UNCONFIRMED_SIMILARITY = 0.1  # a refusal to confirm joins the closest claim at this similarity
UNCONFIRMED_OPEN_SIMILARITY = 0.3  # ... and opens one with a plain assertion only at this one
LONE_REFUSAL_WORDS = 6  # content words of a refusal to comment that names no claim of its own
CLIENT_GAP = 12  # characters before a name searched for "terdakwa", "tersangka"
CLIENT_WORDS = 2  # words after a counsel phrase that name the client ("kuasa hukum [terdakwa]")
HOME_COUNTRIES = frozenset({"indonesia"})  # a speaker's country makes a party only abroad
CLAIM_MAX_WORDS = 12
CLAIM_MIN_WORDS = 3


def _verifies(u: "_Q") -> bool:
    """Is the refusal an outlet's caveat that it could not verify something ("Reuters tidak
    dapat memverifikasi jumlah korban secara independen"; ``verification`` words of
    ``lang/id/conflict_cues.tsv``)? It always names what it could not verify, so it declines no
    claim it does not name."""
    cue = u.quote.cue
    return cue is not None and not _verification_words().isdisjoint(u.article.text[cue.start:cue.end].lower().split())


@lru_cache(maxsize=1)
def _verification_words() -> frozenset[str]:
    return frozenset(h[0] for h in _hedges("verification"))


@dataclass
class _Q:
    quote: Quote
    article: Article
    words: list[tuple[str, int, int]]  # (stem, start, end) of content words in the quote
    entities: set[str] = field(default_factory=set)
    claim_span: tuple[int, int] | None = None  # where an anaphoric denial's claim is written
    stance: str = ""  # the quote's stance, or "deny" for a denial sentence inside a longer quote
    passage: tuple[int, int] | None = None  # the sentence that denies or doubts, for such a reading
    weighted: tuple | None = field(default=None, compare=False, repr=False)  # see _weighted
    denied: frozenset | None = field(default=None, compare=False, repr=False)  # see _denied_words

    def __post_init__(self) -> None:
        self.stance = self.stance or self.quote.stance

    def _weighted(self, idf: dict[str, float]) -> tuple[Counter, float]:
        """The statement's word counts and idf-weighted norm, computed once per idf table (a
        story compares each statement with many others)."""
        if self.weighted is None or self.weighted[0] is not idf:
            counts = Counter(w for w, _, _ in self.words)
            norm = math.sqrt(sum((c * idf.get(w, 1.0)) ** 2 for w, c in counts.items()))
            self.weighted = (idf, counts, norm)
        return self.weighted[1], self.weighted[2]


def _content(article: Article, start: int, end: int) -> list[tuple[str, int, int]]:
    stop = _stopwords()
    out = []
    for s, e in tokenize(article.text, start, end):
        w = article.text[s:e].lower()
        if w[0].isalnum() and w not in stop and len(w) > 1:
            out.append((stem(w), s, e))
    return out


@lru_cache(maxsize=1)
def _negator_words() -> frozenset[str]:
    """The one-word negators of ``lang/id/negators.txt``."""

    return frozenset(n.lower() for n in load_lines("negators.txt") if " " not in n)


def _negated(it: "_Q") -> set[str]:
    """Stems the statement itself negates ("Ibu tidak melarikan diri" negates "lari")."""
    negators = _negator_words()
    text = it.article.text
    out = set()
    for w, s, _ in it.words:
        before = text[max(it.quote.start, s - 12) : s].lower().split()
        if before and before[-1] in negators:
            out.add(w)
    return out


def _agrees_with_denial(a: "_Q", d: "_Q") -> bool:
    """An assertion that negates what the denial denies says the same thing, not the opposite;
    unless the denied claim is itself negative ("membantah tudingan bahwa dapurnya tidak
    higienis" against "makanan diolah dengan cara yang tidak higienis", probe 11): that
    assertion is the accusation."""
    return bool(_negated(a) & {w for w, _, _ in d.words} - _negated(d))


def _entities(article: Article, q: Quote) -> set[str]:
    """Entities the statement is about or comes from: the speaker and what its sentence names."""
    found = set()
    if q.speaker and q.speaker.entity:
        found.add(q.speaker.entity)
    sentence = next((s for s in article.sentences if s.id == q.sentence), None)
    lo, hi = (sentence.start, sentence.end) if sentence else (q.start, q.end)
    return found | _entities_between(article, lo, hi)


def _entities_between(article: Article, lo: int, hi: int) -> set[str]:
    """The entities mentioned wholly inside text[lo:hi]."""
    return {m.entity for m in article.mentions if m.entity and lo <= m.start and m.end <= hi}


_DEFINITE = frozenset({"itu", "ini", "tersebut", "demikian"})


def _sentences_around(article: Article, offset: int) -> tuple[list, int | None]:
    """The article's sentences in text order and the index of the one holding ``offset``."""
    sentences = sorted(article.sentences, key=lambda s: s.start)
    return sentences, next((k for k, s in enumerate(sentences) if s.start <= offset < s.end), None)


def _pointer_words(q: Quote) -> list[str]:
    """The words of a denial's content up to its first comma: "membantah tuduhan itu, dengan
    mengatakan bahwa …" (wire copy) denies "tuduhan itu" and then says why (probe 12)."""
    return [w.lower() for w in re.findall(r"\w+", q.text.split(",", 1)[0])]


def _antecedent(article: Article, q: Quote) -> tuple[int, int] | None:
    """Where the claim of an anaphoric denial is written. "Hal tersebut dibantah oleh Markus",
    "Namun, mereka membantahnya", "rumor itu dibantah X": the content is only a pointer (the
    annotators keep it so), so the claim is the sentence before plus what precedes the denial
    in its own sentence ("…, tuduhan yang telah dibantah oleh Qatar")."""

    words = _pointer_words(q)
    if not words or len(words) > 4:
        return None
    pointer = lexicon().claim_nouns.keys() | _DEFINITE | {"nya"}
    if not (all(w in pointer for w in words) or (words[-1] in _DEFINITE and len(words) <= 3)):
        return None
    sentences, here = _sentences_around(article, q.start)
    if here is None:
        return None
    if any(p[0] in words for p in _hedges("figure_pointer")):
        # "membantah perhitungan tersebut": the calculation is the last sentence with a figure
        figured = {n.sentence for n in article.numbers}
        for k in range(here - 1, max(-1, here - 1 - FIGURE_LOOKBACK), -1):
            if sentences[k].id in figured:
                return sentences[k].start, sentences[k].end
    start = sentences[here - 1].start if here > 0 else sentences[here].start
    return (start, q.start) if q.start - start > 10 else None


ACCUSATION_LOOKBACK = 5  # sentences searched back for the accusation a "tudingan tersebut" points to


def _pointed_accusation(article: Article, q: Quote) -> Quote | None:
    """The accusation "membantah tudingan tersebut" answers: the last one made in the article
    within ``ACCUSATION_LOOKBACK`` sentences, which may stand further back than the sentence
    before ("Kami minta BPK turun," katanya, closes the accuser's paragraph)."""
    words = _pointer_words(q)
    if not words or len(words) > 4 or not any(w.startswith(("tuduh", "tuding")) for w in words):
        return None
    return _last_accusation_before(article, q)


def _denied_just_before(article: Article, q: Quote) -> Quote | None:
    """The accusation a statement opening "Itu tidak benar." answers (``pointer_denial`` cues):
    the last one made within ``ACCUSATION_LOOKBACK`` sentences before it."""
    first = re.split(r"[.!?]", q.text, maxsplit=1)[0]
    if " ".join(re.findall(r"\w+", first.lower())) not in _pointer_denials():
        return None
    return _last_accusation_before(article, q)


def _last_accusation_before(article: Article, q: Quote) -> Quote | None:
    sentences, here = _sentences_around(article, q.start)
    if here is None:
        return None
    lo = sentences[max(0, here - ACCUSATION_LOOKBACK)].start
    made = [x for x in article.quotes if x.stance == "accuse" and lo <= x.start < q.start and x is not q]
    return max(made, key=lambda x: x.start) if made else None


@lru_cache(maxsize=1)
def _pointer_denials() -> frozenset[str]:
    return frozenset(row["term"] for row in load_table("conflict_cues.tsv") if row["kind"] == "pointer_denial")


FIGURE_LOOKBACK = 6  # sentences searched back for the figure a "perhitungan tersebut" points to

PROPOSITION_WINDOW = 10  # words after a claim noun within which "bahwa" opens what it states


def _stated_proposition(d: _Q) -> tuple[int, int] | None:
    """What a denial says it denies, when it spells it out: "[kabar yang beredar] bahwa [KPK
    sudah menetapkan Hendra sebagai tersangka] itu tidak benar". A claim noun opens the content
    and "bahwa" follows within a few words; the proposition runs to the end of its sentence or
    to a definite marker before a negator ("… itu tidak benar")."""

    article, q = d.article, d.quote
    words = list(re.finditer(r"\w+", article.text[q.start:q.end]))
    low = [w.group().lower() for w in words]
    if not low or low[0] not in lexicon().claim_nouns:
        return None
    if "bahwa" not in low[1:PROPOSITION_WINDOW + 1]:
        return None
    k = low.index("bahwa", 1)
    if any(w in _DEFINITE or w == "dan" for w in low[1:k]) or low[k + 1:k + 2] == ["tidak"]:
        return None  # 'tuduhan itu "fitnah" dan bahwa dia tidak pernah …': the denial's own words
    start = q.start + words[k].end()
    end = next((hi for lo, hi in split_block(article.text, q.start, q.end) if lo <= start < hi), q.end)
    negators = _negator_words()
    for n in range(k + 1, len(low) - 1):
        if q.start + words[n].start() >= end:
            break
        if low[n] in _DEFINITE and low[n + 1] in negators:
            end = q.start + words[n].start()
            break
    while end > start and not article.text[end - 1].isalnum():
        end -= 1
    return (start, end) if len(low[k + 1:]) >= 3 and end - start > 10 else None


def _names_another_claim(d: _Q, accusation: _Q) -> tuple[int, int] | None:
    """The proposition a denial spells out when it shares fewer than two words with the
    accusation, names and generic words aside: "Kabar bahwa KPK sudah menetapkan menteri
    sebagai tersangka itu tidak benar" answers a rumour, not "menteri menerima suap"."""
    span = _stated_proposition(d)
    if span is None:
        return None
    article = d.article
    names = {stem(w.lower()) for m in article.mentions if m.entity and span[0] <= m.start and m.end <= span[1]
             for w in m.text.split()}
    said = {w for w, _, _ in _content(article, *span)} - names - _generic_stems()
    shared = said & {w for w, _, _ in accusation.words}
    return span if len(shared) < SAME_PROPOSITION_WORDS else None


STATED_SHARE = 2 / 3  # of a denied proposition's content words that an assertion must say to state it


def _denied_words(d: _Q) -> frozenset[str]:
    """Stems of what a denial says is not so: the rest of its first sentence after a rejection
    phrase ("Tidak benar [kapal kelebihan muatan]") or the proposition it spells out ("anggapan
    bahwa [perusahaan sengaja ...]"), generic words aside. Empty when it says neither: the
    sentence an anaphoric denial points to ("membantah tudingan tersebut") holds far more than
    the claim, so it says too little of which words are denied."""

    if d.denied is not None:
        return d.denied
    article, q = d.article, d.quote
    lo, hi = d.passage or (q.start, q.end)
    spans = []
    first = next(((a, b) for a, b in split_block(article.text, lo, hi) if b > lo), (lo, hi))
    words = list(re.finditer(r"\w+", article.text[first[0]:first[1]]))
    low = tuple(w.group().lower() for w in words)
    opener = next((o for o in lexicon().deny_openers if low[:len(o)] == o), None)
    if opener is not None and len(low) > len(opener):
        spans.append((first[0] + words[len(opener)].start(), first[1]))
    stated = _stated_proposition(d) if d.passage is None else None
    if stated is not None:
        spans.append(stated)
    d.denied = frozenset(w for span in spans for w, _, _ in _content(article, *span)) - _generic_stems()
    return d.denied


def _states_denied(a: _Q, d: _Q) -> bool:
    """Does assertion ``a`` say, un-negated, what denial ``d`` says is not so ("Kapal itu jelas
    kelebihan muatan" against "Tidak benar kapal kelebihan muatan")? At least two content words
    of the denied proposition, as for a refusal to confirm, and most of them."""
    denied = _denied_words(d)
    if len(denied) < SAME_PROPOSITION_WORDS:
        return False
    said = {w for w, _, _ in a.words} - _negated(a)
    shared = len(said & denied)
    # most of it, not a few of its names: "penyidik memeriksa saksi dari Kementerian Pertanian"
    # shares "menteri" and "tani" with "dirinya menerima suap dari ... Menteri Pertanian ..."
    return shared >= SAME_PROPOSITION_WORDS and shared >= STATED_SHARE * len(denied)


def _answers_any(d: _Q) -> bool:
    """Whether a denial may answer any accusation: it only points at one ("membantah tuduhan
    itu", "menyebut tuduhan itu fitnah") or denies a fault ("bukan karena kelalaian"), which an
    accusation always blames."""
    if d.claim_span is not None or not {w for w, _, _ in d.words}.isdisjoint(_fault_stems()):
        return True

    said = [w.lower() for w in re.findall(r"\w+", d.quote.text)]
    return "bahwa" not in said and not lexicon().claim_nouns.keys().isdisjoint(said)


def _shares_content(d: _Q, a: _Q) -> bool:
    """A denial that states a proposition of its own answers only an accusation it shares a
    content word with ("polisi menggunakan amunisi hidup" answers no one who blames
    "provokator asing")."""
    shared = {w for w, _, _ in d.words} & {w for w, _, _ in a.words}
    return bool(shared - _generic_stems())


@lru_cache(maxsize=1)
def _fault_stems() -> frozenset[str]:
    """Stems of the ``fault`` words of ``lang/id/conflict_cues.tsv``: a denial of fault answers blame."""
    return frozenset(stem(row["term"]) for row in load_table("conflict_cues.tsv") if row["kind"] == "fault")


def quote_similarity(a: _Q, b: _Q, idf: dict[str, float]) -> float:
    """IDF-weighted cosine of the statements' content words, plus a bonus per shared entity
    (the speakers themselves do not count as shared: accuser and denier differ)."""
    ca, na = a._weighted(idf)
    cb, nb = b._weighted(idf)
    dot = sum(ca[w] * cb[w] * idf.get(w, 1.0) ** 2 for w in ca if w in cb)
    cosine = dot / (na * nb) if na and nb else 0.0
    speakers = {x.quote.speaker.entity for x in (a, b) if x.quote.speaker and x.quote.speaker.entity}
    shared = (a.entities & b.entities) - (speakers if len(speakers) > 1 else set())
    return cosine + ENTITY_WEIGHT * min(2, len(shared))


_CLAUSE_BREAK = frozenset(".;!?:\"“”'‘’()")
_VERBAL = ("me", "di", "ber", "ter", "mem", "men", "meng", "meny")


def _claim_phrase(accusation: _Q, others: list[_Q], idf: dict[str, float] | None = None) -> dict:
    """A short phrase of the accusation naming what is claimed: the clause that shares the most
    weighted words with the replies (a predicate and its participants), without the pronouns
    and function words at its edges ("klien kami. Kami ..." becomes "menerima suap dari ...").
    Clauses end at sentence punctuation and quote marks; a clause of fewer than
    ``CLAIM_MIN_WORDS`` words takes in its neighbour across a comma, never across a period. A
    clause of time or cause ("…, setelah …": ``background`` in ``conflict_cues.tsv``) is taken
    only when there is no other."""
    article, q = accusation.article, accusation.quote
    text = article.text
    q_start, q_end = accusation.claim_span or (q.start, q.end)
    idf = idf or {}
    stop = _stopwords()
    shared = {w for o in others for w, _, _ in o.words}
    clauses: list[list[tuple[int, int]]] = [[]]
    soft_break: list[bool] = []  # whether the break after clause i is only a comma
    glue = False
    for s, e in tokenize(text, q_start, q_end):
        token = text[s:e]
        glue, was_glue = False, glue
        if token in ",." and clauses[-1] and clauses[-1][-1][1] == s and e < len(text) and text[s - 1].isdigit() \
                and text[e].isdigit():
            glue = True  # a decimal or thousands mark ("Rp18,7 miliar"): one word with its digits
        elif token[0].isalnum():
            if was_glue:
                clauses[-1][-1] = (clauses[-1][-1][0], e)
            else:
                clauses[-1].append((s, e))
        elif token in _CLAUSE_BREAK or token == ",":
            if clauses[-1]:
                clauses.append([])
                soft_break.append(token == ",")
    clauses = [c for c in clauses if c]
    if not clauses:
        return {"claim": text[q_start:q_end], "article": article.id, "start": q_start, "end": q_end}

    def is_content(span: tuple[int, int]) -> bool:
        w = text[span[0]:span[1]].lower()
        return w not in stop and len(w) > 1

    def score(clause: list[tuple[int, int]]) -> float:
        total = 0.0
        for s, e in clause:
            w = text[s:e].lower()
            if w in stop:
                continue
            st = stem(w)
            total += idf.get(st, 1.0) if st in shared else 0.1
            if w.startswith(_VERBAL) and st != w:
                total += 0.3  # a predicate ("menerima", "dipukul")
            if text[s].isupper():
                total += 0.2  # a participant named
        return total

    background = {b[0] for b in _hedges("background")}

    def foreground(i: int) -> bool:
        """Not a clause of time or cause ("…, setelah hasil awal menunjukkan …")."""
        c = clauses[i]
        return text[c[0][0]:c[0][1]].lower() not in background

    best = max(range(len(clauses)), key=lambda i: (foreground(i), score(clauses[i]), -i))
    tokens = list(clauses[best])
    i = best
    while sum(map(is_content, tokens)) < CLAIM_MIN_WORDS and i + 1 < len(clauses) and soft_break[i]:
        i += 1
        tokens += clauses[i]
    lo = best
    while sum(map(is_content, tokens)) < CLAIM_MIN_WORDS and lo > 0 and soft_break[lo - 1]:
        lo -= 1
        tokens = clauses[lo] + tokens
    while len(tokens) > 1 and not is_content(tokens[0]):
        tokens.pop(0)
    reflexive = {r[0] for r in _hedges("reflexive")}
    while len(tokens) > 1 and not is_content(tokens[-1]) and not (
            text[tokens[-1][0]:tokens[-1][1]].lower() in reflexive and is_content(tokens[-2])):
        tokens.pop()
    if len(tokens) > CLAIM_MAX_WORDS:  # keep the window with the most shared words
        hits = [n for n, (s, e) in enumerate(tokens) if stem(text[s:e].lower()) in shared]
        first = max(0, min(hits[0] if hits else 0, len(tokens) - CLAIM_MAX_WORDS))
        tokens = tokens[first:first + CLAIM_MAX_WORDS]
        while len(tokens) > 1 and not is_content(tokens[-1]):
            tokens.pop()
    start, end = tokens[0][0], tokens[-1][1]
    return {"claim": text[start:end], "article": article.id, "start": start, "end": end}


def _content_words(text: str, phrase: dict) -> int:
    stop = _stopwords()
    return sum(1 for s, e in tokenize(text, phrase["start"], phrase["end"])
               if text[s].isalnum() and text[s:e].lower() not in stop and e - s > 1)


def _narrated_claim(denial: _Q, idf: dict[str, float]) -> dict | None:
    """The claim of a denial that no quote states, from the narration it answers.

    "Kami tak pernah melakukannya" or "Tidak pernah," jawab Andi name no claim themselves; the
    claim is in the sentence before or in the denial's own sentence ("Mercedes menolak tudingan
    mencampur oli untuk bahan bakar", the prosecutor's question). Quoted words of others in that
    narration are part of it."""
    article, q = denial.article, denial.quote
    sent = article.sentence_at(q.start)
    if sent is None:
        return None
    here = article.sentences.index(sent)
    prev = article.sentences[here - 1] if here > 0 else None
    # the narration just before: in the denial's paragraph or the one right above it, never
    # across a caption or a related-link line (a KPK official's earlier statement is no claim
    # that "Miryam membantah melarikan diri" answers)
    start = prev.start if prev is not None and sent.block - 1 <= prev.block else sent.start
    spans = [(start, q.start)]
    if q.end < sent.end:
        spans.append((q.end, sent.end))  # "..., kata X yang menolak tudingan itu"
    best = None
    for span in spans:
        if span[1] - span[0] <= 10:
            continue
        pseudo = _Q(q, article, _content(article, *span), claim_span=span)
        phrase = _claim_phrase(pseudo, [denial], idf)
        n = _content_words(article.text, phrase)
        if n >= CLAIM_MIN_WORDS and (best is None or n > best[0]):
            best = (n, phrase)
    return best[1] if best else None


def _same_speaker(a: _Q, b: _Q) -> bool:
    """A party does not contradict itself: same entity, or the same speaker text when unlinked."""
    sa, sb = a.quote.speaker, b.quote.speaker
    if sa is None or sb is None:
        return False
    if sa.entity and sb.entity:
        return sa.entity == sb.entity
    return sa.text.casefold() == sb.text.casefold()


class _Parties:
    """Who speaks for whom in a story: a speaker's names (an organisation entity's name and
    aliases, else the speaker's words and the acronym bracketed after them) and what each
    person is called across the story's statements ("Koordinator Pusat BEM SI Rizky Maulana" once, plain
    "Rizky" later)."""

    def __init__(self, corpus: Corpus, items: list[_Q]):
        self.names = {e.id: {n.lower() for n in [e.name, *e.aliases] if len(n) > 1}
                      for e in corpus.entities if e.type == "ORG"}
        self.called: dict[str, str] = {}
        self._compiled: dict[int, list[tuple[str, re.Pattern]]] = {}
        self._countries: dict[int, str | None] = {}
        for it in items:
            sp = it.quote.speaker
            if sp is not None and sp.entity:
                self.called[sp.entity] = f"{self.called.get(sp.entity, '')} {sp.role or ''} {sp.text}"
        self.defendants = self._defendants(items)
        self._clients: dict[int, set[str]] = {}

    @staticmethod
    def _defendants(items: list[_Q]) -> set[str]:
        """The people the story's articles call the defendant or suspect ("terdakwa Hendra
        Saputra Wijaya"): the word right before one of their mentions is a client word."""
        clients = _client_words()
        out = set()
        for article in {id(it.article): it.article for it in items}.values():
            for m in article.mentions:
                if m.type == "PER" and m.entity:
                    before = article.text[max(0, m.start - CLIENT_GAP):m.start].lower().split()
                    if before and before[-1] in clients:
                        out.add(m.entity)
        return out

    def clients_of(self, it: _Q) -> set[str]:
        """The words naming whom a counsel speaks for ("terdakwa", "hendra"), from the words after
        a counsel phrase in what the speaker is called; empty for anyone else."""
        key = id(it)
        if key not in self._clients:
            sp = it.quote.speaker
            said = f"{sp.role or ''} {self.called.get(sp.entity, '') if sp.entity else ''}".lower().split() \
                if sp else []
            found: set[str] = set()
            for phrase in _hedges("counsel"):
                for k in range(len(said) - len(phrase) + 1):
                    if tuple(said[k:k + len(phrase)]) == phrase:
                        found |= {w.strip(",.") for w in said[k + len(phrase):k + len(phrase) + CLIENT_WORDS]}
            self._clients[key] = found - {""}
        return self._clients[key]

    def represents(self, counsel: _Q, client: _Q) -> bool:
        """Does ``counsel`` speak as the lawyer of the speaker of ``client``? By name ("Kuasa
        hukum Hendra"), or as the defendant's lawyer of the person the story calls defendant."""
        words, sp = self.clients_of(counsel), client.quote.speaker
        if not words or sp is None:
            return False
        if sp.entity in self.defendants and words & _client_words():
            return True
        names = set(f"{sp.text} {self.called.get(sp.entity, '') if sp.entity else ''}".lower().split())
        return bool(words & names)

    def org_names(self, it: _Q) -> set[str]:
        sp = it.quote.speaker
        if sp.entity in self.names:
            return self.names[sp.entity]
        # no organisation entity: the words that name the speaker ("jaksa", or a person whose
        # lawyer or spokesman speaks for them: "kuasa hukum Andreas")
        text = it.article.text
        found = {sp.text.lower()}
        bracket = re.match(r"\s*\(([^()]{2,12})\)", text[sp.end:sp.end + 16])
        if bracket:  # "Badan Eksekutif Mahasiswa Seluruh Indonesia (BEM SI)"
            found.add(bracket.group(1).lower())
        return found

    def member_of(self, person: _Q, org: _Q) -> bool:
        """Does the person speak for the organisation that is the other speaker? Their role or
        name span, anywhere in the story, names it."""
        sp, so = person.quote.speaker, org.quote.speaker
        if sp is None or so is None or sp.entity == so.entity and sp.entity is not None:
            return False
        said = f" {sp.role or ''} {sp.text} {self.called.get(sp.entity, '') if sp.entity else ''} ".lower()
        return any(rx.search(said) for n, rx in self._patterns(org) if n != sp.text.lower())

    def _patterns(self, org: _Q) -> list[tuple[str, re.Pattern]]:
        """The speaker's names as whole-word patterns, compiled once per statement (the
        pairing compares every statement with many others)."""
        key = id(org)
        if key not in self._compiled:
            self._compiled[key] = [(n, re.compile(rf"(?<!\w){re.escape(n)}(?!\w)")) for n in self.org_names(org)]
        return self._compiled[key]

    def same(self, a: _Q, b: _Q) -> bool:
        """A party does not contradict itself: the same speaker, an organisation and a person
        who speaks for it, or two voices of one foreign country ("Yerevan" and "Kementerian
        Pertahanan Armenia")."""
        if _same_speaker(a, b) or self.member_of(a, b) or self.member_of(b, a) \
                or self.represents(a, b) or self.represents(b, a):
            return True
        side_a, side_b = self.country(a), self.country(b)
        return side_a is not None and side_a == side_b

    def country(self, it: _Q) -> str | None:
        """The foreign country a speaker speaks for, by the words that name or describe them
        (Indonesia's own voices are many parties, not one); looked up once per statement, as
        the pairing asks for every pair."""
        key = id(it)
        if key not in self._countries:
            sp = it.quote.speaker
            said = f"{sp.role or ''} {sp.text} {self.called.get(sp.entity, '') if sp.entity else ''}" if sp else ""
            self._countries[key] = country_named(said, 0, len(said), HOME_COUNTRIES) if sp else None
        return self._countries[key]


@lru_cache(maxsize=None)
def _hedges(kind: str = "hedge") -> tuple[tuple[str, ...], ...]:
    """The phrases of one kind of ``lang/id/conflict_cues.tsv`` as word tuples, longest first."""
    return tuple(sorted((tuple(row["term"].split()) for row in load_table("conflict_cues.tsv") if row["kind"] == kind),
                        key=len, reverse=True))


@lru_cache(maxsize=1)
def _client_words() -> frozenset[str]:
    """The ``client`` words of ``lang/id/conflict_cues.tsv`` ("terdakwa", "tersangka", "klien")."""
    return frozenset(h[0] for h in _hedges("client"))


@lru_cache(maxsize=1)
def _generic_stems() -> frozenset[str]:
    """Stems of the ``generic`` words of ``lang/id/conflict_cues.tsv``."""
    return frozenset(stem(row["term"]) for row in load_table("conflict_cues.tsv") if row["kind"] == "generic")


SAME_PROPOSITION_WORDS = 2  # content words a refusal to confirm shares with what it declines


def _defers(a: _Q) -> bool:
    """An assertion that itself leaves the matter open ("Penetapan tersangka menunggu hasil
    labfor") claims nothing a refusal to confirm could decline (``deferral`` cues)."""
    words = {w.lower() for w in re.findall(r"\w+", a.quote.text)}
    return any(len(h) == 1 and h[0] in words for h in _hedges("deferral"))


def _about_same(u: _Q, other: _Q) -> bool:
    """Does a refusal to confirm speak of what ``other`` says? It must share two content words
    that are not generic ("belum yakin [massa] itu dari [FPI]" with "[massa] [FPI] itu berjumlah
    …"): one shared word is the story's topic ("pesawat", the victim's name), not one claim."""
    shared = {w for w, _, _ in u.words} & {w for w, _, _ in other.words}
    return len(shared - _generic_stems()) >= SAME_PROPOSITION_WORDS


def _doubted(text: str, lo: int, hi: int, kind: str = "hedge") -> tuple[int, int] | None:
    """What a sentence opening (within its first four words) with doubt doubts: the clause after
    the hedge, up to a comma ("belum yakin [massa itu dari FPI], karena …"), or None."""
    words = list(re.finditer(r"\w+", text[lo:min(hi, lo + 80)]))
    low = [w.group().lower() for w in words]
    for h in _hedges(kind):
        for k in range(min(4, len(low))):
            if tuple(low[k:k + len(h)]) == h:
                start = lo + words[k + len(h) - 1].end()
                while start < hi and text[start].isspace():
                    start += 1
                comma = re.search(r"[,;:]", text[start:hi])
                end = start + comma.start() if comma and len(text[start:start + comma.start()].split()) >= 2 else hi
                return (start, end) if end - start > 3 else None
    return None


def _readings(article: Article, q: Quote) -> list[tuple[int, int, str]]:
    """Sentences of an asserting statement that deny or doubt by their own words.

    "Coach bilang pihak keluarga yang meminta mundur. Bukan Djanur mundur": the statement as a
    whole asserts, and its stance stays so, but its second sentence rejects what another party
    claims; "Kami sendiri belum yakin massa itu dari FPI" doubts it. (The sentence splitter holds
    a quotation together with its attribution, so the content is split here.) The quote stage's
    own test (``opening_stance``) decides denials for each sentence after the first (the first
    was judged with the whole statement), so the same language data decides what a denial is;
    hedges are ``conflict_cues.tsv``."""
    if q.stance != "assert":
        return []

    out = []
    for k, (lo, hi) in enumerate(split_block(article.text, q.start, q.end)):
        if hi - lo < 8:
            continue
        if k and opening_stance(article.text, lo, hi) == "deny":
            out.append((lo, hi, "deny"))
        elif (doubted := _doubted(article.text, lo, hi)) is not None:
            out.append((*doubted, "unconfirmed"))
        elif (turn := _after_contrast(article.text, lo, hi)) is not None \
                and article.text[turn:hi].split()[0].lower() in FIRST_PERSON \
                and opening_stance(article.text, turn, hi) == "deny":
            # "Kami menghormati proses hukum, tetapi kami menolak tuduhan bahwa …" (probe 10): the
            # speaker's own side turns to a denial; not "Tersangka mengetahui …, tetapi tidak
            # melaporkannya", which says what someone else failed to do
            out.append((turn, hi, "deny"))
    return out


def _after_contrast(text: str, lo: int, hi: int) -> int | None:
    """Where the clause after ", tetapi" / ", namun" (a contrast word of the quote stage's
    lexicon, after a comma) starts in text[lo:hi], or None."""

    for m in re.finditer(r",\s+(\w+)\s+", text[lo:hi]):
        if m.group(1).lower() in lexicon().contrast and m.group(1).lower() != "melainkan":
            return lo + m.end()
    return None


def _wholly_hedged(article: Article, q: Quote, readings: list[tuple[int, int, str]]) -> bool:
    """A one-sentence statement that opens with doubt ("tidak tahu alasan ketidakhadiran KPK")
    only declines to confirm: its reading takes part, the statement asserts nothing besides."""
    return any(stance == "unconfirmed" for _, _, stance in readings) \
        and len(split_block(article.text, q.start, q.end)) == 1


def _unaware(article: Article, q: Quote) -> bool:
    """A one-sentence assertion that only says the speaker does not know ("tidak tahu alasan
    ketidakhadiran KPK tersebut") asserts no claim and declines none: it takes no part."""
    return q.stance == "assert" and _doubted(article.text, q.start, q.end, "unaware") is not None \
        and len(split_block(article.text, q.start, q.end)) == 1


def find_conflicts(corpus: Corpus, story: Story) -> list[dict]:
    by_id = {a.id: a for a in corpus.articles}
    inner = {(aid, q.id): _readings(by_id[aid], q)
             for aid in story.articles if aid in by_id for q in by_id[aid].quotes if q.id is not None}
    if not any(q.id is not None and (q.stance in OPENING or inner[(aid, q.id)])
               for aid in story.articles if aid in by_id for q in by_id[aid].quotes):
        return []  # only a denial or a refusal to confirm opens a claim
    items: list[_Q] = []
    for aid in story.articles:
        article = by_id.get(aid)
        if article is None:
            continue
        for q in article.quotes:
            if q.id is None:
                continue
            it = _Q(q, article, _content(article, q.start, q.end), _entities(article, q))
            span = _antecedent(article, q) if q.stance == "deny" else None
            if span is not None:  # "hal tersebut dibantah X": compare by the claim it points to
                it.claim_span = span
                it.words = it.words + _content(article, *span)
                it.entities |= _entities_between(article, *span)
                pointed = _pointed_accusation(article, q)
                if pointed is not None and not span[0] <= pointed.start < span[1]:
                    it.words = it.words + _content(article, pointed.start, pointed.end)
            readings = inner[(aid, q.id)]
            if not _wholly_hedged(article, q, readings) and not _unaware(article, q):
                items.append(it)
            for lo, hi, stance in readings:
                reading = _Q(q, article, _content(article, lo, hi), _entities_between(article, lo, hi),
                             stance=stance, passage=(lo, hi))
                if q.speaker and q.speaker.entity:
                    reading.entities.add(q.speaker.entity)
                items.append(reading)
    if not items:
        return []
    df = Counter(w for it in items for w in {w for w, _, _ in it.words})
    idf = {w: math.log((1 + len(items)) / (1 + c)) + 1.0 for w, c in df.items()}
    parties = _Parties(corpus, items)
    denials = [it for it in items if it.stance == "deny"]
    accusations = [it for it in items if it.stance == "accuse"]
    assertions = [it for it in items if it.stance == "assert"]
    unconfirmed = [it for it in items if it.stance == "unconfirmed"]

    claims: list[dict] = []  # {"assert": [_Q], "deny": [_Q], "unconfirmed": [_Q]}

    def sim_to(claim: dict, it: _Q) -> float:
        return max(quote_similarity(it, other, idf) for role in ("assert", "deny") for other in claim[role])

    def closest_assertion(reply: _Q, pool: list[_Q], need: float = ASSERT_PAIR_SIMILARITY) -> _Q | None:
        """The plain assertion of another party a reply answers, if any is close enough."""
        scored = [(quote_similarity(reply, a, idf), a) for a in pool if not parties.same(a, reply)]
        scored = [x for x in scored if x[0] >= need]
        return max(scored, key=lambda x: x[0])[1] if scored else None

    for d in denials:
        any_accusation = _answers_any(d)
        pool = [a for a in accusations if not parties.same(a, d) and not _agrees_with_denial(a, d)
                and (any_accusation or _shares_content(d, a))]
        best = max(pool, key=lambda a: quote_similarity(d, a, idf), default=None)
        just_before = _denied_just_before(d.article, d.quote) if d.passage is None else None
        if just_before is not None:  # "Itu tidak benar. …": what was just said of its side
            best = next((a for a in accusations if a.quote is just_before and not parties.same(a, d)), best)
        if best is None:
            best = closest_assertion(d, [a for a in assertions if not _agrees_with_denial(a, d)])
        if best is None and d.stance != d.quote.stance:
            continue  # a denial sentence inside a longer statement answers nobody here: rhetoric
        other = _names_another_claim(d, best) if best is not None and d.passage is None else None
        if other is not None:  # it denies a claim of its own: with the denials of that claim, or alone
            d.claim_span = other
            home = next((c for c in claims if not c["assert"] and sim_to(c, d) >= JOIN_SIMILARITY), None)
            if home is None:
                home = {"assert": [], "deny": [], "unconfirmed": []}
                claims.append(home)
            home["deny"].append(d)
            continue
        home = next((c for c in claims if best is not None and best in c["assert"]), None)
        if home is None and best is None:
            # the closest claim it is near enough to, not one its own party asserts
            near = [c for c in claims if sim_to(c, d) >= JOIN_SIMILARITY
                    and not any(parties.same(d, a) for a in c["assert"])]
            home = max(near, key=lambda c: sim_to(c, d), default=None)
        if home is None:
            home = {"assert": [best] if best else [], "deny": [], "unconfirmed": []}
            claims.append(home)
        home["deny"].append(d)
    # Accusations and assertions not yet placed join the claim they are close to; an accusation
    # close to nothing but answered by a refusal to confirm opens its own claim below.
    placed = {id(x) for c in claims for role in c.values() for x in role}
    for a in accusations + assertions:
        if id(a) in placed or not claims:
            continue
        answered = [c for c in claims if len(c["assert"]) < MAX_ASSERTS and any(
            _states_denied(a, x) and not parties.same(a, x) and not _agrees_with_denial(a, x) for x in c["deny"])]
        if answered:  # it says what a denial of the claim says is not so: the claim's other side
            best_claim = max(answered, key=lambda c: sim_to(c, a))
            best_claim["assert"].append(a)
            placed.add(id(a))
            continue
        best_claim = max(claims, key=lambda c: sim_to(c, a))
        need = JOIN_SIMILARITY if a.stance == "accuse" else ASSERT_JOIN_SIMILARITY
        if any(parties.same(a, x) or _agrees_with_denial(a, x) for x in best_claim["deny"]):
            continue  # a party does not contradict itself
        if sim_to(best_claim, a) >= need and len(best_claim["assert"]) < MAX_ASSERTS:
            best_claim["assert"].append(a)
            placed.add(id(a))
            continue
        if a.stance == "accuse":
            # an accusation in words of its own ("operator lalai") beside its party's plain
            # statement that a denial answers ("kapal itu jelas kelebihan muatan"): one claim
            own = [c for c in claims if len(c["assert"]) < MAX_ASSERTS and c["deny"]
                   and any(parties.same(a, x) for x in c["assert"])
                   and not any(x.stance == "accuse" for x in c["assert"])
                   and not any(parties.same(a, x) or _agrees_with_denial(a, x) for x in c["deny"])]
            if len(own) == 1:
                own[0]["assert"].insert(0, a)
                placed.add(id(a))
    pending: list[_Q] = []
    for u in unconfirmed:
        near = [c for c in claims if any(_about_same(u, x) for x in c["assert"] + c["deny"])]
        best_claim = max(near, key=lambda c: sim_to(c, u), default=None)
        # a party that asserts the claim in plain words may still decline to confirm it (its
        # plain statement then said something else); one that accuses or denies it does not
        if best_claim is not None and sim_to(best_claim, u) >= UNCONFIRMED_SIMILARITY \
                and not any(parties.same(u, x) for x in best_claim["deny"]
                            + [a for a in best_claim["assert"] if a.stance == "accuse"]):
            best_claim["unconfirmed"].append(u)
            continue
        open_acc = [a for a in accusations if id(a) not in placed and not parties.same(a, u) and _about_same(u, a)]
        target = max(open_acc, key=lambda a: quote_similarity(u, a, idf), default=None)
        if target is None or quote_similarity(u, target, idf) < UNCONFIRMED_SIMILARITY:
            # no accusation: the assertion it doubts, closer than a denial's must be (declining
            # to confirm is a weaker sign of one claim than denying it)
            target = closest_assertion(u, [a for a in assertions if id(a) not in placed and a.quote is not u.quote
                                           and _about_same(u, a) and not _defers(a)], UNCONFIRMED_OPEN_SIMILARITY)
        if target is not None:
            claims.append({"assert": [target], "deny": [], "unconfirmed": [u]})
            placed.add(id(target))
            continue
        pending.append(u)

    out = []
    merged = _merge_same_sides(claims, parties)
    while len(merged) < len(claims):  # a claim that gained its asserter may take in more
        claims, merged = merged, _merge_same_sides(merged, parties)
    contested = [c for c in merged if c["assert"] and c["deny"]]
    if len(contested) == 1:
        # the story's one contradiction: a refusal to comment that names nothing of its own
        # ("Kami belum bisa berkomentar", "enggan menanggapi polemik data tersebut") declines it
        c = contested[0]
        c["unconfirmed"].extend(u for u in pending if len(u.words) <= LONE_REFUSAL_WORDS and not _verifies(u)
                                and not any(parties.same(u, x) for x in c["assert"] + c["deny"] + c["unconfirmed"]))
    for c in merged:
        # a party that declines to confirm the claim does not also assert it: its plain
        # statement near the claim's words ("stok ... berbeda dari angka yang disampaikan
        # Kementan maupun Kemendag") says something else (an accusation it makes still stands)
        c["assert"] = [a for a in c["assert"] if a.stance == "accuse" or len(c["assert"]) == 1
                       or not any(parties.same(a, u) for u in c["unconfirmed"])]
    for c in merged:
        anchor = (c["assert"] or c["deny"] or c["unconfirmed"])[0]
        reported = [a for a in c["assert"] if a.stance == "accuse" and not a.quote.direct
                    and len(a.words) >= CLAIM_MIN_WORDS + 1]
        if anchor.quote.direct and anchor.stance == "accuse" and reported:
            anchor = reported[0]  # "X menuding Kemendag memanipulasi data": the proposition, not "Ini manipulasi data. …"
        answers = {id(a): [x for x in c["deny"] if _states_denied(a, x)] for a in c["assert"]}
        stating = [a for a in c["assert"] if answers[id(a)]]
        if stating and anchor not in stating:
            # the claim is named where it is said as the denials deny it ("kelebihan muatan"),
            # not by an accusation they were paired with that words it otherwise ("lalai")
            anchor = max(stating, key=lambda a: len(answers[id(a)]))
            replies = answers[id(anchor)]
        else:
            replies = [x for x in c["deny"] + c["unconfirmed"] if x is not anchor] or c["assert"][1:]
        phrase = _claim_phrase(anchor, replies, idf)
        if not c["assert"] and _content_words(anchor.article.text, phrase) < CLAIM_MIN_WORDS:
            phrase = _narrated_claim(anchor, idf) or phrase
        out.append({
            "claim": phrase["claim"],
            "assert": [x.quote.id for x in c["assert"]],
            "deny": [x.quote.id for x in c["deny"]],
            "unconfirmed": [x.quote.id for x in c["unconfirmed"]],
            "source": {"article": phrase["article"], "start": phrase["start"], "end": phrase["end"]},
            # a quote that takes part through one of its sentences: which sentence, in what role
            "passages": [{"quote": x.quote.id, "role": role, "article": x.article.id, "start": x.passage[0],
                          "end": x.passage[1], "text": x.article.text[x.passage[0]:x.passage[1]]}
                         for role in ("deny", "unconfirmed") for x in c[role] if x.passage],
        })
    return out


def _merge_same_sides(claims: list[dict], parties: _Parties) -> list[dict]:
    """Claims one party denies against the same asserting party are one contradiction: the
    police say provocateurs started the clash, the students' leader denies it in three
    sentences that each match a different police sentence best (or none: "membantah tudingan
    polisi"). A claim nobody asserts joins one with an asserter that the same party denies."""
    def shared(xs: list[_Q], ys: list[_Q]) -> bool:
        return any(parties.same(x, y) for x in xs for y in ys)

    out: list[dict] = []
    for c in claims:
        home = next((m for m in out if c["deny"] and m["deny"] and shared(m["deny"], c["deny"])
                     and (m["assert"] or c["assert"])
                     and (not m["assert"] or not c["assert"] or shared(m["assert"], c["assert"]))
                     and not shared(m["deny"], c["assert"]) and not shared(c["deny"], m["assert"])), None)
        if home is None:
            out.append({role: list(members) for role, members in c.items()})
            continue
        if c["assert"] and not home["assert"]:
            home["assert"], c = list(c["assert"]), {**c, "assert": []}  # the asserter's claim names it
        for role, members in c.items():
            home[role].extend(x for x in members if x not in home[role])
    return out


class ConflictStage(CorpusStage):
    """Fills ``story.claim_conflicts``: who asserts, who denies, who will not confirm."""

    name = "conflicts"
    requires = ("corpus.stories", "article.quotes", "quote.id")
    assigns = ("story.claim_conflicts",)

    def __call__(self, corpus: Corpus, options: Options) -> None:
        for story in corpus.stories:
            story.claim_conflicts = find_conflicts(corpus, story)
