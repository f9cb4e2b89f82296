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
    for cand in an.occasions:
        if an.taken(cand.start, cand.end):
            continue
        core = cand.aliases[0]
        whole = _occasion_of(an, cand.start, signing="signing" in core)
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


def _occasion_of(an: "Recognition", position: int, *, signing: bool = False) -> tuple[str, str, str | None] | None:
    """(key, name as written, verb) of what an occasion at ``position`` belongs to, or ``None``.

    An agreement or initiative followed by "at a ..." in the same sentence comes first
    (with the verb that did it: "signed", "launched"); else an edition of a recurring
    event named in the same sentence (the nearest before it, else the first after); else
    the edition the document is about; else, for a signing ceremony, the agreement named
    most recently before it.
    """
    sentence = next((s for s in an.sentences if s.start <= position < s.end), None)
    if sentence is None:
        return None
    named = sorted(an.mentions, key=lambda m: (m.end, -m.start))
    for m in reversed([m for m in named if sentence.start <= m.start and m.end <= position]):
        if m.type in ("Agreement", "Initiative") and _AT.fullmatch(an.text[m.end:position]):
            done = _DONE.search(an.text[sentence.start:m.start])
            return m.entity, _written_name(an, m), done.group(1) if done else None
        if m.type in ("Agreement", "Initiative", "Event") and re.fullmatch(r"['’]s\s+", an.text[m.end:position]):
            edition = _series(an, m.entity)
            if edition != m.entity or edition is None:  # "the fund's closing ceremony"; not a bare series
                return m.entity, _written_name(an, m), None
        break
    editions = [m for m in named if _series(an, m.entity) not in (None, m.entity)]
    here = [m for m in editions if sentence.start <= m.start and m.end <= sentence.end]
    if here:
        before = [m for m in here if m.end <= position]
        m = before[-1] if before else here[0]
        return m.entity, _written_name(an, m), None
    agreements = [m for m in named if m.type == "Agreement" and m.end <= position]
    if signing and agreements:  # the signing of the agreement named last, not of the edition
        return agreements[-1].entity, _written_name(an, agreements[-1]), None
    main = _main_edition(an, editions)
    return (main.entity, _written_name(an, main), None) if main else None


def _named_occasion(an: "Recognition", start: int, stop: int, record) -> None:
    """"the SCE inauguration ceremony": a body or event with an event noun is an occasion of its own."""
    surface = re.sub(r"\s+", " ", re.sub(r"\s*\([A-Z]{2,}\)", "", an.text[start:stop]))
    words = surface.split()
    label = " ".join([record.label] + words[1:]) if len(words) >= 2 and an.registry.find(words[0]) else surface
    key = an.registry.add("Event", label, [surface] if surface != label else [])
    _claim(an, start, stop, key, drop=("Event", "Organization"))


def _written_name(an: "Recognition", m) -> str:
    """The name a mention gives its entity: its own words when it is a name, else the entity's label."""
    record = an.registry.records[m.entity]
    known = {n.lower() for n in (record.label, *record.aliases)}
    for mention in [m] + sorted((x for x in an.mentions if x.entity == m.entity), key=lambda x: x.start):
        text = re.sub(r"\s*\([A-Z][\w&-]*\)", "", re.sub(r"\s+", " ", mention.text))
        text = re.sub(r"^[Tt]he\s+", "", text)
        if text.lower() in known and text[:1].isupper() | text[:1].isdigit():
            return text  # as the document writes it, else as it first names it
    return record.label
