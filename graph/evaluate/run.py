"""Ask a graph the six contract questions in-process and score its answers against a gold.

:func:`evaluate` runs ``queries/{entities,relations,roles,events,figures,topics}.rq``
on a query target (an embedded graph or an endpoint, ``sgcn.graph.sparql.query.Target``),
exactly as ``sgcn query NAME`` would, checks that each answer has the columns its
query's ``# returns:`` header promises (the contract's), and hands the rows to
:func:`sgcn.graph.evaluate.scoring.score_answers`. A question whose query fails or
whose columns are not the contract's is scored as answering nothing (F1 0) and says
why; the others are still scored.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from sgcn.graph.evaluate.gold import Gold, load_gold
from sgcn.graph.evaluate.scoring import QUESTIONS, Evaluation, score_answers
from sgcn.graph.sparql.library import library
from sgcn.graph.sparql.query import Target, execute
from sgcn.loaders.errors import SgcnError

__all__ = ["contract_answers", "evaluate", "evaluate_file", "returned_columns"]

log = logging.getLogger(__name__)


def returned_columns(returns: str) -> list[str]:
    """The column names a query's ``# returns:`` header lists (explanations in brackets left out).

    Examples:
        >>> returned_columns('subject, topic (preferred label of a concept, "5G"), source')
        ['subject', 'topic', 'source']
        >>> returned_columns(library()["roles"].returns)
        ['person', 'role', 'organization', 'as_of', 'source']
    """
    depth, kept = 0, []
    for char in returns:
        depth += char == "("
        if depth == 0:
            kept.append(char)
        depth -= char == ")" and depth > 0
    return [re.sub(r"\s+", " ", part).strip() for part in "".join(kept).split(",") if part.strip()]


def contract_answers(target: Target) -> tuple[dict[str, list[dict[str, str]]], dict[str, str]]:
    """The rows of each contract question on ``target``, and the questions that could not be answered.

    Returns:
        ``(answers, problems)``: question -> rows (column -> value, ``""`` for unbound,
        surrounding white space stripped), and question -> why it has no rows
        (``"query failed: ..."`` or ``"contract broken: ..."``).
    """
    headers = library()
    answers: dict[str, list[dict[str, str]]] = {}
    problems: dict[str, str] = {}
    for name in QUESTIONS:
        expected = returned_columns(headers[name].returns)
        try:
            answer = execute(target, name=name)
            rows = answer.fetch()
        except SgcnError as err:
            problems[name] = f"query failed: {err}"
            log.warning("%s: %s", name, problems[name])
            continue
        if answer.variables != expected:
            problems[name] = f"contract broken: columns {answer.variables}, expected {expected}"
            log.warning("%s: %s", name, problems[name])
            continue
        answers[name] = [{c: "" if v is None else v.value.strip() for c, v in zip(expected, row)} for row in rows]
    return answers, problems


def evaluate(gold: Gold, target: Target, *, graph: str = "") -> Evaluation:
    """Score what ``target`` answers to the contract questions against ``gold``.

    Args:
        gold: a gold read by :func:`sgcn.graph.evaluate.gold.load_gold`.
        target: where the queries run.
        graph: what the target is, for the report (a file name, an endpoint).
    """
    answers, problems = contract_answers(target)
    return score_answers(gold, answers, problems=problems, graph=graph)


def evaluate_file(gold_path: str | Path, graph: str | Path | None = None, *, store: str | None = None) -> Evaluation:
    """Score a graph file (``None``: the graph ``sgcn query`` reads) against the gold file at ``gold_path``.

    Raises:
        GoldError: the gold file cannot be read or does not follow the gold format.
        SgcnError: the graph file cannot be read.
    """
    from sgcn.graph.sparql.query import announce_default_graph

    gold = load_gold(gold_path)
    path = Path(graph) if graph is not None else announce_default_graph()
    target = Target.open(graph=path, **({"store": store} if store else {}))
    return evaluate(gold, target, graph=str(path))
