"""Turn what callers pass into text and dates, or raise a clear :class:`InputError`."""

from __future__ import annotations

import codecs
import datetime as dt

import regex

from beritakit.errors import InputError

__all__ = ["coerce_date", "coerce_text", "decode_bytes"]

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
    if len(text) > max_chars:
        raise InputError(
            f"text is {len(text):,} characters; the limit is {max_chars:,} "
            "(Options(max_chars=...) raises it)"
        )
    if not text.strip():
        raise InputError("text is empty or only whitespace")
    return text


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
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise InputError(f"{name} must be a date or an ISO date string, got {value!r}")
