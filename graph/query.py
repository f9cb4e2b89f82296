"""Run the competency-question queries of ``queries/*.rq`` on a built graph.

Each contract question is one SPARQL file shipped as package data
(``sgcn.queries``); :func:`run_query` runs it on a Turtle file with rdflib and
returns the rows as strings, and :func:`format_rows` writes them as CSV, JSON or
an aligned text table. The graph queried by default is the project's
``graph/sgcn.ttl`` (see :func:`default_graph_path`).

Examples:
    >>> {"entities", "events", "evidence"} <= set(query_names())
    True
    >>> print(format_rows(["a", "b"], [{"a": "1", "b": "x, y"}], "csv"), end="")
    a,b
    1,"x, y"
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from rdflib import Graph

from sgcn.loaders.errors import SgcnError

log = logging.getLogger(__name__)

FORMATS = ("csv", "json", "table")


class QueryError(SgcnError):
    """A query that does not exist, or a graph that cannot be read."""


def query_names() -> list[str]:
    """The names of the shipped queries (file names of ``queries/*.rq`` without suffix).

    Examples:
        >>> "relations" in query_names()
        True
    """
    return sorted(
        entry.name[: -len(".rq")]
        for entry in files("sgcn.queries").iterdir()
        if entry.name.endswith(".rq")
    )


def query_text(name: str) -> str:
    """The SPARQL text of the query ``name``.

    Raises:
        QueryError: when no query has that name (the message lists the known ones).

    Examples:
        >>> query_text("roles").startswith("# title:")
        True
        >>> try:
        ...     query_text("nope")
        ... except QueryError as err:
        ...     print(err)  # doctest: +ELLIPSIS
        no query named 'nope'; known: ..., entities, ...
    """
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", name) or name not in query_names():
        raise QueryError(f"no query named {name!r}; known: {', '.join(query_names())}")
    return (files("sgcn.queries") / f"{name}.rq").read_text(encoding="utf-8")


def query_header(name: str) -> dict[str, str]:
    """The ``# title:``, ``# returns:`` and ``# params:`` comments of a query.

    Examples:
        >>> query_header("events")["title"]
        'Events - the timeline'
    """
    header = {}
    for line in query_text(name).splitlines():
        match = re.match(r"#\s*(\w+):\s*(.*)", line)
        if not match:
            break
        header[match.group(1)] = match.group(2).strip()
    return header


def default_graph_path() -> Path:
    """The graph ``sgcn query`` reads when no ``--graph`` is given.

    It is ``sgcn.ttl`` inside the ``sgcn.graph`` package: in a checkout (editable
    install) that is the checkout's ``graph/sgcn.ttl``, the file ``sgcn build`` writes
    by default when run from the checkout's root; an installed copy ships the graph
    it was built with.

    Examples:
        >>> default_graph_path().name
        'sgcn.ttl'
    """
    return Path(str(files("sgcn.graph") / "sgcn.ttl"))


@lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int) -> Graph:
    graph = Graph()
    graph.parse(path, format="turtle")
    return graph


def load_graph(path: str | Path) -> Graph:
    """Read a Turtle graph (cached while the file is unchanged).

    Raises:
        QueryError: when the file is missing or is not valid Turtle.
    """
    path = Path(path)
    try:
        return _load(str(path.resolve()), path.stat().st_mtime_ns)
    except FileNotFoundError as err:
        raise QueryError(f"{path}: no such graph file (build one with `sgcn build`)") from err
    except (SyntaxError, ValueError) as err:
        raise QueryError(f"{path}: not a readable Turtle graph: {err}") from err


def run_query(name: str, graph: Graph | str | Path | None = None) -> tuple[list[str], list[dict[str, str]]]:
    """Run the query ``name`` and return its columns and rows (every value a string).

    Args:
        name: one of :func:`query_names`.
        graph: an rdflib graph, a Turtle file, or ``None`` for :func:`default_graph_path`.

    Returns:
        ``(columns, rows)``: the query's variables in order, and one dict per row with
        ``""`` for unbound values.

    Examples:
        >>> from rdflib import Graph
        >>> columns, rows = run_query("events", Graph())
        >>> columns, rows
        (['event', 'start', 'end', 'place'], [])
    """
    text = query_text(name)
    if not isinstance(graph, Graph):
        graph = load_graph(default_graph_path() if graph is None else graph)
    result = graph.query(text)
    columns = [str(var) for var in result.vars]
    rows = []
    for row in result:
        rows.append({column: "" if value is None else str(value) for column, value in zip(columns, row)})
    return columns, rows


def format_rows(columns: list[str], rows: list[dict[str, str]], fmt: str) -> str:
    """Write rows as ``csv`` (header row first), ``json`` (a list of objects) or ``table``.

    Examples:
        >>> print(format_rows(["k", "v"], [{"k": "a", "v": "1"}], "json"))
        [
          {
            "k": "a",
            "v": "1"
          }
        ]
        >>> print(format_rows(["k", "value"], [{"k": "a", "value": "1"}], "table"))
        k  value
        -  -----
        a  1
    """
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([row[c] for c in columns] for row in rows)
        return out.getvalue()
    if fmt == "json":
        return json.dumps([{c: row[c] for c in columns} for row in rows], ensure_ascii=False, indent=2)
    if fmt == "table":
        widths = [max([len(c)] + [len(row[c]) for row in rows]) for c in columns]
        lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
        lines.append("  ".join("-" * w for w in widths))
        for row in rows:
            lines.append("  ".join(row[c].ljust(w) for c, w in zip(columns, widths)).rstrip())
        return "\n".join(lines)
    raise QueryError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
