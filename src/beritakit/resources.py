"""Cached readers for data files shipped inside the package."""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Iterator
from importlib import resources

from beritakit.errors import ResourceError

__all__ = ["gc_paused", "read_lines", "read_table", "read_text"]


@functools.cache
def read_text(package: str, name: str) -> str:
    """Return the text of data file ``name`` in ``package`` (e.g. ``beritakit.lang.id``).

    Raises:
        ResourceError: The file is missing or not UTF-8.
    """
    try:
        return resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError, UnicodeDecodeError) as exc:
        raise ResourceError(f"cannot read data file {package}/{name}: {exc}") from exc


@functools.cache
def read_lines(package: str, name: str) -> tuple[str, ...]:
    """Return the non-blank lines of a data file, without ``#`` comment lines."""
    return tuple(
        line.rstrip("\n")
        for line in read_text(package, name).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@functools.cache
def read_table(package: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Return the rows of a tab-separated data file (comment lines skipped)."""
    return tuple(
        tuple(cell.strip() for cell in line.split("\t")) for line in read_lines(package, name)
    )


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building long-lived tables.

    Loading the gazetteers makes a hundred thousand objects that live as long as the
    process and hold no cycles to free; the collections their allocations trigger rescan
    everything made so far (a third of the entity data's load time). Reference counting
    still frees what is dropped; the collector is re-enabled, if it was on, on the way out.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
