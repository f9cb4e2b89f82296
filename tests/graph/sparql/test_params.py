"""Typed query parameters: headers, binding, and values that try to change the query."""

from __future__ import annotations

import pytest
from rdflib import Literal

from sgcn.graph.rdf.build import build_graph
from sgcn.graph.rdf.iris import mint
from sgcn.graph.sparql.params import QueryError, bind, parse_header, to_term, Param
from sgcn.graph.sparql.query import Target, execute, library, resolve_params
from sgcn.graph.sparql.results import Term
from sgcn.graph.sparql.store import STORES, from_rdflib_graph, run_query
from sgcn.loaders.document import Document
from sgcn.loaders.facts import Entity, Evidence, Extraction, Mention, Relation

NASTY = [
    'Acme" } ; DROP ALL ; INSERT DATA { <urn:x> <urn:y> <urn:z> } #',
    "O'Brien' } UNION { ?s ?p ?o } #",
    "}}} ;;; DROP GRAPH <urn:g> ; CLEAR DEFAULT",
    '\\" ) } LIMIT 0 #',
    "line\nbreak \t and \"quotes\" and 'single' { braces }",
]


def _graph_with_labels(labels: list[str]):
    """A small graph whose organizations carry the given labels, each with a quote."""
    text = "The Harbourfront Forum was attended by many organisations."
    doc = Document(source="forum.txt", text=text, sha256="0" * 64, format="plaintext", date="2024-05-14")
    evidence = Evidence(source="forum.txt", start=0, end=len(text), quote=text)
    forum = Entity("Event/harbourfront forum", "Event", "Harbourfront Forum")
    organizations = [Entity(f"Organization/{i}", "Organization", label) for i, label in enumerate(labels)]
    extraction = Extraction(
        doc,
        entities=(forum, *organizations),
        mentions=tuple(Mention(o.key, evidence) for o in organizations),
        relations=tuple(Relation(o.key, "participated_in", forum.key, evidence) for o in organizations),
    )
    return build_graph([extraction], vocabulary=True)


def test_every_library_header_declares_well_formed_params():
    headers = library()
    assert len(headers) >= 15
    for name, header in headers.items():
        assert header.title != name, f"{name}.rq has no # title:"
        assert header.returns, f"{name}.rq has no # returns:"
        assert "# params:" in header.text, f"{name}.rq has no # params:"
        for param in header.params:
            assert param.description, f"{name}.rq: parameter {param.name} is not described"
            assert f"?{param.name}" in header.text, f"{name}.rq declares ?{param.name} but never uses it"


def test_multi_line_params_are_read():
    header = parse_header(
        "# title: T\n# returns: a\n# params:\n#   from (entity): start\n#   year (literal xsd:gYear, optional): y\n"
        "SELECT ?a WHERE { ?from ?p ?a }",
        name="t",
    )
    assert [(p.name, p.kind, p.required) for p in header.params] == [("from", "entity", True), ("year", "literal", False)]
    assert header.params[1].datatype == "http://www.w3.org/2001/XMLSchema#gYear"


@pytest.mark.parametrize("text, expected", [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT * WHERE { VALUES (?o) { (\"v\") } ?s ?p ?o }"),
    ("SELECT * { ?s ?p ?o }", "SELECT * { VALUES (?o) { (\"v\") } ?s ?p ?o }"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?o) { (\"v\") } ?s ?p ?o }"),
    # braces inside comments, strings and IRIs do not count; a variable named ?where is not WHERE
    ("# { not here\nPREFIX x: <https://x/{a}>\nSELECT ?where WHERE { ?s ?p \"}{\" . ?s ?p ?o }",
     "# { not here\nPREFIX x: <https://x/{a}>\nSELECT ?where WHERE { VALUES (?o) { (\"v\") } ?s ?p \"}{\" . ?s ?p ?o }"),
    # the outer group, not a subquery's
    ("SELECT ?o WHERE { { SELECT ?o WHERE { ?s ?p ?o } } }",
     "SELECT ?o WHERE { VALUES (?o) { (\"v\") } { SELECT ?o WHERE { ?s ?p ?o } } }"),
])
def test_bind_puts_one_values_row_first_in_the_top_level_group(text, expected):
    assert bind(text, {"o": Literal("v")}) == expected


def test_values_that_are_not_terms_are_refused():
    with pytest.raises(QueryError, match="wants an IRI"):
        to_term(Param("e", "iri"), "https://x/> } DROP ALL ; <y")
    with pytest.raises(QueryError, match="wants a"):
        to_term(Param("n", "literal", "http://www.w3.org/2001/XMLSchema#integer"), "12; DROP ALL")
    with pytest.raises(QueryError, match="not a SPARQL variable"):
        bind("SELECT * { ?s ?p ?o }", {"o } DROP": Literal("x")})
    with pytest.raises(QueryError, match="no WHERE group"):
        bind("DESCRIBE <https://x/a>", {"o": Literal("x")})


@pytest.mark.parametrize("store", STORES)
@pytest.mark.parametrize("nasty", NASTY)
def test_injected_text_stays_one_literal(store, nasty):
    graph = from_rdflib_graph(_graph_with_labels(["Plain Org", nasty]), store)
    before = len(graph)
    target = Target(graph=graph)
    # a literal parameter: the lookup finds exactly the entity with that label, nothing else
    rows = execute(target, name="entity-lookup", params={"name": nasty}).fetch()
    assert [(r[0].value, r[1].value) for r in rows] == [(str(mint("Organization", nasty)), nasty)]
    # an entity parameter given by that name: its facts, and only its
    facts = execute(target, name="entity-facts", params={"entity": nasty}).fetch()
    assert facts and {r[2].value for r in facts if r[0].value == "participated_in"} == {"Harbourfront Forum"}
    # nothing ran but the query: the graph is unchanged
    assert len(graph) == before
    assert not run_query(graph, "ASK { <urn:x> ?p ?o }").boolean


def test_unknown_missing_and_ambiguous_parameters_are_errors():
    graph = from_rdflib_graph(_graph_with_labels(["Ministry of Trade", "Ministry of Trade "]))
    target = Target(graph=graph)
    header = library()["entity-facts"]
    with pytest.raises(QueryError, match="takes no parameter 'who'"):
        resolve_params(header, {"who": "x"}, target.run)
    with pytest.raises(QueryError, match="needs --param entity"):
        resolve_params(header, {}, target.run)
    with pytest.raises(QueryError, match="no entity is named 'Nobody'"):
        resolve_params(header, {"entity": "Nobody"}, target.run)
    iri = str(mint("Organization", "Ministry of Trade"))
    assert resolve_params(header, {"entity": iri}, target.run) == {"entity": Term("uri", iri)}
    assert resolve_params(header, {"entity": f"<{iri}>"}, target.run) == {"entity": Term("uri", iri)}


def test_a_parameter_left_out_takes_its_default():
    header = parse_header('# params:\n#   series (literal, default ""): part of the label\n'
                          'SELECT ?s WHERE { ?s ?p ?o FILTER (CONTAINS(STR(?o), ?series)) }', name="q")
    (series,) = header.params
    assert not series.required and series.default == ""
    assert resolve_params(header, {}) == {"series": Term("literal", "")}
    assert resolve_params(header, {"series": "Joint"}) == {"series": Term("literal", "Joint")}
    with pytest.raises(QueryError, match="its only default is"):
        parse_header('# params:\n#   who (entity, default "x"): somebody\nSELECT * {}', name="q")
    header = parse_header('# params:\n#   who (entity, default ""): somebody\nSELECT * {}', name="q")
    assert resolve_params(header, {}) == {"who": Term("literal", "")}


@pytest.mark.parametrize("store", STORES)
def test_meeting_chairs_without_a_series_lists_every_meeting(store):
    """The default "" keeps every row; a series keeps the meetings that are part of it."""
    from sgcn.graph.sparql.query import default_graph_path, load_graph

    target = Target(graph=load_graph(default_graph_path(), store))
    every = execute(target, name="meeting-chairs").fetch()
    some = execute(target, name="meeting-chairs", params={"series": "CCI"}).fetch()
    assert len(every) > len(some) > 0
    assert {row[0].value for row in every} >= {row[0].value for row in some}
    assert all("Chongqing" in row[0].value or "CCI" in row[0].value for row in some)
