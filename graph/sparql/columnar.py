"""maplib's columnar SPARQL engine, for the query library's SELECT queries.

maplib (Apache-2.0, https://github.com/DataTreehouse/maplib) keeps triples in Polars
tables, one per predicate, and answers a SELECT with hash joins and sorts over whole
columns. Oxigraph instead looks each row's next triple up one at a time (about 2 us a
lookup) and decodes both strings of every comparison when it sorts; on the
1-million-triple benchmark graph that makes the library's whole-graph questions
(``evidence``: 139k rows, ``relations``: 69k) take 2-3 s there, and a tenth of that
here (``benchmarks/bench_stores.py``).

maplib is not a complete SPARQL 1.1 engine: it has no ASK or DESCRIBE; a variable
that is never bound in a query is an error rather than unbound; an expression over an
unbound value may give a value where SPARQL says it is an error; COUNT comes back as
``xsd:unsignedInt`` and decimals with twelve decimal places. So sgcn asks it only the
library's own SELECT queries, which the test suite runs on every store for the same
rows, and only takes its answer when every column holds terms this module writes
exactly as SPARQL does (:data:`EXACT_TYPES`); :func:`select` returns ``None``
otherwise and the caller asks Oxigraph (``sgcn.graph.sparql.store``, store ``auto``).

Examples:
    >>> model = load_ntriples(b'<https://x/a> <https://x/p> "b" .\\n')
    >>> answer = select(model, "SELECT ?s ?o WHERE { ?s <https://x/p> ?o }")
    >>> answer.variables, [tuple(t.value for t in row) for row in answer.rows]
    (['s', 'o'], [('https://x/a', 'b')])
    >>> select(model, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") is None  # xsd:unsignedInt
    True
"""

from __future__ import annotations

import json
from typing import Iterator

from sgcn.graph.sparql.params import QueryError
from sgcn.graph.sparql.results import Answer, Term

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# the column types whose values this module writes as SPARQL does: kind and datatype
# of the terms (None: a plain string); any other type sends the query to Oxigraph
EXACT_TYPES = {
    "iri": ("uri", None),
    "blank": ("bnode", None),
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
        >>> column_type(RDFType.IRI), column_type(RDFType.Literal(XSD + "double"))
        ('iri', None)
    """
    from maplib import RDFType

    if rdf_type == RDFType.IRI:
        return "iri"
    if rdf_type == RDFType.BlankNode:
        return "blank"
    if rdf_type == RDFType.Unknown:  # a variable no row binds
        return "unbound"
    for datatype in EXACT_TYPES:
        if datatype.startswith("http") and rdf_type == RDFType.Literal(datatype):
            return datatype
    return None


def select(model, text: str) -> Answer | None:
    """Run a SELECT query on a maplib model; ``None`` when the answer is not exact here.

    ``None`` means maplib cannot run the query, or a column of its answer holds terms
    of a type outside :data:`EXACT_TYPES` (several types in one column, dates,
    doubles, ``xsd:unsignedInt`` counts, ...): the query is then for a complete
    SPARQL engine.
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
    if None in types.values():
        return None
    lexical = _lexical_frame(frame, types)
    variables = list(frame.columns)

    def serialize(fmt: str) -> bytes | None:
        writer = _WRITERS.get(fmt)
        return writer(lexical, variables, types).encode("utf-8") if writer else None

    return Answer("SELECT", variables, _Rows(lexical, variables, types), serialize=serialize, engine="maplib")


def _lexical_frame(frame, types: dict[str, str]):
    """Every column as strings (the IRI, the blank node label or the lexical form), and
    the language tag of each language-tagged column in a column of its own."""
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
                      .str.replace(r"\.0*$", ""))
        else:
            column = column.cast(pl.String)
        columns.append(column.alias(name))
    return frame.select(columns)


def _language_column(name: str) -> str:
    return f"{name}\x00lang"


# ---------------------------------------------------------------- the SPARQL 1.1 results formats
# Each writer makes the whole document with Polars expressions, one column at a time,
# so an answer of 100k rows costs no Python object per cell; they write what
# sgcn.graph.sparql.query.write_rows writes from rows of Term, and the tests read both back.


def _csv(lexical, variables: list[str], types: dict[str, str]) -> str:
    """SPARQL 1.1 CSV: plain values, CRLF line ends, an empty string written as nothing."""
    import polars as pl

    plain = lexical.select(pl.when(pl.col(name) == "").then(None).otherwise(pl.col(name)).alias(name)
                           for name in variables)
    return plain.write_csv(line_terminator="\r\n", quote_style="necessary", null_value="")


def _escaped(column, replacements: tuple[tuple[str, str], ...]):
    for old, new in replacements:
        column = column.str.replace_all(old, new, literal=True)
    return column


_TURTLE_STRING = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"))
_XML_TEXT = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))


def _tsv(lexical, variables: list[str], types: dict[str, str]) -> str:
    """SPARQL 1.1 TSV: each term in Turtle syntax (as ``Term.n3`` writes it), unbound empty."""
    import polars as pl

    cells = []
    for name in variables:
        kind = types[name]
        column = pl.col(name)
        if kind == "iri":
            cell = pl.concat_str([pl.lit("<"), column, pl.lit(">")])
        elif kind == "blank":
            cell = pl.concat_str([pl.lit("_:"), column])
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


def _rows_of_bound_cells(lexical, variables: list[str], types: dict[str, str], cell, separator: str):
    """One string per row: ``cell(name, kind, term_kind, datatype)`` of each bound value,
    joined by ``separator`` (the JSON and XML formats leave unbound variables out)."""
    import polars as pl

    cells = [pl.when(pl.col(name).is_not_null()).then(cell(name, types[name], *EXACT_TYPES[types[name]]))
             for name in variables if types[name] != "unbound"]
    joined = pl.concat_str(cells, separator=separator, ignore_nulls=True) if cells else pl.lit("")
    return lexical.select(joined.alias("row"))["row"]


def _json(lexical, variables: list[str], types: dict[str, str]) -> str:
    """SPARQL 1.1 results JSON: an unbound variable has no member in its row."""
    import polars as pl

    def member(name: str, kind: str, term_kind: str, datatype: str | None):
        fields = [pl.lit(term_kind).alias("type"), pl.col(name).alias("value")]
        if kind == RDF_LANG_STRING:
            fields.append(pl.col(_language_column(name)).alias("xml:lang"))
        elif datatype:
            fields.append(pl.lit(datatype).alias("datatype"))
        return pl.concat_str([pl.lit(json.dumps(name) + ":"), pl.struct(fields).struct.json_encode()])

    head = '{"head": {"vars": ' + json.dumps(variables, ensure_ascii=False) + '}, "results": {"bindings": ['
    if lexical.height == 0:
        return head + "]}}\n"
    rows = _rows_of_bound_cells(lexical, variables, types, member, ",")
    return head + "\n{" + rows.str.join("},\n{").item() + "}\n]}}\n"


def _xml(lexical, variables: list[str], types: dict[str, str]) -> str:
    """SPARQL Query Results XML Format."""
    import polars as pl
    from xml.sax.saxutils import quoteattr

    def binding(name: str, kind: str, term_kind: str, datatype: str | None):
        text = _escaped(pl.col(name), _XML_TEXT)
        if term_kind in ("uri", "bnode"):
            element = pl.concat_str([pl.lit(f"<{term_kind}>"), text, pl.lit(f"</{term_kind}>")])
        elif kind == RDF_LANG_STRING:
            language = _escaped(pl.col(_language_column(name)), _XML_TEXT + (('"', "&quot;"),))
            element = pl.concat_str([pl.lit('<literal xml:lang="'), language, pl.lit('">'), text, pl.lit("</literal>")])
        else:
            opening = f"<literal datatype={quoteattr(datatype)}>" if datatype else "<literal>"
            element = pl.concat_str([pl.lit(opening), text, pl.lit("</literal>")])
        return pl.concat_str([pl.lit(f"\n    <binding name={quoteattr(name)}>"), element, pl.lit("</binding>")])

    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    out += [f"  <variable name={quoteattr(name)}/>" for name in variables]
    out += ["</head>", "<results>"]
    if lexical.height:
        rows = _rows_of_bound_cells(lexical, variables, types, binding, "")
        out.append("  <result>" + rows.str.join("\n  </result>\n  <result>").item() + "\n  </result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


_WRITERS = {"csv": _csv, "tsv": _tsv, "json": _json, "xml": _xml}


class _Rows:
    """The rows of an answer as tuples of :class:`Term`, made when iterated."""

    def __init__(self, lexical, variables: list[str], types: dict[str, str]):
        self.lexical, self.variables, self.types = lexical, variables, types

    def __iter__(self) -> Iterator[tuple]:
        for record in self.lexical.iter_rows(named=True):
            yield tuple(_term(self.types[name], record[name], record.get(_language_column(name)))
                        for name in self.variables)


def _term(kind: str, value: str | None, lang: str | None) -> Term | None:
    if value is None:
        return None
    term_kind, datatype = EXACT_TYPES[kind]
    return Term(term_kind, value, datatype, lang)
