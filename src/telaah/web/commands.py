"""``telaah serve``: the web app over a store. Argparse only here; FastAPI and uvicorn are
imported by the handler, so other commands do not pay for them."""
from __future__ import annotations

import sys
from pathlib import Path

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def register(sub) -> None:
    p = sub.add_parser("serve", help="serve the web app over a store (http://127.0.0.1:8000)",
                       description="Serve the stories, articles, entities and search of a store made by "
                                   "`telaah ingest`, with a JSON API under /api/. Binds to 127.0.0.1 unless told.")
    p.add_argument("--db", default="telaah.db", metavar="FILE", help="the store (default telaah.db)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.set_defaults(func=cmd_serve)


def allowed_hosts(host: str) -> list[str]:
    """Host names the server answers to: loopback names when bound to loopback (a guard against
    DNS rebinding), anything when bound to every interface."""
    if host in ("0.0.0.0", "::", ""):
        return ["*"]
    names = {host, f"[{host}]" if ":" in host else host}
    if host in LOOPBACK:
        names.update({"127.0.0.1", "localhost", "[::1]"})
    return sorted(names)


def cmd_serve(args) -> int:
    db = Path(args.db)
    if not db.is_file():
        print(f"telaah: error: no store at {db}: create it with `telaah ingest PATH... --db {db}`",
              file=sys.stderr)
        return 1
    if not 0 < args.port < 65536:
        print(f"telaah: error: port {args.port} is not between 1 and 65535", file=sys.stderr)
        return 2
    import uvicorn

    from .app import create_app

    app = create_app(db, allowed_hosts=allowed_hosts(args.host))
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"telaah: serving {db} at http://{shown}:{args.port}/ (Ctrl-C stops)", file=sys.stderr)
    if args.host not in LOOPBACK:
        print("telaah: warning: bound to a non-loopback address; anyone who can reach it can read the store",
              file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False)
    return 0
