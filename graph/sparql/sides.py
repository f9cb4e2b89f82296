"""A ``side`` parameter of the query library: the organizations on a side, or of a place.

``bridging-people -p here=Singapore -p there=Chongqing`` means the people of
Singapore-side organizations and their counterparts of Chongqing's: the value names a
side of the cooperation (``Singapore`` or ``China``, by the rules of
:mod:`sgcn.graph.rdf.sides`: well-known bodies, the places and demonyms in an
organization's names, the places it is related to) or a place on one (any name the
gazetteer knows for it: an organization is of the place when one of its names holds one
of the place's names, or when it is directly related to the place). The organizations
are found with ``organizations.rq`` beside this module and bound to the parameter as a
set of IRIs, never by comparing words of a label.

Examples:
    >>> from sgcn.graph.sparql.store import parse_graph, run_query
    >>> graph = parse_graph('''
    ... @prefix sgcn: <https://w3id.org/sgcn/ontology#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <https://x/mti> a sgcn:Organization ; skos:prefLabel "Ministry of Trade and Industry" .
    ... <https://x/cq> a sgcn:Organization ; skos:prefLabel "Chongqing Municipal People's Government" .
    ... <https://x/sz> a sgcn:Organization ; skos:prefLabel "Shenzhen Municipal People's Government" .
    ... ''')
    >>> runner = lambda text, bindings: run_query(graph, text, bindings)
    >>> [str(iri) for iri in organizations_on("Singapore", runner)], [str(iri) for iri in organizations_on("China", runner)]
    (['https://x/mti'], ['https://x/cq', 'https://x/sz'])
    >>> [str(iri) for iri in organizations_on("chongqing", runner)]
    ['https://x/cq']
"""

from __future__ import annotations

from importlib.resources import files
from typing import Callable, Mapping

from sgcn.graph.rdf.sides import mentions, place_names, side_of_names, side_rules
from sgcn.graph.sparql.params import QueryError
from sgcn.graph.sparql.results import Answer, Term

__all__ = ["organizations_on"]

Runner = Callable[[str, Mapping], Answer]


def _place_names(value: str) -> tuple[str, ...] | None:
    """Every name of the place ``value`` names (any of its gazetteer names, case ignored), or ``None``."""
    folded = value.casefold()
    for names in place_names().values():
        if any(name.casefold() == folded for name in names):
            return names
    return None


def organizations_on(value: str, runner: Runner) -> tuple[Term, ...]:
    """The IRIs of the organizations on the side, or of the place, that ``value`` names (sorted).

    An organization of both sides (bilateral) is on neither.

    Raises:
        QueryError: ``value`` names neither a side nor a place the gazetteer knows.
    """
    wanted = value.strip()
    sides = {side.casefold(): side for side in set(side_rules().places.values())}
    side = sides.get(wanted.casefold())
    place = None if side else _place_names(wanted)
    if side is None and place is None:
        raise QueryError(f"{value!r} is neither a side ({', '.join(sorted(sides.values()))}) nor a place the "
                         "gazetteer knows (e.g. Chongqing, Shenzhen)")
    own: dict[str, list[str]] = {}
    places: dict[str, list[str]] = {}
    text = files("sgcn.graph.sparql").joinpath("organizations.rq").read_text(encoding="utf-8")
    for organization, name, of in runner(text, {}).fetch():
        (own if of.value == "organization" else places).setdefault(organization.value, []).append(name.value)
        own.setdefault(organization.value, [])
    found = []
    for iri, names in own.items():
        related = places.get(iri, [])
        if side is not None:
            place_sides = [side_of_names("Place", [name]) for name in related]
            if side_of_names("Organization", names, place_sides) == side:
                found.append(iri)
        elif any(mentions(name, p) for name in names for p in place) or \
                any(name.casefold() in {p.casefold() for p in place} for name in related):
            found.append(iri)
    return tuple(Term("uri", iri) for iri in sorted(found))

