"""Which side of Singapore-China cooperation a place or an organization is on.

Domain knowledge, not facts read from documents: ``sides.yaml`` beside this file lists
each side's places, demonyms and well-known bodies (every label a gazetteer entry). An
organization's side comes, in this order, from the table of well-known bodies, from the
places and demonyms its names hold (both sides: bilateral), and from the places it is
directly related to when they are all on one side. :func:`side_of_names` applies those
rules to names, so the network's analysis (``sgcn analyze``) and the query library's
``side`` parameters (``bridging-people -p here=Singapore``) read sides alike.

Examples:
    >>> side_of_names("Organization", ["MTI", "Ministry of Trade and Industry"])
    'Singapore'
    >>> side_of_names("Organization", ["Chongqing Liangjiang Bureau"]), side_of_names("Place", ["Shenzhen"])
    ('China', 'China')
    >>> side_of_names("Organization", ["China-Singapore Data Company"]), side_of_names("Organization", ["Acme"])
    ('bilateral', None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Iterable

import yaml

__all__ = ["BILATERAL", "CHINA", "SINGAPORE", "SideRules", "mentions", "place_names", "side_of_names", "side_rules"]

SINGAPORE = "Singapore"
CHINA = "China"
# libyaml's safe loader where PyYAML has it (the gazetteer takes the pure-Python one ~0.5 s)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
BILATERAL = "bilateral"


@dataclass(frozen=True)
class SideRules:
    """What tells a side: place and body labels, and every name of those places."""

    places: dict[str, str]
    organizations: dict[str, str]
    words: dict[str, str]


@lru_cache(maxsize=1)
def place_names() -> dict[str, tuple[str, ...]]:
    """Every place of the extraction gazetteer: preferred label -> all its names.

    Read from ``loaders/extract/gazetteer.yaml`` as data: importing
    ``sgcn.loaders.extract`` would load the whole extraction pipeline (spaCy, over a
    second) for a table of names. A test checks it agrees with the gazetteer's own reader.

    Examples:
        >>> place_names()["China"][:3]
        ('China', "People's Republic of China", 'PRC')
    """
    text = files("sgcn.loaders").joinpath("extract", "gazetteer.yaml").read_text(encoding="utf-8")
    return {str(item["label"]): (str(item["label"]), *(str(a) for a in item.get("aliases") or ()))
            for item in yaml.load(text, Loader=_LOADER).get("places") or ()}


@lru_cache(maxsize=1)
def side_rules() -> SideRules:
    """The side table of ``sides.yaml``, with the gazetteer's aliases of its places.

    Examples:
        >>> rules = side_rules()
        >>> rules.places["Chongqing"], rules.organizations["Infocomm Media Development Authority"]
        ('China', 'Singapore')
        >>> rules.words["chongqing municipality"], rules.words["singaporean"]
        ('China', 'Singapore')
    """
    raw = yaml.load(files("sgcn.graph.rdf").joinpath("sides.yaml").read_text(encoding="utf-8"), Loader=_LOADER)
    gazetteer = place_names()
    places, organizations, words = {}, {}, {}
    for side, table in raw["sides"].items():
        for label in table.get("places", ()):
            places[label] = side
            for name in gazetteer.get(label, (label,)):
                words[name.casefold()] = side
        for label in table.get("organizations", ()):
            organizations[label] = side
        for word in table.get("demonyms", ()):
            words[word.casefold()] = side
    return SideRules(places, organizations, words)


def mentions(text: str, word: str) -> bool:
    """Whether ``text`` holds ``word`` as a whole word or words (case ignored).

    Examples:
        >>> mentions("Chongqing Municipal People's Government", "chongqing"), mentions("Chongqingers", "Chongqing")
        (True, False)
    """
    return re.search(r"(?<!\w)" + re.escape(word.casefold()) + r"(?!\w)", text.casefold()) is not None


def _sides_named_in(text: str, rules: SideRules) -> set[str]:
    return {side for word, side in rules.words.items() if mentions(text, word)}


def side_of_names(kind: str, names: Iterable[str], related_place_sides: Iterable[str | None] = ()) -> str | None:
    """``"Singapore"``, ``"China"``, ``"bilateral"`` or ``None`` for a place or an organization.

    Args:
        kind: ``"Place"`` or ``"Organization"`` (anything else has no side).
        names: its preferred label, then its other names.
        related_place_sides: the sides of the places it is directly related to
            (organizations only; used when its names tell nothing).
    """
    rules = side_rules()
    names = list(names)
    if kind == "Place":
        for name in names:
            if name in rules.places:
                return rules.places[name]
            if name.casefold() in rules.words:
                return rules.words[name.casefold()]
        return None
    if kind != "Organization":
        return None
    for name in names:
        if name in rules.organizations:
            return rules.organizations[name]
    named = set().union(*(_sides_named_in(name, rules) for name in names))
    if len(named) == 1:
        return named.pop()
    if len(named) > 1:
        return BILATERAL
    linked = set(related_place_sides) - {None}
    return linked.pop() if len(linked) == 1 and BILATERAL not in linked else None
