"""The wire-release loader (PR Newswire style)."""

from __future__ import annotations

from pathlib import Path

from sgcn.loaders import read, wire


def test_sample_wire_release(data: Path) -> None:
    doc = wire.read(data / "wire.txt")
    assert doc.format == "wire"
    assert doc.date == "2023-06-20"
    assert doc.publisher == "Global Digital Economy Summit Organizing Committee"
    assert doc.metadata["wire"] == "PR Newswire"
    assert doc.metadata["dateline_place"] == "SHANGHAI, China"
    assert doc.text.startswith("SHANGHAI, China, June 20, 2023 /PRNewswire/ --")
    assert doc.text.endswith("SOURCE Global Digital Economy Summit Organizing Committee")
    assert doc.dropped == (" date 2023-06-20 ", "\n\nRelated Links\n\nhttps://example.org/summit\n")


def test_a_business_wire_release_without_header_or_source() -> None:
    text = "SINGAPORE, May 2, 2021 (BUSINESS WIRE) -- Acme Pte Ltd opened an office in Chengdu.\n"
    assert wire.sniff(text, "b.txt")
    doc = wire.parse(text, source="b.txt")
    assert (doc.date, doc.publisher, doc.metadata["wire"]) == ("2021-05-02", "Business Wire", "Business Wire")
    assert doc.text == text


def test_a_headline_above_the_dateline_is_the_title() -> None:
    text = "Acme Opens Chengdu Office\n\nSINGAPORE, May 2, 2021 /PRNewswire-Asia/ -- Acme opened an office.\n\nSOURCE Acme Pte Ltd\n"
    doc = wire.parse(text, source="h.txt")
    assert (doc.title, doc.publisher, doc.metadata["wire"]) == ("Acme Opens Chengdu Office", "Acme Pte Ltd", "PR Newswire")


def test_news_agency_datelines_are_not_wire_releases() -> None:
    assert not wire.sniff("CHONGQING, March 7 (Xinhua) -- Chongqing and Singapore will co-host.", "x.txt")
    assert not wire.sniff("The statement was carried by PR Newswire and others.", "y.txt")


def test_seed_release_004(sources: Path) -> None:
    doc = read(sources / "004_e3036a7d3a7b676d.txt")
    assert doc.format == "wire"
    assert doc.date == "2019-08-27"
    assert doc.publisher == "The SCE Organizing Committee"
    assert doc.metadata["wire"] == "PR Newswire"
    assert doc.text.startswith("CHONGQING, China, Aug. 27, 2019 /PRNewswire/ -- The 2019 Smart China Expo")
    assert doc.text.endswith("SOURCE The SCE Organizing Committee")
    assert doc.dropped == (" date 2019-08-27 ",)


def test_a_wire_page_scrape_keeps_the_headline_and_drops_the_page_lines() -> None:
    text = (
        "Data Centre Alliance Opens Singapore Hub\n\nShare this article\n\nNews provided by\n\n"
        "Data Centre Alliance\n\nMay 02, 2021, 09:00 ET\n\n"
        "SINGAPORE, May 2, 2021 /PRNewswire/ -- The Data Centre Alliance opened a regional hub.\n"
    )
    doc = wire.parse(text, source="p.txt")
    assert doc.title == "Data Centre Alliance Opens Singapore Hub"
    assert doc.publisher == "Data Centre Alliance"
    assert doc.date == "2021-05-02"
    assert doc.text == (
        "Data Centre Alliance Opens Singapore Hub\n\n"
        "SINGAPORE, May 2, 2021 /PRNewswire/ -- The Data Centre Alliance opened a regional hub.\n"
    )
    assert doc.dropped == ("Share this article", "News provided by", "Data Centre Alliance", "May 02, 2021, 09:00 ET")
