"""What a batch of articles is made of: the items it reads and the failures it yields.

This sits low in the import graph (it needs only :mod:`beritakit.errors`), so both
:mod:`beritakit.pipeline` (one process) and :mod:`beritakit.batch` (worker processes)
use the same item and failure types without importing each other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from beritakit import errors
from beritakit.errors import BeritakitError, ConfigError, ExtractionError, InputError

__all__ = ["Failure", "Item", "OnError", "as_item", "check_on_error"]

OnError = Literal["raise", "skip", "record"]


def check_on_error(on_error: object) -> None:
    """Raise :class:`ConfigError` unless ``on_error`` is one of :data:`OnError`."""
    if not isinstance(on_error, str) or on_error not in ("raise", "skip", "record"):
        raise ConfigError(f"on_error must be 'raise', 'skip' or 'record', got {on_error!r}")


class Failure(BaseModel):
    """What ``pipe(..., on_error="record")`` yields for an article that failed."""

    model_config = ConfigDict(frozen=True)

    index: int
    id: str | None = None
    error: str
    message: str
    extractor: str | None = None

    @classmethod
    def of(cls, exc: BaseException, *, index: int, id: str | None) -> Failure:
        """The failure of article ``index`` that ``exc`` stopped."""
        return cls(
            index=index,
            id=id,
            error=type(exc).__name__,
            message=str(exc),
            extractor=getattr(exc, "extractor", None),
        )

    def to_exception(self) -> BeritakitError:
        """Rebuild the exception this failure recorded (in a worker, say), to raise it."""
        cls = getattr(errors, self.error, None)
        if self.extractor is not None or cls is ExtractionError:
            extractor = self.extractor or "worker"
            prefix = f"{extractor} (document {self.index}): "
            return ExtractionError(
                self.message.removeprefix(prefix), extractor=extractor, index=self.index
            )
        if isinstance(cls, type) and issubclass(cls, BeritakitError):
            return cls(self.message)
        return ExtractionError(
            f"{self.error}: {self.message}", extractor="pipeline", index=self.index
        )


@dataclass(frozen=True, slots=True)
class Item:
    """One article as the caller gave it: its text and what is known about it."""

    text: object
    published: object = None
    url: str | None = None
    id: str | None = None


def as_item(value: object) -> Item:
    """Accept a text, a ``(text, context)`` pair or a mapping with ``text``.

    Raises:
        InputError: The value's methods raised while it was read (a mapping whose ``get``
            or an id whose ``__str__`` fails).
    """
    try:
        return _as_item(value)
    except Exception as exc:
        raise InputError(f"unreadable item: {type(exc).__name__}: {exc}") from exc


def _as_item(value: object) -> Item:
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], Mapping):
        ctx = value[1]
        return Item(value[0], ctx.get("published"), ctx.get("url"), _str_or_none(ctx.get("id")))
    if isinstance(value, Mapping):
        return Item(
            value.get("text"),
            value.get("published"),
            value.get("url"),
            _str_or_none(value.get("id")),
        )
    return Item(value)


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)
