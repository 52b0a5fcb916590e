"""Problem responses (RFC 9457): every error the service answers, in one shape.

The body is ``application/problem+json`` with the RFC's ``type``, ``title``, ``status``
and ``detail``, and the service's own members: a stable ``error`` code, the ``message``
(the same as ``detail``), the ``field`` at fault and the ``request_id``.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any, Literal

import regex
from pydantic import BaseModel, Field

__all__ = [
    "ERRORS",
    "PROBLEM_TYPE",
    "ErrorBody",
    "ErrorCode",
    "Problem",
    "problem_bytes",
    "request_id",
    "validation_problem",
]

PROBLEM_TYPE = "application/problem+json"
RID_KEY = "beritakit.request_id"
RID_OK = regex.compile(r"[A-Za-z0-9._:-]{1,64}")

ErrorCode = Literal[
    "bad_request",
    "request_timeout",
    "payload_too_large",
    "unsupported_media_type",
    "invalid_request",
    "header_too_large",
    "not_found",
    "method_not_allowed",
    "extraction_failed",
    "not_implemented",
    "not_ready",
    "timeout",
]


class ErrorBody(BaseModel):
    """What every error response holds (an RFC 9457 problem with the service's members)."""

    type: str = Field(
        default="about:blank", description="RFC 9457: the problem type (its title says it)."
    )
    title: str = Field(default="", description="RFC 9457: the HTTP status phrase.")
    status: int = Field(default=500, description="RFC 9457: the HTTP status code.")
    detail: str = Field(default="", description="RFC 9457: what went wrong (as `message`).")
    error: ErrorCode = Field(description="A stable code for the kind of error.")
    message: str = Field(description="What went wrong, naming the field when one is at fault.")
    field: str | None = Field(
        default=None, description="The field at fault: 'text', '[3].text', 'query.published'."
    )
    request_id: str = Field(description="Quote it when reporting a problem; it is in the logs.")


class Problem(Exception):
    """An error response, raised anywhere below an endpoint."""

    def __init__(
        self, status: int, error: ErrorCode, message: str, *, field: str | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message
        self.field = field

    def body(self, rid: str) -> ErrorBody:
        """The response body for the request ``rid``."""
        try:
            title = HTTPStatus(self.status).phrase
        except ValueError:
            title = "Error"
        return ErrorBody(
            title=title,
            status=self.status,
            detail=self.message,
            error=self.error,
            message=self.message,
            field=self.field,
            request_id=rid,
        )


def problem_bytes(problem: Problem, rid: str) -> bytes:
    """The problem's JSON body."""
    return json.dumps(problem.body(rid).model_dump(), ensure_ascii=False).encode("utf-8")


def request_id(scope: Mapping[str, Any]) -> str:
    """The id the access-log middleware gave this request (a new one if none)."""
    rid = scope.get(RID_KEY)
    return rid if isinstance(rid, str) else uuid.uuid4().hex


def _where(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "body"


def validation_problem(errors: Sequence[Mapping[str, Any]], prefix: str = "") -> Problem:
    """A 422 naming the first five fields pydantic found at fault."""
    parts = []
    for err in errors[:5]:
        where = _where(tuple(err.get("loc", ())))
        msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        parts.append(f"{prefix}{where}: {msg}")
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    first = _where(tuple(errors[0].get("loc", ()))) if errors else "body"
    return Problem(422, "invalid_request", "; ".join(parts) + more, field=prefix + first)


def _doc(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {PROBLEM_TYPE: {"schema": {"$ref": "#/components/schemas/ErrorBody"}}},
    }


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, **_doc(text)}
    for code, text in {
        400: "Undecodable bytes or a malformed header.",
        408: "The body did not arrive in time.",
        413: "The body, the text or the batch is too large.",
        415: "A content type or charset the endpoint does not read.",
        422: "Malformed JSON, a field that breaks the schema, or text with nothing to extract.",
        500: "The extraction failed (a bug); the request id finds it in the log.",
        503: "The pipeline is not loaded (yet).",
        504: "The extraction took longer than the timeout.",
    }.items()
}
