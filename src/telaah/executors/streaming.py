"""The final step of a large ``telaah run``, streamed: one dossier per story, never all articles.

``runs.finish_run`` holds every article in memory and writes one dossier; past a few thousand
articles that costs gigabytes. This step does the same cross-article work as map/reduce steps
over the finished shards and writes ``OUT/stories.jsonl``, one dossier per story a line (the
format of ``telaah export --format jsonl``):

1. **map** (process pool, one task per shard): read the shard's article records, compute each
   article's story-grouping features (saved beside the shard, ``.gfeat``) and the shard's
   document frequencies; keep only each article's id, firm date and file offsets.
2. **reduce near-duplicates** from the MinHash signatures the analysis already stored
   (``mapreduce.near_duplicates``; only candidate pairs' texts are read back).
3. **stories per time window** (this process): document frequencies merged over all shards,
   then one online pass in time order in which each article meets only the stories open in
   its window; the articles themselves are not loaded, only their saved features.
4. **per-story stages** (process pool): when a story leaves the window it can grow no more, so
   a worker reads its articles back from the shards and runs every corpus stage but grouping
   on them (``store.ingest.analyse_story``: entities merged within the story, ids prefixed
   with the story id). Memory therefore depends on the stories open at once, not on the run.

Differences from the in-memory dossier, by design: entities are merged within each story (not
across the whole run) before grouping sees them, and a near-copy that arrives after its
original's story closed reopens it; that story's dossier is then written again (the last
line for a story id wins; ``summary.json`` counts them).
"""
from __future__ import annotations

import json
import os
import pickle
import time
from collections import Counter, deque
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ..document import Article
from ..pipeline import Options, Pipeline
from .records import article_from_record

MAX_DAY = date.max.toordinal()


@dataclass
class ShardScan:
    """What the map step keeps of one shard: no text, only what grouping and the reduce need."""

    documents: int = 0
    df: Counter = field(default_factory=Counter)
    ids: list[str] = field(default_factory=list)
    days: list[int | None] = field(default_factory=list)  # firm date (ordinal) or None
    offsets: list[int] = field(default_factory=list)  # of the record in shard-k.jsonl
    feature_offsets: list[int] = field(default_factory=list)  # of its features in shard-k.gfeat


def _path(out: Path, k: int, suffix: str) -> Path:
    return out / "shards" / f"shard-{k:05d}{suffix}"


def grouping_config(pipeline: Pipeline, options: Options):
    """The grouping configuration the pipeline's story stage would use for these options."""
    from ..stories.grouping import GroupingConfig

    stage = next((s for s in pipeline.corpus_stages if "corpus.stories" in s.assigns), None)
    config = getattr(stage, "config", None) or GroupingConfig()
    threshold = options.extras.get("story_threshold") if options.extras else None
    return replace(config, threshold=float(threshold)) if threshold is not None else config


def scan_shard(out: str, k: int, config) -> ShardScan:
    """Map step: grouping features and document frequencies of shard ``k`` (features written
    to ``shard-k.gfeat``, one pickle per article)."""
    from ..stories.grouping import StoryGrouper, firm_date

    out_path = Path(out)
    grouper = StoryGrouper(replace(config, background=False))  # counts of this shard only
    scan = ShardScan()
    tmp = _path(out_path, k, ".gfeat.tmp")
    with _path(out_path, k, ".jsonl").open("rb") as src, tmp.open("wb") as feats:
        offset = 0
        for line in src:
            here, offset = offset, offset + len(line)
            if not line.strip():
                continue
            article = article_from_record(json.loads(line))
            grouper.observe(article)
            day = firm_date(article)
            scan.ids.append(article.id)
            scan.days.append(day.toordinal() if day else None)
            scan.offsets.append(here)
            scan.feature_offsets.append(feats.tell())
            pickle.dump(grouper._features.pop(article.id), feats, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, _path(out_path, k, ".gfeat"))
    scan.documents, scan.df = grouper.documents, grouper.df
    return scan


class _Files:
    """Open shard files by number (random access to records and features)."""

    def __init__(self, out: Path, suffix: str):
        self.out, self.suffix, self.open = out, suffix, {}

    def at(self, k: int, offset: int):
        fh = self.open.get(k)
        if fh is None:
            fh = self.open[k] = _path(self.out, k, self.suffix).open("rb")
        fh.seek(offset)
        return fh

    def close(self) -> None:
        for fh in self.open.values():
            fh.close()
        self.open.clear()


def read_article(files: _Files, k: int, offset: int) -> Article:
    return article_from_record(json.loads(files.at(k, offset).readline()))


_BLAS: object = None  # threadpoolctl's controller, found once per process (False: none)


def one_blas_thread():
    """A context in which BLAS runs on one thread. A story's matrices are small (tens of
    sentences): OpenBLAS waking its threads for each product cost ~0.5 ms a product, more than
    the product itself, and the worker processes already use every core. One thread also
    makes the products independent of the machine's core count."""
    global _BLAS
    if _BLAS is None:
        try:
            from threadpoolctl import ThreadpoolController

            _BLAS = ThreadpoolController()
        except Exception:  # noqa: BLE001 - only a speed-up
            _BLAS = False
    return _BLAS.limit(limits=1, user_api="blas") if _BLAS else nullcontext()


def story_dossier(out: str, story_id: str, members: list[tuple[int, int]], copies: dict[str, str],
                  options: Options) -> tuple[str, int, str]:
    """Per-story step (in a worker): read the story's articles back and build its dossier."""
    from ..store.ingest import analyse_story

    files = _Files(Path(out), ".jsonl")
    try:
        articles = [read_article(files, k, off) for k, off in members]
    finally:
        files.close()
    for a in articles:
        a.duplicate_of = copies.get(a.id)
    with one_blas_thread():
        dossier = analyse_story(story_id, articles, options)
    return story_id, len(articles), json.dumps(dossier, ensure_ascii=False) + "\n"


class _Inline:
    """Stands in for a process pool when there is one worker: runs each task at once."""

    class _Done:
        def __init__(self, value):
            self.value = value

        def result(self):
            return self.value

    def map(self, fn, *iterables):
        return map(fn, *iterables)

    def submit(self, fn, *args):
        return self._Done(fn(*args))

    def shutdown(self, **kwargs) -> None:
        pass


def _pool(workers: int):
    if workers <= 1:
        return _Inline()
    from concurrent.futures import ProcessPoolExecutor

    from .local import _context

    return ProcessPoolExecutor(max_workers=workers, mp_context=_context())


def finish_streaming(out: str | Path, shards: int, options: Options | None = None,
                     pipeline: Pipeline | None = None, workers: int = 1,
                     timings: dict | None = None, progress: Callable[[str], None] | None = None) -> dict:
    """Cross-article stages over every shard of a run, streamed; writes ``stories.jsonl`` and
    ``summary.json`` and returns the summary."""
    from ..analyze import default_pipeline
    from ..stories.duplicates import body_text
    from ..stories.grouping import StoryGrouper
    from .mapreduce import DuplicateInput, near_duplicates
    from .runs import RunError, load_signatures

    options = options or Options()
    pipeline = pipeline or default_pipeline()
    out = Path(out)
    timings = timings if timings is not None else {}
    say = progress or (lambda msg: None)
    config = grouping_config(pipeline, options)
    pool = _pool(workers)
    try:
        # 1. map: features and document frequencies per shard
        t = time.perf_counter()
        grouper = StoryGrouper(config)
        scans: list[ShardScan] = []
        for s in pool.map(scan_shard, [str(out)] * shards, range(shards), [config] * shards):
            grouper.absorb(s.documents, s.df, s.ids)  # document frequencies, merged as they come
            s.df = Counter()
            scans.append(s)
        timings["group_features_map_s"] = round(time.perf_counter() - t, 2)
        say(f"grouping features of {sum(len(s.ids) for s in scans)} articles computed")
        shard_of: list[int] = []
        offset_of: list[int] = []
        ids: list[str] = []
        days: list[int | None] = []
        for k, s in enumerate(scans):
            shard_of.extend([k] * len(s.ids))
            offset_of.extend(s.offsets)
            ids.extend(s.ids)
            days.extend(s.days)
        # 2. reduce: near-duplicates from the stored signatures
        t = time.perf_counter()
        items = []
        for k, s in enumerate(scans):
            sigs, present = load_signatures(out, k)
            if len(present) != len(s.ids):
                raise RunError(f"shard {k} in {out}: {len(s.ids)} articles but {len(present)} signatures; "
                               f"delete {_path(out, k, '.done')} and run again")
            for n, aid in enumerate(s.ids):
                day = s.days[n]
                items.append(DuplicateInput(aid, date.fromordinal(day) if day is not None else None,
                                            sigs[n] if present[n] else None))
        records = _Files(out, ".jsonl")
        threshold = next((getattr(st, "threshold") for st in pipeline.corpus_stages
                          if st.name == "duplicates" and hasattr(st, "threshold")), None)
        kwargs = {"threshold": threshold} if threshold is not None else {}
        copies = near_duplicates(items, lambda i: body_text(read_article(records, shard_of[i], offset_of[i])),
                                 **kwargs)
        records.close()
        del items
        timings["near_duplicates_s"] = round(time.perf_counter() - t, 2)
        say(f"near-duplicates: {len(copies)} copies found")

        # 3 and 4. stories per time window; each story's dossier as soon as it closes
        t = time.perf_counter()
        feature_offset = [o for s in scans for o in s.feature_offsets]
        del scans
        index_of = {aid: i for i, aid in enumerate(ids)}
        emitted: dict[int, int] = {}  # story number -> members when its dossier was last sent
        pending: deque = deque()
        written = {"stories": 0, "rewritten": 0, "articles": 0}
        waited = [0.0]
        tmp = out / "stories.jsonl.tmp"
        sink = tmp.open("w", encoding="utf-8")

        def collect(block: bool) -> None:
            while pending and (block or len(pending) >= 4 * max(1, workers)):
                w = time.perf_counter()
                _, n, line = pending.popleft().result()
                waited[0] += time.perf_counter() - w
                sink.write(line)
                written["stories"] += 1
                written["articles"] += n

        def emit(c) -> None:
            if emitted.get(c.id) == len(c.members):
                return
            if c.id in emitted:
                written["rewritten"] += 1
            emitted[c.id] = len(c.members)
            members = [(shard_of[index_of[m]], offset_of[index_of[m]]) for m in c.members]
            member_copies = {m: copies[m] for m in c.members if m in copies}
            pending.append(pool.submit(story_dossier, str(out), f"s{c.id + 1}", members, member_copies, options))
            collect(block=False)

        grouper.on_close = emit
        features = _Files(out, ".gfeat")
        order = sorted(range(len(ids)), key=lambda i: (days[i] if days[i] is not None else MAX_DAY, i))
        for i in order:
            aid = ids[i]
            grouper._features[aid] = pickle.load(features.at(shard_of[i], feature_offset[i]))
            day = days[i]
            grouper.add(Article(id=aid, text="", published=date.fromordinal(day) if day is not None else None,
                                duplicate_of=copies.get(aid)))
        features.close()
        for c in grouper.clusters:
            emit(c)
        grouping_s = time.perf_counter() - t
        w = time.perf_counter()
        collect(block=True)
        sink.close()
        os.replace(tmp, out / "stories.jsonl")
        timings["grouping_s"] = round(grouping_s - waited[0], 2)
        timings["story_stages_wait_s"] = round(waited[0] + time.perf_counter() - w, 2)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    for k in range(shards):
        _path(out, k, ".gfeat").unlink(missing_ok=True)
    summary = {"articles": len(ids), "stories": len(grouper.clusters),
               "multi_article_stories": sum(1 for c in grouper.clusters if len(c.members) > 1),
               "near_duplicates": len(copies), "dossiers_written": written["stories"],
               "dossiers_rewritten": written["rewritten"], "output": str(out / "stories.jsonl")}
    return summary

