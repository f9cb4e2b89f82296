"""The embedded stores ``sgcn query`` and ``sgcn serve`` run SPARQL on.

Four stores stand behind one small set of functions (:func:`load_graph`,
:func:`run_query`) and one result type (:class:`Answer`):

- ``oxigraph``: a ``pyoxigraph.Store`` in memory, loaded by Oxigraph's own parser and
  queried by its SPARQL engine (a complete SPARQL 1.1 engine); results stay Oxigraph
  terms until they are written, so a large result costs no Python objects per cell.
- ``auto`` (the default): Oxigraph, with two refinements for large graphs.
  A graph file of ``sgcn.graph.sparql.cache.MIN_BYTES`` or more that is opened for
  one query (``sgcn query``) is answered from its on-disk Oxigraph store when the
  cache has one (:class:`CachedGraph`; opened in milliseconds where loading takes
  seconds), else loaded into memory while the store is built in the background. A
  graph held for many queries (``sgcn serve``, a Python session) of
  :data:`COLUMNAR_MIN_TRIPLES` or more also gets maplib's columnar engine for the
  query library's whole-graph questions (:class:`ColumnarGraph`) when the
  ``columnar`` extra is installed: its load costs about twice Oxigraph's, which one
  query never wins back, many do.
- ``columnar``: Oxigraph and maplib whatever the graph's size (the ``columnar`` extra:
  ``pip install 'sgcn[columnar]'``). maplib is not a complete SPARQL engine, so it
  only answers the library's own SELECT queries whose answers the tests hold byte for
  byte to Oxigraph's (``sgcn.graph.sparql.columnar.TRUSTED``), and only where every
  column holds terms it writes exactly; everything else runs on Oxigraph.
- ``memory``: an ``rdflib.Graph`` with rdflib's own in-memory store and SPARQL
  engine; pure Python, slow on large graphs, useful to cross-check the others.

rdflib remains the API of the build (graphs are built, validated and written with
it); querying runs on Oxigraph and maplib, and imports rdflib only for the ``memory``
store and for graph answers (CONSTRUCT, DESCRIBE). rdflib over Oxigraph
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

import importlib.util
import logging
import time
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Mapping, Union

import pyoxigraph as ox

from sgcn.graph.sparql import cache, columnar
from sgcn.graph.sparql.library import library
from sgcn.graph.sparql.options import DEFAULT_STORE, STORES
from sgcn.graph.sparql.params import QueryError, as_term, bind, query_form, several
from sgcn.graph.sparql.results import Answer, Term, term
from sgcn.loaders.errors import SgcnError

if TYPE_CHECKING:  # rdflib is imported by the memory store and graph answers only
    from rdflib import Graph

__all__ = [
    "COLUMNAR_MIN_TRIPLES", "DEFAULT_STORE", "STORES", "Answer", "CachedGraph", "ColumnarGraph", "EmbeddedGraph",
    "Term", "columnar_installed", "from_oxigraph", "from_rdflib", "from_rdflib_graph", "graph_size", "iter_rows",
    "load_graph", "new_graph", "parse_graph", "run_query", "to_rdflib",
]

log = logging.getLogger(__name__)

#: A graph held for many queries gets maplib from this size on (``auto`` store, with
#: the ``columnar`` extra): below it maplib's fixed cost per query (10-80 ms) is more
#: than what it saves (benchmarks/bench_fast.py).
COLUMNAR_MIN_TRIPLES = 100_000


def columnar_installed() -> bool:
    """Whether maplib (the ``columnar`` extra) is installed; nothing is imported to tell."""
    return importlib.util.find_spec("maplib") is not None


class ColumnarGraph:
    """One graph held by Oxigraph and by maplib (see the module's text).

    Attributes:
        oxigraph: the ``pyoxigraph.Store``, which answers every query.
        columnar: the maplib model, made from Oxigraph's triples, which answers the
            query library's trusted SELECT queries where it can (``sgcn.graph.sparql.columnar``).
    """

    def __init__(self, oxigraph: ox.Store):
        if not columnar_installed():
            raise SgcnError("the columnar store needs maplib: pip install 'sgcn[columnar]'")
        self.oxigraph = oxigraph
        self.columnar = columnar.load_ntriples(oxigraph.dump(format=ox.RdfFormat.N_TRIPLES,
                                                              from_graph=ox.DefaultGraph()))
        # maplib holds decimals with 12 decimal places below 10^26 (Polars' Decimal(38, 12)):
        # a graph with any other decimal has its decimal columns answered by Oxigraph
        self.decimals_exact = not oxigraph.query(_DECIMALS_BEYOND_MAPLIB)

    def __len__(self) -> int:
        return len(self.oxigraph)


_DECIMALS_BEYOND_MAPLIB = """
ASK {
  ?s ?p ?value .
  FILTER (isLITERAL(?value) && DATATYPE(?value) = <http://www.w3.org/2001/XMLSchema#decimal>
          && REGEX(STR(?value), "^[+-]?[0-9]{27}|[.][0-9]{13}"))
}"""


class CachedGraph:
    """A graph file answered from its on-disk Oxigraph store (``sgcn.graph.sparql.cache``).

    Oxigraph reads its on-disk store about five times slower than its in-memory one,
    which is nothing beside loading for a query that reads a part of the graph, but
    more than loading for one that reads most of it: the library queries whose header
    says ``# scans: the whole graph`` (``evidence``, ``relations``) load the file into
    memory on first use and run there.

    Attributes:
        disk: the read-only on-disk store.
        path: the graph file.
        triples: how many triples it holds.
    """

    def __init__(self, store: Path, path: Path):
        self.disk = cache.open_store(store)
        self.path, self.triples = path, cache.count_of(store)
        self._memory: ox.Store | None = None

    def __len__(self) -> int:
        return self.triples

    def store_for(self, text: str) -> ox.Store:
        """The store to run ``text`` on: in memory for a whole-graph library query."""
        if text not in _whole_graph_queries():
            return self.disk
        if self._memory is None:
            log.debug("a query that reads most of the graph: loading %s into memory", self.path)
            self._memory = _load_oxigraph(self.path, cache.FORMATS[self.path.suffix.lower()])
        return self._memory


if TYPE_CHECKING:
    EmbeddedGraph = Union[ColumnarGraph, CachedGraph, ox.Store, Graph]
else:
    EmbeddedGraph = Union[ColumnarGraph, CachedGraph, ox.Store, "Graph"]

# rdflib's format names -> Oxigraph's formats, for the memory store and parse_graph
_RDFLIB_NAMES = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig",
    ".rdf": "xml", ".owl": "xml", ".jsonld": "json-ld", ".n3": "n3",
}
_BY_NAME = {name: (cache.FORMATS[suffix], name) for suffix, name in _RDFLIB_NAMES.items()}
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
    from rdflib import BNode, Literal, URIRef

    if node is None:
        return None
    if isinstance(node, URIRef):
        return Term("uri", str(node))
    if isinstance(node, BNode):
        return Term("bnode", str(node))
    if isinstance(node, Literal):
        return term("literal", str(node), str(node.datatype) if node.datatype else None, node.language)
    raise QueryError(f"unsupported term in a result: {node!r}")


def to_rdflib(node: Term):
    """The rdflib term of a :class:`Term`.

    Examples:
        >>> to_rdflib(Term("literal", "5", "http://www.w3.org/2001/XMLSchema#integer")).toPython()
        5
    """
    from rdflib import BNode, Literal, URIRef

    if node.kind == "uri":
        return URIRef(node.value)
    if node.kind == "bnode":
        return BNode(node.value)
    return Literal(node.value, lang=node.lang, datatype=URIRef(node.datatype) if node.datatype else None)


def _check_store(store: str) -> None:
    if store not in STORES:
        raise SgcnError(f"unknown store {store!r}; stores are {', '.join(STORES)}")


def new_graph(store: str = DEFAULT_STORE) -> EmbeddedGraph:
    """An empty graph in ``store`` (one of :data:`STORES`).

    Examples:
        >>> type(new_graph("oxigraph")).__name__, type(new_graph("memory")).__name__
        ('Store', 'Graph')
    """
    _check_store(store)
    if store == "memory":
        from rdflib import Graph

        return Graph()
    graph = ox.Store()
    return ColumnarGraph(graph) if store == "columnar" else graph


def _held(graph: ox.Store, store: str) -> EmbeddedGraph:
    """An Oxigraph store held for many queries, with maplib beside it where ``store`` asks."""
    if store == "columnar" or (store == "auto" and columnar_installed() and len(graph) >= COLUMNAR_MIN_TRIPLES):
        return ColumnarGraph(graph)
    return graph


def parse_graph(data: str | bytes, *, format: str = "turtle", store: str = DEFAULT_STORE) -> EmbeddedGraph:
    """A graph in ``store`` holding the RDF ``data`` (format by rdflib's name: turtle, nt, ...).

    Examples:
        >>> len(parse_graph("@prefix x: <https://x/> . x:a x:p x:b .", store="memory"))
        1
    """
    _check_store(store)
    if format not in _BY_NAME:
        raise SgcnError(f"unknown RDF format {format!r}; formats: {', '.join(sorted(_BY_NAME))}")
    graph = new_graph("memory") if store == "memory" else ox.Store()
    try:
        if isinstance(graph, ox.Store):
            raw = data.encode("utf-8") if isinstance(data, str) else data
            graph.load(raw, _BY_NAME[format][0])
        else:
            graph.parse(data=data, format=format)
    except (SyntaxError, ValueError) as err:
        raise SgcnError(f"cannot read RDF data as {format}: {err}") from err
    return graph if store == "memory" else _held(graph, store)


def from_rdflib_graph(graph: Graph, store: str = DEFAULT_STORE) -> EmbeddedGraph:
    """The triples of an rdflib graph in ``store`` (an rdflib graph is used as it is for ``memory``).

    Examples:
        >>> from rdflib import Graph, Literal, URIRef
        >>> g = Graph(); _ = g.add((URIRef("https://x/a"), URIRef("https://x/p"), Literal("b")))
        >>> len(from_rdflib_graph(g))
        1
    """
    if store == "memory":
        return graph
    return parse_graph(graph.serialize(format="nt", encoding="utf-8"), format="nt", store=store)


def _load_oxigraph(path: Path, format: ox.RdfFormat) -> ox.Store:
    """A file in Oxigraph's in-memory store.

    ``Store.load`` rather than ``bulk_load``: for an in-memory store it took less time
    (1M triples: 5.6 s against 6.5 s of processor time) and 40 % less memory (0.38 GB
    against 0.61 GB at the peak).
    """
    graph = ox.Store()
    graph.load(path=str(path), format=format)
    return graph


def load_graph(path: str | Path, *, store: str = DEFAULT_STORE, format: str | None = None,
               one_query: bool = False) -> EmbeddedGraph:
    """Load an RDF file (by default use, the built ``graph/sgcn.ttl``) into ``store``.

    Args:
        path: the file; its suffix names the format unless ``format`` is given.
        store: one of :data:`STORES`.
        format: rdflib's name of the format (``"turtle"``, ``"nt"``, ...).
        one_query: the graph is opened to answer one query and be dropped (``sgcn
            query``): on the ``auto`` store a large file is then answered from its
            on-disk store when the cache has it (and one is built in the background
            when :func:`sgcn.graph.sparql.cache.start_builds` is called, if not),
            and maplib is not loaded (its load is never won back by one answer).

    Examples:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = Path(tmp, "g.nt")
        ...     _ = path.write_text('<https://x/a> <https://x/p> "b" .\\n')
        ...     len(load_graph(path))
        1
    """
    _check_store(store)
    path = Path(path)
    if not path.is_file():
        raise SgcnError(f"{path}: no such graph file (build one with `sgcn build`)")
    formats = _BY_NAME.get(format) if format else _BY_NAME.get(_RDFLIB_NAMES.get(path.suffix.lower(), ""))
    if formats is None:
        raise SgcnError(f"{path}: unknown RDF format; suffixes known: {', '.join(sorted(_RDFLIB_NAMES))}")
    started = time.perf_counter()
    try:
        if store == "auto" and one_query and format is None:
            stored = cache.lookup(path)
            if stored is not None:
                graph = CachedGraph(stored, path)
                log.debug("opened the on-disk store of %s (%d triples) in %.3f s", path, len(graph),
                          time.perf_counter() - started)
                return graph
        if store == "memory":
            graph = new_graph("memory")
            graph.parse(str(path), format=formats[1])
        else:
            graph = _load_oxigraph(path, formats[0])
            graph = graph if (store == "auto" and one_query) else _held(graph, store)
    except (SyntaxError, ValueError, OSError) as err:
        raise SgcnError(f"{path}: cannot read as {formats[1]}: {err}") from err
    log.debug("loaded %s into the %s store in %.2f s", path, store, time.perf_counter() - started)
    return graph


def _oxigraph_answer(result, engine: str = "oxigraph") -> Answer:
    if isinstance(result, ox.QueryBoolean):
        return Answer("ASK", boolean=bool(result), engine=engine)
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

        return Answer("SELECT", variables, rows, serialize=serialize, engine=engine)
    from rdflib import Graph

    graph = Graph()
    try:  # the triples as rdflib terms, made directly: 2-3 times faster than writing and parsing N-Triples
        iris: dict = {}
        triples = {_rdflib_triple(triple, iris) for triple in result}
    except (RuntimeError, ValueError) as err:  # an error met while evaluating, lazily
        raise QueryError(f"query cannot run: {err}") from err
    graph.addN((*triple, graph) for triple in triples)
    return Answer("CONSTRUCT", graph=graph, engine="oxigraph")


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _rdflib_triple(triple, iris: dict) -> tuple:
    """A pyoxigraph triple as rdflib terms (``iris``: the URIRefs made so far, reused)."""
    from rdflib import BNode, Literal, URIRef

    def convert(node):
        if isinstance(node, ox.NamedNode):
            made = iris.get(node.value)
            if made is None:
                made = iris[node.value] = URIRef(node.value)
            return made
        if isinstance(node, ox.BlankNode):
            return BNode(node.value)
        if isinstance(node, ox.Literal):
            if node.language:
                return Literal(node.value, lang=node.language)
            datatype = node.datatype.value
            return Literal(node.value) if datatype == _XSD_STRING else Literal(node.value, datatype=URIRef(datatype))
        raise QueryError(f"unsupported term in a result: {node!r}")

    return convert(triple.subject), convert(triple.predicate), convert(triple.object)


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


def run_query(graph: EmbeddedGraph, text: str, bindings: Mapping[str, object] | None = None) -> Answer:
    """Run a SPARQL query on an embedded graph, with ``bindings`` as typed parameters.

    ``bindings`` maps variable names to :class:`Term` values (rdflib terms are taken
    too). Each store takes the values its own way, neither by pasting text: rdflib as
    ``initBindings`` (its evaluator starts from them), Oxigraph as one ``VALUES`` row
    (``sgcn.graph.sparql.params.bind``; its ``substitutions`` only take projected variables).

    On a store with maplib, a trusted SELECT query of the library (its text as
    ``queries/`` holds it) is asked of maplib first, and of Oxigraph where maplib's
    answer would not be exact.

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
    if isinstance(graph, ColumnarGraph):
        bound = bind(text, bindings) if bindings else text
        if text in _trusted_selects():
            solutions = columnar.select(graph.columnar, bound, decimals=graph.decimals_exact)
            if solutions is not None:
                return _oxigraph_answer(solutions, engine="maplib")
            log.debug("maplib gives no exact answer to this library query; Oxigraph answers it")
        graph, text, bindings = graph.oxigraph, bound, None
    elif isinstance(graph, CachedGraph):
        graph = graph.store_for(text)
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
    sets = {name: terms for name, terms in bindings.items() if several(terms)}
    if sets:  # initBindings take one term a variable: a set of them goes in as VALUES rows
        text = bind(text, sets)
    initial = {name: to_rdflib(as_term(value)) for name, value in bindings.items() if name not in sets}
    try:
        return _rdflib_answer(graph.query(text, initBindings=initial))
    except Exception as err:  # rdflib's parser raises pyparsing's exceptions
        if type(err).__module__.startswith(("pyparsing", "rdflib.plugins.sparql")):
            raise QueryError(f"malformed SPARQL query: {err}") from err
        if type(err) is Exception:  # rdflib's engine says what it cannot do with a bare Exception
            raise QueryError(f"query cannot run: {err}") from err
        raise


@lru_cache(maxsize=1)
def _trusted_selects() -> frozenset[str]:
    """The texts of the library's SELECT queries that a store with maplib asks maplib."""
    return frozenset(header.text for name, header in library().items()
                     if name in columnar.TRUSTED and query_form(header.text) == "SELECT")


@lru_cache(maxsize=1)
def _whole_graph_queries() -> frozenset[str]:
    """The texts of the library's queries whose header says ``# scans: the whole graph``."""
    return frozenset(header.text for header in library().values() if header.scans)


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
