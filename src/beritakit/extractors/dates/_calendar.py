"""What a date expression says before it is placed (specs), and the arithmetic that places it."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

__all__ = [
    "AdjacentYear",
    "Day",
    "Decade",
    "Month",
    "NextDay",
    "Placed",
    "Quarter",
    "Range",
    "Relative",
    "RelativeWeekday",
    "Spec",
    "Year",
    "add_months",
    "make_date",
    "month_end",
    "week_of",
]

MIN_YEAR = 1800
MAX_YEAR = 2099


# --- specs: what the text says, before any anchor is applied ------------------------------


@dataclass(frozen=True, slots=True)
class Day:
    """A day: ``13 September 2018``, ``Kamis (13/9)``; ``year`` None when not written.

    ``direction`` is -1 for "lalu"/"kemarin", +1 for "mendatang"/"depan", else None.
    """

    day: int
    month: int
    year: int | None = None
    weekday: int | None = None
    direction: int | None = None


@dataclass(frozen=True, slots=True)
class Month:
    """A month, or a part of one (``awal``/``pertengahan``/``akhir`` → ``part``).

    ``year_offset`` is set for "Juni tahun lalu" (-1), "tahun ini" (0), "tahun depan" (+1).
    """

    month: int
    year: int | None = None
    direction: int | None = None
    year_offset: int | None = None
    part: str | None = None


@dataclass(frozen=True, slots=True)
class Year:
    """A year, or a part of one; ``year_offset`` for "akhir tahun ini" (year None)."""

    year: int | None
    part: str | None = None
    year_offset: int | None = None


@dataclass(frozen=True, slots=True)
class Decade:
    """``tahun 1960-an``: ten years from ``year``."""

    year: int


@dataclass(frozen=True, slots=True)
class Quarter:
    """``Triwulan III 2025`` (size 3), ``semester I 2025`` (size 6)."""

    index: int
    size: int
    granularity: str
    year: int | None = None
    year_offset: int | None = None


@dataclass(frozen=True, slots=True)
class Range:
    """Two specs joined by a connector (``12-15 September``, ``Januari hingga Mei 2025``)."""

    first: Day | Month | Year
    last: Day | Month | Year


@dataclass(frozen=True, slots=True)
class Relative:
    """An offset from the anchor: ``kemarin`` (day, -1), ``pekan lalu`` (week, -1).

    ``unit`` is day, week, weekend, month or year; ``part`` a part of that period.
    """

    unit: str
    offset: int
    part: str | None = None


@dataclass(frozen=True, slots=True)
class RelativeWeekday:
    """A weekday without numbers: ``Rabu``, ``Senin lalu``, ``Jumat mendatang``, ``Rabu pekan ini``.

    ``mode``: ``recent`` (on or before the anchor), ``past`` (before it), ``next`` (after it)
    or ``week`` (in the week ``week_offset`` weeks from the anchor's).
    """

    weekday: int
    mode: str
    week_offset: int = 0


@dataclass(frozen=True, slots=True)
class NextDay:
    """``keesokan harinya``: the day after the date mentioned before."""


@dataclass(frozen=True, slots=True)
class AdjacentYear:
    """``tahun sebelumnya`` (-1) / ``tahun berikutnya`` (+1): next to the year mentioned before."""

    offset: int


Spec = (
    Day
    | Month
    | Year
    | Decade
    | Quarter
    | Range
    | Relative
    | RelativeWeekday
    | NextDay
    | AdjacentYear
)


@dataclass(frozen=True, slots=True)
class Placed:
    """A spec placed on the calendar."""

    start: dt.date
    end: dt.date
    granularity: str


# --- arithmetic -------------------------------------------------------------------------


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """Return the date, or None when it does not exist (31 Februari) or is out of range."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    if day > calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def month_end(year: int, month: int) -> dt.date:
    """Return the last day of the month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """Return (year, month) ``delta`` months after (year, month)."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Return the Monday and Sunday of the week ``day`` is in."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)
