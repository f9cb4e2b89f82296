"""Run the query library of ``queries/*.rq`` on the built graph, anywhere.

The library holds the seven contract questions (entities, relations, roles, events,
figures, topics, evidence) and the questions researchers ask besides (everything
about one entity, the shortest chain between two, who co-chaired each meeting, ...);
each file's header says what it answers and which parameters it takes
(``sgcn.graph.sparql.params``). A query runs

- on an embedded store (``sgcn.graph.sparql.store``: by default Oxigraph, large graph
  files from their on-disk store, with maplib's columnar engine beside it where the
  ``columnar`` extra is installed and a large graph is held for many queries; rdflib's
  memory store a flag away) loaded from ``graph/sgcn.ttl`` or any other graph file, or
- on a remote SPARQL endpoint (``sgcn.graph.sparql.remote``) through SPARQLWrapper,

with its parameters bound as RDF terms (an ``entity`` parameter given a name is
first looked up with ``queries/entity-lookup.rq``). Results are written as an aligned
table, CSV, TSV, SPARQL 1.1 results JSON or XML, or, for CONSTRUCT and DESCRIBE,
Turtle, JSON-LD, N-Triples or RDF/XML.

Examples:
    >>> sorted(query_names())[:3]
    ['bridging-people', 'conflicts', 'corroboration']
    >>> print(format_rows(["a", "b"], [{"a": "1", "b": "x, y"}], "csv"), end="")
    a,b
    1,"x, y"
"""

from __future__ import annotations

import csv
import io
import json
import logging
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping

from sgcn.graph.sparql import cache
from sgcn.graph.sparql.library import library, package_folder, query_header, query_names, query_text
from sgcn.graph.sparql.options import DEFAULT_STORE, FORMATS, GRAPH_FORMATS, ROW_FORMATS
from sgcn.graph.sparql.params import QueryError, QueryHeader, bind, looks_like_iri, parse_header, to_term
from sgcn.graph.sparql.results import Answer, Term
from sgcn.graph.sparql.store import EmbeddedGraph, from_rdflib_graph
from sgcn.graph.sparql.store import load_graph as load_into_store
from sgcn.graph.sparql.store import run_query as run_on_graph

if TYPE_CHECKING:  # rdflib is imported for graph answers and rdflib graphs only
    from rdflib import Graph

__all__ = [
    "FORMATS", "GRAPH_FORMATS", "QueryError", "Target", "announce_default_graph", "default_graph_path", "execute",
    "format_rows", "packaged_graph_path",
    "library", "load_graph", "query_header", "query_names", "query_text", "resolve_entity",
    "resolve_params", "run_query", "run_rows", "write_result",
]

log = logging.getLogger(__name__)

# row formats a store may write itself (sgcn.graph.sparql.results.Answer.serialize): the SPARQL
# 1.1 results formats; a table is laid out here from the rows
_NATIVE_FORMATS = ("csv", "tsv", "json", "xml")

Runner = Callable[[str, Mapping[str, Term]], Answer]


WORKING_GRAPH = Path("graph") / "sgcn.ttl"
"""Where ``sgcn build`` writes by default, relative to the working folder."""


def packaged_graph_path() -> Path:
    """The graph shipped inside the ``sgcn.graph`` package (built from the project's ``sources/``).

    In a checkout (editable install) it is the checkout's ``graph/sgcn.ttl``; an installed
    copy ships the graph it was built with.

    Examples:
        >>> packaged_graph_path().name
        'sgcn.ttl'
    """
    return package_folder("sgcn.graph") / "sgcn.ttl"


def default_graph_path() -> Path:
    """The graph ``sgcn query`` (and every command) reads when no ``--graph`` is given.

    ``graph/sgcn.ttl`` in the working folder when there is one (what ``sgcn build``
    writes there), else the packaged graph (:func:`packaged_graph_path`).

    Examples:
        >>> default_graph_path().name
        'sgcn.ttl'
    """
    return WORKING_GRAPH if WORKING_GRAPH.is_file() else packaged_graph_path()


def announce_default_graph() -> Path:
    """:func:`default_graph_path`, saying (logged at INFO) which graph that is."""
    path = default_graph_path()
    if path == WORKING_GRAPH:
        log.info("no --graph given: reading %s in the working folder", path)
    else:
        log.info("no --graph given and no graph/sgcn.ttl here: reading the graph shipped with sgcn, %s "
                 "(built from the project's own sources; `sgcn build --sources DIR` makes yours)", path)
    return path


@lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int, size: int, store: str, one_query: bool) -> EmbeddedGraph:
    return load_into_store(path, store=store, one_query=one_query)


def load_graph(path: str | Path, store: str = DEFAULT_STORE, *, one_query: bool = False) -> EmbeddedGraph:
    """Read a graph file into an embedded store (kept in this process while the file is unchanged).

    With ``one_query``, the graph is opened to answer one query (see
    ``sgcn.graph.sparql.store.load_graph``).

    Raises:
        QueryError: when the file is missing or cannot be read.
    """
    path = Path(path)
    try:
        stat = path.stat()
        return _load(str(path.resolve()), stat.st_mtime_ns, stat.st_size, store, one_query)
    except FileNotFoundError as err:
        raise QueryError(f"{path}: no such graph file (build one with `sgcn build`)") from err


class Target:
    """Where queries run: an embedded graph, or a remote endpoint.

    Examples:
        >>> from sgcn.graph.sparql.store import parse_graph
        >>> target = Target(graph=parse_graph("<https://x/a> <https://x/p> 'b' ."))
        >>> target.run("ASK { ?s ?p 'b' }").boolean
        True
    """

    def __init__(self, *, graph: EmbeddedGraph | None = None, endpoint: str | None = None,
                 graph_uri: str | None = None, timeout: float = 60):
        if (graph is None) == (endpoint is None):
            raise QueryError("a query target is either a graph or an endpoint")
        self.graph, self.endpoint, self.graph_uri, self.timeout = graph, endpoint, graph_uri, timeout

    @classmethod
    def open(cls, *, graph: str | Path | None = None, store: str = DEFAULT_STORE, endpoint: str | None = None,
             graph_uri: str | None = None, timeout: float = 60, one_query: bool = False) -> "Target":
        """The target the command line names: ``--endpoint`` if given, else a graph file.

        ``one_query``: the graph answers one query and is dropped (``sgcn query``), so a
        large graph file is read from its on-disk store where there is one; call
        :meth:`close` once the answer is written, to have one built if there is not.
        """
        if endpoint:
            return cls(endpoint=endpoint, graph_uri=graph_uri, timeout=timeout)
        return cls(graph=load_graph(announce_default_graph() if graph is None else graph, store, one_query=one_query))

    def close(self) -> None:
        """Done with the target: start building the on-disk stores of the large graph
        files it loaded without one (in the background: this returns at once)."""
        cache.start_builds()

    def run(self, text: str, bindings: Mapping[str, Term] | None = None) -> Answer:
        """Run a query with ``bindings`` (variable name to RDF term) as typed parameters.

        An embedded store takes them its own way (``sgcn.graph.sparql.store.run_query``); a
        remote endpoint gets one ``VALUES`` row (``sgcn.graph.sparql.params.bind``).
        """
        if self.graph is not None:
            return run_on_graph(self.graph, text, bindings)
        # imported here so that a query on a graph file does not load urllib.request
        from sgcn.graph.sparql.remote import query_endpoint

        return query_endpoint(self.endpoint, bind(text, dict(bindings or {})), graph_uri=self.graph_uri,
                              timeout=self.timeout)


def resolve_entity(value: str, runner: Runner) -> Term:
    """The IRI of the entity ``value`` names (a preferred label or an alias), or ``value`` as an IRI.

    A name that only one entity carries as its preferred label wins over aliases that
    others carry; otherwise several candidates are an error listing them.

    Raises:
        QueryError: no entity, or several, go by that name.
    """
    if looks_like_iri(value):
        return Term("uri", value.strip("<>"))
    header = parse_header(query_text("entity-lookup"), name="entity-lookup")
    rows = runner(header.text, {"name": Term("literal", value)}).fetch()
    candidates = {str(row[0]): (str(row[1]), str(row[2]), str(row[3])) for row in rows}
    if not candidates:
        raise QueryError(f"no entity is named {value!r} (try `sgcn query entity-lookup --param name=...`)")
    if len(candidates) > 1:
        exact = [iri for iri, (label, _, _) in candidates.items() if label.lower() == value.lower()]
        if len(exact) == 1:
            return Term("uri", exact[0])
        listed = "; ".join(f"{label} ({kind}) <{iri}>" for iri, (label, kind, _) in sorted(candidates.items()))
        raise QueryError(f"{value!r} names {len(candidates)} entities: {listed}; give the IRI instead")
    return Term("uri", next(iter(candidates)))


def resolve_params(header: QueryHeader, values: Mapping[str, str], runner: Runner | None = None
                   ) -> dict[str, Term]:
    """Turn ``NAME=VALUE`` strings into the RDF terms the query's header declares.

    Raises:
        QueryError: an unknown or missing parameter, or a value of the wrong kind.

    Examples:
        >>> header = parse_header("# params:\\n#   m (literal): a measure\\nSELECT * { ?s ?p ?m }", name="q")
        >>> resolve_params(header, {"m": "fund_size"})
        {'m': Term(kind='literal', value='fund_size', datatype=None, lang=None)}
    """
    declared = {param.name: param for param in header.params}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        known = ", ".join(declared) or "none"
        raise QueryError(f"query {header.name!r} takes no parameter {unknown[0]!r}; its parameters: {known}")
    missing = [p.name for p in header.params if p.required and p.name not in values]
    if missing:
        raise QueryError(f"query {header.name!r} needs --param {missing[0]}=... ({declared[missing[0]].description})")
    values = {**{p.name: p.default for p in header.params if p.default is not None}, **values}
    terms: dict[str, Term] = {}
    for name, value in values.items():
        param = declared[name]
        if param.kind == "side":
            if runner is None:
                raise QueryError(f"parameter {name!r}: cannot tell the organizations on {value!r} without a graph")
            from sgcn.graph.sparql.sides import organizations_on

            terms[name] = organizations_on(value, runner)
        elif param.kind == "entity" and value == "" and param.default == "":
            terms[name] = Term("literal", "")  # left out: no entity, every row
        elif param.kind == "entity":
            if runner is None and not looks_like_iri(value):
                raise QueryError(f"parameter {name!r}: cannot look up {value!r} without a graph")
            terms[name] = resolve_entity(value, runner) if runner else Term("uri", value.strip("<>"))
        else:
            terms[name] = to_term(param, value)
    return terms


def execute(target: Target, *, name: str | None = None, text: str | None = None,
            params: Mapping[str, str] | None = None) -> Answer:
    """Run a library query by ``name``, or an ad-hoc query ``text``, with ``params`` bound.

    An ad-hoc query may declare parameters in a ``# params:`` header like the library's.

    Examples:
        >>> from sgcn.graph.sparql.store import parse_graph
        >>> graph = parse_graph('<https://x/a> <https://x/p> "it\\'s" .')
        >>> text = "# params:\\n#   v (literal): a value\\nSELECT ?s WHERE { ?s ?p ?v }"
        >>> [str(row[0]) for row in execute(Target(graph=graph), text=text, params={"v": "it's"}).rows]
        ['https://x/a']
    """
    if (name is None) == (text is None):
        raise QueryError("give a query name or a query text")
    header = parse_header(query_text(name) if name else text, name=name or "(ad hoc)")
    terms = resolve_params(header, dict(params or {}), target.run)
    return target.run(header.text, terms)


# --------------------------------------------------------------------------- contract rows


def run_rows(answer: Answer) -> tuple[list[str], list[dict[str, str]]]:
    """A SELECT answer as columns and rows of strings (``""`` for unbound)."""
    columns = answer.variables
    return columns, [{c: "" if v is None else v.value for c, v in zip(columns, row)} for row in answer.rows]


def run_query(name: str, graph: Graph | str | Path | None = None) -> tuple[list[str], list[dict[str, str]]]:
    """Run the query ``name`` and return its columns and rows (every value a string).

    Args:
        name: one of :func:`query_names` (one without required parameters).
        graph: an rdflib graph, a graph file, or ``None`` for :func:`default_graph_path`.

    Returns:
        ``(columns, rows)``: the query's variables in order, and one dict per row with
        ``""`` for unbound values.

    Examples:
        >>> from rdflib import Graph
        >>> columns, rows = run_query("events", Graph())
        >>> columns, rows
        (['event', 'start', 'end', 'place'], [])
    """
    if graph is not None and not isinstance(graph, (str, Path)):  # an rdflib graph
        target = Target(graph=from_rdflib_graph(graph))
    else:
        target = Target.open(graph=graph)
    return run_rows(execute(target, name=name))


def format_rows(columns: list[str], rows: list[dict[str, str]], fmt: str) -> str:
    """Write string rows as ``csv`` (header row first), ``json`` (a list of objects) or ``table``.

    Examples:
        >>> print(format_rows(["k", "v"], [{"k": "a", "v": "1"}], "json"))
        [
          {
            "k": "a",
            "v": "1"
          }
        ]
        >>> print(format_rows(["k", "value"], [{"k": "a", "value": "1"}], "table"))
        k  value
        -  -----
        a  1
    """
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([row[c] for c in columns] for row in rows)
        return out.getvalue()
    if fmt == "json":
        return json.dumps([{c: row[c] for c in columns} for row in rows], ensure_ascii=False, indent=2)
    if fmt == "table":
        widths = [max([len(c)] + [len(row[c]) for row in rows]) for c in columns]
        lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
        lines.append("  ".join("-" * w for w in widths))
        for row in rows:
            lines.append("  ".join(row[c].ljust(w) for c, w in zip(columns, widths)).rstrip())
        return "\n".join(lines)
    raise QueryError(f"unknown format {fmt!r}; known: csv, json, table")


# --------------------------------------------------------------------------- result writers


def _json_term(node: Term) -> dict[str, str]:
    out = {"type": node.kind, "value": node.value}
    if node.lang:
        out["xml:lang"] = node.lang
    elif node.datatype:
        out["datatype"] = node.datatype
    return out


def _xml_term(node: Term) -> str:
    # imported here: xml.sax.saxutils imports urllib.request and http.client (0.1 s)
    from xml.sax.saxutils import escape, quoteattr

    if node.kind in ("uri", "bnode"):
        return f"<{node.kind}>{escape(node.value)}</{node.kind}>"
    attrs = f" xml:lang={quoteattr(node.lang)}" if node.lang else (
        f" datatype={quoteattr(node.datatype)}" if node.datatype else "")
    return f"<literal{attrs}>{escape(node.value)}</literal>"


def write_rows(columns: list[str], rows: list[tuple], fmt: str) -> str:
    """Write SELECT rows of RDF terms in ``fmt`` (one of :data:`ROW_FORMATS`).

    ``csv`` and ``table`` show plain values; ``tsv`` and ``json``/``xml`` (the SPARQL
    1.1 results formats) keep each term's kind, datatype and language.

    Examples:
        >>> integer = "http://www.w3.org/2001/XMLSchema#integer"
        >>> rows = [(Term("uri", "https://x/a"), Term("literal", "3", integer)), (Term("uri", "https://x/b"), None)]
        >>> for line in write_rows(["s", "n"], rows, "tsv").splitlines():
        ...     print(line.split("\\t"))
        ['?s', '?n']
        ['<https://x/a>', '"3"^^<http://www.w3.org/2001/XMLSchema#integer>']
        ['<https://x/b>', '']
        >>> json.loads(write_rows(["s"], [(Term("literal", "x", lang="en"),)], "json"))["results"]
        {'bindings': [{'s': {'type': 'literal', 'value': 'x', 'xml:lang': 'en'}}]}
    """
    if fmt in ("csv", "table"):
        plain = [{c: "" if v is None else v.value for c, v in zip(columns, row)} for row in rows]
        text = format_rows(columns, plain, fmt)
        return text if text.endswith("\n") else text + "\n"
    if fmt == "tsv":
        lines = ["\t".join(f"?{c}" for c in columns)]
        lines += ["\t".join("" if v is None else v.n3() for v in row) for row in rows]
        return "\n".join(lines) + "\n"
    if fmt == "json":
        bindings = [{c: _json_term(v) for c, v in zip(columns, row) if v is not None} for row in rows]
        return json.dumps({"head": {"vars": columns}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=1) + "\n"
    if fmt == "xml":
        from xml.sax.saxutils import quoteattr

        out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
        out += [f"  <variable name={quoteattr(c)}/>" for c in columns]
        out += ["</head>", "<results>"]
        for row in rows:
            out.append("  <result>")
            out += [f"    <binding name={quoteattr(c)}>{_xml_term(v)}</binding>"
                    for c, v in zip(columns, row) if v is not None]
            out.append("  </result>")
        out += ["</results>", "</sparql>"]
        return "\n".join(out) + "\n"
    raise QueryError(f"format {fmt!r} is for graphs; rows are written as {', '.join(ROW_FORMATS)}")


def write_boolean(answer: bool, fmt: str) -> str:
    """Write an ASK answer.

    Examples:
        >>> write_boolean(True, "json")
        '{"head": {}, "boolean": true}\\n'
    """
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": bool(answer)}) + "\n"
    if fmt == "xml":
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if answer else 'false'}</boolean></sparql>\n")
    return ("true" if answer else "false") + "\n"


def write_graph(graph: Graph, fmt: str) -> str:
    """Write a CONSTRUCT or DESCRIBE result as ``turtle``, ``json-ld``, ``nt`` (sorted lines) or
    ``rdf-xml`` (RDF/XML, what SPARQLWrapper and rdflib ask of an endpoint by default).

    Blank nodes are labelled by their content first (rdflib's canonical labelling), so
    the same answer is written as the same bytes whichever store, or run, gave it.

    Examples:
        >>> from rdflib import Graph, Literal, URIRef
        >>> g = Graph(); _ = g.add((URIRef("https://x/a"), URIRef("https://x/p"), Literal("b")))
        >>> write_graph(g, "nt")
        '<https://x/a> <https://x/p> "b" .\\n'
    """
    # imported here: sgcn.graph.rdf.build loads the loaders (about 0.25 s), which only
    # graph answers need, for their prefixes
    from rdflib import BNode, Graph
    from rdflib.compare import _TripleCanonicalizer

    from sgcn.graph.rdf.build import PREFIXES

    if any(isinstance(term, BNode) for triple in graph for term in triple):
        # blank nodes get labels from their content: the same answer is the same bytes
        # (a store and a parser label them afresh each time)
        canonical = Graph()
        canonical += _TripleCanonicalizer(graph).canonical_triples()
        graph = canonical
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    if fmt in ("nt", "rdf-xml", "json-ld"):
        lines = sorted(line for line in graph.serialize(format="nt").splitlines() if line.strip())
        text = "\n".join(lines) + ("\n" if lines else "")
        if fmt == "nt":
            return text
        if fmt == "json-ld":
            # rdflib writes JSON-LD nodes in the order its store holds them, which differs
            # between two stores' copies of one answer: a graph given the triples sorted
            # (blank nodes keep their labels by content) holds them in that order
            ordered = Graph()
            for prefix, namespace in PREFIXES.items():
                ordered.bind(prefix, namespace, override=True, replace=True)
            for triple in sorted(graph, key=lambda t: tuple(term.n3() for term in t)):
                ordered.add(triple)
            return ordered.serialize(format="json-ld", indent=2) + "\n"
        # RDF/XML by Oxigraph's writer from the sorted lines, a subject's triples together:
        # the same graph is the same bytes (rdflib's writer orders by hash)
        import pyoxigraph as ox

        triples = ox.parse(text.encode("utf-8"), ox.RdfFormat.N_TRIPLES)
        return ox.serialize(triples, format=ox.RdfFormat.RDF_XML,
                            prefixes={p: str(n) for p, n in PREFIXES.items()}).decode("utf-8")
    if fmt == "turtle":
        return graph.serialize(format="longturtle")
    raise QueryError(f"format {fmt!r} is for rows; graphs are written as {', '.join(GRAPH_FORMATS)}")


def write_result(answer: Answer, fmt: str, *, limit: int | None = None) -> str:
    """Write any answer in ``fmt``: rows for SELECT, a boolean for ASK, a graph otherwise.

    A graph answer asked for in a row format comes out as Turtle.

    Args:
        answer: what a query returned.
        fmt: one of :data:`FORMATS`.
        limit: refuse (QueryError) a SELECT answer of more rows than this.

    Examples:
        >>> from sgcn.graph.sparql.store import parse_graph, run_query
        >>> graph = parse_graph('<https://x/a> <https://x/p> "b" .')
        >>> print(write_result(run_query(graph, "SELECT ?o { ?s ?p ?o }"), "csv"), end="")
        o
        b
    """
    if answer.type == "ASK":
        return write_boolean(bool(answer.boolean), fmt)
    if answer.type != "SELECT":
        if limit is not None and len(answer.graph) > limit:
            raise QueryError(f"the answer has more than {limit} triples")
        return write_graph(answer.graph, fmt if fmt in GRAPH_FORMATS else "turtle")
    if answer.serialize is not None and limit is None and fmt in _NATIVE_FORMATS:
        data = answer.serialize(fmt)
        if data is not None:
            return csv_from_sparql(data, len(answer.variables)) if fmt == "csv" else data.decode("utf-8")
    rows = answer.fetch(limit)
    if limit is not None and len(rows) > limit:
        raise QueryError(f"the answer has more than {limit} rows")
    return write_rows(answer.variables, rows, fmt)


def csv_from_sparql(data: bytes, width: int) -> str:
    """The CSV ``write_rows`` writes, from a SPARQL 1.1 CSV results document.

    The SPARQL format ends lines with CRLF and quotes a field holding ``\\r``; sgcn's
    CSV (the contract's) ends lines with LF, like Python's ``csv`` module, and writes
    a row of one empty field as ``""``. Where every CRLF ends a row (quotes balance on
    each line) and no other CR occurs, the line ends are swapped in bulk; otherwise
    the document is read and written again with ``csv``. Blank nodes keep the
    SPARQL format's ``_:`` before their label.

    Args:
        data: the CSV document, UTF-8.
        width: how many variables the answer has.

    Examples:
        >>> print(csv_from_sparql(b'a,b\\r\\n"x, y",1\\r\\n', 2), end="")
        a,b
        "x, y",1
        >>> csv_from_sparql(b'a\\r\\n"x\\r\\ny"\\r\\n\\r\\n', 1)
        'a\\n"x\\r\\ny"\\n""\\n'
    """
    lines = data.split(b"\r\n")
    if b"\r" not in data.replace(b"\r\n", b"") and all(line.count(b'"') % 2 == 0 for line in lines):
        if width == 1:
            lines[:-1] = [line or b'""' for line in lines[:-1]]
        return b"\n".join(lines).decode("utf-8")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in csv.reader(io.StringIO(data.decode("utf-8"), newline="")):
        writer.writerow(row or [""] * width)
    return out.getvalue()
