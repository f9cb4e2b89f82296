"""The names the command line offers for the network: export formats and their file suffixes.

They live apart from :mod:`sgcn.graph.network.export` so that building the argument
parser (``sgcn --help``) imports neither networkx nor rdflib; ``export.FORMATS`` has
exactly these keys, in this order (a test checks it).

Examples:
    >>> EXPORT_FORMATS[:3]
    ('turtle', 'ntriples', 'jsonld')
"""

from __future__ import annotations

#: Export format -> the file suffix it is usually saved with.
EXTENSIONS = {
    "turtle": ".ttl",
    "ntriples": ".nt",
    "jsonld": ".jsonld",
    "graphml": ".graphml",
    "gexf": ".gexf",
    "cytoscape": ".cyjs",
    "csv-nodes": ".nodes.csv",
    "csv-edges": ".edges.csv",
}
EXPORT_FORMATS = tuple(EXTENSIONS)
#: The formats that write the RDF graph itself (the others write its network of entities).
RDF_FORMATS = ("turtle", "ntriples", "jsonld")
