"""The scraped-web-page loader: the article kept, the page furniture dropped and recorded."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from sgcn.loaders import LoadError, read, webpage


def test_sample_page_keeps_headline_date_and_article(data: Path) -> None:
    doc = webpage.read(data / "webpage.txt")
    assert doc.format == "webpage"
    assert doc.title == "Nanning hosts ASEAN digital ministers for connectivity talks"
    assert doc.date == "2023-09-15"
    assert doc.publisher == "Harbour Daily"
    assert doc.text.splitlines()[0] == doc.title
    assert "Published: 15 September 2023" in doc.text
    assert "NANNING, Sept 14 (Harbour Daily) --" in doc.text
    # the paragraph after the share box and the advertisement is still article
    assert doc.text.rstrip().endswith("cyber security cooperation.")


@pytest.mark.parametrize(
    "furniture",
    [
        "Log in / Register",
        "Subscribe to our newsletter for daily updates",
        "Home  World  Business  Tech  Opinion",
        "Technology",
        "Share this article",
        "Advertisement",
        "Tags: ASEAN, Nanning, digital economy",
        "Related stories",
        "Leave a comment",
        "Copyright © 2023 Harbour Daily. All rights reserved.",
        "Digital ministers from ten ASEAN member states met in Nanning on Thursday",  # pull quote
    ],
)
def test_sample_page_furniture_is_dropped_and_recorded(data: Path, furniture: str) -> None:
    doc = webpage.read(data / "webpage.txt")
    assert any(furniture in dropped for dropped in doc.dropped)
    assert furniture not in doc.text.replace("Digital ministers from ten ASEAN member states met in Nanning on Thursday to", "")


def test_every_line_is_either_kept_or_dropped(data: Path) -> None:
    raw = (data / "webpage.txt").read_text("utf-8")
    doc = webpage.read(data / "webpage.txt")
    kept = [line for line in doc.text.splitlines() if line]
    dropped = [line for block in doc.dropped for line in block.splitlines()]
    assert sorted(kept + dropped) == sorted(line.strip() for line in raw.splitlines() if line.strip())


def test_an_article_split_by_a_widget_line_stays_whole() -> None:
    text = textwrap.dedent(
        """\
        Log in
        Trade ministers meet in Xiamen

        The trade ministers of both countries met in Xiamen on Friday to review the pact.

        Print

        They agreed to set up a working group on digital trade before the end of the year.
        """
    )
    doc = webpage.parse(text, source="x.txt")
    assert doc.text == (
        "Trade ministers meet in Xiamen\n\n"
        "The trade ministers of both countries met in Xiamen on Friday to review the pact.\n\n"
        "They agreed to set up a working group on digital trade before the end of the year.\n"
    )
    assert doc.dropped == ("Log in", "Print")


def test_a_page_without_prose_is_an_error() -> None:
    with pytest.raises(LoadError, match="no article text"):
        webpage.parse("Home\nLog in\nSubscribe\nHome\n", source="menu.txt")


def test_plain_releases_do_not_sniff_as_pages(data: Path, sources: Path) -> None:
    assert not webpage.sniff((data / "plaintext.txt").read_text("utf-8"), "plaintext.txt")
    assert not webpage.sniff((sources / "000_451af802f011b263.txt").read_text("utf-8"), "000.txt")


def test_seed_page_001(sources: Path) -> None:
    doc = read(sources / "001_6aadee82c92dec9c.txt")
    assert doc.format == "webpage"
    assert doc.title == "Chongqing, Singapore to co-host 2020 Smart China Expo"
    assert doc.date == "2020-03-09"
    assert doc.publisher == "Xinhua Silk Road"
    assert doc.metadata["agency"] == "Xinhua"
    assert doc.text.startswith("Chongqing, Singapore to co-host 2020 Smart China Expo\n\nMarch 09, 2020\n\nCHONGQING, March 7 (Xinhua) --")
    assert doc.text.rstrip().endswith("to boost bilateral cooperation in the digital economy.")
    for phrase in ("Start a Free Trial", "Subscribe", "Scan the QR code", "login", "contributor", "Abstract :",
                   "Identifying code", "International Relation", "Keyword:"):
        assert phrase not in doc.text, phrase
    assert "Start a Free Trial" in doc.dropped
    assert doc.text.count("co-host the 2020 Smart China Expo, according to a letter of intent") == 1


def test_seed_page_002(sources: Path) -> None:
    doc = read(sources / "002_02d12c1938ddf01c.txt")
    assert doc.format == "webpage"
    assert doc.date == "2023-09"  # the page states no date: the month of its lead paragraph's event
    assert doc.metadata["date_basis"] == "lead paragraph"
    assert doc.text.startswith("Singapore returns for the sixth consecutive year")
    assert "Leave a Reply" not in doc.text
    assert doc.text.rstrip().endswith("its publication is scheduled for December 2023.")
    assert doc.dropped == (
        "Information and Communications Technology is one of the four priority areas of collaboration",
        "Leave a Reply",
    )


def test_a_news_portal_page_with_wrapped_paragraphs(data: Path) -> None:
    doc = read(data / "extra" / "news_portal.txt")
    assert doc.format == "webpage"
    assert doc.title == "Suzhou park signs data pact with Singapore firms"
    assert doc.date == "2024-03-19"  # from "Updated: 2024-03-19 16:45" in the byline
    assert doc.publisher == "Eastern Business Herald"  # title bar "Headline - Site"
    # wrapped lines stay as they were, inside one paragraph
    assert "pact with three\nSingapore technology firms on Monday" in doc.text
    assert doc.text.rstrip().endswith("representatives from both countries.")
    for furniture in ("Skip to main content", "Sign up for free", "Print | Email | Share", "Editor: Zhou Hui",
                      "Most Viewed", "Stocks end mixed", "All rights reserved"):
        assert furniture not in doc.text, furniture


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("March 09, 2020", "2020-03-09"),
        ("Published: 15 September 2023", "2023-09-15"),
        ("2023-09-05 15:20:00 Source: Xinhua Editor: Liu", "2023-09-05"),
        ("By Wang Li | Updated: Sep 5, 2023 10:21 AM", "2023-09-05"),
        ("Posted on 2 June 2021 by admin", "2021-06-02"),
        ("Published Wed, Mar 6, 2024 - 9:05 AM", "2024-03-06"),
        ("The expo was held on 5 May 2021 in Chongqing, with many guests.", ""),
        ("Since 2018", ""),
        ("Photos from 2 May 2021 and 3 May 2021", ""),
    ],
)
def test_date_lines(line: str, iso: str) -> None:
    assert webpage.date_of_line(line) == iso


def test_a_release_published_as_a_page_keeps_its_signoff_and_media_contacts() -> None:
    text = textwrap.dedent(
        """\
        Ministry of Digital Affairs | Newsroom
        Home  Newsroom  Speeches  Contact us

        Singapore and Xiamen sign pact on digital trade

        The Ministry of Digital Affairs signed a pact on digital trade with the Xiamen government today.

        The pact covers electronic trade documents, data standards and joint pilots for small firms.

        MINISTRY OF DIGITAL AFFAIRS
        3 APRIL 2024

        For media queries, please contact:
        Jane Tan
        Senior Manager, Communications
        Email: jane_tan@example.gov.sg

        Share this page
        Privacy statement | Terms of use
        """
    )
    doc = webpage.parse(text, source="r.txt")
    assert doc.title == "Singapore and Xiamen sign pact on digital trade"
    assert (doc.date, doc.publisher) == ("2024-04-03", "Ministry of Digital Affairs")
    assert "Jane Tan\n\nSenior Manager, Communications" in doc.text
    assert "Privacy statement" not in doc.text and "Share this page" not in doc.text


def test_a_news_page_whose_share_bar_sits_between_headline_and_story_keeps_both() -> None:
    """A paywalled news site puts its date lines, share buttons and a "Gift this article"
    button between the headline and the first paragraph."""
    lines = ["The Harbour Post - News of the port", "Menu", "Log in", "Subscribe",
             "Home > Business", "",
             "Penang and Xiamen add data links to their trade council's work plan", "",
             "Published Wed, Mar 6, 2024 - 9:05 AM", "Updated Wed, Mar 6, 2024 - 11:20 AM", "",
             "Share", "Facebook", "LinkedIn", "Copy link", "Gift this article", "",
             "Penang and Xiamen agreed on Tuesday to add cross-border data links to the work plan of their "
             "trade council, officials said after the council's fifth meeting in Xiamen.", "",
             "The council was set up in 2019 and meets once a year, alternating between the two cities."]
    doc = webpage.parse("\n".join(lines), source="p.txt")
    assert doc.title == "Penang and Xiamen add data links to their trade council's work plan"
    assert doc.date == "2024-03-06"
    assert "Gift this article" not in doc.text


def test_a_page_whose_article_gives_no_date_is_dated_by_its_masthead() -> None:
    """A newsletter read as a page: "Issue 4/2029 | 3 May 2029" above the contents dates it."""
    lines = ["PENANG BUSINESS CHAMBER", "CHAMBER DIGEST: CHINA", "Issue 4/2029 | 3 May 2029", "",
             "IN THIS ISSUE", "1. Members in Xiamen", "2. Webinar recap", "", "-" * 40, "",
             "1. MEMBERS IN XIAMEN", "",
             "Twenty members joined the Chamber's business mission to Xiamen last week, where they met port "
             "operators and logistics firms and visited the free trade zone.", "",
             "The mission was led by the Chamber's vice president and ended with a dinner for members and hosts."]
    doc = webpage.parse("\n".join(lines), source="digest.txt")
    assert doc.date == "2029-05-03"
