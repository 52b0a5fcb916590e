"""Event dates in Indonesian news: find date expressions and place them on the calendar.

>>> import datetime as dt
>>> hits, warnings = find_dates("Kongres digelar 12-15 September.", published=dt.date(2018, 9, 14))
>>> [(h.text, str(h.start_date), str(h.end_date), h.granularity, h.kind) for h in hits]
[('12-15 September', '2018-09-12', '2018-09-15', 'range', 'partial')]

Granularities: ``day``; ``week`` (Monday–Sunday); ``weekend`` (Saturday–Sunday);
``month``; ``part`` (``awal``/``pertengahan``/``akhir``: days 1–10 / 11–20 / 21–end of a
month, or January–March / April–September / October–December of a year); ``quarter``
(``triwulan``/``kuartal``, also ``caturwulan``: four months); ``half`` (``semester``);
``year``; ``decade``; ``range`` (two dates joined by a connector, ``12-15 September``).

Kinds: ``absolute`` (the text writes the year), ``partial`` (the year, or the date itself,
comes from the anchor or from a written weekday) and ``relative`` (an offset from the
anchor: ``kemarin``, ``pekan lalu``, ``Senin lalu``).

The anchor is the date a quote is dated with (``"hari ini", kata X, Minggu (8/6)``), else
``published``, else the date the text implies (its latest date with a written weekday).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from beritakit.extractors.dates._calendar import (
    AdjacentYear,
    Day,
    Month,
    NextDay,
    Placed,
    Quarter,
    Range,
    Relative,
    RelativeWeekday,
    Year,
)
from beritakit.extractors.dates._clock import ClockTime, clock_time
from beritakit.extractors.dates._data import lexicon
from beritakit.extractors.dates._place import (
    infer_year_from_weekday,
    needs_anchor,
    place,
    weekday_clash,
)
from beritakit.extractors.dates._recognise import Candidate, recognise

__all__ = ["DateHit", "find_dates", "unique_dates"]

# How far back an undated quote looks for the date of the statement it belongs to, and how
# far that date may lie from the publication date.
_STATEMENT_LOOKBACK = 1500
_STATEMENT_MAX_DAYS = 7
# How far a quotation is looked for around an expression (one paragraph at most).
_QUOTE_REACH = 3000
# How many expressions before an undated quote are looked at for its statement date.
_STATEMENT_SLOTS = 30
# How far an attribution after a quote may run ("…," kata X di Y, Minggu (8/6/2025).)
_ATTRIBUTION_SPAN = 250
# How far back "keesokan harinya" / "tahun sebelumnya" look for the date they follow.
_REFERENCE_LOOKBACK = 600
# A bare weekday takes the date of a nearby written date with its weekday within this many days.
_WEEKDAY_ECHO_DAYS = 10

_SENTENCE_END = regex.compile(r"\n+|[.!?…]+[\"”’)\]]*(?:[ \t]+|(?=[\"“]))(?=[\"“‘(\[]?[\p{Lu}0-9])")
_APPOSITION_GAP = regex.compile(r"[ \t]*,?[ \t]*")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True, slots=True)
class DateHit:
    """A date expression and where it lies on the calendar.

    Attributes:
        start: Offset of the expression in the text.
        end: Offset after the expression.
        text: The expression as written.
        start_date: First day it covers.
        end_date: Last day it covers (equal to ``start_date`` for a day).
        granularity: day, week, weekend, month, part, quarter, half, year, decade or range.
        kind: absolute, partial or relative.
        anchor: The date a partial or relative expression was resolved from.
        sentence_start: Offset of the sentence the expression sits in.
        sentence_end: Offset after that sentence.
        time: The time of day written with a day (ISO, ``14:00:00+07:00`` when a zone
            is written), else ``None``.
        part_of_day: ``early_morning``, ``morning``, ``afternoon``, ``evening`` or
            ``night`` when written with a day (``dini hari``, ``pagi``, ``siang``,
            ``sore``, ``malam``), else ``None``.

    """

    start: int
    end: int
    text: str
    start_date: dt.date
    end_date: dt.date
    granularity: str
    kind: str
    anchor: dt.date | None
    sentence_start: int
    sentence_end: int
    time: str | None = None
    part_of_day: str | None = None


@dataclass(slots=True)
class _Slot:
    cand: Candidate
    placed: Placed | None = None
    kind: str = "absolute"
    anchor: dt.date | None = None
    in_quote: tuple[int, int] | None = None
    done: bool = False


def _sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences: end punctuation before a capital, or a line break."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() if m.group().startswith("\n") else m.end()
        if end > pos:
            spans.append((pos, end))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out or [(0, len(text))]


def _quote_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return the quotation (straight or curly double quotes) that ``text[start:end]`` sits in.

    A quotation does not run past its paragraph, and is looked for within
    ``_QUOTE_REACH`` characters, so the cost does not grow with the text.
    """
    reach_lo = max(0, start - _QUOTE_REACH)
    lo = max(text.rfind("\n", reach_lo, start) + 1, reach_lo)
    reach_hi = min(len(text), end + _QUOTE_REACH)
    newline = text.find("\n", end, reach_hi)
    hi = newline if newline >= 0 else reach_hi
    if text.count('"', lo, start) % 2 == 1:
        close = text.find('"', end, hi)
        return text.rfind('"', lo, start), (close + 1 if close >= 0 else hi)
    opened = text.rfind("“", lo, start)
    if opened >= 0 and opened > text.rfind("”", lo, start):
        close = text.find("”", end, hi)
        return opened, (close + 1 if close >= 0 else hi)
    return None


def _sentence_of(
    sentences: Sequence[tuple[int, int]], starts: Sequence[int], c: Candidate
) -> tuple[int, int]:
    s_start, s_end = sentences[max(0, bisect.bisect_right(starts, c.start) - 1)]
    return min(s_start, c.start), max(s_end, c.end)


def _is_day(slot: _Slot) -> bool:
    return slot.placed is not None and slot.placed.granularity == "day"


def _describe(text: str, c: Candidate) -> str:
    return f"'{text[c.start : c.end]}' at {c.start}"


def _clash_warning(text: str, slot: _Slot) -> str:
    day = slot.placed.start if slot.placed else None
    said = f"{day.isoformat()} is a {_WEEKDAY_NAMES[day.weekday()]}" if day else "no such day"
    return f"weekday contradicts the date in {_describe(text, slot.cand)}: {said}; left out"


def _place_by_themselves(
    text: str, slots: list[_Slot], published: dt.date | None, today: dt.date
) -> list[str]:
    """Step 1: place what the text dates by itself (written years, written weekdays)."""
    warnings: list[str] = []
    for slot in slots:
        spec = slot.cand.spec
        if isinstance(spec, NextDay | AdjacentYear):
            continue
        if not needs_anchor(spec):
            slot.placed, slot.kind, slot.done = place(spec, None), "absolute", True
        elif isinstance(spec, Day) and spec.weekday is not None:
            if published is not None:
                slot.placed, slot.kind, slot.anchor = place(spec, published), "partial", published
            else:
                warnings += _infer_year(text, slot, spec, today)
            slot.done = True
        if slot.done and slot.placed is not None and weekday_clash(spec, slot.placed):
            warnings.append(_clash_warning(text, slot))
            slot.placed = None
    return warnings


def _infer_year(text: str, slot: _Slot, spec: Day, today: dt.date) -> list[str]:
    """Place a day with a written weekday and no anchor in the latest year that fits."""
    inferred = infer_year_from_weekday(spec, today)
    if inferred is None:
        return []
    slot.placed, slot.kind = Placed(inferred, inferred, "day"), "partial"
    warning = (
        f"year of {_describe(text, slot.cand)} inferred from its weekday: "
        f"{inferred.year}, the latest year up to {today.isoformat()} in which "
        f"{inferred.day} {_MONTH_NAMES[inferred.month - 1]} is a "
        f"{_WEEKDAY_NAMES[inferred.weekday()]}"
    )
    return [warning]


def _place_against_anchors(
    text: str,
    slots: list[_Slot],
    starts: list[int],
    sentences: list[tuple[int, int]],
    base: dt.date | None,
) -> list[str]:
    """Step 2: everything else against its anchor, first outside quotes, then inside them.

    So a quote can take the date of its attribution.
    """
    warnings: list[str] = []
    sentence_starts = [s for s, _ in sentences]
    for inside in (False, True):
        for i, slot in enumerate(slots):
            if slot.done or (slot.in_quote is not None) != inside:
                continue
            anchor = _statement_anchor(text, slots, starts, i, base) if inside else base
            _place_against(
                slots, starts, _sentence_of(sentences, sentence_starts, slot.cand), i, anchor
            )
            slot.done = True
            if slot.placed is None:
                why = "no anchor date" if anchor is None else "no such date"
                warnings.append(f"cannot place {_describe(text, slot.cand)}: {why}")
            elif weekday_clash(slot.cand.spec, slot.placed):
                warnings.append(_clash_warning(text, slot))
                slot.placed = None
    return warnings


def find_dates(
    text: str, *, published: dt.date | None = None, today: dt.date | None = None
) -> tuple[list[DateHit], list[str]]:
    """Find the date expressions in an article body and place each on the calendar.

    Args:
        text: The cleaned article body (normalised text).
        published: The publication date, the anchor of relative and partial dates.
        today: Upper bound when a year is inferred from a written weekday; defaults to today.

    Returns:
        The hits in text order, and human-readable warnings (inferred years, weekdays
        that contradict their date, expressions that could not be placed).

    """
    # a datetime is a date too, but cannot be compared with one
    if isinstance(published, dt.datetime):
        published = published.date()
    today = today.date() if isinstance(today, dt.datetime) else (today or dt.date.today())
    warnings: list[str] = []
    found, stopped = recognise(text)
    if stopped is not None:
        warnings.append(f"too many date-like words: dates searched only before offset {stopped}")
    slots = [_Slot(c) for c in found]
    starts = [slot.cand.start for slot in slots]
    sentences = _sentences(text) if slots else [(0, len(text))]
    sentence_starts = [s for s, _ in sentences]
    for slot in slots:
        slot.in_quote = _quote_around(text, slot.cand.start, slot.cand.end)

    warnings += _place_by_themselves(text, slots, published, today)
    base = published if published is not None else _implied_anchor(slots)
    warnings += _place_against_anchors(text, slots, starts, sentences, base)

    kept = _join_appositions(text, [slot for slot in slots if slot.placed is not None])
    hits = []
    for slot in kept:
        if slot.placed is None:
            continue
        c = slot.cand
        s_start, s_end = _sentence_of(sentences, sentence_starts, c)
        clock = (
            clock_time(text, c.start, c.end, max(s_end, c.end))
            if slot.placed.granularity == "day"
            else ClockTime()
        )
        hits.append(
            DateHit(
                start=c.start,
                end=c.end,
                text=text[c.start : c.end],
                start_date=slot.placed.start,
                end_date=slot.placed.end,
                granularity=slot.placed.granularity,
                kind=slot.kind,
                anchor=slot.anchor,
                sentence_start=min(s_start, c.start),
                sentence_end=max(s_end, c.end),
                time=clock.time,
                part_of_day=clock.part_of_day,
            )
        )
    return hits, warnings


def _join_appositions(text: str, slots: list[_Slot]) -> list[_Slot]:
    """Join a relative day and the date that restates it: ``besok, Selasa (10/6/2025)``."""
    out: list[_Slot] = []
    for slot in slots:
        prev = out[-1] if out else None
        if (
            prev is not None
            and isinstance(prev.cand.spec, Relative)
            and prev.cand.spec.unit == "day"
            and slot.placed is not None
            and not isinstance(slot.cand.spec, Relative)
            and prev.placed == slot.placed
            and _APPOSITION_GAP.fullmatch(text, prev.cand.end, slot.cand.start)
        ):
            c = slot.cand
            merged = Candidate(prev.cand.start, c.end, c.spec, c.form, c.order, c.written_weekday)
            out[-1] = _Slot(merged, slot.placed, slot.kind, slot.anchor, slot.in_quote, True)
            continue
        out.append(slot)
    return out


def _implied_anchor(slots: Sequence[_Slot]) -> dt.date | None:
    """Return the latest day the text dates with a weekday, else its latest day, else None."""
    with_weekday = [
        s.placed.start for s in slots if _is_day(s) and s.cand.written_weekday and s.placed
    ]
    if with_weekday:
        return max(with_weekday)
    days = [s.placed.start for s in slots if _is_day(s) and s.placed]
    return max(days) if days else None


def _statement_anchor(
    text: str, slots: Sequence[_Slot], starts: Sequence[int], i: int, base: dt.date | None
) -> dt.date | None:
    """Return the date of the statement a quoted expression belongs to, else ``base``."""
    quote = slots[i].in_quote
    if quote is None:
        return base
    q_start, q_end = quote
    # a dated attribution right after the quote: "…," kata X, Minggu (8/6/2025).
    stop = min(len(text), q_end + _ATTRIBUTION_SPAN)
    m = _SENTENCE_END.search(text, q_end, stop)
    if m is not None:
        stop = m.start()
    for j in range(bisect.bisect_left(starts, q_end), bisect.bisect_left(starts, stop)):
        other = slots[j]
        if other.in_quote is None and _is_day(other) and other.placed:
            return other.placed.start
    # an undated quote: the nearest statement date before it (a day with a written weekday)
    first = bisect.bisect_left(starts, q_start) - 1
    for j in range(first, max(-1, first - _STATEMENT_SLOTS), -1):
        other = slots[j]
        c = other.cand
        if q_start - c.start > _STATEMENT_LOOKBACK:
            break
        if c.end > q_start or other.in_quote is not None:
            continue
        if _is_day(other) and c.written_weekday and other.placed:
            day = other.placed.start
            if base is None or base - dt.timedelta(days=_STATEMENT_MAX_DAYS) <= day <= base:
                return day
            break
    return base


def _place_after_reference(slots: Sequence[_Slot], i: int, spec: NextDay | AdjacentYear) -> None:
    """Place ``keesokan harinya`` after the last day named, ``tahun sebelumnya`` the last year."""
    slot = slots[i]
    for j in range(i - 1, -1, -1):
        other = slots[j]
        if slot.cand.start - other.cand.end > _REFERENCE_LOOKBACK:
            break
        p = other.placed
        if p is None:
            continue
        if isinstance(spec, NextDay) and p.granularity == "day":
            day = p.start + dt.timedelta(days=1)
            slot.placed, slot.kind, slot.anchor = Placed(day, day, "day"), "relative", p.start
            return
        if isinstance(spec, AdjacentYear) and p.granularity == "year":
            y = p.start.year + spec.offset
            slot.placed = Placed(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
            slot.kind, slot.anchor = "relative", p.start
            return


def _place_against(
    slots: Sequence[_Slot],
    starts: Sequence[int],
    sentence: tuple[int, int],
    i: int,
    anchor: dt.date | None,
) -> None:
    slot = slots[i]
    spec = slot.cand.spec
    if isinstance(spec, NextDay | AdjacentYear):
        _place_after_reference(slots, i, spec)
        return
    if isinstance(spec, RelativeWeekday) and spec.mode == "recent":
        echo = _weekday_echo(slots, starts, sentence, i, spec.weekday, anchor)
        if echo is not None:
            slot.placed, slot.kind, slot.anchor = Placed(echo, echo, "day"), "relative", echo
            return
    slot.placed = place(spec, anchor)
    slot.anchor = anchor
    if isinstance(spec, Month | Year | Quarter) and spec.year_offset is not None:
        slot.kind = "relative"  # "Juni tahun lalu", "akhir tahun ini"
    elif isinstance(spec, Day | Range | Month | Year | Quarter):
        slot.kind = "partial"
    else:
        slot.kind = "relative"


def _weekday_echo(
    slots: Sequence[_Slot],
    starts: Sequence[int],
    sentence: tuple[int, int],
    i: int,
    weekday: int,
    anchor: dt.date | None,
) -> dt.date | None:
    """Return the date a bare weekday repeats: in its sentence, or a recent written weekday."""
    me = slots[i].cand
    lo = max(0, me.start - _STATEMENT_LOOKBACK)
    s_start, s_end = sentence
    for j in range(bisect.bisect_left(starts, min(lo, s_start)), bisect.bisect_left(starts, s_end)):
        other = slots[j]
        if j == i or not _is_day(other) or other.placed is None:
            continue
        c = other.cand
        near = anchor is None or abs((other.placed.start - anchor).days) <= _WEEKDAY_ECHO_DAYS
        if not near or other.placed.start.isoweekday() != weekday:
            continue
        same_sentence = s_start <= c.start and c.end <= s_end
        before = lo <= c.start and c.end <= me.start and c.written_weekday
        if same_sentence or (
            before and other.in_quote is None and not isinstance(c.spec, RelativeWeekday)
        ):
            return other.placed.start
    return None


def unique_dates(hits: Iterable[DateHit]) -> list[DateHit]:
    """Keep the first of hits that repeat the same expression with the same value.

    The gold lists a repeated expression once (``Rabu (18/6/2025)`` written twice, or a text
    the scraper repeated); a record built from :func:`find_dates` should do the same.
    """
    seen: set[tuple[str, dt.date, dt.date]] = set()
    out = []
    day_words = lexicon().word_set("HARI")
    for h in hits:
        words = h.text.casefold().split()
        if len(words) > 1 and words[0] in day_words:  # "hari Rabu (18/6/2025)" = "Rabu (18/6/2025)"
            words = words[1:]
        key = (" ".join(words), h.start_date, h.end_date)
        if key not in seen:
            seen.add(key)
            out.append(h)
    return out
