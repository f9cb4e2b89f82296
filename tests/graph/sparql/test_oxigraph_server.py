"""Push the built graph into a real Oxigraph server and query it there like the embedded store."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from sgcn.graph.cli import main
from sgcn.graph.sparql.query import Target, default_graph_path, execute, library
from sgcn.graph.sparql.remote import DEFAULT_GRAPH_URI, RemoteError, push, verify
from sgcn.graph.sparql.store import load_graph

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    """A real `oxigraph serve` on a free loopback port, in a temporary folder."""
    assert Path(OXIGRAPH).exists(), "the oxigraph server (pip install oxigraph) is part of the test extra"
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def pushed(oxigraph_server):
    """The built graph pushed with `sgcn push`; the query endpoint."""
    endpoint = f"{oxigraph_server}/query"
    assert main(["push", "--endpoint", endpoint, "--graph", str(default_graph_path())]) == 0
    return endpoint


def library_params(target: Target) -> dict[str, dict[str, str]]:
    """Parameters for the library's queries, about people the built graph names."""
    people = [row[0].value for row in target.run(
        "SELECT ?p WHERE { ?p a <https://w3id.org/sgcn/ontology#Person> ; "
        "<https://w3id.org/sgcn/ontology#coChaired> ?e } ORDER BY ?p LIMIT 2").fetch()]
    assert len(people) == 2
    document = target.run("SELECT ?d WHERE { ?d a <https://w3id.org/sgcn/ontology#Document> } ORDER BY ?d LIMIT 1").fetch()[0][0].value
    return {
        "entity-facts": {"entity": "Luke Goh"}, "entity-graph": {"entity": "Luke Goh"},
        "document-graph": {"document": document},
        "entity-timeline": {"entity": "Luke Goh"}, "entity-lookup": {"name": "MTI"},
        "shortest-chain": {"from": people[0], "to": people[1]},
        "figures-by-measure": {"measure": "mous_signed"},
        "bridging-people": {"here": "Singapore", "there": "Chongqing"},
    }


QUIET_ON_THE_SEED = {"conflicts"}
"""Library queries whose answer on the seed graph is rightly empty."""


def assert_library_answers_alike(endpoint: str, *, ordered: bool = True, timeout: float = 60) -> None:
    """Every library query gives the same answer at ``endpoint`` (the built graph pushed
    there) as on the embedded store; rows in the same order unless ``ordered`` is false;
    a query may take ``timeout`` seconds there."""
    embedded = Target(graph=load_graph(default_graph_path()))
    remote = Target(endpoint=endpoint, graph_uri=DEFAULT_GRAPH_URI, timeout=timeout)
    params = library_params(embedded)
    empty = []
    for name in library():
        here = execute(embedded, name=name, params=params.get(name, {}))
        there = execute(remote, name=name, params=params.get(name, {}))
        assert there.type == here.type, name
        if here.type == "SELECT":
            assert there.variables == here.variables, name
            expected, got = here.fetch(), there.fetch()
            if not ordered:
                expected, got = sorted(expected, key=repr), sorted(got, key=repr)
            assert got == expected, f"{name}: {endpoint} answers differently"
            empty += [] if expected else [name]
        else:
            assert set(there.graph) == set(here.graph), name
            empty += [] if len(here.graph) else [name]
    # the comparison means something: (nearly) every query finds rows in the built graph
    # (but the seed's five documents never disagree: conflicts is compared on the
    # synthetic graphs of test_store, where sources do)
    empty = [name for name in empty if name not in QUIET_ON_THE_SEED]
    assert len(empty) <= 1, f"queries answering nothing on the built graph: {empty}"


def test_every_library_query_gives_the_same_rows_there_as_embedded(pushed, capsys):
    assert_library_answers_alike(pushed)
    # and the command line does the same through --endpoint
    assert main(["query", "entity-lookup", "--param", "name=MTI", "--endpoint", pushed]) == 0
    assert "Ministry of Trade and Industry" in capsys.readouterr().out


def test_push_replaces_the_named_graph_and_verifies_it(oxigraph_server, pushed):
    graph = load_graph(default_graph_path(), store="memory")
    payload_size = len(graph)
    report = push(graph, pushed)  # a second push replaces, it does not add
    assert (report.method, report.triples) == ("graph-store", payload_size)
    # SPARQL Update is the fallback where no Graph Store answers
    report = push(graph, pushed, graph_uri="https://example.org/other", store_url=f"{oxigraph_server}/nothing-here")
    assert report.method == "update" and report.triples == payload_size
    # a store holding other triples fails the check
    request = urllib.request.Request(
        f"{oxigraph_server}/update", method="POST", headers={"Content-Type": "application/sparql-update"},
        data=f"INSERT DATA {{ GRAPH <{DEFAULT_GRAPH_URI}> {{ <urn:x> <urn:y> 'z' }} }}".encode())
    urllib.request.urlopen(request).close()
    with pytest.raises(RemoteError, match=f"holds {payload_size + 1} triples"):
        verify(pushed, DEFAULT_GRAPH_URI, graph.serialize(format="nt", encoding="utf-8"))
    push(graph, pushed)  # and pushing again repairs it


def test_unreachable_store_is_a_clear_error(capsys):
    port = free_port()
    assert main(["push", "--endpoint", f"http://127.0.0.1:{port}/query", "--graph", str(default_graph_path())]) == 2
    assert f"cannot reach http://127.0.0.1:{port}/store" in capsys.readouterr().err
