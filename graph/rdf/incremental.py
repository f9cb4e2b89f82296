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
4. **Write** every line in sorted order: the documents' own lines are merged in groups of
   :data:`FAN_IN` documents kept in the cache (:func:`_document_runs`: a changed document
   merges its group again, no other), one pass over them and the entities' lines counts
   the dataset's description and writes the lines to segment files (:class:`_Segments`),
   and ``sgcn.graph.rdf.serialize.turtle_from_parts`` writes the Turtle from those files
   with the description's lines between them: no rdflib graph of the whole corpus is
   ever held, and no line passes through Python twice.

What a build made of each entity (its description, its unit) is kept in the cache for the
next build (:func:`_kept`, keyed by what it was made from), and a source file whose
``stat`` did not change is not read again (:func:`_sources`), so a rebuild after one
document changed does little more than extract that document and pass once over the lines.
A build into the file the last build wrote stops before any pass when nothing it was made
from changed (:func:`_nothing_changed`: the sources' ``stat``, :func:`code_fingerprint`,
the output as that build left it).

The lines about entities (their descriptions, what each document states of them, an
event's time) never stay in memory either: they go to sorted run files on disk
(:class:`_SortedSpill`) and come back merged, one entity's unit at a time, in the order
of its IRI. What the main process keeps after extraction is each document's entities
(for the merge), each entity's type and preferred label (the context of the units that
point to it), and the few titles of roles and links of events' times the whole-graph
steps need.

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

import contextlib
import hashlib
import heapq
import logging
import multiprocessing
import os
import pickle
import shutil
from collections import Counter
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
    """Digest of what turns facts into triples: ``sgcn.graph`` build code and every file of
    ``ontology/`` (``wikidata-links.yaml`` among them).

    The whole-graph steps (event dates, links to Wikidata, the dataset's description) are
    never cached: every build runs them on what it states.
    """
    graph_files = files("sgcn.graph.rdf")
    parts = [graph_files.joinpath(name).read_bytes() for name in ("build.py", "iris.py", "namespace.py", "incremental.py")]
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

    def _path(self, kind: str, key: str) -> str:
        # a string, not a Path: a warm build asks for some ten thousand entries, and
        # pathlib's parsing of each path cost more than reading it
        assert self.folder is not None
        return os.path.join(self.folder, kind, key[:2], key)

    def get(self, kind: str, key: str) -> bytes | None:
        if self.folder is None:
            return None
        try:
            with open(self._path(kind, key), "rb") as entry:
                return entry.read()
        except OSError:
            return None

    def path(self, kind: str, key: str) -> Path:
        """Where the entry of ``kind`` and ``key`` is (or would be) kept."""
        return Path(self._path(kind, key))

    def has(self, kind: str, key: str) -> bool:
        return self.folder is not None and os.path.isfile(self._path(kind, key))

    def put(self, kind: str, key: str, data: bytes) -> None:
        if self.folder is None:
            return
        path = self.path(kind, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temp.write_bytes(data)
        os.replace(temp, path)


class _Memo:
    """A small dictionary kept from one build to the next: one entry of the cache
    (``memo/<name and version>``), read whole when the build starts and written with the
    entries this build kept (so it holds one sources folder's worth, not every folder's
    ever built). Keys are what a value is made from; the version is that of the code
    making it, so an entry is never stale. For what grows with the corpus, see :func:`_kept`.

    Examples:
        >>> import tempfile
        >>> cache = Cache(tempfile.mkdtemp())
        >>> memo = _Memo(cache, "squares", "v1")
        >>> memo.recall(3), memo.keep(3, 9), memo.recall(3)
        (None, None, 9)
        >>> memo.save(); _Memo(cache, "squares", "v1").recall(3), _Memo(cache, "squares", "v2").recall(3)
        (9, None)
    """

    def __init__(self, cache: Cache, name: str, version: str):
        self.cache, self.key = cache, _digest("memo", name, version)
        stored = cache.get("memo", self.key)
        try:
            self.old = pickle.loads(stored) if stored else {}
        except Exception:  # noqa: BLE001 - an entry that cannot be read is made again
            self.old = {}
        self.new: dict = {}

    def recall(self, key):
        """The value kept for ``key`` (by this build or the last), else ``None``."""
        found = self.new.get(key)
        return self.old.get(key) if found is None else found

    def keep(self, key, value) -> None:
        self.new[key] = value

    def save(self) -> None:
        if self.new.keys() != self.old.keys():
            self.cache.put("memo", self.key, pickle.dumps(self.new, protocol=pickle.HIGHEST_PROTOCOL))
        self.old = {}


def _kept(cache: Cache, kind: str, key: str, make: Callable):
    """``make()``, kept in the cache as the entry of ``kind`` and ``key`` (pickled) and read
    from it when a build made it before: what a build made of one entity (its description,
    its unit), one small entry each, so nothing of them is held beyond its use (a
    dictionary of every entity's lines would grow with the corpus).

    Examples:
        >>> import tempfile
        >>> cache = Cache(tempfile.mkdtemp())
        >>> _kept(cache, "squares", "3", lambda: 9), _kept(cache, "squares", "3", lambda: 0)
        (9, 9)
    """
    stored = cache.get(kind, key)
    if stored is not None:
        try:
            return pickle.loads(stored)
        except Exception:  # noqa: BLE001 - an entry that cannot be read is made again
            log.debug("cache entry %s/%s unreadable: made again", kind, key)
    value = make()
    cache.put(kind, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value


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


def _extract_one(job: tuple[_Source, str | None, str, str, int]):
    """Worker: read and extract one document; keep the result in the cache (see :func:`_extract_chunk`)."""
    return _extract_chunk([job])[0]


def _extract_chunk(jobs: list[tuple[_Source, str | None, str, str, int]]) -> list:
    """Worker: read and extract a few documents; keep each result in the cache.

    The documents are read first, then every sentence of those to extract is parsed in
    one stream (:func:`~sgcn.loaders.extract.nlp.parsed_ahead`: the trained pipeline
    runs faster on batches larger than one document's sentences, and the parses are the
    same), then each document is extracted.

    A failure nobody foresaw, in reading or in extracting, is this document's error (a
    :class:`LoadError` naming the file and the exception), so one such document never
    costs the whole build.

    Returns, per job, ``(index, extraction key, extraction digest, entities, None, seconds)``
    or ``(index, None, None, (), error fields, seconds)``; the error fields end with
    whether it was an internal error. The processor seconds of the shared parse are
    shared among the documents by their length.
    """
    import time

    from sgcn.loaders.extract import nlp

    results: list = [None] * len(jobs)
    todo: list[tuple[int, _Read, float]] = []  # (position, what was read, seconds so far)
    for at, job in enumerate(jobs):
        started = time.process_time()
        found = _read_one(job)
        if isinstance(found, _Read):
            todo.append((at, found, time.process_time() - started))
        else:
            results[at] = found[:-1] + (found[-1] + time.process_time() - started,)
    if not todo:
        return results
    started = time.process_time()
    texts: list[str] = []
    for _, read, _ in todo:
        try:
            texts += nlp.document_texts(read.document)
        except Exception:  # noqa: BLE001 - extraction below reports it as this document's error
            log.debug("splitting %s ahead of extraction failed", read.document.source, exc_info=True)
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(nlp.parsed_ahead(texts))
        except SgcnError:
            raise
        except Exception:  # noqa: BLE001 - each document is parsed on its own below
            log.debug("parsing ahead failed", exc_info=True)
        shared = time.process_time() - started
        total = sum(len(read.document.text) for _, read, _ in todo) or 1
        for at, read, seconds in todo:
            started = time.process_time()
            results[at] = _extract_read(jobs[at], read)
            own = time.process_time() - started + seconds + shared * len(read.document.text) / total
            results[at] = results[at][:-1] + (own,)
    return results


def _failed(source: _Source, err: LoadError, internal: bool = False):
    # sent back as its fields: an exception that fails to unpickle hangs a pool
    return (source.index, None, None, (), (err.path, err.message, err.line, err.column, internal), 0.0)


def _internal(source: _Source, doing: str, err: Exception):
    import traceback

    log.debug("%s %s failed:\n%s", doing, source.path, traceback.format_exc())
    return _failed(source, LoadError(
        source.path, f"internal error while {doing} (a bug in sgcn): {type(err).__name__}: {err}"), True)


@dataclass(frozen=True)
class _Read:
    """A document read and to be extracted, with the keys of its cache entries."""

    document: object
    document_key: str
    key: str


def _read_one(job: tuple[_Source, str | None, str, str, int]):
    """Read one document: a :class:`_Read` when it is to be extracted, else its result."""
    source, cache_folder, read_version, rules, max_bytes = job
    from dataclasses import replace

    from sgcn.loaders import read
    from sgcn.loaders.manifest import merge

    cache = Cache(cache_folder)
    fields = dict(source.manifest)
    try:
        document = read(source.path, charset=fields.get("charset"), max_bytes=max_bytes)
        if fields:
            document = merge(document, fields)
    except LoadError as err:
        return _failed(source, err)
    except SgcnError:
        raise
    except Exception as err:  # noqa: BLE001 - one document's failure is that document's error
        return _internal(source, "reading it", err)
    document_key = _digest("document", repr(replace(document)))
    key = _extract_key(document_key, rules)
    stored = cache.get("entities", key)
    if stored is not None:  # the loaders changed, but not what they read from this file
        digest, entities = pickle.loads(stored)
        cache.put("read", _read_key(source, read_version), document_key.encode("ascii"))
        return source.index, key, digest, entities, None, 0.0
    return _Read(document, document_key, key)


def _extract_read(job: tuple[_Source, str | None, str, str, int], read: _Read):
    """Extract one document read by :func:`_read_one`; keep the result in the cache."""
    source, cache_folder, read_version, _rules, _max_bytes = job
    from sgcn.loaders.extract import extract

    cache = Cache(cache_folder)
    key = read.key
    try:
        extraction = extract(read.document)
    except SgcnError:
        raise
    except Exception as err:  # noqa: BLE001 - one document's failure is that document's error
        return _internal(source, "extracting facts", err)
    digest, entities = _digest(repr(extraction)), extraction.entities
    cache.put("extract", key, pickle.dumps((digest, extraction), protocol=pickle.HIGHEST_PROTOCOL))
    cache.put("entities", key, pickle.dumps((digest, entities), protocol=pickle.HIGHEST_PROTOCOL))
    cache.put("read", _read_key(source, read_version), read.document_key.encode("ascii"))
    return source.index, key, digest, entities, None, 0.0


def _extract_key(document_key: str, rules: str) -> str:
    return _digest("extract", document_key, rules)


# ----------------------------------------------------------------------------- pass 3: state + validate

# set in the parent before the workers fork (or by _init_state_worker under spawn)
_STATE: dict = {}


def _init_state_worker(state: dict) -> None:
    from rdflib import Graph as _Graph

    parsed = _STATE.get("shapes") if _STATE.get("shapes text") == state["shapes"] else None
    _STATE.clear()
    _STATE.update(state)
    # parsed once in a process (the build's own process sets its state up for each pass)
    _STATE["shapes"] = parsed if parsed is not None else _Graph().parse(data=state["shapes"], format="turtle")
    _STATE["shapes text"] = state["shapes"]


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
    entity_iris = {str(iri) for iri, _type in index.values()}  # strings: a URIRef never equals a str
    described = {_STATE["type"], _STATE["pref"], _STATE["alt"]}
    shared = _shared_nodes(graph)
    own, about = [], []
    for triple in graph:
        s, p, _o = triple
        if str(s) in entity_iris:
            if str(p) not in described:
                about.append(ntriples_line(triple))
        else:
            own.append(ntriples_line(triple))
            if s in shared:
                about.append(own[-1])
    own.sort()
    about.sort()
    counts = _fact_counts(merged)
    return own, about, counts


def _shared_nodes(graph: Graph) -> set:
    """The nodes of a document's graph that other documents may state too: an event's time
    (its interval, beginning and end, minted from the event) and a post's ``org:Role``
    (minted from its title).

    Their lines stay the document's, and are also sent to the main process: an event's
    time is validated with the event, across every document that dates it, and a role
    keeps the title of the first document that names it, as ``build_graph`` keeps it.
    """
    from sgcn.graph.rdf.namespace import ORG, RDF, TIME

    nodes = set(graph.subjects(RDF.type, ORG.Role))
    for interval in graph.objects(None, TIME.hasTime):
        nodes.add(interval)
        nodes.update(graph.objects(interval, TIME.hasBeginning))
        nodes.update(graph.objects(interval, TIME.hasEnd))
    return nodes


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


def _pointed(lines: Iterable[str], typed: frozenset[str]) -> list[str]:
    """The IRIs ``lines`` point to through a ``typed`` predicate, sorted, each once.

    Those are the values whose class a shape checks (:func:`class_checked_properties`);
    the shapes read nothing else of a node a unit points to.

    Examples:
        >>> _pointed(['<https://e.org/a> <https://e.org/p> <https://e.org/b> .',
        ...           '<https://e.org/a> <https://e.org/q> <https://e.org/c> .'], frozenset({"https://e.org/p"}))
        ['https://e.org/b']
    """
    return sorted(_objects(line for line in lines
                           if line[line.index("> <") + 3:line.index("> ", line.index("> <") + 3)] in typed))


def _context(pointed: Iterable[str], labels: dict[str, list[str]]) -> list[str]:
    """The type and preferred label of each of the ``pointed`` IRIs that has them (:func:`_pointed`)."""
    return [line for iri in pointed for line in labels.get(iri, ())]


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
            about, counts, pointed = pickle.loads(stored)
            own = None
        else:
            own, about, counts = _state_one(key, merged_local, entity_index)
            pointed = _pointed(own, _STATE["typed"])
            cache.put("unit", unit_key, pickle.dumps((about, counts, pointed), protocol=pickle.HIGHEST_PROTOCOL))
            cache.put("lines", unit_key, ("\n".join(own) + "\n" if own else "").encode("utf-8"))
        # a unit is valid when its lines (made from what its key is made of) and the labels
        # of what they point to are: its lines are read only to be validated
        labelled = _context(pointed, _STATE["labels"])
        valid_key = _digest("valid", unit_key, *labelled, _STATE["validation"])
        if not cache.has("valid", valid_key):
            # the lines of the nodes other documents may state too (a role, an event's time)
            # are context here: they are validated in their own unit, merged across documents
            if own is None:
                own = list(_own_lines(cache, unit_key))
            shared = set(about).intersection(own)
            mine = [line for line in own if line not in shared]
            context = [line for line in own if line in shared] + labelled
            to_check.append((valid_key, mine, context))
        results.append((index, unit_key, about, counts))
    stated = time.process_time()
    violations = _check_units(to_check, cache)
    return results, violations, stated - started, time.process_time() - stated


def _check_units(units: list[tuple[str, list[str], list[str]]], cache: Cache, shapes: Graph | None = None) -> list:
    """Validate ``units`` together; remember each as valid when they all conform.

    A unit is ``(key, own lines, context lines)``: the context (the type and preferred
    label of the entities its lines point to, :func:`_context`) is there for the
    shapes that check a value's class. A context node is validated in its own unit, so
    what a shape finds missing on it here (an entity's aliases, say) is no violation.
    """
    if not units:
        return []
    from sgcn.graph.rdf.validate import validate

    # the class hierarchy of the vocabulary, for sh:class and targetClass (the rest of the
    # vocabulary is a unit of its own); with it in the data graph pySHACL need not copy the
    # graph to mix an ontology in
    graph = lines_graph([*_STATE["hierarchy"], *(line for _key, own, context in units for line in (*own, *context))])
    report = validate(graph, _STATE["shapes"] if shapes is None else shapes)
    own = {_subject(line) for _key, lines, _context in units for line in lines}
    context_only = {_subject(line) for _key, _own, context in units for line in context} - own
    found = [violation for violation in report.violations if violation.focus not in context_only]
    if not found:
        for key, _own, _context in units:
            cache.put("valid", key, b"")
    return found


def _without_target(shapes: Graph, cls: URIRef) -> Graph:
    """``shapes`` with no shape targeting the class ``cls`` (a copy; other targets are kept).

    Examples:
        >>> from sgcn.graph.rdf.validate import shapes_graph
        >>> from sgcn.graph.rdf.namespace import SGCN
        >>> shapes = shapes_graph()
        >>> (None, SH.targetClass, SGCN.Document) in _without_target(shapes, SGCN.Document), len(shapes) > 0
        (False, True)
    """
    kept = Graph()
    for triple in shapes:
        if not (triple[1] == SH.targetClass and triple[2] == cls):
            kept.add(triple)
    for prefix, namespace in shapes.namespaces():
        kept.bind(prefix, namespace, override=True)
    return kept


def _subject(line: str) -> str:
    """The subject of an N-Triples line as a violation names it (an IRI without its ``<>``).

    Examples:
        >>> _subject('<https://e.org/a> <https://e.org/p> "x" .')
        'https://e.org/a'
    """
    subject = line.split(" ", 1)[0]
    return subject[1:-1] if subject.startswith("<") else subject


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


def _check_batch(units: list[tuple[str, list[str], list[str]]]):
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


CONTAINED = frozenset({
    "http://www.w3.org/ns/org#memberDuring", "http://www.w3.org/2006/time#inside",
    "http://www.w3.org/2006/time#hasTime", "http://www.w3.org/2006/time#hasBeginning",
    "http://www.w3.org/2006/time#hasEnd", "http://rdfs.org/ns/void#classPartition",
    "http://www.w3.org/ns/prov#wasGeneratedBy", "http://www.w3.org/ns/prov#wasAssociatedWith",
})
"""Properties whose values are validated in their subject's unit: a membership's interval and
the instant inside it (minted for the document's membership), an event's time, its
beginning and end (in the event's unit), the dataset description's partitions and
provenance (in the description's unit). A sequence path may step through them."""


def _local_path(shapes: Graph, path) -> bool:
    """A plain property, or a sequence of properties each but the last in :data:`CONTAINED`."""
    if isinstance(path, URIRef):
        return True
    steps = _list_items(shapes, path)
    return bool(steps) and all(isinstance(step, URIRef) for step in steps) \
        and all(str(step) in CONTAINED for step in steps[:-1])


def shapes_are_local(shapes: Graph) -> bool:
    """Whether every shape reads only its focus node's own triples (and those of the nodes
    its unit contains) and the types of their values.

    Then a graph conforms exactly when each of its :func:`validation_units` does. Every
    ``sh:path`` must be a plain property or a sequence through :data:`CONTAINED`
    properties, held by a property shape of a node shape or by a member of a node
    shape's ``sh:or``; value shapes (inside ``sh:or``, ``sh:qualifiedValueShape``) may
    test a value's class, datatype, kind or membership; only the constraint components
    above are used.

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
        if p == SH.path and not _local_path(shapes, o):
            return False
    property_shapes = set(shapes.objects(None, SH.property))
    alternatives = {member for holder, listed in shapes.subject_objects(SH["or"]) if isinstance(holder, URIRef)
                    for member in _list_items(shapes, listed)}
    for owner in shapes.subjects(SH.path, None):
        if owner in alternatives:
            continue
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

    return frozenset(str(path) for shape, path in shapes.subject_objects(SH.path)
                     if isinstance(path, URIRef) and has_class(shape))


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
    skipped: list[str] = field(default_factory=list)
    """Entries of the folder that are no documents and were never opened (``path: why``)."""
    unchanged: bool = False
    """True when nothing changed since the last build wrote the output, which was left as
    it is (:func:`_nothing_changed`); the counts are that build's."""


#: a file modified less than this long (nanoseconds) before it was hashed is hashed again
#: by the next build, whatever its ``stat``: it may change again within the same tick
#: of the file system's clock, leaving size and times as they were
SETTLED_NS = 2_000_000_000


def _signature(path: str | Path) -> tuple | None:
    """What a file's ``stat`` says of its content: path, size, modification and change times,
    inode, device (``None`` for no regular file). Rewriting a file moves its change time,
    which no program can set back."""
    import stat

    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (str(path), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def _settled(signature: tuple, at_ns: int) -> bool:
    """Whether the file of ``signature`` had not been modified for :data:`SETTLED_NS` at ``at_ns``."""
    return max(signature[2:4]) < at_ns - SETTLED_NS


def _sources(folder: Path, max_bytes: int, cache: Cache | None = None
             ) -> tuple[list[_Source], list[LoadError], list[str], tuple | None]:
    """The document files of ``folder``, the errors of those that cannot be read, the
    entries skipped as no documents (``path: why``), as ``sgcn.loaders.read_folder`` has
    them, and the folder's listing as read (:func:`_listing`), ``None`` when a file was
    modified too recently for its ``stat`` to stand for its content.

    A file over ``max_bytes`` is an error found before it is read; a symbolic link that
    loops or points nowhere, a FIFO, a socket or a device is skipped, never opened.

    With a ``cache``, a file is read and hashed only when its ``stat`` (size, modification
    and change times, inode, device) is not the one it had when a build hashed it (and
    had held for :data:`SETTLED_NS` then): rewriting a file changes its change time,
    which no program can set back.
    """
    import time

    from sgcn.loaders import read_bytes
    from sgcn.loaders.manifest import find_manifest, load_manifest
    from sgcn.loaders.registry import document_paths, warn_unlisted

    entries = {}
    manifest_path = find_manifest(folder)
    manifest_signature = _signature(manifest_path) if manifest_path else None
    if manifest_path:
        entries = load_manifest(manifest_path)
    found, errors = [], []
    paths, skipped = document_paths(folder)
    hashes = _Memo(cache, "file hashes", str(folder.resolve())) if cache is not None and cache.folder else None
    signatures: list | None = []
    for path in paths:
        signature = sha256 = None
        if hashes is not None:
            signature = _signature(path)
            if signature is not None and signature[1] <= max_bytes:
                sha256 = hashes.recall(signature)
            else:
                signature = None
        if sha256 is None:
            hashed_at = time.time_ns()
            try:
                data = read_bytes(path, max_bytes)
            except LoadError as err:
                log.warning("%s", err)
                errors.append(err)
                signatures = None
                continue
            sha256 = hashlib.sha256(data).hexdigest()
            if signature is not None and _settled(signature, hashed_at):
                hashes.keep(signature, sha256)
            else:
                signatures = None
        elif hashes is not None:
            hashes.keep(signature, sha256)
        if signatures is not None:
            signatures.append(signature)
        manifest = tuple(sorted(entries.get(path.name, {}).items()))
        found.append(_Source(len(found), str(path), sha256, manifest))
    if hashes is not None:
        hashes.save()
    warn_unlisted(folder, entries, [*(Path(s.path).name for s in found), *(Path(e.path).name for e in errors)],
                  skipped)
    listing = None
    if signatures is not None and (manifest_path is None or (
            manifest_signature is not None and _settled(manifest_signature, time.time_ns()))):
        listing = (tuple(signatures), tuple(skipped), manifest_signature)
    return found, errors, skipped, listing


def _listing(folder: Path) -> tuple:
    """The document files of ``folder`` with their ``stat`` (:func:`_signature`), the entries
    skipped, and the manifest's ``stat``: as :func:`_sources` found them, when nothing changed."""
    from sgcn.loaders.manifest import find_manifest
    from sgcn.loaders.registry import document_paths

    manifest_path = find_manifest(folder)
    paths, skipped = document_paths(folder)
    return (tuple(_signature(path) for path in paths), tuple(skipped),
            _signature(manifest_path) if manifest_path else None)


# ----------------------------------------------------------------------------- nothing changed


def code_fingerprint() -> str:
    """Digest of everything but the sources that a build's bytes depend on: every file of
    ``sgcn.graph``, ``sgcn.loaders`` (rules, patterns, gazetteers) and ``sgcn.ontology``
    (shapes, reviewed links), the versions of sgcn's dependencies (the trained pipeline's
    package among them) and of Python, and ``SGCN_PIPELINE``.

    Found without importing extraction, so that a build with nothing to do costs little
    more than a look at the files' ``stat``.

    Examples:
        >>> len(code_fingerprint())
        64
    """
    import importlib.metadata
    import importlib.util
    import re
    import sys

    parts: list = [sys.version]
    for package in ("sgcn.graph", "sgcn.loaders", "sgcn.ontology"):
        spec = importlib.util.find_spec(package)
        for top in sorted((spec.submodule_search_locations or ()) if spec else ()):
            for root, folders, names in os.walk(top):
                folders[:] = sorted(name for name in folders if name != "__pycache__")
                for name in sorted(names):
                    if name.endswith((".py", ".yaml", ".yml", ".json", ".jsonld", ".txt", ".ttl", ".html", ".rq")):
                        path = os.path.join(root, name)
                        with open(path, "rb") as data:
                            parts += [os.path.relpath(path, top), data.read()]
    try:
        requirements = importlib.metadata.requires("sgcn") or []
    except importlib.metadata.PackageNotFoundError:
        requirements = []
    for requirement in sorted(requirements):
        if "extra ==" in requirement:
            continue
        name = re.match(r"[A-Za-z0-9._-]+", requirement).group()
        try:
            parts.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{name} missing")
    pipeline = os.environ.get("SGCN_PIPELINE", "").strip()
    if pipeline:  # another pipeline than the dependency: its identity, as extraction reads it
        parts += [pipeline, pipeline_identity()]
    return _digest(*parts)


@dataclass(frozen=True)
class _LastBuild:
    """What a build that wrote its graph left for the next one to see that nothing changed."""

    code: str
    listing: tuple
    output: tuple
    sha256: str
    checked_ns: int
    """When the output was last known to hold the bytes of ``sha256``."""
    result: dict


def _last_build_key(folder: Path, output: Path, skip_bad: bool, max_bytes: int) -> str:
    return _digest("last build", folder.resolve(), output.resolve(), skip_bad, max_bytes)


def _nothing_changed(cache: Cache, key: str, folder: Path, output: Path, code: str) -> dict | None:
    """The result of the last build of ``folder`` into ``output`` when nothing it was made
    from changed since (:func:`code_fingerprint`, every source's ``stat``, the folder's
    listing and manifest) and ``output`` is as it left it; else ``None``.

    The output's ``stat`` stands for its bytes once it has held for :data:`SETTLED_NS`
    after they were last checked; before that, its bytes are hashed and compared.
    """
    import time

    stored = cache.get("last-build", key)
    if stored is None:
        return None
    try:
        last = pickle.loads(stored)
    except Exception:  # noqa: BLE001 - an entry that cannot be read: build as usual
        return None
    if not isinstance(last, _LastBuild):
        return None
    output_signature = _signature(output)
    if output_signature is None or output_signature[1:] != last.output[1:]:
        return None
    if last.code != code or _listing(folder) != last.listing:
        return None
    if not _settled(output_signature, last.checked_ns):
        checked_at = time.time_ns()
        if _file_sha256(output) != last.sha256:
            return None
        if _settled(output_signature, checked_at):  # from now on its stat stands for its bytes
            cache.put("last-build", key, pickle.dumps(
                _LastBuild(last.code, last.listing, last.output, last.sha256, checked_at, last.result),
                protocol=pickle.HIGHEST_PROTOCOL))
    return last.result


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        while chunk := data.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class _Hashing:
    """A binary file that hashes what is written to it (``digest``) on its way."""

    def __init__(self, target, digest):
        self._target, self.digest = target, digest

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return self._target.write(data)

    def flush(self) -> None:
        self._target.flush()


#: what a worker imports before its first job (the fork server imports it once for all)
_PRELOAD = ["sgcn.loaders", "sgcn.loaders.extract", "sgcn.graph.rdf.build", "sgcn.graph.rdf.validate", "pyshacl"]
#: ... and when the workers are to extract: the trained pipeline too, loaded once in the fork
#: server and shared by every worker it forks (copy-on-write: the model's weights are not
#: copied), rather than loaded again by each worker (about 1.5 s of processor time and
#: 57 MB each)
_PRELOAD_MODEL = [*_PRELOAD, "sgcn.graph.rdf.preload_pipeline"]
#: documents a worker extracts at a time (their sentences are parsed in one stream)
EXTRACT_CHUNK = 8
#: chunks an extracting worker takes before a fresh one, forked from the fork server,
#: takes its place: whatever extraction keeps from one document to the next (a cache
#: that grows with every document read: about 0.35 MB a document was measured) is then
#: dropped every 32 documents, so a build's memory does not grow with the corpus. A fresh
#: worker starts from the fork server's warmed-up state (``preload_pipeline``), so the
#: forks cost no measurable processor time (README, "How fast, how big").
EXTRACT_CHUNKS_PER_WORKER = 4


def _pool(jobs: int, initializer=None, initargs=(), preload: list[str] = _PRELOAD, tasks_per_worker: int | None = None):
    """Worker processes started by a fork server (a clean process with sgcn imported).

    Not plain ``fork``: the process asking may run threads (a library's thread pool, a
    server in a test) whose locks a forked child would inherit held, and hang on. The
    fork server imports ``preload`` when it starts, which is once per process: the
    first pool decides (a warm build's first pool does not extract and loads no model).
    With ``tasks_per_worker``, a worker is replaced by a fresh one after that many tasks.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(preload)
    else:
        context = multiprocessing.get_context("spawn")
    return context.Pool(jobs, initializer=initializer, initargs=initargs, maxtasksperchild=tasks_per_worker)


def _parses_shared_by(jobs: int, items: Iterator) -> Iterator:
    """``items``, made while a long parse in this process is shared by at most ``jobs``
    processes (``--jobs``): a document extracted here, not in a worker, parses its
    sentences with forked helpers (:func:`sgcn.loaders.extract.nlp.parse_processes`)."""
    from sgcn.loaders.extract.nlp import parse_processes

    with parse_processes(jobs):
        yield from items


def _stop_fork_server() -> None:
    """Stop this process's fork server, when one runs: the next pool starts a new one.

    After extraction the fork server holds the trained pipeline and what extraction
    built (about 190 MB); the later passes' workers need none of it, and a fork server
    without it takes about 60 MB. ``multiprocessing`` offers no public call for this:
    ``ForkServer._stop`` (Python 3.8 and later, used by its own tests) is called when
    it is there, and without it the fork server is simply kept.
    """
    from multiprocessing import forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if callable(stop):
        stop()


def _map(function, items: Iterable, jobs: int, tick, *, initializer=None, initargs=(),
         preload: list[str] = _PRELOAD, tasks_per_worker: int | None = None, count: int | None = None) -> Iterator:
    """``function`` over ``items`` in order: in ``jobs`` worker processes, or here for few items.

    ``items`` may be an iterator (then ``count`` says how many it gives): a pool takes
    the next item when a worker is ready for it (the queue to the workers holds a few).
    """
    count = len(items) if count is None else count
    if jobs <= 1 or count <= 1:
        if initializer is not None:
            initializer(*initargs)
        for item in items:
            result = function(item)
            tick(1)
            yield result
        return
    with _pool(min(jobs, count), initializer, initargs, preload, tasks_per_worker) as pool:
        for result in pool.imap(function, items):
            tick(1)
            yield result


def build_incremental(
    sources_dir: str | Path,
    *,
    skip_bad: bool = False,
    max_document_bytes: int | None = None,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    jobs: int | None = None,
    progress: Progress | None = None,
    write: Callable[[Callable], None],
    output: str | Path | None = None,
) -> IncrementalResult:
    """Build the graph of ``sources_dir`` reusing what the cache holds; see the module docstring.

    Args:
        sources_dir: folder of source documents.
        skip_bad: build from the readable files when some cannot be read (a document
            that reading or extraction fails on unexpectedly is such a file).
        max_document_bytes: a larger source file is a bad input file (default
            ``sgcn.loaders.limits.DEFAULT_MAX_DOCUMENT_BYTES``).
        cache_dir: where to keep results (default :func:`default_cache_dir`).
        use_cache: keep nothing between builds when false (every pass runs in full;
            the cache lives in a temporary folder for this build only).
        jobs: worker processes (default: one per core).
        progress: ``progress(stage, total)`` -> ``tick(n)``, for progress bars.
        write: ``write(writer)`` is called with ``writer(binary_file)`` once the graph
            conforms (the caller writes atomically).
        output: the file ``write`` writes. When given (and the cache used), a build
            stops at once, writing nothing, when nothing changed since the last build
            wrote it (:func:`_nothing_changed`): the same sources (their ``stat``), the
            same code and dependencies (:func:`code_fingerprint`), the same options and
            the output as that build left it (``unchanged`` is then true).

    Returns:
        What was done; ``stopped`` (and ``errors``) when files cannot be read and
        ``skip_bad`` is false, in which case nothing was built.

    Raises:
        RuntimeError: extraction failed unexpectedly on every one of two or more
            documents: no single document's fault, an internal error.
    """
    import tempfile
    import time

    progress = progress or _no_progress
    jobs = jobs or os.cpu_count() or 1
    remove_stale_build_files()
    sources_dir = Path(sources_dir)
    if not sources_dir.is_dir():
        raise SgcnError(f"{sources_dir}: no such folder of source documents")
    temporary = spill_folder = None
    if not use_cache:
        temporary = tempfile.TemporaryDirectory(prefix=f"sgcn-build-{os.getpid()}-")
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
        from sgcn.loaders.limits import DEFAULT_MAX_DOCUMENT_BYTES

        max_bytes = DEFAULT_MAX_DOCUMENT_BYTES if max_document_bytes is None else max_document_bytes
        last_build = None
        if output is not None and temporary is None:
            output = Path(output)
            last_build = _last_build_key(sources_dir, output, skip_bad, max_bytes)
            code = code_fingerprint()
            if (same := _nothing_changed(cache, last_build, sources_dir, output, code)) is not None:
                for name, value in same.items():
                    setattr(result, name, value)
                result.unchanged = True
                lap("unchanged")
                return result

        # ---- pass 1: read and extract what the cache does not hold
        sources, errors, result.skipped, listing = _sources(sources_dir, max_bytes, cache)
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
                todo.append((source, cache_folder, read_version, rules, max_bytes))
        lap("scan")
        tick = progress("extracting", len(todo))
        internal_errors = []
        size = max(1, min(EXTRACT_CHUNK, -(-len(todo) // max(jobs, 1))))
        chunks = [todo[at:at + size] for at in range(0, len(todo), size)]
        extracted = _parses_shared_by(jobs, (
            found for chunk in _map(_extract_chunk, chunks, jobs, lambda _n: None, preload=_PRELOAD_MODEL,
                                    tasks_per_worker=EXTRACT_CHUNKS_PER_WORKER)
            for found in chunk))
        for index, key, digest, found, error, seconds in extracted:
            tick(1)
            result.work["extract"] += seconds
            if error is not None:
                error, internal = LoadError(error[0], error[1], line=error[2], column=error[3]), error[4]
                log.warning("%s", error)
                errors.append(error)
                if internal:
                    internal_errors.append(error)
                continue
            keys[index] = (key, digest)
            entities[index] = found
            result.extracted += 1
        if len(todo) > 1 and len(internal_errors) == len(todo):
            raise RuntimeError(f"reading or extraction failed on every document, so the fault is no one document's: "
                               f"{internal_errors[0].message}")
        errors.sort(key=lambda e: str(e.path))
        result.errors = errors
        if errors and not skip_bad:
            result.stopped = True  # the caller raises BadInputError with them
            return result
        order = sorted(keys)
        result.documents = len(order)
        if len(chunks) > 1 and jobs > 1 and len(order) > 2 * BATCH:
            # the passes to come run in workers of their own (see the state pass): let go of
            # the fork server that holds the trained pipeline (a small build keeps it, for
            # the next build of this process: restarting it costs seconds)
            _stop_fork_server()
        lap("extract")

        # ---- pass 2: merge entities across documents
        from sgcn.graph.rdf.build import add_entity, mint_entity, vocabulary_graph
        from sgcn.graph.rdf.namespace import DCTERMS, RDF, RDFS, SGCN, SKOS
        from sgcn.graph.rdf.serialize import graph_lines
        from sgcn.loaders.extract.merge import merged_entities

        merged_by_doc = dict(zip(order, merged_entities([entities[i] for i in order])))
        del entities
        # entity descriptions, stated once in document order as build_graph states them; their
        # lines go to the spill of every entity's lines (grouped by entity, kept on disk)
        spill_folder = Path(tempfile.mkdtemp(prefix=f"sgcn-build-{os.getpid()}-"))
        entity_lines = _SortedSpill(spill_folder)
        occurrences: dict[str, list] = {}
        iris: dict = {}  # entity -> IRI: an entity is named by many documents

        def minted(entity) -> URIRef:
            found = iris.get(entity)
            if found is None:
                found = iris[entity] = mint_entity(entity)
            return found

        for i in order:
            for entity in sorted(set(merged_by_doc[i].values())):
                occurrences.setdefault(str(minted(entity)), {}).setdefault(entity, None)
        labels = {}
        type_p, pref_p = f"<{RDF.type}>", f"<{SKOS.prefLabel}>"
        builder = builder_version()
        writer_code = files("sgcn.graph.rdf").joinpath("serialize.py").read_bytes()
        descriptions = _digest("entity descriptions", builder, writer_code)

        def description_of(iri: str, group) -> list[str]:
            g = Graph()
            for entity in group:
                add_entity(g, entity, URIRef(iri))
            return graph_lines(g)

        for iri, group in occurrences.items():
            lines = _kept(cache, "entity-description", _digest(descriptions, iri, *map(repr, group)),
                          lambda: description_of(iri, group))
            for line in lines:
                entity_lines.add(f"{line[1:line.index('>')]} {line}")
            labels[iri] = [line for line in lines if f"> {type_p} " in line or f"> {pref_p} " in line]
        del occurrences
        result.entities = dict(sorted(Counter(
            e.type for e in {m.key: m for local in merged_by_doc.values() for m in local.values()}.values()).items()))
        lap("merge")

        # ---- pass 3: state each document's facts, validate the units that changed
        from sgcn.graph.rdf.validate import shapes_graph

        vocabulary_terms = vocabulary_graph()
        vocabulary = graph_lines(vocabulary_terms)
        subclass = f"<{RDFS.subClassOf}>"
        hierarchy = [line for line in vocabulary if f"> {subclass} " in line]
        for line in vocabulary:  # what a unit pointing at a term of the vocabulary may check
            if f"> {type_p} " in line:
                labels.setdefault(line[1:line.index(">")], []).append(line)
        shapes = shapes_graph()
        local_shapes = shapes_are_local(shapes)
        typed = class_checked_properties(shapes)
        state = {
            "cache": cache_folder, "labels": labels, "shapes": _shapes_text(), "typed": typed, "hierarchy": hierarchy,
            "validation": validation_version() if local_shapes else "whole-graph:" + os.urandom(8).hex(),
            "type": str(RDF.type), "pref": str(SKOS.prefLabel), "alt": str(SKOS.altLabel),
        }
        _init_state_worker(state)
        # a document's job (its merged entities and their IRIs) is made when a worker is
        # ready for it, not held for every document at once
        unit_of = {}
        for i in order:
            local = merged_by_doc[i]
            signature = tuple(sorted((k, m.key, m.type, m.label) for k, m in local.items()))
            unit_of[i] = _unit_key(keys[i][1], signature, builder)

        def state_batches() -> Iterator[list]:
            for at in range(0, len(order), BATCH):
                yield [(i, keys[i][0], unit_of[i], merged_by_doc[i],
                        {m.key: (minted(m), m.type) for m in merged_by_doc[i].values()})
                       for i in order[at:at + BATCH]]

        fresh = sum(not cache.has("lines", unit_key) for unit_key in unit_of.values())
        unit_keys, violations = {}, []
        facts: Counter[str] = Counter()
        # the lines about entities (and the nodes documents share: a role, an event's time)
        # go to a file as they come, in document order; what the whole-graph steps need of
        # them (roles' titles, events' times) is noted on the way
        about_path = spill_folder / "about.nt"
        titles, times = _Titles(), _TimeLinks()
        tick = progress("stating and validating", len(order))
        with open(about_path, "w", encoding="utf-8", newline="\n") as about_file:
            for results, found, state_seconds, validate_seconds in _map(
                    _state_batch, state_batches(), jobs if fresh > 2 * BATCH else 1, lambda _n: None,
                    initializer=_init_state_worker, initargs=(state,), count=-(-len(order) // BATCH)):
                violations.extend(found)
                result.work["state"] += state_seconds
                result.work["validate"] += validate_seconds
                for index, unit_key, about, counts in results:
                    unit_keys[index] = unit_key
                    for line in about:
                        titles.note(line)
                        times.note(line)
                        about_file.write(line + "\n")
                    facts.update(counts)
                    tick(1)
        del merged_by_doc
        result.stated = fresh
        result.facts = {k: v for k, v in sorted(facts.items()) if v}
        lap("state")

        # ---- whole-graph steps (as build_graph takes them): a role keeps its first title,
        # one start and end date per event (from its time's lines, in the event's unit), the
        # reviewed links to Wikidata (of the entities typed in a unit)
        suppressed = titles.dropped()
        owner = times.owners()
        del titles, times
        for line in _file_lines(about_path):
            if line not in suppressed:
                subject = line[1:line.index(">")]
                entity_lines.add(f"{owner.get(subject, subject)} {line}")
        about_path.unlink()
        del owner
        from sgcn.graph.rdf.links import load_links

        links: dict[str, list[str]] = {}
        for link in load_links():
            if link.reviewed:
                links.setdefault(link.entity, []).append(link.wikidata)

        # entity units (an event with its time) and the vocabulary, streamed in the order of
        # their IRIs: each unit's lines go to the spill of lines to write, the units not
        # validated before to a file of batches
        head = _SortedSpill(spill_folder)
        for line in vocabulary:
            head.add(line)
        units_path = spill_folder / "units.pickle"
        entity_batch_count = validated_units = 0
        with open(units_path, "wb") as units_file:
            pending: list = []

            def hold(unit) -> None:
                nonlocal entity_batch_count
                pending.append(unit)
                if len(pending) == ENTITY_BATCH:
                    pickle.dump(pending, units_file, protocol=pickle.HIGHEST_PROTOCOL)
                    pending.clear()
                    entity_batch_count += 1

            units = _digest("entity units", _digest(
                builder, writer_code, files("sgcn.graph.rdf").joinpath("links.py").read_bytes(),
                sorted(typed), *((entity, *ids) for entity, ids in sorted(links.items()))))

            def unit_of_entity(group: list[str]) -> tuple[list[str], list[str]]:
                lines = _unit_lines(group, links)
                return lines, _pointed(lines, typed)

            for _iri, group in _groups(entity_lines.sorted()):
                lines, pointed = _kept(cache, "entity-unit", _digest(units, *group), lambda: unit_of_entity(group))
                for line in lines:
                    head.add(line)
                own = set(lines)
                context = [c for c in _context(pointed, labels) if c not in own]
                key = _digest("valid", "\n".join(lines + context), state["validation"])
                if not cache.has("valid", key):
                    hold((key, lines, context))
                    validated_units += 1
            entity_lines.close()
            vocabulary_key = _digest("valid", "\n".join(vocabulary), state["validation"])
            if not cache.has("valid", vocabulary_key):
                hold((vocabulary_key, vocabulary, []))
                validated_units += 1
            if pending:
                pickle.dump(pending, units_file, protocol=pickle.HIGHEST_PROTOCOL)
                entity_batch_count += 1
        head_path = spill_folder / "head.nt"
        with open(head_path, "w", encoding="utf-8", newline="\n") as head_file:
            for line in _merged([head.sorted()], set()):
                head_file.write(line + "\n")
        head.close()
        lap("finish")

        # the dataset's description, counted over every line to be written in the pass that
        # also writes those lines to the segment files the Turtle is written from
        from sgcn.graph.rdf.build import PREFIXES

        bindings = {**{p: str(ns) for p, ns in vocabulary_terms.namespaces()},
                    **{p: str(ns) for p, ns in PREFIXES.items()}}
        paths, used, temporary_runs = _document_runs(cache, [unit_keys[i] for i in order], spill_folder, bindings)
        try:
            progress("describing", None)
            from sgcn.graph.rdf.describe import DESCRIBED
            from sgcn.graph.rdf.serialize import turtle_from_parts, used_prefixes

            # prefixes are noted before the titles a role does not keep are left out: such a
            # title's namespaces are its first title's (the same subject and property)
            # the runs are read as the files' own lines, line breaks kept (no line of N-Triples
            # is the start of another, so they sort as the lines do): the largest pass of a
            # rebuild goes through no generator of ours per line and file but the merge's
            head_used: dict[str, str] = {}
            segments = _Segments(spill_folder, DESCRIBED)
            with contextlib.ExitStack() as files_open, segments:
                def run(path: Path):
                    return files_open.enter_context(open(path, encoding="utf-8", newline="\n"))

                runs = [_noting_prefixes(run(head_path), bindings, head_used)]
                if used is None:  # the documents' lines too
                    used = {}
                    runs += [_noting_prefixes(run(p), bindings, used) for p in paths]
                else:
                    runs += [run(p) for p in paths]
                described = _description_lines(segments.passing(
                    _merged(runs, {line + "\n" for line in suppressed})))
            prefixes = dict(sorted({**used, **head_used, **used_prefixes(described, bindings)}.items()))
            documents = [line for line in described if f"> <{DCTERMS.source}> " in line]
            document_types = [f"{line[line.rindex('> <') + 2:-2]} {type_p} <{SGCN.Document}> ." for line in documents]
            # the description's unit types its sources sgcn:Document (what the description's
            # shape checks of them); each document is validated in its own unit
            key = _digest("valid", "\n".join(described + document_types), state["validation"])
            if local_shapes and not cache.has("valid", key):
                # the documents are context here, so the shapes that target a document are
                # left out: pySHACL would report what each lacks (three results a document,
                # some 300,000 triples of report at 10,000 documents) only for it to be dropped
                violations.extend(_check_units([(key, described, document_types)], cache,
                                               _without_target(_STATE["shapes"], SGCN.Document)))
            lap("describe")

            if not local_shapes:
                log.info("the shapes read beyond a node's own triples: validating the whole graph at once")
                violations = _check_units([("whole", [*_file_lines(head_path), *described]
                                            + [line for i in order for line in _own_lines(cache, unit_keys[i])
                                               if line not in suppressed], [])], Cache(None))
                entity_batch_count = validated_units = 0
            tick = progress("validating entities", entity_batch_count)
            for found, seconds in _map(_check_batch, _pickled(units_path) if entity_batch_count else iter(()), jobs,
                                       tick, initializer=_init_state_worker, initargs=(state,),
                                       count=entity_batch_count):
                violations.extend(found)
                result.work["validate"] += seconds
            result.validated_units = validated_units
            lap("validate")

            from sgcn.graph.rdf.validate import ValidationReport

            result.report = ValidationReport(conforms=not violations, violations=tuple(sorted(set(violations))))
            if violations:
                for violation in result.report.violations:
                    log.error("invalid: %s", violation)
                return result

            # ---- pass 4: write every line in sorted order: the segments, with the dataset's
            # description between them
            progress("writing", None)
            write_started = time.process_time()
            written = hashlib.sha256()
            write(lambda out: turtle_from_parts(segments.parts(described), prefixes, _Hashing(out, written)))
            result.work["write"] += time.process_time() - write_started
        finally:
            for path in temporary_runs:
                path.unlink(missing_ok=True)
        result.triples = segments.count + len(described)
        result.written = True
        if last_build is not None and listing is not None and not result.errors:
            # what the next build needs to see that nothing changed: the sources' stat as
            # this build read them (a file changed since differs), and the output's
            output_signature = _signature(output)
            if output_signature is not None:
                cache.put("last-build", last_build, pickle.dumps(_LastBuild(
                    code, listing, output_signature, written.hexdigest(), time.time_ns(),
                    {"documents": result.documents, "entities": result.entities, "facts": result.facts,
                     "triples": result.triples, "skipped": list(result.skipped),
                     "report": result.report}), protocol=pickle.HIGHEST_PROTOCOL))
        lap("write")
        return result
    finally:
        if spill_folder is not None:
            shutil.rmtree(spill_folder, ignore_errors=True)
        if temporary is not None:
            temporary.cleanup()


def remove_stale_build_files(folder: str | Path | None = None) -> list[Path]:
    """Remove what a killed build left in the temporary folder: its merge runs and its ``--no-cache`` cache.

    Only our own entries are removed: named ``sgcn-run-PID-*.nt`` (a file) or
    ``sgcn-build-PID-*`` (a folder), not links, of the current user, whose process
    ``PID`` is gone. A concurrent build's entries are left alone.

    Returns:
        The entries removed.

    Examples:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "sgcn-run-999999999-abc.nt").write_text("<a> <b> <c> .")
        >>> _ = (folder / f"sgcn-run-{os.getpid()}-abc.nt").write_text("being merged")
        >>> (folder / "sgcn-build-999999999-xyz" / "extract").mkdir(parents=True)
        >>> sorted(p.name for p in remove_stale_build_files(folder))
        ['sgcn-build-999999999-xyz', 'sgcn-run-999999999-abc.nt']
        >>> [p.name for p in folder.iterdir()] == [f"sgcn-run-{os.getpid()}-abc.nt"]
        True
    """
    import re
    import shutil
    import stat
    import tempfile

    from sgcn.graph.rdf.serialize import _process_alive

    folder = Path(folder) if folder is not None else Path(tempfile.gettempdir())
    ours = re.compile(r"sgcn-(?:run-(?P<run>\d+)-.+\.nt|build-(?P<build>\d+)-.+)")
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = ours.fullmatch(entry.name)
        if not match:
            continue
        pid = int(match.group("run") or match.group("build"))
        try:
            info = entry.lstat()
        except OSError:
            continue
        wanted = stat.S_ISREG if match.group("run") else stat.S_ISDIR
        if not wanted(info.st_mode) or info.st_uid != os.getuid() or pid == os.getpid() or _process_alive(pid):
            continue
        try:
            if match.group("build"):
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError as err:
            log.debug("could not remove %s: %s", entry, err)
            continue
        log.info("removed %s, left by a build that was interrupted", entry)
        removed.append(entry)
    return removed


def _own_lines(cache: Cache, unit_key: str) -> Iterator[str]:
    data = cache.get("lines", unit_key) or b""
    yield from data.decode("utf-8").splitlines()


FAN_IN = 128
"""Sorted files merged at once when writing (more are merged in rounds through temporary files)."""


def _file_lines(path: Path) -> Iterator[str]:
    with open(path, encoding="utf-8", newline="\n") as lines:
        for line in lines:
            yield line.rstrip("\n")


def _sorted_runs(paths: list[Path], folder: Path | None = None) -> tuple[list[Path], list[Path]]:
    """Sorted files to merge at once: ``paths``, or, past :data:`FAN_IN` of them, files
    each merging a group of them (the second list: temporary, for the caller to remove).

    The lines of the whole corpus are never held in memory together.
    """
    import tempfile

    temporary: list[Path] = []
    while len(paths) > FAN_IN:
        merged = []
        for at in range(0, len(paths), FAN_IN):
            group = paths[at:at + FAN_IN]
            handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", prefix=f"sgcn-run-{os.getpid()}-", suffix=".nt",
                                                 delete=False, dir=folder, newline="\n")
            with handle:
                for line in heapq.merge(*(_file_lines(p) for p in group)):
                    handle.write(line + "\n")
            merged.append(Path(handle.name))
        for path in paths:
            if path in temporary:
                path.unlink(missing_ok=True)
        temporary = merged
        paths = merged
    return paths, temporary


def _document_runs(cache: Cache, unit_keys: list[str], folder: Path,
                   bindings: dict[str, str]) -> tuple[list[Path], dict[str, str] | None, list[Path]]:
    """The sorted files of the documents' own lines (their units' ``lines`` entries, in
    document order) to merge at once, as :func:`_sorted_runs` makes them; the prefixes of
    ``bindings`` their lines use, when known (``None``: to be noted as the lines pass);
    and the temporary files among them (for the caller to remove).

    Past :data:`FAN_IN` documents, each group of :data:`FAN_IN` (in document order) is
    merged into a file kept in the cache, keyed by its units, with the prefixes its lines
    use: a rebuild after one document changed merges the lines of that document's group
    only, and looks for prefixes in no other document's lines.
    """
    import json
    import tempfile

    paths = [cache.path("lines", key) for key in unit_keys]
    if len(paths) <= FAN_IN:
        return paths, None, []
    merged, used = [], {}
    for at in range(0, len(paths), FAN_IN):
        key = _digest("merged-lines", *unit_keys[at:at + FAN_IN])
        prefixes_key = _digest("merged-prefixes", key, *sorted(bindings.items()))
        path = cache.path("merged-lines", key)
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", prefix=f".{path.name}.", suffix=".tmp",
                                                 delete=False, dir=path.parent, newline="\n")
            try:
                with handle:
                    for line in heapq.merge(*(_file_lines(p) for p in paths[at:at + FAN_IN])):
                        handle.write(line + "\n")
                os.replace(handle.name, path)
            except BaseException:
                Path(handle.name).unlink(missing_ok=True)
                raise
        stored = cache.get("merged-prefixes", prefixes_key)
        if stored is None:
            found: dict[str, str] = {}
            for _line in _noting_prefixes(_file_lines(path), bindings, found):
                pass
            stored = json.dumps(found, sort_keys=True).encode("utf-8")
            cache.put("merged-prefixes", prefixes_key, stored)
        used.update(json.loads(stored))
        merged.append(path)
    runs, temporary = _sorted_runs(merged, folder)
    return runs, used, temporary


class _Segments:
    """The lines to write (sorted, each once), kept in N-Triples files cut where the lines
    of the dataset description's ``subjects`` fall, as they pass through :meth:`passing`;
    the lines of those subjects are held. :meth:`parts` gives the files with the
    description's lines between them, for ``turtle_from_parts``: the Turtle is written
    from files pyoxigraph reads, without merging the lines a second time.

    Examples:
        >>> import tempfile
        >>> lines = ["<a> <p> <x> .\\n", "<b> <p> <x> .\\n", "<d> <p> <x> .\\n"]
        >>> with _Segments(Path(tempfile.mkdtemp()), ["b", "c"]) as segments:
        ...     passed = list(segments.passing(lines))
        >>> [part if isinstance(part, list) else part.read_text().splitlines()
        ...  for part in segments.parts(["<c> <q> <y> ."])]
        [['<a> <p> <x> .'], ['<b> <p> <x> .'], [], ['<c> <q> <y> .'], ['<d> <p> <x> .']]
        >>> with _Segments(Path(tempfile.mkdtemp()), ["e"]) as segments:
        ...     passed = list(segments.passing(lines))
        >>> [len(part) if isinstance(part, list) else part.name for part in segments.parts(["<e> <q> <y> ."])]
        ['segment-0.nt', 1]
    """

    def __init__(self, folder: Path, subjects: Iterable):
        self.folder = folder
        self.boundaries = sorted(f"<{subject}> " for subject in subjects)
        self.paths: list[Path] = []
        self.held: list[str] = []
        self.count = 0
        self._file = None

    def __enter__(self) -> "_Segments":
        self._next()
        return self

    def __exit__(self, *_exc) -> None:
        self._file.close()

    def _next(self) -> None:
        if self._file is not None:
            self._file.close()
        self.paths.append(self.folder / f"segment-{len(self.paths)}.nt")
        self._file = open(self.paths[-1], "w", encoding="utf-8", newline="\n")

    def passing(self, lines: Iterable[str]) -> Iterator[str]:
        """``lines`` (each ending with its line break) passed through without it, each
        written to its segment (or held)."""
        boundaries, at, write, hold = self.boundaries, 0, self._file.write, self.held.append
        # the lines of a described subject come right after its boundary (``<subject> ``)
        crossed = None
        for line in lines:
            while at < len(boundaries) and line > boundaries[at]:
                crossed = boundaries[at]
                at += 1
                self._next()
                write = self._file.write
            self.count += 1
            if crossed is not None and line.startswith(crossed):
                hold(line[:-1])
            else:
                write(line)
            yield line[:-1]

    def parts(self, described: list[str]) -> list:
        """The segment files, and between them the lines of each described subject (those
        held and ``described``), sorted."""
        slots: dict[str, list[str]] = {}
        for line in self.held + described:
            slots.setdefault(line[:line.index(" ") + 1], []).append(line)
        found: list = []
        for at in range(len(self.boundaries) + 1):
            if at < len(self.paths):  # no segment after the last line
                found.append(self.paths[at])
            if at < len(self.boundaries):
                found.append(sorted(slots.get(self.boundaries[at], ())))
        return found


def _merged(runs: list[Iterator[str]], suppressed: set[str]) -> Iterator[str]:
    """The lines of sorted ``runs`` in order, each once, but for the ``suppressed``."""
    previous = None
    for line in heapq.merge(*runs):
        if line != previous and line not in suppressed:
            yield line
        previous = line


SPILL_LINES = 20_000
"""Lines a :class:`_SortedSpill` holds in memory; more are written to sorted run files."""

ENTITY_BATCH = 400
"""Entity units validated together in one worker job (one pySHACL call)."""


class _SortedSpill:
    """Lines added in any order and read back once, sorted (duplicates kept), with at most
    :data:`SPILL_LINES` of them in memory: each full buffer is sorted and written to a run
    file in ``folder``, and the runs are merged (in rounds of :data:`FAN_IN`). The order
    is the lines' own, whatever the runs, so the result is the same bytes as ``sorted``.

    A build's lines about entities are its largest part that grows with the corpus; they
    pass through here rather than being held.

    Examples:
        >>> import tempfile
        >>> spill = _SortedSpill(tempfile.mkdtemp(), limit=2)
        >>> for line in ["c", "a", "d", "b", "a"]:
        ...     spill.add(line)
        >>> list(spill.sorted()), len(spill.runs)
        (['a', 'a', 'b', 'c', 'd'], 3)
        >>> spill.close(); spill.runs
        []
    """

    def __init__(self, folder: str | Path, *, limit: int | None = None):
        self.folder = Path(folder)
        self.limit = limit or SPILL_LINES
        self.runs: list[Path] = []
        self._buffer: list[str] = []
        self._temporary: list[Path] = []

    def add(self, line: str) -> None:
        self._buffer.append(line)
        if len(self._buffer) >= self.limit:
            self._write_run()

    def _write_run(self) -> None:
        import tempfile

        self._buffer.sort()
        handle, name = tempfile.mkstemp(prefix="run-", suffix=".nt", dir=self.folder)
        path = Path(name)
        with open(handle, "w", encoding="utf-8", newline="\n") as run:
            for line in self._buffer:
                run.write(line + "\n")
        self.runs.append(path)
        self._buffer = []

    def sorted(self) -> Iterator[str]:
        """Every line added, in sorted order."""
        if not self.runs:
            lines, self._buffer = sorted(self._buffer), []
            yield from lines
            return
        if self._buffer:
            self._write_run()
        paths, self._temporary = _sorted_runs(self.runs, self.folder)
        yield from heapq.merge(*(_file_lines(path) for path in paths))

    def close(self) -> None:
        """Remove the run files."""
        for path in self.runs + self._temporary:
            path.unlink(missing_ok=True)
        self.runs, self._temporary, self._buffer = [], [], []


def _groups(records: Iterable[str]) -> Iterator[tuple[str, list[str]]]:
    """``(key, lines)`` of sorted ``key line`` records, one per key, in the keys' order.

    A key is an IRI (no spaces, and no character below the space): sorting the records
    sorts them by key as ``sorted`` sorts the keys, and groups each key's lines.

    Examples:
        >>> list(_groups(["a <x> .", "a <y> .", "ab <z> ."]))
        [('a', ['<x> .', '<y> .']), ('ab', ['<z> .'])]
    """
    key, lines = None, []
    for record in records:
        found, line = record.split(" ", 1)
        if found != key:
            if key is not None:
                yield key, lines
            key, lines = found, []
        lines.append(line)
    if key is not None:
        yield key, lines


def _pickled(path: Path) -> Iterator:
    """The objects pickled one after another into the file at ``path``."""
    with open(path, "rb") as objects:
        while True:
            try:
                yield pickle.load(objects)
            except EOFError:
                return


def _noting_prefixes(lines: Iterable[str], bindings: dict[str, str], used: dict[str, str]) -> Iterator[str]:
    """``lines`` passed through; ``used`` gets the prefixes of ``bindings`` whose namespace
    an IRI of a line is in (as ``used_prefixes`` finds them, without holding the lines).

    Examples:
        >>> used = {}
        >>> _ = list(_noting_prefixes(['<https://e.org/ns#a> <https://f.org/p> <https://g.org/> .'],
        ...                           {"e": "https://e.org/ns#", "f": "https://f.org/", "g": "https://g.org/"}, used))
        >>> sorted(used)
        ['e', 'f']
    """
    import re

    remaining = {namespace: prefix for prefix, namespace in bindings.items() if prefix and namespace}

    def compiled():
        # a namespace is used by an IRI in it, not by the namespace's own IRI (as used_prefixes counts)
        return re.compile("<(" + "|".join(re.escape(n) for n in sorted(remaining, key=len, reverse=True)) + ")(?=[^>])")

    pattern = compiled() if remaining else None
    for line in lines:
        if pattern is not None and (match := pattern.search(line)):
            while match:
                found = match.group(1)
                for namespace in [n for n in remaining if found.startswith(n)]:
                    used[remaining.pop(namespace)] = namespace
                pattern = compiled() if remaining else None
                match = pattern.search(line, match.end()) if pattern is not None else None
        yield line


# ----------------------------------------------------------------------------- whole-graph steps

_TIME = "http://www.w3.org/2006/time#"
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_PREF_LABEL = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
_ORG_ROLE = "<http://www.w3.org/ns/org#Role>"


def _parts(line: str) -> tuple[str, str, str]:
    """Subject, predicate and object of an N-Triples line, as written (IRIs in ``<>``)."""
    subject, predicate, rest = line.split(" ", 2)
    return subject, predicate, rest[:-2]


class _Titles:
    """A post's ``org:Role`` keeps the first title that names it (document order), as
    ``build_graph`` keeps it: two titles may mint one role (``Vice Mayor``, ``vice mayor``).

    Lines are :meth:`note`\\ d as they come, in document order; only the titles of nodes
    that have a preferred label (roles, among the lines about entities) are kept.

    Examples:
        >>> role = "<https://w3id.org/sgcn/id/role/vice-mayor>"
        >>> titles = _Titles()
        >>> for line in [f"{role} {_RDF_TYPE} {_ORG_ROLE} .", f'{role} {_PREF_LABEL} "Vice Mayor" .',
        ...              f'{role} {_PREF_LABEL} "vice mayor" .', f'{role} {_PREF_LABEL} "Vice Mayor" .']:
        ...     titles.note(line)
        >>> [line.split(" ", 2)[2] for line in titles.dropped()]
        ['"vice mayor" .']
    """

    def __init__(self) -> None:
        self._roles: set[str] = set()
        self._first: dict[str, str] = {}
        self._later: dict[str, set[str]] = {}

    def note(self, line: str) -> None:
        subject, predicate, _rest = line.split(" ", 2)
        if predicate == _PREF_LABEL:
            if self._first.setdefault(subject, line) != line:
                self._later.setdefault(subject, set()).add(line)
        elif line.endswith(f" {_RDF_TYPE} {_ORG_ROLE} ."):
            self._roles.add(subject)

    def dropped(self) -> set[str]:
        """The titles of roles that are not the first."""
        return {line for subject, lines in self._later.items() if subject in self._roles for line in lines}


class _TimeLinks:
    """The lines linking an event to its time and its time to its beginning and end, noted
    as they come: what :func:`_time_owners` needs to put a time node in its event's unit."""

    _LINKS = (f"<{_TIME}hasTime>", f"<{_TIME}hasBeginning>", f"<{_TIME}hasEnd>")

    def __init__(self) -> None:
        self._lines: list[str] = []

    def note(self, line: str) -> None:
        if line.split(" ", 2)[1] in self._LINKS:
            self._lines.append(line)

    def owners(self) -> dict[str, str]:
        return _time_owners(self._lines)


def _time_owners(about: list[str]) -> dict[str, str]:
    """The event each time node (interval, beginning, end) belongs to, by IRI (no ``<>``)."""
    owner = {}
    for line in about:
        subject, predicate, obj = _parts(line)
        if predicate == f"<{_TIME}hasTime>":
            owner[obj[1:-1]] = subject[1:-1]
    for line in about:
        subject, predicate, obj = _parts(line)
        if predicate in (f"<{_TIME}hasBeginning>", f"<{_TIME}hasEnd>"):
            owner[obj[1:-1]] = owner.get(subject[1:-1], subject[1:-1])
    return owner


def _event_date_lines(about: list[str]) -> list[str]:
    """The ``schema:startDate`` and ``endDate`` of every event (``add_event_dates``), from its time's lines."""
    from sgcn.graph.rdf.build import add_event_dates
    from sgcn.graph.rdf.namespace import SDO
    from sgcn.graph.rdf.serialize import graph_lines

    time_lines = [line for line in about if _parts(line)[1].startswith(f"<{_TIME}")]
    graph = lines_graph(time_lines)
    add_event_dates(graph)
    dates = (f"<{SDO.startDate}>", f"<{SDO.endDate}>")
    return [line for line in graph_lines(graph) if _parts(line)[1] in dates]


def _unit_lines(lines: list[str], links: dict[str, list[str]]) -> list[str]:
    """An entity's unit, sorted and each line once: its ``lines`` (its description, what
    documents state of it and, for an event, of its time), with the event's one
    ``schema:startDate`` and ``endDate`` (``add_event_dates``, from its time's lines) and the
    reviewed links to Wikidata (``add_links``) of the nodes typed in it (``links``: entity
    IRI -> Wikidata ids).

    Examples:
        >>> place = "https://w3id.org/sgcn/id/place/singapore"
        >>> [line.split(" ")[1] for line in _unit_lines([f"<{place}> {_RDF_TYPE} <https://w3id.org/sgcn/ontology#Place> ."],
        ...                                            {place: ["Q334"]})]
        ['<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>', '<http://www.w3.org/2004/02/skos/core#exactMatch>']
    """
    from sgcn.graph.rdf.links import wikidata_iri
    from sgcn.graph.rdf.namespace import SKOS
    from sgcn.graph.rdf.serialize import ntriples_line

    found = list(lines)
    if any(line.split(" ", 2)[1].startswith(f"<{_TIME}") for line in lines):
        found += _event_date_lines(lines)
    for subject in sorted({line[1:line.index(">")] for line in lines if line.split(" ", 2)[1] == _RDF_TYPE}):
        for wikidata in links.get(subject, ()):
            found.append(ntriples_line((URIRef(subject), SKOS.exactMatch, wikidata_iri(wikidata))))
    return sorted(set(found))


def _description_lines(lines: Iterator[str]) -> list[str]:
    """The dataset's VoID/DCAT description (``describe_dataset``) of the graph of ``lines``.

    ``lines`` are every line to be written, sorted and each once: one pass counts them,
    their subjects (a subject's lines are next to each other), properties and classes.
    """
    from sgcn.graph.rdf.describe import DESCRIBED, counts, description
    from sgcn.graph.rdf.iris import ID
    from sgcn.graph.rdf.namespace import DCTERMS, SGCN, SKOS
    from sgcn.graph.rdf.serialize import ntriples_line
    from sgcn.loaders.facts import ENTITY_TYPES

    entity_classes = {f"<{SGCN[name]}>": name for name in ENTITY_TYPES}
    document_class, concept_class, subject_p = f"<{SGCN.Document}>", f"<{SKOS.Concept}>", f"<{DCTERMS.subject}>"
    described = {f"<{node}>" for node in DESCRIBED}
    triples, subjects, previous, is_described = 0, 0, None, False
    properties, classes, concepts, about = set(), set(), set(), set()
    documents, present = [], set()
    found, least = dict.fromkeys(ENTITY_TYPES, 0), {}  # entities of each type, and the first IRI
    for line in lines:
        triples += 1
        subject, predicate, obj = line.split(" ", 2)  # the object with its " ." until needed
        if subject != previous:
            subjects += 1
            previous = subject
            is_described = subject in described
        properties.add(predicate)
        if is_described:
            present.add(line)
        if predicate == _RDF_TYPE:
            obj = obj[:-2]
            classes.add(obj)
            if obj == document_class:
                documents.append(URIRef(subject[1:-1]))
            elif obj == concept_class:
                concepts.add(subject)
            elif obj in entity_classes and subject.startswith(f"<{ID}"):
                name = entity_classes[obj]
                found[name] += 1
                least[name] = min(least.get(name, subject[1:-1]), subject[1:-1])
        elif predicate == subject_p and obj.startswith("<"):
            about.add(obj[:-2])
    statements = description(sorted(documents), found, [URIRef(least[name]) for name in found if found[name]],
                             sorted(URIRef(theme[1:-1]) for theme in about & concepts))
    own = sorted({ntriples_line(t) for t in statements} - present)
    placeholders = [ntriples_line(t) for t in counts(0, 0, 0, 0)]
    for line in own + placeholders:
        subject, predicate, obj = _parts(line)
        properties.add(predicate)
        if predicate == _RDF_TYPE:
            classes.add(obj)
    new_subjects = {_parts(line)[0] for line in own + placeholders} - {_parts(line)[0] for line in present}
    final = counts(len(classes), len(properties), subjects + len(new_subjects), triples + len(own) + len(placeholders))
    return sorted(own + [ntriples_line(t) for t in final])
