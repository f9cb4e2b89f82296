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
"""
