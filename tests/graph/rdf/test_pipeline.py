"""build(): a folder of documents of our own writing -> a validated graph on disk."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from rdflib import Graph, Literal

from sgcn.graph.rdf.namespace import DCTERMS, RDF, SGCN
from sgcn.graph.rdf.pipeline import BadInputError, build
from sgcn.graph.rdf.validate import validate
from sgcn.loaders.errors import SgcnError

RELEASE = textwrap.dedent(
    """\
    PRESS RELEASE

    Lion City and Pearl River ministers open digital trade corridor

    SINGAPORE, 12 June 2024 - The Ministry of Digital Affairs of Singapore and the
    Guangzhou Municipal People's Government held the first Digital Corridor Forum in
    Singapore today. The forum was co-chaired by Senior Minister of State Lim Wei Jie and
    Vice Mayor Huang Li. More than 400 delegates attended the forum.

    MINISTRY OF DIGITAL AFFAIRS
    12 JUNE 2024
    """
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    sources = tmp_path / "docs"
    sources.mkdir()
    (sources / "corridor.txt").write_text(RELEASE, encoding="utf-8")
    return sources


def test_build_writes_a_conforming_graph_and_summarises(folder, tmp_path):
    out = tmp_path / "out" / "g.ttl"
    summary = build(folder, out)
    assert summary.written and summary.report.conforms
    assert summary.documents == 1 and summary.skipped == ()
    assert summary.triples > 0 and sum(summary.entities.values()) > 0
    graph = Graph().parse(out)
    assert len(graph) == summary.triples
    assert validate(graph).conforms
    (document,) = graph.subjects(RDF.type, SGCN.Document)
    assert graph.value(document, SGCN.fileName) == Literal("corridor.txt")
    assert str(graph.value(document, DCTERMS.date)) == "2024-06-12"
    assert "the first Digital Corridor Forum" in str(graph.value(document, SGCN.text))
    lines = summary.lines()
    assert lines[0] == f"documents read: 1 (from {folder})" and lines[-1] == f"wrote {out}"


def test_bad_file_raises_with_every_error_and_writes_nothing(folder, tmp_path):
    (folder / "empty.md").write_bytes(b"")
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = tmp_path / "g.ttl"
    with pytest.raises(BadInputError) as caught:
        build(folder, out)
    assert sorted(Path(e.path).name for e in caught.value.errors) == ["empty.md", "scan.png"]
    assert not out.exists()


def test_skip_bad_lists_the_skipped_files(folder, tmp_path):
    (folder / "empty.md").write_bytes(b"")
    summary = build(folder, tmp_path / "g.ttl", skip_bad=True)
    assert summary.written and summary.documents == 1
    assert len(summary.skipped) == 1 and "empty.md" in summary.skipped[0]
    assert any(line.startswith("skipped: ") and "empty.md" in line for line in summary.lines())


def test_missing_folder_is_an_sgcn_error(tmp_path):
    with pytest.raises(SgcnError, match="no-such-folder"):
        build(tmp_path / "no-such-folder", tmp_path / "g.ttl")
