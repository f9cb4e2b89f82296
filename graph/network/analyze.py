"""Who is central, who bridges the two sides, which groups form, how two entities connect.

All of it runs on the network of :func:`sgcn.graph.network.model.to_networkx`, seen as an
undirected simple graph (:func:`sgcn.graph.network.model.simple_graph`): a relation links
two entities whichever way it is stated.

- :func:`centrality`: degree and betweenness centrality of people and organizations.
- :func:`side_of` / :func:`sides`: whether an organization is on the Singapore side or
  the China side, from ``graph/rdf/sides.yaml`` (well-known bodies, places and demonyms in
  its names, the places it is related to).
- :func:`bridges`: the entities that lie on the shortest paths between Singapore-side
  and China-side organizations (betweenness restricted to those pairs).
- :func:`communities`: Louvain communities (networkx, fixed seed).
- :func:`path`: the shortest chain of relations between two entities, each step with
  its evidence quotes and sources.

:func:`report` gathers them as plain data and :func:`format_report` prints it.

Examples:
    >>> net = nx.MultiDiGraph()
    >>> for iri, kind, label in [("p", "Person", "Ana Lim"), ("o", "Organization", "Data Office")]:
    ...     net.add_node(iri, type=kind, label=label, aliases=())
    >>> net.add_edge("p", "o", key="member_of", relation="member_of", evidence=())
    'member_of'
    >>> [row["label"] for row in centrality(net)["Person"]]
    ['Ana Lim']
"""

from __future__ import annotations

import logging

import networkx as nx

from sgcn.graph.network.model import find_entity, names, simple_graph
from sgcn.graph.rdf.sides import BILATERAL, CHINA, SINGAPORE, SideRules, side_of_names, side_rules  # noqa: F401
from sgcn.loaders.errors import SgcnError

log = logging.getLogger(__name__)

#: Above this many nodes betweenness is estimated from a fixed sample of sources.
EXACT_BETWEENNESS_UP_TO = 2000


def side_of(net: nx.MultiDiGraph, node: str) -> str | None:
    """``"Singapore"``, ``"China"``, ``"bilateral"`` or ``None`` for an organization or place.

    See :mod:`sgcn.graph.rdf.sides` for the order of the rules.

    Examples:
        >>> net = nx.MultiDiGraph()
        >>> net.add_node("a", type="Organization", label="Chongqing Liangjiang Bureau", aliases=())
        >>> net.add_node("b", type="Organization", label="MTI", aliases=("Ministry of Trade and Industry",))
        >>> net.add_node("c", type="Organization", label="China-Singapore Data Company", aliases=())
        >>> side_of(net, "a"), side_of(net, "b"), side_of(net, "c")
        ('China', 'Singapore', 'bilateral')
    """
    data = net.nodes[node]
    if data.get("type") not in ("Organization", "Place"):
        return None
    related = () if data.get("type") == "Place" else (
        side_of(net, other) for other in nx.all_neighbors(net, node) if net.nodes[other].get("type") == "Place")
    return side_of_names(data["type"], names(net, node), related)


def sides(net: nx.MultiDiGraph) -> dict[str, str]:
    """The side of every organization that has one.

    Examples:
        >>> sides(nx.MultiDiGraph())
        {}
    """
    found = {}
    for node, kind in net.nodes(data="type"):
        if kind == "Organization":
            side = side_of(net, node)
            if side:
                found[node] = side
    return found


def _row(net: nx.MultiDiGraph, node: str, **values) -> dict:
    return {"entity": node, "label": net.nodes[node].get("label", node), "type": net.nodes[node].get("type", ""), **values}


def _betweenness(simple: nx.Graph, **kwargs) -> dict[str, float]:
    if simple.number_of_nodes() > EXACT_BETWEENNESS_UP_TO:
        log.info("estimating betweenness from %d sampled sources", EXACT_BETWEENNESS_UP_TO // 4)
        return nx.betweenness_centrality(simple, k=EXACT_BETWEENNESS_UP_TO // 4, seed=0, **kwargs)
    return nx.betweenness_centrality(simple, **kwargs)


def centrality(net: nx.MultiDiGraph, *, top: int = 10, types: tuple[str, ...] = ("Person", "Organization")) -> dict:
    """The ``top`` entities of each type by betweenness, then degree centrality.

    Returns:
        ``{type: [{"entity", "label", "type", "degree", "degree_centrality",
        "betweenness"}, ...]}``, most central first.

    Examples:
        >>> net = nx.MultiDiGraph([("a", "b"), ("b", "c")])
        >>> for n in net:
        ...     net.nodes[n].update(label=n.upper(), type="Person")
        >>> [(r["label"], r["betweenness"]) for r in centrality(net, top=2)["Person"]]
        [('B', 1.0), ('A', 0.0)]
    """
    simple = simple_graph(net)
    if simple.number_of_nodes() == 0:
        return {kind: [] for kind in types}
    degree = nx.degree_centrality(simple)
    betweenness = _betweenness(simple)
    ranked = {}
    for kind in types:
        members = [n for n in simple if simple.nodes[n].get("type") == kind]
        members.sort(key=lambda n: (-betweenness[n], -degree[n], simple.nodes[n].get("label", n)))
        ranked[kind] = [
            _row(
                net,
                n,
                degree=simple.degree(n),
                degree_centrality=round(degree[n], 4),
                betweenness=round(betweenness[n], 4),
            )
            for n in members[:top]
        ]
    return ranked


def bridges(net: nx.MultiDiGraph, *, top: int = 10) -> list[dict]:
    """Entities on the shortest paths between Singapore-side and China-side organizations.

    The score is betweenness restricted to (Singapore organization, China organization)
    pairs (:func:`networkx.betweenness_centrality_subset`): the share of those pairs'
    shortest paths that pass through the entity. Each row also counts the organizations
    of each side the entity is directly related to.

    Examples:
        >>> net = nx.MultiDiGraph()
        >>> net.add_node("sg", type="Organization", label="Singapore Data Office", aliases=())
        >>> net.add_node("cn", type="Organization", label="Chengdu Data Bureau", aliases=())
        >>> net.add_node("ev", type="Event", label="Data Week", aliases=())
        >>> _ = net.add_edge("sg", "ev", key="organized"); _ = net.add_edge("cn", "ev", key="organized")
        >>> [(row["label"], row["score"]) for row in bridges(net)]
        [('Data Week', 1.0)]
    """
    side = sides(net)
    singapore = [n for n, s in side.items() if s == SINGAPORE]
    china = [n for n, s in side.items() if s == CHINA]
    if not singapore or not china:
        log.info("no bridges: %d Singapore-side and %d China-side organizations", len(singapore), len(china))
        return []
    simple = simple_graph(net)
    score = nx.betweenness_centrality_subset(simple, sources=singapore, targets=china, normalized=False)
    # networkx halves subset betweenness on undirected graphs although each
    # (source, target) pair is walked once; undo that to get a share of pairs.
    pairs = len(singapore) * len(china) / 2
    rows = []
    for node, value in score.items():
        if value <= 0:
            continue
        neighbours = [side.get(n) for n in simple[node]]
        rows.append(
            _row(
                net,
                node,
                side=side.get(node, ""),
                score=round(value / pairs, 4),
                singapore_neighbours=neighbours.count(SINGAPORE),
                china_neighbours=neighbours.count(CHINA),
            )
        )
    rows.sort(key=lambda r: (-r["score"], r["label"]))
    return rows[:top]


def communities(net: nx.MultiDiGraph, *, top_members: int = 5, min_size: int = 2) -> list[dict]:
    """Louvain communities of the network (seed 0), largest first.

    Returns:
        ``[{"size", "members": [row, ...]}]``, members by degree, ``top_members`` each.

    Examples:
        >>> net = nx.MultiDiGraph([("a", "b"), ("c", "d")])
        >>> for n in net:
        ...     net.nodes[n].update(label=n, type="Event")
        >>> [c["size"] for c in communities(net)]
        [2, 2]
    """
    simple = simple_graph(net)
    if simple.number_of_edges() == 0:
        return []
    groups = nx.community.louvain_communities(simple, seed=0)
    found = []
    for group in groups:
        if len(group) < min_size:
            continue
        members = sorted(group, key=lambda n: (-simple.degree(n), simple.nodes[n].get("label", n)))
        found.append({"size": len(group), "members": [_row(net, n, degree=simple.degree(n)) for n in members[:top_members]]})
    found.sort(key=lambda c: (-c["size"], c["members"][0]["label"]))
    return found


def path(net: nx.MultiDiGraph, start: str, end: str) -> list[dict]:
    """The shortest chain of relations from ``start`` to ``end`` (any of their names).

    Returns:
        One dict per step: ``from``/``to`` rows and ``relations``, each relation with
        its ``relation`` name, ``direction`` (``"forward"`` when stated from the
        step's ``from`` to its ``to``) and ``evidence`` (quote, source, date).

    Raises:
        SgcnError: when a name matches no entity or the two are not connected.

    Examples:
        >>> net = nx.MultiDiGraph()
        >>> for n in "abc":
        ...     net.add_node(n, label=n.upper(), type="Event", aliases=())
        >>> _ = net.add_edge("a", "b", key="part_of", relation="part_of", evidence=())
        >>> _ = net.add_edge("c", "b", key="part_of", relation="part_of", evidence=())
        >>> [(s["from"]["label"], s["relations"][0]["direction"], s["to"]["label"]) for s in path(net, "A", "C")]
        [('A', 'forward', 'B'), ('B', 'backward', 'C')]
    """
    source, target = find_entity(net, start), find_entity(net, end)
    simple = simple_graph(net)
    try:
        nodes = nx.shortest_path(simple, source, target)
    except nx.NetworkXNoPath as err:
        raise SgcnError(f"no chain of relations links {start!r} and {end!r}") from err
    steps = []
    for here, there in zip(nodes, nodes[1:]):
        relations = []
        for a, b, direction in ((here, there, "forward"), (there, here, "backward")):
            for key, data in sorted(net.get_edge_data(a, b, default={}).items()):
                relations.append(
                    {"relation": data.get("relation", key), "direction": direction, "evidence": list(data.get("evidence", ()))}
                )
        steps.append({"from": _row(net, here), "to": _row(net, there), "relations": relations})
    return steps


def report(net: nx.MultiDiGraph, *, top: int = 10) -> dict:
    """Centrality, bridges and communities of ``net`` as plain data (JSON-ready).

    Examples:
        >>> sorted(report(nx.MultiDiGraph()))
        ['bridges', 'central', 'communities', 'entities', 'relations', 'sides']
    """
    return {
        "entities": net.number_of_nodes(),
        "relations": net.number_of_edges(),
        "central": centrality(net, top=top),
        "sides": {label: sum(1 for s in sides(net).values() if s == label) for label in (SINGAPORE, CHINA, BILATERAL)},
        "bridges": bridges(net, top=top),
        "communities": communities(net),
    }


def format_report(data: dict) -> str:
    """The report of :func:`report` as text for a terminal.

    Examples:
        >>> print(format_report({"entities": 0, "relations": 0, "central": {}, "sides": {},
        ...                      "bridges": [], "communities": []}))  # doctest: +NORMALIZE_WHITESPACE
        Network: 0 entities, 0 relations
        Bridges between Singapore-side and China-side organizations (0 Singapore, 0 China, 0 bilateral)
          (none: the graph needs organizations of both sides)
        Communities (Louvain)
          (none)
    """
    lines = [f"Network: {data['entities']} entities, {data['relations']} relations"]
    for kind, rows in data["central"].items():
        lines.append(f"Most central {kind.lower()}s (betweenness, degree)")
        lines += [f"  {r['betweenness']:.4f}  {r['degree']:>3}  {r['label']}" for r in rows] or ["  (none)"]
    counts = data["sides"]
    lines.append(
        "Bridges between Singapore-side and China-side organizations "
        f"({counts.get(SINGAPORE, 0)} Singapore, {counts.get(CHINA, 0)} China, {counts.get(BILATERAL, 0)} bilateral)"
    )
    lines += [
        f"  {r['score']:.4f}  {r['label']} ({r['type']}; related to {r['singapore_neighbours']} Singapore-side,"
        f" {r['china_neighbours']} China-side)"
        for r in data["bridges"]
    ] or ["  (none: the graph needs organizations of both sides)"]
    lines.append("Communities (Louvain)")
    for number, community in enumerate(data["communities"], 1):
        members = ", ".join(m["label"] for m in community["members"])
        lines.append(f"  {number}. {community['size']} entities: {members}")
    if not data["communities"]:
        lines.append("  (none)")
    return "\n".join(lines)


def format_path(steps: list[dict]) -> str:
    """A chain of :func:`path` as text: one line per relation, its quotes below it.

    Examples:
        >>> step = {"from": {"label": "A"}, "to": {"label": "B"}, "relations": [
        ...     {"relation": "part_of", "direction": "backward",
        ...      "evidence": [{"quote": "B is part of A.", "source": "x.txt", "date": ""}]}]}
        >>> print(format_path([step]))
        A <-[part_of]- B
            "B is part of A." (x.txt)
    """
    lines = []
    for step in steps:
        for relation in step["relations"]:
            arrow = f"-[{relation['relation']}]->" if relation["direction"] == "forward" else f"<-[{relation['relation']}]-"
            lines.append(f"{step['from']['label']} {arrow} {step['to']['label']}")
            for evidence in relation["evidence"]:
                lines.append(f"    \"{evidence['quote']}\" ({evidence['source']})")
            if not relation["evidence"]:
                lines.append("    (no evidence recorded)")
    return "\n".join(lines)
