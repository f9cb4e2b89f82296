"""Relations between entities, read from the sentences of one document.

This stage of extraction reads an :class:`~sgcn.loaders.extract.spans.Analysis` and
returns the :class:`~sgcn.loaders.facts.Relation` facts of the closed list of the query
contract (co_chaired, witnessed, party_to, organized, participated_in, part_of, held_in,
member_of, funded_by, partner_in, launched, collaborates_with). Triggers of the genre
("co-chaired by", "X and Y inked", "held within the framework of") live in
``relation_patterns.yaml``; they are matched on each sentence's skeleton (see
:mod:`sgcn.loaders.extract.rel_text`), coordinations distribute, and every pair is
checked against the contract's subject and object types. A few document-level rules
follow: an edition belongs to its series, a meeting named after an initiative belongs
to it, an expo held in a city holds its editions there, and an event that happens
"today" in a release with a dateline is held at the dateline's place.

Examples:
    >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
    >>> a = analysis_from_markup("The forum was organised by [NTU|Organization] and "
    ...     "[Tsinghua|Organization] in [Chongqing|Place].".replace("forum", "[forum|Event]"))
    >>> [(r.subject, r.relation, r.object) for r in find_relations(a)]  # doctest: +NORMALIZE_WHITESPACE
    [('Event/forum', 'held_in', 'Place/chongqing'), ('Organization/ntu', 'organized', 'Event/forum'),
     ('Organization/tsinghua', 'organized', 'Event/forum')]
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from sgcn.loaders.dates import find_dateline, find_dates
from sgcn.loaders.extract import gazetteer, lexicon
from sgcn.loaders.extract.fields import field_relations
from sgcn.loaders.extract.frames import read_frames
from sgcn.loaders.extract.naming import fold
from sgcn.loaders.extract.rel_context import (
    context_event,
    doc_year,
    editions,
    lookup,
    names_of,
    series_of,
    years_in,
)
from sgcn.loaders.extract.rel_text import SLOT, Slotted, chain_left, chain_right, left_start, right_end, slot
from sgcn.loaders.extract.rules import load_rules
from sgcn.loaders.extract.spans import Analysis, EntityMention, Sentence
from sgcn.loaders.facts import ENTITY_TYPES, RELATIONS, Evidence, Relation, Role

log = logging.getLogger(__name__)

_MEETING_WORDS = re.compile(r"\b(?:meeting|videoconference|video conference|call|talks|dialogue|teleconference)\b", re.I)
# Events that are parts of a larger one when written "<part> of the <whole>".
_PART_NOUNS = re.compile(
    r"\b(?:meeting|session|ceremony|forum|summit|conference|dialogue|roundtable|round|dinner|reception|"
    r"workshop|seminar|plenary|committee|council)s?\b",
    re.I,
)
_CEREMONY = re.compile(r"\bsigning ceremony\b", re.I)


@dataclass(frozen=True)
class Pattern:
    """One trigger of ``relation_patterns.yaml``, compiled."""

    relation: str
    trigger: re.Pattern[str]
    subject: dict[str, Any]
    object: dict[str, Any]
    options: dict[str, Any]
    index: int = 0

    @property
    def name(self) -> str:
        """A short name for reports: ``relation#index`` (its place in the file, from 0)."""
        return f"{self.relation}#{self.index}"


_SIDE = {
    "side": {"type": str, "required": True,
             "pattern": re.compile(r"left|right|right_all|clause|after_comma|sides|context|group:[1-9]")},
    "types": {"type": list, "required": True, "items": str, "choices": ENTITY_TYPES},
    "first": {"type": bool},
    "lead": {"type": int},
}
_SCHEMA = {
    "contract": {"type": dict, "required": True, "values": {"type": list, "items": list}},
    "patterns": {"type": list, "required": True, "items": {
        "relation": {"type": str, "required": True, "choices": RELATIONS},
        "trigger": {"type": str, "required": True},
        "subject": {"type": dict, "required": True, "keys": _SIDE},
        "object": {"type": dict, "required": True, "keys": _SIDE},
        "meeting": {"type": (bool, str), "choices": ("true", "subject")},
        "prefer": {"type": str, "choices": ENTITY_TYPES},
        "years": {"type": bool},
        "annual": {"type": bool},
        "context_object": {"type": bool},
    }},
}


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    """The contract and patterns of ``relation_patterns.yaml``, checked against their schema."""
    return load_rules(files("sgcn.loaders.extract").joinpath("relation_patterns.yaml"), _SCHEMA)


@lru_cache(maxsize=1)
def patterns() -> tuple[Pattern, ...]:
    """The compiled relation patterns.

    Examples:
        >>> {p.relation for p in patterns()} >= {"co_chaired", "party_to", "held_in"}
        True
    """
    compiled = []
    for index, item in enumerate(_data()["patterns"]):
        trigger = re.compile(item["trigger"].replace("{M}", SLOT), re.I)
        options = {k: v for k, v in item.items() if k not in {"relation", "trigger", "subject", "object"}}
        compiled.append(Pattern(item["relation"], trigger, item["subject"], item["object"], options, index))
    return tuple(compiled)


def contract() -> dict[str, tuple[set[str], set[str]]]:
    """Relation -> (allowed subject types, allowed object types).

    Examples:
        >>> contract()["held_in"]
        ({'Event'}, {'Place'})
    """
    return {name: (set(s), set(o)) for name, (s, o) in _data()["contract"].items()}


def find_relations(analysis: Analysis, roles: Iterable[Role] | None = None) -> list[Relation]:
    """The relations the document states, each with the sentence it was read from.

    Args:
        analysis: the document with its sentences and resolved mentions.
        roles: the document's roles, when the caller has them
            (:func:`~sgcn.loaders.extract.roles.find_roles` runs otherwise).

    Returns:
        Relations of the closed list, type-checked against the contract, without
        duplicates, in text order of their evidence.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("The [JIC meeting|Event] is co-chaired by [Mr Leong|Person|Joseph Leong]"
        ...     " and Mayor [Mr Qin|Person|Qin Weizhong].")
        >>> [(r.subject, r.relation) for r in find_relations(a)]
        [('Person/joseph leong', 'co_chaired'), ('Person/qin weizhong', 'co_chaired')]
    """
    found: list[Relation] = []
    award: str | None = None
    for sentence in analysis.sentences:
        sl = slot(analysis, sentence)
        evidence = _evidence(analysis, sentence)
        found.extend(_annually(analysis, sl, _chaired_bodies_as_meetings(analysis, read_frames(analysis, sentence))))
        for _pattern, read in read_patterns(analysis, sl, evidence):
            found.extend(read)
        award = _award_context(analysis, sl, evidence, award, found)
        found.extend(_nested_agreement(analysis, sl, evidence))
        found.extend(_treaty_parties(analysis, sentence, evidence))
        found.extend(_framed(analysis, sl, evidence))
        found.extend(_pavilions(analysis, sentence, evidence))
    found.extend(_batch_witnesses(analysis, found))
    found.extend(_part_of_by_name(analysis))
    found.extend(_meetings_of_owned_committees(analysis, found))
    found.extend(field_relations(analysis))
    found.extend(_unit_memberships(analysis, roles))
    found.extend(_contact_memberships(analysis))
    found = _to_current_edition(analysis, _checked(analysis, found))
    found.extend(_dateline_places(analysis, found))
    found.extend(_venue_cities(analysis, found))
    found.extend(_propagated(analysis, found))
    return _unique(_without_subsumed(_checked(analysis, found)))


def read_patterns(analysis: Analysis, sl: Slotted, evidence: Evidence) -> list[tuple[Pattern, list[Relation]]]:
    """Each pattern that reads something in one sentence (its skeleton ``sl``), with what it read.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("The [forum|Event] was held in [Oslo|Place].")
        >>> s = a.sentences[0]
        >>> [(p.relation, [r.object for r in read]) for p, read in read_patterns(a, slot(a, s), _evidence(a, s))]
        [('held_in', ['Place/oslo'])]
    """
    out = []
    for pattern in patterns():
        read = [r for match in pattern.trigger.finditer(sl.text) for r in _apply(analysis, sl, pattern, match, evidence)]
        if read:
            out.append((pattern, read))
    return out


# A stronger relation between the same two entities says the weaker one already: who
# co-chairs a meeting takes part in it, and does not look on at it as a witness.
_SUBSUMES = {"participated_in": ("co_chaired",), "witnessed": ("co_chaired",)}


def _without_subsumed(relations: list[Relation]) -> list[Relation]:
    """Relations less what a stronger relation between the same pair already says.

    Examples:
        >>> ev = Evidence("a.txt", 0, 2, "Hi")
        >>> rs = [Relation("Person/a", "co_chaired", "Event/m", ev), Relation("Person/a", "participated_in", "Event/m", ev)]
        >>> [r.relation for r in _without_subsumed(rs)]
        ['co_chaired']
    """
    pairs = {(r.subject, r.relation, r.object) for r in relations}
    return [r for r in relations
            if not any((r.subject, strong, r.object) in pairs for strong in _SUBSUMES.get(r.relation, ()))]


_OCCASION = re.compile(r"\b(?:ceremony|dinner|reception|banquet|session)\b", re.I)


def _pavilions(analysis: Analysis, sentence: Sentence, evidence: Evidence) -> list[Relation]:
    """A pavilion is part of the event it stands at: the one its sentence names or talks about.

    A country's pavilion exists only at a fair: "toured the Singapore Pavilion" in a
    story about an expo is part of that expo (not of the opening ceremony beside it);
    years in the sentence ("grew from 1,400 sqm in 2018 to 3,000 sqm in 2019") pick
    the series' editions of those years.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("At the [Harbour Expo 2021|Event], [Norway|Place] set up the "
        ...     "[Norway Pavilion|Project].")
        >>> [(r.subject, r.object) for r in _pavilions(a, a.sentences[0], None)]
        [('Project/norway pavilion', 'Event/harbour expo 2021')]
    """
    pavilions = [m for m in analysis.mentions_in(sentence)
                 if m.type == "Project" and re.search(r"\bpavilion$", analysis.entities[m.entity].label, re.I)]
    if not pavilions:
        return []
    events = [m.entity for m in analysis.mentions_in(sentence) if m.type == "Event"
              and not _OCCASION.search(analysis.entities[m.entity].label)]
    event = events[0] if events else None
    if event is None:
        index = analysis.position(sentence)
        for previous in reversed(analysis.sentences[max(0, index - 2):index]):
            named = [m.entity for m in analysis.mentions_in(previous) if m.type == "Event"
                     and not _OCCASION.search(analysis.entities[m.entity].label)]
            if named:
                event = named[0]
                break
    if event is None:
        return []
    edition = series_of(analysis, event)
    series = edition[0] if edition else event
    by_year = editions(analysis).get(series, {})
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", sentence.text) if int(y) in by_year]
    targets = [by_year[y] for y in dict.fromkeys(years)] or [event]
    return [Relation(p.entity, "part_of", t, evidence) for p in pavilions for t in targets]


_VENUE_GAP = re.compile(r"\s*(?:,|in)\s*")


def _venue_cities(analysis: Analysis, found: list[Relation]) -> list[Relation]:
    """An event held at a venue named after its city, or placed in one, is held in that city too.

    "held at the Chengdu Century City Convention Centre" -> held_in(event, Chengdu),
    from the city's mention nested at the start of the venue's (see the analyzer);
    "held at the Harbour Hall in Oslo" (or "..., Oslo") -> held_in(event, Oslo).

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("The [Harbour Forum|Event] was held at the [Oslo Congress Centre|Place].")
        >>> _venue_cities(a, find_relations(a))
        []
    """
    cities: dict[str, set[str]] = {}
    text = analysis.document.text
    for venue in analysis.mentions:
        if venue.type != "Place" or lexicon.name_head(analysis.entities[venue.entity].label.split())[0] != "Place":
            continue  # only a venue ("... Convention Centre"): "in Chengdu, China" says no more
        # only mentions starting where the venue's does or just after ", " or " in " can be its city
        nearby = analysis.mentions_starting(venue.start, venue.start + 1)
        if gap := _VENUE_GAP.match(text, venue.end):
            nearby += analysis.mentions_starting(venue.end + 1, gap.end() + 1)
        for other in nearby:
            if other.type != "Place" or other.entity == venue.entity:
                continue
            inside = other.start == venue.start and other.end < venue.end
            # "the Harbour Convention Centre in Chengdu", "the Harbour Hall, Chengdu"
            after = other.start > venue.end and re.fullmatch(r"\s*(?:,|in)\s*", text[venue.end:other.start])
            if inside or after:
                cities.setdefault(venue.entity, set()).add(other.entity)
    return [Relation(r.subject, "held_in", city, r.evidence)
            for r in found if r.relation == "held_in" and r.object in cities for city in sorted(cities[r.object])]


def _evidence(analysis: Analysis, sentence: Sentence) -> Evidence:
    return Evidence(analysis.document.source, sentence.start, sentence.end, sentence.text)


def _side(analysis: Analysis, sl: Slotted, spec: dict[str, Any], match: re.Match[str]) -> list[str]:
    """The entity keys one side of a pattern binds around a trigger match."""
    types = set(spec["types"])
    side = spec["side"]
    first = bool(spec.get("first"))
    indexes: list[int] = []
    if side == "left":
        indexes = chain_left(sl, match.start(), types, lead=spec.get("lead", 4), first_only=first)
    elif side == "right":
        indexes = chain_right(sl, match.end(), types, lead=spec.get("lead", 6), first_only=first)
    elif side.startswith("group:"):
        text = match.group(int(side.split(":")[1]))
        indexes = [int(n) for n in re.findall(r"\d+", text or "")]
        indexes = [i for i in indexes if sl.mentions[i].type in types]
    elif side == "right_all":
        indexes = _all_right(sl, match.end(), types)
    elif side == "clause":
        start = left_start(sl, match.start())
        indexes = chain_right(sl, start, types, lead=10)
        indexes = [i for i in indexes if sl.slot_at(i).start() < match.start()]
    elif side == "after_comma":
        indexes = _after_comma(sl, match.end(), types)
    elif side == "sides":
        return _sides(analysis, sl, types)
    elif side == "context":
        event = context_event(analysis, sl.sentence, _doc_offset(sl, match.start()))
        return [event] if event else []
    return [sl.mentions[i].entity for i in indexes]


def _doc_offset(sl: Slotted, skeleton_offset: int) -> int:
    """The document offset of a skeleton offset."""
    delta = 0
    for index, mention in enumerate(sl.mentions):
        token = f"⟦{index}⟧"
        position = sl.text.find(token)
        if position >= skeleton_offset:
            break
        delta += (mention.end - mention.start) - len(token)
    return sl.sentence.start + skeleton_offset + delta


def _after_comma(sl: Slotted, start: int, types: set[str]) -> list[int]:
    """The first allowed slot after the comma that ends an opening participle phrase."""
    for match in re.finditer(r"⟦(\d+)⟧", sl.text[start:]):
        index = int(match.group(1))
        if sl.mentions[index].type in types:
            return [index] if "," in sl.text[start:start + match.start()] else []
    return []


def _all_right(sl: Slotted, start: int, types: set[str]) -> list[int]:
    """Every allowed slot up to the clause's end, except containers of a list ("China such as")."""
    end = right_end(sl, start)
    result = []
    for match in re.finditer(r"⟦(\d+)⟧", sl.text[start:end]):
        index = int(match.group(1))
        if sl.mentions[index].type not in types:
            continue
        if re.match(r"\s*,?\s*(?:such as|including|like)\b", sl.text[start + match.end():end]):
            continue
        result.append(index)
    return result


def _sides(analysis: Analysis, sl: Slotted, types: set[str]) -> list[str]:
    """The two sides "the two sides"/"both sides" refers to: the first list of two or more."""
    index = analysis.position(sl.sentence)
    for sentence in (sl.sentence, *reversed(analysis.sentences[max(0, index - 1):index])):
        current = slot(analysis, sentence) if sentence is not sl.sentence else sl
        for position in range(len(current.mentions)):
            if current.mentions[position].type not in types:
                continue
            start = current.slot_at(position).start()
            chain = chain_right(current, start, types, lead=0)
            if len(chain) >= 2:
                return [current.mentions[i].entity for i in chain]
    return []


def _apply(
    analysis: Analysis, sl: Slotted, pattern: Pattern, match: re.Match[str], evidence: Evidence
) -> list[Relation]:
    """The relations one trigger match gives."""
    subjects = _side(analysis, sl, pattern.subject, match)
    objects = _side(analysis, sl, pattern.object, match)
    if not objects and pattern.options.get("context_object"):
        event = context_event(analysis, sl.sentence, _doc_offset(sl, match.start()))
        objects = [event] if event else []
    if pattern.options.get("meeting") == "subject":
        subjects = [s for s in subjects if _PART_NOUNS.search(_label(analysis, s) + " " + _texts(sl, s))]
    elif pattern.options.get("meeting"):
        objects = [o for o in objects if _MEETING_WORDS.search(_label(analysis, o) + " " + _texts(sl, o))]
    preferred = pattern.options.get("prefer")
    if preferred and any(_type(analysis, o) == preferred for o in objects):
        objects = [o for o in objects if _type(analysis, o) == preferred]
    if not subjects or not objects:
        return []
    pairs = [(s, o) for s in subjects for o in objects if s != o]
    if pattern.options.get("years"):
        pairs = _by_year(analysis, sl, pairs)
    if pattern.relation == "co_chaired":
        pairs = [(s, m) for s, o in pairs for m in _as_meetings(analysis, o)]
    if pattern.relation == "witnessed":
        pairs = [(s, c) for s, o in pairs for c in (o, *_ceremonies(analysis, o))]
    if pattern.options.get("annual") and re.search(r"\bannual(?:ly)?\b", sl.text, re.I):
        # "an annual forum, with the first edition to be held in X": that edition only
        pairs = [(s2, o) for s, o in pairs
                 for s2 in ([s] if re.search(r"\bedition\b", _texts(sl, s), re.I) else _with_series(analysis, s))]
    return [Relation(s, pattern.relation, o, evidence) for s, o in pairs]


def _type(analysis: Analysis, key: str) -> str:
    entity = analysis.entities.get(key)
    return entity.type if entity else ""


def _label(analysis: Analysis, key: str) -> str:
    entity = analysis.entities.get(key)
    return entity.label if entity else ""


def _annually(analysis: Analysis, sl: Slotted, relations: list[Relation]) -> list[Relation]:
    """Where an edition of an event held "annually" is held, its series is held too (frames).

    Unless the edition is singled out ("an annual forum, with the first edition to be held
    in X": that edition only), as the patterns' ``annual`` option does.
    """
    if not re.search(r"\bannual(?:ly)?\b", sl.text, re.I):
        return relations
    return [Relation(s, r.relation, r.object, r.evidence) for r in relations
            for s in (_with_series(analysis, r.subject) if r.relation == "held_in"
                      and not re.search(r"\bedition\b", _texts(sl, r.subject), re.I) else [r.subject])]


def _texts(sl: Slotted, key: str) -> str:
    return " ".join(m.text for m in sl.mentions if m.entity == key)


def _by_year(analysis: Analysis, sl: Slotted, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Move a series object to the editions a year phrase of the sentence names.

    Without a year phrase, a date of one year in the sentence ("taking place from
    September 4-6, 2023") names the edition.
    """
    years, mode = years_in(sl.text, doc_year(analysis))
    if not years:
        dated = {int(d.iso_start[:4]) for d in find_dates(sl.text, year=doc_year(analysis)) if d.iso_start[:4].isdigit()}
        years, mode = (sorted(dated), "only") if len(dated) == 1 else ([], "")
    if not years:
        return pairs
    by_series = editions(analysis)
    subjects = list(dict.fromkeys(s for s, _ in pairs))
    result = []
    for subject, obj in pairs:
        edition_of = series_of(analysis, obj)
        series = edition_of[0] if edition_of and mode != "range" else obj
        found = by_series.get(series, {})
        wanted = years
        if mode == "respectively" and len(years) == len(subjects):
            wanted = [years[subjects.index(subject)]]
        picked = [found[y] for y in wanted if y in found]
        if mode == "range" or not found:
            result.append((subject, obj))
        result.extend((subject, p) for p in picked)
    return result


def _as_meetings(analysis: Analysis, key: str) -> list[str]:
    """A co-chaired body read as the meeting of it the document tells of: the first of its meetings
    the document names ("The JIC is co-chaired by A and B", "A and B, who co-chair the council"); none
    if it names none."""
    entity = analysis.entities.get(key)
    if entity is None or entity.type == "Event":
        return [key]
    names = names_of(entity)
    meetings = set()
    for other in analysis.entities.values():
        if other.type != "Event":
            continue
        if any(re.search(rf"\b{re.escape(n)}\b", o) and o != n for n in names for o in names_of(other)):
            meetings.add(other.key)
    first = min(((m.start, m.entity) for m in analysis.mentions if m.entity in meetings), default=None)
    return [first[1]] if first else []


def _chaired_bodies_as_meetings(analysis: Analysis, relations: list[Relation]) -> list[Relation]:
    """Who co-chairs a body co-chairs the meeting of it the document tells of (:func:`_as_meetings`):
    "A and B, who co-chair the council, agreed ... at its 14th meeting"."""
    return [Relation(r.subject, r.relation, m, r.evidence) for r in relations
            for m in (_as_meetings(analysis, r.object) if r.relation == "co_chaired" else [r.object])]


def _ceremonies(analysis: Analysis, key: str) -> list[str]:
    """The signing ceremony of an agreement witnessed ("the signing of the letter was witnessed by")."""
    entity = analysis.entities.get(key)
    if entity is None or entity.type != "Agreement":
        return []
    ceremonies = [e for e in analysis.entities.values() if e.type == "Event" and _CEREMONY.search(e.label)]
    names = names_of(entity)
    named = [e.key for e in ceremonies if any(n in o for n in names for o in names_of(e))]
    if named:
        return named
    return [ceremonies[0].key] if len(ceremonies) == 1 else []


def _with_series(analysis: Analysis, key: str) -> list[str]:
    """An edition held "annually" somewhere: the series is held there too."""
    edition_of = series_of(analysis, key)
    return [key, edition_of[0]] if edition_of else [key]


def _award_context(
    analysis: Analysis, sl: Slotted, evidence: Evidence, award: str | None, found: list[Relation]
) -> str | None:
    """Projects introduced after "two proposals have been awarded the Fund" are funded by it.

    Returns the fund in force for the next sentences.
    """
    awarded = re.search(rf"\b(?:awarded|granted)\s+(?:funding\s+from\s+)?(?:the\s+)?({SLOT})", sl.text, re.I)
    if awarded:
        index = int(re.findall(r"\d+", awarded.group(1))[0])
        if sl.mentions[index].type == "Initiative":
            return sl.mentions[index].entity
    if award and re.search(r"\b(?:one|another|each|both|the other|all)\s+(?:of\s+)?(?:these|the|two)?\s*(?:projects?|proposals?)\b", sl.text, re.I):
        for mention in sl.mentions:
            if mention.type == "Project":
                found.append(Relation(mention.entity, "funded_by", award, evidence))
        return award
    if award and not re.search(r"\bproject", sl.text, re.I):
        return award if sl.mentions else award
    return award


_FRAME = re.compile(r"^(?:Under|Within)\s+(?:the\s+|this\s+|that\s+)?(?:(⟦\d+⟧)|([a-z]+))\s*,")
_FRAME_VERB = re.compile(r"\b(?:signed|inked|launched|unveiled|set\s+up|started|concluded|rolled\s+out)\b")


def _framed(analysis: Analysis, sl: Slotted, evidence: Evidence) -> list[Relation]:
    """A sentence opening "Under the partnership, A and B signed C": C belongs to the initiative.

    The frame is an initiative named in the sentence or, written as a bare noun ("the
    partnership", "the programme"), the one initiative of the document whose name ends
    with that noun. What the clause signs or launches (agreements, projects) is part of
    it, and the organisations that sign or launch it are partners in it.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("[Oslo|Place] set up the [Oslo-Rome Data Programme|Initiative]. "
        ...     "Under the programme, [Acme|Organization] signed [a pact|Agreement].")
        >>> sorted((r.subject, r.relation) for r in _framed(a, slot(a, a.sentences[1]), None))
        [('Agreement/a pact', 'part_of'), ('Organization/acme', 'partner_in')]
    """
    frame = _FRAME.match(sl.text)
    verb = _FRAME_VERB.search(sl.text, frame.end()) if frame else None
    if frame is None or verb is None:
        return []
    if frame.group(1):
        mention = sl.mentions[int(frame.group(1)[1:-1])]
        initiative = mention.entity if mention.type == "Initiative" else None
    else:
        noun = frame.group(2)
        heads = [e.key for e in analysis.entities.values()
                 if e.type == "Initiative" and e.label.lower().split()[-1:] == [noun]]
        initiative = heads[0] if len(heads) == 1 else None
    if initiative is None:
        return []
    result = []
    for match in re.finditer(r"⟦(\d+)⟧", sl.text[frame.end():]):
        mention = sl.mentions[int(match.group(1))]
        before_verb = frame.end() + match.start() < verb.start()
        if mention.type in {"Agreement", "Project"} and not before_verb:
            result.append(Relation(mention.entity, "part_of", initiative, evidence))
        elif mention.type == "Organization" and before_verb:
            result.append(Relation(mention.entity, "partner_in", initiative, evidence))
    return result


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(.+?)\s+and\s+(?:the\s+)?(.+?)(?:\s+to\s+|$|,)", re.I)
_TO_ORGANISE = re.compile(r"\bto\s+co-?(?:organi[sz]e|host)\s+(?:the\s+)?(.+?)(?:\s+between\b|\s+from\b|$)", re.I)


def _nested_agreement(analysis: Analysis, sl: Slotted, evidence: Evidence) -> list[Relation]:
    """Parties and purpose named inside an agreement's own name.

    "the Letter of Intent to co-organise the Smart China Expo between MTI and the
    Chongqing Municipal People's Government" names its parties and what they will
    organise: the parties are party to it and organise the event.
    """
    result = []
    for mention in sl.mentions:
        if mention.type not in {"Agreement", "Event"}:
            continue
        between = _BETWEEN.search(mention.text)
        parties = []
        if between:
            parties = _between_parties(analysis, mention.text) or \
                [p for name in between.groups() for p in _side_parties(analysis, name)]

        purpose = _TO_ORGANISE.search(mention.text)
        event = lookup(analysis, purpose.group(1), {"Event"}) if purpose else None
        agreement = mention.entity if mention.type == "Agreement" else None
        signing = re.search(r"\b(?:signing|inking)\s+(?:ceremony\s+)?of\s+(?:the\s+)?(.+)$", mention.text, re.I)
        if agreement is None and signing:
            # "signing ceremony of the Letter of Intent ... between A and B": the letter's parties
            found = lookup(analysis, signing.group(1), {"Agreement"}) or \
                lookup(analysis, re.split(r"\s+between\s+", signing.group(1))[0], {"Agreement"})
            agreement = found.key if found else None
        if mention.type == "Event" and between and _MEETING_WORDS.search(mention.text):
            result.extend(Relation(p, "co_chaired", mention.entity, evidence) for p in _persons_in(analysis, between))
        for party in parties:
            if agreement:
                result.append(Relation(party, "party_to", agreement, evidence))
            if event:
                result.append(Relation(party, "organized", event.key, evidence))
    return result


_WITNESSED_BATCH = re.compile(
    r"\bwitness(?:ed|es|ing)?\s+(?:the\s+)?(?:signing|inking|exchange)\s+of\s+(?:\d+|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?:[a-z-]+\s+){0,3}(?:documents|agreements|memorandums|memoranda|MOUs|MoUs|deals|pacts|accords)\b")
# "Nine agreements were signed at the meeting, witnessed by P and Q."
_BATCH_WITNESSED_BY = re.compile(
    r"^(?:[A-Z][a-z]+(?:-[a-z]+)?|\d+)\s+(?:[a-z-]+\s+){0,3}(?:documents|agreements|memorandums|memoranda|MOUs|MoUs|"
    r"deals|pacts|accords)\b[^.;]*?\bwitnessed\s+by\b")
_TWO_PEOPLE = re.compile(r"\s+(?:the\s+two|both)\s+(co-?chairs|co-?chairmen|leaders|ministers)\b", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:\(?[a-z0-9]{1,3}[).]|[-•*])\s+")
_AMONG_THEM = re.compile(r"^(?:Among\s+(?:them|these|those)|(?:They|These|Those)\s+includ(?:e|ed)|"
                         r"(?:The\s+)?(?:agreements|documents|MOUs|MoUs|memorandums)\s+includ(?:e|ed))\b")


def _batch_witnesses(analysis: Analysis, read: list[Relation] = ()) -> list[Relation]:
    """Who witnessed a counted batch of signings witnessed each agreement the next sentence lists of it.

    "P and Q jointly witnessed the signing of 11 cooperation documents. Among them, the X MOU
    was inked by A and B", "Nine agreements were signed, witnessed by P and Q. They included
    the X MOU": P and Q witnessed the X MOU. The evidence spans both sentences.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("[Li Qiang|Person] witnessed the signing of 11 cooperation documents. "
        ...     "Among them, the [Green Shipping MOU|Agreement] was inked by two agencies.")
        >>> [(r.subject, r.object) for r in _batch_witnesses(a)]
        [('Person/li qiang', 'Agreement/green shipping mou')]
    """
    found = []
    sentences = analysis.sentences
    for this, after in zip(sentences, sentences[1:]):
        annexed = _IN_ANNEX.search(after.text) is not None
        if not _AMONG_THEM.match(after.text) and not annexed:
            continue
        batch = _WITNESSED_BATCH.search(this.text)
        passive = None if batch else _BATCH_WITNESSED_BY.search(this.text)
        if batch is None and passive is None:
            continue
        witnesses = [m for m in analysis.mentions_in(this) if m.type == "Person" and (
            m.end <= this.start + batch.start() if batch else m.start >= this.start + passive.end())]
        two = _TWO_PEOPLE.match(this.text, passive.end()) if passive and not witnesses else None
        if two:
            # "..., witnessed by the two co-chairs": the two people who co-chaired (``read``: the
            # relations read so far), "the two leaders": the two people named last before
            chairs = sorted({r.subject for r in read if r.relation == "co_chaired"})
            if two.group(1).lower().startswith("co") and len(chairs) == 2:
                witnesses = [EntityMention(this.start, this.start, "", key, "Person") for key in chairs]
            elif not two.group(1).lower().startswith("co"):
                from sgcn.loaders.extract.frames import _last_two_named

                witnesses = _last_two_named([m for m in analysis.mentions if m.end <= this.start], [], this.start)
        agreements = [m for m in analysis.mentions_in(after) if m.type == "Agreement"]
        if annexed:  # "Highlights are listed in the Annex.": the items under the annex's heading
            agreements, after = _annex_items(analysis, after)
        elif not agreements and after.text.rstrip().endswith(":"):
            # "They included:" and the items after it, "(a) a Memorandum of ...", "(b) ...", each
            # item's further sentences on its own line
            text = analysis.document.text
            for item in sentences[sentences.index(after) + 1:]:
                line = text[text.rfind("\n", 0, item.start) + 1:item.end]
                if "\n" in text[after.end:item.start] and not _LIST_ITEM.match(line):
                    break
                agreements += [m for m in analysis.mentions_in(item) if m.type == "Agreement"]
                after = item
        if not witnesses or not agreements:
            continue
        evidence = Evidence(analysis.document.source, this.start, after.end,
                            analysis.document.text[this.start:after.end])
        found += [Relation(w.entity, "witnessed", a.entity, evidence) for w in witnesses for a in agreements]
    return found


_IN_ANNEX = re.compile(r"\b(?:listed|set\s+out|given|detailed|found)\s+in\s+(?:the\s+)?Annex\b"
                       r"|^(?:Please\s+)?[Ss]ee\s+(?:the\s+)?Annex\b")
_ANNEX_HEADING = re.compile(r"^\W*Annex\b")


def _annex_items(analysis: Analysis, pointer: Sentence) -> tuple[list[EntityMention], Sentence]:
    """The agreements listed item by item under the first heading opening with "Annex" after the
    sentence pointing to it, and the last sentence of them (``pointer`` and none if there is none).

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("Five MOUs were exchanged. They are listed in the Annex.\\n\\n"
        ...     "Annex: MOUs exchanged\\n\\n- [Port MOU|Agreement], between two agencies\\n- [Data MOU|Agreement]\\n")
        >>> [m.entity for m in _annex_items(a, a.sentences[1])[0]]
        ['Agreement/port mou', 'Agreement/data mou']
    """
    text, sentences = analysis.document.text, analysis.sentences
    later = sentences[sentences.index(pointer) + 1:]
    heading = next((k for k, s in enumerate(later)
                    if _ANNEX_HEADING.match(text[text.rfind("\n", 0, s.start) + 1:s.end])), None)
    if heading is None:
        return [], pointer
    items, last = [], pointer
    for item in later[heading + 1:]:
        line = text[text.rfind("\n", 0, item.start) + 1:item.end]
        if not _LIST_ITEM.match(line):
            if items:
                break
            continue  # a line between the heading and its list ("The documents are:")
        items += [m for m in analysis.mentions_in(item) if m.type == "Agreement"]
        last = item
    return items, last


def _treaty_parties(analysis: Analysis, sentence: Sentence, evidence: Evidence) -> list[Relation]:
    """The two countries a treaty named in the sentence is between, by its name (see :func:`_country_pair`)."""
    found = []
    for mention in analysis.mentions_in(sentence):
        if mention.type == "Agreement":
            found += [Relation(p, "party_to", mention.entity, evidence)
                      for p in _country_pair(analysis, mention.text)]
    return found


def _country_pair(analysis: Analysis, name: str) -> list[str]:
    """The two countries a treaty's name opens with ("China-Singapore Free Trade Agreement").

    Only countries: a city pair names where a programme runs ("Singapore-Shenzhen Smart
    City MOU"), not who signed it.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("[China|Place] and [Singapore|Place] met.")
        >>> _country_pair(a, "China-Singapore Free Trade Agreement")
        ['Place/china', 'Place/singapore']
        >>> _country_pair(a, "Singapore-Shenzhen Smart City MOU")
        []
    """
    pair = re.match(r"([A-Z][\w ]*?)-([A-Z]\w+)\s", name)
    if not pair:
        return []
    parties = []
    for side in pair.groups():
        entry = gazetteer.lookup(side)
        found = lookup(analysis, entry.label, {"Place"}) if entry is not None and entry.kind == "country" else None
        if found is None:
            return []
        parties.append(found.key)
    return parties if parties[0] != parties[1] else []


def _between_parties(analysis: Analysis, name: str) -> list[str]:
    """The parties on both sides of "between A and B" in a name, wherever the "and" between them is.

    "between the Ministry of Industry and Trade of Vietnam and the Ministry of ...": the
    first "and" is inside a body's name; the sides are where each is a body or place.
    """
    tail = re.search(r"\bbetween\s+(?:the\s+)?(.+)$", name, re.I)
    if not tail:
        return []
    text = tail.group(1)
    for cut in re.finditer(r"\s+and\s+(?:the\s+)?", text):
        left = _side_parties(analysis, text[:cut.start()])
        right = _side_parties(analysis, text[cut.end():])
        if left and right and left[0] != right[0] and " ".join(text[:cut.start()].split()) in \
                {n for p in left[:1] for n in (analysis.entities[p].label, *analysis.entities[p].aliases)}:
            return left + right
    return []


def _side_parties(analysis: Analysis, side: str) -> list[str]:
    """The bodies (and the country they are of) one side of "between A and B" in a name stands for.

    A side may run on into the rest of the name ("the Ministry of Trade and Industry of
    Singapore on Announcing ..."): the longest opening that is the document's body or
    place is the party, and the place a body is "of" is a party too.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("[Ministry of Commerce|Organization] of [China|Place] met.")
        >>> _side_parties(a, "the Ministry of Commerce of China on Trade in Services")
        ['Organization/ministry of commerce', 'Place/china']
    """
    words = side.split()
    for end in range(len(words), 0, -1):
        name = " ".join(words[:end])
        found = lookup(analysis, name, {"Organization", "Place"})
        if found is None and (entry := gazetteer.lookup(name)) is not None:
            found = lookup(analysis, entry.label, {"Organization", "Place"})  # "the People's Republic of China"
        if found is None:
            continue
        parties = [found.key]
        # the place the body is "of", after the name found or closing it ("the MTI of Singapore")
        of = re.match(r"of\s+(?:the\s+)?(.+)$", " ".join(words[end:])) or \
            re.match(r".*\bof\s+(?:the\s+)?([A-Z][\w'’ -]*)$", name)
        if found.type == "Organization" and of and of.group(1) != name:
            parties += [p for p in _side_parties(analysis, of.group(1))
                        if analysis.entities[p].type == "Place" and p not in parties][:1]
        return parties
    return []


def _persons_in(analysis: Analysis, between: re.Match[str]) -> list[str]:
    """The persons a meeting's name puts on its two sides ("videoconference between Minister A and Mayor B").

    Each side ends with the person's name (titles before it); a side is read as the
    document's person whose label or alias ends it.
    """
    found = []
    for side in between.groups():
        folded = fold(side)
        for entity in analysis.entities.values():
            if entity.type == "Person" and any(folded == n or folded.endswith(" " + n) for n in names_of(entity)):
                found.append(entity.key)
                break
    return found if len(found) == 2 else []


_UNIT = re.compile(
    r"\b(?:Group|Division|Department|Dept|Unit|Office|Team|Centre|Center|Lab|Laboratory|Branch|Directorate|Section)$"
)

# a unit named by its remit: "Department of Asian Affairs", "Bureau of Trade Remedies"
_UNIT_OPENING = re.compile(r"(?:Department|Bureau|Division|Office|Directorate|Unit|Section)\s+(?:of|for)\s")


def _unit_memberships(analysis: Analysis, roles: Iterable[Role] | None = None) -> list[Relation]:
    """A person of a unit is a member of the body the unit belongs to.

    "Deputy CEO of IMDA International Group": the unit's name opens with its body's
    name, so the person is a member of IMDA too. A bare unit of a release's media
    contact ("Corporate Communications Division") belongs to the release's publisher.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("[Ann Lee|Person], Director of [Acme Data Group|Organization], "
        ...     "spoke for [Acme|Organization].")
        >>> [(r.subject, r.object) for r in _unit_memberships(a)]
        [('Person/ann lee', 'Organization/acme')]
    """
    if roles is None:
        from sgcn.loaders.extract.roles import find_roles  # roles reads relations' helpers: import late

        roles = find_roles(analysis)
    organizations = [e for e in analysis.entities.values() if e.type == "Organization"]
    publisher = lookup(analysis, analysis.document.publisher, {"Organization"}) if analysis.document.publisher else None
    result = []
    for role in roles:
        unit = analysis.entities.get(role.organization or "")
        if unit is None:
            continue
        if not _UNIT.search(unit.label):
            if _UNIT_OPENING.match(unit.label):  # "the Department of Asian Affairs of X's Ministry"
                result.extend(Relation(role.person, "member_of", body, role.evidence)
                              for body in _possessing_bodies(analysis, role.evidence, unit.key))
            continue
        own = fold(unit.label)
        bodies = [o.key for o in organizations if o.key != unit.key
                  and any(own.startswith(n + " ") for n in names_of(o) if len(n) > 1)]
        bodies += [b for b in _possessing_bodies(analysis, role.evidence, unit.key) if b not in bodies]
        named_inside = any(n in own.split() or f" {n} " in f" {own} " for e in analysis.entities.values()
                           if e.key != unit.key for n in names_of(e) if len(n) > 2)
        if not bodies and publisher is not None and not named_inside and publisher.key != unit.key:
            bodies = [publisher.key]
        result.extend(Relation(role.person, "member_of", body, role.evidence) for body in bodies)
    return result


def _contact_memberships(analysis: Analysis) -> list[Relation]:
    """Media contacts are members of the bodies their contact names (:func:`~sgcn.loaders.extract.roles.contact_memberships`)."""
    from sgcn.loaders.extract.roles import contact_memberships  # roles reads relations' helpers: import late

    return contact_memberships(analysis)


_POSSESSED = re.compile(r"⟦(\d+)⟧[’']s\s+(?:the\s+)?⟦(\d+)⟧")
_UNIT_OF = re.compile(r"⟦(\d+)⟧,?\s+(?:of|at|in|under)\s+(?:the\s+)?(?:⟦\d+⟧[’']s\s+)?⟦(\d+)⟧")


def _possessing_bodies(analysis: Analysis, evidence: Evidence, unit: str) -> list[str]:
    """The organisations a unit is named as part of in a sentence.

    "Acme's Data Group" and "the Data Group of Acme" (or "at Acme", "of Singapore's
    Acme") all make Acme the body the unit belongs to.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("[Ann Lee|Person], Director of [Acme|Organization]'s "
        ...     "[Data Group|Organization], spoke.")
        >>> s = a.sentences[0]
        >>> _possessing_bodies(a, Evidence("a", s.start, s.end, s.text), "Organization/data group")
        ['Organization/acme']
    """
    result = []
    for sentence in analysis.sentences:
        if sentence.start != evidence.start:
            continue
        sl = slot(analysis, sentence)
        pairs = [(m.group(1), m.group(2)) for m in _POSSESSED.finditer(sl.text)]
        pairs += [(m.group(2), m.group(1)) for m in _UNIT_OF.finditer(sl.text)]
        for owner_slot, owned_slot in pairs:
            owner, owned = sl.mentions[int(owner_slot)], sl.mentions[int(owned_slot)]
            if owned.entity == unit and owner.type == "Organization" and owner.entity != unit:
                result.append(owner.entity)
    return result


def _part_of_by_name(analysis: Analysis) -> list[Relation]:
    """Events whose name holds the name of what they belong to.

    An edition belongs to its series ("Smart China Expo 2019" -> "Smart China Expo"), a
    meeting named after an initiative belongs to it ("fifth CCI JIC" -> CCI), a ceremony
    of an edition to the edition ("opening ceremony of the 2019 Smart China Expo").
    Evidence is the first sentence naming the part.
    """
    result = []
    for entity in analysis.entities.values():
        if entity.type == "Event":
            whole = _container(analysis, entity)
        elif entity.type in ("Initiative", "Project", "Agreement"):
            whole = _named_after_programme(analysis, entity)
        else:
            continue
        if whole is None:
            continue
        evidence = _first_evidence(analysis, entity.key)
        if evidence:
            result.append(Relation(entity.key, "part_of", whole, evidence))
    return result


def _meetings_of_owned_committees(analysis: Analysis, found: list[Relation]) -> list[Relation]:
    """A committee's meeting named without whose committee it is ("the 13th JIC meeting will be held
    in 2028") is part of the one initiative the document gives that committee: the one another of
    its meetings is named of ("the 12th meeting of the JIC of the X Initiative"), or the one the
    committee runs ("The JIC oversees the X Initiative", a ``partner_in`` read before).

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.extract import extract
        >>> facts = extract(Document(source="m.txt", sha256="0" * 64, format="plaintext", date="2024-06-01",
        ...     text="The 9th meeting of the Joint Implementation Committee (JIC) of the Smart Port "
        ...          "Initiative was held in Xiamen. The 10th JIC meeting will be held in Singapore."))
        >>> sorted((r.subject, r.object) for r in facts.relations if r.relation == "part_of")  # doctest: +NORMALIZE_WHITESPACE
        [('Event/10th joint implementation committee meeting', 'Initiative/smart port initiative'),
         ('Event/9th smart port initiative joint implementation committee meeting', 'Initiative/smart port initiative')]
    """
    owners: dict[str, set[str]] = {}
    for entity in analysis.entities.values():
        identity = getattr(entity, "identity", ())
        if entity.type == "Event" and len(identity) == 3 and identity[1]:
            owner = analysis.entities.get(identity[1])
            if owner is not None and owner.type == "Initiative":
                owners.setdefault(identity[0], set()).add(owner.key)
    for relation in found:
        subject, whole = analysis.entities.get(relation.subject), analysis.entities.get(relation.object)
        if relation.relation == "partner_in" and subject is not None and subject.type == "Organization" \
                and whole is not None and whole.type == "Initiative":
            owners.setdefault(subject.key, set()).add(whole.key)
    result = []
    for entity in analysis.entities.values():
        identity = getattr(entity, "identity", ())
        if entity.type != "Event" or len(identity) != 3 or identity[1] or len(owners.get(identity[0], ())) != 1:
            continue
        evidence = _first_evidence(analysis, entity.key)
        if evidence:
            result.append(Relation(entity.key, "part_of", next(iter(owners[identity[0]])), evidence))
    return result


def _named_after_programme(analysis: Analysis, part: Any) -> str | None:
    """The initiative whose acronym opens ``part``'s name: "CCI Overall Blueprint", "CCI-New Land-Sea Corridor".

    A programme's plans, corridors and pilots carry its short name in front of their
    own; the rest must be a name of several words (not the programme's own name).

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("The [Green Port Initiative (GPI)|Initiative|Green Port Initiative|GPI] "
        ...     "adopted the [GPI Harbour Master Plan|Initiative]. [GPI|Initiative|Green Port Initiative] grew.")
        >>> _named_after_programme(a, a.entities["Initiative/gpi harbour master plan"])
        'Initiative/green port initiative'
    """
    for name in (part.label, *part.aliases):
        match = re.match(r"^([A-Z][A-Z&]{1,9})(?:\s+|-)(?=[A-Z])(.+)$", name)
        if not match or len(match.group(2).split()) < 2:
            continue
        whole = lookup(analysis, match.group(1), {"Initiative"})
        if whole is not None and whole.key != part.key:
            return whole.key
    return None


def _container(analysis: Analysis, part: Any) -> str | None:
    """The event or initiative whose name stands as the head or qualifier of ``part``'s name.

    The longest such name wins, the first entity and name of equals. What :func:`_holds`
    accepts is a run of whole words of the part's (folded) name, so only those runs are
    looked up in an index of the names of events and initiatives, made once per analysis
    (trying every event and initiative for each event was quadratic in a long document).
    """
    index = analysis.once(_containers)
    best: tuple[int, int, int, str] | None = None
    part_names = [n for n in names_of(part) if not re.search(r"\bbetween\b|\bto\s+co\b", n)]
    for own in part_names:
        words = own.split(" ")
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                name = " ".join(words[i:j])
                for at, rank, key in index.get(name, ()):
                    if key == part.key or own == name or not _holds(own, name) or _sessions_of_one_body(
                            analysis, part.key, key):
                        continue
                    found = (-len(name), at, rank, key)
                    if best is None or found < best:
                        best = found
    return best[3] if best else None


def _sessions_of_one_body(analysis: Analysis, one: str, other: str) -> bool:
    """Whether two events are numbered sessions of the same committee (neither is part of the other:
    "the eighth JIC meeting" holds a name of "the seventh JIC meeting", "JIC meeting")."""
    first = getattr(analysis.entities.get(one), "identity", ())
    second = getattr(analysis.entities.get(other), "identity", ())
    return len(first) == 3 and len(second) == 3 and first[0] == second[0]


def _containers(analysis: Analysis) -> dict[str, list[tuple[int, int, str]]]:
    """Folded name of three characters or more -> (entity's place, name's place, key) of the
    events and initiatives bearing it, in the order :func:`_container` tries them."""
    index: dict[str, list[tuple[int, int, str]]] = {}
    for at, other in enumerate(analysis.entities.values()):
        if other.type not in {"Event", "Initiative"}:
            continue
        for rank, name in enumerate(names_of(other)):
            if len(name) >= 3:
                index.setdefault(name, []).append((at, rank, other.key))
    return index


def _holds(own: str, name: str) -> bool:
    """Whether name ``own`` is ``name`` plus a year, an ordinal, or a meeting/ceremony word."""
    if name not in own:  # each form below holds ``name`` as it is
        return False
    if not _holds_pattern(name).search(own):
        return False
    tail = own[own.find(name) + len(name):].split()
    extra = [w for w in tail if not re.fullmatch(r"\d{4}|\d+(?:st|nd|rd|th)?", w)]
    return all(w in _PART_WORDS for w in extra) or not tail


@lru_cache(maxsize=4096)
def _holds_pattern(name: str) -> re.Pattern[str]:
    """The forms of :func:`_holds` for ``name``, compiled once (re's own cache of 512 is
    too small for a long document's names)."""
    return re.compile(
        rf"^(?:(?:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
        rf"inaugural|annual)\s+)*{re.escape(name)}(?:\s+\w+){{0,6}}$"
        rf"|^(?:[\w-]+\s+){{0,4}}(?:ceremony|session|forum|meeting|dinner|summit|conference)\s+of\s+(?:the\s+)?"
        rf"(?:\d{{4}}\s+)?{re.escape(name)}$"
        # "11th meeting of the Joint Implementation Committee of the X Initiative", "the 11th Joint
        # Implementation Committee of the X Initiative meeting": a meeting of the initiative's committee
        rf"|^(?:[\w-]+\s+){{0,8}}(?:committee|council|commission|board)\s+(?:of|for)\s+(?:the\s+)?{re.escape(name)}"
        rf"(?:\s+(?:meeting|session))?$"
        rf"|^\d{{4}}\s+{re.escape(name)}$"
    )


_PART_WORDS = {
    "joint", "implementation", "committee", "jic", "senior", "officials", "meeting", "meetings",
    "ceremony", "opening", "inauguration", "session", "forum", "summit", "conference",
    "council", "dialogue", "working", "group", "signing", "contract", "closing", "som",
}


def _first_evidence(analysis: Analysis, key: str) -> Evidence | None:
    """The first sentence holding one of ``key``'s mentions, the first first."""
    for mention in analysis.once(_mentions_by_entity).get(key, ()):
        sentence = analysis.sentence_holding(mention.start, mention.end)
        if sentence is not None:
            return _evidence(analysis, sentence)
    return None


def _mentions_by_entity(analysis: Analysis) -> dict[str, list]:
    """Each entity's mentions in the analysis' order (once per analysis: a scan of every
    mention for each entity was quadratic in a long document)."""
    found: dict[str, list] = {}
    for mention in analysis.mentions:
        found.setdefault(mention.entity, []).append(mention)
    return found


_STORY_VERBS = (
    r"(?:today|opened|opens|closed|closes|concluded|concludes|ended|ends|kicked\s+off|kicks\s+off|"
    r"got\s+under\s+way|gets\s+under\s+way|wrapped\s+up|wraps\s+up|began|begins|started|starts)"
)


def _dateline_places(analysis: Analysis, relations: list[Relation]) -> list[Relation]:
    """The event a datelined story reports as happening is held at the dateline's place.

    "CHONGQING, Aug 24 (Xinhua) -- The 2024 Expo closed on Saturday" and "... the
    forum opened today" say where the event is: the dateline city. Only an event with
    no place of its own in the text, reported by a verb of opening, closing or "today".

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("OSLO, May 2 (Reuters) -- The [Fish Fair 2024|Event] closed on Friday. "
        ...     "[Oslo|Place] is cold.", date="2024-05-03")
        >>> [(r.subject, r.object) for r in _dateline_places(a, [])]
        [('Event/fish fair 2024', 'Place/oslo')]
    """
    text = analysis.document.text
    dateline = find_dateline(text)
    if dateline is None:
        return []
    place = lookup(analysis, dateline.place.split(",")[0].title(), {"Place"})
    if place is None:
        return []
    placed = {r.subject for r in relations if r.relation == "held_in"}
    result = []
    for sentence in analysis.sentences:
        sl = slot(analysis, sentence)
        for match in re.finditer(rf"({SLOT})\s+(?:\w+\s+)?{_STORY_VERBS}\b", sl.text):
            index = int(re.findall(r"\d+", match.group(1))[0])
            event = sl.mentions[index]
            if event.type == "Event" and event.entity not in placed and event.entity not in editions(analysis):
                result.append(Relation(event.entity, "held_in", place.key, _evidence(analysis, sentence)))
    return result


def _to_current_edition(analysis: Analysis, relations: list[Relation]) -> list[Relation]:
    """A ceremony or forum "of the SCE" or "held within the framework of the SCE" is part of this year's edition.

    A one-off event (not itself an edition or a series) belongs to one edition, not to
    the series: when the document names the edition of its own year, the part moves to it.

    Examples:
        >>> from sgcn.loaders.extract.rel_markup import analysis_from_markup
        >>> a = analysis_from_markup("The [Fair|Event] is in its tenth year. [This year's Fair|Event|Fair 2023] "
        ...     "opened. The [Fair forum|Event] was held within the framework of the [Fair|Event].", date="2023-05-01")
        >>> [(r.subject, r.object) for r in find_relations(a) if r.relation == "part_of"]
        [('Event/fair 2023', 'Event/fair'), ('Event/fair forum', 'Event/fair 2023')]
    """
    year = doc_year(analysis)
    by_series = editions(analysis)
    result = []
    for relation in relations:
        current = by_series.get(relation.object, {}).get(year) if year else None
        if relation.relation == "part_of" and current and relation.subject != current \
                and relation.subject not in by_series and series_of(analysis, relation.subject) is None:
            relation = Relation(relation.subject, "part_of", current, relation.evidence)
        result.append(relation)
    return result


def _propagated(analysis: Analysis, relations: list[Relation]) -> list[Relation]:
    """Facts that follow from others of the same document.

    A series held in a place holds its editions there; a part of an event is held
    where its event is (when it has no place of its own); who takes part in a part of
    an event takes part in the event.
    """
    held = {r.subject: r for r in relations if r.relation == "held_in"}
    parent = {r.subject: r for r in relations if r.relation == "part_of" and r.object in analysis.entities
              and analysis.entities[r.object].type == "Event"}
    result = []
    for series, by_year in editions(analysis).items():
        if series in held:
            for edition in by_year.values():
                if edition not in held:
                    result.append(Relation(edition, "held_in", held[series].object, held[series].evidence))
                    held[edition] = result[-1]
    for part, link in parent.items():
        if part not in held and link.object in held and series_of(analysis, part) is None:
            result.append(Relation(part, "held_in", held[link.object].object, link.evidence))
    for relation in relations:
        if relation.relation == "participated_in" and relation.object in parent and series_of(analysis, relation.object) is None:
            result.append(Relation(relation.subject, "participated_in", parent[relation.object].object, relation.evidence))
    return result


def _checked(analysis: Analysis, relations: list[Relation]) -> list[Relation]:
    """The relations whose subject and object have the types the contract allows."""
    table = contract()
    kept = []
    for relation in relations:
        subject = analysis.entities.get(relation.subject)
        obj = analysis.entities.get(relation.object)
        if subject is None or obj is None:
            log.debug("dropped %s: unknown entity", relation)
            continue
        allowed_subject, allowed_object = table[relation.relation]
        if subject.type in allowed_subject and obj.type in allowed_object and subject.key != obj.key:
            kept.append(relation)
    return kept


def _unique(relations: list[Relation]) -> list[Relation]:
    """One relation per (subject, relation, object, sentence), in text order."""
    seen = set()
    result = []
    for relation in sorted(relations, key=lambda r: (r.evidence.start, r.subject, r.relation, r.object)):
        key = (relation.subject, relation.relation, relation.object, relation.evidence.start)
        if key not in seen:
            seen.add(key)
            result.append(relation)
    return result

