"""The credits an article text carries: writers, reporters, editors, sources, codes.

The logic is :mod:`.parse`; :mod:`.extract` adapts it to the pipeline. Data files and their
sources: SOURCE.md beside this module.
"""

from __future__ import annotations

from beritakit.extractors.credits.parse import ROLES, CreditHit, parse

__all__ = ["ROLES", "CreditHit", "parse"]
