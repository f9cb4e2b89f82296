"""sgcn.graph.sparql: querying the graph, embedded or on a remote endpoint.

One way down, no cycle (a module imports only those listed before it):

- :mod:`~sgcn.graph.sparql.options`: the names the command line offers (stores,
  formats), importing nothing, so ``sgcn --help`` loads no engine;
- :mod:`~sgcn.graph.sparql.results`: the result types every engine answers with
  (``Term``, ``Answer``); ``Term`` is also how parameters are bound;
- :mod:`~sgcn.graph.sparql.params`: query headers and typed parameters bound as terms;
- :mod:`~sgcn.graph.sparql.library`: the query library of ``queries/*.rq``;
- :mod:`~sgcn.graph.sparql.columnar`: maplib's columnar engine for the library's
  whole-graph SELECTs (the ``columnar`` extra);
- :mod:`~sgcn.graph.sparql.cache`: on-disk Oxigraph stores of large graph files,
  keyed by their hash, built in the background;
- :mod:`~sgcn.graph.sparql.store`: the embedded stores (Oxigraph, maplib, rdflib);
- :mod:`~sgcn.graph.sparql.remote`: SPARQL endpoints (query, push);
- :mod:`~sgcn.graph.sparql.query`: a query run anywhere, its answer written in a format.

Depends on :mod:`sgcn.graph.rdf` (prefixes) and ``sgcn.queries``; used by
:mod:`sgcn.graph.web` and :mod:`sgcn.graph.cli`.
"""
