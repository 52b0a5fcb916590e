"""Request and status models of the HTTP service."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

__all__ = ["ExtractRequest", "Health", "HtmlRequest", "PublishedDate", "Readiness"]

_LONGEST = 200
_DATE_ADVICE = (
    "expected a date or date-time string (ISO, or as a page writes it: "
    "'Selasa, 10 Juni 2025 08:52 WITA', '2 jam yang lalu') or epoch seconds or milliseconds"
)


def _published(value: object) -> object:
    """Let through what can be a publication date; the pipeline reads it.

    A string or number that does not read as a date is a warning in the record (the
    article is still extracted); only a value of another type (list, object, boolean)
    or a string longer than 200 characters is refused here.
    """
    if isinstance(value, bool) or not isinstance(value, str | int | float | dt.date):
        raise ValueError(_DATE_ADVICE)
    if isinstance(value, str) and len(value) > _LONGEST:
        raise ValueError(f"{_DATE_ADVICE}; got {len(value):,} characters (at most {_LONGEST})")
    return value


PublishedDate = Annotated[
    str | int | float,
    BeforeValidator(_published),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "format": "date-time"},
                {"type": "string", "maxLength": _LONGEST},
                {"type": "number"},
            ]
        }
    ),
]


class ExtractRequest(BaseModel):
    """One article to extract."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article text.")
    published: PublishedDate | None = Field(
        default=None,
        description="Publication date or date-time: ISO, epoch seconds or milliseconds, or "
        "as a page writes it ('Tayang: Selasa, 10 Juni 2025 08:52 WITA', '2 jam yang lalu'); "
        "anchors relative dates like 'kemarin'. One that cannot be read is a warning in "
        "the record.",
    )
    url: str | None = Field(default=None, max_length=4096, description="The article's URL.")
    id: str | None = Field(default=None, max_length=512, description="Kept in the record.")


class HtmlRequest(BaseModel):
    """One HTML page to extract the article from."""

    model_config = ConfigDict(extra="forbid")

    html: str = Field(min_length=1, description="The whole HTML page.")
    published: PublishedDate | None = Field(
        default=None,
        description="Publication date or date-time (as for /v1/extract); else the page "
        "metadata gives it.",
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
