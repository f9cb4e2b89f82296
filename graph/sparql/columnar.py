"""maplib's columnar SPARQL engine, for the query library's whole-graph SELECT queries.

maplib (Apache-2.0, https://github.com/DataTreehouse/maplib; the ``columnar`` extra)
keeps triples in Polars tables, one per predicate, and answers a SELECT with hash
joins and sorts over whole columns. Oxigraph instead looks each row's next triple up
one at a time (about 2 us a lookup) and decodes both strings of every comparison
when it sorts; on the 1-million-triple benchmark graph that makes the library's
whole-graph questions (``evidence``: 139k rows, ``relations``: 69k) take 2-4 s there,
and a tenth of that here (``benchmarks/bench_stores.py``). Loading a graph into
maplib costs about twice what Oxigraph's load costs, so it pays where a graph is held
for many queries (``sgcn.graph.sparql.store``).

maplib is not a complete SPARQL 1.1 engine: it has no ASK or DESCRIBE; a variable
that is never bound in a query is an error rather than unbound; an expression over an
unbound value may give a value where SPARQL says it is an error (``CONCAT(" ",
STR(?unit))`` with no unit gives ``" "``); ``STR`` of a decimal keeps twelve decimal
places; COUNT comes back as ``xsd:unsignedInt``; blank nodes get labels of its own.
So sgcn asks it only the library's own SELECT queries named in :data:`TRUSTED`, whose
answers the tests hold byte for byte to Oxigraph's in every format on graphs made to
reach every branch of them, and only takes its answer when every column holds terms
of :data:`EXACT_TYPES`; :func:`select` returns ``None`` otherwise and the caller asks
Oxigraph.

An answer maplib gives is handed to Oxigraph's own results parser as SPARQL TSV
(written column by column with Polars), so every format is then written by the very
writer that writes Oxigraph's answers: the same bytes, whichever engine answered.

Examples:
    >>> model = load_ntriples(b'<https://x/a> <https://x/p> "b" .\\n')
    >>> solutions = select(model, "SELECT ?s ?o WHERE { ?s <https://x/p> ?o }")
    >>> [(row["s"].value, row["o"].value) for row in solutions]
    [('https://x/a', 'b')]
    >>> select(model, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") is None  # xsd:unsignedInt
    True
"""

from __future__ import annotations

import pyoxigraph as ox

from sgcn.graph.sparql.params import QueryError

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

#: The library queries maplib answers, each checked byte for byte against Oxigraph in
#: every format by the tests. Not here: ``entity-facts`` (it concatenates optional
#: values and decimals, where maplib differs), ``sources`` and ``initiative-output``
#: (counts), ``entity-graph`` (a CONSTRUCT), and the lookups that Oxigraph answers in
#: milliseconds (``entity-lookup``, ``entity-timeline``, ``shortest-chain``,
#: ``figures-by-measure``), where maplib's fixed cost per query only slows them.
TRUSTED = frozenset({
    "bridging-people", "entities", "events", "evidence", "figures", "meeting-chairs", "relations", "roles",
    "topics",
})

# the column types whose values this module writes as SPARQL does: kind and datatype
# of the terms (None: a plain string); any other type (blank nodes, whose labels are
# maplib's own, among them) sends the query to Oxigraph
EXACT_TYPES = {
    "iri": ("uri", None),
    "unbound": (None, None),
    f"{XSD}string": ("literal", None),
    RDF_LANG_STRING: ("literal", None),
    f"{XSD}integer": ("literal", f"{XSD}integer"),
    f"{XSD}boolean": ("literal", f"{XSD}boolean"),
    f"{XSD}decimal": ("literal", f"{XSD}decimal"),
}


def load_ntriples(data: bytes):
    """A maplib model holding the N-Triples ``data``.

    Raises:
        QueryError: maplib cannot read the data.
    """
    import maplib

    model = maplib.Model()
    try:
        model.reads(data.decode("utf-8"), format="ntriples")
    except maplib.MaplibException as err:
        raise QueryError(f"maplib cannot read the graph: {err}") from err
    return model


def column_type(rdf_type) -> str | None:
    """The key of :data:`EXACT_TYPES` for a maplib column type, ``None`` for any other.

    Examples:
        >>> from maplib import RDFType
        >>> column_type(RDFType.IRI), column_type(RDFType.Literal(XSD + "double")), column_type(RDFType.BlankNode)
        ('iri', None, None)
    """
    from maplib import RDFType

    if rdf_type == RDFType.IRI:
        return "iri"
    if rdf_type == RDFType.Unknown:  # a variable no row binds
        return "unbound"
    for datatype in EXACT_TYPES:
        if datatype.startswith("http") and rdf_type == RDFType.Literal(datatype):
            return datatype
    return None


def select(model, text: str, *, decimals: bool = True) -> ox.QuerySolutions | None:
    """Run a SELECT query on a maplib model; ``None`` when the answer is not exact here.

    ``None`` means maplib cannot run the query, or a column of its answer holds terms
    of a type outside :data:`EXACT_TYPES` (several types in one column, dates,
    doubles, ``xsd:unsignedInt`` counts, blank nodes, ...), or a decimal column when
    ``decimals`` is false (the graph holds decimals beyond maplib's precision): the
    query is then for a complete SPARQL engine.

    Returns:
        The answer as Oxigraph's own ``QuerySolutions`` (read from the TSV maplib's
        frame is written as), to be written by Oxigraph's writers.
    """
    import maplib

    try:
        solutions = model.query(text, solution_mappings=True)
    except Exception:  # maplib.MaplibException: a query it cannot plan or run
        return None
    except BaseException as err:  # a panic inside maplib comes up as pyo3's PanicException
        if type(err).__name__ != "PanicException":
            raise
        return None
    if not isinstance(solutions, maplib.SolutionMappings):  # a CONSTRUCT
        return None
    frame = solutions.mappings
    types = {name: column_type(solutions.rdf_types.get(name)) for name in frame.columns}
    if None in types.values() or (not decimals and f"{XSD}decimal" in types.values()):
        return None
    document = tsv(_lexical_frame(frame, types), list(frame.columns), types)
    try:
        return ox.parse_query_results(document.encode("utf-8"), ox.QueryResultsFormat.TSV)
    except SyntaxError as err:  # a term this module wrote wrongly: a bug, said plainly
        raise QueryError(f"maplib's answer cannot be read back: {err}") from err


def _lexical_frame(frame, types: dict[str, str]):
    """Every column as strings (the IRI or the lexical form), and the language tag of
    each language-tagged column in a column of its own."""
    import polars as pl

    columns = []
    for name, kind in types.items():
        column = pl.col(name)
        if kind == "unbound":
            column = pl.lit(None, dtype=pl.String)
        elif kind == RDF_LANG_STRING:
            columns.append(column.struct[1].alias(_language_column(name)))
            column = column.struct[0]
        elif kind == f"{XSD}boolean":
            column = pl.when(column).then(pl.lit("true")).otherwise(pl.lit("false"))
        elif kind == f"{XSD}decimal":
            # maplib keeps twelve decimal places; SPARQL writes 60.0 as 60 and 1.50 as 1.5
            column = (column.cast(pl.String).str.replace(r"(\.[0-9]*[1-9])0+$", "${1}")
                      .str.replace(r"\.0*$", "").str.replace(r"^-0$", "0"))
        else:
            column = column.cast(pl.String)
        columns.append(column.alias(name))
    return frame.select(columns)


def _language_column(name: str) -> str:
    return f"{name}\x00lang"


def _escaped(column, replacements: tuple[tuple[str, str], ...]):
    for old, new in replacements:
        column = column.str.replace_all(old, new, literal=True)
    return column


_TURTLE_STRING = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"))


def tsv(lexical, variables: list[str], types: dict[str, str]) -> str:
    """SPARQL 1.1 TSV of a lexical frame: each term in Turtle syntax, unbound empty.

    The whole document is made with Polars expressions, one column at a time, so an
    answer of 100k rows costs no Python object per cell.
    """
    import polars as pl

    cells = []
    for name in variables:
        kind = types[name]
        column = pl.col(name)
        if kind == "iri":
            cell = pl.concat_str([pl.lit("<"), column, pl.lit(">")])
        else:
            cell = pl.concat_str([pl.lit('"'), _escaped(column, _TURTLE_STRING), pl.lit('"')])
            if kind == RDF_LANG_STRING:
                cell = pl.concat_str([cell, pl.lit("@"), pl.col(_language_column(name))])
            elif EXACT_TYPES[kind][1]:
                cell = pl.concat_str([cell, pl.lit(f"^^<{EXACT_TYPES[kind][1]}>")])
        cells.append(cell.fill_null(""))
    header = "\t".join(f"?{name}" for name in variables)
    if lexical.height == 0:
        return header + "\n"
    lines = lexical.select(pl.concat_str(cells, separator="\t").alias("line"))["line"]
    return header + "\n" + lines.str.join("\n").item() + "\n"
