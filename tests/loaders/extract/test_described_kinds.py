"""A name the text describes as a project or a programme is one, whatever its head word says."""

from __future__ import annotations


def test_a_name_described_in_apposition_as_a_pilot_is_a_project_of_its_programme(entities, relations):
    text = "The Lotus Data Exchange, a pilot under the Harbour Connectivity Initiative, opened in May."
    assert ("Project", "Lotus Data Exchange") in entities(text)
    assert ("Lotus Data Exchange", "part_of", "Harbour Connectivity Initiative") in relations(text)


def test_one_of_the_flagship_projects_after_a_copula_types_the_name(entities, relations):
    text = "The Pearl River Innovation Centre is one of the flagship projects of the Bay Area Digital Initiative."
    assert ("Project", "Pearl River Innovation Centre") in entities(text)
    assert ("Pearl River Innovation Centre", "part_of", "Bay Area Digital Initiative") in relations(text)


def test_a_body_named_by_its_own_head_word_keeps_its_type(entities):
    text = ("The Harbour Data Authority, a sponsor of the pilot under the Harbour Connectivity Initiative, "
            "met on Monday. Lumenfield Robotics, a start-up, joined it.")
    entities = entities(text)
    assert ("Organization", "Harbour Data Authority") in entities
    assert ("Organization", "Lumenfield Robotics") in entities


def test_what_two_parties_named_before_a_shared_head_run_together_is_a_project(entities):
    """ "A-B ... Data Hub", "X-Y Joint Laboratory": something two sides built; a link or single window is one."""
    found = entities("Lattice Commerce will demonstrate the Fujian-Singapore Cross-Border E-Commerce Data Hub. The "
                     "NUS-SJTU Joint Laboratory for Smart Ports opened in Shanghai on Monday. Tidewater Pay runs the "
                     "Xiamen-Singapore QR Payment Link. Customs will share data through the ILSTC Trade Data Single "
                     "Window from March.")
    assert {("Project", "Fujian-Singapore Cross-Border E-Commerce Data Hub"),
            ("Project", "NUS-SJTU Joint Laboratory for Smart Ports"), ("Project", "Xiamen-Singapore QR Payment Link"),
            ("Project", "ILSTC Trade Data Single Window")} <= found


def test_a_council_of_two_parties_or_a_company_with_a_shared_head_stays_a_body(entities):
    found = entities("The Singapore-Fujian Business Council met in Xiamen. Meridian Data Labs signed with it.")
    assert ("Organization", "Meridian Data Labs") in found
    assert not any(label == "Singapore-Fujian Business Council" and type_ == "Project" for type_, label in found)
