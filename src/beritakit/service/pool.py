"""The server side of the extraction processes: a small pool per server worker.

A request takes an idle extraction process (or has the zygote fork one), sends it the job
and waits for the answer until its deadline. Past the deadline the zygote kills the
process (``SIGKILL``: the work really stops) and the request gets its 504; the next request
that needs a process gets a fresh fork in milliseconds.

Capacity: ``size`` processes run jobs at a time. A long job, one that has used ``stall``
seconds of CPU (a normal article takes tens of milliseconds) or run four times that long,
does not count against it: up to ``spare`` more processes are forked so that requests
behind it do not wait while the CPU has room. Such a job is also demoted to nice 10, so
that the short jobs get the CPU first; a demoted process is not reused (a process may not
raise its priority again) but replaced by a fresh fork. Surplus processes are let go as
soon as they are idle. (CPU time, not wall time, decides on Linux: on a busy machine a
normal job may wait for the CPU longer than ``stall`` without being a long one.)
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from multiprocessing import reduction
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Literal

from beritakit.pipeline import Options
from beritakit.service.problems import Problem
from beritakit.service.worker import Job, Reply, zygote_main

__all__ = ["Pool"]

_LOG = logging.getLogger("beritakit.service")
_NICE = 10  # a long job gets about a tenth of the CPU a short one gets
_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu_seconds(pid: int) -> float | None:
    """CPU time ``pid`` has used (Linux ``/proc``); ``None`` where it cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICK
    except (OSError, ValueError, IndexError):
        return None


class _Slot:
    """One extraction process: its pid, its socket, when its current job started."""

    def __init__(self, pid: int, conn: Connection) -> None:
        self.pid = pid
        self.conn = conn
        self.since: float | None = None
        self.cpu_since: float | None = None
        self.demoted = False
        self.request_id = ""
        self.timer: asyncio.TimerHandle | None = None

    def begin(self, request_id: str) -> None:
        self.request_id = request_id
        self.since = time.monotonic()
        self.cpu_since = _cpu_seconds(self.pid)

    def long(self, stall: float) -> bool:
        """Whether the current job is a long one: ``stall`` s of CPU, or 4 × that of time.

        Where CPU time cannot be read (no ``/proc``), ``stall`` s of time.
        """
        if self.since is None:
            return False
        wall = time.monotonic() - self.since
        if wall <= stall:
            return False
        if wall > 4 * stall or self.cpu_since is None:
            return True
        cpu = _cpu_seconds(self.pid)
        return cpu is not None and cpu - self.cpu_since > stall

    def call(self, job: Job) -> Reply:
        self.conn.send(job)
        reply: Reply = self.conn.recv()
        return reply


class Pool:
    """The extraction processes of one server worker, and their zygote."""

    def __init__(
        self,
        options: Options | None,
        *,
        size: int,
        timeout: float,
        spare: int = 4,
        stall: float = 0.25,
        retire_mb: float = 1024.0,
        memory_mb: float = 2048.0,
    ) -> None:
        self.options = options
        self.size = size
        self.timeout = timeout
        self.spare = spare
        self.stall = stall
        self.retire_mb = retire_mb
        self.memory_mb = memory_mb
        self._stopping = False
        self.state: Literal["loading", "ready", "failed"] = "loading"
        self.failure: str | None = None
        self.extractors: tuple[str, ...] = ()
        self.ready = asyncio.Event()
        self._slots: set[_Slot] = set()
        self._idle: list[_Slot] = []
        self._forking = 0
        self._waiting = 0
        self._changed = asyncio.Event()
        self._ctrl: Connection | None = None
        self._zygote: multiprocessing.process.BaseProcess | None = None
        self._control = ThreadPoolExecutor(1, thread_name_prefix="beritakit-control")
        self._io = ThreadPoolExecutor(size + spare, thread_name_prefix="beritakit-io")
        self._starter: asyncio.Task[None] | None = None
        self._replenish: asyncio.Future[None] | None = None

    # -- lifecycle ------------------------------------------------------------------

    async def start(self) -> None:
        """Start the zygote (in the event loop's thread: see ``_die_with_parent``)."""
        ctx = multiprocessing.get_context("spawn")
        ours, theirs = ctx.Pipe(duplex=True)
        self._zygote = ctx.Process(
            target=zygote_main,
            args=(theirs, self.options, self.retire_mb, self.memory_mb),
            name="beritakit-zygote",
            daemon=True,
        )
        self._zygote.start()
        theirs.close()
        self._ctrl = ours
        self._starter = asyncio.create_task(self._await_zygote(ours))

    async def _await_zygote(self, ctrl: Connection) -> None:
        loop = asyncio.get_running_loop()
        started = time.perf_counter()
        try:
            status, value = await loop.run_in_executor(self._control, ctrl.recv)
        except (EOFError, OSError):
            code = self._zygote.exitcode if self._zygote is not None else None
            status, value = "failed", f"the extraction process exited while loading ({code})"
        if status == "ready":
            self.state, self.extractors = "ready", tuple(value)
            _LOG.info(
                "pipeline loaded",
                extra={
                    "fields": {
                        "seconds": round(time.perf_counter() - started, 3),
                        "extractors": list(self.extractors),
                    }
                },
            )
            await self._warm()  # one process ready before the first request
        else:
            self.state, self.failure = "failed", str(value)
            _LOG.error("pipeline failed to load: %s", value)
        self.ready.set()

    async def stop(self) -> None:
        """Close the zygote's socket (it kills the extraction processes) and wait for it."""
        self._stopping = True
        if self._starter is not None:
            self._starter.cancel()
        for slot in list(self._slots):
            slot.conn.close()
        self._slots.clear()
        if self._ctrl is not None:
            self._ctrl.close()
        zygote = self._zygote
        if zygote is not None:
            await asyncio.get_running_loop().run_in_executor(None, zygote.join, 5)
            if zygote.is_alive():
                zygote.kill()
        self._control.shutdown(wait=False, cancel_futures=True)
        self._io.shutdown(wait=False, cancel_futures=True)

    async def loaded(self, deadline: float) -> None:
        """Wait (until ``deadline``) for the pipeline; 503 while loading or failed."""
        if self.state == "loading":
            with suppress(TimeoutError):
                await asyncio.wait_for(self.ready.wait(), max(0.0, deadline - time.monotonic()))
        if self.state == "loading":
            raise Problem(503, "not_ready", "the pipeline is still loading")
        if self.state == "failed":
            raise Problem(503, "not_ready", f"the pipeline failed to load: {self.failure}")

    @property
    def busy(self) -> int:
        """Extraction processes running a job now."""
        return len(self._slots) - len(self._idle)

    @property
    def processes(self) -> int:
        """Extraction processes alive now."""
        return len(self._slots)

    # -- one request ----------------------------------------------------------------

    async def run(self, job: Job, deadline: float, request_id: str) -> Reply:
        """Run ``job`` in an extraction process; 504 (and a killed process) past ``deadline``."""
        slot = await self._acquire(deadline)
        loop = asyncio.get_running_loop()
        slot.begin(request_id)
        future = loop.run_in_executor(self._io, slot.call, job)
        slot.timer = loop.call_later(self.stall, self._demote, slot)
        try:
            reply = await asyncio.wait_for(
                asyncio.shield(future), max(0.0, deadline - time.monotonic())
            )
        except TimeoutError as exc:
            await self._kill(slot, future, "timeout", request_id)
            raise Problem(
                504, "timeout", f"the extraction took longer than {self.timeout:g} s"
            ) from exc
        except (EOFError, OSError) as exc:
            await self._kill(slot, future, "died", request_id)
            raise Problem(
                500,
                "extraction_failed",
                "the extraction process died on this request; "
                f"it is logged under request id {request_id}",
            ) from exc
        except asyncio.CancelledError:
            await asyncio.shield(self._kill(slot, future, "cancelled", request_id))
            raise
        finally:
            if slot.timer is not None:
                slot.timer.cancel()
        if reply.retire or slot.demoted:  # a demoted process cannot be raised again
            self._drop(slot)
            self._top_up()
        else:
            self._release(slot)
        return reply

    def _stalled(self) -> int:
        return sum(1 for s in self._slots if s.long(self.stall))

    def _may_grow(self) -> bool:
        allowed = self.size + min(self.spare, self._stalled())
        return len(self._slots) + self._forking < allowed

    async def _acquire(self, deadline: float) -> _Slot:
        self._waiting += 1
        try:
            while True:
                if self._idle:
                    return self._idle.pop()
                if self._may_grow():
                    return await self._fork()
                left = deadline - time.monotonic()
                if left <= 0:
                    raise Problem(
                        504,
                        "timeout",
                        f"no extraction process came free within {self.timeout:g} s",
                    )
                self._changed.clear()
                with suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), min(left, self.stall / 2))
        finally:
            self._waiting -= 1

    async def _fork(self) -> _Slot:
        loop = asyncio.get_running_loop()
        self._forking += 1
        try:
            slot = await loop.run_in_executor(self._control, self._fork_now)
        except (EOFError, OSError) as exc:
            self._zygote_lost()
            raise Problem(503, "not_ready", "the extraction processes are restarting") from exc
        finally:
            self._forking -= 1
        self._slots.add(slot)
        return slot

    def _fork_now(self) -> _Slot:
        assert self._ctrl is not None
        self._ctrl.send(("fork", None))
        handle = reduction.recv_handle(self._ctrl)
        pid: int = self._ctrl.recv()
        return _Slot(pid, Connection(handle))

    def _kill_now(self, pid: int) -> None:
        assert self._ctrl is not None
        self._ctrl.send(("kill", pid))
        self._ctrl.recv()

    async def _kill(
        self, slot: _Slot, future: asyncio.Future[Reply], reason: str, request_id: str
    ) -> None:
        loop = asyncio.get_running_loop()
        ran = time.monotonic() - (slot.since or time.monotonic())
        try:
            await loop.run_in_executor(self._control, self._kill_now, slot.pid)
        except (EOFError, OSError):
            self._zygote_lost()
        with suppress(Exception):  # the process is gone: its reader sees the end
            await future
        self._drop(slot)
        self._top_up()
        _LOG.warning(
            "extraction process killed",
            extra={
                "fields": {
                    "request_id": request_id,
                    "process": slot.pid,
                    "reason": reason,
                    "seconds": round(ran, 3),
                }
            },
        )

    def _demote(self, slot: _Slot) -> None:
        """A long job yields the CPU to the short ones (nice 10)."""
        if slot.since is None or slot.demoted:
            return
        if not slot.long(self.stall):  # waited for the CPU, not used it: look again later
            slot.timer = asyncio.get_running_loop().call_later(self.stall / 2, self._demote, slot)
            return
        slot.demoted = True
        with suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, slot.pid, _NICE)
        _LOG.info(
            "long job: its process yields to the others",
            extra={
                "fields": {
                    "request_id": slot.request_id,
                    "process": slot.pid,
                    "seconds": round(time.monotonic() - (slot.since or 0.0), 3),
                    "processes": len(self._slots),
                }
            },
        )
        self._changed.set()  # a waiting request may now have a spare process forked

    def _top_up(self) -> None:
        """Fork a process in the background when fewer than ``size`` are left."""
        if self._stopping or self.state != "ready":
            return
        if len(self._slots) + self._forking < self.size:
            self._replenish = asyncio.ensure_future(self._warm())

    async def _warm(self) -> None:
        with suppress(Problem):
            self._release(await self._fork())

    def _release(self, slot: _Slot) -> None:
        slot.since = None
        surplus = len(self._slots) > self.size + self._stalled()
        if surplus and self._waiting == 0:
            self._drop(slot)
        else:
            self._idle.append(slot)
            self._changed.set()

    def _drop(self, slot: _Slot) -> None:
        """Forget a process; an idle one exits when its socket closes."""
        self._slots.discard(slot)
        if slot in self._idle:
            self._idle.remove(slot)
        slot.conn.close()
        self._changed.set()

    def _zygote_lost(self) -> None:
        """The zygote died (it never should): start a new one, once."""
        if self.state != "ready" or self._stopping:
            return
        _LOG.error("the extraction zygote died; starting a new one")
        self.state = "loading"
        self.ready.clear()
        for slot in list(self._idle):
            self._drop(slot)
        if self._ctrl is not None:
            self._ctrl.close()
        asyncio.get_running_loop().call_soon(lambda: asyncio.ensure_future(self.start()))
