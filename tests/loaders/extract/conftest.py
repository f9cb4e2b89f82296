"""Shared fixtures of the extraction tests: what the analyzer makes of a short text of our own.

Entity recognition and coreference are tested on a sentence or two written for the
rule at hand. These fixtures wrap such a text in a dated plain-text document (the date
matters: "last year's expo" and "the fair opened on Monday" are read against it) and
return the entities or the resolved mentions of its analysis. They are factories, so
a test calls them as ``entities(text)`` or ``resolved(text, date="2022-05-08")``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sgcn.loaders.document import Document
from sgcn.loaders.extract.mentions import analyze
from sgcn.loaders.extract.spans import Analysis

DATE = "2021-05-04"


def analysis_of(text: str, date: str = DATE) -> Analysis:
    """The analysis of a plain-text document holding ``text``, dated ``date``."""
    return analyze(Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date=date))


def entities_of(text: str, date: str = DATE) -> set[tuple[str, str]]:
    """The ``(type, label)`` of each entity found in ``text``."""
    return {(e.type, e.label) for e in analysis_of(text, date).entities.values()}


def resolved_mentions(text: str, date: str = DATE) -> dict[str, str]:
    """Each mention's words in ``text`` -> the label of the entity it was resolved to."""
    analysis = analysis_of(text, date)
    return {m.text: analysis.entities[m.entity].label for m in analysis.mentions}


@pytest.fixture
def entities() -> Callable[..., set[tuple[str, str]]]:
    """Factory: ``entities(text, date="2021-05-04")`` -> ``{(type, label), ...}``."""
    return entities_of


@pytest.fixture
def resolved() -> Callable[..., dict[str, str]]:
    """Factory: ``resolved(text, date="2021-05-04")`` -> ``{mention text: entity label}``."""
    return resolved_mentions


def relations_of(text: str, date: str = DATE) -> set[tuple[str, str, str]]:
    """``(subject label, relation, object label)`` of each relation extraction reads in ``text``."""
    from sgcn.loaders.extract import extract

    found = extract(Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date=date))
    labels = {e.key: e.label for e in found.entities}
    return {(labels[r.subject], r.relation, labels[r.object]) for r in found.relations}


@pytest.fixture
def relations() -> Callable[..., set[tuple[str, str, str]]]:
    """Factory: ``relations(text, date="2021-05-04")`` -> ``{(subject, relation, object), ...}``."""
    return relations_of
