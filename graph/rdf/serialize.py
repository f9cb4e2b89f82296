"""Write a graph as deterministic Turtle, atomically.

The same graph always gives the same bytes (rdflib's ``longturtle`` serializer sorts
subjects and predicates and was seen stable across ``PYTHONHASHSEED`` values), so the
committed ``graph/sgcn.ttl`` can be compared with a fresh build byte for byte. The
file is written to a temporary file in the target folder, flushed to disk and moved
into place with ``os.replace``: a reader never sees half a graph, and a failed write
leaves the old file as it was.

Examples:
    >>> from rdflib import Graph, Literal, URIRef
    >>> g = Graph().add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal(1)))
    >>> to_turtle(g) == to_turtle(g)
    True
"""

from __future__ import annotations

import logging
import os
import stat
import tempfile
from pathlib import Path

from rdflib import Graph

log = logging.getLogger(__name__)


def to_turtle(graph: Graph) -> bytes:
    """The graph as deterministic Turtle (``longturtle``), UTF-8 encoded.

    Examples:
        >>> from rdflib import Graph
        >>> to_turtle(Graph()).strip()
        b''
    """
    text = graph.serialize(format="longturtle")
    return text.encode("utf-8") if isinstance(text, str) else text


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` so the file is either the old one or the new one, never partial.

    The parent folder is created when missing. On any failure the temporary file is
    removed and the error propagates; the old file stays byte-identical. The file gets
    the permissions a plain ``open(path, "w")`` would give it: those of the file it
    replaces, else ``0o666`` less the user's umask (the temporary file is made ``0o600``,
    which would leave a page or graph published from a shared folder unreadable to others).

    Examples:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> write_atomic(folder / "g.ttl", b"data").read_bytes()
        b'data'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return path
    try:
        os.fsync(dir_fd)
    except OSError:
        log.debug("could not fsync folder %s", path.parent)
    finally:
        os.close(dir_fd)
    return path


def _mode_for(path: Path) -> int:
    """The permission bits a file written at ``path`` should have (see :func:`write_atomic`)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0o022)  # reading the umask means setting it; it is put back at once
        os.umask(umask)
        return 0o666 & ~umask


def write_turtle(graph: Graph, path: str | Path) -> Path:
    """Serialize ``graph`` with :func:`to_turtle` and write it with :func:`write_atomic`.

    Examples:
        >>> import tempfile, pathlib
        >>> from rdflib import Graph, Literal, URIRef
        >>> g = Graph().add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x")))
        >>> path = write_turtle(g, pathlib.Path(tempfile.mkdtemp()) / "g.ttl")
        >>> len(Graph().parse(path))
        1
    """
    return write_atomic(path, to_turtle(graph))
