"""Notebook helpers: tidy pandas tables of records, JSONL loading and the HTML view of a record.

pandas is optional (``pip install 'beritakit[notebook]'``); it is imported only when a
table is built. The tables are those of :mod:`beritakit.tables` (the CLI's Parquet output
and :mod:`beritakit.dask` write the same); the HTML view lives in :mod:`beritakit.display`.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, get_args

from pydantic import ValidationError

from beritakit import tables
from beritakit.display import article_html, article_rich, highlights
from beritakit.errors import ConfigError, InputError
from beritakit.record import Article

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "TABLES",
    "Table",
    "article_html",
    "article_rich",
    "highlights",
    "read_jsonl",
    "to_frame",
]

Table = Literal[
    "articles", "people", "organizations", "places", "dates", "credits", "quotes", "mentions"
]
TABLES: tuple[str, ...] = get_args(Table)
"""The names :func:`to_frame` accepts, in the order the record lists them."""

INSTALL_HINT = "pip install 'beritakit[notebook]'"


def _pandas() -> Any:
    """Import pandas or say how to install it."""
    try:
        import pandas
    except ImportError as exc:
        raise ConfigError(
            f"beritakit.to_frame needs pandas, which is an optional extra: {INSTALL_HINT}"
        ) from exc
    return pandas


def _records(articles: Article | Mapping[str, Any] | Iterable[object]) -> Iterator[Article]:
    if isinstance(articles, Article | Mapping):
        articles = [articles]
    for i, item in enumerate(articles):
        if isinstance(item, Article):
            yield item
        elif isinstance(item, Mapping):
            try:
                yield Article.model_validate(item)
            except ValidationError as exc:
                raise InputError(f"item {i} is not an Article record: {exc}") from exc
        else:
            hint = ""
            if type(item).__name__ == "Failure":
                hint = "; drop failures first: [a for a in items if isinstance(a, Article)]"
            raise TypeError(
                f"to_frame takes Article records or their dicts; item {i} is "
                f"{type(item).__name__}{hint}"
            )


def to_frame(
    articles: Article | Mapping[str, Any] | Iterable[object],
    table: Table = "articles",
    *,
    record: bool = False,
) -> pd.DataFrame:
    """Return one table of the records as a tidy pandas DataFrame.

    Every row carries ``article_id``: the record's ``id``, or ``#<n>`` (its position in
    ``articles``) when it has none, so tables join on it. Offsets (``char_start``,
    ``char_end``) point into ``Article.text``; lists of strings (honorifics, roles,
    aliases) are joined with ``"; "``; dates are ``datetime64[s]``, text columns
    pandas' ``string`` dtype.

    The tables are those of :mod:`beritakit.tables` (``docs/record.md``), the same the
    CLI's Parquet output and :mod:`beritakit.dask` write. Tables and their rows:

    - ``articles``: one per article (dateline, language, published, and ``n_people``,
      ``n_dates`` … counting each list; ``error``/``message`` stay empty here).
    - ``people``, ``organizations``, ``places``: one per entity, with its attributes,
      the number of ``mentions`` and the offsets of the first.
    - ``mentions``: one per mention of a person, organisation or place (``type``,
      ``name`` of the entity, ``text`` as written).
    - ``dates``: one per event date (``date_start``, ``date_end``, ``days`` covered,
      ``granularity``, ``kind``, ``anchor``, the ``sentence`` it was found in).
    - ``credits``: one per credit; ``quotes``: one per quote.

    Args:
        articles: One record, or an iterable of records (``Article`` or its dict, as
            :func:`read_jsonl` or ``Article.to_dict`` give them).
        table: Which table to build; one of :data:`TABLES`.
        record: For ``articles``: keep the whole record as JSON in the ``record`` column.

    Returns:
        The table; its number of rows is the number of items of that kind in the records.

    Raises:
        ConfigError: pandas is not installed.
        ValueError: ``table`` is not one of :data:`TABLES`.
        InputError: A dict is not a valid record.
        TypeError: An item is neither an ``Article`` nor a dict (a ``Failure``, say).
    """
    if table not in tables.COLUMNS:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    pandas = _pandas()
    found: list[dict[str, Any]] = []
    for n, art in enumerate(_records(articles)):
        key = art.id if art.id is not None else f"#{n}"
        if table == "articles":
            found.append(tables.article_row(art, key, record=record))
        else:
            found.extend(tables.rows(art, key)[table])
    return tables.frame(table, found, pandas)


def read_jsonl(path: str | os.PathLike[str]) -> list[Article]:
    """Load the records a batch run wrote (``beritakit extract … -o records.jsonl``).

    Args:
        path: A JSONL file, one record a line (``.gz`` files are decompressed). Blank
            lines are skipped.

    Returns:
        The records, in file order.

    Raises:
        InputError: A line is not JSON or not a valid record (the message names the line).
        OSError: The file cannot be read.
    """
    name = os.fspath(path)
    opener = gzip.open if name.endswith(".gz") else open
    records: list[Article] = []
    with opener(name, "rt", encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                records.append(Article.model_validate_json(line))
            except ValidationError as exc:
                raise InputError(f"{name}:{number}: not an Article record: {exc}") from exc
    return records
