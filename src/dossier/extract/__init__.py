"""Extractors over the annotated document: one module per kind of fact, each with its scorer."""
