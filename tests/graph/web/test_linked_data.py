"""sgcn serve as a Linked Data citizen, against a real `sgcn serve` on a free loopback port.

Standard clients, unchanged: SPARQLWrapper with its defaults (it asks for XML: SPARQL results XML for SELECT and
ASK, RDF/XML for CONSTRUCT and DESCRIBE, and sends ``format=xml`` besides), rdflib's
``SPARQLStore`` (SELECT, ASK, CONSTRUCT, DESCRIBE), curl, plain HTTP for the Service
Description and CORS, and a page in headless Chromium served from another origin that
queries the endpoint with ``fetch`` (GET, and a POST whose preflight must pass).
``/ontology`` and ``/topic/...`` dereference with content negotiation like ``/id/...``.
"""

from __future__ import annotations

import http.server
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

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS, VOID
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import SPARQLWrapper

from sgcn.graph.rdf.iris import mint
from sgcn.graph.sparql.query import default_graph_path

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
SGCN = "https://w3id.org/sgcn/ontology#"
LUKE_GOH = str(mint("Person", "Luke Goh"))
PEOPLE = f"SELECT ?person WHERE {{ ?person a <{SGCN}Person> }} ORDER BY ?person LIMIT 3"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(url: str, *, method: str = "GET", headers: dict | None = None, data: bytes | None = None):
    """(status, headers, body) of one request; HTTP errors are answers too."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read().decode("utf-8")


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(default_graph_path(), format="turtle")


@pytest.fixture(scope="module")
def endpoint():
    """`sgcn serve` over the project's graph; yields the endpoint URL."""
    port = free_port()
    sgcn = [sys.executable, "-c", "import sys; from sgcn.graph.cli import main; sys.exit(main())"]
    process = subprocess.Popen([*sgcn, "serve", "--graph", str(default_graph_path()), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"sgcn serve did not start: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
    yield base + "/sparql"
    process.terminate()
    process.wait(timeout=10)


# --------------------------------------------------------------------------- SPARQLWrapper


def test_sparqlwrapper_with_its_defaults(endpoint, graph):
    client = SPARQLWrapper(endpoint)  # return format XML, GET, format=xml sent besides Accept
    client.setQuery(PEOPLE)
    document = client.query().convert()  # SPARQL results XML, as a DOM
    uris = [node.firstChild.data for node in document.getElementsByTagName("uri")]
    assert uris == sorted(str(p) for p in graph.subjects(RDF.type, URIRef(SGCN + "Person")))[:3]

    client.setQuery(f"ASK {{ <{LUKE_GOH}> a <{SGCN}Person> }}")
    document = client.query().convert()
    assert document.getElementsByTagName("boolean")[0].firstChild.data == "true"

    client.setQuery(f"CONSTRUCT {{ <{LUKE_GOH}> ?p ?o }} WHERE {{ <{LUKE_GOH}> ?p ?o }}")
    result = client.query()
    assert result.response.headers["Content-Type"].startswith("application/rdf+xml")
    constructed = result.convert()
    assert set(constructed) == set(graph.triples((URIRef(LUKE_GOH), None, None)))

    client.setQuery(f"DESCRIBE <{LUKE_GOH}>")
    described = client.query().convert()
    assert (URIRef(LUKE_GOH), SKOS.prefLabel, Literal("Luke Goh")) in described


# --------------------------------------------------------------------------- rdflib SPARQLStore


def test_rdflib_sparqlstore_select_ask_construct_describe(endpoint, graph):
    remote = Graph(store=SPARQLStore(endpoint))
    rows = [str(row[0]) for row in remote.query(PEOPLE)]
    assert rows == sorted(str(p) for p in graph.subjects(RDF.type, URIRef(SGCN + "Person")))[:3]
    assert remote.query(f"ASK {{ <{LUKE_GOH}> a <{SGCN}Person> }}").askAnswer is True
    assert remote.query(f"ASK {{ <{LUKE_GOH}> a <{SGCN}Event> }}").askAnswer is False
    constructed = remote.query(f"CONSTRUCT {{ <{LUKE_GOH}> ?p ?o }} WHERE {{ <{LUKE_GOH}> ?p ?o }}").graph
    assert set(constructed) == set(graph.triples((URIRef(LUKE_GOH), None, None)))
    described = remote.query(f"DESCRIBE <{LUKE_GOH}>").graph
    assert (URIRef(LUKE_GOH), SKOS.prefLabel, Literal("Luke Goh")) in described


# --------------------------------------------------------------------------- curl


def curl(*args: str) -> tuple[str, str]:
    """(the headers, the body) curl prints for one request (``-i``: headers first)."""
    done = subprocess.run(["/usr/bin/curl", "--silent", "--show-error", "--include", "--max-time", "60", *args],
                          capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr
    head, _, body = done.stdout.replace("\r\n", "\n").partition("\n\n")
    return head, body


def test_curl_as_the_sparql_protocol_has_it(endpoint, graph):
    """The SPARQL 1.1 Protocol's three ways of sending a query, as a person types them in curl."""
    people = sorted(str(p) for p in graph.subjects(RDF.type, URIRef(SGCN + "Person")))[:3]
    # GET with the query in the URL, CSV asked for
    head, body = curl("--get", "--data-urlencode", f"query={PEOPLE}", "-H", "Accept: text/csv", endpoint)
    assert head.startswith("HTTP/1.1 200") and "content-type: text/csv" in head.lower()
    assert body.splitlines() == ["person", *people]
    # POST as a form, JSON results
    head, body = curl("--data-urlencode", f"query={PEOPLE}", "-H", "Accept: application/sparql-results+json", endpoint)
    assert [b["person"]["value"] for b in json.loads(body)["results"]["bindings"]] == people
    # POST the query itself, a graph asked for in N-Triples
    construct = f"CONSTRUCT {{ <{LUKE_GOH}> ?p ?o }} WHERE {{ <{LUKE_GOH}> ?p ?o }}"
    head, body = curl("-H", "Content-Type: application/sparql-query", "-H", "Accept: application/n-triples",
                      "--data-binary", construct, endpoint)
    assert "content-type: application/n-triples" in head.lower()
    assert set(Graph().parse(data=body, format="nt")) == set(graph.triples((URIRef(LUKE_GOH), None, None)))
    # nothing asked: the Service Description, in Turtle
    head, body = curl(endpoint)
    assert "content-type: text/turtle" in head.lower()
    assert (None, RDF.type, SD.Service) in Graph().parse(data=body, format="turtle")
    # an update is refused, and says so
    head, body = curl("--data-urlencode", "update=DROP ALL", endpoint)
    assert head.startswith("HTTP/1.1 403")


# --------------------------------------------------------------------------- Service Description, CORS


def test_get_without_a_query_is_the_service_description(endpoint, graph):
    status, headers, body = request(endpoint)
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    description = Graph().parse(data=body, format="turtle")
    (service,) = description.subjects(RDF.type, SD.Service)
    assert description.value(service, SD.endpoint) == URIRef(endpoint)
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in description
    formats = set(description.objects(service, SD.resultFormat))
    assert {FORMATS.SPARQL_Results_JSON, FORMATS.SPARQL_Results_XML, FORMATS.RDF_XML, FORMATS.Turtle} <= formats
    default_graph = description.value(description.value(service, SD.defaultDataset), SD.defaultGraph)
    assert description.value(default_graph, VOID.triples).toPython() == len(graph)

    status, headers, body = request(endpoint, headers={"Accept": "application/ld+json"})
    assert status == 200 and len(Graph().parse(data=body, format="json-ld")) == len(description)
    status, headers, body = request(endpoint, headers={"Accept": "application/rdf+xml"})
    assert status == 200 and len(Graph().parse(data=body, format="xml")) == len(description)
    status, headers, _ = request(endpoint, headers={"Accept": "image/png"})
    assert status == 406


def test_a_browser_asking_for_the_endpoint_gets_the_query_page(endpoint):
    opener = urllib.request.build_opener(type("NoRedirect", (urllib.request.HTTPRedirectHandler,),
                                              {"redirect_request": lambda *args: None}))
    with pytest.raises(urllib.error.HTTPError) as answer:
        opener.open(urllib.request.Request(endpoint, headers={"Accept": "text/html,*/*;q=0.8"}), timeout=30)
    assert answer.value.code == 303 and answer.value.headers["Location"].endswith("/")


def test_cors_headers_and_preflight(endpoint):
    status, headers, _ = request(f"{endpoint}?query=ASK%7B%7D", headers={"Origin": "http://elsewhere.example"})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
    status, headers, _ = request(endpoint, method="OPTIONS", headers={
        "Origin": "http://elsewhere.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, accept",
    })
    assert status in (200, 204)
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert "content-type" in headers["Access-Control-Allow-Headers"].lower()
    status, headers, _ = request(endpoint.replace("/sparql", "/id/person/luke-goh"),
                                 headers={"Accept": "text/turtle", "Origin": "http://elsewhere.example"})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"


# --------------------------------------------------------------------------- a browser on another origin

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>elsewhere</title></head>
<body><table id="rows"></table><p id="count"></p><p id="error"></p>
<script>
const endpoint = new URLSearchParams(location.search).get("endpoint");
const query = "SELECT ?person WHERE { ?person a <https://w3id.org/sgcn/ontology#Person> } ORDER BY ?person LIMIT 3";
async function run() {
  // a simple GET, and a POST with an application/sparql-query body (preflighted)
  const got = await fetch(endpoint + "?query=" + encodeURIComponent(query),
                          {headers: {"Accept": "application/sparql-results+json"}});
  const rows = (await got.json()).results.bindings;
  for (const row of rows) {
    const cell = document.createElement("td");
    cell.textContent = row.person.value;
    document.getElementById("rows").appendChild(document.createElement("tr")).appendChild(cell);
  }
  const posted = await fetch(endpoint, {method: "POST", body: "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                                        headers: {"Content-Type": "application/sparql-query",
                                                  "Accept": "application/sparql-results+json"}});
  document.getElementById("count").textContent = (await posted.json()).results.bindings[0].n.value;
}
run().catch(error => { document.getElementById("error").textContent = String(error); })
     .finally(() => { window.done = true; });
</script></body></html>
"""


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory):
    """A static page server on another port: another origin than the endpoint."""
    folder = tmp_path_factory.mktemp("elsewhere")
    (folder / "index.html").write_text(PAGE, encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def test_a_page_on_another_origin_queries_with_fetch(endpoint, elsewhere, chromium, graph):
    page = chromium.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{elsewhere}?endpoint={urllib.parse.quote(endpoint, safe='')}")
    page.wait_for_function("window.done === true", timeout=60_000)
    assert page.inner_text("#error") == "", errors
    shown = [cell.inner_text() for cell in page.query_selector_all("#rows td")]
    assert shown == sorted(str(p) for p in graph.subjects(RDF.type, URIRef(SGCN + "Person")))[:3]
    assert page.inner_text("#count") == str(len(graph))
    page.close()


# --------------------------------------------------------------------------- /ontology, /topic/...


def test_the_ontology_dereferences_with_content_negotiation(endpoint, repo):
    from sgcn.graph.rdf.build import ontology_text

    base = endpoint.rsplit("/", 1)[0]
    shipped = Graph().parse(data=ontology_text("sgcn.ttl"), format="turtle")
    status, headers, body = request(base + "/ontology", headers={"Accept": "text/html,*/*;q=0.8"})
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert body == (repo / "docs" / "ontology.html").read_text(encoding="utf-8")
    status, headers, body = request(base + "/ontology", headers={"Accept": "text/turtle"})
    assert headers["Content-Type"].startswith("text/turtle") and body == ontology_text("sgcn.ttl")
    for accept, syntax in (("application/ld+json", "json-ld"), ("application/rdf+xml", "xml"),
                           ("application/n-triples", "nt")):
        status, headers, body = request(base + "/ontology", headers={"Accept": accept})
        assert status == 200 and headers["Content-Type"].startswith(accept)
        assert len(Graph().parse(data=body, format=syntax)) == len(shipped), accept
    status, _, _ = request(base + "/ontology", headers={"Accept": "image/png"})
    assert status == 406


def test_topics_dereference_with_content_negotiation(endpoint, graph):
    base = endpoint.rsplit("/", 1)[0]
    concept = URIRef("https://w3id.org/sgcn/topic/artificial-intelligence")
    status, headers, body = request(base + "/topic/artificial-intelligence", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    described = Graph().parse(data=body, format="turtle")
    assert set(described) == set(graph.triples((concept, None, None)))
    status, headers, body = request(base + "/topic/artificial-intelligence", headers={"Accept": "text/html"})
    assert status == 200 and "artificial intelligence" in body
    tagged = {str(graph.value(s, SKOS.prefLabel)) for s in graph.subjects(URIRef("http://purl.org/dc/terms/subject"),
                                                                           concept)}
    assert tagged and all(label in body for label in tagged)
    assert 'href="/topic/information-and-communications-technology"' in body  # its broader concept
    status, headers, body = request(base + "/topic/scheme", headers={"Accept": "application/ld+json"})
    scheme = Graph().parse(data=body, format="json-ld")
    assert len(list(scheme.objects(None, SKOS.hasTopConcept))) >= 10
    status, _, _ = request(base + "/topic/no-such-topic", headers={"Accept": "text/turtle"})
    assert status == 404


# --------------------------------------------------------------------------- /.well-known/void


def test_the_void_description_is_served_with_this_endpoint(endpoint, graph):
    base = endpoint.rsplit("/", 1)[0]
    dataset = URIRef("https://w3id.org/sgcn/dataset")
    status, headers, body = request(base + "/.well-known/void")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    described = Graph().parse(data=body, format="turtle")
    assert described.value(dataset, VOID.sparqlEndpoint) == URIRef(endpoint)
    assert described.value(dataset, VOID.triples).toPython() == len(graph)
    for triple in graph.triples((dataset, None, None)):
        assert triple in described
    service = described.value(predicate=URIRef("http://www.w3.org/ns/dcat#servesDataset"), object=dataset)
    assert described.value(service, URIRef("http://www.w3.org/ns/dcat#endpointURL")) == URIRef(endpoint)
    status, headers, body = request(base + "/.well-known/void", headers={"Accept": "application/ld+json"})
    assert status == 200 and len(Graph().parse(data=body, format="json-ld")) == len(described)
    # the Service Description points to it
    sd = Graph().parse(data=request(endpoint)[2], format="turtle")
    assert URIRef(base + "/.well-known/void") in set(sd.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#seeAlso")))
