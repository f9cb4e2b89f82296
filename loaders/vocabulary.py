"""The closed vocabularies of the query contract: entity types, relations, measures, qualifiers.

They are defined here once (and offered by :mod:`sgcn.loaders.facts`, where the facts
that use them are); the ontology and the shapes state the same lists and a test checks
they agree. This module imports nothing, so the command line can offer them as choices
without loading anything else.

Examples:
    >>> len(ENTITY_TYPES), RELATIONS[0], QUALIFIERS[0]
    (8, 'co_chaired', '')
"""

from __future__ import annotations

ENTITY_TYPES = (
    "Person",
    "Organization",
    "Initiative",
    "Event",
    "Agreement",
    "Project",
    "Place",
    "Publication",
)

RELATIONS = (
    "co_chaired",
    "witnessed",
    "party_to",
    "organized",
    "participated_in",
    "part_of",
    "held_in",
    "member_of",
    "funded_by",
    "partner_in",
    "launched",
    "collaborates_with",
)

MEASURES = (
    "mous_signed",
    "agreements_signed",
    "projects_signed",
    "projects_launched",
    "investment_value",
    "fund_size",
    "companies_participating",
    "delegates",
    "enterprises_attending",
    "countries_and_regions",
    "fortune_global_500_firms",
    "exhibition_area",
    "network_size",
)

QUALIFIERS = ("", "more than", "about", "nearly", "over")
