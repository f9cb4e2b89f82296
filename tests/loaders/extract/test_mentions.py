"""Entity recognition rules on sentences of our own writing, and on the seed corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from sgcn.loaders import read
from sgcn.loaders.extract.mentions import analyze

SOURCES = Path(__file__).parent.parent.parent.parent / "sources"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fujian Vice Governor Zhou Ming met the press.", ("Person", "Zhou Ming")),
        ("Guests included Senior Minister of State Mr Ong Kah Seng.", ("Person", "Ong Kah Seng")),
        ("Acme CEO Mr Rob Vance spoke.", ("Person", "Rob Vance")),
        ("Huawei's Nora Quist and Baidu's Eli Stone spoke.", ("Person", "Nora Quist")),
        ("Lim Boon Huat, Executive Director of the Port Authority, spoke.", ("Person", "Lim Boon Huat")),
        ("\"It works,\" said Ivy Tan, Chief Executive of Acme Group.", ("Person", "Ivy Tan")),
        ("For queries contact:\nWen Jie\nAssistant Director\n", ("Person", "Wen Jie")),
        ("The Maritime and Port Authority (MPA) agreed.", ("Organization", "Maritime and Port Authority")),
        ("Ministry of Health and Ministry of Finance met.", ("Organization", "Ministry of Finance")),
        ("Nanning's Bureau of Transport agreed.", ("Organization", "Nanning Bureau of Transport")),
        ("Singapore's Ministry of Manpower agreed.", ("Organization", "Ministry of Manpower")),
        ("They hired Zentro, a cloud services provider in Asia.", ("Organization", "Zentro")),
        ("The Green Port Fund backs start-ups.", ("Initiative", "Green Port Fund")),
        ("The Harbour Tech Summit 2022 opened.", ("Event", "Harbour Tech Summit 2022")),
        ("The agency released the Smart Port Readiness Guide.", ("Publication", "Smart Port Readiness Guide")),
        ("Another project involves the creation of a port crane sensor kit by Acme.",
         ("Project", "port crane sensor kit project")),
        ("Both sides will expand the agency's PortNet pilot.", ("Initiative", "PortNet")),
        ("They signed a memorandum of understanding on green shipping corridors today.",
         ("Agreement", "memorandum of understanding on green shipping corridors")),
    ],
)
def test_rule_families(text, expected, entities):
    assert expected in entities(text)


@pytest.mark.parametrize(
    "text",
    [
        "Strengthening Partnerships in the Digital Future",  # a title-case heading
        "The firms inked 12 memorandums of understanding and eight Memorandum of Understanding (MOU).",
        "Other activities include a hackathon, an agreement and a media conference.",
        "Scan the QR code and Start a Free Trial",
        "Deals were worth 30 billion U.S. dollars.",
        "They met Ana, a leading expert in AI.",
    ],
)
def test_counter_examples_give_no_entity(text, entities):
    assert entities(text) == set()


def test_surname_resolves_to_the_person_named_most_recently_before(resolved):
    text = ("Deputy Secretary Luke Goh met Vice Mayor Li Bo. Mr Goh and Mr Li agreed.\n\n"
            "Guests included Emeritus Senior Minister Mr Goh Chok Tong.")
    got = resolved(text)
    assert got["Mr Goh"] == "Luke Goh"
    assert got["Mr Li"] == "Li Bo"
    assert got["Goh Chok Tong"] == "Goh Chok Tong"


def test_acronym_defined_in_parentheses_resolves_later_uses(resolved):
    got = resolved("The Harbour Data Bureau (HDB) met Acme. Later HDB paid.")
    assert got["HDB"] == "Harbour Data Bureau"


def test_described_event_keeps_one_entity_per_kind(entities):
    text = ("They met after a videoconference today. During the videoconference they agreed.\n\n"
            "Photo of the videoconference between Minister Ann Lee and Mayor Bo Wang")
    labels = {label for t, label in entities(text) if t == "Event"}
    assert labels == {"videoconference between Minister Ann Lee and Mayor Bo Wang"}


def test_seed_corpus_mentions_are_exact_and_typed():
    files = sorted(SOURCES.glob("*.txt"))
    assert files
    people = set()
    for path in files:
        a = analyze(read(path))
        for m in a.mentions:
            assert a.document.text[m.start:m.end] == m.text
            assert m.entity in a.entities and a.entities[m.entity].type == m.type
        people |= {e.label for e in a.entities.values() if e.type == "Person"}
    assert {"Luke Goh", "Li Bo", "Carista Wee", "Goh Chok Tong", "Tan Kiat How", "Qin Weizhong"} <= people
    assert "Mr Goh" not in people


def test_a_company_name_ending_its_sentence_leaves_the_full_stop(entities):
    found = entities("The dashboard was built by Lumen Holdings Pte Ltd. It opens soon. "
                     "Lumen Holdings Pte Ltd also runs a port app developed with the U.S.")
    assert ("Organization", "Lumen Holdings Pte Ltd") in found
    assert not [label for _, label in found if label.endswith("Ltd.")]
