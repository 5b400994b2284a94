"""Story timeline: what happened on which day, each event once, with every article reporting it.

An event is a body sentence holding a day-level time expression resolved to a calendar date.
Sentences with the same date that say much the same thing (cosine of stemmed content words,
each weighted by its rarity in the background corpus, stop words, the date and the speaker's
name left out, words for one kind of happening counted as one: lang/id/event_synonyms.tsv) are
one event, listing all their ``sources``, unless they are two different speakers' words; two
sentences of one article also need their words without names to agree (an article names its
story's people in every sentence); two articles' leads of the same day are one event if they
share a word at all (each opens with the day's main event). Sentences of the same day that
quote the same speaker are one event too ("kata Andreas …, Senin" and "Andreas Siregar
mengatakan pada hari Senin bahwa …": one statement told by two outlets). The two ends of a
span ("31 Maret - 5 April 2017") and a bare time of day ("hingga pukul 18.06 WIB") date no
event. ``telaah eval timeline`` scores this on a blind gold.
An article's own publication is not an event: time expressions outside body sentences
(datelines, credit and date lines) never are, and a sentence that is little more than a date
("Diperbarui Senin, 21 Oktober 2024") is skipped. Events dated over 30 days before the story's
first article are kept but marked ``background`` (stories/background.py).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date
from functools import lru_cache

from ..cleaning.blocks import lead_dateline_end
from ..document import Article, Corpus, Sentence, Story
from ..errors import DataFileError
from ..lang import load_table, stopwords
from ..pipeline import CorpusStage, Options
from ..text.tokens import tokenize
from ..times.lexicon import lexicon, norm
from .background import background_cutoff, story_start
from .stem import stem

__all__ = ["TimelineStage", "build_timeline", "event_words", "similarity"]

SAME_EVENT_SIMILARITY = 0.25  # rarity-weighted cosine of stemmed content words on the same date
# within one article the story's names recur in every sentence ("dapur CV Sinar Boga Lestari"
# in the kitchen's closure and in the police's sampling): two of its sentences are one happening
# only when their common words, the names left out, say the same too ("aksi mogok", "bentrokan")
SAME_ARTICLE_COMMON_SIMILARITY = 0.2
MIN_EVENT_WORDS = 3  # content words outside the date itself for a sentence to be an event
EVENT_BLOCKS = ("body", "dateline")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    try:
        return stopwords()
    except DataFileError:  # grouping's list; without it every word counts
        return frozenset()


def event_words(text: str, start: int = 0, end: int | None = None,
                skip: tuple[int, int] | None = None, spans: tuple[tuple[int, int], ...] = ()) -> list[str]:
    """Stemmed lower-case content words of ``text[start:end]``, leaving out ``skip`` and ``spans``."""
    return _words_and_common(text, start, end, skip, spans)[0]


def _words_and_common(text: str, start: int, end: int | None, skip: tuple[int, int] | None,
                      spans: tuple[tuple[int, int], ...]) -> tuple[list[str], list[str]]:
    """``event_words``, and those of them not written with a capital (no names), in one pass."""
    stop = _stopwords()
    concepts = _concepts()
    words, common = [], []
    for s, e in tokenize(text, start, end):
        if skip and s >= skip[0] and e <= skip[1] or any(a <= s and e <= b for a, b in spans):
            continue
        w = text[s:e].lower()
        if not w[0].isalpha() or w in stop:
            continue
        root = stem(w)
        words.append(concepts.get(root, root))
        if not text[s].isupper():
            common.append(words[-1])
    return words, common


@lru_cache(maxsize=1)
def _concepts() -> dict[str, str]:
    """Stem -> the concept it names (lang/id/event_synonyms.tsv: "kericuhan", "keributan" ->
    "bentrok"), so that two outlets' words for one happening count as one word."""
    try:
        rows = load_table("event_synonyms.tsv")
    except DataFileError:
        return {}
    return {stem(r["form"].lower()): r["concept"] for r in rows}


@lru_cache(maxsize=1)
def _idf() -> tuple[float, dict[str, float]]:
    """Inverse document frequency of stemmed words over the background corpus the story
    grouping ships (IndoSum before July 2017), and the weight of a word it never saw."""
    from .grouping import background_df

    docs, df = background_df()
    idf = {t: math.log((docs + 1) / (n + 1)) for t, n in df.items()}
    unseen = math.log(docs + 1)
    for root, concept in _concepts().items():  # a concept is as rare as its commonest word
        idf[concept] = min(idf.get(concept, unseen), idf.get(root, unseen))
    return unseen, idf


@lru_cache(maxsize=1)
def _opposites() -> frozenset[tuple[str, str]]:
    """Stemmed pairs of words for opposite happenings (lang/id/event_opposites.tsv), both ways."""
    try:
        rows = load_table("event_opposites.tsv")
    except DataFileError:
        return frozenset()
    pairs = {(stem(r["form"].lower()), stem(r["opposite"].lower())) for r in rows}
    return frozenset(pairs | {(b, a) for a, b in pairs})


def _opposite(a: list[str], b: list[str]) -> bool:
    """Does one sentence tell what the other's opposite word undoes ("melanjutkan pencarian" /
    "menghentikan operasi pencarian")? Not when either holds both words."""
    sa, sb = set(a), set(b)
    return any(x in sa and y in sb and y not in sa and x not in sb for x, y in _opposites())


def similarity(a: list[str], b: list[str]) -> float:
    """Cosine of two sentences' stemmed words, each weighted by how rare it is in news at large:
    "menghantam … Queensland" ties two accounts of a cyclone more than "wilayah" or "Selasa" do."""
    unseen, idf = _idf()
    ca, cb = Counter(a), Counter(b)
    weight = {t: idf.get(t, unseen) ** 2 for t in ca.keys() | cb.keys()}
    dot = sum(v * cb[t] * weight[t] for t, v in ca.items() if t in cb)
    na = math.sqrt(sum(v * v * weight[t] for t, v in ca.items()))
    nb = math.sqrt(sum(v * v * weight[t] for t, v in cb.items()))
    return dot / (na * nb) if na and nb else 0.0


def _in_event_block(article: Article, sentence: Sentence) -> bool:
    if not article.blocks or not 0 <= sentence.block < len(article.blocks):
        return True
    return article.blocks[sentence.block].kind in EVENT_BLOCKS


RESTATE_FILLERS = frozenset({"pada", "hari", "tanggal"})  # "tepatnya pada hari Sabtu (8/3)"


def _restated(article: Article, times: list) -> set[int]:
    """Positions in ``times`` of day-level dates that the next date restates ("Hampir tiga
    minggu kemudian, tepatnya pada 8 Maret 2014"): one day told twice is one event, and when the
    two disagree the restating date, usually the explicit one, is the writer's."""
    markers = lexicon().markers.get("restate", set())
    out = set()
    for i in range(len(times) - 1):
        a, b = times[i], times[i + 1]
        if a.sentence != b.sentence or a.granularity != "day" or b.granularity != "day":
            continue
        gap = [norm(article.text[s:e]) for s, e in tokenize(article.text, a.end, b.start)
               if article.text[s].isalnum()]
        if gap and gap[0] in markers and set(gap[1:]) <= RESTATE_FILLERS:
            out.add(i)
    return out


def _range_ends(article: Article, times: list) -> set[int]:
    """Positions in ``times`` of the two ends of a span ("31 Maret - 5 April 2017", "23 hingga
    25 Mei", "2 hingga 5 November 2016", "tanggal 19, 20 sampai 21 November 1945"): a survey's
    fieldwork or a festival's days, no event on either day."""
    connectors = lexicon().markers.get("range", set())
    out = set()
    for i in range(len(times) - 1):
        a, b = times[i], times[i + 1]
        if a.sentence == b.sentence and a.value and b.value and {a.type, b.type} <= {"DATE", "TIME"} \
                and norm(article.text[a.end:b.start]) in connectors:  # not "tiga hari hingga Jumat"
            out.update((i, i + 1))
    listed = lexicon().markers.get("list", set())
    for i, t in enumerate(times):
        if t.granularity != "day":
            continue
        # "2 hingga 5 November 2016": the first end is a bare day number, no expression of its own
        before = _DAY_NUMBER_THEN.search(article.text, max(0, t.start - 24), t.start)
        if before and norm(before["link"]) in connectors:
            out.add(i)
            # "tanggal 19, 20 sampai 21 November 1945": the list's first day opens the span too
            a = times[i - 1] if i else None
            if a is not None and a.sentence == t.sentence and a.granularity == "day" \
                    and a.end <= before.start() and before.start() - a.end < 24 \
                    and all(w.isdigit() or w in listed for w in norm(article.text[a.end:before.start()]).replace(",", " ").split()):
                out.add(i - 1)
    return out


_FIRST_WORD = re.compile(r"\w+")
_DAY_NUMBER_THEN = re.compile(r"(?<![\w/.,])\d{1,2}\s*(?P<link>[^\w\s]|[a-z/.]+(?:\s+dengan)?)\s*\Z", re.I)


def _as_of(article: Article, sentences: dict, times: list) -> set[int]:
    """Positions in ``times`` of dates that open their sentence after an as-of word ("Hingga hari
    ini, Senin (15/5), total uang … sudah mencapai", "Per 27 Mei 2017, Wenger telah melahap …"):
    the day a running total or a state is told, not a happening."""
    words = lexicon().markers.get("as_of", set())
    out = set()
    for i, t in enumerate(times):
        sentence = sentences.get(t.sentence)
        if sentence is None or t.granularity != "day":
            continue
        first = _FIRST_WORD.search(article.text, sentence.start, t.start)
        if first is None or norm(first.group()) not in words:
            continue  # the sentence does not open with an as-of word
        opening = [norm(article.text[s:e]) for s, e in tokenize(article.text, sentence.start, t.start)
                   if article.text[s].isalnum()]
        if len(opening) == 1 and opening[0] in words:
            out.add(i)
            if i + 1 < len(times) and times[i + 1].sentence == t.sentence and \
                    not article.text[t.end:times[i + 1].start].strip(" ,"):
                out.add(i + 1)  # "Hingga hari ini, Senin (15/5)": the same day told twice
    return out


@lru_cache(maxsize=4096)
def _names_day(phrase: str) -> bool:
    """Does a time expression name its day ("Senin malam", "kemarin sore", "29/5 pukul 10.00"),
    rather than only a time of day ("pukul 18.06 WIB") that takes the day of the text around it?"""
    lx = lexicon()
    low = norm(phrase)
    words = set(low.replace("(", " ").replace(")", " ").replace(",", " ").split())
    return (not words.isdisjoint(lx.weekdays) or not words.isdisjoint(lx.months) or "/" in low
            or any(d in low for d in lx.deictic))


def dated_sentences(story: Story, by_id: dict[str, Article]) -> tuple[list[tuple], dict]:
    """The story's candidate event mentions, in date order, as (date, article, sentence, time,
    words, common words), and each (article, sentence)'s statements by a speaker with an entity."""
    order = {aid: i for i, aid in enumerate(story.articles)}
    mentions = []  # (date, article, sentence, time, words, common words)
    quoted: dict[tuple[str, str], list] = {}  # (article, sentence) -> its statements by a known speaker
    for aid in story.articles:
        article = by_id.get(aid)
        if article is None:
            continue
        not_told: dict[str, tuple[tuple[int, int], ...]] = {}  # sentence -> spans that are no words of what happened
        dateline_end = lead_dateline_end(article)
        if dateline_end is not None and article.sentences:
            # "JAKARTA, KabarPriangan.com –": the place and the outlet are no words of what happened
            not_told[article.sentences[0].id] = ((article.sentences[0].start, dateline_end),)
        for q in article.quotes:
            if q.speaker is not None and q.speaker.entity:
                quoted.setdefault((aid, q.sentence), []).append(q)
            if q.speaker is not None:
                not_told[q.sentence] = not_told.get(q.sentence, ()) + ((q.speaker.start, q.speaker.end),)
        sentences = {s.id: s for s in article.sentences}
        seen: set[tuple[str, str]] = set()
        times = sorted(article.times, key=lambda t: t.start)
        skipped = _restated(article, times) | _range_ends(article, times) | _as_of(article, sentences, times)
        for i, t in enumerate(times):
            if t.granularity != "day" or not t.value or t.sentence not in sentences or i in skipped:
                continue
            if t.type == "TIME" and not _names_day(t.text):
                continue  # a time of day alone dates nothing new
            try:
                day = date.fromisoformat(t.value[:10])
            except ValueError:
                continue
            sentence = sentences[t.sentence]
            if not _in_event_block(article, sentence) or (day.isoformat(), sentence.id) in seen:
                continue
            # who speaks is compared by the speaker rule below, not as a word of what happened
            words, common = _words_and_common(article.text, sentence.start, sentence.end, (t.start, t.end),
                                              not_told.get(sentence.id, ()))
            if len(words) < MIN_EVENT_WORDS:
                continue
            seen.add((day.isoformat(), sentence.id))
            mentions.append((day, article, sentence, t, words, common))
    mentions.sort(key=lambda m: (m[0], m[1].reference_date or date.max, order[m[1].id], m[2].start))
    return mentions, quoted


def _leads(mentions: list[tuple]) -> list[bool]:
    """Is each mention its article's first sentence (of the body, after the dateline)?"""
    first: dict[str, str | None] = {}
    for m in mentions:
        if m[1].id not in first:
            first[m[1].id] = next((s.id for s in m[1].sentences if _in_event_block(m[1], s)), None)
    return [m[2].id == first[m[1].id] for m in mentions]


def _same_event(a: tuple, b: tuple, both_leads: bool) -> bool:
    """Do two mentions of one day tell the same happening? Their rarity-weighted words agree
    (within one article, their words without names too: an article names its story's people in
    every sentence). Two articles' leads need only share a word: a story's articles open with
    the day's main event, told in their own words ("Manchester United bermain imbang 1-1 dengan
    Everton" and "Manajer Manchester United, Jose Mourinho, enggan menyalahkan ofisial laga")."""
    if _opposite(a[4], b[4]):
        return False
    sim = similarity(a[4], b[4])
    if a[1] is b[1]:
        return sim >= SAME_EVENT_SIMILARITY and similarity(a[5], b[5]) >= SAME_ARTICLE_COMMON_SIMILARITY
    return sim >= SAME_EVENT_SIMILARITY or (both_leads and sim > 0)


def build_timeline(corpus: Corpus, story: Story) -> list[dict]:
    """The story's dated events in date order, each with all its sources."""
    by_id = {a.id: a for a in corpus.articles}
    cutoff = background_cutoff(story_start(corpus, story, by_id))
    mentions, quoted = dated_sentences(story, by_id)
    # who spoke on that day: a speaker whose statement the date is outside of ("kata Andreas,
    # Senin", "mengatakan pada hari Senin bahwa …"); a date inside what was said ("pesawat
    # hilang kontak pada Minggu") dates what the speaker talks about, not the speaking
    voices = [{q.speaker.entity for q in quoted.get((m[1].id, m[2].id), ()) if not q.start <= m[3].start < q.end}
              for m in mentions]
    # a sentence joins the first event of its day it says the same thing as (within one article,
    # in its common words too), or, as two articles' leads, tells the same day at all; then the
    # events of one day that quote the same speaker are one (whatever order the articles were read in)
    lead = _leads(mentions)
    group = list(range(len(mentions)))
    members: dict[int, list[int]] = {}  # an event's first sentence -> its sentences
    for j in range(len(mentions)):
        # what the words say first; two leads' weaker tie only when no event says the same
        joined = next((i for leads_only in ((False, True) if lead[j] else (False,)) for i, its in members.items()
                       if mentions[i][0] == mentions[j][0] and any(
                           _same_event(mentions[k], mentions[j], leads_only and lead[k] and lead[j])
                           and not (voices[k] and voices[j] and voices[k].isdisjoint(voices[j]))  # two speakers' words
                           for k in its)), None)
        if joined is None:
            members[j] = [j]
        else:
            group[j] = joined
            members[joined].append(j)
    speakers_of: dict[int, set[str]] = {}
    for j, g in enumerate(group):
        speakers_of.setdefault(g, set()).update(voices[j])
    heads = sorted(speakers_of)
    for n, b in enumerate(heads):
        for a in heads[:n]:
            if group[a] == a and mentions[a][0] == mentions[b][0] and speakers_of[a] & speakers_of[b]:
                speakers_of[a] |= speakers_of[b]
                group = [a if g == b else g for g in group]
                break
    events: list[dict] = []
    event_of: dict[int, dict] = {}
    for j, (day, article, sentence, t, *_) in enumerate(mentions):
        event = event_of.get(group[j])
        if event is None:
            event = event_of[group[j]] = {
                "date": day.isoformat(),
                "text": article.text[sentence.start:sentence.end],
                "article": article.id,
                "sentence": sentence.id,
                "time": t.id,
                "sources": [],
                "sentences": [],
                # recalled from before the story (an earlier crash, 1997's disaster): kept, marked
                "background": bool(cutoff and day < cutoff),
            }
            events.append(event)
        if article.id not in event["sources"]:
            event["sources"].append(article.id)
        event["sentences"].append(sentence.id)
    return events


class TimelineStage(CorpusStage):
    """Fills ``story.timeline`` with the story's dated events."""

    name = "timeline"
    requires = ("corpus.stories", "article.times", "time.id", "article.quotes")
    assigns = ("story.timeline",)

    def __call__(self, corpus: Corpus, options: Options) -> None:
        for story in corpus.stories:
            story.timeline = build_timeline(corpus, story)
