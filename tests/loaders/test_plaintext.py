"""The plain-text press release loader, on a sample of our own and on the seed corpus."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from sgcn.loaders import plaintext, read


def test_sample_release_metadata(data: Path) -> None:
    doc = plaintext.read(data / "plaintext.txt")
    assert doc.format == "plaintext"
    assert doc.title == "SINGAPORE AND GUANGZHOU TO DEEPEN COOPERATION ON DIGITAL TRADE AND DATA CONNECTIVITY"
    assert doc.date == "2024-06-12"
    assert doc.publisher == "Ministry of Trade and Industry"
    assert doc.metadata["date_basis"] == "date line"


def test_the_whole_release_is_kept(data: Path) -> None:
    raw = (data / "plaintext.txt").read_text("utf-8")
    doc = plaintext.read(data / "plaintext.txt")
    assert doc.text == raw
    assert doc.dropped == ()
    # the media contact block stays: people and titles are read from it
    assert "Rachel Lim\nSenior Manager\nCorporate Communications Division" in doc.text
    assert "Annex A: Factsheet" in doc.text


def test_release_notices_are_not_titles() -> None:
    text = textwrap.dedent(
        """\
        MEDIA RELEASE
        Embargoed until 10 am, 3 July 2023

        Joint Statement on the Fourth Digital Policy Dialogue

        1. Officials of both countries met in Beijing.
        """
    )
    assert plaintext.parse(text, source="m.txt").title == "Joint Statement on the Fourth Digital Policy Dialogue"


def test_signoff_with_an_acronym_and_an_issued_by_line() -> None:
    text = "TITLE\n\n1. Words.\n\nINFOCOMM MEDIA DEVELOPMENT AUTHORITY (IMDA)\n8 May 2024\n"
    assert plaintext.parse(text, source="a.txt").publisher == "Infocomm Media Development Authority (IMDA)"
    text = "TITLE\n\n1. Words.\n\nIssued by the Ministry of Foreign Affairs.\n"
    assert plaintext.parse(text, source="b.txt").publisher == "Ministry of Foreign Affairs"


def test_a_joint_signoff_names_both_issuers() -> None:
    text = "TITLE\n\nText.\n\nMINISTRY OF COMMUNICATIONS AND INFORMATION\nSMART NATION AND DIGITAL GOVERNMENT OFFICE\n2 FEBRUARY 2022\n"
    assert plaintext.parse(text, source="j.txt").publisher == (
        "Ministry of Communications and Information and Smart Nation and Digital Government Office"
    )


def test_a_capitalised_sentence_above_a_date_is_no_signoff() -> None:
    text = "TITLE\n\nTHE TALKS WILL RESUME SOON.\n2 FEBRUARY 2022\n"
    assert plaintext.parse(text, source="s.txt").publisher == ""


def test_dateline_dates_a_release_without_a_date_line() -> None:
    doc = plaintext.parse("SINGAPORE, 3 March 2021 - The two sides met today.\n", source="d.txt")
    assert (doc.date, doc.metadata["date_basis"]) == ("2021-03-03", "dateline")


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Release time: 2024-05-09   Source: Harbour City Bureau of Commerce", "2024-05-09"),
        ("Date: 2024-05-09    Source: Harbour Daily   Font size: L M S   Print   Close", "2024-05-09"),
        ("Release date: 9 May 2024 | Views: 212", "2024-05-09"),
        ("Time: 2024-05-09 16:30   Source: Park News   Editor: Li Na", "2024-05-09"),
        ("Posting date: May 9, 2024", "2024-05-09"),
    ],
)
def test_a_portals_labelled_date_line_dates_the_page(line: str, iso: str) -> None:
    """A news portal's article line gives the date under a label, with more labelled fields after it."""
    text = f"Harbour City Government\nHome > News > Trade\n\nTwo sides meet on data\n\n{line}\n\nThe two sides met in 2023.\n"
    doc = plaintext.parse(text, source="p.txt")
    assert (doc.date, doc.metadata["date_basis"]) == (iso, "date line")


@pytest.mark.parametrize("line", ["Time to act: 2024 is the year of data", "Release of the 2024 report   Source: X"])
def test_a_line_that_only_mentions_a_year_is_no_date_line(line: str) -> None:
    doc = plaintext.parse(f"TITLE\n\n{line}\n\nThe two sides met.\n", source="q.txt")
    assert doc.date == ""


def test_a_release_without_any_date_has_none() -> None:
    doc = plaintext.parse("TITLE\n\nThe two sides met in 2019 and again later.\n", source="n.txt")
    assert doc.date == ""
    assert "date_basis" not in doc.metadata


def test_crlf_files_are_read_with_newlines(write_file) -> None:
    path = write_file("crlf.txt", b"TITLE\r\n\r\n1. Text of it.\r\n\r\nMINISTRY OF HEALTH\r\n2 MAY 2021\r\n")
    doc = read(path)
    assert "\r" not in doc.text
    assert (doc.title, doc.date, doc.publisher) == ("TITLE", "2021-05-02", "Ministry of Health")


def test_seed_release_000(sources: Path) -> None:
    doc = read(sources / "000_451af802f011b263.txt")
    assert doc.format == "plaintext"
    assert doc.title.startswith("SINGAPORE AND CHONGQING SIGN LETTER OF INTENT")
    assert doc.title.endswith("FROM 2020 TO 2022")
    assert doc.date == "2020-03-05"
    assert doc.publisher == "Ministry of Trade and Industry"
    assert "Carista Wee\nAssistant Director\nCorporate Communications Division" in doc.text
    assert "Annex C: Factsheet on Smart China Expo 2020" in doc.text
    assert doc.text == (sources / "000_451af802f011b263.txt").read_text("utf-8")


def test_a_letterhead_names_the_publisher_and_is_not_the_title() -> None:
    text = textwrap.dedent(
        """\
        MEDIA RELEASE
        Infocomm Media Development Authority

        Singapore and Hainan Launch Digital Trade Pilot

        1. The pilot will connect trade platforms of both sides from 2025.
        """
    )
    doc = plaintext.parse(text, source="l.txt")
    assert (doc.title, doc.publisher) == ("Singapore and Hainan Launch Digital Trade Pilot", "Infocomm Media Development Authority")


def test_a_title_naming_an_organisation_is_still_the_title() -> None:
    doc = plaintext.parse("Data Centre Alliance Opens Singapore Hub\n\nThe alliance opened a hub today.\n", source="t.txt")
    assert (doc.title, doc.publisher) == ("Data Centre Alliance Opens Singapore Hub", "")


# Datelines in the layouts releases use: each gives the release's date to the day,
# and the title never takes the dateline in.
_DATELINE_LAYOUTS = [
    # dateline on its own line under the headline, no dash
    ("Acme launches fund\nSINGAPORE, 14 June 2024\n\nAcme launched a fund.", "Acme launches fund"),
    # under a release notice, no headline
    ("For immediate release\nSINGAPORE, 14 June 2024\n\nAcme launched a fund in June 2024.", ""),
    # place in title case, en dash
    ("Singapore, 14 June 2024 \u2013 Acme launched a fund.", ""),
    # a colon instead of a dash
    ("SINGAPORE, 14 June 2024: Acme launched a fund.", ""),
    # notice, blank line, then the dateline as a paragraph of its own
    ("For immediate release\n\nSINGAPORE, 14 June 2024\n\nAcme launched a fund.", ""),
    # the date in parentheses
    ("SINGAPORE (14 June 2024) \u2013 Acme launched a fund.", ""),
    # notice, headline and a dashed dateline on consecutive lines
    ("For immediate release\nAcme launches fund\nSINGAPORE, 14 June 2024 \u2013 Acme launched a fund.", "Acme launches fund"),
    # a dateline alone on its line may stand above the headline
    ("Hong Kong, 14 June 2024\n\nACME LAUNCHES FUND\n\nAcme launched a fund.", "ACME LAUNCHES FUND"),
]


@pytest.mark.parametrize(("text", "title"), _DATELINE_LAYOUTS)
def test_a_dateline_gives_the_day_and_is_no_title(text: str, title: str) -> None:
    doc = plaintext.parse(text, source="r.txt")
    assert (doc.date, doc.metadata["date_basis"], doc.title) == ("2024-06-14", "dateline", title)


@pytest.mark.parametrize(("text", "title"), _DATELINE_LAYOUTS)
def test_datelines_read_the_same_through_the_dispatcher(write_file, text: str, title: str) -> None:
    doc = read(write_file("release.txt", text))
    assert (doc.date, doc.title) == ("2024-06-14", title)


def test_a_body_sentence_opening_with_a_place_is_no_dateline() -> None:
    text = "Singapore, the host city, said on 14 June 2024 that Acme would open a fund.\n\nMore text."
    doc = plaintext.parse(text, source="r.txt")
    # the lead paragraph dates an occasion: month precision only
    assert (doc.date, doc.metadata["date_basis"]) == ("2024-06", "lead paragraph")


def test_a_lead_paragraph_naming_a_month_gives_the_month() -> None:
    text = "Acme will launch a fund in June 2024, the firm said.\n\nSINGAPORE is its base."
    doc = plaintext.parse(text, source="r.txt")
    assert (doc.date, doc.metadata["date_basis"]) == ("2024-06", "lead paragraph")


def test_a_place_and_date_line_in_the_signoff_dates_and_names_the_issuer() -> None:
    text = textwrap.dedent(
        """\
        BOARD SIGNS PACT

        1. The board signed a pact on data flows.

        2. It takes effect next year.

        3. Both sides will meet again.

        4. Officials welcomed the pact.

        DIGITAL TRADE BOARD
        SINGAPORE, 3 July 2023
        """
    )
    doc = plaintext.parse(text, source="r.txt")
    assert (doc.date, doc.metadata["date_basis"], doc.publisher) == ("2023-07-03", "date line", "Digital Trade Board")


def test_a_bilingual_release_date_line_with_its_chinese_label_first() -> None:
    from sgcn.loaders.plaintext import find_date

    text = ("中新某城 | Harbour Eco-City\n\nThe 9th Meeting of the Harbour Committee Held in Penang\n\n"
            "发布日期 Release date: 2030-04-24   来源 Source: 管委会 Administrative Committee\n\n"
            "On April 23 local time, the 9th meeting of the Harbour Committee was held in Penang.")
    assert find_date(text)[0] == "2030-04-24"
