"""Many articles on all cores: worker processes that load the pipeline once, results in input order.

:func:`pipe` is what ``beritakit.pipe(..., n_process=N)`` runs. The design:

- Workers are started with ``spawn`` (safe on every platform and after threads);
  each builds its :class:`~beritakit.pipeline.Pipeline` once, in the pool initializer.
- The parent reads the input lazily and sends it in chunks of ``batch_size``
  articles; a worker runs one chunk through ``Pipeline.pipe`` (one spaCy
  ``nlp.pipe`` batch) and sends back the records.
- Order is kept by waiting on the chunks first in, first out; at most
  ``max_in_flight`` chunks are out at once, so memory stays flat however long
  the input.
- From its second chunk on, a worker runs each chunk inside a spaCy memory zone,
  so the strings and lexemes of the chunk are freed afterwards (otherwise the
  vocabulary grows with every new word form the archive holds).
- A failing article never stops the run: workers always record failures and the
  parent applies ``on_error``. If a worker process dies (a crash in native code,
  the OOM killer), the pool is restarted and the chunks that were out are run
  again one at a time; the chunk that kills a worker on its own is split, and the
  article that does so alone comes back as a :class:`~beritakit.pipeline.Failure`.

:func:`flat_record` and :func:`tables` turn a record into flat rows (for Parquet,
pandas, Dask, Spark).
"""

from __future__ import annotations

import functools
import itertools
import json
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, TypeVar

from beritakit import errors
from beritakit.errors import BeritakitError, ConfigError, ExtractionError, InputError
from beritakit.inputs import coerce_text
from beritakit.pipeline import Failure, OnError, Options, Pipeline, _item
from beritakit.record import Article

__all__ = [
    "ARTICLE_COLUMNS",
    "Loader",
    "TABLE_COLUMNS",
    "flat_record",
    "pipe",
    "resolve_n_process",
    "run",
    "run_shared",
    "tables",
]

T = TypeVar("T")
Loader = Callable[[], Pipeline]
"""A picklable function that builds the pipeline in each worker."""

WORKER_CRASHED = "the worker process died while extracting this article"
_TEXT_TYPES = (str, bytes)


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
    crashes: int = 0


# -- worker side -------------------------------------------------------------------


class _Runner:
    """A pipeline plus the memory-zone bookkeeping; one per worker process."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        if _needs_doc(pipeline):  # load spaCy now: a missing model fails the run, not each article
            pipeline.nlp  # noqa: B018

    def run(self, items: list[_Sent], transform: Callable[[Article], Any]) -> list[Any]:
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

    def _one(self, sent: _Sent) -> Article | Failure:
        try:
            (result,) = self.pipeline.pipe([(sent.text, sent.context)], on_error="record")
            return result
        except Exception as exc:
            return Failure.of(exc, index=0, id=_opt_str(sent.context.get("id")))


def _needs_doc(pipeline: Pipeline) -> bool:
    """Whether the pipeline runs spaCy (a pipeline without doc-stage readers never does)."""
    return bool(getattr(pipeline, "_needs_doc", True))


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


def _init_worker(loader: Loader) -> None:
    """Pool initializer: build this worker's pipeline once."""
    global _RUNNER, _INIT_ERROR
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    try:
        _RUNNER = _Runner(loader())
    except BaseException as exc:  # reported with the first job, in the parent
        _INIT_ERROR = exc


def _ping() -> int:
    if _INIT_ERROR is not None:
        raise _INIT_ERROR
    time.sleep(0.02)  # let a worker still loading take the next ping
    return os.getpid()


def _work(items: list[_Sent], transform: Callable[[Article], Any]) -> list[Any]:
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


def _identity(article: Article) -> Article:
    return article


def pipe(
    items: Iterable[object],
    *,
    n_process: int = 1,
    batch_size: int = 32,
    on_error: OnError = "raise",
    options: Options | None = None,
    loader: Loader | None = None,
    max_in_flight: int | None = None,
) -> Iterator[Article | Failure]:
    """Extract records from many articles on ``n_process`` processes, in input order.

    Args:
        items: Texts, ``(text, context)`` pairs or mappings with ``text`` (and
            ``published``, ``url``, ``id``).
        n_process: Worker processes; ``1`` runs in this process, ``-1`` uses every CPU.
        batch_size: Articles per chunk sent to a worker (and per spaCy batch).
        on_error: ``"raise"``, ``"skip"`` or ``"record"`` (yield a :class:`Failure`).
        options: Pipeline options each worker builds its pipeline from.
        loader: Instead of ``options``, a picklable function that builds the pipeline.
        max_in_flight: Chunks out at once (default ``2 * n_process``); bounds memory.

    Raises:
        ConfigError: A bad ``n_process``, or the pipeline cannot be built.
        InputError: A bad ``on_error``.
        BeritakitError: With ``on_error="raise"``, the first article that failed.
    """
    return run(
        items,
        _identity,
        n_process=n_process,
        batch_size=batch_size,
        on_error=on_error,
        options=options,
        loader=loader,
        max_in_flight=max_in_flight,
    )


def run(
    items: Iterable[object],
    transform: Callable[[Article], T],
    *,
    n_process: int = 1,
    batch_size: int = 32,
    on_error: OnError = "raise",
    options: Options | None = None,
    loader: Loader | None = None,
    max_in_flight: int | None = None,
) -> Iterator[T | Failure]:
    """Like :func:`pipe`, but yield ``transform(article)``, computed in the worker.

    ``transform`` must be picklable (a module-level function) when ``n_process``
    is above 1. Serialising in the worker (``Article.model_dump_json``,
    :func:`flat_record`) keeps that work off the parent process.
    """
    if on_error not in ("raise", "skip", "record"):
        raise InputError(f"on_error must be 'raise', 'skip' or 'record', got {on_error!r}")
    workers = resolve_n_process(n_process)
    if loader is None:
        loader = functools.partial(Pipeline, options)
    jobs = _jobs(items, max(1, batch_size))
    if workers == 1:
        outputs = _run_here(jobs, loader, transform)
    else:
        in_flight = max_in_flight if max_in_flight is not None else 2 * workers
        outputs = _run_pool(jobs, loader, transform, workers, max(1, in_flight))
    return _apply(outputs, on_error)


def _jobs(items: Iterable[object], size: int) -> Iterator[_Job]:
    counter = itertools.count()
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        job = _Job([])
        for value in chunk:
            index = next(counter)
            item = _item(value)
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
    jobs: Iterator[_Job], loader: Loader, transform: Callable[[Article], Any]
) -> Iterator[Any]:
    runner: _Runner | None = None
    for job in jobs:
        if job.items and runner is None:
            runner = _Runner(loader())
        results = runner.run(job.items, transform) if runner is not None and job.items else []
        yield from _merge(job, results)


_SHARED: dict[Options | None, _Runner] = {}
_SHARED_LOCK = threading.Lock()


def run_shared(
    items: Iterable[object],
    transform: Callable[[Article], T],
    *,
    options: Options | None = None,
    batch_size: int = 32,
    on_error: OnError = "record",
) -> list[T | Failure]:
    """Run in this process on a pipeline built once per process and per ``options``.

    For engines that call a function per partition in long-lived worker processes
    (Dask, Spark): the first call builds the pipeline, later calls reuse it. Calls
    from several threads take turns (extraction holds the GIL anyway).
    """
    if on_error not in ("raise", "skip", "record"):
        raise InputError(f"on_error must be 'raise', 'skip' or 'record', got {on_error!r}")
    with _SHARED_LOCK:
        runner = _SHARED.get(options)
        if runner is None:
            runner = _SHARED[options] = _Runner(Pipeline(options))
        outputs: list[Any] = []
        for job in _jobs(items, max(1, batch_size)):
            results = runner.run(job.items, transform) if job.items else []
            outputs.extend(_merge(job, results))
    return list(_apply(iter(outputs), on_error))


def _run_pool(
    jobs: Iterator[_Job],
    loader: Loader,
    transform: Callable[[Article], Any],
    workers: int,
    max_in_flight: int,
) -> Iterator[Any]:
    context = multiprocessing.get_context("spawn")

    def start() -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(loader,)
        )
        try:  # a pool that cannot start must fail loudly, not look like crashing articles
            # Submitting `workers` pings at once makes the pool spawn every process
            # (it spawns only while none is idle); go on until each has answered,
            # that is, has built its pipeline.
            ready: set[int] = set()
            while len(ready) < workers:
                ready.update(f.result() for f in [pool.submit(_ping) for _ in range(workers)])
        except BrokenProcessPool as exc:
            pool.shutdown(wait=True, cancel_futures=True)
            raise RuntimeError(
                "beritakit worker processes could not start. Scripts that use "
                "n_process > 1 must guard their entry point with "
                "`if __name__ == '__main__':` (workers are spawned and import the main module)"
            ) from exc
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        return pool

    executor = start()
    pending: deque[_Job] = deque()
    exhausted = False
    try:
        while True:
            careful = any(job.crashes for job in pending)
            if careful:  # after a crash: one chunk at a time until the culprit is found
                head = pending[0]
                if head.future is None and head.items:
                    head.future = executor.submit(_work, head.items, transform)
            else:
                while not exhausted and len(pending) < max_in_flight:
                    job = next(jobs, None)
                    if job is None:
                        exhausted = True
                        break
                    if job.items:
                        job.future = executor.submit(_work, job.items, transform)
                    pending.append(job)
            if not pending:
                return
            head = pending[0]
            if head.future is None:  # every article failed in the parent
                pending.popleft()
                yield from _merge(head, [])
                continue
            try:
                results = head.future.result()
            except BrokenProcessPool:
                executor.shutdown(wait=True, cancel_futures=True)
                executor = start()
                _after_crash(pending, alone=careful)
                continue
            pending.popleft()
            yield from _merge(head, results)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _after_crash(pending: deque[_Job], *, alone: bool) -> None:
    """Mark the chunks that were out; split or fail the one that crashed alone."""
    if not alone:
        for job in pending:
            if job.future is not None:
                job.crashes += 1
                job.future = None
        return
    head = pending.popleft()
    head.future = None
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
        message=WORKER_CRASHED,
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
                raise _exception(output)
    finally:
        close = getattr(outputs, "close", None)
        if close is not None:  # shut the pool down now, not when garbage is collected
            close()


def _exception(failure: Failure) -> BeritakitError:
    """Rebuild, in the parent, the exception a worker recorded."""
    cls = getattr(errors, failure.error, None)
    if failure.extractor is not None or cls is ExtractionError:
        extractor = failure.extractor or "worker"
        prefix = f"{extractor} (document {failure.index}): "
        return ExtractionError(
            failure.message.removeprefix(prefix), extractor=extractor, index=failure.index
        )
    if isinstance(cls, type) and issubclass(cls, BeritakitError):
        return cls(failure.message)
    return ExtractionError(
        f"{failure.error}: {failure.message}", extractor="pipeline", index=failure.index
    )


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


# -- flat rows -----------------------------------------------------------------------

ARTICLE_COLUMNS: dict[str, str] = {
    "article": "string",
    "id": "string",
    "url": "string",
    "language": "string",
    "language_score": "float64",
    "published": "string",
    "dateline_city": "string",
    "dateline_outlet": "string",
    "dateline_outlet_domain": "string",
    "dateline_date": "string",
    "credits": "string",
    "n_credits": "int64",
    "n_people": "int64",
    "n_organizations": "int64",
    "n_places": "int64",
    "n_dates": "int64",
    "n_quotes": "int64",
    "n_warnings": "int64",
    "chars": "int64",
    "error": "string",
    "message": "string",
    "record": "string",
}
"""Columns of the one-row-per-article table and their pandas dtypes."""

TABLE_COLUMNS: dict[str, dict[str, str]] = {
    "entities": {
        "article": "string",
        "kind": "string",
        "name": "string",
        "detail": "string",
        "mentions": "int64",
        "start": "int64",
        "end": "int64",
    },
    "dates": {
        "article": "string",
        "text": "string",
        "start": "int64",
        "end": "int64",
        "date_start": "string",
        "date_end": "string",
        "granularity": "string",
        "kind": "string",
    },
    "credits": {
        "article": "string",
        "role": "string",
        "name": "string",
        "start": "int64",
        "end": "int64",
    },
    "quotes": {
        "article": "string",
        "speaker": "string",
        "kind": "string",
        "text": "string",
        "cue": "string",
        "start": "int64",
        "end": "int64",
    },
}
"""Columns of the tidy tables (one row per entity, date, credit, quote) and their dtypes."""


def flat_record(
    result: Article | Failure, *, key: str | None = None, record: bool = True
) -> dict[str, Any]:
    """Return one flat row (the :data:`ARTICLE_COLUMNS`) for an article or a failure.

    Args:
        result: The record, or the failure in its place.
        key: The value of the ``article`` column that links the tidy tables;
            defaults to the record's ``id``.
        record: Keep the whole record as JSON in the ``record`` column.
    """
    row: dict[str, Any] = dict.fromkeys(ARTICLE_COLUMNS)
    row["article"] = key if key is not None else result.id
    row["id"] = result.id
    if isinstance(result, Failure):
        row.update(error=result.error, message=result.message)
        for name, dtype in ARTICLE_COLUMNS.items():
            if dtype == "int64":
                row[name] = 0
        row["language_score"] = 0.0
        return row
    dl = result.dateline
    row.update(
        url=result.url,
        language=result.language,
        language_score=result.language_score,
        published=_iso(result.published),
        dateline_city=dl.city if dl else None,
        dateline_outlet=dl.outlet if dl else None,
        dateline_outlet_domain=dl.outlet_domain if dl else None,
        dateline_date=_iso(dl.date) if dl else None,
        credits="; ".join(f"{c.role}: {c.name}" for c in result.credits) or None,
        n_credits=len(result.credits),
        n_people=len(result.people),
        n_organizations=len(result.organizations),
        n_places=len(result.places),
        n_dates=len(result.dates),
        n_quotes=len(result.quotes),
        n_warnings=len(result.warnings),
        chars=len(result.text),
        record=result.model_dump_json() if record else None,
    )
    return row


def tables(article: Article, *, key: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Return the tidy rows of one article: ``entities``, ``dates``, ``credits``, ``quotes``.

    Args:
        article: The record.
        key: The ``article`` column value; defaults to the record's ``id``.
    """
    k = key if key is not None else article.id
    entities: list[dict[str, Any]] = []
    for kind, things in (
        ("person", article.people),
        ("organization", article.organizations),
        ("place", article.places),
    ):
        for thing in things:
            first = thing.mentions[0] if thing.mentions else None
            entities.append(
                {
                    "article": k,
                    "kind": kind,
                    "name": thing.name,
                    "detail": _detail(thing),
                    "mentions": len(thing.mentions),
                    "start": first.start if first else -1,
                    "end": first.end if first else -1,
                }
            )
    dates = [
        {
            "article": k,
            "text": d.text,
            "start": d.span.start,
            "end": d.span.end,
            "date_start": d.start.isoformat(),
            "date_end": d.end.isoformat(),
            "granularity": d.granularity,
            "kind": d.kind,
        }
        for d in article.dates
    ]
    credits = [
        {"article": k, "role": c.role, "name": c.name, "start": c.span.start, "end": c.span.end}
        for c in article.credits
    ]
    quotes = [
        {
            "article": k,
            "speaker": q.speaker,
            "kind": q.kind,
            "text": q.text,
            "cue": q.cue,
            "start": q.span.start,
            "end": q.span.end,
        }
        for q in article.quotes
    ]
    return {"entities": entities, "dates": dates, "credits": credits, "quotes": quotes}


def _detail(thing: object) -> str | None:
    """The one extra fact of an entity: a place's kind/code, an organisation's acronym."""
    data = thing.model_dump(mode="json", exclude={"name", "mentions"})  # type: ignore[attr-defined]
    kept = {k: v for k, v in data.items() if v not in (None, (), [], "other", 0)}
    return json.dumps(kept, ensure_ascii=False, sort_keys=True) if kept else None


def _iso(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())
