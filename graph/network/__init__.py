"""sgcn.graph.network: the knowledge graph as a network of entities and relations.

- :mod:`~sgcn.graph.network.options`: the export formats the command line offers
  (importing nothing, so ``sgcn --help`` loads neither networkx nor rdflib);
- :mod:`~sgcn.graph.network.model`: RDF to networkx (``to_networkx``, reading graph
  files with Oxigraph's parser) and selections from the network;
- :mod:`~sgcn.graph.network.viz`: the interactive page (its ``templates/``);
- :mod:`~sgcn.graph.network.analyze`: centrality, sides (``sgcn.graph.rdf.sides``), communities,
  chains;
- :mod:`~sgcn.graph.network.export`: the graph and the network in other formats.

Depends on :mod:`sgcn.graph.rdf` only (graphs reach it as files, Oxigraph stores or
rdflib graphs); used by :mod:`sgcn.graph.cli`.

networkx and igraph come with the ``network`` extra (``pip install 'sgcn[network]'``),
not with the default install (about 36 MB of the install with bytecode: building and
querying never use them); :func:`require` names the extra when one is missing.
"""

from __future__ import annotations

from importlib.util import find_spec

from sgcn.loaders.errors import SgcnError

#: How to install what the network commands need.
EXTRA = "pip install 'sgcn[network]'"


def require(*modules: str) -> None:
    """Check that ``modules`` (``"networkx"``, ``"igraph"``) are installed, without importing them.

    Raises:
        SgcnError: one is not installed; the message names the ``network`` extra.

    Examples:
        >>> require("networkx", "igraph")
        >>> require("no_such_module")
        Traceback (most recent call last):
        ...
        sgcn.loaders.errors.SgcnError: the network commands (viz, analyze, export to a network format) need no_such_module, which the default install leaves out: pip install 'sgcn[network]'
    """
    for name in modules:
        if find_spec(name) is None:
            raise SgcnError(f"the network commands (viz, analyze, export to a network format) need {name}, "
                            f"which the default install leaves out: {EXTRA}")
