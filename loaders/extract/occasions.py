"""Occasions: the ceremonies and other parts of an event, named after what they are the occasion of.

A pass of coreference (:func:`~sgcn.loaders.extract.coref.resolve_references`).
Described-entity recognition leaves occasions named by their kind alone ("the opening
ceremony", "a signing ceremony") for this pass, which names each after what it belongs
to: the agreement or initiative done at it ("launched the X Partnership at a signing
ceremony"; a bare "ceremony" takes its kind from the verb: "signed X at a ceremony" is
a signing ceremony), the edition named in the same sentence, else the edition the
document is about (:func:`~sgcn.loaders.extract.editions._main_edition`), else, for a
signing ceremony, the agreement named last. With none of these the phrase singles
nothing out and gives no entity. A body or event followed by an event noun ("the SCE
inauguration ceremony") is an occasion named on its own (:func:`_named_occasion`).

Examples:
    >>> from sgcn.loaders.document import Document
    >>> from sgcn.loaders.extract.mentions import analyze
    >>> doc = Document(source="o.txt", sha256="0" * 64, format="plaintext", date="2022-06-01",
    ...     text="Alpha Bank and Beta Corp signed the Green Data Agreement at a ceremony in Suzhou.")
    >>> [(m.text, m.entity) for m in analyze(doc).mentions if m.type == "Event"]
    [('ceremony', 'Event/signing ceremony of the green data agreement')]
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING

from sgcn.loaders.extract.editions import _claim, _main_edition, _series

if TYPE_CHECKING:
    from sgcn.loaders.extract.mentions import Recognition


_AT = re.compile(r"\s*(?:\([A-Z][\w&-]*\)\s*)?(?:at|during|in)\s+(?:an?|the)\s+$")  # "signed X at a"
_DONE = re.compile(r"\b(signed|inked|launched|unveiled|opened)\b(?!.*\b(?:signed|inked|launched|unveiled|opened)\b)")


def _occasions(an: "Recognition") -> None:
    """Name each part of an event named by its kind alone after what it is the occasion of.

    "launched the X Partnership at a signing ceremony" is the signing ceremony of that
    partnership; "delivered a speech at the opening ceremony" after "The 2021 Harbour
    Expo opened" is the opening ceremony of that edition. With neither, the phrase
    singles nothing out and gives no entity (a definite one may still refer back).
    """
    document = _Document(an)
    for cand in an.occasions:
        if an.taken(cand.start, cand.end):
            continue
        core = cand.aliases[0]
        whole = _occasion_of(an, cand.start, signing="signing" in core, document=document)
        if whole is None:
            continue
        key, surface, done = whole
        if core == "ceremony":  # "signed X at a ceremony": named by what was done at it
            if done is None:
                continue
            core = {"signed": "signing", "inked": "signing", "launched": "launch", "unveiled": "unveiling",
                    "opened": "opening"}[done] + " ceremony"
        record = an.registry.records[key]
        names = [surface] + [n for n in (record.label, *sorted(record.aliases))
                             if n[:1].isupper() or n[:1].isdigit()]
        aliases = [f"{core} of the {n}" for n in names[1:]] + [f"{n} {core}" for n in names]
        aliases += [cand.label, core] if cand.label == core else [cand.label]
        occasion = an.registry.add("Event", f"{core} of the {surface}", aliases)
        an.occasion_keys.add(occasion)
        an.mention(cand.start, cand.end, occasion)


def _occasion_of(an: "Recognition", position: int, *, signing: bool = False,
                 document: "_Document | None" = None) -> tuple[str, str, str | None] | None:
    """(key, name as written, verb) of what an occasion at ``position`` belongs to, or ``None``.

    An agreement or initiative followed by "at a ..." in the same sentence comes first
    (with the verb that did it: "signed", "launched"); else an edition of a recurring
    event named in the same sentence (the nearest before it, else the first after); else
    the edition the document is about; else, for a signing ceremony, the agreement named
    most recently before it.

    Mentions are ordered by their end, then the longer first, then as they were made;
    what the whole document holds (its editions, its agreements) is read from
    ``document`` (made once for a pass and kept up to date as it adds occasions), the
    sentence's own mentions from the index of mentions by offset.
    """
    document = document or _Document(an)
    document.update()
    sentence = an.sentence_at(position)
    if sentence is None:
        return None
    last = None  # the mention of the sentence ending last before ``position``
    for m in an.inside(sentence.start, position):  # in the order they were made
        if last is None or (m.end, -m.start) >= (last.end, -last.start):
            last = m
    if last is not None:
        m = last
        if m.type in ("Agreement", "Initiative") and _AT.fullmatch(an.text[m.end:position]):
            done = _DONE.search(an.text[sentence.start:m.start])
            return m.entity, _written_name(an, m, document), done.group(1) if done else None
        if m.type in ("Agreement", "Initiative", "Event") and re.fullmatch(r"['’]s\s+", an.text[m.end:position]):
            edition = _series(an, m.entity)
            if edition != m.entity or edition is None:  # "the fund's closing ceremony"; not a bare series
                return m.entity, _written_name(an, m, document), None
    here = sorted((m for m in an.inside(sentence.start, sentence.end)
                   if _series(an, m.entity) not in (None, m.entity)), key=_order)
    if here:
        before = [m for m in here if m.end <= position]
        m = before[-1] if before else here[0]
        return m.entity, _written_name(an, m, document), None
    if signing:  # the signing of the agreement named last, not of the edition
        agreement = document.last_agreement(position)
        if agreement is not None:
            return agreement.entity, _written_name(an, agreement, document), None
    main = document.main_edition()
    return (main.entity, _written_name(an, main, document), None) if main else None


def _order(m) -> tuple[int, int]:
    return m.end, -m.start


class _Document:
    """What :func:`_occasion_of` reads of the whole document: the mentions of editions and of
    agreements (each ordered by :func:`_order`, then as made), the edition the document is
    about, and each entity's mentions by offset.

    Made once for the occasions pass, whose only changes are mentions and entities added:
    :meth:`update` takes in the new ones (an entity added can make an edition of a key
    named "<it> <year>"). Were the list of mentions replaced or shortened, or an entity
    dropped, everything is read again. Without it, each occasion sorted every mention of
    the document and asked each for its series (a long document: quadratic).
    """

    def __init__(self, an: "Recognition") -> None:
        self.an = an
        self.mentions: list | None = None  # the list read, and how far
        self.read = 0
        self.keys = 0  # how many entities were read
        self.series: dict[str, str | None] = {}  # key -> _series(an, key)
        self.named_by: dict[str, list[str]] = {}  # "Event/x" -> the keys "Event/x <year>"
        self.editions: list[tuple] = []  # ((end, -start), at, mention) of the editions' mentions
        self.agreements: list[tuple] = []  # the same of the agreements'
        self.by_entity: dict[str, list[tuple[int, int]]] = {}  # key -> its mentions' (start, at), sorted
        self.main: tuple | None = None  # (the main edition's mention,) once worked out

    def update(self) -> None:
        an = self.an
        records = an.registry.records
        if self.mentions is not an.mentions or self.read > len(an.mentions) or self.keys > len(records):
            self.__init__(an)
            self.mentions = an.mentions
        if self.keys < len(records):
            new = list(itertools.islice(reversed(records), len(records) - self.keys))[::-1]
            first = self.keys == 0
            self.keys = len(records)
            changed = [key for key in new if self._add_key(key)]
            if not first and any([self._renamed(key) for key in changed]):  # each asked again
                self.editions = [e for e in self.editions if self._is_edition(e[2].entity)]
                self.editions += [(_order(m), at, m) for key in self.series if self._is_edition(key)
                                  for _, at in self.by_entity.get(key, ()) if (m := an.mentions[at]).entity == key
                                  and not any(e[1] == at for e in self.editions)]
                self.editions.sort(key=lambda e: (e[0], e[1]))
                self.main = None
        for at in range(self.read, len(an.mentions)):
            m = an.mentions[at]
            bisect.insort(self.by_entity.setdefault(m.entity, []), (m.start, at))
            if self._is_edition(m.entity):
                bisect.insort(self.editions, (_order(m), at, m), key=lambda e: (e[0], e[1]))
                self.main = None
            if m.type == "Agreement":
                bisect.insort(self.agreements, (_order(m), at, m), key=lambda e: (e[0], e[1]))
        self.read = len(an.mentions)

    def _add_key(self, key: str) -> bool:
        """Read a new entity; whether it is the series of keys read before ("<it> <year>")."""
        self.series[key] = _series(self.an, key)
        named = re.fullmatch(r"(Event/.+) ((?:19|20)\d\d)", key)
        if named:
            self.named_by.setdefault(named.group(1), []).append(key)
        return key in self.named_by

    def _renamed(self, key: str) -> bool:
        """Ask again the series of the keys named after ``key``; whether one of them changed."""
        changed = False
        for other in self.named_by.get(key, ()):
            if other != key:
                series = _series(self.an, other)
                changed |= series != self.series[other]
                self.series[other] = series
        return changed

    def _is_edition(self, key: str) -> bool:
        return self.series.get(key, None) not in (None, key)

    def last_agreement(self, position: int):
        """The agreement's mention ending last by ``position`` (the latest made of equals), or ``None``."""
        at = bisect.bisect_left(self.agreements, (position + 1,), key=lambda e: (e[0][0],)) - 1
        return self.agreements[at][2] if at >= 0 else None

    def main_edition(self):
        if self.main is None:
            self.main = (_main_edition(self.an, [m for _, _, m in self.editions]),)
        return self.main[0]

    def mentions_of(self, key: str):
        """The mentions of ``key`` in text order (as made, of those starting together)."""
        mentions = self.an.mentions
        return (mentions[at] for _, at in self.by_entity.get(key, ()))


def _named_occasion(an: "Recognition", start: int, stop: int, record) -> None:
    """"the SCE inauguration ceremony": a body or event with an event noun is an occasion of its own."""
    surface = re.sub(r"\s+", " ", re.sub(r"\s*\([A-Z]{2,}\)", "", an.text[start:stop]))
    words = surface.split()
    label = " ".join([record.label] + words[1:]) if len(words) >= 2 and an.registry.find(words[0]) else surface
    key = an.registry.add("Event", label, [surface] if surface != label else [])
    _claim(an, start, stop, key, drop=("Event", "Organization"))


def _written_name(an: "Recognition", m, document: _Document) -> str:
    """The name a mention gives its entity: its own words when it is a name, else the entity's label."""
    record = an.registry.records[m.entity]
    known = {n.lower() for n in (record.label, *record.aliases)}
    for mention in itertools.chain([m], document.mentions_of(m.entity)):
        text = re.sub(r"\s*\([A-Z][\w&-]*\)", "", re.sub(r"\s+", " ", mention.text))
        text = re.sub(r"^[Tt]he\s+", "", text)
        if text.lower() in known and text[:1].isupper() | text[:1].isdigit():
            return text  # as the document writes it, else as it first names it
    return record.label
