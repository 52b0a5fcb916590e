"""Times of day written next to a date (``pukul 14.00 WIB``, ``jam 10 pagi``, ``malam``).

Forms: ``pukul 14.00 WIB``, ``14.30 WITA``, ``jam 10 pagi``, ``Senin (3/2) malam``.
The time is read from the words right after the date expression (or right before it:
``pukul 09.00 WIB, Senin (3/2)``), never across a sentence end; the part of the day from
a word inside the expression (``Sabtu malam (7/6/2025)``, ``kemarin pagi``) or after it.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import regex

from beritakit.extractors.dates._data import PKG, phrase_alternation
from beritakit.resources import read_table

__all__ = ["ClockTime", "clock_time"]

_ZONES = {"wib": 7, "wita": 8, "wit": 9}
# what may stand between a date and its time: "Senin (3/2/2025) sekitar pukul 14.00 WIB"
_FILLER = r"(?:(?:sekitar|kurang\s{1,4}lebih|mulai|sejak|tepat|pada|hingga|sampai)\s{1,4}){0,2}"
_CLOCK = r"(?P<h>2[0-3]|[01]?\d)(?!\d)(?:[.:](?P<m>[0-5]\d)(?!\d))?"
# a bare "14.30" is a time only with its zone written ("14.30 WITA")
_BARE = r"(?P<bh>2[0-3]|[01]?\d)[.:](?P<bm>[0-5]\d)(?=\s{0,4}(?:wita|wib|wit)\b)"
_REACH = 60


@dataclass(frozen=True, slots=True)
class ClockTime:
    """The time and part of day written with a date (either may be ``None``)."""

    time: str | None = None
    part_of_day: str | None = None


@functools.cache
def _parts() -> dict[str, tuple[str, int | None]]:
    return {
        " ".join(row[0].split()).lower(): (row[1], None if row[2] == "-" else int(row[2]))
        for row in read_table(PKG, "parts_of_day.tsv")
    }


@functools.cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    tod = phrase_alternation(_parts())
    time = (
        rf"(?:(?:pukul|pkl\.?|jam)\s{{0,4}}{_CLOCK}|{_BARE})"
        rf"(?:\s{{0,4}}(?P<zone>wita|wib|wit)\b)?(?:\s{{1,4}}(?P<tod>{tod})\b)?"
    )
    after = regex.compile(
        rf"[ \t]{{0,4}}(?:,[ \t]{{0,4}})?(?:{_FILLER}{time}|(?P<tod2>{tod})\b)", regex.IGNORECASE
    )
    before = regex.compile(
        rf"(?<![\w.]){time}[ \t]{{0,4}},?[ \t]{{0,4}}(?:pada[ \t]{{1,4}})?(?:hari[ \t]{{1,4}})?\Z",
        regex.IGNORECASE,
    )
    inside = regex.compile(rf"\b(?P<tod>{tod})\b", regex.IGNORECASE)
    return after, before, inside


def _read(m: regex.Match[str]) -> ClockTime:
    parts = _parts()
    word = m.groupdict().get("tod") or m.groupdict().get("tod2")
    part, pm_below = (
        parts.get(" ".join(word.split()).lower(), (None, None)) if word else (None, None)
    )
    hour = m.groupdict().get("h") or m.groupdict().get("bh")
    if hour is None:
        return ClockTime(None, part)
    h = int(hour)
    minute = int(m.groupdict().get("m") or m.groupdict().get("bm") or 0)
    if pm_below is not None and h < pm_below and h < 12:
        h += 12  # "jam 4 sore" is 16:00, "pukul 8 malam" 20:00
    elif part == "night" and h == 12:
        h = 0
    zone_name = m.groupdict().get("zone")
    zone = dt.timezone(dt.timedelta(hours=_ZONES[zone_name.lower()])) if zone_name else None
    return ClockTime(dt.time(h, minute, tzinfo=zone).isoformat(), part)


def clock_time(text: str, start: int, end: int, sentence_end: int) -> ClockTime:
    """Return the time and part of day written with the date at ``text[start:end]``."""
    after, before, inside = _patterns()
    own = inside.search(text, start, end)
    own_part = _parts()[" ".join(own.group("tod").split()).lower()][0] if own else None
    m = after.match(text, end, min(sentence_end, end + _REACH))
    if m is None:
        m = before.search(text, max(0, start - _REACH), start)
    if m is None:
        return ClockTime(None, own_part)
    found = _read(m)
    return ClockTime(found.time, found.part_of_day or own_part)
