"""On-disk stores of large graph files: built once, in the background, atomically; used
while the file is unchanged; never half-built; the same answers as a fresh load."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sgcn.graph.sparql import cache
from sgcn.graph.sparql.library import library
from sgcn.graph.sparql.params import query_form
from sgcn.graph.sparql.query import Target, execute, write_result
from sgcn.graph.sparql.store import CachedGraph, load_graph

ROOT = Path(__file__).resolve().parents[3]
SGCN = Path(sys.executable).with_name("sgcn")


def _generator():
    spec = importlib.util.spec_from_file_location("generate_graph", ROOT / "benchmarks" / "generate_graph.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cached") / "synthetic.ttl"
    _generator().synthetic_graph(30, seed=3).serialize(path, format="turtle")
    return path


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """A cache of its own, taking every file, with no wait for files just written."""
    monkeypatch.setenv("SGCN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SGCN_CACHE_MIN_BYTES", "0")
    monkeypatch.setattr(cache, "RACY_SECONDS", 0.0)
    cache._pending.clear()
    yield cache.root()
    cache._pending.clear()


def _copy(source: Path, folder: Path, name: str = "graph.ttl") -> Path:
    target = folder.parent.parent / name  # beside the cache folder, in the test's own folder
    target.write_bytes(source.read_bytes())
    return target


def test_a_built_store_answers_every_library_query_as_a_fresh_load(synthetic, folder):
    graph = _copy(synthetic, folder)
    assert cache.lookup(graph) is None and cache.pending() == [graph]  # nothing yet: a build is asked for
    store = cache.build(graph)
    assert store == cache.lookup(graph) and (store / cache.MARKER).is_file()
    on_disk = load_graph(graph, one_query=True)
    assert isinstance(on_disk, CachedGraph) and len(on_disk) == len(load_graph(graph, store="oxigraph"))
    fresh = Target(graph=load_graph(graph, store="oxigraph"))
    cached = Target(graph=on_disk)
    people = [row[0].value for row in fresh.run(
        "SELECT ?p { ?p a <https://w3id.org/sgcn/ontology#Person> } ORDER BY ?p LIMIT 2").fetch()]
    document = fresh.run("SELECT ?d { ?d a <https://w3id.org/sgcn/ontology#Document> } ORDER BY ?d LIMIT 1").fetch()[0][0].value
    for name, header in library().items():
        params = {p.name: (people[0] if p.name in ("entity", "from") else people[1] if p.name == "to"
                           else document if p.name == "document"
                           else "Singapore" if p.name == "name" else "fund_size")
                  for p in header.params if p.required}
        fmt = "csv" if query_form(header.text) == "SELECT" else "nt"
        assert write_result(execute(cached, name=name, params=params), fmt) == \
            write_result(execute(fresh, name=name, params=params), fmt), name
    # a query that reads the whole graph runs in memory; the others on disk
    assert on_disk.store_for(library()["evidence"].text) is not on_disk.disk
    assert on_disk.store_for(library()["entities"].text) is on_disk.disk


def test_a_changed_file_is_never_answered_from_the_old_store(synthetic, folder):
    graph = _copy(synthetic, folder)
    old = cache.build(graph)
    with open(graph, "a", encoding="utf-8") as handle:
        handle.write('\n<https://w3id.org/sgcn/id/person/new-one> <http://www.w3.org/2004/02/skos/core#prefLabel> "New One" .\n')
    assert cache.lookup(graph) is None  # another hash: no store yet
    answer = load_graph(graph, one_query=True)
    assert not isinstance(answer, CachedGraph)
    assert Target(graph=answer).run('ASK { ?s ?p "New One" }').boolean
    new = cache.build(graph)
    assert new != old and cache.lookup(graph) == new
    assert Target(graph=load_graph(graph, one_query=True)).run('ASK { ?s ?p "New One" }').boolean


def test_the_hash_of_an_unchanged_file_comes_from_its_stamp(synthetic, folder, monkeypatch):
    graph = _copy(synthetic, folder)
    store = cache.build(graph)
    monkeypatch.setattr(cache, "digest", lambda path: pytest.fail("hashed again"))
    assert cache.lookup(graph) == store
    # a file touched so recently that a change could hide in the same clock tick is hashed
    monkeypatch.setattr(cache, "RACY_SECONDS", 3600.0)
    with pytest.raises(pytest.fail.Exception, match="hashed again"):
        cache.lookup(graph)


def test_half_built_stores_are_never_opened(synthetic, folder):
    graph = _copy(synthetic, folder)
    sha256 = cache.digest(graph)
    half = folder / "stores" / sha256
    half.mkdir(parents=True)
    (half / "CURRENT").write_text("not a store")  # no sgcn-store.json: not finished
    leftover = folder / "building" / f"{sha256}-999-1"
    leftover.mkdir(parents=True)
    assert cache.lookup(graph) is None
    assert not isinstance(load_graph(graph, one_query=True), CachedGraph)
    # a builder clears what a killed one left and replaces what is not a finished store
    assert cache.build(graph) == half and (half / cache.MARKER).is_file()
    assert not leftover.exists() and isinstance(load_graph(graph, one_query=True), CachedGraph)


def test_a_killed_builder_leaves_nothing_that_is_opened(synthetic, folder):
    graph = _copy(synthetic, folder)
    builder = subprocess.Popen([sys.executable, "-m", "sgcn.graph.sparql.cache", str(graph)], env=os.environ.copy())
    time.sleep(0.5)
    builder.send_signal(signal.SIGKILL)
    builder.wait()
    stores = folder / "stores"
    # the builder worked in a folder of its own: a store under its final name is finished
    assert all((store / cache.MARKER).is_file() for store in (stores.iterdir() if stores.exists() else ()))
    store = cache.build(graph)
    assert store is not None and cache.lookup(graph) == store
    assert not list((folder / "building").iterdir())


def test_builders_at_once_make_one_store_and_readers_never_wait(synthetic, folder):
    graph = _copy(synthetic, folder)
    builders = [subprocess.Popen([sys.executable, "-m", "sgcn.graph.sparql.cache", str(graph)], env=os.environ.copy())
                for _ in range(3)]
    readers = [load_graph(graph, one_query=True) for _ in range(3)]  # in memory or on disk, never an error
    assert [builder.wait(timeout=300) for builder in builders] == [0, 0, 0]
    assert len(list((folder / "stores").iterdir())) == 1
    assert all(len(reader) == len(readers[0]) for reader in readers)
    assert isinstance(load_graph(graph, one_query=True), CachedGraph)


def test_sgcn_query_builds_the_store_after_its_answer_and_the_next_one_opens_it(synthetic, tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_bytes(synthetic.read_bytes())
    env = {**os.environ, "SGCN_CACHE_DIR": str(tmp_path / "cache"), "SGCN_CACHE_MIN_BYTES": "0"}
    command = [str(SGCN), "-v", "query", "entities", "--graph", str(graph)]
    first = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert first.returncode == 0, first.stderr
    assert "opened the on-disk store" not in first.stderr and "building an on-disk store" in first.stderr
    deadline = time.monotonic() + 120
    while not list((tmp_path / "cache").glob("oxigraph-*/stores/*/" + cache.MARKER)):
        assert time.monotonic() < deadline, "the background builder made no store"
        time.sleep(0.2)
    second = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert second.returncode == 0, second.stderr
    assert "opened the on-disk store" in second.stderr
    assert second.stdout == first.stdout and second.stdout.count("\n") > 100


def test_small_files_and_a_cache_turned_off_are_loaded_in_memory(synthetic, tmp_path, monkeypatch):
    graph = tmp_path / "graph.ttl"
    graph.write_bytes(synthetic.read_bytes())
    cache._pending.clear()
    monkeypatch.setenv("SGCN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SGCN_CACHE_MIN_BYTES", raising=False)
    assert graph.stat().st_size < cache.MIN_BYTES
    assert cache.lookup(graph) is None and cache.pending() == []
    monkeypatch.setenv("SGCN_CACHE_MIN_BYTES", "0")
    monkeypatch.setenv("SGCN_CACHE_DIR", "off")
    assert cache.root() is None and cache.lookup(graph) is None and cache.pending() == []
    assert cache.build(graph) is None
