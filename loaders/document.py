"""The document a loader hands to extraction: the text kept and what is known about it.

A loader reads one source file, drops its boilerplate (site navigation, subscription
boxes, front matter, media contacts' phone lines are kept or dropped by the loader's
own rules) and returns a :class:`Document`. Every character offset in sgcn's evidence
refers to ``Document.text``, and that text is recorded in the graph so that a quote
can be checked against it.

Examples:
    >>> doc = Document(source="a.txt", text="Hello.", sha256="0" * 64, format="plaintext")
    >>> doc.text[0:5]
    'Hello'
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Mapping

from sgcn.loaders.errors import LoadError


@dataclass(frozen=True)
class Document:
    """One source document as a loader read it.

    Attributes:
        source: the file name (no folder), e.g. ``"000_451af802f011b263.txt"``;
            it is the ``source`` column of the competency questions.
        text: the text the loader kept; evidence offsets index into it.
        sha256: hex digest of the file's raw bytes.
        format: name of the loader that read it (a key of ``sgcn.loaders.LOADERS``).
        title: the document's title, ``""`` when it gives none.
        date: ISO 8601 date of the document, as precise as it says
            (``"2020-03-05"``, ``"2023-09"``, ``"2019"``), ``""`` when unknown.
        publisher: who published it, ``""`` when it does not say.
        metadata: other facts about the document (url, permalink, manifest fields).
        dropped: the boilerplate the loader removed, in document order.
    """

    source: str
    text: str
    sha256: str
    format: str
    title: str = ""
    date: str = ""
    publisher: str = ""
    metadata: Mapping[str, str] = field(default_factory=dict)
    dropped: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "metadata", MappingProxyType(dict(self.metadata)))

    def __reduce__(self):
        """Pickle as the fields (a mapping proxy cannot be pickled), for worker processes and caches.

        Examples:
            >>> import pickle
            >>> doc = Document(source="a.txt", text="x", sha256="0", format="plaintext", metadata={"url": "u"})
            >>> pickle.loads(pickle.dumps(doc)) == doc
            True
        """
        return (Document, (self.source, self.text, self.sha256, self.format, self.title, self.date,
                           self.publisher, dict(self.metadata), self.dropped))


# charset labels an HTML page may declare, read as browsers read them (the WHATWG
# Encoding Standard): GB2312 and GBK pages are GB18030, Latin-1 and ASCII are windows-1252
_CHARSET_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
    "big5": "big5hkscs",
}
# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag of its first 4 KB, as Python names it.

    Examples:
        >>> declared_charset(b'<html><head><meta charset="GB2312"><title>x</title>')
        'gb18030'
        >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')
        'shift_jis'
        >>> declared_charset(b"Plain text, charset=latin1 written in a sentence.") is None
        True
    """
    match = _META_CHARSET.search(raw[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    return _CHARSET_ALIASES.get(label, label)


def decode(raw: bytes, path: str | Path, *, charset: str | None = None) -> str:
    """The text of a source file's bytes, as every loader keeps it.

    The bytes are UTF-8 (a byte-order mark is dropped), or, for an HTML page that is not
    valid UTF-8, in the charset its ``<meta>`` declares (:func:`declared_charset`).
    ``charset`` is the one a web server declared for the file (``sgcn add`` records it
    in the manifest): without a byte-order mark it is used first, as browsers do.
    Line endings are normalised to ``\\n`` (CRLF and lone CR alike), so the kept text,
    and every offset into it, is the same whichever system wrote the file.

    Args:
        raw: the file's bytes.
        path: the file, named in errors.

    Raises:
        LoadError: the file is empty or only whitespace, holds NUL bytes (binary),
            or is not UTF-8 and declares no charset it is written in (the error names
            the byte offset and line).

    Examples:
        >>> decode("重庆".encode("gbk"), "d.txt", charset="GBK")
        '重庆'
        >>> decode(b"\\xef\\xbb\\xbfOne\\r\\nTwo\\r\\n", "a.txt")
        'One\\nTwo\\n'
        >>> decode(b"caf\\xe9\\n", "b.txt")
        Traceback (most recent call last):
        ...
        sgcn.loaders.errors.LoadError: b.txt:1: not UTF-8: byte 0xe9 at offset 3
        >>> decode('<meta charset="gbk"><p>重庆</p>'.encode("gbk"), "c.html")
        '<meta charset="gbk"><p>重庆</p>'
    """
    if not raw.strip():
        raise LoadError(path, "empty file" if not raw else "empty file (only whitespace)")
    if b"\x00" in raw:
        offset = raw.index(b"\x00")
        raise LoadError(path, f"binary file: NUL byte at offset {offset}", line=raw.count(b"\n", 0, offset) + 1)
    if charset and not raw.startswith(codecs.BOM_UTF8):
        text = _decode_as(raw, path, _python_charset(charset), "the charset the server declared")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            text = _decode_declared(raw, path, err)
    if not text.strip():
        raise LoadError(path, "empty file (only whitespace)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _python_charset(label: str) -> str:
    """A charset label as Python names it, read as browsers read it (GBK is GB18030)."""
    label = label.strip().strip("\"'").lower()
    return _CHARSET_ALIASES.get(label, label)


def _decode_as(raw: bytes, path: str | Path, charset: str, what: str) -> str:
    try:
        codecs.lookup(charset)
    except LookupError as err:
        raise LoadError(path, f"{what}, {charset!r}, is unknown") from err
    try:
        return raw.decode(charset)
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise LoadError(path, f"not {charset}, {what}: byte 0x{raw[err.start]:02x} at offset {err.start}",
                        line=line) from err


def _decode_declared(raw: bytes, path: str | Path, utf8_error: UnicodeDecodeError) -> str:
    """Bytes that are not UTF-8, in the charset they declare; else the UTF-8 error, located."""
    charset = declared_charset(raw)
    if charset is None:
        line = raw.count(b"\n", 0, utf8_error.start) + 1
        raise LoadError(path, f"not UTF-8: byte 0x{raw[utf8_error.start]:02x} at offset {utf8_error.start}",
                        line=line) from utf8_error
    try:
        codecs.lookup(charset)
    except LookupError as err:
        raise LoadError(path, f"not UTF-8, and its declared charset {charset!r} is unknown") from err
    try:
        return raw.decode(charset)
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise LoadError(path, f"not {charset}, the charset it declares: byte 0x{raw[err.start]:02x} "
                              f"at offset {err.start}", line=line) from err


def read_source(path: str | Path) -> tuple[str, str]:
    """The decoded text of a file and the sha256 of its raw bytes.

    Args:
        path: the file to read.

    Raises:
        LoadError: the file cannot be read or decoded (see :func:`decode`).

    Examples:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "a.txt")
        ...     _ = path.write_bytes(b"Hello.\\n")
        ...     text, sha = read_source(path)
        >>> text, sha[:12]
        ('Hello.\\n', 'a2c064616af4')
    """
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        raise LoadError(path, f"cannot read file: {err.strerror}") from err
    return decode(raw, path), hashlib.sha256(raw).hexdigest()


def parse_file(path: str | Path, parse: Callable[..., Document]) -> Document:
    """Read ``path`` and hand its text to a loader's ``parse``: what every ``read`` does.

    The document's ``sha256`` is that of the file's raw bytes, and an error ``parse``
    raises names the file's path rather than its bare name.

    Examples:
        >>> import tempfile, pathlib
        >>> def parse(text, *, source):
        ...     return Document(source=source, text=text.strip(), sha256="", format="demo")
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "a.txt")
        ...     _ = path.write_bytes(b"Hello.\\n")
        ...     doc = parse_file(path, parse)
        >>> doc.source, doc.text, doc.sha256[:12]
        ('a.txt', 'Hello.', 'a2c064616af4')
    """
    text, sha = read_source(path)
    try:
        document = parse(text, source=Path(path).name)
    except LoadError as err:
        raise LoadError(path, err.message, line=err.line, column=err.column) from err
    return replace(document, sha256=sha)


class _InvisibleTable(dict):
    """``str.translate``'s table dropping format characters (Unicode category Cf:
    zero-width space and joiners, marks of direction, the BOM, the soft hyphen...):
    invisible, so no part of a name. Filled as characters are met: listing the
    category up front walks all 1.1 million code points, 0.12 s at every import of
    this module (``sgcn viz`` and every command that mints an IRI)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.category(chr(code)) == "Cf" else code
        self[code] = kept
        return kept


_INVISIBLE = _InvisibleTable()


def without_invisible(text: str) -> str:
    """``text`` without its invisible format characters, for names compared or turned into IRIs.

    The kept text keeps them (offsets and quotes stay exact); a name read with a
    zero-width space or a right-to-left mark inside is the same name without it.

    Examples:
        >>> without_invisible("Li\u200bBo \u200fLuke\u200d Goh\u200f\ufeff")
        'LiBo Luke Goh'
    """
    return text.translate(_INVISIBLE)


def digest(text: str) -> str:
    """The sha256 of ``text`` in UTF-8, the digest ``parse`` gives a document it was handed as text.

    Examples:
        >>> digest("")[:16]
        'e3b0c44298fc1c14'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
