"""The run loop of ``beritakit extract``: inputs through the pipeline to the output, in order.

It reads records lazily (:mod:`beritakit.cli.readers`), sends them through
:func:`beritakit.batch.run` (in this process or in worker processes), writes each result
as it comes (:mod:`beritakit.cli.sinks`) and keeps the counts the summary prints.
"""

from __future__ import annotations

import argparse
import collections
import functools
import itertools
import json
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import IO, Any

from beritakit import batch
from beritakit.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    PARQUET_SUFFIXES,
    say,
)
from beritakit.cli.readers import Fields, Reader, Record
from beritakit.cli.sinks import JsonlSink, ParquetSink, done_jsonl, done_parquet, table_rows
from beritakit.items import Failure
from beritakit.pipeline import Options, Pipeline
from beritakit.record import Article

__all__ = ["Stats", "extract"]

_SHOWN_DUPLICATES = 10  # duplicate ids named on standard error; the summary counts them all


class Stats:
    """Counts for the summary line."""

    def __init__(self) -> None:
        self.written = 0
        self.failed = 0
        self.skipped = 0
        self.duplicates = 0
        self.errors: collections.Counter[str] = collections.Counter()
        self.started = time.perf_counter()
        self.first: float | None = None  # when the first record came: the pipeline was loaded

    def result(self) -> None:
        """Note that a result came back (the first one ends the start-up)."""
        if self.first is None:
            self.first = time.perf_counter()

    def fail(self, rid: str, kind: str, message: str) -> None:
        """Count one failure and report it on standard error."""
        self.failed += 1
        self.errors[kind] += 1
        say(f"{rid}: {message}")

    def duplicate(self, rid: str) -> None:
        """Count an id read before; name the first few on standard error."""
        self.duplicates += 1
        if self.duplicates <= _SHOWN_DUPLICATES:
            say(f"{rid}: duplicate id (an earlier input has it); its record is written again")
        elif self.duplicates == _SHOWN_DUPLICATES + 1:
            say("more duplicate ids; the summary counts them")

    def summary(self, interrupted: bool) -> str:
        """The summary line(s); the rate counts only the records extracted."""
        seconds = time.perf_counter() - self.started
        rate = self.written / seconds if seconds > 0 else 0.0
        parts = [f"{self.written} extracted", f"{self.failed} failed"]
        if self.skipped:
            parts.append(f"{self.skipped} already in the output")
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate ids")
        line = f"beritakit: {', '.join(parts)} in {seconds:.1f} s ({rate:.1f} articles/s"
        if self.first is not None and self.written >= 10:
            start = self.first - self.started
            steady = (self.written - 1) / max(1e-9, seconds - start)
            line += f"; {steady:.1f}/s after {start:.1f} s of start-up"
        line += ")"
        if interrupted:
            line += " — interrupted; rerun with --resume to continue"
        if self.errors:
            kinds = ", ".join(f"{k} {n}" for k, n in self.errors.most_common())
            line += f"\nberitakit: failures: {kinds}"
        return line


class _Inputs:
    """The items sent to the pipeline, with the input position of each, in order.

    Skips the ids already in the output (``--resume``), fails the records that could
    not be read (reported, and written to ``--failures``), and counts duplicate ids.
    """

    def __init__(
        self, records: Iterable[Record], done: set[str], stats: Stats, failures: IO[str] | None
    ) -> None:
        self.records = records
        self.done = done
        self.stats = stats
        self.failures = failures
        self.positions: collections.deque[int] = collections.deque()
        self.seen: set[str] = set()

    def __iter__(self) -> Iterator[dict[str, object]]:
        for position, record in enumerate(self.records):
            if record.id in self.done:
                self.stats.skipped += 1
                continue
            if record.problem is not None:
                failure = Failure(
                    index=position, id=record.id, error="InputError", message=record.problem
                )
                self.report(failure, record.id, kind="unreadable", message=record.problem)
                continue
            if record.id in self.seen:
                self.stats.duplicate(record.id)
            self.seen.add(record.id)
            self.positions.append(position)
            yield {
                "text": record.text,
                "published": record.published,
                "url": record.url,
                "id": record.id,
            }

    def report(self, failure: Failure, rid: str, *, kind: str, message: str) -> None:
        """Count, print and keep (``--failures``) one failure."""
        self.stats.fail(rid, kind, message)
        if self.failures is not None:
            self.failures.write(failure.model_dump_json() + "\n")


class _Stop:
    """Ctrl-C or SIGTERM: stop after the record in hand, close the output, exit 130.

    Stopping is a flag the output loop reads, not an exception, so no record can be
    half-written; a second signal raises ``KeyboardInterrupt`` at once.
    """

    def __init__(self) -> None:
        self.requested = False
        self._previous: dict[int, Any] = {}
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self._previous[signum] = signal.signal(signum, self._handle)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        say("stopping after the articles in progress (again to stop at once)")

    def restore(self) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._previous.clear()


def _progress(args: argparse.Namespace) -> Any:
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def _output_format(args: argparse.Namespace) -> str:
    if args.format is not None:
        fmt: str = args.format
        return fmt
    if args.output and Path(args.output).suffix.lower() in PARQUET_SUFFIXES:
        return "parquet"
    return "jsonl"


def _usage_problem(args: argparse.Namespace, fmt: str) -> str | None:
    missing = [p for p in args.paths if p != "-" and not Path(p).exists()]
    if missing:
        return f"no such file or folder: {', '.join(missing)}"
    if fmt == "parquet" and not args.output:
        return "--format parquet needs -o FOLDER"
    if args.resume and (not args.output or fmt == "json"):
        return "--resume needs -o PATH and JSONL or Parquet output"
    if args.tables and fmt != "parquet":
        return "--tables needs Parquet output"
    return None


def _loader(args: argparse.Namespace) -> batch.Loader:
    chosen: dict[str, Any] = {}
    if args.extractors:
        chosen["extractors"] = tuple(n.strip() for n in args.extractors.split(","))
    if args.ner_model:
        chosen["ner_model"] = Path(args.ner_model)
    return functools.partial(Pipeline, Options(**chosen) if chosen else None)


def _json_line(article: Article) -> str:
    return article.model_dump_json()


def _to_dict(article: Article) -> dict[str, Any]:
    return article.to_dict()


def _transform(fmt: str, args: argparse.Namespace) -> Callable[[Article], Any]:
    if fmt == "parquet" and args.tables:
        return functools.partial(table_rows, record=not args.no_record)
    if fmt == "parquet":
        return functools.partial(batch.flat_record, record=not args.no_record)
    return _json_line if fmt == "jsonl" else _to_dict


def _reader(args: argparse.Namespace) -> Reader:
    fields = Fields(args.text_field, args.id_field, args.published_field, args.url_field)
    return Reader(fields, input_format=args.input_format, published=args.published, url=args.url)


def _sink(
    fmt: str, output: Path | None, args: argparse.Namespace
) -> JsonlSink | ParquetSink | None:
    if fmt == "parquet" and output is not None:
        return ParquetSink(
            output, resume=args.resume, rows_per_file=args.rows_per_file, all_tables=args.tables
        )
    if fmt == "jsonl":
        return JsonlSink(output, resume=args.resume)
    return None


def extract(args: argparse.Namespace) -> int:
    """Run ``beritakit extract``; returns the exit code."""
    fmt = _output_format(args)
    problem = _usage_problem(args, fmt)
    if problem is not None:
        say(problem)
        return EXIT_USAGE
    return _Run(args, fmt).execute()


class _Run:
    """One ``beritakit extract``: its output, its counts, and how it ended."""

    def __init__(self, args: argparse.Namespace, fmt: str) -> None:
        self.args = args
        self.fmt = fmt
        self.output = Path(args.output) if args.output else None
        self.stats = Stats()
        self.progress = _progress(args)
        self.sink: JsonlSink | ParquetSink | None = None
        self.failures: IO[str] | None = None
        self.collected: list[Any] = []
        self.interrupted = False
        self.aborted = False

    def execute(self) -> int:
        """Read, extract and write everything; returns the exit code."""
        args = self.args
        workers = batch.resolve_n_process(args.n_process)
        records = iter(_reader(args).read(args.paths))
        first = next(records, None)  # a wrong --text-field stops here, before workers start
        done = self._done()
        stop = _Stop()
        results: Iterator[Any] = iter(())
        try:
            self.sink = _sink(self.fmt, self.output, args)
            if args.failures:
                self.failures = open(args.failures, "a" if args.resume else "w", encoding="utf-8")  # noqa: SIM115
            chained = itertools.chain([first] if first is not None else [], records)
            inputs = _Inputs(chained, done, self.stats, self.failures)
            results = batch.run(
                inputs,
                _transform(self.fmt, args),
                loader=_loader(args),
                n_process=workers,
                batch_size=args.batch_size,
                on_error="record",
            )
            self._consume(results, inputs, stop)
        except KeyboardInterrupt:
            self.interrupted = True
        except batch.PoolError as exc:
            say(str(exc))
            self.aborted = True
        finally:
            stop.restore()
            self._close(results)
        return self._finish()

    def _done(self) -> set[str]:
        if not (self.args.resume and self.output is not None):
            return set()
        return done_parquet(self.output) if self.fmt == "parquet" else done_jsonl(self.output)

    def _consume(self, results: Iterator[Any], inputs: _Inputs, stop: _Stop) -> None:
        for result in results:
            self.stats.result()
            position = inputs.positions.popleft()
            if self.progress is not None:
                self.progress.update(1)
            if isinstance(result, Failure):
                inputs.report(
                    result.model_copy(update={"index": position}),
                    result.id or f"#{position}",
                    kind=result.error,
                    message=f"{result.error}: {result.message}",
                )
                continue
            self.stats.written += 1
            if self.sink is not None:
                self.sink.write(result)
            else:
                self.collected.append(result)
            if stop.requested:
                self.interrupted = True
                return
        if self.fmt == "json":
            _write_json(self.collected, self.output, array=self.args.array)

    def _close(self, results: Iterator[Any]) -> None:
        close = getattr(results, "close", None)
        if close is not None:  # stop the workers after the chunks they are running
            close()
        if self.progress is not None:
            self.progress.close()
        if self.sink is not None:
            self.sink.close()
        if self.failures is not None:
            self.failures.close()

    def _finish(self) -> int:
        stats = self.stats
        if self.interrupted:
            say(f"interrupted after {stats.written} articles")
        if self.args.summary or self.progress is not None or self.interrupted or self.aborted:
            print(stats.summary(self.interrupted), file=sys.stderr)
        if self.interrupted:
            return EXIT_INTERRUPTED
        return EXIT_FAILED if stats.failed or self.aborted else EXIT_OK


def _write_json(collected: list[Any], output: Path | None, *, array: bool) -> None:
    doc: object = collected[0] if len(collected) == 1 and not array else collected
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if output is not None:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
