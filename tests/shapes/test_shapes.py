"""Every SHACL shape of ontology/shapes.ttl against its -valid and -invalid fixture.

Each fixture ``<ShapeName>-valid.ttl`` / ``<ShapeName>-invalid.ttl`` in this folder
is added to ``_base.ttl`` (a small conforming graph) and validated: the valid one
must conform, the invalid one must break that shape and no other.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import SH

from sgcn.graph.rdf.pipeline import write_if_valid
from sgcn.graph.rdf.validate import shapes_graph, validate

HERE = Path(__file__).parent
SHAPES_NS = "https://w3id.org/sgcn/shapes#"
FIXTURES = sorted(HERE.glob("*-valid.ttl")) + sorted(HERE.glob("*-invalid.ttl"))


def shape_of(fixture: Path) -> str:
    return SHAPES_NS + fixture.stem.rsplit("-", 1)[0]


def fixture_graph(fixture: Path) -> Graph:
    graph = Graph().parse(HERE / "_base.ttl")
    return graph.parse(fixture)


def test_fixtures_were_found_for_every_shape():
    named_shapes = {str(s) for s in shapes_graph().subjects(None, SH.NodeShape)}
    valid = {shape_of(f) for f in FIXTURES if f.stem.endswith("-valid")}
    invalid = {shape_of(f) for f in FIXTURES if f.stem.endswith("-invalid")}
    assert len(FIXTURES) >= 2 * 20
    assert valid == named_shapes
    assert invalid == named_shapes


def test_base_graph_conforms():
    report = validate(Graph().parse(HERE / "_base.ttl"))
    assert report.conforms, str(report)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_shape_fixture(fixture: Path):
    report = validate(fixture_graph(fixture))
    if fixture.stem.endswith("-valid"):
        assert report.conforms, str(report)
    else:
        assert not report.conforms
        assert {v.shape for v in report.violations} == {shape_of(fixture)}, str(report)
        assert all(v.focus and v.message for v in report.violations)


@pytest.mark.parametrize("fixture", sorted(HERE.glob("*-invalid.ttl")), ids=lambda p: p.stem)
def test_build_refuses_a_graph_breaking_the_shape(fixture: Path, tmp_path: Path):
    out = tmp_path / "graph.ttl"
    out.write_bytes(b"# previous graph\n")
    graph = fixture_graph(fixture)
    report = write_if_valid(graph, out)
    assert not report.conforms
    assert out.read_bytes() == b"# previous graph\n"
    named = {str(s) for s in Graph().parse(fixture).subjects()}
    assert {v.focus for v in report.violations} <= named
    assert all(v.focus in str(v) and v.message in str(v) for v in report.violations)
