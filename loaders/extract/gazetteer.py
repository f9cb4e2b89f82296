"""The gazetteer: places and well-known bodies every document may name.

Domain knowledge, not facts about documents: countries, provinces, cities and
regions, ministries and agencies, large companies, news agencies and the
government-to-government programmes known by several names. Each entry has a
preferred label and its other names; recognition looks names up here before it
tries its rules. The data is ``gazetteer.yaml`` next to this module.

Examples:
    >>> lookup("IMDA").label
    'Infocomm Media Development Authority'
    >>> lookup("Chongqing Municipality").label, lookup("Chongqing").kind
    ('Chongqing', 'city')
    >>> lookup("Atlantis") is None
    True
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import dataclass
from importlib.resources import files

from sgcn.loaders.extract.rules import load_rules

_SECTIONS = {"places": "Place", "organizations": "Organization", "initiatives": "Initiative", "projects": "Project",
             "events": "Event"}
_ENTRY = {"label": {"type": str, "required": True}, "aliases": {"type": list, "items": str}}
_SCHEMA = {
    "places": {"type": list, "items": {**_ENTRY, "kind": {"type": str, "required": True,
                                                           "choices": ("country", "province", "city", "region")}}},
    **{section: {"type": list, "items": _ENTRY} for section in _SECTIONS if section != "places"},
}


@dataclass(frozen=True)
class GazetteerEntry:
    """One place or body: its type, preferred label, other names and, for places, kind."""

    type: str
    label: str
    aliases: tuple[str, ...] = ()
    kind: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The label followed by the aliases."""
        return (self.label, *self.aliases)


@functools.cache
def entries() -> tuple[GazetteerEntry, ...]:
    """Every entry of ``gazetteer.yaml``, in file order, checked against its schema.

    Examples:
        >>> any(e.label == "Singapore" and e.type == "Place" for e in entries())
        True
    """
    raw = load_rules(files("sgcn.loaders.extract").joinpath("gazetteer.yaml"), _SCHEMA)
    found = []
    for section, type_ in _SECTIONS.items():
        for item in raw.get(section) or []:
            found.append(GazetteerEntry(type_, str(item["label"]),
                                        tuple(str(a) for a in item.get("aliases") or ()),
                                        str(item.get("kind", ""))))
    return tuple(found)


@functools.cache
def _index() -> dict[str, GazetteerEntry]:
    index: dict[str, GazetteerEntry] = {}
    for entry in entries():
        for name in entry.names:
            index.setdefault(name, entry)
    return index


def lookup(name: str) -> GazetteerEntry | None:
    """The entry one of whose names is exactly ``name`` (case-sensitive), or ``None``.

    Examples:
        >>> lookup("Britain").label
        'United Kingdom'
    """
    return _index().get(name) or _index().get(name.replace("’", "'"))


def is_place_name(word: str, places: Collection[str] = ()) -> bool:
    """Whether ``word`` names a place: one of ``places`` (a document's own), the gazetteer's, or
    places joined by hyphens ("Singapore-Guangdong"; "Sino" stands for China there).

    Examples:
        >>> is_place_name("Sichuan"), is_place_name("Sino-Singapore"), is_place_name("Eco-City")
        (True, True, False)
        >>> is_place_name("Penang-Xiamen", {"Penang"})
        True
    """
    if word in places:
        return True
    entry = lookup(word)
    if entry is not None:
        return entry.type == "Place"
    parts = word.split("-")
    return len(parts) > 1 and all(p == "Sino" or is_place_name(p, places) for p in parts)


def lookup_casefold(name: str) -> GazetteerEntry | None:
    """Like :func:`lookup` but ignoring case, for headings in capitals; acronyms never match.

    Examples:
        >>> lookup_casefold("CHONGQING").label
        'Chongqing'
        >>> lookup_casefold("most") is None
        True
    """
    folded = name.casefold()
    for entry in entries():
        for alias in entry.names:
            if alias.casefold() == folded and not alias.isupper():
                return entry
    return None


def names() -> tuple[str, ...]:
    """All names of all entries, longest first (for longest-match scanning).

    Examples:
        >>> names().index("Chongqing Municipality") < names().index("Chongqing")
        True
    """
    return tuple(sorted(_index(), key=lambda n: (-len(n), n)))
