"""The bounded fuzz run: mutated documents of every format through loading and extraction.

``benchmarks/fuzz_documents.py`` makes the variants (a seeded mutator: the same ones on
every machine) and checks each: no exception but ``LoadError``, the same facts twice,
every quote the kept text between its offsets, a few seconds at most. The suite runs a
fixed number of documents (bounded by documents, not time: extraction will cost more
per document once it runs a trained pipeline); ``make fuzz`` runs 2,000.
"""

from __future__ import annotations

import importlib.util
import time
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = 40  # under a minute here (0.5-2 s a document, read and extracted twice); ``make fuzz`` checks 2,000
SEED = 2026


@pytest.fixture(scope="module")
def fuzz():
    """``benchmarks/fuzz_documents.py`` as a module (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("fuzz_documents", ROOT / "benchmarks" / "fuzz_documents.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_documents"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_seeds_cover_every_format(fuzz):
    from sgcn.loaders import format_of

    formats = Counter()
    for path in fuzz.seed_files():
        if path.name == "manifest.yaml":
            formats["manifest"] += 1
        else:
            formats[format_of(path, path.read_text("utf-8"))] += 1
    assert set(formats) == {"html", "markdown", "wire", "webpage", "plaintext", "manifest"}, formats


def test_the_mutator_is_seeded_and_uses_every_mutation(fuzz):
    first = list(fuzz.variants(SEED, 300))
    again = list(fuzz.variants(SEED, 300))
    assert [(v.filename, v.data) for v in first] == [(v.filename, v.data) for v in again]
    assert fuzz.replay(first[123].name).data == first[123].data
    used = Counter(m for v in first for m in v.mutations)
    assert set(used) == {m.__name__ for m in fuzz.MUTATIONS} | {"extension"}
    assert len({v.data for v in first}) > 290  # variants, not copies


def test_no_mutated_document_crashes_loading_or_extraction(fuzz, tmp_path):
    report = fuzz.run(SEED, DOCUMENTS, folder=tmp_path, limit=fuzz.DEFAULT_LIMIT)
    assert not report.failures, "\n".join(report.lines())
    assert report.documents == DOCUMENTS
    # the run read most of them and refused some: it is testing both paths
    assert report.loaded > DOCUMENTS // 3 and sum(report.refused.values()) > 0, "\n".join(report.lines())


def test_the_checks_catch_what_they_should(fuzz, tmp_path):
    """The properties are real checks: a crash, a wrong quote, a slow document fail."""
    from sgcn.loaders.facts import Evidence

    assert fuzz.probe("a.txt", b"TITLE\n\nSingapore met China.\n", tmp_path, 30) == ""
    with pytest.raises(fuzz.Failure, match="took"):
        fuzz.check("a.txt", b"TITLE\n\nSingapore met China.\n", folder=tmp_path, limit=0.0)
    try:
        Evidence("a.txt", 0, 5, "abc")
    except ValueError as err:
        assert fuzz.signature(err).startswith("ValueError at facts.py:__post_init__")


def test_a_manifest_naming_a_file_too_long_to_look_up_is_checked(fuzz, tmp_path):
    """Found by ``make fuzz`` (seed 1, variant 457: nested brackets spliced into a file
    name of the manifest): the fuzzer's own look-up of the named source raised OSError
    (file name too long); ``sgcn build`` reads such a manifest, and the check runs on."""
    manifest = ("documents:\n  000_451af802f011b263.txt:\n    publisher: MTI\n"
                "  " + "(" * 1_000 + "x.txt:\n    publisher: X\n").encode()
    outcome = fuzz.check("manifest.yaml", manifest, folder=tmp_path, limit=60)
    assert outcome.loaded and outcome.facts > 0


def test_a_candidate_that_hangs_while_minimising_is_stopped(fuzz, tmp_path):
    """The minimiser runs each candidate in a worker process with a time limit: one that
    hangs (here: a long document given a second) is stopped and named a hang, the next
    runs in a fresh process, and minimising stops at its time budget with the smallest
    input found that still fails the same way."""
    sentence = b"Vice Mayor Li Bo of Chongqing met Minister Chan Chun Sing in Singapore on 5 May 2021. "
    long_document = b"TITLE\n\n" + sentence * 2_000  # many seconds of extraction
    hang = "Failure: the process hangs (over 1 s)"
    with fuzz.Prober(tmp_path, limit=600, hang=1) as prober:
        assert prober("long.txt", long_document) == hang
        assert prober("a.txt", b"TITLE\n\nSingapore met China.\n", hang=120) == ""
        started = time.monotonic()
        small = fuzz.minimise("long.txt", long_document, hang, folder=tmp_path, seconds=5, prober=prober)
    assert time.monotonic() - started < 90
    assert len(small) < len(long_document) and small in long_document
