"""The query library from the command line: listing, parameters, ad-hoc queries, every output format."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from sgcn.graph.cli import main
from sgcn.graph.rdf.iris import mint
from sgcn.graph.sparql.query import default_graph_path, library, run_query

GRAPH = str(default_graph_path())
LUKE = str(mint("Person", "Luke Goh"))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_shows_every_query_with_its_description_and_parameters(capsys):
    code, out, _ = run(capsys, "query", "--list")
    assert code == 0
    for name, header in library().items():
        assert f"{name}\n    {header.title}" in out
        for param in header.params:
            assert f"--param {param.name}=..." in out
    for name in ("entity-facts", "bridging-people", "initiative-output", "shortest-chain", "meeting-chairs"):
        assert name in library()


def test_entity_facts_by_name_holds_the_evidence(capsys):
    code, out, _ = run(capsys, "query", "entity-facts", "--param", "entity=Luke Goh", "--graph", GRAPH)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    evidence = {(r["source"], r["quote"]) for r in run_query("evidence", GRAPH)[1] if r["subject"] == "Luke Goh"}
    assert {(r["source"], r["quote"]) for r in rows} == evidence
    assert {"co_chaired", "role", "type"} <= {r["fact"] for r in rows}
    # an alias, any case, or the IRI find the same entity
    for value in ("luke goh", f"<{LUKE}>", LUKE):
        assert run(capsys, "query", "entity-facts", "-p", f"entity={value}", "--graph", GRAPH)[1] == out


def test_shortest_chain_and_meeting_chairs(capsys):
    code, out, _ = run(capsys, "query", "shortest-chain", "-p", "from=Luke Goh", "-p", "to=Li Bo", "--graph", GRAPH)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows[0]["hops"] == "2"
    assert rows[0]["chain"].startswith("Luke Goh -") and rows[0]["chain"].endswith("- Li Bo")
    code, out, _ = run(capsys, "query", "meeting-chairs", "-p", "series=CCI", "--graph", GRAPH)
    chairs = {(r["co_chair"], r["organization"]) for r in csv.DictReader(io.StringIO(out))}
    assert ("Luke Goh", "Ministry of Trade and Industry") in chairs


@pytest.mark.parametrize("argv, message", [
    (["entity-facts"], "needs --param entity"),
    (["entity-facts", "-p", "entity=Nobody Anyone"], "no entity is named 'Nobody Anyone'"),
    (["entity-facts", "-p", "who=x"], "takes no parameter 'who'"),
    (["entity-facts", "-p", "entity"], "--param wants NAME=VALUE"),
    (["--text", "SELECT ?s WHERE { ?s ", ], "malformed SPARQL query"),
    (["relations", "--text", "SELECT * {}"], "give one of NAME, --file FILE.rq or --text SPARQL"),
])
def test_usage_errors_say_what_is_wrong(capsys, argv, message):
    code, _, err = run(capsys, "query", *argv, "--graph", GRAPH)
    assert code == 2 and message in err


def test_ad_hoc_queries_from_a_file_and_text_with_params(capsys, tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text("# title: Label of one thing\n# returns: label\n# params:\n#   thing (iri): the thing\n"
                    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                    "SELECT ?label WHERE { ?thing skos:prefLabel ?label }\n", encoding="utf-8")
    code, out, _ = run(capsys, "query", "--file", str(path), "-p", f"thing={LUKE}", "--graph", GRAPH)
    assert (code, out) == (0, "label\nLuke Goh\n")
    code, out, _ = run(capsys, "query", "--text", "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/sgcn/ontology#Person> }",
                       "--graph", GRAPH, "--store", "memory", "--format", "tsv")
    assert code == 0 and out.splitlines()[0] == "?n" and out.splitlines()[1].endswith("#integer>")


def test_every_output_format_reads_back(capsys):
    base = ["query", "roles", "--graph", GRAPH]
    expected = run_query("roles", GRAPH)[1]
    _, out, _ = run(capsys, *base, "--format", "csv")
    assert list(csv.DictReader(io.StringIO(out))) == expected
    _, out, _ = run(capsys, *base, "--format", "tsv")
    tsv = [line.split("\t") for line in out.splitlines()]
    assert tsv[0] == ["?person", "?role", "?organization", "?as_of", "?source"] and len(tsv) == len(expected) + 1
    _, out, _ = run(capsys, *base, "--format", "json")
    results = json.loads(out)
    assert [{k: v["value"] for k, v in b.items()} for b in results["results"]["bindings"]] == expected
    _, out, _ = run(capsys, *base, "--format", "xml")
    namespace = "{http://www.w3.org/2005/sparql-results#}"
    assert len(ET.fromstring(out).iter(f"{namespace}result").__next__().findall(f"{namespace}binding")) == 5
    _, out, _ = run(capsys, *base, "--format", "table")
    assert out.splitlines()[0].split() == ["person", "role", "organization", "as_of", "source"]
    # graphs: Turtle, JSON-LD, N-Triples
    graph_argv = ["query", "entity-graph", "-p", "entity=Luke Goh", "--graph", GRAPH]
    graphs = {}
    for fmt, parser in (("turtle", "turtle"), ("json-ld", "json-ld"), ("nt", "nt")):
        _, out, _ = run(capsys, *graph_argv, "--format", fmt)
        graphs[fmt] = Graph().parse(data=out, format=parser)
        assert str(graphs[fmt].value(URIRef(LUKE), SKOS.prefLabel)) == "Luke Goh"
    assert len(graphs["turtle"]) == len(graphs["json-ld"]) == len(graphs["nt"])


@pytest.mark.parametrize("fmt", ["json-ld", "turtle", "nt", "rdf-xml"])
def test_a_graph_answer_is_the_same_bytes_whatever_order_its_triples_came_in(fmt):
    """A store hands a CONSTRUCT answer over in its own order (Oxigraph's follows its
    hashing, which changes from run to run): the bytes written must not follow it."""
    import random

    from sgcn.graph.sparql.query import write_graph

    source = Graph().parse(GRAPH)
    evidence = [t for t in source if t[0].startswith("https://w3id.org/sgcn/id/")][:400]
    evidence += [t for t in source if not isinstance(t[0], URIRef)][:200]  # blank nodes too
    written = set()
    for seed in range(4):
        random.Random(seed).shuffle(evidence)
        graph = Graph()
        for triple in evidence:
            graph.add(triple)
        written.add(write_graph(graph, fmt))
    assert len(written) == 1
