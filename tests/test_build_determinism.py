"""Two builds of the same sources give the same bytes; the committed graph is current."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

from sgcn.graph.rdf.pipeline import build

REPO = Path(__file__).resolve().parent.parent
COMMITTED = REPO / "graph" / "sgcn.ttl"


def describe_difference(a: Path, b: Path) -> str:
    _both, only_a, only_b = graph_diff(to_isomorphic(Graph().parse(a)), to_isomorphic(Graph().parse(b)))
    lines = [f"only in {a.name}: {' '.join(t.n3() for t in triple)}" for triple in sorted(only_a)[:20]]
    lines += [f"only in {b.name}: {' '.join(t.n3() for t in triple)}" for triple in sorted(only_b)[:20]]
    return "\n".join(lines) or "same triples, different bytes"


def test_two_builds_give_identical_bytes(corpus_build, tmp_path):
    first, _summary = corpus_build
    second = tmp_path / "again.ttl"
    build(REPO / "sources", second, cache=False, jobs=2)  # everything again, in two worker processes
    assert first.read_bytes() == second.read_bytes(), describe_difference(first, second)


def test_same_bytes_under_another_hash_seed(corpus_build, tmp_path):
    first, _summary = corpus_build
    other = tmp_path / "seeded.ttl"
    env = dict(os.environ, PYTHONHASHSEED="4242")
    subprocess.run(
        [sys.executable, "-m", "sgcn.graph.cli", "-q", "build", "--no-cache", "--sources", str(REPO / "sources"),
         "--out", str(other)],
        check=True, env=env, cwd=tmp_path, capture_output=True, timeout=600,
    )
    assert first.read_bytes() == other.read_bytes(), describe_difference(first, other)


def test_committed_graph_is_what_the_build_makes(corpus_build):
    fresh, _summary = corpus_build
    assert COMMITTED.is_file(), "graph/sgcn.ttl is missing: run `make build` and commit it"
    assert COMMITTED.read_bytes() == fresh.read_bytes(), (
        "graph/sgcn.ttl is stale: run `make build` and commit it\n" + describe_difference(COMMITTED, fresh)
    )
