"""sgcn.graph.evaluate: how well does sgcn read a set of documents? Measure it against a gold.

A researcher annotates a few documents by hand in the gold format
(``docs/spec/gold-format.md``), builds a graph from them with ``sgcn build``, and runs
``sgcn evaluate GOLD --graph FILE``: precision, recall and F1 for each competency
question (``docs/spec/competency-questions.md``), how right the matched answers are,
and what was missed or is wrong, with the reason.

- :mod:`.gold`: reads and checks a gold file (``path:line`` errors);
- :mod:`.names`: the matching rules (names, words, dates, numbers);
- :mod:`.scoring`: reduces answers and gold to keys and counts;
- :mod:`.run`: asks a graph the contract questions in-process and scores them;
- :mod:`.report`: the table, the misses, the JSON.

This room depends on :mod:`sgcn.graph.sparql` (querying) and :mod:`sgcn.graph.rdf` only.
"""

from sgcn.graph.evaluate.gold import Gold, GoldError, load_gold, parse_gold
from sgcn.graph.evaluate.run import contract_answers, evaluate, evaluate_file
from sgcn.graph.evaluate.scoring import QUESTIONS, Evaluation, QuestionScore, score_answers

__all__ = [
    "QUESTIONS", "Evaluation", "Gold", "GoldError", "QuestionScore", "contract_answers", "evaluate",
    "evaluate_file", "load_gold", "parse_gold", "score_answers",
]
