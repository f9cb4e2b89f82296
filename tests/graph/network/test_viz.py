"""The viz page as a file: self-contained, escaped, holding the network it was given."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from sgcn.graph.cli import main
from sgcn.graph.network.model import find_entity, to_networkx
from sgcn.graph.network.viz import FRAME, json_for_html, label_width, layout, render, select, short_label, style, write_page
from sgcn.loaders.errors import SgcnError
from sgcn.loaders.facts import ENTITY_TYPES

FIXTURE = Path(__file__).parents[2] / "data" / "network" / "fixture.ttl"

HOSTILE = '</script><script>window.__pwned=1</script><!-- " onmouseover="window.__pwned=2" \u2028 & <b>'


@pytest.fixture(scope="module")
def net():
    return to_networkx(Graph().parse(FIXTURE))


def page_data(page: str) -> dict:
    """The JSON data block of a page, parsed as the browser would."""
    match = re.search(r'<script type="application/json" id="sgcn-data">(.*?)</script>', page, re.S)
    assert match, "no data block in the page"
    return json.loads(match.group(1))


def test_page_is_self_contained(net):
    page = render(net, title="fixture")
    assert page.startswith("<!DOCTYPE html>")
    assert "@version 9.1.2" in page  # vis-network inlined
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page, re.I), "page loads something from the web"
    assert "cdn" not in page.lower()
    assert "Content-Security-Policy" in page


def test_page_holds_every_node_and_edge_with_its_tooltip_data(net):
    data = page_data(render(net))
    assert len(data["nodes"]) == net.number_of_nodes() and len(data["edges"]) == net.number_of_edges()
    tan = next(n for n in data["nodes"] if n["name"] == "Tan Mei Ling")
    assert tan["type"] == "Person" and tan["aliases"] == ["Ms Tan"]
    assert tan["roles"] == ["Minister, Maritime Data Authority (2021-03)"]
    assert tan["degree"] == 2
    person = next(t for t in data["types"] if t["name"] == "Person")  # the page colours nodes by their type's style
    assert (person["color"], person["shape"]) == (style()["types"]["Person"]["color"], style()["types"]["Person"]["shape"])
    # size and label rank follow the degree: the most connected first
    by_rank = sorted(data["nodes"], key=lambda n: n["rank"])
    assert [n["degree"] for n in by_rank] == sorted((n["degree"] for n in data["nodes"]), reverse=True)
    assert by_rank[0]["size"] == max(n["size"] for n in data["nodes"])
    names = {n["id"]: n["name"] for n in data["nodes"]}
    held = next(e for e in data["edges"] if e["relation"] == "held_in")
    assert (names[held["from"]], held["relation"], names[held["to"]]) == ("Harbour Data Forum", "held_in", "Xiamen")
    # the evidence locates the quote in its document, for the link to the document page
    assert [data["evidence"][i] for i in held["evidence"]] == [{
        "quote": "The forum was held in Xiamen.", "source": "a.txt", "date": "2019-05-02", "doc": "a-txt", "start": 68, "end": 97}]
    assert held["years"] == [2019]
    # a sentence backing two relations is in the page once
    co_chaired = [e for e in data["edges"] if e["relation"] == "co_chaired"]
    assert len(co_chaired) == 2 and co_chaired[0]["evidence"] == co_chaired[1]["evidence"]
    assert len(data["evidence"]) == len({(q["doc"], q["start"], q["end"]) for q in data["evidence"]})
    assert {t["name"] for t in data["types"]} == {"Person", "Organization", "Place", "Event", "Agreement", "Initiative"}
    # the legend says what each edge colour means
    assert {r["name"]: r["color"] for r in data["relations"]} == {
        r: style()["relations"][r] for r in ("co_chaired", "held_in", "party_to", "launched", "member_of")}
    assert data["years"] == [2019, 2021] and data["alone"] == 1  # Singapore: named, related to nothing
    assert data["server"] == "http://127.0.0.1:8000"
    assert page_data(render(net, server=""))["server"] == ""


def test_long_names_are_shortened_on_the_canvas_only():
    long = "videoconference between MTI Deputy Secretary of Trade Luke Goh and Chongqing Vice Mayor Li Bo"
    net = nx.MultiDiGraph()
    net.add_node("urn:v", type="Event", label=long)
    net.add_node("urn:p", type="Person", label="Luke Goh")
    net.add_edge("urn:p", "urn:v", key="participated_in", relation="participated_in")
    nodes = {n["iri"]: n for n in page_data(render(net))["nodes"]}
    assert nodes["urn:v"]["name"] == long  # whole in the tooltip, the search and the details
    assert nodes["urn:v"]["short"] == short_label(long) == "videoconference between MTI\u2026"
    assert len(nodes["urn:v"]["short"]) <= style()["labels"]["characters"]
    assert nodes["urn:p"]["short"] == "Luke Goh"


def test_every_string_is_escaped_in_the_page():
    net = nx.MultiDiGraph()
    net.add_node("urn:x", type="Person", label=HOSTILE, aliases=(HOSTILE,), roles=(HOSTILE,), sources=(HOSTILE,))
    net.add_node("urn:y", type="Event", label="Safe")
    net.add_edge("urn:x", "urn:y", key="participated_in", relation="participated_in",
                 evidence=({"quote": HOSTILE, "source": HOSTILE, "date": ""},))
    page = render(net, title=HOSTILE)
    benign = render(nx.MultiDiGraph(), title="benign")  # template + inlined vis-network
    for marker in ("</script", "<script", "<!--", "<b>", "\u2028"):
        assert page.count(marker) == benign.count(marker), marker
    assert '" onmouseover="window' not in page  # its quotes are escaped wherever it stands
    data = page_data(page)
    person = next(n for n in data["nodes"] if n["iri"] == "urn:x")
    assert person["name"] == person["aliases"][0] == person["roles"][0] == HOSTILE
    assert data["evidence"][data["edges"][0]["evidence"][0]]["quote"] == HOSTILE
    assert data["title"] == HOSTILE
    # the page's own script never hands graph strings to the HTML parser
    own_script = benign.rsplit('id="sgcn-data">', 1)[1]
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", own_script)


def test_json_for_html_round_trips():
    value = {"a": HOSTILE, "b": ["\u2029", "&amp;"]}
    assert json.loads(json_for_html(value)) == value


def test_positions_come_with_the_page_and_physics_is_off(net):
    data = page_data(render(net))
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])


def test_layout_is_deterministic_fills_the_frame_and_shelves_the_unrelated(net):
    first, second = layout(net), layout(net)
    assert first == second and set(first) == set(net)
    assert len({xy for xy in first.values()}) == net.number_of_nodes()
    alone = find_entity(net, "Singapore")
    related = [xy for node, xy in first.items() if node != alone]
    xs, ys = [x for x, _ in related], [y for _, y in related]
    assert max(xs) - min(xs) <= FRAME[0] + 1 and max(ys) - min(ys) <= FRAME[1] + 1
    assert max(max(xs) - min(xs), max(ys) - min(ys)) >= 0.9 * min(FRAME)  # stretched to it
    assert first[alone][1] > max(ys)  # the entity with no relation sits below the picture


def test_layout_makes_room_for_the_labels_of_the_most_connected():
    # a star: every spoke's label wants the same place under the hub at first
    net = nx.MultiDiGraph()
    for i in range(12):
        net.add_edge("hub", f"spoke{i}", key="part_of", relation="part_of")
    for node in net:
        net.nodes[node].update(label=f"A rather long name {node}", type="Event")
    pos = layout(net)
    height = style()["labels"]["size"]
    boxes = [(pos[n][0] - label_width(short_label(f"A rather long name {n}")) / 2, pos[n][1],
              pos[n][0] + label_width(short_label(f"A rather long name {n}")) / 2, pos[n][1] + height) for n in net]
    overlaps = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
    assert overlaps == []


def test_select_focus_types_relations_and_years(net):
    ego = select(net, focus="MDA", depth=1)
    assert sorted(ego.nodes[n]["label"] for n in ego) == [
        "Maritime Data Authority", "Open Ledger Initiative", "Port Data Accord", "Tan Mei Ling"]
    people = select(net, types=["Person"])
    assert {people.nodes[n]["type"] for n in people} == {"Person"}
    assert {k for *_, k in select(net, relations=["party_to"]).edges(keys=True)} == {"party_to"}
    assert {k for *_, k in select(net, since=2021, until=2021).edges(keys=True)} == {"launched", "member_of"}
    with pytest.raises(SgcnError, match="no entity is named"):
        select(net, focus="Nobody")


def test_style_covers_every_entity_type():
    assert set(style()["types"]) == set(ENTITY_TYPES)


def test_write_page_is_utf8_and_refuses_other_suffixes(tmp_path):
    out = write_page(render(nx.MultiDiGraph(), title="Chongqing 重庆"), tmp_path / "p.html")
    assert "重庆" in out.read_bytes().decode("utf-8")
    with pytest.raises(SgcnError, match="ending in .html"):
        write_page("x", tmp_path / "p.ttl")


def test_cli_viz_writes_the_page(tmp_path, capsys):
    out = tmp_path / "ego.html"
    assert main(["viz", "--graph", str(FIXTURE), "--out", str(out), "--focus", "Xiamen", "--depth", "2"]) == 0
    assert "4 entities, 3 relations" in capsys.readouterr().out
    data = page_data(out.read_text(encoding="utf-8"))
    assert sorted(n["name"] for n in data["nodes"]) == ["Harbour Data Forum", "Tan Mei Ling", "Xiamen", "Zhou Wen"]
    assert [n["name"] for n in data["nodes"] if n["id"] == data["focus"]] == ["Xiamen"]
    assert main(["viz", "--graph", str(FIXTURE), "--out", str(out), "--types", "Person", "--since", "2021"]) == 0


def test_cli_viz_errors_name_the_problem(tmp_path, capsys):
    assert main(["viz", "--graph", str(FIXTURE), "--out", str(tmp_path / "x.html"), "--focus", "Atlantis"]) == 2
    assert "no entity is named 'Atlantis'" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()
    assert main(["viz", "--graph", str(FIXTURE), "--types", "Dragon"]) == 2
    assert main(["viz", "--graph", str(FIXTURE), "--out", str(tmp_path / "x.html"), "--server", "javascript:alert(1)"]) == 2
    assert "the server is an http(s) URL" in capsys.readouterr().err
    assert main(["viz", "--graph", str(tmp_path / "missing.ttl"), "--out", str(tmp_path / "x.html")]) == 2
