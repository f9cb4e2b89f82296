"""sgcn.graph: turns extracted facts into RDF, validates, stores, queries, exports, renders; holds the CLI."""
