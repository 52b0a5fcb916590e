"""Command line: ``beritakit extract PATH...``, ``beritakit schema`` and ``beritakit serve``.

Exit codes: 0 every article extracted; 1 at least one article failed (the others
were written); 2 usage error or an input path that cannot be read; 130 interrupted.
"""

from __future__ import annotations

import argparse
import collections
import csv
import functools
import io
import json
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import IO, Any

import regex

from beritakit.errors import BeritakitError, ConfigError
from beritakit.pipeline import Failure
from beritakit.record import Article

__all__ = ["main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
_TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_CSV_SUFFIXES = {".csv", ".tsv"}
_PARQUET_SUFFIXES = {".parquet", ".pq"}
_TABLE_HINT = "reading or writing Parquet needs pyarrow: pip install 'beritakit[parquet]'"
# the start of a record as Article.model_dump_json writes it: schema_version, then id
_ID_PREFIX = regex.compile(
    r'\{"schema_version":\s{0,4}\d{1,4},\s{0,4}"id":\s{0,4}("(?:[^"\\]|\\.){0,2000}"|null)'
)


@dataclass(frozen=True, slots=True)
class _Record:
    """One input article, or one input that could not be read (``problem``)."""

    id: str
    text: object = None
    published: object = None
    url: str | None = None
    problem: str | None = None


# -- reading ---------------------------------------------------------------------------


def _from_mapping(obj: object, where: str, args: argparse.Namespace) -> _Record:
    if not isinstance(obj, dict):
        return _Record(where, problem=f"expected a JSON object, got {type(obj).__name__}")
    rid = obj.get(args.id_field)
    rid = where if rid is None else str(rid)
    if args.text_field not in obj:
        return _Record(rid, problem=f"no {args.text_field!r} field")
    return _Record(rid, obj[args.text_field], obj.get("published"), obj.get("url"))


def _read_jsonl(stream: Iterator[str], name: str, args: argparse.Namespace) -> Iterator[_Record]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _Record(where, problem=f"malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        yield _from_mapping(obj, where, args)


def _read_csv(path: Path, args: argparse.Namespace) -> Iterator[_Record]:
    """Rows of a CSV (or, for ``.tsv``, tab-separated) file with a header line."""
    csv.field_size_limit(2**31 - 1)  # articles are longer than the default 128 KiB limit
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as stream:
        for number, row in enumerate(csv.DictReader(stream, delimiter=delimiter), 1):
            # an empty cell is a missing value, not an empty date or id
            clean = {k: (None if v == "" else v) for k, v in row.items() if k is not None}
            if clean.get(args.text_field) is None and args.text_field in row:
                clean[args.text_field] = ""
            yield _from_mapping(clean, f"{path}:{number}", args)


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise ConfigError(_TABLE_HINT) from exc
    return pyarrow


def _read_parquet(path: Path, args: argparse.Namespace) -> Iterator[_Record]:
    """Rows of a Parquet file, read a few thousand at a time."""
    pa = _pyarrow()
    source = pa.parquet.ParquetFile(path)
    wanted = [args.text_field, args.id_field, "published", "url"]
    columns = [c for c in dict.fromkeys(wanted) if c in source.schema_arrow.names]
    number = 0
    for chunk in source.iter_batches(batch_size=2048, columns=columns):
        for row in chunk.to_pylist():
            number += 1
            yield _from_mapping(row, f"{path}:{number}", args)


def _read_path(path: Path, args: argparse.Namespace) -> Iterator[_Record]:
    suffix = path.suffix.lower()
    if suffix in _JSONL_SUFFIXES:
        with path.open(encoding="utf-8", errors="replace") as stream:
            yield from _read_jsonl(stream, str(path), args)
    elif suffix in _CSV_SUFFIXES:
        yield from _read_csv(path, args)
    elif suffix in _PARQUET_SUFFIXES:
        yield from _read_parquet(path, args)
    elif suffix == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield _Record(str(path), problem=f"malformed JSON: {exc}")
            return
        items = data if isinstance(data, list) else [data]
        for i, obj in enumerate(items):
            yield _from_mapping(obj, f"{path}[{i}]" if isinstance(data, list) else str(path), args)
    else:
        yield _Record(str(path), path.read_bytes(), args.published, args.url)


def _read_stdin(args: argparse.Namespace) -> Iterator[_Record]:
    """Standard input: JSONL streamed line by line, or one text."""
    stream = sys.stdin.buffer
    peek = getattr(stream, "peek", None)
    head = (peek(256) if peek is not None else b"").lstrip()[:1]
    if args.input_format == "jsonl" or (args.input_format == "auto" and head == b"{"):
        text = io.TextIOWrapper(stream, encoding="utf-8", errors="replace")
        yield from _read_jsonl(text, "<stdin>", args)
        return
    data = stream.read()
    if args.input_format == "auto" and not head and data.lstrip()[:1] == b"{":
        text_data = data.decode("utf-8", errors="replace")
        yield from _read_jsonl(iter(text_data.splitlines(keepends=True)), "<stdin>", args)
    else:
        yield _Record("<stdin>", data, args.published, args.url)


def _records(paths: Sequence[str], args: argparse.Namespace) -> Iterator[_Record]:
    known = _TEXT_SUFFIXES | _JSONL_SUFFIXES | _CSV_SUFFIXES | _PARQUET_SUFFIXES | {".json"}
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(args)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in known:
                    yield from _read_path(child, args)
        else:
            yield from _read_path(path, args)


# -- writing ---------------------------------------------------------------------------


class _JsonlSink:
    """Records as JSON lines, to a file or standard output."""

    def __init__(self, path: Path | None, *, resume: bool) -> None:
        self._own = path is not None
        self._out: IO[str] = (
            path.open("a" if resume else "w", encoding="utf-8") if path is not None else sys.stdout
        )

    def write(self, line: str) -> None:
        self._out.write(line)
        self._out.write("\n")

    def close(self) -> None:
        if self._own:
            self._out.close()
        else:
            self._out.flush()


class _ParquetSink:
    """Flat records (``beritakit.batch.ARTICLE_COLUMNS``) as a folder of Parquet files.

    A file is written as ``.part-NNNNN.parquet.inprogress`` and renamed to
    ``part-NNNNN.parquet`` once complete, so the folder only ever shows readable
    files; an interrupted run loses at most the rows of the file it was writing.
    """

    def __init__(self, folder: Path, *, resume: bool, rows_per_file: int) -> None:
        from beritakit.batch import ARTICLE_COLUMNS

        pa = _pyarrow()
        self._pa = pa
        types = {"string": pa.string(), "float64": pa.float64(), "int64": pa.int64()}
        self._schema = pa.schema([(n, types[t]) for n, t in ARTICLE_COLUMNS.items()])
        folder.mkdir(parents=True, exist_ok=True)
        for leftover in folder.glob(".part-*.parquet.inprogress"):
            leftover.unlink()
        parts = sorted(folder.glob("part-*.parquet"))
        if not resume:
            for part in parts:
                part.unlink()
            parts = []
        self._folder = folder
        self._next = 1 + max((_part_number(p) for p in parts), default=-1)
        self._rows_per_file = max(1, rows_per_file)
        self._buffer: list[dict[str, Any]] = []
        self._writer: Any = None
        self._in_file = 0
        self._path: Path | None = None

    def write(self, row: dict[str, Any]) -> None:
        self._buffer.append(row)
        if len(self._buffer) >= min(2000, self._rows_per_file):
            self._flush()

    def _flush(self) -> None:
        while self._buffer:
            if self._writer is None:
                self._path = self._folder / f".part-{self._next:05d}.parquet.inprogress"
                self._writer = self._pa.parquet.ParquetWriter(self._path, self._schema)
                self._in_file = 0
            room = self._rows_per_file - self._in_file
            rows, self._buffer = self._buffer[:room], self._buffer[room:]
            self._writer.write_table(self._pa.Table.from_pylist(rows, schema=self._schema))
            self._in_file += len(rows)
            if self._in_file >= self._rows_per_file:
                self._finish()

    def _finish(self) -> None:
        if self._writer is None or self._path is None:
            return
        self._writer.close()
        self._path.rename(self._folder / f"part-{self._next:05d}.parquet")
        self._writer, self._path = None, None
        self._next += 1

    def close(self) -> None:
        self._flush()
        self._finish()


def _part_number(path: Path) -> int:
    try:
        return int(path.name.removeprefix("part-").split(".")[0])
    except ValueError:
        return -1


def _done_jsonl(path: Path) -> set[str]:
    """Ids already written to a JSONL output; a last line cut short is removed."""
    done: set[str] = set()
    if not path.exists():
        return done
    with path.open("rb+") as stream:
        kept = 0
        for line in stream:
            if not line.endswith(b"\n"):
                break
            kept += len(line)
            rid = _line_id(line)
            if rid is not None:
                done.add(rid)
        if kept < path.stat().st_size:
            stream.truncate(kept)
            print(f"beritakit: {path}: removed an incomplete last line", file=sys.stderr)
    return done


def _line_id(line: bytes) -> str | None:
    text = line.decode("utf-8", errors="replace")
    m = _ID_PREFIX.match(text)
    try:
        if m is not None:
            value = json.loads(m.group(1))
        else:
            value = json.loads(text).get("id")
    except (json.JSONDecodeError, AttributeError):
        return None
    return None if value is None else str(value)


def _done_parquet(folder: Path) -> set[str]:
    """Ids already written to a Parquet output folder."""
    pa = _pyarrow()
    done: set[str] = set()
    for part in sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []:
        column = pa.parquet.read_table(part, columns=["id"]).column("id")
        done.update(str(v) for v in column.to_pylist() if v is not None)
    return done


# -- the extract command ---------------------------------------------------------------


def _json_line(article: Article) -> str:
    return article.model_dump_json()


def _to_dict(article: Article) -> dict[str, Any]:
    return article.to_dict()


def _output_format(args: argparse.Namespace) -> str:
    if args.format is not None:
        fmt: str = args.format
        return fmt
    if args.output and Path(args.output).suffix.lower() in _PARQUET_SUFFIXES:
        return "parquet"
    return "jsonl"


class _Stats:
    """Counts for the summary line."""

    def __init__(self) -> None:
        self.written = 0
        self.failed = 0
        self.skipped = 0
        self.errors: collections.Counter[str] = collections.Counter()
        self.started = time.perf_counter()
        self.first: float | None = None  # when the first record came: the pipeline was loaded

    def result(self) -> None:
        if self.first is None:
            self.first = time.perf_counter()

    def fail(self, rid: str, kind: str, message: str) -> None:
        self.failed += 1
        self.errors[kind] += 1
        print(f"beritakit: {rid}: {message}", file=sys.stderr)

    def summary(self, interrupted: bool) -> str:
        seconds = time.perf_counter() - self.started
        done = self.written + self.failed
        rate = done / seconds if seconds > 0 else 0.0
        parts = [f"{self.written} extracted", f"{self.failed} failed"]
        if self.skipped:
            parts.append(f"{self.skipped} already in the output")
        line = f"beritakit: {', '.join(parts)} in {seconds:.1f} s ({rate:.1f} articles/s"
        if self.first is not None and done > 1:
            start = self.first - self.started
            steady = (done - 1) / max(1e-9, seconds - start)
            line += f"; {steady:.1f}/s after {start:.1f} s of start-up"
        line += ")"
        if interrupted:
            line += " — interrupted; rerun with --resume to continue"
        if self.errors:
            kinds = ", ".join(f"{k} {n}" for k, n in self.errors.most_common())
            line += f"\nberitakit: failures: {kinds}"
        return line


def _extract(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if p != "-" and not Path(p).exists()]
    if missing:
        print(f"beritakit: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    fmt = _output_format(args)
    if fmt == "parquet" and not args.output:
        print("beritakit: --format parquet needs -o FOLDER", file=sys.stderr)
        return EXIT_USAGE
    if args.resume and (not args.output or fmt == "json"):
        print("beritakit: --resume needs -o PATH and JSONL or Parquet output", file=sys.stderr)
        return EXIT_USAGE
    from beritakit import batch

    workers = batch.resolve_n_process(args.n_process)
    options = None
    if args.extractors or args.ner_model:
        from beritakit.pipeline import Options

        chosen: dict[str, Any] = {}
        if args.extractors:
            chosen["extractors"] = tuple(n.strip() for n in args.extractors.split(","))
        if args.ner_model:
            chosen["ner_model"] = Path(args.ner_model)
        options = Options(**chosen)
    output = Path(args.output) if args.output else None
    done: set[str] = set()
    if args.resume and output is not None:
        done = _done_parquet(output) if fmt == "parquet" else _done_jsonl(output)
    transform: Callable[[Article], Any]
    if fmt == "parquet":
        transform = functools.partial(batch.flat_record, record=not args.no_record)
    else:
        transform = _json_line if fmt == "jsonl" else _to_dict
    stats = _Stats()
    stats.skipped = 0

    def items() -> Iterator[dict[str, object]]:
        for record in _records(args.paths, args):
            if record.id in done:
                stats.skipped += 1
                continue
            if record.problem is not None:
                stats.fail(record.id, "unreadable", record.problem)
                continue
            yield {
                "text": record.text,
                "published": record.published,
                "url": record.url,
                "id": record.id,
            }

    sink: _JsonlSink | _ParquetSink | None = None
    failures: IO[str] | None = None
    collected: list[dict[str, Any]] = []
    progress = _progress(args)
    interrupted = False
    stop = _Stop()
    results: Iterator[Any] = iter(())
    try:
        if fmt == "parquet" and output is not None:
            sink = _ParquetSink(output, resume=args.resume, rows_per_file=args.rows_per_file)
        elif fmt == "jsonl":
            sink = _JsonlSink(output, resume=args.resume)
        if args.failures:
            failures = open(args.failures, "a" if args.resume else "w", encoding="utf-8")  # noqa: SIM115
        results = batch.run(
            items(),
            transform,
            n_process=workers,
            options=options,
            batch_size=args.batch_size,
            on_error="record",
        )
        for result in results:
            stats.result()
            if progress is not None:
                progress.update(1)
            if isinstance(result, Failure):
                stats.fail(
                    result.id or f"#{result.index}",
                    result.error,
                    f"{result.error}: {result.message}",
                )
                if failures is not None:
                    failures.write(result.model_dump_json() + "\n")
                continue
            stats.written += 1
            if sink is not None:
                sink.write(result)
            else:
                collected.append(result)
            if stop.requested:
                interrupted = True
                break
        if fmt == "json" and not interrupted:
            doc: object = collected[0] if len(collected) == 1 and not args.array else collected
            text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
            if output is not None:
                output.write_text(text, encoding="utf-8")
            else:
                sys.stdout.write(text)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        stop.restore()
        close = getattr(results, "close", None)
        if close is not None:  # stop the workers after the chunks they are running
            close()
        if progress is not None:
            progress.close()
        if sink is not None:
            sink.close()
        if failures is not None:
            failures.close()
    if interrupted:
        print(f"beritakit: interrupted after {stats.written} articles", file=sys.stderr)
    if args.summary or progress is not None or interrupted:
        print(stats.summary(interrupted), file=sys.stderr)
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if stats.failed else EXIT_OK


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
        print(
            "beritakit: stopping after the articles in progress (again to stop at once)",
            file=sys.stderr,
        )

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


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(Article.model_json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from beritakit.service import serve

    serve(
        host=args.host,
        port=args.port,
        workers=args.workers,
        max_body=args.max_body,
        max_batch=args.max_batch,
        timeout=args.timeout,
        threads=args.threads,
        log_level=args.log_level,
    )
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="beritakit", description="Extract records from Indonesian news articles."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser(
        "extract",
        help="extract records from text files, folders, JSONL/CSV/Parquet files or - (stdin)",
        description="Text files (.txt, .html, …) are one article each; .jsonl files one per "
        "line; .csv/.tsv one per row (with a header); .parquet one per row (needs "
        "beritakit[parquet]); .json an object or an array; folders are searched recursively. "
        "Input is streamed and the output written as it comes, in input order.",
    )
    ex.add_argument("paths", nargs="+", metavar="PATH")
    ex.add_argument(
        "-o",
        "--output",
        help="write here instead of standard output (for Parquet: a folder of part files)",
    )
    ex.add_argument(
        "-f",
        "--format",
        choices=("jsonl", "json", "parquet"),
        default=None,
        help="jsonl: one record a line, streamed (default); json: indented, an object for "
        "one article, else an array; parquet: flat rows, one per article, with the whole "
        "record as JSON in the 'record' column (default when -o ends in .parquet)",
    )
    ex.add_argument("--array", action="store_true", help="with --format json: always an array")
    ex.add_argument("--text-field", default="text", help="field (column) holding the text")
    ex.add_argument("--id-field", default="id", help="field (column) holding the article id")
    ex.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help="how to read standard input (auto: JSONL when it starts with '{')",
    )
    ex.add_argument("--published", help="publication date (ISO) for text inputs")
    ex.add_argument("--url", help="URL for text inputs")
    ex.add_argument(
        "-n",
        "--n-process",
        type=int,
        default=1,
        metavar="N",
        help="worker processes, each loading the pipeline once; -1: one per CPU "
        "(default: %(default)s)",
    )
    ex.add_argument(
        "--extractors",
        metavar="NAMES",
        help="comma-separated extractors to run, e.g. dateline.v1,credits.v1 "
        "(default: all; see beritakit.registry)",
    )
    ex.add_argument(
        "--ner-model",
        metavar="FOLDER",
        help="a spaCy NER pipeline folder to use instead of the shipped model",
    )
    ex.add_argument(
        "--batch-size",
        type=int,
        default=32,
        metavar="N",
        help="articles per spaCy batch and per chunk sent to a worker (default: %(default)s)",
    )
    ex.add_argument(
        "--resume",
        action="store_true",
        help="keep the records already in the -o output and extract only the ids not there "
        "yet (an interrupted run continues where it stopped; failed ids are tried again)",
    )
    ex.add_argument(
        "--failures",
        metavar="PATH",
        help="also write each failure as a JSON line here (index, id, error, message)",
    )
    ex.add_argument(
        "--rows-per-file",
        type=int,
        default=10_000,
        metavar="N",
        help="Parquet output: rows per part file (default: %(default)s)",
    )
    ex.add_argument(
        "--no-record",
        action="store_true",
        help="Parquet output: leave out the 'record' column (the whole record as JSON)",
    )
    ex.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar with articles/s on standard error (default: when it is a terminal)",
    )
    ex.add_argument(
        "--summary",
        action="store_true",
        help="print counts, failures by kind and throughput at the end",
    )
    ex.set_defaults(func=_extract)
    sc = sub.add_parser("schema", help="print the JSON Schema of the Article record")
    sc.set_defaults(func=_schema)
    sv = sub.add_parser(
        "serve",
        help="serve the pipeline over HTTP (needs beritakit[server])",
        description="POST /v1/extract, /v1/extract/batch, /v1/extract/html; GET /v1/schema, "
        "/healthz, /readyz; OpenAPI at /docs. Logs are JSON lines on standard error.",
    )
    sv.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s)"
    )
    sv.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    sv.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes, each loads the pipeline once (default: %(default)s)",
    )
    sv.add_argument(
        "--max-body",
        type=int,
        default=2_000_000,
        metavar="BYTES",
        help="largest request body; larger gets 413 (default: %(default)s)",
    )
    sv.add_argument(
        "--max-batch",
        type=int,
        default=64,
        metavar="N",
        help="most articles in one batch request (default: %(default)s)",
    )
    sv.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="time a request may take; 504 after (default: %(default)s)",
    )
    sv.add_argument(
        "--threads",
        type=int,
        default=1,
        help="extraction threads per worker (default: %(default)s)",
    )
    sv.add_argument("--log-level", default="info", choices=("debug", "info", "warning", "error"))
    sv.set_defaults(func=_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except BeritakitError as exc:
        print(f"beritakit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    return code


if __name__ == "__main__":
    sys.exit(main())
