"""Every export read back by a reader that is not ours finds the graph's nodes, edges and labels."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from sgcn.graph.network.export import EDGE_COLUMNS, FORMATS, NODE_COLUMNS, context, export
from sgcn.graph.rdf.build import class_of, relation_properties
from sgcn.graph.cli import main
from sgcn.graph.network.model import to_networkx
from sgcn.loaders.errors import SgcnError
from sgcn.loaders.facts import ENTITY_TYPES

FIXTURE = Path(__file__).parents[2] / "data" / "network" / "fixture.ttl"


@pytest.fixture(scope="module")
def graph():
    return Graph().parse(FIXTURE)


@pytest.fixture(scope="module")
def net(graph):
    return to_networkx(graph)


def expected_nodes(net):
    return {n: net.nodes[n]["label"] for n in net}


def expected_edges(net):
    return {(s, k, o) for s, o, k in net.edges(keys=True)}


def assert_same_graph(got: Graph, want: Graph):
    if not isomorphic(got, want):
        _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
        pytest.fail(
            "graphs differ\nonly in export:\n"
            + only_got.serialize(format="nt")
            + "\nonly in graph:\n"
            + only_want.serialize(format="nt")
        )


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld"])
def test_rdf_exports_read_back_by_rdflib_are_the_same_graph(graph, fmt):
    rdflib_format = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}[fmt]
    assert_same_graph(Graph().parse(data=export(graph, fmt), format=rdflib_format), graph)


def test_ntriples_lines_are_sorted(graph):
    lines = export(graph, "ntriples").decode().splitlines()
    assert lines == sorted(lines) and len(lines) == len(graph)


def test_jsonld_uses_the_published_context(graph):
    doc = json.loads(export(graph, "jsonld"))
    assert doc["@context"] == context()["@context"]
    forum = next(n for n in doc["@graph"] if n["@id"].endswith("event/harbour-data-forum"))
    assert forum["@type"] == "Event" and forum["prefLabel"] == "Harbour Data Forum"
    assert forum["heldIn"] == "https://w3id.org/sgcn/id/place/xiamen"


def test_context_names_every_term_of_the_ontology():
    ctx = context()["@context"]
    expand = lambda value: value.replace("sgcn:", ctx["sgcn"], 1)  # noqa: E731
    terms = {expand(v if isinstance(v, str) else v["@id"]): k for k, v in ctx.items() if not k.startswith("@")}
    ontology = Graph().parse(data=files("sgcn.ontology").joinpath("sgcn.ttl").read_text(encoding="utf-8"), format="turtle")
    defined = {s for s in ontology.subjects() if str(s).startswith(ctx["sgcn"]) and str(s) != ctx["sgcn"]}
    assert len(defined) > 30
    missing = sorted(str(term) for term in defined if str(term) not in terms)
    assert not missing, f"context.jsonld lacks terms for {missing}"
    for name in ENTITY_TYPES:
        assert ctx[name] == "sgcn:" + class_of(name).removeprefix(ctx["sgcn"])
    for name, prop in relation_properties().items():
        local = prop.removeprefix(ctx["sgcn"])
        assert ctx[local] == {"@id": f"sgcn:{local}", "@type": "@id"}, name


def test_same_graph_same_bytes_under_another_hash_seed(graph):
    script = (
        "import sys; from rdflib import Graph; from sgcn.graph.network.export import export, FORMATS\n"
        f"g = Graph().parse({str(FIXTURE)!r})\n"
        "sys.stdout.buffer.write(b'\\0'.join(export(g, f) for f in sorted(FORMATS)))\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed}
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0] == runs[1]
    assert runs[0] == b"\0".join(export(graph, f) for f in sorted(FORMATS))


def assert_flat_attributes(tree: ET.Element, allowed_types: set[str]):
    """Every declared attribute of a GraphML/GEXF file is a string or a number type."""
    types = {el.get("attr.type") or el.get("type") for el in tree.iter() if el.tag.endswith(("key", "attribute"))}
    assert types and types <= allowed_types, types


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_read_back_by_networkx(graph, net, fmt, reader):
    data = export(graph, fmt)
    back = reader(io.BytesIO(data))
    assert {n: back.nodes[n]["label"] for n in back} == expected_nodes(net)
    assert {(s, d["relation"], o) for s, o, d in back.edges(data=True)} == expected_edges(net)
    tan = back.nodes["https://w3id.org/sgcn/id/person/tan-mei-ling"]
    assert tan["type"] == "Person" and tan["aliases"] == "Ms Tan"
    assert tan["roles"] == "Minister, Maritime Data Authority (2021-03)"
    assert tan["degree"] == 2
    held = next(d for s, o, d in back.edges(data=True) if d["relation"] == "held_in")
    assert held["quotes"] == "The forum was held in Xiamen." and held["sources"] == "a.txt"
    # nothing but strings and numbers, never a Python repr of a list or a dict
    values = [v for _, d in back.nodes(data=True) for v in d.values()]
    values += [v for *_, d in back.edges(data=True) for v in d.values()]
    assert all(isinstance(v, (str, int, float)) for v in values)
    assert not any(isinstance(v, str) and v.startswith(("(", "[", "{")) for v in values)
    assert_flat_attributes(ET.fromstring(data), {"string", "long", "int", "integer", "double", "float"})


def test_cytoscape_json_read_back_by_networkx(graph, net):
    doc = json.loads(export(graph, "cytoscape"))
    back = nx.cytoscape_graph(doc)
    assert {n: back.nodes[n]["label"] for n in back} == expected_nodes(net)
    assert {(s, k, o) for s, o, k in back.edges(keys=True)} == expected_edges(net)
    ids = [e["data"]["id"] for e in doc["elements"]["edges"]]
    assert len(ids) == len(set(ids))
    tan = back.nodes["https://w3id.org/sgcn/id/person/tan-mei-ling"]
    assert tan["aliases"] == ["Ms Tan"] and tan["type"] == "Person"


def test_csv_node_and_edge_lists_read_back_by_the_csv_module(graph, net):
    nodes = list(csv.DictReader(io.StringIO(export(graph, "csv-nodes").decode())))
    edges = list(csv.DictReader(io.StringIO(export(graph, "csv-edges").decode())))
    assert tuple(nodes[0]) == NODE_COLUMNS and tuple(edges[0]) == EDGE_COLUMNS
    assert {row["id"]: row["label"] for row in nodes} == expected_nodes(net)
    assert {(row["source"], row["relation"], row["target"]) for row in edges} == expected_edges(net)
    accord = [row for row in edges if row["relation"] == "party_to"]
    assert {row["source_label"] for row in accord} == {"Maritime Data Authority", "Xiamen Port Bureau"}
    forum = next(row for row in nodes if row["label"] == "Harbour Data Forum")
    assert (forum["start_date"], forum["end_date"], forum["aliases"]) == ("2019-05-01", "2019-05-02", "the forum")


def test_unknown_format_names_the_known_ones(graph):
    with pytest.raises(SgcnError, match="unknown export format 'xlsx'; known: turtle, ntriples"):
        export(graph, "xlsx")


def test_project_graph_exports_read_back_with_the_same_nodes_edges_and_labels(tmp_path):
    from sgcn.graph.sparql.query import default_graph_path

    project = Graph().parse(default_graph_path(), format="turtle")
    net = to_networkx(project)
    assert net.number_of_nodes() > 20
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        back = reader(io.BytesIO(export(project, fmt)))
        assert {n: back.nodes[n]["label"] for n in back} == expected_nodes(net), fmt
        assert {(s, d["relation"], o) for s, o, d in back.edges(data=True)} == expected_edges(net), fmt
    nodes = list(csv.DictReader(io.StringIO(export(project, "csv-nodes").decode())))
    assert {row["id"]: row["label"] for row in nodes} == expected_nodes(net)
    assert_same_graph(Graph().parse(data=export(project, "ntriples"), format="nt"), project)
    assert_same_graph(Graph().parse(data=export(project, "jsonld"), format="json-ld"), project)
    # the CLI (whatever store it loads the graph into) writes the same bytes
    for fmt in ("ntriples", "graphml"):
        assert main(["export", "--format", fmt, "--out", str(tmp_path / fmt)]) == 0
        assert (tmp_path / fmt).read_bytes() == export(project, fmt), fmt


def test_cli_export_writes_to_stdout_and_refuses_unknown_formats(capsysbinary):
    assert main(["export", "--graph", str(FIXTURE), "--format", "csv-edges"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"id,source,target,relation,")
    assert main(["export", "--graph", str(FIXTURE), "--format", "xlsx"]) == 2
    assert b"invalid choice: 'xlsx'" in capsysbinary.readouterr().err
