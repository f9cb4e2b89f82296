"""read_folder: documents sorted by name, failures collected, the manifest only adding."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from sgcn.loaders import LoadError, read_folder


def test_a_folder_of_every_format(data: Path) -> None:
    result = read_folder(data)
    assert result.ok
    assert [d.source for d in result.documents] == sorted(p.name for p in data.iterdir() if p.is_file())
    assert {d.format for d in result.documents} == {"html", "markdown", "plaintext", "webpage", "wire"}


def test_bad_files_are_collected_not_raised(tmp_path: Path, write_file) -> None:
    write_file("b.txt", "TITLE\n\nText of b.\n")
    write_file("a.txt", b"")
    write_file("c.pdf", b"%PDF")
    write_file("README.md", "# About this folder\n")
    write_file(".hidden.txt", "Hidden.")
    (tmp_path / "sub").mkdir()
    write_file("sub/d.txt", "Not read: subfolders are not sources.")
    result = read_folder(tmp_path)
    assert [d.source for d in result.documents] == ["b.txt"]
    assert [Path(e.path).name for e in result.errors] == ["a.txt", "c.pdf"]
    assert not result.ok
    assert all(isinstance(e, LoadError) for e in result.errors)


def test_the_manifest_fills_but_never_overrides(tmp_path: Path, write_file) -> None:
    write_file("a.txt", "TITLE A\n\n1. Text.\n\nMINISTRY OF HEALTH\n2 MAY 2021\n")
    write_file("b.txt", "Text of b, with no date of its own.\n")
    write_file(
        "manifest.yaml",
        "documents:\n"
        "  a.txt: {date: 2020-01-01, title: Other, publisher: Other, url: 'https://a'}\n"
        "  b.txt: {date: 2023-09, publisher: B Agency}\n",
    )
    a, b = read_folder(tmp_path).documents
    assert (a.title, a.date, a.publisher, a.metadata["url"]) == ("TITLE A", "2021-05-02", "Ministry of Health", "https://a")
    assert a.metadata["manifest_fields"] == "url"
    assert (b.date, b.publisher) == ("2023-09", "B Agency")
    assert b.metadata["manifest_fields"] == "date publisher"


def test_the_manifest_can_be_ignored(tmp_path: Path, write_file) -> None:
    write_file("b.txt", "Text of b, with no date of its own.\n")
    write_file("manifest.yaml", "documents:\n  b.txt: {date: 2023-09}\n")
    assert read_folder(tmp_path, manifest=False).documents[0].date == ""


def test_a_manifest_digest_mismatch_is_logged(tmp_path: Path, write_file, caplog) -> None:
    write_file("b.txt", "Text of b.\n")
    write_file("manifest.yaml", "documents:\n  b.txt: {sha256: '00ff'}\n")
    with caplog.at_level(logging.WARNING, logger="sgcn.loaders"):
        doc = read_folder(tmp_path).documents[0]
    assert "sha256" not in doc.metadata
    assert "differs from the file the manifest describes" in caplog.text


@pytest.mark.parametrize(
    "manifest",
    ["documents: [a, b]\n", "other: 1\n", "documents:\n  a.txt: just text\n", "documents: {a.txt: [\n"],
)
def test_a_malformed_manifest_is_an_error(tmp_path: Path, write_file, manifest: str) -> None:
    write_file("a.txt", "Text.\n")
    write_file("manifest.yaml", manifest)
    with pytest.raises(LoadError, match="manifest"):
        read_folder(tmp_path)


def test_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="not a folder"):
        read_folder(tmp_path / "nowhere")
