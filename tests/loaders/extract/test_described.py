"""Entities named by description: apposed projects and counted batches, on sentences of our own writing."""

from __future__ import annotations

from sgcn.loaders.document import Document
from sgcn.loaders.extract.mentions import analyze


def test_apposed_project_description_is_a_project():
    text = ("Four projects won grants. One of the projects, a river flood sensor grid, is run by "
            "Acme Pte Ltd. The project uses drones.")
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date="2021-05-04")
    a = analyze(doc)
    project = a.entities["Project/river flood sensor grid"]
    assert project.aliases == ("river flood sensor grid project",)
    assert {m.text for m in a.mentions if m.entity == project.key} == {"river flood sensor grid", "The project"}


def test_counted_projects_give_no_project(entities):
    assert not {t for t, _ in entities("Three projects have been awarded the Green Port Fund.") if t == "Project"}


def test_one_project_in_apposition_is_a_project(entities):
    assert ("Project", "cold-chain tracking system") in entities(
        "One project, a cold-chain tracking system, is led by Acme Pte Ltd.")


def test_named_project_in_apposition_is_a_project(entities):
    assert ("Project", "Smart Harbour Twin") in entities("Another project, the Smart Harbour Twin, will be built by Beta Labs.")


def test_project_described_after_a_copula_is_a_project(entities):
    text = ("The Tide Fund opened in 2023. The first project supported by the fund is a cross-border "
            "payments app run by Acme Pte Ltd and Beta Labs.")
    assert ("Project", "cross-border payments app") in entities(text)
    assert ("Project", "harbour drone fleet") in entities(
        "One of the projects is a harbour drone fleet developed by Acme Pte Ltd.")


def test_a_copula_without_an_agent_describes_no_project(entities):
    assert not {t for t, _ in entities("The first project is a big step for the city.") if t == "Project"}
    assert not {t for t, _ in entities("The project is a success, said Acme Pte Ltd.") if t == "Project"}


def test_copula_project_takes_its_fund_and_its_partners():
    from sgcn.loaders.extract import extract

    text = ("The Tide Fund opened in 2023. The first project supported by the fund is a cross-border "
            "payments app run by Acme Pte Ltd and Xiamen Haitian Robotics.")
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date="2024-06-14")
    found = {(r.subject, r.relation, r.object) for r in extract(doc).relations}
    app = "Project/cross-border payments app"
    assert {(app, "funded_by", "Initiative/tide fund"), ("Organization/acme pte ltd", "partner_in", app),
            ("Organization/xiamen haitian robotics", "partner_in", app)} <= found


def test_two_projects_described_after_one_copula_are_two_projects(entities):
    found = entities("The first two projects backed by the fund are a tidal-energy pilot run by Acme Pte Ltd "
                     "and a port-emissions dashboard developed by Beta Holdings.")
    assert {("Project", "tidal-energy pilot"), ("Project", "port-emissions dashboard")} <= found


def test_plural_copula_without_agents_describes_no_project(entities):
    found = entities("The two projects were a big step for Acme Pte Ltd and Beta Holdings. "
                     "The projects are a success and a model, officials said.")
    assert not {t for t, _ in found if t == "Project"}


def test_a_described_agreement_ends_before_a_second_thing_signed():
    """E5: "a protocol to further upgrade their pact and a 30-day visa exemption": two things."""
    from sgcn.loaders.extract.described import find_described

    found = find_described("They signed a protocol to further upgrade their free trade agreement and a 30-day "
                           "mutual visa exemption.", 0)
    assert [c.label for c in found] == ["protocol to further upgrade their free trade agreement"]


def test_a_described_agreement_ends_before_the_verb_of_its_clause(entities):
    found = entities("Signed on Tuesday, the agreement between the Harbour Data Authority and the Bank of Thailand "
                     "sets up a joint fintech sandbox. The Memorandum of Understanding on Port Data commits the "
                     "Harbour Data Authority and the Port Authority of Thailand to regular talks.")
    agreements = sorted(label for type_, label in found if type_ == "Agreement")
    assert agreements == ["Memorandum of Understanding on Port Data",
                          "agreement between the Harbour Data Authority and the Bank of Thailand"]
