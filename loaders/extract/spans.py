"""Spans of a document's text that extraction stages pass to each other.

Sentence splitting yields :class:`Sentence` spans; entity recognition and
coreference yield :class:`EntityMention` spans, each resolved to the key of an
:class:`~sgcn.loaders.facts.Entity`. Rule stages (relations, roles, figures,
events, topics) read a sentence together with the mentions inside it. Offsets are
character offsets into ``Document.text``.

Examples:
    >>> s = Sentence(start=10, end=27, text="Mr Li spoke here.")
    >>> m = EntityMention(start=10, end=15, text="Mr Li", entity="Person/li bo", type="Person")
    >>> m.within(s)
    True
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Sentence:
    """A sentence (or a heading, list item or line standing alone) of the kept text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, order=True)
class EntityMention:
    """A place in the text that names an entity, directly or by reference.

    Attributes:
        start: offset of the first character of the mention.
        end: offset one past its last character.
        text: the words as they stand (``"Mr Goh"``, ``"last year's expo"``).
        entity: key of the entity it refers to (``"Person/luke goh"``).
        type: the entity's type, one of ``sgcn.loaders.facts.ENTITY_TYPES``.
    """

    start: int
    end: int
    text: str
    entity: str
    type: str

    def within(self, sentence: Sentence) -> bool:
        """Whether the mention lies inside ``sentence``."""
        return sentence.start <= self.start and self.end <= sentence.end
