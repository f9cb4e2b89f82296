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

The graph is read through Oxigraph's parser (``pyoxigraph.parse``): a graph file
streams through it once, each triple kept only if the network needs its predicate;
no store is built and rdflib is not imported (248k triples: about 1 s, where rdflib's
parser and graph took 8.6 s). An Oxigraph store or an rdflib graph converts too.

Examples:
    >>> import pyoxigraph as ox
    >>> ttl = b'''
    ... @prefix sgcn: <https://w3id.org/sgcn/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <https://w3id.org/sgcn/id/person/ana-lim> a sgcn:Person ; skos:prefLabel "Ana Lim" .
    ... <https://w3id.org/sgcn/id/event/data-week> a sgcn:Event ; skos:prefLabel "Data Week" .
    ... <https://w3id.org/sgcn/id/person/ana-lim> sgcn:participatedIn
    ...     <https://w3id.org/sgcn/id/event/data-week> .
    ... '''
    >>> store = ox.Store(); store.load(ttl, ox.RdfFormat.TURTLE)
    >>> net = to_networkx(store)
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
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Iterable, Iterator

import networkx as nx
import pyoxigraph as ox

from sgcn.graph.network.options import RDF_FILE_FORMATS
from sgcn.graph.rdf.iris import ONTOLOGY
from sgcn.loaders.errors import SgcnError
from sgcn.loaders.vocabulary import ENTITY_TYPES, RELATIONS

log = logging.getLogger(__name__)

# the terms the network is read from (the ontology's and the W3C vocabularies' IRIs)
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_TYPE, _SUBJECT, _PREDICATE, _OBJECT = (_RDF + name for name in ("type", "subject", "predicate", "object"))
_PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
_ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
_NOTATION = "http://www.w3.org/2004/02/skos/core#notation"
_OBJECT_PROPERTY = "http://www.w3.org/2002/07/owl#ObjectProperty"
_START, _END = "https://schema.org/startDate", "https://schema.org/endDate"
_DATE = "http://purl.org/dc/terms/date"
_QUOTED_FROM = "http://www.w3.org/ns/prov#wasQuotedFrom"
_MEMBERSHIP = "http://www.w3.org/ns/org#Membership"
_MEMBER, _ORGANIZATION = "http://www.w3.org/ns/org#member", "http://www.w3.org/ns/org#organization"
_DOCUMENT, _EVIDENCE_CLASS, _ASSERTION = (ONTOLOGY + name for name in ("Document", "Evidence", "Assertion"))
_FILE_NAME, _QUOTE, _EVIDENCE = (ONTOLOGY + name for name in ("fileName", "quote", "evidence"))
# a post as W3C ORG states it: its org:Role (titled by its skos:prefLabel) and the instant
# inside its org:memberDuring interval, positioned by OWL-Time
_ROLE, _MEMBER_DURING = "http://www.w3.org/ns/org#role", "http://www.w3.org/ns/org#memberDuring"
_INSIDE = "http://www.w3.org/2006/time#inside"
_POSITIONS = tuple("http://www.w3.org/2006/time#" + name for name in ("inXSDDate", "inXSDgYearMonth", "inXSDgYear"))
_START_OFFSET, _END_OFFSET = ONTOLOGY + "startOffset", ONTOLOGY + "endOffset"

# Oxigraph's RDF formats by file suffix
_FORMATS = {suffix: getattr(ox.RdfFormat, name) for suffix, name in RDF_FILE_FORMATS.items()}


class EntityNotFound(SgcnError):
    """No entity, or more than one, answers to a name the user gave."""


@lru_cache(maxsize=1)
def relation_names() -> dict[str, str]:
    """Relation property IRI -> contract name, as the ontology's ``skos:notation`` states it.

    Examples:
        >>> relation_names()["https://w3id.org/sgcn/ontology#participatedIn"]
        'participated_in'
    """
    data = files("sgcn.ontology").joinpath("sgcn.ttl").read_bytes()
    notations, object_properties = {}, set()
    for triple in ox.parse(data, ox.RdfFormat.TURTLE):
        predicate = triple.predicate.value
        if predicate == _NOTATION and isinstance(triple.subject, ox.NamedNode):
            notations[triple.subject.value] = triple.object.value
        elif predicate == _TYPE and triple.object == ox.NamedNode(_OBJECT_PROPERTY):
            object_properties.add(triple.subject.value)
    return dict(sorted(((prop, name) for prop, name in notations.items() if prop in object_properties),
                       key=lambda item: item[1]))


#: Entity class IRI -> type name, derived from the contract's closed list.
ENTITY_CLASSES: dict[str, str] = {ONTOLOGY + name: name for name in ENTITY_TYPES}


def _year(literal: object) -> int | None:
    """The year an ISO date opens with (``None`` for anything else).

    Examples:
        >>> _year("2019-08-26"), _year("2019"), _year(""), _year(None), _year("19")
        (2019, 2019, None, None, None)
    """
    head = str(literal or "")[:4]
    return int(head) if len(head) == 4 and head.isdecimal() else None


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


def _offset(lexical: str | None) -> int:
    """A character offset from its lexical form; -1 where there is none."""
    try:
        return int(lexical)
    except (TypeError, ValueError):
        return -1


def _sorted_evidence(items: Iterable[dict]) -> tuple[dict, ...]:
    unique = {(e["source"], e["start"], e["quote"], e["date"]): e for e in items}
    return tuple(unique[key] for key in sorted(unique))


def _years(evidence: Iterable[dict]) -> set[int]:
    # the distinct dates first: a hub entity is named in thousands of quotes of a few dates
    return {y for y in map(_year, {e["date"] for e in evidence}) if y is not None}


def _first_of(objects: dict[str, list[str]], subject: str) -> str | None:
    """The least of ``subject``'s objects in one predicate's table (its only one, mostly)."""
    found = objects.get(subject)
    if not found:
        return None
    return found[0] if len(found) == 1 else min(found)


def _post(facts, membership: str) -> tuple[str, str]:
    """A membership's title (its org:Role's label) and the date the source states it
    (the position of the instant inside its org:memberDuring interval)."""
    role = facts.value(membership, _ROLE)
    title = (facts.value(role, _PREF_LABEL) if role is not None else None) or ""
    during = facts.value(membership, _MEMBER_DURING)
    instant = facts.value(during, _INSIDE) if during is not None else None
    dates = [d for p in _POSITIONS for d in facts.objects(instant, p)] if instant is not None else []
    return title, min(dates, default="")


def _role_text(title: str, organization: str, as_of: str) -> str:
    text = title + (f", {organization}" if organization else "")
    return text + (f" ({as_of})" if as_of else "")


class _RdflibTerm:
    """An rdflib term seen as Oxigraph shows terms: ``value``, and whether it is blank."""

    __slots__ = ("value", "blank")

    def __init__(self, term, blank: bool):
        self.value, self.blank = str(term), blank


class _RdflibTriple:
    """An rdflib triple seen as Oxigraph shows triples: ``subject``, ``predicate``, ``object``."""

    __slots__ = ("subject", "predicate", "object")

    def __init__(self, subject: _RdflibTerm, predicate: _RdflibTerm, object: _RdflibTerm):
        self.subject, self.predicate, self.object = subject, predicate, object


def _rdflib_triples(graph) -> Iterator[_RdflibTriple]:
    from rdflib import BNode  # rdflib is loaded already: the graph is rdflib's

    for s, p, o in graph:
        yield _RdflibTriple(_RdflibTerm(s, isinstance(s, BNode)), _RdflibTerm(p, False),
                            _RdflibTerm(o, isinstance(o, BNode)))


def _is_blank(term) -> bool:
    return isinstance(term, ox.BlankNode) or getattr(term, "blank", False)


def triples(source) -> Iterable:
    """The triples of ``source``, each with ``subject``, ``predicate`` and ``object``
    terms whose ``value`` is the IRI, blank node label or lexical form.

    Args:
        source: a graph file (its suffix names the format; read by Oxigraph's parser
            as it is iterated, never whole into memory), a ``pyoxigraph.Store`` (its
            default graph), or an rdflib graph.

    Raises:
        SgcnError: a missing file, or a source of another kind (a file that cannot be
        parsed raises ``SyntaxError`` as it is read; :func:`to_networkx` says which).

    Examples:
        >>> import pyoxigraph as ox
        >>> store = ox.Store(); store.load(b'_:b <https://x/p> "v" .', ox.RdfFormat.N_TRIPLES)
        >>> [(_is_blank(t.subject), t.predicate.value, t.object.value) for t in triples(store)]
        [(True, 'https://x/p', 'v')]
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        format = _FORMATS.get(path.suffix.lower())
        if format is None:
            raise SgcnError(f"{path}: unknown RDF format; suffixes known: {', '.join(sorted(_FORMATS))}")
        try:
            return ox.parse(path=str(path), format=format)
        except (OSError, ValueError) as err:
            raise SgcnError(f"{path}: cannot read the graph: {err}") from err
    if isinstance(source, ox.Store):
        return source.quads_for_pattern(None, None, None, ox.DefaultGraph())
    if type(source).__module__.startswith("rdflib"):
        return _rdflib_triples(source)
    raise SgcnError(f"the network is read from a graph file, an Oxigraph store or an rdflib graph, "
                    f"not {type(source).__name__}")


class _Facts:
    """The triples the network is made of, by predicate: subject -> objects (in file
    order), every term keyed by its value (an IRI, a blank node label, a lexical form:
    IRIs have a scheme, labels do not, so they never meet)."""

    def __init__(self, source, wanted: set[str]):
        self.by_predicate: dict[str, dict[str, list[str]]] = {p: defaultdict(list) for p in wanted}
        typed: dict[str, list[str]] = defaultdict(list)  # class -> subjects
        self.blank: set[str] = set()  # entity-typed subjects that are blank nodes (not entities)
        classes = set(ENTITY_CLASSES) | {_DOCUMENT, _EVIDENCE_CLASS, _ASSERTION, _MEMBERSHIP}
        buckets = self.by_predicate
        try:
            for triple in triples(source):  # one pass, the cheapest test first: most triples are kept
                predicate = triple.predicate.value
                if predicate == _TYPE:
                    cls = triple.object.value
                    if cls in classes:
                        subject = triple.subject
                        typed[cls].append(subject.value)
                        if cls in ENTITY_CLASSES and _is_blank(subject):
                            self.blank.add(subject.value)
                    continue
                bucket = buckets.get(predicate)
                if bucket is not None:
                    bucket[triple.subject.value].append(triple.object.value)
        except (OSError, SyntaxError) as err:
            raise SgcnError(f"{source}: cannot read the graph: {err}") from err
        self.typed = {cls: list(dict.fromkeys(subjects)) for cls, subjects in typed.items()}

    def subjects(self, cls: str) -> list[str]:
        return self.typed.get(cls, [])

    def objects(self, subject: str, predicate: str) -> list[str]:
        return self.by_predicate[predicate].get(subject, [])

    def value(self, subject: str, predicate: str) -> str | None:
        found = self.objects(subject, predicate)
        return min(found) if found else None


def to_networkx(source) -> nx.MultiDiGraph:
    """Convert a graph in sgcn's data model to a network of entities and relations.

    Args:
        source: the graph as ``sgcn build`` writes it: a graph file, a
            ``pyoxigraph.Store`` or an rdflib graph (relation names come from the
            shipped ontology, so a graph without it converts too).

    Returns:
        A directed multigraph: nodes are entity IRIs, edges are keyed by relation
        name. See the module docstring for the attributes.

    Examples:
        >>> import pyoxigraph as ox
        >>> net = to_networkx(ox.Store())
        >>> net.number_of_nodes(), net.graph["name"]
        (0, 'sgcn')
    """
    relations = relation_names()
    facts = _Facts(source, {
        _FILE_NAME, _DATE, _QUOTED_FROM, _QUOTE, _PREF_LABEL, _ALT_LABEL, _START, _END, _SUBJECT, _PREDICATE,
        _OBJECT, _EVIDENCE, _MEMBER, _ORGANIZATION, _ROLE, _MEMBER_DURING, _INSIDE, *_POSITIONS, _START_OFFSET,
        _END_OFFSET, *relations,
    })
    # each predicate's subject -> objects, looked up once (this runs per evidence and assertion)
    by = facts.by_predicate
    first = _first_of
    file_name, dated = by[_FILE_NAME], by[_DATE]
    documents = {doc: (first(file_name, doc) or "", first(dated, doc) or "") for doc in facts.subjects(_DOCUMENT)}
    quoted_from, quote, start_offset, end_offset = by[_QUOTED_FROM], by[_QUOTE], by[_START_OFFSET], by[_END_OFFSET]
    evidence = {}
    for ev in facts.subjects(_EVIDENCE_CLASS):
        document = first(quoted_from, ev)
        source_name, date = documents.get(document, ("", ""))
        evidence[ev] = {"quote": first(quote, ev) or "", "source": source_name, "date": date,
                        "document": document or "", "start": _offset(first(start_offset, ev)),
                        "end": _offset(first(end_offset, ev))}

    net = nx.MultiDiGraph(name="sgcn")
    pref_label, alt_label, starts, ends = by[_PREF_LABEL], by[_ALT_LABEL], by[_START], by[_END]
    for cls, type_name in ENTITY_CLASSES.items():
        for entity in sorted(facts.subjects(cls)):  # sorted: the same network whatever the file's order
            if entity in facts.blank:
                continue
            label = first(pref_label, entity)  # one, by the shapes
            aliases = sorted(set(alt_label.get(entity, ())) - {label})
            net.add_node(
                entity,
                type=type_name,
                label=label if label is not None else entity.rsplit("/", 1)[-1],
                aliases=tuple(aliases),
                start=_most_precise(starts.get(entity, ()), latest=False),
                end=_most_precise(ends.get(entity, ()), latest=True),
            )

    # Evidence per asserted statement, for relations and for the types of entities.
    asserted: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    subject_of, predicate_of, object_of, evidence_of = by[_SUBJECT], by[_PREDICATE], by[_OBJECT], by[_EVIDENCE]
    for assertion in facts.subjects(_ASSERTION):
        key = (str(first(subject_of, assertion)), first(predicate_of, assertion), str(first(object_of, assertion)))
        asserted[key].extend(evidence[e] for e in evidence_of.get(assertion, ()) if e in evidence)

    named_in: dict[str, list[dict]] = defaultdict(list)
    for (subject, predicate, _), items in asserted.items():
        if predicate == _TYPE:
            named_in[subject].extend(items)

    nodes = net.nodes
    for prop, relation in relations.items():
        for s, o in sorted({(s, o) for s, objects in by[prop].items() for o in objects}):
            if s not in nodes or o not in nodes:
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
    member, organization_of = by[_MEMBER], by[_ORGANIZATION]
    for membership in facts.subjects(_MEMBERSHIP):
        person = str(first(member, membership))
        organization = str(first(organization_of, membership))
        org_label = nodes[organization]["label"] if organization in nodes else ""
        title, as_of = _post(facts, membership)
        roles[person].add(_role_text(title, org_label, as_of))
        named_in[person].extend(evidence[e] for e in evidence_of.get(membership, ()) if e in evidence)

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

