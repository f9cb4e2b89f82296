"""sgcn.loaders: read source documents into Documents (one module per format)."""
