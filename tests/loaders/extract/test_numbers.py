"""Tests of reading amounts: numbers, scales, currencies, areas and qualifiers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sgcn.loaders.extract.numbers import find_amounts, normalize_qualifier, parse_number_words
from sgcn.loaders.facts import QUALIFIERS


def read(text: str, **kwargs) -> list[tuple[str, str, str]]:
    return [(str(a.value), a.unit, a.qualifier) for a in find_amounts(text, **kwargs)]


@pytest.mark.parametrize("text, expected", [
    ("more than 30 billion U.S. dollars", [("30000000000", "USD", "more than")]),
    ("RMB 40 million", [("40000000", "CNY", "")]),
    ("RMB40 million and 40 million RMB", [("40000000", "CNY", ""), ("40000000", "CNY", "")]),
    ("816.9 billion yuan (about 117.88 billion U.S. dollars)",
     [("816900000000", "CNY", ""), ("117880000000", "USD", "about")]),
    ("S$1.2 million", [("1200000", "SGD", "")]),
    ("US$ 5 bn", [("5000000000", "USD", "")]),
    ("S$3.5m grant", [("3500000", "SGD", "")]),
    ("SGD 300,000", [("300000", "SGD", "")]),
    ("1,400 sqm", [("1400", "sqm", "")]),
    ("over 3,000 sqm", [("3000", "sqm", "over")]),
    ("2 hectares", [("20000", "sqm", "")]),
    ("5,500 square metres", [("5500", "sqm", "")]),
    ("nearly 60", [("60", "", "nearly")]),
    ("13", [("13", "", "")]),
    ("eight, fourteen and two", [("8", "", ""), ("14", "", ""), ("2", "", "")]),
    ("a dozen", [("12", "", "")]),
    ("two dozen firms", [("24", "", "")]),
    ("some three dozen delegates", [("36", "", "about")]),
    ("half a dozen agencies and a dozen MOUs", [("12", "", "")]),
    ("over ten", [("10", "", "over")]),
    ("thirty-two", [("32", "", "")]),
    ("two hundred", [("200", "", "")]),
])
def test_amounts(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("a 4,500-square-metre hall", [("4500", "sqm", "")]),
    ("the 800-sq-m booth", [("800", "sqm", "")]),
    ("a 2-hectare site", [("20000", "sqm", "")]),
    ("a 250-million-yuan fund", [("250000000", "CNY", "")]),
    ("an S$8-million grant", [("8000000", "SGD", "")]),
    ("a US$1.5-billion deal", [("1500000000", "USD", "")]),
])
def test_an_amount_written_as_a_modifier_with_hyphens(text, expected):
    """'a 5,000-square-metre zone' is 5,000 square metres, not 5 of something."""
    assert read(text) == expected


@pytest.mark.parametrize("text, sqm", [("20,000 square feet", "1858.0608"), ("10,000 sq ft", "929.0304"),
                                       ("about 5,000 sq. ft.", "464.5152")])
def test_square_feet_are_read_as_square_metres(text, sqm):
    [(value, unit, _)] = read(text)
    assert (value, unit) == (sqm, "sqm")


@pytest.mark.parametrize("text", ["a 3-day event", "the 2,000-year-old town", "1,2,3", "COVID-19 rules"])
def test_a_number_glued_to_another_word_or_number_is_no_amount(text):
    assert read(text) == []


@pytest.mark.parametrize("words, qualifier", [
    ("some", "about"), ("around", "about"), ("approximately", "about"), ("roughly", "about"),
    ("almost", "nearly"), ("close to", "nearly"), ("up to", "nearly"), ("less than", "nearly"),
    ("at least", "more than"), ("in excess of", "more than"), ("upwards of", "more than"),
    ("more than", "more than"), ("over", "over"), ("about", "about"), ("nearly", "nearly"),
    ("well over", "over"),
])
def test_qualifiers_map_to_the_closed_list(words, qualifier):
    assert normalize_qualifier(words) == qualifier
    assert read(f"{words} 25 firms") == [("25", "", qualifier)]
    assert qualifier in QUALIFIERS


def test_unknown_qualifier_is_an_error_naming_it():
    with pytest.raises(ValueError, match="'perhaps'"):
        normalize_qualifier("perhaps")


def test_bare_dollar_follows_the_caller():
    assert read("$2.5 billion") == [("2500000000", "USD", "")]
    assert read("$2.5 billion", dollar="SGD") == [("2500000000", "SGD", "")]


@pytest.mark.parametrize("text", [
    "in 2019", "since 2015", "September 4-6, 2023", "5 MARCH 2020", "March 5", "at 10:30",
    "30 per cent", "45%", "the 3rd meeting", "COVID-19", "5G technology", "Fortune Global 500",
    "Phase 3", "a 5 m wall", "several firms", "the 30th anniversary",
])
def test_numbers_that_are_not_amounts(text):
    assert read(text) == []


def test_offsets_and_words_as_they_stand():
    text = "It drew more than 70 Singapore companies."
    (amount,) = find_amounts(text)
    assert text[amount.start:amount.end] == amount.text == "more than 70"


def test_number_words_alone():
    assert parse_number_words("ninety-nine") == Decimal(99)
    assert parse_number_words("five twenty") is None
    assert parse_number_words("dozens") is None
