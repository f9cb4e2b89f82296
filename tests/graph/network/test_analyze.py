"""Centrality, Singapore-China bridges, communities and evidenced paths over the network."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
import yaml
from rdflib import Graph

from sgcn.graph.network.analyze import (
    BILATERAL,
    CHINA,
    SINGAPORE,
    bridges,
    centrality,
    communities,
    format_path,
    path,
    report,
    side_of,
    side_rules,
    sides,
)
from sgcn.graph.cli import main
from sgcn.graph.network.model import to_networkx
from sgcn.loaders.errors import SgcnError
from sgcn.loaders.extract.gazetteer import lookup

FIXTURE = Path(__file__).parents[2] / "data" / "network" / "fixture.ttl"
SIDES = Path(__file__).parents[3] / "graph" / "rdf" / "sides.yaml"


@pytest.fixture(scope="module")
def net():
    return to_networkx(Graph().parse(FIXTURE))


def network(entities: dict[str, str], relations: list[tuple[str, str, str]]) -> nx.MultiDiGraph:
    """A network from ``{label: type}`` and ``(subject, relation, object)`` labels."""
    made = nx.MultiDiGraph()
    for label, kind in entities.items():
        made.add_node(f"urn:{label}", label=label, type=kind, aliases=())
    for s, relation, o in relations:
        evidence = ({"quote": f"{s} {relation.replace('_', ' ')} {o}.", "source": "own.txt", "date": "2022"},)
        made.add_edge(f"urn:{s}", f"urn:{o}", key=relation, relation=relation, evidence=evidence)
    return made


def test_every_label_of_the_side_table_is_a_gazetteer_entry():
    table = yaml.safe_load(SIDES.read_text(encoding="utf-8"))["sides"]
    assert set(table) == {SINGAPORE, CHINA}
    for side in table.values():
        for label in side["places"] + side["organizations"]:
            entry = lookup(label)
            assert entry is not None and entry.label == label, label


def test_side_from_table_names_bilateral_names_and_linked_places():
    made = network(
        {
            "MTI": "Organization",
            "Chengdu Data Exchange": "Organization",
            "Singaporean Fintech Association": "Organization",
            "Sino-Singapore Digital Company": "Organization",
            "China-Singapore Data Lab": "Organization",
            "Harbour Office": "Organization",
            "Xiamen": "Place",
            "Data Pact": "Agreement",
        },
        [("Harbour Office", "party_to", "Data Pact"), ("Xiamen", "party_to", "Data Pact")],
    )
    made.nodes["urn:MTI"]["aliases"] = ("Ministry of Trade and Industry",)
    # a Place related straight to the organization decides when nothing else does
    made.add_edge("urn:Harbour Office", "urn:Xiamen", key="collaborates_with", relation="collaborates_with", evidence=())
    got = {made.nodes[n]["label"]: side_of(made, n) for n in made}
    assert got == {
        "MTI": SINGAPORE,
        "Chengdu Data Exchange": CHINA,
        "Singaporean Fintech Association": SINGAPORE,
        "Sino-Singapore Digital Company": BILATERAL,
        "China-Singapore Data Lab": BILATERAL,
        "Harbour Office": CHINA,
        "Xiamen": CHINA,
        "Data Pact": None,
    }
    assert "Xiamen" not in {made.nodes[n]["label"] for n in sides(made)}  # only organizations
    assert side_rules().words["prc"] == CHINA  # gazetteer aliases of a side's places count


def test_bridges_are_the_entities_between_the_two_sides():
    made = network(
        {
            "Infocomm Media Development Authority": "Organization",
            "Enterprise Singapore": "Organization",
            "Chongqing Municipal People's Government": "Organization",
            "Chongqing Data Bureau": "Organization",
            "Data Week": "Event",
            "Ana Lim": "Person",
            "Lone Office": "Organization",
        },
        [
            ("Infocomm Media Development Authority", "organized", "Data Week"),
            ("Chongqing Municipal People's Government", "organized", "Data Week"),
            ("Ana Lim", "member_of", "Enterprise Singapore"),
            ("Ana Lim", "participated_in", "Data Week"),
            ("Chongqing Data Bureau", "collaborates_with", "Chongqing Municipal People's Government"),
            ("Lone Office", "collaborates_with", "Enterprise Singapore"),
        ],
    )
    rows = bridges(made)
    # Data Week is on all four Singapore x China pairs' paths; Ana Lim on Enterprise
    # Singapore's two, the Chongqing government on the Chongqing Data Bureau's two.
    assert [(r["label"], r["score"]) for r in rows] == [
        ("Data Week", 1.0), ("Ana Lim", 0.5), ("Chongqing Municipal People's Government", 0.5)]
    week = rows[0]
    assert week["score"] == 1.0  # every Singapore-China pair's shortest path runs through it
    assert (week["singapore_neighbours"], week["china_neighbours"]) == (1, 1)
    assert "Lone Office" not in {r["label"] for r in rows}


def test_no_bridges_without_both_sides(net):
    assert bridges(net) == []


def test_centrality_ranks_people_and_organizations(net):
    ranked = centrality(net, top=5)
    assert set(ranked) == {"Person", "Organization"}
    assert [r["label"] for r in ranked["Person"]] == ["Tan Mei Ling", "Zhou Wen"]
    assert ranked["Person"][0]["betweenness"] > ranked["Person"][1]["betweenness"]
    assert ranked["Organization"][0]["label"] == "Maritime Data Authority"
    assert ranked["Organization"][0]["degree"] == 3


def test_communities_split_two_groups_joined_by_one_relation():
    made = nx.MultiDiGraph()
    for group in ("ab", "xy"):
        for i in range(4):
            for j in range(i + 1, 4):
                made.add_edge(f"{group}{i}", f"{group}{j}", key="collaborates_with")
    made.add_edge("ab0", "xy0", key="collaborates_with")
    for n in made:
        made.nodes[n].update(label=n, type="Organization")
    found = communities(made)
    assert [c["size"] for c in found] == [4, 4]
    assert {frozenset(m["label"][:2] for m in c["members"]) for c in found} == {frozenset({"ab"}), frozenset({"xy"})}


def test_path_gives_each_step_with_its_evidence(net):
    steps = path(net, "Mr Zhou", "xiamen")
    assert [(s["from"]["label"], s["to"]["label"]) for s in steps] == [
        ("Zhou Wen", "Harbour Data Forum"),
        ("Harbour Data Forum", "Xiamen"),
    ]
    first = steps[0]["relations"][0]
    assert (first["relation"], first["direction"]) == ("co_chaired", "forward")
    assert first["evidence"][0]["quote"] == "The Harbour Data Forum was co-chaired by Tan Mei Ling and Zhou Wen."
    text = format_path(steps)
    assert "Zhou Wen -[co_chaired]-> Harbour Data Forum" in text
    assert '"The forum was held in Xiamen." (a.txt)' in text


def test_path_errors_name_the_problem(net):
    with pytest.raises(SgcnError, match="no chain of relations links 'Singapore' and 'Xiamen'"):
        path(net, "Singapore", "Xiamen")
    with pytest.raises(SgcnError, match="no entity is named 'Atlantis'"):
        path(net, "Atlantis", "Xiamen")


def test_cli_analyze_prints_the_report_and_paths(capsys):
    assert main(["analyze", "--graph", str(FIXTURE), "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert "Most central persons" in out and "Tan Mei Ling" in out
    assert "Bridges between Singapore-side and China-side organizations" in out
    assert "Communities (Louvain)" in out
    assert main(["analyze", "--graph", str(FIXTURE), "--path", "Zhou Wen", "Xiamen"]) == 0
    assert "Harbour Data Forum -[held_in]-> Xiamen" in capsys.readouterr().out
    assert main(["analyze", "--graph", str(FIXTURE), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["entities"] == 9
    assert main(["analyze", "--graph", str(FIXTURE), "--path", "Zhou Wen", "Atlantis"]) == 2
    assert "no entity is named 'Atlantis'" in capsys.readouterr().err


def test_the_project_graph_has_both_sides_and_bridges_between_them():
    from sgcn.graph.sparql.query import default_graph_path, load_graph

    project = to_networkx(load_graph(default_graph_path(), store="memory"))
    data = report(project, top=5)
    assert data["sides"][SINGAPORE] > 0 and data["sides"][CHINA] > 0
    assert data["bridges"] and all(0 < r["score"] <= 1 for r in data["bridges"])
    assert len(data["central"]["Person"]) == 5 and data["communities"]


def test_the_side_rules_read_the_gazetteers_places_as_the_gazetteer_does():
    """sgcn.graph.rdf.sides reads gazetteer.yaml itself (importing the extraction package
    would cost seconds); it must find the same places with the same names."""
    from sgcn.graph.rdf.sides import place_names
    from sgcn.loaders.extract.gazetteer import entries

    assert place_names() == {e.label: e.names for e in entries() if e.type == "Place"}
