"""Turn what callers pass into text and dates, or raise a clear :class:`InputError`."""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import reprlib
from dataclasses import dataclass
from importlib import resources
from typing import Any

import regex

from beritakit.errors import InputError

__all__ = [
    "MAX_CHARS",
    "WIB",
    "Published",
    "check_text",
    "coerce_date",
    "coerce_field",
    "coerce_text",
    "decode_bytes",
    "read_published",
]

# The longest article text beritakit accepts, in characters after decoding, and the
# highest ``Options(max_chars=...)``: every stage is linear up to it (see
# docs/reliability.md), and spaCy's own limit is one million characters. The service
# answers 413 above it.
MAX_CHARS = 1_000_000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset="x">, content="text/html; charset=x", <?xml ... encoding="x"?>
_DECLARED = regex.compile(rb"""(?i)(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""")


def decode_bytes(data: bytes) -> str:
    """Decode article bytes: a BOM, else UTF-8, else a declared charset.

    Raises:
        InputError: None of these decodes the bytes.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"bytes start with a {encoding} BOM but do not decode: {exc}"
                ) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        m = _DECLARED.search(data[:4096])
        if m is None:
            raise InputError(
                "bytes are not valid UTF-8 and declare no encoding "
                f"({utf8_error}); decode them first or add a charset declaration"
            ) from utf8_error
        name = m.group(1).decode("ascii")
        try:
            return data.decode(name)
        except LookupError as exc:
            raise InputError(f"bytes declare an unknown encoding {name!r}") from exc
        except UnicodeDecodeError as exc:
            raise InputError(
                f"bytes do not decode as their declared encoding {name!r}: {exc}"
            ) from exc


def coerce_text(value: object, *, max_chars: int) -> str:
    """Return ``value`` as article text.

    Args:
        value: ``str``, or ``bytes``/``bytearray`` in UTF-8, with a BOM, or with a
            declared charset.
        max_chars: The longest text accepted.

    Raises:
        InputError: Not text, undecodable, empty or whitespace only, or too long.
    """
    if isinstance(value, bytes | bytearray | memoryview):
        data = bytes(value)
        if len(data) > 4 * max_chars:
            raise InputError(f"input is {len(data):,} bytes; the limit is {max_chars:,} characters")
        text = decode_bytes(data)
    elif isinstance(value, str):
        text = value
    else:
        raise InputError(f"expected the article as str or bytes, got {type(value).__name__}")
    check_text(text, max_chars=max_chars)
    if not text.strip():
        raise InputError("text is empty or only whitespace")
    return text


def check_text(text: str, *, max_chars: int, what: str = "text") -> None:
    """Raise :class:`InputError` if ``text`` is too long or holds a lone surrogate.

    A lone surrogate (U+D800 to U+DFFF, from a bad ``surrogateescape`` decode) is not a
    character: it cannot be encoded, so no record holding it could be written.
    """
    if len(text) > max_chars:
        raise InputError(
            f"{what} is {len(text):,} characters; the limit is {max_chars:,} "
            f"(Options(max_chars=...) lowers it; {MAX_CHARS:,} at most)"
        )
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InputError(
                f"{what} holds a lone surrogate {text[exc.start]!r} at character {exc.start:,}; "
                "decode the source with errors='replace'"
            ) from None


def coerce_field(value: object, *, name: str, max_chars: int = MAX_CHARS) -> str | None:
    """Return ``value`` (``None`` or a ``str``, e.g. ``id`` or ``url``) checked as text.

    Raises:
        InputError: Not a ``str``, too long, or holding a lone surrogate.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{name} must be a str or None, got {type(value).__name__}")
    check_text(value, max_chars=max_chars, what=name)
    return value


def coerce_date(value: object, *, name: str = "published") -> dt.date | None:
    """Return ``value`` as a date, or ``None``: :func:`read_published`, strict.

    Raises:
        InputError: The value is not of a date type, or cannot be read as a date.
    """
    found = read_published(value, name=name)
    if found.warning is not None:
        raise InputError(found.warning)
    return found.date


# -- publication dates -------------------------------------------------------------
#
# What a caller or a scraper writes as the publication date: a date or datetime object,
# an ISO string, epoch seconds or milliseconds, or any date or date-time string in
# Indonesian or English ("Tayang: Selasa, 10 Juni 2025 08:52 WITA", "2 jam yang lalu"),
# which dateparser reads with Indonesian settings (day first). A value that cannot be
# read is a warning in the record, never a failed article; only a value of a type that
# cannot be a date (a list, a dict, a bool) raises InputError.

#: Western Indonesian Time, the zone most Indonesian outlets publish in: a time written
#: without a zone (and a naive ``datetime``) is taken to be in it.
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
_ZONES = {
    "wib": 7,
    "wita": 8,
    "wit": 9,
    "utc": 0,
    "gmt": 0,
    "z": 0,
}
# the zone a value writes: "WIB", "WITA", "WIT", "UTC", "GMT+7", "UTC+07:00", "+0700", "Z"
_ZONE = regex.compile(
    r"(?i)(?<![\p{L}\d])(?P<name>wita|wib|wit|utc|gmt)(?:\s*(?P<sign>[+-])(?P<h>\d{1,2})"
    r"(?::?(?P<m>\d{2}))?)?(?![\p{L}])"
    r"|(?<=\d(?::\d\d)?\s?)(?P<sign2>[+-])(?P<h2>\d{2}):?(?P<m2>\d{2})\s*$"
    r"|(?<=\d)(?P<z>Z)\s*$"
)
# a time of day written in the value: 14:05, 14.05, 2:05 PM
_HAS_TIME = regex.compile(r"(?<!\d)(?:[01]?\d|2[0-3])[:.][0-5]\d(?!\d)|\d\s*[ap]\.?m\b", regex.I)
_SPACES = regex.compile(r"[\s\u00a0\u2007\u202f]+")
# separators scrapers keep between the date and the time: "11 Juni 2025 |10:32", "- 17:55"
_SEPARATORS = regex.compile(r"\s*(?:\||\s[-–—]\s|•|·)\s*|\s+(?:pukul|pkl\.?|jam)\s+(?=\d)", regex.I)
# "Jum'at" -> "Jumat" (dateparser knows only the latter)
_APOSTROPHE = regex.compile(r"(?i)(?<=\bjum)['’`](?=at\b)")
# a time of day at the end, read here so that dateparser's (cached) reading of the day
# serves every article of that day: "Senin, 9 Juni 2025 18:27"
_TRAILING_TIME = regex.compile(
    r"^(?P<day>.*\d.*?)[,\s]+(?:pukul\s+|pkl\.?\s*|jam\s+)?"
    r"(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?:[:.](?P<s>[0-5]\d))?$",
    regex.I,
)
_LONGEST = 200  # characters; a longer "date" is not one
_EPOCH_MIN = dt.datetime(1990, 1, 1, tzinfo=dt.UTC).timestamp()
_EPOCH_MAX = dt.datetime(2100, 1, 1, tzinfo=dt.UTC).timestamp()
_NOT_A_DAY = frozenset({"week", "month", "year"})


@dataclass(frozen=True, slots=True)
class Published:
    """A publication date as read from what the caller gave.

    Attributes:
        date: The calendar day (in the value's own zone), or ``None``.
        at: The moment, timezone-aware, when the value writes a time of day (or is a
            relative time such as ``2 jam yang lalu``, or epoch seconds); else ``None``.
        warning: Why the value could not be read (it is then ignored), or ``None``.
    """

    date: dt.date | None = None
    at: dt.datetime | None = None
    warning: str | None = None


def read_published(
    value: object, *, now: dt.datetime | None = None, name: str = "published"
) -> Published:
    """Read a publication date from whatever a caller, a scraper or a page gives.

    Args:
        value: ``None``; a ``date`` or ``datetime`` (a naive one is taken as WIB); a
            string: ISO (tried first), epoch digits, or any date or date-time in
            Indonesian or English, with labels such as ``Diperbarui`` or ``Tayang:``
            (``lang/id/published_labels.txt``) and ``WIB``/``WITA``/``WIT`` zones; an
            ``int``/``float`` of epoch seconds or milliseconds (1990 to 2099).
        now: The moment relative values (``2 jam yang lalu``, ``kemarin``) count back
            from; ``None`` is the current time. A naive value is taken as WIB.
        name: The field's name, for messages.

    Returns:
        The date, the time when one is known, or a warning when the value cannot be read.

    Raises:
        InputError: ``value`` is of a type that cannot be a date (list, dict, bool, ...).
    """
    if value is None:
        return Published()
    if isinstance(value, dt.datetime):
        at = value if value.tzinfo is not None else value.replace(tzinfo=WIB)
        return Published(at.date(), at)
    if isinstance(value, dt.date):
        return Published(value)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InputError(
            f"{name} must be a date, a datetime, a string or epoch seconds, "
            f"got {type(value).__name__}"
        )
    if isinstance(value, int | float):
        return _from_epoch(value, name=name, raw=value)
    text = _SPACES.sub(" ", value).strip()
    if not text:
        return Published()
    if len(text) > _LONGEST:
        return _unreadable(name, value, f"longer than {_LONGEST} characters")
    found = _from_iso(text) or _from_digits(text, name=name)
    if found is not None:
        return found
    return _from_words(text, name=name, raw=value, now=now)


def _unreadable(name: str, raw: object, why: str = "") -> Published:
    detail = f" ({why})" if why else ""
    return Published(
        warning=f"{name}: cannot read {reprlib.repr(raw)} as a date{detail}; it is ignored"
    )


def _from_iso(text: str) -> Published | None:
    if not (len(text) >= 10 and text[4] == "-" and text[:4].isdigit()):
        return None
    try:
        if len(text) == 10:
            return Published(dt.date.fromisoformat(text))
        at = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    at = at if at.tzinfo is not None else at.replace(tzinfo=WIB)
    return Published(at.date(), at)


def _from_digits(text: str, *, name: str) -> Published | None:
    """Epoch seconds (9-10 digits), milliseconds (12-13) or ``YYYYMMDD`` (8)."""
    if not text.isdigit() or not text.isascii():
        return None
    if len(text) == 8:
        try:
            return Published(dt.datetime.strptime(text, "%Y%m%d").date())
        except ValueError:
            return _unreadable(name, text, "8 digits that are not a YYYYMMDD date")
    return _from_epoch(int(text), name=name, raw=text)


def _from_epoch(number: float, *, name: str, raw: object) -> Published:
    for seconds in (number, number / 1000):
        if _EPOCH_MIN <= seconds < _EPOCH_MAX:
            at = dt.datetime.fromtimestamp(seconds, tz=WIB)
            return Published(at.date(), at)
    return _unreadable(name, raw, "not epoch seconds or milliseconds between 1990 and 2099")


@functools.cache
def _labels() -> tuple[tuple[regex.Pattern[str], ...], tuple[regex.Pattern[str], ...]]:
    """The label patterns of ``lang/id/published_labels.txt`` (start ones, end ones)."""
    text = resources.files("beritakit").joinpath("lang/id/published_labels.txt").read_text("utf-8")
    start: list[regex.Pattern[str]] = []
    end: list[regex.Pattern[str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("$ "):
            end.append(regex.compile(f"(?i)(?:{line[2:]})$"))
        else:
            start.append(regex.compile(f"(?i)^(?:{line})"))
    return tuple(start), tuple(end)


def _strip_labels(text: str) -> str:
    start, end = _labels()
    for pattern in end:
        text = pattern.sub("", text)
    changed = True
    while changed and text:
        changed = False
        for pattern in start:
            m = pattern.match(text)
            if m is not None and m.end() > 0:
                text = text[m.end() :].lstrip()
                changed = True
    return text


def _zone(text: str) -> tuple[str, dt.timezone | None]:
    """The text without its time zone, and the zone it writes (``None`` if none)."""
    m = None
    for m in _ZONE.finditer(text):  # noqa: B007 - the last zone written is the one
        pass
    if m is None:
        return text, None
    if m.group("z"):
        hours, minutes = 0, 0
    elif m.group("name"):
        hours, minutes = _ZONES[m.group("name").casefold()], 0
        if m.group("sign"):
            sign = -1 if m.group("sign") == "-" else 1
            hours += sign * int(m.group("h"))
            minutes = sign * int(m.group("m") or 0)
    else:
        sign = -1 if m.group("sign2") == "-" else 1
        hours, minutes = sign * int(m.group("h2")), sign * int(m.group("m2"))
    if not -14 <= hours <= 14:
        return text, None
    zone = dt.timezone(dt.timedelta(hours=hours, minutes=minutes))
    if zone.utcoffset(None) == WIB.utcoffset(None):
        zone = WIB
    return (text[: m.start()] + " " + text[m.end() :]).strip(), zone


def _from_words(text: str, *, name: str, raw: object, now: dt.datetime | None) -> Published:
    text, zone = _zone(_strip_labels(_APOSTROPHE.sub("", text)))
    text = _SEPARATORS.sub(" ", text).strip(" ,;")
    if not text or not any(ch.isalnum() for ch in text):
        return _unreadable(name, raw)
    base = now if now is not None else dt.datetime.now(WIB)
    base = base.replace(tzinfo=WIB) if base.tzinfo is None else base.astimezone(WIB)
    base = base.replace(tzinfo=None, second=0, microsecond=0)
    timed = _TRAILING_TIME.match(text)
    if timed is not None:
        day, period = _dateparser(timed.group("day").strip(" ,;"), base)
        if day is not None and period == "day":
            clock = dt.time(int(timed["h"]), int(timed["m"]), int(timed["s"] or 0))
            at = dt.datetime.combine(day.date(), clock, tzinfo=zone or WIB)
            return Published(at.date(), at)
    found, period = _dateparser(text, base)
    if found is None:
        return _unreadable(name, raw)
    if period in _NOT_A_DAY:
        return _unreadable(name, raw, f"it names a {period}, not a day")
    if period != "time" and not _HAS_TIME.search(text):
        return Published(found.date())
    at = found.replace(tzinfo=zone or WIB)
    return Published(at.date(), at)


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, base: dt.datetime) -> tuple[dt.datetime | None, str]:
    """The dateparser reading of ``text`` (naive, in the zone it was written in), cached."""
    data = _parser(base).get_date_data(text)
    return data.date_obj, str(data.period)


@functools.lru_cache(maxsize=4)
def _parser(base: dt.datetime) -> Any:
    import dateparser.date  # noqa: PLC0415 - heavy; loaded on the first non-ISO value

    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": True,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "RELATIVE_BASE": base,
        "STRICT_PARSING": False,
    }
    return dateparser.date.DateDataParser(languages=["id", "en"], settings=settings)
