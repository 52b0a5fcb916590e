"""Text cleaning: normalisation with an offset map, and boilerplate regions."""

from beritakit.clean.normalise import MappedText, looks_like_html, normalise

__all__ = ["MappedText", "looks_like_html", "normalise"]
