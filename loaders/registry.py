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

import hashlib
import logging
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType

from sgcn.loaders import html, markdown, plaintext, webpage, wire
from sgcn.loaders.document import Document, decode
from sgcn.loaders.errors import LoadError, SgcnError
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
    "read_folder",
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


def read(path: str | Path, *, charset: str | None = None) -> Document:
    """Read one source file with the loader for its format.

    Args:
        path: the file.
        charset: the charset a web server declared for it (from the manifest), if any.

    Returns:
        The document; ``Document.source`` is the file name, ``sha256`` the digest of its bytes.

    Raises:
        LoadError: unknown format, empty, binary or non-UTF-8 file, or a format error.

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
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise LoadError(path, f"cannot read file: {err.strerror}") from err
    text = decode(raw, path, charset=charset)
    name = format_of(path, text)
    log.debug("reading %s as %s", path, name)
    try:
        document = LOADERS[name].parse(text, source=path.name)
    except LoadError as err:
        raise LoadError(path, err.message, line=err.line, column=err.column) from err
    return replace(document, sha256=hashlib.sha256(raw).hexdigest())


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
    """

    documents: tuple[Document, ...]
    errors: tuple[LoadError, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether every file was read."""
        return not self.errors


def read_folder(folder: str | Path, *, manifest: bool = True) -> FolderResult:
    """Read every document of ``folder`` (not its subfolders), sorted by file name.

    Args:
        folder: the folder of source files.
        manifest: if the folder has a ``manifest.yaml``, fill what each document
            left empty (title, date, publisher, url...) from it; it never overrides.

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
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.is_file() or not is_document_file(path):
            continue
        try:
            document = read(path, charset=entries.get(path.name, {}).get("charset"))
        except LoadError as err:
            log.warning("%s", err)
            errors.append(err)
            continue
        if path.name in entries:
            document = merge(document, entries[path.name])
        documents.append(document)
    unused = sorted(set(entries) - {d.source for d in documents} - {Path(e.path).name for e in errors})
    if unused:
        log.warning("manifest lists files not in %s: %s", folder, ", ".join(unused))
    return FolderResult(tuple(documents), tuple(errors))

