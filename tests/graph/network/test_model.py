"""The RDF graph -> networkx conversion every view of the network starts from."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from sgcn.graph.rdf.iris import ID
from sgcn.graph.network.model import (
    EntityNotFound,
    ego_network,
    filter_network,
    find_entity,
    simple_graph,
    to_networkx,
)

FIXTURE = Path(__file__).parents[2] / "data" / "network" / "fixture.ttl"


@pytest.fixture(scope="module")
def net():
    return to_networkx(Graph().parse(FIXTURE))


def test_every_entity_is_a_node_with_its_type_label_and_aliases(net):
    nodes = {net.nodes[n]["label"]: (net.nodes[n]["type"], net.nodes[n]["aliases"]) for n in net}
    assert nodes == {
        "Tan Mei Ling": ("Person", ("Ms Tan",)),
        "Zhou Wen": ("Person", ("Mr Zhou",)),
        "Maritime Data Authority": ("Organization", ("MDA",)),
        "Xiamen Port Bureau": ("Organization", ()),
        "Singapore": ("Place", ()),
        "Xiamen": ("Place", ()),
        "Harbour Data Forum": ("Event", ("the forum",)),
        "Port Data Accord": ("Agreement", ()),
        "Open Ledger Initiative": ("Initiative", ()),
    }
    assert all(n.startswith(ID) for n in net)


def test_every_relation_is_an_edge_keyed_by_its_contract_name(net):
    label = lambda n: net.nodes[n]["label"]  # noqa: E731
    edges = {(label(s), k, label(o)) for s, o, k in net.edges(keys=True)}
    assert edges == {
        ("Tan Mei Ling", "co_chaired", "Harbour Data Forum"),
        ("Zhou Wen", "co_chaired", "Harbour Data Forum"),
        ("Harbour Data Forum", "held_in", "Xiamen"),
        ("Maritime Data Authority", "party_to", "Port Data Accord"),
        ("Xiamen Port Bureau", "party_to", "Port Data Accord"),
        ("Maritime Data Authority", "launched", "Open Ledger Initiative"),
        ("Tan Mei Ling", "member_of", "Maritime Data Authority"),
    }


def test_edges_carry_evidence_quote_source_offsets_and_year(net):
    forum = find_entity(net, "Harbour Data Forum")
    data = net.edges[forum, find_entity(net, "Xiamen"), "held_in"]
    assert data["relation"] == "held_in"
    assert data["evidence"] == ({"quote": "The forum was held in Xiamen.", "source": "a.txt", "date": "2019-05-02",
                                 "document": "https://w3id.org/sgcn/id/document/a-txt", "start": 68, "end": 97},)
    assert data["sources"] == ("a.txt",)
    assert data["years"] == (2019,)


def test_nodes_carry_roles_sources_years_and_event_dates(net):
    tan = net.nodes[find_entity(net, "Tan Mei Ling")]
    assert tan["roles"] == ("Minister, Maritime Data Authority (2021-03)",)
    assert tan["sources"] == ("a.txt", "b.txt")
    assert tan["years"] == (2019, 2021)
    forum = net.nodes[find_entity(net, "the forum")]
    assert (forum["start"], forum["end"]) == ("2019-05-01", "2019-05-02")
    # Singapore is in the graph but no source is linked to it: no years, no sources.
    assert net.nodes[find_entity(net, "Singapore")]["years"] == ()


def test_find_entity_by_iri_label_or_alias_ignoring_case_and_punctuation(net):
    mda = f"{ID}organization/maritime-data-authority"
    assert find_entity(net, mda) == mda
    assert find_entity(net, "maritime data authority") == mda
    assert find_entity(net, "M.D.A.") == mda


def test_find_entity_refuses_unknown_and_ambiguous_names(net):
    with pytest.raises(EntityNotFound, match="no entity is named 'Nobody'"):
        find_entity(net, "Nobody")
    twin = net.copy()
    twin.add_node("urn:other", label="Other", aliases=("MDA",))
    with pytest.raises(EntityNotFound, match="names 2 entities"):
        find_entity(twin, "MDA")


def test_ego_network_follows_relations_both_ways(net):
    labels = lambda g: sorted(g.nodes[n]["label"] for n in g)  # noqa: E731
    assert labels(ego_network(net, "Xiamen", depth=1)) == ["Harbour Data Forum", "Xiamen"]
    assert labels(ego_network(net, "Xiamen", depth=2)) == ["Harbour Data Forum", "Tan Mei Ling", "Xiamen", "Zhou Wen"]
    with pytest.raises(EntityNotFound):
        ego_network(net, "Atlantis")


def test_filter_by_year_keeps_what_the_sources_of_those_years_say(net):
    part = filter_network(net, since=2021)
    labels = {part.nodes[n]["label"] for n in part}
    assert "Open Ledger Initiative" in labels and "Zhou Wen" not in labels
    assert {k for *_, k in part.edges(keys=True)} == {"launched", "member_of"}
    early = filter_network(net, until=2020)
    assert {k for *_, k in early.edges(keys=True)} == {"co_chaired", "held_in", "party_to"}


def test_filter_by_type_and_relation(net):
    part = filter_network(net, types=["Person", "Event"], relations=["co_chaired"])
    assert {part.nodes[n]["type"] for n in part} == {"Person", "Event"}
    assert part.number_of_edges() == 2
    with pytest.raises(Exception, match="unknown relation"):
        filter_network(net, relations=["likes"])
    with pytest.raises(Exception, match="unknown entity type"):
        filter_network(net, types=["Dragon"])


def test_simple_graph_merges_parallel_relations(net):
    simple = simple_graph(net)
    assert simple.number_of_nodes() == net.number_of_nodes()
    assert simple.number_of_edges() == 7
