"""Static file server for dist/ (development, tests and benchmarks).

    python tools/serve.py DIR [--port 8000] [--host 127.0.0.1] [--verbose]

Prints `Serving DIR at URL` as its first line (useful with --port 0).
"""

from __future__ import annotations

import argparse
import email.utils
import functools
import gzip
import io
import os
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

# Explicit types: the OS mimetypes table differs between machines and often lacks .mjs,
# .wasm (needed for streaming compile) and .webmanifest.
MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".py": "text/x-python; charset=utf-8",
    ".toml": "text/plain; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".config": "application/xml",
}


@functools.lru_cache(maxsize=64)
def _gzipped(path: str, mtime: float, size: int) -> bytes | None:
    """The gzip body for a file, or None where gzip gains little (already compressed)."""
    raw = Path(path).read_bytes()
    packed = gzip.compress(raw, compresslevel=6, mtime=0)
    return packed if len(packed) < 0.9 * len(raw) else None


class Handler(SimpleHTTPRequestHandler):
    # Keep-alive like a real server, so request counts and timings are realistic.
    protocol_version = "HTTP/1.1"
    cache_control = "no-cache"
    verbose = False
    extra_headers: dict[str, str] = {}  # noqa: RUF012 - set per server by make_server
    types: dict[str, str] = MIME_TYPES  # per server: tests play servers that lack a type

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return self.types.get(Path(path).suffix.lower()) or super().guess_type(path)

    def send_head(self) -> Any:
        # gzip like the intranet servers we deploy to, so sizes and timings here are honest.
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")  # a folder's page, gzipped like any other
        if "gzip" in self.headers.get("Accept-Encoding", "") and os.path.isfile(path):
            stat = os.stat(path)
            body = _gzipped(path, stat.st_mtime, stat.st_size)
            if body is not None and self._not_modified(stat.st_mtime):
                # What real servers do: a revalidation of an unchanged file costs no body.
                self.send_response(304)
                self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
                self.end_headers()
                return None
            if body is not None:
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(path))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Vary", "Accept-Encoding")
                self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
                self.end_headers()
                return io.BytesIO(body)
        return super().send_head()

    def _not_modified(self, mtime: float) -> bool:
        since = self.headers.get("If-Modified-Since")
        if since is None or self.headers.get("If-None-Match") is not None:
            return False
        try:
            return int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False

    def end_headers(self) -> None:
        # no-cache = revalidate every time: a rebuilt dist/ is seen at once, 304s stay cheap.
        self.send_header("Cache-Control", self.cache_control)
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        if self.verbose:
            super().log_message(format, *args)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Browsers drop connections mid-response all the time (navigation, test teardown).
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(
    directory: str | Path,
    host: str = "127.0.0.1",
    port: int = 0,
    verbose: bool = False,
    headers: dict[str, str] | None = None,
    types: dict[str, str] | None = None,
) -> tuple[Server, str]:
    """Bind a server (port 0 = any free port) without starting it; return it and its URL.

    ``types`` overrides Content-Types by extension, e.g. ``{".wasm": "application/octet-stream"}``
    plays a server that does not know WebAssembly.
    """
    root = Path(directory)
    if not root.is_dir():
        raise FileNotFoundError(f"{root} is not a directory")
    handler_cls = type(
        "BoundHandler",
        (Handler,),
        {
            "verbose": verbose,
            "extra_headers": dict(headers or {}),
            "types": {**MIME_TYPES, **(types or {})},
        },
    )
    handler = functools.partial(handler_cls, directory=str(root.resolve()))
    server = Server((host, port), handler)
    raw_host, bound_port = server.server_address[:2]
    bound_host = raw_host.decode() if isinstance(raw_host, bytes) else str(raw_host)
    url_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    return server, f"http://{url_host}:{bound_port}/"


def start_server(
    directory: str | Path,
    host: str = "127.0.0.1",
    port: int = 0,
    headers: dict[str, str] | None = None,
    types: dict[str, str] | None = None,
) -> tuple[Server, str]:
    """Serve `directory` from a daemon thread (for tests and benchmarks).

    Stop it with server.shutdown() then server.server_close().
    """
    server, url = make_server(directory, host, port, headers=headers, types=types)
    threading.Thread(target=server.serve_forever, name=f"serve {url}", daemon=True).start()
    return server, url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve a folder over HTTP.")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    server, url = make_server(args.directory, args.host, args.port, args.verbose)
    print(f"Serving {args.directory} at {url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
