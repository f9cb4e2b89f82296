"""The embedded stores ``sgcn query`` and ``sgcn serve`` run SPARQL on.

Three stores stand behind one small set of functions (:func:`load_graph`,
:func:`run_query`) and one result type (:class:`Answer`):

- ``auto`` (the default): Oxigraph, with the query library's own queries asked of
  maplib's columnar engine first (``sgcn.graph.sparql.columnar``). Oxigraph is a complete
  SPARQL 1.1 engine and fast on selective queries; maplib answers the whole-graph
  questions (``evidence``, ``relations``) about ten times faster but is not complete,
  so it only gets the library's queries, whose answers the test suite checks against
  Oxigraph's on every store, and only where its answer is exact; everything else
  (ad-hoc queries, ASK, CONSTRUCT, DESCRIBE) runs on Oxigraph. The graph is held
  twice, once per engine.
- ``oxigraph``: a ``pyoxigraph.Store`` in memory, loaded by Oxigraph's own parser and
  queried by its SPARQL engine; results stay Oxigraph terms until they are written,
  so a large result costs no Python objects per cell.
- ``memory``: an ``rdflib.Graph`` with rdflib's own in-memory store and SPARQL
  engine; pure Python, slow on large graphs, useful to cross-check the others.

rdflib remains the API of the rest of sgcn (graphs are built, validated and written
with it); only querying moves to Oxigraph and maplib. rdflib over Oxigraph
(``oxrdflib``) was measured too: its engine is Oxigraph's, but turning every result
cell into an rdflib term costs about 10 microseconds, seconds on large results
(README, "Querying").

Results of every store (and of remote endpoints, ``sgcn.graph.sparql.remote``) are rows of
:class:`Term`: the kind of term, its value, datatype and language, which is what the
SPARQL results formats carry (both types live in ``sgcn.graph.sparql.results`` and are
re-exported here).

Examples:
    >>> graph = parse_graph('<https://x/a> <https://x/p> "b" .', format="nt")
    >>> answer = run_query(graph, "SELECT ?o WHERE { ?s ?p ?o }")
    >>> answer.variables, [row[0].value for row in answer.rows]
    (['o'], ['b'])
    >>> run_query(parse_graph("<https://x/a> <https://x/p> 1 .", store="memory"),
    ...           "SELECT ?o WHERE { ?s ?p ?o }").fetch()
    [(Term(kind='literal', value='1', datatype='http://www.w3.org/2001/XMLSchema#integer', lang=None),)]
"""

from __future__ import annotations

import logging
import time
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Mapping, Union

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from sgcn.graph.sparql import columnar
from sgcn.graph.sparql.library import library
from sgcn.graph.sparql.params import QueryError, bind, query_form
from sgcn.graph.sparql.results import Answer, Term, term
from sgcn.loaders.errors import SgcnError

log = logging.getLogger(__name__)

STORES = ("auto", "oxigraph", "memory")
DEFAULT_STORE = "auto"


class AutoGraph:
    """The ``auto`` store: one graph held by Oxigraph and by maplib (see the module's text).

    Attributes:
        oxigraph: the ``pyoxigraph.Store``, which answers every query.
        columnar: the maplib model, made from Oxigraph's triples, which answers the
            query library's SELECT queries where it can (``sgcn.graph.sparql.columnar``).
    """

    def __init__(self, oxigraph: ox.Store):
        self.oxigraph = oxigraph
        self.columnar = columnar.load_ntriples(oxigraph.dump(format=ox.RdfFormat.N_TRIPLES,
                                                              from_graph=ox.DefaultGraph()))

    def __len__(self) -> int:
        return len(self.oxigraph)


EmbeddedGraph = Union[AutoGraph, ox.Store, Graph]

# format names by file suffix: (Oxigraph's format, rdflib's format)
_FORMATS = {
    ".ttl": (ox.RdfFormat.TURTLE, "turtle"),
    ".turtle": (ox.RdfFormat.TURTLE, "turtle"),
    ".nt": (ox.RdfFormat.N_TRIPLES, "nt"),
    ".nq": (ox.RdfFormat.N_QUADS, "nquads"),
    ".trig": (ox.RdfFormat.TRIG, "trig"),
    ".rdf": (ox.RdfFormat.RDF_XML, "xml"),
    ".owl": (ox.RdfFormat.RDF_XML, "xml"),
    ".jsonld": (ox.RdfFormat.JSON_LD, "json-ld"),
    ".n3": (ox.RdfFormat.N3, "n3"),
}
_BY_NAME = {rdflib_name: (oxf, rdflib_name) for oxf, rdflib_name in _FORMATS.values()}
# the SPARQL 1.1 results formats Oxigraph writes itself
RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}


def from_oxigraph(node) -> Term | None:
    """The :class:`Term` of a pyoxigraph term (``None`` stays ``None``)."""
    if node is None:
        return None
    if isinstance(node, ox.NamedNode):
        return Term("uri", node.value)
    if isinstance(node, ox.BlankNode):
        return Term("bnode", node.value)
    if isinstance(node, ox.Literal):
        return term("literal", node.value, node.datatype.value, node.language)
    raise QueryError(f"unsupported term in a result: {node!r}")


def from_rdflib(node) -> Term | None:
    """The :class:`Term` of an rdflib term (``None`` stays ``None``)."""
    if node is None:
        return None
    if isinstance(node, URIRef):
        return Term("uri", str(node))
    if isinstance(node, BNode):
        return Term("bnode", str(node))
    if isinstance(node, Literal):
        return term("literal", str(node), str(node.datatype) if node.datatype else None, node.language)
    raise QueryError(f"unsupported term in a result: {node!r}")


def to_rdflib(node: Term) -> URIRef | BNode | Literal:
    """The rdflib term of a :class:`Term`.

    Examples:
        >>> to_rdflib(Term("literal", "5", "http://www.w3.org/2001/XMLSchema#integer")).toPython()
        5
    """
    if node.kind == "uri":
        return URIRef(node.value)
    if node.kind == "bnode":
        return BNode(node.value)
    return Literal(node.value, lang=node.lang, datatype=URIRef(node.datatype) if node.datatype else None)


def new_graph(store: str = DEFAULT_STORE) -> EmbeddedGraph:
    """An empty graph in ``store`` (one of :data:`STORES`).

    Examples:
        >>> type(new_graph("oxigraph")).__name__, type(new_graph("memory")).__name__
        ('Store', 'Graph')
    """
    if store == "auto":
        return AutoGraph(ox.Store())
    if store == "oxigraph":
        return ox.Store()
    if store == "memory":
        return Graph()
    raise SgcnError(f"unknown store {store!r}; stores are {', '.join(STORES)}")


def parse_graph(data: str | bytes, *, format: str = "turtle", store: str = DEFAULT_STORE) -> EmbeddedGraph:
    """A graph in ``store`` holding the RDF ``data`` (format by rdflib's name: turtle, nt, ...).

    Examples:
        >>> len(parse_graph("@prefix x: <https://x/> . x:a x:p x:b .", store="memory"))
        1
    """
    graph = new_graph("oxigraph" if store == "auto" else store)
    if format not in _BY_NAME:
        raise SgcnError(f"unknown RDF format {format!r}; formats: {', '.join(sorted(_BY_NAME))}")
    try:
        if isinstance(graph, ox.Store):
            raw = data.encode("utf-8") if isinstance(data, str) else data
            graph.load(raw, _BY_NAME[format][0])
        else:
            graph.parse(data=data, format=format)
    except (SyntaxError, ValueError) as err:
        raise SgcnError(f"cannot read RDF data as {format}: {err}") from err
    return AutoGraph(graph) if store == "auto" else graph


def from_rdflib_graph(graph: Graph, store: str = DEFAULT_STORE) -> EmbeddedGraph:
    """The triples of an rdflib graph in ``store`` (an rdflib graph is used as it is for ``memory``).

    Examples:
        >>> g = Graph(); _ = g.add((URIRef("https://x/a"), URIRef("https://x/p"), Literal("b")))
        >>> len(from_rdflib_graph(g))
        1
    """
    if store == "memory":
        return graph
    return parse_graph(graph.serialize(format="nt", encoding="utf-8"), format="nt", store=store)


def load_graph(path: str | Path, *, store: str = DEFAULT_STORE, format: str | None = None) -> EmbeddedGraph:
    """Load an RDF file (by default use, the built ``graph/sgcn.ttl``) into ``store``.

    Args:
        path: the file; its suffix names the format unless ``format`` is given.
        store: one of :data:`STORES`.
        format: rdflib's name of the format (``"turtle"``, ``"nt"``, ...).

    Examples:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = Path(tmp, "g.nt")
        ...     _ = path.write_text('<https://x/a> <https://x/p> "b" .\\n')
        ...     len(load_graph(path))
        1
    """
    path = Path(path)
    if not path.is_file():
        raise SgcnError(f"{path}: no such graph file (build one with `sgcn build`)")
    formats = _BY_NAME.get(format) if format else _FORMATS.get(path.suffix.lower())
    if formats is None:
        raise SgcnError(f"{path}: unknown RDF format; suffixes known: {', '.join(sorted(_FORMATS))}")
    graph = new_graph("oxigraph" if store == "auto" else store)
    started = time.perf_counter()
    try:
        if isinstance(graph, ox.Store):
            graph.bulk_load(path=str(path), format=formats[0])
        else:
            graph.parse(str(path), format=formats[1])
    except (SyntaxError, ValueError, OSError) as err:
        raise SgcnError(f"{path}: cannot read as {formats[1]}: {err}") from err
    if store == "auto":
        graph = AutoGraph(graph)
    log.debug("loaded %s into the %s store in %.2f s", path, store, time.perf_counter() - started)
    return graph


def _oxigraph_answer(result) -> Answer:
    if isinstance(result, ox.QueryBoolean):
        return Answer("ASK", boolean=bool(result), engine="oxigraph")
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = (tuple(from_oxigraph(solution[i]) for i in range(len(variables))) for solution in result)

        def serialize(fmt: str) -> bytes:
            if fmt not in RESULT_FORMATS:
                raise QueryError(f"Oxigraph writes results as {', '.join(RESULT_FORMATS)}, not {fmt!r}")
            try:
                return result.serialize(format=RESULT_FORMATS[fmt])
            except ValueError as err:  # an error met while evaluating, lazily
                raise QueryError(f"query cannot run: {err}") from err

        return Answer("SELECT", variables, rows, serialize=serialize, engine="oxigraph")
    graph = Graph()
    data = ox.serialize(result, format=ox.RdfFormat.N_TRIPLES)
    if data:
        graph.parse(data=data.decode("utf-8"), format="nt")
    return Answer("CONSTRUCT", graph=graph, engine="oxigraph")


def _rdflib_answer(result) -> Answer:
    if result.type == "ASK":
        return Answer("ASK", boolean=bool(result.askAnswer), engine="rdflib")
    if result.type == "SELECT":
        variables = [str(v) for v in result.vars]
        return Answer("SELECT", variables, _rdflib_rows(result), engine="rdflib")
    return Answer("CONSTRUCT", graph=result.graph, engine="rdflib")


def _rdflib_rows(result) -> Iterator[tuple]:
    """The rows of an rdflib SELECT result, which rdflib evaluates as they are read: what its
    engine cannot do (a bare ``Exception``) is a :class:`QueryError` here too."""
    try:
        for row in result:
            yield tuple(from_rdflib(value) for value in row)
    except Exception as err:
        if type(err) is Exception:
            raise QueryError(f"query cannot run: {err}") from err
        raise


def run_query(graph: EmbeddedGraph, text: str, bindings: Mapping[str, Identifier] | None = None) -> Answer:
    """Run a SPARQL query on an embedded graph, with ``bindings`` as typed parameters.

    Each store takes the values its own way, neither by pasting text: rdflib as
    ``initBindings`` (its evaluator starts from them), Oxigraph as one ``VALUES`` row
    (``sgcn.graph.sparql.params.bind``; its ``substitutions`` only take projected variables).

    On the ``auto`` store a SELECT query of the library (its text as ``queries/`` holds
    it) is asked of maplib first, and of Oxigraph where maplib's answer would not be exact.

    Only queries run: an update is a malformed query here, so a store opened for
    querying stays read-only.

    Raises:
        QueryError: the query is malformed, or is an update.

    Examples:
        >>> graph = parse_graph('<https://x/a> <https://x/p> "b" .', format="nt")
        >>> run_query(graph, "ASK { ?s ?p 'b' }").boolean
        True
        >>> try:
        ...     run_query(graph, "SELECT ?s WHERE { ?s ")
        ... except QueryError as err:
        ...     print(str(err).split(":")[0])
        malformed SPARQL query
    """
    if isinstance(graph, AutoGraph):
        bound = bind(text, bindings) if bindings else text
        if text in _library_selects():
            answer = columnar.select(graph.columnar, bound)
            if answer is not None:
                return answer
            log.debug("maplib gives no exact answer to this library query; Oxigraph answers it")
        graph, text, bindings = graph.oxigraph, bound, None
    if isinstance(graph, ox.Store):
        if bindings:
            text = bind(text, bindings)
        try:
            return _oxigraph_answer(graph.query(text))
        except SyntaxError as err:
            raise QueryError(f"malformed SPARQL query: {err}") from err
        except ValueError as err:
            raise QueryError(f"query cannot run: {err}") from err
    bindings = dict(bindings or {})
    several = {name: terms for name, terms in bindings.items() if isinstance(terms, tuple)}
    if several:  # initBindings take one term a variable: a set of them goes in as VALUES rows
        text = bind(text, several)
        bindings = {name: term for name, term in bindings.items() if name not in several}
    try:
        return _rdflib_answer(graph.query(text, initBindings=bindings))
    except Exception as err:  # rdflib's parser raises pyparsing's exceptions
        if type(err).__module__.startswith(("pyparsing", "rdflib.plugins.sparql")):
            raise QueryError(f"malformed SPARQL query: {err}") from err
        if type(err) is Exception:  # rdflib's engine says what it cannot do with a bare Exception
            raise QueryError(f"query cannot run: {err}") from err
        raise


@lru_cache(maxsize=1)
def _library_selects() -> frozenset[str]:
    """The texts of the query library's SELECT queries, which the ``auto`` store asks maplib."""
    return frozenset(header.text for header in library().values() if query_form(header.text) == "SELECT")


def graph_size(graph: EmbeddedGraph) -> int:
    """How many triples an embedded graph holds.

    Examples:
        >>> graph_size(parse_graph('<https://x/a> <https://x/p> "b" .', format="nt"))
        1
    """
    return len(graph)


def iter_rows(answer: Answer) -> Iterator[tuple]:
    """The rows of a SELECT answer (an empty iterator for other answers)."""
    return iter(answer.rows if answer.type == "SELECT" else ())
