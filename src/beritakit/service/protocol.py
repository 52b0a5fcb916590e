"""uvicorn's h11 protocol with the request head bounded in size and in time.

uvicorn's ``httptools`` protocol reads a header of any size, and neither protocol limits
how long a client may take to send one: a client could hold a connection (and the
memory of an unfinished head) forever. This one answers ``431`` to a head over
``max_head`` bytes and ``408`` to a head not complete ``head_timeout`` seconds after its
first byte (or after the connection opened), both as problem JSON with
``Connection: close``. The limits come from ``BERITAKIT_SERVICE_MAX_HEAD`` and
``BERITAKIT_SERVICE_HEAD_TIMEOUT`` (``serve`` sets them).
"""

from __future__ import annotations

import asyncio
import os
import re
import uuid
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from beritakit.service.problems import PROBLEM_TYPE, Problem, problem_bytes

__all__ = ["MAX_HEAD", "HEAD_TIMEOUT", "GuardedH11Protocol"]

MAX_HEAD = 32_768
HEAD_TIMEOUT = 10.0
_ENV = "BERITAKIT_SERVICE_"
_HEAD_END = re.compile(rb"\n\r?\n")  # as h11 finds the end of a head


def _raw_response(problem: Problem) -> bytes:
    body = problem_bytes(problem, uuid.uuid4().hex)
    head = (
        f"HTTP/1.1 {problem.status} {problem.body('').title}\r\n"
        f"content-type: {PROBLEM_TYPE}\r\n"
        f"content-length: {len(body)}\r\n"
        "connection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class GuardedH11Protocol(H11Protocol):
    """H11Protocol with a bounded request head (size and time)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_head = int(os.environ.get(_ENV + "MAX_HEAD", MAX_HEAD))
        self.head_timeout = float(os.environ.get(_ENV + "HEAD_TIMEOUT", HEAD_TIMEOUT))
        self.conn = h11.Connection(h11.SERVER, max_incomplete_event_size=self.max_head)
        self._head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Start the clock for the first request head."""
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        """Stop the clock."""
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        """Refuse a head over the limit; keep the clock running while one is incomplete."""
        if self.conn.their_state is h11.IDLE:
            pending = self.conn.trailing_data[0] + data
            if len(pending) > self.max_head and not _HEAD_END.search(pending, 0, self.max_head):
                self._refuse(self._too_large())
                return
        super().data_received(data)
        if self.transport.is_closing():
            self._disarm()
        elif self.conn.their_state is h11.IDLE and self.conn.trailing_data[0]:
            if self._head_timer is None:
                self._arm()
        elif self.conn.their_state is not h11.IDLE:
            self._disarm()

    def send_400_response(self, msg: str) -> None:
        """Answer what h11 refuses (a head over the limit: 431) as problem JSON."""
        if len(self.conn.trailing_data[0]) > self.max_head:
            problem = self._too_large()
        else:
            problem = Problem(400, "bad_request", f"not a valid HTTP/1.1 request ({msg})")
        self._refuse(problem)

    def _too_large(self) -> Problem:
        return Problem(431, "header_too_large", f"the request head is over {self.max_head:,} bytes")

    def on_response_complete(self) -> None:
        """Between requests uvicorn's keep-alive timeout applies."""
        self._disarm()
        super().on_response_complete()

    def _arm(self) -> None:
        self._disarm()
        self._head_timer = self.loop.call_later(self.head_timeout, self._head_timed_out)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            if self.conn.trailing_data[0]:
                self._refuse(
                    Problem(
                        408,
                        "request_timeout",
                        f"the request head did not arrive within {self.head_timeout:g} s",
                    )
                )
            else:  # nothing sent at all: just close, as uvicorn does when idle
                self.transport.close()

    def _refuse(self, problem: Problem) -> None:
        self._disarm()
        self.logger.warning("refused a request head: %s", problem.message)
        if not self.transport.is_closing():
            self.transport.write(_raw_response(problem))
            self.transport.close()
