"""sgcn.graph.rdf: the RDF model, from extracted facts to a valid graph on disk.

- :mod:`~sgcn.graph.rdf.iris`: IRIs minted from what an entity is (``mint``);
- :mod:`~sgcn.graph.rdf.namespace`: Python names of the ontology's terms;
- :mod:`~sgcn.graph.rdf.build`: facts to triples, with the ontology and topic scheme;
- :mod:`~sgcn.graph.rdf.validate`: SHACL validation, its results as data;
- :mod:`~sgcn.graph.rdf.serialize`: deterministic Turtle, written atomically;
- :mod:`~sgcn.graph.rdf.pipeline`: the build (read a folder, extract, build,
  validate, write).

The bottom room: it depends on ``sgcn.loaders`` and ``sgcn.ontology`` only, and the
others (sparql, network, web, cli) build on it.
"""
