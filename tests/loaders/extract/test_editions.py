"""Series and their editions (sgcn.loaders.extract.editions) on sentences of our own writing."""

from __future__ import annotations

from sgcn.loaders.document import Document
from sgcn.loaders.extract.mentions import analyze


def test_edition_of_a_well_known_series_named_alone_still_gives_the_series():
    """A series the gazetteer tracks (the Smart China Expo) is an entity even when named only in its edition."""
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", date="2022-05-04",
                   text="The 2022 Smart China Expo opened in Chongqing.")
    a = analyze(doc)
    series = [m for m in a.mentions if m.entity == "Event/smart china expo"]
    assert [m.text for m in series] == ["Smart China Expo"]
    assert "Event/smart china expo 2022" in a.entities


def test_edition_named_alone_of_any_other_series_is_the_only_entity():
    """"The 2022 Harbour Tech Fair" names one fair; its series is a name of it, not a second entity."""
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", date="2022-05-04",
                   text="The 2022 Harbour Tech Fair opened in Xiamen.")
    a = analyze(doc)
    assert "Event/harbour tech fair 2022" in a.entities
    assert "Event/harbour tech fair" not in a.entities


def test_series_named_on_its_own_is_not_mentioned_again_inside_the_edition():
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", date="2022-05-04",
                   text="The Harbour Tech Fair is held every May. The 2022 Harbour Tech Fair opened.")
    a = analyze(doc)
    assert len([m for m in a.mentions if m.entity == "Event/harbour tech fair"]) == 1


def test_year_edition_of_a_series_is_that_edition(resolved):
    text = "The Harbour Tech Fair is annual. Acme showed drones at the 2021 edition of the fair."
    assert resolved(text, date="2022-05-08")["2021 edition of the fair"] == "Harbour Tech Fair 2021"


def test_series_that_opens_in_a_dated_story_is_this_years_edition(resolved):
    got = resolved("The Harbour Tech Fair opened in Xiamen on Monday.", date="2022-05-08")
    assert got["The Harbour Tech Fair"] == "Harbour Tech Fair 2022"
    assert "Harbour Tech Fair" not in got  # the series, named only inside it, is no entity of its own
    got = resolved("XIAMEN, May 2, 2022 /Wire/ -- The 7th Harbour Tech Fair (HTF) opened on Monday.",
                   date="2022-05-02")
    assert got["7th Harbour Tech Fair (HTF)"] == "Harbour Tech Fair 2022"  # the dateline's year is not its own
    got = resolved("The Harbour Tech Fair opened in Xiamen in 2019.", date="2022-05-08")
    assert got["Harbour Tech Fair"] == "Harbour Tech Fair"  # the sentence gives its own year


def test_series_at_which_things_happen_in_a_story_about_this_years_edition_is_that_edition(resolved):
    text = ("Acme returns to the annual Harbour Tech Fair (HTF) in Xiamen. Twenty firms exhibit at this "
            "year's HTF. Mayor Bo Wang spoke at the HTF opening ceremony. At the Port Data Forum, held "
            "within the framework of the HTF, deals were signed. Acme will keep supporting the Harbour "
            "Tech Fair.")
    got = resolved(text, date="2022-05-08")
    assert got["HTF opening ceremony"] == "Harbour Tech Fair 2022 opening ceremony"
    assert got["HTF"] == "Harbour Tech Fair 2022"  # the last "HTF", after "within the framework of the"
    assert got["Harbour Tech Fair"] == "Harbour Tech Fair"  # supporting the series


def test_series_stays_the_series_when_the_story_names_no_edition_of_its_year(resolved):
    got = resolved("Acme exhibited at the Harbour Tech Fair (HTF) in Xiamen.", date="2022-05-08")
    assert got["Harbour Tech Fair (HTF)"] == "Harbour Tech Fair"


def test_series_keeps_a_mention_when_its_acronym_turns_out_to_be_this_years_edition(resolved):
    text = ("Ann Lee will visit the 2022 Harbour Tech Fair (HTF) in Xiamen. On the sidelines of the HTF, "
            "she will meet Mayor Bo Wang.")
    got = resolved(text, date="2022-05-08")
    assert got["HTF"] == "Harbour Tech Fair 2022"
    assert "Harbour Tech Fair" not in got  # named only inside this year's edition


def test_first_edition_in_a_year_is_that_edition_of_the_series_named_before(resolved):
    text = ("The ports agreed to hold an annual Harbour Data Forum, with the first edition to be held in "
            "Xiamen in 2025.")
    got = resolved(text, date="2024-03-01")
    assert got["first edition"] == "Harbour Data Forum 2025"
    assert got["Harbour Data Forum"] == "Harbour Data Forum"


def test_edition_without_a_year_or_series_gives_nothing(resolved):
    got = resolved("The first edition drew 300 firms in 2019.", date="2024-03-01")
    assert "first edition" not in got


def test_editions_and_relative_references_use_the_document_date(resolved):
    text = ("Ningbo hosted the 2021 Harbour Tech Expo (HTE). Deals at last year's expo grew. "
            "The inaugural HTE in 2019 was small. This year's HTE is larger. The expo ends today.")
    got = resolved(text, date="2021-05-04")
    assert got["2021 Harbour Tech Expo (HTE)"] == "Harbour Tech Expo 2021"
    assert got["last year's expo"] == "Harbour Tech Expo 2020"
    assert got["inaugural HTE in 2019"] == "Harbour Tech Expo 2019"
    assert got["This year's HTE"] == "Harbour Tech Expo 2021"
    assert got["The expo"] == "Harbour Tech Expo 2021"


def test_a_series_that_took_place_is_this_years_edition_named_by_its_ordinal_too():
    """C2/C1: "The inaugural X Dialogue took place ..." and "host the second X next year"."""
    from sgcn.loaders.document import Document
    from sgcn.loaders.extract.mentions import analyze

    text = ("The inaugural Lancang Data Dialogue (LDD) took place in Kunming on Friday. "
            "Thailand will host the second LDD next year.")
    doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", text=text, date="2023-03-04")
    events = {e.label: e for e in analyze(doc).entities.values() if e.type == "Event"}
    assert "inaugural Lancang Data Dialogue" in events["Lancang Data Dialogue 2023"].aliases
    assert "second Lancang Data Dialogue" in events["Lancang Data Dialogue 2024"].aliases
    # a habit is no edition, nor is an unnumbered event said to be held: both name the event only
    for text in ("The Lancang Data Dialogue is held every year in Kunming.",
                 "The Lancang Data Dialogue was held in Kunming."):
        doc = Document(source="t.txt", sha256="0" * 64, format="plaintext", date="2023-03-04", text=text)
        assert {e.label for e in analyze(doc).entities.values() if e.type == "Event"} == {"Lancang Data Dialogue"}


def test_the_inaugural_fair_on_a_weekday_is_this_years_and_the_fair_refers_back_to_it(relations):
    """C1a: "the inaugural X Expo on Monday ... The fair, which ends on Wednesday, is co-organised by A and B"."""
    text = ("NANNING - Buyers crowded the stands of the inaugural Beibu Gulf Data Expo on Tuesday, its opening "
            "day. The fair, which closes on Thursday, is co-organised by the Guangxi Department of Commerce and "
            "Enterprise Singapore.")
    found = relations(text, date="2024-09-10")
    assert {("Guangxi Department of Commerce", "organized", "Beibu Gulf Data Expo 2024"),
            ("Enterprise Singapore", "organized", "Beibu Gulf Data Expo 2024")} <= found, found
    # "since the inaugural X" names no year: no edition of this year
    found = relations("The Beibu Gulf Data Expo has grown since the inaugural Beibu Gulf Data Expo.",
                      date="2024-09-10")
    assert not any("2024" in s or "2024" in o for s, _, o in found)


def test_a_numbered_occurrence_of_a_series_is_the_edition_of_the_year_its_clause_gives(relations):
    """C1: "the third X Dialogue (XD) in Penang on Monday", "The fourth XD will be held in KL in 2027"."""
    found = relations("Ministers co-chaired the third Singapore-Malaysia Data Policy Dialogue (DPD) in Penang on "
                      "Monday. The inaugural DPD was held in Singapore in 2024. The fourth DPD will be held in "
                      "Kuala Lumpur in 2027.", date="2026-05-04")
    assert {("Singapore-Malaysia Data Policy Dialogue 2026", "held_in", "Penang"),
            ("Singapore-Malaysia Data Policy Dialogue 2024", "held_in", "Singapore"),
            ("Singapore-Malaysia Data Policy Dialogue 2027", "held_in", "Kuala Lumpur")} <= found
    assert not any(s == "Singapore-Malaysia Data Policy Dialogue" for s, _, _ in found)


def test_an_earlier_edition_named_in_passing_is_no_antecedent_of_the_expo(relations):
    """C1: "Since the first expo in 2018, ...": "the expo" after it is still the story's own edition."""
    found = relations("The eighth Harbour Tech Fair opened in Xiamen on Monday. Since the first expo in 2018, the "
                      "annual event has grown. Mayor Zhou Lei opened the expo on Monday.", date="2025-09-03")
    assert ("Zhou Lei", "participated_in", "Harbour Tech Fair 2025") in found
    assert not any(o == "Harbour Tech Fair 2018" and r == "participated_in" for _, r, o in found)


def test_a_series_in_a_place_in_a_month_and_year_is_that_years_edition(relations):
    """C1: "Members will travel to the Harbour Tech Fair in Xiamen in August 2027"."""
    found = relations("Members will travel to the Harbour Tech Fair in Xiamen in August 2027. The Harbour Tech "
                      "Fair opened in Xiamen on Monday.", date="2025-05-04")
    assert {("Harbour Tech Fair 2027", "held_in", "Xiamen"), ("Harbour Tech Fair 2025", "held_in", "Xiamen")} <= found


def test_a_numbered_occurrence_dated_on_a_day_is_that_years_edition(relations):
    """C1: "co-chaired the third X Dialogue (XD) in Penang on 15 October 2026"."""
    found = relations("Minister Ong Bee Lan and Mr Zhao Lihua co-chaired the third Singapore-Malaysia Data Policy "
                      "Dialogue (DPD) in Penang on 15 October 2026.", date="2026-10-16")
    assert ("Ong Bee Lan", "co_chaired", "Singapore-Malaysia Data Policy Dialogue 2026") in found


def test_a_numbered_series_told_of_as_it_ends_or_ran_is_this_years_edition():
    """A headline's present ("Third Harbour Trade Week Concludes ..."), "came to a successful close",
    and a numbered series "which ran from" its dates are the edition of the story's year, named
    by its ordinal too (a place in brackets stays in that name: it is no acronym)."""
    for text, date, ordinal in [
        ("Third Harbour Trade Week Concludes with 21 Agreements\n\nOn Friday, the third Harbour Trade Week "
         "came to a successful close in Penang.", "2027-10-22", "Third Harbour Trade Week"),
        ("Last week we flew to Penang for the fourth Penang-Singapore (Ipoh) Trade Week, which ran from "
         "Tuesday 17 to Thursday 19 October.", "2028-10-22", "fourth Penang-Singapore (Ipoh) Trade Week"),
    ]:
        a = analyze(Document(source="t.txt", sha256="0" * 64, format="plaintext", date=date, text=text))
        editions = {e.label: e for e in a.entities.values() if e.label.endswith(date[:4])}
        [edition] = editions.values()
        assert ordinal in edition.aliases
    # unnumbered, a series that ran is one event of its own; a year of its own keeps the series
    for text in ("The Harbour Trade Week, which ran from 17 to 19 October, drew 40 exhibitors.",
                 "The fourth Harbour Trade Week, which ran in 2019, drew 40 exhibitors."):
        a = analyze(Document(source="t.txt", sha256="0" * 64, format="plaintext", date="2028-10-22", text=text))
        assert not [e for e in a.entities.values() if e.label.endswith("2028")]


def test_a_numbered_series_in_a_dated_story_is_that_years_edition_of_a_series(relations):
    """"on the second day of the 24th X Expo": the ordinal makes it one edition, the story's, of a series."""
    found = relations("The two banks signed a Memorandum of Understanding on Trade Finance in Nanning on the second "
                      "day of the 24th Mekong Trade Expo.", date="2027-09-20")
    assert ("Mekong Trade Expo 2027", "part_of", "Mekong Trade Expo") in found
    a = analyze(Document(source="t.txt", sha256="0" * 64, format="plaintext", date="2027-09-20",
                         text="Delegates toured the 24th Mekong Trade Expo."))
    events = {e.label: e for e in a.entities.values() if e.type == "Event"}
    assert "24th Mekong Trade Expo" in events["Mekong Trade Expo 2027"].aliases
    # a story that numbers the series twice does not say which is this year's; "since" is another year's
    for text in ("The 24th Mekong Trade Expo drew more firms than the 23rd Mekong Trade Expo did.",
                 "Trade has doubled since the 20th Mekong Trade Expo."):
        a = analyze(Document(source="t.txt", sha256="0" * 64, format="plaintext", date="2027-09-20", text=text))
        assert not any(e.label.endswith("2027") for e in a.entities.values()), text
