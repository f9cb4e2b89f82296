"""The knowledge graph as a network: the one place RDF becomes networkx.

The interactive page (:mod:`sgcn.graph.network.viz`), the analysis (:mod:`sgcn.graph.network.analyze`)
and the network exports (:mod:`sgcn.graph.network.export`) all start from
:func:`to_networkx`, which reads a graph in sgcn's data model (README, "Data model")
and returns a :class:`networkx.MultiDiGraph`:

- one node per entity, keyed by its IRI, with ``type`` (``"Person"``), ``label``
  (the preferred label), ``aliases``, ``roles`` (``"Vice Mayor, Chongqing Municipal
  People's Government (2019-08-26)"``), ``start``/``end`` for events, the
  ``sources`` that name it and the ``years`` of those sources;
- one edge per relation triple ``S relation O``, keyed by the relation's contract
  name (``"co_chaired"``), with ``relation``, its ``evidence`` (a tuple of
  ``{"quote", "source", "date", "document", "start", "end"}`` dicts, one per
  sentence it was read from: the document's IRI and the quote's character offsets
  in its kept text locate the sentence), the
  ``sources`` and their ``years``.

Lists are tuples of strings or ints here; the exports flatten them for formats that
only carry strings and numbers. The other functions select part of that network:
by a name (:func:`find_entity`), around an entity (:func:`ego_network`) and by type,
relation and year (:func:`filter_network`).

Examples:
    >>> from rdflib import Graph
    >>> ttl = '''
    ... @prefix sgcn: <https://w3id.org/sgcn/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <https://w3id.org/sgcn/id/person/ana-lim> a sgcn:Person ; skos:prefLabel "Ana Lim" .
    ... <https://w3id.org/sgcn/id/event/data-week> a sgcn:Event ; skos:prefLabel "Data Week" .
    ... <https://w3id.org/sgcn/id/person/ana-lim> sgcn:participatedIn
    ...     <https://w3id.org/sgcn/id/event/data-week> .
    ... '''
    >>> net = to_networkx(Graph().parse(data=ttl, format="turtle"))
    >>> sorted(net.nodes[n]["label"] for n in net)
    ['Ana Lim', 'Data Week']
    >>> [key for _, _, key in net.edges(keys=True)]
    ['participated_in']
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import defaultdict
from typing import Iterable

import networkx as nx
from rdflib import Graph, URIRef

from sgcn.graph.rdf.build import POSITIONS, class_of, relation_properties
from sgcn.graph.rdf.namespace import DCTERMS, ORG, PROV, RDF, SDO, SGCN, SKOS, TIME
from sgcn.loaders.errors import SgcnError
from sgcn.loaders.facts import ENTITY_TYPES, RELATIONS

log = logging.getLogger(__name__)


class EntityNotFound(SgcnError):
    """No entity, or more than one, answers to a name the user gave."""


def relation_names() -> dict[URIRef, str]:
    """Relation property -> contract name, as the ontology's ``skos:notation`` states it.

    Examples:
        >>> relation_names()[SGCN.participatedIn]
        'participated_in'
    """
    return {prop: name for name, prop in relation_properties().items()}


#: Entity class IRI -> type name, derived from the contract's closed list.
ENTITY_CLASSES: dict[URIRef, str] = {class_of(name): name for name in ENTITY_TYPES}


def _year(literal: object) -> int | None:
    match = re.match(r"(\d{4})", str(literal or ""))
    return int(match.group(1)) if match else None


def _most_precise(dates: Iterable[object], *, latest: bool) -> str:
    """Of several ISO dates stated for one thing, the most precise (then the earliest or latest).

    Examples:
        >>> _most_precise(["2019", "2019-08-26", "2019-08-27"], latest=False)
        '2019-08-26'
        >>> _most_precise([], latest=True)
        ''
    """
    found = sorted({str(d) for d in dates}, key=lambda d: (len(d), d if latest else [-ord(c) for c in d]))
    return found[-1] if found else ""


def _documents(graph: Graph) -> dict[URIRef, tuple[str, str]]:
    """Document IRI -> (file name, ISO date)."""
    return {
        doc: (str(graph.value(doc, SGCN.fileName) or ""), str(graph.value(doc, DCTERMS.date) or ""))
        for doc in graph.subjects(RDF.type, SGCN.Document)
    }


def _offset(literal: object) -> int:
    try:
        return int(literal)
    except (TypeError, ValueError):
        return -1


def _evidence(graph: Graph, documents: dict) -> dict[URIRef, dict]:
    """Evidence IRI -> {"quote", "source", "date", "document", "start", "end"}."""
    found = {}
    for ev in graph.subjects(RDF.type, SGCN.Evidence):
        document = graph.value(ev, PROV.wasQuotedFrom)
        source, date = documents.get(document, ("", ""))
        found[ev] = {
            "quote": str(graph.value(ev, SGCN.quote) or ""),
            "source": source,
            "date": date,
            "document": str(document) if document is not None else "",
            "start": _offset(graph.value(ev, SGCN.startOffset)),
            "end": _offset(graph.value(ev, SGCN.endOffset)),
        }
    return found


def _sorted_evidence(items: Iterable[dict]) -> tuple[dict, ...]:
    unique = {(e["source"], e["start"], e["quote"], e["date"]): e for e in items}
    return tuple(unique[key] for key in sorted(unique))


def _years(evidence: Iterable[dict]) -> set[int]:
    return {y for y in (_year(e["date"]) for e in evidence) if y is not None}


def _post(graph: Graph, membership) -> tuple[str, str]:
    """A membership's title (its org:Role's label) and the date the source states it
    (the position of the instant inside its org:memberDuring interval)."""
    title = graph.value(graph.value(membership, ORG.role), SKOS.prefLabel)
    instant = graph.value(graph.value(membership, ORG.memberDuring), TIME.inside)
    as_of = min((str(d) for p in POSITIONS.values() for d in graph.objects(instant, p)), default="")
    return str(title or ""), as_of


def _role_text(title: str, organization: str, as_of: str) -> str:
    text = title + (f", {organization}" if organization else "")
    return text + (f" ({as_of})" if as_of else "")


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Convert a graph in sgcn's data model to a network of entities and relations.

    Args:
        graph: an rdflib graph as ``sgcn build`` writes it (relation names come
            from the shipped ontology, so a graph without it converts too).

    Returns:
        A directed multigraph: nodes are entity IRIs, edges are keyed by relation
        name. See the module docstring for the attributes.

    Examples:
        >>> net = to_networkx(Graph())
        >>> net.number_of_nodes(), net.graph["name"]
        (0, 'sgcn')
    """
    if not isinstance(graph, Graph):
        raise SgcnError(
            f"the network is built from an rdflib Graph, not {type(graph).__name__}: "
            "load it with sgcn.graph.sparql.query.load_graph(path, store='memory')"
        )
    documents = _documents(graph)
    evidence = _evidence(graph, documents)

    net = nx.MultiDiGraph(name="sgcn")
    for cls, type_name in ENTITY_CLASSES.items():
        for entity in graph.subjects(RDF.type, cls):
            if not isinstance(entity, URIRef):
                continue
            label = min(graph.objects(entity, SKOS.prefLabel), default=None)  # one, by the shapes
            aliases = sorted({str(a) for a in graph.objects(entity, SKOS.altLabel)} - {str(label)})
            net.add_node(
                str(entity),
                type=type_name,
                label=str(label) if label is not None else str(entity).rsplit("/", 1)[-1],
                aliases=tuple(aliases),
                start=_most_precise(graph.objects(entity, SDO.startDate), latest=False),
                end=_most_precise(graph.objects(entity, SDO.endDate), latest=True),
            )

    # Evidence per asserted statement, for relations and for the types of entities.
    asserted: dict[tuple[str, URIRef, str], list[dict]] = defaultdict(list)
    for assertion in graph.subjects(RDF.type, SGCN.Assertion):
        key = (
            str(graph.value(assertion, RDF.subject)),
            graph.value(assertion, RDF.predicate),
            str(graph.value(assertion, RDF.object)),
        )
        asserted[key].extend(evidence[e] for e in graph.objects(assertion, SGCN.evidence) if e in evidence)

    named_in: dict[str, list[dict]] = defaultdict(list)
    for (subject, predicate, _), items in asserted.items():
        if predicate == RDF.type:
            named_in[subject].extend(items)

    for prop, relation in relation_names().items():
        for subject, obj in graph.subject_objects(prop):
            s, o = str(subject), str(obj)
            if s not in net or o not in net:
                log.debug("relation %s %s %s leaves the entities; skipped", s, relation, o)
                continue
            items = _sorted_evidence(asserted.get((s, prop, o), ()))
            named_in[s].extend(items)
            named_in[o].extend(items)
            net.add_edge(
                s,
                o,
                key=relation,
                relation=relation,
                evidence=items,
                sources=tuple(sorted({e["source"] for e in items})),
                years=tuple(sorted(_years(items))),
            )

    roles: dict[str, set[str]] = defaultdict(set)
    for membership in graph.subjects(RDF.type, ORG.Membership):
        person = str(graph.value(membership, ORG.member))
        organization = graph.value(membership, ORG.organization)
        org_label = net.nodes[str(organization)]["label"] if str(organization) in net else ""
        title, as_of = _post(graph, membership)
        roles[person].add(_role_text(title, org_label, as_of))
        named_in[person].extend(evidence[e] for e in graph.objects(membership, SGCN.evidence) if e in evidence)

    for node, data in net.nodes(data=True):
        items = named_in.get(node, ())
        data["roles"] = tuple(sorted(roles.get(node, ())))
        data["sources"] = tuple(sorted({e["source"] for e in items if e["source"]}))
        years = _years(items) | {y for y in (_year(data["start"]), _year(data["end"])) if y}
        data["years"] = tuple(sorted(years))
    log.info("network of %d entities and %d relations", net.number_of_nodes(), net.number_of_edges())
    return net


def _normalize(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    return "".join(re.findall(r"\w+", text))


def names(net: nx.MultiDiGraph, node: str) -> tuple[str, ...]:
    """Every name of ``node``: its preferred label first, then its aliases.

    Examples:
        >>> net = nx.MultiDiGraph()
        >>> net.add_node("x", label="Ministry of Trade and Industry", aliases=("MTI",))
        >>> names(net, "x")
        ('Ministry of Trade and Industry', 'MTI')
    """
    data = net.nodes[node]
    return (data.get("label", node), *data.get("aliases", ()))


def find_entity(net: nx.MultiDiGraph, name: str) -> str:
    """The node a user means by ``name``: an IRI, a preferred label or an alias.

    Case, punctuation and spacing are ignored. A preferred label wins over an alias;
    a name shared by several entities is refused with the candidates listed.

    Raises:
        EntityNotFound: when no entity, or more than one, has that name.

    Examples:
        >>> net = nx.MultiDiGraph()
        >>> net.add_node("urn:a", label="Ministry of Trade and Industry", aliases=("MTI",))
        >>> find_entity(net, "mti")
        'urn:a'
        >>> find_entity(net, "Ministry of Magic")  # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        ...
        EntityNotFound: no entity is named 'Ministry of Magic'
    """
    if name in net:
        return name
    wanted = _normalize(name)
    by_label = [n for n in net if _normalize(net.nodes[n].get("label", "")) == wanted]
    matches = by_label or [n for n in net if wanted in {_normalize(a) for a in names(net, n)}]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise EntityNotFound(f"no entity is named {name!r}")
    listed = ", ".join(f"{net.nodes[n]['label']} <{n}>" for n in sorted(matches))
    raise EntityNotFound(f"{name!r} names {len(matches)} entities: {listed}")


def ego_network(net: nx.MultiDiGraph, focus: str, depth: int = 1) -> nx.MultiDiGraph:
    """The entities within ``depth`` relations of ``focus`` (either direction).

    Args:
        net: the network from :func:`to_networkx`.
        focus: any name :func:`find_entity` accepts.
        depth: how many relations away to go (1 = direct neighbours).

    Examples:
        >>> net = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "d")])
        >>> for n in net:
        ...     net.nodes[n]["label"] = n.upper()
        >>> sorted(ego_network(net, "B", depth=1))
        ['a', 'b', 'c']
    """
    if depth < 0:
        raise SgcnError(f"depth must be 0 or more, not {depth}")
    center = find_entity(net, focus)
    return nx.ego_graph(net, center, radius=depth, undirected=True).copy()


def filter_network(
    net: nx.MultiDiGraph,
    *,
    types: Iterable[str] | None = None,
    relations: Iterable[str] | None = None,
    since: int | None = None,
    until: int | None = None,
) -> nx.MultiDiGraph:
    """The part of ``net`` of the given entity types, relations and years.

    A year filter keeps what sources of those years say: a relation is kept when one
    of its sources is dated within ``since``..``until`` (inclusive), an entity when a
    source of those years names it or, for an event, when it took place then. Items
    without any date are kept, since nothing says they fall outside.

    Raises:
        SgcnError: for a type or relation not in the contract's closed lists.

    Examples:
        >>> net = nx.MultiDiGraph()
        >>> net.add_node("p", type="Person", years=(2019,))
        >>> net.add_node("e", type="Event", years=(2021,))
        >>> net.add_edge("p", "e", key="witnessed", relation="witnessed", years=(2021,))
        'witnessed'
        >>> sorted(filter_network(net, since=2020))
        ['e']
        >>> sorted(filter_network(net, types=["Person"]))
        ['p']
    """
    types = set(types or ())
    relations = set(relations or ())
    if types - set(ENTITY_TYPES):
        raise SgcnError(f"unknown entity type(s) {sorted(types - set(ENTITY_TYPES))}; known: {', '.join(ENTITY_TYPES)}")
    if relations - set(RELATIONS):
        raise SgcnError(f"unknown relation(s) {sorted(relations - set(RELATIONS))}; known: {', '.join(RELATIONS)}")

    def in_years(years: Iterable[int]) -> bool:
        years = tuple(years)
        low = since if since is not None else -(10**9)
        high = until if until is not None else 10**9
        return not years or any(low <= y <= high for y in years)

    keep_nodes = [
        n
        for n, d in net.nodes(data=True)
        if (not types or d.get("type") in types) and in_years(d.get("years", ()))
    ]
    part = net.subgraph(keep_nodes).copy()
    drop = [
        (s, o, k)
        for s, o, k, d in part.edges(keys=True, data=True)
        if (relations and d.get("relation") not in relations) or not in_years(d.get("years", ()))
    ]
    part.remove_edges_from(drop)
    return part


def simple_graph(net: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple graph under ``net`` (for centrality, paths, communities).

    Each edge carries ``relations``: the relation keys joining the pair either way.

    Examples:
        >>> net = nx.MultiDiGraph()
        >>> net.add_edge("a", "b", key="organized")
        'organized'
        >>> net.add_edge("b", "a", key="part_of")
        'part_of'
        >>> simple_graph(net).edges["a", "b"]["relations"]
        ('organized', 'part_of')
    """
    simple = nx.Graph()
    simple.add_nodes_from(net.nodes(data=True))
    joined: dict[frozenset, set[str]] = defaultdict(set)
    for s, o, key in net.edges(keys=True):
        if s != o:
            joined[frozenset((s, o))].add(key)
    for pair, keys in joined.items():
        s, o = sorted(pair)
        simple.add_edge(s, o, relations=tuple(sorted(keys)))
    return simple

