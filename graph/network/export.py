"""Carry the graph into other tools: RDF serializations and network formats.

Two families of export, one verb (:func:`export`) for both:

- the whole RDF graph as ``turtle`` (the build's own deterministic Turtle), ``ntriples`` (lines sorted) and ``jsonld``
  (compacted with the published context ``ontology/context.jsonld``, keys and
  values sorted), for triple stores and JSON-LD consumers;
- the network of entities and relations (:func:`sgcn.graph.network.model.to_networkx`) as
  ``graphml`` and ``gexf`` (Gephi, Cytoscape, yEd: every attribute a string or a
  number, lists joined with `` | ``, quotes with new lines), ``cytoscape``
  (Cytoscape.js elements JSON, lists kept as lists) and ``csv-nodes`` /
  ``csv-edges`` (spreadsheets, Neo4j's CSV import).

Every export of the same graph is the same bytes. A graph file is read by Oxigraph's
parser (``pyoxigraph.parse``): the network formats never build an rdflib graph (nor
import rdflib); the RDF formats hand the parsed triples to rdflib, whose serializers
write them (:func:`rdf_graph`).

Examples:
    >>> from rdflib import Graph
    >>> ttl = '''
    ... @prefix sgcn: <https://w3id.org/sgcn/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <https://w3id.org/sgcn/id/place/xiamen> a sgcn:Place ; skos:prefLabel "Xiamen" .
    ... '''
    >>> graph = Graph().parse(data=ttl, format="turtle")
    >>> print(export(graph, "csv-nodes").decode().splitlines()[1])
    https://w3id.org/sgcn/id/place/xiamen,Xiamen,Place,,,,,,,0
    >>> sorted(FORMATS)[:3]
    ['csv-edges', 'csv-nodes', 'cytoscape']
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from decimal import Decimal
from importlib.resources import files
from typing import Callable

from pathlib import Path
from typing import TYPE_CHECKING, Union

import pyoxigraph as ox

from sgcn.graph.network import options, require
from sgcn.loaders.errors import SgcnError

if TYPE_CHECKING:  # rdflib is imported by the RDF formats only, networkx by the network formats
    import networkx as nx
    from rdflib import Graph

#: What the network formats read: a graph file, an Oxigraph store or an rdflib graph.
GraphSource = Union[str, Path, ox.Store, "Graph"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"

log = logging.getLogger(__name__)

#: How list-valued attributes are joined for formats that only carry strings.
LIST_SEPARATOR = " | "
QUOTE_SEPARATOR = "\n"

NODE_COLUMNS = ("id", "label", "type", "aliases", "roles", "start_date", "end_date", "sources", "years", "degree")
EDGE_COLUMNS = (
    "id",
    "source",
    "target",
    "relation",
    "source_label",
    "target_label",
    "sources",
    "quotes",
    "evidence_count",
)


def context() -> dict:
    """The published JSON-LD ``@context`` of sgcn (``ontology/context.jsonld``).

    Examples:
        >>> context()["@context"]["sgcn"]
        'https://w3id.org/sgcn/ontology#'
    """
    return json.loads(files("sgcn.ontology").joinpath("context.jsonld").read_text(encoding="utf-8"))


def rdf_graph(source) -> Graph:
    """``source`` as an rdflib graph: a graph file read by Oxigraph's parser (about
    four times faster than rdflib's own), its triples and prefixes handed to rdflib;
    a ``pyoxigraph.Store``'s default graph; an rdflib graph as it is.

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.ttl"
        >>> _ = path.write_text('@prefix x: <https://x/> . x:a x:p "1.50"^^<http://www.w3.org/2001/XMLSchema#decimal> .')
        >>> graph = rdf_graph(path)
        >>> [str(o) for o in graph.objects()], dict(graph.namespaces())["x"]
        (['1.50'], rdflib.term.URIRef('https://x/'))
    """
    from rdflib import BNode, Graph, Literal, URIRef

    if type(source).__module__.startswith("rdflib"):
        return source

    def term(node):
        if isinstance(node, ox.NamedNode):
            return URIRef(node.value)
        if isinstance(node, ox.BlankNode):
            return BNode(node.value)
        if node.language:
            return Literal(node.value, lang=node.language)
        datatype = node.datatype.value
        return Literal(node.value) if datatype == XSD_STRING else Literal(node.value, datatype=URIRef(datatype))

    graph = Graph()
    if isinstance(source, ox.Store):
        quads = source.quads_for_pattern(None, None, None, ox.DefaultGraph())
        graph.addN((term(q.subject), term(q.predicate), term(q.object), graph) for q in quads)
        return graph
    path = Path(source)
    name = options.RDF_FILE_FORMATS.get(path.suffix.lower())
    if name is None:
        raise SgcnError(f"{path}: unknown RDF format; suffixes known: {', '.join(sorted(options.RDF_FILE_FORMATS))}")
    format = getattr(ox.RdfFormat, name)
    try:
        parser = ox.parse(path=str(path), format=format)
        graph.addN((term(t.subject), term(t.predicate), term(t.object), graph) for t in parser)
    except (OSError, SyntaxError, ValueError) as err:
        raise SgcnError(f"{path}: cannot read the graph: {err}") from err
    for prefix, namespace in (getattr(parser, "prefixes", None) or {}).items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def in_memory(graph: Graph) -> Graph:
    """A copy of ``graph`` in rdflib's memory store with its prefixes, ``xsd:string`` literals plain.

    RDF 1.1 makes ``"x"`` and ``"x"^^xsd:string`` the same literal, but stores differ in
    which one they hand back (the Oxigraph store gives the typed form), and in how they
    spell a decimal (``60`` or ``60.0``): copying first, with one spelling for each,
    makes every export of a graph the same bytes whatever store it was loaded into.

    Examples:
        >>> from rdflib import Graph, Literal, URIRef, XSD
        >>> g = Graph()
        >>> _ = g.add((URIRef("urn:a"), URIRef("urn:p"), Literal("x", datatype=XSD.string)))
        >>> next(iter(in_memory(g)))[2].datatype is None
        True
    """
    from rdflib import XSD, Graph, Literal

    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace, override=True, replace=True)
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        elif isinstance(o, Literal) and o.datatype == XSD.decimal:
            o = Literal(_decimal_lexical(str(o)), datatype=XSD.decimal)
        copy.add((s, p, o))
    return copy


def _decimal_lexical(text: str) -> str:
    """One spelling per decimal value, the one the build's Turtle uses (``60`` -> ``60.0``).

    Examples:
        >>> _decimal_lexical("60"), _decimal_lexical("60.00"), _decimal_lexical("0.50")
        ('60.0', '60.0', '0.5')
    """
    value = format(Decimal(text).normalize(), "f")
    return value if "." in value else value + ".0"


def _canonical(graph: Graph) -> Graph:
    """``graph`` with blank nodes labelled by their content, so output is stable."""
    from rdflib import BNode
    from rdflib.compare import to_canonical_graph

    if any(isinstance(term, BNode) for triple in graph for term in triple):
        return to_canonical_graph(graph)
    return graph


def to_ntriples(graph: Graph) -> bytes:
    """N-Triples with the lines sorted (rdflib's own order varies between runs).

    Examples:
        >>> from rdflib import Graph, URIRef, Literal
        >>> g = Graph()
        >>> _ = g.add((URIRef("urn:b"), URIRef("urn:p"), Literal("x")))
        >>> _ = g.add((URIRef("urn:a"), URIRef("urn:p"), Literal("y")))
        >>> print(to_ntriples(g).decode(), end="")
        <urn:a> <urn:p> "y" .
        <urn:b> <urn:p> "x" .
    """
    text = _canonical(graph).serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted(line for line in text.splitlines() if line.strip())
    return ("\n".join(lines) + "\n" if lines else "").encode("utf-8")


def _sorted_json(value: object) -> object:
    """Sort the arrays of a JSON-LD document: RDF values are sets, their order is noise."""
    if isinstance(value, dict):
        return {k: (v if k in ("@context", "@list") else _sorted_json(v)) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def to_jsonld(graph: Graph) -> bytes:
    """JSON-LD compacted with sgcn's published context, keys and arrays sorted.

    Examples:
        >>> from rdflib import Graph, URIRef, Literal
        >>> from rdflib.namespace import SKOS
        >>> g = Graph()
        >>> _ = g.add((URIRef("https://w3id.org/sgcn/id/place/xiamen"), SKOS.prefLabel, Literal("Xiamen")))
        >>> doc = json.loads(to_jsonld(g))
        >>> doc["@id"], doc["prefLabel"]
        ('https://w3id.org/sgcn/id/place/xiamen', 'Xiamen')
    """
    ctx = context()["@context"]
    data = json.loads(_canonical(graph).serialize(format="json-ld", context=ctx, auto_compact=True))
    data["@context"] = ctx
    return (json.dumps(_sorted_json(data), indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _joined(values: object, separator: str = LIST_SEPARATOR) -> str:
    return separator.join(str(v) for v in values)


def flat_network(net: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``net`` whose every attribute is a string or an int, in sorted order.

    Nodes keep their IRI as id; each edge gets a unique ``id``
    (``"<subject IRI> <relation> <object IRI>"``) and its relation as ``label``.

    Examples:
        >>> import networkx as nx
        >>> net = nx.MultiDiGraph()
        >>> net.add_node("urn:a", label="A", type="Person", aliases=("Mr A", "Dr A"))
        >>> flat_network(net).nodes["urn:a"]["aliases"]
        'Mr A | Dr A'
    """
    import networkx as nx  # ``net`` is a networkx graph: it is installed

    flat = nx.MultiDiGraph(name=net.graph.get("name", "sgcn"))
    for node in sorted(net):
        data = net.nodes[node]
        flat.add_node(
            node,
            label=data.get("label", node),
            type=data.get("type", ""),
            aliases=_joined(data.get("aliases", ())),
            roles=_joined(data.get("roles", ())),
            # not "start"/"end": GEXF writers read those as a node's lifetime
            start_date=data.get("start", ""),
            end_date=data.get("end", ""),
            sources=_joined(data.get("sources", ())),
            years=_joined(data.get("years", ())),
            degree=net.degree(node),
        )
    for s, o, key in sorted(net.edges(keys=True)):
        data = net.edges[s, o, key]
        evidence = data.get("evidence", ())
        flat.add_edge(
            s,
            o,
            key=f"{s} {key} {o}",
            id=f"{s} {key} {o}",
            relation=data.get("relation", key),
            label=data.get("relation", key),
            sources=_joined(data.get("sources", ())),
            quotes=_joined(sorted({e["quote"] for e in evidence}), QUOTE_SEPARATOR),
            evidence_count=len(evidence),
        )
    return flat


def to_networkx(graph: GraphSource) -> nx.MultiDiGraph:
    """:func:`sgcn.graph.network.model.to_networkx`, imported when a network format is asked for.

    Raises:
        SgcnError: networkx is not installed (the ``network`` extra).
    """
    require("networkx")
    from sgcn.graph.network.model import to_networkx as network

    return network(graph)


def to_graphml(graph: GraphSource) -> bytes:
    """GraphML of the entity network (nodes keyed by IRI, typed attributes).

    Examples:
        >>> import networkx as nx
        >>> nx.read_graphml(io.BytesIO(to_graphml(ox.Store()))).number_of_nodes()
        0
    """
    flat = flat_network(to_networkx(graph))
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8", edge_id_from_attribute="id")
    return buffer.getvalue()


def to_gexf(graph: GraphSource) -> bytes:
    """GEXF 1.2 of the entity network, as Gephi reads it.

    Examples:
        >>> b"lastmodifieddate" in to_gexf(ox.Store()), b'version="1.2"' in to_gexf(ox.Store())
        (False, True)
    """
    flat = flat_network(to_networkx(graph))
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_gexf(flat, buffer, encoding="utf-8")
    # networkx stamps today's date into <meta>; the attribute is optional in GEXF and
    # dropping it keeps the export of the same graph the same bytes.
    return re.sub(rb'(<meta) lastmodifieddate="[^"]*"', rb"\1", buffer.getvalue(), count=1)


def to_cytoscape(graph: GraphSource) -> bytes:
    """Cytoscape.js elements JSON; list attributes stay JSON arrays.

    Also carries networkx's ``data``/``directed``/``multigraph`` keys and node
    ``value``s, so ``networkx.cytoscape_graph`` reads it back.

    Examples:
        >>> json.loads(to_cytoscape(ox.Store()))["elements"]
        {'nodes': [], 'edges': []}
    """
    net = to_networkx(graph)
    nodes = [
        {"data": {"id": n, "value": n, "name": d.get("label", n), "degree": net.degree(n), **_jsonable(d)}}
        for n, d in sorted(net.nodes(data=True))
    ]
    edges = [
        {"data": {"id": f"{s} {k} {o}", "source": s, "target": o, "key": k, "label": k, **_jsonable(d)}}
        for s, o, k, d in sorted(net.edges(keys=True, data=True), key=lambda e: e[:3])
    ]
    document = {
        "data": {"name": net.graph.get("name", "sgcn")},
        "directed": True,
        "multigraph": True,
        "elements": {"nodes": nodes, "edges": edges},
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _jsonable(data: dict) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}


def _csv(rows: list[dict], columns: tuple[str, ...]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def to_csv_nodes(graph: GraphSource) -> bytes:
    """One row per entity: the columns of :data:`NODE_COLUMNS`.

    Examples:
        >>> to_csv_nodes(ox.Store()).decode().strip() == ",".join(NODE_COLUMNS)
        True
    """
    flat = flat_network(to_networkx(graph))
    return _csv([{"id": n, **flat.nodes[n]} for n in flat], NODE_COLUMNS)


def to_csv_edges(graph: GraphSource) -> bytes:
    """One row per relation, with both labels, its sources and its quotes (:data:`EDGE_COLUMNS`).

    Examples:
        >>> to_csv_edges(ox.Store()).decode().strip() == ",".join(EDGE_COLUMNS)
        True
    """
    flat = flat_network(to_networkx(graph))
    rows = [
        {
            "source": s,
            "target": o,
            "source_label": flat.nodes[s]["label"],
            "target_label": flat.nodes[o]["label"],
            **{k: v for k, v in d.items() if k != "label"},
        }
        for s, o, d in flat.edges(data=True)
    ]
    return _csv(rows, EDGE_COLUMNS)


def to_turtle(graph: Graph) -> bytes:
    """The build's deterministic Turtle (``sgcn.graph.rdf.serialize.to_turtle``).

    Examples:
        >>> from rdflib import Graph
        >>> to_turtle(Graph()).strip()
        b''
    """
    from sgcn.graph.rdf.serialize import to_turtle as turtle

    return turtle(graph)


#: Format name -> function returning the bytes of the export: the RDF formats take an
#: rdflib graph (:func:`rdf_graph`), the network formats any :data:`GraphSource`.
FORMATS: dict[str, Callable] = {
    "turtle": to_turtle,
    "ntriples": to_ntriples,
    "jsonld": to_jsonld,
    "graphml": to_graphml,
    "gexf": to_gexf,
    "cytoscape": to_cytoscape,
    "csv-nodes": to_csv_nodes,
    "csv-edges": to_csv_edges,
}

#: The file extension each format is usually saved with.
EXTENSIONS = options.EXTENSIONS


def export(graph: GraphSource, fmt: str) -> bytes:
    """The bytes of ``graph`` (a graph file, an Oxigraph store or an rdflib graph)
    exported as ``fmt`` (a key of :data:`FORMATS`).

    Raises:
        SgcnError: for a format sgcn does not write, naming the ones it does.

    Examples:
        >>> export(ox.Store(), "ntriples")
        b''
        >>> export(ox.Store(), "xls")  # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        ...
        SgcnError: unknown export format 'xls'; known: turtle, ntriples, ...
    """
    try:
        writer = FORMATS[fmt]
    except KeyError as err:
        raise SgcnError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}") from err
    if fmt in options.RDF_FORMATS:
        graph = in_memory(rdf_graph(graph))
        log.info("exporting %d triples as %s", len(graph), fmt)
    else:
        log.info("exporting the network as %s", fmt)
    return writer(graph)
