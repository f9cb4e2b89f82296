"""Coreference rules on sentences of our own writing: occasions, editions and series, meetings, definite references."""

from __future__ import annotations

import pytest

from sgcn.loaders.document import Document
from sgcn.loaders.extract.mentions import analyze


def entities(text: str, date: str = "2021-05-04") -> set[tuple[str, str]]:
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date=date)
    return {(e.type, e.label) for e in analyze(doc).entities.values()}


def resolved(text: str, date: str = "2021-05-04") -> dict[str, str]:
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date=date)
    a = analyze(doc)
    return {m.text: a.entities[m.entity].label for m in a.mentions}


def test_occasion_named_by_its_kind_belongs_to_the_edition_of_the_story():
    text = ("The 2022 Harbour Tech Fair opened in Xiamen on Tuesday. Minister Alan Poh spoke at the "
            "opening ceremony. The fair drew 300 firms.")
    got = resolved(text, date="2022-05-04")
    assert got["opening ceremony"] == "opening ceremony of the 2022 Harbour Tech Fair"
    assert got["The fair"] == "Harbour Tech Fair 2022"  # the fair, not the ceremony named inside it


def test_occasion_belongs_to_the_edition_of_the_year_not_a_past_one_named_in_passing():
    text = ("The 2023 Harbour Tech Fair opened in Xiamen. It built on the inaugural Harbour Tech Fair "
            "in 2019. Ministers attended the closing ceremony.")
    got = resolved(text, date="2023-05-04")
    assert got["closing ceremony"] == "closing ceremony of the 2023 Harbour Tech Fair"


def test_occasion_of_what_was_launched_at_it():
    text = ("Fujian and Singapore launched the Green Shipping Partnership (GSP) at a signing ceremony "
            "in Xiamen today. The ceremony was witnessed by Minister Alan Poh.")
    got = resolved(text)
    assert got["signing ceremony"] == "signing ceremony of the Green Shipping Partnership"
    assert got["The ceremony"] == "signing ceremony of the Green Shipping Partnership"


@pytest.mark.parametrize(
    "text",
    [
        "The opening ceremony will be streamed online.",  # whose ceremony? nothing says
        "Two opening ceremonies were held in Xiamen.",
        "Acme signed a contract at the opening of its plant.",
    ],
)
def test_occasion_without_context_gives_no_event(text):
    assert not {label for type_, label in entities(text) if type_ == "Event"}


def test_edition_named_without_its_series_still_gives_the_series():
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", date="2022-05-04",
                   text="The 2022 Harbour Tech Fair opened in Xiamen.")
    a = analyze(doc)
    series = [m for m in a.mentions if m.entity == "Event/harbour tech fair"]
    assert [m.text for m in series] == ["Harbour Tech Fair"]
    assert "Event/harbour tech fair 2022" in a.entities


def test_series_named_on_its_own_is_not_mentioned_again_inside_the_edition():
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", date="2022-05-04",
                   text="The Harbour Tech Fair is held every May. The 2022 Harbour Tech Fair opened.")
    a = analyze(doc)
    assert len([m for m in a.mentions if m.entity == "Event/harbour tech fair"]) == 1


def test_meeting_of_an_initiative_is_named_with_it_and_by_acronyms():
    text = ("Ministers co-chaired the 2nd Joint Steering Committee (JSC) meeting of the Green Port "
            "Initiative (GPI) in Xiamen today.")
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date="2021-05-04")
    meetings = [e for e in analyze(doc).entities.values() if e.type == "Event"]
    assert [m.label for m in meetings] == ["2nd Green Port Initiative Joint Steering Committee meeting"]
    assert {"2nd JSC meeting", "2nd GPI JSC meeting", "2nd Joint Steering Committee meeting"} <= set(meetings[0].aliases)


def test_definite_expo_with_an_apposition_is_the_edition_of_the_story():
    text = ("The 2022 Harbour Tech Fair closed on Friday. The fair, themed \"Ports of Tomorrow\", was "
            "co-organised by Acme Group and the Xiamen Port Authority.")
    assert resolved(text, date="2022-05-08")["The fair"] == "Harbour Tech Fair 2022"


def test_year_edition_of_a_series_is_that_edition():
    text = "The Harbour Tech Fair is annual. Acme showed drones at the 2021 edition of the fair."
    assert resolved(text, date="2022-05-08")["2021 edition of the fair"] == "Harbour Tech Fair 2021"


def test_series_that_opens_in_a_dated_story_is_this_years_edition():
    got = resolved("The Harbour Tech Fair opened in Xiamen on Monday.", date="2022-05-08")
    assert got["The Harbour Tech Fair"] == "Harbour Tech Fair 2022"
    assert got["Harbour Tech Fair"] == "Harbour Tech Fair"  # the series, named inside it
    got = resolved("XIAMEN, May 2, 2022 /Wire/ -- The 7th Harbour Tech Fair (HTF) opened on Monday.",
                   date="2022-05-02")
    assert got["7th Harbour Tech Fair (HTF)"] == "Harbour Tech Fair 2022"  # the dateline's year is not its own
    got = resolved("The Harbour Tech Fair opened in Xiamen in 2019.", date="2022-05-08")
    assert got["Harbour Tech Fair"] == "Harbour Tech Fair"  # the sentence gives its own year


def test_ceremony_at_which_an_agreement_was_signed_is_its_signing_ceremony():
    text = ("Acme Group and the Xiamen Port Authority signed a Memorandum of Understanding on green "
            "berths at a ceremony in Xiamen today. The signing ceremony was witnessed by Mayor Bo Wang.")
    got = resolved(text)
    label = "signing ceremony of the Memorandum of Understanding on green berths"
    assert got["ceremony"] == label and got["signing ceremony"] == label


def test_bare_ceremony_without_anything_done_at_it_gives_no_event():
    assert not {label for t, label in entities("Guests met at a ceremony in Xiamen today.") if t == "Event"}


def test_possessive_definite_reference_resolves():
    text = "The 2022 Harbour Tech Fair opened on Monday. Mayor Bo Wang spoke at the fair's opening ceremony."
    got = resolved(text, date="2022-05-08")
    assert got["the fair"] == "Harbour Tech Fair 2022"


def test_series_at_which_things_happen_in_a_story_about_this_years_edition_is_that_edition():
    text = ("Acme returns to the annual Harbour Tech Fair (HTF) in Xiamen. Twenty firms exhibit at this "
            "year's HTF. Mayor Bo Wang spoke at the HTF opening ceremony. At the Port Data Forum, held "
            "within the framework of the HTF, deals were signed. Acme will keep supporting the Harbour "
            "Tech Fair.")
    got = resolved(text, date="2022-05-08")
    assert got["HTF opening ceremony"] == "Harbour Tech Fair 2022 opening ceremony"
    assert got["HTF"] == "Harbour Tech Fair 2022"  # the last "HTF", after "within the framework of the"
    assert got["Harbour Tech Fair"] == "Harbour Tech Fair"  # supporting the series


def test_series_stays_the_series_when_the_story_names_no_edition_of_its_year():
    got = resolved("Acme exhibited at the Harbour Tech Fair (HTF) in Xiamen.", date="2022-05-08")
    assert got["Harbour Tech Fair (HTF)"] == "Harbour Tech Fair"


def test_occasion_of_a_generic_reference_is_the_occasion_of_the_edition_in_context():
    text = ("The 2022 Harbour Tech Fair opened on Monday. Mayor Bo Wang spoke at the opening ceremony of "
            "the fair. The three-day event drew 300 firms.")
    got = resolved(text, date="2022-05-08")
    assert got["opening ceremony"] == "opening ceremony of the 2022 Harbour Tech Fair"
    assert got["The three-day event"] == "Harbour Tech Fair 2022"  # the event, not its ceremony
    assert "opening ceremony of the fair" not in {label for _, label in entities(text, date="2022-05-08")}


def test_series_keeps_a_mention_when_its_acronym_turns_out_to_be_this_years_edition():
    text = ("Ann Lee will visit the 2022 Harbour Tech Fair (HTF) in Xiamen. On the sidelines of the HTF, "
            "she will meet Mayor Bo Wang.")
    got = resolved(text, date="2022-05-08")
    assert got["HTF"] == "Harbour Tech Fair 2022"
    assert got["Harbour Tech Fair"] == "Harbour Tech Fair"


def test_first_edition_in_a_year_is_that_edition_of_the_series_named_before():
    text = ("The ports agreed to hold an annual Harbour Data Forum, with the first edition to be held in "
            "Xiamen in 2025.")
    got = resolved(text, date="2024-03-01")
    assert got["first edition"] == "Harbour Data Forum 2025"
    assert got["Harbour Data Forum"] == "Harbour Data Forum"


def test_edition_without_a_year_or_series_gives_nothing():
    got = resolved("The first edition drew 300 firms in 2019.", date="2024-03-01")
    assert "first edition" not in got


def test_occasion_of_a_possessor():
    text = "Acme joined the Green Port Fund this year. The fund's closing ceremony was held in Xiamen."
    assert resolved(text)["closing ceremony"] == "closing ceremony of the Green Port Fund"


def test_signing_ceremony_is_of_the_agreement_even_when_an_edition_is_named_in_passing():
    text = ("Acme and Beta Labs signed a Memorandum of Understanding on port data. They met at last year's "
            "Harbour Tech Fair. The signing ceremony was witnessed by Mayor Bo Wang.")
    got = resolved(text, date="2022-05-08")
    assert got["signing ceremony"] == "signing ceremony of the Memorandum of Understanding on port data"


def test_committee_with_an_ordinal_is_its_meeting_and_the_meeting_refers_back():
    text = ("Ministers co-chaired the 20th Joint Council for Port Cooperation (JCPC) in Xiamen today. "
            "At the meeting, five MOUs were signed. On the sidelines of the JCPC, Acme signed a deal.")
    got = resolved(text)
    assert got["20th Joint Council for Port Cooperation (JCPC)"] == "20th Joint Council for Port Cooperation"
    assert got["the meeting"] == got["JCPC"] == "20th Joint Council for Port Cooperation"


def test_thing_announced_before_it_is_named_is_the_named_thing():
    text = ("Acme Holdings and Beta Bank have launched a new RMB 30 million fund to back data firms. "
            "The fund, known as the Harbour Data Fund (HDF), opens in May.")
    got = resolved(text)
    assert got["a new RMB 30 million fund"] == got["The fund"] == "Harbour Data Fund"
    got = resolved("Acme Holdings unveiled a programme dubbed the Green Port Programme.")
    assert got["a programme"] == "Green Port Programme"


def test_named_after_is_not_a_name():
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
