"""The names the command line offers for building and linking the graph.

They live apart from the modules that use them so that building the argument parser
(``sgcn --help``) imports neither rdflib nor YAML; :mod:`sgcn.graph.rdf.links` imports
them from here.

Examples:
    >>> WIKIDATA_API
    'https://www.wikidata.org/w/api.php'
"""

from __future__ import annotations

#: The MediaWiki API ``sgcn link wikidata`` asks by default (``--api`` names another).
WIKIDATA_API = "https://www.wikidata.org/w/api.php"
