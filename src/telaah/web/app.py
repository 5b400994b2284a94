"""The FastAPI app: server-rendered pages over the store, and the same data as JSON under /api/.

Security is the default, not an option: every response carries a strict Content-Security-Policy
(scripts and styles only from this server, no inline script, no inline style), Jinja2 escapes
everything, and errors are readable pages (or JSON under /api/), never a stack trace.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import asynccontextmanager
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import TelaahError
from . import views

log = logging.getLogger("telaah.web")

HERE = Path(__file__).resolve().parent
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
PAGE_SIZE = 50


class SecurityHeaders:
    """Pure ASGI middleware that adds the security headers to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode("latin-1").lower() not in SECURITY_HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


@lru_cache(maxsize=1)
def _env():
    from jinja2 import Environment, FileSystemLoader

    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(story_url=views.story_url, article_url=views.article_url, sentence_url=views.sentence_url,
                       entity_url=views.entity_url, snippet_html=views.snippet_html, version=__version__,
                       stance_labels=views.STANCE_LABELS)
    return env


def render(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    html = _env().get_template(template).render(request_path=request.url.path, **context)
    return HTMLResponse(html, status_code=status_code)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def parse_date(value: str | None, name: str) -> date | None:
    """A YYYY-MM-DD query parameter; empty means not given (an HTML form sends ``since=``)."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise RequestValidationError([{"loc": ("query", name), "type": "value_error",
                                       "msg": f"'{value}' is not a date in the form YYYY-MM-DD"}]) from None


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


class StoreAccess:
    """One store connection per worker thread (SQLite connections stay in their thread)."""

    def __init__(self, opener: Callable[[], object]):
        self._opener = opener
        self._local = threading.local()
        self._all: list = []
        self._lock = threading.Lock()

    def get(self):
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._opener()
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self):
        with self._lock:
            stores, self._all = self._all, []
        for s in stores:
            close = getattr(s, "close", None)
            if close:
                try:
                    close()
                except Exception:  # a connection made in another thread may refuse; it dies with it
                    pass


def create_app(db_path: str | Path | None = None, *, open_store: Callable[[], object] | None = None,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """The web app over the store at ``db_path`` (or over whatever ``open_store`` returns, for
    tests). ``allowed_hosts`` guards a loopback server against DNS rebinding."""
    if open_store is None:
        if db_path is None:
            raise ValueError("create_app needs db_path or open_store")
        path = Path(db_path)
        if not path.is_file():
            raise FileNotFoundError(f"no store at {path}: create one with `telaah ingest PATH... --db {path}`")

        def open_store():
            from ..store import Store

            return Store.open(str(path), create=False)

    stores = StoreAccess(open_store)

    @asynccontextmanager
    async def lifespan(app):
        yield
        stores.close()

    app = FastAPI(title="telaah", version=__version__, lifespan=lifespan,
                  description="Stories, dossiers (the telaah.dossier/1 contract), articles, entities and "
                              "full-text search from a telaah store.",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.stores = stores
    if allowed_hosts and "*" not in allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so even a refused host gets the headers
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    # --- errors: readable, never a trace ------------------------------------------------

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        if _is_api(request):
            return JSONResponse({"status": exc.status_code, "detail": detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        title = {404: "Not found", 405: "Method not allowed"}.get(exc.status_code, "Error")
        return render(request, "error.html.j2", status_code=exc.status_code, status=exc.status_code,
                      title=title, message=detail, problems=[])

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        problems = []
        for err in exc.errors():
            loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")]
            problems.append({"parameter": ".".join(loc) or "request", "message": str(err.get("msg", "invalid"))})
        if _is_api(request):
            return JSONResponse({"status": 422, "detail": "invalid request", "problems": problems}, status_code=422)
        return render(request, "error.html.j2", status_code=422, status=422, title="That request could not be understood",
                      message="Some parameters are not valid:", problems=problems)

    @app.exception_handler(TelaahError)
    async def telaah_error(request: Request, exc: TelaahError):
        # The store says what was wrong with a query (a search with no words, a bad date) or
        # that something is missing, in words meant for the user.
        from ..store.errors import NotFound, QueryError

        status = 422 if isinstance(exc, QueryError) else 404 if isinstance(exc, NotFound) else 500
        if status == 500:
            log.error("error serving %s: %s", request.url.path, exc)
        message = exc.message if status != 500 else f"The store could not answer: {exc.message}"
        if _is_api(request):
            return JSONResponse({"status": status, "detail": message}, status_code=status)
        title = {422: "That request could not be understood", 404: "Not found"}.get(status, "Something went wrong")
        return render(request, "error.html.j2", status_code=status, status=status, title=title, message=message,
                      problems=[])

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        # Outside the middleware stack: add the security headers here as well.
        log.exception("error serving %s", request.url.path)
        if _is_api(request):
            response = JSONResponse({"status": 500, "detail": "internal error (see the server log)"}, status_code=500)
        else:
            response = render(request, "error.html.j2", status_code=500, status=500, title="Something went wrong",
                              message="The server could not show this page; the details are in its log.", problems=[])
        response.headers.update(SECURITY_HEADERS)
        return response

    def not_found(what: str, ident: str):
        raise StarletteHTTPException(404, f"No {what} with id '{ident}' in this store.")

    # --- pages ----------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, q: str | None = None, since: str | None = None,
                     order: Literal["newest", "biggest"] = "newest", offset: int = Query(0, ge=0)):
        since_d = parse_date(since, "since")
        query = _text(q)
        rows = stores.get().list_stories(since=since_d, query=query, order=order, limit=PAGE_SIZE + 1, offset=offset)
        more = len(rows) > PAGE_SIZE
        return render(request, "stories.html.j2", stories=rows[:PAGE_SIZE], q=query or "", since=since or "",
                      order=order, offset=offset, more=more, page_size=PAGE_SIZE)

    @app.get("/stories/{story_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str):
        dossier = stores.get().story_dossier(story_id)
        view = views.story_view(dossier, story_id) if dossier else None
        if view is None:
            not_found("story", story_id)
        return render(request, "story.html.j2", v=view, s=view["story"])

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str):
        art = stores.get().article(article_id)
        if art is None:
            not_found("article", article_id)
        return render(request, "article.html.j2", v=views.article_view(art), a=art)

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(request: Request, q: str | None = None):
        query = _text(q)
        rows = stores.get().entities(query=query, limit=200)
        return render(request, "entities.html.j2", entities=rows, q=query or "")

    @app.get("/entities/{key:path}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, key: str):
        ent = stores.get().entity(key)
        if ent is None:
            not_found("entity", key)
        return render(request, "entity.html.j2", e=ent, statements=views.entity_statements(ent))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str | None = None, speaker: str | None = None, since: str | None = None):
        since_d = parse_date(since, "since")
        query, who = _text(q), _text(speaker)
        store = stores.get()
        results = store.search(query or "", speaker=who, since=since_d, limit=50) if (query or who) else None
        if results:
            views.add_statement_text(results, store.article)
        return render(request, "search.html.j2", results=results, q=query or "", speaker=who or "", since=since or "")

    # --- JSON API ---------------------------------------------------------------------------

    @app.get("/api/stories", tags=["stories"], summary="Stories, newest or biggest first")
    def api_stories(q: str | None = None, since: str | None = None, order: Literal["newest", "biggest"] = "newest",
                    limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)) -> dict:
        rows = stores.get().list_stories(since=parse_date(since, "since"), query=_text(q), order=order,
                                         limit=limit, offset=offset)
        return {"stories": rows, "limit": limit, "offset": offset}

    @app.get("/api/stories/{story_id:path}", tags=["stories"],
             summary="One story as a telaah.dossier/1 dossier (the story and its articles)")
    def api_story(story_id: str) -> dict:
        dossier = stores.get().story_dossier(story_id)
        if dossier is None:
            not_found("story", story_id)
        return dossier

    @app.get("/api/articles/{article_id:path}", tags=["articles"],
             summary="One article with its annotations (a dossier articles[] entry and more)")
    def api_article(article_id: str) -> dict:
        art = stores.get().article(article_id)
        if art is None:
            not_found("article", article_id)
        return art

    @app.get("/api/search", tags=["search"], summary="Full-text search over titles, text and statements")
    def api_search(q: str = Query("", max_length=500), speaker: str | None = None, since: str | None = None,
                   limit: int = Query(20, ge=1, le=200)) -> dict:
        query, who = _text(q), _text(speaker)
        if not (query or who):
            raise RequestValidationError([{"loc": ("query", "q"), "type": "missing",
                                           "msg": "give a search query (q) or a speaker"}])
        results = stores.get().search(query or "", speaker=who, since=parse_date(since, "since"), limit=limit)
        return {"query": query, "speaker": who, "results": results}

    @app.get("/api/entities", tags=["entities"], summary="People, organisations and places, most quoted first")
    def api_entities(q: str | None = None, limit: int = Query(100, ge=1, le=1000)) -> dict:
        return {"entities": stores.get().entities(query=_text(q), limit=limit)}

    @app.get("/api/entities/{key:path}", tags=["entities"], summary="One entity and everything it said, by date")
    def api_entity(key: str) -> dict:
        ent = stores.get().entity(key)
        if ent is None:
            not_found("entity", key)
        return ent

    @app.get("/api", include_in_schema=False)
    def api_root() -> dict:
        return {"name": "telaah", "version": __version__, "openapi": "/openapi.json",
                "endpoints": ["/api/stories", "/api/stories/{id}", "/api/articles/{id}", "/api/search",
                              "/api/entities", "/api/entities/{key}"]}

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)

    return app
