"""On-disk Oxigraph stores of large graph files, so a graph is parsed once, not per query.

Loading a graph file into Oxigraph's in-memory store costs about 5.6 µs a triple
(1M triples: over five seconds), and ``sgcn query`` runs one query per process. So
for a graph file of :data:`MIN_BYTES` or more, sgcn keeps an on-disk Oxigraph store
(RocksDB) of it in a cache folder, keyed by the SHA-256 of the file's bytes; a later
``sgcn query`` on the same bytes opens that store read-only in milliseconds.

The first query on a file does not wait for the store: it loads the file into memory
as it would without a cache (building the on-disk store costs half as much again in
time and twice the memory), answers, and then starts one builder process in the
background (:func:`start_builds`, at low priority) that makes the store. The
builder writes into a folder of its own, checks that the file did not change while
it read it, and renames the finished store into place (:func:`build`), so a store
under its final name is always complete; a store is only opened once its
``sgcn-store.json`` (written last, before the rename) says so. A lock file per graph
keeps a second builder from starting; readers never lock (several processes may
open one store read-only at once).

Where: ``$SGCN_CACHE_DIR`` if set (``off`` or the empty string turns the cache off),
else ``$XDG_CACHE_HOME/sgcn``, else ``~/.cache/sgcn``; below it a folder per
pyoxigraph version (a store is only read by the version that wrote it). Files of
``$SGCN_CACHE_MIN_BYTES`` or more are cached when that is set::

    oxigraph-0.5/stores/<sha256>/       finished stores, each with sgcn-store.json
    oxigraph-0.5/building/<sha256>-...  stores being made (never opened)
    oxigraph-0.5/locks/<sha256>.lock    one builder at a time per graph
    oxigraph-0.5/stamps/<key>.json      a file's size, times and inode -> its SHA-256

The stamps spare hashing a large file on every query (130 MB: about 0.3 s): while a
file's size, modification and change times, inode and device are what they were
when it was hashed, its hash is taken from the stamp. A file changed within the last
:data:`RACY_SECONDS` is always hashed again (a change within one tick of the clock
need not move its times). A changed file has another hash, so it is never answered
from the old store; the :data:`KEEP` stores used last are kept, older ones removed.

Examples:
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     os.environ["SGCN_CACHE_DIR"] = tmp
    ...     graph = Path(tmp, "g.nt")
    ...     _ = graph.write_text('<https://x/a> <https://x/p> "b" .\\n')
    ...     found = lookup(graph, min_bytes=0)   # no store yet: a build is requested
    ...     requested = [p.name for p in pending()]
    ...     _ = _pending.clear(); del os.environ["SGCN_CACHE_DIR"]
    >>> found, requested
    (None, ['g.nt'])
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from dataclasses import astuple, dataclass
from pathlib import Path

import pyoxigraph as ox

log = logging.getLogger(__name__)

#: Graph files smaller than this are loaded into memory every time: loading them costs
#: less than opening a store and answering from disk (benchmarks/bench_fast.py).
MIN_BYTES = 4_000_000
#: How many stores are kept (those used last).
KEEP = 4
#: A file changed less than this many seconds ago is hashed again on every use.
RACY_SECONDS = 2.0
#: The file in a finished store that says it is finished.
MARKER = "sgcn-store.json"

# Oxigraph's RDF formats by file suffix (the formats the stores read)
FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".n3": ox.RdfFormat.N3,
}

_pending: dict[str, Path] = {}


def root() -> Path | None:
    """The cache folder of this pyoxigraph version, or ``None`` when the cache is off.

    Examples:
        >>> import os
        >>> os.environ["SGCN_CACHE_DIR"] = "off"; root() is None
        True
        >>> os.environ["SGCN_CACHE_DIR"] = "/tmp/c"; str(root()).startswith("/tmp/c/oxigraph-")
        True
        >>> del os.environ["SGCN_CACHE_DIR"]
    """
    configured = os.environ.get("SGCN_CACHE_DIR")
    if configured is not None:
        if configured.strip().lower() in ("", "off", "0", "no", "false"):
            return None
        base = Path(configured)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = Path(xdg) / "sgcn" if xdg else Path.home() / ".cache" / "sgcn"
    version = ".".join(ox.__version__.split(".")[:2])
    return base / f"oxigraph-{version}"


@dataclass(frozen=True)
class Stamp:
    """What ``os.stat`` says of a file, enough to tell that it was not rewritten."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int

    @classmethod
    def of(cls, path: Path) -> "Stamp":
        st = path.stat()
        return cls(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)

    def racy(self, now: float | None = None) -> bool:
        """Whether the file changed so recently that a change within the same clock
        tick could leave these times as they are."""
        newest = max(self.mtime_ns, self.ctime_ns) / 1e9
        return (time.time() if now is None else now) - newest < RACY_SECONDS


def digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    import hashlib  # imported where used, as below: a query on a small graph hashes nothing

    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _stamp_file(base: Path, path: Path) -> Path:
    import hashlib

    key = hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return base / "stamps" / f"{key}.json"


def _known_digest(base: Path, path: Path, stamp: Stamp) -> str | None:
    """The hash the stamp file records for ``path``, if the file is as it was then."""
    try:
        recorded = json.loads(_stamp_file(base, path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if recorded.get("stamp") != list(astuple(stamp)) or stamp.racy():
        return None
    return recorded.get("sha256")


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _remember(base: Path, path: Path, stamp: Stamp, sha256: str) -> None:
    if stamp.racy():
        return
    try:
        _write_atomic(_stamp_file(base, path),
                      json.dumps({"path": str(path.resolve()), "stamp": list(astuple(stamp)),
                                  "sha256": sha256}))
    except OSError as err:  # a read-only cache folder: hash again next time
        log.debug("cannot write the stamp of %s: %s", path, err)


def content_digest(path: Path) -> str:
    """The SHA-256 of ``path``, from its stamp when the file is unchanged, else computed
    (and stamped for next time)."""
    base = root()
    stamp = Stamp.of(path)
    if base is not None:
        known = _known_digest(base, path, stamp)
        if known:
            return known
    sha256 = digest(path)
    if base is not None and Stamp.of(path) == stamp:
        _remember(base, path, stamp, sha256)
    return sha256


def threshold() -> int:
    """The size from which graph files are cached: ``$SGCN_CACHE_MIN_BYTES`` if set, else
    :data:`MIN_BYTES`."""
    configured = os.environ.get("SGCN_CACHE_MIN_BYTES", "").strip()
    return int(configured) if configured.isdigit() else MIN_BYTES


def cacheable(path: Path, *, min_bytes: int | None = None) -> bool:
    """Whether ``path`` is a graph file the cache takes: the cache is on, the format is
    one Oxigraph reads, and the file holds at least ``min_bytes`` (:func:`threshold`)."""
    limit = threshold() if min_bytes is None else min_bytes
    try:
        return root() is not None and path.suffix.lower() in FORMATS and path.stat().st_size >= limit
    except OSError:
        return False


def lookup(path: str | Path, *, min_bytes: int | None = None) -> Path | None:
    """The finished store of ``path``'s bytes, or ``None`` (then a build is requested:
    :func:`start_builds` starts it).

    Files under ``min_bytes`` (default :func:`threshold`) are not cached: ``None``,
    and nothing is requested.
    """
    path = Path(path)
    if not cacheable(path, min_bytes=min_bytes):
        return None
    base = root()
    sha256 = content_digest(path)
    store = base / "stores" / sha256
    if (store / MARKER).is_file():
        return store
    _pending[str(path.resolve())] = path
    return None


def open_store(store: Path) -> ox.Store:
    """A finished store, opened read-only (it never changes; any number of readers)."""
    try:
        os.utime(store / MARKER)  # the stores used last are the ones kept
    except OSError:
        pass
    return ox.Store.read_only(str(store))


def count_of(store: Path) -> int:
    """How many triples a finished store holds (as its builder counted them)."""
    return int(json.loads((store / MARKER).read_text(encoding="utf-8"))["triples"])


def pending() -> list[Path]:
    """The graph files a lookup found no store for, in this process."""
    return list(_pending.values())


def start_builds() -> list:
    """Start one background builder (``python -m sgcn.graph.sparql.cache FILE``) for each
    graph this process found no store for; they outlive the process.

    A builder that finds another already building the same graph leaves at once.
    """
    if not _pending:
        return []
    import subprocess  # imported here, as shutil below: a query that opens a store needs neither

    started = []
    while _pending:
        _, path = _pending.popitem()
        command = [sys.executable, "-m", "sgcn.graph.sparql.cache", str(path)]
        try:
            started.append(subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL, start_new_session=True,
                                            env={**os.environ, "SGCN_CACHE_DIR": str(root().parent)}))
            log.debug("building an on-disk store of %s in the background", path)
        except OSError as err:
            log.debug("cannot start the store builder for %s: %s", path, err)
    return started


def build(path: str | Path) -> Path | None:
    """Make the on-disk store of ``path`` (what the background builder runs).

    Returns the finished store, or ``None`` when another builder holds the lock, the
    cache is off, or the file changed while it was read (nothing is kept then).
    """
    import fcntl
    import shutil

    path = Path(path)
    base = root()
    if base is None or path.suffix.lower() not in FORMATS:
        return None
    for folder in ("stores", "building", "locks"):
        (base / folder).mkdir(parents=True, exist_ok=True)
    stamp = Stamp.of(path)
    while stamp.racy():  # let a file being written settle before it is read
        time.sleep(RACY_SECONDS)
        stamp = Stamp.of(path)
    sha256 = digest(path)
    final = base / "stores" / sha256
    with open(base / "locks" / f"{sha256}.lock", "a+b") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.debug("another process is building the store of %s", path)
            return None
        if (final / MARKER).is_file():
            _remember(base, path, stamp, sha256)
            return final
        _clear_leftovers(base, sha256)
        work = base / "building" / f"{sha256}-{os.getpid()}-{time.time_ns()}"
        started = time.perf_counter()
        try:
            store = ox.Store(str(work))
            store.bulk_load(path=str(path), format=FORMATS[path.suffix.lower()])
            store.flush()
            store.optimize()  # compacted: queries on it take about a fifth less time
            triples = len(store)
            del store  # closes the database
            if Stamp.of(path) != stamp or digest(path) != sha256:
                log.info("%s changed while its store was being built; not kept", path)
                shutil.rmtree(work, ignore_errors=True)
                return None
            _write_atomic(work / MARKER, json.dumps({
                "sha256": sha256, "triples": triples, "source": str(path.resolve()),
                "pyoxigraph": ox.__version__, "seconds": round(time.perf_counter() - started, 2)}))
            _sync_tree(work)
            if final.exists():  # not finished (we hold the lock): put there by hand, or damaged
                trash = base / "building" / f"damaged-{sha256}-{os.getpid()}-{time.time_ns()}"
                os.rename(final, trash)
                shutil.rmtree(trash, ignore_errors=True)
            os.rename(work, final)
            _sync_tree(final.parent)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        _remember(base, path, stamp, sha256)
        _evict(base, keep=final)
        log.info("built the on-disk store of %s (%d triples) in %.1f s", path, triples,
                 time.perf_counter() - started)
        return final


def _sync_tree(folder: Path) -> None:
    """fsync every file of ``folder`` and the folder itself, so a rename publishes data on disk."""
    for item in folder.iterdir() if folder.is_dir() else ():
        if item.is_file():
            with open(item, "rb") as handle:
                os.fsync(handle.fileno())
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _clear_leftovers(base: Path, sha256: str) -> None:
    """Remove the building folders of this graph that a killed builder left (we hold its lock)."""
    import shutil

    for leftover in (base / "building").glob(f"{sha256}-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _evict(base: Path, *, keep: Path) -> None:
    """Remove all but the :data:`KEEP` stores used last (never ``keep``, never one used
    in the last ten minutes: a reader may still have it open)."""
    import shutil

    finished = []
    for store in (base / "stores").iterdir():
        try:
            finished.append(((store / MARKER).stat().st_mtime, store))
        except OSError:
            continue
    finished.sort(reverse=True)
    for used, store in finished[KEEP:]:
        if store != keep and time.time() - used > 600:
            trash = base / "building" / f"evicted-{store.name}-{os.getpid()}"
            try:
                os.rename(store, trash)
            except OSError:
                continue
            shutil.rmtree(trash, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """``python -m sgcn.graph.sparql.cache FILE...``: build the stores of graph files."""
    args = sys.argv[1:] if argv is None else argv
    try:
        os.nice(10)
    except OSError:
        pass
    logging.basicConfig(level=logging.INFO, format="sgcn cache: %(message)s")
    for name in args:
        try:
            build(name)
        except (OSError, SyntaxError, ValueError) as err:
            log.error("%s: cannot build its store: %s", name, err)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
