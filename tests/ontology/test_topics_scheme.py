"""Tests of the SKOS topic scheme ``ontology/topics.ttl``: well formed and complete."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, SKOS, Graph, Literal, Namespace, URIRef

from sgcn.graph.rdf.iris import slug
from sgcn.loaders.extract.topics import load_scheme

TOPICS = Path(__file__).resolve().parents[2] / "ontology" / "topics.ttl"
TOPIC = Namespace("https://w3id.org/sgcn/topic/")
SCHEME = TOPIC.scheme


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(TOPICS, format="turtle")


@pytest.fixture(scope="module")
def concepts(graph) -> list[URIRef]:
    found = sorted(graph.subjects(RDF.type, SKOS.Concept))
    assert len(found) >= 40
    return found


def english(graph, concept, predicate) -> list[str]:
    return [str(o) for o in graph.objects(concept, predicate)
            if isinstance(o, Literal) and o.language == "en"]


def test_scheme_header(graph):
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in graph
    assert english(graph, SCHEME, SKOS.prefLabel)


def test_every_concept_is_complete(graph, concepts):
    for concept in concepts:
        assert str(concept).startswith(str(TOPIC))
        assert (concept, SKOS.inScheme, SCHEME) in graph, concept
        (label,) = english(graph, concept, SKOS.prefLabel)
        assert str(concept) == str(TOPIC) + slug(label), (concept, label)
        assert len(english(graph, concept, SKOS.definition)) == 1, concept


def test_top_concepts_are_those_without_broader(graph, concepts):
    tops = {c for c in concepts if (c, SKOS.broader, None) not in graph}
    assert tops == set(graph.objects(SCHEME, SKOS.hasTopConcept))
    assert tops == set(graph.subjects(SKOS.topConceptOf, SCHEME))
    for concept in concepts:
        for broader in graph.objects(concept, SKOS.broader):
            assert broader in concepts, (concept, broader)


def test_no_label_names_two_concepts(graph, concepts):
    owner: dict[str, URIRef] = {}
    for concept in concepts:
        for predicate in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            for label in english(graph, concept, predicate):
                key = label if label.isupper() else label.lower()
                assert owner.setdefault(key, concept) == concept, (label, owner[key], concept)


def test_the_contracts_example_topics_are_concepts(graph):
    examples = ["artificial intelligence", "5G", "Internet of Things", "integrated circuits",
                "big data", "blockchain", "electronic bills of lading", "battery management",
                "smart city", "augmented reality", "virtual reality", "cross-border data flows",
                "digital trade"]
    labels = {str(o) for o in graph.objects(None, SKOS.prefLabel)}
    assert set(examples) <= labels


def test_acronyms_are_alternative_labels(graph):
    alts = {str(o) for o in graph.objects(None, SKOS.altLabel)}
    assert {"AI", "IoT", "ICT", "eBL", "AR", "VR"} <= alts


def test_the_tagger_reads_the_same_scheme(graph, concepts):
    scheme = load_scheme()
    assert set(scheme) == {str(c)[len(str(TOPIC)):] for c in concepts}
    for concept in concepts:
        local = str(concept)[len(str(TOPIC)):]
        assert scheme[local].label == english(graph, concept, SKOS.prefLabel)[0]
        assert set(scheme[local].labels) == {
            label for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
            for label in english(graph, concept, p)}
