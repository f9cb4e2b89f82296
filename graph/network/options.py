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

#: Graph file suffix -> the name of its format in Oxigraph's ``pyoxigraph.RdfFormat`` (a
#: name, so that this module imports nothing): what the network reads and the RDF
#: exports re-read, with networkx (the ``network`` extra) or without it.
RDF_FILE_FORMATS = {
    ".ttl": "TURTLE", ".turtle": "TURTLE", ".nt": "N_TRIPLES", ".nq": "N_QUADS", ".trig": "TRIG",
    ".rdf": "RDF_XML", ".owl": "RDF_XML", ".jsonld": "JSON_LD", ".n3": "N3",
}
