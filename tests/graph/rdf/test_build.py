"""build_graph states README's data model: compared by isomorphism with a hand-written graph."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from sgcn.graph.rdf.build import build_graph, date_literal, plain_decimal
from sgcn.graph.rdf.iris import ID, mint
from sgcn.graph.rdf.namespace import ORG, RDF, SDO, SGCN, SKOS, XSD
from sgcn.graph.rdf.validate import validate
from sgcn.loaders.document import Document
from sgcn.loaders.facts import (
    Entity, EventTime, Evidence, Extraction, Figure, Mention, Relation, Role, TopicTag,
)

DATA = Path(__file__).parents[2] / "data" / "graph"
FACT_KINDS = ("evidence", "assertion", "membership", "figure", "interval", "instant")


def facts_as_bnodes(graph: Graph) -> Graph:
    """The graph with digest-named fact nodes turned into blank nodes."""
    names: dict[URIRef, BNode] = {}

    def node(term):
        if isinstance(term, URIRef) and any(str(term).startswith(f"{ID}{k}/") for k in FACT_KINDS):
            return names.setdefault(term, BNode())
        return term

    out = Graph()
    for s, p, o in graph:
        out.add((node(s), p, node(o)))
    return out


def assert_isomorphic(got: Graph, expected: Graph) -> None:
    if not isomorphic(got, expected):
        _both, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        pytest.fail(
            "graphs differ\nonly in the built graph:\n"
            + "\n".join(sorted(" ".join(x.n3() for x in t) for t in only_got))
            + "\nonly in the expected graph:\n"
            + "\n".join(sorted(" ".join(x.n3() for x in t) for t in only_expected))
        )


def lion_extraction() -> Extraction:
    text = "Minister Ada Lim opened the Lion Forum on 3 March 2025. It drew about 300 delegates."
    doc = Document(source="lion.txt", text=text, sha256="0" * 64, format="plaintext",
                   title="Lion Forum opens", date="2025-03")
    first = Evidence("lion.txt", 0, 55, text[0:55])
    second = Evidence("lion.txt", 56, 84, text[56:84])
    ada = Entity("Person/ada lim", "Person", "Ada Lim", ("Minister Lim",))
    forum = Entity("Event/lion forum", "Event", "Lion Forum")
    return Extraction(
        document=doc,
        entities=(ada, forum),
        mentions=(Mention(ada.key, first),),
        relations=(Relation(ada.key, "participated_in", forum.key, first),),
        roles=(Role(ada.key, "Minister", None, "2025-03", first),),
        event_times=(EventTime(forum.key, "2025-03-03", "", first),),
        figures=(Figure(forum.key, "delegates", Decimal("300"), "", "about", "2025-03", second),),
        topics=(TopicTag(forum.key, "smart-city", second),),
    )


def test_build_states_the_data_model():
    got = facts_as_bnodes(build_graph([lion_extraction()], vocabulary=False))
    expected = Graph().parse(DATA / "lion-forum-expected.ttl")
    assert_isomorphic(got, expected)


def test_built_graph_includes_the_ontology_and_conforms(extraction):
    graph = build_graph([extraction])
    assert (SGCN.coChaired, SKOS.notation, Literal("co_chaired")) in graph
    report = validate(graph)
    assert report.conforms, str(report)


def test_same_fact_from_two_sentences_gets_two_assertions():
    text = "Ada Lim visited the Lion Forum. Ada Lim spoke at the Lion Forum."
    doc = Document(source="two.txt", text=text, sha256="1" * 64, format="plaintext")
    ada = Entity("Person/ada", "Person", "Ada Lim")
    forum = Entity("Event/forum", "Event", "Lion Forum")
    evidences = [Evidence("two.txt", 0, 31, text[:31]), Evidence("two.txt", 32, len(text), text[32:])]
    ex = Extraction(doc, entities=(ada, forum),
                    relations=tuple(Relation(ada.key, "participated_in", forum.key, e) for e in evidences))
    graph = build_graph([ex], vocabulary=False)
    assert len(list(graph.subjects(RDF.predicate, SGCN.participatedIn))) == 2
    assert len(list(graph.triples((None, SGCN.participatedIn, None)))) == 1


def test_facts_about_unknown_entities_are_skipped_with_a_warning(caplog):
    text = "Somebody attended."
    doc = Document(source="x.txt", text=text, sha256="2" * 64, format="plaintext")
    ev = Evidence("x.txt", 0, len(text), text)
    ex = Extraction(doc, relations=(Relation("Person/ghost", "participated_in", "Event/nothing", ev),))
    graph = build_graph([ex], vocabulary=False)
    assert not list(graph.subjects(RDF.type, SGCN.Assertion))
    assert "Person/ghost" in caplog.text


def test_same_label_merges_under_one_readable_iri():
    assert mint("Person", "Luke Goh") == URIRef("https://w3id.org/sgcn/id/person/luke-goh")


@pytest.mark.parametrize(
    "iso, datatype",
    [("2020-03-05", XSD.date), ("2023-09", XSD.gYearMonth), ("2019", XSD.gYear)],
)
def test_date_literals_keep_the_precision(iso, datatype):
    literal = date_literal(iso)
    assert (str(literal), literal.datatype) == (iso, datatype)


def test_date_literal_rejects_what_is_not_a_date():
    with pytest.raises(ValueError, match="March 2020"):
        date_literal("March 2020")


@pytest.mark.parametrize(
    "value, text",
    [(Decimal("816.9E9"), "816900000000"), (Decimal("40000000.00"), "40000000"), (Decimal("2.50"), "2.5"), (7, "7")],
)
def test_plain_decimals(value, text):
    assert plain_decimal(value) == text


def test_labels_that_mint_one_iri_keep_one_preferred_label():
    text = "The People's Bank and the Peoples Bank met."
    doc = Document(source="p.txt", text=text, sha256="3" * 64, format="plaintext")
    first = Entity("Organization/peoples bank", "Organization", "People's Bank")
    second = Entity("Organization/the peoples bank", "Organization", "Peoples Bank", ("PB",))
    graph = build_graph([Extraction(doc, entities=(first, second))])
    iri = mint("Organization", "People's Bank")
    assert [str(x) for x in graph.objects(iri, SKOS.prefLabel)] == ["People's Bank"]
    assert sorted(str(x) for x in graph.objects(iri, SKOS.altLabel)) == ["PB", "Peoples Bank"]
    assert validate(graph).conforms


def test_facts_with_dates_that_are_not_iso_are_skipped(caplog):
    text = "The Lion Forum ran in spring."
    doc = Document(source="d.txt", text=text, sha256="4" * 64, format="plaintext", date="spring 2024")
    ev = Evidence("d.txt", 0, len(text), text)
    forum = Entity("Event/lion forum", "Event", "Lion Forum")
    ex = Extraction(doc, entities=(forum,), event_times=(EventTime(forum.key, "spring 2024", "", ev),),
                    figures=(Figure(forum.key, "delegates", Decimal(10), "", "", "", ev),))
    graph = build_graph([ex])
    assert not list(graph.subjects(RDF.type, SGCN.Figure))
    assert graph.value(mint("Event", "Lion Forum"), SDO.startDate) is None
    assert "spring 2024" in caplog.text
    assert validate(graph).conforms


def test_relations_the_contract_does_not_allow_are_dropped(caplog):
    text = "Singapore co-chaired the Lion Forum with Ada Lim."
    doc = Document(source="t.txt", text=text, sha256="5" * 64, format="plaintext")
    ev = Evidence("t.txt", 0, len(text), text)
    place = Entity("Place/singapore", "Place", "Singapore")
    ada = Entity("Person/ada lim", "Person", "Ada Lim")
    forum = Entity("Event/lion forum", "Event", "Lion Forum")
    ex = Extraction(doc, entities=(place, ada, forum), relations=(
        Relation(place.key, "co_chaired", forum.key, ev),
        Relation(ada.key, "co_chaired", forum.key, ev),
    ), roles=(Role(ada.key, "Mayor", place.key, "2024", ev),))
    graph = build_graph([ex])
    assert list(graph.subject_objects(SGCN.coChaired)) == [(mint("Person", "Ada Lim"), mint("Event", "Lion Forum"))]
    assert not list(graph.subjects(RDF.type, ORG.Membership))
    assert "co_chaired links Place to Event" in caplog.text
    assert validate(graph).conforms
