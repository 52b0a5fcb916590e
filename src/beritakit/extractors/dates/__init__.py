"""Event dates in Indonesian news: date expressions placed on the calendar.

The logic is :mod:`.find` (with the private helpers ``_recognise``, ``_place``, ``_calendar``
and the data reader ``_data``); :mod:`.extract` adapts it to the pipeline. Data files and
their sources: SOURCE.md beside this module.
"""

from __future__ import annotations

from beritakit.extractors.dates.find import DateHit, find_dates, unique_dates

__all__ = ["DateHit", "find_dates", "unique_dates"]
