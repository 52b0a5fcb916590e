"""Reading a request: its media type, its body (bounded in size and time), its text."""

from __future__ import annotations

import asyncio
import codecs
import json
import time
from collections.abc import Mapping
from typing import TypeVar

from pydantic import TypeAdapter, ValidationError
from starlette.requests import Request

from beritakit.errors import InputError
from beritakit.inputs import decode_bytes
from beritakit.service.problems import Problem, validation_problem

__all__ = ["decode", "is_json", "media_type", "parse_json", "read_body", "unsupported", "validate"]

_T = TypeVar("_T")
# codecs that decode bytes to str but are no charset a client means, and may be slow
_NOT_CHARSETS = frozenset({"punycode", "idna"})


def media_type(request: Request) -> tuple[str, dict[str, str]]:
    """The request's media type, lowercased, and its parameters."""
    raw = request.headers.get("content-type", "")
    mime, _, rest = raw.partition(";")
    params: dict[str, str] = {}
    for item in rest.split(";"):
        key, sep, value = item.partition("=")
        if sep:
            params[key.strip().lower()] = value.strip().strip('"')
    return mime.strip().lower(), params


def is_json(mime: str) -> bool:
    """``application/json`` or any ``application/*+json``."""
    return mime == "application/json" or (
        mime.startswith("application/") and mime.endswith("+json")
    )


def unsupported(mime: str, wanted: str) -> Problem:
    """The 415 for a media type the endpoint does not read."""
    got = f"got {mime}" if mime else "no Content-Type was sent"
    return Problem(415, "unsupported_media_type", f"send {wanted} ({got})")


async def _read(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit() or len(declared) > 18:
            raise Problem(400, "bad_request", "Content-Length is not a number")
        if int(declared) > limit:
            raise Problem(
                413,
                "payload_too_large",
                f"the body is {int(declared):,} bytes; the limit is {limit:,}",
            )
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Problem(
                413, "payload_too_large", f"the body is over the limit of {limit:,} bytes"
            )
        chunks.append(chunk)
    return b"".join(chunks)


async def read_body(request: Request, limit: int, deadline: float, timeout: float) -> bytes:
    """The whole body: 413 over ``limit`` bytes, 408 when it is not there by ``deadline``."""
    try:
        return await asyncio.wait_for(_read(request, limit), max(0.0, deadline - time.monotonic()))
    except TimeoutError as exc:
        raise Problem(
            408, "request_timeout", f"the body did not arrive within {timeout:g} s"
        ) from exc


def _charset(name: str, field: str) -> str:
    try:
        info = codecs.lookup(name)
    except LookupError as exc:
        raise Problem(
            415, "unsupported_media_type", f"unknown charset {name!r}", field=field
        ) from exc
    if info.name in _NOT_CHARSETS or not getattr(info, "_is_text_encoding", True):
        raise Problem(
            415,
            "unsupported_media_type",
            f"charset {name!r} is not a text encoding; send UTF-8 or a real charset",
            field=field,
        )
    return info.name


def decode(body: bytes, params: Mapping[str, str], field: str) -> str:
    """Decode a text body: the declared charset, else a BOM, UTF-8 or a ``<meta charset>``."""
    name = params.get("charset")
    if name:
        charset = _charset(name, field)
        try:
            return body.decode(charset)
        except UnicodeDecodeError as exc:
            raise Problem(
                400,
                "bad_request",
                f"the body does not decode as {name}: {exc.reason} at byte {exc.start}",
                field=field,
            ) from exc
        except (LookupError, UnicodeError, ValueError) as exc:  # codecs that refuse bytes
            raise Problem(
                415, "unsupported_media_type", f"charset {name!r} cannot decode the body: {exc}"
            ) from exc
    # decoding only: emptiness and length are checked later (422 and 413)
    try:
        return decode_bytes(body)
    except (InputError, LookupError, ValueError) as exc:
        raise Problem(400, "bad_request", str(exc), field=field) from exc


def parse_json(body: bytes) -> object:
    """Parse a JSON body: 400 for bytes that are not UTF-8, 422 for anything malformed."""
    try:
        return json.loads(body)
    except UnicodeDecodeError as exc:
        raise Problem(
            400,
            "bad_request",
            f"the JSON body is not valid UTF-8: {exc.reason} at byte {exc.start}",
        ) from exc
    except json.JSONDecodeError as exc:
        raise Problem(
            422,
            "invalid_request",
            f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
            field="body",
        ) from exc
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise Problem(422, "invalid_request", f"unreadable JSON: {exc}", field="body") from exc
    except RecursionError as exc:
        raise Problem(
            422, "invalid_request", "the JSON is nested too deeply", field="body"
        ) from exc


def validate(adapter: TypeAdapter[_T], data: object) -> _T:
    """Validate ``data``; a 422 naming the fields at fault."""
    try:
        return adapter.validate_python(data)
    except ValidationError as exc:
        raise validation_problem(exc.errors(include_url=False)) from exc
