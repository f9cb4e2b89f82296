"""The names the command line offers for querying: stores and answer formats.

They live apart from the modules that implement them so that building the argument
parser (``sgcn --help``) imports neither Oxigraph nor rdflib; the modules that
implement them import these names from here.

Examples:
    >>> DEFAULT_STORE in STORES, "csv" in FORMATS, "turtle" in GRAPH_FORMATS
    (True, True, True)
"""

from __future__ import annotations

#: The embedded stores (``sgcn.graph.sparql.store`` says what each is).
STORES = ("auto", "oxigraph", "columnar", "memory")
DEFAULT_STORE = "auto"

#: Formats for SELECT rows, and for the graphs CONSTRUCT and DESCRIBE answer.
ROW_FORMATS = ("csv", "json", "table", "tsv", "xml")
GRAPH_FORMATS = ("turtle", "json-ld", "nt", "rdf-xml")
FORMATS = ROW_FORMATS + GRAPH_FORMATS

#: The named graph ``sgcn push`` fills and ``sgcn query --endpoint`` reads by default.
DEFAULT_GRAPH_URI = "https://w3id.org/sgcn/graph"
