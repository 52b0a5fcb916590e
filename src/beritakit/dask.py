"""Dask: extract a bag of articles or a DataFrame column into tidy Dask DataFrames.

Needs ``pip install 'beritakit[dask]'``. Each worker process builds the pipeline once
(on its first partition) and reuses it for every later partition::

    from distributed import Client
    import dask.dataframe as dd
    from beritakit.dask import extract_frame

    client = Client("tcp://scheduler:8786")
    frame = dd.read_parquet("s3://archive/articles/")          # text, id, published, url
    out = extract_frame(frame, text="text")
    out.articles.to_parquet("s3://archive/records/")           # one row per article
    articles, people = out.compute("articles", "people")       # one pass, shared

The tables are those of :mod:`beritakit.tables` (the same ``beritakit.to_frame`` and the
CLI's Parquet output give):

- ``articles``: one row per input article, failures included (``error``, ``message``),
  with the whole record as JSON in ``record``;
- ``people``, ``organizations``, ``places``, ``dates``, ``credits``, ``quotes``,
  ``mentions``: one row per thing found, linked to its article by ``article_id``: the
  article's id, else the input row's index label (DataFrames) or
  ``"partition:position"`` (bags).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from beritakit import tables
from beritakit.batch import flat_record, run_shared
from beritakit.errors import ConfigError
from beritakit.items import Failure, OnError
from beritakit.pipeline import Options, Pipeline
from beritakit.record import Article

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

__all__ = ["Tables", "extract_bag", "extract_frame"]

_INSTALL_HINT = "beritakit.dask needs Dask: pip install 'beritakit[dask]'"
TABLES: tuple[str, ...] = tables.TABLES


@dataclass(frozen=True)
class Tables:
    """The lazy Dask DataFrames one extraction produces (nothing runs until computed).

    Computing two of them with :meth:`compute` (or ``dask.compute``) runs the
    extraction once; computing them one after another runs it again each time,
    so persist the result first when you need several tables separately.
    """

    articles: dd.DataFrame
    people: dd.DataFrame
    organizations: dd.DataFrame
    places: dd.DataFrame
    dates: dd.DataFrame
    credits: dd.DataFrame
    quotes: dd.DataFrame
    mentions: dd.DataFrame

    def compute(self, *names: str, **kwargs: Any) -> tuple[pd.DataFrame, ...]:
        """Compute the named tables (all eight by default) in one pass.

        Args:
            names: Table names among ``articles``, ``people``, ``organizations``,
                ``places``, ``dates``, ``credits``, ``quotes``, ``mentions``.
            kwargs: Passed to ``dask.compute`` (``scheduler=...``).
        """
        dask = _dask()
        chosen = names or TABLES
        unknown = [n for n in chosen if n not in TABLES]
        if unknown:
            raise ConfigError(f"unknown table {unknown[0]!r}; tables: {', '.join(TABLES)}")
        results: tuple[pd.DataFrame, ...] = dask.compute(
            *(getattr(self, n) for n in chosen), **kwargs
        )
        return results


def _dask() -> Any:
    try:
        import dask
        import dask.dataframe
        import pandas  # noqa: F401
    except ImportError as exc:
        raise ConfigError(_INSTALL_HINT) from exc
    return dask


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    return tables.frame(name, rows, pd)


def _meta(name: str) -> pd.DataFrame:
    return _frame(name, [])


def _partition(
    items: list[object],
    keys: list[str],
    options: Options | None,
    batch_size: int,
    on_error: OnError,
    record: bool,
) -> dict[str, pd.DataFrame]:
    """Extract one partition (runs on a worker) into one DataFrame per table."""
    results = run_shared(
        items,
        _identity,
        loader=functools.partial(Pipeline, options),
        key=("beritakit.dask", options),
        batch_size=batch_size,
        on_error="record",
    )
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for key, result in zip(keys, results, strict=True):
        if isinstance(result, Failure):
            if on_error == "raise":
                raise result.to_exception()
            if on_error == "skip":
                continue
            rows["articles"].append(flat_record(result, key=key))
            continue
        for name, found in tables.rows(result, key, record=record).items():
            rows[name].extend(found)
    return {name: _frame(name, found) for name, found in rows.items()}


def _identity(article: Article) -> Article:
    return article


def _bag_partition(
    items: list[object],
    number: int,
    options: Options | None,
    batch_size: int,
    on_error: OnError,
    record: bool,
) -> dict[str, pd.DataFrame]:
    items = list(items)
    keys = [_key_of(item, f"{number}:{i}") for i, item in enumerate(items)]
    return _partition(items, keys, options, batch_size, on_error, record)


def _key_of(item: object, fallback: str) -> str:
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], dict):
        value = item[1].get("id")
    elif isinstance(item, dict):
        value = item.get("id")
    else:
        value = None
    return fallback if value is None else str(value)


def _frame_partition(
    frame: pd.DataFrame,
    text: str,
    context: dict[str, str],
    options: Options | None,
    batch_size: int,
    on_error: OnError,
    record: bool,
) -> dict[str, pd.DataFrame]:
    present = {field: column for field, column in context.items() if column in frame.columns}
    columns = {field: frame[column].tolist() for field, column in present.items()}
    items: list[object] = []
    keys: list[str] = []
    for i, (label, value) in enumerate(zip(frame.index, frame[text].tolist(), strict=True)):
        item = {"text": value}
        for field, values in columns.items():
            item[field] = _missing_to_none(values[i])
        items.append(item)
        keys.append(str(item["id"]) if item.get("id") is not None else str(label))
    return _partition(items, keys, options, batch_size, on_error, record)


def _missing_to_none(value: object) -> object:
    import pandas as pd

    try:
        return None if pd.isna(value) else value
    except (TypeError, ValueError):  # arrays and the like: not a missing scalar
        return value


def _delayed_parts(collection: Any) -> list[Any]:
    parts: list[Any] = collection.to_delayed()
    return parts


def _tables(parts: list[Any]) -> Tables:
    import dask.dataframe as dd

    frames = {
        name: dd.from_delayed([p[name] for p in parts], meta=_meta(name), verify_meta=False)
        for name in TABLES
    }
    return Tables(**frames)


def extract_bag(
    bag: db.Bag,
    *,
    options: Options | None = None,
    batch_size: int = 32,
    on_error: OnError = "record",
    record: bool = True,
) -> Tables:
    """Extract every article of a Dask bag.

    Args:
        bag: Texts, ``(text, context)`` pairs, or dicts with ``text`` (and
            ``published``, ``url``, ``id``), as ``beritakit.pipe`` takes them.
        options: Pipeline options; each worker builds the pipeline once from them.
        batch_size: Articles per spaCy batch inside a partition.
        on_error: ``"record"`` keeps a row with ``error`` and ``message`` for an
            article that failed (default), ``"skip"`` drops it, ``"raise"`` fails the task.
        record: Keep the whole record as JSON in the ``articles.record`` column.

    Returns:
        The lazy tables.
    """
    dask = _dask()
    parts = [
        dask.delayed(_bag_partition, pure=True)(part, number, options, batch_size, on_error, record)
        for number, part in enumerate(_delayed_parts(bag))
    ]
    return _tables(parts)


def extract_frame(
    frame: dd.DataFrame,
    text: str = "text",
    *,
    id: str = "id",
    published: str = "published",
    url: str = "url",
    options: Options | None = None,
    batch_size: int = 32,
    on_error: OnError = "record",
    record: bool = True,
) -> Tables:
    """Extract the articles in one column of a Dask DataFrame.

    Args:
        frame: The articles, one per row.
        text: The column holding the text.
        id: The column holding the article id, used when present.
        published: The column holding the publication date, used when present.
        url: The column holding the URL, used when present.
        options: Pipeline options; each worker builds the pipeline once from them.
        batch_size: Articles per spaCy batch inside a partition.
        on_error: ``"record"`` (default), ``"skip"`` or ``"raise"``, as in :func:`extract_bag`.
        record: Keep the whole record as JSON in the ``articles.record`` column.

    Returns:
        The lazy tables; ``article_id`` is the id when the row has one, else its index label.

    Raises:
        ConfigError: ``text`` is not a column of ``frame``.
    """
    dask = _dask()
    if text not in frame.columns:
        raise ConfigError(f"no column {text!r}; columns: {', '.join(map(str, frame.columns))}")
    context = {"id": id, "published": published, "url": url}
    parts = [
        dask.delayed(_frame_partition, pure=True)(
            part, text, context, options, batch_size, on_error, record
        )
        for part in _delayed_parts(frame)
    ]
    return _tables(parts)
