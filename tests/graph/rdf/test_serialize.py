"""Deterministic Turtle and atomic writes."""

from __future__ import annotations

import os
import stat

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from sgcn.graph.rdf import serialize
from sgcn.graph.rdf.build import build_graph
from sgcn.graph.rdf.serialize import to_turtle, write_atomic, write_turtle


def test_turtle_round_trips_and_is_stable(extraction, tmp_path):
    graph = build_graph([extraction])
    data = to_turtle(graph)
    assert data == to_turtle(build_graph([extraction]))
    assert isomorphic(Graph().parse(data=data, format="turtle"), graph)
    path = write_turtle(graph, tmp_path / "deep" / "g.ttl")
    assert path.read_bytes() == data


def test_failed_write_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "g.ttl"
    target.write_bytes(b"old graph")

    def refuse(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(serialize.os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, b"new graph")
    assert target.read_bytes() == b"old graph"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl"]


def test_interrupted_write_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "g.ttl"
    target.write_bytes(b"old graph")

    def interrupted(_fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(serialize.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"half a gra")
    assert target.read_bytes() == b"old graph"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl"]


def test_write_replaces_in_one_step(tmp_path):
    target = tmp_path / "g.ttl"
    target.write_bytes(b"old")
    inode_before = os.stat(target).st_ino
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.stat(target).st_ino != inode_before


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_gets_the_users_umask(tmp_path, umask, mode):
    """A graph or page published from a shared folder is readable as the user's umask says
    (the temporary file alone would make it 0600)."""
    old = os.umask(umask)
    try:
        path = write_atomic(tmp_path / "g.ttl", b"data")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_a_replaced_file_keeps_its_mode(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(path, b"new")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640 and path.read_bytes() == b"new"
