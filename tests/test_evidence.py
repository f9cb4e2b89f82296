"""Every fact the graph reports has evidence, and every quote is the loader's text, word for word."""

from __future__ import annotations

from pathlib import Path

import pytest

from sgcn.graph.rdf.namespace import PROV, RDF, SGCN
from sgcn.graph.sparql.query import run_query
from sgcn.loaders import read

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def evidence_rows(corpus_graph):
    return run_query("evidence", corpus_graph)[1]


def kept_texts(corpus_graph) -> dict[str, str]:
    return {
        str(corpus_graph.value(doc, SGCN.fileName)): str(corpus_graph.value(doc, SGCN.text))
        for doc in corpus_graph.subjects(RDF.type, SGCN.Document)
    }


def test_the_corpus_gives_evidence(evidence_rows):
    assert len(evidence_rows) > 50


def test_every_quote_occurs_in_the_text_the_loader_kept(evidence_rows, corpus_graph):
    in_graph = kept_texts(corpus_graph)
    from_loader = {name: read(REPO / "sources" / name).text for name in in_graph}
    assert in_graph == from_loader
    for row in evidence_rows:
        assert row["quote"], row
        assert row["quote"] in from_loader[row["source"]], row


def test_every_evidence_span_is_its_quote(corpus_graph):
    texts = kept_texts(corpus_graph)
    spans = list(corpus_graph.subjects(RDF.type, SGCN.Evidence))
    assert spans
    for evidence in spans:
        source = str(corpus_graph.value(corpus_graph.value(evidence, PROV.wasQuotedFrom), SGCN.fileName))
        start = int(corpus_graph.value(evidence, SGCN.startOffset))
        end = int(corpus_graph.value(evidence, SGCN.endOffset))
        assert texts[source][start:end] == str(corpus_graph.value(evidence, SGCN.quote)), evidence


KEYS = {
    "relations": lambda r: (r["subject"], r["relation"], r["object"], r["source"]),
    "roles": lambda r: (r["person"], r["role"], r["organization"], r["source"]),
    "figures": lambda r: (r["subject"], r["measure"], r["value"], r["source"]),
    "topics": lambda r: (r["subject"], "topic", r["topic"], r["source"]),
}


@pytest.mark.parametrize("name", sorted(KEYS))
def test_every_fact_row_has_an_evidence_row(name, corpus_graph, evidence_rows):
    backed = {(r["subject"], r["predicate"], r["object"], r["source"]) for r in evidence_rows}
    for row in run_query(name, corpus_graph)[1]:
        assert KEYS[name](row) in backed, row


def test_every_event_row_has_an_evidence_row(corpus_graph, evidence_rows):
    backed = {(r["subject"], r["predicate"], r["object"]) for r in evidence_rows}
    for row in run_query("events", corpus_graph)[1]:
        assert (row["event"], "type", "Event") in backed, row
        if row["start"]:
            assert (row["event"], "start", row["start"]) in backed, row
        if row["end"]:
            assert (row["event"], "end", row["end"]) in backed, row
