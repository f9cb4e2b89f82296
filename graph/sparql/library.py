"""The query library: one SPARQL file per question in ``queries/*.rq``.

Each file opens with ``# title:``, ``# returns:`` and ``# params:`` comments, read
by :func:`sgcn.graph.sparql.params.parse_header`. This module only finds and reads
the files (installed as the ``sgcn.queries`` package data); running them is
``sgcn.graph.sparql.query``'s job, and the ``auto`` store (``sgcn.graph.sparql.store``)
asks which texts are the library's.

Examples:
    >>> sorted(query_names())[:3]
    ['bridging-people', 'conflicts', 'corroboration']
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from sgcn.graph.sparql.params import QueryError, QueryHeader, parse_header


def package_folder(package: str) -> Path:
    """The folder holding an installed package's files (``sgcn.queries``, ``sgcn.graph``).

    sgcn is installed unzipped (as a wheel or editable), so this is the package's own
    folder; ``importlib.resources.files`` finds the same one but its import (with
    ``zipfile``) costs a command a few milliseconds more.

    Examples:
        >>> (package_folder("sgcn.queries") / "entities.rq").is_file()
        True
    """
    module = importlib.import_module(package)
    if getattr(module, "__file__", None):
        return Path(module.__file__).parent
    from importlib.resources import files  # a package without a file of its own

    return Path(str(files(package)))


def query_names() -> list[str]:
    """The names of the shipped queries (file names of ``queries/*.rq`` without suffix).

    Examples:
        >>> "relations" in query_names() and "entity-facts" in query_names()
        True
    """
    return sorted(
        entry.name[: -len(".rq")]
        for entry in package_folder("sgcn.queries").iterdir()
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
        ...     print(str(err)[:39])
        no query named 'nope'; known: bridging-
    """
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", name) or name not in query_names():
        raise QueryError(f"no query named {name!r}; known: {', '.join(query_names())}")
    return (package_folder("sgcn.queries") / f"{name}.rq").read_text(encoding="utf-8")


def library() -> dict[str, QueryHeader]:
    """Every shipped query's header (title, returns, parameters) by name.

    Examples:
        >>> [p.name for p in library()["shortest-chain"].params]
        ['from', 'to']
    """
    return {name: parse_header(query_text(name), name=name) for name in query_names()}


def query_header(name: str) -> dict[str, str]:
    """The ``# title:``, ``# returns:`` and ``# params:`` comments of a query, as text.

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
