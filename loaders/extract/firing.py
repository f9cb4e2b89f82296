"""How often each relation rule fires: the evidence that a rule is of the genre, not of one sentence.

A trigger written for one sentence reads that sentence and nothing else; a rule of
the genre fires across documents. :func:`rule_firings` runs every pattern of
``relation_patterns.yaml`` and every frame of ``frames.yaml`` over the sentences of
analysed documents and records, for each rule, the sentences on which it read at least
one pair of the types it allows. Rules that never fire are listed too (with nothing),
so that a report over a corpus names the rules that earn no place in it.

The pass reuses each document's analysis (sentences, parse, mentions): nothing is
parsed again, and a rule "fires" exactly when extraction would take what it read.

Examples:
    >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
    >>> a = analysis_from_markup("The [forum|Event] was held in [Oslo|Place].")
    >>> fired = rule_firings({"mine": [a]})
    >>> [(rule.split("#")[0], len(f.sentences), len(f.documents)) for rule, f in fired.items() if f.sentences]
    [('relation_patterns.yaml held_in', 1, 1), ('frames.yaml held_in:base', 1, 1)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from sgcn.loaders.extract.frames import frames, read_sentence
from sgcn.loaders.extract.rel_text import slot
from sgcn.loaders.extract.relations import patterns, read_patterns
from sgcn.loaders.extract.spans import Analysis
from sgcn.loaders.facts import Evidence


@dataclass
class Firing:
    """Where one rule fired: the sentences, each as ``(corpus, source, start offset)``."""

    rule: str
    description: str
    sentences: set[tuple[str, str, int]] = field(default_factory=set)

    @property
    def documents(self) -> set[tuple[str, str]]:
        """The documents (``(corpus, source)``) holding a sentence the rule fired on."""
        return {(corpus, source) for corpus, source, _ in self.sentences}


def rule_names() -> dict[str, str]:
    """Every relation rule: its report name and what it is (a trigger, or a frame's lemmas).

    Examples:
        >>> names = rule_names()
        >>> "co-?chaired" in names["relation_patterns.yaml co_chaired#0"]
        True
        >>> any(name.startswith("frames.yaml ") for name in names)
        True
    """
    names = {f"relation_patterns.yaml {p.name}": p.trigger.pattern for p in patterns()}
    names.update({f"frames.yaml {f.name}": ", ".join(sorted(f.lemmas)) for f in frames()})
    return names


def rule_firings(corpora: Mapping[str, Iterable[Analysis]]) -> dict[str, Firing]:
    """For every relation pattern and frame, the sentences of ``corpora`` it fires on.

    Args:
        corpora: analysed documents by corpus name ("seed", "dev", ...).

    Returns:
        One :class:`Firing` per rule (see :func:`rule_names`), in file order.
    """
    fired = {name: Firing(name, description) for name, description in rule_names().items()}
    for corpus, analyses in corpora.items():
        for analysis in analyses:
            source = analysis.document.source
            for index, sentence in enumerate(analysis.sentences):
                where = (corpus, source, sentence.start)
                evidence = Evidence(source, sentence.start, sentence.end, sentence.text)
                for pattern, _ in read_patterns(analysis, slot(analysis, sentence), evidence):
                    fired[f"relation_patterns.yaml {pattern.name}"].sentences.add(where)
                before = [m for s in analysis.sentences[max(0, index - 2):index] for m in analysis.mentions_in(s)]
                for reading in read_sentence(analysis, sentence, before):
                    fired[f"frames.yaml {reading.frame.name}"].sentences.add(where)
    return fired


def table(fired: Mapping[str, Firing]) -> str:
    """A plain-text report: per rule, sentences and documents fired on, rarest first.

    Examples:
        >>> print(table({"frames.yaml a#0": Firing("frames.yaml a#0", "a", {("seed", "x.md", 0)})}))
        sentences  documents  rule
                1          1  frames.yaml a#0  (a)
    """
    lines = ["sentences  documents  rule"]
    for name, firing in sorted(fired.items(), key=lambda kv: (len(kv[1].sentences), kv[0])):
        what = firing.description if len(firing.description) <= 70 else firing.description[:67] + "..."
        lines.append(f"{len(firing.sentences):9d}  {len(firing.documents):9d}  {name}  ({what})")
    return "\n".join(lines)
