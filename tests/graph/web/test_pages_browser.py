"""One click from a fact to its source: the document and entity pages of `sgcn serve`, in Chromium.

A real `sgcn serve` on a free loopback port serves the built graph plus one document
of our own holding markup; Debian's Chromium, driven by Playwright, follows a fact's
link from the network page, an entity page and a query result to the document page,
where the quote is highlighted at its offsets and scrolled into view. Screenshots go
to ``test-artifacts/``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from sgcn.graph.rdf.build import build_graph
from sgcn.graph.cli import main
from sgcn.graph.rdf.namespace import PROV, RDF, SGCN
from sgcn.graph.sparql.query import default_graph_path
from sgcn.loaders.document import Document
from sgcn.loaders.facts import Entity, Evidence, Extraction, Mention, Relation

ROOT = Path(__file__).resolve().parents[3]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
HOSTILE = 'The <img src=x onerror="window.__pwned=1"> Forum met <script>window.__pwned=2</script> in "Xiamen".'


def _hostile() -> Graph:
    padding = "".join(f"Paragraph {i} says nothing of note.\n\n" for i in range(60))  # the quote is far down
    text = padding + HOSTILE
    start = text.index(HOSTILE)
    document = Document(source="hostile.txt", text=text, sha256="9" * 64, format="plaintext", date="2024-05-14",
                        title="<b>Bold</b> title", publisher='Pub "lisher"', metadata={"url": "https://example.org/h?a=1&b=2"})
    evidence = Evidence(source="hostile.txt", start=start, end=start + len(HOSTILE), quote=HOSTILE)
    forum = Entity("Event/forum", "Event", "<img src=x onerror=alert(1)> Forum")
    xiamen = Entity("Place/xiamen", "Place", "Xiamen")
    return build_graph([Extraction(document, entities=(forum, xiamen),
                                   mentions=(Mention(forum.key, evidence), Mention(xiamen.key, evidence)),
                                   relations=(Relation(forum.key, "held_in", xiamen.key, evidence),))],
                       vocabulary=False)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`sgcn serve` over the built graph plus the hostile document: (base URL, the graph served)."""
    folder = tmp_path_factory.mktemp("pages")
    graph = Graph().parse(default_graph_path(), format="turtle")
    graph += _hostile()
    path = folder / "served.ttl"
    graph.serialize(path, format="turtle")
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; from sgcn.graph.cli import main; sys.exit(main())",
         "serve", "--graph", str(path), "--port", str(port), "--workers", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=2).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"sgcn serve did not start: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
    yield base, graph
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, args=CHROMIUM_ARGS,
            headless=True, viewport={"width": 1280, "height": 800})
        yield context
        context.close()


@pytest.fixture
def new_page(browser):
    pages = []

    def opener():
        page = browser.new_page()
        page.problems = []
        page.on("pageerror", lambda error: page.problems.append(f"error: {error}"))
        page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        pages.append(page)
        return page

    yield opener
    for page in pages:
        page.close()


def fetch(url: str) -> tuple[int, str, str]:
    """(status, Location, body) of a GET that does not follow redirects."""
    class Stay(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(Stay)
    try:
        with opener.open(urllib.request.Request(url, headers={"Accept": "text/html"}), timeout=30) as response:
            return response.status, response.headers.get("Location", ""), response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Location", ""), err.read().decode("utf-8")


def save_screenshot(page, name: str, *, full: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full)


# What the document page shows of its highlight: the mark's text, where it starts in
# the kept text (counted through the DOM, not read from an attribute), whether it is on
# screen and below the sticky header, and its background colour.
HIGHLIGHT = """() => {
    const mark = document.getElementById('quote'), text = document.getElementById('text');
    if (!mark) return null;
    const before = document.createRange();
    before.setStart(text, 0);
    before.setEndBefore(mark);
    const box = mark.getBoundingClientRect(), header = document.querySelector('header.document').getBoundingClientRect();
    return {quote: mark.textContent, start: before.toString().length, text: text.textContent,
            top: box.top, bottom: box.bottom, headerBottom: header.bottom, height: window.innerHeight,
            scrolled: window.scrollY, background: getComputedStyle(mark).backgroundColor};
}"""


def assert_highlighted(page, quote: str, start: int, text: str) -> dict:
    seen = page.evaluate(HIGHLIGHT)
    assert seen is not None, "nothing is highlighted"
    assert seen["text"] == text, "the page does not show the kept text as it is"
    assert (seen["quote"], seen["start"]) == (quote, start)
    assert seen["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert seen["headerBottom"] <= seen["top"] and seen["bottom"] <= seen["height"], f"the quote is not in view: {seen}"
    return seen


def kept_text(graph: Graph, document: URIRef) -> str:
    return str(graph.value(document, SGCN.text))


def far_evidence(graph: Graph) -> tuple[URIRef, URIRef, int, int, str]:
    """The evidence of the seed graph that starts furthest into its document."""
    found = []
    for evidence in graph.subjects(RDF.type, SGCN.Evidence):
        document = graph.value(evidence, PROV.wasQuotedFrom)
        if str(graph.value(document, SGCN.fileName)) == "hostile.txt":
            continue
        found.append((int(graph.value(evidence, SGCN.startOffset)), str(evidence), document))
    start, evidence, document = max(found)
    evidence = URIRef(evidence)
    return evidence, document, start, int(graph.value(evidence, SGCN.endOffset)), str(graph.value(evidence, SGCN.quote))


def test_the_document_page_highlights_the_quote_at_its_offsets(served, new_page):
    base, graph = served
    evidence, document, start, end, quote = far_evidence(graph)
    slug = str(document).rsplit("/", 1)[1]
    page = new_page()
    page.goto(f"{base}/doc/{slug}?start={start}&end={end}#quote")
    seen = assert_highlighted(page, quote, start, kept_text(graph, document))
    assert seen["scrolled"] > 0  # the quote was far down: the page scrolled to it
    header = page.inner_text("header.document")
    for value in (graph.value(document, p) for p in (URIRef("http://purl.org/dc/terms/title"),
                                                    URIRef("http://purl.org/dc/terms/date"),
                                                    URIRef("http://purl.org/dc/elements/1.1/publisher"))):
        if value is not None:
            assert str(value) in header
    url = graph.value(document, URIRef("https://schema.org/url"))
    if url is not None:
        assert page.get_attribute("#original", "href") == str(url)
    # every other fact read from the document is listed, the highlighted quote marked
    spans = {(int(graph.value(e, SGCN.startOffset)), int(graph.value(e, SGCN.endOffset)))
             for e in graph.subjects(PROV.wasQuotedFrom, document)}
    assert page.locator("ol.quotes > li").count() == len(spans)
    assert quote in page.inner_text("ol.quotes > li.current")
    save_screenshot(page, "doc-page")
    # the evidence IRI and the document IRI lead to the same page
    status, location, _ = fetch(str(evidence).replace("https://w3id.org/sgcn", base))
    assert (status, location) == (303, f"/doc/{slug}?start={start}&end={end}#quote")
    status, location, _ = fetch(str(document).replace("https://w3id.org/sgcn", base))
    assert (status, location) == (303, f"/doc/{slug}")
    assert fetch(f"{base}/doc/no-such-document")[0] == 404
    assert "outside this document" in fetch(f"{base}/doc/{slug}?start=1&end=99999999")[2]
    assert page.problems == []


def test_from_a_fact_on_an_entity_page_to_its_document(served, new_page):
    base, graph = served
    page = new_page()
    page.goto(f"{base}/id/person/luke-goh")
    # one line per type (the issue: "type -> Person" five times, once per quote)
    assert page.locator("#named + table tr").count() == 1
    assert page.locator("h2#roles").count() == 1 and page.locator("h2#relations").count() == 1
    assert page.locator(".backing").first.inner_text().endswith(("source", "sources", "independent"))
    save_screenshot(page, "entity-page", full=True)
    link = page.locator("table:below(h2#roles) ul.sources a").first
    quote = link.inner_text()
    link.click()
    page.wait_for_url("**/doc/**")
    document = URIRef("https://w3id.org/sgcn/id/document/" + urllib.parse.urlparse(page.url).path.rsplit("/", 1)[1])
    start = int(urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["start"][0])
    assert_highlighted(page, quote, start, kept_text(graph, document))
    assert page.problems == []


def test_an_entity_page_shows_its_figures_as_a_table_each_with_its_sources(served, new_page):
    """Every figure the graph holds about Smart China Expo 2019 is one row of its page's table."""
    from sgcn.graph.sparql.query import load_graph, run_query

    base, _ = served
    wanted = sorted((r["measure"].replace("_", " "), r["qualifier"], r["value"], r["unit"], r["as_of"])
                    for r in run_query("figures", load_graph(default_graph_path(), store="memory"))[1]
                    if r["subject"] == "Smart China Expo 2019")
    assert len(wanted) >= 5
    page = new_page()
    page.goto(f"{base}/id/event/smart-china-expo-2019")
    rows = page.locator("h2#figures + table tr:has(td)")
    shown = sorted(tuple(rows.nth(i).locator("td").nth(j).inner_text().strip() for j in range(5))
                   for i in range(rows.count()))
    assert shown == wanted
    for i in range(rows.count()):
        sources = rows.nth(i).locator("td").nth(5)
        backed_by = int(sources.locator(".backing").inner_text().split()[0])  # "N source(s)[, M independent]"
        assert 1 <= backed_by <= sources.locator("a[href^='/doc/']").count(), "a source without a link to its quote"
    assert page.problems == []


def test_from_a_query_result_to_its_document(served, new_page):
    base, graph = served
    query = (ROOT / "queries" / "evidence.rq").read_text(encoding="utf-8")
    page = new_page()
    page.goto(f"{base}/sparql?format=html&query={urllib.parse.quote(query)}")
    row = page.locator("table tr:has(td a[href^='/doc/'])").nth(3)
    quote = row.locator("td").nth(4).inner_text()
    save_screenshot(page, "query-results")
    row.locator("a[href^='/doc/']").click()
    page.wait_for_url("**/doc/**")
    document = URIRef("https://w3id.org/sgcn/id/document/" + urllib.parse.urlparse(page.url).path.rsplit("/", 1)[1])
    text = kept_text(graph, document)
    seen = page.evaluate(HIGHLIGHT)
    assert seen["quote"] == quote and text[seen["start"]:seen["start"] + len(quote)] == quote
    assert page.problems == []


def test_from_the_network_page_to_its_document(served, new_page, tmp_path, capsys):
    base, graph = served
    out = tmp_path / "network.html"
    assert main(["viz", "--out", str(out), "--server", base]) == 0
    capsys.readouterr()
    page = new_page()
    page.goto(out.resolve().as_uri())
    page.wait_for_function("window.sgcnReady === true", timeout=30_000)
    edge = page.evaluate("sgcn.edges.get({filter: (e) => e.relation === 'co_chaired'})[0].id")
    page.evaluate("(id) => sgcn.network.body.emitter.emit('click', {nodes: [], edges: [id], pointer: {DOM: {x: 0, y: 0}}})", edge)
    link = page.locator("#details a").first
    quote = page.locator("#details li q").first.inner_text()
    href = link.get_attribute("href")
    assert href.startswith(base + "/doc/")
    page.goto(href)  # the panel opens it in a new tab; follow it here
    parsed = urllib.parse.urlparse(page.url)
    document = URIRef("https://w3id.org/sgcn/id/document/" + parsed.path.rsplit("/", 1)[1])
    start = int(urllib.parse.parse_qs(parsed.query)["start"][0])
    assert_highlighted(page, quote, start, kept_text(graph, document))
    assert page.problems == []


def test_markup_in_a_document_shows_as_text_on_its_pages(served, new_page):
    base, graph = served
    page = new_page()
    document = URIRef("https://w3id.org/sgcn/id/document/hostile-txt")
    text = kept_text(graph, document)
    page.goto(f"{base}/doc/hostile-txt?quote={urllib.parse.quote(HOSTILE)}#quote")
    assert_highlighted(page, HOSTILE, text.index(HOSTILE), text)
    assert page.inner_text("h1") == "<b>Bold</b> title"
    assert page.get_attribute("#original", "href") == "https://example.org/h?a=1&b=2"
    page.goto(f"{base}/id/event/img-src-x-onerror-alert-1-forum")
    assert "<img src=x onerror=alert(1)> Forum" in page.inner_text("h1")
    page.locator("h3#relation-held_in + table ul.sources a").first.click()
    page.wait_for_url("**/doc/hostile-txt**")
    assert page.evaluate("document.querySelectorAll('img, #text script, [onerror]').length") == 0
    assert page.evaluate("window.__pwned") is None
    save_screenshot(page, "doc-page-hostile")
    assert page.problems == []
