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
    # a headless plural name is a body when it owns a title, after the person's name too
    found, labels = read("The robots will reach Wuhan next year, said Marcus Wee, Quayline Robotics’ chief executive.")
    assert ("Marcus Wee", "chief executive", "Quayline Robotics") in roles_of(found, labels)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Kelvin Lum Wei Ming, Senior Writer | Sunday, 2 April 2023", {("Kelvin Lum Wei Ming", "Senior Writer", "")}),
        ("By Rosa Tan, Markets Correspondent | 9 June 2024, 7:15 pm", {("Rosa Tan", "Markets Correspondent", "")}),
        ("By Rosa Tan, Bureau Chief", {("Rosa Tan", "Bureau Chief", "")}),
        # a beat, a desk or a place before the title, modifiers before them
        ("By Rosa Tan, Senior Technology Correspondent", {("Rosa Tan", "Senior Technology Correspondent", "")}),
        ("By Rosa Tan, China Correspondent | 9 June 2024", {("Rosa Tan", "China Correspondent", "")}),
        ("*By Rosa Tan, Assistant Foreign Editor*", {("Rosa Tan", "Assistant Foreign Editor", "")}),
        # two authors of one post; a body after the post
        ("By Rosa Tan and Li Wei, Markets Correspondents | 9 June 2024",
         {("Rosa Tan", "Markets Correspondent", ""), ("Li Wei", "Markets Correspondent", "")}),
        ("By Tay Wen Li, Research Associate, Lion City China Desk",
         {("Tay Wen Li", "Research Associate", "Lion City China Desk")}),
        # the author's whole name, however the model reads it
        ("By Nurul Aini binti Hassan, Regional Correspondent | 9 June 2024",
         {("Nurul Aini binti Hassan", "Regional Correspondent", "")}),
        ("By Chloe Ang-Tan, Tech Editor", {("Chloe Ang-Tan", "Tech Editor", "")}),
    ],
)
def test_a_byline_names_the_author_and_their_post(byline, expected):
    found, labels = read(f"Port data link opens\n\n{byline}\n\nXiamen and Singapore opened a port data link on Monday.")
    assert roles_of(found, labels) == expected


@pytest.mark.parametrize("byline", ["By a staff correspondent | 2 April 2023", "By our markets desk", "By Herald staff",
                                    "*By Staff Reporter*"])
def test_a_byline_of_a_desk_names_nobody(byline):
    found, _ = read(f"Port data link opens\n\n{byline}\n\nXiamen and Singapore opened a port data link on Monday.")
    assert {e.type for e in found.entities} == {"Place"}
    assert not found.roles


def test_a_media_contact_with_a_title_holding_a_comma_and_the_body_under_it():
    found, labels = read("Xiamen and Singapore opened a port data link on Monday.\n\n"
                         "For media queries, please contact:\nNur Aisyah Rahim\nManager, Corporate Affairs and Outreach\n"
                         "Harbour Data Authority\nEmail: nur_aisyah@example.sg\n")
    assert roles_of(found, labels) == {("Nur Aisyah Rahim", "Manager, Corporate Affairs and Outreach",
                                        "Harbour Data Authority")}
    role = found.roles[0]
    assert role.evidence.quote == found.document.text[role.evidence.start:role.evidence.end]
    assert role.evidence.quote.startswith("Nur Aisyah Rahim\n")


def test_a_media_contact_of_a_division_and_its_body_is_a_member_of_both():
    found, labels = read("The port data link opened on Monday.\n\nFor media queries, please contact:\n\n"
                         "Lee Jia Hui\nDeputy Director\nStrategic Communications Division\nMinistry of Transport\n"
                         "Tel: +65 6000 0000\n")
    assert roles_of(found, labels) == {("Lee Jia Hui", "Deputy Director", "Strategic Communications Division")}
    assert {("Lee Jia Hui", "Strategic Communications Division"), ("Lee Jia Hui", "Ministry of Transport")} <= \
        members_of(found, labels)


def test_one_line_media_contacts_are_members_of_their_bodies():
    found, labels = read("The port data link opened on Monday.\n\nMedia contacts:\n"
                         "Chloe Ang, Quayline Robotics, chloe.ang@quayline.example\n"
                         "Rahul Menon, Head of Communications, Harbourline Logistics, +65 6111 2222\n\n"
                         "SOURCE Quayline Robotics\n")
    assert ("Chloe Ang", "Quayline Robotics") in members_of(found, labels)
    assert ("Rahul Menon", "Harbourline Logistics") in members_of(found, labels)
    assert ("Rahul Menon", "Head of Communications", "Harbourline Logistics") in roles_of(found, labels)
    assert not any(labels[r.person] == "Chloe Ang" for r in found.roles)  # a body, no post


def test_a_one_line_contact_needs_the_heading():
    found, labels = read("Guests came from many firms on Monday.\n\nChloe Ang, Quayline Robotics, and others spoke.\n")
    assert ("Chloe Ang", "Quayline Robotics") not in members_of(found, labels)


def test_contacts_under_a_for_more_information_heading_with_a_unit_after_the_title():
    found, labels = read("The fund opened on Monday.\n\nFor more information, please contact:\n\n"
                         "Ms Wendy Koh\nSenior Executive, Corporate Communications\nHarbour Data Authority\n"
                         "DID: +65 6433 1234\n\nMr Li Wei\nDeputy Director, Publicity Division\n"
                         "Xiamen Municipal Bureau of Commerce\nTel: +86 23 6366 0000\n")
    assert roles_of(found, labels) == {
        ("Wendy Koh", "Senior Executive, Corporate Communications", "Harbour Data Authority"),
        ("Li Wei", "Deputy Director", "Publicity Division")}
    assert {("Li Wei", "Publicity Division"), ("Li Wei", "Xiamen Municipal Bureau of Commerce")} <= \
        members_of(found, labels)


def test_a_ministry_named_by_a_series_is_one_body_and_its_ministers_post_belongs_to_it():
    found, labels = read("The Ministry of Heritage, Sport and Leisure (MHSL) and Xiamen signed a pact. "
                         "Ms Hannah Quek, Minister for Heritage, Sport and Leisure, signed it.")
    bodies = {e.label: e.aliases for e in found.entities if e.type == "Organization"}
    assert bodies == {"Ministry of Heritage, Sport and Leisure": ("MHSL",)}
    assert ("Hannah Quek", "Minister for Heritage, Sport and Leisure", "Ministry of Heritage, Sport and Leisure") \
        in roles_of(found, labels)


def test_a_ministry_and_the_government_of_a_place_stay_two_bodies():
    found, _ = read("The forum was hosted by the Ministry of Tourism and the Xiamen Municipal People's Government.")
    assert {e.label for e in found.entities if e.type == "Organization"} == {
        "Ministry of Tourism", "Xiamen Municipal People's Government"}


@pytest.mark.parametrize("second", ["Minister for Health Amos Lee", "Minister for Heritage, Sport and Leisure Amos Lee"])
def test_a_title_before_a_name_does_not_run_back_over_another_person(second):
    found, labels = read(f"The talks were co-chaired by Minister for Trade and Industry Rui Tan and {second}.")
    assert roles_of(found, labels) == {("Rui Tan", "Minister for Trade and Industry", ""),
                                       ("Amos Lee", second.removesuffix(" Amos Lee"), "")}


def test_a_media_contact_heading_without_a_colon_and_a_bare_contact_word_in_prose():
    found, labels = read("The port data link opened on Monday.\n\nMEDIA CONTACTS\n\nJane Lau\n"
                         "Head, Corporate Communications\nQuayline Robotics Pte Ltd\nTel: +65 6000 1111\n")
    assert roles_of(found, labels) == {("Jane Lau", "Head, Corporate Communications", "Quayline Robotics Pte Ltd")}
    found, labels = read("The port data link opened on Monday.\n\nContact tracing was discussed.\n"
                         "Ivan Goh, Harbourline Capital, and others came.\n")
    assert ("Ivan Goh", "Harbourline Capital") not in members_of(found, labels)


def test_a_hyphenated_title_ends_the_portfolio_before_it():
    found, labels = read("Chen met Tan Wei Ming, Minister for Finance and Minister-in-charge of Trade Relations.")
    assert ("Tan Wei Ming", "Minister for Finance and Minister-in-charge of Trade Relations", "") in \
        roles_of(found, labels)
