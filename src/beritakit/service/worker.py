"""What runs outside the server process: the zygote and the extraction processes it forks.

Each server worker starts one *zygote* with the ``spawn`` method: a fresh, single-threaded
interpreter that loads the pipeline once, warms it up and then only forks. Every
extraction process is a ``fork`` of the zygote, so it starts in milliseconds with the
pipeline already loaded and shares the zygote's memory copy-on-write. The server talks to
each extraction process over a socket of its own, and can have the zygote kill one that
runs past its timeout and fork a replacement at once.

Nothing here imports FastAPI: the zygote stays small.

Lifetimes: the zygote exits (killing its extraction processes) as soon as the server
worker's end of its control socket closes, which the kernel does when that process dies,
however it dies. On Linux each extraction process also gets ``SIGKILL`` when the zygote
dies (``PR_SET_PDEATHSIG``); an idle one exits when the server's end of its socket closes.
"""

from __future__ import annotations

import ctypes
import gc
import os
import resource
import signal
import socket
import sys
import traceback
from dataclasses import dataclass
from multiprocessing import reduction
from multiprocessing.connection import Connection, wait
from typing import Any, Literal

from beritakit.errors import BeritakitError, ConfigError, ExtractionError, InputError
from beritakit.pipeline import Failure, Options, Pipeline

__all__ = ["Job", "Reply", "zygote_main"]

_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True, slots=True)
class Job:
    """One request's work: ``text``/``html`` hold one article, ``batch`` several."""

    kind: Literal["text", "html", "batch"]
    text: str = ""
    published: Any = None
    url: str | None = None
    id: str | None = None
    items: tuple[tuple[str, Any, str | None, str | None], ...] = ()


@dataclass(frozen=True, slots=True)
class Reply:
    """What an extraction process answers.

    ``status`` is ``ok`` (``body`` is the JSON answer), ``input`` (the library's
    ``InputError``: a 422), ``config`` (a missing extra: 501), ``memory`` (the job needed
    more than the process may have: 413), or ``bug`` (anything else:
    a 500, ``detail`` holds the traceback for the log). ``failures`` lists the batch
    articles an extractor failed on, for the log. ``retire`` asks the server to drop the
    process after this answer (it grew too large).
    """

    status: Literal["ok", "input", "config", "memory", "bug"]
    body: str = ""
    message: str = ""
    extractor: str | None = None
    detail: str = ""
    failures: tuple[dict[str, Any], ...] = ()
    retire: bool = False


def _die_with_parent() -> None:
    """Linux: get SIGKILL when the parent process dies (elsewhere a no-op)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - no prctl
        return


def _max_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


def _out_of_memory(exc: BaseException) -> bool:
    """Whether ``exc`` is, or was caused by, a MemoryError (extractors wrap errors)."""
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return False
        if isinstance(seen, MemoryError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _run(pipeline: Pipeline, job: Job) -> Reply:
    if job.kind == "text":
        article = pipeline(job.text, published=job.published, url=job.url, id=job.id)
        return Reply("ok", article.model_dump_json())
    if job.kind == "html":
        from beritakit.html import extract_html

        article = extract_html(
            job.text, url=job.url, published=job.published, id=job.id, pipeline=pipeline
        )
        return Reply("ok", article.model_dump_json())
    # one article at a time: a Failure in place of each one that fails
    out: list[str] = []
    failures: list[dict[str, Any]] = []
    for index, (text, published, url, id_) in enumerate(job.items):
        try:
            out.append(pipeline(text, published=published, url=url, id=id_).model_dump_json())
        except BeritakitError as exc:
            if _out_of_memory(exc):
                raise MemoryError from exc
            failure = Failure.of(exc, index=index, id=id_)
            out.append(failure.model_dump_json())
            if isinstance(exc, ExtractionError):
                failures.append(failure.model_dump())
    return Reply("ok", "[" + ",".join(out) + "]", failures=tuple(failures))


def _answer(pipeline: Pipeline, job: Job) -> Reply:
    try:
        return _run(pipeline, job)
    except InputError as exc:
        return Reply("input", message=str(exc))
    except ConfigError as exc:
        return Reply("config", message=str(exc))
    except Exception as exc:  # a bug: the server logs the traceback, the client a 500
        if _out_of_memory(exc):  # the address-space limit: a process not to trust again
            return Reply("memory", retire=True)
        return Reply(
            "bug",
            message=f"{type(exc).__name__}: {exc}",
            extractor=getattr(exc, "extractor", None),
            detail="".join(traceback.format_exception(exc)),
        )


def _limit_memory(budget_mb: float) -> None:
    """Linux: cap the address space at what the process has now plus ``budget_mb``."""
    if budget_mb <= 0 or not sys.platform.startswith("linux"):
        return
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            size = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmSize:"))
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = size + int(budget_mb * (1 << 20))
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (OSError, ValueError, StopIteration):  # pragma: no cover - no /proc, or refused
        return


def _extraction_main(
    conn: Connection, pipeline: Pipeline, retire_mb: float, memory_mb: float
) -> None:
    """Serve jobs from the server, one at a time, until its end of ``conn`` closes."""
    _die_with_parent()
    _limit_memory(memory_mb)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        reply = _answer(pipeline, job)
        if _max_rss_mb() > retire_mb:
            reply = Reply(**{**_fields(reply), "retire": True})
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return
        if reply.retire:
            return


def _fields(reply: Reply) -> dict[str, Any]:
    return {name: getattr(reply, name) for name in Reply.__slots__}


class _Zygote:
    def __init__(
        self, ctrl: Connection, pipeline: Pipeline, retire_mb: float, memory_mb: float
    ) -> None:
        self.ctrl = ctrl
        self.pipeline = pipeline
        self.retire_mb = retire_mb
        self.memory_mb = memory_mb
        self.children: set[int] = set()

    def fork(self) -> None:
        mine, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:  # the extraction process
            code = 0
            try:
                self.ctrl.close()
                theirs.close()
                conn = Connection(mine.detach())
                _extraction_main(conn, self.pipeline, self.retire_mb, self.memory_mb)
            except BaseException:  # nothing may escape a forked child
                code = 1
            finally:
                os._exit(code)
        mine.close()
        self.children.add(pid)
        reduction.send_handle(self.ctrl, theirs.fileno(), 0)
        theirs.close()
        self.ctrl.send(pid)

    def kill(self, pid: int) -> None:
        # only a child not yet reaped: its pid cannot have been reused
        if pid in self.children:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            self.children.discard(pid)
        self.ctrl.send(pid)

    def reap(self) -> None:
        for pid in list(self.children):
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done = pid
            if done:
                self.children.discard(pid)

    def serve(self) -> None:
        while True:
            ready = wait([self.ctrl], timeout=1.0)
            self.reap()
            if not ready:
                continue
            try:
                command, arg = self.ctrl.recv()
            except (EOFError, OSError):
                return
            if command == "fork":
                self.fork()
            elif command == "kill":
                self.kill(int(arg))
            else:
                return

    def close(self) -> None:
        for pid in self.children:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass


def zygote_main(
    ctrl: Connection, options: Options | None, retire_mb: float, memory_mb: float
) -> None:
    """Load the pipeline, report it, then fork extraction processes on request.

    Sends ``("ready", extractor names)`` or ``("failed", reason)`` first; then answers
    ``("fork", None)`` with a socket and a pid, and ``("kill", pid)`` with the pid once
    that process is gone. Returns when the server's end of ``ctrl`` closes.

    Each extraction process may grow ``memory_mb`` beyond the zygote's address space
    (Linux), and leaves after a job once its peak resident size passed the zygote's by
    ``retire_mb``.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server decides when we stop
    try:
        from beritakit.api import load

        pipeline = load(options)
        try:  # build the lazy parts (spaCy, cached tables) before the first fork
            pipeline("Tes 1.")
        except BeritakitError:
            pass
    except Exception as exc:  # reported to the server: it answers 503
        ctrl.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    gc.collect()
    gc.freeze()  # fewer pages copied on write in the forks
    ctrl.send(("ready", pipeline.extractor_names))
    zygote = _Zygote(ctrl, pipeline, _max_rss_mb() + retire_mb, memory_mb)
    try:
        zygote.serve()
    finally:
        zygote.close()
