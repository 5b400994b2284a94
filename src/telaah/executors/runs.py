"""Sharded, resumable runs over large inputs (``telaah run``).

The inputs are read as a stream and cut into shards of ``shard_size`` articles (in input
order, ids made unique across the whole run). Each shard's articles go through the
per-article stages on the chosen executor, and the shard is written to the output folder::

    OUT/run.json                     what was run (inputs, options): a rerun must match it
    OUT/shards/shard-00000.jsonl     one lossless article record a line (records.py)
    OUT/shards/shard-00000.sig.npz   the articles' MinHash signatures (near-duplicate map step)
    OUT/shards/shard-00000.gfeat     story-grouping features, and .gscan what grouping needs of
                                     the shard (ids, dates, offsets, document frequencies)
    OUT/shards/shard-00000.done      completion marker, written last (articles, digest, signature format)
    OUT/problems.jsonl               inputs that could not be read, with path, code, reason
    OUT/dossier.json                 the final dossier (cross-article stages over all shards)

A rerun reads the inputs again (cheap next to analysis), skips every shard whose marker is
there and whose articles are unchanged (same ids and texts: the digest), and analyses only the
rest; an interrupted run therefore loses at most the shards in flight. The final step loads
the shards in order, finds near-duplicates by reducing the stored signatures band by band
(mapreduce.py), and runs the remaining cross-article stages exactly as ``telaah analyze``
does, so both give the same dossier for the same input.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..document import Article, Corpus
from ..errors import TelaahError
from ..pipeline import CorpusStage, Options, Pipeline
from ..readers import InputProblem, claim_unique_id, read_inputs
from . import Executor, available_cpus, chunk
from .records import article_of_line, record_line

if TYPE_CHECKING:
    from .worker import ShardResult

RUN_FORMAT = "telaah.run/1"
DEFAULT_RUN_SHARD_SIZE = 500
# Up to this many articles ``output="auto"`` writes one dossier (all articles in memory, exactly
# what ``telaah analyze`` gives); above it, one dossier per story, streamed (streaming.py).
SINGLE_DOSSIER_MAX = 5000
OUTPUTS = ("auto", "dossier", "stories")


class RunError(TelaahError):
    """An output folder holds a different run, or a shard file is damaged."""

    code = "E501"


@dataclass
class RunReport:
    shards: int = 0
    shards_skipped: int = 0
    articles: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    ignored: int = 0
    dossier: dict | None = None
    stories: dict | None = None  # summary of a streamed finish (stories.jsonl)
    timings: dict = field(default_factory=dict)  # seconds per phase


def _shard_path(out: Path, k: int, suffix: str) -> Path:
    return out / "shards" / f"shard-{k:05d}{suffix}"


def _digest(articles: Sequence[Article]) -> str:
    h = hashlib.sha256()
    for a in articles:
        h.update(a.id.encode("utf-8", "surrogatepass") + b"\0")
        h.update(a.text.encode("utf-8", "surrogatepass") + b"\0")
        h.update((a.published.isoformat() if a.published else "-").encode() + b"\0")
    return h.hexdigest()


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _manifest(inputs: Sequence[str], options: Options, shard_size: int) -> dict:
    return {"format": RUN_FORMAT, "inputs": list(inputs), "shard_size": shard_size,
            "published": options.published.isoformat() if options.published else None,
            "max_bytes": options.max_bytes}


def _check_manifest(out: Path, manifest: dict) -> None:
    path = out / "run.json"
    if path.exists():
        try:
            old = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise RunError(f"{path} is not readable ({exc}); use a new --out folder") from None
        if old != manifest:
            changed = sorted(k for k in set(old) | set(manifest) if old.get(k) != manifest.get(k))
            raise RunError(f"{out} holds a run with different {', '.join(changed)}; "
                           "use a new --out folder (or delete it to start over)")
    else:
        out.mkdir(parents=True, exist_ok=True)
        _write_atomic(path, json.dumps(manifest, indent=1).encode())
    (out / "shards").mkdir(exist_ok=True)


def _unique(stream, report: RunReport) -> Iterator[Article]:
    """Articles from the reader stream with ids made unique across the run (as analyze does)."""
    seen: dict[str, int] = {}
    for item in stream:
        if isinstance(item, InputProblem):
            report.problems.append(item)
            continue
        if not isinstance(item, Article):
            report.ignored += 1
            continue
        yield claim_unique_id(item, seen)


def _is_done(out: Path, k: int, digest: str) -> bool:
    marker = _shard_path(out, k, ".done")
    if not marker.exists():
        return False
    from .mapreduce import SIGNATURE_FORMAT

    try:
        done = json.loads(marker.read_text("utf-8"))
    except (OSError, ValueError):
        return False
    # a shard whose signatures an older telaah wrote (no opening signature) is analysed again
    return done.get("digest") == digest and done.get("signatures") == SIGNATURE_FORMAT


def _save_shard(out: Path, k: int, result: ShardResult, digest: str) -> None:
    """Write a finished shard: records, then (when the worker built them) grouping features and
    scan, then signatures, and the completion marker last."""
    if result.records is not None:
        lines = result.records
        ids = result.scan.ids if result.scan is not None else []
    else:
        lines = [record_line(a) for a in result.articles]
        ids = [a.id for a in result.articles]
    _write_atomic(_shard_path(out, k, ".jsonl"), b"".join(lines))
    if result.group_features is not None and result.scan is not None:
        from .streaming import save_shard_scan

        save_shard_scan(out, k, result.group_features, result.scan)
    signatures = result.signatures or []
    mask = np.array([s is not None for s in signatures], dtype=bool)
    width = next((len(s) for s in signatures if s is not None), 0)
    sigs = np.zeros((len(signatures), width), dtype=np.uint64)
    for i, s in enumerate(signatures):
        if s is not None:
            sigs[i] = s
    tmp = _shard_path(out, k, ".sig.tmp.npz")
    np.savez(tmp, signatures=sigs, present=mask)
    os.replace(tmp, _shard_path(out, k, ".sig.npz"))
    from .mapreduce import SIGNATURE_FORMAT

    marker = {"articles": len(lines), "digest": digest, "first": ids[0] if ids else None,
              "last": ids[-1] if ids else None, "signatures": SIGNATURE_FORMAT}
    _write_atomic(_shard_path(out, k, ".done"), json.dumps(marker).encode())


def load_signatures(out: Path, k: int) -> tuple[np.ndarray, np.ndarray]:
    """One finished shard's MinHash signatures (a row per article) and which rows are real."""
    try:
        data = np.load(_shard_path(out, k, ".sig.npz"))
        return data["signatures"], data["present"]
    except (OSError, ValueError, KeyError) as exc:
        raise RunError(f"shard {k} in {out} is damaged ({exc}); delete {_shard_path(out, k, '.done')} "
                       "and run again to redo it") from None


def load_shard(out: Path, k: int) -> tuple[list[Article], list]:
    """The articles and signatures of one finished shard."""
    path = _shard_path(out, k, ".jsonl")
    try:
        with path.open("rb") as fh:
            articles = [article_of_line(line) for line in fh if line.strip()]
        data = np.load(_shard_path(out, k, ".sig.npz"))
        sigs = [row.copy() if present else None for row, present in zip(data["signatures"], data["present"])]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RunError(f"shard {k} in {out} is damaged ({exc}); delete {_shard_path(out, k, '.done')} "
                       "and run again to redo it") from None
    if len(sigs) != len(articles):
        raise RunError(f"shard {k} in {out}: {len(articles)} articles but {len(sigs)} signatures; "
                       f"delete {_shard_path(out, k, '.done')} and run again")
    return articles, sigs


class _KnownDuplicates(CorpusStage):
    """The duplicates stage with its answer already reduced from the shards' signatures."""

    name = "duplicates"
    requires = ("article.sentences",)
    assigns = ("article.duplicate_of",)

    def __init__(self, found: dict[str, str]):
        self.found = found

    def __call__(self, corpus: Corpus, options: Options) -> None:
        for article in corpus.articles:
            article.duplicate_of = self.found.get(article.id)


def run_sharded(inputs: Sequence[str], out: str | Path, options: Options | None = None,
                executor: Executor | None = None, shard_size: int = DEFAULT_RUN_SHARD_SIZE,
                pipeline: Pipeline | None = None, finish: bool = True, stdin=None,
                progress=None, output: str = "auto", say=None) -> RunReport:
    """Analyse ``inputs`` shard by shard into ``out`` (resuming), then build the dossier
    (``output="dossier"``), one dossier per story streamed into ``stories.jsonl``
    (``"stories"``), or whichever fits the size (``"auto"``: see SINGLE_DOSSIER_MAX)."""
    import time
    from ..analyze import default_pipeline

    options = options or Options()
    pipeline = pipeline or default_pipeline()
    executor = executor or Executor()
    out = Path(out)
    if shard_size <= 0:
        raise RunError(f"shard size must be positive, got {shard_size}")
    if output not in OUTPUTS:
        raise RunError(f"output must be one of {', '.join(OUTPUTS)}, got {output!r}")
    _check_manifest(out, _manifest(inputs, options, shard_size))
    report = RunReport()
    stream = read_inputs(inputs, options.published, options.max_bytes, stdin=stdin)
    in_flight: deque = deque()

    def todo() -> Iterator[list[Article]]:
        for k, shard in enumerate(chunk(_unique(stream, report), shard_size)):
            report.shards += 1
            report.articles += len(shard)
            for a in shard:
                if a.published is None and options.published is not None:
                    a.published = options.published
            digest = _digest(shard)
            if _is_done(out, k, digest):
                report.shards_skipped += 1
                continue
            in_flight.append((k, digest))
            yield shard

    started = time.perf_counter()
    # the workers build the records and the story-grouping map step; this process only writes
    for result in executor.map_shards(pipeline, options, todo(), signatures=True, stored=True):
        k, digest = in_flight.popleft()
        _save_shard(out, k, result, digest)
        if progress:
            progress(k, result.size)
    problems = "".join(json.dumps({"path": p.path, "code": p.code, "reason": p.reason}, ensure_ascii=False) + "\n"
                       for p in report.problems)
    _write_atomic(out / "problems.jsonl", problems.encode("utf-8"))
    report.timings["analysis_s"] = round(time.perf_counter() - started, 2)
    if finish:
        t = time.perf_counter()
        if output == "stories" or (output == "auto" and report.articles > SINGLE_DOSSIER_MAX):
            from .streaming import finish_streaming

            report.stories = finish_streaming(out, report.shards, options, pipeline,
                                              workers=min(max(1, getattr(executor, "workers", 1)), available_cpus()),
                                              timings=report.timings, progress=say)
        else:
            report.dossier = finish_run(out, report.shards, options, pipeline)
        report.timings["cross_article_s"] = round(time.perf_counter() - t, 2)
        summary = {"articles": report.articles, "shards": report.shards, "shards_skipped": report.shards_skipped,
                   "timings_s": report.timings, **(report.stories or {"output": str(out / "dossier.json")})}
        _write_atomic(out / "summary.json", (json.dumps(summary, indent=1) + "\n").encode("utf-8"))
    return report


def finish_run(out: str | Path, shards: int, options: Options | None = None,
               pipeline: Pipeline | None = None) -> dict:
    """The cross-article stages over every shard of a run; writes and returns the dossier."""
    from ..analyze import default_pipeline
    from ..dossier import to_dossier, validate
    from .mapreduce import duplicate_input, near_duplicates
    from ..stories.duplicates import body_text

    options = options or Options()
    pipeline = pipeline or default_pipeline()
    out = Path(out)
    articles: list[Article] = []
    items = []
    for k in range(shards):
        arts, sigs = load_shard(out, k)
        articles.extend(arts)
        items.extend(duplicate_input(a, s) for a, s in zip(arts, sigs))
    threshold = next((getattr(s, "threshold") for s in pipeline.corpus_stages
                      if s.name == "duplicates" and hasattr(s, "threshold")), None)
    kwargs = {"threshold": threshold} if threshold is not None else {}
    by_id = {a.id: a for a in articles}
    found = near_duplicates(items, lambda i: body_text(articles[i]), article_of=by_id.get, **kwargs)
    stages = [(_KnownDuplicates(found) if s.name == "duplicates" else s) for s in pipeline.corpus_stages]
    corpus = Corpus(articles=articles)
    for stage in stages:
        stage(corpus, options)
        corpus.done.add(stage.name)
    dossier = to_dossier(corpus)
    validate(dossier)
    _write_atomic(out / "dossier.json", (json.dumps(dossier, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return dossier
