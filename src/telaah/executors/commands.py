"""``telaah run`` (sharded, resumable analysis of large inputs) and ``telaah bench``.

Only argparse here; the work is imported inside the handlers.
"""
from __future__ import annotations

import argparse
import sys

from ..argtypes import iso_date, positive as _positive, whole as _whole

EXECUTOR_CHOICES = ("local", "ray")


def add_executor_options(p: argparse.ArgumentParser, default_workers: int | None) -> None:
    """--workers / --executor / --address, shared by analyze and run."""
    default = "every core" if default_workers in (None, 0) else str(default_workers)
    p.add_argument("--workers", type=_whole, default=default_workers, metavar="N",
                   help=f"processes for the per-article stages (0 = every core; default {default})")
    p.add_argument("--executor", choices=EXECUTOR_CHOICES, default="local",
                   help="local: a process pool on this machine (default); ray: Ray workers "
                        "(pip install 'telaah[ray]')")
    p.add_argument("--address", metavar="ADDR",
                   help="Ray cluster to join (e.g. 10.0.0.5:6379 or auto); default: start a local one")


def register(sub) -> None:
    r = sub.add_parser("run", help="analyse a large input in resumable shards into a folder",
                       description="Analyse inputs shard by shard into DIR (JSONL article records, "
                                   "MinHash signatures and a completion marker per shard), then build "
                                   "DIR/dossier.json. Rerunning the same command skips finished shards.")
    r.add_argument("inputs", nargs="+", metavar="PATH")
    r.add_argument("--out", required=True, metavar="DIR", help="output folder (created; reused on rerun)")
    r.add_argument("--shard-size", type=_positive, default=500, metavar="N",
                   help="articles per shard (default 500)")
    add_executor_options(r, default_workers=0)
    r.add_argument("--published", type=iso_date, metavar="YYYY-MM-DD",
                   help="publication date for inputs that carry none")
    r.add_argument("--summary-sentences", type=_positive, default=6, metavar="N")
    r.add_argument("--max-bytes", type=_positive, default=20_000_000, metavar="N")
    r.add_argument("--html", metavar="FILE", help="also write the HTML report")
    r.add_argument("--no-dossier", action="store_true",
                   help="only analyse the shards (build the dossier on a later run)")
    r.add_argument("--output", choices=("auto", "dossier", "stories"), default="auto",
                   help="dossier: one DIR/dossier.json (every article in memory, as analyze); stories: "
                        "one dossier per story streamed into DIR/stories.jsonl (memory bounded by the "
                        "stories open at once); auto (default): dossier up to 5,000 articles, else stories")
    r.set_defaults(func=cmd_run)

    b = sub.add_parser("bench", help="measure speed and memory on IndoSum-derived article sets",
                       description="Benchmarks on IndoSum text from ../shared/data and larger sets "
                                   "recombined from its paragraphs: per-stage and end-to-end speed, "
                                   "model load times, peak memory, story grouping growth, the "
                                   "parallel executor, dateparser and trafilatura side by side.")
    b.add_argument("--quick", action="store_true", help="tiny sizes: a smoke test in seconds")
    b.add_argument("--json", metavar="FILE", help="write the results as JSON here")
    b.add_argument("--max-articles", type=_positive, metavar="N",
                   help="cap every generated set at N articles (e.g. skip the 100k set)")
    b.add_argument("--sizes", metavar="N,N,...", default="1000,10000,100000",
                   help="set sizes for the grouping and near-duplicate growth (default 1000,10000,100000)")
    b.add_argument("--articles", type=_positive, default=400, metavar="N",
                   help="articles for the per-stage and executor measurements (default 400)")
    b.add_argument("--workers", type=_positive, default=2, metavar="N",
                   help="workers for the parallel executor comparison (default 2)")
    b.add_argument("--ray", action="store_true", help="also time the Ray executor (if installed)")
    b.add_argument("--per-day", type=_positive, default=300, metavar="N",
                   help="generated documents are dated N a day (default 300, a desk's daily intake; "
                        "IndoSum itself has about 5): a 7-day story window then holds at most 7N")
    b.add_argument("--window-sizes", metavar="N,N,...", default="500,1000,2000,4000",
                   help="also time grouping with N articles all in one time window ('' to skip)")
    b.add_argument("--end-to-end", type=_positive, metavar="N",
                   help="instead: generate N articles into a temporary folder and time `telaah run` over "
                        "them (wall time, per-phase times, peak memory of the whole process tree)")
    b.add_argument("--e2e-workers", type=_whole, default=0, metavar="N",
                   help="workers for --end-to-end (default 0 = every core)")
    b.add_argument("--shard-size", type=_positive, default=500, metavar="N",
                   help="shard size for --end-to-end (default 500)")
    b.add_argument("--keep", metavar="DIR", help="--end-to-end: work in DIR and keep it (inputs and run output)")
    b.set_defaults(func=cmd_bench)


def cmd_run(args) -> int:
    from ..pipeline import Options
    from . import make_executor
    from .runs import run_sharded
    options = Options(published=args.published, summary_sentences=args.summary_sentences,
                      max_bytes=args.max_bytes, workers=args.workers, executor=args.executor,
                      address=args.address)

    def progress(k: int, n: int) -> None:
        print(f"telaah: shard {k} done ({n} articles)", file=sys.stderr)

    with make_executor(args.executor, args.workers, args.address) as executor:
        report = run_sharded(args.inputs, args.out, options, executor, args.shard_size,
                             finish=not args.no_dossier, progress=progress, output=args.output,
                             say=lambda msg: print(f"telaah: {msg}", file=sys.stderr))
    for problem in report.problems:
        print(f"telaah: skipped {problem}", file=sys.stderr)
    print(f"telaah: {report.articles} article(s) in {report.shards} shard(s), "
          f"{report.shards_skipped} already done; output in {args.out}", file=sys.stderr)
    if report.stories is not None:
        s = report.stories
        print(f"telaah: {s['stories']} story(ies) ({s['multi_article_stories']} with several articles), "
              f"{s['near_duplicates']} near-copies; one dossier per story in {s['output']}", file=sys.stderr)
        if args.html:
            print("telaah: --html needs a single dossier (--output dossier); not written", file=sys.stderr)
    if report.timings:
        print("telaah: phases (s): " + ", ".join(f"{k.removesuffix('_s')} {v}" for k, v in report.timings.items()),
              file=sys.stderr)
    if report.dossier is not None:
        print(f"telaah: dossier {args.out}/dossier.json: {len(report.dossier['stories'])} story(ies)",
              file=sys.stderr)
        if args.html:
            from pathlib import Path

            from ..report import render_report

            Path(args.html).write_text(render_report(report.dossier), encoding="utf-8")
    if report.articles == 0:
        print("telaah: no article could be read from the inputs", file=sys.stderr)
        return 1
    return 1 if report.problems else 0


def cmd_bench(args) -> int:
    from ..bench import main as bench_main

    return bench_main(args)
