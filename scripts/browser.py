"""Serve a built site on 127.0.0.1 and drive Debian's Chromium: the browser tests, make pdf and the search benchmark."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files, without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serve(directory: Path, prefix: str = "/", handler_class: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serve ``directory`` at http://127.0.0.1:<port><prefix> with ``handler_class``; yields that base URL."""
    root = directory
    if prefix != "/":
        # Serve a parent folder in which the site sits under the prefix, like a GitHub Pages project site.
        root = directory.parent / "prefixed-root"
        target = root / prefix.strip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.symlink_to(directory, target_is_directory=True)
    handler = functools.partial(handler_class, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
