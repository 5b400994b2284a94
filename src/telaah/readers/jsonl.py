"""JSONL: one article per line, {id?, text | html, title?, published?, url?, source?, outlet?}."""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import BinaryIO

from ..document import Article
from ..errors import InputError
from .html import read_html


def parse_published(value) -> date | None:
    """ISO date or datetime (with or without zone) to a date; None if absent or unreadable."""
    if value in (None, ""):
        return None
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"published '{s}' is not an ISO date (YYYY-MM-DD)") from None


# Per-line problems shown for one file before the rest are only counted: a wrong file (a
# pretty-printed JSON document, a log) would otherwise give one message per physical line.
MAX_LINE_PROBLEMS = 5
PRETTY_JSON_HINT = ("the file looks like one pretty-printed JSON document, not JSONL "
                    "(one article object per line)")


def looks_like_dossier(rec: dict) -> bool:
    """A telaah dossier (our own output) fed back as input: recognised by its top-level keys."""
    schema = rec.get("schema")
    if isinstance(schema, str) and schema.startswith("telaah.dossier"):
        return True
    return isinstance(rec.get("articles"), list) and "stories" in rec


def not_an_article(rec: dict) -> str | None:
    """Why ``rec`` is no article record at all (None if it may be one), for a message that says
    what the object looks like rather than only what it lacks."""
    if looks_like_dossier(rec):
        n = len(rec["articles"]) if isinstance(rec.get("articles"), list) else "?"
        schema = rec.get("schema") or "no schema"
        return (f"a telaah dossier, not articles ({schema}, {n} articles): it is the output of "
                "`telaah analyze`; leave it out of the inputs")
    if "text" in rec or "html" in rec:
        return None
    keys = ", ".join(repr(k) for k in list(rec)[:6]) + (", ..." if len(rec) > 6 else "")
    return (f"a JSON object that is not an article record (keys: {keys or 'none'}); "
            "an article needs a 'text' or 'html' field")


class _LineProblems:
    """Lets the first few problems of one file through and counts the rest into one summary."""

    def __init__(self, display: str, limit: int, unit: str = "lines"):
        self.display, self.limit, self.unit = display, limit, unit
        self.shown = 0
        self.hidden: dict[str, int] = {}
        self.first_hidden = ""

    def admit(self, problem) -> bool:
        if self.shown < self.limit:
            self.shown += 1
            return True
        if not self.hidden:
            self.first_hidden = problem.path.rsplit(":", 1)[-1].strip("[]")
        self.hidden[problem.code] = self.hidden.get(problem.code, 0) + 1
        return False

    def summary(self, hint: str = ""):
        from . import InputProblem

        if not self.hidden:
            return None
        n = sum(self.hidden.values())
        code = max(self.hidden, key=self.hidden.get)
        codes = ", ".join(f"{c} x{k}" for c, k in sorted(self.hidden.items()))
        return InputProblem(self.display, code,
                            f"... and {n} more {self.unit} skipped ({codes}; first at "
                            f"{self.unit[:-1]} {self.first_hidden})"
                            + (f"; {hint}" if hint else ""))


def read_jsonl_lines(stream: BinaryIO, display: str, published=None, max_bytes: int = 20_000_000,
                     max_line_problems: int = MAX_LINE_PROBLEMS) -> Iterator["Article | object"]:
    """Read line by line, so memory stays bounded by the longest line, not the file.

    Only the first ``max_line_problems`` bad lines are reported one by one; the rest become one
    summary problem, so a wrong file cannot flood the terminal."""
    from . import InputProblem

    stem = display.rsplit("/", 1)[-1].rsplit(".", 1)[0] if display != "<stdin>" else "stdin"
    gate = _LineProblems(display, max_line_problems)
    any_line = False
    hint = ""
    for lineno, raw in enumerate(iter(lambda: stream.readline(max_bytes + 1), b""), 1):
        where = f"{display}:{lineno}"
        problem = None
        if len(raw) > max_bytes:
            problem = InputProblem(where, "E005", f"line is over the {max_bytes / 1e6:.0f} MB limit")
            # skip the rest of this over-long line
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(max_bytes + 1)
        elif not raw.strip():
            continue
        else:
            first = not any_line
            any_line = True
            try:
                rec = json.loads(raw.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                if first and raw.strip().lstrip(b"\xef\xbb\xbf") in (b"{", b"["):
                    hint = PRETTY_JSON_HINT
                problem = InputProblem(where, "E006", f"not a JSON object ({exc})"
                                       + (f"; {hint}" if hint and first else ""))
            else:
                if not isinstance(rec, dict):
                    problem = InputProblem(where, "E006", "line is JSON but not an object")
                elif looks_like_dossier(rec):
                    problem = InputProblem(where, "E006", not_an_article(rec))
                else:
                    try:
                        yield article_from_record(rec, where, f"{stem}-{lineno}", published)
                    except InputError as exc:
                        problem = InputProblem(exc.path, exc.code, exc.reason)
        if problem is not None and gate.admit(problem):
            yield problem
    summary = gate.summary(hint)
    if summary is not None:
        yield summary
    if not any_line:
        yield InputProblem(display, "E002", "no articles: the JSONL input is empty")


def read_json_document(data: bytes, display: str, stem: str, published=None,
                       max_bytes: int = 20_000_000) -> Iterator["Article | object"]:
    """Read a ``.json`` (or sniffed) file: one JSON document over many lines is judged whole, so a
    dossier or any other object is refused once, not once per physical line; an array of
    article records is read record by record. Anything else is read as JSONL."""
    import io

    from . import InputProblem

    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        doc = None
        whole = False
    else:
        # a single line is JSONL too: keep the line reader's ids and messages for it
        whole = len([ln for ln in data.splitlines() if ln.strip()]) > 1 or isinstance(doc, list)
    if not whole:
        yield from read_jsonl_lines(io.BytesIO(data), display, published, max_bytes)
        return
    if isinstance(doc, dict):
        why = not_an_article(doc)
        if why:
            yield InputProblem(display, "E006", why)
            return
        try:
            yield article_from_record(doc, display, stem, published)
        except InputError as exc:
            yield InputProblem(exc.path, exc.code, exc.reason)
        return
    if isinstance(doc, list):
        if not doc:
            yield InputProblem(display, "E002", "no articles: the JSON array is empty")
            return
        gate = _LineProblems(display, MAX_LINE_PROBLEMS, unit="items")
        for i, rec in enumerate(doc, 1):
            where = f"{display}:[{i}]"
            why = not_an_article(rec) if isinstance(rec, dict) else "array item is not a JSON object"
            if why:
                problem = InputProblem(where, "E006", why)
            else:
                try:
                    yield article_from_record(rec, where, f"{stem}-{i}", published)
                    continue
                except InputError as exc:
                    problem = InputProblem(exc.path, exc.code, exc.reason)
            if gate.admit(problem):
                yield problem
        summary = gate.summary()
        if summary is not None:
            yield summary
        return
    yield InputProblem(display, "E006", f"a JSON {type(doc).__name__}, not an article record or a list of them")


def article_from_record(rec: dict, where: str, fallback_id: str, published=None) -> Article:
    warnings: list[str] = []
    try:
        pub = parse_published(rec.get("published"))
    except ValueError as exc:
        pub = None
        warnings.append(str(exc))
    art_id = str(rec["id"]) if rec.get("id") not in (None, "") else fallback_id
    text, html = rec.get("text"), rec.get("html")
    if isinstance(text, str) and text.strip():
        art = Article(id=art_id, text=text, input_kind="jsonl")
    elif isinstance(html, str) and html.strip():
        art = read_html(html.encode("utf-8"), where, art_id, None, url=rec.get("url"))
        art.input_kind = "jsonl"
    else:
        raise InputError(where, "record has no non-empty 'text' or 'html' field", "E006")
    art.source = rec.get("source") or art.source or where
    art.url = rec.get("url") or art.url
    art.title = rec.get("title") or art.title
    art.outlet = rec.get("outlet") or art.outlet
    art.published = pub or art.published or published
    art.warnings = warnings + art.warnings
    return art
