"""Markdown documents with YAML front matter (static-site press releases).

The front matter between the opening ``---`` and the closing ``---`` (or ``...``)
becomes metadata: ``title``, ``date``, ``publisher`` (or ``author``, ``source``,
``site``), ``permalink``, ``url`` and every other scalar field, in
``Document.metadata``. It is dropped from the kept text. The body is kept as it
stands, markdown inline marks included (``**TradeTrust**``): rewriting it would
move every offset. A body without front matter is read like a plain release.

Where the front matter is silent, the body supplies the date (a dateline such as
``SINGAPORE, 25 November 2022 -``, a date line) and the title (the first ``#``
heading or heading paragraph); the publisher from a sign-off or a letterhead.

Examples:
    >>> doc = parse("---\\ntitle: A title\\ndate: 2022-11-25\\n---\\nSome **bold** text.\\n", source="a.md")
    >>> doc.title, doc.date, doc.text
    ('A title', '2022-11-25', 'Some **bold** text.\\n')
"""

from __future__ import annotations

import datetime
import logging
import re
from pathlib import Path

from sgcn.loaders import plaintext
from sgcn.loaders.dates import date_problem, parse_date
from sgcn.loaders.document import Document, digest, parse_file
from sgcn.loaders.errors import LoadError
from sgcn.loaders.yamltext import YamlProblem, as_load_error, load_yaml

log = logging.getLogger(__name__)

FORMAT = "markdown"
EXTENSIONS = (".md", ".markdown", ".txt", ".text", "")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_PUBLISHER_KEYS = ("publisher", "author", "source", "site", "organisation", "organization")
_HEADING = re.compile(r"^#{1,3}\s+(?P<title>.+?)\s*#*\s*$", re.MULTILINE)


def sniff(text: str, path: str | Path = "") -> bool:
    """A ``.md`` file, or a text opening with ``---`` front matter of ``key: value`` lines.

    Examples:
        >>> sniff("---\\ntitle: x\\n---\\nBody"), sniff("Body", "a.md"), sniff("Body", "a.txt")
        (True, True, False)
        >>> sniff("---\\nA release between rules\\n---\\nBody", "a.txt")
        False
    """
    if Path(path).suffix.lower() in (".md", ".markdown"):
        return True
    # in a .txt, a fence counts only if it is closed and opens with a "key:" line
    match = _FRONT_MATTER.match(text)
    return bool(match and re.match(r"\s*[\w-]+\s*:", match.group("yaml") or ""))


def split_front_matter(text: str, source: str = "", *, lines: dict[str, int] | None = None
                       ) -> tuple[dict[str, object], str, str]:
    """Split a document into its front matter fields, the raw front matter and the body.

    Dates stay the text they were written as (:mod:`sgcn.loaders.yamltext`).

    Args:
        text: the document text.
        source: file name, named in errors.
        lines: if given, filled with the file's line of each field.

    Returns:
        ``(fields, front_matter, body)``; without front matter ``({}, "", text)``.

    Raises:
        LoadError: the front matter is not valid YAML (at the line of the error,
            counted in the file), is not a mapping, or is never closed.

    Examples:
        >>> split_front_matter("---\\na: 1\\ndate: 2020-02-31\\n---\\nBody")
        ({'a': 1, 'date': '2020-02-31'}, '---\\na: 1\\ndate: 2020-02-31\\n---\\n', 'Body')
        >>> split_front_matter("---\\na: [1\\n---\\nBody", "x.md")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        sgcn.loaders.errors.LoadError: x.md:3: front matter is not valid YAML: ...expected ',' or ']'...
    """
    if not text.startswith("---\n") and not text.startswith("---\r"):
        return {}, "", text
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise LoadError(source, "front matter opened with '---' on line 1 is never closed", line=1)
    raw_yaml = match.group("yaml") or ""
    try:
        fields, key_lines = load_yaml(raw_yaml)
    except YamlProblem as err:
        raise as_load_error(err, source, "front matter", first_line=2) from err  # after the opening ---
    if lines is not None:
        lines.update({path[0]: line + 1 for path, line in key_lines.items() if len(path) == 1})
    if fields is None:
        fields = {}
    if not isinstance(fields, dict):
        raise LoadError(source, f"front matter is a {type(fields).__name__}, not a mapping of fields", line=2)
    return fields, match.group(0), text[match.end() :]


def _as_text(value: object) -> str:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if value is None:
        return ""
    return " ".join(str(value).split())


def parse(text: str, *, source: str) -> Document:
    """Read a markdown document: front matter to metadata, the body kept as it is.

    Args:
        text: the decoded text.
        source: the file name.

    Raises:
        LoadError: the front matter is not valid YAML, or the body is empty.

    Examples:
        >>> doc = parse("---\\ntitle: T\\npermalink: /p/\\n---\\n# Heading\\n\\nSINGAPORE, 2 May 2021 - Text.", source="b.md")
        >>> doc.title, doc.date, doc.metadata["permalink"], doc.dropped[0][:3]
        ('T', '2021-05-02', '/p/', '---')
        >>> parse("# Launch of X\\n\\nText.", source="c.md").title
        'Launch of X'
    """
    lines: dict[str, int] = {}
    fields, front_matter, body = split_front_matter(text, source, lines=lines)
    if not body.strip():
        raise LoadError(source, "no text after the front matter" if front_matter else "empty file")
    metadata = {
        str(key): _as_text(value)
        for key, value in fields.items()
        if not isinstance(value, (list, dict)) and _as_text(value)
    }
    title = metadata.get("title", "")
    date = parse_date(metadata["date"]) if "date" in metadata else ""
    if "date" in metadata and not date:
        log.warning("%s:%s: front matter date %r ignored: %s", source, lines.get("date", 1), metadata["date"],
                    date_problem(metadata["date"]))
    if date:
        metadata["date_basis"] = "front matter"
    else:
        date, basis = plaintext.find_date(body)
        if basis:
            metadata["date_basis"] = basis
    if not title:
        heading = _HEADING.search(body)
        title = plaintext.strip_marks(heading.group("title")) if heading else plaintext.find_title(body)
    publisher = next((metadata[k] for k in _PUBLISHER_KEYS if metadata.get(k)), "")
    return Document(
        source=source,
        text=body,
        sha256=digest(text),
        format=FORMAT,
        title=title,
        date=date,
        publisher=publisher or plaintext.find_signoff(body) or plaintext.find_letterhead(body),
        metadata=metadata,
        dropped=(front_matter,) if front_matter else (),
    )


def read(path: str | Path) -> Document:
    """Read a markdown document from ``path`` (sha256 of its raw bytes).

    Examples:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "a.md")
        ...     _ = path.write_text("---\\ntitle: T\\n---\\nBody.\\n")
        ...     read(path).title
        'T'
    """
    return parse_file(path, parse)
