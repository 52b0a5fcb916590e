"""Many articles on all cores: worker processes that load the pipeline once, results in input order.

:func:`pipe` is what ``beritakit.pipe(..., n_process=N)`` runs. The design:

- Workers are started with ``spawn`` (safe on every platform and after threads);
  each builds its pipeline once, in the pool initializer, with the ``loader`` the
  caller gives (``functools.partial(Pipeline, options)``).
- The parent reads the input lazily and sends it in chunks of ``batch_size``
  articles; a worker runs one chunk through ``pipeline.pipe`` (one spaCy
  ``nlp.pipe`` batch) and sends back the records.
- Order is kept by waiting on the chunks first in, first out; at most
  ``max_in_flight`` chunks are out at once, so memory stays flat however long
  the input.
- A failing article never stops the run: workers always record failures and the
  parent applies ``on_error``.
- A worker process that dies (a crash in native code, the OOM killer, a stray
  ``kill``) breaks the pool: it is restarted and the chunks that were out are run
  again, one at a time. A chunk that kills a worker alone twice is split into single
  articles, and only an article that kills a worker alone twice comes back as a
  :class:`~beritakit.items.Failure` naming it. The pool gives up, with an error that
  names the cause (``worker killed by signal 9 (SIGKILL)``), only after
  :data:`MAX_BREAKS` breaks in a row with no chunk done, or :data:`MAX_STARTS` failed
  starts in a row.
- Workers die with their parent: on Linux the kernel kills them
  (``prctl(PR_SET_PDEATHSIG)``), everywhere a watchdog thread polls ``os.getppid()``.

This module does not import :mod:`beritakit.pipeline` (which imports it): whatever
``loader`` returns only needs a ``pipe(items, batch_size=..., on_error=...)`` method.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import itertools
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from beritakit.errors import ConfigError, InputError
from beritakit.inputs import coerce_text
from beritakit.items import Failure, OnError, as_item, check_on_error
from beritakit.tables import article_row, failure_row

__all__ = [
    "MAX_BREAKS",
    "MAX_STARTS",
    "Loader",
    "PoolError",
    "Runnable",
    "WORKER_CRASHED",
    "flat_record",
    "pipe",
    "resolve_n_process",
    "run",
    "run_shared",
]

T = TypeVar("T")


class Runnable(Protocol):
    """What a loader builds: a pipeline (``beritakit.Pipeline`` or one like it)."""

    def pipe(
        self, items: Iterable[object], *, batch_size: int = ..., on_error: OnError = ...
    ) -> Iterator[Any]:
        """Yield one record or :class:`Failure` per item, in order."""
        ...

    def warm_up(self) -> None:
        """Load what the first item would load (raise now if it cannot be loaded)."""
        ...


Loader = Callable[[], Runnable]
"""A picklable function that builds the pipeline in each worker."""

WORKER_CRASHED = "the worker process died while extracting this article"
MAX_STARTS = 3
"""Pool starts in a row that may fail (a worker dying while it loads) before giving up."""
MAX_BREAKS = 8
"""Pool breaks in a row, with no chunk done in between, before giving up."""
SOLO_CRASHES = 2
"""Times a chunk (or article) must kill a worker while running alone to be split (blamed)."""
_TEXT_TYPES = (str, bytes)
_WATCH_INTERVAL = 0.5  # seconds between two looks at the parent from a worker
_POLL = 0.5  # seconds between two looks at the workers while waiting for a result
_WEDGED = 2.0  # a worker dead this long with its pool still waiting: the pool is stuck


class PoolError(RuntimeError):
    """The worker processes could not be started or kept alive; the message says why."""


# -- the records a job carries -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Sent:
    """One article as sent to a worker: global index, text, context."""

    index: int
    text: object
    context: Mapping[str, object]


@dataclass(slots=True)
class _Job:
    """A chunk of consecutive articles and, once done, their outputs in order."""

    items: list[_Sent]
    ready: dict[int, Failure] = field(default_factory=dict)  # failed in the parent
    future: Future[list[Any]] | None = None
    crashes: int = 0  # pool breaks while this job was out
    solo: int = 0  # of which while it ran alone


# -- worker side -------------------------------------------------------------------


class _Runner:
    """A pipeline that turns a chunk into outputs; one per worker process."""

    def __init__(self, pipeline: Runnable) -> None:
        self.pipeline = pipeline
        pipeline.warm_up()  # a missing model fails the run now, not each article

    def run(self, items: list[_Sent], transform: Callable[[Any], Any]) -> list[Any]:
        """Return one output per item: ``transform(article)`` or a :class:`Failure`."""
        # Pipeline.pipe runs each chunk in a spaCy memory zone (after the first), so a
        # worker's memory stays flat however many chunks it gets.
        try:
            results = list(
                self.pipeline.pipe(
                    ((s.text, s.context) for s in items),
                    batch_size=max(1, len(items)),
                    on_error="record",
                )
            )
        except Exception:  # a bug outside the extractors: isolate the article
            results = [self._one(s) for s in items]
        out: list[Any] = []
        for sent, result in zip(items, results, strict=True):
            if isinstance(result, Failure):
                out.append(_relocate(result, sent.index))
                continue
            try:
                out.append(transform(result))
            except Exception as exc:
                out.append(
                    Failure(
                        index=sent.index,
                        id=result.id,
                        error=type(exc).__name__,
                        message=f"transform failed: {exc}",
                    )
                )
        return out

    def _one(self, sent: _Sent) -> Any:
        try:
            (result,) = self.pipeline.pipe([(sent.text, sent.context)], on_error="record")
            return result
        except Exception as exc:
            return Failure.of(exc, index=0, id=_opt_str(sent.context.get("id")))


def _relocate(failure: Failure, index: int) -> Failure:
    """Give a failure its position in the whole input instead of in its chunk."""
    message = failure.message
    if failure.extractor is not None:
        local = f"{failure.extractor} (document {failure.index}): "
        if message.startswith(local):
            message = f"{failure.extractor} (document {index}): {message[len(local) :]}"
    return failure.model_copy(update={"index": index, "message": message})


_RUNNER: _Runner | None = None
_INIT_ERROR: BaseException | None = None


def _init_worker(loader: Loader, parent: int) -> None:
    """Pool initializer: die with the parent, then build this worker's pipeline once."""
    global _RUNNER, _INIT_ERROR
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    die_with_parent(parent)
    try:
        _RUNNER = _Runner(loader())
    except BaseException as exc:  # reported with the first job, in the parent
        _INIT_ERROR = exc


def die_with_parent(parent: int) -> None:
    """Make this process exit when process ``parent`` dies, however it dies.

    On Linux the kernel sends SIGKILL (``prctl(PR_SET_PDEATHSIG)``); on every platform
    a daemon thread polls ``os.getppid()`` and exits when the parent has changed (the
    process was re-parented because its parent died).
    """
    if sys.platform.startswith("linux"):
        _set_pdeathsig(signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    watch = threading.Thread(
        target=_watch_parent, args=(parent,), name="beritakit-parent-watch", daemon=True
    )
    watch.start()


def _set_pdeathsig(signum: int) -> bool:
    pr_set_pdeathsig = 1  # from <linux/prctl.h>
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        return int(libc.prctl(pr_set_pdeathsig, int(signum), 0, 0, 0)) == 0
    except (OSError, AttributeError):  # no libc prctl: the watchdog still works
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_INTERVAL)
    os._exit(1)


def _ping() -> int:
    if _INIT_ERROR is not None:
        raise _INIT_ERROR
    time.sleep(0.02)  # let a worker still loading take the next ping
    return os.getpid()


def _work(items: list[_Sent], transform: Callable[[Any], Any]) -> list[Any]:
    if _INIT_ERROR is not None:
        raise _INIT_ERROR
    assert _RUNNER is not None
    return _RUNNER.run(items, transform)


# -- parent side -------------------------------------------------------------------


def resolve_n_process(n_process: int) -> int:
    """Return the number of worker processes ``n_process`` stands for (``-1``: every CPU).

    Raises:
        ConfigError: ``n_process`` is 0 or below -1.
    """
    if n_process == -1:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not on Linux
            return max(1, os.cpu_count() or 1)
    if n_process < 1:
        raise ConfigError(f"n_process must be a positive number or -1, got {n_process}")
    return n_process


def _identity(article: T) -> T:
    return article


def pipe(
    items: Iterable[object],
    *,
    loader: Loader,
    n_process: int = 1,
    batch_size: int = 32,
    on_error: OnError = "raise",
    max_in_flight: int | None = None,
) -> Iterator[Any]:
    """Extract records from many articles on ``n_process`` processes, in input order.

    Args:
        items: Texts, ``(text, context)`` pairs or mappings with ``text`` (and
            ``published``, ``url``, ``id``).
        loader: A picklable function that builds the pipeline, e.g.
            ``functools.partial(beritakit.Pipeline, options)``; each worker calls it once.
        n_process: Worker processes; ``1`` runs in this process, ``-1`` uses every CPU.
        batch_size: Articles per chunk sent to a worker (and per spaCy batch).
        on_error: ``"raise"``, ``"skip"`` or ``"record"`` (yield a :class:`Failure`).
        max_in_flight: Chunks out at once (default ``2 * n_process``); bounds memory.

    Raises:
        ConfigError: A bad ``n_process``, or the pipeline cannot be built.
        InputError: A bad ``on_error``.
        PoolError: Worker processes keep dying (the message names how).
        BeritakitError: With ``on_error="raise"``, the first article that failed.
    """
    return run(
        items,
        _identity,
        loader=loader,
        n_process=n_process,
        batch_size=batch_size,
        on_error=on_error,
        max_in_flight=max_in_flight,
    )


def run(
    items: Iterable[object],
    transform: Callable[[Any], T],
    *,
    loader: Loader,
    n_process: int = 1,
    batch_size: int = 32,
    on_error: OnError = "raise",
    max_in_flight: int | None = None,
) -> Iterator[T | Failure]:
    """Like :func:`pipe`, but yield ``transform(article)``, computed in the worker.

    ``transform`` must be picklable (a module-level function) when ``n_process``
    is above 1. Serialising in the worker (``Article.model_dump_json``,
    :func:`flat_record`) keeps that work off the parent process.
    """
    check_on_error(on_error)
    workers = resolve_n_process(n_process)
    jobs = _jobs(items, max(1, batch_size))
    if workers == 1:
        outputs = _run_here(jobs, loader, transform)
    else:
        in_flight = max_in_flight if max_in_flight is not None else 2 * workers
        outputs = _Pool(loader, transform, workers).run(jobs, max(1, in_flight))
    return _apply(outputs, on_error)


def _jobs(items: Iterable[object], size: int) -> Iterator[_Job]:
    counter = itertools.count()
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        job = _Job([])
        for value in chunk:
            index = next(counter)
            try:
                item = as_item(value)
            except InputError as exc:  # a mapping or id whose methods raise, as in one process
                job.ready[index] = Failure.of(exc, index=index, id=None)
                continue
            text = item.text
            if isinstance(text, bytearray | memoryview):
                text = bytes(text)
            if not isinstance(text, _TEXT_TYPES):
                job.ready[index] = _not_text(index, item.id, text)
                continue
            context = {"published": item.published, "url": item.url, "id": item.id}
            job.items.append(_Sent(index, text, context))
        yield job


def _not_text(index: int, id: str | None, value: object) -> Failure:
    try:
        coerce_text(value, max_chars=1)
    except InputError as exc:
        return Failure.of(exc, index=index, id=id)
    raise AssertionError("unreachable: coerce_text accepts only str and bytes")


def _merge(job: _Job, results: list[Any]) -> Iterator[Any]:
    """Interleave the worker's outputs with the failures found in the parent."""
    outputs = iter(results)
    positions = sorted([s.index for s in job.items] + list(job.ready))
    for index in positions:
        yield job.ready[index] if index in job.ready else next(outputs)


def _run_here(
    jobs: Iterator[_Job], loader: Loader, transform: Callable[[Any], Any]
) -> Iterator[Any]:
    runner: _Runner | None = None
    for job in jobs:
        if job.items and runner is None:
            runner = _Runner(loader())
        results = runner.run(job.items, transform) if runner is not None and job.items else []
        yield from _merge(job, results)


_SHARED: dict[Hashable, _Runner] = {}
_SHARED_LOCK = threading.Lock()


def run_shared(
    items: Iterable[object],
    transform: Callable[[Any], T],
    *,
    loader: Loader,
    key: Hashable = None,
    batch_size: int = 32,
    on_error: OnError = "record",
) -> list[T | Failure]:
    """Run in this process on a pipeline built once per process and per ``key``.

    For engines that call a function per partition in long-lived worker processes
    (Dask, Spark): the first call with a ``key`` builds the pipeline with ``loader``,
    later calls with an equal ``key`` reuse it (``key`` defaults to ``loader`` itself;
    pass the ``Options`` when the loader is built anew for each call). Calls from
    several threads take turns (extraction holds the GIL anyway).
    """
    check_on_error(on_error)
    with _SHARED_LOCK:
        wanted = loader if key is None else key
        runner = _SHARED.get(wanted)
        if runner is None:
            runner = _SHARED[wanted] = _Runner(loader())
        outputs: list[Any] = []
        for job in _jobs(items, max(1, batch_size)):
            results = runner.run(job.items, transform) if job.items else []
            outputs.extend(_merge(job, results))
    return list(_apply(iter(outputs), on_error))


class _Pool:
    """Worker processes that are restarted when one dies; runs jobs in input order."""

    def __init__(self, loader: Loader, transform: Callable[[Any], Any], workers: int) -> None:
        self.loader = loader
        self.transform = transform
        self.workers = workers
        self.context = multiprocessing.get_context("spawn")
        self.executor: ProcessPoolExecutor | None = None
        self.processes: list[Any] = []
        self.wedged: str | None = None  # how the worker of a wedged pool died

    def start(self) -> None:
        """Start the workers and wait until each has built its pipeline."""
        cause = "no worker started"
        for _ in range(MAX_STARTS):
            pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=self.context,
                initializer=_init_worker,
                initargs=(self.loader, os.getpid()),
            )
            try:
                # Submitting `workers` pings at once makes the pool spawn every process
                # (it spawns only while none is idle); go on until each has answered,
                # that is, has built its pipeline.
                ready: set[int] = set()
                while len(ready) < self.workers:
                    pings = [pool.submit(_ping) for _ in range(self.workers)]
                    ready.update(f.result() for f in pings)
            except BrokenProcessPool:
                cause = _cause(self._shutdown(pool))
                continue
            except BaseException:
                self._shutdown(pool)
                raise
            self.executor = pool
            self.processes = list((getattr(pool, "_processes", None) or {}).values())
            return
        hint = ""
        if cause == "worker exited with code 1":
            hint = (
                "; a script that uses n_process > 1 must guard its entry point with "
                "`if __name__ == '__main__':` (workers are spawned and import the main module)"
            )
        raise PoolError(
            f"beritakit worker processes could not start ({MAX_STARTS} tries): {cause}{hint}"
        )

    @staticmethod
    def _shutdown(pool: ProcessPoolExecutor) -> list[Any]:
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=True, cancel_futures=True)
        return processes

    def wait(self, future: Future[list[Any]]) -> list[Any]:
        """The result of ``future``; :class:`BrokenProcessPool` if a worker died meanwhile.

        ``concurrent.futures`` notices a dead worker by itself, except when the worker
        was killed while sending its result: the pool's manager thread then waits
        forever for the rest of the message. A worker dead for :data:`_WEDGED` seconds
        while the result is still awaited is that case: the pool is unwedged.
        """
        dead_since: float | None = None
        while True:
            try:
                return future.result(timeout=_POLL)
            except FuturesTimeout:
                pass
            if not any(p.exitcode is not None for p in self.processes):
                continue
            now = time.monotonic()
            dead_since = dead_since if dead_since is not None else now
            if now - dead_since >= _WEDGED:
                self.wedged = _cause(self.processes)
                self._unwedge()
                raise BrokenProcessPool(self.wedged)

    def _unwedge(self) -> None:
        """Stop the live workers and close this process's end of the result pipe.

        With every writer gone, the manager thread's read ends (EOF), it marks the pool
        broken and exits, so the pool can be shut down and replaced.
        """
        for process in self.processes:
            if process.exitcode is None:
                process.kill()
        queue = getattr(self.executor, "_result_queue", None)
        writer = getattr(queue, "_writer", None)
        if writer is not None:
            writer.close()

    def restart(self) -> str:
        """Replace a broken pool; return how its worker died."""
        died = self.processes
        if self.executor is not None:
            died = self._shutdown(self.executor) or died
            self.executor = None
        cause = self.wedged or _cause(died)
        self.wedged = None
        self.start()
        return cause

    def close(self) -> None:
        """Stop the workers after the chunks they are running."""
        if self.executor is not None:
            self._shutdown(self.executor)
            self.executor = None

    def submit(self, job: _Job) -> None:
        """Send a chunk to the workers (a pool found broken fails its future)."""
        assert self.executor is not None
        try:
            job.future = self.executor.submit(_work, job.items, self.transform)
        except BrokenProcessPool as exc:  # a worker died since the last result
            job.future = Future()
            job.future.set_exception(exc)

    def run(self, jobs: Iterator[_Job], max_in_flight: int) -> Iterator[Any]:
        """Yield the outputs of ``jobs`` in order, surviving workers that die."""
        self.start()
        pending: deque[_Job] = deque()
        exhausted = False
        breaks = 0  # pool breaks in a row with no chunk done in between
        try:
            while True:
                careful = any(job.crashes for job in pending)
                if careful:  # after a crash: one chunk at a time until the culprit is found
                    head = pending[0]
                    if head.future is None and head.items:
                        self.submit(head)
                else:
                    while not exhausted and len(pending) < max_in_flight:
                        job = next(jobs, None)
                        if job is None:
                            exhausted = True
                            break
                        if job.items:
                            self.submit(job)
                        pending.append(job)
                if not pending:
                    return
                head = pending[0]
                if head.future is None:  # every article failed in the parent
                    pending.popleft()
                    yield from _merge(head, [])
                    continue
                try:
                    results = self.wait(head.future)
                except BrokenProcessPool:
                    breaks += 1
                    cause = self.restart()
                    if breaks >= MAX_BREAKS:
                        raise PoolError(
                            f"beritakit worker processes keep dying ({breaks} times in a row "
                            f"with no article done): {cause}"
                        ) from None
                    _after_crash(pending, alone=careful, cause=cause)
                    continue
                breaks = 0
                pending.popleft()
                yield from _merge(head, results)
        finally:
            self.close()


def _cause(processes: list[Any]) -> str:
    """How the workers of a broken pool died: the first that was not stopped by the pool."""
    codes = [p.exitcode for p in processes if p.exitcode not in (None, 0)]
    own = [c for c in codes if c != -signal.SIGTERM] or codes
    if not own:
        return "a worker process ended abruptly"
    code = own[0]
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = "unknown signal"
        return f"worker killed by signal {-code} ({name})"
    return f"worker exited with code {code}"


def _after_crash(pending: deque[_Job], *, alone: bool, cause: str) -> None:
    """Mark the chunks that were out; retry, split or blame the one that crashed alone.

    A chunk (or article) is suspected only when it killed a worker while running
    alone, and acted on only after :data:`SOLO_CRASHES` such deaths: one stray kill of
    a worker never blames the article it was running.
    """
    if not alone:
        for job in pending:
            if job.future is not None:
                job.crashes += 1
                job.future = None
        return
    head = pending[0]
    head.future = None
    head.crashes += 1
    head.solo += 1
    if head.solo < SOLO_CRASHES:
        return  # run it alone once more
    pending.popleft()
    if len(head.items) > 1:  # find the article: one at a time
        singles = [_Job([sent], crashes=1) for sent in head.items]
        if head.ready:
            singles.append(_Job([], ready=dict(head.ready), crashes=1))
        for job in sorted(singles, key=_first_index, reverse=True):
            pending.appendleft(job)
        return
    (sent,) = head.items
    failure = Failure(
        index=sent.index,
        id=_opt_str(sent.context.get("id")),
        error="ExtractionError",
        message=f"{WORKER_CRASHED} ({cause}, {SOLO_CRASHES} times)",
    )
    pending.appendleft(_Job([], ready={**head.ready, sent.index: failure}))


def _first_index(job: _Job) -> int:
    return min([s.index for s in job.items] + list(job.ready))


def _apply(outputs: Iterator[Any], on_error: OnError) -> Iterator[Any]:
    try:
        for output in outputs:
            if not isinstance(output, Failure):
                yield output
            elif on_error == "record":
                yield output
            elif on_error == "raise":
                raise output.to_exception()
    finally:
        close = getattr(outputs, "close", None)
        if close is not None:  # shut the pool down now, not when garbage is collected
            close()


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def flat_record(result: Any, *, key: str | None = None, record: bool = True) -> dict[str, Any]:
    """Return the ``articles`` table row (:mod:`beritakit.tables`) of a record or a failure.

    Args:
        result: The :class:`~beritakit.record.Article`, or the :class:`Failure` in its place.
        key: The ``article_id`` that links the tables; defaults to the record's ``id``.
        record: Keep the whole record as JSON in the ``record`` column.
    """
    if isinstance(result, Failure):
        return failure_row(
            key if key is not None else result.id,
            id=result.id,
            error=result.error,
            message=result.message,
        )
    return article_row(result, key if key is not None else result.id, record=record)
