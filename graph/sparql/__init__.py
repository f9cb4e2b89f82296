"""sgcn.graph.sparql: querying the graph, embedded or on a remote endpoint.

One way down, no cycle (a module imports only those listed before it):

- :mod:`~sgcn.graph.sparql.params`: query headers and typed parameters bound as terms;
- :mod:`~sgcn.graph.sparql.results`: the result types every engine answers with
  (``Term``, ``Answer``);
- :mod:`~sgcn.graph.sparql.library`: the query library of ``queries/*.rq``;
- :mod:`~sgcn.graph.sparql.columnar`: maplib's columnar engine for the library's SELECTs;
- :mod:`~sgcn.graph.sparql.store`: the embedded stores (Oxigraph, maplib, rdflib);
- :mod:`~sgcn.graph.sparql.remote`: SPARQL endpoints (query, push);
- :mod:`~sgcn.graph.sparql.query`: a query run anywhere, its answer written in a format.

Depends on :mod:`sgcn.graph.rdf` (prefixes) and ``sgcn.queries``; used by
:mod:`sgcn.graph.web` and :mod:`sgcn.graph.cli`.
"""
