"""The interactive network page: one self-contained HTML file.

:func:`select` picks the part of the network to draw (an ego network around an
entity, entity types, relations, years); :func:`render` turns it into a page:
sgcn's own template (``graph/network/templates/network.html``) with vis-network inlined
(``graph/network/templates/vis-network.min.js``, see ``VENDORED.md``) and the network as one
JSON data block (:func:`page_data`).

What the page shows: node colour and shape by entity type and edge colour by
relation, both with a legend; node size by degree; the labels of the most connected
entities first, placed by the page so that no two overlap at any zoom (the rest appear
on zoom or hover; long names are shortened on the canvas, whole in the tooltip); a
tooltip per node (type, aliases, roles, sources) and per edge (each evidence quote and
its source); a details panel on click, where every quote links to the document page
of ``sgcn serve`` with the quote highlighted; a search box that finds an entity by any
of its names; check boxes that filter types and relations, a toggle for the entities
with no relation, a year range; a status line counting what is drawn.

Safety: every string of the graph goes into the page inside one JSON data block in
which ``<``, ``>``, ``&`` and U+2028/U+2029 are escaped, and the page's script puts
strings into the document only as text (``textContent``, canvas labels), so a quote
holding ``<script>`` or ``" onmouseover=`` shows as text and runs nothing.

Layout: positions are computed here (:func:`layout`, igraph) for every size and the
browser only draws them, physics off: the same network gives the same picture, and the
page is ready after one draw (``benchmarks/bench_viz.py`` measures it). Above
:data:`ARROWS_UP_TO` relations the page draws the edges itself rather than through
vis-network (plain lines, and its own edge tooltip and click), which cost most of the
page's work at that size.

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
import sys
import time
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Iterable

import networkx as nx

from sgcn.graph.network.model import ego_network, filter_network
from sgcn.graph.rdf.iris import ID
from sgcn.loaders.errors import SgcnError
from sgcn.loaders.vocabulary import ENTITY_TYPES, RELATIONS

log = logging.getLogger(__name__)

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
    network of that entity (any of its names) ``depth`` relations deep. With nothing
    to filter or focus on, ``net`` itself is returned (not a copy).

    Raises:
        SgcnError: an unknown type or relation, or a focus no entity answers to.

    Examples:
        >>> net = nx.MultiDiGraph([("a", "b", "organized"), ("b", "c", "held_in")])
        >>> for n in net:
        ...     net.nodes[n].update(label=n, type="Event")
        >>> sorted(select(net, focus="a", depth=1))
        ['a', 'b']
    """
    filters = bool(types) or bool(relations) or since is not None or until is not None
    # nothing to filter: the network itself, not a copy (a copy of 2,000 entities and
    # 10,000 relations costs 0.1 s); ego_network below copies what it keeps
    part = filter_network(net, types=types, relations=relations, since=since, until=until) if filters else net
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


def short_label(name: str, limit: int | None = None) -> str:
    """The label drawn on the canvas: ``name`` shortened to ``limit`` characters at a word end.

    The full name stays in the tooltip, the search and the details panel.

    Examples:
        >>> short_label("Luke Goh")
        'Luke Goh'
        >>> short_label("videoconference between MTI Deputy Secretary of Trade Luke Goh and Chongqing Vice Mayor Li Bo")
        'videoconference between MTI…'
        >>> short_label("Supercalifragilisticexpialidocious", 12)
        'Supercalifr…'
    """
    limit = limit or style()["labels"]["characters"]
    text = " ".join(str(name).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-\u2013(") + "\u2026"


def _linked(net: nx.MultiDiGraph) -> set:
    """Nodes with at least one relation to another node."""
    return {n for s, o in net.edges() if s != o for n in (s, o)}


def degrees(net: nx.MultiDiGraph) -> dict[str, int]:
    """Relations of each node with other nodes (a relation to itself does not count).

    Examples:
        >>> degrees(nx.MultiDiGraph([("a", "b"), ("a", "b"), ("b", "b")]))
        {'a': 2, 'b': 2}
    """
    found = {node: 0 for node in net}
    for s, o in net.edges():
        if s != o:
            found[s] += 1
            found[o] += 1
    return found


#: The area, in page pixels at zoom 1, the related entities are laid out in: about the
#: canvas beside the legend in a 1280x800 window, so that the page opens at zoom ~1
#: and the label sizes the layout makes room for are the ones drawn.
FRAME = (900.0, 660.0)
#: Spacing of the shelf of entities with no relation (page pixels at zoom 1).
SHELF_COLUMN, SHELF_ROW = 200.0, 48.0
#: Up to this many related entities the layout is Kamada-Kawai (distances on the page
#: follow distances in the network; about 0.1 s at 100 nodes, 0.5 s at 300), above it
#: Fruchterman-Reingold on a grid (2,000 nodes in about 0.3 s).
KAMADA_KAWAI_UP_TO = 300


def node_sizes(net: nx.MultiDiGraph, degree: dict[str, int] | None = None) -> dict[str, float]:
    """Node radius in page pixels at zoom 1: by degree, and smaller the more entities share the frame.

    Examples:
        >>> sizes = node_sizes(nx.MultiDiGraph([("a", "b"), ("a", "c")]))
        >>> sizes["a"] > sizes["b"] == sizes["c"]
        True
    """
    degree = degree if degree is not None else degrees(net)
    config = style()["nodeSize"]
    linked = sum(1 for d in degree.values() if d) or 1
    spacing = math.sqrt(FRAME[0] * FRAME[1] / linked)
    largest = max(config["min"], min(config["max"], 0.2 * spacing))
    smallest = max(2.5, min(config["min"], 0.3 * largest))
    most = max(degree.values(), default=0) or 1
    return {node: round(smallest + (largest - smallest) * math.sqrt(d / most), 1) for node, d in degree.items()}


def label_width(text: str) -> float:
    """An estimate of the drawn width of a canvas label, in pixels (0.55 em a character).

    Examples:
        >>> label_width("Luke Goh")
        52.8
    """
    return round(0.55 * style()["labels"]["size"] * len(text), 1)


def layout(net: nx.MultiDiGraph, *, seed: int = 7, iterations: int | None = None) -> dict[str, tuple[float, float]]:
    """Positions in page pixels: a force-directed layout of the related entities, the rest on a shelf below.

    The related entities are laid out by Kamada-Kawai (small networks) or
    Fruchterman-Reingold (igraph: C, grid-accelerated, where networkx's spring layout took
    minutes at 10,000 nodes), stretched to :data:`FRAME`; then the most connected
    entities are nudged apart until their labels no longer overlap at zoom 1
    (:func:`_make_room_for_labels`). Entities with no relation would be flung to the edges
    by a layout's repulsion, squeezing the rest: they are laid out instead in rows under
    the picture, by type and name. Start positions come from a seeded generator, so the
    same network gets the same picture. ``iterations`` of Fruchterman-Reingold default to
    500, and 100 above 1,000 entities (the picture of 2,000 looks the same, in 0.14 s of
    CPU instead of 0.36 s for 200 iterations here).

    Examples:
        >>> net = nx.MultiDiGraph([("a", "b"), ("b", "c")])
        >>> net.add_node("z")
        >>> pos = layout(net)
        >>> sorted(pos), all(isinstance(v, float) for xy in pos.values() for v in xy)
        (['a', 'b', 'c', 'z'], True)
        >>> pos["z"][1] > max(pos[n][1] for n in "abc")
        True
        >>> pos == layout(net)
        True
    """
    linked = sorted(_linked(net))
    positions: dict[str, tuple[float, float]] = {}
    if linked:
        if iterations is None:
            iterations = 500 if len(linked) <= 1000 else 100
        coords = _force_layout(net, linked, seed=seed, iterations=iterations)
        positions = _into_frame(linked, coords)
        if len(linked) > 1:
            positions = _make_room_for_labels(net, positions)
    alone = sorted(set(net) - set(linked), key=lambda n: (_type_rank(net.nodes[n].get("type")), net.nodes[n].get("label", n), n))
    if alone:
        xs = [x for x, _ in positions.values()] or [0.0]
        ys = [y for _, y in positions.values()] or [-SHELF_ROW]
        width = max(max(xs) - min(xs), 4 * SHELF_COLUMN)
        columns = max(1, int(width // SHELF_COLUMN))
        left = (max(xs) + min(xs)) / 2 - (min(columns, len(alone)) - 1) * SHELF_COLUMN / 2
        top = max(ys) + 2 * SHELF_ROW
        for i, node in enumerate(alone):
            row, column = divmod(i, columns)
            positions[node] = (round(left + column * SHELF_COLUMN, 1), round(top + row * SHELF_ROW, 1))
    return {node: (round(x, 1), round(y, 1)) for node, (x, y) in positions.items()}


def _type_rank(kind: str | None) -> int:
    return ENTITY_TYPES.index(kind) if kind in ENTITY_TYPES else len(ENTITY_TYPES)


#: Optional modules igraph imports for what sgcn does not use, kept from loading while
#: igraph is imported: matplotlib (its plotting: about 1.4 s of the 2 s ``import igraph``
#: took here) and wcwidth (texttable's column widths for igraph's printed summaries,
#: 50 ms; texttable falls back on ``unicodedata``).
_NOT_FOR_IGRAPH = ("matplotlib", "wcwidth")


def _igraph():
    """The igraph module, imported without its matplotlib drawing backend when matplotlib is not loaded yet.

    While igraph is imported, ``sys.modules[name] = None`` for each of
    :data:`_NOT_FOR_IGRAPH` not loaded yet makes its import fail the way igraph (and
    texttable) expect when it is absent; the entries are removed right after, so those
    modules import normally later (only igraph's own plotting to matplotlib stays off in
    this process). A process that has already imported matplotlib (a notebook) is left alone.
    """
    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        import igraph

        return igraph
    kept_out = [name for name in _NOT_FOR_IGRAPH if name not in sys.modules]
    for name in kept_out:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import igraph
    finally:
        for name in kept_out:
            del sys.modules[name]
    return igraph


def _graph_without_numpy(igraph, count: int, edges: list[tuple[int, int]]):
    """``igraph.Graph(n=count, edges=edges)``, without importing NumPy for it.

    ``igraph.Graph()`` imports NumPy only to ask whether ``edges`` is a NumPy array and
    goes on when the import fails; sgcn hands it a list, and importing NumPy cost 0.1 s
    of the 1.6 s of ``sgcn viz`` at 2,000 entities. As in :func:`_igraph`, the import is
    made to fail for this call only; a process that has NumPy already is left alone.
    """
    if "numpy" in sys.modules:
        return igraph.Graph(n=count, edges=edges)
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        return igraph.Graph(n=count, edges=edges)
    finally:
        del sys.modules["numpy"]


def _force_layout(net: nx.MultiDiGraph, nodes: list[str], *, seed: int, iterations: int) -> list[tuple[float, float]]:
    igraph = _igraph()

    index = {node: i for i, node in enumerate(nodes)}
    pairs = {tuple(sorted((index[s], index[o]))) for s, o in net.edges() if s != o and s in index and o in index}
    graph = _graph_without_numpy(igraph, len(nodes), sorted(pairs))
    rng = random.Random(seed)
    side = math.sqrt(len(nodes))  # igraph's own start square; a smaller one defeats its grid
    start = [[rng.uniform(-side, side), rng.uniform(-side, side)] for _ in nodes]
    # igraph draws its random numbers from a module-wide generator (Python's random
    # by default): lend it a seeded one for this layout only.
    igraph.set_random_number_generator(rng)
    try:
        if len(nodes) <= KAMADA_KAWAI_UP_TO:
            coords = graph.layout_kamada_kawai(seed=start, maxiter=50 * len(nodes)).coords
        else:
            coords = graph.layout_fruchterman_reingold(seed=start, niter=iterations, grid=True).coords
    finally:
        igraph.set_random_number_generator(random)
    return [(float(x), float(y)) for x, y in coords]


def _into_frame(nodes: list[str], coords: list[tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Coordinates stretched to fill :data:`FRAME`, centred on 0, 0."""
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    sx = FRAME[0] / ((max(xs) - min(xs)) or 1.0)
    sy = FRAME[1] / ((max(ys) - min(ys)) or 1.0)
    if len(nodes) < 12:  # a few entities keep the layout's proportions
        sx = sy = min(sx, sy)
    return {node: ((x - cx) * sx, (y - cy) * sy) for node, (x, y) in zip(nodes, coords)}


def _make_room_for_labels(net: nx.MultiDiGraph, positions: dict, *, rounds: int = 80) -> dict:
    """Nudge the most connected entities apart until their labels do not overlap at zoom 1.

    Each of them takes a box: its node and, under it, its label (:func:`label_width`
    by the label's font size). Boxes are taken by rank (most connected first) while
    their area stays under a third of the frame; two boxes that overlap are pushed apart
    along the axis where they overlap least, each by half, within the frame, until none
    overlaps or ``rounds`` have passed. The page's own label placement still decides
    what is drawn; this only makes the first view hold more labels.
    """
    degree = degrees(net)
    sizes = node_sizes(net, degree)
    height = style()["labels"]["size"] + 4
    ranked = sorted(positions, key=lambda n: (-degree[n], net.nodes[n].get("label", n), n))
    boxes = {}
    area = 0.0
    for node in ranked:
        r = sizes[node]
        w = max(label_width(short_label(net.nodes[node].get("label", node))), 2 * r) + 6
        h = 2 * r + 2 + height
        if area + w * h > FRAME[0] * FRAME[1] / 3:
            break
        area += w * h
        boxes[node] = (w, h, r)
    moved = dict(positions)
    half_w, half_h = FRAME[0] / 2, FRAME[1] / 2
    cell = max(max(w for w, _, _ in boxes.values()), max(h for _, h, _ in boxes.values()))
    for _ in range(rounds):
        grid: dict[tuple[int, int], list[str]] = {}
        for node in boxes:
            x, y = moved[node]
            grid.setdefault((int(x // cell), int(y // cell)), []).append(node)
        pushes: dict[str, list[float]] = {node: [0.0, 0.0] for node in boxes}
        overlapping = False
        for (gx, gy), members in grid.items():
            near = [n for dx in (-1, 0, 1) for dy in (-1, 0, 1) for n in grid.get((gx + dx, gy + dy), ())]
            for a in members:
                ax, ay = moved[a]
                aw, ah, ar = boxes[a]
                for b in near:
                    if b <= a:
                        continue
                    bx, by = moved[b]
                    bw, bh, br = boxes[b]
                    ox = (aw + bw) / 2 - abs(ax - bx)
                    # the boxes reach from r above the node to the label's bottom below it
                    oy = min(ay + ah - ar, by + bh - br) - max(ay - ar, by - br)
                    if ox <= 0 or oy <= 0:
                        continue
                    overlapping = True
                    if ox / aw < oy / ah:
                        step = (ox / 2 + 1) * (1 if ax >= bx else -1)
                        pushes[a][0] += step
                        pushes[b][0] -= step
                    else:
                        step = (oy / 2 + 1) * (1 if ay >= by else -1)
                        pushes[a][1] += step
                        pushes[b][1] -= step
        if not overlapping:
            break
        for node, (dx, dy) in pushes.items():
            x, y = moved[node]
            moved[node] = (min(max(x + dx, -half_w), half_w), min(max(y + dy, -half_h), half_h))
    return moved


#: Above this many relations the page draws the edges itself, as plain lines without
#: arrowheads, one canvas path per relation colour under the nodes, and finds the edge
#: under the pointer itself for its tooltip and details. vis-network makes an object per
#: edge with its own copy of every edge option: on the 2,000-entity benchmark graph
#: (9,600 relations) that was 0.5-0.7 s of the page's 0.8-1.0 s of work, where the lines
#: take milliseconds. Arrowheads are specks at the zoom that fits such a network.
ARROWS_UP_TO = 2000

#: Where a page links a fact's source to when none is given: ``sgcn serve``'s default address.
DEFAULT_SERVER = "http://127.0.0.1:8000"


def server_base(url: str | None) -> str:
    """The base URL of the ``sgcn serve`` the page links to (``""``: no links).

    Raises:
        SgcnError: anything but an http(s) URL of a host (and port, and path).

    Examples:
        >>> server_base("http://127.0.0.1:8000/")
        'http://127.0.0.1:8000'
        >>> server_base("")
        ''
        >>> server_base("javascript:alert(1)")  # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        ...
        SgcnError: the server is an http(s) URL such as http://127.0.0.1:8000, not 'javascript:alert(1)'
    """
    if not url:
        return ""
    if not re.fullmatch(r"https?://[A-Za-z0-9.\-\[\]:]+(/[A-Za-z0-9._~/\-]*)?", url):
        raise SgcnError(f"the server is an http(s) URL such as {DEFAULT_SERVER}, not {url!r}")
    return url.rstrip("/")


def _document_slug(iri: str) -> str:
    """The part of a document IRI after ``.../id/document/`` (``""`` for anything else)."""
    prefix = ID + "document/"
    return iri[len(prefix):] if iri.startswith(prefix) else ""


def _evidence_for_page(items, table: dict) -> list[int]:
    """Indices into the page's table of quotes (one sentence often backs several relations)."""
    found = []
    for e in items:
        row = (e.get("quote", ""), e.get("source", ""), e.get("date", ""), _document_slug(e.get("document", "")),
               e.get("start", -1), e.get("end", -1))
        found.append(table.setdefault(row, len(table)))
    return found


def page_data(net: nx.MultiDiGraph, *, title: str = "sgcn network", server: str = DEFAULT_SERVER,
              focus: str | None = None) -> dict:
    """What the page draws, as the JSON its script reads: nodes, edges, legends, years.

    Nodes carry their position, size (by degree), canvas label (:func:`short_label`)
    and label ``rank`` (0 = the most connected: its label is placed first); edges their
    relation and evidence (the page colours nodes and edges from ``types`` and
    ``relations``, the legends): indices into ``evidence``, the table of quotes
    (quote, source, date, document and offsets, for the link to the document page of
    ``server``), which holds each sentence once however many relations it backs. ``focus`` (a node) is selected when the
    page opens.

    Examples:
        >>> net = nx.MultiDiGraph([("a", "b", "held_in")])
        >>> net.add_node("c")
        >>> data = page_data(net)
        >>> [(n["iri"], n["degree"], n["rank"]) for n in data["nodes"]]
        [('a', 1, 0), ('b', 1, 1), ('c', 0, 2)]
        >>> data["alone"], data["relations"][0]["color"] == style()["relations"]["held_in"]
        (1, True)
    """
    config = style()
    type_styles, relation_colors = config["types"], config["relations"]
    started = time.perf_counter()
    positions = layout(net)
    log.info("laid out %d entities in %.2f s", len(positions), time.perf_counter() - started)
    order = sorted(net)
    ids = {node: number for number, node in enumerate(order)}
    degree = degrees(net)
    sizes = node_sizes(net, degree)
    rank = {node: i for i, node in enumerate(sorted(order, key=lambda n: (-degree[n], net.nodes[n].get("label", n), n)))}
    nodes = []
    for node in order:
        data = net.nodes[node]
        name = data.get("label", node)
        x, y = positions[node]
        nodes.append({
            "id": ids[node],
            "iri": node,
            "name": name,
            "short": short_label(name, config["labels"]["characters"]),
            "type": data.get("type", ""),
            "size": sizes[node],
            "degree": degree[node],
            "rank": rank[node],
            "aliases": list(data.get("aliases", ())),
            "roles": list(data.get("roles", ())),
            "sources": list(data.get("sources", ())),
            "years": list(data.get("years", ())),
            "start": data.get("start", ""),
            "end": data.get("end", ""),
            "x": x,
            "y": y,
        })
    edges = []
    quotes: dict[tuple, int] = {}
    for number, (s, o, key) in enumerate(sorted(net.edges(keys=True))):
        data = net.edges[s, o, key]
        relation = data.get("relation", key)
        edges.append({
            "id": number,
            "from": ids[s],
            "to": ids[o],
            "relation": relation,
            "years": list(data.get("years", ())),
            "evidence": _evidence_for_page(data.get("evidence", ()), quotes),
        })
    type_counts = {t: 0 for t in ENTITY_TYPES}
    for _, kind in net.nodes(data="type"):
        type_counts[kind] = type_counts.get(kind, 0) + 1
    relation_counts = {r: 0 for r in RELATIONS}
    for *_, key in net.edges(keys=True):
        relation_counts[key] = relation_counts.get(key, 0) + 1
    options = json.loads(json.dumps(config["options"]))
    if len(edges) > ARROWS_UP_TO:  # arrowheads cost a quarter of the drawing and are specks at that size
        options["edges"]["arrows"]["to"]["enabled"] = False
    years = sorted({y for n in nodes for y in n["years"]} | {y for e in edges for y in e["years"]})
    alone = sum(1 for node in order if degree[node] == 0)
    return {
        "title": title,
        "server": server_base(server),
        "idBase": ID,
        "nodes": nodes,
        "edges": edges,
        "evidence": [dict(zip(("quote", "source", "date", "doc", "start", "end"), row)) for row in quotes],
        "options": options,
        "labels": config["labels"],
        "types": [
            {"name": t, "count": n, **type_styles.get(t, {"color": "#888888", "shape": "dot", "symbol": "\u25cf"})}
            for t, n in type_counts.items()
            if n
        ],
        "relations": [
            {"name": r, "label": r.replace("_", " "), "count": n, "color": relation_colors.get(r, "#888888")}
            for r, n in relation_counts.items()
            if n
        ],
        "years": [years[0], years[-1]] if years else None,
        "alone": alone,
        "ownEdges": len(edges) > ARROWS_UP_TO,
        "focus": ids.get(focus) if focus is not None else None,
        "layoutNote": (
            f"{len(nodes)} entities, positions computed by a force-directed layout"
            + (f"; the {alone} with no relation sit in rows below it" if alone else "")
            + ". Labels: the most connected first; zoom in or hover for the rest."
            + (f" Above {ARROWS_UP_TO:,} relations edges are plain lines, hidden while the view moves;"
               " the tooltip and the panel give each relation's direction." if len(edges) > ARROWS_UP_TO else "")
        ),
    }


def render(net: nx.MultiDiGraph, *, title: str = "sgcn network", server: str = DEFAULT_SERVER,
           focus: str | None = None) -> str:
    """The HTML page drawing ``net``, self-contained and safe to open from ``file://``.

    Args:
        net: a network from :func:`sgcn.graph.network.model.to_networkx` or :func:`select`.
        title: the page's title.
        server: the base URL of the ``sgcn serve`` whose document and entity pages the
            facts link to (``""``: no links).
        focus: a node of ``net`` to select when the page opens (an ego network's centre).

    Examples:
        >>> page = render(nx.MultiDiGraph(), title="empty")
        >>> page.startswith("<!DOCTYPE html>"), "cdn" in page.lower()
        (True, False)
    """
    data = page_data(net, title=title, server=server, focus=focus)
    log.info("page of %d nodes and %d edges", len(data["nodes"]), len(data["edges"]))
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
