"""parse_date and find_dates on the date forms press releases and news pages use."""

from __future__ import annotations

import pytest

from sgcn.loaders.dates import find_dateline, find_dates, lead_date, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("25 November 2022", "2022-11-25"),
        ("Aug. 27, 2019", "2019-08-27"),
        ("March 09, 2020", "2020-03-09"),
        ("5 MARCH 2020", "2020-03-05"),
        ("March 2020", "2020-03"),
        ("2019", "2019"),
        ("Sept 3, 2021", "2021-09-03"),
        ("3rd of June, 2021", "2021-06-03"),
        ("1st July 2024", "2024-07-01"),
        ("Dec 31 2023", "2023-12-31"),
        ("Tuesday, 4 April 2023", "2023-04-04"),
        ("2020-03-05", "2020-03-05"),
        ("2020-03-05T10:00:00+08:00", "2020-03-05"),
        ("2023-09", "2023-09"),
        ("  12 June 2024.  ", "2024-06-12"),
        ("", ""),
        ("not a date", ""),
        ("30 February 2021", ""),
        ("2023-13", ""),
        ("March 7", ""),  # no year: not an absolute date
        ("September 4-6, 2023", ""),  # a range is not one date
        ("on 5 March 2020", ""),
    ],
)
def test_parse_date_keeps_the_precision_given(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("taking place in Chongqing from September 4-6, 2023.", [("September 4-6, 2023", "2023-09-04", "2023-09-06")]),
        ("held 4 to 6 September 2023", [("4 to 6 September 2023", "2023-09-04", "2023-09-06")]),
        ("held 4\u20136 Sept 2023", [("4\u20136 Sept 2023", "2023-09-04", "2023-09-06")]),
        ("to co-organise the expo from 2020 to 2022", [("2020 to 2022", "2020", "2022")]),
        ("in the years 2019-2021", [("2019-2021", "2019", "2021")]),
        ("between 2020 and 2022", [("2020 and 2022", "2020", "2022")]),
        ("from 30 August to 2 September 2024", [("30 August to 2 September 2024", "2024-08-30", "2024-09-02")]),
        ("from August 30 to September 2, 2024", [("August 30 to September 2, 2024", "2024-08-30", "2024-09-02")]),
        ("from June 2024 to May 2027", [("June 2024 to May 2027", "2024-06", "2027-05")]),
        ("March to May 2020", [("March to May 2020", "2020-03", "2020-05")]),
        ("signed on 12 June 2024 in Guangzhou", [("12 June 2024", "2024-06-12", "")]),
        ("SINGAPORE, 25 November 2022 \u2013The Ministry", [("25 November 2022", "2022-11-25", "")]),
        ("publication is scheduled for December 2023.", [("December 2023", "2023-12", "")]),
        ("Launched in 2019, the fund", [("2019", "2019", "")]),
        ("for 2018 and 2019 respectively", [("2018", "2018", ""), ("2019", "2019", "")]),
        ("on September 4 and 5, 2023", [("September 4 and 5, 2023", "2023-09-04", "2023-09-05")]),
        ("from December 30, 2023 - January 2, 2024", [("December 30, 2023 - January 2, 2024", "2023-12-30", "2024-01-02")]),
        ("held 4th-6th September 2023", [("4th-6th September 2023", "2023-09-04", "2023-09-06")]),
        ("by mid-2021", [("2021", "2021", "")]),
        ("Aug 27th, 2019", [("Aug 27th, 2019", "2019-08-27", "")]),
    ],
)
def test_find_dates_reads_single_dates_and_ranges(text: str, found: list[tuple[str, str, str]]) -> None:
    assert [(d.text, d.iso_start, d.iso_end) for d in find_dates(text)] == found


def test_find_dates_offsets_index_the_text() -> None:
    text = "The forum, held on 12 June 2024, met again from 14 to 16 October 2024."
    for span in find_dates(text):
        assert text[span.start : span.end] == span.text
    assert [d.iso_start for d in find_dates(text)] == ["2024-06-12", "2024-10-14"]


@pytest.mark.parametrize(
    "text",
    [
        "more than 2,019 companies",
        "a 3,000 sqm pavilion",
        "816.9 billion yuan",
        "the picture at en2017te.png",
        "they may 5 times over",
        "US$2020 million",
        "call 6332 7505",
    ],
)
def test_find_dates_ignores_numbers_that_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_yearless_dates_need_a_year() -> None:
    assert find_dates("CHONGQING, March 7 (Xinhua) --") == []
    assert [d.iso_start for d in find_dates("CHONGQING, March 7 (Xinhua) --", year=2020)] == ["2020-03-07"]


def test_find_dates_skips_impossible_ranges() -> None:
    assert [(d.text, d.iso_end) for d in find_dates("from 2022 to 2020")] == [("2022", ""), ("2020", "")]
    assert [d.text for d in find_dates("from 6-4 September 2023")] == ["4 September 2023"]


@pytest.mark.parametrize(
    ("text", "place", "date", "agency"),
    [
        ("SINGAPORE, 25 November 2022 \u2013The Ministry of X said", "SINGAPORE", "2022-11-25", ""),
        ("CHONGQING, China, Aug. 27, 2019 /PRNewswire/ -- The expo", "CHONGQING, China", "2019-08-27", "PRNewswire"),
        ("BEIJING, May 4, 2021 (Xinhua) -- China and Singapore", "BEIJING", "2021-05-04", "Xinhua"),
        ("**KUALA LUMPUR, 3 March 2021 -** Ministers met", "KUALA LUMPUR", "2021-03-03", ""),
    ],
)
def test_find_dateline(text: str, place: str, date: str, agency: str) -> None:
    dateline = find_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.date, dateline.agency) == (place, date, agency)


def test_a_yearless_dateline_takes_the_year_given() -> None:
    dateline = find_dateline("Headline\n\nCHONGQING, March 7 (Xinhua) -- Text.")
    assert dateline is not None and (dateline.date, dateline.month, dateline.day) == ("", 3, 7)
    assert find_dateline("CHONGQING, March 7 (Xinhua) -- Text.", year=2020).date == "2020-03-07"


def test_running_text_with_a_dash_is_no_dateline() -> None:
    assert find_dateline("Singapore, the host, said so -- twice.") is None
    assert find_dateline("It was, in 2020 - a good year.") is None


def test_lead_date_is_the_month_of_the_lead_paragraph() -> None:
    assert lead_date("The expo runs from 4 to 6 September 2023 in Chongqing.\n\nIt began in 2018.") == "2023-09"
    assert lead_date("The fund began in 2019.\n\nOn 5 May 2021 it grew.") == ""


@pytest.mark.parametrize(
    ("text", "place", "end"),
    [
        ("Singapore, 14 June 2024 \u2013 Acme said", "Singapore", "\u2013"),
        ("Hong Kong, June 14, 2024: Acme said", "Hong Kong", ":"),
        ("SINGAPORE, 14 June 2024\n\nAcme said", "SINGAPORE", "4"),
        ("**SINGAPORE, 14 June 2024**\n\nAcme said", "SINGAPORE", "4"),
        ("SINGAPORE (14 June 2024) \u2013 Acme said", "SINGAPORE", "\u2013"),
        ("Singapore (14 June 2024) Acme said", "Singapore", ")"),
        ("SINGAPORE, Friday, 14 June 2024 - Acme said", "SINGAPORE", "-"),
    ],
)
def test_dateline_forms_of_the_genre(text: str, place: str, end: str) -> None:
    dateline = find_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.date, dateline.day) == (place, "2024-06-14", 14)
    assert text[dateline.end - 1] == end


def test_a_dateline_place_stays_on_its_line() -> None:
    dateline = find_dateline("ACME LAUNCHES FUND\nSINGAPORE, 14 June 2024 - Acme said")
    assert dateline is not None and dateline.place == "SINGAPORE"


@pytest.mark.parametrize(
    "text",
    [
        "Singapore, the host city, said on 14 June 2024 that it agreed.",
        "Singapore, 14 June 2024 marked the opening of the fund.",
        "Monday, 14 June 2021 - the fund opened.",
        "Singapore, June 2024: a month of launches.",  # a dateline gives a day
        "Singapore (Reuters) - Acme said on 14 June 2024.",
        "Today, 14 June 2024: the fund opens.",
    ],
)
def test_sentences_that_look_like_datelines_are_not(text: str) -> None:
    assert find_dateline(text) is None


def test_looser_datelines_stand_only_in_the_opening_paragraphs() -> None:
    body = "\n\n".join(f"{n}. Text of paragraph {n}." for n in range(1, 6))
    assert find_dateline(f"{body}\n\nSingapore, 14 June 2024 - a caption") is None
    assert find_dateline(f"{body}\n\nSINGAPORE, 14 June 2024\n") is None
    # the capitals-and-dash form stands anywhere, as before
    late = find_dateline(f"{body}\n\nSINGAPORE, 14 June 2024 - Text.")
    assert late is not None and late.date == "2024-06-14"


def test_lead_date_keeps_month_precision_for_an_occasion() -> None:
    assert lead_date("Acme will open the fund in June 2024.\n\nMore.") == "2024-06"


@pytest.mark.parametrize(
    ("text", "place", "iso"),
    [
        ("Qingdao, China / Singapore, 3 May 2028 - Two ports said they would share data.",
         "Qingdao, China / Singapore", "2028-05-03"),
        ("SHANGHAI & SINGAPORE, 9 October 2027 - The banks signed.", "SHANGHAI & SINGAPORE", "2027-10-09"),
        ("Chengdu and Singapore, 12 July 2026 - Both sides agreed.", "Chengdu and Singapore", "2026-07-12"),
    ],
)
def test_a_joint_release_datelines_each_partys_city(text: str, place: str, iso: str) -> None:
    dateline = find_dateline(text)
    assert dateline is not None and (dateline.place, dateline.date) == (place, iso)


def test_a_label_or_weekday_before_a_date_is_no_place() -> None:
    assert find_dateline("Published Wed, Mar 6, 2024 - 9:05 AM") is None
