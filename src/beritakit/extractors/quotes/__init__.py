"""Quote recogniser: direct and indirect quotes in Indonesian news, with their speakers."""

from beritakit.extractors.quotes._confidence import quote_confidence, quote_key
from beritakit.extractors.quotes.finder import PersonRef, QuoteHit, find_quotes

__all__ = ["PersonRef", "QuoteHit", "find_quotes", "quote_confidence", "quote_key"]
