"""What starting the command loads: `sgcn --help` no engine, `sgcn query` no rdflib.

Times belong to benchmarks/bench_fast.py (a shared machine makes a timed test flaky);
what is imported is what makes them, and it is checked here in a fresh interpreter.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("networkx", "rdflib", "pyoxigraph", "maplib", "polars", "spacy", "pyshacl", "yaml", "dateparser",
         "igraph", "httpx", "tqdm", "flask", "waitress",
         "sgcn.loaders.extract", "sgcn.loaders.registry", "sgcn.graph.rdf.build")


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code`` (its stdout is discarded)."""
    probe = (
        "import contextlib, io, json, sys\n"
        f"with contextlib.redirect_stdout(io.StringIO()):\n    exec({code!r})\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(name for name in names if name in modules or any(m.startswith(name + ".") for m in modules))


def test_help_and_the_argument_parser_load_no_engine():
    modules = modules_after("from sgcn.graph.cli import main\nmain(['--help'])")
    assert loaded(modules, HEAVY) == []
    for command in ("query", "viz", "analyze", "export", "serve", "push", "build", "add", "evaluate"):
        assert loaded(modules_after(f"from sgcn.graph.cli import main\nmain([{command!r}, '--help'])"), HEAVY) == []


@pytest.mark.parametrize("argv", [
    ["query", "entities"],
    ["query", "entity-facts", "-p", "entity=Luke Goh", "--format", "json"],
    ["query", "--list"],
])
def test_a_query_loads_oxigraph_and_nothing_heavier(argv):
    modules = modules_after(f"from sgcn.graph.cli import main\nassert main({argv!r}) == 0")
    assert "pyoxigraph" in modules
    assert loaded(modules, tuple(name for name in HEAVY if name != "pyoxigraph")) == []


def test_the_network_commands_do_not_load_rdflib(tmp_path):
    modules = modules_after(f"from sgcn.graph.cli import main\nassert main(['export', '--format', 'csv-nodes', "
                            f"'--out', {str(tmp_path / 'n.csv')!r}]) == 0")
    assert "networkx" in modules and "pyoxigraph" in modules
    assert loaded(modules, ("rdflib", "maplib", "spacy", "sgcn.loaders.extract")) == []


def test_viz_loads_igraph_but_neither_numpy_matplotlib_nor_rdflib(tmp_path):
    """igraph lays the network out; its drawing backend (matplotlib), texttable's wcwidth
    and the NumPy check of its Graph constructor are kept from loading (0.05-1.4 s each,
    nothing sgcn uses)."""
    modules = modules_after(f"from sgcn.graph.cli import main\nassert main(['viz', '--out', "
                            f"{str(tmp_path / 'n.html')!r}]) == 0")
    assert "igraph" in modules and "networkx" in modules
    assert loaded(modules, ("numpy", "matplotlib", "wcwidth", "rdflib", "spacy", "sgcn.loaders.extract",
                            "sgcn.loaders.facts")) == []
