"""sgcn.queries: the SPARQL query library, one ``.rq`` file per question (data files)."""
