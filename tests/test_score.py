"""The graph built from sources/ answers the seed gold well enough, by ``sgcn evaluate``.

The floors are in ``tests/data/score-floors.yaml`` (set ``seed``). The gold is the
project's own copy (``tests/data/seed/gold.yaml``), so a clone scores itself with
nothing beside it; where the scorer first handed to the project is there too
(``../shared/tools/score.py``, as on CI), ``sgcn evaluate`` must agree with it to the
third decimal.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sgcn.graph.evaluate import evaluate_file
from sgcn.graph.evaluate.report import misses, table
from sgcn.graph.evaluate.scoring import QUESTIONS

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "data" / "seed" / "gold.yaml"
FLOORS = yaml.safe_load((REPO / "tests" / "data" / "score-floors.yaml").read_text(encoding="utf-8"))["seed"]
SCORER = REPO.parent / "shared" / "tools" / "score.py"


def sgcn_command() -> str:
    script = Path(sys.executable).with_name("sgcn")
    return str(script) if script.exists() else f"{sys.executable} -m sgcn.graph.cli"


@pytest.fixture(scope="module")
def scored(corpus_build):
    graph, _summary = corpus_build
    result = evaluate_file(GOLD, graph)
    return result, f"{misses(result)}\n\n{table(result)}"


def test_overall_f1_floor(scored):
    result, report = scored
    assert result.overall_f1 >= FLOORS["overall"], report


@pytest.mark.parametrize("question", QUESTIONS)
def test_question_f1_floor(scored, question):
    result, report = scored
    floor = (FLOORS.get("questions") or {}).get(question, FLOORS["question"])
    assert result.questions[question].f1 >= floor, report


def agree_to_the_third_decimal(result, scorer: dict) -> list[str]:
    """Where ``sgcn evaluate``'s result and score.py's JSON differ (counts exactly, rates to 3 decimals)."""
    differences = []
    for question, theirs in scorer["questions"].items():
        ours = result.questions[question]
        if (ours.tp, ours.fp, ours.fn) != (theirs["tp"], theirs["fp"], theirs["fn"]):
            differences.append(f"{question}: TP/FP/FN {(ours.tp, ours.fp, ours.fn)} against "
                               f"{(theirs['tp'], theirs['fp'], theirs['fn'])}")
        for rate in ("precision", "recall", "f1"):
            if round(getattr(ours, rate), 3) != round(theirs[rate], 3):
                differences.append(f"{question} {rate}: {getattr(ours, rate):.3f} against {theirs[rate]:.3f}")
    if round(result.overall_f1, 3) != round(scorer["overall_f1"], 3):
        differences.append(f"overall F1 {result.overall_f1:.3f} against {scorer['overall_f1']:.3f}")
    return differences


def run_scorer(gold: Path, graph: Path, out: Path) -> dict:
    done = subprocess.run(
        [sys.executable, str(SCORER), str(gold), "--graph", str(graph), "--sgcn", sgcn_command(), "--json", str(out)],
        capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.skipif(not SCORER.is_file(), reason="no ../shared/tools/score.py beside the checkout to compare with")
def test_agrees_with_the_scorer_beside_the_checkout(scored, corpus_build, tmp_path):
    result, _ = scored
    assert not agree_to_the_third_decimal(result, run_scorer(GOLD, corpus_build[0], tmp_path / "score.json"))
