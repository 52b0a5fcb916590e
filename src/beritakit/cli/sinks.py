"""Writing the output of ``beritakit extract``: JSON lines, or Parquet tables; and ``--resume``.

The Parquet output holds the tables of :mod:`beritakit.tables` (the ones
``beritakit.to_frame`` and :mod:`beritakit.dask` give): by default the ``articles``
table alone as a folder of part files, with ``--tables`` every table in a sub-folder
of its own (``articles/``, ``people/``, …), their part files cut at the same articles.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Any

import regex

from beritakit import tables
from beritakit.cli.common import pyarrow, say

__all__ = ["JsonlSink", "ParquetSink", "done_jsonl", "done_parquet", "table_rows"]

# the start of a record as Article.model_dump_json writes it: schema_version, then id
_ID_PREFIX = regex.compile(
    rb'\{"schema_version":\s{0,4}\d{1,4},\s{0,4}"id":\s{0,4}("(?:[^"\\]|\\.){0,2000}"|null)'
)


def table_rows(article: Any, *, record: bool = True) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows of one record, keyed by its id (the transform of ``--tables``)."""
    return tables.rows(article, article.id, record=record)


class JsonlSink:
    """Records as JSON lines, to a file or standard output."""

    def __init__(self, path: Path | None, *, resume: bool) -> None:
        self._own = path is not None
        self._out: IO[str] = (
            path.open("a" if resume else "w", encoding="utf-8") if path is not None else sys.stdout
        )

    def write(self, line: Any) -> None:
        """Write one record, serialised (``Article.model_dump_json``)."""
        self._out.write(line)
        self._out.write("\n")

    def close(self) -> None:
        """Close the file (or flush standard output)."""
        if self._own:
            self._out.close()
        else:
            self._out.flush()


class _Part:
    """The part file of one table being written, under a hidden name until complete."""

    def __init__(self, folder: Path, table: str, pa: Any) -> None:
        self.folder = folder
        self.table = table
        self.pa = pa
        self.schema = tables.arrow_schema(table, pa)
        self.writer: Any = None
        self.path: Path | None = None

    def write(self, rows: list[dict[str, Any]], number: int) -> None:
        if self.writer is None:
            self.path = self.folder / f".part-{number:05d}.parquet.inprogress"
            self.writer = self.pa.parquet.ParquetWriter(self.path, self.schema)
        self.writer.write_table(tables.arrow_table(self.table, rows, self.pa))

    def finish(self, number: int) -> None:
        if self.writer is None:  # no row in this part: still write it, so parts line up
            self.write([], number)
        assert self.path is not None
        self.writer.close()
        self.path.rename(self.folder / f"part-{number:05d}.parquet")
        self.writer, self.path = None, None


class ParquetSink:
    """Tables as folders of Parquet part files (``part-00000.parquet``, …).

    A part is written as ``.part-NNNNN.parquet.inprogress`` and renamed once complete,
    so a folder only ever shows readable files; an interrupted run loses at most the
    rows of the parts it was writing (``--resume`` extracts them again).
    """

    def __init__(
        self, folder: Path, *, resume: bool, rows_per_file: int, all_tables: bool = False
    ) -> None:
        pa = pyarrow()
        names = tables.TABLES if all_tables else ("articles",)
        self._all = all_tables
        self._parts: dict[str, _Part] = {}
        numbers: list[int] = []
        for name in names:
            where = folder / name if all_tables else folder
            where.mkdir(parents=True, exist_ok=True)
            for leftover in where.glob(".part-*.parquet.inprogress"):
                leftover.unlink()
            done = sorted(where.glob("part-*.parquet"))
            if not resume:
                for part in done:
                    part.unlink()
                done = []
            numbers += [_part_number(p) for p in done]
            self._parts[name] = _Part(where, name, pa)
        self._next = 1 + max(numbers, default=-1)
        self._rows_per_file = max(1, rows_per_file)
        self._buffer: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
        self._articles = 0  # in the current part, written or buffered

    def write(self, item: Any) -> None:
        """Add one article: its ``articles`` row, or (``--tables``) every table's rows."""
        found = item if self._all else {"articles": [item]}
        for name, rows in found.items():
            self._buffer[name].extend(rows)
        self._articles += 1
        if self._articles >= self._rows_per_file:
            self._flush()
            self._finish()
        elif len(self._buffer["articles"]) >= 2000:
            self._flush()

    def _flush(self) -> None:
        for name, rows in self._buffer.items():
            if rows:
                self._parts[name].write(rows, self._next)
                self._buffer[name] = []

    def _finish(self) -> None:
        for part in self._parts.values():
            part.finish(self._next)
        self._next += 1
        self._articles = 0

    def close(self) -> None:
        """Write what is buffered and complete the parts being written."""
        self._flush()
        if self._articles:
            self._finish()


def _part_number(path: Path) -> int:
    try:
        return int(path.name.removeprefix("part-").split(".")[0])
    except ValueError:
        return -1


def _record_id(line: bytes) -> tuple[bool, str | None]:
    """Whether a JSONL line is a record, and its id (read from the start when possible)."""
    m = _ID_PREFIX.match(line)
    try:
        if m is not None:
            value = json.loads(m.group(1))
        else:
            obj = json.loads(line)
            if not isinstance(obj, dict) or "schema_version" not in obj:
                return False, None
            value = obj.get("id")
    except (ValueError, RecursionError):
        return False, None
    return True, None if value is None else str(value)


def _whole(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def done_jsonl(path: Path) -> set[str]:
    """Ids already written to a JSONL output.

    Whatever follows the last complete record (a line cut short by a kill, bytes that
    are not a record) is removed; a line in the middle that is not a record is left
    as it is, with a warning.
    """
    done: set[str] = set()
    if not path.exists():
        return done
    with path.open("rb+") as stream:
        offset = good_end = last_start = 0
        last_id: str | None = None
        suspect = bad = 0
        for line in stream:
            start, offset = offset, offset + len(line)
            if not line.strip():
                continue
            ok, rid = _record_id(line) if line.endswith(b"\n") else (False, None)
            if not ok:
                suspect += 1
                continue
            bad, suspect = bad + suspect, 0
            if rid is not None:
                done.add(rid)
            good_end, last_start, last_id = offset, start, rid
        if good_end and not _whole(_read_at(stream, last_start, good_end)):
            good_end = last_start  # the last record was cut or spoiled inside
            if last_id is not None:
                done.discard(last_id)
        if good_end < offset:
            stream.truncate(good_end)
            say(f"{path}: removed an incomplete last line ({offset - good_end} bytes)")
    if bad:
        say(f"{path}: {bad} lines are not records; left as they are")
    return done


def _read_at(stream: IO[bytes], start: int, end: int) -> bytes:
    stream.seek(start)
    return stream.read(end - start)


def done_parquet(folder: Path) -> set[str]:
    """Ids already written to a Parquet output folder (its ``articles`` table)."""
    pa = pyarrow()
    done: set[str] = set()
    where = folder / "articles" if (folder / "articles").is_dir() else folder
    for part in sorted(where.glob("part-*.parquet")) if where.is_dir() else []:
        column = pa.parquet.read_table(part, columns=["id"]).column("id")
        done.update(str(v) for v in column.to_pylist() if v is not None)
    return done
