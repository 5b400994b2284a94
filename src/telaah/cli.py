"""Command line: ``telaah analyze``, ``telaah eval``, ``telaah validate``.

Exit codes: 0 every input analysed; 1 some inputs skipped (each reported on stderr with its path
and reason) or nothing could be read; 2 usage error.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from . import __version__
from .argtypes import iso_date as _iso_date, positive as _positive, probability as _probability
from .errors import TelaahError

EVALUATIONS = ("ner", "aliases", "quotes", "denials", "numbers", "times", "timeline", "stories", "stories-kompas", "stories-batch",
               "disputes", "summary")

# Further subcommands live beside the code they drive. Each module has ``register(sub)``, which
# adds its parsers (argparse only: heavy imports belong inside the handler) and sets
# ``func`` with ``set_defaults``. A module that is not there yet is skipped.
COMMAND_MODULES = ("telaah.store.commands", "telaah.web.commands", "telaah.executors.commands")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="telaah", description="What Indonesian news sources, together, actually say.")
    p.add_argument("--version", action="version", version=f"telaah {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    a = sub.add_parser("analyze", help="analyse articles and write a story dossier",
                       description="Analyse .txt, .html, .jsonl and RSS/Atom files (and directories, "
                                   "recursively; '-' reads JSONL from standard input) into one dossier.")
    a.add_argument("inputs", nargs="+", metavar="PATH")
    a.add_argument("-o", "--output", metavar="FILE", help="write the dossier JSON here (default: standard output)")
    a.add_argument("--html", metavar="FILE", help="also write a self-contained HTML report")
    a.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                   help="publication date for inputs that carry none")
    a.add_argument("--summary-sentences", type=_positive, default=6, metavar="N",
                   help="sentences in each story summary (default 6)")
    a.add_argument("--max-bytes", type=_positive, default=20_000_000, metavar="N",
                   help="refuse single articles larger than this (default 20000000)")
    a.add_argument("-q", "--quiet", action="store_true", help="no story summary on the terminal")
    grouping = a.add_mutually_exclusive_group()
    grouping.add_argument("--one-story", action="store_true",
                          help="the inputs are one story: skip grouping and compare them all")
    grouping.add_argument("--story-threshold", type=_probability, metavar="P",
                          help="joining cut of the story scorer, 0-1 (default: the model's; 0.2 for "
                               "12 articles or fewer)")
    from .executors.commands import add_executor_options

    add_executor_options(a, default_workers=0)  # small runs stay in this process (executors.SMALL_RUN)

    e = sub.add_parser("eval", help="run an evaluation on the data in ../shared/data",
                       description="Evaluations: " + ", ".join(EVALUATIONS) + ". Pass --help after the name.")
    e.add_argument("name", choices=EVALUATIONS)
    e.add_argument("args", nargs=argparse.REMAINDER)

    v = sub.add_parser("validate", help="check a dossier file against the schema and its spans")
    v.add_argument("dossier", metavar="FILE")

    a.set_defaults(func=cmd_analyze)
    e.set_defaults(func=cmd_eval)
    v.set_defaults(func=cmd_validate)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is not None and name.startswith(exc.name):
                continue
            raise
        module.register(sub)
    return p


def _story_digest(dossier: dict, out) -> None:
    from .dossier.readout import conflict_speakers, contradicts, dispute_label, dispute_rows, lookup

    index = lookup(dossier)
    arts = index.articles
    entity_names = index.names

    for s in dossier["stories"]:
        sources = []
        for aid in s["articles"]:
            a = arts[aid]
            label = a.get("outlet") or a.get("credit") or aid
            dup = f" (copy of {a['duplicate_of']})" if a.get("duplicate_of") else ""
            sources.append(f"{label} [{aid}]{dup}")
        print(f"\n== {s['id']}: {s.get('title') or '(untitled)'}", file=out)
        print(f"   sources ({len(s['articles'])}): " + "; ".join(sources), file=out)
        for item in s["summary"]:
            opener = item.get("speaker") or {}
            said = f" [{entity_names.get(opener.get('entity')) or opener.get('text')} speaks]" if opener else ""
            print(f"   - {' '.join(item['text'].split())}{said} [{item['article']}]", file=out)
        for d in s["number_disputes"]:
            vals = []
            for r in dispute_rows(d, dossier, index):
                said = f"{r['speaker']}, " if r["speaker"] else ""
                when = f", {r['date']}" if r["date"] else ""
                vals.append(f"{r['text']} [{said}{r['article']}{when}{', earlier' if r['earlier'] else ''}]")
            if contradicts(d):
                print(f"   ! disputed figure, {dispute_label(d)}: " + " vs ".join(vals), file=out)
            elif d.get("change"):  # grew or fell from day to day
                print(f"   ~ figure {d['change']} over time, {dispute_label(d)}: " + " then ".join(vals), file=out)
            else:  # values that can all hold, told differently as the story went on
                print(f"   ~ figure as reported, {dispute_label(d)}: " + " then ".join(vals), file=out)
        for c in s["claim_conflicts"]:
            parts = [f"{label} {', '.join(who)}" for label, who in conflict_speakers(c, dossier, index)]
            kind = "contradiction" if c["assert"] and (c["deny"] or c.get("unconfirmed")) else "denial"
            print(f"   ! {kind} on '{c['claim']}': " + "; ".join(parts), file=out)


def cmd_analyze(args) -> int:
    from .analyze import analyze_paths
    from .dossier import validate
    from .pipeline import Options

    options = Options(published=args.published, summary_sentences=args.summary_sentences,
                      max_bytes=args.max_bytes, workers=args.workers, executor=args.executor,
                      address=args.address)
    if args.one_story:
        options.extras["one_story"] = True
    if args.story_threshold is not None:
        options.extras["story_threshold"] = args.story_threshold
    result = analyze_paths(args.inputs, options)
    for problem in result.problems:
        print(f"telaah: skipped {problem}", file=sys.stderr)
    if result.ignored:
        names = ", ".join(i.path for i in result.ignored[:5])
        more = f" and {len(result.ignored) - 5} more" if len(result.ignored) > 5 else ""
        print(f"telaah: note: ignored {len(result.ignored)} file(s) that are not articles "
              f"(.txt .html .md .jsonl .xml/.rss/.atom; a folder's README.md and such are notes): {names}{more}", file=sys.stderr)
    dossier = result.dossier()
    validate(dossier)
    payload = json.dumps(dossier, ensure_ascii=False, indent=1)
    if args.output:
        Path(args.output).write_text(payload + "\n", encoding="utf-8")
    else:
        sys.stdout.write(payload + "\n")
    if args.html:
        from .report import render_report

        Path(args.html).write_text(render_report(dossier), encoding="utf-8")
    digest_out = sys.stdout if args.output else sys.stderr
    if not args.quiet:
        n = len(dossier["articles"])
        print(f"telaah: analysed {n} article(s) into {len(dossier['stories'])} story(ies)"
              f"{'; ' + str(len(result.problems)) + ' input(s) skipped' if result.problems else ''}",
              file=digest_out)
        _story_digest(dossier, digest_out)
        if args.output:
            print(f"\ndossier: {args.output}", file=digest_out)
        if args.html:
            print(f"report:  {Path(args.html).resolve()}", file=digest_out)
    if not dossier["articles"]:
        print("telaah: no article could be read from the inputs", file=sys.stderr)
        return 1
    return 1 if result.problems else 0


def cmd_eval(args) -> int:
    module = importlib.import_module(f"telaah.evaluation.{args.name.replace('-', '_')}")
    return int(module.main(list(args.args)) or 0)


def cmd_validate(args) -> int:
    from .dossier import validate

    try:
        dossier = json.loads(Path(args.dossier).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        print(f"telaah: cannot read {args.dossier}: {exc}", file=sys.stderr)
        return 1
    validate(dossier)
    print(f"{args.dossier}: valid telaah.dossier/1 ({len(dossier['articles'])} articles)")
    return 0


def entry() -> int:
    """The ``telaah`` command: a process of its own, so the garbage collector runs less often
    (``executors.worker.tune_collector``: about 8% less work per article, and full collections
    no longer grow with the articles held); ``main`` leaves a caller's process alone."""
    from .executors.worker import tune_collector

    tune_collector()
    return main()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except TelaahError as exc:
        print(f"telaah: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("telaah: interrupted", file=sys.stderr)
        return 130
