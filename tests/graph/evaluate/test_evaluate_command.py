"""``sgcn evaluate`` in-process on a real graph file, scored by hand."""

from __future__ import annotations

import json
import textwrap

import pytest

from sgcn.graph.rdf.build import build_graph
from sgcn.graph.cli import main
from sgcn.graph.rdf.serialize import write_turtle

# A gold a careful reader could write for the conftest's sample text (forum.txt): it
# types the fund a Project where the graph says Initiative, and it finds two facts the
# hand-made extraction lacks (the ministry organized the forum; the fund is about
# digital trade).
GOLD = textwrap.dedent("""\
    documents:
      forum.txt: 2024-05-14
    entities:
      - {id: forum, type: Event, names: [Harbourfront Forum 2024, the forum], sources: [forum.txt]}
      - {id: sg, type: Place, names: [Singapore], sources: [forum.txt]}
      - {id: tan, type: Person, names: [Tan Wei Ling, Senior Director Tan Wei Ling], sources: [forum.txt]}
      - {id: zhou, type: Person, names: [Zhou Ming], sources: [forum.txt]}
      - {id: mda, type: Organization, names: [Ministry of Digital Affairs, MDA], sources: [forum.txt]}
      - {id: fund, type: Project, names: [Open Ledger Fund], sources: [forum.txt]}
    relations:
      - [forum, held_in, sg, forum.txt]
      - [tan, co_chaired, forum, forum.txt]
      - [zhou, co_chaired, forum, forum.txt]
      - [tan, member_of, mda, forum.txt]
      - [mda, launched, fund, forum.txt]
      - [mda, organized, forum, forum.txt]
    roles:
      - {person: tan, role: Senior Director, organization: mda, source: forum.txt}
      - {person: zhou, role: Mayor, organization: "", source: forum.txt}
    events:
      - {event: forum, start: 2024-05-14, end: 2024-05-16, place: sg}
    figures:
      - {subject: forum, measure: delegates, value: 1200, unit: "", qualifier: more than, source: forum.txt}
      - {subject: fund, measure: fund_size, value: 40000000, unit: SGD, qualifier: "", source: forum.txt}
    topics:
      - {subject: forum, topic: artificial intelligence, source: forum.txt}
      - {subject: fund, topic: digital trade, source: forum.txt}
""")


@pytest.fixture
def sample(tmp_path, extraction):
    """The sample graph written to a file, and the gold beside it."""
    graph = write_turtle(build_graph([extraction]), tmp_path / "forum.ttl")
    gold = tmp_path / "gold.yaml"
    gold.write_text(GOLD, encoding="utf-8")
    return gold, graph


def test_scores_worked_out_by_hand(sample, capsys, tmp_path):
    """What the graph holds (tests/conftest.py) against the gold above:

    - entities: all 6 found, TP 6, F1 1; type right for 5 of 6 (the fund);
    - relations: the graph's 5 all in the gold, ``MDA organized the forum`` missed:
      P 1, R 5/6, F1 = 2 * 5/6 / (1 + 5/6) = 10/11 = 0.909;
    - roles: both found, F1 1; title overlap: Tan 1, Zhou "Deputy Mayor" against
      "Mayor" 1/2; mean 0.75;
    - events: found, start, end and place right; figures: both found, units and
      qualifiers right;
    - topics: the forum's found, the fund's missed: P 1, R 1/2, F1 2/3 = 0.667.
    Overall: (1 + 10/11 + 1 + 1 + 1 + 2/3) / 6 = 92/99 = 0.929.
    """
    gold, graph = sample
    out = tmp_path / "scores.json"
    assert main(["evaluate", str(gold), "--graph", str(graph), "--show-misses", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.splitlines()[0] == (f"gold: {gold} (1 documents, 6 required entities); graph: {graph}")
    table = {line.split()[0]: line.split() for line in printed.splitlines() if line[:1].isalpha()}
    assert table["entities"][1:7] == ["1.000", "1.000", "1.000", "6", "0", "0"]
    assert table["relations"][1:7] == ["1.000", "0.833", "0.909", "5", "0", "1"]
    assert table["topics"][1:7] == ["1.000", "0.500", "0.667", "1", "0", "1"]
    assert printed.rstrip().endswith("overall F1 0.929")
    assert "type 5/6, preferred label 6/6" in printed
    assert "role text overlap 0.75" in printed
    assert ("Ministry of Digital Affairs -[organized]-> Harbourfront Forum 2024   [forum.txt]   "
            "-- the graph does not relate them") in printed
    assert "Open Ledger Fund -> digital trade   [forum.txt]   -- the graph gives it no topic" in printed
    assert "type: Open Ledger Fund: the graph says Initiative, the gold Project" in printed

    scores = json.loads(out.read_text(encoding="utf-8"))
    assert scores["overall_f1"] == pytest.approx(92 / 99)
    assert scores["questions"]["relations"]["recall"] == pytest.approx(5 / 6)
    assert scores["questions"]["roles"]["role_text_overlap"] == pytest.approx(0.75)
    assert scores["questions"]["entities"]["accuracy"]["type"] == {"right": 5, "of": 6, "share": 5 / 6}
    assert scores["questions"]["topics"]["missing"] == [
        {"text": "Open Ledger Fund -> digital trade", "sources": ["forum.txt"],
         "reason": "the graph gives it no topic"}]


def test_without_show_misses_only_the_table(sample, capsys):
    gold, graph = sample
    assert main(["evaluate", str(gold), "--graph", str(graph)]) == 0
    printed = capsys.readouterr().out
    assert "missed (the gold has it" not in printed and "overall F1 0.929" in printed


def test_a_gold_with_a_slip_is_refused_with_its_line(sample, capsys):
    gold, graph = sample
    gold.write_text(GOLD.replace("[mda, organized, forum, forum.txt]", "[mda, organised, forum, forum.txt]"),
                    encoding="utf-8")
    assert main(["evaluate", str(gold), "--graph", str(graph)]) == 2
    err = capsys.readouterr().err
    assert f"{gold}:16: relation #6: relation 'organised' is not one of co_chaired" in err


def test_a_missing_graph_is_bad_input(sample, capsys, tmp_path):
    gold, _ = sample
    assert main(["evaluate", str(gold), "--graph", str(tmp_path / "none.ttl")]) == 2
    assert "none.ttl: no such graph file" in capsys.readouterr().err
