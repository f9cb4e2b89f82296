"""The layout of ``graph/`` stays honest: rooms import one way, modules never in a circle.

Imports are read from the source with ``ast``, at module level and inside functions
alike: an import deferred into a function (to keep ``sgcn --help`` fast, or an optional
part optional) is still a dependency, so deferring one cannot hide a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

GRAPH = Path(__file__).resolve().parents[2] / "graph"
ROOMS = ("rdf", "sparql", "network", "web", "evaluate", "cli")
# what each room may import from the others (as graph/__init__.py says)
ALLOWED = {
    "rdf": set(),
    "sparql": {"rdf"},
    "network": {"rdf"},
    "web": {"rdf", "sparql"},
    "evaluate": {"rdf", "sparql"},
    "cli": {"rdf", "sparql", "network", "web", "evaluate"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(GRAPH).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(("sgcn", "graph") + parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(GRAPH.rglob("*.py"))}


def imported(path: Path, known: set[str]) -> set[str]:
    """The ``sgcn.graph`` modules a file imports (``from sgcn.graph.x import y``
    counts ``sgcn.graph.x.y`` where that is a module, else ``sgcn.graph.x``)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import (the conventions ask for absolute ones)"
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                names.add(candidate if candidate in known else node.module)
    return {name for name in names if name in known}


def import_graph() -> nx.DiGraph:
    found = modules()
    graph = nx.DiGraph()
    graph.add_nodes_from(found)
    for name, path in found.items():
        graph.add_edges_from((name, target) for target in imported(path, set(found)) if target != name)
    return graph


def room_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 else None


def test_graph_holds_only_the_rooms():
    assert {path.name for path in GRAPH.glob("*.py")} == {"__init__.py"}
    assert sorted(p.name for p in GRAPH.iterdir() if (p / "__init__.py").is_file()) == sorted(ROOMS)
    for room in ROOMS:
        assert ast.get_docstring(ast.parse((GRAPH / room / "__init__.py").read_text(encoding="utf-8"))), room


def test_the_import_graph_is_read():
    graph = import_graph()
    assert ("sgcn.graph.sparql.query", "sgcn.graph.sparql.store") in graph.edges
    assert ("sgcn.graph.network.viz", "sgcn.graph.network.model") in graph.edges
    # a deferred import counts (the CLI imports every room inside its handlers)
    assert ("sgcn.graph.cli.commands", "sgcn.graph.web.server") in graph.edges
    # `from sgcn.graph.sparql import columnar` names the module
    assert ("sgcn.graph.sparql.store", "sgcn.graph.sparql.columnar") in graph.edges


def test_no_module_imports_in_a_circle():
    cycles = list(nx.simple_cycles(import_graph()))
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c + c[:1]) for c in cycles)


@pytest.mark.parametrize("room", ROOMS)
def test_a_room_imports_only_the_rooms_below_it(room):
    graph = import_graph()
    used = {room_of(target) for source, target in graph.edges
            if room_of(source) == room and room_of(target) not in (None, room)}
    assert used <= ALLOWED[room], f"sgcn.graph.{room} imports {sorted(used - ALLOWED[room])}"


def test_the_allowed_room_graph_has_no_cycle():
    rooms = nx.DiGraph([(room, other) for room, others in ALLOWED.items() for other in others])
    assert nx.is_directed_acyclic_graph(rooms)
