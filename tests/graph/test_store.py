"""The embedded stores: loading, errors, and the same answers from both."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from sgcn.graph.params import QueryError
from sgcn.graph.query import Target, execute, library
from sgcn.graph.store import STORES, from_rdflib_graph, load_graph, parse_graph, run_query
from sgcn.loaders.errors import SgcnError

ROOT = Path(__file__).resolve().parents[2]
NUMERIC = ("integer", "decimal", "double", "float", "int", "long")


def _generator():
    spec = importlib.util.spec_from_file_location("generate_graph", ROOT / "benchmarks" / "generate_graph.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthetic():
    """A small synthetic graph in our ontology (4 releases' worth: rdflib's engine is slow), in rdflib."""
    return _generator().synthetic_graph(4, seed=5)


def params_for(name: str, target: Target) -> dict[str, str]:
    """Parameters to run a library query with, picked from the graph itself."""
    people = [row[0].value for row in target.run(
        "SELECT ?p WHERE { ?p a <https://w3id.org/sgcn/ontology#Person> } ORDER BY ?p LIMIT 2").fetch()]
    return {
        "entity-facts": {"entity": people[0]}, "entity-graph": {"entity": people[0]},
        "entity-timeline": {"entity": people[0]}, "entity-lookup": {"name": "Singapore"},
        "shortest-chain": {"from": people[0], "to": people[1]},
        "figures-by-measure": {"measure": "fund_size"},
    }.get(name, {})


def _comparable(term):
    if term is None:
        return None
    if term.kind == "literal" and term.datatype and term.datatype.rsplit("#", 1)[-1] in NUMERIC:
        return ("number", Decimal(term.value))
    return (term.kind, term.value, term.lang)


def answer_of(target: Target, name: str):
    answer = execute(target, name=name, params=params_for(name, target))
    if answer.type == "SELECT":
        return answer.variables, sorted((tuple(map(_comparable, row)) for row in answer.rows), key=repr)
    return to_isomorphic(answer.graph)


def test_both_stores_give_the_same_answers_to_every_library_query(synthetic):
    memory, oxigraph = (Target(graph=from_rdflib_graph(synthetic, store)) for store in ("memory", "oxigraph"))
    answered = 0
    for name in library():
        expected, got = answer_of(memory, name), answer_of(oxigraph, name)
        if isinstance(expected, tuple):
            assert got[0] == expected[0], name
            assert got[1] == expected[1], f"{name}: the stores disagree"
            answered += bool(expected[1])
        else:
            _, only_memory, only_oxigraph = graph_diff(expected, got)
            assert isomorphic(expected, got), f"{name}: {sorted(only_memory)[:3]} vs {sorted(only_oxigraph)[:3]}"
            answered += bool(len(expected))
    assert answered >= len(library()) - 2  # nearly every query finds something in the synthetic graph


@pytest.mark.parametrize("store", STORES)
def test_load_errors_name_the_file(tmp_path, store):
    with pytest.raises(SgcnError, match="missing.ttl: no such graph file"):
        load_graph(tmp_path / "missing.ttl", store=store)
    bad = tmp_path / "bad.ttl"
    bad.write_text("<https://x/a> <https://x/p> oops .", encoding="utf-8")
    with pytest.raises(SgcnError, match="bad.ttl: cannot read"):
        load_graph(bad, store=store)
    odd = tmp_path / "g.xyz"
    odd.write_text("", encoding="utf-8")
    with pytest.raises(SgcnError, match="unknown RDF format"):
        load_graph(odd, store=store)


@pytest.mark.parametrize("store", STORES)
def test_malformed_queries_and_updates_are_query_errors(store):
    graph = parse_graph('<https://x/a> <https://x/p> "b" .', format="nt", store=store)
    for text in ("SELECT ?s WHERE { ?s ", "DROP ALL", "INSERT DATA { <https://x/c> <https://x/p> 1 }"):
        with pytest.raises(QueryError, match="malformed SPARQL query"):
            run_query(graph, text)
    assert len(graph) == 1


@pytest.mark.parametrize("store", STORES)
def test_terms_come_back_the_same_from_both_stores(store):
    graph = parse_graph('@prefix x: <https://x/> . x:a x:p "plain", "tagged"@en, 4, "2020-03"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .',
                        store=store)
    rows = run_query(graph, "SELECT ?o WHERE { ?s ?p ?o } ORDER BY STR(?o)").fetch()
    assert [tuple(row[0]) for row in rows] == [
        ("literal", "2020-03", "http://www.w3.org/2001/XMLSchema#gYearMonth", None),
        ("literal", "4", "http://www.w3.org/2001/XMLSchema#integer", None),
        ("literal", "plain", None, None),
        ("literal", "tagged", None, "en"),
    ]


NASTY = ["plain", "a,b", 'say "hi"', "line\nbreak", "cr\rx", "crlf\r\nx", " lead", "tab\tx", "", "中文", '"']


@pytest.mark.parametrize("values", [NASTY, [v for v in NASTY if "\r" not in v]], ids=["with-cr", "without-cr"])
def test_oxigraph_writes_csv_byte_for_byte_as_the_python_rows_do(values):
    """The fast path (Oxigraph's own CSV writer) gives the bytes the rows give, whatever the values."""
    from sgcn.graph.query import write_result, write_rows

    lines = [f'<https://x/{i:02d}> <https://x/p> "{v}" .' for i, v in enumerate(
        v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") for v in values)]
    graph = parse_graph("\n".join(lines), format="nt")
    for text in ("SELECT ?s ?o ?unbound WHERE { ?s ?p ?o } ORDER BY ?s",
                 "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?s",
                 "SELECT ?unbound WHERE { ?s ?p ?o }"):
        fast = run_query(graph, text)
        assert fast.serialize is not None
        slow = run_query(graph, text)
        assert write_result(fast, "csv") == write_rows(slow.variables, slow.fetch(), "csv"), text


def test_oxigraph_writes_the_sparql_results_formats_itself():
    import json

    from sgcn.graph.query import write_result

    graph = parse_graph('<https://x/a> <https://x/p> "b"@en .', format="nt")
    answer = json.loads(write_result(run_query(graph, "SELECT ?s ?o WHERE { ?s ?p ?o }"), "json"))
    assert answer["results"]["bindings"] == [{"s": {"type": "uri", "value": "https://x/a"},
                                              "o": {"type": "literal", "value": "b", "xml:lang": "en"}}]
    tsv = write_result(run_query(graph, "SELECT ?s ?o WHERE { ?s ?p ?o }"), "tsv")
    assert tsv.splitlines() == ["?s\t?o", '<https://x/a>\t"b"@en']
