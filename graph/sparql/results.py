"""What a SPARQL query answers, whichever engine or endpoint answered it.

Every embedded store (``sgcn.graph.sparql.store``), maplib's columnar engine
(``sgcn.graph.sparql.columnar``) and every remote endpoint (``sgcn.graph.sparql.remote``)
answers with one :class:`Answer`, whose SELECT rows are tuples of :class:`Term`: the
kind of term, its value, datatype and language, which is what the SPARQL results
formats carry. These types sit below all the engines, so that none of them imports
another to share them.

Examples:
    >>> answer = Answer("SELECT", ["o"], iter([(term("literal", "b"),)]))
    >>> answer.fetch()
    [(Term(kind='literal', value='b', datatype=None, lang=None),)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, NamedTuple

if TYPE_CHECKING:  # rdflib is imported where a graph answer is made, not to run a SELECT
    from rdflib import Graph

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class Term(NamedTuple):
    """An RDF term in a result row, whatever store or endpoint it came from.

    Attributes:
        kind: ``"uri"``, ``"bnode"`` or ``"literal"``.
        value: the IRI, blank node label or lexical form.
        datatype: a literal's datatype IRI; ``None`` for plain strings (xsd:string)
            and language-tagged strings.
        lang: a literal's language tag, else ``None``.
    """

    kind: str
    value: str
    datatype: str | None = None
    lang: str | None = None

    def __str__(self) -> str:
        return self.value

    def n3(self) -> str:
        """The term in SPARQL/Turtle syntax (as the SPARQL TSV results format writes it).

        Examples:
            >>> Term("literal", 'say "hi"', lang="en").n3()
            '"say \\\\"hi\\\\""@en'
        """
        if self.kind == "uri":
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        text = (self.value.replace("\\", "\\\\").replace('"', '\\"')
                .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"))
        if self.lang:
            return f'"{text}"@{self.lang}'
        if self.datatype:
            return f'"{text}"^^<{self.datatype}>'
        return f'"{text}"'


def term(kind: str, value: str, datatype: str | None = None, lang: str | None = None) -> Term:
    """A :class:`Term` with plain strings normalized (xsd:string and rdf:langString dropped).

    Examples:
        >>> term("literal", "x", "http://www.w3.org/2001/XMLSchema#string")
        Term(kind='literal', value='x', datatype=None, lang=None)
    """
    if datatype in (XSD_STRING, RDF_LANG_STRING) or lang:
        datatype = None
    return Term(kind, value, datatype, lang or None)


@dataclass
class Answer:
    """The answer to a query: rows (SELECT), a boolean (ASK) or a graph (CONSTRUCT, DESCRIBE).

    Attributes:
        type: ``"SELECT"``, ``"ASK"`` or ``"CONSTRUCT"`` (DESCRIBE answers are graphs too).
        variables: the SELECT variables, in order.
        rows: the SELECT rows, produced lazily; each a tuple of :class:`Term` or ``None``.
        boolean: the ASK answer.
        graph: the CONSTRUCT or DESCRIBE graph, as an rdflib graph.
        serialize: for a SELECT answer of Oxigraph or maplib, writes the whole answer
            in a SPARQL 1.1 results format (``"csv"``, ``"tsv"``, ``"json"``, ``"xml"``)
            with the engine's own writer, as bytes, without making a Python object per
            cell, or returns ``None`` for a format that engine does not write;
            ``None`` elsewhere. Once it has returned bytes the rows are spent: read one
            or the other.
        engine: what answered: ``"oxigraph"``, ``"maplib"``, ``"rdflib"`` or ``"endpoint"``.
    """

    type: str
    variables: list[str] = field(default_factory=list)
    rows: Iterable[tuple] = ()
    boolean: bool | None = None
    graph: Graph | None = None
    serialize: Callable[[str], bytes | None] | None = None
    engine: str = ""

    def fetch(self, limit: int | None = None) -> list[tuple]:
        """The rows as a list; with ``limit``, at most ``limit + 1`` are read (so a caller
        can tell the answer is over ``limit`` without reading all of it)."""
        out: list[tuple] = []
        for row in self.rows:
            out.append(row)
            if limit is not None and len(out) > limit:
                break
        return out
