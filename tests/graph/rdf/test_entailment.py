"""Every alignment of ontology/sgcn.ttl holds under OWL 2 RL entailment.

owlrl (a forward-chaining OWL 2 RL reasoner on rdflib) closes the built graph together
with the axioms of the outside terms it reuses (``tests/data/ontology/reused-terms.ttl``,
restated from their vocabularies). Nothing it concludes may contradict the sources:

- no inconsistency (owlrl's error messages: disjoint classes with a common member,
  such as a person that became an organisation);
- every entity is still of exactly one of the eight entity classes;
- every value agrees with the declared ``rdfs:range`` of its property: a literal only
  where the range is a datatype or ``rdfs:Literal`` (a literal publisher is not a
  ``dcterms:Agent``), a resource only where it is a class;
- every concluded schema.org statement has a subject of a type the property's
  ``schema:domainIncludes`` expects and a value its ``schema:rangeIncludes`` expects
  (``schema:Thing`` expects any resource; so ``sgcn:organized`` under
  ``schema:organizer`` would make the event the
  organiser's organiser, and strings under ``schema:measuredProperty`` would not be
  ``schema:Property`` resources: both are caught);
- SKOS's labelling rules: one preferred label per language, and no label both
  preferred and alternative.

The second half shows the checks catch the alignments this ontology used to state.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import owlrl
from owlrl.Namespaces import ERRNS
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SDO, SKOS, XSD

from sgcn.graph.rdf.build import build_graph, ontology_text
from sgcn.graph.rdf.namespace import DC, SGCN
from sgcn.graph.sparql.query import default_graph_path
from sgcn.loaders.document import Document
from sgcn.loaders.facts import (
    ENTITY_TYPES, Entity, EventTime, Evidence, Extraction, Figure, Relation, Role,
)

REUSED = Path(__file__).parents[2] / "data" / "ontology" / "reused-terms.ttl"
ENTITY_CLASSES = {SGCN[name] for name in ENTITY_TYPES}

# schema.org's data types, and the literal datatypes (or IRIs) each accepts
SCHEMA_DATATYPES = {
    SDO.Text: {XSD.string, RDF.langString},
    SDO.Number: {XSD.decimal, XSD.integer, XSD.double, XSD.float},
    SDO.Date: {XSD.date, XSD.gYearMonth, XSD.gYear},  # ISO 8601 dates, reduced precision too
    SDO.DateTime: {XSD.dateTime},
    SDO.Boolean: {XSD.boolean},
}


def close(graph: Graph) -> Graph:
    """``graph`` plus the reused terms' axioms, closed under OWL 2 RL (a new graph)."""
    closed = Graph()
    for triple in graph:
        closed.add(triple)
    closed.parse(REUSED)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closed)
    return closed


def _datatype(literal: Literal) -> URIRef:
    if literal.language:
        return RDF.langString
    return literal.datatype or XSD.string


def contradictions(source: Graph, closed: Graph) -> list[str]:
    """What the closure of ``source`` concludes that contradicts it (empty when nothing)."""
    found: list[str] = []
    found += [f"owlrl: {message}" for message in closed.objects(None, ERRNS.error)]

    for entity in {s for c in ENTITY_CLASSES for s in source.subjects(RDF.type, c)}:
        classes = set(closed.objects(entity, RDF.type)) & ENTITY_CLASSES
        if len(classes) != 1:
            found.append(f"{entity} is concluded to be of {len(classes)} entity classes: {sorted(classes)}")
    for node in set(closed.subjects(RDF.type, None)) - set(source.subjects(None, None)):
        if set(closed.objects(node, RDF.type)) & ENTITY_CLASSES and not isinstance(node, Literal):
            found.append(f"{node} is concluded to be an entity although no source names it")

    ranges: dict[URIRef, set] = defaultdict(set)
    for prop, range_ in closed.subject_objects(RDFS.range):
        ranges[prop].add(range_)
    for s, p, o in closed:
        if p in (RDF.type, RDFS.range, RDFS.domain, RDFS.subPropertyOf, RDFS.subClassOf):
            continue
        for range_ in ranges.get(p, ()):
            datatype = str(range_).startswith(str(XSD)) or range_ in (RDFS.Literal, RDF.langString)
            if isinstance(o, Literal) and not datatype:
                found.append(f"{s} {p} {o!r}: a literal where the range is the class {range_}")
            elif isinstance(o, Literal) and range_ not in (RDFS.Literal, _datatype(o)):
                found.append(f"{s} {p} {o!r}: a {_datatype(o)} where the range is {range_}")
            elif not isinstance(o, Literal) and datatype and range_ != RDFS.Literal:
                found.append(f"{s} {p} {o}: a resource where the range is the datatype {range_}")

    for s, p, o in closed:
        if not str(p).startswith(str(SDO)) or p in (SDO.domainIncludes, SDO.rangeIncludes):
            continue
        if (s, RDF.type, OWL.ObjectProperty) in closed or (s, RDF.type, OWL.DatatypeProperty) in closed:
            continue  # a statement about a property (none today), not a schema.org fact
        domain = set(closed.objects(p, SDO.domainIncludes))
        range_ = set(closed.objects(p, SDO.rangeIncludes))
        if not domain or not range_:
            found.append(f"{p} is concluded but tests/data/ontology/reused-terms.ttl does not say what it expects")
            continue
        if SDO.Thing not in domain and not set(closed.objects(s, RDF.type)) & domain:
            found.append(f"{s} {p} {o}: the subject is none of {sorted(domain)}")
        if isinstance(o, Literal):
            accepted = set().union(*(SCHEMA_DATATYPES.get(r, set()) for r in range_))
            if _datatype(o) not in accepted:
                found.append(f"{s} {p} {o!r}: a {_datatype(o)} literal is none of {sorted(range_)}")
        elif not range_ & {SDO.URL, SDO.Thing} and not set(closed.objects(o, RDF.type)) & range_:
            found.append(f"{s} {p} {o}: the value is none of {sorted(range_)}")

    for s in set(closed.subjects(SKOS.prefLabel, None)):
        preferred = list(closed.objects(s, SKOS.prefLabel))
        languages = [label.language for label in preferred]
        if len(languages) != len(set(languages)):
            found.append(f"{s} has two preferred labels in one language: {preferred}")
        both = set(preferred) & set(closed.objects(s, SKOS.altLabel))
        if both:
            found.append(f"{s} has {sorted(both)} as both preferred and alternative label")
    return sorted(set(found))


@pytest.fixture(scope="module")
def built() -> Graph:
    return Graph().parse(default_graph_path())


@pytest.fixture(scope="module")
def closed(built) -> Graph:
    return close(built)


def test_nothing_concluded_from_the_built_graph_contradicts_it(built, closed):
    assert contradictions(built, closed) == []


def test_the_closure_reaches_the_reused_vocabularies(built, closed):
    """The alignments are used, not idle: what a client of each vocabulary would read."""
    person = next(built.subjects(RDF.type, SGCN.Person))
    organization = next(built.subjects(RDF.type, SGCN.Organization))
    figure = next(built.subjects(RDF.type, SGCN.Figure))
    assert {URIRef("http://xmlns.com/foaf/0.1/Agent"), SDO.Person} <= set(closed.objects(person, RDF.type))
    assert URIRef("http://xmlns.com/foaf/0.1/Organization") in set(closed.objects(organization, RDF.type))
    assert closed.value(figure, SDO.variableMeasured) == built.value(figure, SGCN.measure)
    assert closed.value(figure, SDO.observationDate) == built.value(figure, SGCN.asOf)
    membership = next(built.subjects(RDF.type, URIRef("http://www.w3.org/ns/org#Membership")))
    during = built.value(membership, URIRef("http://www.w3.org/ns/org#memberDuring"))
    assert URIRef("http://www.w3.org/2006/time#Interval") in set(closed.objects(during, RDF.type))
    held = next(built.subject_objects(SGCN.heldIn))
    assert (held[0], SDO.location, held[1]) in closed


# --------------------------------------------------------------------------- the checks can fail


def small_extraction() -> Extraction:
    text = "The Lion Agency organised the Lion Forum. It drew 300 delegates."
    doc = Document(source="lion.txt", text=text, sha256="0" * 64, format="plaintext",
                   date="2025-03", publisher="Lion Agency")
    first, second = Evidence("lion.txt", 0, 41, text[:41]), Evidence("lion.txt", 42, len(text), text[42:])
    agency = Entity("Organization/lion agency", "Organization", "Lion Agency")
    forum = Entity("Event/lion forum", "Event", "Lion Forum")
    ada = Entity("Person/ada lim", "Person", "Ada Lim")
    return Extraction(
        document=doc,
        entities=(agency, forum, ada),
        relations=(Relation(agency.key, "organized", forum.key, first),),
        roles=(Role(ada.key, "Director", agency.key, "2025-03", first),),
        event_times=(EventTime(forum.key, "2025", "", first), EventTime(forum.key, "2025-03-03", "", first)),
        figures=(Figure(forum.key, "delegates", Decimal(300), "", "", "2025-03", second),),
    )


def small_graph() -> Graph:
    """The small extraction built with the ontology (without the topic scheme: faster)."""
    return build_graph([small_extraction()], vocabulary=False).parse(data=ontology_text("sgcn.ttl"), format="turtle")


def test_a_small_build_is_consistent_too():
    graph = small_graph()
    assert contradictions(graph, close(graph)) == []


WRONG = {
    # what the ontology stated before: the wrong way round, and strings as schema:Property
    "https://schema.org/organizer": (SGCN.organized, RDFS.subPropertyOf, SDO.organizer),
    "https://schema.org/measuredProperty": (SGCN.measure, RDFS.subPropertyOf, SDO.measuredProperty),
    # a loader's name is no dcterms:MediaTypeOrExtent
    "terms/MediaTypeOrExtent": (SGCN.format, RDFS.subPropertyOf, DCTERMS.format),
    # a person is no event
    "entity classes": (SGCN.Person, RDFS.subClassOf, SGCN.Event),
    # a person is no organisation (FOAF says the two are disjoint)
    "owlrl": (SGCN.Person, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")),
}


@pytest.fixture(scope="module")
def wrong() -> list[str]:
    """What the checks find in the small graph after the false statements of :data:`WRONG`,
    a literal publisher (DCMI's range is dcterms:Agent) and a second preferred label."""
    graph = small_graph()
    for triple in WRONG.values():
        graph.add(triple)
    document = next(graph.subjects(RDF.type, SGCN.Document))
    graph.remove((document, DC.publisher, None))
    graph.add((document, DCTERMS.publisher, Literal("Lion Agency")))
    agency = next(graph.subjects(RDF.type, SGCN.Organization))
    graph.add((agency, SKOS.prefLabel, Literal("Lion Bureau")))
    return contradictions(graph, close(graph))


@pytest.mark.parametrize("caught", [*WRONG, "terms/Agent", "two preferred labels"])
def test_a_false_statement_is_caught(wrong, caught):
    assert any(caught in message for message in wrong), wrong
