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
