"""sgcn.graph: turns extracted facts into RDF, validates, stores, queries, exports, renders; holds the CLI.

Six rooms, each depending only on those before it (a test checks the imports):

- :mod:`sgcn.graph.rdf`: the RDF model and the build pipeline;
- :mod:`sgcn.graph.sparql`: querying, on embedded stores or remote endpoints;
- :mod:`sgcn.graph.network`: the graph as a network: page, analysis, exports;
- :mod:`sgcn.graph.web`: ``sgcn serve``, the SPARQL endpoint and its pages;
- :mod:`sgcn.graph.evaluate`: ``sgcn evaluate``, the graph's answers scored against a gold;
- :mod:`sgcn.graph.cli`: the ``sgcn`` command.

``sgcn.ttl`` beside this file is the graph built from ``sources/``, read when no
other graph is named.
"""
