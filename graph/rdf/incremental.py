"""Incremental, parallel builds: only what changed is extracted, stated and validated again.

``sgcn build`` runs through :func:`build_incremental`. A build is four passes, and every
per-document result is kept in a cache folder (:func:`default_cache_dir`, ``~/.cache/sgcn``)
under a key made of everything it depends on:

1. **Extract** each document (``sgcn.loaders.extract.extract``) in worker processes, one
   per core. Key: the file's SHA-256, its name and manifest entry, and
   :func:`reader_version` (every file of ``loaders/``) for reading it; then the digest of
   the document read and :func:`rules_version` (every file of ``loaders/extract/``, and
   the trained pipeline's name and version) for extracting it. Editing a rule file
   re-extracts every document; editing a loader re-extracts only the documents it reads
   differently. The main process keeps each document's entities, nothing else.
2. **Merge** the entities of all documents (``merged_entities``, the same merge as
   ``extract_all``), in the main process.
3. **State** each document's facts as triples with ``sgcn.graph.rdf.build.add_extraction``
   on a small graph of its own, in worker processes, and **validate** them with
   pySHACL. Key: the extraction's digest, how its entities were merged, and
   :func:`builder_version`. The triples are kept as sorted N-Triples lines.
   Entity descriptions (type, labels) are stated once, for the whole corpus, with
   ``add_entity`` in document order, as ``build_graph`` states them.
4. **Write** every line, merged in sorted order from the cached runs, through
   ``sgcn.graph.rdf.serialize.turtle_from_lines``: no rdflib graph of the whole corpus is
   ever held, and memory grows with the number of entities, not of documents.

The graph is byte for byte the one ``build_graph(merge_extractions(...))`` makes and
``write_turtle`` writes, warm or cold, in any number of processes (tested).

**Validation of what changed** (:func:`validation_units`). The graph is split into
units: one per document (its document node, evidence, assertions, memberships and
figures: every node minted for it), one per entity (every triple whose subject it is),
and the vocabulary. Each unit also carries the ``rdf:type`` and ``skos:prefLabel`` of
the entities it points to, and the class hierarchy of the vocabulary. The shapes
of ``ontology/shapes.ttl`` read a focus node's own triples and the types of the nodes
they point to (and the one SPARQL constraint reads the document an evidence is quoted
from, which is in the same unit), so the graph conforms exactly when every unit does;
:func:`shapes_are_local` checks that the shapes still only do that, and when they do
not, the whole graph is validated at once. A unit that conformed is remembered by the
digest of its lines, so a rebuild validates only the units that changed. A graph that
violates the shapes is never written.
"""

from __future__ import annotations

import hashlib
import heapq
import logging
import multiprocessing
import os
import pickle
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from sgcn.loaders.errors import LoadError, SgcnError

log = logging.getLogger(__name__)

def default_cache_dir() -> Path:
    """Where builds keep their results: ``$SGCN_CACHE_DIR``, else ``$XDG_CACHE_HOME/sgcn``, else ``~/.cache/sgcn``.

    Every entry is keyed by the content it was made from (and the versions of the code
    that made it), so one cache serves every sources folder and never returns a stale
    result; delete the folder to reclaim its space.

    Examples:
        >>> default_cache_dir().name in ("sgcn",) or "SGCN_CACHE_DIR" in os.environ
        True
    """
    if os.environ.get("SGCN_CACHE_DIR"):
        return Path(os.environ["SGCN_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "sgcn"

BATCH = 25
"""Documents stated and validated together in one worker job (one pySHACL call)."""

Progress = Callable[[str, "int | None"], Callable[[int], None]]


def _no_progress(_name: str, _total: int | None) -> Callable[[int], None]:
    return lambda _n=1: None


# ----------------------------------------------------------------------------- versions


def _digest(*parts: object) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def _package_files(package: str, *, recursive: bool) -> list[tuple[str, bytes]]:
    root = files(package)
    found = []

    def walk(node, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.is_dir():
                if recursive and child.name != "__pycache__":
                    walk(child, f"{prefix}{child.name}/")
            elif child.name.endswith((".py", ".yaml", ".yml", ".json", ".txt", ".ttl")):
                found.append((prefix + child.name, child.read_bytes()))

    walk(root, "")
    return found


def _files_version(package: str, *, recursive: bool) -> str:
    return _digest(*(part for name, data in _package_files(package, recursive=recursive) for part in (name, data)))


def pipeline_identity() -> str:
    """The trained pipeline extraction runs on, as ``name==version`` (``""`` when there is none).

    ``sgcn.loaders.extract.nlp`` names it; ``identity()`` there is asked first, else its
    ``PIPELINE`` (or ``PIPELINE_NAME``) setting with the installed package's version.

    Examples:
        >>> isinstance(pipeline_identity(), str)
        True
    """
    import importlib
    import importlib.metadata

    try:
        nlp = importlib.import_module("sgcn.loaders.extract.nlp")
    except ImportError:
        return ""
    identity = getattr(nlp, "identity", None)
    if callable(identity):
        return str(identity())
    name = next((getattr(nlp, a) for a in ("PIPELINE", "PIPELINE_NAME", "MODEL", "MODEL_NAME")
                 if isinstance(getattr(nlp, a, None), str)), "")
    if not name:
        return ""
    try:
        return f"{name}=={importlib.metadata.version(name)}"
    except importlib.metadata.PackageNotFoundError:
        return name


def reader_version() -> str:
    """Digest of the loaders (every file of ``loaders/`` outside ``extract/``)."""
    return _files_version("sgcn.loaders", recursive=False)


def rules_version() -> str:
    """Digest of every rule and code file of ``loaders/extract/`` and the trained pipeline's identity.

    Examples:
        >>> len(rules_version())
        64
    """
    return _digest(_files_version("sgcn.loaders.extract", recursive=True), pipeline_identity(),
                   _files_version("sgcn.loaders", recursive=False))


def builder_version() -> str:
    """Digest of what turns facts into triples: ``sgcn.graph`` build code and the ontology."""
    graph_files = files("sgcn.graph.rdf")
    parts = [graph_files.joinpath(name).read_bytes() for name in ("build.py", "iris.py", "namespace.py")]
    return _digest(*parts, _files_version("sgcn.ontology", recursive=False))


def validation_version() -> str:
    """Digest of what a validation depends on: the shapes, the ontology, pySHACL's version, the validator."""
    import importlib.metadata

    from sgcn.graph.rdf import validate

    return _digest(validate._shapes_turtle(), _files_version("sgcn.ontology", recursive=False),
                   importlib.metadata.version("pyshacl"),
                   files("sgcn.graph.rdf").joinpath("validate.py").read_bytes(),
                   files("sgcn.graph.rdf").joinpath("incremental.py").read_bytes())


# ----------------------------------------------------------------------------- cache


class Cache:
    """A folder of results by key: ``<kind>/<key[:2]>/<key>``, each file written atomically.

    ``Cache(None)`` keeps nothing (``--no-cache``).

    Examples:
        >>> import tempfile
        >>> cache = Cache(tempfile.mkdtemp())
        >>> cache.put("x", "ab12", b"data"); cache.get("x", "ab12"), cache.get("x", "cd34")
        (b'data', None)
    """

    def __init__(self, folder: str | Path | None):
        self.folder = Path(folder) if folder is not None else None

    def _path(self, kind: str, key: str) -> Path:
        assert self.folder is not None
        return self.folder / kind / key[:2] / key

    def get(self, kind: str, key: str) -> bytes | None:
        if self.folder is None:
            return None
        try:
            return self._path(kind, key).read_bytes()
        except OSError:
            return None

    def path(self, kind: str, key: str) -> Path:
        """Where the entry of ``kind`` and ``key`` is (or would be) kept."""
        return self._path(kind, key)

    def has(self, kind: str, key: str) -> bool:
        return self.folder is not None and self._path(kind, key).is_file()

    def put(self, kind: str, key: str, data: bytes) -> None:
        if self.folder is None:
            return
        path = self._path(kind, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temp.write_bytes(data)
        os.replace(temp, path)


# ----------------------------------------------------------------------------- pass 1: extract


@dataclass(frozen=True)
class _Source:
    """One document file to read: where, its bytes' digest, and what the manifest says of it."""

    index: int
    path: str
    sha256: str
    manifest: tuple[tuple[str, str], ...]


def _read_key(source: _Source, version: str) -> str:
    return _digest("read", Path(source.path).name, source.sha256, source.manifest, version)


def _extract_one(job: tuple[_Source, str | None, str, str]):
    """Worker: read and extract one document; keep the result in the cache.

    Returns ``(index, extraction key, extraction digest, entities, None)`` or
    ``(index, None, None, (), LoadError)``.
    """
    source, cache_folder, read_version, rules = job
    import time
    from dataclasses import replace

    started = time.process_time()
    from sgcn.loaders import read
    from sgcn.loaders.extract import extract
    from sgcn.loaders.manifest import merge

    cache = Cache(cache_folder)
    fields = dict(source.manifest)
    try:
        document = read(source.path, charset=fields.get("charset"))
    except LoadError as err:  # sent back as its fields: an exception that fails to unpickle hangs a pool
        return source.index, None, None, (), (err.path, err.message, err.line, err.column), time.process_time() - started
    if fields:
        document = merge(document, fields)
    document_key = _digest("document", repr(replace(document)))
    key = _extract_key(document_key, rules)
    stored = cache.get("entities", key)
    if stored is not None:  # the loaders changed, but not what they read from this file
        digest, entities = pickle.loads(stored)
    else:
        extraction = extract(document)
        digest, entities = _digest(repr(extraction)), extraction.entities
        cache.put("extract", key, pickle.dumps((digest, extraction), protocol=pickle.HIGHEST_PROTOCOL))
        cache.put("entities", key, pickle.dumps((digest, entities), protocol=pickle.HIGHEST_PROTOCOL))
    cache.put("read", _read_key(source, read_version), document_key.encode("ascii"))
    return source.index, key, digest, entities, None, time.process_time() - started


def _extract_key(document_key: str, rules: str) -> str:
    return _digest("extract", document_key, rules)


# ----------------------------------------------------------------------------- pass 3: state + validate

# set in the parent before the workers fork (or by _init_state_worker under spawn)
_STATE: dict = {}


def _init_state_worker(state: dict) -> None:
    from rdflib import Graph as _Graph

    _STATE.clear()
    _STATE.update(state)
    _STATE["shapes"] = _Graph().parse(data=state["shapes"], format="turtle")


def _entity_lines(entity_triples_by_iri: dict[str, list[str]], iri: str) -> list[str]:
    return entity_triples_by_iri.get(iri, [])


def _unit_key(extraction_digest: str, local: tuple, builder: str) -> str:
    return _digest("unit", extraction_digest, local, builder)


def _state_one(key: str, merged_local: dict, index: dict):
    """The lines of one document: (own lines, entity-subject lines, fact counts)."""
    from sgcn.graph.rdf.build import add_extraction
    from sgcn.graph.rdf.serialize import ntriples_line
    from sgcn.loaders.extract.merge import rewrite

    cache = Cache(_STATE["cache"])
    digest, extraction = pickle.loads(cache.get("extract", key))
    merged = rewrite(extraction, merged_local)
    graph = Graph()
    add_extraction(graph, merged, index)
    entity_iris = {iri for iri, _type in index.values()}
    described = {_STATE["type"], _STATE["pref"], _STATE["alt"]}
    own, about = [], []
    for triple in graph:
        s, p, _o = triple
        if str(s) in entity_iris:
            if str(p) not in described:
                about.append(ntriples_line(triple))
        else:
            own.append(ntriples_line(triple))
    own.sort()
    about.sort()
    counts = _fact_counts(merged)
    return own, about, counts


def _fact_counts(extraction) -> dict[str, int]:
    counts: Counter[str] = Counter()
    counts["type mentions"] += len(extraction.mentions)
    for relation in extraction.relations:
        counts[relation.relation] += 1
    counts["roles"] += len(extraction.roles)
    counts["event times"] += len(extraction.event_times)
    counts["figures"] += len(extraction.figures)
    counts["topics"] += len(extraction.topics)
    return dict(counts)


def _objects(lines: Iterable[str]) -> set[str]:
    """The IRIs in object position of N-Triples lines."""
    found = set()
    for line in lines:
        tail = line[line.index("> <") + 3:]
        tail = tail[tail.index("> ") + 2:]
        if tail.startswith("<"):
            found.add(tail[1:tail.index(">")])
    return found


def _context_lines(lines: Iterable[str], labels: dict[str, list[str]], typed: frozenset[str]) -> list[str]:
    """The type and preferred label of every entity ``lines`` point to through a ``typed`` predicate.

    Those are the values whose class a shape checks (:func:`class_checked_properties`);
    the shapes read nothing else of a node a unit points to.
    """
    pointed = _objects(line for line in lines if line[line.index("> <") + 3:line.index("> ", line.index("> <") + 3)] in typed)
    return [line for iri in sorted(pointed) for line in labels.get(iri, ())]


def _state_batch(jobs: list[tuple[int, str, str, dict, dict]]):
    """Worker: state a batch of documents and validate the units not validated before.

    Returns ``(results, violations)``; each result is ``(index, own lines key, about
    lines, counts)``; the own lines go to the cache.
    """
    import time

    started = time.process_time()
    cache = Cache(_STATE["cache"])
    results, to_check = [], []
    for index, key, unit_key, merged_local, entity_index in jobs:
        stored = cache.get("unit", unit_key) if cache.has("lines", unit_key) else None
        if stored is not None:
            own_text, about, counts = pickle.loads(stored)
            own = own_text.split("\n") if own_text else []
        else:
            own, about, counts = _state_one(key, merged_local, entity_index)
            cache.put("unit", unit_key, pickle.dumps(("\n".join(own), about, counts), protocol=pickle.HIGHEST_PROTOCOL))
            cache.put("lines", unit_key, ("\n".join(own) + "\n" if own else "").encode("utf-8"))
        unit = own + _context_lines(own, _STATE["labels"], _STATE["typed"])
        valid_key = _digest("valid", "\n".join(unit), _STATE["validation"])
        if not cache.has("valid", valid_key):
            to_check.append((valid_key, unit))
        results.append((index, unit_key, about, counts))
    stated = time.process_time()
    violations = _check_units(to_check, cache)
    return results, violations, stated - started, time.process_time() - stated


def _check_units(units: list[tuple[str, list[str]]], cache: Cache) -> list:
    """Validate ``units`` together; remember each as valid when they all conform."""
    if not units:
        return []
    from sgcn.graph.rdf.validate import validate

    # the class hierarchy of the vocabulary, for sh:class and targetClass (the rest of the
    # vocabulary is a unit of its own); with it in the data graph pySHACL need not copy the
    # graph to mix an ontology in
    graph = lines_graph([*_STATE["hierarchy"], *(line for _key, lines in units for line in lines)])
    report = validate(graph, _STATE["shapes"])
    if report.conforms:
        for key, _lines in units:
            cache.put("valid", key, b"")
        return []
    return list(report.violations)


def lines_graph(lines: Iterable[str]) -> Graph:
    """An rdflib graph of N-Triples lines, parsed by pyoxigraph (several times faster than rdflib's parser).

    Examples:
        >>> g = lines_graph(['<https://e.org/a> <https://e.org/p> "x"@en .'])
        >>> [str(o) for o in g.objects()]
        ['x']
    """
    import pyoxigraph as ox
    from rdflib import Literal

    from sgcn.graph.rdf.serialize import _LineReader

    iris: dict[str, URIRef] = {}

    def term(node):
        if isinstance(node, ox.NamedNode):
            value = node.value
            found = iris.get(value)
            if found is None:
                found = iris[value] = URIRef(value)
            return found
        if isinstance(node, ox.Literal):
            if node.language:
                return Literal(node.value, lang=node.language)
            datatype = node.datatype.value
            if datatype == "http://www.w3.org/2001/XMLSchema#string":
                return Literal(node.value)
            return Literal(node.value, datatype=term(node.datatype))
        raise ValueError(f"unexpected term {node}")

    graph = Graph()
    add = graph.add
    for triple in ox.parse(_LineReader(lines), format=ox.RdfFormat.N_TRIPLES, lenient=True):
        add((term(triple.subject), term(triple.predicate), term(triple.object)))
    return graph


def _check_batch(units: list[tuple[str, list[str]]]):
    import time

    started = time.process_time()
    return _check_units(units, Cache(_STATE["cache"])), time.process_time() - started


# ----------------------------------------------------------------------------- shapes


_LOCAL_COMPONENTS = {
    SH.path, SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.pattern,
    SH.minLength, SH.maxLength, SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive,
    SH.lessThan, SH.lessThanOrEquals, SH["or"], SH.qualifiedValueShape, SH.qualifiedMinCount,
    SH.qualifiedMaxCount, SH.message, SH.targetClass, SH.targetSubjectsOf, SH.property, SH.sparql,
    SH.severity, SH.name, SH.description, SH.flags,
}


def shapes_are_local(shapes: Graph) -> bool:
    """Whether every shape reads only its focus node's own triples and the types of their values.

    Then a graph conforms exactly when each of its :func:`validation_units` does. Every
    ``sh:path`` must be a plain property of a node shape; value shapes (inside
    ``sh:or``, ``sh:qualifiedValueShape``) may test a value's class, datatype, kind or
    membership but hold no path; only the constraint components above are used.

    Examples:
        >>> from sgcn.graph.rdf.validate import shapes_graph
        >>> shapes_are_local(shapes_graph())
        True
        >>> g = shapes_graph(); _ = g.add((URIRef("https://x/s"), SH.node, URIRef("https://x/t")))
        >>> shapes_are_local(g)
        False
    """
    from rdflib import RDF

    for s, p, o in shapes:
        if p.startswith(str(SH)) and p not in _LOCAL_COMPONENTS and p not in (
                SH.declare, SH.prefix, SH.namespace, SH.prefixes, SH.select):
            return False
        if p == SH.path and not isinstance(o, URIRef):
            return False
    property_shapes = set(shapes.objects(None, SH.property))
    for owner in shapes.subjects(SH.path, None):
        if owner not in property_shapes:
            return False
        if not any(isinstance(node, URIRef) for node in shapes.subjects(SH.property, owner)):
            return False
    del RDF
    return True


def _shapes_text() -> str:
    from sgcn.graph.rdf import validate

    return validate._shapes_turtle()


def class_checked_properties(shapes: Graph) -> frozenset[str]:
    """The properties whose values some shape checks the class of (``sh:class``, at any depth).

    Examples:
        >>> from sgcn.graph.rdf.validate import shapes_graph
        >>> from sgcn.graph.rdf.namespace import ORG, SGCN
        >>> checked = class_checked_properties(shapes_graph())
        >>> str(ORG.member) in checked, str(SGCN.coChaired) in checked, str(SGCN.quote) in checked
        (True, True, False)
    """
    def has_class(node, depth: int = 0) -> bool:
        if depth > 8:
            return False
        if (node, SH["class"], None) in shapes:
            return True
        return any(has_class(child, depth + 1) for p, child in shapes.predicate_objects(node)
                   if p != SH.path and not isinstance(child, URIRef)) or any(
            has_class(item, depth + 1) for item in _list_items(shapes, node))

    return frozenset(str(path) for shape, path in shapes.subject_objects(SH.path) if has_class(shape))


def _list_items(graph: Graph, node) -> list:
    from rdflib.collection import Collection
    from rdflib.namespace import RDF

    if (node, RDF.first, None) not in graph:
        return []
    return list(Collection(graph, node))


# ----------------------------------------------------------------------------- the build


@dataclass
class IncrementalResult:
    """What :func:`build_incremental` did, for the summary and the benchmark."""

    documents: int = 0
    errors: list[LoadError] = field(default_factory=list)
    entities: dict[str, int] = field(default_factory=dict)
    facts: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    report: object = None
    written: bool = False
    extracted: int = 0
    stated: int = 0
    validated_units: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    stopped: bool = False
    """True when unreadable files stopped the build (``skip_bad`` off): nothing was built."""
    work: Counter = field(default_factory=Counter)
    """Processor seconds spent by all processes on each pass (extract, state, validate, write)."""


def _sources(folder: Path) -> tuple[list[_Source], list[LoadError]]:
    from sgcn.loaders import is_document_file
    from sgcn.loaders.manifest import find_manifest, load_manifest

    entries = {}
    if manifest_path := find_manifest(folder):
        entries = load_manifest(manifest_path)
    found, errors = [], []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.is_file() or not is_document_file(path):
            continue
        try:
            data = path.read_bytes()
        except OSError as err:
            errors.append(LoadError(path, f"cannot read file: {err.strerror}"))
            continue
        manifest = tuple(sorted(entries.get(path.name, {}).items()))
        found.append(_Source(len(found), str(path), hashlib.sha256(data).hexdigest(), manifest))
    names = {Path(s.path).name for s in found}
    unused = sorted(set(entries) - names)
    if unused:
        log.warning("manifest lists files not in %s: %s", folder, ", ".join(unused))
    return found, errors


#: what a worker imports before its first job (the fork server imports it once for all)
_PRELOAD = ["sgcn.loaders", "sgcn.loaders.extract", "sgcn.graph.rdf.build", "sgcn.graph.rdf.validate", "pyshacl"]


def _pool(jobs: int, initializer=None, initargs=()):
    """Worker processes started by a fork server (a clean process with sgcn imported).

    Not plain ``fork``: the process asking may run threads (a library's thread pool, a
    server in a test) whose locks a forked child would inherit held, and hang on.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
    else:
        context = multiprocessing.get_context("spawn")
    return context.Pool(jobs, initializer=initializer, initargs=initargs)


def _map(function, items: list, jobs: int, tick, *, initializer=None, initargs=()) -> Iterator:
    """``function`` over ``items`` in order: in ``jobs`` worker processes, or here for few items."""
    if jobs <= 1 or len(items) <= 1:
        if initializer is not None:
            initializer(*initargs)
        for item in items:
            result = function(item)
            tick(1)
            yield result
        return
    with _pool(min(jobs, len(items)), initializer, initargs) as pool:
        for result in pool.imap(function, items):
            tick(1)
            yield result


def build_incremental(
    sources_dir: str | Path,
    *,
    skip_bad: bool = False,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    jobs: int | None = None,
    progress: Progress | None = None,
    write: Callable[[Callable], None],
) -> IncrementalResult:
    """Build the graph of ``sources_dir`` reusing what the cache holds; see the module docstring.

    Args:
        sources_dir: folder of source documents.
        skip_bad: build from the readable files when some cannot be read.
        cache_dir: where to keep results (default :func:`default_cache_dir`).
        use_cache: keep nothing between builds when false (every pass runs in full;
            the cache lives in a temporary folder for this build only).
        jobs: worker processes (default: one per core).
        progress: ``progress(stage, total)`` -> ``tick(n)``, for progress bars.
        write: ``write(writer)`` is called with ``writer(binary_file)`` once the graph
            conforms (the caller writes atomically).

    Returns:
        What was done; ``stopped`` (and ``errors``) when files cannot be read and
        ``skip_bad`` is false, in which case nothing was built.
    """
    import tempfile
    import time

    progress = progress or _no_progress
    jobs = jobs or os.cpu_count() or 1
    sources_dir = Path(sources_dir)
    if not sources_dir.is_dir():
        raise SgcnError(f"{sources_dir}: no such folder of source documents")
    temporary = None
    if not use_cache:
        temporary = tempfile.TemporaryDirectory(prefix="sgcn-build-")
        cache_dir = temporary.name
    cache_folder = str(Path(cache_dir) if cache_dir is not None else default_cache_dir())
    cache = Cache(cache_folder)
    result = IncrementalResult()
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        result.timings[name] = result.timings.get(name, 0.0) + now - clock
        clock = now

    try:
        # ---- pass 1: read and extract what the cache does not hold
        sources, errors = _sources(sources_dir)
        read_version, rules = reader_version(), rules_version()
        keys: dict[int, tuple[str, str]] = {}
        entities: dict[int, tuple] = {}
        todo = []
        for source in sources:
            stored = cache.get("read", _read_key(source, read_version))
            key = stored and _extract_key(stored.decode("ascii"), rules)
            known = key and cache.get("entities", key)
            if known:
                digest, found = pickle.loads(known)
                keys[source.index] = (key, digest)
                entities[source.index] = found
            else:
                todo.append((source, cache_folder, read_version, rules))
        lap("scan")
        tick = progress("extracting", len(todo))
        for index, key, digest, found, error, seconds in _map(_extract_one, todo, jobs, tick):
            result.work["extract"] += seconds
            if error is not None:
                error = LoadError(error[0], error[1], line=error[2], column=error[3])
                log.warning("%s", error)
                errors.append(error)
                continue
            keys[index] = (key, digest)
            entities[index] = found
            result.extracted += 1
        errors.sort(key=lambda e: str(e.path))
        result.errors = errors
        if errors and not skip_bad:
            result.stopped = True  # the caller raises BadInputError with them
            return result
        order = sorted(keys)
        result.documents = len(order)
        lap("extract")

        # ---- pass 2: merge entities across documents
        from sgcn.graph.rdf.build import add_entity, mint_entity, vocabulary_graph
        from sgcn.graph.rdf.namespace import RDF, RDFS, SKOS
        from sgcn.graph.rdf.serialize import graph_lines
        from sgcn.loaders.extract.merge import merged_entities

        merged_by_doc = dict(zip(order, merged_entities([entities[i] for i in order])))
        # entity descriptions, stated once in document order as build_graph states them
        occurrences: dict[str, list] = {}
        for i in order:
            for entity in sorted(set(merged_by_doc[i].values())):
                occurrences.setdefault(str(mint_entity(entity)), {}).setdefault(entity, None)
        description_lines, labels = [], {}
        type_p, pref_p = f"<{RDF.type}>", f"<{SKOS.prefLabel}>"
        for iri, group in occurrences.items():
            g = Graph()
            for entity in group:
                add_entity(g, entity, URIRef(iri))
            lines = graph_lines(g)
            description_lines.extend(lines)
            labels[iri] = [line for line in lines if f"> {type_p} " in line or f"> {pref_p} " in line]
        result.entities = dict(sorted(Counter(
            e.type for e in {m.key: m for local in merged_by_doc.values() for m in local.values()}.values()).items()))
        lap("merge")

        # ---- pass 3: state each document's facts, validate the units that changed
        from sgcn.graph.rdf.validate import shapes_graph

        vocabulary = graph_lines(vocabulary_graph())
        subclass = f"<{RDFS.subClassOf}>"
        hierarchy = [line for line in vocabulary if f"> {subclass} " in line]
        for line in vocabulary:  # what a unit pointing at a term of the vocabulary may check
            if f"> {type_p} " in line:
                labels.setdefault(line[1:line.index(">")], []).append(line)
        shapes = shapes_graph()
        local_shapes = shapes_are_local(shapes)
        typed = class_checked_properties(shapes)
        builder = builder_version()
        state = {
            "cache": cache_folder, "labels": labels, "shapes": _shapes_text(), "typed": typed, "hierarchy": hierarchy,
            "validation": validation_version() if local_shapes else "whole-graph:" + os.urandom(8).hex(),
            "type": str(RDF.type), "pref": str(SKOS.prefLabel), "alt": str(SKOS.altLabel),
        }
        _init_state_worker(state)
        state_jobs = []
        for i in order:
            key, digest = keys[i]
            local = merged_by_doc[i]
            index = {m.key: (mint_entity(m), m.type) for m in local.values()}
            signature = tuple(sorted((k, m.key, m.type, m.label) for k, m in local.items()))
            state_jobs.append((i, key, _unit_key(digest, signature, builder), local, index))
        batches = [state_jobs[at:at + BATCH] for at in range(0, len(state_jobs), BATCH)]
        fresh = sum(not cache.has("lines", job[2]) for job in state_jobs)
        unit_keys, about_lines, violations = {}, [], []
        facts: Counter[str] = Counter()
        tick = progress("stating and validating", len(state_jobs))
        for results, found, state_seconds, validate_seconds in _map(_state_batch, batches, jobs if fresh > 2 * BATCH else 1, lambda _n: None,
                                   initializer=_init_state_worker, initargs=(state,)):
            violations.extend(found)
            result.work["state"] += state_seconds
            result.work["validate"] += validate_seconds
            for index, unit_key, about, counts in results:
                unit_keys[index] = unit_key
                about_lines.extend(about)
                facts.update(counts)
                tick(1)
        result.stated = fresh
        result.facts = {k: v for k, v in sorted(facts.items()) if v}
        lap("state")

        # entity units and the vocabulary
        by_subject: dict[str, list[str]] = defaultdict(list)
        for line in description_lines:
            by_subject[line[1:line.index(">")]].append(line)
        for line in about_lines:
            by_subject[line[1:line.index(">")]].append(line)
        entity_units = []
        for iri in sorted(by_subject):
            lines = sorted(set(by_subject[iri]))
            unit = lines + [c for c in _context_lines(lines, labels, typed) if c not in lines]
            key = _digest("valid", "\n".join(unit), state["validation"])
            if not cache.has("valid", key):
                entity_units.append((key, unit))
        vocabulary_key = _digest("valid", "\n".join(vocabulary), state["validation"])
        if not cache.has("valid", vocabulary_key):
            entity_units.append((vocabulary_key, vocabulary))
        if not local_shapes:
            log.info("the shapes read beyond a node's own triples: validating the whole graph at once")
            violations = _check_units([("whole", [line for u in (vocabulary, description_lines, about_lines) for line in u]
                                        + [line for i in order for line in _own_lines(cache, unit_keys[i])])], Cache(None))
            entity_units = []
        entity_batches = [entity_units[at:at + 400] for at in range(0, len(entity_units), 400)]
        tick = progress("validating entities", len(entity_batches))
        for found, seconds in _map(_check_batch, entity_batches, jobs, tick, initializer=_init_state_worker,
                                   initargs=(state,)):
            violations.extend(found)
            result.work["validate"] += seconds
        result.validated_units = len(entity_units)
        lap("validate")

        from sgcn.graph.rdf.validate import ValidationReport

        result.report = ValidationReport(conforms=not violations, violations=tuple(sorted(set(violations))))
        if violations:
            for violation in result.report.violations:
                log.error("invalid: %s", violation)
            return result

        # ---- pass 4: write every line in sorted order
        from sgcn.graph.rdf.build import PREFIXES
        from sgcn.graph.rdf.serialize import turtle_from_lines, used_prefixes

        head = sorted(set(vocabulary) | set(description_lines) | set(about_lines))
        runs, temporary_runs = _sorted_runs([cache.path("lines", unit_keys[i]) for i in order], head)
        bindings = {**{p: str(ns) for p, ns in vocabulary_graph().namespaces()}, **{p: str(ns) for p, ns in PREFIXES.items()}}
        prefixes = used_prefixes(head, bindings)
        counted = [0]

        def lines() -> Iterator[str]:
            previous = None
            for line in heapq.merge(*runs):
                if line != previous:
                    counted[0] += 1
                    yield line
                    previous = line

        progress("writing", None)
        write_started = time.process_time()
        try:
            write(lambda out: turtle_from_lines(lines(), prefixes, out))
            result.work["write"] += time.process_time() - write_started
        finally:
            for path in temporary_runs:
                path.unlink(missing_ok=True)
        result.triples = counted[0]
        result.written = True
        lap("write")
        return result
    finally:
        if temporary is not None:
            temporary.cleanup()


def _own_lines(cache: Cache, unit_key: str) -> Iterator[str]:
    data = cache.get("lines", unit_key) or b""
    yield from data.decode("utf-8").splitlines()


FAN_IN = 128
"""Sorted files merged at once when writing (more are merged in rounds through temporary files)."""


def _file_lines(path: Path) -> Iterator[str]:
    with open(path, encoding="utf-8", newline="\n") as lines:
        for line in lines:
            yield line.rstrip("\n")


def _sorted_runs(paths: list[Path], head: list[str]) -> list[Iterator[str]]:
    """Iterators over sorted runs: ``head`` and the files, read line by line.

    Past :data:`FAN_IN` files, groups are first merged into temporary files, so the
    lines of the whole corpus are never held in memory together.
    """
    import tempfile

    temporary: list[Path] = []
    while len(paths) > FAN_IN:
        merged = []
        for at in range(0, len(paths), FAN_IN):
            group = paths[at:at + FAN_IN]
            handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", prefix="sgcn-run-", suffix=".nt", delete=False)
            with handle:
                for line in heapq.merge(*(_file_lines(p) for p in group)):
                    handle.write(line + "\n")
            merged.append(Path(handle.name))
        for path in paths:
            if path in temporary:
                path.unlink(missing_ok=True)
        temporary = merged
        paths = merged
    return [iter(head)] + [_file_lines(p) for p in paths], temporary
