"""Helpers for the tests of ``sgcn serve``: a real server on a free loopback port, a
real listener that records whoever connects to it, plain HTTP requests."""

from __future__ import annotations

import http.server as http_server
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager

import pytest

SGCN = [sys.executable, "-c", "import sys; from sgcn.graph.cli import main; sys.exit(main())"]
# what the listener answers, should a request ever reach it: a SPARQL results document
# with one row, so a leak would show in the answer as well as in the listener's record
LEAKED = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"literal","value":"LEAKED"}}]}}'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def exchange(url: str, *, data: bytes | None = None, headers: dict | None = None, timeout: float = 60,
             source: str | None = None) -> tuple[int, dict[str, str], str]:
    """(status, response headers, body) of one request sent with http.client; HTTP errors
    are answers too. ``source``: the loopback address to send from (127.0.0.2, ...), a
    client of its own for the server's per-client bound."""
    import http.client as http_client

    parts = urllib.parse.urlsplit(url)
    connection = http_client.HTTPConnection(parts.hostname, parts.port, timeout=timeout,
                                            source_address=(source, 0) if source else None)
    try:
        connection.request("POST" if data is not None else "GET", parts.path + (f"?{parts.query}" if parts.query else ""),
                           body=data, headers=dict(headers or {}))
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def http(url: str, *, accept: str | None = None, data: bytes | None = None, content_type: str | None = None,
         headers: dict | None = None, timeout: float = 60, source: str | None = None):
    """(status, content type, body) of one request; HTTP errors are answers too."""
    headers = dict(headers or {})
    if accept:
        headers["Accept"] = accept
    if content_type:
        headers["Content-Type"] = content_type
    status, response_headers, body = exchange(url, data=data, headers=headers, timeout=timeout, source=source)
    return status, response_headers.get("Content-Type", ""), body


def ask(base: str, query: str, *, accept: str = "application/sparql-results+json", timeout: float = 60,
        source: str | None = None):
    """GET /sparql?query=..."""
    return http(f"{base}/sparql?" + urllib.parse.urlencode({"query": query}), accept=accept, timeout=timeout,
                source=source)


class Server:
    """A running ``sgcn serve``: its base URL, its process and what it wrote to stderr."""

    def __init__(self, process: subprocess.Popen, base: str, log_path):
        self.process, self.base, self.log_path = process, base, log_path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def workers(self) -> list[int]:
        """The process ids of its query workers: children of its fork server (or, where
        workers are spawned, its children started by multiprocessing's spawn)."""
        table = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as stat:
                    ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
                with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                    table[int(entry)] = (ppid, cmdline.read())
            except (OSError, ValueError, IndexError):
                continue
        servers = {pid for pid, (ppid, command) in table.items()
                   if ppid == self.process.pid and b"multiprocessing.forkserver" in command}
        return sorted(pid for pid, (ppid, command) in table.items()
                      if ppid in servers or (ppid == self.process.pid and b"spawn_main" in command))


def cpu_seconds(pid: int) -> float:
    """CPU time a process has used (user and system), in seconds; 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def running_serve(tmp_path, *args: str, startup: float = 120):
    """``sgcn serve ARGS`` on a free loopback port, until the block ends."""
    port = free_port()
    log_path = tmp_path / f"serve-{port}.log"
    with open(log_path, "wb") as log_file:
        process = subprocess.Popen([*SGCN, "serve", "--port", str(port), *args], stdout=subprocess.DEVNULL,
                                   stderr=log_file, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    server = Server(process, f"http://127.0.0.1:{port}", log_path)
    deadline = time.monotonic() + startup
    try:
        while True:
            try:
                urllib.request.urlopen(server.base + "/", timeout=2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"sgcn serve did not start: {server.log()[-3000:]}")
                time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Listener:
    """An HTTP server on a free loopback port that records every connection made to it."""

    def __init__(self):
        self.connections: list[tuple[str, int]] = []
        self.requests: list[str] = []
        listener = self

        class Handler(http_server.BaseHTTPRequestHandler):
            def _answer(self):
                listener.requests.append(f"{self.command} {self.path}")
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(LEAKED)))
                self.end_headers()
                self.wfile.write(LEAKED)

            do_GET = do_POST = do_HEAD = _answer

            def log_message(self, *args):
                pass

        class Recording(http_server.ThreadingHTTPServer):
            def verify_request(self, request, client_address):
                listener.connections.append(client_address)
                return True

        self.server = Recording(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def listener():
    """A loopback listener that must (or must not) be reached."""
    recorder = Listener()
    yield recorder
    recorder.close()


@pytest.fixture(scope="session")
def web():
    """The helpers above, for test modules (conftest.py cannot be imported under importlib mode)."""
    from types import SimpleNamespace

    return SimpleNamespace(running_serve=running_serve, ask=ask, http=http, exchange=exchange, free_port=free_port,
                           Listener=Listener, LEAKED=LEAKED, cpu_seconds=cpu_seconds)
# The flags of the servers the hardening tests share: three running queries, two of which
# may run long; a generous time limit (the tests stop slow queries themselves) and a
# small memory limit (reached in a second); four requests at once per client.
HARDENED = ("--workers", "3", "--long-queries", "2", "--timeout", "60", "--max-memory", "128",
            "--max-client-queries", "4")


@pytest.fixture(scope="session")
def hardened(tmp_path_factory):
    """``hardened(store)``: a running ``sgcn serve`` on the project's graph with :data:`HARDENED`
    flags, one per store, started on first use and shared by the session."""
    from contextlib import ExitStack

    from sgcn.graph.sparql.query import default_graph_path

    servers: dict[str, Server] = {}
    with ExitStack() as stack:
        def get(store: str) -> Server:
            if store not in servers:
                servers[store] = stack.enter_context(running_serve(
                    tmp_path_factory.mktemp(f"serve-{store}"), "--store", store, "--graph", str(default_graph_path()),
                    *HARDENED))
            return servers[store]

        yield get
