"""Every entry of LOADERS, driven from the table: interface, dispatch, round trip on its own sample."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from sgcn.loaders import LOADERS, Document, format_of, read
from sgcn.loaders.document import decode

DATA = Path(__file__).parent.parent / "data" / "loaders"


def sample_of(name: str) -> Path:
    """The hand-written sample of a format: ``tests/data/loaders/<format>.*``."""
    found = sorted(DATA.glob(f"{name}.*"))
    assert len(found) == 1, f"expected one sample for format {name!r}, found {found}"
    return found[0]


def test_the_table_is_not_empty() -> None:
    assert len(LOADERS) >= 5


@pytest.mark.parametrize("name", list(LOADERS))
def test_each_loader_has_the_interface(name: str) -> None:
    module = LOADERS[name]
    assert module.FORMAT == name
    assert module.EXTENSIONS and all(ext == "" or ext.startswith(".") for ext in module.EXTENSIONS)
    for function in ("parse", "read", "sniff"):
        assert callable(getattr(module, function)), function
        assert getattr(module, function).__doc__, f"{name}.{function} has no docstring"


@pytest.mark.parametrize("name", list(LOADERS))
def test_each_sample_is_dispatched_to_its_loader(name: str) -> None:
    path = sample_of(name)
    assert format_of(path, decode(path.read_bytes(), path)) == name
    assert read(path).format == name


@pytest.mark.parametrize("name", list(LOADERS))
def test_each_loader_round_trips_its_sample(name: str) -> None:
    path = sample_of(name)
    raw = path.read_bytes()
    doc = LOADERS[name].read(path)
    assert isinstance(doc, Document)
    assert doc.source == path.name
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.text.strip() and doc.date
    # parse is pure: the same text gives the same document, the digest aside
    parsed = LOADERS[name].parse(decode(raw, path), source=path.name)
    assert replace(parsed, sha256=doc.sha256) == doc
    # the dispatcher gives what the loader gives
    assert read(path) == doc


@pytest.mark.parametrize("name", list(LOADERS))
def test_each_loader_reads_crlf_and_bom_like_lf(name: str, write_file) -> None:
    path = sample_of(name)
    text = path.read_text("utf-8")
    crlf = write_file("crlf" + path.suffix, b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    lf = LOADERS[name].read(path)
    other = LOADERS[name].read(crlf)
    assert (other.text, other.title, other.date, other.publisher) == (lf.text, lf.title, lf.date, lf.publisher)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.md", "No front matter here.", "markdown"),
        ("a.markdown", "Body", "markdown"),
        ("a.htm", "<p>x</p></html>", "html"),
        ("a.HTML", "<p>x</p></html>", "html"),
        ("a.txt", "<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("a.txt", "---\ntitle: T\n---\nBody", "markdown"),
        ("a.txt", "date 2019-08-27 CHONGQING, China -- Text", "wire"),
        ("a.txt", "PARIS, May 2, 2021 /PRNewswire/ -- Text", "wire"),
        ("a.txt", "Headline\n\nA story of some length, told in a sentence.\n\nSign up for our newsletter\n", "webpage"),
        ("a.txt", "PRESS RELEASE\n\nTITLE\n\n1. Text.", "plaintext"),
        ("README", "A file without an extension.", "plaintext"),
    ],
)
def test_dispatch_by_extension_then_content(name: str, text: str, expected: str) -> None:
    assert format_of(name, text) == expected


def test_an_e_mail_digest_is_read_whole_as_plain_text(tmp_path) -> None:
    """A members' newsletter sent by e-mail, its sections between rules of dashes and an
    "Unsubscribe" line at its foot, is no scraped page: every section is kept, its date is
    the message's and its title the subject."""
    message = (
        "From: Harbour Club <digest@harbourclub.example>\n"
        "Subject: Monthly Digest | May 2029 | Xiamen fair, port data\n"
        "Date: 31 May 2029\n\n"
        "Hello members,\n\n"
        "--------------------------------\n"
        "XIAMEN: A BUSY WEEK AT THE FAIR\n"
        "--------------------------------\n\n"
        "The third Harbour Data Fair closed in Xiamen on Friday after three days, with 40 agreements signed.\n\n"
        "--------------------------------\n"
        "PORTS: A NEW DATA LINK\n"
        "--------------------------------\n\n"
        "The Xiamen Port Authority and PSA Singapore agreed to share container data from July.\n\n"
        "You receive this digest as a member of the Harbour Club. Unsubscribe | Update preferences\n")
    path = tmp_path / "digest.txt"
    path.write_text(message, encoding="utf-8")
    doc = read(path)
    assert (doc.format, doc.date, doc.title) == ("plaintext", "2029-05-31",
                                                 "Monthly Digest | May 2029 | Xiamen fair, port data")
    assert "Harbour Data Fair closed" in doc.text and "share container data" in doc.text
