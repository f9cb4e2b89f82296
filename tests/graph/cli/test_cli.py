"""The ``sgcn`` command line, run in-process through ``main([...])``."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

import sgcn.loaders.extract as extract_module
from sgcn.graph.rdf.build import build_graph
from sgcn.graph.cli import main
from sgcn.graph.rdf.serialize import write_turtle
from sgcn.loaders.facts import Entity, Evidence, Extraction, Mention

REPO = Path(__file__).resolve().parents[3]
SOURCES = REPO / "sources"
GOOD = sorted(p for p in SOURCES.glob("*.txt"))[-1]  # a short release of the corpus

BAD_FILES = {
    "empty.txt": b"",
    "binary.txt": b"SINGAPORE \x00\x01\x02\xff\x00 binary",
    "latin1.txt": "SINGAPORE, 5 March 2020 - Caf\u00e9 opening in Chongqing.\n".encode("latin-1"),
    "truncated.html": b"<!DOCTYPE html><html><head><title>Expo</title></head><body><p>The expo opened in",
    "badyaml.md": b"---\ntitle: [unclosed\ndate: 2020-03-05\n---\nThe forum opened.\n",
    "slides.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
}


@pytest.fixture
def old_output(tmp_path: Path) -> Path:
    out = tmp_path / "out" / "graph.ttl"
    out.parent.mkdir()
    out.write_bytes(b"# the previous graph\n")
    return out


def sources_with(tmp_path: Path, *bad: str) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(GOOD, folder / GOOD.name)
    for name in bad:
        (folder / name).write_bytes(BAD_FILES[name])
    return folder


@pytest.mark.parametrize("bad", sorted(BAD_FILES))
def test_bad_file_stops_the_build_naming_it(tmp_path, old_output, capsys, bad):
    folder = sources_with(tmp_path, bad)
    code = main(["build", "--sources", str(folder), "--out", str(old_output)])
    err = capsys.readouterr().err
    assert code == 2
    assert bad in err
    assert old_output.read_bytes() == b"# the previous graph\n"
    assert [p.name for p in old_output.parent.iterdir()] == ["graph.ttl"]


def test_every_bad_file_is_listed(tmp_path, old_output, capsys):
    folder = sources_with(tmp_path, *BAD_FILES)
    assert main(["build", "--sources", str(folder), "--out", str(old_output)]) == 2
    err = capsys.readouterr().err
    for name in BAD_FILES:
        assert name in err
    assert old_output.read_bytes() == b"# the previous graph\n"


def test_skip_bad_builds_the_rest_and_lists_what_it_skipped(tmp_path, old_output, capsys):
    folder = sources_with(tmp_path, *BAD_FILES)
    code = main(["build", "--sources", str(folder), "--out", str(old_output), "--skip-bad"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "documents read: 1" in out
    for name in BAD_FILES:
        assert f"skipped: {folder / name}" in out or name in out
    assert GOOD.name.encode() in old_output.read_bytes()


def test_missing_sources_folder_is_a_usage_error(tmp_path, capsys):
    code = main(["build", "--sources", str(tmp_path / "nope"), "--out", str(tmp_path / "g.ttl")])
    assert code == 2
    assert "nope" in capsys.readouterr().err
    assert not (tmp_path / "g.ttl").exists()


def misquoting_extraction(doc):
    """An extraction whose evidence quote is not the document's text at its offsets."""
    end = doc.text.index("\n") if "\n" in doc.text else len(doc.text)
    ev = Evidence(doc.source, 0, end, "x" * end)
    place = Entity("Place/atlantis", "Place", "Atlantis")
    return Extraction(doc, entities=(place,), mentions=(Mention(place.key, ev),))


def test_invalid_graph_is_refused_naming_the_node(tmp_path, old_output, capsys, monkeypatch):
    # the build extracts document by document, in this process with --jobs 1, and
    # --no-cache keeps it from reusing what the real rules extracted before
    monkeypatch.setattr(extract_module, "extract", misquoting_extraction)
    folder = sources_with(tmp_path)
    code = main(["build", "--jobs", "1", "--no-cache", "--sources", str(folder), "--out", str(old_output)])
    captured = capsys.readouterr()
    assert code == 1
    assert "https://w3id.org/sgcn/id/evidence/" in captured.err
    assert "The evidence quote is not the document's kept text" in captured.err
    assert old_output.read_bytes() == b"# the previous graph\n"


@pytest.fixture
def small_graph(tmp_path, extraction) -> Path:
    path = tmp_path / "small.ttl"
    write_turtle(build_graph([extraction]), path)
    return path


def test_query_csv_has_the_contract_header(small_graph, capsys):
    assert main(["query", "relations", "--format", "csv", "--graph", str(small_graph)]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["subject", "relation", "object", "source"]
    assert ["Tan Wei Ling", "co_chaired", "Harbourfront Forum 2024", "forum.txt"] in rows


def test_query_json_and_table(small_graph, capsys):
    assert main(["query", "figures", "--format", "json", "--graph", str(small_graph)]) == 0
    results = json.loads(capsys.readouterr().out)  # SPARQL 1.1 Query Results JSON
    figures = [{var: cell["value"] for var, cell in binding.items()} | {var: "" for var in results["head"]["vars"] if var not in binding}
               for binding in results["results"]["bindings"]]
    assert {"subject": "Open Ledger Fund", "measure": "fund_size", "value": "40000000", "unit": "SGD",
            "qualifier": "", "as_of": "2024-05-14", "source": "forum.txt"} in figures
    assert main(["query", "events", "--format", "table", "--graph", str(small_graph)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["event", "start", "end", "place"]
    assert "2024-05-16" in table[2]


def test_unknown_query_is_a_usage_error(small_graph, capsys):
    assert main(["query", "whoknows", "--graph", str(small_graph)]) == 2
    assert "no query named 'whoknows'" in capsys.readouterr().err


def test_unreadable_graph_is_reported(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<", encoding="utf-8")
    assert main(["query", "entities", "--graph", str(bad)]) == 2
    assert "bad.ttl" in capsys.readouterr().err
    assert main(["query", "entities", "--graph", str(tmp_path / "missing.ttl")]) == 2
    assert "missing.ttl" in capsys.readouterr().err


def test_help_teaches_with_examples(capsys):
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    assert "sgcn build --sources DIR --out FILE.ttl" in text
    assert "sgcn query" in text and "exit codes" in text
    assert main(["build", "--help"]) == 0
    assert "--skip-bad" in capsys.readouterr().out


def test_usage_errors_exit_2(capsys):
    assert main([]) == 2
    assert main(["query"]) == 2
    assert main(["build", "--no-such-option"]) == 2
    err = capsys.readouterr().err
    assert "required" in err and "unrecognized arguments: --no-such-option" in err


def test_query_without_graph_reads_the_checkouts_graph(capsys):
    assert main(["query", "roles", "--format", "csv"]) == 0
    default = capsys.readouterr().out
    assert main(["query", "roles", "--format", "csv", "--graph", str(REPO / "graph" / "sgcn.ttl")]) == 0
    assert default == capsys.readouterr().out
    assert default.startswith("person,role,organization,as_of,source")
