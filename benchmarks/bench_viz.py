"""How long until an `sgcn viz` page is drawn in headless Chromium, by network size.

Makes synthetic networks shaped like sgcn's (entities of the eight types, relations of
the closed list, preferential attachment so a few hubs gather most relations, an
evidence quote per relation), renders each with :func:`sgcn.graph.network.viz.render`, opens
it from ``file://`` in Debian's Chromium through Playwright and reports

- ``render``: seconds to build the page in Python (layout included),
- ``ready``: seconds from navigation start until the page says it is drawn
  (``window.sgcnReadyAt``: the first frame after the layout settled, or the first
  frame when positions were precomputed),

median of ``--repeat`` loads.

    .venv/bin/python benchmarks/bench_viz.py                 # 500, 2000, 10000 nodes
    .venv/bin/python benchmarks/bench_viz.py --sizes 100 300 500

Pages are written under ``benchmarks/out/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import networkx as nx

from sgcn.graph.network.viz import render, write_page
from sgcn.loaders.facts import ENTITY_TYPES, RELATIONS

OUT = Path(__file__).parent / "out"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]


def synthetic_network(nodes: int, *, seed: int = 11, edges_per_node: int = 2) -> nx.MultiDiGraph:
    """A network of ``nodes`` entities with about ``edges_per_node`` relations each."""
    rng = random.Random(seed)
    skeleton = nx.barabasi_albert_graph(nodes, edges_per_node, seed=seed)
    net = nx.MultiDiGraph(name="synthetic")
    for n in skeleton:
        kind = rng.choice(ENTITY_TYPES)
        net.add_node(
            f"https://w3id.org/sgcn/id/{kind.lower()}/n{n}",
            type=kind,
            label=f"{kind} {n}",
            aliases=(f"E{n}",),
            roles=(),
            sources=(f"doc{n % 97}.txt",),
            years=(2018 + n % 6,),
            start="",
            end="",
        )
    iris = list(net)
    for a, b in skeleton.edges():
        relation = rng.choice(RELATIONS)
        quote = f"{net.nodes[iris[a]]['label']} and {net.nodes[iris[b]]['label']} are linked ({relation})."
        net.add_edge(
            iris[a],
            iris[b],
            key=relation,
            relation=relation,
            evidence=({"quote": quote, "source": f"doc{a % 97}.txt", "date": "2020-01-01"},),
            sources=(f"doc{a % 97}.txt",),
            years=(2020,),
        )
    return net


def time_ready(context, path: Path, *, timeout_s: float = 600) -> float:
    """Seconds from navigation start until the page reports it is drawn (a new tab of ``context``)."""
    page = context.new_page()
    try:
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.sgcnReady === true", timeout=timeout_s * 1000, polling=50)
        return page.evaluate("window.sgcnReadyAt") / 1000.0
    finally:
        page.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    print(f"{'nodes':>6} {'edges':>6} {'render s':>9} {'ready s':>8}  (median of {args.repeat})")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        for size in args.sizes:
            net = synthetic_network(size)
            start = time.perf_counter()
            page = render(net, title=f"{size} nodes")
            rendered = time.perf_counter() - start
            path = write_page(page, OUT / f"viz-{size}.html")
            ready = statistics.median(time_ready(context, path) for _ in range(args.repeat))
            print(f"{size:>6} {net.number_of_edges():>6} {rendered:>9.2f} {ready:>8.2f}", flush=True)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
