"""The viz page in real headless Chromium: it draws, searches, filters, shows tooltips, runs nothing it shouldn't.

Debian's ``chromium`` (``/usr/bin/chromium``, installed by ``make test``) driven by
Playwright. Screenshots go to ``test-artifacts/`` at the project root (git-ignored).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from sgcn.graph.cli import main
from sgcn.graph.network.model import to_networkx
from sgcn.graph.network.viz import render, write_page

ROOT = Path(__file__).parents[3]
FIXTURE = Path(__file__).parents[2] / "data" / "network" / "fixture.ttl"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),  # a new user-data dir
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 800},
        )
        yield context
        context.close()


@pytest.fixture
def open_page(browser):
    """Open a page file and wait until the network is drawn; collect errors and dialogs."""
    pages = []

    def opener(path: Path):
        page = browser.new_page()
        page.problems = []
        page.on("pageerror", lambda error: page.problems.append(f"error: {error}"))
        page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        page.on("request", lambda request: request.url.startswith("file:") or page.problems.append(f"fetch: {request.url}"))
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.sgcnReady === true", timeout=30_000)
        pages.append(page)
        return page

    yield opener
    for page in pages:
        page.close()


def counts(page) -> dict:
    return page.evaluate(
        """() => ({
            nodes: sgcn.network.body.data.nodes.length,
            edges: sgcn.network.body.data.edges.length,
            drawnNodes: sgcn.network.body.nodeIndices.length,
            drawnEdges: sgcn.network.body.edgeIndices.length,
        })"""
    )


def hover(page, node_id) -> str:
    """Move the mouse onto a node and return the tooltip's text."""
    x, y = page.evaluate(
        """(id) => {
            const p = sgcn.network.canvasToDOM(sgcn.network.getPosition(id));
            const box = document.querySelector('#network canvas').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""",
        node_id,
    )
    page.mouse.move(x + 40, y + 40)
    page.mouse.move(x, y)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    return tooltip.inner_text()


def save_screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
    return path


def test_fixture_page_draws_searches_filters_and_explains(tmp_path, open_page):
    net = to_networkx(Graph().parse(FIXTURE))
    page = open_page(write_page(render(net, title="fixture"), tmp_path / "fixture.html"))
    assert counts(page) == {"nodes": 9, "edges": 7, "drawnNodes": 9, "drawnEdges": 7}
    assert page.evaluate("sgcn.network.physics.physicsEnabled") is False  # settled and stopped

    # search by an alias, case and dots ignored: the node is selected and centred
    page.fill("#search-input", "m.d.a.")
    page.click("#search button")
    selected = page.evaluate("sgcn.network.getSelectedNodes().map((id) => sgcn.nodes.get(id).iri)")
    assert selected == ["https://w3id.org/sgcn/id/organization/maritime-data-authority"]
    assert "Found Maritime Data Authority" in page.inner_text("#status")
    save_screenshot(page, "viz-fixture-search")

    # the node tooltip has the type, aliases and roles
    tan = page.evaluate("sgcn.nodes.get({filter: (n) => n.name === 'Tan Mei Ling'})[0].id")
    text = hover(page, tan)
    assert "PERSON" in text.upper() and "Ms Tan" in text and "Minister, Maritime Data Authority (2021-03)" in text

    # the edge tooltip carries the evidence quote and its source
    x, y = page.evaluate(
        """() => {
            const edge = sgcn.edges.get({filter: (e) => e.relation === 'held_in'})[0];
            const a = sgcn.network.getPosition(edge.from), b = sgcn.network.getPosition(edge.to);
            const p = sgcn.network.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
            const box = document.querySelector('#network canvas').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }"""
    )
    page.mouse.move(x + 3, y + 3)
    page.mouse.move(x, y)
    page.wait_for_function(
        "() => document.querySelector('div.vis-tooltip').innerText.includes('held in')", timeout=5_000
    )
    edge_tip = page.inner_text("div.vis-tooltip")
    assert "The forum was held in Xiamen." in edge_tip and "a.txt" in edge_tip

    # filters inside the page: hide people, then co_chaired relations
    page.uncheck('input[data-filter="Person"]')
    assert counts(page)["drawnNodes"] == 7
    page.uncheck('input[data-filter="co_chaired"]')
    assert counts(page)["drawnEdges"] == 7 - 2 - 1  # the member_of edge went with its person
    # a search for a hidden type shows the type again
    page.fill("#search-input", "Zhou Wen")
    page.press("#search-input", "Enter")
    assert page.is_checked('input[data-filter="Person"]')
    assert counts(page)["drawnNodes"] == 9
    assert page.problems == []


def test_real_graph_page_has_every_entity_and_relation(tmp_path, open_page, capsys):
    out = tmp_path / "sgcn.html"
    assert main(["viz", "--out", str(out)]) == 0
    capsys.readouterr()
    from sgcn.graph.sparql.query import default_graph_path, load_graph

    net = to_networkx(load_graph(default_graph_path(), store="memory"))
    assert net.number_of_nodes() > 20
    page = open_page(out)
    got = counts(page)
    assert (got["nodes"], got["edges"]) == (net.number_of_nodes(), net.number_of_edges())
    assert (got["drawnNodes"], got["drawnEdges"]) == (got["nodes"], got["edges"])
    label = max(net.nodes[n]["label"] for n in net)
    assert page.evaluate("(name) => sgcn.nodes.get(sgcn.search(name)).name", label) == label
    save_screenshot(page, "viz-sgcn")
    assert page.problems == []


HOSTILE_RELEASE = "\n\n".join(
    [
        "SINGAPORE, 3 March 2021",
        "Harbour Data Forum opens in Chongqing",
        "The Harbour Data Forum was organised by the Infocomm Media Development Authority and the"
        " Chongqing Municipal People's Government <script>window.__pwned = 1; alert(1)</script> in Chongqing.",
        "The forum was attended by Mr Tan Mei Ling, Chief Executive of the Infocomm Media Development"
        ' Authority, who said the forum was " onmouseover="window.__pwned=2" a success.',
    ]
) + "\n"


def test_markup_in_a_source_shows_as_text_and_runs_nothing(tmp_path, open_page, capsys):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "hostile.txt").write_text(HOSTILE_RELEASE, encoding="utf-8")
    graph_file, page_file = tmp_path / "hostile.ttl", tmp_path / "hostile.html"
    assert main(["build", "--sources", str(sources), "--out", str(graph_file)]) == 0
    assert main(["viz", "--graph", str(graph_file), "--out", str(page_file)]) == 0
    capsys.readouterr()
    net = to_networkx(Graph().parse(graph_file))
    quotes = [e["quote"] for *_, d in net.edges(data=True) for e in d["evidence"]]
    assert any("<script>" in q for q in quotes), "the build read no relation from the <script> sentence"
    assert any('" onmouseover="' in q for q in quotes), "the build read no relation from the onmouseover sentence"

    page = open_page(page_file)
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.scripts.length") == 3  # vis-network, the data block, the page's own
    assert page.evaluate("document.querySelectorAll('[onmouseover]').length") == 0
    # the quotes are in the tooltips, as text
    tips = page.evaluate("sgcn.edges.get().map((e) => e.title.textContent).join('\\n')")
    assert "<script>window.__pwned = 1; alert(1)</script>" in tips
    assert '" onmouseover="window.__pwned=2"' in tips
    # hover every node: tooltips open and nothing runs
    for node_id in page.evaluate("sgcn.nodes.getIds()"):
        hover(page, node_id)
    organized = page.evaluate("sgcn.edges.get({filter: (e) => e.relation === 'organized'})[0].id")
    page.evaluate("(id) => sgcn.network.selectEdges([id])", organized)
    save_screenshot(page, "viz-hostile")
    assert page.evaluate("window.__pwned") is None
    assert page.problems == []


def load_benchmark():
    """``benchmarks/bench_viz.py`` as a module (benchmarks/ is not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_viz", ROOT / "benchmarks" / "bench_viz.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_2000_node_page_is_ready_within_1_5_seconds(tmp_path, browser):
    bench = load_benchmark()
    net = bench.synthetic_network(2000)
    path = write_page(render(net, title="2000 nodes"), tmp_path / "large.html")
    # best of three loads: the machine is shared, the page is not what varies
    seconds = min(bench.time_ready(browser, path) for _ in range(3))
    assert seconds < 1.5, f"2,000-node page ready after {seconds:.2f} s"
    page = browser.new_page()
    try:
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.sgcnReady === true")
        assert page.evaluate("sgcn.network.body.nodeIndices.length") == 2000
        assert page.evaluate("sgcn.network.physics.physicsEnabled") is False  # precomputed layout
        wanted = net.nodes[sorted(net)[17]]["label"]
        page.fill("#search-input", wanted)
        page.press("#search-input", "Enter")
        assert page.evaluate("sgcn.nodes.get(sgcn.network.getSelectedNodes()[0]).name") == wanted
        save_screenshot(page, "viz-2000")
    finally:
        page.close()
