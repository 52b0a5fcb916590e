"""The public functions: :func:`extract`, :func:`pipe`, :func:`load`."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from beritakit import batch
from beritakit.pipeline import Failure, OnError, Options, Pipeline, check_on_error
from beritakit.record import Article

__all__ = ["extract", "load", "pipe"]


def load(options: Options | None = None) -> Pipeline:
    """Build a reusable pipeline.

    Args:
        options: What to run; ``None`` runs every registered extractor.

    Raises:
        ConfigError: An unknown extractor name.
        ResourceError: A packaged data file or model cannot be read.
    """
    return Pipeline(options)


@functools.cache
def default_pipeline() -> Pipeline:
    """The pipeline :func:`extract` uses, built once per process (public in the package)."""
    return Pipeline()


def extract(
    text: str | bytes,
    *,
    published: object = None,
    url: str | None = None,
    id: str | None = None,
) -> Article:
    """Extract the record of one Indonesian news article with the default pipeline.

    Args:
        text: The article text (``str``, or ``bytes`` in UTF-8 or a declared encoding).
        published: Publication date when known: ``date``, ``datetime``, epoch seconds
            or milliseconds, or a date or date-time string as a page writes it
            (``Tayang: Selasa, 10 Juni 2025 08:52 WITA``); see
            :func:`beritakit.inputs.read_published`. One that cannot be read is a
            warning in the record. Relative dates such as ``kemarin`` are resolved
            against it.
        url: The article's URL, kept in the record.
        id: An identifier kept in the record.

    Returns:
        The frozen :class:`Article` record.

    Raises:
        InputError: Empty, undecodable, non-text or too large input (more than
            ``beritakit.inputs.MAX_CHARS``, 1,000,000 characters), a lone surrogate,
            a ``url`` or ``id`` that is not a ``str``, a ``published`` of a type that
            cannot be a date (list, dict, bool, bytes).
    """
    return default_pipeline()(text, published=published, url=url, id=id)


def pipe(
    items: Iterable[object],
    *,
    n_process: int = 1,
    batch_size: int = 32,
    on_error: OnError = "raise",
    options: Options | None = None,
) -> Iterator[Article | Failure]:
    """Extract records from many articles lazily, keeping input order.

    Args:
        items: Texts, ``(text, context)`` pairs or mappings with ``text`` (and
            ``published``, ``url``, ``id``).
        n_process: Worker processes, each loading the pipeline once (``-1``: one per
            CPU). Memory stays flat however long ``items`` is: the input is read as
            the output is consumed.
        batch_size: Articles processed together (one spaCy batch, one chunk per worker).
        on_error: ``"raise"``, ``"skip"`` or ``"record"`` (yield a :class:`Failure`).
        options: Pipeline options; ``None`` uses the default pipeline.

    In one process, batches after the first run in spaCy memory zones (what a batch
    adds to spaCy's vocabulary is freed after it), so while it runs, do not call
    :func:`extract` from another thread: give each thread its own :func:`load`.

    Raises:
        ConfigError: A bad ``n_process`` or ``on_error``, or unknown extractors.
    """
    check_on_error(on_error)  # now, not at the first item
    if n_process != 1:
        return batch.pipe(
            items,
            n_process=n_process,
            batch_size=batch_size,
            on_error=on_error,
            loader=functools.partial(Pipeline, options),
        )
    pipeline = default_pipeline() if options is None else Pipeline(options)
    return pipeline.pipe(items, batch_size=batch_size, on_error=on_error)
