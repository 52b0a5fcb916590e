"""The command line's arguments: ``beritakit extract``, ``schema`` and ``serve``."""

from __future__ import annotations

import argparse

__all__ = ["build_parser"]


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``beritakit extract``, ``schema`` and ``serve``."""
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
        "--published-field",
        default="published",
        help="field (column) holding the publication date (default: %(default)s)",
    )
    ex.add_argument(
        "--url-field", default="url", help="field (column) holding the URL (default: %(default)s)"
    )
    ex.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help="how to read standard input (auto: JSONL when it starts with '{')",
    )
    ex.add_argument(
        "--published",
        help="publication date for text inputs: ISO, epoch, or as a page writes it "
        "('Selasa, 10 Juni 2025 08:52 WITA')",
    )
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
        help="also write each failure, unreadable input lines included, as a JSON line here "
        "(index: the input's position, id, error, message)",
    )
    ex.add_argument(
        "--rows-per-file",
        type=int,
        default=10_000,
        metavar="N",
        help="Parquet output: rows per part file (default: %(default)s)",
    )
    ex.add_argument(
        "--tables",
        action="store_true",
        help="Parquet output: write every table of beritakit.tables (articles, people, "
        "organizations, places, dates, credits, quotes, mentions), each in a sub-folder",
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
    sub.add_parser("schema", help="print the JSON Schema of the Article record")
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
    sv.add_argument(
        "--head-timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="time a client may take to send a request head; 408 after (default: 10)",
    )
    sv.add_argument(
        "--max-head",
        type=int,
        default=None,
        metavar="BYTES",
        help="largest request head (request line and headers); 431 above (default: 32768)",
    )
    sv.add_argument("--log-level", default="info", choices=("debug", "info", "warning", "error"))
    return parser
