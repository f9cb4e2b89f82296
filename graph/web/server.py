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
  facts grouped, each with its sources and how many are independent, links to related
  entities; :mod:`sgcn.graph.web.pages`), or Turtle, JSON-LD, N-Triples or RDF/XML by
  ``Accept``. A browser asking for a document or a piece of evidence is sent (303) to
  the document page.
- ``GET /doc/<slug>``: a document's page: the text its loader kept, one quote
  highlighted (``?start=&end=`` offsets, or ``?quote=`` text), the title, date,
  publisher and original URL, and every fact read from it.
- ``GET /.well-known/void``: the graph's VoID/DCAT description (what ``sgcn build``
  states in the graph: size, entities per type, sources and their licences, the sgcn
  version that built it), with this endpoint as its ``void:sparqlEndpoint`` and a
  ``dcat:DataService``.
- ``GET /ontology``: the ontology (every ``https://w3id.org/sgcn/ontology#…`` term):
  its documentation for a browser (the page ``sgcn docs`` writes), the Turtle file,
  JSON-LD, N-Triples or RDF/XML by ``Accept``.
- ``GET /topic/<slug>``: a concept of the topic scheme: a page (its labels, definition,
  broader and narrower concepts, what the graph tags with it) or its description in
  RDF; ``/topic/scheme`` is the scheme (a browser is sent to the ontology page's topics).
- ``GET /``: the YASGUI query editor (vendored, ``static/yasgui``), listing the query library.

Every answer carries ``Access-Control-Allow-Origin: *`` (the data is public and no
request carries credentials), and preflight ``OPTIONS`` requests are answered, so a
page on another origin can query the endpoint with ``fetch``.

Queries run in worker processes that hold the graph (``sgcn.graph.web.workers``): one
that runs past the time limit or its memory limit is stopped and its worker replaced
while the others keep serving; only a few queries at a time may run long, so a quick
query is never stuck behind slow ones; an answer over the result-size limit is
refused; each with a clear message (503, 422). Bad requests get a 4xx status with a
message, never a traceback. The application is served by waitress, with limits on
request sizes and on each client's requests at once (``sgcn.graph.web.wsgi``).

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
    >>> is_update("PREFIX x: <https://x/> # a comment\\nDELETE WHERE { ?s ?p ?o }")
    True
    >>> is_update("SELECT * { ?s <https://x/INSERT> ?o }")
    False
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from sgcn.graph.rdf.iris import ID, TOPIC
from sgcn.graph.sparql.params import bind
from sgcn.graph.web.media import (  # noqa: F401  (part of this module's API)
    GRAPH_MEDIA,
    PAGE_MEDIA,
    ROW_MEDIA,
    format_content_type,
    negotiate,
)
from sgcn.graph.web.sandbox import scan
from sgcn.graph.web.workers import (  # noqa: F401  (ServeError is part of this module's API)
    DEFAULT_LONG_QUERIES,
    DEFAULT_MEMORY_MB,
    DEFAULT_QUICK,
    DEFAULT_WORKERS,
    SERVICE_OFF,
    ServeError,
    WorkerPool,
)
from sgcn.graph.web.wsgi import DEFAULT_PER_CLIENT
from sgcn.loaders.errors import SgcnError

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_RESULTS = 10_000
DEFAULT_PORT = 8000
PAGE_MAX_RESULTS = 50_000
# Deeper nesting of {} () [] is refused: Oxigraph's parser overflows its stack (a
# segmentation fault) somewhere between 2,000 and 5,000 levels, rdflib's below 50; the
# query library nests at most 6 deep.
MAX_DEPTH = 100
SERVICE_DESCRIPTION = Path(__file__).parent / "templates" / "service-description.ttl"
MAX_QUERY_BYTES = 64 * 1024  # a query's text, however it comes (the library's longest is under 4 KiB)

_UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


def is_update(text: str) -> bool:
    """Whether a request text is a SPARQL Update (its first keyword after the prologue)."""
    body = re.sub(r"(?m)#[^\n]*$", " ", text)  # comments (a '#' inside an IRI is rare in a prologue)
    body = re.sub(r"(?is)^\s*((BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)\s*)*", "", body)
    match = re.match(r"\s*([A-Za-z]+)", body)
    return bool(match) and match.group(1).upper() in _UPDATE_WORDS


# --------------------------------------------------------------------------- the app


def _templates():
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("sgcn.graph.web", "templates"),
                       autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


def local_link(iri: str) -> str | None:
    """The path an sgcn IRI is served at (a document's page for a document), or ``None`` for other IRIs.

    Examples:
        >>> local_link("https://w3id.org/sgcn/id/person/luke-goh")
        '/id/person/luke-goh'
        >>> local_link("https://w3id.org/sgcn/id/document/a-txt")
        '/doc/a-txt'
        >>> local_link("https://example.org/x") is None
        True
    """
    from sgcn.graph.web.pages import entity_link

    return entity_link(iri)


#: The last part of an sgcn IRI (``slug`` keeps letters beyond ASCII).
_SLUG = r"[\w.~-]+"


def create_app(graph_path: str | Path, *, store: str | None = None, timeout: float = DEFAULT_TIMEOUT,
               max_results: int = DEFAULT_MAX_RESULTS, workers: int = DEFAULT_WORKERS,
               long_queries: int | None = None, memory_mb: int | None = DEFAULT_MEMORY_MB,
               allow_service: bool = False, client_running: int | None = None):
    """The Flask application serving ``graph_path`` (see the module doc for its routes).

    Args:
        graph_path: the graph file to serve.
        store: the embedded store the workers use (default: the default store).
        timeout: seconds a query may run before it is stopped.
        max_results: the most rows (or triples) an answer may have.
        workers: how many queries run at once.
        long_queries: how many of them may run longer than a second (default: 2, and
            always one worker fewer than ``workers``).
        memory_mb: megabytes a query may take beyond what its worker holds (``None``:
            no limit).
        allow_service: let queries use ``SERVICE`` (federation: the server then sends
            requests wherever a query says); off by default.
        client_running: how many queries of one client address run at once (default:
            ``long_queries``, and always fewer than ``workers``); its others wait.

    Raises:
        SgcnError: Flask is not installed (the ``serve`` extra), or the graph cannot be loaded.
    """
    try:
        from flask import Flask, Response, redirect, render_template_string, request  # noqa: F401
        from werkzeug.exceptions import HTTPException
    except ImportError as err:
        raise SgcnError("sgcn serve needs Flask: pip install 'sgcn[serve]'") from err
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF, VOID, Namespace

    SD = Namespace("http://www.w3.org/ns/sparql-service-description#")

    from sgcn.graph.rdf.build import ontology_text
    from sgcn.graph.sparql.query import library, query_text
    from sgcn.graph.sparql.store import DEFAULT_STORE
    from sgcn.graph.web.pages import document_link, result_links

    pool = WorkerPool(graph_path, store=store or DEFAULT_STORE, size=workers, long_queries=long_queries,
                      memory_mb=memory_mb, allow_service=allow_service, client_running=client_running)
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
        response = Response(err.message + "\n", status=err.status, content_type="text/plain; charset=utf-8")
        if err.retry_after is not None:
            response.headers["Retry-After"] = str(err.retry_after)
        return response

    @app.errorhandler(HTTPException)
    def http_error(err: HTTPException) -> Response:
        return Response(f"{err.code} {err.name}: {err.description}\n", status=err.code,
                        content_type="text/plain; charset=utf-8")

    @app.errorhandler(Exception)
    def unexpected(err: Exception) -> Response:
        log.exception("unexpected error")
        return Response("500 Internal Server Error: the server could not answer; see its log\n", status=500,
                        content_type="text/plain; charset=utf-8")

    def run(text: str, *, accept: str | None, fmt: str | None = None, limit: int = max_results,
            page: tuple | None = None) -> tuple[str, tuple]:
        return pool.ask(text, accept=accept, fmt=fmt, limit=limit, timeout=timeout, client=request.remote_addr or "",
                        page=page)

    def respond(content_type: str, message: tuple, *, title: str, query: str = "") -> Response:
        if message[0] == "text":
            return Response(message[2], content_type=content_type)
        kind = message[1]
        rows = message[3] if kind not in ("CONSTRUCT", "ASK") else []
        return page("sparql-results.html", title=title, query=query, kind=kind,
                    variables=message[2], rows=message[3] if kind != "CONSTRUCT" else [],
                    turtle=message[3] if kind == "CONSTRUCT" else "", links=result_links(message[2], rows))

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
        if len(text.encode("utf-8")) > MAX_QUERY_BYTES:
            raise ServeError(413, f"the query is {len(text.encode('utf-8'))} bytes; this endpoint takes at most "
                                  f"{MAX_QUERY_BYTES}")
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

    def page_model(query: str, param: str, kind: str, iri: str, options: dict | None = None) -> tuple:
        """What a page shows of ``iri`` (``sgcn.graph.web.pages.page_of``): the worker that
        runs the library query about it makes the model from the answer it holds."""
        _, message = run(bind(query_text(query), {param: URIRef(iri)}), accept=None, fmt="turtle", limit=page_limit,
                         page=(kind, iri, options))
        return message[1]

    @app.route("/doc/<path:slug>")
    def document(slug: str) -> Response:
        iri = f"{ID}document/{slug}"
        if not re.fullmatch(_SLUG, slug):
            raise ServeError(404, f"no such document: {iri}")
        args = request.args
        found = page_model("document-graph", "document", "document", iri,
                           {"start": args.get("start"), "end": args.get("end"), "quote": args.get("quote")})
        if found[0] == "missing":
            raise ServeError(404, f"the graph holds no document {iri}")
        return page("document.html", **found[1])

    @app.route("/id/<kind>/<path:slug>")
    def entity(kind: str, slug: str) -> Response:
        iri = f"{ID}{kind}/{slug}"
        if not re.fullmatch(r"[a-z]+", kind) or not re.fullmatch(_SLUG, slug):
            raise ServeError(404, f"no such entity: {iri}")
        accept = request.headers.get("Accept")
        asked = request.args.get("format")
        chosen = format_content_type(asked, "PAGE") if asked else negotiate(accept, "PAGE")
        if chosen is None:
            raise ServeError(406, "entity pages are HTML, Turtle (text/turtle), JSON-LD (application/ld+json), "
                                  "N-Triples (application/n-triples) or RDF/XML (application/rdf+xml)")
        if chosen[0] == "html" and kind == "document":
            return redirect(document_link(iri), 303)
        if chosen[0] == "html":
            found = page_model("entity-graph", "entity", "entity", iri)
            if found[0] == "missing":
                raise ServeError(404, f"the graph says nothing about {iri}")
            if found[0] == "redirect":
                return redirect(found[1], 303)
            return page("sparql-entity.html", **found[1])
        described_text = bind(query_text("entity-graph"), {"entity": URIRef(iri)})
        content_type, message = run(described_text, accept=None, fmt=chosen[0], limit=page_limit)
        body = message[2]
        if not body.strip() or (chosen[0] == "json-ld" and body.strip() in ("[]", "{}")):
            raise ServeError(404, f"the graph says nothing about {iri}")
        return Response(body, content_type=content_type)

    return app


def serve(graph_path: str | Path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT, store: str | None = None,
          timeout: float = DEFAULT_TIMEOUT, max_results: int = DEFAULT_MAX_RESULTS, workers: int = DEFAULT_WORKERS,
          long_queries: int | None = None, memory_mb: int | None = DEFAULT_MEMORY_MB,
          per_client: int = DEFAULT_PER_CLIENT, allow_service: bool = False,
          client_running: int | None = None) -> None:
    """Serve the graph with waitress until interrupted (see :func:`create_app` for the
    arguments; ``per_client``: requests one client may have in progress, 0 for no bound)."""
    from sgcn.graph.web.wsgi import serve_app

    app = create_app(graph_path, store=store, timeout=timeout, max_results=max_results, workers=workers,
                     long_queries=long_queries, memory_mb=memory_mb, allow_service=allow_service,
                     client_running=client_running)
    log.info("serving %s at http://%s:%d/ (SPARQL endpoint /sparql)", graph_path, host, port)
    serve_app(app, host=host, port=port, threads=max(32, 4 * workers), per_client=per_client,
              on_stop=app.config["sgcn.pool"].close)
