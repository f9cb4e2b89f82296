"""Push the built graph into a real Virtuoso (Debian's virtuoso-opensource) and query it there.

Virtuoso stands for the stores other than Oxigraph that `sgcn push` and
`sgcn query --endpoint` are written for: its Graph Store is at ``/sparql-graph-crud``,
its SPARQL engine is its own (SQL underneath), and it has quirks of its own (Virtuoso
7.2 says no string contains ``""``, cannot compile COALESCE around an aggregate, loses
a literal coming out of a subquery when it is looked up in an OPTIONAL, and orders strings
its own way). The server runs from a temporary database on free
loopback ports; writing is granted to anonymous clients the way an administrator of
such a store would (``isql``), since `sgcn push` sends no credentials.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from sgcn.graph.cli import main
from sgcn.graph.sparql.query import default_graph_path
from sgcn.graph.sparql.remote import push
from sgcn.graph.sparql.store import load_graph

from .test_oxigraph_server import assert_library_answers_alike, free_port, wait_for

VIRTUOSO = shutil.which("virtuoso-t") or "/usr/bin/virtuoso-t"
ISQL = shutil.which("isql-vt") or "/usr/bin/isql-vt"
# Debian's package keeps its web root here; the SPARQL endpoint needs nothing else from it
SERVER_ROOT = "/var/lib/virtuoso-opensource-7/vsp"

CONFIG = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = {sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = {http_port}
ServerRoot = {server_root}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
"""

# what an administrator runs so that anonymous clients may write: SPARQL Update at
# /sparql, and the Graph Store at /sparql-graph-crud (7 = read, write, list)
GRANTS = "grant SPARQL_UPDATE to \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 7);"


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A real Virtuoso on free loopback ports, from an empty database in a temporary folder."""
    assert Path(VIRTUOSO).exists(), "Debian's virtuoso-opensource is installed by `make test`"
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    config = folder / "virtuoso.ini"
    config.write_text(CONFIG.format(db=folder, sql_port=sql_port, http_port=http_port, server_root=SERVER_ROOT),
                      encoding="utf-8")
    process = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(config)],
                               cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{http_port}/sparql?query=ASK%7B%7D", seconds=60)
        granted = subprocess.run([ISQL, str(sql_port), "dba", "dba", f"exec={GRANTS}"],
                                 capture_output=True, text=True, timeout=60)
        assert granted.returncode == 0, granted.stdout + granted.stderr
        yield f"http://127.0.0.1:{http_port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def pushed(virtuoso):
    """The built graph pushed with `sgcn push` (Virtuoso's Graph Store); the query endpoint."""
    endpoint = f"{virtuoso}/sparql"
    assert main(["push", "--endpoint", endpoint, "--graph", str(default_graph_path())]) == 0
    return endpoint


def test_push_goes_through_the_graph_store_or_sparql_update_and_is_verified(virtuoso, pushed):
    graph = load_graph(default_graph_path(), store="memory")
    report = push(graph, pushed)
    assert (report.method, report.triples) == ("graph-store", len(graph))
    assert report.url == f"{virtuoso}/sparql-graph-crud"
    # where no Graph Store answers, one SPARQL Update request at the endpoint
    report = push(graph, pushed, graph_uri="https://example.org/other", store_url=f"{virtuoso}/nothing-here")
    assert (report.method, report.triples) == ("update", len(graph))


def test_every_library_query_gives_the_same_rows_there_as_embedded(pushed):
    # Virtuoso orders strings its own way; and shortest-chain takes it 35 s or more (it
    # does not carry the bound ends into the query's UNION branches; see the README), so
    # a query may run for up to five minutes here (MaxQueryExecutionTime above too)
    assert_library_answers_alike(pushed, ordered=False, timeout=300)
