"""The vendored seed corpus: intact, described by its manifest, read with its own metadata."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from sgcn.loaders import read_folder

EXPECTED = {  # file -> (format, date, publisher as the document itself states it)
    "000_451af802f011b263.txt": ("plaintext", "2020-03-05", "Ministry of Trade and Industry"),
    "001_6aadee82c92dec9c.txt": ("webpage", "2020-03-09", "Xinhua Silk Road"),
    "002_02d12c1938ddf01c.txt": ("webpage", "2023-09", ""),
    "003_28ee35ceefcfcf87.txt": ("markdown", "2022-11-25", ""),
    "004_e3036a7d3a7b676d.txt": ("wire", "2019-08-27", "The SCE Organizing Committee"),
}


def test_the_manifest_describes_every_document_and_its_bytes(sources: Path) -> None:
    manifest = yaml.safe_load((sources / "manifest.yaml").read_text("utf-8"))["documents"]
    files = sorted(p.name for p in sources.glob("*.txt"))
    assert files == sorted(manifest) == sorted(EXPECTED)
    for name, fields in manifest.items():
        assert hashlib.sha256((sources / name).read_bytes()).hexdigest() == fields["sha256"], name
        assert fields["publisher"] and fields["date"]


def test_documents_state_their_own_metadata_without_the_manifest(sources: Path) -> None:
    result = read_folder(sources, manifest=False)
    assert result.ok
    got = {d.source: (d.format, d.date, d.publisher) for d in result.documents}
    assert got == EXPECTED


def test_the_manifest_only_fills_what_documents_leave_empty(sources: Path) -> None:
    alone = {d.source: d for d in read_folder(sources, manifest=False).documents}
    merged = {d.source: d for d in read_folder(sources).documents}
    for name, doc in merged.items():
        assert doc.text == alone[name].text
        for field in ("title", "date", "publisher"):
            if getattr(alone[name], field):
                assert getattr(doc, field) == getattr(alone[name], field), (name, field)
            elif field != "title":  # the manifest gives every date and publisher, not every title
                assert getattr(doc, field), (name, field)
    assert merged["002_02d12c1938ddf01c.txt"].publisher == "Generation T (Asia news)"
    assert merged["001_6aadee82c92dec9c.txt"].metadata["url"] == "https://en.imsilkroad.com/p/311805.html"
