"""The embedded stores: loading, errors, and the same answers from both."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from sgcn.graph.sparql.params import QueryError
from sgcn.graph.sparql.query import Target, execute, library
from sgcn.graph.sparql.store import STORES, from_rdflib_graph, load_graph, parse_graph, run_query
from sgcn.loaders.errors import SgcnError

ROOT = Path(__file__).resolve().parents[3]
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
    document = target.run("SELECT ?d WHERE { ?d a <https://w3id.org/sgcn/ontology#Document> } ORDER BY ?d LIMIT 1").fetch()[0][0].value
    return {
        "entity-facts": {"entity": people[0]}, "entity-graph": {"entity": people[0]},
        "document-graph": {"document": document},
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


def _canonical(graph):
    """The graph with its numbers in canonical form (Oxigraph gives "237.0"^^xsd:decimal back as "237")."""
    from rdflib import Graph, Literal

    def term(t):
        if isinstance(t, Literal) and t.datatype and str(t.datatype).rsplit("#", 1)[-1] in NUMERIC:
            return Literal(format(Decimal(str(t)).normalize(), "f"), datatype=t.datatype)
        return t

    canonical = Graph()
    for triple in graph:
        canonical.add(tuple(map(term, triple)))
    return canonical


def answer_of(target: Target, name: str):
    answer = execute(target, name=name, params=params_for(name, target))
    if answer.type == "SELECT":
        return answer.variables, sorted((tuple(map(_comparable, row)) for row in answer.rows), key=repr)
    return to_isomorphic(_canonical(answer.graph))


def test_every_store_gives_the_same_answers_to_every_library_query(synthetic):
    memory = Target(graph=from_rdflib_graph(synthetic, "memory"))
    answered = 0
    for name in library():
        expected = answer_of(memory, name)
        answered += bool(expected[1] if isinstance(expected, tuple) else len(expected))
        for store in ("oxigraph", "auto", "columnar"):
            got = answer_of(Target(graph=from_rdflib_graph(synthetic, store)), name)
            if isinstance(expected, tuple):
                assert got[0] == expected[0], f"{name} on {store}"
                assert got[1] == expected[1], f"{name}: {store} disagrees with rdflib"
            else:
                _, only_memory, only_store = graph_diff(expected, got)
                assert isomorphic(expected, got), f"{name} on {store}: {sorted(only_memory)[:3]} vs {sorted(only_store)[:3]}"
    assert answered >= len(library()) - 2  # nearly every query finds something in the synthetic graph


def test_the_columnar_store_sends_every_other_query_to_oxigraph():
    from sgcn.graph.sparql.query import default_graph_path, query_text

    graph = load_graph(default_graph_path(), store="columnar")
    library_text = query_text("relations")
    assert run_query(graph, library_text).engine == "maplib"
    assert run_query(graph, library_text + "\n# my copy").engine == "oxigraph"
    assert run_query(graph, "ASK { ?s ?p ?o }").boolean is True
    described = run_query(graph, "DESCRIBE <https://w3id.org/sgcn/id/person/luke-goh>")
    assert described.engine == "oxigraph" and len(described.graph) > 5


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


def _graph_of_values(values: list[str], store: str):
    """A graph of one literal per subject, ``<https://x/00>`` onwards, in ``store``."""
    escaped = (v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") for v in values)
    return parse_graph("\n".join(f'<https://x/{i:02d}> <https://x/p> "{v}" .' for i, v in enumerate(escaped)),
                       format="nt", store=store)


NASTY = ["plain", "a,b", 'say "hi"', "line\nbreak", "cr\rx", "crlf\r\nx", " lead", "tab\tx", "", "中文", '"']


@pytest.mark.parametrize("values", [NASTY, [v for v in NASTY if "\r" not in v]], ids=["with-cr", "without-cr"])
def test_oxigraph_writes_csv_byte_for_byte_as_the_python_rows_do(values):
    """The fast path (Oxigraph's own CSV writer) gives the bytes the rows give, whatever the values."""
    from sgcn.graph.sparql.query import write_result, write_rows

    graph = _graph_of_values(values, "oxigraph")
    for text in ("SELECT ?s ?o ?unbound WHERE { ?s ?p ?o } ORDER BY ?s",
                 "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?s",
                 "SELECT ?unbound WHERE { ?s ?p ?o }"):
        fast = run_query(graph, text)
        assert fast.serialize is not None
        slow = run_query(graph, text)
        assert write_result(fast, "csv") == write_rows(slow.variables, slow.fetch(), "csv"), text


def test_oxigraph_writes_the_sparql_results_formats_itself():
    import json

    from sgcn.graph.sparql.query import write_result

    graph = parse_graph('<https://x/a> <https://x/p> "b"@en .', format="nt")
    answer = json.loads(write_result(run_query(graph, "SELECT ?s ?o WHERE { ?s ?p ?o }"), "json"))
    assert answer["results"]["bindings"] == [{"s": {"type": "uri", "value": "https://x/a"},
                                              "o": {"type": "literal", "value": "b", "xml:lang": "en"}}]
    tsv = write_result(run_query(graph, "SELECT ?s ?o WHERE { ?s ?p ?o }"), "tsv")
    assert tsv.splitlines() == ["?s\t?o", '<https://x/a>\t"b"@en']
