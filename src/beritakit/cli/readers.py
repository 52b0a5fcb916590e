"""Reading the inputs of ``beritakit extract``: files, folders and standard input, streamed.

Every input becomes a :class:`Record`: an article (its text and what the input says
about it), or a ``problem`` naming why that line or row could not be read (malformed
JSON, invalid UTF-8, not an object). A problem is that record's failure; it never stops
the run. What does stop it, at the first record of a file, is a ``--text-field`` the
file does not have: :class:`~beritakit.errors.ConfigError` lists the fields it has.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import regex

from beritakit.cli.common import PARQUET_SUFFIXES, pyarrow
from beritakit.errors import ConfigError

__all__ = ["BOM", "KNOWN_SUFFIXES", "Fields", "Reader", "Record"]

BOM = b"\xef\xbb\xbf"
_TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_CSV_SUFFIXES = {".csv", ".tsv"}
KNOWN_SUFFIXES = _TEXT_SUFFIXES | _JSONL_SUFFIXES | _CSV_SUFFIXES | PARQUET_SUFFIXES | {".json"}
# bytes that were not UTF-8, as the "surrogateescape" error handler keeps them
_UNDECODED = regex.compile(r"[\udc80-\udcff]")


@dataclass(frozen=True, slots=True)
class Record:
    """One input article, or one input that could not be read (``problem``)."""

    id: str
    text: object = None
    published: object = None
    url: object = None
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Fields:
    """The names of the fields (columns) that hold the text, id, date and URL."""

    text: str = "text"
    id: str = "id"
    published: str = "published"
    url: str = "url"


class _Source:
    """One input file (or standard input): turns its objects into records.

    The first object of the source must have the text field; otherwise the
    ``--text-field`` is wrong for the whole file, and one error says so.
    """

    def __init__(self, fields: Fields) -> None:
        self.fields = fields
        self.checked = False

    def check(self, names: Iterable[object], where: str) -> None:
        """Raise :class:`ConfigError` unless the text field is among ``names``."""
        self.checked = True
        present = [str(n) for n in names]
        if self.fields.text not in present:
            listed = ", ".join(repr(n) for n in present[:40]) or "none"
            more = f" and {len(present) - 40} more" if len(present) > 40 else ""
            raise ConfigError(
                f"{where}: no {self.fields.text!r} field; fields present: {listed}{more} "
                "(name the text field with --text-field)"
            )

    def record(self, obj: object, where: str) -> Record:
        if not isinstance(obj, Mapping):
            return Record(where, problem=f"expected a JSON object, got {type(obj).__name__}")
        if not self.checked:
            self.check(obj.keys(), where)
        f = self.fields
        rid = obj.get(f.id)
        rid = where if rid is None else str(rid)
        if f.text not in obj:
            return Record(rid, problem=f"no {f.text!r} field")
        return Record(rid, obj[f.text], obj.get(f.published), obj.get(f.url))


def _json_problem(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"malformed JSON: {exc.msg} at column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "malformed JSON: nested too deeply"
    return f"malformed JSON: {exc}"


def _utf8_problem(raw: bytes, exc: UnicodeDecodeError) -> str:
    return f"not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte {exc.start + 1} of the line"


class Reader:
    """The records of the paths given on the command line, in order."""

    def __init__(
        self,
        fields: Fields,
        *,
        input_format: str = "auto",
        published: object = None,
        url: object = None,
        stdin: IO[bytes] | None = None,
    ) -> None:
        self.fields = fields
        self.input_format = input_format
        self.published = published
        self.url = url
        self.stdin = stdin

    def read(self, paths: Sequence[str]) -> Iterator[Record]:
        """Yield the records of every path (``-`` is standard input; folders recursively)."""
        for raw in paths:
            if raw == "-":
                yield from self._stdin()
                continue
            path = Path(raw)
            if path.is_dir():
                for child in sorted(path.rglob("*")):
                    if child.is_file() and child.suffix.lower() in KNOWN_SUFFIXES:
                        yield from self._path(child)
            else:
                yield from self._path(path)

    def _path(self, path: Path) -> Iterator[Record]:
        suffix = path.suffix.lower()
        try:
            if suffix in _JSONL_SUFFIXES:
                with path.open("rb") as stream:
                    yield from self.jsonl(stream, str(path))
            elif suffix in _CSV_SUFFIXES:
                yield from self._csv(path)
            elif suffix in PARQUET_SUFFIXES:
                yield from self._parquet(path)
            elif suffix == ".json":
                yield from self._json(path)
            else:
                yield Record(str(path), path.read_bytes(), self.published, self.url)
        except OSError as exc:
            yield Record(str(path), problem=f"cannot read the file: {exc.strerror or exc}")

    def jsonl(self, lines: Iterable[bytes], name: str) -> Iterator[Record]:
        """Records of JSON lines (bytes): a BOM on line 1 is skipped, bad lines are problems."""
        source = _Source(self.fields)
        for number, raw in enumerate(lines, 1):
            if number == 1:
                raw = raw.removeprefix(BOM)
            if not raw.strip():
                continue
            where = f"{name}:{number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield Record(where, problem=_utf8_problem(raw, exc))
                continue
            try:
                obj = json.loads(line)
            except (ValueError, RecursionError) as exc:  # ValueError: ints over 4,300 digits
                yield Record(where, problem=_json_problem(exc))
                continue
            yield source.record(obj, where)

    def _csv(self, path: Path) -> Iterator[Record]:
        """Rows of a CSV (or, for ``.tsv``, tab-separated) file with a header line."""
        csv.field_size_limit(2**31 - 1)  # articles are longer than the default 128 KiB limit
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        source = _Source(self.fields)
        with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as stream:
            rows = csv.DictReader(stream, delimiter=delimiter)
            if rows.fieldnames is not None:
                source.check(rows.fieldnames, f"{path}:1 (header)")
            for number, row in enumerate(rows, 1):
                where = f"{path}:{number}"
                values = [v for v in row.values() if isinstance(v, str)]
                if any(_UNDECODED.search(v) for v in values):
                    yield Record(where, problem="not valid UTF-8")
                    continue
                # an empty cell is a missing value, not an empty date or id
                clean = {k: (None if v == "" else v) for k, v in row.items() if k is not None}
                if clean.get(self.fields.text) is None and self.fields.text in row:
                    clean[self.fields.text] = ""
                yield source.record(clean, where)

    def _parquet(self, path: Path) -> Iterator[Record]:
        """Rows of a Parquet file, read a few thousand at a time."""
        pa = pyarrow()
        parquet = pa.parquet.ParquetFile(path)
        names = parquet.schema_arrow.names
        source = _Source(self.fields)
        source.check(names, f"{path} (columns)")
        f = self.fields
        columns = [c for c in dict.fromkeys([f.text, f.id, f.published, f.url]) if c in names]
        number = 0
        for chunk in parquet.iter_batches(batch_size=2048, columns=columns):
            for row in chunk.to_pylist():
                number += 1
                yield source.record(row, f"{path}:{number}")

    def _json(self, path: Path) -> Iterator[Record]:
        raw = path.read_bytes().removeprefix(BOM)
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield Record(str(path), problem=_utf8_problem(raw, exc))
            return
        except (ValueError, RecursionError) as exc:
            yield Record(str(path), problem=_json_problem(exc))
            return
        source = _Source(self.fields)
        if not isinstance(data, list):
            yield source.record(data, str(path))
            return
        for i, obj in enumerate(data):
            yield source.record(obj, f"{path}[{i}]")

    def _stdin(self) -> Iterator[Record]:
        """Standard input: JSONL streamed line by line, or one text."""
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        peek = getattr(stream, "peek", None)
        head = (peek(256) if peek is not None else b"").removeprefix(BOM).lstrip()[:1]
        if self.input_format == "jsonl" or (self.input_format == "auto" and head == b"{"):
            yield from self.jsonl(stream, "<stdin>")
            return
        data = stream.read()
        if self.input_format == "auto" and not head and data.removeprefix(BOM).lstrip()[:1] == b"{":
            yield from self.jsonl(data.splitlines(keepends=True), "<stdin>")
        else:
            yield Record("<stdin>", data, self.published, self.url)
