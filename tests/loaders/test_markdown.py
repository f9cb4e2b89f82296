"""The markdown loader: front matter becomes metadata, the body is kept as written."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from sgcn.loaders import LoadError, markdown, read


def test_sample_front_matter_is_metadata(data: Path) -> None:
    doc = markdown.read(data / "markdown.md")
    assert doc.format == "markdown"
    assert doc.title == "Singapore and Suzhou launch joint data innovation lab"
    assert doc.date == "2024-05-08"
    assert doc.metadata["permalink"] == "/media-centre/press-releases/suzhou-data-lab/"
    assert doc.metadata["date_basis"] == "front matter"
    assert "description" not in doc.metadata  # empty fields say nothing


def test_front_matter_is_dropped_and_the_body_kept_verbatim(data: Path) -> None:
    raw = (data / "markdown.md").read_text("utf-8")
    doc = markdown.read(data / "markdown.md")
    assert raw.endswith(doc.text)
    assert doc.text.startswith("_The lab will support ten pilot projects")
    assert "**Infocomm Media Development Authority (IMDA)**" in doc.text
    assert len(doc.dropped) == 1 and doc.dropped[0].startswith("---\ntitle:")
    assert doc.dropped[0] + doc.text == raw


def test_body_dateline_and_heading_fill_a_silent_front_matter() -> None:
    text = "---\nlayout: post\nauthor: Enterprise Singapore\n---\n# Trade mission to Chengdu\n\nSINGAPORE, 2 May 2021 - A mission left today.\n"
    doc = markdown.parse(text, source="m.md")
    assert (doc.title, doc.date, doc.publisher) == ("Trade mission to Chengdu", "2021-05-02", "Enterprise Singapore")
    assert doc.metadata["date_basis"] == "dateline"


def test_a_markdown_file_without_front_matter() -> None:
    doc = markdown.parse("Plain body text, no fences.\n", source="n.md")
    assert doc.text == "Plain body text, no fences.\n"
    assert doc.dropped == ()


def test_invalid_yaml_names_the_line_in_the_file(write_file) -> None:
    text = textwrap.dedent(
        """\
        ---
        title: Fine
        date: 2022-11-25
        tags: [a, b
        ---
        Body.
        """
    )
    with pytest.raises(LoadError) as caught:
        read(write_file("bad.md", text))
    assert caught.value.line == 5  # the error is seen where the list should have closed
    assert "front matter is not valid YAML" in str(caught.value)
    assert str(caught.value).startswith(str(write_file("bad.md", text)) + ":5: ")


def test_yaml_error_line_counts_the_opening_fence() -> None:
    with pytest.raises(LoadError) as caught:
        markdown.parse("---\ntitle: a\nbad: : :\n---\nBody\n", source="b.md")
    assert caught.value.line == 3


def test_front_matter_that_is_not_a_mapping() -> None:
    with pytest.raises(LoadError, match="not a mapping"):
        markdown.parse("---\n- a\n- b\n---\nBody\n", source="l.md")


def test_unclosed_front_matter() -> None:
    with pytest.raises(LoadError, match="never closed"):
        markdown.parse("---\ntitle: a\nBody\n", source="u.md")


def test_front_matter_without_a_body() -> None:
    with pytest.raises(LoadError, match="no text after the front matter"):
        markdown.parse("---\ntitle: a\n---\n\n", source="e.md")


def test_seed_release_003(sources: Path) -> None:
    doc = read(sources / "003_28ee35ceefcfcf87.txt")
    assert doc.format == "markdown"
    assert doc.title == "8 MOUs signed at the 3rd Singapore China Smart City Initiative Joint Implementation Committee"
    assert doc.date == "2022-11-25"
    assert doc.metadata["permalink"] == "/media-centre/press-releases/eight-mous-signed-at-sg-china-smart-city-initiative/"
    assert doc.text.startswith("_The meeting also saw the launch of 14 new joint projects")
    assert "permalink:" not in doc.text and "layout: post" not in doc.text
    assert "**TradeTrust**1 pilot" in doc.text.replace("\xa0", " ")  # inline marks kept
