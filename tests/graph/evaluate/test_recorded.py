"""``sgcn.graph.evaluate`` says of frozen answers what the project's first scorer said of them.

The answers of two graphs (the seed build and the development set's build, see
``tests/data/evaluate/README.md``) are scored against their golds and compared with the
numbers ``shared/tools/score.py`` printed for the same graphs: every count exactly,
every rate to the sixth decimal (the contract asks for the third).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from sgcn.graph.evaluate import load_gold, score_answers
from sgcn.graph.evaluate.scoring import QUESTIONS

REPO = Path(__file__).resolve().parents[3]
DATA = REPO / "tests" / "data" / "evaluate"
GOLDS = {"seed": REPO / "tests/data/seed/gold.yaml", "other-hands": REPO / "tests/data/genre/other-hands/gold.yaml"}
RECORDED = json.loads((DATA / "expected-by-score-py.json").read_text(encoding="utf-8"))


def frozen_answers(name: str) -> dict[str, list[dict[str, str]]]:
    answers = {}
    for question in QUESTIONS:
        with (DATA / "answers" / name / f"{question}.csv").open(encoding="utf-8", newline="") as f:
            answers[question] = [{k: v.strip() for k, v in row.items()} for row in csv.DictReader(f)]
    return answers


@pytest.mark.parametrize("name", sorted(GOLDS))
def test_the_same_scores_as_recorded(name):
    recorded = RECORDED[name]
    result = score_answers(load_gold(GOLDS[name]), frozen_answers(name))
    assert sum(len(rows) for rows in frozen_answers(name).values()) > 100
    assert result.overall_f1 == pytest.approx(recorded["overall_f1"], abs=5e-7)
    for question, want in recorded["questions"].items():
        got = result.questions[question]
        assert (got.tp, got.fp, got.fn) == (want["tp"], want["fp"], want["fn"]), question
        for rate in ("precision", "recall", "f1"):
            assert getattr(got, rate) == pytest.approx(want[rate], abs=5e-7), (question, rate)
        for measure, (right, total) in got.accuracy.items():
            assert right / total == pytest.approx(want[measure.replace(" ", "_") + "_agreement"], abs=5e-7)
        if question == "roles":
            assert got.role_text_overlap == pytest.approx(want["role_text_overlap"], abs=5e-7)
