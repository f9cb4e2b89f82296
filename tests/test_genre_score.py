"""Extraction carries over to documents beyond the seed corpus (tests/data/genre/).

Each folder is built with ``sgcn build`` and scored by ``../shared/tools/score.py``
against its own hand-written gold. The floors sit below today's scores (see
``tests/data/genre/README.md``) with room for the noise of a rule change, so that a rule
that only fits the seed's wording, or a change that breaks a family of rules, fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sgcn.graph.rdf.pipeline import build

HERE = Path(__file__).resolve().parent
GENRE = HERE / "data" / "genre"
SCORER = HERE.parent.parent / "shared" / "tools" / "score.py"
# other-hands: the development set by other hands (its README); today 0.577, the floors of
# the issue on generality (0.80 overall, 0.65 each) are the target
OVERALL_FLOOR = {"dev": 0.90, "unseen": 0.75, "fresh": 0.75, "other-hands": 0.55}
QUESTION_FLOOR = {"dev": 0.75, "unseen": 0.40, "fresh": 0.40, "other-hands": 0.30}


def sgcn_command() -> str:
    script = Path(sys.executable).with_name("sgcn")
    return str(script) if script.exists() else f"{sys.executable} -m sgcn.graph.cli"


@pytest.fixture(scope="module", params=sorted(OVERALL_FLOOR))
def built(request, tmp_path_factory) -> tuple[str, Path]:
    """Each genre folder built into a graph: its name and the graph file."""
    out = tmp_path_factory.mktemp(request.param)
    summary = build(GENRE / request.param / "docs", out / "graph.ttl")
    assert summary.written
    return request.param, out / "graph.ttl"


@pytest.fixture(scope="module")
def scored(built):
    name, graph = built
    folder, out = GENRE / name, graph.parent
    done = subprocess.run(
        [sys.executable, str(SCORER), str(folder / "gold.yaml"), "--graph", str(out / "graph.ttl"),
         "--sgcn", sgcn_command(), "--json", str(out / "score.json"), "--show-misses"],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return name, json.loads((out / "score.json").read_text(encoding="utf-8")), done.stdout


def test_the_default_store_answers_the_contract_as_oxigraph_does(built):
    """The scorer reads the default store (maplib for the library): byte for byte Oxigraph's CSV."""
    from sgcn.graph.sparql.query import Target, execute, write_result
    from sgcn.graph.sparql.store import load_graph

    _, graph = built
    auto, oxigraph = (Target(graph=load_graph(graph, store=store)) for store in ("auto", "oxigraph"))
    for name in ("entities", "relations", "roles", "events", "figures", "topics", "evidence"):
        answer = execute(auto, name=name)
        assert answer.engine == "maplib", name
        assert write_result(answer, "csv") == write_result(execute(oxigraph, name=name), "csv"), name


def test_every_genre_folder_has_documents_a_gold_and_floors():
    folders = sorted(p.name for p in GENRE.iterdir() if p.is_dir())
    assert folders == sorted(OVERALL_FLOOR)
    for name in folders:
        assert (GENRE / name / "gold.yaml").is_file()
        assert len(list((GENRE / name / "docs").iterdir())) >= 3


def test_overall_f1_floor(scored):
    name, result, report = scored
    assert result["overall_f1"] >= OVERALL_FLOOR[name], report


def test_question_f1_floors(scored):
    name, result, report = scored
    low = {q: round(r["f1"], 3) for q, r in result["questions"].items() if r["f1"] < QUESTION_FLOOR[name]}
    assert not low, report


def test_the_development_set_is_vendored_byte_for_byte():
    """The documents by other hands are kept as they were handed over (SHA256SUMS)."""
    import hashlib

    folder = GENRE / "other-hands"
    sums = dict(reversed(line.split("  ", 1)) for line in (folder / "SHA256SUMS").read_text().splitlines())
    docs = sorted(p.name for p in (folder / "docs").iterdir())
    assert docs == sorted(sums)
    for name in docs:
        assert hashlib.sha256((folder / "docs" / name).read_bytes()).hexdigest() == sums[name], name
