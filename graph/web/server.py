"""``sgcn serve``: a read-only SPARQL 1.1 Protocol endpoint and entity pages over the graph.

Routes (Flask, installed with the ``serve`` extra):

- ``GET|POST /sparql``: the SPARQL 1.1 Protocol. A query comes as ``?query=``, as a
  form field, or as an ``application/sparql-query`` body; the answer's format follows
  the ``Accept`` header (SPARQL results JSON, XML, CSV, TSV; Turtle, JSON-LD,
  N-Triples, RDF/XML for graphs; HTML for a browser), or a ``format`` parameter
  (``format=xml`` and ``format=json``, which SPARQLWrapper sends, mean RDF/XML and
  JSON-LD for a graph). Updates are refused with 403. ``GET /sparql`` without a query
  is the SPARQL 1.1 Service Description (Turtle by default; a browser is sent to ``/``).
- ``GET /id/<type>/<slug>``: every sgcn IRI dereferences: an HTML page (the entity's
  facts, each with its quote and source, links to related entities), or Turtle,
  JSON-LD, N-Triples or RDF/XML by ``Accept``.

Every answer carries ``Access-Control-Allow-Origin: *`` (the data is public and no
request carries credentials), and preflight ``OPTIONS`` requests are answered, so a
page on another origin can query the endpoint with ``fetch``.
- ``GET /ontology``: the ontology (every ``https://w3id.org/sgcn/ontology#…`` term):
  its documentation for a browser (the page ``sgcn docs`` writes), the Turtle file,
  JSON-LD, N-Triples or RDF/XML by ``Accept``.
- ``GET /topic/<slug>``: a concept of the topic scheme: a page (its labels, definition,
  broader and narrower concepts, what the graph tags with it) or its description in
  RDF; ``/topic/scheme`` is the scheme (a browser is sent to the ontology page's topics).
- ``GET /.well-known/void``: the graph's VoID/DCAT description (what ``sgcn build``
  states in the graph: size, entities per type, sources and their licences, the sgcn
  version that built it), with this endpoint as its ``void:sparqlEndpoint`` and a
  ``dcat:DataService``.
- ``GET /``: a page to type and run a query, listing the query library.

Queries run in worker processes that hold the graph: one that runs past the time
limit is killed and replaced while the others keep serving, and an answer over the
result-size limit is refused, each with a clear message (503 and 422). Bad requests
get a 4xx status with a message, never a traceback.

No query reaches the network unless the operator allows federation
(``allow_service``): a query using ``SERVICE`` is refused (403), and the workers can
open no socket at all (``sgcn.graph.web.sandbox``).

Examples:
    >>> negotiate("text/csv, */*;q=0.1", "SELECT")
    ('csv', 'text/csv; charset=utf-8')
    >>> negotiate("application/ld+json", "CONSTRUCT")
    ('json-ld', 'application/ld+json')
    >>> negotiate("image/png", "SELECT") is None
    True
    >>> negotiate("application/sparql-results+xml, application/rdf+xml", "CONSTRUCT")
    ('rdf-xml', 'application/rdf+xml')
    >>> is_update("PREFIX x: <https://x/> # a comment\\nDELETE WHERE { ?s ?p ?o }")
    True
    >>> is_update("SELECT * { ?s <https://x/INSERT> ?o }")
    False
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from sgcn.graph.rdf.iris import ID, TOPIC
from sgcn.graph.sparql.params import QueryError, bind
from sgcn.graph.web.sandbox import ServiceRefused, scan
from sgcn.loaders.errors import SgcnError

log = logging.getLogger(__name__)

SERVICE_DESCRIPTION = Path(__file__).parent / "templates" / "service-description.ttl"
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_RESULTS = 10_000
DEFAULT_PORT = 8000
PAGE_MAX_RESULTS = 50_000
# Deeper nesting of {} () [] is refused: Oxigraph's parser overflows its stack (a
# segmentation fault) somewhere between 2,000 and 5,000 levels, rdflib's below 50; the
# query library nests at most 6 deep.
MAX_DEPTH = 100
SERVICE_OFF = ("SERVICE (federated query) is turned off on this endpoint: it would make the server "
               "send requests to other hosts; its operator can turn it on with sgcn serve --allow-service")

# What each answer kind can be written as: (format, media types it answers to, Content-Type).
ROW_MEDIA = (
    ("json", ("application/sparql-results+json", "application/json"), "application/sparql-results+json"),
    ("xml", ("application/sparql-results+xml", "application/xml", "text/xml"), "application/sparql-results+xml"),
    ("csv", ("text/csv",), "text/csv; charset=utf-8"),
    ("tsv", ("text/tab-separated-values",), "text/tab-separated-values; charset=utf-8"),
    ("html", ("text/html", "application/xhtml+xml"), "text/html; charset=utf-8"),
    ("table", ("text/plain",), "text/plain; charset=utf-8"),
)
PAGE_MEDIA = (
    ("html", ("text/html", "application/xhtml+xml"), "text/html; charset=utf-8"),
    ("turtle", ("text/turtle", "application/x-turtle"), "text/turtle; charset=utf-8"),
    ("json-ld", ("application/ld+json",), "application/ld+json"),
    ("nt", ("application/n-triples",), "application/n-triples"),
    ("rdf-xml", ("application/rdf+xml",), "application/rdf+xml"),
)
GRAPH_MEDIA = (
    ("turtle", ("text/turtle", "application/x-turtle"), "text/turtle; charset=utf-8"),
    ("json-ld", ("application/ld+json",), "application/ld+json"),
    ("nt", ("application/n-triples", "text/plain"), "application/n-triples"),
    ("rdf-xml", ("application/rdf+xml",), "application/rdf+xml"),
    ("html", ("text/html", "application/xhtml+xml"), "text/html; charset=utf-8"),
)
# A description (the Service Description): a graph, but no HTML of its own.
DESCRIPTION_MEDIA = tuple(entry for entry in GRAPH_MEDIA if entry[0] != "html")
# ``format=`` names a client may send for a graph answer: SPARQLWrapper sends its return
# format (``xml``, ``json``) whatever the query form.
GRAPH_FORMAT_NAMES = {"xml": "rdf-xml", "rdfxml": "rdf-xml", "json": "json-ld", "jsonld": "json-ld",
                      "ttl": "turtle", "n-triples": "nt", "ntriples": "nt"}
_UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


class ServeError(SgcnError):
    """A request the endpoint refuses: carries the HTTP status and the message."""

    def __init__(self, status: int, message: str):
        self.status = status
        self.message = message
        super().__init__(message)


def _accepted(accept: str) -> list[tuple[str, float]]:
    """The media ranges of an Accept header, best first (stable for ties)."""
    ranges = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        quality = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    quality = float(f[2:])
                except ValueError:
                    quality = 0.0
        ranges.append((fields[0].lower(), quality, position))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(media, quality) for media, quality, _ in ranges if quality > 0]


def negotiate(accept: str | None, kind: str) -> tuple[str, str] | None:
    """The format and Content-Type to answer a ``kind`` query with, by the Accept header.

    ``kind`` is ``"SELECT"``/``"ASK"`` (rows), ``"CONSTRUCT"`` (graphs) or ``"PAGE"``
    (an entity's page); without an Accept header, rows are SPARQL results JSON,
    graphs Turtle and pages HTML. ``None`` when
    nothing acceptable can be made (406).
    """
    table = {"CONSTRUCT": GRAPH_MEDIA, "PAGE": PAGE_MEDIA, "DESCRIPTION": DESCRIPTION_MEDIA}.get(kind, ROW_MEDIA)
    if not accept or not accept.strip():
        return table[0][0], table[0][2]
    for media, _ in _accepted(accept):
        if media in ("*/*", "application/*", "text/*"):
            prefix = media.split("/")[0]
            for fmt, types, content_type in table:
                if media == "*/*" or types[0].startswith(prefix):
                    return fmt, content_type
        for fmt, types, content_type in table:
            if media in types:
                return fmt, content_type
    return None


def format_content_type(fmt: str, kind: str) -> tuple[str, str] | None:
    """The format named by a ``format=`` request parameter (``json``, ``csv``, ``turtle``, a
    media type, ...) and its Content-Type, or ``None`` when it cannot apply to ``kind``.

    Examples:
        >>> format_content_type("csv", "SELECT")
        ('csv', 'text/csv; charset=utf-8')
        >>> format_content_type("text/turtle", "CONSTRUCT")
        ('turtle', 'text/turtle; charset=utf-8')
        >>> format_content_type("xml", "CONSTRUCT")
        ('rdf-xml', 'application/rdf+xml')
    """
    table = {"CONSTRUCT": GRAPH_MEDIA, "PAGE": PAGE_MEDIA, "DESCRIPTION": DESCRIPTION_MEDIA}.get(kind, ROW_MEDIA)
    if kind != "SELECT" and kind != "ASK":
        fmt = GRAPH_FORMAT_NAMES.get(fmt, fmt)
    for name, types, content_type in table:
        if fmt == name or fmt in types:
            return name, content_type
    return None


def is_update(text: str) -> bool:
    """Whether a request text is a SPARQL Update (its first keyword after the prologue)."""
    body = re.sub(r"(?m)#[^\n]*$", " ", text)  # comments (a '#' inside an IRI is rare in a prologue)
    body = re.sub(r"(?is)^\s*((BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)\s*)*", "", body)
    match = re.match(r"\s*([A-Za-z]+)", body)
    return bool(match) and match.group(1).upper() in _UPDATE_WORDS


# --------------------------------------------------------------------------- workers


def _answer_message(answer, fmt: str, limit: int):
    """What a worker sends back for an answer: text in ``fmt``, or rows for an HTML page."""
    from sgcn.graph.sparql.query import write_result

    if fmt == "html":
        if answer.type == "SELECT":
            rows = answer.fetch(limit)
            if len(rows) > limit:
                raise _TooLarge(f"the answer has more than {limit} rows")
            return ("html", answer.type, answer.variables, rows)
        if answer.type == "ASK":
            return ("html", "ASK", [], [(bool(answer.boolean),)])
        return ("html", "CONSTRUCT", [], write_result(answer, "turtle", limit=limit))
    try:
        return ("text", answer.type, write_result(answer, fmt, limit=limit))
    except QueryError as err:
        if "more than" in str(err):
            raise _TooLarge(str(err)) from err
        raise


class _TooLarge(Exception):
    """An answer over the result-size limit (inside a worker only)."""


def _kind(answer_type: str) -> str:
    return "CONSTRUCT" if answer_type in ("CONSTRUCT", "DESCRIBE") else answer_type


def _worker_main(conn, graph_path: str, store: str, allow_service: bool = False) -> None:
    """A query worker: holds the graph, answers one request at a time over ``conn``.

    Unless ``allow_service``, the worker first makes itself unable to reach the network:
    rdflib's engine refuses SERVICE and FROM loading, and a seccomp filter forbids the
    process to open any socket (``sgcn.graph.web.sandbox``).
    """
    if not allow_service:
        from sgcn.graph.web.sandbox import close_rdflib_fetching, deny_network

        deny_network()
        close_rdflib_fetching()
    from sgcn.graph.sparql.store import load_graph, run_query

    try:
        graph = load_graph(graph_path, store=store)
    except SgcnError as err:
        conn.send(("failed", str(err)))
        return
    conn.send(("ready",))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        text, accept, fmt, limit = request
        try:
            answer = run_query(graph, text)
            kind = _kind(answer.type)
            chosen = format_content_type(fmt, kind) if fmt else negotiate(accept, kind)
            if chosen is None:
                conn.send(("error", 406, f"cannot write a {kind} answer as {fmt or accept!r}"))
                continue
            conn.send(("ok", chosen[1], _answer_message(answer, chosen[0], limit)))
        except _TooLarge as err:
            conn.send(("error", 422, f"{err}; add a LIMIT or ask the server for a larger --max-results"))
        except QueryError as err:
            if not allow_service and isinstance(err.__cause__, (ServiceRefused, PermissionError)):
                conn.send(("error", 403, SERVICE_OFF))
            else:
                conn.send(("error", 400, str(err)))
        except (ServiceRefused, PermissionError):  # rdflib's SERVICE, or a socket the sandbox refused
            conn.send(("error", 403, SERVICE_OFF))
        except RecursionError:  # rdflib's parser and evaluator recurse per level of nesting
            conn.send(("error", 400, "the query nests too deeply for this store"))
        except RuntimeError as err:  # pyoxigraph's errors met while evaluating, lazily
            conn.send(("error", 400, f"query cannot run: {err}"))
        except Exception as err:  # a bug: keep the worker alive, tell the client without a traceback
            log.exception("query failed")
            conn.send(("error", 500, f"the query failed inside the server: {type(err).__name__}"))


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.Process
    conn: object


class WorkerPool:
    """Query workers holding the graph; a request that runs too long kills its worker.

    Args:
        graph_path: the graph file every worker loads.
        store: the embedded store (see ``sgcn.graph.sparql.store.STORES``).
        size: how many queries run at once.
        load_timeout: seconds a worker may take to load the graph.
        allow_service: let queries reach the network (``SERVICE``); off, the workers
            cannot open a socket.
    """

    def __init__(self, graph_path: str | Path, *, store: str, size: int = 2, load_timeout: float = 300,
                 allow_service: bool = False):
        self.graph_path, self.store, self.load_timeout = str(graph_path), store, load_timeout
        self.allow_service = allow_service
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self.size = size
        for _ in range(size):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(child, self.graph_path, self.store, self.allow_service),
                                        daemon=True, name="sgcn-query-worker")
        process.start()
        child.close()
        if not parent.poll(self.load_timeout):
            process.kill()
            raise SgcnError(f"a query worker did not load {self.graph_path} within {self.load_timeout} s")
        message = parent.recv()
        if message[0] != "ready":
            process.join()
            raise SgcnError(message[1])
        worker = _Worker(process, parent)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and put a fresh one in the pool, in the background."""
        worker.process.kill()
        worker.process.join()
        with self._lock:
            self._workers.discard(worker)

        def restart() -> None:
            try:
                self._idle.put(self._start())
            except SgcnError:
                log.exception("cannot restart a query worker")

        threading.Thread(target=restart, daemon=True).start()

    def ask(self, text: str, *, accept: str | None, fmt: str | None, limit: int, timeout: float):
        """Run ``text`` on a free worker; the worker's reply, or a :class:`ServeError`."""
        started = time.monotonic()
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise ServeError(503, f"every query worker stayed busy for {timeout:g} s; try again") from None
        remaining = max(0.01, timeout - (time.monotonic() - started))
        try:
            worker.conn.send((text, accept, fmt, limit))
            if not worker.conn.poll(remaining):
                self._replace(worker)
                raise ServeError(503, f"the query ran past the time limit of {timeout:g} s and was stopped")
            reply = worker.conn.recv()
        except (EOFError, BrokenPipeError, OSError):
            self._replace(worker)
            raise ServeError(500, "the query worker stopped; try again") from None
        self._idle.put(worker)
        if reply[0] == "error":
            raise ServeError(reply[1], reply[2])
        return reply[1], reply[2]

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            try:
                worker.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
            worker.process.join(timeout=2)
            if worker.process.is_alive():
                worker.process.kill()


# --------------------------------------------------------------------------- the app


def _templates():
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("sgcn.graph.web", "templates"),
                       autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


def local_link(iri: str) -> str | None:
    """The path an sgcn IRI is served at, or ``None`` for other IRIs.

    Examples:
        >>> local_link("https://w3id.org/sgcn/id/person/luke-goh")
        '/id/person/luke-goh'
        >>> local_link("https://example.org/x") is None
        True
    """
    return "/id/" + iri[len(ID):] if iri.startswith(ID) else None


def create_app(graph_path: str | Path, *, store: str | None = None, timeout: float = DEFAULT_TIMEOUT,
               max_results: int = DEFAULT_MAX_RESULTS, workers: int = 2, allow_service: bool = False):
    """The Flask application serving ``graph_path`` (see the module doc for its routes).

    Args:
        graph_path: the graph file to serve.
        store: the embedded store the workers use (default: the default store).
        timeout: seconds a query may run before it is stopped.
        max_results: the most rows (or triples) an answer may have.
        workers: how many queries run at once.
        allow_service: let queries use ``SERVICE`` (federation: the server then sends
            requests wherever a query says); off by default.

    Raises:
        SgcnError: Flask is not installed (the ``serve`` extra), or the graph cannot be loaded.
    """
    try:
        from flask import Flask, Response, redirect, render_template_string, request  # noqa: F401
        from werkzeug.exceptions import HTTPException
    except ImportError as err:
        raise SgcnError("sgcn serve needs Flask: pip install 'sgcn[serve]'") from err
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF, SKOS, VOID, Namespace

    SD = Namespace("http://www.w3.org/ns/sparql-service-description#")

    from sgcn.graph.rdf.build import ontology_text
    from sgcn.graph.sparql.query import library, query_text
    from sgcn.graph.sparql.store import DEFAULT_STORE

    pool = WorkerPool(graph_path, store=store or DEFAULT_STORE, size=workers, allow_service=allow_service)
    page_limit = max(max_results, PAGE_MAX_RESULTS)  # an entity page is one entity's facts: bounded
    templates = _templates()
    queries = library()
    app = Flask("sgcn.graph.web.server")
    app.config["sgcn.pool"] = pool

    def page(template: str, status: int = 200, **context) -> Response:
        html = templates.get_template(template).render(**context)
        return Response(html, status=status, content_type="text/html; charset=utf-8")

    @app.after_request
    def cross_origin(response: Response) -> Response:
        """CORS: any origin may read the answers (public data, no credentials); a preflight
        may send what a SPARQL client sends (a query body, an Accept header)."""
        response.headers["Access-Control-Allow-Origin"] = "*"
        if request.method == "OPTIONS":
            response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = request.headers.get(
                "Access-Control-Request-Headers", "Accept, Content-Type")
            response.headers["Access-Control-Max-Age"] = "86400"
        if request.path in ("/sparql", "/ontology", "/.well-known/void") or request.path.startswith(("/id/", "/topic/")):
            response.vary.add("Accept")
        return response

    @app.errorhandler(ServeError)
    def refused(err: ServeError) -> Response:
        return Response(err.message + "\n", status=err.status, content_type="text/plain; charset=utf-8")

    @app.errorhandler(HTTPException)
    def http_error(err: HTTPException) -> Response:
        return Response(f"{err.code} {err.name}: {err.description}\n", status=err.code,
                        content_type="text/plain; charset=utf-8")

    @app.errorhandler(Exception)
    def unexpected(err: Exception) -> Response:
        log.exception("unexpected error")
        return Response("500 Internal Server Error: the server could not answer; see its log\n", status=500,
                        content_type="text/plain; charset=utf-8")

    def run(text: str, *, accept: str | None, fmt: str | None = None, limit: int = max_results) -> tuple[str, tuple]:
        return pool.ask(text, accept=accept, fmt=fmt, limit=limit, timeout=timeout)

    def respond(content_type: str, message: tuple, *, title: str, query: str = "") -> Response:
        if message[0] == "text":
            return Response(message[2], content_type=content_type)
        kind = message[1]
        return page("sparql-results.html", title=title, query=query, kind=kind,
                    variables=message[2], rows=message[3] if kind != "CONSTRUCT" else [],
                    turtle=message[3] if kind == "CONSTRUCT" else "", local_link=local_link)

    graph_size: dict[str, int] = {}

    def triples() -> int:
        """How many triples the served graph holds (asked of a worker once)."""
        if "triples" not in graph_size:
            _, message = run("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", accept=None, fmt="csv")
            graph_size["triples"] = int(message[2].splitlines()[1])
        return graph_size["triples"]

    def service_description() -> Response:
        """The SPARQL 1.1 Service Description of this endpoint, in the format asked for."""
        from sgcn.graph.sparql.query import write_graph

        asked = request.args.get("format")
        chosen = (format_content_type(asked, "DESCRIPTION") if asked
                  else negotiate(request.headers.get("Accept"), "CONSTRUCT"))
        if chosen is None:
            raise ServeError(406, "the service description is Turtle, JSON-LD, N-Triples or RDF/XML")
        if chosen[0] == "html":
            return redirect("/", code=303)
        endpoint = request.base_url
        description = Graph().parse(SERVICE_DESCRIPTION, format="turtle", publicID=endpoint)
        description.bind("sd", SD)
        description.bind("void", VOID)
        description.add((URIRef(endpoint + "#default-graph"), VOID.triples, Literal(triples())))
        return Response(write_graph(description, chosen[0]), content_type=chosen[1])

    @app.route("/")
    def index() -> Response:
        return page("sparql-index.html", queries=queries.values(), timeout=timeout, max_results=max_results,
                    example=query_text("relations"))

    @app.route("/sparql", methods=["GET", "POST"])
    def sparql() -> Response:
        text, update = None, None
        content_type = (request.mimetype or "").lower()
        if request.method == "GET":
            text, update = request.args.get("query"), request.args.get("update")
        elif content_type == "application/sparql-query":
            text = request.get_data(as_text=True)
        elif content_type == "application/sparql-update":
            update = request.get_data(as_text=True)
        elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            text, update = request.form.get("query"), request.form.get("update")
        else:
            raise ServeError(415, f"POST a query as application/sparql-query or a form, not {content_type or 'nothing'}")
        if update is not None or (text is not None and is_update(text)):
            raise ServeError(403, "this endpoint is read-only: SPARQL Update is refused")
        if text is None and update is None and request.method == "GET":
            return service_description()
        if not text or not text.strip():
            raise ServeError(400, "no query: send one as ?query=... (GET), a form field or an "
                                  "application/sparql-query body (POST)")
        shape = scan(text)
        if shape.service and not allow_service:
            raise ServeError(403, SERVICE_OFF)
        if shape.depth > MAX_DEPTH:
            raise ServeError(400, f"the query nests groups or brackets {shape.depth} deep; "
                                  f"this endpoint takes at most {MAX_DEPTH}")
        graphs = request.values.getlist("default-graph-uri") + request.values.getlist("named-graph-uri")
        from sgcn.graph.sparql.remote import DEFAULT_GRAPH_URI

        if any(uri != DEFAULT_GRAPH_URI for uri in graphs):
            raise ServeError(400, f"this endpoint serves one graph, <{DEFAULT_GRAPH_URI}>; "
                                  "other default-graph-uri or named-graph-uri values cannot be honoured")
        fmt = request.values.get("format") or request.values.get("output") or None
        content, message = run(text, accept=request.headers.get("Accept"), fmt=fmt)
        return respond(content, message, title="Query results", query=text)

    ontology_graph = Graph().parse(data=ontology_text("sgcn.ttl"), format="turtle")
    topics_graph = Graph().parse(data=ontology_text("topics.ttl") or "", format="turtle")
    documentation: dict[str, str] = {}

    def page_format(what: str) -> tuple[str, str]:
        """The format of a page by ``format=`` or ``Accept`` (HTML, Turtle, JSON-LD, N-Triples, RDF/XML)."""
        asked = request.args.get("format")
        chosen = format_content_type(asked, "PAGE") if asked else negotiate(request.headers.get("Accept"), "PAGE")
        if chosen is None:
            raise ServeError(406, f"{what} is HTML, Turtle (text/turtle), JSON-LD (application/ld+json), "
                                  "N-Triples (application/n-triples) or RDF/XML (application/rdf+xml)")
        return chosen

    @app.route("/.well-known/void")
    def void_description() -> Response:
        """The graph's VoID/DCAT description (the library's ``dataset`` query), with this endpoint."""
        from rdflib.namespace import DCAT, DCTERMS

        from sgcn.graph.sparql.query import write_graph

        asked = request.args.get("format")
        chosen = (format_content_type(asked, "DESCRIPTION") if asked
                  else negotiate(request.headers.get("Accept"), "DESCRIPTION"))
        if chosen is None:
            raise ServeError(406, "the dataset description is Turtle, JSON-LD, N-Triples or RDF/XML")
        _, message = run(query_text("dataset"), accept=None, fmt="nt", limit=page_limit)
        description = Graph().parse(data=message[2], format="nt")
        datasets = sorted(description.subjects(RDF.type, VOID.Dataset))
        if not datasets:
            raise ServeError(404, "the served graph has no VoID description (it was not built by sgcn build)")
        endpoint = URIRef(request.host_url + "sparql")
        service = URIRef(request.host_url + "sparql#service")
        for dataset in datasets:
            description.add((dataset, VOID.sparqlEndpoint, endpoint))
            description.add((service, DCAT.servesDataset, dataset))
        description.add((service, RDF.type, DCAT.DataService))
        description.add((service, DCAT.endpointURL, endpoint))
        description.add((service, DCAT.endpointDescription, endpoint))
        description.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
        description.bind("void", VOID)
        description.bind("dcat", DCAT)
        return Response(write_graph(description, chosen[0]), content_type=chosen[1])

    @app.route("/ontology")
    def ontology() -> Response:
        """The ontology: its documentation for a person, the Turtle file or another RDF format."""
        from sgcn.graph.web.ontodoc import ontology_document
        from sgcn.graph.sparql.query import write_graph

        fmt, content_type = page_format("the ontology")
        if fmt == "html":
            if "html" not in documentation:
                documentation["html"] = ontology_document(ontology_graph, topics_graph)
            return Response(documentation["html"], content_type=content_type)
        if fmt == "turtle":
            return Response(ontology_text("sgcn.ttl"), content_type=content_type)
        return Response(write_graph(ontology_graph, fmt), content_type=content_type)

    @app.route("/topic/<slug>")
    def topic(slug: str) -> Response:
        """A concept of the topic scheme (or the scheme): a page, or its description in RDF."""
        from sgcn.graph.web.ontodoc import concepts

        iri = URIRef(TOPIC + slug)
        if not re.fullmatch(r"[a-z0-9-]+", slug) or not any(topics_graph.triples((iri, None, None))):
            raise ServeError(404, f"no such topic: {iri}")
        fmt, content_type = page_format("a topic")
        if fmt != "html":
            _, message = run(f"DESCRIBE <{iri}>", accept=None, fmt=fmt, limit=page_limit)
            return Response(message[2], content_type=content_type)
        if slug == "scheme":
            return redirect("/ontology#topics", code=303)
        scheme = {c.iri: c for c in concepts(topics_graph, "/topic/")}
        labels = {"/topic/" + c.slug: c.label for c in scheme.values()}
        concept = scheme[str(iri)]
        tagged = ("PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                  "PREFIX sgcn: <https://w3id.org/sgcn/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                  f"SELECT DISTINCT ?entity ?label ?type WHERE {{ ?entity dcterms:subject <{iri}> ; skos:prefLabel ?label ; "
                  "a ?class . ?class rdfs:subClassOf sgcn:Entity ; skos:notation ?type } ORDER BY ?type ?label")
        _, rows = run(tagged, accept=None, fmt="html", limit=page_limit)
        return page("topic.html", concept=concept, labels=labels, rows=rows[3], local_link=local_link)

    @app.route("/id/<kind>/<path:slug>")
    def entity(kind: str, slug: str) -> Response:
        iri = f"{ID}{kind}/{slug}"
        if not re.fullmatch(r"[a-z]+", kind) or not re.fullmatch(r"[A-Za-z0-9._~-]+", slug):
            raise ServeError(404, f"no such entity: {iri}")
        described = bind(query_text("entity-graph"), {"entity": URIRef(iri)})
        accept = request.headers.get("Accept")
        asked = request.args.get("format")
        chosen = format_content_type(asked, "PAGE") if asked else negotiate(accept, "PAGE")
        if chosen is None:
            raise ServeError(406, "entity pages are HTML, Turtle (text/turtle), JSON-LD (application/ld+json) "
                                  "or N-Triples (application/n-triples)")
        fmt = chosen[0] if chosen[0] != "html" else "turtle"
        content_type, message = run(described, accept=None, fmt=fmt, limit=page_limit)
        body = message[2]
        if not body.strip() or (fmt == "json-ld" and body.strip() in ("[]", "{}")):
            raise ServeError(404, f"the graph says nothing about {iri}")
        if chosen[0] != "html":
            return Response(body, content_type=content_type)
        graph = Graph().parse(data=body, format="turtle")
        if not any(graph.triples((URIRef(iri), None, None))) and not any(graph.triples((None, None, URIRef(iri)))):
            raise ServeError(404, f"the graph says nothing about {iri}")
        facts_text = bind(query_text("entity-facts"), {"entity": URIRef(iri)})
        _, facts = run(facts_text, accept=None, fmt="html", limit=page_limit)
        label = graph.value(URIRef(iri), SKOS.prefLabel) or slug
        types = sorted(str(t).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for t in graph.objects(URIRef(iri), RDF.type))
        aliases = sorted(str(a) for a in graph.objects(URIRef(iri), SKOS.altLabel))
        statements = sorted(
            (str(p), str(o), local_link(str(o)) if isinstance(o, URIRef) else None)
            for p, o in graph.predicate_objects(URIRef(iri))
        )
        return page("sparql-entity.html", iri=iri, label=str(label), types=types, aliases=aliases,
                    facts=facts[3], statements=statements, local_link=local_link)

    return app


def serve(graph_path: str | Path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT, store: str | None = None,
          timeout: float = DEFAULT_TIMEOUT, max_results: int = DEFAULT_MAX_RESULTS, workers: int = 2,
          allow_service: bool = False) -> None:
    """Serve the graph until interrupted (see :func:`create_app` for the arguments)."""
    from werkzeug.serving import run_simple

    app = create_app(graph_path, store=store, timeout=timeout, max_results=max_results, workers=workers,
                     allow_service=allow_service)
    log.info("serving %s at http://%s:%d/ (SPARQL endpoint /sparql)", graph_path, host, port)
    try:
        run_simple(host, port, app, threaded=True)
    finally:
        app.config["sgcn.pool"].close()
