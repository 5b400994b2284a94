"""``telaah ingest``, ``search``, ``stories``, ``show`` and ``export``: the store on the command line.

Exit codes: 0 done; 1 an error (missing store, unknown story, unusable query) or, for ingest,
some inputs skipped; 2 usage error.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys

from ..argtypes import iso_date as _iso_date, positive as _positive

DEFAULT_DB = "telaah.db"


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="FILE", default=os.environ.get("TELAAH_DB", DEFAULT_DB),
                   help=f"the store file (default: $TELAAH_DB or {DEFAULT_DB})")


def register(sub) -> None:
    i = sub.add_parser("ingest", help="add articles to the store (idempotent, incremental, resumable)",
                       description="Read every input 'analyze' takes, store new articles with their analysis, "
                                   "put them in stories and update the stories they touch. Articles already "
                                   "stored (same id and source, URL or text) are skipped; an interrupted ingest "
                                   "continues where it stopped when run again.")
    i.add_argument("inputs", nargs="+", metavar="PATH")
    _db(i)
    i.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD", help="date for inputs that carry none")
    i.add_argument("--summary-sentences", type=_positive, default=6, metavar="N")
    i.add_argument("--max-bytes", type=_positive, default=20_000_000, metavar="N")
    i.add_argument("--batch-size", type=_positive, default=50, metavar="N",
                   help="articles committed per transaction (default 50)")
    i.add_argument("--json", action="store_true", help="print the report as JSON on standard output")
    i.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    i.set_defaults(func=cmd_ingest)

    s = sub.add_parser("search", help="full-text search over titles, bodies and statements",
                       description='Words must all occur; "a phrase"; word* for a prefix; OR between two terms; '
                                   "-word to exclude. Case and diacritics are ignored.")
    s.add_argument("query", metavar="QUERY", nargs="?", default="")
    s.add_argument("--speaker", metavar="NAME", help="only statements by a speaker whose name matches")
    s.add_argument("--since", type=_iso_date, metavar="YYYY-MM-DD")
    s.add_argument("--limit", type=_positive, default=20, metavar="N")
    s.add_argument("--json", action="store_true")
    _db(s)
    s.set_defaults(func=cmd_search)

    st = sub.add_parser("stories", help="list the stories in the store")
    st.add_argument("--since", type=_iso_date, metavar="YYYY-MM-DD", help="stories with an article on or after")
    st.add_argument("--order", choices=("newest", "biggest"), default="newest")
    st.add_argument("--limit", type=_positive, default=50, metavar="N")
    st.add_argument("--json", action="store_true")
    _db(st)
    st.set_defaults(func=cmd_stories)

    sh = sub.add_parser("show", help="one story: digest, dossier JSON or HTML report")
    sh.add_argument("story", metavar="STORY_ID")
    how = sh.add_mutually_exclusive_group()
    how.add_argument("--html", metavar="FILE", help="write the self-contained HTML report here")
    how.add_argument("--json", action="store_true", help="print the story's dossier")
    _db(sh)
    sh.set_defaults(func=cmd_show)

    e = sub.add_parser("export", help="export stories: json (the dossier), jsonl (a dossier per story a line), "
                                      "csv (a row per statement and figure)")
    e.add_argument("--format", choices=("json", "jsonl", "csv"), required=True)
    e.add_argument("--story", metavar="ID", help="only this story")
    e.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    _db(e)
    e.set_defaults(func=cmd_export)


def _open(path: str, create: bool = False):
    from . import Store

    return Store.open(path, create=create)


def _quiet_broken_pipe(func):
    """``telaah search x | head`` must not end in a traceback when head stops reading."""
    import functools

    @functools.wraps(func)
    def run(args):
        try:
            return func(args)
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 0
    return run


def cmd_ingest(args) -> int:
    from ..pipeline import Options
    from .progress import ProgressBar, estimate_articles

    published = args.published
    options = Options(published=published, summary_sentences=args.summary_sentences, max_bytes=args.max_bytes)
    bar = ProgressBar() if not args.quiet and sys.stderr.isatty() else None
    total = estimate_articles(args.inputs) if bar else None
    with _open(args.db, create=True) as store:
        try:
            report = store.ingest_paths(args.inputs, options, progress=bar, batch_size=args.batch_size, total=total)
        finally:
            if bar:
                bar.close()
    for path, code, reason in report.skipped:
        print(f"telaah: skipped [{code}] {path}: {reason}", file=sys.stderr)
    for given, stored in report.renamed:
        print(f"telaah: note: id '{given}' was taken by another article; stored as '{stored}'", file=sys.stderr)
    if report.ignored:
        print(f"telaah: note: ignored {len(report.ignored)} file(s) that are not articles", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    print(f"telaah: {report.line()} -> {args.db}", file=sys.stderr)
    if report.read == 0 and not report.skipped and not report.ignored:
        return 0 if report.duplicates else 1
    return 1 if report.skipped or report.read == 0 else 0


def _snippet_text(parts, tty: bool) -> str:
    out = []
    for text, hit in parts:
        text = re.sub(r"\s+", " ", text)
        out.append((f"\033[1m{text}\033[0m" if tty else f"«{text}»") if hit else text)
    return "".join(out)


@_quiet_broken_pipe
def cmd_search(args) -> int:
    with _open(args.db) as store:
        hits = store.search(args.query, speaker=args.speaker, since=args.since, limit=args.limit)
    if args.json:
        print(json.dumps(hits, ensure_ascii=False, indent=1))
        return 0
    tty = sys.stdout.isatty()
    for h in hits:
        who = f" {h['speaker']}:" if h["speaker"] else ""
        where = h["sentence_id"] or h["article_id"]
        print(f"{h['score']:7.3f}  {h['published'] or '----------'}  {h['story_id']}  {where}")
        print(f"         {h['title'] or ''}")
        print(f"        {who} {_snippet_text(h['snippet'], tty)}")
    print(f"telaah: {len(hits)} hit(s)", file=sys.stderr)
    return 0


@_quiet_broken_pipe
def cmd_stories(args) -> int:
    with _open(args.db) as store:
        stories = store.list_stories(since=args.since, order=args.order, limit=args.limit)
    if args.json:
        print(json.dumps(stories, ensure_ascii=False, indent=1))
        return 0
    for s in stories:
        badges = "".join([f"  disputes:{s['n_disputes']}" if s["n_disputes"] else "",
                          f"  contradictions:{s['n_conflicts']}" if s["n_conflicts"] else ""])
        print(f"{s['id']:>6}  {s['first_date'] or '?'}..{s['last_date'] or '?'}  {s['n_articles']:3d} art  "
              f"{s['n_sources']:2d} src{badges}  {s['title'] or '(untitled)'}")
    print(f"telaah: {len(stories)} story(ies)", file=sys.stderr)
    return 0


@_quiet_broken_pipe
def cmd_show(args) -> int:
    from ..errors import TelaahError
    from .errors import NotFound

    with _open(args.db) as store:
        dossier = store.story_dossier(args.story)
    if dossier is None:
        raise NotFound(f"no story '{args.story}' in {args.db} (see 'telaah stories')")
    if args.json:
        print(json.dumps(dossier, ensure_ascii=False, indent=1))
    elif args.html:
        from pathlib import Path

        from ..report import render_report

        try:
            Path(args.html).write_text(render_report(dossier), encoding="utf-8")
        except OSError as exc:
            raise TelaahError(f"cannot write {args.html}: {exc}") from None
        print(f"report: {Path(args.html).resolve()}", file=sys.stderr)
    else:
        from ..cli import _story_digest

        _story_digest(dossier, sys.stdout)
    return 0


@_quiet_broken_pipe
def cmd_export(args) -> int:
    from ..errors import TelaahError

    with _open(args.db) as store:
        if args.output:
            try:
                with open(args.output, "w", encoding="utf-8", newline="") as fh:
                    store.export(args.format, args.story, fh)
            except OSError as exc:
                raise TelaahError(f"cannot write {args.output}: {exc}") from None
        else:
            store.export(args.format, args.story, sys.stdout)
    return 0
