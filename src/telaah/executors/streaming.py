"""The final step of a large ``telaah run``, streamed: one dossier per story, never all articles.

``runs.finish_run`` holds every article in memory and writes one dossier; past a few thousand
articles that costs gigabytes. This step does the same cross-article work as map/reduce steps
over the finished shards and writes ``OUT/stories.jsonl``, one dossier per story a line (the
format of ``telaah export --format jsonl``):

1. **map** (in the analysis workers, as each shard is analysed: ``shard_outputs``): each
   article's story-grouping features (saved beside the shard, ``.gfeat``) and the shard's
   ``ShardScan`` (``.gscan``: ids, firm dates, file offsets, document frequencies). Shards
   finished by an older telaah are scanned here instead (``scan_shard``).
2. **reduce near-duplicates** from the MinHash signatures the analysis already stored
   (``mapreduce.near_duplicates``; only candidate pairs' texts are read back).
3. **stories per time window**: document frequencies merged over all shards, then one online
   pass in time order in which each article meets only the stories open in its window; the
   articles themselves are not loaded, only their saved features. A large run (at least
   ``PARALLEL_GROUPING_MIN`` articles over enough days) is cut into one time segment per
   worker, each grouped in a worker after replaying the windows before it, and the segments'
   stories are merged here (``plan_segments``, ``group_segment``, ``merge_segments``).
4. **per-story stages** (process pool): when a story leaves the window it can grow no more, so
   a worker reads its articles back from the shards and runs every corpus stage but grouping
   on them (``store.ingest.analyse_story``: entities merged within the story, ids prefixed
   with the story id). Memory therefore depends on the stories open at once, not on the run.

Differences from the in-memory dossier, by design: entities are merged within each story (not
across the whole run) before grouping sees them, and a near-copy that arrives after its
original's story closed reopens it; that story's dossier is then written again (the last
line for a story id wins; ``summary.json`` counts them). Segmented grouping can differ from
one pass near a segment's start, where a story open across the cut is rebuilt from the
replayed windows only (on IndoSum split 2, 4 and 6 ways, and on 10,000 generated articles
split 2 ways, the stories were identical; split 6 ways, 5 of 9,143 differed).
"""
from __future__ import annotations

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
from .jsonl import dumps_line
from .records import article_of_line

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


def grouping_scan(articles: list[Article], offsets: list[int], config) -> tuple[list[bytes], ShardScan]:
    """Each article's grouping features (pickled) and the ShardScan of these articles, whose
    records start at ``offsets`` in the shard file; document frequencies of these articles only."""
    from ..stories.grouping import StoryGrouper, firm_date

    grouper = StoryGrouper(replace(config, background=False))  # counts of these articles only
    blobs = []
    scan = ShardScan()
    feature_offset = 0
    for article, offset in zip(articles, offsets):
        grouper.observe(article)
        blob = pickle.dumps(grouper._features.pop(article.id), protocol=pickle.HIGHEST_PROTOCOL)
        day = firm_date(article)
        scan.ids.append(article.id)
        scan.days.append(day.toordinal() if day else None)
        scan.offsets.append(offset)
        scan.feature_offsets.append(feature_offset)
        feature_offset += len(blob)
        blobs.append(blob)
    scan.documents, scan.df = grouper.documents, grouper.df
    return blobs, scan


def shard_outputs(articles: list[Article], config) -> tuple[list[bytes], list[bytes], ShardScan]:
    """Map step where the analysed articles are (the analysis worker): each article's record
    line, and its grouping features and the shard's ShardScan (``grouping_scan``)."""
    from .records import record_line

    lines = [record_line(a) for a in articles]
    offsets, offset = [], 0
    for line in lines:
        offsets.append(offset)
        offset += len(line)
    blobs, scan = grouping_scan(articles, offsets, config)
    return lines, blobs, scan


def save_shard_scan(out: Path, k: int, features: list[bytes], scan: ShardScan) -> None:
    """Write shard ``k``'s grouping features (``.gfeat``) and ShardScan (``.gscan``), built by
    the analysis worker; called before the shard's completion marker."""
    for suffix, data in ((".gfeat", b"".join(features)),
                         (".gscan", pickle.dumps(scan, protocol=pickle.HIGHEST_PROTOCOL))):
        tmp = _path(out, k, suffix + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, _path(out, k, suffix))


def load_shard_scan(out: str, k: int, config) -> ShardScan:
    """Shard ``k``'s ShardScan as analysis saved it, or (a shard finished by an older telaah,
    or by ``--output dossier``) computed now by reading the shard back."""
    out_path = Path(out)
    try:
        if _path(out_path, k, ".gfeat").exists():
            scan = pickle.loads(_path(out_path, k, ".gscan").read_bytes())
            if isinstance(scan, ShardScan):
                return scan
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    return scan_shard(out, k, config)


def scan_shard(out: str, k: int, config) -> ShardScan:
    """The grouping map step for a shard finished without it (an older telaah): read its
    records back, then save features and scan as analysis would have."""
    articles, offsets, offset = [], [], 0
    with _path(Path(out), k, ".jsonl").open("rb") as src:
        for line in src:
            here, offset = offset, offset + len(line)
            if line.strip():
                articles.append(article_of_line(line))
                offsets.append(here)
    blobs, scan = grouping_scan(articles, offsets, config)
    save_shard_scan(Path(out), k, blobs, scan)
    return scan


# Story grouping splits into time windows, one per worker, only for runs at least this large
# that span at least MIN_SEGMENT_WINDOWS grouping windows per segment; below, one pass in time
# order (exactly the grouping ``telaah analyze`` does).
PARALLEL_GROUPING_MIN = 20_000
MIN_SEGMENT_WINDOWS = 4
WARM_WINDOWS = 2  # a segment first replays this many windows of the previous one


def plan_segments(days: list[int | None], parts: int, window: float | None,
                  minimum: int = PARALLEL_GROUPING_MIN) -> list[tuple[int, int, int]]:
    """Cut the time order into ``parts`` segments of about equal size at day boundaries, as
    ``(warm, start, end)`` positions: a segment groups ``days[warm:end]`` but owns only
    ``[start, end)``. The ``warm`` part replays the ``WARM_WINDOWS`` grouping windows before its
    start, so the stories open when the segment begins exist again, and the merge can tie each
    continuation to the story the previous segment built. Undated articles (``None``, last in
    the order) go to the last segment. One segment when the run is small, short, or windowless."""
    n = len(days)
    dated = sum(1 for d in days if d is not None)
    if parts <= 1 or window is None or n < minimum or dated == 0:
        return [(0, 0, n)]
    span = MIN_SEGMENT_WINDOWS * window
    starts = [0]
    for part in range(1, parts):
        cut = max(starts[-1] + 1, dated * part // parts)
        while cut < dated and days[cut] == days[cut - 1]:
            cut += 1
        if cut >= dated or days[cut] - days[starts[-1]] < span or days[dated - 1] - days[cut] < span:
            continue
        starts.append(cut)
    segments = []
    for m, start in enumerate(starts):
        end = starts[m + 1] if m + 1 < len(starts) else n
        warm = start
        if start:
            earliest = days[start] - WARM_WINDOWS * window
            while warm > 0 and days[warm - 1] >= earliest:
                warm -= 1
        segments.append((warm, start, end))
    return segments


def group_segment(out: str, df_path: str, config, items: list[tuple]) -> list[list[int]]:
    """Per-segment step (in a worker): one online grouping pass over the segment's articles in
    time order, from their saved features, with the run's document frequencies. ``items`` are
    (index, id, shard, feature offset, day or None, original of a near-copy or None); returns
    the stories as lists of indices, in the order they were opened."""
    from ..stories.grouping import StoryGrouper

    grouper = StoryGrouper(replace(config, background=False))
    grouper.documents, df = pickle.loads(Path(df_path).read_bytes())
    grouper.df = Counter(df)
    grouper._observed = {item[1] for item in items}  # already counted in the run's frequencies
    index = {}
    features = _Files(Path(out), ".gfeat")
    try:
        for i, aid, k, feature_offset, day, original in items:
            index[aid] = i
            grouper._features[aid] = pickle.load(features.at(k, feature_offset))
            grouper.add(Article(id=aid, text="", published=date.fromordinal(day) if day is not None else None,
                                duplicate_of=original))
    finally:
        features.close()
    return [[index[m] for m in c.members] for c in grouper.clusters]


def merge_segments(order: list[int], segments: list[tuple[int, int, int]], results: list[list[list[int]]],
                   ids: list[str], copies: dict[str, str]) -> list[list[int]]:
    """Join the segments' stories into the run's stories (lists of indices in time order,
    earliest story first). A segment's story that also holds replayed (warm) articles continues
    the earlier story holding most of them; a near-copy whose original lies before the segment
    joins its original's story, as in one pass."""
    parent = list(range(len(ids)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        a, b = find(a), find(b)
        if a != b:
            parent[max(a, b)] = min(a, b)

    index_of = {aid: i for i, aid in enumerate(ids)}
    for (warm, start, end), stories in zip(segments, results):
        owned = set(order[start:end])
        seen = owned | set(order[warm:start])
        for members in stories:
            own = [i for i in members if i in owned]
            if not own:
                continue  # only replayed articles: the previous segment placed them
            for i in own[1:]:
                union(own[0], i)
            replayed = [i for i in members if i not in owned]
            if replayed:
                # the story with most replayed members; ties go to the one joined last
                anchor = Counter(find(i) for i in reversed(replayed)).most_common(1)[0][0]
                union(anchor, own[0])
            for i in own:
                original = copies.get(ids[i])
                if original is not None and index_of.get(original) is not None and index_of[original] not in seen:
                    union(index_of[original], own[0])
    groups: dict[int, list[int]] = {}
    for i in order:
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


@dataclass
class _Cluster:
    """What ``emit`` needs of a merged story: its number and members."""

    id: int
    members: list[str]


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
    return article_of_line(files.at(k, offset).readline())


_BLAS: object = None  # threadpoolctl's controller, found once per process (False: none)
_BLAS_PINNED = False  # this process runs BLAS on one thread for good (a story worker)


def one_blas_thread():
    """A context in which BLAS runs on one thread. A story's matrices are small (tens of
    sentences): OpenBLAS waking its threads for each product cost ~0.5 ms a product, more than
    the product itself, and the worker processes already use every core. One thread also
    makes the products independent of the machine's core count."""
    global _BLAS
    if _BLAS_PINNED:
        return nullcontext()  # entering and leaving the limit cost about 4% of a story's time
    if _BLAS is None:
        try:
            from threadpoolctl import ThreadpoolController

            _BLAS = ThreadpoolController()
        except Exception:  # noqa: BLE001 - only a speed-up
            _BLAS = False
    return _BLAS.limit(limits=1, user_api="blas") if _BLAS else nullcontext()


def story_dossier(out: str, story_id: str, members: list[tuple[int, int]], copies: dict[str, str],
                  options: Options) -> tuple[str, int, bytes]:
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
    return story_id, len(articles), dumps_line(dossier)


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

    return ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_init_story_worker)


def _init_story_worker() -> None:
    """A worker of the cross-article steps, a process of its own: fewer collections, and BLAS
    on one thread for its whole life instead of per story (see ``one_blas_thread``)."""
    global _BLAS_PINNED
    from .worker import tune_collector

    tune_collector()
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
        _BLAS_PINNED = True
    except Exception:  # noqa: BLE001 - only a speed-up; one_blas_thread limits per story then
        pass


def finish_streaming(out: str | Path, shards: int, options: Options | None = None,
                     pipeline: Pipeline | None = None, workers: int = 1,
                     timings: dict | None = None, progress: Callable[[str], None] | None = None,
                     segments: int | None = None) -> dict:
    """Cross-article stages over every shard of a run, streamed; writes ``stories.jsonl`` and
    ``summary.json`` and returns the summary. ``segments``: time windows grouped in parallel
    (default: one per worker, where the run is large enough; see ``plan_segments``)."""
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
        for s in pool.map(load_shard_scan, [str(out)] * shards, range(shards), [config] * shards):
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
        position = {aid: i for i, aid in enumerate(ids)}

        def article_of(aid: str):
            i = position.get(aid)
            return read_article(records, shard_of[i], offset_of[i]) if i is not None else None

        copies = near_duplicates(items, lambda i: body_text(read_article(records, shard_of[i], offset_of[i])),
                                 article_of=article_of, **kwargs)
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
        sink = tmp.open("wb")

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

        order = sorted(range(len(ids)), key=lambda i: (days[i] if days[i] is not None else MAX_DAY, i))
        segments = plan_segments([days[i] for i in order], workers if segments is None else segments,
                                 config.window_days, PARALLEL_GROUPING_MIN if segments is None else 0)
        if len(segments) == 1:
            # one online pass in time order, each story's dossier sent off as soon as it closes
            grouper.on_close = emit
            features = _Files(out, ".gfeat")
            for i in order:
                aid = ids[i]
                grouper._features[aid] = pickle.load(features.at(shard_of[i], feature_offset[i]))
                day = days[i]
                grouper.add(Article(id=aid, text="", published=date.fromordinal(day) if day is not None else None,
                                    duplicate_of=copies.get(aid)))
            features.close()
            for c in grouper.clusters:
                emit(c)
            stories = [len(c.members) for c in grouper.clusters]
        else:
            # stories per time window, one window per worker, merged here (see plan_segments)
            df_path = out / "grouping-df.pickle"
            df_path.write_bytes(pickle.dumps((grouper.documents, dict(grouper.df)), protocol=pickle.HIGHEST_PROTOCOL))
            del grouper
            jobs = [pool.submit(group_segment, str(out), str(df_path), config,
                                [(i, ids[i], shard_of[i], feature_offset[i], days[i], copies.get(ids[i]))
                                 for i in order[warm:end]])
                    for warm, _, end in segments]
            results = [job.result() for job in jobs]
            df_path.unlink(missing_ok=True)
            groups = merge_segments(order, segments, results, ids, copies)
            stories = []
            for number, members in enumerate(groups, 1):
                story = _Cluster(number - 1, [ids[i] for i in members])
                emit(story)
                stories.append(len(members))
        grouping_s = time.perf_counter() - t
        w = time.perf_counter()
        collect(block=True)
        sink.close()
        os.replace(tmp, out / "stories.jsonl")
        timings["grouping_s"] = round(grouping_s - waited[0], 2)
        timings["story_stages_wait_s"] = round(waited[0] + time.perf_counter() - w, 2)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    summary = {"articles": len(ids), "stories": len(stories),
               "multi_article_stories": sum(1 for n in stories if n > 1), "grouping_segments": len(segments),
               "near_duplicates": len(copies), "dossiers_written": written["stories"],
               "dossiers_rewritten": written["rewritten"], "output": str(out / "stories.jsonl")}
    return summary

