"""How ``sgcn serve`` meets the network: waitress, request limits, a bound per client.

The Flask application (``sgcn.graph.web.server``) is served by waitress, a production WSGI
server, rather than Flask's development server. Why waitress rather than gunicorn:
the endpoint's state lives in one process (the query workers, the seats for long
queries, the count of each client's queries), and waitress serves one process with a
pool of threads, where gunicorn forks processes that would each start their own
workers and count clients apart; waitress reads every request whole on its own
event loop before a thread sees it (a client sending slowly holds a connection, not
a thread) and enforces header and body sizes itself; it is pure Python with no
dependencies and runs wherever sgcn does (gunicorn is Unix-only).

Limits, each answered with a status and a one-line message:

==============================  ===========  =====
what                            at most      else
==============================  ===========  =====
request line and headers        96 KiB       431
headers alone                   16 KiB       431
query string of the URL         64 KiB       414
request body                    256 KiB      413
a query's text                  64 KiB       413 (``sgcn.graph.web.server``)
requests at once per client     8            429
open connections                100          waits
idle connection                 30 s         closed
==============================  ===========  =====

A client is its address as the socket sees it; behind a reverse proxy every client
is the proxy, which should then bound clients itself.

Examples:
    >>> limited = ClientLimits(lambda environ, start: [b"ok"], per_client=1)
    >>> limited.max_query_string
    65536
"""

from __future__ import annotations

import collections
import logging
import signal
import threading

log = logging.getLogger(__name__)

MAX_HEADER_BLOCK = 96 * 1024
MAX_HEADERS = 16 * 1024
MAX_QUERY_STRING = 64 * 1024
MAX_BODY = 256 * 1024
DEFAULT_PER_CLIENT = 8
CONNECTION_LIMIT = 100
IDLE_SECONDS = 30


def _refuse(start_response, status: str, message: str, extra: list[tuple[str, str]] = ()) -> list[bytes]:
    body = (message + "\n").encode("utf-8")
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body))),
                            *extra])
    return [body]


class ClientLimits:
    """WSGI middleware: refuse oversized URLs and headers, bound each client's requests at once.

    Args:
        app: the WSGI application.
        per_client: requests one client address may have in progress (0: no bound).
        max_query_string: bytes of the URL's query string.
        max_headers: bytes of all request headers, names and values.
    """

    def __init__(self, app, *, per_client: int = DEFAULT_PER_CLIENT, max_query_string: int = MAX_QUERY_STRING,
                 max_headers: int = MAX_HEADERS):
        self.app, self.per_client = app, per_client
        self.max_query_string, self.max_headers = max_query_string, max_headers
        self._in_progress: collections.Counter[str] = collections.Counter()
        self._lock = threading.Lock()
        self.refused: collections.Counter[int] = collections.Counter()

    def __call__(self, environ, start_response):
        query_string = environ.get("QUERY_STRING", "")
        if len(query_string) > self.max_query_string:
            self.refused[414] += 1
            return _refuse(start_response, "414 URI Too Long",
                           f"the URL's query string is {len(query_string)} bytes; this endpoint takes at most "
                           f"{self.max_query_string} (POST a long query as application/sparql-query)")
        headers = sum(len(key) + len(str(value)) for key, value in environ.items()
                      if key.startswith("HTTP_") or key in ("CONTENT_TYPE", "CONTENT_LENGTH"))
        if headers > self.max_headers:
            self.refused[431] += 1
            return _refuse(start_response, "431 Request Header Fields Too Large",
                           f"the request's headers are {headers} bytes; this endpoint takes at most {self.max_headers}")
        client = environ.get("REMOTE_ADDR", "")
        with self._lock:
            if self.per_client and self._in_progress[client] >= self.per_client:
                self.refused[429] += 1
                refuse = True
            else:
                self._in_progress[client] += 1
                refuse = False
        if refuse:
            return _refuse(start_response, "429 Too Many Requests",
                           f"{client} already has {self.per_client} requests in progress, the most one client may "
                           "have at once; wait for one to finish", [("Retry-After", "1")])
        try:
            # the Flask application does its work (the query included) in this call and
            # returns the finished body, so the client's request is over when it returns
            return self.app(environ, start_response)
        finally:
            with self._lock:
                self._in_progress[client] -= 1
                if not self._in_progress[client]:
                    del self._in_progress[client]


def serve_app(app, *, host: str, port: int, threads: int, per_client: int = DEFAULT_PER_CLIENT,
              on_stop=None) -> None:
    """Serve a WSGI application with waitress and the limits above until interrupted
    (Ctrl-C or SIGTERM); ``on_stop`` is called then."""
    from waitress.server import create_server

    server = create_server(
        ClientLimits(app, per_client=per_client), host=host, port=port, threads=threads,
        max_request_header_size=MAX_HEADER_BLOCK, max_request_body_size=MAX_BODY,
        connection_limit=CONNECTION_LIMIT, channel_timeout=IDLE_SECONDS, asyncore_use_poll=True,
        ident="sgcn", clear_untrusted_proxy_headers=True)

    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop) if threading.current_thread() is threading.main_thread() else None
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        if on_stop is not None:
            on_stop()
