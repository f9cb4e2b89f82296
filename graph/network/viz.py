"""The interactive network page: one self-contained HTML file built with pyvis.

:func:`select` picks the part of the network to draw (an ego network around an
entity, entity types, relations, years); :func:`render` turns it into a page. pyvis
assembles the vis-network nodes, edges and options; the page itself is written from
sgcn's own template (``graph/network/templates/network.html``) with vis-network inlined
(``graph/network/templates/vis-network.min.js``, see ``VENDORED.md``), because pyvis's own
pages fetch scripts from a CDN and come out blank offline.

What the page shows: node colour and shape by entity type with a legend, node size by
degree, edges labelled by relation, a tooltip per node (type, aliases, roles, sources)
and per edge (each evidence quote and its source), a search box that finds an entity
by any of its names, and check boxes that filter types and relations.

Safety: every string of the graph goes into the page inside one JSON data block in
which ``<``, ``>``, ``&`` and U+2028/U+2029 are escaped, and the page's script puts
strings into the document only as text (``textContent``, canvas labels), so a quote
holding ``<script>`` or ``" onmouseover=`` shows as text and runs nothing.

Large networks: up to :data:`PHYSICS_UP_TO` nodes the browser lays the network out with
a short physics simulation that stops once stable; above that, positions come from a
force-directed layout computed here (igraph) and physics is off (see ``benchmarks/bench_viz.py``
and the README for the measurements behind the threshold).

Examples:
    >>> import networkx as nx
    >>> net = nx.MultiDiGraph()
    >>> net.add_node("urn:a", type="Person", label="Ana <b>Lim</b>")
    >>> page = render(net, title="demo")
    >>> "<b>Lim" in page, "\\\\u003cb\\\\u003eLim" in page
    (False, True)
"""

from __future__ import annotations

import html
import json
import logging
import math
import random
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Iterable

import networkx as nx

from sgcn.graph.network.model import ego_network, filter_network
from sgcn.loaders.errors import SgcnError
from sgcn.loaders.facts import ENTITY_TYPES, RELATIONS

log = logging.getLogger(__name__)

#: Above this many nodes the layout is computed in Python and physics is off. Measured
#: with benchmarks/bench_viz.py: the in-browser simulation (200 iterations) readies a
#: 300-node page in about a second here, and its cost grows faster than linearly.
PHYSICS_UP_TO = 300


@lru_cache(maxsize=None)
def _resource(name: str) -> str:
    return files("sgcn.graph.network").joinpath("templates", name).read_text(encoding="utf-8")


def style() -> dict:
    """Colours, shapes and legend symbols per entity type, and the vis-network options.

    Read from ``graph/network/templates/network-style.json``.

    Examples:
        >>> style()["types"]["Person"]["shape"]
        'dot'
        >>> sorted(style()["types"]) == sorted(ENTITY_TYPES)
        True
    """
    return json.loads(_resource("network-style.json"))


def select(
    net: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    depth: int = 1,
    types: Iterable[str] | None = None,
    relations: Iterable[str] | None = None,
    since: int | None = None,
    until: int | None = None,
) -> nx.MultiDiGraph:
    """The part of ``net`` a page should draw.

    Filters by type, relation and year first; then, with ``focus``, keeps the ego
    network of that entity (any of its names) ``depth`` relations deep.

    Raises:
        SgcnError: an unknown type or relation, or a focus no entity answers to.

    Examples:
        >>> net = nx.MultiDiGraph([("a", "b", "organized"), ("b", "c", "held_in")])
        >>> for n in net:
        ...     net.nodes[n].update(label=n, type="Event")
        >>> sorted(select(net, focus="a", depth=1))
        ['a', 'b']
    """
    part = filter_network(net, types=types, relations=relations, since=since, until=until)
    if focus is not None:
        part = ego_network(part, focus, depth)
    return part


def json_for_html(value: object) -> str:
    """JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e``, ``\\u0026`` (so no
    ``</script>`` or ``<!--`` can close or confuse the element) and U+2028/U+2029
    are escaped too; ``JSON.parse`` gives back the same strings.

    Examples:
        >>> json_for_html({"q": "</script><!--"})
        '{"q": "\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def layout(net: nx.MultiDiGraph, *, seed: int = 7, iterations: int = 500) -> dict[str, tuple[float, float]]:
    """Positions in page pixels from a Fruchterman-Reingold layout, spread by network size.

    igraph's layout (C, grid-accelerated) places 10,000 nodes in about a second where
    networkx's pure-Python spring layout took minutes; the start positions come from a
    seeded generator, so the same network gets the same picture.

    Examples:
        >>> pos = layout(nx.MultiDiGraph([("a", "b"), ("b", "c")]))
        >>> sorted(pos), all(isinstance(v, float) for xy in pos.values() for v in xy)
        (['a', 'b', 'c'], True)
        >>> pos == layout(nx.MultiDiGraph([("a", "b"), ("b", "c")]))
        True
    """
    import igraph

    nodes = sorted(net)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = {tuple(sorted((index[s], index[o]))) for s, o in net.edges() if s != o}
    graph = igraph.Graph(n=len(nodes), edges=sorted(pairs))
    rng = random.Random(seed)
    side = math.sqrt(len(nodes))  # igraph's own start square; a smaller one defeats its grid
    start = [[rng.uniform(-side, side), rng.uniform(-side, side)] for _ in nodes]
    # igraph draws its random numbers from a module-wide generator (Python's random
    # by default): lend it a seeded one for this layout only.
    igraph.set_random_number_generator(rng)
    try:
        coords = graph.layout_fruchterman_reingold(seed=start, niter=iterations, grid="auto").coords
    finally:
        igraph.set_random_number_generator(random)
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    width = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    spread = 90.0 * math.sqrt(len(nodes)) / width
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {node: (round((x - cx) * spread, 1), round((y - cy) * spread, 1)) for node, (x, y) in zip(nodes, coords)}


def _pyvis_network(net: nx.MultiDiGraph, positions: dict, type_styles: dict):
    """The network as pyvis sees it: nodes with ids 0..n-1, edges between them."""
    from pyvis.network import Network

    vis = Network(directed=True, cdn_resources="remote")
    ids: dict[str, int] = {}
    for number, node in enumerate(sorted(net)):
        data = net.nodes[node]
        kind = type_styles.get(data.get("type"), {"color": "#888888", "shape": "dot"})
        extra = {"x": positions[node][0], "y": positions[node][1]} if node in positions else {}
        ids[node] = number
        vis.add_node(
            number,
            label=data.get("label", node),
            shape=kind["shape"],
            color=kind["color"],
            name=data.get("label", node),
            iri=node,
            type=data.get("type", ""),
            aliases=list(data.get("aliases", ())),
            roles=list(data.get("roles", ())),
            sources=list(data.get("sources", ())),
            start=data.get("start", ""),
            end=data.get("end", ""),
            value=net.degree(node),
            **extra,
        )
    for number, (s, o, key) in enumerate(sorted(net.edges(keys=True))):
        data = net.edges[s, o, key]
        vis.add_edge(
            ids[s],
            ids[o],
            id=number,
            label=data.get("relation", key),
            relation=data.get("relation", key),
            evidence=[dict(e) for e in data.get("evidence", ())],
        )
    return vis


def render(net: nx.MultiDiGraph, *, title: str = "sgcn network", physics_up_to: int = PHYSICS_UP_TO) -> str:
    """The HTML page drawing ``net``, self-contained and safe to open from ``file://``.

    Args:
        net: a network from :func:`sgcn.graph.network.model.to_networkx` or :func:`select`.
        title: the page's title.
        physics_up_to: the largest network laid out by the browser's physics; larger
            ones get positions from :func:`layout` with physics off.

    Examples:
        >>> page = render(nx.MultiDiGraph(), title="empty")
        >>> page.startswith("<!DOCTYPE html>"), "cdn" in page.lower()
        (True, False)
    """
    config = style()
    type_styles = config["types"]
    physics = net.number_of_nodes() <= physics_up_to
    positions = {} if physics else layout(net)
    vis = _pyvis_network(net, positions, type_styles)
    vis.set_options(json.dumps(config["options"]))
    nodes, edges, *_, options = vis.get_network_data()
    options = json.loads(options)
    options["physics"]["enabled"] = physics

    type_counts = {t: 0 for t in ENTITY_TYPES}
    for _, kind in net.nodes(data="type"):
        type_counts[kind] = type_counts.get(kind, 0) + 1
    relation_counts = {r: 0 for r in RELATIONS}
    for *_, key in net.edges(keys=True):
        relation_counts[key] = relation_counts.get(key, 0) + 1
    data = {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "types": [
            {"name": t, "count": n, **type_styles.get(t, {"color": "#888888", "shape": "dot", "symbol": "●"})}
            for t, n in type_counts.items()
            if n
        ],
        "relations": [{"name": r, "label": r.replace("_", " "), "count": n} for r, n in relation_counts.items() if n],
        "layoutNote": (
            f"{len(nodes)} entities: laid out by a physics simulation that stops once stable."
            if physics
            else f"{len(nodes)} entities: positions precomputed (force-directed layout), physics off."
        ),
    }
    log.info("page of %d nodes and %d edges (%s)", len(nodes), len(edges), "physics" if physics else "precomputed layout")
    fill = {
        "title": html.escape(title).replace("\u2028", "&#8232;").replace("\u2029", "&#8233;"),
        "vis_network": _resource("vis-network.min.js"),
        "data": json_for_html(data),
    }
    return re.sub(r"\{\{(title|vis_network|data)\}\}", lambda m: fill[m.group(1)], _resource("network.html"))


def write_page(page: str, path: str | Path) -> Path:
    """Write ``page`` to ``path`` as UTF-8, atomically.

    Examples:
        >>> import tempfile
        >>> out = write_page("<!DOCTYPE html>é", Path(tempfile.mkdtemp()) / "n.html")
        >>> out.read_bytes()[-2:].decode("utf-8")
        'é'
    """
    from sgcn.graph.rdf.serialize import write_atomic

    if not str(path).lower().endswith((".html", ".htm")):
        raise SgcnError(f"{path}: the page is HTML; give a file name ending in .html")
    return write_atomic(path, page.encode("utf-8"))
