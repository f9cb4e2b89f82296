"""Read amounts from text: counts, money and areas, with their qualifiers.

The figures stage (:mod:`sgcn.loaders.extract.figures`) asks this module for every
amount a sentence states and then decides, by the words around it, which measure
the amount is and which entity it is about. Here we only read the amount itself:

- the number, in digits (``"1,400"``, ``"816.9"``) or words (``"eight"``,
  ``"fourteen"``, ``"a dozen"``, ``"twenty-five"``), times a scale word
  (``"million"``, ``"billion"``, ``"bn"``, ``"m"``), as a plain :class:`~decimal.Decimal`;
- the unit: an ISO 4217 currency code read from a prefix (``"S$"``, ``"US$"``,
  ``"RMB"``, ``"SGD"``) or a suffix (``"yuan"``, ``"U.S. dollars"``), ``"sqm"`` for
  areas, ``""`` for a count;
- the qualifier, normalised to the closed list of the query contract.

Qualifiers outside the closed list are mapped by the direction of the bound they
state (see ``numbers.yaml``): approximations both ways (``some``, ``around``,
``approximately``, ``roughly``) read as ``about``; lower bounds (``at least``,
``in excess of``, ``upwards of``) as ``more than``; bounds from below the number
(``almost``, ``close to``, ``up to``, ``less than``, ``under``) as ``nearly``,
the only qualifier of the list that says the true value does not exceed the number.

Numbers that are not amounts are left alone: years (a bare 1900-2099 with no
unit or qualifier), numbers inside names (``Fortune Global 500``,
``Phase 3``), ordinals (``3rd``), digits glued to letters (``5G``,
``COVID-19``), percentages, parts of dates (``March 5``) and of times.

Examples:
    >>> [(a.value, a.unit, a.qualifier) for a in find_amounts(
    ...     "816.9 billion yuan (about 117.88 billion U.S. dollars)")]
    [(Decimal('816900000000'), 'CNY', ''), (Decimal('117880000000'), 'USD', 'about')]
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib.resources import files

from sgcn.loaders.extract.rules import load_rules

log = logging.getLogger(__name__)


@dataclass(frozen=True, order=True)
class Amount:
    """An amount a text states.

    Attributes:
        start: offset of its first character (the qualifier's, when there is one).
        end: offset one past its last character (the unit's, when there is one).
        value: the number, scaled, e.g. ``Decimal("40000000")``.
        unit: ISO 4217 code, ``"sqm"``, or ``""`` for a count.
        qualifier: one of ``""``, ``"more than"``, ``"about"``, ``"nearly"``, ``"over"``.
        text: the words as they stand.
    """

    start: int
    end: int
    value: Decimal
    unit: str
    qualifier: str
    text: str


_WORDS = {"type": list, "required": True, "items": str}
_SCHEMA = {
    "units_words": {"type": dict, "required": True, "values": {"type": int}},
    "tens_words": {"type": dict, "required": True, "values": {"type": int}},
    "scales": _WORDS,
    "short_scales": _WORDS,
    "scale_values": {"type": dict, "required": True, "values": {"type": int}},
    "currency_prefixes": {"type": dict, "required": True, "values": {"type": str}},
    "currency_suffixes": {"type": dict, "required": True, "values": {"type": str}},
    "area_units": {"type": dict, "required": True, "values": {"type": (int, float)}},
    "qualifiers": {"type": dict, "required": True, "values": {
        "type": str, "choices": ("more than", "about", "nearly", "over")}},
    "months": _WORDS,
    "name_words": _WORDS,
    "size_suffixes": _WORDS,
}


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    """The number words, scales, currencies, units and qualifiers of ``numbers.yaml``,
    checked against its schema.

    Examples:
        >>> _lexicon()["scale_values"]["bn"]
        1000000000
    """
    return load_rules(files("sgcn.loaders.extract").joinpath("numbers.yaml"), _SCHEMA)


def _alternation(phrases) -> str:
    """A regex alternation of ``phrases``, longest first, spaces matching any blank."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """The regular expression of an amount, built from the lexicon."""
    lex = _lexicon()
    words = _alternation(list(lex["units_words"]) + list(lex["tens_words"]))
    number_word = rf"(?:(?:{words})(?:[\s-]+(?:{words}))?(?:\s+dozen\b)?|a\s+dozen|dozens?)"
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    scale = _alternation(lex["scales"])
    short_scale = _alternation(lex["short_scales"])
    prefix = _alternation(lex["currency_prefixes"])
    suffix = _alternation(lex["currency_suffixes"])
    area = _alternation(lex["area_units"]).replace(r"\s+", r"[\s-]+")  # "square metres", "square-metre"
    qualifier = _alternation(lex["qualifiers"])
    size = _alternation(lex["size_suffixes"])
    return re.compile(
        rf"""
        (?<![\w$.,/:-])
        (?:(?P<qualifier>{qualifier})\s+)?
        (?:(?P<prefix>{prefix})\s?)?
        (?:(?P<digits>{digits})|(?P<words>{number_word}))
        (?:(?:\s|-)?(?P<short>{short_scale})(?![\w])|(?:\s+|-)(?P<scale>{scale})\b|-(?P<size>{size})\b)?
        (?:(?:\s+|-)(?P<suffix>{suffix})\b|(?:\s*|-)(?P<area>{area})(?![\w]))?
        (?![\w%]|-\w|\.\d|,\d|/\d|:\d|\s*(?:per\s*cent|percent)\b)
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def parse_number_words(words: str) -> Decimal | None:
    """The value of a number written in words, or ``None``.

    Args:
        words: e.g. ``"fourteen"``, ``"twenty-five"``, ``"a dozen"``.

    Examples:
        >>> parse_number_words("fourteen"), parse_number_words("Twenty-five")
        (Decimal('14'), Decimal('25'))
        >>> parse_number_words("a dozen"), parse_number_words("several")
        (Decimal('12'), None)
        >>> parse_number_words("two dozen"), parse_number_words("half a dozen")
        (Decimal('24'), None)
    """
    lex = _lexicon()
    values = {**lex["units_words"], **lex["tens_words"]}
    parts = [w for w in re.split(r"[\s-]+", words.lower().strip()) if w]
    if parts in (["a", "dozen"], ["dozen"]):
        return Decimal(12)
    if len(parts) > 1 and parts[-1] == "dozen":  # "two dozen"
        times = parse_number_words(" ".join(parts[:-1]))
        return None if times is None else times * 12
    if not parts or any(p not in values for p in parts):
        return None
    if len(parts) == 2 and not (parts[0] in lex["tens_words"] and parts[1] in lex["units_words"]
                                and values[parts[1]] < 10):
        return None
    return Decimal(sum(values[p] for p in parts))


def normalize_qualifier(words: str) -> str:
    """The closed-list qualifier for the words before a number.

    Examples:
        >>> normalize_qualifier("More than"), normalize_qualifier("approximately")
        ('more than', 'about')
        >>> normalize_qualifier("up to"), normalize_qualifier("at least"), normalize_qualifier("")
        ('nearly', 'more than', '')
    """
    key = " ".join(words.lower().split())
    if not key:
        return ""
    try:
        return _lexicon()["qualifiers"][key]
    except KeyError as err:
        raise ValueError(f"unknown qualifier {words!r}") from err


def _currency(match: re.Match, lex: dict) -> str:
    """The ISO 4217 code named by the match's prefix or suffix, ``""`` when none."""
    for group, table in (("prefix", "currency_prefixes"), ("suffix", "currency_suffixes")):
        word = match.group(group)
        if word:
            return lex[table][" ".join(word.upper().split())]
    return ""


def _is_year(match: re.Match, value: Decimal, unit: str) -> bool:
    """A bare four-digit 1900-2099 with no unit, scale or qualifier reads as a year."""
    return (
        match.group("digits") is not None
        and re.fullmatch(r"(19|20)\d\d", match.group("digits")) is not None
        and not unit
        and not (match.group("scale") or match.group("short") or match.group("qualifier") or match.group("size"))
    )


def _in_date(text: str, start: int, end: int, lex: dict) -> bool:
    """Whether the number at ``start:end`` is a day of a date ("March 5", "5 March")."""
    months = _alternation(lex["months"])
    before = text[max(0, start - 12):start]
    after = text[end:end + 12]
    return bool(
        re.search(rf"\b(?:{months})\.?\s+$", before, re.IGNORECASE)
        or re.match(rf"\s+(?:{months})\b", after, re.IGNORECASE)
    )


def _in_name(text: str, start: int, lex: dict) -> bool:
    """Whether the number at ``start`` is part of a name ("Fortune Global 500", "Phase 3")."""
    before = text[max(0, start - 20):start]
    return re.search(rf"\b(?:{_alternation(lex['name_words'])})\s+$", before) is not None


def find_amounts(text: str, *, dollar: str = "USD") -> list[Amount]:
    """Every amount ``text`` states, in text order.

    Args:
        text: a sentence or any stretch of text.
        dollar: the ISO code a bare ``$`` stands for (``"SGD"`` in a Singapore
            government release, ``"USD"`` in a wire story).

    Returns:
        The amounts; offsets index into ``text``.

    Examples:
        >>> [(a.value, a.unit, a.qualifier) for a in find_amounts(
        ...     "a network of more than 10,000 companies and S$1.2 million")]
        [(Decimal('10000'), '', 'more than'), (Decimal('1200000'), 'SGD', '')]
        >>> [(a.value, a.unit) for a in find_amounts("over 3,000 sqm in 2019, with 5G")]
        [(Decimal('3000'), 'sqm')]
        >>> [a.value for a in find_amounts("inked eight MoUs", dollar="SGD")]
        [Decimal('8')]
        >>> [a.value for a in find_amounts("over 60 Fortune Global 500 firms")]
        [Decimal('60')]
        >>> [(a.value, a.unit) for a in find_amounts("a 5,000-square-metre zone and a 300-million-yuan fund")]
        [(Decimal('5000'), 'sqm'), (Decimal('300000000'), 'CNY')]
        >>> [a.text for a in find_amounts("a 60-member delegation on a 3-day visit")]
        ['60-member']
    """
    lex = _lexicon()
    amounts = []
    for match in _pattern().finditer(text):
        if match.group("digits") is not None:
            try:
                value = Decimal(match.group("digits").replace(",", ""))
            except InvalidOperation:  # pragma: no cover - the pattern only admits digits
                continue
        else:
            value = parse_number_words(match.group("words"))
            if value is None or re.search(r"\bhalf\s+$", text[max(0, match.start() - 8):match.start()], re.IGNORECASE):
                continue  # not a number, or "half a dozen": a manner of speaking
        scale = match.group("scale") or match.group("short")
        unit = _currency(match, lex)
        if match.group("prefix") == "$" or (not unit and match.group("prefix")):
            unit = unit or dollar
        if scale:
            short = match.group("short") is not None
            if short and not unit:
                continue  # "5 m" without a currency is a length, not five million
            value *= Decimal(lex["scale_values"][scale.lower().rstrip(".")])
        if match.group("area"):
            unit = "sqm"
            value *= Decimal(str(lex["area_units"][" ".join(match.group("area").lower().replace("-", " ").split())]))
        if _is_year(match, value, unit):
            continue
        number_start = match.start("digits") if match.group("digits") else match.start("words")
        if not unit and _in_date(text, number_start, match.end(), lex):
            continue
        if not unit and not match.group("qualifier") and _in_name(text, match.start(), lex):
            continue
        amounts.append(Amount(
            start=match.start(),
            end=match.end(),
            value=_plain(value),
            unit=unit,
            qualifier=normalize_qualifier(match.group("qualifier") or ""),
            text=match.group(0),
        ))
    log.debug("%d amounts in %r", len(amounts), text[:60])
    return amounts


def is_group_size(amount: Amount) -> bool:
    """Whether an amount is glued to a word of size ("60-member", "30-strong").

    Examples:
        >>> [is_group_size(a) for a in find_amounts("a 60-member team of sixty-one")]
        [True, False]
    """
    return re.search(rf"-(?:{_alternation(_lexicon()['size_suffixes'])})$", amount.text, re.IGNORECASE) is not None


def _plain(value: Decimal) -> Decimal:
    """``value`` without an exponent or trailing fractional zeros ("816900000000")."""
    integral = value.to_integral_value()
    if integral == value:
        return Decimal(int(integral))
    return value.normalize()
