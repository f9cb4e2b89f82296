"""Without the ``network`` extra (networkx, igraph), as after ``pip install sgcn``: the
network commands say which extra to install and write nothing; the RDF exports work.

Each case runs in a fresh interpreter in which networkx and igraph cannot be found nor
imported (they are installed in the test environment: ``sys.modules[name] = None`` hides
them from ``import`` and ``importlib.util.find_spec`` alike).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parents[2] / "data" / "network" / "fixture.ttl"

WITHOUT_EXTRA = """
import sys

sys.modules["networkx"] = sys.modules["igraph"] = None
from sgcn.graph.cli import main
code = main(sys.argv[1:])
print("networkx imported" if sys.modules["networkx"] else "networkx not imported", file=sys.stderr)
sys.exit(code)
"""


def run(*argv: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", WITHOUT_EXTRA, *argv], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("argv", [
    ("viz", "--out", "page.html"),
    ("analyze",),
    ("export", "--format", "gexf", "--out", "page.html"),
    ("export", "--format", "csv-nodes", "--out", "page.html"),
])
def test_network_commands_name_the_extra_and_write_nothing(tmp_path, argv):
    done = run(*argv, "--graph", str(FIXTURE), cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "pip install 'sgcn[network]'" in done.stderr
    assert f"sgcn {argv[0]}: " in done.stderr
    assert "internal error" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_rdf_exports_need_no_network_extra(tmp_path):
    done = run("export", "--format", "ntriples", "--graph", str(FIXTURE), "--out", "graph.nt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "networkx not imported" in done.stderr
    lines = (tmp_path / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert len(lines) > 100 and lines == sorted(lines)
