"""Tests of the figures stage: amounts tied to a measure and to the entity they are about.

Analyses are built by hand (one sentence per line, mentions found by their words)
so the rules are tested apart from entity recognition; the sentences are our own
or the seed corpus's.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from sgcn.loaders.extract.figures import find_figures, measures
from sgcn.loaders.extract.rel_markup import analysis_from_lines
from sgcn.loaders.extract.spans import Analysis
from sgcn.loaders.facts import MEASURES

HERE = Path(__file__).parent


def make_analysis(lines: list[str], mentions: dict[str, str], *, date: str = "2020-03-05",
                  publisher: str = "") -> Analysis:
    """An analysis of ``lines`` (one sentence each); ``mentions`` maps words to a key.

    The key's type is its part before the slash ("Event/sce 2019" is an Event).
    """
    return analysis_from_lines(lines, mentions, date=date, publisher=publisher)


def rows(analysis: Analysis) -> list[tuple]:
    return [(f.subject, f.measure, str(f.value), f.unit, f.qualifier) for f in find_figures(analysis)]


def test_every_measure_the_rules_can_emit_is_in_the_contract():
    assert measures() <= set(MEASURES)
    rules = yaml.safe_load(
        (HERE.parents[2] / "loaders" / "extract" / "measures.yaml").read_text(encoding="utf-8"))
    assert set(rules["subjects"]) <= set(MEASURES)
    assert {c["measure"] for c in rules["counts"]} - {"projects"} <= set(MEASURES)


def test_signing_at_an_occasion_beats_the_programme():
    analysis = make_analysis(
        ["The agencies inked eight MoUs and unveiled 14 new joint projects under the Green "
         "Corridor Initiative, at the 2nd Steering Council meeting today."],
        {"Green Corridor Initiative": "Initiative/gci",
         "2nd Steering Council meeting": "Event/council 2"})
    assert rows(analysis) == [
        ("Event/council 2", "mous_signed", "8", "", ""),
        ("Event/council 2", "projects_launched", "14", "", ""),
    ]


def test_to_date_counts_under_a_programme():
    analysis = make_analysis(
        ["So far, a total of 31 projects have been initiated and 12 MOUs have been signed under GCI."],
        {"GCI": "Initiative/gci"})
    assert rows(analysis) == [
        ("Initiative/gci", "projects_launched", "31", "", ""),
        ("Initiative/gci", "mous_signed", "12", "", ""),
    ]


def test_signed_projects_with_their_investment_in_two_currencies():
    analysis = make_analysis(
        ["A total of 410 projects involving 52.5 billion yuan (about 7.4 billion U.S. dollars) "
         "of investment were signed during the fair."],
        {"the fair": "Event/trade fair 2021"})
    assert rows(analysis) == [
        ("Event/trade fair 2021", "projects_signed", "410", "", ""),
        ("Event/trade fair 2021", "investment_value", "52500000000", "CNY", ""),
        ("Event/trade fair 2021", "investment_value", "7400000000", "USD", "about"),
    ]


def test_agreements_and_projects_worth_under_an_initiative():
    analysis = make_analysis(
        ["By the end of June, 48 cooperation agreements and 150 cooperation projects worth more "
         "than 20 billion U.S. dollars had been signed under the Corridor Initiative."],
        {"the Corridor Initiative": "Initiative/corridor"}, date="2021-07-01")
    assert rows(analysis) == [
        ("Initiative/corridor", "agreements_signed", "48", "", ""),
        ("Initiative/corridor", "projects_signed", "150", "", ""),
        ("Initiative/corridor", "investment_value", "20000000000", "USD", "more than"),
    ]


def test_fund_size_from_a_fund_noun_after_the_money():
    analysis = make_analysis(
        ["Set up in 2021, the Harbour Fund is a S$25 million initiative by three agencies."],
        {"the Harbour Fund": "Initiative/harbour fund", "Harbour Fund": "Initiative/harbour fund"})
    assert rows(analysis) == [("Initiative/harbour fund", "fund_size", "25000000", "SGD", "")]


def test_participation_counts_attach_to_the_nearest_event_before_them():
    analysis = make_analysis(
        ["Expo 2022 drew participation from more than 90 Malaysian companies and over 300 "
         "delegates, compared with the 2021 edition with 55 companies and over 210 delegates."],
        {"Expo 2022": "Event/expo 2022", "the 2021 edition": "Event/expo 2021"})
    assert rows(analysis) == [
        ("Event/expo 2022", "companies_participating", "90", "", "more than"),
        ("Event/expo 2022", "delegates", "300", "", "over"),
        ("Event/expo 2021", "companies_participating", "55", "", ""),
        ("Event/expo 2021", "delegates", "210", "", "over"),
    ]


def test_participating_in_names_the_event():
    analysis = make_analysis(
        ["The Tech Fair is a large show, with some 25 Thai firms taking part in the fair last year."],
        {"The Tech Fair": "Event/tech fair", "the fair last year": "Event/tech fair 2021"})
    assert rows(analysis) == [("Event/tech fair 2021", "companies_participating", "25", "", "about")]


def test_attendance_measures_of_an_expo():
    analysis = make_analysis(
        ["The three-day expo attracted exhibitors from almost 40 countries and regions, and 512 "
         "domestic and foreign enterprises, including at least 30 Fortune Global 500 firms."],
        {"The three-day expo": "Event/expo 2022"})
    assert rows(analysis) == [
        ("Event/expo 2022", "countries_and_regions", "40", "", "nearly"),
        ("Event/expo 2022", "enterprises_attending", "512", "", ""),
        ("Event/expo 2022", "fortune_global_500_firms", "30", "", "more than"),
    ]


def test_exhibition_area_dated_by_its_year():
    analysis = make_analysis(
        ["The Thai Pavilion grew in size from 800 sqm in 2020, to over 2,500 sqm in 2021."],
        {"The Thai Pavilion": "Project/thai pavilion"}, date="2022-01-10")
    figures = find_figures(analysis)
    assert [(f.value, f.qualifier, f.as_of) for f in figures] == [
        (Decimal(800), "", "2020"), (Decimal(2500), "over", "2021")]
    assert all(f.measure == "exhibition_area" and f.unit == "sqm" for f in figures)


def test_network_size_of_an_organisation():
    analysis = make_analysis(
        ["IMDA works with HubCo, an accelerator with a network of more than 5,000 start-ups."],
        {"IMDA": "Organization/imda", "HubCo": "Organization/hubco"})
    assert rows(analysis) == [("Organization/hubco", "network_size", "5000", "", "more than")]


def test_numbers_in_words_and_a_headline():
    analysis = make_analysis(
        ["Eleven MOUs signed at the Joint Council", "The two sides inked fourteen agreements at the Joint Council."],
        {"the Joint Council": "Event/joint council"})
    assert rows(analysis) == [
        ("Event/joint council", "mous_signed", "11", "", ""),
        ("Event/joint council", "agreements_signed", "14", "", ""),
    ]


def test_as_of_date_given_by_the_sentence():
    analysis = make_analysis(
        ["As of March 2021, 60 projects have been launched under GCI."],
        {"GCI": "Initiative/gci"}, date="2021-05-02")
    assert [f.as_of for f in find_figures(analysis)] == ["2021-03"]


@pytest.mark.parametrize("sentence", [
    "The 14 new joint projects reflect the role of digital technologies under GCI.",
    "GCI supported 300 companies in 2021.",
    "The minister met 12 business leaders at the Joint Council.",
    "COVID-19 hit 2020 hard, said GCI, whose 5G pilots run in 3 cities.",
    "Over 60 per cent of projects under GCI were signed in Phase 2.",
    "GCI marks its 5th anniversary with 3rd-party audits of 2 MoUs drafts.",
])
def test_numbers_that_are_not_figures(sentence):
    analysis = make_analysis([sentence], {"GCI": "Initiative/gci", "the Joint Council": "Event/joint council"})
    assert rows(analysis) == []


def test_no_subject_no_figure():
    analysis = make_analysis(["More than 20 MoUs were signed."], {})
    assert rows(analysis) == []


def test_evidence_is_the_sentence():
    analysis = make_analysis(["Intro line.", "15 MoUs were signed at the Joint Council."],
                             {"the Joint Council": "Event/joint council"})
    (figure,) = find_figures(analysis)
    text = analysis.document.text
    assert text[figure.evidence.start:figure.evidence.end] == figure.evidence.quote
    assert figure.evidence.quote.startswith("15 MoUs")


def test_bare_dollars_follow_the_source():
    lines = ["SINGAPORE, 3 May 2021 - The agencies launched GCI.",
             "GCI is a $10 million fund for start-ups."]
    singapore = make_analysis(lines, {"GCI": "Initiative/gci"})
    assert [f.unit for f in find_figures(singapore)] == ["SGD"]
    wire = make_analysis(["BEIJING, May 3 (Xinhua) -- GCI is a $10 million fund."], {"GCI": "Initiative/gci"})
    assert [f.unit for f in find_figures(wire)] == ["USD"]


@pytest.mark.parametrize("sentence", [
    "GCI set up a fund of S$15 million for start-ups.",
    "The GCI fund, worth S$15 million in total, opened today.",
    "GCI is a S$15 million joint innovation fund.",
])
def test_fund_size_worded_around_the_money(sentence):
    analysis = make_analysis([sentence], {"GCI": "Initiative/gci"})
    assert rows(analysis) == [("Initiative/gci", "fund_size", "15000000", "SGD", "")]


def test_investment_is_not_a_fund():
    analysis = make_analysis(["Under GCI, 9 projects worth S$15 million were signed."],
                             {"GCI": "Initiative/gci"})
    assert ("Initiative/gci", "investment_value", "15000000", "SGD", "") in rows(analysis)


def test_the_pavilion_before_the_fair_it_stands_in():
    analysis = make_analysis(["The Thai Pavilion at the fair spans 1,200 square metres."],
                             {"The Thai Pavilion": "Project/thai pavilion", "the fair": "Event/fair 2024"})
    assert rows(analysis) == [("Project/thai pavilion", "exhibition_area", "1200", "sqm", "")]


def test_a_sentence_naming_no_subject_continues_the_one_before():
    analysis = make_analysis(
        ["The Harbour Tech Fair opened in Xiamen on Friday.",
         "Nearly 300 enterprises took part and 25 projects were signed on the first day."],
        {"The Harbour Tech Fair": "Event/harbour tech fair"},
    )
    assert rows(analysis) == [
        ("Event/harbour tech fair", "enterprises_attending", "300", "", "nearly"),
        ("Event/harbour tech fair", "projects_signed", "25", "", ""),
    ]


def test_no_carry_over_across_a_paragraph_or_past_a_named_subject():
    lines = ["The Harbour Tech Fair opened in Xiamen on Friday.", "",
             "Nearly 300 enterprises took part."]
    assert rows(make_analysis(lines, {"The Harbour Tech Fair": "Event/harbour tech fair"})) == []
    named = make_analysis(
        ["The Harbour Tech Fair opened on Friday.",
         "The Coastal Fund has backed 12 projects launched by members."],
        {"The Harbour Tech Fair": "Event/harbour tech fair", "The Coastal Fund": "Initiative/coastal fund"},
    )
    assert [r[0] for r in rows(named)] == ["Initiative/coastal fund"]


def test_the_edition_not_the_series_inside_its_name_is_the_subject():
    analysis = make_analysis(["More than 500 firms joined the 2022 Harbour Expo."],
                             {"2022 Harbour Expo": "Event/harbour expo 2022", "Harbour Expo": "Event/harbour expo"})
    assert [row[:3] for row in rows(analysis)] == [("Event/harbour expo 2022", "companies_participating", "500")]


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("More than 500 enterprises took part in the Harbour Expo.", "enterprises_attending"),
        ("More than 500 enterprises joined the Harbour Expo.", "enterprises_attending"),
        ("More than 500 enterprises exhibited at the Harbour Expo.", "enterprises_attending"),
        ("More than 500 enterprises showcased their products at the Harbour Expo.", "enterprises_attending"),
        ("The Harbour Expo attracted more than 500 enterprises.", "enterprises_attending"),
        ("More than 500 companies took part in the Harbour Expo.", "companies_participating"),
        ("More than 500 firms attended the Harbour Expo.", "companies_participating"),
        ("The Harbour Expo drew more than 500 exhibitors.", "companies_participating"),
        ("More than 500 companies showcased their products at the Harbour Expo.", "companies_participating"),
    ],
)
def test_the_counted_noun_not_the_verb_decides_who_took_part(sentence, measure):
    analysis = make_analysis([sentence], {"the Harbour Expo": "Event/harbour expo 2022",
                                          "The Harbour Expo": "Event/harbour expo 2022"})
    assert [(r[1], r[2], r[4]) for r in rows(analysis)] == [(measure, "500", "more than")]


def test_enterprises_without_a_taking_part_cue_are_no_figure():
    analysis = make_analysis(["The Harbour Expo is backed by 500 enterprises."],
                             {"The Harbour Expo": "Event/harbour expo 2022"})
    assert rows(analysis) == []


def focus_rows(markup: str, date: str) -> list[tuple[str, str, str]]:
    from sgcn.loaders.extract.rel_markup import analysis_from_markup

    analysis = analysis_from_markup(markup, date=date)
    return [(f.subject, f.measure, str(f.value)) for f in find_figures(analysis)]


def test_a_subjectless_figure_after_a_subjectless_sentence_is_the_focus_meetings():
    markup = ("Ministers co-chaired the [2nd Council meeting|Event] of the [Green Port Initiative|Initiative], "
              "held in [Fuzhou|Place] today.\n\nThe leaders reviewed progress.\n\n"
              "Both sides also launched 10 new joint projects.")
    assert focus_rows(markup, "2023-12-08") == [("Event/2nd council meeting", "projects_launched", "10")]


@pytest.mark.parametrize(
    "last",
    [
        "Since then, 80 projects have been launched.",  # another time
        "In 2019, 80 projects were launched.",  # a year of its own
    ],
)
def test_a_subjectless_figure_of_another_time_is_not_the_focus_meetings(last):
    markup = ("Ministers co-chaired the [2nd Council meeting|Event] held in [Fuzhou|Place] today.\n\n"
              f"The leaders reviewed progress.\n\n{last}")
    assert focus_rows(markup, "2023-12-08") == []


def test_no_focus_without_an_event_held_on_the_documents_day():
    markup = ("The [2nd Council meeting|Event] was held in [Fuzhou|Place] in 2019.\n\n"
              "The leaders reviewed progress.\n\nBoth sides also launched 10 new joint projects.")
    assert focus_rows(markup, "2023-12-08") == []


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier"),
    [
        ("The Harbour Fair drew nearly 600 participants from 15 countries and regions.", "600", "nearly"),
        ("Some 2,000 attendees came to the Harbour Fair.", "2000", "about"),
        ("The Harbour Fair attracted more than 800 guests.", "800", "more than"),
    ],
)
def test_attendance_is_counted_as_delegates(sentence, value, qualifier):
    analysis = make_analysis([sentence], {"Harbour Fair": "Event/harbour fair"})
    assert ("Event/harbour fair", "delegates", value, "", qualifier) in rows(analysis)


def test_visitors_are_not_delegates():
    analysis = make_analysis(["The Harbour Fair drew 50,000 visitors."], {"Harbour Fair": "Event/harbour fair"})
    assert not any(row[1] == "delegates" for row in rows(analysis))


def test_a_figure_at_a_meeting_takes_the_meeting_the_phrase_resolves_to():
    analysis = make_analysis(
        ["The 3rd Trade Council meeting took place in Oslo.",
         "More than 10 agreements were signed at the TC meeting."],
        {"3rd Trade Council meeting": "Event/trade council meeting 3",
         "TC meeting": "Event/trade council meeting 3"})
    assert ("Event/trade council meeting 3", "agreements_signed", "10", "", "more than") in rows(analysis)


# ---------------------------------------------------------------- what the sentence is about
# Families FG1, FG2 and C1c of the development set's failure families, on sentences
# of our own: the subject of a figure is what the sentence says the number is about.

def _with_identities(analysis: Analysis, identities: dict[str, tuple[str, ...]]) -> Analysis:
    """The analysis with occurrence identities given to some of its entities (what the
    recognition stage records for an edition or a numbered meeting)."""
    import dataclasses

    entities = {key: dataclasses.replace(e, identity=identities.get(key, ())) for key, e in analysis.entities.items()}
    return dataclasses.replace(analysis, entities=entities)


def markup_rows(markup: str, *, date: str = "2024-09-12", identities: dict | None = None) -> list[tuple]:
    from sgcn.loaders.extract.rel_markup import analysis_from_markup

    analysis = _with_identities(analysis_from_markup(markup, date=date), identities or {})
    return rows(analysis)


def test_its_halls_and_of_which_count_for_the_edition_the_sentence_before_names():
    found = markup_rows(
        "The [2023 Mekong Harbour Fair|Event|Mekong Harbour Fair 2023] opened in Da Nang today. "
        "Its exhibition halls host 350 enterprises, 60 of which come from abroad.")
    assert found == [("Event/mekong harbour fair 2023", "enterprises_attending", "350", "", ""),
                     ("Event/mekong harbour fair 2023", "enterprises_attending", "60", "", "")]


def test_the_subject_of_the_counting_verb_beats_the_nearest_name():
    found = markup_rows(
        "The [Delta Freight Pilot|Initiative], part of the [Delta Programme|Initiative], "
        "will connect about 90 haulage companies in its first year.")
    assert found == [("Initiative/delta freight pilot", "companies_participating", "90", "", "about")]


def test_what_one_meeting_added_and_the_running_total_since_the_programme_began():
    found = markup_rows(
        "Seven new projects and three MOUs were announced when the [Delta Joint Council|Organization] "
        "met for the third time on Friday. The tally since [the programme|Initiative|Delta Programme] "
        "began now stands at 40 projects and 22 MOUs.\n\n"
        "The [3rd Delta Joint Council meeting|Event] and the [2nd Delta Joint Council meeting|Event] "
        "were both held in Can Tho.",
        identities={"Event/3rd delta joint council meeting": ("Organization/delta joint council", "", "3"),
                    "Event/2nd delta joint council meeting": ("Organization/delta joint council", "", "2")})
    assert found == [
        ("Event/3rd delta joint council meeting", "projects_launched", "7", "", ""),
        ("Event/3rd delta joint council meeting", "mous_signed", "3", "", ""),
        ("Initiative/delta programme", "projects_launched", "40", "", ""),
        ("Initiative/delta programme", "mous_signed", "22", "", "")]


def test_a_name_saying_what_the_counted_things_are_about_is_no_subject():
    found = markup_rows(
        "The [second Delta Joint Council meeting|Event] was held in Can Tho on Tuesday. "
        "Five MOUs supporting the [Delta Programme|Initiative] were signed there.")
    assert found == [("Event/second delta joint council meeting", "mous_signed", "5", "", "")]


@pytest.mark.parametrize("sentence", [
    "The Mekong Green Fund will disburse a total of S$30 million over four years.",
    "The Mekong Green Fund, with a total budget of S$30 million, will back 12 pilots.",
])
def test_fund_size_from_what_a_fund_disburses_or_its_budget(sentence):
    analysis = make_analysis([sentence], {"The Mekong Green Fund": "Initiative/mekong green fund"})
    assert ("Initiative/mekong green fund", "fund_size", "30000000", "SGD", "") in rows(analysis)


def test_last_years_edition_and_this_time_are_two_editions():
    markup = ("The [Harbour Expo 2024|Event] opened in Penang on Tuesday. Twenty Malaysian firms took "
              "part in [last year's Harbour Expo|Event|Harbour Expo 2023]. This time, the trade agency "
              "said, 25 start-ups are exhibiting in the national pavilion at [the expo|Event|Harbour Expo 2023].")
    editions = {"Event/harbour expo 2023": ("Event/harbour expo", "", "2023"),
                "Event/harbour expo 2024": ("Event/harbour expo", "", "2024")}
    found = markup_rows(markup, identities=editions)
    assert ("Event/harbour expo 2023", "companies_participating", "20", "", "") in found
    assert ("Event/harbour expo 2024", "companies_participating", "25", "", "") in found
    assert ("Event/harbour expo 2023", "companies_participating", "25", "", "") not in found


def test_this_time_with_no_edition_named_gives_no_figure():
    found = markup_rows(
        "Twenty Malaysian firms took part in [last year's Harbour Expo|Event|Harbour Expo 2023]. "
        "This time, 25 start-ups are exhibiting at [the expo|Event|Harbour Expo 2023].",
        identities={"Event/harbour expo 2023": ("Event/harbour expo", "", "2023")})
    assert found == [("Event/harbour expo 2023", "companies_participating", "20", "", "")]


@pytest.mark.parametrize("sentence, measure", [
    ("Ten agreements and MoUs were concluded at the Joint Council.", "agreements_signed"),
    ("Ten memoranda of understanding and agreements were inked at the Joint Council.", "agreements_signed"),
    ("Ten MoUs were inked at the Joint Council.", "mous_signed"),
])
def test_a_batch_of_mous_and_agreements_counts_agreements(sentence, measure):
    analysis = make_analysis([sentence], {"the Joint Council": "Event/joint council"})
    assert rows(analysis) == [("Event/joint council", measure, "10", "", "")]


@pytest.mark.parametrize("sentence", [
    "Firms from the two countries attended the Joint Council.",
    "At the Joint Council, eight of them are each worth more than S$5 million.",
    "At the Joint Council, batteries took the largest share, with 12 projects worth S$80 million.",
])
def test_references_values_per_item_and_shares_are_no_figures(sentence):
    analysis = make_analysis([sentence], {"the Joint Council": "Event/joint council", "At the Joint Council": "Event/joint council"})
    assert rows(analysis) == []


def test_a_number_repeated_by_the_headline_keeps_the_lead_sentences_subject():
    found = markup_rows(
        "[Harbour Expo 2024|Event] Opens in Penang as 40 Key Projects Are Signed\n\n"
        "Forty key projects were signed on Monday at the [Harbour Expo 2024 Signing Ceremony|Event], "
        "held as the expo opened.")
    assert found == [("Event/harbour expo 2024 signing ceremony", "projects_signed", "40", "", "")]


def test_projects_counted_by_a_verb_of_neither_signing_nor_launching_are_no_figure():
    analysis = make_analysis(
        ["Four projects have been awarded the Harbour Fund, a S$8 million fund launched by the port."],
        {"the Harbour Fund": "Initiative/harbour fund"})
    assert [r[1] for r in rows(analysis)] == ["fund_size"]


def test_a_network_reaching_ports_in_countries():
    found = markup_rows(
        "The [Southern Sea-Rail Corridor|Initiative] opened in 2019. "
        "The corridor now reaches 120 ports in 45 countries and regions.")
    assert ("Initiative/southern sea-rail corridor", "network_size", "120", "", "") in found
    assert ("Initiative/southern sea-rail corridor", "countries_and_regions", "45", "", "") in found


def test_what_an_initiative_has_produced_since_its_launch_is_counted():
    """FG1: "Since its launch, the initiative has produced 52 projects and 30 MOUs"."""
    from sgcn.loaders.document import Document
    from sgcn.loaders.extract import extract

    found = extract(Document(source="t.txt", sha256="0" * 64, format="plaintext", date="2024-05-15",
                             text="Xiamen and Singapore extended the Xiamen-Singapore Smart Port Initiative on "
                                  "Monday. Since its launch in 2019, the initiative has produced 52 projects and "
                                  "30 MOUs."))
    assert {(f.measure, int(f.value)) for f in found.figures} >= {("mous_signed", 30)}


def test_the_size_of_a_fund_described_but_not_named_is_no_figure_of_the_place_it_was_launched_at():
    """FG2: "A digital fund worth 500 million yuan was launched at the X Knowledge City": not X's size."""
    from sgcn.loaders.document import Document
    from sgcn.loaders.extract import extract

    found = extract(Document(source="t.txt", sha256="0" * 64, format="plaintext", date="2024-03-22",
                             text="A Singapore-Xiamen digital innovation fund worth 500 million yuan was launched "
                                  "on Friday at the Xiamen-Singapore Harbour Innovation Initiative."))
    assert not [f for f in found.figures if f.measure == "fund_size"]


def _document_figures(text: str, date: str = "2026-08-24") -> set[tuple[str, str, int]]:
    from sgcn.loaders.document import Document
    from sgcn.loaders.extract import extract

    found = extract(Document(source="t.txt", sha256="0" * 64, format="plaintext", date=date, text=text))
    labels = {e.key: e.label for e in found.entities}
    return {(labels[f.subject], f.measure, int(f.value)) for f in found.figures}


def test_companies_counted_in_a_where_clause_are_the_pavilions():
    found = _document_figures("Lumenfield exhibits at the Malaysia Pavilion, where 30 Malaysian companies are "
                              "showing their products at the Harbour Tech Fair 2026.")
    assert found == {("Malaysia Pavilion", "companies_participating", 30)}


def test_what_the_year_edition_saw_is_that_years_edition_of_the_series_told_of():
    found = _document_figures("The Harbour Tech Fair 2026 opened in Penang on Monday with 300 exhibitors. "
                              "The 2025 edition drew 2,000 visitors and saw 15 cooperation agreements signed.")
    assert ("Harbour Tech Fair 2025", "agreements_signed", 15) in found
    assert not {f for f in found if f[0] == "Harbour Tech Fair 2026" and f[1] == "agreements_signed"}


def test_the_members_of_a_delegation_are_delegates_of_the_event_told_of():
    found = _document_figures("The Harbour Tech Fair 2026 opened on Monday. The Malaysian delegation comprised "
                              "about 60 representatives from ministries and companies.")
    assert found == {("Harbour Tech Fair 2026", "delegates", 60)}


def test_a_total_amount_is_the_value_of_the_projects_signed():
    found = _document_figures("The 5th meeting of the Joint Working Committee was held in Xiamen on Tuesday. A total "
                              "of 12 cooperation projects were signed on the spot, with a total amount of about 8 "
                              "billion yuan.")
    assert ("5th Joint Working Committee meeting", "investment_value", 8_000_000_000) in found


def test_what_was_signed_at_an_unnamed_ceremony_counts_for_the_event_it_opened():
    found = _document_figures("The Harbour Tech Fair 2027 opened in Penang on Monday. At the opening ceremony, 40 "
                              "projects worth 9 billion yuan were signed.", "2027-06-14")
    assert {("Harbour Tech Fair 2027", "projects_signed", 40),
            ("Harbour Tech Fair 2027", "investment_value", 9_000_000_000)} <= found
    assert not {f for f in found if "ceremony" in f[0]}


@pytest.mark.parametrize(
    "second",
    [
        "The Malaysian delegation comprised officials from the [Ministry of Trade|Organization] and the "
        "[Port Authority|Organization], as well as 25 companies.",
        "Malaysia's delegation included the [Port Authority|Organization] and 25 firms.",
    ],
)
def test_agencies_named_beside_a_count_do_not_stop_it_from_continuing_the_sentence_before(second):
    """The bodies a delegation comprised are no subject of a count of companies or people: the
    sentence continues the one before, as one naming nothing does."""
    found = markup_rows(f"The [Harbour Tech Fair 2026|Event] opened in Penang on Monday. {second}")
    assert [row[:3] for row in found] == [("Event/harbour tech fair 2026", "companies_participating", "25")]


def test_the_size_of_a_delegation_named_with_its_agencies_is_the_meetings():
    found = markup_rows("Ministers met at the [4th Harbour Council meeting|Event] on Monday. Mr Lim led a "
                        "delegation of about 70 officials and business people, including representatives of the "
                        "[Harbour Board|Organization] and the [Port Authority|Organization].")
    assert found == [("Event/4th harbour council meeting", "delegates", "70", "", "about")]


@pytest.mark.parametrize(
    ("second", "value"),
    [
        ("Thirty firms have signed up for its first phase.", "30"),
        ("It is now home to more than 9,000 registered companies.", "9000"),
        ("Some 45 start-ups have enrolled in the first cohort.", "45"),
    ],
)
def test_companies_that_signed_up_are_home_to_or_enrolled_take_part(second, value):
    found = markup_rows(f"The [Harbour Data Sandbox|Initiative] opened on Monday. {second}")
    assert [row[:3] for row in found] == [("Initiative/harbour data sandbox", "companies_participating", value)]


def test_projects_a_programme_supported_and_the_companies_they_involve():
    found = markup_rows("Since 2020, the [Harbour Initiative|Initiative] has supported 55 projects involving over "
                        "200 companies from both cities.")
    assert [row[:3] for row in found] == [("Initiative/harbour initiative", "projects_launched", "55"),
                                          ("Initiative/harbour initiative", "companies_participating", "200")]


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("The [Harbour Park|Initiative] has attracted over 3,000 foreign-invested projects since 1999.",
         "projects_signed"),
        ("The committee heard that nine new projects under the [Harbour Park|Initiative] had been agreed.",
         "projects_signed"),
        ("Today the [Harbour Park|Initiative] programme has selected its first 6 projects.", "projects_launched"),
    ],
)
def test_projects_attracted_agreed_or_selected(sentence, measure):
    assert [row[:2] for row in markup_rows(sentence)] == [("Initiative/harbour park", measure)]


@pytest.mark.parametrize(
    ("sentence", "subject", "measure"),
    [
        ("During the fair, the [Malaysia Pavilion|Project] gathered 38 Malaysian enterprises.",
         "Project/malaysia pavilion", "companies_participating"),
        ("At present, the [Harbour Park|Initiative] has gathered more than 5,000 registered enterprises.",
         "Initiative/harbour park", "companies_participating"),
        ("The [Harbour Fair 2026|Event] gathered more than 500 enterprises.",
         "Event/harbour fair 2026", "enterprises_attending"),
    ],
)
def test_enterprises_a_pavilion_or_a_park_gathers_take_part_in_it(sentence, subject, measure):
    assert [row[:2] for row in markup_rows(sentence)] == [(subject, measure)]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Malaysia, a partner of [the fair|Event], brought 40 companies to the [Malaysia Pavilion|Project], "
         "which covers 900 square metres.", "Project/malaysia pavilion"),
        ("At [the fair|Event], Thailand took 22 firms to the [Thai Pavilion|Project].", "Project/thai pavilion"),
        ("Minister Lim of the [Harbour Board|Organization] led a business mission of 25 firms to the "
         "[Harbour Fair 2026|Event].", "Event/harbour fair 2026"),
    ],
)
def test_companies_brought_to_a_place_take_part_there(sentence, subject):
    found = markup_rows(sentence)
    assert [row[0] for row in found if row[1] == "companies_participating"] == [subject]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The [Harbour Data Programme|Initiative] will co-fund pilots between firms of the two cities in logistics "
         "and health, with up to S$15 million over four years.", "15000000", "SGD"),
        ("The [Coastal Scheme|Initiative] finances joint trials with RMB 8 million a year.", "8000000", "CNY"),
    ],
)
def test_what_a_programme_pays_for_with_its_money_is_its_size(sentence, value, unit):
    found = markup_rows(sentence)
    assert [(row[1], row[2], row[3]) for row in found] == [("fund_size", value, unit)]


def test_money_companies_pay_with_is_no_programmes_size():
    found = markup_rows("The two firms will pay for the [Harbour Data Programme|Initiative] trials with "
                        "S$2 million.")
    assert not [row for row in found if row[1] == "fund_size"]


@pytest.mark.parametrize("bullet", ["- ", "* ", "\u2022 ", "(b) "])
def test_an_item_of_a_list_is_about_the_name_it_opens_with(bullet):
    found = markup_rows("Three data channels now run between the two countries:\n\n"
                        f"{bullet}the [Harbour Data Corridor|Project], run by two agencies under the "
                        "[Harbour Initiative|Initiative], which counted 41 member companies by June;\n"
                        f"{bullet}the [Coastal Sandbox|Project], which opens in May.")
    assert [row[:3] for row in found] == [("Project/harbour data corridor", "companies_participating", "41")]



def test_projects_that_attracted_money_are_not_counted_as_attracted():
    found = markup_rows("At the [Harbour Fair 2026|Event], 12 projects attracted RMB9 billion of contracted "
                        "investment from listed companies.")
    assert not [row for row in found if row[1].startswith("projects_")]


def test_companies_taking_part_in_something_unnamed_are_not_the_focus_meetings():
    markup = ("Ministers co-chaired the [2nd Harbour Council meeting|Event] held in [Fuzhou|Place] today.\n\n"
              "The leaders reviewed progress.\n\n"
              "The [Harbour Board|Organization] will run the pilot, with six firms taking part in its first phase.")
    assert focus_rows(markup, "2023-12-08") == []
    markup = markup.replace("with six firms taking part in its first phase", "and six firms took part")
    assert focus_rows(markup, "2023-12-08") == [("Event/2nd harbour council meeting", "companies_participating", "6")]


EDITIONS = {"Event/harbour forum 2026": ("Event/harbour forum", "", "2026"),
            "Event/harbour forum 2025": ("Event/harbour forum", "", "2025")}


@pytest.mark.parametrize(
    ("body", "subject"),
    [
        ("About 900 delegates are expected to attend [the forum|Event|Harbour Forum].", "Event/harbour forum 2026"),
        ("[The forum|Event|Harbour Forum] will gather some 900 delegates over three days.",
         "Event/harbour forum 2026"),
        # another time: the series, as the text says
        ("Since 2022, [the forum|Event|Harbour Forum] has drawn some 900 delegates each year.",
         "Event/harbour forum"),
    ],
)
def test_the_series_on_the_page_of_its_edition_of_the_year_is_that_edition(body, subject):
    found = markup_rows(f"[Harbour Forum 2026|Event]\n\nFirst held in 2022, the forum meets every autumn.\n\n{body}",
                        date="2026-10-20", identities=EDITIONS)
    assert [row[:2] for row in found] == [(subject, "delegates")]


def test_the_series_keeps_its_figure_when_only_another_years_edition_is_named():
    found = markup_rows("The [2025 edition|Event|Harbour Forum 2025] drew 700 delegates.\n\n"
                        "About 900 delegates are expected to attend [the forum|Event|Harbour Forum].",
                        date="2026-10-20", identities=EDITIONS)
    assert [row[:3] for row in found] == [("Event/harbour forum 2025", "delegates", "700"),
                                          ("Event/harbour forum", "delegates", "900")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Visitors to a 3,000-square-metre robotics zone watched drones fly over [the exhibition|Event].", []),
        ("[The fair|Event] also has a 2,000 sqm hall for start-ups.", []),
        ("At [the fair|Event], Malaysia opened a 900 sqm [Malaysia Pavilion|Project].",
         [("Project/malaysia pavilion", "exhibition_area", "900")]),
        ("The [Malaysia Pavilion|Project] covers 900 square metres at [the fair|Event].",
         [("Project/malaysia pavilion", "exhibition_area", "900")]),
        ("The [Malaysia Pavilion|Project], a 900 sqm space at [the fair|Event], opened today.",
         [("Project/malaysia pavilion", "exhibition_area", "900")]),
    ],
)
def test_an_area_of_a_thing_the_sentence_does_not_name_is_no_figure(sentence, expected):
    assert [row[:3] for row in markup_rows(sentence)] == expected


@pytest.mark.parametrize(
    "last",
    [
        "Later this morning, I will witness the signing of four agreements between companies of both sides.",
        "I am also glad to witness the signing of two agreements today.",
        "The two firms will invest RMB 90 million in the platform over three years.",
    ],
)
def test_a_speakers_aside_and_money_put_into_an_unnamed_thing_are_not_the_focus_meetings(last):
    markup = ("Ministers co-chaired the [2nd Harbour Council meeting|Event] held in [Fuzhou|Place] today.\n\n"
              f"The leaders reviewed progress.\n\n{last}")
    assert focus_rows(markup, "2023-12-08") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Mr Lim led a 60-member delegation to [the fair|Event].", [("Event/the fair", "delegates", "60")]),
        ("A 35-strong business mission from Penang visited [the fair|Event].", [("Event/the fair", "delegates", "35")]),
        ("A 2,000-strong crowd watched the opening of [the fair|Event].", []),
        ("The 3-day [fair|Event] drew 40 exhibitors.", [("Event/fair", "companies_participating", "40")]),
    ],
)
def test_the_size_of_a_delegation_glued_to_its_number(sentence, expected):
    assert [row[:3] for row in markup_rows(sentence)] == expected


@pytest.mark.parametrize("noun", ["exporters", "manufacturers", "factories", "tenants"])
def test_firms_named_by_what_they_do_take_part(noun):
    found = markup_rows(f"More than 80 small and medium-sized {noun} have joined the [Harbour Trade Link|Project].")
    assert [row[:3] for row in found] == [("Project/harbour trade link", "companies_participating", "80")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nine MOUs were signed at the [3rd Harbour Council meeting|Event], bringing the total number of MOUs "
        "under the [Harbour Initiative|Initiative] to 45.",
        "At the [3rd Harbour Council meeting|Event], nine MOUs were signed, taking the tally under the "
        "[Harbour Initiative|Initiative] to 45.",
    ],
)
def test_what_a_meeting_added_and_the_total_it_brought_the_programme_to(sentence):
    found = markup_rows(sentence)
    assert [row[:3] for row in found] == [("Event/3rd harbour council meeting", "mous_signed", "9"),
                                          ("Initiative/harbour initiative", "mous_signed", "45")]


def test_a_number_in_words_with_a_hyphen_is_no_group_size():
    found = markup_rows("Twenty-six companies have joined the [Harbour Trade Link|Project]. Sixty-one Fortune Global "
                        "500 companies are among the exhibitors at [the fair|Event].")
    assert [row[:3] for row in found] == [("Project/harbour trade link", "companies_participating", "26"),
                                          ("Event/the fair", "fortune_global_500_firms", "61")]


@pytest.mark.parametrize("words", ["received applications from more than 150", "drew enquiries from 150",
                                   "had expressions of interest from 150"])
def test_firms_that_only_applied_do_not_take_part(words):
    found = markup_rows(f"At [the fair|Event], the [Harbour Trade Link|Project] {words} exporters.")
    assert found == []


@pytest.mark.parametrize(
    "sheet",
    [
        "[Harbour Expo 2025|Event]: key facts\n\n- Exhibitors: 1,200 companies from 40 countries and regions\n"
        "- MOUs signed: 15\n- Visitors: 80,000\n",
        "Facts about the [Harbour Expo 2025|Event]\n\n| Item | Figure |\n|---|---|\n| Exhibitors | 1,200 |\n"
        "| MOUs signed | 15 |\n| Visitors | 80,000 |\n",
        "The [Harbour Expo 2025|Event] in numbers:\n\u2022 Participating companies \u2013 1,200\n\u2022 MOUs signed \u2013 15\n",
    ],
)
def test_a_fact_sheets_labelled_values_are_the_figures_of_what_it_hangs_from(sheet):
    found = {row[:3] for row in markup_rows(sheet)}
    assert {("Event/harbour expo 2025", "companies_participating", "1200"),
            ("Event/harbour expo 2025", "mous_signed", "15")} <= found
    assert not {row for row in found if row[2] == "80000"}


def test_a_label_of_no_measure_gives_no_figure():
    assert markup_rows("The [Harbour Expo 2025|Event] in numbers:\n\n- Visitors: 80,000\n- Halls: 12\n") == []


@pytest.mark.parametrize(
    ("second", "measure", "value"),
    [
        ("Exhibitors this year number 650, up from 500 last year.", "companies_participating", "650"),
        ("The number of signed agreements reached 88, the organisers said.", "agreements_signed", "88"),
        ("The total number of projects signed at the fair came to 56.", "projects_signed", "56"),
        ("Participating companies totalled 1,200, and visitors 80,000.", "companies_participating", "1200"),
    ],
)
def test_the_counted_things_named_before_their_number(second, measure, value):
    found = markup_rows(f"The [Harbour Fair 2025|Event] closed on Friday. {second}")
    assert [row[:3] for row in found] == [("Event/harbour fair 2025", measure, value)]


@pytest.mark.parametrize("second", ["The fair was 3 days long.", "Its opening was 10 days late.",
                                    "Visitors numbered 80,000.", "The sentence was 3 people long."])
def test_a_number_after_a_noun_of_no_measure_is_no_figure(second):
    assert markup_rows(f"The [Harbour Fair 2025|Event] closed on Friday. {second}") == []


def test_a_share_of_them_counts_what_came_not_where_they_came_from():
    found = markup_rows("[The fair|Event] brought together 800 exhibitors from 30 countries and regions, 120 of them "
                        "from Singapore.")
    assert [row[1:3] for row in found] == [("companies_participating", "800"), ("countries_and_regions", "30"),
                                           ("companies_participating", "120")]


@pytest.mark.parametrize(
    ("sentence", "measure", "value"),
    [
        ("Mr Lim led a delegation of over 100 business leaders to [the fair|Event].", "delegates", "100"),
        ("[The fair|Event] featured more than 500 exhibitors.", "companies_participating", "500"),
        ("Twelve cooperation pacts were signed at [the fair|Event].", "agreements_signed", "12"),
        ("The [Harbour Fund|Initiative] has raised S$300 million.", "fund_size", "300000000"),
    ],
)
def test_more_words_of_the_measures(sentence, measure, value):
    assert [row[1:3] for row in markup_rows(sentence)] == [(measure, value)]


@pytest.mark.parametrize(
    ("second", "value", "qualifier"),
    [
        ("The Penang delegation numbered about 90, including officials from three ministries.", "90", "about"),
        ("Malaysia's delegation, numbering some 45, arrived on Sunday.", "45", "about"),
        ("The business delegation totalled 130.", "130", ""),
        ("Thailand sent about 60 people: officials and a good number of bankers.", "60", "about"),
        ("More than 200 representatives of ports and shipping lines attended.", "200", "more than"),
        ("The minister was accompanied by 35 business leaders.", "35", ""),
    ],
)
def test_the_size_of_a_delegation_told_by_its_verb(second, value, qualifier):
    """A delegation that numbers or totals N, the people a side sends, or those who attend
    are the delegates of the meeting the story reports."""
    markup = f"Ministers co-chaired the [3rd Harbour Council meeting|Event] held in [Ipoh|Place] today.\n\n{second}"
    assert [row for row in markup_rows(markup, date="2025-05-06")] == [
        ("Event/3rd harbour council meeting", "delegates", value, "", qualifier)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- Firms served by the [Harbour Data Hub|Project]: 75",
         [("Project/harbour data hub", "companies_participating", "75")]),
        ("- Member companies of the [Harbour Trade Alliance|Initiative]: 40",
         [("Initiative/harbour trade alliance", "companies_participating", "40")]),
        # a company's customers are no participants, and not the meeting's either
        ("- Firms served by [Harbour Cloud Ltd|Organization]: 75, up from 50", []),
        # what is not named in the label stays the sheet's
        ("- Participating companies: 75", [("Event/harbour council 4", "companies_participating", "75")]),
    ],
)
def test_a_label_that_names_what_it_counts_is_that_names(line, expected):
    markup = f"[Harbour Council 4|Event]: outcomes\n\n{line}"
    assert [row[:3] for row in markup_rows(markup)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The [Harbour E-Invoicing Pilot|Project] has grown to 260 enterprises, officials said.",
        "The [Harbour E-Invoicing Pilot|Project] expanded to 260 firms this year.",
        "More than 260 merchants now accept payments through the [Harbour E-Invoicing Pilot|Project].",
        "Some 260 exporters are now using the [Harbour E-Invoicing Pilot|Project].",
    ],
)
def test_firms_a_programme_grew_to_or_that_use_it_take_part_in_it(sentence):
    assert [row[:3] for row in markup_rows(sentence)] == [
        ("Project/harbour e-invoicing pilot", "companies_participating", "260")]


def test_money_a_programme_awards_its_chosen_projects():
    found = markup_rows("The [Harbour Data Programme|Initiative] has awarded S$4.5 million to its first nine "
                        "projects, chosen from 60 proposals.")
    assert [row[:4] for row in found] == [
        ("Initiative/harbour data programme", "investment_value", "4500000", "SGD"),
        ("Initiative/harbour data programme", "projects_launched", "9", "")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the value of projects counted for nothing named is no figure of the channel named after
        ("Twenty projects, together worth about US$1.5 billion, were signed, and the two sides agreed to "
         "extend the [Harbour Data Channel|Project].", []),
        ("Twenty projects worth US$1.5 billion were signed at [the fair|Event].",
         [("Event/the fair", "projects_signed", "20"), ("Event/the fair", "investment_value", "1500000000")]),
    ],
)
def test_the_value_of_counted_things_is_of_what_the_count_is_of(sentence, expected):
    assert sorted(row[:3] for row in markup_rows(sentence)) == sorted(expected)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The [Harbour Growth Fund|Initiative] completed its final close, taking its size to S$250 million.",
         "250000000"),
        ("The [Harbour Growth Fund|Initiative] was set up in 2024 with S$100 million.", "100000000"),
        ("The [Harbour Growth Fund|Initiative] was launched by two banks last year with an initial S$80 million.",
         "80000000"),
    ],
)
def test_the_size_a_fund_is_brought_to_or_set_up_with(sentence, value):
    assert [row[1:4] for row in markup_rows(sentence)] == [("fund_size", value, "SGD")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The [Harbour AI Sandbox|Project] began testing with its first 15 companies in March.",
        "The [Harbour AI Sandbox|Project] opened with its initial 15 start-ups last week.",
    ],
)
def test_a_programmes_first_firms_take_part_in_it(sentence):
    assert [row[:3] for row in markup_rows(sentence)] == [
        ("Project/harbour ai sandbox", "companies_participating", "15")]
