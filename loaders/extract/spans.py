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

import bisect
import functools
import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Mapping, TypeVar

if TYPE_CHECKING:
    from sgcn.loaders.document import Document
    from sgcn.loaders.extract.nlp import Parsed
    from sgcn.loaders.facts import Entity

T = TypeVar("T")


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


def dateline_span(document: "Document") -> tuple[int, int] | None:
    """The offsets of a document's dateline ("SINGAPORE, 25 November 2022 -"), if it has one.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> doc = Document(source="a.txt", sha256="0" * 64, format="plaintext", date="2022-11-25",
        ...                text="Title\\n\\nSINGAPORE, 25 November 2022 - The forum opened.")
        >>> dateline_span(doc)
        (7, 36)
    """
    from sgcn.loaders.dates import find_dateline

    year = document.date[:4]
    found = find_dateline(document.text, year=int(year) if year.isdigit() else None)
    return (found.start, found.end) if found is not None else _bare_dateline(document.text)


# A line of a story's first paragraphs opening with a place in capitals and a dash,
# with no date: "CHONGQING - Singapore and China inked ..." (news sites date the page).
_BARE_DATELINE = re.compile(r"(?m)^(?P<place>[A-Z][A-Z'’. ]{1,30}[A-Z])\s+[-–—]{1,2}\s+(?=[A-Z])")


def _bare_dateline(text: str) -> tuple[int, int] | None:
    """The span of a dateless dateline ("CHONGQING - "), when its place is a known place.

    Examples:
        >>> _bare_dateline("Title\\n\\nCHONGQING - Singapore and China inked nine pacts.")
        (7, 19)
        >>> _bare_dateline("Title\\n\\nACME - the firm grew.") is None
        True
    """
    from sgcn.loaders.extract import gazetteer

    for match in _BARE_DATELINE.finditer(text, 0, 3000):
        entry = gazetteer.lookup(match.group("place").title())
        if entry is not None and entry.type == "Place":
            return match.start(), match.end()
    return None


@dataclass(frozen=True)
class Analysis:
    """A document with its sentences and resolved mentions: what every rule stage reads.

    Entity recognition builds it; each rule stage is a function
    ``find_<facts>(analysis) -> list[<Fact>]``.

    Attributes:
        document: the document as its loader kept it.
        sentences: its sentences in text order.
        mentions: every entity mention, resolved, in text order.
        entities: the entities the mentions resolve to, by key.
        parses: each sentence as the trained pipeline parsed it, aligned with ``sentences``.
    """

    document: "Document"
    sentences: tuple[Sentence, ...]
    mentions: tuple[EntityMention, ...]
    entities: Mapping[str, "Entity"]
    parses: tuple["Parsed", ...] = ()

    @functools.cached_property
    def _parse_of(self) -> dict[Sentence, "Parsed"]:
        return dict(zip(self.sentences, self.parses))

    @functools.cached_property
    def dateline(self) -> tuple[int, int] | None:
        """The span of the document's dateline ("SINGAPORE, 25 November 2022 -"), if it has one."""
        return dateline_span(self.document)

    def once(self, reading: Callable[["Analysis"], T]) -> T:
        """``reading(self)``, computed at the first call and kept: for what a rule reads of the
        whole document but asks in every sentence (the analysis never changes).

        Examples:
            >>> a, calls = Analysis(None, (), (), {}), []
            >>> def sentences(an):
            ...     calls.append(an)
            ...     return len(an.sentences)
            >>> a.once(sentences), a.once(sentences), len(calls)
            (0, 0, 1)
        """
        kept = self.__dict__.setdefault("_once", {})
        if reading not in kept:
            kept[reading] = reading(self)
        return kept[reading]

    def parsed(self, sentence: Sentence) -> "Parsed | None":
        """The parse of ``sentence`` (one of :attr:`sentences`), or ``None`` when not parsed."""
        return self._parse_of.get(sentence)

    @functools.cached_property
    def _by_start(self) -> tuple[list[int], list[EntityMention]]:
        ordered = sorted(self.mentions, key=lambda m: (m.start, -m.end, m.entity))
        return [m.start for m in ordered], ordered

    @functools.cached_property
    def _positions(self) -> dict[Sentence, int]:
        found: dict[Sentence, int] = {}
        for at, sentence in enumerate(self.sentences):
            found.setdefault(sentence, at)
        return found

    def position(self, sentence: Sentence) -> int:
        """Where ``sentence`` stands in :attr:`sentences` (``sentences.index``, from a table:
        asked for every sentence, a scan made the rules quadratic in the document).

        Examples:
            >>> s = [Sentence(0, 3, "Hi."), Sentence(4, 8, "Bye.")]
            >>> Analysis(None, tuple(s), (), {}).position(s[1])
            1
        """
        at = self._positions.get(sentence)
        if at is None:
            raise ValueError(f"{sentence!r} is not a sentence of the analysis")
        return at

    @functools.cached_property
    def _reach(self) -> tuple[list[int], list[int]] | None:
        starts = [s.start for s in self.sentences]
        if starts != sorted(starts):
            return None
        return starts, list(itertools.accumulate((s.end for s in self.sentences), max))

    def sentence_holding(self, start: int, end: int) -> Sentence | None:
        """The first sentence (in :attr:`sentences`' order) holding ``start:end``, or ``None``.

        Found by bisection: among the sentences starting by ``start`` (a prefix, the
        sentences being in text order), the first whose end reaches ``end`` is the first
        at which the running maximum of ends does. Sentences out of text order are scanned.

        Examples:
            >>> s = [Sentence(0, 3, "Hi."), Sentence(4, 8, "Bye.")]
            >>> Analysis(None, tuple(s), (), {}).sentence_holding(5, 7)
            Sentence(start=4, end=8, text='Bye.')
        """
        reach = self._reach
        if reach is None:
            return next((s for s in self.sentences if s.start <= start and end <= s.end), None)
        starting = bisect.bisect_right(reach[0], start)
        found = bisect.bisect_left(reach[1], end, 0, starting)
        return self.sentences[found] if found < starting else None

    def mentions_starting(self, low: int, high: int) -> list[EntityMention]:
        """The mentions starting at an offset in ``low:high``, in text order (a binary search)."""
        starts, ordered = self._by_start
        return ordered[bisect.bisect_left(starts, low):bisect.bisect_left(starts, high)]

    def mentions_in(self, sentence: Sentence) -> list[EntityMention]:
        """The mentions inside ``sentence``, in text order (a binary search: linear in the document)."""
        starts, ordered = self._by_start
        found = []
        for m in ordered[bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, sentence.end)]:
            if m.end <= sentence.end:
                found.append(m)
        return found
