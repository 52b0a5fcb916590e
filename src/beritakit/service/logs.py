"""Logs (JSON lines) and the ASGI middleware that gives each request an id and a log line.

The middleware also keeps connections honest: an error answered before the request body
was read whole says ``Connection: close`` (the unread bytes would otherwise be taken for
the next request), and an exception no handler caught becomes a 500 problem with
``Connection: close`` instead of a reset connection.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
import uuid
from collections.abc import Mapping
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from beritakit.service.problems import (
    PROBLEM_TYPE,
    RID_KEY,
    RID_OK,
    Problem,
    problem_bytes,
)

__all__ = ["AccessLog", "JsonFormatter", "log_config"]

_LOG = logging.getLogger("beritakit.service")
_ACCESS = logging.getLogger("beritakit.access")


def _given_id(scope: Scope) -> str:
    for key, value in scope.get("headers", ()):
        if key == b"x-request-id":
            given: str = value.decode("latin-1")
            if RID_OK.fullmatch(given):
                return given
    return uuid.uuid4().hex


class AccessLog:
    """ASGI middleware: a request id for every request, and one JSON log line each."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one ASGI connection scope."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = _given_id(scope)
        scope[RID_KEY] = rid
        started = time.perf_counter()
        state = {"status": 500, "sent": 0, "started": False, "body_done": False}

        async def receive_tracked() -> Message:
            message = await receive()
            if message["type"] == "http.request" and not message.get("more_body", False):
                state["body_done"] = True
            return message

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"], state["started"] = message["status"], True
                headers = [h for h in message.get("headers", ()) if h[0] != b"x-request-id"]
                headers.append((b"x-request-id", rid.encode("ascii")))
                if message["status"] >= 400 and not state["body_done"]:
                    headers.append((b"connection", b"close"))
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body":
                state["sent"] = int(state["sent"]) + len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive_tracked, send_with_id)
        except Exception as exc:
            if state["started"]:
                raise
            _LOG.error("request failed", exc_info=exc, extra={"fields": {"request_id": rid}})
            problem = Problem(
                500,
                "extraction_failed",
                f"the request failed; the error is logged under request id {rid}",
            )
            body = problem_bytes(problem, rid)
            state["body_done"] = False  # close: the app may have left the body unread
            await send_with_id(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [
                        (b"content-type", PROBLEM_TYPE.encode("ascii")),
                        (b"content-length", str(len(body)).encode("ascii")),
                    ],
                }
            )
            await send_with_id({"type": "http.response.body", "body": body})
        finally:
            _access_line(scope, rid, int(state["status"]), int(state["sent"]), started)


def _access_line(scope: Scope, rid: str, status: int, sent: int, started: float) -> None:
    client = scope.get("client")
    _ACCESS.info(
        "%s %s %d",
        scope["method"],
        scope["path"],
        status,
        extra={
            "fields": {
                "request_id": rid,
                "method": scope["method"],
                "path": scope["path"],
                "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "bytes_out": sent,
                "client": f"{client[0]}:{client[1]}" if client else None,
            }
        },
    )


class JsonFormatter(logging.Formatter):
    """Format log records as one JSON object a line (what ``beritakit serve`` logs)."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as a JSON line with time, level, logger, message and fields."""
        out: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, Mapping):
            for key, value in fields.items():
                out[f"field_{key}" if key in out else key] = value
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False, default=str)


def log_config(level: str = "info") -> dict[str, Any]:
    """Return the ``logging.config`` dict ``serve`` gives uvicorn: JSON lines on stderr."""
    level = level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JsonFormatter"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            },
        },
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
            "beritakit": {"handlers": ["stderr"], "level": level, "propagate": False},
            # they log client pages that hold no HTML as errors: the client gets a 422
            "trafilatura": {"handlers": ["stderr"], "level": "CRITICAL", "propagate": False},
            "htmldate": {"handlers": ["stderr"], "level": "CRITICAL", "propagate": False},
        },
    }
