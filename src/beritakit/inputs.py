"""Turn what callers pass into text and dates, or raise a clear :class:`InputError`."""

from __future__ import annotations

import codecs
import datetime as dt
import reprlib

import regex

from beritakit.errors import InputError

__all__ = [
    "MAX_CHARS",
    "check_text",
    "coerce_date",
    "coerce_field",
    "coerce_text",
    "decode_bytes",
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
    """Return ``value`` (a date, datetime or ISO string) as a date, or ``None``.

    Raises:
        InputError: The value is not a date.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) <= 64:
        text = value.strip()
        try:
            if len(text) == 10:
                return dt.date.fromisoformat(text)
            # a whole ISO timestamp: "2025-06-17T18:35:00+07:00", "2025-06-17 18:35"
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            pass
    raise InputError(
        f"{name} must be a date or an ISO date or timestamp, got {reprlib.repr(value)}"
    )
