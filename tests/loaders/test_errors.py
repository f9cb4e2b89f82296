"""Every way a file can fail to load gives a LoadError saying where and why."""

from __future__ import annotations

import pytest

from sgcn.loaders import LOADERS, LoadError, SgcnError, read


def test_load_error_prints_path_and_line() -> None:
    err = LoadError("sources/a.md", "front matter is not valid YAML", line=4)
    assert str(err) == "sources/a.md:4: front matter is not valid YAML"
    assert str(LoadError("a.txt", "empty file")) == "a.txt: empty file"
    assert isinstance(err, SgcnError)


@pytest.mark.parametrize("name", ["report.pdf", "minutes.docx", "photo.png", "data.csv"])
def test_unknown_formats_name_the_file_and_the_formats_known(name: str, write_file) -> None:
    path = write_file(name, b"%PDF-1.4 binary\x00data")
    with pytest.raises(LoadError) as caught:
        read(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: unknown format")
    assert all(format_name in message for format_name in LOADERS)


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", "\ufeff".encode("utf-8")])
def test_an_empty_file(content: bytes, write_file) -> None:
    with pytest.raises(LoadError, match="empty file"):
        read(write_file("empty.txt", content))


def test_a_binary_file_names_the_nul_byte(write_file) -> None:
    path = write_file("blob.txt", b"line one\nline two\x00\x01\x02")
    with pytest.raises(LoadError) as caught:
        read(path)
    assert caught.value.message == "binary file: NUL byte at offset 17"
    assert caught.value.line == 2


def test_text_that_is_not_utf8_names_the_byte_and_line(write_file) -> None:
    path = write_file("latin1.txt", "Title\n\nCaf\u00e9 talks in Xiamen.\n".encode("latin-1"))
    with pytest.raises(LoadError) as caught:
        read(path)
    assert caught.value.message == "not UTF-8: byte 0xe9 at offset 10"
    assert caught.value.line == 3
    assert str(caught.value) == f"{path}:3: not UTF-8: byte 0xe9 at offset 10"


def test_a_missing_file(tmp_path) -> None:
    with pytest.raises(LoadError, match="cannot read file"):
        read(tmp_path / "gone.txt")


def test_a_bom_is_fine(write_file) -> None:
    doc = read(write_file("bom.txt", b"\xef\xbb\xbfTITLE\n\nText.\n"))
    assert doc.text.startswith("TITLE")
    assert doc.title == "TITLE"


def test_bad_front_matter_and_truncated_html_carry_the_full_path(write_file) -> None:
    md = write_file("bad.md", "---\ntitle: [unclosed\n---\nBody\n")
    with pytest.raises(LoadError) as caught:
        read(md)
    assert caught.value.path == str(md) and caught.value.line == 3
    page = write_file("cut.html", "<html><body><p>Started but never")
    with pytest.raises(LoadError) as caught:
        read(page)
    assert caught.value.path == str(page) and "truncated HTML" in caught.value.message
