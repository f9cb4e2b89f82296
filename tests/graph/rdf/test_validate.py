"""validate() reports violations as data: focus node, path, message, shape."""

from __future__ import annotations

from rdflib import Literal

from sgcn.graph.rdf.build import build_graph
from sgcn.graph.rdf.iris import mint
from sgcn.graph.rdf.namespace import SGCN, SKOS, XSD
from sgcn.graph.rdf.pipeline import write_if_valid
from sgcn.graph.rdf.validate import validate


def test_sample_graph_conforms(extraction):
    report = validate(build_graph([extraction]))
    assert report.conforms and report.violations == ()
    assert "conforms" in str(report)


def test_violation_names_node_path_message_and_shape(extraction):
    graph = build_graph([extraction])
    tan = mint("Person", "Tan Wei Ling")
    graph.add((tan, SKOS.prefLabel, Literal("Wei Ling Tan")))
    report = validate(graph)
    assert not report.conforms
    (violation,) = report.violations
    assert violation.focus == str(tan)
    assert violation.path == str(SKOS.prefLabel)
    assert violation.shape == "https://w3id.org/sgcn/shapes#EntityHasOnePrefLabel"
    assert "exactly one preferred label" in str(violation)


def test_wrong_relation_types_are_refused_and_nothing_is_written(extraction, tmp_path):
    graph = build_graph([extraction])
    fund, forum = mint("Initiative", "Open Ledger Fund"), mint("Event", "Harbourfront Forum 2024")
    graph.add((fund, SGCN.coChaired, forum))
    out = tmp_path / "g.ttl"
    report = write_if_valid(graph, out)
    assert not report.conforms
    assert not out.exists()
    assert {v.focus for v in report.violations} == {str(fund)}


def test_quote_that_is_not_the_text_is_refused(extraction):
    graph = build_graph([extraction])
    evidence = next(graph.subjects(SGCN.quote, None))
    graph.set((evidence, SGCN.quote, Literal("Something nobody wrote.")))
    report = validate(graph)
    assert any(v.shape.endswith("#EvidenceQuoteIsInDocumentText") and v.focus == str(evidence)
               for v in report.violations)


def test_figure_value_must_be_a_plain_decimal(extraction):
    graph = build_graph([extraction])
    figure = next(graph.subjects(SGCN.measure, Literal("delegates")))
    graph.set((figure, SGCN.value, Literal("1.2E3", datatype=XSD.double)))
    report = validate(graph)
    assert [v.shape.rsplit("#", 1)[1] for v in report.violations] == ["FigureHasSubjectMeasureValueDateAndEvidence"]
