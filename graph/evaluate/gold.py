"""Read a gold file: what a careful reader found in a set of documents, checked as it is read.

A gold file (``docs/spec/gold-format.md``) is YAML with seven sections: ``documents``
(the corpus it covers), ``entities`` (each with an ``id`` used only inside the file, a
contract ``type``, its ``names`` -- the first is the preferred label --, whether it is
``optional`` and the ``sources`` naming it), then the facts of five competency
questions, each pointing at entities by id: ``relations`` (``[subject, relation, object,
source]`` or the same as a mapping), ``roles``, ``events``, ``figures`` and ``topics``.

:func:`load_gold` refuses a file that cannot mean what its author wanted -- an unknown
section or field, an entity id used but never defined or defined twice, a type,
relation or measure outside the contract, a figure value that is not a number -- with a
:class:`GoldError` that says ``path:line: what is wrong``, so a researcher annotating
their own documents finds the slip at once instead of reading a low score. What is only
doubtful (two entities sharing a name once normalized) is kept as a warning.

Examples:
    >>> gold = parse_gold('''
    ... documents: {a.txt: 2024-05-14}
    ... entities:
    ...   - {id: forum, type: Event, names: [Harbourfront Forum 2024, the forum], sources: [a.txt]}
    ...   - {id: sg, type: Place, names: [Singapore]}
    ... events:
    ...   - {event: forum, start: 2024-05-14, end: "", place: sg}
    ... ''', path="gold.yaml")
    >>> gold.documents, gold.entities["forum"].label, gold.events[0].start
    (('a.txt',), 'Harbourfront Forum 2024', '2024-05-14')
    >>> try:
    ...     parse_gold("entities:\\n  - {id: x, type: Thing, names: [X]}\\n", path="gold.yaml")
    ... except GoldError as err:
    ...     print(err)
    gold.yaml:2: entity 'x': type 'Thing' is not one of Person, Organization, Initiative, Event, Agreement, Project, Place, Publication
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sgcn.graph.evaluate.names import normalize
from sgcn.loaders.errors import LoadError
from sgcn.loaders.facts import ENTITY_TYPES, MEASURES, RELATIONS

__all__ = [
    "Gold", "GoldEntity", "GoldError", "GoldEvent", "GoldFigure", "GoldRelation", "GoldRole", "GoldTopic",
    "SECTIONS", "load_gold", "parse_gold",
]

SECTIONS = ("documents", "entities", "relations", "roles", "events", "figures", "topics")
# the fields each kind of entry may have, the required ones first
_ENTITY_FIELDS = ("id", "type", "names", "optional", "sources")
_RELATION_FIELDS = ("subject", "relation", "object", "source")
_ROLE_FIELDS = ("person", "role", "organization", "source")
_EVENT_FIELDS = ("event", "start", "end", "place", "source")
_FIGURE_FIELDS = ("subject", "measure", "value", "unit", "qualifier", "source")
_TOPIC_FIELDS = ("subject", "topic", "source")


class GoldError(LoadError):
    """A gold file that cannot be read or does not follow the gold format (``path:line: message``)."""


# --------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class GoldEntity:
    """An entity of the gold.

    Attributes:
        id: its key inside the gold file.
        type: one of the contract's entity types.
        names: every name it goes by; the first is its preferred label.
        optional: a graph may hold it or not without penalty.
        sources: the documents that name it (empty: not said).
        order: its position among the gold's entities (ties are broken by it).
        line: where it is defined.
    """

    id: str
    type: str
    names: tuple[str, ...]
    optional: bool = False
    sources: tuple[str, ...] = ()
    order: int = 0
    line: int | None = None

    @property
    def label(self) -> str:
        """The preferred label: the first name."""
        return self.names[0]


@dataclass(frozen=True)
class GoldRelation:
    subject: str
    relation: str
    object: str
    source: str = ""
    line: int | None = None


@dataclass(frozen=True)
class GoldRole:
    person: str
    role: str
    organization: str = ""
    source: str = ""
    line: int | None = None


@dataclass(frozen=True)
class GoldEvent:
    event: str
    start: str = ""
    end: str = ""
    place: str = ""
    source: str = ""
    line: int | None = None


@dataclass(frozen=True)
class GoldFigure:
    subject: str
    measure: str
    value: float
    unit: str = ""
    qualifier: str = ""
    source: str = ""
    line: int | None = None


@dataclass(frozen=True)
class GoldTopic:
    subject: str
    topic: str
    source: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Gold:
    """A whole gold file, checked.

    Attributes:
        path: the file it was read from.
        documents: the file names of the corpus it covers (empty: every document).
        entities: the entities by id, in the file's order.
        relations, roles, events, figures, topics: the facts, in the file's order.
        warnings: doubts that do not stop scoring (two entities with one name).
    """

    path: str
    documents: tuple[str, ...] = ()
    entities: dict[str, GoldEntity] = field(default_factory=dict)
    relations: tuple[GoldRelation, ...] = ()
    roles: tuple[GoldRole, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    figures: tuple[GoldFigure, ...] = ()
    topics: tuple[GoldTopic, ...] = ()
    warnings: tuple[str, ...] = ()

    def in_scope(self, sources: tuple[str, ...] | str) -> bool:
        """Whether something read from ``sources`` belongs to the corpus the gold covers.

        It does when the gold lists no documents, when no source is given, or when one
        of the sources is listed.

        Examples:
            >>> gold = Gold("g.yaml", documents=("a.txt",))
            >>> gold.in_scope(("b.txt", "a.txt")), gold.in_scope("b.txt"), gold.in_scope(())
            (True, False, True)
        """
        given = [s for s in ((sources,) if isinstance(sources, str) else sources) if s]
        return not self.documents or not given or any(s in self.documents for s in given)

    def required_entity(self, entity_id: str) -> bool:
        """Whether a graph must hold the entity: not optional, and named in the covered corpus."""
        entity = self.entities.get(entity_id)
        return entity is not None and not entity.optional and self.in_scope(entity.sources)

    def required(self, entity_ids: tuple[str, ...], source: str = "") -> bool:
        """Whether a fact about these entities (``""``: none named), read from ``source``, is required."""
        return self.in_scope(source) and all(not e or self.required_entity(e) for e in entity_ids)

    def label(self, entity_id: str) -> str:
        """The preferred label of an entity (``""`` for none)."""
        return self.entities[entity_id].label if entity_id in self.entities else entity_id

    @property
    def required_entities(self) -> int:
        return sum(self.required_entity(e) for e in self.entities)


# --------------------------------------------------------------------------- reading YAML with lines


class _Mapping(dict):
    line: int | None = None
    key_lines: dict | None = None


class _Sequence(list):
    line: int | None = None


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader whose mappings and sequences remember their line, and that
    refuses a key given twice in one mapping (YAML would silently keep the last)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode):
    data = _Mapping()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError as err:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark) from err
        if key in data:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} given twice in one mapping", key_node.start_mark)
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = key_node.start_mark.line + 1


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode):
    data = _Sequence()
    data.line = node.start_mark.line + 1
    yield data
    data.extend(loader.construct_object(child, deep=True) for child in node.value)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def _scalar(value: Any) -> str:
    """A YAML scalar as a CSV cell holds it: dates in ISO form, nothing as ``""``.

    Examples:
        >>> _scalar(datetime.date(2019, 8, 26)), _scalar(None), _scalar(" 55 "), _scalar(2018)
        ('2019-08-26', '', '55', '2018')
    """
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


# --------------------------------------------------------------------------- checking


class _Reader:
    """Walks the loaded YAML, checking each entry and building the model."""

    def __init__(self, path: str, data: Any):
        self.path = path
        self.data = data
        self.warnings: list[str] = []

    def fail(self, where: Any, message: str) -> GoldError:
        return GoldError(self.path, message, line=getattr(where, "line", None))

    def section(self, name: str) -> list:
        value = self.data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            raise GoldError(self.path, f"section {name!r} must be a list, not {type(value).__name__}",
                            line=(self.data.key_lines or {}).get(name))
        return value

    def text(self, entry: Any, key: str, *, what: str, required: bool = False) -> str:
        value = entry.get(key)
        if isinstance(value, (dict, list)):
            kind = "list" if isinstance(value, list) else "mapping"
            raise self.fail(entry, f"{what}: {key!r} must be a plain value, not a {kind}")
        text = _scalar(value)
        if required and not text:
            raise self.fail(entry, f"{what}: {key!r} is missing")
        return text

    def fields(self, entry: Any, allowed: tuple[str, ...], *, what: str) -> None:
        if not isinstance(entry, dict):
            raise self.fail(entry, f"{what} must be a mapping of {', '.join(allowed)}, not {_scalar(entry)!r}")
        unknown = [str(k) for k in entry if k not in allowed]
        if unknown:
            raise self.fail(entry, f"{what}: unknown field {unknown[0]!r}; fields are {', '.join(allowed)}")

    def entity_ref(self, entry: Any, entities: dict[str, GoldEntity], value: str, *, what: str) -> str:
        if value and value not in entities:
            raise self.fail(entry, f"{what}: no entity has the id {value!r}")
        return value

    # -- sections

    def documents(self) -> tuple[str, ...]:
        value = self.data.get("documents")
        if value is None:
            return ()
        if isinstance(value, dict):
            names = [_scalar(k) for k in value]
        elif isinstance(value, list):
            names = [_scalar(v) for v in value]
        else:
            raise self.fail(self.data, "section 'documents' must map file names to dates (or list file names)")
        return tuple(n for n in names if n)

    def entities(self) -> dict[str, GoldEntity]:
        entities: dict[str, GoldEntity] = {}
        for order, entry in enumerate(self.section("entities")):
            self.fields(entry, _ENTITY_FIELDS, what=f"entity #{order + 1}")
            entity_id = self.text(entry, "id", what=f"entity #{order + 1}", required=True)
            what = f"entity {entity_id!r}"
            if entity_id in entities:
                raise self.fail(entry, f"{what} is defined twice (first at line {entities[entity_id].line})")
            kind = self.text(entry, "type", what=what, required=True)
            if kind not in ENTITY_TYPES:
                raise self.fail(entry, f"{what}: type {kind!r} is not one of {', '.join(ENTITY_TYPES)}")
            names = entry.get("names")
            names = [names] if isinstance(names, str) else names
            if not isinstance(names, list) or any(isinstance(n, (dict, list)) for n in names):
                raise self.fail(entry, f"{what}: 'names' must be a list of names")
            names = [_scalar(n) for n in names if _scalar(n)]
            if not names:
                raise self.fail(entry, f"{what}: 'names' is missing or empty")
            optional = entry.get("optional", False)
            if isinstance(optional, str) and optional.strip().lower() in ("true", "yes", "false", "no", ""):
                optional = optional.strip().lower() in ("true", "yes")
            if not isinstance(optional, bool) and optional is not None:
                raise self.fail(entry, f"{what}: 'optional' must be true or false, not {optional!r}")
            sources = entry.get("sources") or []
            sources = [sources] if isinstance(sources, str) else sources
            if not isinstance(sources, list) or any(isinstance(s, (dict, list)) for s in sources):
                raise self.fail(entry, f"{what}: 'sources' must be a list of file names")
            entities[entity_id] = GoldEntity(
                entity_id, kind, tuple(names), bool(optional),
                tuple(s for s in (_scalar(s) for s in sources) if s), order, entry.line,
            )
        return entities

    def relations(self, entities: dict[str, GoldEntity]) -> tuple[GoldRelation, ...]:
        found = []
        for n, entry in enumerate(self.section("relations"), start=1):
            what = f"relation #{n}"
            if isinstance(entry, list):
                if not 3 <= len(entry) <= 4 or any(isinstance(v, (dict, list)) for v in entry):
                    raise self.fail(entry, f"{what}: write it as [subject, relation, object, source]")
                entry_map = _Mapping(zip(_RELATION_FIELDS, entry))
                entry_map.line = entry.line
                entry = entry_map
            self.fields(entry, _RELATION_FIELDS, what=what)
            subject, relation, obj, source = (
                self.text(entry, k, what=what, required=k != "source") for k in _RELATION_FIELDS)
            if relation not in RELATIONS:
                raise self.fail(entry, f"{what}: relation {relation!r} is not one of {', '.join(RELATIONS)}")
            self.entity_ref(entry, entities, subject, what=what)
            self.entity_ref(entry, entities, obj, what=what)
            found.append(GoldRelation(subject, relation, obj, source, entry.line))
        return tuple(found)

    def roles(self, entities: dict[str, GoldEntity]) -> tuple[GoldRole, ...]:
        found = []
        for n, entry in enumerate(self.section("roles"), start=1):
            what = f"role #{n}"
            self.fields(entry, _ROLE_FIELDS, what=what)
            person = self.entity_ref(entry, entities, self.text(entry, "person", what=what, required=True), what=what)
            organization = self.entity_ref(entry, entities, self.text(entry, "organization", what=what), what=what)
            found.append(GoldRole(person, self.text(entry, "role", what=what), organization,
                                  self.text(entry, "source", what=what), entry.line))
        return tuple(found)

    def events(self, entities: dict[str, GoldEntity]) -> tuple[GoldEvent, ...]:
        found = []
        for n, entry in enumerate(self.section("events"), start=1):
            what = f"event #{n}"
            self.fields(entry, _EVENT_FIELDS, what=what)
            event = self.entity_ref(entry, entities, self.text(entry, "event", what=what, required=True), what=what)
            place = self.entity_ref(entry, entities, self.text(entry, "place", what=what), what=what)
            found.append(GoldEvent(event, self.text(entry, "start", what=what), self.text(entry, "end", what=what),
                                   place, self.text(entry, "source", what=what), entry.line))
        return tuple(found)

    def figures(self, entities: dict[str, GoldEntity]) -> tuple[GoldFigure, ...]:
        found = []
        for n, entry in enumerate(self.section("figures"), start=1):
            what = f"figure #{n}"
            self.fields(entry, _FIGURE_FIELDS, what=what)
            subject = self.entity_ref(entry, entities, self.text(entry, "subject", what=what, required=True),
                                      what=what)
            measure = self.text(entry, "measure", what=what, required=True)
            if measure not in MEASURES:
                raise self.fail(entry, f"{what}: measure {measure!r} is not one of {', '.join(MEASURES)}")
            raw = self.text(entry, "value", what=what, required=True)
            value = to_number(raw)
            if value is None:
                raise self.fail(entry, f"{what}: value {raw!r} is not a number")
            found.append(GoldFigure(subject, measure, value, self.text(entry, "unit", what=what),
                                    self.text(entry, "qualifier", what=what), self.text(entry, "source", what=what),
                                    entry.line))
        return tuple(found)

    def topics(self, entities: dict[str, GoldEntity]) -> tuple[GoldTopic, ...]:
        found = []
        for n, entry in enumerate(self.section("topics"), start=1):
            what = f"topic #{n}"
            self.fields(entry, _TOPIC_FIELDS, what=what)
            subject = self.entity_ref(entry, entities, self.text(entry, "subject", what=what, required=True),
                                      what=what)
            found.append(GoldTopic(subject, self.text(entry, "topic", what=what, required=True),
                                   self.text(entry, "source", what=what), entry.line))
        return tuple(found)

    def shared_names(self, entities: dict[str, GoldEntity]) -> None:
        owners: dict[str, list[str]] = {}
        for entity in entities.values():
            for name in sorted({normalize(n) for n in entity.names} - {""}):
                owners.setdefault(name, []).append(entity.id)
        for name, ids in owners.items():
            if len(ids) > 1:
                self.warnings.append(f"the name {name!r} belongs to {', '.join(ids)}: a graph entity "
                                     f"going by it maps to {ids[0]}, or to the one whose preferred label it is")


def to_number(text: str) -> float | None:
    """The number a cell holds, or ``None``.

    Examples:
        >>> to_number("816900000000"), to_number("1200.0"), to_number("S$40m"), to_number("nan")
        (816900000000.0, 1200.0, None, None)
    """
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def parse_gold(text: str, *, path: str | Path = "<gold>") -> Gold:
    """Read and check a gold file's text.

    Raises:
        GoldError: the text is not YAML, or does not follow the gold format.
    """
    path = str(path)
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        raise GoldError(path, f"not valid YAML: {err.problem or err}", line=line) from err
    except yaml.YAMLError as err:
        raise GoldError(path, f"not valid YAML: {err}") from err
    if data is None:
        data = _Mapping()
    if not isinstance(data, dict):
        raise GoldError(path, "a gold file is a mapping of " + ", ".join(SECTIONS), line=1)
    unknown = [str(k) for k in data if k not in SECTIONS]
    if unknown:
        raise GoldError(path, f"unknown section {unknown[0]!r}; sections are {', '.join(SECTIONS)}",
                        line=(data.key_lines or {}).get(unknown[0]))
    reader = _Reader(path, data)
    entities = reader.entities()
    reader.shared_names(entities)
    return Gold(
        path=path,
        documents=reader.documents(),
        entities=entities,
        relations=reader.relations(entities),
        roles=reader.roles(entities),
        events=reader.events(entities),
        figures=reader.figures(entities),
        topics=reader.topics(entities),
        warnings=tuple(reader.warnings),
    )


def load_gold(path: str | Path) -> Gold:
    """Read and check the gold file at ``path``.

    Raises:
        GoldError: the file cannot be read, is not YAML, or does not follow the gold format.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(str(path), f"cannot read the gold file: {err}") from err
    return parse_gold(text, path=path)
