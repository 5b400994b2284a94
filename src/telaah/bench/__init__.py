"""``telaah bench``: speed and memory of telaah on IndoSum-derived article sets.

Measures, in one run: model load times; ms/article and articles/s for every per-article stage
and end to end (on ~500-word documents recombined from real IndoSum paragraphs, see
``data.py``); the corpus stages; the single process against the local process pool (and Ray
with ``--ray``), with the scaling efficiency; story grouping and near-duplicate time at growing
set sizes with the fitted growth exponent; dateparser's ``search_dates`` against telaah's time
stage and trafilatura's extraction on HTML versions of the same articles; peak resident memory.
Prints a table and, with ``--json``, writes every figure so runs compare between commits.

Timings depend on the machine and its load: run on a quiet machine (``make bench``).
"""
from __future__ import annotations

import json
import math
import os
import platform
import resource
import sys
import time
from datetime import datetime, timezone

from ..document import Article, Corpus
from ..pipeline import Options

QUICK = {"articles": 12, "sizes": (30, 60, 120), "sample": 2, "workers": 2, "sources": 120, "window": (20, 40)}
WINDOW_SIZES = (500, 1000, 2000, 4000)  # articles all in one time window
INDOSUM_PER_DAY = 5  # IndoSum dev before July 2017: 1,469 articles over 291 days


def peak_rss_mb() -> dict[str, float]:
    """Peak resident memory of this process and of its finished children (Linux: KiB units)."""
    scale = 1 / 1024 if sys.platform != "darwin" else 1 / (1024 * 1024)
    return {"self": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale, 1),
            "children": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale, 1)}


def growth_exponent(sizes: list[int], seconds: list[float]) -> float | None:
    """Least-squares slope of log(time) on log(size): 1 is linear, 2 quadratic."""
    pts = [(math.log(n), math.log(t)) for n, t in zip(sizes, seconds) if n > 0 and t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return round(sum((x - mx) * (y - my) for x, y in pts) / sxx, 3) if sxx else None


def _timed(fn, *args, **kwargs):
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t


def _copy(articles: list[Article]) -> list[Article]:
    return [Article(id=a.id, text=a.text, published=a.published) for a in articles]


def measure_loads() -> dict[str, float]:
    """Seconds to load each model (first call in this process; later calls are free)."""
    from ..entities.recognize import load_model
    from ..stories.grouping import background_df
    from ..text.language import _identifier

    out = {}
    for name, fn in (("ner_crf_and_gazetteer", load_model), ("language_id", _identifier),
                     ("story_background_df", background_df)):
        out[name] = round(_timed(fn)[1], 4)
    return out


def measure_stages(articles: list[Article]) -> dict:
    """ms/article for each per-article stage, in this process, after one warm-up article."""
    from ..analyze import default_pipeline
    from ..text.tokens import tokenize

    pipeline, options = default_pipeline(), Options()
    warm = _copy(articles[:1])
    t0 = time.perf_counter()
    pipeline.process_article(warm[0], options)
    first = time.perf_counter() - t0
    arts = _copy(articles)
    per = {s.name: 0.0 for s in pipeline.article_stages}
    t0 = time.perf_counter()
    for a in arts:
        for stage in pipeline.article_stages:
            t = time.perf_counter()
            stage(a, options)
            per[stage.name] += time.perf_counter() - t
    total = time.perf_counter() - t0
    n = len(arts)
    tokens = sum(len(tokenize(a.text, s.start, s.end)) for a in arts for s in a.sentences)
    corpus_times = {}
    corpus = Corpus(articles=arts)
    t1 = time.perf_counter()
    for stage in pipeline.corpus_stages:
        t = time.perf_counter()
        stage(corpus, options)
        corpus_times[stage.name] = round(1000 * (time.perf_counter() - t) / n, 3)
    corpus_total = time.perf_counter() - t1
    return {
        "articles": n,
        "words_per_article": round(sum(len(a.text.split()) for a in arts) / n, 1),
        "first_article_s": round(first, 4),
        "stage_ms_per_article": {k: round(1000 * v / n, 3) for k, v in per.items()},
        "per_article_ms": round(1000 * total / n, 3),
        "per_article_articles_per_s": round(n / total, 2),
        "ner_tokens_per_s": round(tokens / per["entities"]) if per.get("entities") else None,
        "corpus_stage_ms_per_article": corpus_times,
        "corpus_ms_per_article": round(1000 * corpus_total / n, 3),
        "end_to_end_articles_per_s": round(n / (total + corpus_total), 2),
    }


def measure_executors(articles: list[Article], workers: int, use_ray: bool) -> dict:
    """Per-article stages over the same articles: one process against the parallel executors."""
    from ..analyze import default_pipeline
    from ..executors import Executor, make_executor, shard_size_for

    pipeline, options = default_pipeline(), Options()
    size = shard_size_for(len(articles), workers)
    out: dict = {"workers": workers, "shard_size": size}
    _, serial = _timed(lambda: list(Executor().map_articles(pipeline, options, _copy(articles), size)))
    out["serial_articles_per_s"] = round(len(articles) / serial, 2)
    kinds = ["local"] + (["ray"] if use_ray else [])
    for kind in kinds:
        try:
            ex, startup = _timed(make_executor, kind, workers)
        except Exception as exc:  # Ray missing or failing: report, do not abort the bench
            out[kind] = {"error": str(exc)}
            continue
        with ex:
            # the first map starts the workers (models load once each); time a second one too
            _, first = _timed(lambda: list(ex.map_articles(pipeline, options, _copy(articles), size)))
            _, steady = _timed(lambda: list(ex.map_articles(pipeline, options, _copy(articles), size)))
        speedup = serial / steady
        out[kind] = {"startup_s": round(startup, 3), "first_run_s": round(first, 3),
                     "articles_per_s": round(len(articles) / steady, 2),
                     "speedup": round(speedup, 3), "efficiency": round(speedup / workers, 3)}
    return out


def _prepared(n: int, words: int, sources: int | None, per_day: int) -> tuple[list[Article], float]:
    from ..cleaning.blocks import BlockStage
    from ..text.sentences import SentenceStage
    from .data import synthetic_articles

    blocks, sentences, options = BlockStage(), SentenceStage(), Options()
    arts = []
    t = time.perf_counter()
    for a in synthetic_articles(n, words=words, sources=sources, per_day=per_day):
        blocks(a, options)
        sentences(a, options)
        arts.append(a)
    return arts, time.perf_counter() - t


def measure_window_growth(sizes: list[int], words: int, sources: int | None = None) -> dict:
    """Story grouping when every article falls in one time window (all on one day): the cost
    against the number of articles in the window, which issue 6 wants no worse than n log n."""
    from ..stories.grouping import group_articles

    rows = []
    for n in sizes:
        arts, _ = _prepared(n, words, sources, per_day=n)
        _, secs = _timed(group_articles, arts)
        rows.append({"articles_in_window": n, "grouping_s": round(secs, 3),
                     "ms_per_article": round(1000 * secs / n, 3)})
        del arts
    exponent = growth_exponent([r["articles_in_window"] for r in rows], [r["grouping_s"] for r in rows])
    nlogn = growth_exponent(sizes, [n * math.log(n) for n in sizes]) if len(sizes) > 1 else None
    return {"rows": rows, "grouping_exponent": exponent, "n_log_n_exponent": nlogn}


def measure_growth(sizes: list[int], words: int, sources: int | None = None, per_day: int = 300) -> dict:
    """Story grouping and near-duplicate time as the set grows (after blocks and sentences:
    grouping uses capitalised word runs where no entity stage ran). Documents are dated
    ``per_day`` a day, so a 7-day window holds at most 7 x per_day of them."""
    from ..executors.mapreduce import near_duplicates_of_articles, signature
    from ..stories.duplicates import find_near_duplicates
    from ..stories.grouping import group_articles

    rows = []
    for n in sizes:
        arts, prep = _prepared(n, words, sources, per_day)
        groups, group_s = _timed(group_articles, arts)
        dups, dup_s = _timed(find_near_duplicates, arts)
        sigs, map_s = _timed(lambda: [signature(a) for a in arts])
        dups2, reduce_s = _timed(near_duplicates_of_articles, arts, sigs)
        rows.append({"articles": n, "days": -(-n // per_day), "prepare_s": round(prep, 2),
                     "grouping_s": round(group_s, 3),
                     "stories": len(groups), "near_duplicates_s": round(dup_s, 3),
                     "near_duplicates": len(dups), "minhash_map_s": round(map_s, 3),
                     "lsh_reduce_s": round(reduce_s, 3), "mapreduce_same": dups == dups2,
                     "peak_rss_mb": peak_rss_mb()["self"]})
        del arts, groups
    return {"rows": rows, "per_day": per_day,
            "grouping_exponent": growth_exponent([r["articles"] for r in rows], [r["grouping_s"] for r in rows]),
            "near_duplicates_exponent": growth_exponent([r["articles"] for r in rows],
                                                        [r["near_duplicates_s"] for r in rows])}


def _tree_memory_mb(root: int) -> dict[str, float]:
    """Resident memory of a process and all its descendants now (Linux /proc): the sum of RSS
    (pages shared after fork counted in every process: an upper bound) and of PSS (shared
    pages split between their sharers: what the tree really holds)."""
    parent: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    stat = fh.read()
                parent[int(entry)] = int(stat[stat.rindex(b")") + 2:].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        kids = [c for c, pp in parent.items() if pp == p and c not in tree]
        tree.update(kids)
        frontier.extend(kids)
    rss = pss = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except (OSError, ValueError):
            continue
    return {"rss": rss / 1024, "pss": pss / 1024}


def measure_end_to_end(n: int, workers: int | None = None, words: int = 500, per_day: int = 300,
                       shard_size: int = 500, sources: int | None = None, keep: str | None = None,
                       log=None) -> dict:
    """``telaah run`` over ``n`` generated articles, as a user would run it: the articles are
    written to a JSONL file in a temporary folder, then ``telaah run --output stories`` analyses
    them with ``workers`` processes (default: every core) and builds the stories. Reports wall
    time, the run's own per-phase times, and the peak memory of the whole process tree."""
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    from ..executors import available_cpus
    from .data import synthetic_articles

    workers = workers or available_cpus()
    tmp = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="telaah-e2e-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        source = tmp / "articles.jsonl"
        t = time.perf_counter()
        with source.open("w", encoding="utf-8") as fh:
            for a in synthetic_articles(n, words=words, sources=sources, per_day=per_day):
                fh.write(json.dumps({"id": a.id, "text": a.text, "published": a.published.isoformat()},
                                    ensure_ascii=False) + "\n")
        generate_s = time.perf_counter() - t
        if log:
            log(f"end to end: {n} articles written to {source} in {generate_s:.1f} s; running telaah run "
                f"with {workers} workers")
        out = tmp / "run"
        shutil.rmtree(out, ignore_errors=True)
        cmd = [sys.executable, "-m", "telaah", "run", str(source), "--out", str(out), "--workers", str(workers),
               "--shard-size", str(shard_size), "--output", "stories"]
        peak = {"rss": 0.0, "pss": 0.0}
        started = time.perf_counter()
        with (tmp / "run.log").open("wb") as err:
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
            while proc.poll() is None:
                now = _tree_memory_mb(proc.pid)
                peak = {k: max(peak[k], now[k]) for k in peak}
                time.sleep(0.5)
        wall = time.perf_counter() - started
        if proc.returncode != 0:
            tail = (tmp / "run.log").read_text("utf-8", "replace")[-2000:]
            raise RuntimeError(f"telaah run exited with {proc.returncode}:\n{tail}")
        summary = json.loads((out / "summary.json").read_text("utf-8"))
        return {"articles": n, "workers": workers, "per_day": per_day, "days": -(-n // per_day),
                "shard_size": shard_size, "command": " ".join(cmd), "generate_s": round(generate_s, 1),
                "wall_s": round(wall, 1), "articles_per_s": round(n / wall, 1),
                "phases_s": summary.get("timings_s", {}), "stories": summary.get("stories"),
                "multi_article_stories": summary.get("multi_article_stories"),
                "grouping_segments": summary.get("grouping_segments", 1),
                "near_duplicates": summary.get("near_duplicates"),
                "peak_tree_rss_mb": round(peak["rss"]), "peak_tree_pss_mb": round(peak["pss"]),
                "peak_single_process_rss_mb": peak_rss_mb()["children"]}
    finally:
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)


def format_end_to_end(e: dict) -> str:
    lines = [f"end to end: telaah run over {e['articles']:,} generated articles (~500 words, {e['per_day']} a day "
             f"over {e['days']} days), {e['workers']} workers, shards of {e['shard_size']}",
             f"  wall {e['wall_s']:.1f} s ({e['articles_per_s']:.1f} articles/s); "
             f"{e['stories']:,} stories ({e['multi_article_stories']:,} with several articles), "
             f"{e['near_duplicates']:,} near-copies; stories grouped in {e.get('grouping_segments', 1)} time segment(s)",
             "  phases (s): " + ", ".join(f"{k.removesuffix('_s')} {v}" for k, v in e["phases_s"].items()),
             f"  peak memory of the process tree: PSS {e['peak_tree_pss_mb']:,} MB (RSS summed {e['peak_tree_rss_mb']:,} MB,"
             f" counting shared pages in every worker); largest single process {e['peak_single_process_rss_mb']:,.0f} MB",
             f"  command: {e['command']}"]
    return "\n".join(lines)


def measure_baselines(articles: list[Article], stage_ms: dict) -> dict:
    """dateparser and trafilatura on the same articles, beside telaah's own stages."""
    from ..readers.html import read_html
    from .data import html_version

    out: dict = {"articles": len(articles), "telaah_times_stage_ms": stage_ms.get("times")}
    try:
        from dateparser.search import search_dates
    except ImportError:
        out["dateparser"] = "not installed (pip install 'telaah[eval]')"
    else:
        search_dates("Jakarta, Senin (4/3/2024).", languages=["id"])  # its own warm-up
        found, secs = _timed(lambda: [search_dates(a.text, languages=["id"]) or [] for a in articles])
        out["dateparser_search_dates_ms"] = round(1000 * secs / len(articles), 3)
        out["dateparser_found_per_article"] = round(sum(len(f) for f in found) / len(articles), 2)
    pages = [html_version(a) for a in articles]
    import trafilatura

    trafilatura.extract(pages[0])
    texts, secs = _timed(lambda: [trafilatura.extract(p) for p in pages])
    out["trafilatura_extract_ms"] = round(1000 * secs / len(pages), 3)
    out["trafilatura_extracted"] = sum(1 for t in texts if t)
    _, secs = _timed(lambda: [read_html(p.encode("utf-8"), f"b{i}.html", f"b{i}", None)
                              for i, p in enumerate(pages)])
    out["telaah_html_reader_ms"] = round(1000 * secs / len(pages), 3)
    return out


def run_bench(quick: bool = False, articles: int = 400, sizes=(1000, 10000, 100000),
              max_articles: int | None = None, workers: int = 2, use_ray: bool = False,
              words: int = 500, per_day: int = 300, window_sizes=WINDOW_SIZES, log=None) -> dict:
    from .data import synthetic_articles

    def say(msg):
        if log:
            log(msg)

    if quick:
        articles, sizes, workers = QUICK["articles"], QUICK["sizes"], QUICK["workers"]
        window_sizes = QUICK["window"]
    if max_articles:
        articles = min(articles, max_articles)
        sizes = [n for n in sizes if n <= max_articles] or [max_articles]
    sample = QUICK["sample"] if quick else min(articles, 100)
    sources = QUICK["sources"] if quick else None
    from .. import __version__
    from ..executors import available_cpus

    result: dict = {
        "telaah": __version__,
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "processor": platform.processor() or platform.machine(),
                    "cpus": os.cpu_count(), "usable_cpus": available_cpus(),
                    "python": platform.python_version()},
        "quick": quick,
    }
    say("model loads")
    result["model_load_s"] = measure_loads()
    say(f"building {articles} documents of ~{words} words")
    arts = list(synthetic_articles(articles, words=words, sources=sources))
    say("per-article and corpus stages, one process")
    result["stages"] = measure_stages(arts)
    say(f"executors: one process vs {workers} workers" + (" and Ray" if use_ray else ""))
    result["executors"] = measure_executors(arts, workers, use_ray)
    say("dateparser and trafilatura on the same articles")
    result["baselines"] = measure_baselines(arts[:sample], result["stages"]["stage_ms_per_article"])
    say(f"story grouping and near-duplicates at {', '.join(map(str, sizes))} articles")
    result["growth"] = measure_growth(list(sizes), words, sources, per_day)
    if window_sizes:
        say(f"story grouping with {', '.join(map(str, window_sizes))} articles in one time window")
        result["window_growth"] = measure_window_growth(list(window_sizes), words, sources)
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def format_table(r: dict) -> str:
    st, ex, base, gr = r["stages"], r["executors"], r["baselines"], r["growth"]
    lines = [f"telaah {r['telaah']} bench, {r['when']} on {r['machine']['platform']} "
             f"({r['machine']['usable_cpus']} usable CPUs){'  [quick]' if r['quick'] else ''}", ""]
    lines.append(f"per-article stages, one process, {st['articles']} documents of {st['words_per_article']:.0f} words")
    lines.append(f"  {'stage':<22}{'ms/article':>12}{'articles/s':>12}")
    for name, ms in {**st["stage_ms_per_article"]}.items():
        lines.append(f"  {name:<22}{ms:>12.2f}{(1000 / ms if ms else float('inf')):>12.0f}")
    lines.append(f"  {'all per-article':<22}{st['per_article_ms']:>12.2f}{st['per_article_articles_per_s']:>12.1f}")
    lines.append(f"  {'corpus stages':<22}{st['corpus_ms_per_article']:>12.2f}")
    lines.append(f"  {'end to end':<22}{1000 / st['end_to_end_articles_per_s']:>12.2f}{st['end_to_end_articles_per_s']:>12.1f}")
    lines.append(f"  NER {st['ner_tokens_per_s']:,} tokens/s; first article (lazy tables) {st['first_article_s']:.2f} s")
    lines.append("  model loads: " + ", ".join(f"{k} {v:.3f} s" for k, v in r["model_load_s"].items()))
    lines.append("")
    lines.append(f"executors ({ex['workers']} workers, shards of {ex['shard_size']}): "
                 f"one process {ex['serial_articles_per_s']:.1f} articles/s")
    for kind in ("local", "ray"):
        if kind in ex:
            e = ex[kind]
            if "error" in e:
                lines.append(f"  {kind}: {e['error']}")
            else:
                lines.append(f"  {kind}: {e['articles_per_s']:.1f} articles/s, speedup {e['speedup']:.2f}, "
                             f"efficiency {100 * e['efficiency']:.0f}% (startup {e['startup_s']:.2f} s)")
    lines.append("")
    lines.append(f"side by side on {base['articles']} of the same articles (ms/article)")
    lines.append(f"  telaah times stage {base['telaah_times_stage_ms']}; dateparser search_dates "
                 f"{base.get('dateparser_search_dates_ms', base.get('dateparser'))}")
    lines.append(f"  trafilatura.extract on HTML {base['trafilatura_extract_ms']}; telaah HTML reader "
                 f"(trafilatura + htmldate + checks) {base['telaah_html_reader_ms']}")
    lines.append("")
    lines.append(f"story grouping and near-duplicates; documents dated {gr.get('per_day', 300)} a day, so a 7-day "
                 f"story window holds at most {7 * gr.get('per_day', 300):,} (IndoSum itself: ~{INDOSUM_PER_DAY} a day)")
    lines.append(f"  {'articles':>9}{'grouping s':>12}{'stories':>9}{'near-dup s':>12}{'map s':>8}"
                 f"{'reduce s':>10}{'same':>6}{'RSS MB':>9}")
    for row in gr["rows"]:
        lines.append(f"  {row['articles']:>9}{row['grouping_s']:>12.2f}{row['stories']:>9}"
                     f"{row['near_duplicates_s']:>12.2f}{row['minhash_map_s']:>8.2f}{row['lsh_reduce_s']:>10.2f}"
                     f"{'yes' if row['mapreduce_same'] else 'NO':>6}{row['peak_rss_mb']:>9.0f}")
    lines.append(f"  growth exponent: grouping {gr['grouping_exponent']}, near-duplicates {gr['near_duplicates_exponent']}")
    wg = r.get("window_growth")
    if wg:
        lines.append("story grouping with every article in one time window (all dated the same day)")
        lines.append("  " + ", ".join(f"{row['articles_in_window']:,}: {row['grouping_s']:.2f} s "
                                      f"({row['ms_per_article']:.2f} ms/article)" for row in wg["rows"]))
        lines.append(f"  growth exponent {wg['grouping_exponent']} (n log n over these sizes: {wg['n_log_n_exponent']})")
    lines.append(f"peak RSS: {r['peak_rss_mb']['self']:.0f} MB (this process), "
                 f"{r['peak_rss_mb']['children']:.0f} MB (largest worker)")
    return "\n".join(lines)


def main(args) -> int:
    from ..datasets.indosum import default_dir

    if default_dir() is None:
        print("telaah: bench needs IndoSum in ../shared/data (or $TELAAH_SHARED)", file=sys.stderr)
        return 1
    try:
        sizes = tuple(int(x) for x in str(args.sizes).split(",") if x.strip())
    except ValueError:
        print(f"telaah: --sizes takes whole numbers separated by commas, not '{args.sizes}'", file=sys.stderr)
        return 2
    if not sizes or min(sizes) <= 0:
        print("telaah: --sizes needs at least one positive size", file=sys.stderr)
        return 2
    log = lambda m: print(f"telaah bench: {m}", file=sys.stderr)  # noqa: E731
    if getattr(args, "end_to_end", None):
        from .. import __version__
        from ..executors import available_cpus

        result = {"telaah": __version__, "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                  "machine": {"platform": platform.platform(), "cpus": os.cpu_count(),
                              "usable_cpus": available_cpus(), "python": platform.python_version()}}
        try:
            result["end_to_end"] = measure_end_to_end(args.end_to_end, workers=args.e2e_workers or None,
                                                      per_day=args.per_day, shard_size=args.shard_size,
                                                      keep=args.keep, log=log)
        except RuntimeError as exc:
            print(f"telaah: bench: {exc}", file=sys.stderr)
            return 1
        print(f"telaah {result['telaah']} bench, {result['when']} on {result['machine']['platform']} "
              f"({result['machine']['usable_cpus']} usable CPUs)")
        print(format_end_to_end(result["end_to_end"]))
    else:
        try:
            window = tuple(int(x) for x in str(args.window_sizes).split(",") if x.strip())
        except ValueError:
            print(f"telaah: --window-sizes takes whole numbers separated by commas, not '{args.window_sizes}'",
                  file=sys.stderr)
            return 2
        result = run_bench(quick=args.quick, articles=args.articles, sizes=sizes,
                           max_articles=args.max_articles, workers=args.workers, use_ray=args.ray,
                           per_day=args.per_day, window_sizes=window, log=log)
        print(format_table(result))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=1)
            fh.write("\n")
    return 0
