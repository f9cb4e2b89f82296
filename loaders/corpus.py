"""Growing a sources folder: ``sgcn add URL|FILE...``.

:func:`add` puts one document into a sources folder (``sources/`` by default) and
records it in the folder's manifest:

- a URL is fetched (:func:`sgcn.loaders.fetch.fetch`: timeouts, redirects, a size
  limit, only pages and documents sgcn reads) and stored as the bytes received, under
  ``NNN_<sha256 prefix>.html|.txt|.md``; the manifest records ``url`` (where the page
  was found, after redirects), ``requested_url`` when that differs, ``retrieved``,
  ``content_type``, ``charset`` when the server declared one, and ``sha256``;
- a file is copied byte for byte under the same kind of name, with ``added_from``
  (its original name) and ``sha256``.

Before anything is written the document is read as ``sgcn build`` will read it
(decoded in the charset the server or the page declares, its format recognised and
parsed): a document sgcn cannot read is refused with the loader's message. The same
content twice (same SHA-256 as a file already in the folder) is recognised and not
added again. The document file and the manifest are each written atomically, the
manifest last; if it cannot be written, the document file is removed again.

Examples:
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> note = folder.parent / "note.md"
    >>> _ = note.write_text("---\\ntitle: Note\\n---\\nThe Lion Forum opened in Singapore.\\n")
    >>> added = add(str(note), folder)
    >>> added.status, added.name.endswith(".md"), add(str(note), folder).status
    ('added', True, 'duplicate')
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml

from sgcn.loaders import LOADERS, format_of, is_document_file
from sgcn.loaders.document import decode, declared_charset
from sgcn.loaders.errors import LoadError, SgcnError
from sgcn.loaders.fetch import Fetched, fetch, is_url
from sgcn.loaders.manifest import find_manifest, load_manifest

log = logging.getLogger(__name__)

_EXTENSION = {"html": ".html", "text": ".txt", "markdown": ".md"}
_NUMBERED = re.compile(r"^(\d+)_")

MANIFEST_HEADER = """\
# What is known about each document of this folder from outside it (read by sgcn build;
# a field here only fills what a document leaves empty). `sgcn add` appends an entry for
# each document it adds: where it came from, when, its content type and SHA-256.
documents:
"""


@dataclass(frozen=True)
class Added:
    """What :func:`add` did with one argument.

    Attributes:
        source: the URL or file given.
        name: the file name in the sources folder (the existing one for a duplicate).
        status: ``"added"`` or ``"duplicate"``.
        fields: what the manifest records for it.
    """

    source: str
    name: str
    status: str
    fields: dict

    def line(self) -> str:
        """One line for people.

        Examples:
            >>> Added("https://x.org/a", "006_ab.html", "duplicate", {}).line()
            'https://x.org/a: already in the sources as 006_ab.html (same content); not added again'
        """
        if self.status == "duplicate":
            return f"{self.source}: already in the sources as {self.name} (same content); not added again"
        return f"{self.source}: added as {self.name}"


def digests(folder: Path) -> dict[str, str]:
    """SHA-256 -> file name of every document file in ``folder``.

    Examples:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.txt").write_bytes(b"Hello.")
        >>> list(digests(folder).values())
        ['a.txt']
    """
    found = {}
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.is_file() and is_document_file(path):
                found.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), path.name)
    return found


def next_name(folder: Path, sha256: str, extension: str) -> str:
    """``NNN_<first 16 hex digits of the SHA-256><extension>``, NNN one past the highest in ``folder``.

    Examples:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "004_e3036a7d3a7b676d.txt").write_text("x")
        >>> next_name(folder, "ab" * 32, ".html")
        '005_abababababababab.html'
    """
    numbers = [int(m.group(1)) for p in folder.iterdir() if (m := _NUMBERED.match(p.name))] if folder.is_dir() else []
    return f"{max(numbers, default=-1) + 1:03d}_{sha256[:16]}{extension}"


def check_readable(content: bytes, name: str, *, charset: str | None = None) -> str:
    """Read ``content`` as ``sgcn build`` would read a file ``name``; return its format.

    Raises:
        LoadError: it cannot be decoded, its format is not one sgcn reads, or its
            loader refuses it (an empty page, truncated HTML...).

    Examples:
        >>> check_readable(b"<html><body><p>Singapore and Chongqing met.</p></body></html>", "a.html")
        'html'
        >>> check_readable(b"%PDF-1.4 ...", "a.pdf")
        Traceback (most recent call last):
        ...
        sgcn.loaders.errors.LoadError: a.pdf: unknown format '.pdf'; known formats: html, markdown, wire, webpage, plaintext (files .htm, .html, .markdown, .md, .text, .txt, .xhtml)
    """
    suffix = Path(name).suffix.lower()
    if not any(suffix in module.EXTENSIONS for module in LOADERS.values()):
        format_of(name, "")  # raises the loaders' own "unknown format" error
    text = decode(content, name, charset=charset)
    fmt = format_of(name, text)
    LOADERS[fmt].parse(text, source=name)
    return fmt


def _kind_of_file(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".md", ".markdown"):
        return "markdown"
    return "text"


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and ``os.replace``: old or new, never half.

    Examples:
        >>> import tempfile, pathlib
        >>> write_atomic(pathlib.Path(tempfile.mkdtemp()) / "a.txt", b"x").read_bytes()
        b'x'
    """
    import os
    import tempfile

    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def _append_manifest(folder: Path, name: str, fields: dict) -> None:
    """Add an entry for ``name`` to the folder's manifest (created when missing), atomically.

    The manifest is appended to as text, so its comments stay; the result is read back
    before it replaces the old one.
    """
    path = find_manifest(folder) or folder / "manifest.yaml"
    old = path.read_text(encoding="utf-8") if path.exists() else MANIFEST_HEADER
    if not re.search(r"^documents:", old, re.MULTILINE):
        raise SgcnError(f"{path}: has no 'documents:' mapping to add {name} to")
    entry = yaml.safe_dump({name: fields}, allow_unicode=True, sort_keys=False, width=1000)
    new = old.rstrip("\n") + "\n" + "".join(f"  {line}\n" for line in entry.splitlines())
    write_atomic(path, new.encode("utf-8"))
    if load_manifest(path).get(name, {}).get("sha256") != fields["sha256"]:
        write_atomic(path, old.encode("utf-8"))
        raise SgcnError(f"{path}: the entry for {name} did not read back; manifest left as it was")


def _store(folder: Path, content: bytes, extension: str, fields: dict, source: str, charset: str | None) -> Added:
    sha256 = hashlib.sha256(content).hexdigest()
    known = digests(folder)
    if sha256 in known:
        log.info("%s: same content as %s", source, known[sha256])
        return Added(source, known[sha256], "duplicate", {})
    name = next_name(folder, sha256, extension)
    fmt = check_readable(content, name, charset=charset)
    fields = {**fields, "format": fmt, "sha256": sha256}
    folder.mkdir(parents=True, exist_ok=True)
    target = write_atomic(folder / name, content)
    try:
        _append_manifest(folder, name, fields)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return Added(source, name, "added", fields)


def add(
    source: str,
    folder: str | Path = "sources",
    *,
    progress: Callable[[int, int | None], None] | None = None,
    **fetch_options,
) -> Added:
    """Add the page at URL ``source``, or the file at path ``source``, to ``folder``.

    Args:
        source: an http(s) URL or a file path.
        folder: the sources folder (created when missing).
        progress: passed to :func:`~sgcn.loaders.fetch.fetch` for a download.
        fetch_options: ``max_bytes``, ``timeout``, ``deadline`` for :func:`~sgcn.loaders.fetch.fetch`.

    Returns:
        What was done (:class:`Added`).

    Raises:
        FetchError: the page could not be fetched within the limits, or is not a
            page or document sgcn reads.
        LoadError: the content cannot be read by sgcn's loaders (nothing written).
        SgcnError: a file that does not exist, or a manifest that cannot be updated.
    """
    folder = Path(folder)
    if is_url(source):
        page: Fetched = fetch(source, progress=progress, **fetch_options)
        fields = {"url": page.final_url}
        if page.final_url != page.url:
            fields["requested_url"] = page.url
        fields["retrieved"] = page.retrieved
        fields["content_type"] = page.content_type
        if page.charset:
            fields["charset"] = page.charset
        extension = _EXTENSION[page.kind]
        if page.kind == "text" and page.content.lstrip()[:1] == b"<" and declared_charset(page.content) is not None:
            extension = ".html"  # an HTML page served as text/plain
        try:
            return _store(folder, page.content, extension, fields, source, page.charset)
        except LoadError as err:
            raise LoadError(source, f"not a document sgcn reads: {err.message}; nothing written",
                            line=err.line) from err
    path = Path(source)
    if not path.is_file():
        raise SgcnError(f"{source}: no such file (and not an http or https URL)")
    try:
        content = path.read_bytes()
    except OSError as err:
        raise SgcnError(f"{source}: cannot read the file: {err.strerror}") from err
    suffix = path.suffix.lower()
    if not any(suffix in module.EXTENSIONS for module in LOADERS.values()):
        format_of(path, "")  # the loaders' own "unknown format" error, naming the formats known
    fields = {"added_from": path.name}
    try:
        return _store(folder, content, suffix if suffix else _EXTENSION[_kind_of_file(path)], fields, source, None)
    except LoadError as err:
        raise LoadError(source, f"not a document sgcn reads: {err.message}; nothing written", line=err.line) from err
