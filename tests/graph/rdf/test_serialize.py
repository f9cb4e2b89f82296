"""Deterministic Turtle and atomic writes."""

from __future__ import annotations

import os

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
