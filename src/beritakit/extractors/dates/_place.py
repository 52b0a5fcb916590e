"""Normaliser: place a spec on the calendar, given the anchor date it is read against."""

from __future__ import annotations

import datetime as dt

from beritakit.extractors.dates._calendar import (
    Day,
    Decade,
    Month,
    Placed,
    Quarter,
    Range,
    Relative,
    RelativeWeekday,
    Spec,
    Year,
    add_months,
    make_date,
    month_end,
    week_of,
)
from beritakit.extractors.dates._data import lexicon

__all__ = ["infer_year_from_weekday", "needs_anchor", "place", "weekday_clash"]


def needs_anchor(spec: Spec) -> bool:
    """Tell whether ``spec`` can only be placed against an anchor date."""
    if isinstance(spec, Day | Month):
        return spec.year is None
    if isinstance(spec, Year | Quarter):
        return spec.year is None
    if isinstance(spec, Range):
        return _year_of(spec.first) is None and _year_of(spec.last) is None
    return not isinstance(spec, Decade)


def _year_of(spec: Day | Month | Year) -> int | None:
    return spec.year


def _nearest_year(
    candidates: list[tuple[int, int]], direction: int | None, anchor_key: int
) -> int | None:
    """Pick a year from (year, key) pairs: keys compare positions on the calendar."""
    if not candidates:
        return None
    if direction == -1:
        past = [(y, k) for y, k in candidates if k <= anchor_key]
        return max(past, key=lambda p: p[1])[0] if past else None
    if direction == 1:
        future = [(y, k) for y, k in candidates if k >= anchor_key]
        return min(future, key=lambda p: p[1])[0] if future else None
    # nearest; a tie keeps the anchor's own year (listed first)
    return min(candidates, key=lambda p: abs(p[1] - anchor_key))[0]


def _day_year(spec: Day, anchor: dt.date) -> int | None:
    if spec.direction == 0:
        return anchor.year
    cands = []
    for y in (anchor.year, anchor.year - 1, anchor.year + 1):
        d = make_date(y, spec.month, spec.day)
        if d is not None:
            cands.append((y, d.toordinal()))
    return _nearest_year(cands, spec.direction, anchor.toordinal())


def _month_year(spec: Month, anchor: dt.date) -> int:
    if spec.year_offset is not None:
        return anchor.year + spec.year_offset
    if spec.direction == 0:
        return anchor.year
    cands = [(y, y * 12 + spec.month) for y in (anchor.year, anchor.year - 1, anchor.year + 1)]
    got = _nearest_year(cands, spec.direction, anchor.year * 12 + anchor.month)
    return got if got is not None else anchor.year


def _month_span(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date] | None:
    if not 1 <= month <= 12 or not 1800 <= year <= 2099:
        return None
    start, end = dt.date(year, month, 1), month_end(year, month)
    if part:
        first, last, _, _ = lexicon().parts.get(part, (1, 31, 1, 12))
        start = dt.date(year, month, min(first, end.day))
        end = dt.date(year, month, min(last, end.day))
    return start, end


def _year_span(year: int, part: str | None) -> tuple[dt.date, dt.date] | None:
    if not 1800 <= year <= 2099:
        return None
    if part:
        _, _, first, last = lexicon().parts.get(part, (1, 31, 1, 12))
        return dt.date(year, first, 1), month_end(year, last)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _place_simple(spec: Day | Month | Year, anchor: dt.date | None) -> Placed | None:
    if isinstance(spec, Day):
        y = spec.year if spec.year is not None else (_day_year(spec, anchor) if anchor else None)
        d = make_date(y, spec.month, spec.day) if y is not None else None
        return Placed(d, d, "day") if d else None
    if isinstance(spec, Month):
        y = spec.year if spec.year is not None else (_month_year(spec, anchor) if anchor else None)
        span = _month_span(y, spec.month, spec.part) if y is not None else None
        return Placed(span[0], span[1], "part" if spec.part else "month") if span else None
    y = (
        spec.year
        if spec.year is not None
        else (anchor.year + spec.year_offset if anchor and spec.year_offset is not None else None)
    )
    span = _year_span(y, spec.part) if y is not None else None
    return Placed(span[0], span[1], "part" if spec.part else "year") if span else None


def _with_year(spec: Day | Month | Year, year: int) -> Day | Month | Year:
    if isinstance(spec, Day):
        return Day(spec.day, spec.month, year, spec.weekday, spec.direction)
    if isinstance(spec, Month):
        return Month(spec.month, year, spec.direction, None, spec.part)
    return Year(year, spec.part)


def _key(spec: Day | Month | Year) -> tuple[int, int]:
    if isinstance(spec, Day):
        return spec.month, spec.day
    if isinstance(spec, Month):
        return spec.month, 0
    return 0, 0


def _place_range(spec: Range, anchor: dt.date | None) -> Placed | None:
    first, last = spec.first, spec.last
    if first.year is None and last.year is not None:
        # "24 Juli hingga 3 Agustus 2025": the first part takes the year of the last
        y = last.year - (1 if _key(first) > _key(last) else 0)
        first = _with_year(first, y)
    elif last.year is None and first.year is not None:
        last = _with_year(last, first.year + (1 if _key(last) < _key(first) else 0))
    elif first.year is None and last.year is None:
        end = _place_simple(last, anchor)
        if end is None:
            return None
        y = end.end.year
        last = _with_year(last, y)
        first = _with_year(first, y - (1 if _key(first) > _key(last) else 0))
    a, b = _place_simple(first, None), _place_simple(last, None)
    if a is None or b is None or b.end < a.start:
        return None
    return Placed(a.start, b.end, "range")


def _place_relative(spec: Relative, anchor: dt.date) -> Placed | None:
    if spec.unit == "day":
        d = anchor + dt.timedelta(days=spec.offset)
        return Placed(d, d, "day")
    if spec.unit in ("week", "weekend"):
        monday, sunday = week_of(anchor + dt.timedelta(days=7 * spec.offset))
        if spec.unit == "weekend":
            return Placed(sunday - dt.timedelta(days=1), sunday, "weekend")
        return Placed(monday, sunday, "week")
    if spec.unit == "month":
        y, m = add_months(anchor.year, anchor.month, spec.offset)
        span = _month_span(y, m, spec.part)
        return Placed(span[0], span[1], "part" if spec.part else "month") if span else None
    span = _year_span(anchor.year + spec.offset, spec.part)
    return Placed(span[0], span[1], "part" if spec.part else "year") if span else None


def _place_weekday(spec: RelativeWeekday, anchor: dt.date) -> Placed:
    today = anchor.isoweekday()
    if spec.mode == "recent":
        d = anchor - dt.timedelta(days=(today - spec.weekday) % 7)
    elif spec.mode == "past":
        d = anchor - dt.timedelta(days=(today - spec.weekday - 1) % 7 + 1)
    elif spec.mode == "next":
        d = anchor + dt.timedelta(days=(spec.weekday - today - 1) % 7 + 1)
    else:
        monday, _ = week_of(anchor)
        d = monday + dt.timedelta(days=7 * spec.week_offset + spec.weekday - 1)
    return Placed(d, d, "day")


def place(spec: Spec, anchor: dt.date | None) -> Placed | None:
    """Place ``spec`` on the calendar; None when it cannot be placed (no anchor, no such date).

    ``NextDay`` and ``AdjacentYear`` depend on other expressions and are placed by the caller.
    """
    try:
        if isinstance(spec, Day | Month | Year):
            return _place_simple(spec, anchor)
        if isinstance(spec, Range):
            return _place_range(spec, anchor)
        if isinstance(spec, Decade):
            return Placed(dt.date(spec.year, 1, 1), dt.date(spec.year + 9, 12, 31), "decade")
        if isinstance(spec, Quarter):
            y = (
                spec.year
                if spec.year is not None
                else (anchor.year + (spec.year_offset or 0) if anchor else None)
            )
            if y is None or not 1800 <= y <= 2099:
                return None
            first = (spec.index - 1) * spec.size + 1
            return Placed(
                dt.date(y, first, 1), month_end(y, first + spec.size - 1), spec.granularity
            )
        if anchor is None:
            return None
        if isinstance(spec, Relative):
            return _place_relative(spec, anchor)
        if isinstance(spec, RelativeWeekday):
            return _place_weekday(spec, anchor)
    except (ValueError, OverflowError):  # a date beyond the calendar's range
        return None
    return None


def weekday_clash(spec: Spec, placed: Placed) -> bool:
    """Tell whether a written weekday contradicts the placed date."""
    if isinstance(spec, Day) and spec.weekday is not None:
        return placed.start.isoweekday() != spec.weekday
    if isinstance(spec, Range):
        ends = ((spec.first, placed.start), (spec.last, placed.end))
        return any(
            isinstance(s, Day) and s.weekday is not None and d.isoweekday() != s.weekday
            for s, d in ends
        )
    return False


def infer_year_from_weekday(spec: Day, today: dt.date) -> dt.date | None:
    """Return the latest date on or before ``today`` with the spec's day, month and weekday."""
    if spec.weekday is None:
        return None
    for year in range(today.year, today.year - 60, -1):
        d = make_date(year, spec.month, spec.day)
        if d is not None and d <= today and d.isoweekday() == spec.weekday:
            return d
    return None
