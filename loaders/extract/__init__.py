"""sgcn.loaders.extract: rules that read entities and facts from a Document's text."""
