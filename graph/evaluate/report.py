"""Write an evaluation for a reader: a table of scores, and what was missed or wrong.

Examples:
    >>> from sgcn.graph.evaluate.gold import parse_gold
    >>> from sgcn.graph.evaluate.scoring import score_answers
    >>> gold = parse_gold("entities:\\n  - {id: sg, type: Place, names: [Singapore]}\\n", path="g.yaml")
    >>> result = score_answers(gold, {"entities": []}, graph="empty.ttl")
    >>> print(table(result))  # doctest: +NORMALIZE_WHITESPACE
    question       P      R     F1    TP    FP    FN  how right the matched answers are
    entities   1.000  0.000  0.000     0     0     1  type -, preferred label -
    relations  1.000  1.000  1.000     0     0     0
    roles      1.000  1.000  1.000     0     0     0  role text overlap -
    events     1.000  1.000  1.000     0     0     0  start -, end -, place -
    figures    1.000  1.000  1.000     0     0     0  unit -, qualifier -
    topics     1.000  1.000  1.000     0     0     0
    overall F1 0.833
    >>> print(misses(result))
    entities: 1 missed, 0 wrong
      missed (the gold has it, the graph does not):
        - Singapore [Place]   -- no entity of the graph goes by any of its names
"""

from __future__ import annotations

import json

from sgcn.graph.evaluate.scoring import Evaluation, QuestionScore

__all__ = ["heading", "misses", "table", "to_json"]


def _accuracy(score: QuestionScore) -> str:
    if score.problem:
        return score.problem
    parts = [f"{name} {right}/{total}" if total else f"{name} -" for name, (right, total) in score.accuracy.items()]
    if score.question == "roles":
        overlap = score.role_text_overlap
        parts.append(f"role text overlap {overlap:.2f}" if overlap is not None else "role text overlap -")
    return ", ".join(parts)


def heading(result: Evaluation) -> str:
    """One line naming the gold (its size) and the graph."""
    gold = result.gold
    return (f"gold: {gold.path} ({len(gold.documents)} documents, {gold.required_entities} required entities); "
            f"graph: {result.graph or '(not named)'}")


def table(result: Evaluation) -> str:
    """Precision, recall, F1 and counts per question, how right the matches are, and the overall F1."""
    lines = [f"{'question':<10} {'P':>5}  {'R':>5}  {'F1':>5}  {'TP':>4}  {'FP':>4}  {'FN':>4}  "
             "how right the matched answers are"]
    for score in result.questions.values():
        lines.append(f"{score.question:<10} {score.precision:.3f}  {score.recall:.3f}  {score.f1:.3f}  "
                     f"{score.tp:>4}  {score.fp:>4}  {score.fn:>4}  {_accuracy(score)}".rstrip())
    lines.append(f"overall F1 {result.overall_f1:.3f}")
    return "\n".join(lines)


def misses(result: Evaluation) -> str:
    """For each question: what the graph missed, what it has wrong, and what it matched but not quite, with reasons."""
    blocks = []
    for score in result.questions.values():
        if score.problem:
            blocks.append(f"{score.question}: not scored: {score.problem}")
            continue
        if not (score.missing or score.wrong or score.details):
            continue
        lines = [f"{score.question}: {score.fn} missed, {score.fp} wrong"]
        for title, entries in (("missed (the gold has it, the graph does not)", score.missing),
                               ("wrong (the graph has it, the gold does not)", score.wrong),
                               ("matched, but not quite", score.details)):
            if entries:
                lines.append(f"  {title}:")
                lines.extend(f"    - {entry}" for entry in entries)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def to_json(result: Evaluation) -> str:
    """The whole evaluation as JSON (UTF-8 text, keys in a fixed order)."""
    return json.dumps(result.as_dict(), indent=2, ensure_ascii=False) + "\n"
