"""How a graph's answer is compared with a gold value: names, words, dates, numbers.

These are the matching rules of ``docs/spec/gold-format.md``, each a small function:

- :func:`normalize`: two names are the same name when they normalize alike;
- :func:`word_overlap`: how much of a role title two texts share;
- :func:`same_date`: dates of different precision agree when one starts with the other;
- :func:`same_value`: figures agree within half a percent.

Examples:
    >>> normalize("Mr Luke Goh") == normalize("luke goh")
    True
    >>> normalize("Singapore-China") == normalize("Singapore China") == normalize("SingaporeChina")
    True
"""

from __future__ import annotations

import re

__all__ = ["HONORIFICS", "TOLERANCE", "normalize", "plain_number", "same_date", "same_value", "word_overlap"]

# words a name may carry or leave out and still be the same name
HONORIFICS = frozenset({"mr", "ms", "mrs", "dr", "madam", "mdm"})
# figures: how far apart (relative to the gold value) two values may be and still agree
TOLERANCE = 0.005
_APOSTROPHES = frozenset("'\u2019\u2018`")
_WORD = re.compile(r"\w+")


def normalize(name: str) -> str:
    """A name reduced to what identifies it.

    Lower case; ``&`` read as ``and``; apostrophes dropped (``People's`` = ``Peoples``);
    every other character that is not a letter or a digit is a word break; the
    honorifics of :data:`HONORIFICS` dropped; the words that remain joined with no space,
    so that spacing and hyphens do not matter.

    Examples:
        >>> normalize("Chongqing Municipal People’s Government")
        'chongqingmunicipalpeoplesgovernment'
        >>> normalize("Research & Development (R&D)")
        'researchanddevelopmentrandd'
        >>> normalize("Madam Chen"), normalize("..."), normalize("Dr")
        ('chen', '', '')
    """
    lowered = str(name).lower().replace("&", " and ")
    kept = "".join("" if c in _APOSTROPHES else c if c.isalnum() else " " for c in lowered)
    return "".join(word for word in kept.split() if word not in HONORIFICS)


def word_overlap(first: str, second: str) -> float:
    """The Jaccard index of the two texts' sets of words (case ignored); 1.0 for two empty texts.

    Examples:
        >>> word_overlap("Deputy Secretary (Trade)", "Deputy Secretary of Trade")
        0.75
        >>> word_overlap("Mayor", "Vice Mayor"), word_overlap("", "")
        (0.5, 1.0)
    """
    a, b = set(_WORD.findall(first.lower())), set(_WORD.findall(second.lower()))
    union = a | b
    return len(a & b) / len(union) if union else 1.0


def same_date(found: str, wanted: str) -> bool:
    """Whether a graph's date agrees with the gold's: one starts with the other; empty only with empty.

    Examples:
        >>> same_date("2019-08-26", "2019-08"), same_date("2019", "2019-08-26"), same_date("2019-09", "2019-08")
        (True, True, False)
        >>> same_date("", ""), same_date("2019", "")
        (True, False)
    """
    if not found or not wanted:
        return found == wanted
    return found.startswith(wanted) or wanted.startswith(found)


def same_value(found: float, wanted: float) -> bool:
    """Whether a graph's figure is the gold's, within :data:`TOLERANCE` of the gold value.

    Examples:
        >>> same_value(100.4, 100), same_value(100.6, 100), same_value(0, 0)
        (True, False, True)
    """
    return abs(found - wanted) <= TOLERANCE * abs(wanted)


def plain_number(value: float) -> str:
    """A number written as a reader would: no trailing zeros, no exponent (six decimals at most).

    Examples:
        >>> plain_number(816900000000.0), plain_number(0.25), plain_number(3.0)
        ('816900000000', '0.25', '3')
    """
    return f"{value:.6f}".rstrip("0").rstrip(".")
