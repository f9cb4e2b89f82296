"""The ontology, its Python namespace, the shapes and sgcn.loaders.facts agree.

The closed vocabularies of the query contract live once in ``sgcn.loaders.facts``;
the ontology and the shapes state them for RDF. These tests derive each list from
the Turtle files and compare.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from sgcn.graph.rdf.build import ontology_text, relation_properties
from sgcn.graph.rdf.namespace import ONTOLOGY_IRI, SDO, SGCN
from sgcn.graph.rdf.validate import shapes_graph
from sgcn.loaders import facts

NS = str(SGCN._NS)


def ontology() -> Graph:
    return Graph().parse(data=ontology_text("sgcn.ttl"), format="turtle")


def defined_terms(graph: Graph) -> set[str]:
    return {str(s) for s in graph.subjects(RDFS.isDefinedBy, ONTOLOGY_IRI) if str(s).startswith(NS)}


def test_namespace_names_equal_the_ontology_terms():
    in_python = {NS + name for name in SGCN.__annotations__}
    assert in_python == defined_terms(ontology())


def test_every_term_has_label_definition_and_type():
    graph = ontology()
    for term in map(URIRef, defined_terms(graph)):
        labels = list(graph.objects(term, SKOS.prefLabel))
        assert [label.language for label in labels] == ["en"], term
        assert len(list(graph.objects(term, SKOS.definition))) == 1, term
        kinds = set(graph.objects(term, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, term


def test_ontology_header():
    graph = ontology()
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in graph
    for prop in ("title", "description", "created", "modified"):
        assert graph.value(ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/" + prop)) is not None
    assert graph.value(ONTOLOGY_IRI, OWL.versionInfo) is not None


def test_entity_classes_are_the_contract_types():
    graph = ontology()
    classes = set(graph.subjects(RDFS.subClassOf, SGCN.Entity))
    assert {str(graph.value(c, SKOS.notation)) for c in classes} == set(facts.ENTITY_TYPES)
    assert {c.split("#")[1] for c in classes} == set(facts.ENTITY_TYPES)


def test_one_property_per_contract_relation():
    assert set(relation_properties()) == set(facts.RELATIONS)
    for name, prop in relation_properties().items():
        camel = name.split("_")[0] + "".join(w.title() for w in name.split("_")[1:])
        assert prop == SGCN[camel]


def _in_list(shapes: Graph, path: URIRef) -> set[str]:
    for prop_shape in shapes.subjects(SH.path, path):
        head = shapes.value(prop_shape, SH["in"])
        if head is not None:
            return {str(v) for v in Collection(shapes, head)}
    raise AssertionError(f"no sh:in for {path}")


def test_shapes_closed_lists_agree_with_facts():
    shapes = shapes_graph()
    assert _in_list(shapes, SGCN.measure) == set(facts.MEASURES)
    assert _in_list(shapes, SGCN.qualifier) == set(facts.QUALIFIERS) - {""}
    entity_types = None
    for prop_shape in shapes.subjects(SH.path, RDF.type):
        qualified = shapes.value(prop_shape, SH.qualifiedValueShape)
        if qualified is not None:
            entity_types = {str(c).split("#")[1] for c in Collection(shapes, shapes.value(qualified, SH["in"]))}
    assert entity_types == set(facts.ENTITY_TYPES)


def _classes(shapes: Graph, node) -> set[URIRef]:
    """The sh:class of ``node`` or of each member of its sh:or list."""
    found = set(shapes.objects(node, SH["class"]))
    for head in shapes.objects(node, SH["or"]):
        for member in Collection(shapes, head):
            found |= set(shapes.objects(member, SH["class"]))
    return found


def test_relation_shapes_agree_with_ontology_domains_and_ranges():
    graph, shapes = ontology(), shapes_graph()
    for name, prop in relation_properties().items():
        (node_shape,) = shapes.subjects(SH.targetSubjectsOf, prop)
        (prop_shape,) = [p for p in shapes.objects(node_shape, SH.property) if shapes.value(p, SH.path) == prop]
        assert _classes(shapes, node_shape) == set(graph.objects(prop, SDO.domainIncludes)), name
        assert _classes(shapes, prop_shape) == set(graph.objects(prop, SDO.rangeIncludes)), name


def test_every_shape_says_what_it_checks_in_english():
    shapes = shapes_graph()
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        messages = list(shapes.objects(shape, SH.message))
        for prop_shape in shapes.objects(shape, SH.property):
            messages += list(shapes.objects(prop_shape, SH.message))
        for constraint in shapes.objects(shape, SH.sparql):
            messages += list(shapes.objects(constraint, SH.message))
        assert messages and all(isinstance(m, Literal) and m.language == "en" for m in messages), shape
