"""The plain property shapes validate() checks by hand find exactly what pySHACL finds.

validate() leaves the plain property shapes (counts, node kind, class: see
``_split_plain_properties``) out of pySHACL and checks them itself. Here every fixture
of this folder, and every one of those property shapes broken on purpose in the graph
of its shape's valid fixture (its values taken away, one more IRI, a literal, a blank
node, a value of the class only through a subclass, of another class), is validated
both ways: the reports must be equal, violation for violation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from sgcn.graph.rdf.build import vocabulary_graph
from sgcn.graph.rdf.namespace import RDF, RDFS
from sgcn.graph.rdf.validate import _split_plain_properties, shapes_graph, validate

HERE = Path(__file__).parent
FIXTURES = sorted(HERE.glob("*-valid.ttl")) + sorted(HERE.glob("*-invalid.ttl"))
PLAIN = _split_plain_properties(shapes_graph())[1]
OTHER = URIRef("https://w3id.org/sgcn/id/test/other")
SUBCLASS = URIRef("https://w3id.org/sgcn/id/test/Subclass")


def fixture_graph(fixture: Path) -> Graph:
    graph = Graph().parse(HERE / "_base.ttl")
    return graph.parse(fixture)


def both_ways(graph: Graph) -> tuple:
    return validate(graph), validate(graph, plain_by_hand=False)


def test_the_assertions_shape_is_among_the_plain_ones():
    shapes = {p.shape.rsplit("#", 1)[1] for p in PLAIN}
    assert {"AssertionHasStatementAndEvidence", "EntityHasOnePrefLabel", "MembershipHasPersonRoleTimeAndEvidence"} <= shapes
    assert "EntityHasOneEntityType" not in shapes  # qualified counts: pySHACL's


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_every_fixture_gives_pyshacls_report(fixture: Path):
    by_hand, by_pyshacl = both_ways(fixture_graph(fixture))
    assert by_hand == by_pyshacl


def _mutations(graph: Graph, focus, plain) -> list[tuple[str, Graph]]:
    """The graph with one way of breaking (or keeping) ``plain`` at ``focus``."""
    found = []
    values = list(graph.objects(focus, plain.path))

    def changed(name, remove=(), add=()):
        copy = Graph()
        for triple in graph:
            copy.add(triple)
        for triple in remove:
            copy.remove(triple)
        for triple in add:
            copy.add(triple)
        found.append((name, copy))

    changed("no value", remove=[(focus, plain.path, v) for v in values])
    changed("one more untyped IRI", add=[(focus, plain.path, OTHER)])
    changed("a literal more", add=[(focus, plain.path, Literal("x"))])
    changed("a blank node more", add=[(focus, plain.path, BNode("b1"))])
    changed("only a literal", remove=[(focus, plain.path, v) for v in values], add=[(focus, plain.path, Literal("x"))])
    for cls in plain.value_classes:
        changed("a value of a subclass", remove=[(focus, plain.path, v) for v in values],
                add=[(focus, plain.path, OTHER), (OTHER, RDF.type, SUBCLASS), (SUBCLASS, RDFS.subClassOf, cls)])
        changed("a value of another class", remove=[(focus, plain.path, v) for v in values],
                add=[(focus, plain.path, OTHER), (OTHER, RDF.type, SUBCLASS)])
    return found


def _cases():
    for plain in PLAIN:
        name = plain.shape.rsplit("#", 1)[1]
        fixture = HERE / f"{name}-valid.ttl"
        graph = fixture_graph(fixture)
        typed = graph + vocabulary_graph()  # an sgcn:Person is an sgcn:Entity
        focus = sorted({n for c in plain.classes for sub in typed.transitive_subjects(RDFS.subClassOf, c)
                        for n in graph.subjects(RDF.type, sub)}
                       | {s for p in plain.subjects_of for s in graph.subjects(p, None)})
        assert focus, f"{fixture.name} has no focus node of {name}"
        yield pytest.param(graph, focus[0], plain, id=f"{name}-{plain.path.rsplit('/', 1)[-1]}")


@pytest.mark.parametrize(("graph", "focus", "plain"), list(_cases()))
def test_each_plain_property_broken_on_purpose_gives_pyshacls_report(graph, focus, plain):
    broken = 0
    for name, mutated in _mutations(graph, focus, plain):
        by_hand, by_pyshacl = both_ways(mutated)
        assert by_hand == by_pyshacl, name
        broken += not by_hand.conforms
    assert broken  # the mutations did break the shape
