"""Event-time rules on sentences of our own writing, mentions marked by hand."""

from __future__ import annotations

from sgcn.loaders.extract.events import find_event_times
from sgcn.loaders.extract.rel_markup import analysis_from_markup


def times(markup: str, **kwargs) -> dict[str, tuple[str, str]]:
    """Event label -> (start, end) of the event times found in ``markup``."""
    analysis = analysis_from_markup(markup, **kwargs)
    return {analysis.entities[t.event].label: (t.start, t.end) for t in find_event_times(analysis)}


def test_absolute_range_on_a_series_goes_to_the_edition_of_that_year():
    found = times("The annual [Harbour Fair|Event] takes place in [Oslo|Place] from September 4-6, 2023. "
                  "This is the [Harbour Fair 2023|Event].", date="2023-09")
    assert found["Harbour Fair 2023"] == ("2023-09-04", "2023-09-06")
    assert "Harbour Fair" not in found


def test_weekday_and_duration_resolve_against_the_document_date():
    found = times("The [2019 Fair|Event] kicked off Monday in [Oslo|Place], featuring a [signing ceremony|Event]. "
                  "It was busy. [The four-day fair|Event|2019 Fair] drew crowds.", date="2019-08-27")
    assert found["2019 Fair"] == ("2019-08-26", "2019-08-29")
    assert found["signing ceremony"] == ("2019-08-26", "")


def test_today_and_this_year():
    found = times("Ministers met at the [4th Council meeting|Event] today. They look forward to the visit this year "
                  "to co-chair the [fifth Council meeting|Event].", date="2022-11-25")
    assert found == {"4th Council meeting": ("2022-11-25", ""), "fifth Council meeting": ("2022", "")}


def test_series_start_from_inaugurated_and_edition_year_from_name():
    found = times("Inaugurated in 2018, [HF|Event|Harbour Fair] has grown. The [Harbour Fair 2020|Event] is next.",
                  date="2020-03-05")
    assert found == {"Harbour Fair": ("2018", ""), "Harbour Fair 2020": ("2020", "")}


def test_an_arranged_span_is_not_an_event_date():
    found = times("[Oslo|Place] agreed to co-organise the [Harbour Fair|Event] from 2020 to 2022. "
                  "The [Harbour Fair 2019|Event] was big.", date="2020-03-05")
    assert found == {"Harbour Fair 2019": ("2019", "")}


def test_an_opening_ceremony_starts_with_its_event():
    found = times("The [Harbour Fair 2021|Event] opened on 3 May 2021. Ministers attended the "
                  "[opening ceremony of the Harbour Fair 2021|Event].", date="2021-05-04")
    assert found["opening ceremony of the Harbour Fair 2021"] == ("2021-05-03", "")


def test_no_date_no_event_time():
    assert times("The [Harbour Fair|Event] was large and [Oslo|Place] is cold.", date="2021-05-04") == {}


def test_closed_on_a_weekday_after_n_days_counts_back_from_the_close():
    found = times("The [Fish Fair 2024|Event] closed on Saturday after four days in [Bergen|Place].",
                  date="2024-08-25")
    assert found["Fish Fair 2024"] == ("2024-08-21", "2024-08-24")


def test_closed_without_a_duration_keeps_only_the_month():
    found = times("The [Fish Fair 2024|Event] ended on Saturday.", date="2024-08-25")
    assert found["Fish Fair 2024"] == ("2024-08", "2024-08-24")


def test_opened_and_closed_give_start_and_end():
    found = times("The [Fish Fair 2024|Event] opened on Tuesday. It was busy. The [fair|Event|Fish Fair 2024] "
                  "closed on Friday.", date="2024-08-24")
    assert found["Fish Fair 2024"] == ("2024-08-20", "2024-08-23")


def test_weekday_is_read_against_the_dateline_day_of_a_later_web_page():
    found = times("BERGEN, Aug 23 (Reuters) -- The [Fish Fair 2024|Event] kicked off on Friday.", date="2024-08-26")
    assert found["Fish Fair 2024"] == ("2024-08-23", "")


def test_today_after_an_of_phrase_and_a_place():
    found = times("Ministers co-chaired the [3rd Council meeting|Event] of the [Green Port Initiative|Initiative] "
                  "in [Fuzhou|Place] today.", date="2023-12-08")
    assert found["3rd Council meeting"] == ("2023-12-08", "")


def test_runs_until_a_date_is_the_end():
    found = times("The five-day [Fish Fair 2023|Event] runs until 6 September.", date="2023-09-02")
    assert found["Fish Fair 2023"] == ("2023-09-02", "2023-09-06")


def test_opened_on_a_weekday_and_will_run_until_a_later_weekday():
    found = times("The [Fish Fair 2023|Event] kicked off in [Oslo|Place] on Tuesday and will run until Friday.",
                  date="2023-09-06")
    assert found["Fish Fair 2023"] == ("2023-09-05", "2023-09-08")


def test_a_range_whose_first_day_stands_alone_in_a_which_clause():
    found = times("The [Fish Fair 2023|Event], which runs from 3 to 6 September, opened in [Oslo|Place].",
                  date="2023-09-03")
    assert found["Fish Fair 2023"] == ("2023-09-03", "2023-09-06")


def test_a_date_in_another_clause_is_not_the_events():
    found = times("The [Fish Fair 2023|Event] opened in [Oslo|Place], but the minister left on 6 September.",
                  date="2023-09-03")
    assert "Fish Fair 2023" not in found


def test_today_in_an_apposed_participle_or_which_clause_dates_the_event():
    found = times("Ministers co-chaired the [2nd Council meeting|Event] of the [Green Port Initiative|Initiative], "
                  "held in [Fuzhou|Place] today. The [Fish Forum|Event], which took place in [Oslo|Place] "
                  "yesterday, drew crowds. The [Trade Dialogue|Event], convened today, ended early.",
                  date="2023-12-08")
    assert found["2nd Council meeting"] == ("2023-12-08", "")
    assert found["Fish Forum"] == ("2023-12-07", "")
    assert found["Trade Dialogue"] == ("2023-12-08", "")


def test_today_after_an_apposition_that_is_no_happening_stays_unassigned():
    found = times("The [Fish Forum|Event], a gathering of ministers and officials, was praised by many today.",
                  date="2023-12-08")
    assert "Fish Forum" not in found


def test_a_range_opened_by_its_month_and_closed_by_a_day_alone(relations):
    found = times("The [Harbour Data Week 2026|Event] takes place from October 20 to 22 at the "
                  "[Penang Convention Centre|Place], with 300 to 400 firms.", date="2026-10-19")
    assert found["Harbour Data Week 2026"] == ("2026-10-20", "2026-10-22")
    assert ("Harbour Tech Fair 2027", "held_in", "Penang") in relations(
        "The 2027 edition of the Harbour Tech Fair is scheduled for 14-16 June 2027 in Penang.", "2026-05-04")
