"""The graph describes itself with VoID and DCAT: counted from the graph, checked by its shape."""

from __future__ import annotations

from collections import Counter
from importlib.metadata import version

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, SDO, VOID

from sgcn.graph.rdf.build import build_graph
from sgcn.graph.rdf.describe import DATASET, partition
from sgcn.graph.rdf.iris import ID, mint_document
from sgcn.graph.rdf.namespace import SGCN
from sgcn.graph.sparql.query import default_graph_path
from sgcn.graph.sparql.library import query_text
from sgcn.graph.rdf.serialize import to_turtle
from sgcn.graph.sparql.store import from_rdflib_graph, run_query
from sgcn.graph.rdf.validate import validate
from sgcn.loaders.facts import ENTITY_TYPES

CC_BY = URIRef("https://creativecommons.org/licenses/by/4.0/")


@pytest.fixture(scope="module")
def built() -> Graph:
    return Graph().parse(default_graph_path(), format="turtle")


def test_the_built_graph_describes_itself(built):
    assert (DATASET, RDF.type, VOID.Dataset) in built and (DATASET, RDF.type, DCAT.Dataset) in built
    assert built.value(DATASET, VOID.triples) == Literal(len(built))
    assert built.value(DATASET, VOID.distinctSubjects) == Literal(len(set(built.subjects())))
    assert built.value(DATASET, VOID.properties) == Literal(len(set(built.predicates())))
    per_type = Counter(name for name in ENTITY_TYPES for s in built.subjects(RDF.type, SGCN[name]) if str(s).startswith(ID))
    for name in ENTITY_TYPES:
        part = partition(name)
        assert (DATASET, VOID.classPartition, part) in built and built.value(part, VOID["class"]) == SGCN[name]
        assert built.value(part, VOID.entities) == Literal(per_type[name]), name
    assert built.value(DATASET, VOID.entities) == Literal(sum(per_type.values()))
    assert set(built.objects(DATASET, DCTERMS.source)) == set(built.subjects(RDF.type, SGCN.Document))
    assert built.value(DATASET, DCTERMS.license) == URIRef("https://opensource.org/licenses/MIT")
    software = built.value(built.value(DATASET, PROV.wasGeneratedBy), PROV.wasAssociatedWith)
    assert str(built.value(software, SDO.softwareVersion)) == version("sgcn")
    themes = set(built.objects(DATASET, DCAT.theme))
    assert themes == {o for o in built.objects(None, DCTERMS.subject) if str(o).startswith("https://w3id.org/sgcn/topic/")}


def test_the_description_conforms_to_its_shape_and_an_incomplete_one_does_not(built):
    report = validate(built)
    assert report.conforms, str(report)
    wrong = Graph()
    for triple in built:
        wrong.add(triple)
    wrong.remove((partition("Person"), VOID.entities, None))
    wrong.add((DATASET, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")))
    violations = validate(wrong).violations
    assert {str(v.shape).rsplit("#", 1)[-1] for v in violations} == {"DatasetDescriptionIsComplete"}
    assert len(violations) == 2  # two licences; a partition without its count


def small(licence: str = "") -> Graph:
    from sgcn.loaders.document import Document
    from sgcn.loaders.facts import Entity, Extraction

    metadata = {"license": licence} if licence else {}
    doc = Document(source="a.txt", text="Singapore.", sha256="0" * 64, format="plaintext", metadata=metadata)
    return build_graph([Extraction(doc, entities=(Entity("Place/sg", "Place", "Singapore"),))])


def test_a_source_licence_from_the_manifest_is_stated_and_described():
    graph = small(str(CC_BY))
    document = mint_document("a.txt")
    assert graph.value(document, DCTERMS.license) == CC_BY
    answer = run_query(from_rdflib_graph(graph, store="oxigraph"), query_text("dataset"))
    described = answer.graph
    assert (document, DCTERMS.license, CC_BY) in described
    assert (DATASET, DCTERMS.source, document) in described
    assert described.value(DATASET, VOID.triples) == Literal(len(graph))
    assert not any(described.triples((document, SGCN.text, None)))  # the description leaves texts out
    assert small("all rights reserved").value(document, DCTERMS.license) is None  # not an IRI: not stated


def test_the_description_is_deterministic():
    assert to_turtle(small(str(CC_BY))) == to_turtle(small(str(CC_BY)))
