"""The graph built from sources/ answers the seed gold well enough (run by ../shared/tools/score.py).

Floors: overall F1 >= 0.90 and F1 >= 0.80 on each competency question. ``shared/``
is located as ``../shared`` next to the checkout, as on CI.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
OVERALL_FLOOR = 0.90
QUESTION_FLOOR = 0.80


def sgcn_command() -> str:
    script = Path(sys.executable).with_name("sgcn")
    if script.exists():
        return str(script)
    found = shutil.which("sgcn")
    return found or f"{sys.executable} -m sgcn.graph.cli"


@pytest.fixture(scope="module")
def scores(corpus_build, tmp_path_factory):
    graph, _summary = corpus_build
    out = tmp_path_factory.mktemp("score") / "score.json"
    done = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), str(SHARED / "spec" / "seed-gold.yaml"),
         "--graph", str(graph), "--sgcn", sgcn_command(), "--json", str(out), "--show-misses"],
        capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text(encoding="utf-8")), done.stdout


def test_scorer_and_gold_are_there():
    assert (SHARED / "tools" / "score.py").is_file()
    assert (SHARED / "spec" / "seed-gold.yaml").is_file()


def test_overall_f1_floor(scores):
    result, report = scores
    assert result["overall_f1"] >= OVERALL_FLOOR, report


@pytest.mark.parametrize("question", ["entities", "relations", "roles", "events", "figures", "topics"])
def test_question_f1_floor(scores, question):
    result, report = scores
    assert result["questions"][question]["f1"] >= QUESTION_FLOOR, report
