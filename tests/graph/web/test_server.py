"""`sgcn serve` on a free loopback port, queried with SPARQLWrapper and plain HTTP."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from sgcn.graph.rdf.build import build_graph
from sgcn.graph.rdf.iris import mint
from sgcn.graph.sparql.query import default_graph_path, run_query
from sgcn.loaders.document import Document
from sgcn.loaders.facts import Entity, Evidence, Extraction, Mention, Relation

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
EVIL = '<script>alert("x")</script> Holdings'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, *, accept: str | None = None, data: bytes | None = None, content_type: str | None = None):
    """(status, content type, body) of one request; HTTP errors are answers too."""
    headers = {"Accept": accept} if accept else {}
    if content_type:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read().decode("utf-8")


def _evil_extraction() -> Extraction:
    """A document of my own whose names and quote hold markup."""
    text = f'The <b>Harbourfront</b> Forum was attended by {EVIL} and Tan "Wei" Ling.'
    doc = Document(source="evil.txt", text=text, sha256="1" * 64, format="plaintext", date="2024-05-14")
    evidence = Evidence(source="evil.txt", start=0, end=len(text), quote=text)
    forum = Entity("Event/harbourfront forum", "Event", "Harbourfront Forum")
    company = Entity("Organization/evil", "Organization", EVIL)
    person = Entity("Person/tan", "Person", 'Tan "Wei" Ling')
    return Extraction(doc, entities=(forum, company, person),
                      mentions=(Mention(company.key, evidence), Mention(person.key, evidence)),
                      relations=(Relation(company.key, "participated_in", forum.key, evidence),
                                 Relation(person.key, "participated_in", forum.key, evidence)))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`sgcn serve` over the built graph plus a document of my own, time limit 2 s, 40 rows."""
    folder = tmp_path_factory.mktemp("serve")
    graph = Graph().parse(default_graph_path(), format="turtle")
    graph += build_graph([_evil_extraction()], vocabulary=False)
    path = folder / "served.ttl"
    graph.serialize(path, format="turtle")
    port = free_port()
    sgcn = [sys.executable, "-c", "import sys; from sgcn.graph.cli import main; sys.exit(main())"]
    process = subprocess.Popen([*sgcn, "serve", "--graph", str(path), "--port", str(port), "--timeout", "2",
                                "--max-results", "40", "--workers", "2"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"sgcn serve did not start: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
    yield base, path
    process.terminate()
    process.wait(timeout=10)


def test_sparqlwrapper_select_in_json_xml_and_csv(server):
    base, path = server
    query = ("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
             "SELECT ?label WHERE { <https://w3id.org/sgcn/id/person/luke-goh> skos:prefLabel ?label }")
    client = SPARQLWrapper(f"{base}/sparql")
    client.setQuery(query)
    client.setReturnFormat(JSON)
    assert client.queryAndConvert()["results"]["bindings"] == [{"label": {"type": "literal", "value": "Luke Goh"}}]
    client.setReturnFormat(XML)
    document = client.queryAndConvert()
    assert document.getElementsByTagName("literal")[0].firstChild.data == "Luke Goh"
    client.setMethod("POST")
    client.setReturnFormat(CSV)
    assert client.queryAndConvert().decode("utf-8").splitlines() == ["label", "Luke Goh"]


def test_library_query_over_http_gives_the_embedded_rows(server):
    base, path = server
    status, content_type, body = get(f"{base}/sparql", accept="text/csv", data=run_and_text("roles"),
                                     content_type="application/sparql-query")
    assert status == 200 and content_type.startswith("text/csv")
    columns, rows = run_query("roles", path)
    served = list(csv.DictReader(io.StringIO(body)))
    assert served == rows[:40] and len(rows) <= 40


def run_and_text(name: str) -> bytes:
    from sgcn.graph.sparql.query import query_text

    return query_text(name).encode("utf-8")


def test_content_negotiation(server):
    base, _ = server
    select = urllib.parse.urlencode({"query": "SELECT ?s WHERE { ?s a <https://w3id.org/sgcn/ontology#Person> } LIMIT 2"})
    construct = urllib.parse.urlencode({"query": "CONSTRUCT { <https://w3id.org/sgcn/id/person/luke-goh> ?p ?o } "
                                                 "WHERE { <https://w3id.org/sgcn/id/person/luke-goh> ?p ?o }"})
    status, kind, body = get(f"{base}/sparql?{select}", accept="application/sparql-results+json")
    assert status == 200 and kind == "application/sparql-results+json" and len(json.loads(body)["results"]["bindings"]) == 2
    status, kind, body = get(f"{base}/sparql?{select}", accept="application/sparql-results+xml")
    assert kind == "application/sparql-results+xml" and ET.fromstring(body).tag.endswith("sparql")
    status, kind, body = get(f"{base}/sparql?{select}", accept="text/tab-separated-values")
    assert kind.startswith("text/tab-separated-values") and body.splitlines()[0] == "?s"
    status, kind, body = get(f"{base}/sparql?{select}", accept="text/html,application/xhtml+xml,*/*;q=0.8")
    assert kind.startswith("text/html") and "<table>" in body
    status, kind, body = get(f"{base}/sparql?{construct}", accept="text/turtle")
    assert kind.startswith("text/turtle")
    assert (URIRef(str(mint("Person", "Luke Goh"))), SKOS.prefLabel, None) in Graph().parse(data=body, format="turtle")
    status, kind, body = get(f"{base}/sparql?{construct}", accept="application/ld+json")
    assert kind == "application/ld+json" and len(Graph().parse(data=body, format="json-ld")) > 3
    status, _, body = get(f"{base}/sparql?{select}", accept="image/png")
    assert status == 406 and "cannot write" in body


def test_updates_are_refused(server):
    base, _ = server
    for url, data, content_type in [
        (f"{base}/sparql?" + urllib.parse.urlencode({"update": "DROP ALL"}), None, None),
        (f"{base}/sparql", b"update=CLEAR+DEFAULT", "application/x-www-form-urlencoded"),
        (f"{base}/sparql", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
        (f"{base}/sparql", b"PREFIX x: <urn:x> DELETE WHERE { ?s ?p ?o }", "application/sparql-query"),
    ]:
        status, _, body = get(url, data=data, content_type=content_type)
        assert status == 403 and "read-only" in body
    assert get(f"{base}/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}),
               accept="application/json")[2].strip().endswith("true}")


def test_malformed_and_empty_queries_are_400_with_a_message(server):
    base, _ = server
    client = SPARQLWrapper(f"{base}/sparql")
    client.setQuery("SELECT ?s WHERE { ?s ?p }")
    with pytest.raises(QueryBadFormed):
        client.query()
    status, kind, body = get(f"{base}/sparql?" + urllib.parse.urlencode({"query": "SELECT ?s WHERE { ?s ?p }"}))
    assert status == 400 and "malformed SPARQL query" in body and "Traceback" not in body
    assert get(f"{base}/sparql?query=")[0] == 400  # an empty query (no query at all is the Service Description)
    assert get(f"{base}/sparql", data=b"", content_type="application/sparql-query")[0] == 400
    assert get(f"{base}/sparql", data=b"x", content_type="image/png")[0] == 415
    assert get(f"{base}/sparql?query=ASK%7B%7D&default-graph-uri=urn:other")[0] == 400
    assert get(f"{base}/nothing/here")[0] == 404


def test_time_limit_stops_a_query_and_the_server_keeps_serving(server, web):
    base, _ = server
    slow = {}

    def run_slow():
        slow["answer"] = get(f"{base}/sparql?" + urllib.parse.urlencode({"query": SLOW}))

    thread = threading.Thread(target=run_slow)
    started = time.monotonic()
    thread.start()
    time.sleep(0.3)
    # meanwhile another client's query is answered (one client runs one query at a time on
    # two workers: --client-running is --long-queries, one here)
    quick = web.ask(base, "ASK { ?s ?p ?o }", accept="application/json", source="127.0.0.2")
    assert quick[0] == 200
    thread.join(timeout=30)
    status, _, body = slow["answer"]
    assert status == 503 and "time limit of 2 s" in body
    assert time.monotonic() - started < 10
    # and afterwards too, on a fresh worker
    for _ in range(3):
        assert get(f"{base}/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}))[0] == 200


def test_result_size_limit(server):
    base, _ = server
    status, _, body = get(f"{base}/sparql?" + urllib.parse.urlencode({"query": "SELECT * { ?s ?p ?o }"}))
    assert status == 422 and "more than 40 rows" in body
    status, _, body = get(f"{base}/sparql?" + urllib.parse.urlencode({"query": "SELECT * { ?s ?p ?o } LIMIT 40"}),
                          accept="text/csv")
    assert status == 200 and len(body.splitlines()) == 41


def test_entity_page_holds_the_evidence_quotes(server):
    base, path = server
    status, kind, page = get(f"{base}/id/person/luke-goh", accept="text/html")
    assert status == 200 and kind.startswith("text/html")
    quotes = {row["quote"] for row in run_query("evidence", path)[1] if row["subject"] == "Luke Goh"}
    assert quotes
    import html

    for quote in quotes:
        assert html.escape(quote) in page
    assert 'href="/id/organization/ministry-of-trade-and-industry"' in page
    status, kind, body = get(f"{base}/id/person/luke-goh", accept="text/turtle")
    graph = Graph().parse(data=body, format="turtle")
    assert kind.startswith("text/turtle") and str(graph.value(mint("Person", "Luke Goh"), SKOS.prefLabel)) == "Luke Goh"
    status, kind, body = get(f"{base}/id/person/luke-goh", accept="application/ld+json")
    assert kind == "application/ld+json"
    assert Graph().parse(data=body, format="json-ld").value(mint("Person", "Luke Goh"), SKOS.prefLabel) is not None
    assert get(f"{base}/id/person/nobody-at-all")[0] == 404


def test_html_is_escaped(server):
    base, _ = server
    evil = str(mint("Organization", EVIL))[len("https://w3id.org/sgcn/id/"):]
    status, _, page = get(f"{base}/id/{evil}", accept="text/html")
    assert status == 200
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<b>Harbourfront</b>" not in page and "&lt;b&gt;Harbourfront&lt;/b&gt;" in page
    query = urllib.parse.urlencode({"query": 'SELECT ?l WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?l '
                                             'FILTER(CONTAINS(?l, "script")) }'})
    status, _, page = get(f"{base}/sparql?{query}", accept="text/html")
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_front_page_has_a_query_form_and_the_library(server):
    base, _ = server
    status, kind, page = get(f"{base}/")
    assert status == 200 and '<form method="get" action="/sparql">' in page
    for name in ("entity-facts", "shortest-chain", "relations", "meeting-chairs"):
        assert f"<strong>{name}</strong>" in page
