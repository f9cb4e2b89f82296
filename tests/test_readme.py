"""Every ``sgcn`` command in the README's examples runs and gives a non-empty, checked answer.

The commands are read from the README's ``sh`` blocks, so an example added there without
a check here fails :func:`test_every_readme_command_is_checked`. Each runs in-process
(``sgcn.graph.cli.main``) from a fresh working folder: the build examples on a small
folder of documents, the query, page and analysis examples on the graph shipped with
sgcn (no ``graph/sgcn.ttl`` in that folder). The placeholders (``DIR``, ``FILE.ttl``,
``my.rq``, ``my-docs``, ``my-gold.yaml``, ``~/Downloads/release.html``, ``notes.md``)
become real files; the ``add`` examples fetch their pages (``URL``, the MTI address with its
path kept) from an ``http.server`` the tests start on 127.0.0.1. ``serve``, ``push`` and
``--endpoint`` need a server: the tests named in :data:`ELSEWHERE` run them.
"""

from __future__ import annotations

import csv
import http.server
import io
import json
import os
import re
import shlex
import shutil
import threading
from pathlib import Path

import networkx as nx
import pytest
import yaml
from rdflib import Graph, Literal
from rdflib.namespace import SKOS

from sgcn.graph.cli import main
from sgcn.graph.sparql.library import library
from sgcn.loaders import read_folder

REPO = Path(__file__).resolve().parent.parent
UNSEEN = REPO / "tests" / "data" / "genre" / "unseen"
# a press release of our own, for the build examples
RELEASE = """\
SINGAPORE AND CHONGQING SIGN DATA CORRIDOR MOU

SINGAPORE, 3 March 2021 - The Ministry of Trade and Industry (MTI) and the Chongqing
Municipal People's Government signed a Memorandum of Understanding on a data corridor
today. The MoU was witnessed by Minister Gan Kim Yong and Mayor Tang Liangzhi.
"""
# the same release as a web page, for the add examples
PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Singapore and Chongqing sign data corridor MoU"
        "</title></head><body><article><h1>Singapore and Chongqing sign data corridor MoU</h1><p>"
        + " ".join(RELEASE.split("\n\n", 1)[1].split()) + "</p></article></body></html>").encode("utf-8")
# one byte over the README's --max-bytes 5000000
OVER_LIMIT = 5_000_001
# README commands that need a server, and the tests that run them
ELSEWHERE = {
    "sgcn serve [--port 8000 --timeout 10 --max-results 10000]":
        ("tests/graph/web/test_server.py", "test_library_query_over_http_gives_the_embedded_rows"),
    "sgcn serve --workers 4 --long-queries 2 --client-running 2 --max-memory 512 --max-client-queries 8":
        ("tests/graph/web/test_server_limits.py", "test_one_clients_slow_queries_never_hold_every_worker"),
    "sgcn push --endpoint http://127.0.0.1:7878/query [--graph-uri IRI]":
        ("tests/graph/sparql/test_oxigraph_server.py", "test_push_replaces_the_named_graph_and_verifies_it"),
    "sgcn query relations --endpoint http://127.0.0.1:7878/query":
        ("tests/graph/sparql/test_oxigraph_server.py", "test_every_library_query_gives_the_same_rows_there_as_embedded"),
    # needs Wikidata's API: run against a local server answering like it
    "sgcn link wikidata [--types Place] [--write]":
        ("tests/graph/rdf/test_links.py",
         "test_sgcn_link_wikidata_writes_proposals_for_review_and_only_reviewed_links_enter_the_graph"),
}


def readme_commands() -> list[str]:
    """The ``sgcn`` command lines of the README's ``sh`` blocks, comments left out."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            line = re.split(r"\s+#\s", line.strip(), maxsplit=1)[0].strip()
            if line.startswith("sgcn "):
                commands.append(line)
    return commands


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A working folder with the placeholders made real: sources/, DIR, my-docs, my-gold.yaml, my.rq."""
    work = tmp_path_factory.mktemp("readme")
    for name in ("sources", "DIR"):
        (work / name).mkdir()
        (work / name / "release.txt").write_text(RELEASE, encoding="utf-8")
    shutil.copytree(UNSEEN / "docs", work / "my-docs")
    shutil.copy(UNSEEN / "gold.yaml", work / "my-gold.yaml")
    (work / "my.rq").write_text(
        "# title: Label of one thing\n# returns: label\n# params:\n#   thing (iri): the thing\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nSELECT ?label WHERE { ?thing skos:prefLabel ?label }\n",
        encoding="utf-8")
    return work


def run(folder: Path, command: str, capsys, monkeypatch, cwd: Path | None = None) -> tuple[int, str, str]:
    argv = shlex.split(command)[1:]
    argv = [str(REPO / arg) if arg.startswith("tests/data/") else arg for arg in argv]
    argv = [os.path.expanduser(arg) if arg.startswith("~") else arg for arg in argv]  # as the shell does
    monkeypatch.chdir(cwd or folder)
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def rows(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out)))


def check_build(folder, command, capsys, monkeypatch):
    code, out, err = run(folder, command, capsys, monkeypatch)
    assert code == 0, err
    written = folder / (shlex.split(command)[shlex.split(command).index("--out") + 1]
                        if "--out" in command else "graph/sgcn.ttl")
    graph = Graph().parse(written)
    assert "documents" in out
    return graph


def check_query(folder, command, capsys, monkeypatch) -> str:
    """Run a query example from a folder with no graph of its own (the packaged graph is read)."""
    plain = folder / "plain"
    plain.mkdir(exist_ok=True)
    command = command.replace("FILE.ttl", str(REPO / "graph" / "sgcn.ttl")).replace("my.rq", str(folder / "my.rq"))
    code, out, err = run(folder, command, capsys, monkeypatch, cwd=plain)
    assert code == 0, err
    assert out.strip() or "--out" in command, command  # a file written is checked instead
    return out


def test_every_readme_command_is_checked():
    checked = set(CHECKS) | set(ELSEWHERE)
    assert readme_commands(), "no sgcn command found in the README"
    assert set(readme_commands()) <= checked, sorted(set(readme_commands()) - checked)
    for path, name in ELSEWHERE.values():
        assert f"def {name}(" in (REPO / path).read_text(encoding="utf-8"), (path, name)


def test_the_build_examples(folder, capsys, monkeypatch):
    graph = check_build(folder, "sgcn build", capsys, monkeypatch)
    assert any("Ministry of Trade and Industry" in str(o) for o in graph.objects(None, SKOS.prefLabel))
    built = (folder / "graph" / "sgcn.ttl").read_bytes()
    # everything extracted again in 2 worker processes, no cache kept: the same bytes
    cache = folder / "no-cache-here"
    monkeypatch.setenv("SGCN_CACHE_DIR", str(cache))
    check_build(folder, "sgcn build --jobs 2 --no-cache", capsys, monkeypatch)
    monkeypatch.delenv("SGCN_CACHE_DIR")
    assert (folder / "graph" / "sgcn.ttl").read_bytes() == built
    assert not cache.exists() or not any(cache.iterdir())
    graph = check_build(folder, "sgcn build --sources DIR --out FILE.ttl", capsys, monkeypatch)
    assert any(str(o) == "Tang Liangzhi" for o in graph.objects(None, SKOS.prefLabel))
    (folder / "sources" / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    code, out, err = run(folder, "sgcn build --skip-bad", capsys, monkeypatch)
    assert code == 0 and "broken.txt" in err and "documents" in out
    (folder / "sources" / "broken.txt").unlink()
    (folder / "sources" / "big.txt").write_text(RELEASE + (" " * 99 + "\n") * 90_000)  # 9 MB, over the default 8 MB
    code, out, err = run(folder, "sgcn build", capsys, monkeypatch)
    assert code == 2 and "big.txt: 9,000," in err and "--max-document-size raises it" in err
    code, out, err = run(folder, "sgcn build --max-document-size 20MB", capsys, monkeypatch)
    assert code == 0 and "documents read: 2" in out, err


def test_the_evaluate_examples(folder, capsys, monkeypatch):
    check_build(folder, "sgcn build --sources my-docs --out my.ttl", capsys, monkeypatch)
    code, out, err = run(folder, "sgcn evaluate my-gold.yaml --graph my.ttl", capsys, monkeypatch)
    assert code == 0, err
    overall = float(out.strip().splitlines()[-1].split()[-1])
    assert overall >= 0.75, out
    code, out, _ = run(folder, "sgcn evaluate my-gold.yaml --graph my.ttl --show-misses", capsys, monkeypatch)
    assert code == 0 and (" missed, " in out or overall == 1.0)
    plain = folder / "plain-evaluate"
    plain.mkdir()
    code, out, err = run(folder, "sgcn evaluate tests/data/seed/gold.yaml --json scores.json", capsys, monkeypatch,
                         cwd=plain)
    assert code == 0, err
    assert json.loads((plain / "scores.json").read_text(encoding="utf-8"))["overall_f1"] >= 0.9
    assert "reading the graph shipped with sgcn" in err


def _relations(out):
    assert ("Luke Goh", "co_chaired") in {(r["subject"], r["relation"]) for r in rows(out)}


def _evidence_table(out):
    assert out.splitlines()[0].split()[:2] == ["subject", "predicate"] and "Luke Goh" in out


def _help(out):
    assert "evaluate" in out and "query" in out


def _library(out):
    assert all(name in out for name in library())


def _entity_facts(out):
    assert "co_chaired" in out and "000_451af802f011b263.txt" in out


def _chain(out):
    chains = rows(out)
    assert chains and all(r["chain"].startswith("Luke Goh") and r["chain"].endswith("Jack Ma") for r in chains)


def _chairs(out):
    assert {r["co_chair"] for r in rows(out)} == {"Joseph Leong", "Qin Weizhong"}


def _entity_graph(out):
    graph = Graph().parse(data=out, format="turtle")
    assert Literal("Ministry of Trade and Industry") in set(graph.objects(None, SKOS.prefLabel))


def _my_query(out):
    assert out == "label\nLi Bo\n"


def _count(out):
    assert int(rows(out)[0]["n"]) > 1000


def _page(name):
    def check(out, folder):
        page = (folder / "plain" / name).read_text(encoding="utf-8")
        assert "Luke Goh" in page and "<html" in page.lower()
    return check


def _analysis(out):
    assert "Bridges between Singapore-side and China-side organizations" in out and "Luke Goh" in out


def _path(out):
    assert out.startswith("Luke Goh") or "Luke Goh" in out.splitlines()[0]
    assert "Smart China Expo" in out


def _docs(out, folder):
    page = (folder / "plain" / "ontology.html").read_text(encoding="utf-8")
    assert 'id="coChaired"' in page and 'id="topic-artificial-intelligence"' in page


def _gexf(out, folder):
    net = nx.read_gexf(folder / "plain" / "sgcn.gexf")
    assert net.number_of_nodes() > 50 and net.number_of_edges() > 50


CHECKS = {
    "sgcn build": None, "sgcn build --jobs 2 --no-cache": None, "sgcn build --sources DIR --out FILE.ttl": None,
    "sgcn build --skip-bad": None, "sgcn build --max-document-size 20MB": None,
    "sgcn build --sources my-docs --out my.ttl": None,
    "sgcn evaluate my-gold.yaml --graph my.ttl": None, "sgcn evaluate my-gold.yaml --graph my.ttl --show-misses": None,
    "sgcn evaluate tests/data/seed/gold.yaml --json scores.json": None,
    "sgcn add https://www.mti.gov.sg/Newsroom/Press-Releases/...": None,
    "sgcn add ~/Downloads/release.html notes.md": None,
    "sgcn add URL --sources DIR --max-bytes 5000000 --timeout 15 --deadline 60": None,
    "sgcn query relations --format csv": _relations,
    "sgcn query evidence --format table --graph FILE.ttl": _evidence_table,
    "sgcn --help": _help,
    "sgcn query --list": _library,
    'sgcn query entity-facts --param entity="Luke Goh" --format table': _entity_facts,
    'sgcn query shortest-chain -p from="Luke Goh" -p to="Jack Ma"': _chain,
    "sgcn query meeting-chairs -p series=SCI": _chairs,
    "sgcn query entity-graph -p entity=MTI --format turtle": _entity_graph,
    "sgcn query --file my.rq -p thing=https://w3id.org/sgcn/id/person/li-bo": _my_query,
    "sgcn query --text 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }' --store memory": _count,
    "sgcn viz --out network.html": _page("network.html"),
    'sgcn viz --focus "Luke Goh" --depth 2 --out goh.html': _page("goh.html"),
    "sgcn viz --types Person Organization Event --relations co_chaired participated_in --since 2019 --until 2020":
        _page("network.html"),
    "sgcn analyze --top 10": _analysis,
    'sgcn analyze --path "Luke Goh" "Smart China Expo"': _path,
    "sgcn export --format gexf --out sgcn.gexf": _gexf,
    "sgcn docs --out ontology.html": _docs,
}


@pytest.mark.parametrize("command", [c for c, check in CHECKS.items() if check is not None])
def test_a_query_page_or_analysis_example(folder, command, capsys, monkeypatch):
    if command == "sgcn --help":
        monkeypatch.chdir(folder)
        assert main(["--help"]) == 0
        out = capsys.readouterr().out
    else:
        out = check_query(folder, command, capsys, monkeypatch)
    check = CHECKS[command]
    check(out, folder) if check.__code__.co_argcount == 2 else check(out)


def test_the_bridging_people_example_of_the_prose(folder, capsys, monkeypatch):
    """`bridging-people ... here=Singapore ... there=Chongqing`, as the library's paragraph says."""
    out = check_query(folder, "sgcn query bridging-people -p here=Singapore -p there=Chongqing", capsys, monkeypatch)
    assert {(r["person"], r["counterpart"]) for r in rows(out)} == {("Luke Goh", "Li Bo")}


class _Pages(http.server.BaseHTTPRequestHandler):
    """The release at any path; a body one byte over the README's limit at /over-limit."""

    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        body = b"<p>" + b"x" * (OVER_LIMIT - 7) + b"</p>" if self.path == "/over-limit" else PAGE
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def pages():
    """A real HTTP server on a free port of 127.0.0.1; its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _manifest(sources: Path) -> dict:
    return yaml.safe_load((sources / "manifest.yaml").read_text(encoding="utf-8"))["documents"]


def test_the_add_examples(tmp_path, pages, capsys, monkeypatch):
    # a page, from the README's address with its host made local: into sources/, recorded, readable
    command = "sgcn add https://www.mti.gov.sg/Newsroom/Press-Releases/..."
    code, out, err = run(tmp_path, command.replace("https://www.mti.gov.sg", pages), capsys, monkeypatch)
    assert code == 0, err
    (name, entry), = _manifest(tmp_path / "sources").items()
    assert entry["url"] == f"{pages}/Newsroom/Press-Releases/..." and entry["format"] == "html"
    assert (tmp_path / "sources" / name).read_bytes() == PAGE and f"added as {name}" in out
    assert "Tang Liangzhi" in read_folder(tmp_path / "sources").documents[0].text

    # files copied in: ~ is the home folder, as the shell expands it
    work, home = tmp_path / "files", tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    work.mkdir()
    (home / "Downloads" / "release.html").write_bytes(PAGE)
    (work / "notes.md").write_text("# Notes\n\nThe Lion Forum opened in Singapore on 4 May 2023.\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    code, out, err = run(work, "sgcn add ~/Downloads/release.html notes.md", capsys, monkeypatch)
    assert code == 0, err
    entries = _manifest(work / "sources")
    assert sorted(Path(e["added_from"]).name for e in entries.values()) == ["notes.md", "release.html"]
    assert sorted(Path(n).suffix for n in entries) == [".html", ".md"]
    assert {(work / "sources" / n).read_bytes() for n in entries} == {PAGE, (work / "notes.md").read_bytes()}

    # any URL into any folder, with its limits: the page is added, a body over 5,000,000 bytes is not
    command = "sgcn add URL --sources DIR --max-bytes 5000000 --timeout 15 --deadline 60"
    code, out, err = run(tmp_path, command.replace("URL", f"{pages}/release.html"), capsys, monkeypatch)
    assert code == 0, err
    assert [e["url"] for e in _manifest(tmp_path / "DIR").values()] == [f"{pages}/release.html"]
    code, out, err = run(tmp_path, command.replace("URL", f"{pages}/over-limit"), capsys, monkeypatch)
    assert code == 2 and "limit" in err
    assert len(_manifest(tmp_path / "DIR")) == 1 and len(list((tmp_path / "DIR").iterdir())) == 2
