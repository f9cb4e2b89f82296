"""A folder's manifest: what is known about its documents from outside them.

``manifest.yaml`` (as in ``sources/``) maps file names to their origin::

    documents:
      000_451af802f011b263.txt:
        publisher: Ministry of Trade and Industry, Singapore
        date: 2020-03-05
        title: ...
        url: https://...

A manifest only ADDS: :func:`merge` fills the title, date and publisher a
document left empty and adds metadata keys it lacks; what the document states
itself is never overridden. A ``sha256`` field is checked against the document's
digest (a mismatch is logged) and not copied. (A date the loader only inferred, the month of the lead
paragraph's first date, ``date_basis: lead paragraph``, is not stated: a manifest
date replaces it.) ``metadata["manifest_fields"]`` lists what it filled.

Examples:
    >>> from sgcn.loaders.document import Document
    >>> doc = Document(source="a.txt", text="x", sha256="0", format="plaintext", date="2020-03-05")
    >>> merged = merge(doc, {"date": "2021-01-01", "publisher": "MTI", "url": "https://x"})
    >>> merged.date, merged.publisher, merged.metadata["url"], merged.metadata["manifest_fields"]
    ('2020-03-05', 'MTI', 'https://x', 'publisher url')
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import replace
from pathlib import Path
from typing import Mapping

from sgcn.loaders.dates import date_problem, parse_date
from sgcn.loaders.document import Document, read_source
from sgcn.loaders.errors import LoadError
from sgcn.loaders.yamltext import YamlProblem, as_load_error, load_yaml

log = logging.getLogger(__name__)

MANIFEST_NAMES = ("manifest.yaml", "manifest.yml")
_DOCUMENT_FIELDS = ("title", "date", "publisher")
# date bases that are a loader's inference rather than a date the document states
_INFERRED = ("lead paragraph",)


def _text(value: object) -> str:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (list, dict, set, tuple)):
        return ""  # only scalars are fields; a container is never expanded into text
    return "" if value is None else " ".join(str(value).split())


def find_manifest(folder: str | Path) -> Path | None:
    """The manifest file of ``folder``, if it has one.

    Examples:
        >>> find_manifest("/nonexistent") is None
        True
    """
    for name in MANIFEST_NAMES:
        if (path := Path(folder, name)).is_file():
            return path
    return None


def load_manifest(path: str | Path) -> dict[str, dict[str, str]]:
    """Read a manifest: file name -> field -> text (dates as ISO 8601).

    A date that cannot exist (``2020-02-31``, month 13, year 0) is left out with a
    warning naming the manifest's line; a field whose value is a list or a mapping is
    left out too.

    Raises:
        LoadError: the file is not valid YAML or not shaped ``documents: {name: {field: value}}``.

    Examples:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "manifest.yaml")
        ...     _ = path.write_text("documents:\\n  a.txt:\\n    date: 2020-03-05\\n    publisher: MTI\\n")
        ...     load_manifest(path)
        {'a.txt': {'date': '2020-03-05', 'publisher': 'MTI'}}
    """
    text, _ = read_source(path)
    try:
        data, lines = load_yaml(text)
    except YamlProblem as err:
        raise as_load_error(err, str(path), "manifest") from err
    documents = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(documents, dict):
        raise LoadError(path, "manifest has no 'documents' mapping of file names to fields")
    result: dict[str, dict[str, str]] = {}
    for name, fields in documents.items():
        if not isinstance(fields, dict):
            raise LoadError(path, f"manifest entry {name!r} is not a mapping of fields")
        entry = {str(k): _text(v) for k, v in fields.items() if _text(v)}
        if (date := entry.get("date")) and not parse_date(date):
            line = lines.get(("documents", str(name), "date"))
            log.warning("%s:%s: date %r of %s ignored: %s", path, line, date, name, date_problem(date))
            del entry["date"]
        result[str(name)] = entry
    return result


def merge(document: Document, fields: Mapping[str, str]) -> Document:
    """``document`` with the manifest's ``fields`` filling what it left empty.

    Args:
        document: as its loader read it.
        fields: the manifest entry for its file.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> doc = Document(source="a.txt", text="x", sha256="0", format="plaintext", metadata={"url": "u"})
        >>> merge(doc, {"url": "v", "date": "2023-09"}).metadata["url"], merge(doc, {"date": "2023-09"}).date
        ('u', '2023-09')
    """
    filled: list[str] = []
    changes: dict[str, str] = {}
    for name in _DOCUMENT_FIELDS:
        value = fields.get(name, "")
        if name == "date":
            value = parse_date(value) if value else ""
        inferred = name == "date" and document.metadata.get("date_basis") in _INFERRED
        if value and (not getattr(document, name) or inferred) and value != getattr(document, name):
            changes[name] = value
            filled.append(name)
    metadata = dict(document.metadata)
    if fields.get("sha256") and fields["sha256"] != document.sha256:
        log.warning("%s differs from the file the manifest describes (sha256 %s)", document.source, fields["sha256"])
    for key, value in fields.items():
        if key not in _DOCUMENT_FIELDS and key != "sha256" and value and key not in metadata:
            metadata[key] = value
            filled.append(key)
    if not filled:
        return document
    metadata["manifest_fields"] = " ".join(filled)
    if "date" in changes:
        metadata["date_basis"] = "manifest"
    return replace(document, metadata=metadata, **changes)
