"""Role rules on sentences of our own writing, mentions marked by hand."""

from __future__ import annotations

import pytest

from sgcn.loaders.extract.rel_markup import analysis_from_markup
from sgcn.loaders.extract.rel_markup import roles_in_markup as roles
from sgcn.loaders.extract.roles import find_roles


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("The talks were led by [Ministry of Health|Organization] Deputy Secretary of Policy [Ann Lee|Person].",
         ("Ann Lee", "Deputy Secretary of Policy", "Ministry of Health")),
        ("Guests included former [Acme|Organization] Chairman Mr [Bo Wang|Person].",
         ("Bo Wang", "former Chairman", "Acme")),
        ("It was opened by Vice Premier [Cy Tan|Person].", ("Cy Tan", "Vice Premier", "")),
        ("[Fuzhou|Place] Vice Mayor [Di Li|Person] and others met [Fuzhou Municipal People's Government|Organization].",
         ("Di Li", "Vice Mayor", "Fuzhou Municipal People's Government")),
        ("[Fuzhou|Place] VM [Di Li|Person] waved. The [Fuzhou Municipal Government|Organization] agreed.",
         ("Di Li", "Vice Mayor", "Fuzhou Municipal Government")),
        ("It is chaired by Mayor of [Fuzhou Municipal People's Government|Organization] Mr [Di Li|Person].",
         ("Di Li", "Mayor", "Fuzhou Municipal People's Government")),
        ("[Ed Ng|Person], Deputy CEO of [Port Authority Group|Organization], said so.",
         ("Ed Ng", "Deputy CEO", "Port Authority Group")),
        ("Permanent Secretary for Health and Sport Mr [Fay Ho|Person] spoke for the "
         "[Ministry of Health and Sport|Organization].",
         ("Fay Ho", "Permanent Secretary for Health and Sport", "Ministry of Health and Sport")),
    ],
)
def test_title_forms(markup, expected):
    assert expected in roles(markup)


def test_one_title_of_two_ministries_is_two_roles():
    found = roles("[Gus Lim|Person], State Secretary of [Norway|Place]'s [Ministry of Fish|Organization] and "
                  "[Ministry of Oil|Organization], spoke.")
    assert found == {("Gus Lim", "State Secretary", "Ministry of Fish"),
                     ("Gus Lim", "State Secretary", "Ministry of Oil")}


def test_a_city_title_without_a_government_entity_has_no_organisation():
    assert roles("[Fuzhou|Place] Vice Mayor [Di Li|Person] came.") == {("Di Li", "Vice Mayor", "")}


def test_media_contact_block():
    found = roles("For media queries, please contact:\n\n[Hana Teo|Person]\nAssistant Director\n"
                  "[Corporate Communications Division|Organization]\nTel: 6000 0000")
    assert found == {("Hana Teo", "Assistant Director", "Corporate Communications Division")}


def test_as_of_is_the_document_date_and_evidence_the_sentence():
    analysis = analysis_from_markup("Later, Vice Premier [Cy Tan|Person] spoke.", date="2019-08-27")
    (role,) = find_roles(analysis)
    assert role.as_of == "2019-08-27"
    assert analysis.document.text[role.evidence.start:role.evidence.end] == role.evidence.quote


@pytest.mark.parametrize(
    "markup",
    [
        "[Ann Lee|Person] met [Bo Wang|Person].",                        # no title at all
        "The Senior Officials Meeting hosted [Ann Lee|Person].",         # not a title before the name
        "[Acme|Organization]'s [Ann Lee|Person] spoke.",                 # a possessive is membership, not a title
        "[Ann Lee|Person], a long-time friend of [Acme|Organization], spoke.",
    ],
)
def test_counter_examples(markup):
    assert roles(markup) == set()


def test_first_statement_per_person_and_organisation_wins():
    found = roles("[MOH|Organization|Ministry of Health] Deputy Secretary of Policy [Ann Lee|Person] spoke.\n"
                  "Annex: [MOH|Organization|Ministry of Health] DS [Ann Lee|Person].")
    assert found == {("Ann Lee", "Deputy Secretary of Policy", "Ministry of Health")}


def test_minister_of_state_for_a_portfolio_belongs_to_the_ministry_the_document_names():
    found = roles("Senior Minister of State for Health and Sport Dr [Ann Lee|Person] spoke. "
                  "The [Ministry of Health and Sport|Organization] thanked her.")
    assert found == {("Ann Lee", "Senior Minister of State for Health and Sport", "Ministry of Health and Sport")}
    # no such ministry in the document: no organisation is guessed
    assert roles("Minister of State for Fisheries [Bo Wang|Person] spoke.") == {
        ("Bo Wang", "Minister of State for Fisheries", "")}


def test_title_with_a_portfolio_at_an_organisation():
    found = roles("Mr [Bo Wang|Person], Head of Digital Trade at [Acme|Organization], said it would help.")
    assert found == {("Bo Wang", "Head of Digital Trade", "Acme")}
    # a place after "in" is no organisation; the plain "Director of X" stays as before
    assert roles("[Bo Wang|Person], Director of Sales in [Oslo|Place], said so.") != {
        ("Bo Wang", "Director of Sales", "Oslo")}


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("[Acme|Organization] chief executive [Ann Lee|Person] said so.", ("Ann Lee", "chief executive", "Acme")),
        ("[Ann Lee|Person], chief executive of [Acme|Organization], said so.", ("Ann Lee", "chief executive", "Acme")),
        ("[Ann Lee|Person], [Acme|Organization]'s CEO, said so.", ("Ann Lee", "CEO", "Acme")),
        ("[Ann Lee|Person], Chairman and CEO of [Acme|Organization], said so.", ("Ann Lee", "Chairman and CEO", "Acme")),
        ("[Ann Lee|Person], Minister for Health and Sport, spoke. The [Ministry of Health and Sport|Organization] agreed.",
         ("Ann Lee", "Minister for Health and Sport", "Ministry of Health and Sport")),
        ("Mr [Bo Wang|Person], Vice Mayor of [Fuzhou|Place], spoke. The [Fuzhou Municipal People's Government|Organization] agreed.",
         ("Bo Wang", "Vice Mayor", "Fuzhou Municipal People's Government")),
    ],
)
def test_appositions_and_lower_case_titles(markup, expected):
    assert roles(markup) == {expected}


def test_lower_case_words_that_are_no_title_give_no_role():
    assert roles("[Ann Lee|Person], a keen sailor of [Acme|Organization], said so.") == set()
    assert roles("[Acme|Organization] staff [Ann Lee|Person] said so.") == set()


def test_title_of_a_possessed_unit_keeps_the_unit_as_organization():
    assert roles('"Good news," said [Ann Lee|Person], Executive Director of [Acme|Organization]\'s '
                 '[Northern Europe Group|Organization].') == {("Ann Lee", "Executive Director", "Northern Europe Group")}


def test_a_post_after_a_party_office_in_apposition_is_the_persons_title():
    """RO: "X, member of the Standing Committee of the CPC Y Municipal Committee and executive vice mayor,"."""
    found = roles("[Zhou Wen|Person], member of the [Standing Committee of the CPC Ningbo Municipal Committee|"
                  "Organization] and executive vice mayor, attended the forum.")
    assert found == {("Zhou Wen", "executive vice mayor", "")}


@pytest.mark.parametrize(("markup", "expected"), [
    ("[Singapore|Place]'s Consul-General in [Xiamen|Place], Mr [Tan Wei Ming|Person], also attended.",
     ("Tan Wei Ming", "Consul-General", "")),
    ("[Singapore|Place]'s Ambassador to [China|Place], Mr [Peter Goh|Person], spoke.",
     ("Peter Goh", "Ambassador", "")),
])
def test_a_title_with_its_place_apposed_before_an_honorific_and_name(markup, expected):
    """RO: "Singapore's Consul-General in Xiamen, Mr Tan Wei Ming, also attended"."""
    assert roles(markup) == {expected}


@pytest.mark.parametrize(("markup", "expected"), [
    ("It was inked by Trade and Industry Minister [Ong Bee Lan|Person].", ("Ong Bee Lan", "Trade and Industry Minister", "")),
    ("It was inked by Chinese Commerce Minister [Zhao Lihua|Person].", ("Zhao Lihua", "Commerce Minister", "")),
])
def test_a_portfolio_before_a_ministers_title(markup, expected):
    """RO: "Trade and Industry Minister X", "Chinese Commerce Minister Y"."""
    assert roles(markup) == {expected}


def test_a_title_with_its_region_in_brackets_keeps_the_body_after_it():
    """P: "Ang Mei Ling, Group Director (Greater China) of Enterprise Singapore": the region is the post's, the
    body after it the organisation; the title is written as the source writes it, region and all."""
    found = roles("Ms [Ang Mei Ling|Person], Group Director ([Greater China|Place]) of [Enterprise Singapore|"
                  "Organization], attended the ceremony.")
    assert ("Ang Mei Ling", "Group Director (Greater China)", "Enterprise Singapore") in found, found
