"""Recogniser: find date expressions with the patterns of ``patterns.tsv``; read what they say."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import regex

from beritakit.errors import ResourceError
from beritakit.extractors.dates._calendar import (
    MAX_YEAR,
    MIN_YEAR,
    AdjacentYear,
    Day,
    Decade,
    Month,
    NextDay,
    Quarter,
    Range,
    Relative,
    RelativeWeekday,
    Spec,
    Year,
    make_date,
)
from beritakit.extractors.dates._data import Lexicon, lexicon, patterns, placeholders, trigger_table

__all__ = ["MAX_TRIGGERS", "Candidate", "recognise"]

# Most date-like words and numbers searched in one text (a long article has a few hundred).
MAX_TRIGGERS = 10_000


@dataclass(slots=True)
class Candidate:
    """One recognised expression.

    Attributes:
        start: Offset of its first character.
        end: Offset after its last character.
        spec: What it says (see ``_calendar``).
        form: The pattern that found it.
        order: That pattern's line in ``patterns.tsv`` (earlier wins a tie).
        written_weekday: The text names the weekday (``Kamis (13/9)``, ``Rabu``).
        needs_prev: Kept only right after another kept year (``2025 dan 2026``).

    """

    start: int
    end: int
    spec: Spec
    form: str
    order: int
    written_weekday: bool = False
    needs_prev: bool = False


_Handler = Callable[[regex.Match[str], str, Lexicon], "Spec | tuple[Spec, bool] | None"]

_WORD_INNER = "_.'’/-"
# a weekday followed by numbers in brackets that no pattern could read
_MALFORMED_NUMBERS = regex.compile(r"\s{0,4}[,.]?\s{0,4}\(\s{0,4}[0-9]")
_NEXT_WORD = regex.compile(r"\A[ \t]*([\w'’]{1,30})")
_SENTENCE_START = regex.compile(r"(?r)(?:\A|[.!?:;\n\"“”])[\s\"“‘(]{0,6}\Z")
_LAW_NUMBER_TAIL = r"\s*[\w./-]{0,20}[0-9][\w./-]{0,10}\s+\Z"


def _lower(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def _prev_word(text: str, start: int) -> str:
    lo = max(0, start - 40)
    end = start
    while end > lo and text[end - 1] in " \t":
        end -= 1
    begin = end
    while begin > lo and (text[begin - 1].isalnum() or text[begin - 1] in _WORD_INNER):
        begin -= 1
    return text[begin:end][-30:]


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end, min(len(text), end + 40))
    return m.group(1) if m else ""


def _at_sentence_start(text: str, start: int) -> bool:
    return _SENTENCE_START.search(text, max(0, start - 6), start) is not None


def _is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _in_title(m: regex.Match[str], text: str) -> bool:
    """Tell whether a relative phrase is written in title case inside a line ("Akhir Pekan Ini")."""
    words = m.group().split()
    return (
        len(words) > 1
        and all(_is_capitalised(w) for w in words)
        and not _at_sentence_start(text, m.start())
    )


@functools.cache
def _law_number() -> regex.Pattern[str]:
    return regex.compile(
        placeholders()["LAW_NUMBER"] + _LAW_NUMBER_TAIL, regex.IGNORECASE | regex.REVERSE
    )


@functools.cache
def _list_gap() -> regex.Pattern[str]:
    table = placeholders()
    words, year_word = table["LIST"], table["TAHUN"]
    return regex.compile(
        rf"(?:\s{{0,4}},\s{{0,4}}(?:{words}\s{{1,4}})?|\s{{1,4}}{words}\s{{1,4}})(?:{year_word}\s{{1,4}})?",
        regex.IGNORECASE,
    )


@functools.cache
def _change_to() -> regex.Pattern[str]:
    return regex.compile(
        r"\s{1,4}" + placeholders()["CHANGE_TO"] + r"\s{1,4}([0-9]+(?:[.,][0-9]+)*)",
        regex.IGNORECASE,
    )


@functools.cache
def _range_gap() -> regex.Pattern[str]:
    table = placeholders()
    return regex.compile(
        table["CONN"] + r"(?:" + table["RANGE_FILLER"] + r"\s{1,4})?", regex.IGNORECASE
    )


def _in(word: str, lex: Lexicon, name: str) -> bool:
    return _lower(word).rstrip(",") in lex.word_set(name)


def _month(spelled: str, lex: Lexicon) -> int:
    return lex.months[_lower(spelled).rstrip(".")]


def _direction(rel: str | None, lex: Lexicon) -> int | None:
    r = _lower(rel)
    if not r:
        return None
    if r in lex.word_set("PAST"):
        return -1
    if r in lex.word_set("FUTURE"):
        return 1
    if r in lex.word_set("CURRENT"):
        return 0
    return None


def _offset(rel: str | None, lex: Lexicon) -> int:
    """-1 for a past qualifier ("lalu"), +1 for a future one ("depan"), else 0 ("ini")."""
    return _direction(rel, lex) or 0


def _year(m: regex.Match[str], name: str = "y") -> int | None:
    y = m.group(name)
    return int(y) if y else None


def _two_digit_year(yy: str | None) -> int | None:
    if not yy:
        return None
    v = int(yy)
    return 2000 + v if v < 70 else 1900 + v


def _day_spec(
    d: int, mo: int, y: int | None, wd: int | None = None, direction: int | None = None
) -> Day | None:
    # a written year must give a real date; without one, 29 Februari is still possible
    if make_date(y if y is not None else 2000, mo, d) is None:
        return None
    return Day(d, mo, y, wd, direction)


def _weekday_blocked(m: regex.Match[str], text: str, lex: Lexicon) -> bool:
    prev = _prev_word(text, m.start())
    if _in(prev, lex, "HARI"):  # "setiap hari Selasa": look past "hari"
        prev = _prev_word(text, m.start() - len(prev) - 1)
    return _in(prev, lex, "WD_BLOCK_BEFORE")


# --- handlers, one per pattern name -----------------------------------------------------------


def _wd_num(m: regex.Match[str], text: str, lex: Lexicon) -> tuple[Spec, bool] | None:
    if _weekday_blocked(m, text, lex):
        return None
    y = _year(m) if m.group("y") else _two_digit_year(m.groupdict().get("yy"))
    spec = _day_spec(int(m.group("d")), int(m.group("m")), y, lex.weekdays[_lower(m.group("wd"))])
    return (spec, True) if spec else None


def _wd_range(m: regex.Match[str], text: str, lex: Lexicon) -> tuple[Spec, bool] | None:
    if _weekday_blocked(m, text, lex):
        return None
    y = _year(m) if m.group("y") else _two_digit_year(m.group("yy"))
    month = int(m.group("m"))
    first = _day_spec(int(m.group("d")), month, y, lex.weekdays[_lower(m.group("wd"))])
    last = _day_spec(int(m.group("d2")), month, y, lex.weekdays[_lower(m.group("wd2"))])
    if first is None or last is None or last.day <= first.day:
        return None
    return Range(first, last), True


def _wd_dm(m: regex.Match[str], text: str, lex: Lexicon) -> tuple[Spec, bool] | None:
    if _weekday_blocked(m, text, lex):
        return None
    wd = lex.weekdays[_lower(m.group("wd"))]
    spec = _day_spec(
        int(m.group("d")),
        _month(m.group("mon"), lex),
        _year(m),
        wd,
        _direction(m.group("rel"), lex),
    )
    return (spec, True) if spec else None


def _dm_blocked(m: regex.Match[str], text: str, lex: Lexicon) -> bool:
    return _in(_prev_word(text, m.start()), lex, "DM_BLOCK_BEFORE")


def _dd_range(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    if _dm_blocked(m, text, lex):
        return None
    d1, d2 = int(m.group("d")), int(m.group("d2"))
    mo, y = _month(m.group("mon"), lex), _year(m)
    direction = _direction(m.group("rel"), lex)
    first, last = _day_spec(d1, mo, y), _day_spec(d2, mo, y, None, direction)
    if first is None or last is None or d2 <= d1:
        return None
    return Range(first, last)


def _dm_range(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    if _dm_blocked(m, text, lex):
        return None
    first = _day_spec(int(m.group("d")), _month(m.group("mon"), lex), _year(m))
    direction = _direction(m.group("rel"), lex)
    last = _day_spec(
        int(m.group("d2")), _month(m.group("mon2"), lex), _year(m, "y2"), None, direction
    )
    if first is None or last is None:
        return None
    return Range(first, last)


def _dm(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    if _dm_blocked(m, text, lex):
        return None
    mon = _lower(m.group("mon")).rstrip(".")
    y = _year(m)
    if y is None and mon not in lex.full_months and _is_capitalised(_next_word(text, m.end())):
        return None  # "3 Agus Salim": an abbreviation followed by a name
    return _day_spec(int(m.group("d")), lex.months[mon], y, None, _direction(m.group("rel"), lex))


def _numeric(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    return _day_spec(int(m.group("d")), int(m.group("m")), _year(m))


def _lead_before(m: regex.Match[str], text: str, lex: Lexicon) -> bool:
    return _in(_prev_word(text, m.start()), lex, "LEAD")


def _mon_range(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    y1, y2 = _year(m), _year(m, "y2")
    if y1 is None and y2 is None and not m.group("bulan") and not _lead_before(m, text, lex):
        return None
    mo1, mo2 = _month(m.group("mon"), lex), _month(m.group("mon2"), lex)
    if y1 is not None and y2 is not None and (y2, mo2) <= (y1, mo1):
        return None
    return Range(Month(mo1, y1), Month(mo2, y2))


def _mon_year(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    return Month(_month(m.group("mon"), lex), _year(m), _direction(m.group("rel"), lex))


def _mon(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    spelled = m.group("monb") or m.group("mon")
    month = lex.months[_lower(spelled)]
    yrel, rel = m.group("yrel"), m.group("rel")
    if not (m.group("bulan") or yrel or rel or _lead_before(m, text, lex)):
        return (
            None  # a bare month name with nothing to say it is a date ("Juli dikerjakan", "April")
        )
    if not (m.group("bulan") or yrel or rel) and _is_capitalised(_next_word(text, m.end())):
        return None  # "pada April Jasmine": a name
    if _direction(rel, lex) == 0 and m.group("mon") and _is_capitalised(rel):
        return None  # "Juni Ini": part of a title
    return Month(month, None, _direction(rel, lex), _offset(yrel, lex) if yrel else None)


def _quarter(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    unit = _lower(m.groupdict().get("unit")) or "quarter"
    size, granularity = lex.periods.get(unit, (3, "quarter"))
    n = _lower(m.group("n"))
    index = int(n) if n.isdigit() else lex.ordinals.get(n, 0)
    if not 1 <= index <= 12 // size:
        return None
    yrel = m.groupdict().get("yrel")
    return Quarter(index, size, granularity, _year(m), _offset(yrel, lex) if yrel else None)


def _part(m: regex.Match[str], lex: Lexicon) -> str:
    return _lower(m.group("part"))


def _part_mon(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    return Month(
        _month(m.group("mon"), lex),
        _year(m),
        _direction(m.group("rel"), lex),
        None,
        _part(m, lex),
    )


def _part_year(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    if _in(_next_word(text, m.end()), lex, "COUNT_AFTER"):
        return None
    return Year(_year(m), _part(m, lex))


def _part_rel(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    if _in_title(m, text):
        return None
    off = _offset(m.group("rel"), lex)
    if lex.units.get(_lower(m.group("unit"))) == "year":
        return Year(None, _part(m, lex), off)
    return Relative("month", off, _part(m, lex))


def _weekend(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    if _in_title(m, text):
        return None
    return Relative("weekend", _offset(m.group("rel"), lex))


def _decade(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    y = _year(m) if m.groupdict().get("y") else _two_digit_year(m.groupdict().get("yy"))
    if y is None:
        return None
    if m.groupdict().get("yy"):
        y = 1900 + int(m.group("yy"))  # "tahun 80-an" is the 1980s
    return Decade(y)


def _year_range(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    y1, y2 = int(m.group("y")), int(m.group("y2"))
    if not 0 < y2 - y1 <= 60:
        return None
    tw, start = m.group("tw"), m.start()
    prev = _prev_word(text, start)
    if not tw and _in(prev, lex, "TAHUN"):
        tw, start = prev, start - len(prev) - 1
        prev = _prev_word(text, start)
    if tw:
        ok = not (
            tw[0].isupper()
            and not _at_sentence_start(text, start)
            and (_is_capitalised(prev) or prev[:1].isdigit())
        )
    elif _in(prev, lex, "LEAD"):
        ok = True
    elif any(c.isalpha() for c in text[m.end("y") : m.start("y2")]):
        ok = True  # "2015 sampai 2024": a worded connector
    else:
        # "2024-2025" after a name is a season ("Serie A 2024-2025"), after an acronym a
        # document ("RPJMD 2025–2029"); a longer span after a role is a term of office
        # ("Komisioner Komnas Perempuan 2020-2025")
        ok = y2 - y1 >= 2 and not (len(prev) >= 2 and prev.isupper())
    if not ok or _in(_next_word(text, m.end()), lex, "COUNT_AFTER"):
        return None
    return Range(Year(y1), Year(y2))


def _year_tahun(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    tw = m.group("tw")
    prev = _prev_word(text, m.start())
    if (
        tw[0].isupper()
        and not _at_sentence_start(text, m.start())
        and (_is_capitalised(prev) or prev[:1].isdigit())
    ):
        return None  # "Nomor 35 Tahun 2009", "Puteri Indonesia Jawa Tengah 2 Tahun 2025": a name
    if _law_number().search(text, max(0, m.start() - 40), m.start()):
        return None  # "nomor 7 tahun 2024": a law
    return Year(_year(m))


def _year_lead(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    if _in(_next_word(text, m.end()), lex, "COUNT_AFTER") or text[m.end() : m.end() + 1] == "%":
        return None
    change = _change_to().match(text, m.end())
    if change and _in(_prev_word(text, m.start()), lex, "CHANGE_FROM"):
        to = change.group(1)
        if not (to.isdigit() and len(to) == 4 and MIN_YEAR <= int(to) <= MAX_YEAR):
            return None  # "naik dari 2000 menjadi 3.000 kasus": a count, not a year
    return Year(_year(m))


def _year_conj(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    return _year_lead(m, text, lex)


def _relday(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    phrase = _lower(m.group("rel"))
    blockers, not_after_name = lex.relative_day_rules.get(phrase, (None, False))
    prev = _prev_word(text, m.start())
    if blockers and _in(prev, lex, blockers):
        return None  # "yang kemarin ditahan", "menginap semalam", "tidur siang ini"
    if not_after_name and _is_capitalised(prev) and text[m.start() - 1 : m.start()].isspace():
        if not _at_sentence_start(text, m.start() - len(prev) - 1):
            return None  # "Lebaran Kurban kemarin": the recent holiday, not yesterday
    return Relative("day", lex.relative_days[phrase])


def _keesokan(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    return NextDay()


def _rel_n(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    n_text = _lower(m.groupdict().get("n"))
    n = 1 if not n_text else int(n_text) if n_text.isdigit() else lex.numbers.get(n_text, 0)
    if not 1 <= n <= 100:
        return None
    sign = 1 if _in(m.group("rel"), lex, "AHEAD") else -1
    return Relative(lex.units[_lower(m.group("unit"))], sign * n)


def _rel_clock(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    n_text = _lower(m.group("n"))
    n = int(n_text) if n_text.isdigit() else lex.numbers.get(n_text, 0)
    longest = {"jam": 23, "menit": 180, "detik": 3600}.get(_lower(m.group("unit")), 0)
    if not 1 <= n <= longest:
        return None  # "30 jam lalu" may be another day: left out rather than guessed
    return Relative("day", 0)  # a few hours or minutes before the anchor: its day


def _rel_prev(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    return AdjacentYear(-1 if _in(m.group("rel"), lex, "BEFORE_THAT") else 1)


def _wd_rel(m: regex.Match[str], text: str, lex: Lexicon) -> tuple[Spec, bool] | None:
    word = m.group("wdl") or m.group("wd")
    wd = lex.weekdays[_lower(word)]
    rel = _lower(m.group("rel"))
    if _weekday_blocked(m, text, lex) or _in(
        _next_word(text, m.end("wdl") if m.group("wdl") else m.end("wd")), lex, "WD_BLOCK_AFTER"
    ):
        return None
    direction = _direction(rel, lex)
    if (
        lex.units.get(_lower(word)) == "week"
        and not m.group("hari")
        and direction is not None
        and _at_sentence_start(text, m.start())
    ):
        return None  # "Minggu lalu, ..." opening a sentence is "last week" (rel_period takes it)
    if _MALFORMED_NUMBERS.match(text, m.end()):
        return None  # "Senin (4/42016)": numbers we cannot read; better nothing than a guess
    if not rel:
        spec = RelativeWeekday(wd, "recent")
    elif direction == -1:  # "Senin lalu"
        spec = RelativeWeekday(wd, "past")
    elif direction == 1:  # "Jumat mendatang"
        spec = RelativeWeekday(wd, "next")
    else:  # "Rabu ini", "Rabu pekan ini", "Rabu minggu lalu"
        spec = RelativeWeekday(wd, "week", _offset(rel.split()[-1], lex))
    return spec, True


def _rel_period(m: regex.Match[str], text: str, lex: Lexicon) -> Spec | None:
    unit, rel = m.group("unit"), m.group("rel")
    prev = _prev_word(text, m.start())
    if _lower(prev) in lex.numbers or prev.isdigit() or _in(prev, lex, "VAGUE_COUNT"):
        return None  # "dua minggu ini": a duration
    if _in(prev, lex, "PERIOD_BLOCK_BEFORE"):
        return None  # "per tahun ini": a rate
    if _in_title(m, text):
        return None  # "Terbaik Tahun Ini": part of a title
    return Relative(lex.units[_lower(unit)], _offset(rel, lex))


_HANDLERS: dict[str, _Handler] = {
    "wd_num": _wd_num,
    "wd_slash": _wd_num,
    "wd_range": _wd_range,
    "wd_dm": _wd_dm,
    "dd_range": _dd_range,
    "dm_range": _dm_range,
    "dm": _dm,
    "dmy_num": _numeric,
    "iso": _numeric,
    "mon_range": _mon_range,
    "mon_year": _mon_year,
    "mon": _mon,
    "quarter": _quarter,
    "quarter_q": _quarter,
    "part_mon": _part_mon,
    "part_year": _part_year,
    "part_rel": _part_rel,
    "weekend": _weekend,
    "decade": _decade,
    "decade2": _decade,
    "year_range": _year_range,
    "year_tahun": _year_tahun,
    "year_lead": _year_lead,
    "year_rel": _year_lead,
    "year_conj": _year_conj,
    "relday": _relday,
    "keesokan": _keesokan,
    "rel_n": _rel_n,
    "rel_se": _rel_n,
    "rel_prev": _rel_prev,
    "rel_clock": _rel_clock,
    "wd_rel": _wd_rel,
    "rel_period": _rel_period,
}


# Words and numbers: the places where a pattern may start. An apostrophe may join
# letters ("Jum'at"); a number run is cut into its digits only.
_TOKEN = regex.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_WORD = _TOKEN
# a four-digit number, or a day number followed by a word (a month, "hingga", "hari") or a
# date separator
_NUMBER = regex.compile(
    r"[0-9](?<![0-9][0-9])(?:(?P<year>[0-9]{3})(?![0-9])|[0-9]?(?![0-9])(?=\s{0,4}(?:[^\W\d_]|[/.\-–—])))"
)


def _years_in_range(m: regex.Match[str]) -> bool:
    groups = m.groupdict()
    for name in ("y", "y2"):
        y = groups.get(name)
        if y and not MIN_YEAR <= int(y) <= MAX_YEAR:
            return False
    return True


@functools.cache
def _checked_patterns() -> tuple[tuple[str, int, regex.Pattern[str], _Handler], ...]:
    out = []
    for p in patterns():
        handler = _HANDLERS.get(p.name)
        if handler is None:
            raise ResourceError(f"patterns.tsv: no handler for pattern {p.name!r}")
        out.append((p.name, p.order, p.regex, handler))
    return tuple(out)


def _word_points(
    text: str, by_word: Mapping[str, tuple[int, ...]], limit: int
) -> list[tuple[int, tuple[int, ...]]]:
    """(offset, pattern indices) of the trigger words of ``text``, at most ``limit`` a word."""
    words: list[tuple[int, tuple[int, ...]]] = []
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer: walk the words instead
        for m in _WORD.finditer(text):
            tried = by_word.get(m.group().lower())
            if tried:
                words.append((m.start(), tried))
                if len(words) >= limit:
                    break
        return words
    # only the few trigger words present are searched for, at C speed
    for word in set(_WORD.findall(lower)).intersection(by_word):
        tried = by_word[word]
        found = 0
        at = lower.find(word)
        while at >= 0 and found < limit:
            after = at + len(word)
            if (at == 0 or not lower[at - 1].isalpha()) and (
                after >= len(lower) or not lower[after].isalpha()
            ):
                words.append((at, tried))
                found += 1
            at = lower.find(word, after)
    return words


def _trigger_points(text: str, limit: int) -> tuple[list[tuple[int, tuple[int, ...]]], int | None]:
    """Return (offset, pattern indices) wherever a trigger word or number starts, in text order.

    At most ``limit`` points are returned; the second value is the offset where the search
    stopped when there were more (a text of a million date words must not take minutes).
    """
    triggers = trigger_table()
    numbers: list[tuple[int, tuple[int, ...]]] = []
    for m in _NUMBER.finditer(text):
        numbers.append((m.start(), triggers.year if m.group("year") else triggers.day))
        if len(numbers) >= limit:
            break
    words = _word_points(text, triggers.by_word, limit)
    points = sorted(numbers + words)
    if len(points) > limit:
        return points[:limit], points[limit][0]
    if len(numbers) >= limit:
        return points, numbers[-1][0]
    return points, None


def _candidates(text: str, points: list[tuple[int, tuple[int, ...]]]) -> list[Candidate]:
    lex = lexicon()
    table = _checked_patterns()
    out: list[Candidate] = []
    for pos, tried in points:
        for index in tried:
            name, order, pattern, handler = table[index]
            m = pattern.match(text, pos)
            if m is None or not _years_in_range(m):
                continue
            got = handler(m, text, lex)
            if got is None:
                continue
            spec, written = got if isinstance(got, tuple) else (got, False)
            out.append(
                Candidate(m.start(), m.end(), spec, name, order, written, name == "year_conj")
            )
    return out


def _merge_ranges(text: str, hits: list[Candidate]) -> list[Candidate]:
    """Join two days (or months, or years) written with a connector between them."""
    gap = _range_gap()
    out: list[Candidate] = []
    for c in hits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and type(prev.spec) is type(c.spec)
            and isinstance(c.spec, Day | Month)
            and isinstance(prev.spec, Day | Month)
            and gap.fullmatch(text, prev.end, c.start)
        ):
            out[-1] = Candidate(prev.start, c.end, Range(prev.spec, c.spec), "range", prev.order)
            continue
        out.append(c)
    return out


def recognise(text: str, limit: int = MAX_TRIGGERS) -> tuple[list[Candidate], int | None]:
    """Return the date expressions in ``text``, in text order, without overlaps.

    The second value is the offset where the search stopped because the text holds more
    than ``limit`` date-like words or numbers (None when the whole text was searched).
    """
    points, stopped = _trigger_points(text, limit)
    found = _candidates(text, points)
    found.sort(key=_priority)
    taken = bytearray(len(text))
    chosen: list[Candidate] = []
    for c in found:
        if any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=_start)
    kept: list[Candidate] = []
    for c in chosen:
        if c.needs_prev:
            prev = kept[-1] if kept else None
            if prev is None or not _list_gap().fullmatch(text, prev.end, c.start):
                continue
        kept.append(c)
    return _merge_ranges(text, kept), stopped


def _priority(c: Candidate) -> tuple[int, int, int]:
    # the longer match wins, then the earlier line of patterns.tsv, then the earlier one in the text
    return c.start - c.end, c.order, c.start


def _start(c: Candidate) -> int:
    return c.start
