"""The dateline (city, outlet, date) that opens an Indonesian news text.

The logic is :mod:`.parse`; :mod:`.extract` adapts it to the pipeline. Data files and their
sources: SOURCE.md beside this module (the Indonesian regions come from ``beritakit.lang.id``).
"""

from __future__ import annotations

from beritakit.extractors.dateline.parse import DatelineHit, parse

__all__ = ["DatelineHit", "parse"]
