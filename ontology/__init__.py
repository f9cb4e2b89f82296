"""sgcn.ontology: the OWL ontology, SHACL shapes, SKOS topic scheme and JSON-LD context (data files)."""
