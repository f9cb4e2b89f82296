"""Coreference's own passes on sentences of our own writing: definite references, things named later.

The other passes have test modules of their own, as they have modules: test_editions,
test_meetings and test_occasions; surnames are tested with the names they refer to,
in test_mentions.
"""

from __future__ import annotations

import pytest

from sgcn.loaders.document import Document


def test_definite_expo_with_an_apposition_is_the_edition_of_the_story(resolved):
    text = ("The 2022 Harbour Tech Fair closed on Friday. The fair, themed \"Ports of Tomorrow\", was "
            "co-organised by Acme Group and the Xiamen Port Authority.")
    assert resolved(text, date="2022-05-08")["The fair"] == "Harbour Tech Fair 2022"


def test_possessive_definite_reference_resolves(resolved):
    text = "The 2022 Harbour Tech Fair opened on Monday. Mayor Bo Wang spoke at the fair's opening ceremony."
    got = resolved(text, date="2022-05-08")
    assert got["the fair"] == "Harbour Tech Fair 2022"


def test_thing_announced_before_it_is_named_is_the_named_thing(resolved):
    text = ("Acme Holdings and Beta Bank have launched a new RMB 30 million fund to back data firms. "
            "The fund, known as the Harbour Data Fund (HDF), opens in May.")
    got = resolved(text)
    assert got["a new RMB 30 million fund"] == got["The fund"] == "Harbour Data Fund"
    got = resolved("Acme Holdings unveiled a programme dubbed the Green Port Programme.")
    assert got["a programme"] == "Green Port Programme"


def test_named_after_is_not_a_name(resolved):
    got = resolved("Acme Holdings set up a fund. The fund, named after its founder, is small.")
    assert "a fund" not in got and "The fund" not in got


def test_fund_named_later_takes_its_launchers_and_size():
    from sgcn.loaders.extract import extract

    text = ("Acme Holdings and Beta Bank have launched a new RMB 30 million fund to back data firms. "
            "The fund, called the Harbour Data Fund (HDF), opens in May.")
    ex = extract(Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date="2024-06-14"))
    fund = "Initiative/harbour data fund"
    assert {(r.subject, r.relation, r.object) for r in ex.relations} >= {
        ("Organization/acme holdings", "launched", fund), ("Organization/beta bank", "launched", fund)}
    assert {(f.subject, f.measure) for f in ex.figures} == {(fund, "fund_size")}


def test_indefinite_fund_named_in_the_next_sentence_is_that_fund(resolved):
    refs = resolved("Acme Bank and Beta Bank set up a US$20 million fund for agritech firms on Friday. "
                    "The Mekong Agritech Fund will invest in farm robotics.")
    assert refs["a US$20 million fund"] == "Mekong Agritech Fund"


def test_fund_being_made_is_named_across_a_paragraph_break(resolved):
    refs = resolved("Acme Bank and Beta Bank agreed to create a S$40 million fund for green start-ups, "
                    "the partners said on Monday.\n\nThe Harbour Green Fund will invest in solar firms.")
    assert refs["a S$40 million fund"] == "Harbour Green Fund"


def test_fund_named_after_a_paragraph_break_or_already_named_is_not_linked(resolved):
    refs = resolved("Acme Bank runs a fund for start-ups.\n\nThe Mekong Agritech Fund will invest in robotics.")
    assert "a fund" not in refs
    refs = resolved("The Mekong Agritech Fund opened. Beta Bank has a fund for farmers. "
                    "The Mekong Agritech Fund will invest in robotics.")
    assert "a fund" not in refs


def test_fund_size_and_founders_go_to_the_fund_named_next():
    from sgcn.loaders.document import Document
    from sgcn.loaders.extract import extract

    text = ("Acme Bank and Beta Bank set up a US$20 million fund for agritech firms on Friday. "
            "The Mekong Agritech Fund will invest in farm robotics.")
    ex = extract(Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date="2021-05-04"))
    assert {(f.subject, f.measure) for f in ex.figures} == {("Initiative/mekong agritech fund", "fund_size")}


@pytest.mark.parametrize("reference", ["The MoU", "The memorandum", "The agreement", "The pact", "The deal"])
def test_a_definite_agreement_noun_is_the_agreement_named_before(resolved, reference):
    text = (f"Acme and Borealis signed a Memorandum of Understanding on Harbour Drones on Friday. "
            f"{reference} was signed in the presence of Minister Chan Chun Sing.")
    assert resolved(text)[reference] == "Memorandum of Understanding on Harbour Drones"


def test_a_deal_with_no_agreement_before_it_or_an_indefinite_one_is_nothing(resolved):
    before = resolved("The deal was welcomed by Minister Chan Chun Sing. Acme and Borealis then "
                      "signed the Agreement on Green Shipping.")
    assert "The deal" not in before
    indefinite = resolved("Acme and Borealis signed the Agreement on Green Shipping. Minister Chan Chun "
                          "Sing said a deal on data would follow.")
    assert not [m for m in indefinite if "deal" in m]


def test_the_meeting_after_another_numbered_meeting_named_in_passing_is_the_storys(resolved):
    """"the meeting" after "since the 23rd meeting" is the 24th the story reports, named first."""
    found = resolved("The 24th meeting of the Harbour Council was held in Penang on Monday. The two sides "
                     "reviewed the work done since the 23rd Harbour Council meeting. After the meeting, "
                     "the ministers signed two agreements.")
    assert found["the meeting"] == "24th Harbour Council meeting"


def test_the_meeting_right_after_a_numbered_meeting_in_its_own_sentence_is_that_one(resolved):
    found = resolved("The 24th meeting of the Harbour Council was held in Penang on Monday. The ministers "
                     "recalled the 23rd Harbour Council meeting, and said the meeting had set the course.")
    assert found["the meeting"] == "23rd Harbour Council meeting"
