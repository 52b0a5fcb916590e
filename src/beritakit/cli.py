"""Command line: ``beritakit extract PATH...`` and ``beritakit schema``.

Exit codes: 0 every article extracted; 1 at least one article failed (the others
were written); 2 usage error or an input path that cannot be read; 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from beritakit.errors import BeritakitError
from beritakit.pipeline import Pipeline
from beritakit.record import Article

__all__ = ["main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
_TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True, slots=True)
class _Record:
    """One input article, or one input that could not be read (``problem``)."""

    id: str
    text: object = None
    published: object = None
    url: str | None = None
    problem: str | None = None


def _from_mapping(obj: object, where: str, args: argparse.Namespace) -> _Record:
    if not isinstance(obj, dict):
        return _Record(where, problem=f"expected a JSON object, got {type(obj).__name__}")
    rid = obj.get(args.id_field)
    rid = where if rid is None else str(rid)
    if args.text_field not in obj:
        return _Record(rid, problem=f"no {args.text_field!r} field")
    return _Record(rid, obj[args.text_field], obj.get("published"), obj.get("url"))


def _read_jsonl(stream: IO[str], name: str, args: argparse.Namespace) -> Iterator[_Record]:
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


def _read_path(path: Path, args: argparse.Namespace) -> Iterator[_Record]:
    suffix = path.suffix.lower()
    if suffix in _JSONL_SUFFIXES:
        with path.open(encoding="utf-8", errors="replace") as stream:
            yield from _read_jsonl(stream, str(path), args)
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


def _records(paths: Sequence[str], args: argparse.Namespace) -> Iterator[_Record]:
    for raw in paths:
        if raw == "-":
            data = sys.stdin.buffer.read()
            head = data.lstrip()[:1]
            if args.input_format == "jsonl" or (args.input_format == "auto" and head == b"{"):
                text = data.decode("utf-8", errors="replace")
                yield from _read_jsonl(iter(text.splitlines(keepends=True)), "<stdin>", args)  # type: ignore[arg-type]
            else:
                yield _Record("<stdin>", data, args.published, args.url)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                suffix = child.suffix.lower()
                if child.is_file() and suffix in _TEXT_SUFFIXES | _JSONL_SUFFIXES | {".json"}:
                    yield from _read_path(child, args)
        else:
            yield from _read_path(path, args)


def _dump(article: Article, indent: int | None) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=indent)


def _extract(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if p != "-" and not Path(p).exists()]
    if missing:
        print(f"beritakit: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    from beritakit.api import load

    pipeline: Pipeline = load()
    out: IO[str] = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    failed = written = 0
    collected: list[dict[str, Any]] = []
    progress = _progress(args)
    try:
        for record in _records(args.paths, args):
            if progress is not None:
                progress.update(1)
            if record.problem is not None:
                failed += 1
                print(f"beritakit: {record.id}: {record.problem}", file=sys.stderr)
                continue
            try:
                result = pipeline(
                    record.text, published=record.published, url=record.url, id=record.id
                )
            except BeritakitError as exc:
                failed += 1
                print(f"beritakit: {record.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
                continue
            written += 1
            if args.format == "json":
                collected.append(result.to_dict())
            else:
                out.write(_dump(result, None) + "\n")
        if args.format == "json":
            doc: object = collected[0] if len(collected) == 1 and not args.array else collected
            out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    except KeyboardInterrupt:
        print(f"beritakit: interrupted after {written} articles", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if progress is not None:
            progress.close()
        if out is not sys.stdout:
            out.close()
    if args.summary or progress is not None:
        print(f"beritakit: {written} extracted, {failed} failed", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def _progress(args: argparse.Namespace) -> Any:
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(unit="article", file=sys.stderr, dynamic_ncols=True)


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
        help="extract records from text files, folders, JSON/JSONL files or - (stdin)",
        description="Text files (.txt, .html, …) are one article each; .jsonl files one per "
        "line; .json an object or an array; folders are searched recursively.",
    )
    ex.add_argument("paths", nargs="+", metavar="PATH")
    ex.add_argument("-o", "--output", help="write here instead of standard output")
    ex.add_argument(
        "-f",
        "--format",
        choices=("jsonl", "json"),
        default="jsonl",
        help="jsonl: one record a line, streamed (default); json: indented, "
        "an object for one article, else an array",
    )
    ex.add_argument("--array", action="store_true", help="with --format json: always an array")
    ex.add_argument("--text-field", default="text", help="JSON field holding the text")
    ex.add_argument("--id-field", default="id", help="JSON field holding the article id")
    ex.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help="how to read standard input (auto: JSONL when it starts with '{')",
    )
    ex.add_argument("--published", help="publication date (ISO) for text inputs")
    ex.add_argument("--url", help="URL for text inputs")
    ex.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on standard error (default: when it is a terminal)",
    )
    ex.add_argument("--summary", action="store_true", help="print counts at the end")
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
