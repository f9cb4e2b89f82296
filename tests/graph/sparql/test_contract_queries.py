"""The 7 contract queries: headers, exact columns, and answers on a hand-made graph."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Literal

from sgcn.graph.rdf.build import build_graph
from sgcn.graph.rdf.namespace import SKOS
from sgcn.graph.rdf.iris import mint
from sgcn.graph.sparql.query import query_header, run_query
from sgcn.loaders.facts import EventTime

REPO = Path(__file__).resolve().parents[3]
CONTRACT = REPO / "docs" / "spec" / "competency-questions.md"
CONTRACT_QUERIES = ("entities", "relations", "roles", "events", "figures", "topics", "evidence")


def contract_columns() -> dict[str, list[str]]:
    """Query name -> the columns of the first table under its heading in competency-questions.md."""
    columns: dict[str, list[str]] = {}
    name, in_table = None, False
    for line in CONTRACT.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"## \d+\. `([a-z]+)`", line)
        if heading:
            name, in_table = heading.group(1), False
            columns[name] = []
            continue
        if name is None:
            continue
        if line.startswith("|"):
            in_table = True
            cell = re.match(r"\| ([a-z_]+) \|", line)
            if cell and cell.group(1) != "column":
                columns[name].append(cell.group(1))
        elif in_table:
            name = None
    return columns


def test_contract_lists_every_query():
    assert sorted(contract_columns()) == sorted(CONTRACT_QUERIES)


@pytest.mark.parametrize("name", CONTRACT_QUERIES)
def test_query_header_and_columns(name, extraction):
    header = query_header(name)
    assert {"title", "returns", "params"} <= set(header)
    columns, rows = run_query(name, build_graph([extraction]))
    assert columns == contract_columns()[name]
    assert rows, f"{name} answered nothing on the sample graph"


def test_entities_aliases_sorted_and_joined(extraction):
    graph = build_graph([extraction])
    fund = mint("Initiative", "Open Ledger Fund")
    for alias in ("OLF", "the Fund", "Ledger Fund"):
        graph.add((fund, SKOS.altLabel, Literal(alias)))
    rows = {r["label"]: r for r in run_query("entities", graph)[1]}
    assert rows["Open Ledger Fund"]["aliases"] == "Ledger Fund | OLF | the Fund"
    assert rows["Open Ledger Fund"]["type"] == "Initiative"
    assert rows["Singapore"]["aliases"] == ""


def test_answers_on_the_sample_graph(extraction):
    graph = build_graph([extraction])
    assert run_query("roles", graph)[1] == [
        {"person": "Tan Wei Ling", "role": "Senior Director", "organization": "Ministry of Digital Affairs",
         "as_of": "2024-05-14", "source": "forum.txt"},
        {"person": "Zhou Ming", "role": "Deputy Mayor", "organization": "", "as_of": "2024-05-14",
         "source": "forum.txt"},
    ]
    assert run_query("events", graph)[1] == [
        {"event": "Harbourfront Forum 2024", "start": "2024-05-14", "end": "2024-05-16", "place": "Singapore"}
    ]
    figures = run_query("figures", graph)[1]
    assert [(f["subject"], f["value"], f["unit"], f["qualifier"]) for f in figures] == [
        ("Harbourfront Forum 2024", "1200", "", "more than"),
        ("Open Ledger Fund", "40000000", "SGD", ""),
    ]
    evidence = run_query("evidence", graph)[1]
    predicates = {r["predicate"] for r in evidence}
    assert {"co_chaired", "held_in", "type", "start", "end", "delegates", "Senior Director"} <= predicates


def test_relations_one_row_per_source(make_extraction):
    graph = build_graph([make_extraction(source="a.txt"), make_extraction(source="b.txt")])
    rows = run_query("relations", graph)[1]
    held = [r for r in rows if r["relation"] == "held_in"]
    assert held == [
        {"subject": "Harbourfront Forum 2024", "relation": "held_in", "object": "Singapore", "source": "a.txt"},
        {"subject": "Harbourfront Forum 2024", "relation": "held_in", "object": "Singapore", "source": "b.txt"},
    ]


def test_order_is_deterministic(extraction):
    graph = build_graph([extraction])
    for name in CONTRACT_QUERIES:
        assert run_query(name, graph) == run_query(name, build_graph([extraction]))


def test_events_prefer_the_most_precise_dates(make_extraction):
    first, second = make_extraction(source="a.txt"), make_extraction(source="b.txt")
    vaguer = EventTime(first.event_times[0].event, "2024", "2024-05", first.event_times[0].evidence)
    graph = build_graph([replace(first, event_times=(vaguer,)), second])
    assert run_query("events", graph)[1] == [
        {"event": "Harbourfront Forum 2024", "start": "2024-05-14", "end": "2024-05-16", "place": "Singapore"}
    ]
    graph = build_graph([replace(first, event_times=(vaguer,))])
    assert run_query("events", graph)[1][0]["start"] == "2024"
    assert run_query("events", graph)[1][0]["end"] == "2024-05"


@pytest.mark.parametrize("name", CONTRACT_QUERIES)
def test_returns_header_lists_the_contract_columns(name):
    """``sgcn evaluate`` checks answers against the ``# returns:`` header: it must say the contract's columns."""
    from sgcn.graph.evaluate.run import returned_columns
    from sgcn.graph.sparql.library import library

    assert returned_columns(library()[name].returns) == contract_columns()[name]


def test_an_event_dated_by_two_sources_has_one_start_date_and_keeps_both_positions(make_extraction):
    """Two sources date one beginning at two precisions (OWL-Time positions of one instant):
    schema:startDate is the most precise, each position keeps its evidence, and the
    timeline gives one row per participation, not one per start date."""
    from rdflib.namespace import SDO

    first, second = make_extraction(source="a.txt"), make_extraction(source="b.txt")
    vaguer = EventTime(first.event_times[0].event, "2024", "", first.event_times[0].evidence)
    graph = build_graph([replace(first, event_times=(vaguer,)), second])
    forum = mint("Event", "Harbourfront Forum 2024")
    assert [str(d) for d in graph.objects(forum, SDO.startDate)] == ["2024-05-14"]
    rows = run_query("evidence", graph)[1]
    starts = sorted((r["object"], r["source"]) for r in rows if r["subject"] == "Harbourfront Forum 2024"
                    and r["predicate"] == "start")
    assert starts == [("2024", "a.txt"), ("2024-05-14", "b.txt")]
    timeline = run_query_with("entity-timeline", graph, entity=mint("Person", "Tan Wei Ling"))
    chaired = [(r["start"], r["source"]) for r in timeline if r["relation"] == "co_chaired"]
    assert chaired == [("2024-05-14", "a.txt"), ("2024-05-14", "b.txt")]


def run_query_with(name: str, graph, **params) -> list[dict[str, str]]:
    from sgcn.graph.sparql.params import bind
    from sgcn.graph.sparql.library import query_text
    from sgcn.graph.sparql.store import from_rdflib_graph, iter_rows, run_query as run

    answer = run(from_rdflib_graph(graph, store="oxigraph"), bind(query_text(name), params))
    return [dict(zip(answer.variables, (str(c.value) if c else "" for c in row))) for row in iter_rows(answer)]
