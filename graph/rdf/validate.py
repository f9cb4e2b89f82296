"""Check a built graph against the SHACL shapes of ``ontology/shapes.ttl``.

:func:`validate` runs pySHACL and returns a :class:`ValidationReport`: whether the
graph conforms and, for each violation, the focus node, the property path and the
shape's English message. Non-conformance is data, not an exception: ``sgcn build``
reads the report, prints which node broke which rule and refuses to write the graph.

Examples:
    >>> from rdflib import Graph, Literal, URIRef
    >>> from sgcn.graph.rdf.namespace import RDF, SGCN, SKOS
    >>> g = Graph()
    >>> person = URIRef("https://w3id.org/sgcn/id/person/li-bo")
    >>> _ = g.add((person, RDF.type, SGCN.Person))
    >>> report = validate(g)
    >>> report.conforms
    False
    >>> [v.message for v in report.violations]
    ['An entity has exactly one preferred label (skos:prefLabel).']
    >>> _ = g.add((person, SKOS.prefLabel, Literal("Li Bo")))
    >>> validate(g).conforms
    True
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH

from sgcn.graph.rdf.namespace import RDF, RDFS, SGCN
from sgcn.graph.rdf.build import vocabulary_graph

log = logging.getLogger(__name__)


@dataclass(frozen=True, order=True)
class Violation:
    """One way the graph breaks a shape.

    Attributes:
        focus: the node that breaks the rule (its IRI, or a blank node id).
        path: the property path checked, ``""`` for a rule on the node itself.
        message: the shape's English message.
        shape: the IRI of the named shape broken (for a property shape, the node
            shape it belongs to).
        value: the offending value, ``""`` when there is none (e.g. a missing property).
    """

    focus: str
    path: str
    message: str
    shape: str = ""
    value: str = ""

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}".strip()
        value = f" (value: {self.value})" if self.value else ""
        return f"{where}: {self.message}{value}"


@dataclass(frozen=True)
class ValidationReport:
    """What pySHACL found: ``conforms`` and the violations, sorted."""

    conforms: bool
    violations: tuple[Violation, ...] = ()

    def __str__(self) -> str:
        if self.conforms:
            return "the graph conforms to the sgcn shapes"
        return "\n".join(str(v) for v in self.violations)


@lru_cache(maxsize=1)
def _shapes_turtle() -> str:
    return (files("sgcn.ontology") / "shapes.ttl").read_text(encoding="utf-8")


def shapes_graph() -> Graph:
    """The SHACL shapes of ``ontology/shapes.ttl`` as a fresh graph.

    Examples:
        >>> from rdflib.namespace import SH
        >>> len(list(shapes_graph().subjects(SH.targetClass, None))) > 0
        True
    """
    return Graph().parse(data=_shapes_turtle(), format="turtle")


def _needs_vocabulary(graph: Graph) -> bool:
    return (SGCN.Person, RDFS.subClassOf, SGCN.Entity) not in graph


def validate(graph: Graph, shapes: Graph | None = None, *, plain_by_hand: bool = True) -> ValidationReport:
    """Validate ``graph`` against the sgcn shapes (or ``shapes``).

    The class hierarchy of the ontology is needed to see that an ``sgcn:Person`` is
    an ``sgcn:Entity``; when the graph does not include the ontology it is given to
    pySHACL as the ontology graph.

    The plain property shapes (:func:`_split_plain_properties`: counts, node kind,
    class, one message) are checked here rather than by pySHACL, which evaluates each
    property shape on each focus node through several layers of Python objects: an
    assertion's four property shapes were most of a build's validation. They find the
    violations pySHACL finds (tested against ``plain_by_hand=False``, pySHACL alone).

    Args:
        graph: the graph to check (not modified).
        shapes: other shapes to check against; defaults to :func:`shapes_graph`.
        plain_by_hand: check the plain property shapes here (else pySHACL checks every shape).

    Returns:
        The report, violations sorted by focus node, path and message.

    Examples:
        >>> from rdflib import Graph, Literal, URIRef
        >>> from sgcn.graph.rdf.namespace import RDF, SGCN, SKOS
        >>> place = URIRef("https://w3id.org/sgcn/id/place/x")
        >>> g = Graph().add((place, RDF.type, SGCN.Place)).add((place, RDF.type, SGCN.Event))
        >>> _ = g.add((place, SKOS.prefLabel, Literal("X")))
        >>> [v.shape.rsplit("#")[1] for v in validate(g).violations]
        ['EntityHasOneEntityType']
    """
    from pyshacl import validate as shacl_validate

    shapes = shapes if shapes is not None else shapes_graph()
    vocabulary = vocabulary_graph() if _needs_vocabulary(graph) else None
    core_shapes, sparql_constraints = _split_sparql_constraints(shapes)
    if plain_by_hand:
        core_shapes, plain = _split_plain_properties(core_shapes)
    else:
        plain = []
    conforms, results, _text = shacl_validate(
        graph,
        shacl_graph=core_shapes,
        ont_graph=vocabulary,
        inference="none",
        allow_warnings=False,
        abort_on_first=False,
    )
    violations = _violations(results, shapes)
    if plain:
        violations += _plain_violations(graph if vocabulary is None else graph + vocabulary, plain)
    store = _oxigraph_store(graph) if sparql_constraints else None  # one copy for every constraint
    for constraint in sparql_constraints:
        violations += _sparql_violations(graph, vocabulary, constraint, store)
    violations = sorted(set(violations))
    conforms = bool(conforms) and not violations
    log.info("SHACL validation: %s, %d violations", "conforms" if conforms else "fails", len(violations))
    return ValidationReport(conforms=conforms, violations=tuple(violations))


@dataclass(frozen=True)
class _SparqlConstraint:
    shape: URIRef
    target_classes: tuple[URIRef, ...]
    query: str
    message: str


def _split_sparql_constraints(shapes: Graph) -> tuple[Graph, list[_SparqlConstraint]]:
    """The shapes without their ``sh:sparql`` constraints, and those constraints.

    pySHACL runs a SPARQL constraint once per focus node (seconds for a few thousand
    evidence nodes); :func:`_sparql_violations` runs it once for the whole graph with
    ``$this`` unbound, which finds the same focus nodes.
    """
    core = Graph()
    for triple in shapes:
        core.add(triple)
    constraints = []
    for shape, constraint in shapes.subject_objects(SH.sparql):
        targets = tuple(sorted(shapes.objects(shape, SH.targetClass)))
        if not targets or not isinstance(shape, URIRef):
            continue  # leave it to pySHACL
        prefixes = "".join(
            f"PREFIX {declaration_prefix}: <{declaration_ns}>\n"
            for owner in shapes.objects(constraint, SH.prefixes)
            for declaration in shapes.objects(owner, SH.declare)
            for declaration_prefix, declaration_ns in [
                (shapes.value(declaration, SH.prefix), shapes.value(declaration, SH.namespace))
            ]
        )
        select = str(shapes.value(constraint, SH.select)).replace("$this", "?this")
        message = str(shapes.value(constraint, SH.message) or "")
        constraints.append(_SparqlConstraint(shape, targets, prefixes + select, message))
        core.remove((shape, SH.sparql, constraint))
    return core, sorted(constraints, key=lambda c: c.shape)


@dataclass(frozen=True)
class _PlainProperty:
    """A property shape :func:`_plain_violations` checks: a plain path, counts, node kind, classes."""

    shape: URIRef  # the named node shape it belongs to
    classes: tuple[URIRef, ...]  # the node shape's sh:targetClass
    subjects_of: tuple[URIRef, ...]  # its sh:targetSubjectsOf
    path: URIRef
    message: str
    min_count: int | None
    max_count: int | None
    node_kinds: tuple[type, ...] | None  # the rdflib term types sh:nodeKind allows
    value_classes: tuple[URIRef, ...]  # its sh:class


_NODE_KINDS = {
    SH.IRI: (URIRef,), SH.Literal: (Literal,), SH.BlankNode: (BNode,), SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal),
}
_PLAIN_PARAMETERS = {SH.path, SH.minCount, SH.maxCount, SH.nodeKind, SH["class"], SH.message}
_PLAIN_NODE_SHAPE = {RDF.type, SH.targetClass, SH.targetSubjectsOf, SH.property, SH.message, SH.sparql,
                     SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH["or"], SH.name, SH.description}


def _split_plain_properties(shapes: Graph) -> tuple[Graph, list[_PlainProperty]]:
    """The shapes without their plain property shapes, and those property shapes.

    A property shape is plain when its path is one IRI, it has exactly one
    ``sh:message`` and nothing but ``sh:minCount``, ``sh:maxCount``, ``sh:nodeKind`` and
    ``sh:class`` (no severity, no deactivation), it is the ``sh:property`` of exactly one
    node shape and of nothing else, and that node shape is named, typed ``sh:NodeShape``
    only, targets only by ``sh:targetClass`` or ``sh:targetSubjectsOf``, and is not
    reached from another shape (``sh:node``, ``sh:or`` ...). Everything else stays with pySHACL.

    Examples:
        >>> _, plain = _split_plain_properties(shapes_graph())
        >>> sorted({str(p.path).rsplit("#", 1)[-1] for p in plain if p.shape.endswith("#AssertionHasStatementAndEvidence")})
        ['evidence', 'object', 'predicate', 'subject']
    """
    plain: list[_PlainProperty] = []
    moved: set[tuple] = set()  # (node shape, property shape)
    for node_shape, prop in shapes.subject_objects(SH.property):
        if not isinstance(node_shape, URIRef) or set(shapes.objects(node_shape, RDF.type)) != {SH.NodeShape}:
            continue
        if any(True for _ in shapes.subject_predicates(node_shape)):
            continue  # reached from another shape: its property shapes are checked there too
        if not set(shapes.predicates(node_shape)) <= _PLAIN_NODE_SHAPE:
            continue
        if len(set(shapes.subject_predicates(prop))) != 1 or not set(shapes.predicates(prop)) <= _PLAIN_PARAMETERS:
            continue
        paths, messages = list(shapes.objects(prop, SH.path)), list(shapes.objects(prop, SH.message))
        minimum, maximum = list(shapes.objects(prop, SH.minCount)), list(shapes.objects(prop, SH.maxCount))
        kinds = list(shapes.objects(prop, SH.nodeKind))
        if len(paths) != 1 or not isinstance(paths[0], URIRef) or len(messages) != 1 or len(minimum) > 1 \
                or len(maximum) > 1 or len(kinds) > 1 or (kinds and kinds[0] not in _NODE_KINDS):
            continue
        if not all(isinstance(n, Literal) and type(n.value) is int for n in (*minimum, *maximum)):
            continue
        value_classes = tuple(sorted(shapes.objects(prop, SH["class"])))
        if not all(isinstance(c, URIRef) for c in value_classes):
            continue
        plain.append(_PlainProperty(
            node_shape, tuple(sorted(shapes.objects(node_shape, SH.targetClass))),
            tuple(sorted(shapes.objects(node_shape, SH.targetSubjectsOf))), paths[0], str(messages[0]),
            minimum[0].value if minimum else None, maximum[0].value if maximum else None,
            _NODE_KINDS[kinds[0]] if kinds else None, value_classes))
        moved.add((node_shape, prop))
    if not plain:
        return shapes, []
    core = Graph()
    for s, p, o in shapes:
        if not (p == SH.property and (s, o) in moved):
            core.add((s, p, o))
    return core, sorted(plain, key=lambda p: (p.shape, p.path, p.message))


def _plain_violations(data: Graph, plain: list[_PlainProperty]) -> list[Violation]:
    """What pySHACL reports of the :func:`_split_plain_properties` shapes on ``data`` (the
    graph with the vocabulary pySHACL would mix into it), checked here.

    Focus nodes are the instances of the target classes and of their subclasses, and the
    subjects of the ``sh:targetSubjectsOf`` properties; a count out of bounds is a
    violation without a value, a value of the wrong node kind or of none of the classes
    (a literal never has one) one with that value, as pySHACL gives them.
    """
    found: list[Violation] = []
    subclasses: dict[URIRef, set] = {}

    def below(cls: URIRef) -> set:
        if cls not in subclasses:
            subclasses[cls] = set(data.transitive_subjects(RDFS.subClassOf, cls))
        return subclasses[cls]

    for p in plain:
        focus = {node for cls in p.classes for sub in below(cls) for node in data.subjects(RDF.type, sub)}
        focus.update(s for prop in p.subjects_of for s, _o in data.subject_objects(prop))
        shape, path = str(p.shape), str(p.path)
        for node in focus:
            values = set(data.objects(node, p.path))
            if (p.min_count is not None and len(values) < p.min_count) or (
                    p.max_count is not None and len(values) > p.max_count):
                found.append(Violation(str(node), path, p.message, shape, ""))
            for value in values:
                if p.node_kinds is not None and not isinstance(value, p.node_kinds):
                    found.append(Violation(str(node), path, p.message, shape, str(value)))
                for cls in p.value_classes:
                    if isinstance(value, Literal) or not any(t in below(cls) for t in data.objects(value, RDF.type)):
                        found.append(Violation(str(node), path, p.message, shape, str(value)))
    return found


def _instances(graph: Graph, vocabulary: Graph | None, cls: URIRef) -> set:
    hierarchy = graph if vocabulary is None else graph + vocabulary
    classes = set(hierarchy.transitive_subjects(RDFS.subClassOf, cls))
    return {node for c in classes for node in graph.subjects(RDF.type, c)}


def _oxigraph_term(term):
    import pyoxigraph as ox
    from rdflib import BNode, Literal

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _oxigraph_store(graph: Graph):
    """``graph`` copied into an in-memory Oxigraph store (each distinct term converted once)."""
    import pyoxigraph as ox

    terms: dict = {}

    def term(node):
        found = terms.get(node)
        if found is None:
            found = terms[node] = _oxigraph_term(node)
        return found

    store = ox.Store()
    store.bulk_extend(ox.Quad(term(s), term(p), term(o)) for s, p, o in graph)
    return store


def _sparql_violations(graph: Graph, vocabulary: Graph | None, constraint: _SparqlConstraint,
                       store=None) -> list[Violation]:
    """The focus nodes a SPARQL constraint selects, among its targets.

    The query runs on Oxigraph (``store``: the graph copied into an in-memory store, made
    here when not given; :func:`validate` makes one for all the constraints): rdflib's
    engine took seconds for a few thousand evidence nodes, Oxigraph milliseconds.
    """
    targets = {str(node) for node in set().union(*(_instances(graph, vocabulary, c) for c in constraint.target_classes))}
    if store is None:
        store = _oxigraph_store(graph)
    found = []
    solutions = store.query(constraint.query)
    has_value = "value" in {variable.value for variable in solutions.variables}
    for row in solutions:
        this = row["this"]
        if this is None or this.value not in targets:
            continue
        value = row["value"] if has_value else None
        found.append(Violation(
            focus=this.value, path="", message=constraint.message, shape=str(constraint.shape),
            value="" if value is None else value.value,
        ))
    return found


def _named_shape(shape, shapes: Graph) -> str:
    """The IRI of ``shape``, or of the named node shape an anonymous property shape belongs to."""
    for _ in range(3):
        if isinstance(shape, URIRef) or shape is None:
            break
        shape = next(iter(shapes.subjects(SH.property, shape)), None) or next(
            iter(shapes.subjects(SH.sparql, shape)), None
        )
    return str(shape) if isinstance(shape, URIRef) else ""


def _violations(results: Graph, shapes: Graph) -> list[Violation]:
    found = []
    for result in results.subjects(SH.resultSeverity, None):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        shape = _named_shape(results.value(result, SH.sourceShape), shapes)
        value = results.value(result, SH.value)
        found.append(
            Violation(
                focus=str(focus) if focus is not None else "",
                path=str(path) if isinstance(path, URIRef) else "",
                message=str(message) if message is not None else "",
                shape=shape,
                value=str(value) if value is not None else "",
            )
        )
    return found
