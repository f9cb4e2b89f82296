"""Remote triple stores: query one through SPARQLWrapper, push the built graph into one.

``sgcn query --endpoint URL`` sends a library query (already bound, see
``sgcn.graph.sparql.params.bind``) to any SPARQL 1.1 endpoint and gets back the same
``rdflib.query.Result`` the embedded stores give. ``sgcn push --endpoint URL`` loads the
built graph into a named graph of the store behind that endpoint:

1. by the SPARQL 1.1 Graph Store HTTP Protocol: one ``PUT ?graph=IRI`` of the whole
   graph as N-Triples, which replaces the named graph in one request (atomically on
   Oxigraph, Fuseki, GraphDB). The Graph Store URL is ``--store-url`` or, failing that,
   the first of the usual places next to the query endpoint that accepts it
   (``store`` for Oxigraph, ``data`` for Fuseki, ``rdf-graphs/service`` for GraphDB,
   ``sparql-graph-crud`` for Virtuoso);
2. else by SPARQL 1.1 Update: ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> {...} }``
   as one request to ``--update-url`` or the usual places (``update``, ``statements``,
   the endpoint itself).

Afterwards it checks that the store holds exactly the triples pushed: the count of
the named graph, then the triples themselves read back (Graph Store ``GET`` or a
``CONSTRUCT``) and compared with what was sent.

Examples:
    >>> candidate_urls("http://127.0.0.1:7878/query", ("store", "data"))
    ['http://127.0.0.1:7878/store', 'http://127.0.0.1:7878/data']
    >>> candidate_urls("http://h/ds/sparql", ("data",), include_endpoint=True)
    ['http://h/ds/data', 'http://h/ds/sparql']
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph
from rdflib.compare import isomorphic

from sgcn.graph.sparql.options import DEFAULT_GRAPH_URI
from sgcn.graph.sparql.params import _IRI, QueryError, strip_comments
from sgcn.graph.sparql.results import Answer, term
from sgcn.loaders.errors import SgcnError

log = logging.getLogger(__name__)

GRAPH_STORE_PLACES = ("store", "data", "rdf-graphs/service", "sparql-graph-crud")
UPDATE_PLACES = ("update", "statements")
_USER_AGENT = "sgcn (https://w3id.org/sgcn)"


class RemoteError(SgcnError):
    """A remote store that cannot be reached, refuses a request, or holds other triples."""


@dataclass(frozen=True)
class PushReport:
    """What ``push`` did.

    Attributes:
        graph_uri: the named graph replaced.
        method: ``"graph-store"`` (HTTP PUT) or ``"update"`` (SPARQL Update).
        url: the URL the graph was sent to.
        triples: how many triples were sent, and found there afterwards.
    """

    graph_uri: str
    method: str
    url: str
    triples: int

    def line(self) -> str:
        """One line for the terminal.

        Examples:
            >>> PushReport("https://g", "graph-store", "http://h/store", 3).line()
            'pushed 3 triples to <https://g> at http://h/store by graph-store; verified: the store holds exactly these triples'
        """
        return (f"pushed {self.triples} triples to <{self.graph_uri}> at {self.url} by {self.method}; "
                "verified: the store holds exactly these triples")


def candidate_urls(endpoint: str, places: tuple[str, ...], *, include_endpoint: bool = False) -> list[str]:
    """URLs next to ``endpoint`` where a store usually offers a service (see module doc)."""
    base = endpoint.rstrip("/").rsplit("/", 1)[0]
    urls = [f"{base}/{place}" for place in places]
    if include_endpoint:
        urls.append(endpoint)
    return urls


def _check_graph_uri(graph_uri: str) -> str:
    if not _IRI.match(graph_uri):
        raise RemoteError(f"graph IRI {graph_uri!r} is not an absolute IRI")
    return graph_uri


def query_endpoint(endpoint: str, text: str, *, graph_uri: str | None = DEFAULT_GRAPH_URI,
                   timeout: float = 60) -> Answer:
    """Run a SPARQL query on a remote endpoint through SPARQLWrapper.

    Args:
        endpoint: the SPARQL 1.1 Protocol query URL.
        text: the query, parameters already bound.
        graph_uri: the named graph to query as the default graph (sent as the
            protocol's ``default-graph-uri``); ``None`` queries the store's default graph.
        timeout: seconds to wait for the answer.

    Returns:
        An :class:`~sgcn.graph.sparql.results.Answer`, as the embedded stores give it.
    """
    from SPARQLWrapper import JSON, N3, SPARQLWrapper  # noqa: N811 (SPARQLWrapper's names)
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    client = SPARQLWrapper(endpoint, agent=_USER_AGENT)
    client.setQuery(strip_comments(text))  # SPARQLWrapper takes a comment's "drop" for an update
    client.setMethod("POST")
    client.setTimeout(int(timeout))
    if graph_uri:
        client.addDefaultGraph(_check_graph_uri(graph_uri))
    graph_result = client.queryType in ("CONSTRUCT", "DESCRIBE")
    client.setReturnFormat(N3 if graph_result else JSON)
    client.setOnlyConneg(True)
    if graph_result:
        client.addCustomHttpHeader("Accept", "application/n-triples, text/turtle;q=0.9")
    try:
        response = client.query()
        body = response.response.read()
        content_type = response.response.headers.get("Content-Type", "")
    except SPARQLWrapperException as err:
        raise QueryError(f"{endpoint} refused the query: {err}") from err
    except (urllib.error.URLError, OSError) as err:
        raise RemoteError(f"cannot reach {endpoint}: {err}") from err
    if graph_result:
        graph = Graph()
        fmt = "nt" if "n-triples" in content_type else "turtle"
        graph.parse(data=body.decode("utf-8"), format=fmt)
        return Answer("CONSTRUCT", graph=graph, engine="endpoint")
    return answer_from_json(body)


def answer_from_json(body: bytes | str) -> Answer:
    """An :class:`~sgcn.graph.sparql.results.Answer` from SPARQL 1.1 Query Results JSON.

    Examples:
        >>> answer_from_json('{"head": {"vars": ["s"]}, "results": {"bindings": '
        ...                  '[{"s": {"type": "literal", "value": "x", "xml:lang": "en"}}, {}]}}').rows
        [(Term(kind='literal', value='x', datatype=None, lang='en'),), (None,)]
        >>> answer_from_json('{"head": {}, "boolean": true}').boolean
        True
    """
    try:
        data = json.loads(body)
        if "boolean" in data:
            return Answer("ASK", boolean=bool(data["boolean"]), engine="endpoint")
        variables = list(data["head"]["vars"])
        rows = []
        for binding in data["results"]["bindings"]:
            row = []
            for variable in variables:
                cell = binding.get(variable)
                if cell is None:
                    row.append(None)
                    continue
                kind = "literal" if cell["type"] == "typed-literal" else cell["type"]
                row.append(term(kind, cell["value"], cell.get("datatype"), cell.get("xml:lang")))
            rows.append(tuple(row))
    except (ValueError, KeyError, TypeError) as err:
        raise RemoteError(f"not a SPARQL JSON result: {err}") from err
    return Answer("SELECT", variables, rows, engine="endpoint")


def _request(method: str, url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
             timeout: float = 300) -> tuple[int, bytes]:
    """One HTTP request; returns (status, body) for any HTTP answer, raises only when unreachable."""
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"User-Agent": _USER_AGENT, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()
    except (urllib.error.URLError, OSError) as err:
        raise RemoteError(f"cannot reach {url}: {err}") from err


def _with_graph(url: str, graph_uri: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{urllib.parse.urlencode({'graph': graph_uri})}"


def _put_graph_store(urls: list[str], graph_uri: str, payload: bytes, timeout: float) -> str | None:
    """PUT the graph to the first Graph Store URL that takes it; the URL, or None."""
    for url in urls:
        status, body = _request("PUT", _with_graph(url, graph_uri), data=payload,
                                headers={"Content-Type": "application/n-triples"}, timeout=timeout)
        if status in (200, 201, 204):
            log.info("replaced <%s> at %s (HTTP %d)", graph_uri, url, status)
            return url
        if status in (401, 403):
            raise RemoteError(f"{url} refused the Graph Store PUT (HTTP {status}): {body[:200]!r}")
        log.info("no Graph Store at %s (HTTP %d)", url, status)
    return None


def _post_update(urls: list[str], graph_uri: str, payload: bytes, timeout: float) -> str | None:
    """Replace the graph by one SPARQL Update request; the URL that took it, or None."""
    update = (f"DROP SILENT GRAPH <{graph_uri}> ;\nINSERT DATA {{ GRAPH <{graph_uri}> {{\n"
              ).encode("utf-8") + payload + b"\n} }"
    for url in urls:
        status, body = _request("POST", url, data=update,
                                headers={"Content-Type": "application/sparql-update"}, timeout=timeout)
        if status in (200, 201, 204):
            log.info("replaced <%s> by SPARQL Update at %s", graph_uri, url)
            return url
        if status in (401, 403):
            raise RemoteError(f"{url} refused the SPARQL Update (HTTP {status}): {body[:200]!r}")
        log.info("no SPARQL Update service at %s (HTTP %d)", url, status)
    return None


def _triples(payload: bytes) -> set:
    """The triples of N-Triples, typed literals in canonical form (stores write "60.0"^^xsd:decimal
    back as "60": the same value; comparing canonical forms keeps the check exact about values)."""
    store = ox.Store()
    store.load(payload, ox.RdfFormat.N_TRIPLES)
    return set(store)


def _fetch(endpoint: str, graph_uri: str, graph_store: str | None, timeout: float) -> bytes:
    """The named graph's triples as N-Triples, by Graph Store GET or else a CONSTRUCT."""
    if graph_store:
        status, body = _request("GET", _with_graph(graph_store, graph_uri),
                                headers={"Accept": "application/n-triples"}, timeout=timeout)
        if status == 200:
            return body
    result = query_endpoint(endpoint, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph_uri}> {{ ?s ?p ?o }} }}",
                            graph_uri=None, timeout=timeout)
    return result.graph.serialize(format="nt", encoding="utf-8")


def verify(endpoint: str, graph_uri: str, payload: bytes, *, graph_store: str | None = None,
           timeout: float = 300) -> int:
    """Check that the store's named graph holds exactly the N-Triples ``payload``; return the count.

    Raises:
        RemoteError: naming how many triples differ, with a few of them.
    """
    sent = _triples(payload)
    count_query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_uri}> {{ ?s ?p ?o }} }}"
    held = int(query_endpoint(endpoint, count_query, graph_uri=None, timeout=timeout).fetch()[0][0].value)
    if held != len(sent):
        raise RemoteError(f"<{graph_uri}> at {endpoint} holds {held} triples; {len(sent)} were pushed")
    found = _triples(_fetch(endpoint, graph_uri, graph_store, timeout))
    if found != sent:
        if any(isinstance(t, ox.BlankNode) for triple in sent for t in (triple.subject, triple.object)):
            local = Graph().parse(data=payload.decode("utf-8"), format="nt")
            remote = Graph()
            for triple in found:
                remote.parse(data=f"{triple} .\n", format="nt")
            if isomorphic(local, remote):
                return held
        missing = sorted(map(str, sent - found))[:3]
        extra = sorted(map(str, found - sent))[:3]
        raise RemoteError(f"<{graph_uri}> at {endpoint} differs from the graph pushed: "
                          f"missing {missing}, unexpected {extra}")
    return held


def push(graph: Graph, endpoint: str, *, graph_uri: str = DEFAULT_GRAPH_URI, store_url: str | None = None,
         update_url: str | None = None, timeout: float = 300) -> PushReport:
    """Replace the named graph ``graph_uri`` of a remote store with ``graph`` and verify it.

    Args:
        graph: the graph to push (any rdflib store).
        endpoint: the store's SPARQL query endpoint, used to verify.
        graph_uri: the named graph to replace.
        store_url: the Graph Store Protocol URL, when it is not in a usual place.
        update_url: the SPARQL Update URL, when it is not in a usual place.
        timeout: seconds to wait for each request.

    Raises:
        RemoteError: no way to load the graph, or the store holds other triples afterwards.
    """
    _check_graph_uri(graph_uri)
    nt_format = "ox-nt" if type(graph.store).__name__ == "OxigraphStore" else "nt"
    payload = graph.serialize(format=nt_format, encoding="utf-8")
    graph_store_urls = [store_url] if store_url else candidate_urls(endpoint, GRAPH_STORE_PLACES)
    url = _put_graph_store(graph_store_urls, graph_uri, payload, timeout)
    method = "graph-store"
    if url is None:
        update_urls = [update_url] if update_url else candidate_urls(endpoint, UPDATE_PLACES, include_endpoint=True)
        url = _post_update(update_urls, graph_uri, payload, timeout)
        method = "update"
    if url is None:
        raise RemoteError(f"no Graph Store or SPARQL Update service found near {endpoint}; "
                          "give --store-url or --update-url")
    count = verify(endpoint, graph_uri, payload, graph_store=url if method == "graph-store" else None,
                   timeout=timeout)
    return PushReport(graph_uri, method, url, count)
