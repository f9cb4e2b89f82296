"""The build pipeline: a folder of documents in, a validated Turtle graph out.

:func:`build` reads every document of a folder (``sgcn.loaders.read_folder``),
extracts entities and facts (``sgcn.loaders.extract.extract_all``), states them as
RDF (:func:`sgcn.graph.rdf.build.build_graph`), validates the graph against the SHACL
shapes and, only when it conforms, writes it atomically. It returns a
:class:`BuildSummary` of what it did; progress goes to the ``sgcn.graph.rdf.pipeline``
logger (the CLI shows it on stderr).

Bad input files stop the build before anything is written (:class:`BadInputError`
lists all of them) unless ``skip_bad`` is set, in which case the rest is built and
the summary lists what was skipped and why. A document that reading or extraction
fails on in a way nobody foresaw is a bad input file too (its error names the file and
the exception), so one such document never costs the user the whole graph; an error
that is no single document's stays an internal error (``sgcn build`` exits 3).
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from rdflib import Graph

from sgcn.graph.rdf.build import build_graph
from sgcn.graph.rdf.serialize import write_turtle
from sgcn.graph.rdf.validate import ValidationReport, validate
from sgcn.loaders.errors import LoadError, SgcnError
from sgcn.loaders.facts import Extraction
from sgcn.loaders.limits import DEFAULT_MAX_DOCUMENT_BYTES

log = logging.getLogger(__name__)


class BadInputError(SgcnError):
    """Source files that cannot be read; carries every one of them.

    Examples:
        >>> err = BadInputError([LoadError("a.pdf", "unknown format")])
        >>> str(err)
        '1 bad input file:\\na.pdf: unknown format'
    """

    def __init__(self, errors: Iterable[LoadError]):
        self.errors = tuple(errors)
        noun = "file" if len(self.errors) == 1 else "files"
        super().__init__(
            f"{len(self.errors)} bad input {noun}:\n" + "\n".join(str(e) for e in self.errors)
        )


@dataclass(frozen=True)
class BuildSummary:
    """What a build did.

    Attributes:
        sources: the folder read.
        out: the file the graph was (or would have been) written to.
        documents: number of documents read.
        entities: entity count by type.
        facts: fact count by kind (mentions, relations by name, roles, event times,
            figures, topics).
        skipped: the files left out (``path:line: message``): bad files with ``skip_bad``,
            and entries that are no documents (a symbolic link loop, a FIFO).
        triples: number of triples in the graph.
        report: the SHACL validation report.
        written: whether the graph was written (only when it conforms).
        unchanged: whether nothing changed since the last build wrote ``out``, which was
            then left as it is (the counts are that build's).
    """

    sources: Path
    out: Path
    documents: int
    entities: dict[str, int] = field(default_factory=dict)
    facts: dict[str, int] = field(default_factory=dict)
    skipped: tuple[str, ...] = ()
    triples: int = 0
    report: ValidationReport = ValidationReport(conforms=True)
    written: bool = False
    extracted: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    work: dict[str, float] = field(default_factory=dict)
    unchanged: bool = False

    def lines(self) -> list[str]:
        """The summary as short lines of text for people.

        Examples:
            >>> s = BuildSummary(Path("src"), Path("g.ttl"), 2, {"Person": 3}, {"relations": 1})
            >>> s.lines()[0]
            'documents read: 2 (from src)'
        """
        out = [f"documents read: {self.documents} (from {self.sources})"]
        out.append("entities: " + (", ".join(f"{k} {v}" for k, v in self.entities.items()) or "none"))
        out.append("facts: " + (", ".join(f"{k} {v}" for k, v in self.facts.items()) or "none"))
        out.append(f"triples: {self.triples}")
        if self.extracted != self.documents and not self.unchanged:
            out.append(f"extracted: {self.extracted} (the other documents from the cache)")
        for skipped in self.skipped:
            out.append(f"skipped: {skipped}")
        if self.written:
            out.append(f"wrote {self.out}")
        elif self.unchanged:
            out.append(f"nothing changed since the last build: {self.out} is as it wrote it")
        elif not self.report.conforms:
            out.append(f"NOT written: the graph does not conform to the shapes ({len(self.report.violations)} violations)")
        return out


def count_entities(extractions: Iterable[Extraction]) -> dict[str, int]:
    """Distinct entities by type over all extractions, types in a fixed order.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.facts import Entity
        >>> doc = Document(source="a.txt", text="", sha256="0" * 64, format="plaintext")
        >>> sg = Entity("Place/sg", "Place", "Singapore")
        >>> count_entities([Extraction(doc, entities=(sg,)), Extraction(doc, entities=(sg,))])
        {'Place': 1}
    """
    seen = {}
    for extraction in extractions:
        for entity in extraction.entities:
            seen[entity.key] = entity.type
    counts = Counter(seen.values())
    return dict(sorted(counts.items()))


def count_facts(extractions: Iterable[Extraction]) -> dict[str, int]:
    """Facts by kind: each relation by its name, then roles, event times, figures, topics.

    Examples:
        >>> from sgcn.loaders.document import Document
        >>> from sgcn.loaders.facts import Evidence, Relation
        >>> doc = Document(source="a.txt", text="Hi.", sha256="0" * 64, format="plaintext")
        >>> ev = Evidence("a.txt", 0, 3, "Hi.")
        >>> count_facts([Extraction(doc, relations=(Relation("Place/a", "held_in", "Place/b", ev),))])
        {'held_in': 1}
    """
    counts: Counter[str] = Counter()
    for extraction in extractions:
        counts["type mentions"] += len(extraction.mentions)
        for relation in extraction.relations:
            counts[relation.relation] += 1
        counts["roles"] += len(extraction.roles)
        counts["event times"] += len(extraction.event_times)
        counts["figures"] += len(extraction.figures)
        counts["topics"] += len(extraction.topics)
    return {k: v for k, v in sorted(counts.items()) if v}


def read_sources(sources_dir: Path, *, skip_bad: bool, max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES):
    """The documents of ``sources_dir``, the errors of the files that failed, and the
    entries skipped as no documents (``path: why``).

    Raises:
        SgcnError: when ``sources_dir`` is not a folder.
        BadInputError: when a file failed and ``skip_bad`` is false.

    Examples:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "empty.txt").write_bytes(b"")
        >>> try:
        ...     read_sources(folder, skip_bad=False)
        ... except BadInputError as err:
        ...     print(len(err.errors), Path(err.errors[0].path).name)
        1 empty.txt
        >>> read_sources(folder, skip_bad=True)[0]
        []
    """
    from sgcn.loaders import read_folder

    if not sources_dir.is_dir():
        raise SgcnError(f"{sources_dir}: no such folder of source documents")
    result = read_folder(sources_dir, max_bytes=max_bytes)
    documents = list(result.documents)
    errors = list(result.errors)
    for error in errors:
        log.warning("bad input: %s", error)
    if errors and not skip_bad:
        raise BadInputError(errors)
    return documents, errors, list(result.skipped)


def write_if_valid(graph: Graph, out_path: str | Path) -> ValidationReport:
    """Validate ``graph`` and write it atomically to ``out_path`` only if it conforms.

    When it does not conform nothing is written (an existing file stays as it was)
    and each violation is logged; the report says which node broke which shape.

    Examples:
        >>> import tempfile, pathlib
        >>> from rdflib import Graph, URIRef
        >>> from sgcn.graph.rdf.namespace import RDF, SGCN
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.ttl"
        >>> bad = Graph().add((URIRef("https://w3id.org/sgcn/id/place/x"), RDF.type, SGCN.Place))
        >>> write_if_valid(bad, out).conforms, out.exists()
        (False, False)
    """
    report = validate(graph)
    if report.conforms:
        write_turtle(graph, out_path)
        log.info("wrote %s", out_path)
    else:
        for violation in report.violations:
            log.error("invalid: %s", violation)
    return report


def build(
    sources_dir: str | Path,
    out_path: str | Path,
    *,
    skip_bad: bool = False,
    cache: bool = True,
    cache_dir: str | Path | None = None,
    jobs: int | None = None,
    progress=None,
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
) -> BuildSummary:
    """Read, extract, build, validate and (when the graph conforms) write the graph.

    The work is done by :func:`sgcn.graph.rdf.incremental.build_incremental`: documents are
    extracted in worker processes, and what was extracted, stated and validated is kept
    in a cache (``~/.cache/sgcn`` by default) so that a rebuild redoes only what changed. The
    graph is the same, byte for byte, however much came from the cache.

    Args:
        sources_dir: folder of source documents.
        out_path: Turtle file to write; left untouched unless the graph conforms.
        skip_bad: build from the readable files when some cannot be read.
        cache: keep results between builds (``False``: every pass runs in full).
        cache_dir: where to keep them (default ``~/.cache/sgcn``, or ``$SGCN_CACHE_DIR``).
        jobs: worker processes (default: one per core).
        progress: ``progress(stage, total) -> tick(n)`` for progress bars.
        max_document_bytes: a larger source file is a bad input file.

    Returns:
        A :class:`BuildSummary`; ``written`` is false when the graph does not conform.

    Raises:
        BadInputError: some files cannot be read and ``skip_bad`` is false; nothing
            is written.
        SgcnError: the sources folder does not exist.

    Examples:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "note.md").write_text("---\\ntitle: Note\\n---\\nThe Lion Forum opened in Singapore.\\n")
        >>> summary = build(folder, folder / "out" / "g.ttl", jobs=1)
        >>> summary.documents, summary.written, (folder / "out" / "g.ttl").exists()
        (1, True, True)
    """
    from sgcn.graph.rdf.incremental import build_incremental
    from sgcn.graph.rdf.serialize import write_atomic_with

    sources_dir, out_path = Path(sources_dir), Path(out_path)
    result = build_incremental(
        sources_dir, skip_bad=skip_bad, max_document_bytes=max_document_bytes, cache_dir=cache_dir,
        use_cache=cache, jobs=jobs, progress=progress,
        write=lambda writer: write_atomic_with(out_path, writer), output=out_path,
    )
    if result.stopped:
        raise BadInputError(result.errors)
    if not result.unchanged:
        log.info("read %d documents from %s (%d extracted, the rest from the cache)",
                 result.documents, sources_dir, result.extracted)
    if result.written:
        log.info("wrote %s (%d triples)", out_path, result.triples)
    elif result.unchanged:
        log.info("nothing changed since the last build: %s is as it wrote it", out_path)
    return BuildSummary(
        sources=sources_dir,
        out=out_path,
        documents=result.documents,
        entities=result.entities,
        facts=result.facts,
        skipped=tuple(str(e) for e in result.errors) + tuple(result.skipped),
        triples=result.triples,
        report=result.report,
        written=result.written,
        extracted=result.extracted,
        timings=result.timings,
        work=dict(result.work),
        unchanged=result.unchanged,
    )
