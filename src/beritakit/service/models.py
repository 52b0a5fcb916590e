"""Request and status models of the HTTP service."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import regex
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    WithJsonSchema,
)

__all__ = ["ExtractRequest", "Health", "HtmlRequest", "PublishedDate", "Readiness"]

_DATETIME = TypeAdapter(dt.datetime)
_ISO_DATE = regex.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_ADVICE = "expected an ISO date (2025-06-17) or date-time (2025-06-17T18:35:00+07:00)"


def _to_date(value: object) -> object:
    """Read an ISO date, or an ISO date-time as its calendar date (in its own offset)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            if len(value) == 10:
                return dt.date.fromisoformat(value)
            if value[10] in "Tt ":
                return _DATETIME.validate_python(value).date()
        except (ValueError, ValidationError):
            pass
    raise ValueError(_DATE_ADVICE)


PublishedDate = Annotated[
    dt.date,
    BeforeValidator(_to_date),
    WithJsonSchema(
        {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]}
    ),
]


class ExtractRequest(BaseModel):
    """One article to extract."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article text.")
    published: PublishedDate | None = Field(
        default=None, description="Publication date (ISO); anchors relative dates like 'kemarin'."
    )
    url: str | None = Field(default=None, max_length=4096, description="The article's URL.")
    id: str | None = Field(default=None, max_length=512, description="Kept in the record.")


class HtmlRequest(BaseModel):
    """One HTML page to extract the article from."""

    model_config = ConfigDict(extra="forbid")

    html: str = Field(min_length=1, description="The whole HTML page.")
    published: PublishedDate | None = Field(
        default=None, description="Publication date (ISO); else the page metadata gives it."
    )
    url: str | None = Field(default=None, max_length=4096, description="The page's URL.")
    id: str | None = Field(default=None, max_length=512, description="Kept in the record.")


class Health(BaseModel):
    """Liveness: the process answers."""

    status: Literal["ok"] = "ok"


class Readiness(BaseModel):
    """Readiness: whether the pipeline is loaded in this worker."""

    status: Literal["ready", "loading", "failed"]
    version: str
    extractors: tuple[str, ...] = ()
    message: str | None = None
    processes: int = Field(default=0, description="Extraction processes alive in this worker.")
    busy: int = Field(default=0, description="Of them, those running a job now.")
