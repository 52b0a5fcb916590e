"""Extractors: one package each, each a function ``(doc, ctx) -> Result``."""
