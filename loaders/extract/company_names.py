"""The short names of a company: its full name without the places, descriptors and legal form.

A release names a company in full once ("Chongqing Kaiyun Cloud Technology Co., Ltd.",
"Meridian Data Labs Pte Ltd") and then as its readers say it ("Kaiyun Cloud", "Meridian
Data Labs"). A short name is a run of the full name's words that keeps its brand: what
it leaves out is places before it (a city, a province, "Sino-Singapore") and, after it,
the words of :mod:`~sgcn.loaders.extract.lexicon`'s ``industry_nouns``,
``company_endings`` and ``company_descriptors`` and the legal form (``legal_forms``).
Coreference (:mod:`~sgcn.loaders.extract.coref`) makes a short name the document uses
a name of the one company it shortens, and the merge across documents
(:mod:`~sgcn.loaders.extract.merge`) does the same for a short name another document uses.

Examples:
    >>> short_forms("Chongqing Kaiyun Cloud Technology Co., Ltd.")
    ['Chongqing Kaiyun', 'Chongqing Kaiyun Cloud', 'Chongqing Kaiyun Cloud Technology', 'Kaiyun', 'Kaiyun Cloud', 'Kaiyun Cloud Technology']
    >>> short_forms("Meridian Data Labs Pte Ltd")
    ['Meridian Data Labs']
"""

from __future__ import annotations

import functools
import re

from sgcn.loaders.extract import gazetteer, lexicon

__all__ = ["short_forms", "without_legal_form"]


def without_legal_form(name: str) -> str:
    """``name`` without the legal form that closes it (and the comma before it).

    Examples:
        >>> without_legal_form("Meridian Data Labs Pte Ltd"), without_legal_form("Kaiyun Cloud Co., Ltd.")
        ('Meridian Data Labs', 'Kaiyun Cloud')
        >>> without_legal_form("Acme Holdings, Inc."), without_legal_form("Limited")
        ('Acme Holdings', 'Limited')
    """
    for pattern in _legal_forms():
        match = pattern.fullmatch(name)
        if match:
            return match.group(1)
    return name


@functools.cache
def _legal_forms() -> list[re.Pattern]:
    """A pattern per legal form of the lexicon, in its order: compiled once, not looked up
    in ``re``'s cache for each form of each name (the merge across documents reads every
    company's name)."""
    return [re.compile(rf"(.+?)[\s,]+{re.escape(form)}") for form in lexicon.data()["legal_forms"]]


def short_forms(full: str, places: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The names a text may shorten the company ``full`` to, sorted; none for a name without a brand.

    Args:
        full: the company's full name.
        places: more place names that may open it (those the document names).

    Examples:
        >>> short_forms("Tianjin Binhai Zhixing Transport Technology")
        ... # doctest: +NORMALIZE_WHITESPACE
        ['Binhai Zhixing', 'Binhai Zhixing Transport', 'Binhai Zhixing Transport Technology', 'Tianjin Binhai Zhixing',
         'Tianjin Binhai Zhixing Transport']
        >>> short_forms("Harbourline Robotics"), short_forms("Singapore Technology")
        (['Harbourline'], [])
        >>> short_forms("Ministry of Trade and Industry"), short_forms("Kaiyun Cloud")
        ([], ['Kaiyun'])

    A name that ends in an acronym or a body's head word is a whole name of its own: what
    follows it names a part of that body ("IMDA International Group" is not "IMDA").

        >>> short_forms("IMDA International Group"), short_forms("Harbour Authority Digital Group Pte Ltd")
        (['IMDA International'], ['Harbour Authority Digital', 'Harbour Authority Digital Group'])
    """
    core = without_legal_form(full)
    words = core.split()
    if not words or any(w.islower() for w in words):
        return []  # "Ministry of Trade and Industry": a body's name of words, no brand
    opening = 0
    while opening < len(words) and gazetteer.is_place_name(words[opening], places):
        opening += 1
    closing = len(words)
    while closing > opening and _is_descriptor(words[closing - 1]):
        closing -= 1
    if closing == opening:
        return []  # "Singapore Technology": nothing but a place and an industry
    found = set()
    for start in range(opening + 1):
        for end in range(closing, len(words) + 1):
            if (start, end) != (0, len(words)) and (end == len(words) or not _whole_name(words[end - 1])):
                found.add(" ".join(words[start:end]))
    if core != full:
        found.add(core)
    return sorted(found)




def _whole_name(word: str) -> bool:
    """Whether a name ending in ``word`` is a whole body's name: an acronym, a body's head word."""
    return word.isupper() or lexicon.head_type(word) == "Organization"


def _is_descriptor(word: str) -> bool:
    return (lexicon.is_industry_noun(word) or lexicon.is_company_ending(word)
            or word in lexicon.data()["company_descriptors"])
