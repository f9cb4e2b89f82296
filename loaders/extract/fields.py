"""Relations read from labelled fields: fact sheets' particulars and event pages' tables and lists.

A fact sheet names each agreement on a line of its own and gives its particulars as
labelled lines below it ("Signed: 3 May 2021", "Parties: MTI, Singapore; MOFCOM,
China"). An event page opens with its event and gives its particulars in a table ("|
Venue | Shenzhen World Exhibition Center, Shenzhen |", "| Organisers | A; B |") and its
speakers under a heading ("Confirmed speakers", then a line each). Which labels name
which part is data (``fields.yaml``); this module finds the fields and the item each
describes:

- an Agreement field describes the agreement the last unlabelled line opened with (a
  line that opens with none ends the item);
- an Event field describes the event the last line opening with one named (the page's
  title, a section's heading).

A value is a line's items split at semicolons, or one line of a list under a heading.

Examples:
    >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
    >>> a = analysis_from_markup("[Port Forum 2024|Event]\\n| Venue | Harbour Hall, [Xiamen|Place] |\\n"
    ...     "| Organisers | [Acme|Organization]; [Beta|Organization] |\\nSpeakers\\n- Mr [Tan Wei|Person], CEO")
    >>> sorted((r.subject, r.relation, r.object) for r in field_relations(a))  # doctest: +NORMALIZE_WHITESPACE
    [('Event/port forum 2024', 'held_in', 'Place/xiamen'),
     ('Organization/acme', 'organized', 'Event/port forum 2024'),
     ('Organization/beta', 'organized', 'Event/port forum 2024'),
     ('Person/tan wei', 'participated_in', 'Event/port forum 2024')]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib.resources import files

from sgcn.loaders.extract.names import is_title_case
from sgcn.loaders.extract.rules import load_rules
from sgcn.loaders.extract.sentences import LIST_ITEM
from sgcn.loaders.extract.spans import Analysis, EntityMention, Sentence
from sgcn.loaders.facts import Evidence, Relation

_VALUES = ("first-person-or-body", "first-body-or-places", "first-body", "last-place", "people")
_SCHEMA = {
    "fields": {"type": list, "required": True, "items": {
        "relation": {"type": str, "required": True},
        "labels": {"type": list, "required": True, "items": str},
        "item": {"type": str, "required": True, "choices": ("Agreement", "Event")},
        "values": {"type": str, "required": True, "choices": _VALUES},
    }},
}
# "| Venue | X |" (a table's row), "Venue: X" (a labelled line)
_ROW = re.compile(r"^\s*\|\s*(?P<label>[^|]{1,40}?)\s*\|\s*(?P<value>.*?)\s*\|?\s*$")
_COLON = re.compile(r"^\s*(?P<label>[A-Z][A-Za-z -]{1,24}?)\s*:\s*(?P<value>.*)$")


@dataclass(frozen=True)
class Field:
    """One kind of labelled field: the relation its values play in the item it describes."""

    relation: str
    labels: frozenset[str]
    item: str
    values: str


@functools.cache
def fields() -> tuple[Field, ...]:
    """The fields of ``fields.yaml``, checked against its schema.

    Examples:
        >>> sorted({f.relation for f in fields()})
        ['co_chaired', 'held_in', 'organized', 'participated_in', 'party_to', 'witnessed']
    """
    raw = load_rules(files("sgcn.loaders.extract").joinpath("fields.yaml"), _SCHEMA)
    return tuple(Field(f["relation"], frozenset(label.lower() for label in f["labels"]), f["item"], f["values"])
                 for f in raw["fields"])


def _field(label: str) -> Field | None:
    label = label.strip(" *_").lower()
    return next((f for f in fields() if label in f.labels), None)


def field_relations(analysis: Analysis) -> list[Relation]:
    """The relations the labelled fields of a document state."""
    found: list[Relation] = []
    items: dict[str, str | None] = {"Agreement": None, "Event": None}
    listing: Field | None = None  # the field whose list the lines below a heading give
    for sentence in analysis.sentences:
        text = sentence.text
        mentions = analysis.mentions_in(sentence)
        if listing is not None and _listed(analysis, sentence):
            found += _relations(analysis, listing, items, sentence, [(sentence.start, sentence.end)], mentions)
            continue
        listing = None
        match = _ROW.match(text) or _COLON.match(text)
        field = _field(match.group("label")) if match else None
        if match is not None and field is None:
            continue  # another particular of the same item ("Signed: 3 May 2021")
        if field is not None and not match.group("value").strip():
            listing = field  # "Panellists:" alone on its line: the list below gives the values
            continue
        if field is None:
            heading = _field(text.rstrip(": "))
            if heading is not None:
                listing = heading
                continue
            # the agreement a line opens with is the item its labelled lines describe
            items["Agreement"] = _opening(text, sentence, mentions, "Agreement")
            items["Event"] = _event_item(text, sentence, mentions, items["Event"])
            continue
        start = sentence.start + match.start("value")
        spans, cursor = [], start
        for part in match.group("value").split(";"):
            spans.append((cursor, cursor + len(part)))
            cursor += len(part) + 1
        found += _relations(analysis, field, items, sentence, spans, mentions)
    return found


def _listed(analysis: Analysis, sentence: Sentence) -> bool:
    """Whether the sentence is a list's line: its line opens with a bullet, a number or a letter."""
    text = analysis.document.text
    line_start = text.rfind("\n", 0, sentence.start) + 1
    return bool(LIST_ITEM.match(text[line_start:max(sentence.start, line_start + 6)]))


def dated_events(analysis: Analysis) -> list[tuple[str, Sentence, int]]:
    """The events a "Date:" or "Dates" line describes: ``(event, line, offset of its value)``.

    A line that opens with an event, or a heading that names one, makes it the event the
    labelled lines below describe, as for :func:`field_relations`.
    """
    found = []
    event: str | None = None
    for sentence in analysis.sentences:
        match = _ROW.match(sentence.text) or _COLON.match(sentence.text)
        if match is None:
            event = _event_item(sentence.text, sentence, analysis.mentions_in(sentence), event)
        elif event is not None and match.group("label").strip().lower() in _DATE_LABELS:
            found.append((event, sentence, sentence.start + match.start("value")))
    return found


_DATE_LABELS = {"date", "dates", "date and time", "when", "held on"}


def _event_item(text: str, sentence: Sentence, mentions: list[EntityMention], current: str | None) -> str | None:
    """The event the labelled lines after this unlabelled line describe."""
    return _opening(text, sentence, mentions, "Event") or _heading_event(text, mentions) or current


def _heading_event(text: str, mentions: list[EntityMention]) -> str | None:
    """The one event a heading names ("OUTCOMES OF THE 4TH JOINT WORKING COMMITTEE MEETING"):
    the labelled lines under it describe that event.

    Examples:
        >>> m = EntityMention(16, 35, "4TH JWC MEETING", "Event/4th jwc meeting", "Event")
        >>> _heading_event("OUTCOMES OF THE 4TH JWC MEETING", [m])
        'Event/4th jwc meeting'
        >>> _heading_event("The 4th JWC meeting reviewed 12 projects.", [m]) is None
        True
    """
    heading = text.isupper() or len(text) < 160 and is_title_case(text)
    if not heading or text.rstrip().endswith((".", "!", "?", ":", ";")):
        return None  # a heading in capitals or in title case, not a line of prose or a subtitle
    events = {m.entity for m in mentions if m.type == "Event"}
    return events.pop() if len(events) == 1 else None


def _opening(text: str, sentence: Sentence, mentions: list[EntityMention], type_: str) -> str | None:
    """The entity of ``type_`` the line opens with (after a list's bullet or letter), if any."""
    lead = LIST_ITEM.match(text)
    skip = lead.end() if lead else 0
    opening = [m for m in mentions if m.type == type_
               and not re.sub(r"^(?:the|a|an)\b", "", text[skip:m.start - sentence.start].strip(" *-•\t"), flags=re.I)]
    return opening[0].entity if opening else None


def _relations(analysis: Analysis, field: Field, items: dict[str, str | None], sentence: Sentence,
               spans: list[tuple[int, int]], mentions: list[EntityMention]) -> list[Relation]:
    """What the values of one field (each span one value) say of the item it describes."""
    item = items[field.item]
    if item is None:
        return []
    evidence = Evidence(analysis.document.source, sentence.start, sentence.end, sentence.text)
    if field.values == "last-place":
        places = [m for m in mentions if m.type == "Place" and spans[0][0] <= m.start]
        return [Relation(item, field.relation, places[-1].entity, evidence)] if places else []
    found = []
    for start, end in spans:
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        people = [m for m in inside if m.type == "Person"]
        bodies = [m for m in inside if m.type == "Organization"]
        if field.values == "people":
            chosen = people
        elif field.values == "first-person-or-body":
            chosen = people[:1] or bodies[:1]
        elif field.values == "first-body-or-places":
            chosen = bodies[:1] or [m for m in inside if m.type == "Place"]
        else:
            chosen = bodies[:1]
        found += [Relation(m.entity, field.relation, item, evidence) for m in chosen]
    return found
