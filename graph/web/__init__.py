"""sgcn.graph.web: ``sgcn serve``, the SPARQL endpoint and the pages of the graph.

- :mod:`~sgcn.graph.web.server`: the Flask app (query page, results, entity pages;
  its ``templates/``) and the server around it.
- :mod:`~sgcn.graph.web.sandbox`: what a query may not do: use ``SERVICE`` (the
  query check), reach the network at all (the workers' seccomp filter), nest too deep.
- :mod:`~sgcn.graph.web.workers`: the query worker processes: time and memory limits,
  seats for long queries, a spare, deaths logged and replaced.
- :mod:`~sgcn.graph.web.wsgi`: waitress, request size limits, requests per client.
- :mod:`~sgcn.graph.web.media`: content negotiation, for the routes and the workers.

Depends on :mod:`sgcn.graph.sparql` (it answers with the query library and the
embedded stores) and :mod:`sgcn.graph.rdf`; used by :mod:`sgcn.graph.cli`. Flask is
an optional extra (``sgcn[serve]``), imported where the app is made.
"""
