"""Entities named by description: apposed projects and counted batches, on sentences of our own writing."""

from __future__ import annotations

from sgcn.loaders.document import Document
from sgcn.loaders.extract.mentions import analyze


def entities(text: str, date: str = "2021-05-04") -> set[tuple[str, str]]:
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date=date)
    return {(e.type, e.label) for e in analyze(doc).entities.values()}


def test_apposed_project_description_is_a_project():
    text = ("Four projects won grants. One of the projects, a river flood sensor grid, is run by "
            "Acme Pte Ltd. The project uses drones.")
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date="2021-05-04")
    a = analyze(doc)
    project = a.entities["Project/river flood sensor grid"]
    assert project.aliases == ("river flood sensor grid project",)
    assert {m.text for m in a.mentions if m.entity == project.key} == {"river flood sensor grid", "The project"}


def test_counted_projects_give_no_project():
    assert not {t for t, _ in entities("Three projects have been awarded the Green Port Fund.") if t == "Project"}


def test_one_project_in_apposition_is_a_project():
    assert ("Project", "cold-chain tracking system") in entities(
        "One project, a cold-chain tracking system, is led by Acme Pte Ltd.")


def test_named_project_in_apposition_is_a_project():
    assert ("Project", "Smart Harbour Twin") in entities("Another project, the Smart Harbour Twin, will be built by Beta Labs.")
