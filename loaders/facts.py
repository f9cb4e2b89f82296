"""The facts extraction hands to the graph builder: plain data, no rdflib.

Extraction reads a :class:`~sgcn.loaders.document.Document` and returns an
:class:`Extraction`: the entities the document names and the facts it states, each
fact carrying the :class:`Evidence` it was read from. ``sgcn.graph.rdf.build`` turns a
list of extractions into triples. Entities are referred to by ``key``, which is
unique within one build (``"Person/luke goh"``); merging the same entity across
documents happens before the graph is built, so keys are already global there.

The closed vocabularies of the query contract (``../shared/spec/competency-questions.md``)
are defined once, in :mod:`sgcn.loaders.vocabulary`, and offered here; the ontology
and the shapes state the same lists and a test checks they agree.

Examples:
    >>> ev = Evidence(source="a.txt", start=0, end=18, quote="Mr Li spoke at SCE.")
    Traceback (most recent call last):
    ...
    ValueError: evidence quote 'Mr Li spoke at SCE.' is 19 characters but spans 0-18
    >>> ev = Evidence(source="a.txt", start=0, end=19, quote="Mr Li spoke at SCE.")
    >>> Relation("Person/li bo", "participated_in", "Event/smart china expo", ev).relation
    'participated_in'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import total_ordering

from sgcn.loaders.document import Document
# the closed vocabularies, kept apart so that reading them loads nothing else
from sgcn.loaders.vocabulary import ENTITY_TYPES, MEASURES, QUALIFIERS, RELATIONS  # noqa: F401


@dataclass(frozen=True, order=True)
class Evidence:
    """Where a fact was read: a span of ``Document.text``.

    Attributes:
        source: file name of the document.
        start: offset of the quote's first character in the document's kept text.
        end: offset one past the quote's last character.
        quote: exactly ``text[start:end]``, usually the whole sentence.
    """

    source: str
    start: int
    end: int
    quote: str

    def __post_init__(self) -> None:
        if self.end - self.start != len(self.quote) or self.start < 0:
            raise ValueError(
                f"evidence quote {self.quote!r} is {len(self.quote)} characters "
                f"but spans {self.start}-{self.end}"
            )


@dataclass(frozen=True, order=True)
class Entity:
    """Something the documents name.

    Attributes:
        key: identity within one build, ``"<Type>/<normalized label>"``.
        type: one of :data:`ENTITY_TYPES`.
        label: the preferred label, the fullest official name the sources give.
        aliases: every other name found for it, sorted.
        identity: for an occurrence, what tells it from every same-named other one:
            ``(series key, qualifier key, ordinal or year)``: an edition is its series
            and year (``("Event/smart china expo", "", "2019")``), a meeting its
            committee, the initiative the committee belongs to where the text says,
            and its number. Keys are those of the same extraction; merging across
            documents compares identities, never labels. Empty for other entities.
    """

    key: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    identity: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.type not in ENTITY_TYPES:
            raise ValueError(f"entity type {self.type!r} is not one of {ENTITY_TYPES}")


@dataclass(frozen=True, order=True)
class Mention:
    """The document names an entity here; the evidence for its type."""

    entity: str
    evidence: Evidence


@dataclass(frozen=True, order=True)
class Relation:
    """``subject relation object``, ``relation`` one of :data:`RELATIONS`."""

    subject: str
    relation: str
    object: str
    evidence: Evidence

    def __post_init__(self) -> None:
        if self.relation not in RELATIONS:
            raise ValueError(f"relation {self.relation!r} is not one of {RELATIONS}")


@total_ordering
@dataclass(frozen=True)
class Role:
    """A post a person held, as the source states it, on the document's date.

    Roles sort by person, title, organization (a role without one first), date and
    evidence; one document may give a person the same title with and without an
    organization.

    Attributes:
        person: key of the person.
        title: the title without the organization, e.g. ``"Vice Mayor"``.
        organization: key of the organization the title belongs to, or ``None``.
        as_of: ISO date the role was stated (the document's date).

    Examples:
        >>> ev = Evidence("a.txt", 0, 2, "Hi")
        >>> [r.organization for r in sorted([Role("Person/a", "Mayor", "Organization/b", "2020", ev),
        ...                                  Role("Person/a", "Mayor", None, "2020", ev)])]
        [None, 'Organization/b']
    """

    person: str
    title: str
    organization: str | None
    as_of: str
    evidence: Evidence

    def _order(self) -> tuple:
        # a role without an organisation sorts before the same role with one
        return (self.person, self.title, self.organization is not None, self.organization or "",
                self.as_of, self.evidence)

    def __lt__(self, other: object) -> bool:
        """Roles sort field by field, ``None`` (no organisation) first.

        Examples:
            >>> ev = Evidence("a.txt", 0, 2, "Hi")
            >>> sorted([Role("P/a", "CEO", "O/b", "2020", ev), Role("P/a", "CEO", None, "2020", ev)])[0].organization
        """
        if not isinstance(other, Role):
            return NotImplemented
        return self._order() < other._order()


@dataclass(frozen=True, order=True)
class EventTime:
    """When an event took place: ISO dates as precise as the source allows."""

    event: str
    start: str
    end: str
    evidence: Evidence


@dataclass(frozen=True, order=True)
class Figure:
    """A number a source reports about an entity.

    Attributes:
        subject: key of the entity the number is about.
        measure: one of :data:`MEASURES`.
        value: the number, e.g. ``Decimal("816900000000")``.
        unit: ISO 4217 code (``"CNY"``, ``"USD"``, ``"SGD"``), ``"sqm"``, or ``""`` for a count.
        qualifier: one of :data:`QUALIFIERS`.
        as_of: ISO date of the figure (the document's date unless the source gives one).
    """

    subject: str
    measure: str
    value: Decimal
    unit: str
    qualifier: str
    as_of: str
    evidence: Evidence

    def __post_init__(self) -> None:
        if self.measure not in MEASURES:
            raise ValueError(f"measure {self.measure!r} is not one of {MEASURES}")
        if self.qualifier not in QUALIFIERS:
            raise ValueError(f"qualifier {self.qualifier!r} is not one of {QUALIFIERS}")


@dataclass(frozen=True, order=True)
class TopicTag:
    """The subject is about a concept of the topic scheme (``ontology/topics.ttl``).

    Attributes:
        subject: key of an event, initiative, agreement or project.
        topic: the concept's local name in the scheme, e.g. ``"artificial-intelligence"``.
    """

    subject: str
    topic: str
    evidence: Evidence


@dataclass(frozen=True)
class Extraction:
    """Everything read from one document."""

    document: Document
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    roles: tuple[Role, ...] = ()
    event_times: tuple[EventTime, ...] = ()
    figures: tuple[Figure, ...] = ()
    topics: tuple[TopicTag, ...] = field(default=())
