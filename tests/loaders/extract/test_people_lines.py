"""Lines about people as the genre writes them, on sentences of our own writing: titles
whose portfolio is a series, a plural's possessive, bylines and media contacts."""

from __future__ import annotations

import pytest

from sgcn.loaders.document import Document
from sgcn.loaders.extract import extract


def read(text: str, date: str = "2025-05-12"):
    """The extraction of a plain-text document, with its entities' labels by key."""
    found = extract(Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date=date))
    labels = {e.key: e.label for e in found.entities}
    return found, labels


def roles_of(found, labels) -> set[tuple[str, str, str]]:
    """(person, title, organisation or "") of every role found."""
    return {(labels[r.person], r.title, labels.get(r.organization, "")) for r in found.roles}


def members_of(found, labels) -> set[tuple[str, str]]:
    return {(labels[r.subject], labels[r.object]) for r in found.relations if r.relation == "member_of"}


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        # a portfolio written as a series closed by "and", after the name and before it
        ("Ms Hannah Quek, Minister for Heritage, Sport and Leisure, toured the Xiamen port on Friday.",
         "Hannah Quek", "Minister for Heritage, Sport and Leisure"),
        ("Minister for Heritage, Sport and Leisure Hannah Quek toured the Xiamen port on Friday.",
         "Hannah Quek", "Minister for Heritage, Sport and Leisure"),
        ("Minister for Heritage, Sport and Leisure, Hannah Quek, toured the Xiamen port on Friday.",
         "Hannah Quek", "Minister for Heritage, Sport and Leisure"),
        # "and the" inside a portfolio
        ("Mr Victor Seah, Minister for Forestry and the Countryside, opened the data centre in Ningbo.",
         "Victor Seah", "Minister for Forestry and the Countryside"),
        ("Minister for Forestry and the Countryside Victor Seah opened the data centre in Ningbo.",
         "Victor Seah", "Minister for Forestry and the Countryside"),
    ],
)
def test_a_portfolio_is_the_whole_series(text, person, title):
    found, labels = read(text)
    assert (person, title, "") in roles_of(found, labels)


def test_a_portfolio_series_does_not_swallow_the_people_listed_after_it():
    found, labels = read("The guests were Ms Hannah Quek, Minister for Heritage, Sport and Leisure, "
                         "Mr Victor Seah and Dr Aaron Pang.")
    assert ("Hannah Quek", "Minister for Heritage, Sport and Leisure", "") in roles_of(found, labels)
    assert {"Victor Seah", "Aaron Pang"} <= {e.label for e in found.entities if e.type == "Person"}
    # a comma not closed by "and" is no series: "Minister for Health, Mr X" keeps "Health"
    found, labels = read("The guests were Minister for Heritage, Mr Victor Seah and Dr Aaron Pang.")
    assert not any(r.title.startswith("Minister for Heritage,") for r in found.roles)


def test_a_portfolio_ends_before_the_next_person_of_the_sentence():
    found, labels = read("The talks were led by Rui Tan, Minister for Trade and Industry, and Zhou Ping, "
                         "head of the Hubei Data Bureau.")
    assert ("Rui Tan", "Minister for Trade and Industry", "") in roles_of(found, labels)


def test_a_plural_possessive_body_owns_the_title_after_it():
    found, labels = read("Quayline Robotics' chief executive, Marcus Wee, said the robots would reach "
                         "Wuhan next year.")
    assert ("Marcus Wee", "chief executive", "Quayline Robotics") in roles_of(found, labels)
    assert ("Marcus Wee", "Quayline Robotics") in members_of(found, labels)
    found, labels = read("The robots were shown by Quayline Robotics' chief executive Marcus Wee in Wuhan.")
    assert ("Marcus Wee", "chief executive", "Quayline Robotics") in roles_of(found, labels)
