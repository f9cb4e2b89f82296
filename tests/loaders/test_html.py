"""The HTML loader: trafilatura's main text, metadata from the page's markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from sgcn.loaders import LoadError, html, read


def test_sample_page(data: Path) -> None:
    doc = html.read(data / "html.html")
    assert doc.format == "html"
    assert doc.title == "Xi'an and Singapore sign smart city pact"
    assert doc.date == "2022-04-18"
    assert doc.publisher == "Silk Road Times"
    assert "XI'AN, April 17 (Silk Road Times) -- The city of Xi'an" in doc.text
    assert "the third such meeting since 2020." in doc.text
    # trafilatura's metadata header is not in the text (it would shift offsets)
    assert not doc.text.startswith("---")


@pytest.mark.parametrize("furniture", ["Log in", "Most read", "Markets close higher", "Subscribe to our newsletter"])
def test_page_furniture_is_left_out_and_recorded(data: Path, furniture: str) -> None:
    doc = html.read(data / "html.html")
    assert furniture not in doc.text
    assert any(furniture in line for line in doc.dropped)


def test_metadata_from_meta_tags_and_title_alone() -> None:
    page = (
        "<html><head><title>Chengdu expo opens - West China Post</title>"
        '<meta name="dcterms.date" content="2021-11-02"></head><body><article>'
        "<p>The Chengdu digital expo opened on Tuesday with exhibitors from more than 30 countries and regions.</p>"
        "</article></body></html>"
    )
    doc = html.parse(page, source="c.html")
    assert doc.date == "2021-11-02"
    assert doc.title.startswith("Chengdu expo opens")


def test_time_element_dates_a_page_without_meta() -> None:
    page = (
        "<html><body><article><h1>Pact signed</h1><time datetime='2020-07-01'>1 July</time>"
        "<p>Two agencies signed a pact on data standards and digital identity on Wednesday.</p>"
        "</article></body></html>"
    )
    assert html.parse(page, source="t.html").date == "2020-07-01"


def test_truncated_html_is_an_error(data: Path, write_file) -> None:
    raw = (data / "html.html").read_text("utf-8")
    cut = raw[: raw.index("</article>")]
    path = write_file("cut.html", cut)
    with pytest.raises(LoadError) as caught:
        read(path)
    assert "truncated HTML" in caught.value.message
    assert caught.value.path == str(path)
    assert caught.value.line == cut.count("\n") + 1


def test_a_page_without_main_text_is_an_error() -> None:
    with pytest.raises(LoadError, match="no main text"):
        html.parse("<html><body></body></html>", source="e.html")


def test_an_html_document_in_a_txt_file_is_read_as_html(data: Path, write_file) -> None:
    path = write_file("page.txt", (data / "html.html").read_text("utf-8"))
    assert read(path).format == "html"


def test_a_page_without_metadata_is_dated_and_signed_by_its_text() -> None:
    page = (
        "<html><body><div id='content'><h1>Singapore and Tianjin renew eco-city pact</h1>"
        "<p>SINGAPORE, 8 July 2022 - Singapore and Tianjin renewed their pact on the eco-city today, "
        "extending cooperation on smart estates and green finance for five more years.</p>"
        "<p>The renewal was signed by senior officials of both governments at a videoconference.</p>"
        "<p>MINISTRY OF NATIONAL DEVELOPMENT<br>8 JULY 2022</p></div></body></html>"
    )
    doc = html.parse(page, source="t.html")
    assert (doc.date, doc.metadata["date_basis"]) == ("2022-07-08", "dateline")
    assert doc.publisher == "Ministry of National Development"


GBK_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    "<title>重庆 and Singapore open a data corridor</title></head><body><article>"
    "<p>CHONGQING, 3 June 2021 - The Chongqing Municipal Commission of Commerce (重庆市商务委员会) "
    "and Enterprise Singapore signed an agreement on a cross-border data corridor on Thursday.</p>"
    "<p>Officials said the corridor would serve more than 200 companies in its first year.</p>"
    "</article></body></html>"
)


def test_a_page_in_the_charset_it_declares_is_read(write_file) -> None:
    """A Chinese site's page in GB2312/GBK: decoded as browsers do, every quote is in the text."""
    path = write_file("gbk.html", GBK_PAGE.encode("gbk"))
    doc = read(path)
    assert "Chongqing Municipal Commission of Commerce (重庆市商务委员会)" in doc.text
    assert doc.title.startswith("重庆 and Singapore")
    assert doc.date == "2021-06-03"
    # the sha256 is that of the bytes on disk
    import hashlib

    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_page_whose_bytes_do_not_match_its_charset_is_an_error(write_file) -> None:
    wrong = write_file("wrong.html", GBK_PAGE.replace("gb2312", "shift_jis").encode("gbk"))
    with pytest.raises(LoadError, match=r"wrong.html:\d+: not shift_jis, the charset it declares: byte 0x"):
        read(wrong)
    unknown = write_file("unknown.html", GBK_PAGE.replace("gb2312", "klingon-8").encode("gbk"))
    with pytest.raises(LoadError, match="declared charset 'klingon-8' is unknown"):
        read(unknown)
    undeclared = write_file("undeclared.html", GBK_PAGE.replace("charset=gb2312", "").encode("gbk"))
    with pytest.raises(LoadError, match="not UTF-8: byte 0x"):
        read(undeclared)


def test_the_byline_the_extractor_drops_is_kept_under_the_headline() -> None:
    paragraphs = "".join(
        f"<p>{text} The officials of both ports said more shipping lines would join the scheme in the coming year.</p>\n"
        for text in ("Xiamen and Singapore opened a link for electronic trade documents between their ports on Monday.",
                     "The link lets carriers send bills of lading and customs forms without paper copies.",
                     "Officials said the link would cut the time needed to clear a container by a day.",
                     "Firms in both cities have asked for such a link since the first trials two years ago."))
    page = ("<html><head><title>Port data link opens | Harbour Herald</title></head><body>\n"
            "<header><a href='/'>Harbour Herald</a> <nav><a href='/m'>Markets</a> | <a href='/w'>World</a></nav></header>\n"
            "<article>\n<h1>Port data link opens</h1>\n"
            "<p class='byline'>By Rosa Tan, Markets Correspondent | 9 June 2024</p>\n"
            f"{paragraphs}</article>\n<footer>By signing up you agree to our terms. Copyright Harbour Herald</footer>\n"
            "</body></html>")
    doc = html.parse(page, source="p.html")
    lines = doc.text.split("\n")
    assert lines[lines.index("By Rosa Tan, Markets Correspondent | 9 June 2024") + 1].startswith("Xiamen and")
    assert "By signing up" not in doc.text
