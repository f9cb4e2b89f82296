"""The query editor of `sgcn serve` (YASGUI, vendored) in real headless Chromium, offline.

A person opens the front page, types a query into the editor, runs it and sees the
answer as a table; the page loads YASGUI from the server itself and asks nothing of
any other host (every request the page makes is recorded and checked).
"""

from __future__ import annotations

import hashlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from sgcn.graph.sparql.query import default_graph_path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
STATIC = Path(__file__).parents[3] / "graph" / "web" / "static" / "yasgui"
SGCN = "https://w3id.org/sgcn/ontology#"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server():
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
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def test_the_vendored_files_are_the_recorded_ones():
    recorded = dict(re.findall(r"\| `(yasgui\.min\.(?:js|css))` \| `([0-9a-f]{64})` \|",
                               (STATIC / "VENDORED.md").read_text(encoding="utf-8")))
    assert set(recorded) == {"yasgui.min.js", "yasgui.min.css"}
    for name, digest in recorded.items():
        assert hashlib.sha256((STATIC / name).read_bytes()).hexdigest() == digest, name
    assert "MIT License" in (STATIC / "LICENSE.txt").read_text(encoding="utf-8")


def test_type_a_query_run_it_and_see_the_table(server, chromium):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + "/")
    page.wait_for_selector(".yasqe .CodeMirror", timeout=60_000)
    # the editor opens on the example query of the page
    assert "SELECT" in page.evaluate("window.sgcnYasgui.getTab().getYasqe().getValue()")

    page.click(".yasqe .CodeMirror")
    page.keyboard.press("Control+A")
    page.keyboard.type(f"PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                       f"SELECT ?label WHERE {{ ?person a <{SGCN}Person> ; skos:prefLabel ?label }} "
                       f"ORDER BY ?label LIMIT 4")
    page.keyboard.press("Escape")  # close an autocompletion list if one opened
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table tbody tr td", timeout=60_000)
    page.wait_for_function("document.querySelectorAll('.yasr table tbody tr').length === 4", timeout=30_000)
    cells = [cell.inner_text().strip() for cell in page.query_selector_all(".yasr table tbody tr td:last-child")]
    graph = Graph().parse(default_graph_path(), format="turtle")
    people = sorted(str(graph.value(p, SKOS.prefLabel)) for p in graph.subjects(RDF.type, URIRef(SGCN + "Person")))
    assert [re.sub(r'^"|"$', "", cell) for cell in cells] == people[:4]
    assert errors == []
    elsewhere = [url for url in requests if not url.startswith(server)]
    assert elsewhere == [], elsewhere
    page.close()
