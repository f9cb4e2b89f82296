"""No query sent to `sgcn serve` reaches the network (SSRF), on every embedded store.

A real `sgcn serve` is started per store and a real HTTP listener on loopback waits
for requests: every way a SPARQL query could make the server fetch (SERVICE in its
spellings, FROM, FROM NAMED, LOAD, DESCRIBE of a URL) is sent, and the listener must
see no connection at all, while the client gets a clear refusal. The layers under the
query check (rdflib's engine, the workers' seccomp filter) are tested on their own by
handing the query straight to a worker; with --allow-service the same listener is
reached, which shows the test can see a leak.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import time
import urllib.parse

import pytest

from sgcn.graph.sparql.query import default_graph_path
from sgcn.graph.web.sandbox import scan
from sgcn.graph.web.server import SERVICE_OFF, ServeError, WorkerPool



def fetching_queries(url: str) -> dict[str, str]:
    """Queries that would make an engine send a request to ``url``, by name."""
    return {
        "service": f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "service silent": f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        "service lower case": f"select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
        "service by variable": f"SELECT * WHERE {{ VALUES ?u {{ <{url}> }} SERVICE ?u {{ ?s ?p ?o }} }}",
        "service after a dot": f"SELECT * WHERE {{ ?a ?b ?c .SERVICE <{url}> {{ ?s ?p ?o }} }} LIMIT 1",
        "service as a unicode escape": f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        "service glued to a number": f"SELECT * WHERE {{ ?a ?b 1SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "service in optional": f"SELECT * WHERE {{ ?a ?b ?c OPTIONAL {{ SERVICE <{url}> {{ ?a ?p ?o }} }} }} LIMIT 1",
        "service in construct": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "service in ask": f"ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "from": f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }} LIMIT 1",
        "from named": f"SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} LIMIT 1",
        "describe": f"DESCRIBE <{url}>",
    }


@pytest.mark.parametrize("store", ["auto", "oxigraph", "memory"])
def test_no_query_reaches_a_loopback_listener(tmp_path, listener, store, web, hardened):
    # the servers of the hardening tests where they are shared, one of its own for oxigraph
    with (contextlib.nullcontext(hardened(store)) if store != "oxigraph" else
          web.running_serve(tmp_path, "--store", store, "--graph", str(default_graph_path()), "--workers", "1")) as server:
        answers = {}
        for name, query in fetching_queries(listener.url).items():
            answers[name] = web.ask(server.base, query, accept="*/*")
        # the same, POSTed as a form and as a query body
        form = urllib.parse.urlencode({"query": fetching_queries(listener.url)["service"]}).encode()
        answers["service posted as a form"] = web.http(f"{server.base}/sparql", data=form,
                                                   content_type="application/x-www-form-urlencoded")
        answers["service posted as a body"] = web.http(f"{server.base}/sparql", data=fetching_queries(listener.url)["service"].encode(),
                                                   content_type="application/sparql-query")
        answers["load"] = web.http(f"{server.base}/sparql", data=f"LOAD <{listener.url}>".encode(),
                               content_type="application/sparql-update")
        answers["load as a query"] = web.ask(server.base, f"LOAD <{listener.url}>")
        answers["default-graph-uri"] = web.http(f"{server.base}/sparql?" + urllib.parse.urlencode(
            {"query": "ASK { ?s ?p ?o }", "default-graph-uri": listener.url}))
        # a query of 10,000 nested braces (which overflows the stack of Oxigraph's parser) is refused
        deep = "SELECT * WHERE " + "{" * 10_000 + " ?s ?p ?o " + "}" * 10_000
        status, _, body = web.ask(server.base, deep)
        assert status == 400 and "nests groups or brackets 10000 deep" in body
        assert web.ask(server.base, "ASK { { { ?s ?p ?o } } }")[0] == 200
        time.sleep(0.5)  # give a stray request time to arrive
    assert listener.connections == [] and listener.requests == []
    for name, (status, _, body) in answers.items():
        assert "LEAKED" not in body, name
        if name.startswith("service"):
            assert status == 403 and "SERVICE (federated query) is turned off" in body and "--allow-service" in body, (name, body)
    assert answers["load"][0] == 403 and answers["load as a query"][0] == 403
    assert answers["default-graph-uri"][0] == 400
    # a dataset clause naming a URL reads the served graph's own (empty) graphs, fetching nothing;
    # rdflib's store holds one graph and says it cannot
    if store == "memory":
        assert answers["from named"][0] == 400 and "requiring a dataset" in answers["from named"][2]
    else:
        assert answers["from named"][0] == 200 and json.loads(answers["from named"][2])["results"]["bindings"] == []
    assert answers["from"][0] == 200 and answers["describe"][0] == 200


def test_with_allow_service_the_same_listener_is_reached(tmp_path, listener, web):
    with web.running_serve(tmp_path, "--store", "oxigraph", "--graph", str(default_graph_path()), "--workers", "1",
                       "--allow-service") as server:
        status, _, body = web.ask(server.base, fetching_queries(listener.url)["service"])
    assert status == 200 and "LEAKED" in body
    assert len(listener.requests) == 1 and listener.requests[0].startswith("POST /sparql")


@pytest.mark.parametrize("store", ["oxigraph", "memory"])  # auto sends such queries to Oxigraph
def test_a_worker_refuses_service_even_when_the_query_check_is_bypassed(listener, store):
    """The query goes straight to a worker: the engine (rdflib) or the seccomp filter stops it."""
    pool = WorkerPool(default_graph_path(), store=store, size=1)
    try:
        for name in ("service", "service silent", "service in optional", "service in construct", "service in ask"):
            query = fetching_queries(listener.url)[name]
            assert scan(query).service
            try:
                reply = pool.ask(query, accept="application/sparql-results+json", fmt=None, limit=100, timeout=20)
            except ServeError as err:
                assert err.status == 403 and err.message == SERVICE_OFF, (name, err.message)
            else:  # SERVICE SILENT turns the refused request into no rows
                assert name == "service silent" and "LEAKED" not in str(reply), (name, reply)
        # the worker still answers
        content_type, message = pool.ask("ASK { ?s ?p ?o }", accept="application/sparql-results+json",
                                         fmt=None, limit=100, timeout=20)
        assert "true" in message[2]
    finally:
        pool.close()
    time.sleep(0.3)
    assert listener.connections == []


def _try_to_connect(url: str, queue) -> None:
    import socket
    import urllib.request

    from sgcn.graph.web.sandbox import deny_network

    installed = deny_network()
    outcomes = []
    for attempt in (lambda: urllib.request.urlopen(url, timeout=3),
                    lambda: socket.create_connection(("127.0.0.1", int(url.split(":")[2].split("/")[0])), timeout=3),
                    lambda: socket.socket(socket.AF_INET6, socket.SOCK_STREAM),
                    lambda: socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)):
        try:
            attempt()
            outcomes.append("connected")
        except PermissionError:
            outcomes.append("refused")
        except OSError as err:
            outcomes.append(f"refused: {err}" if "Permission denied" in str(err) else f"other: {err}")
    queue.put((installed, outcomes))


def test_the_seccomp_filter_forbids_every_socket(listener):
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_try_to_connect, args=(listener.url, queue))
    process.start()
    installed, outcomes = queue.get(timeout=60)
    process.join(timeout=10)
    assert installed
    assert all(outcome.startswith("refused") for outcome in outcomes), outcomes
    assert listener.connections == []
