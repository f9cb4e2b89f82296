"""The loaders' registry: read source documents into :class:`~sgcn.loaders.document.Document` values.

One module per format, each with a pure ``parse(text, *, source)``, a thin
``read(path)``, a cheap ``sniff(text, path)``, and ``EXTENSIONS``. :data:`LOADERS`
is the one table of them; a new format is one module and one line here.

How a file's format is chosen (:func:`format_of`): the loaders that accept its
extension are tried in the order of :data:`LOADERS` and the first whose
``sniff`` says yes reads it. So ``.html``/``.htm`` is ``html``; ``.md`` is
``markdown``; a ``.txt`` (or a file without extension) is ``html`` if it opens
as an HTML document, ``markdown`` if it opens with ``---`` front matter,
``wire`` with a leading ``date YYYY-MM-DD`` header or a ``/PRNewswire/``-style
dateline, ``webpage`` with page furniture (login, subscribe, "Start a Free
Trial", repeated short lines), and otherwise ``plaintext``. Any other extension
(``.pdf``, ``.docx``, ``.png``) is a :class:`LoadError` naming the formats known.

Text is decoded as UTF-8 (a BOM is dropped) and line endings normalised to ``\\n``;
``Document.text`` is that text less what the loader dropped, and every evidence
offset indexes it.

Examples:
    >>> list(LOADERS)
    ['html', 'markdown', 'wire', 'webpage', 'plaintext']
    >>> format_of("a.txt", "---\\ntitle: x\\n---\\nBody"), format_of("b.txt", "TITLE\\n\\n1. Text.")
    ('markdown', 'plaintext')
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import stat
import traceback
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType

from sgcn.loaders import html, markdown, plaintext, webpage, wire
from sgcn.loaders.dates import impossible_dates
from sgcn.loaders.document import Document, decode
from sgcn.loaders.errors import LoadError, SgcnError
from sgcn.loaders.limits import DEFAULT_MAX_DOCUMENT_BYTES, MAX_WRITTEN_TEXT_BYTES, written_text_bytes
from sgcn.loaders.manifest import MANIFEST_NAMES, find_manifest, load_manifest, merge

__all__ = [
    "LOADERS",
    "Document",
    "FolderResult",
    "LoadError",
    "SgcnError",
    "format_of",
    "is_document_file",
    "read",
    "read_bytes",
    "read_folder",
    "skip_reason",
]

log = logging.getLogger(__name__)

#: Format name -> loader module, in the order the dispatcher sniffs them.
LOADERS: dict[str, ModuleType] = {
    "html": html,
    "markdown": markdown,
    "wire": wire,
    "webpage": webpage,
    "plaintext": plaintext,
}

#: Files in a sources folder that describe it rather than being documents.
NOT_DOCUMENTS = MANIFEST_NAMES + ("README", "SOURCES", "LICENSE", "LICENCE", "NOTICE")


def _known() -> str:
    extensions = sorted({ext for module in LOADERS.values() for ext in module.EXTENSIONS if ext})
    return f"known formats: {', '.join(LOADERS)} (files {', '.join(extensions)})"


def format_of(path: str | Path, text: str) -> str:
    """The name of the format that reads ``path`` holding ``text`` (see the module docstring).

    Raises:
        LoadError: no loader accepts the file's extension.

    Examples:
        >>> format_of("x.htm", "<p>hi</p>"), format_of("x.txt", " date 2019-08-27 CHONGQING, China -- x")
        ('html', 'wire')
        >>> format_of("report.pdf", "%PDF-1.4")
        Traceback (most recent call last):
        ...
        sgcn.loaders.errors.LoadError: report.pdf: unknown format '.pdf'; known formats: html, markdown, wire, webpage, plaintext (files .htm, .html, .markdown, .md, .text, .txt, .xhtml)
    """
    suffix = Path(path).suffix.lower()
    for name, module in LOADERS.items():
        if suffix in module.EXTENSIONS and module.sniff(text, path):
            return name
    raise LoadError(path, f"unknown format {suffix or Path(path).name!r}; {_known()}")


def read(path: str | Path, *, charset: str | None = None, max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES) -> Document:
    """Read one source file with the loader for its format.

    A date in the kept text that cannot exist ("31 February 2021", ``2021-13-05``) is
    read as no date; a warning names the file and line of each.

    Args:
        path: the file.
        charset: the charset a web server declared for it (from the manifest), if any.
        max_bytes: a larger file is refused (see :mod:`sgcn.loaders.limits`).

    Returns:
        The document; ``Document.source`` is the file name, ``sha256`` the digest of its bytes.

    Raises:
        LoadError: unknown format, not a regular file, over ``max_bytes``, empty, binary or
            non-UTF-8 file, a format error, or a kept text too long for the graph to hold.

    Examples:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "r.txt")
        ...     _ = path.write_text("For immediate release\\n\\nTITLE\\n\\n1. Text.\\n\\nMINISTRY OF HEALTH\\n2 MAY 2021\\n")
        ...     doc = read(path)
        >>> doc.format, doc.title, doc.date, doc.publisher
        ('plaintext', 'TITLE', '2021-05-02', 'Ministry of Health')
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if not any(suffix in module.EXTENSIONS for module in LOADERS.values()):
        raise LoadError(path, f"unknown format {suffix or path.name!r}; {_known()}")
    raw = read_bytes(path, max_bytes)
    text = decode(raw, path, charset=charset)
    name = format_of(path, text)
    log.debug("reading %s as %s", path, name)
    try:
        document = LOADERS[name].parse(text, source=path.name)
    except LoadError as err:
        raise LoadError(path, err.message, line=err.line, column=err.column) from err
    if (written := written_text_bytes(document.text)) > MAX_WRITTEN_TEXT_BYTES:
        raise LoadError(path, f"its kept text takes {written:,} bytes written in the graph, over the "
                              f"{MAX_WRITTEN_TEXT_BYTES:,} a literal of the graph can hold: split the document")
    _warn_impossible_dates(path, text, document.text)
    return replace(document, sha256=hashlib.sha256(raw).hexdigest())


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (a FIFO is never opened).

    Raises:
        LoadError: not a regular file, larger than ``max_bytes``, or unreadable.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(path, f"not a regular file ({_kind(info.st_mode)})")
        if info.st_size > max_bytes:
            raise LoadError(path, _too_large(info.st_size, max_bytes))
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as err:
        raise LoadError(path, f"cannot read file: {err.strerror}") from err
    if len(raw) > max_bytes:  # it grew while being read
        raise LoadError(path, _too_large(len(raw), max_bytes))
    return raw


def _too_large(size: int, max_bytes: int) -> str:
    return (f"{size:,} bytes, over the limit of {max_bytes:,} bytes a document "
            f"(sgcn build --max-document-size raises it)")


def _kind(mode: int) -> str:
    """What a file that is not a regular file is."""
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a file"


def _warn_impossible_dates(path: Path, source_text: str, kept: str) -> None:
    """Warn about each date in the kept text that cannot exist, at its line in the file."""
    cursor = 0
    for offset, expression, reason in impossible_dates(kept):
        at = source_text.find(expression, cursor)
        if at >= 0:
            cursor = at + len(expression)
            line = source_text.count("\n", 0, at) + 1
        else:
            line = kept.count("\n", 0, offset) + 1
        log.warning("%s:%d: %r is not a date (%s); ignored", path, line, expression, reason)


def is_document_file(path: str | Path) -> bool:
    """Whether a file in a sources folder is a document (not hidden, not a manifest or README).

    Examples:
        >>> is_document_file("a/000_x.txt"), is_document_file("a/README.md"), is_document_file("a/manifest.yaml")
        (True, False, False)
        >>> is_document_file("a/.DS_Store"), is_document_file("a/SOURCES.md")
        (False, False)
    """
    path = Path(path)
    return not (
        path.name.startswith(".")
        or path.name in MANIFEST_NAMES
        or path.stem.upper() in NOT_DOCUMENTS
    )


@dataclass(frozen=True)
class FolderResult:
    """The documents of a folder and the files that could not be read.

    Attributes:
        documents: the documents read, sorted by file name.
        errors: one :class:`LoadError` per file that failed (the caller decides
            whether to stop or to skip them).
        skipped: entries that are no documents and were not opened, as
            ``path: why`` (a symbolic link that loops or points nowhere, a FIFO,
            a socket, a device).
    """

    documents: tuple[Document, ...]
    errors: tuple[LoadError, ...] = ()
    skipped: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether every file was read."""
        return not self.errors


def read_folder(folder: str | Path, *, manifest: bool = True,
                max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES) -> FolderResult:
    """Read every document of ``folder`` (not its subfolders), sorted by file name.

    A symbolic link to a file is read as the file. A link that loops or points
    nowhere, a FIFO, a socket or a device is skipped with a warning and listed in
    ``skipped``: it is never opened (reading a FIFO would wait forever). A file whose
    reading fails in a way no loader foresaw is that file's error, named as such, and
    the other files are still read.

    Args:
        folder: the folder of source files.
        manifest: if the folder has a ``manifest.yaml``, fill what each document
            left empty (title, date, publisher, url...) from it; it never overrides.
        max_bytes: larger files are refused (their errors say so).

    Returns:
        A :class:`FolderResult`; files that fail are in ``errors``, not raised.

    Raises:
        LoadError: the folder does not exist, or its manifest cannot be read.

    Examples:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     _ = pathlib.Path(tmp, "b.txt").write_text("TITLE B\\n\\nText.\\n")
        ...     _ = pathlib.Path(tmp, "a.md").write_text("---\\ntitle: A\\n---\\nText.\\n")
        ...     _ = pathlib.Path(tmp, "c.pdf").write_bytes(b"%PDF-1.4\\x00")
        ...     _ = pathlib.Path(tmp, "manifest.yaml").write_text("documents:\\n  b.txt:\\n    date: 2020-03-05\\n")
        ...     result = read_folder(tmp)
        >>> [(d.source, d.title, d.date) for d in result.documents]
        [('a.md', 'A', ''), ('b.txt', 'TITLE B', '2020-03-05')]
        >>> [e.message.split(";")[0] for e in result.errors]
        ["unknown format '.pdf'"]
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise LoadError(folder, "not a folder of source documents")
    entries: dict[str, dict[str, str]] = {}
    if manifest and (manifest_path := find_manifest(folder)):
        entries = load_manifest(manifest_path)
    documents: list[Document] = []
    errors: list[LoadError] = []
    paths, skipped = document_paths(folder)
    for path in paths:
        try:
            document = read(path, charset=entries.get(path.name, {}).get("charset"), max_bytes=max_bytes)
        except LoadError as err:
            log.warning("%s", err)
            errors.append(err)
            continue
        except Exception as err:  # noqa: BLE001 - one document's failure is that document's error
            log.debug("reading %s failed:\n%s", path, traceback.format_exc())
            error = LoadError(path, f"internal error while reading it (a bug in sgcn): {type(err).__name__}: {err}")
            log.warning("%s", error)
            errors.append(error)
            continue
        if path.name in entries:
            document = merge(document, entries[path.name])
        documents.append(document)
    warn_unlisted(folder, entries, [*(d.source for d in documents), *(Path(e.path).name for e in errors)], skipped)
    return FolderResult(tuple(documents), tuple(errors), tuple(skipped))


def document_paths(folder: Path) -> tuple[list[Path], list[str]]:
    """The document files of ``folder`` in name order, and the entries skipped (``path: why``).

    Subfolders and files that are no documents are left out; a symbolic link that loops
    or points nowhere, a FIFO, a socket or a device is skipped (logged), never opened.
    """
    paths, skipped = [], []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not is_document_file(path):
            continue
        why = skip_reason(path)
        if why is None:
            continue  # a subfolder
        if why:
            log.warning("skipped %s: %s", path, why)
            skipped.append(f"{path}: {why}")
            continue
        paths.append(path)
    return paths, skipped


def warn_unlisted(folder: Path, entries: dict, names: list[str], skipped: list[str]) -> None:
    """Warn of the manifest's entries that name no file read, failed or skipped in ``folder``."""
    unused = sorted(set(entries) - set(names) - {Path(s.split(": ")[0]).name for s in skipped})
    if unused:
        log.warning("manifest lists files not in %s: %s", folder, ", ".join(unused))


def skip_reason(path: Path) -> str | None:
    """``""`` for a file to read, ``None`` for a subfolder, else why the entry is skipped."""
    try:
        info = path.stat()
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "symbolic link loop"
        if path.is_symlink():
            return f"symbolic link to {os.readlink(path)!r}, which does not exist"
        return f"cannot be read: {err.strerror}"
    if stat.S_ISDIR(info.st_mode):
        return None
    if not stat.S_ISREG(info.st_mode):
        return f"not a regular file ({_kind(info.st_mode)})"
    return ""

