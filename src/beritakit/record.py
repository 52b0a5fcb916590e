"""The Article record and its parts: the public contract of beritakit.

Field names follow ``DESIGN.md``; renaming one needs a ``SCHEMA_VERSION`` bump.
Every extracted value carries a :class:`Span` with offsets into ``Article.text``,
the original input, so ``article.text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from beritakit import display

__all__ = [
    "MAX_WARNINGS",
    "SCHEMA_VERSION",
    "Article",
    "Credit",
    "Dateline",
    "Evidence",
    "EventDate",
    "Organization",
    "Person",
    "Place",
    "Quote",
    "Span",
]

SCHEMA_VERSION = 3
# The most warnings a record holds; past it, the last one says how many more there were.
MAX_WARNINGS = 50

CreditRole = Literal[
    "writer", "reporter", "editor", "photographer", "contributor", "source", "other"
]
PlaceKind = Literal["city", "regency", "province", "country", "region", "other"]
Granularity = Literal[
    "day", "week", "weekend", "month", "part", "quarter", "half", "year", "decade", "range"
]
DateKind = Literal["absolute", "partial", "relative"]
# pagi, siang, sore, malam, dini hari (and subuh, petang)
PartOfDay = Literal["early_morning", "morning", "afternoon", "evening", "night"]
QuoteKind = Literal["direct", "indirect"]
SpeakerEvidence = Literal["named", "pronoun", "carried", "none"]
# what produced a value: the NER model, a gazetteer (organisation or place list), a rule
# (head word, role, honorific, cue, list of names, a quote's cue), an alias link (the
# text's "alias"/"atau"/bracket, or the alias table of public figures), an acronym
# definition of the text
Evidence = Literal["model", "gazetteer", "rule", "alias", "acronym"]

_EVIDENCE = (
    "What produced the value, several when several agree: model (the NER model), "
    "gazetteer (an organisation or place list), rule (a head word, role, honorific, cue "
    "or list of names; for a quote, the quote finder), alias (linked to another name by "
    "the text or by the alias table of public figures), acronym (an acronym definition "
    "of the text). A quote also carries the evidence of its speaker when the speaker is "
    "one of the record's people or organisations. Added in schema 3."
)
_CONFIDENCE = (
    "The probability that the value is right, calibrated on the dev articles "
    "(docs/accuracy.md, 'Confidence'): among values given 0.9 or more, at least 90 % "
    "were right there. None for a value not made by the extractors. Added in schema 3."
)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """A stretch of the original text: ``text == Article.text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Dateline(_Frozen):
    """The place and outlet line that opens an article (``JAKARTA, KOMPAS.com -``)."""

    city: str | None = None
    outlet: str | None = None
    outlet_domain: str | None = None
    date: dt.date | None = None
    span: Span
    city_span: Span | None = None
    outlet_span: Span | None = None


class Credit(_Frozen):
    """One person or agency credited for the article, with their role."""

    role: CreditRole
    name: str
    raw: str
    span: Span


class Person(_Frozen):
    """A person the body mentions, once, with every mention."""

    name: str
    honorifics: tuple[str, ...] = ()
    degrees: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    quotes: int = 0
    mentions: tuple[Span, ...] = ()
    entity_id: str | None = None
    aliases: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = Field(default=(), description=_EVIDENCE)
    confidence: float | None = Field(default=None, ge=0.0, le=1.0, description=_CONFIDENCE)


class Organization(_Frozen):
    """An organisation the body names, with its acronym and expansion when known."""

    name: str
    acronym: str | None = None
    expansion: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    entity_id: str | None = None
    evidence: tuple[Evidence, ...] = Field(default=(), description=_EVIDENCE)
    confidence: float | None = Field(default=None, ge=0.0, le=1.0, description=_CONFIDENCE)


class Place(_Frozen):
    """A named place, with its official code for Indonesian regions."""

    name: str
    kind: PlaceKind = "other"
    code: str | None = None
    province: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: tuple[Span, ...] = ()
    # Kemendagri codes of the regions a name several regions share may be, when the text
    # does not say which (``code`` is then None); empty otherwise.
    candidates: tuple[str, ...] = ()
    entity_id: str | None = None
    evidence: tuple[Evidence, ...] = Field(default=(), description=_EVIDENCE)
    confidence: float | None = Field(default=None, ge=0.0, le=1.0, description=_CONFIDENCE)


class EventDate(_Frozen):
    """A date expression normalised to a day or a range of days."""

    text: str
    span: Span
    start: dt.date
    end: dt.date
    granularity: Granularity
    kind: DateKind
    anchor: dt.date | None = None
    sentence: Span | None = None
    time: str | None = Field(
        default=None,
        description="The time of day written next to the date, ISO 8601 ('14:00:00', "
        "'14:00:00+07:00' when a zone such as WIB is written). Added in schema 2.",
    )
    part_of_day: PartOfDay | None = Field(
        default=None,
        description="The part of the day written next to the date: dini hari -> "
        "early_morning, pagi -> morning, siang -> afternoon, sore -> evening, "
        "malam -> night. Added in schema 2.",
    )


class Quote(_Frozen):
    """A statement and who made it."""

    speaker: str | None = None
    kind: QuoteKind
    text: str
    cue: str | None = None
    span: Span
    # how the speaker was told: ``named`` (a name in the phrase of the quote's own cue),
    # ``pronoun`` (a pronoun cue such as ``ujarnya`` resolved to the last speaker),
    # ``carried`` (no cue: the speaker of the turn goes on from an earlier paragraph),
    # ``none`` (no speaker)
    speaker_evidence: SpeakerEvidence = "none"
    evidence: tuple[Evidence, ...] = Field(default=(), description=_EVIDENCE)
    confidence: float | None = Field(default=None, ge=0.0, le=1.0, description=_CONFIDENCE)


class Article(_Frozen):
    """Everything beritakit extracted from one article."""

    schema_version: int = SCHEMA_VERSION
    id: str | None = None
    url: str | None = None
    text: str
    body: str
    language: str
    language_score: float = Field(ge=0.0, le=1.0)
    published: dt.date | None = None
    published_at: dt.datetime | None = Field(
        default=None,
        description="The publication moment, timezone-aware, when the caller's published "
        "value gives a time of day. Added in schema 2.",
    )
    dateline: Dateline | None = None
    credits: tuple[Credit, ...] = ()
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[EventDate, ...] = ()
    quotes: tuple[Quote, ...] = ()
    warnings: tuple[str, ...] = ()

    @field_validator("warnings")
    @classmethod
    def _cap_warnings(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        """Keep at most ``MAX_WARNINGS``: the first ones and a last "N more warnings"."""
        if len(value) <= MAX_WARNINGS:
            return value
        more = len(value) - (MAX_WARNINGS - 1)
        return (*value[: MAX_WARNINGS - 1], f"record: {more:,} more warnings not shown")

    def to_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-compatible Python values."""
        return self.model_dump(mode="json")

    def __repr__(self) -> str:
        where = self.dateline.city if self.dateline and self.dateline.city else "-"
        return (
            f"Article(language={self.language!r}, dateline={where!r}, "
            f"credits={len(self.credits)}, people={len(self.people)}, "
            f"organizations={len(self.organizations)}, places={len(self.places)}, "
            f"dates={len(self.dates)}, quotes={len(self.quotes)}, "
            f"warnings={len(self.warnings)}, chars={len(self.text)})"
        )

    __str__ = __repr__

    def _repr_html_(self) -> str:
        """Show the record in a notebook: facts, entities, and the highlighted text."""
        return display.article_html(self)

    def __rich__(self) -> Any:
        """Show a short summary table when printed with ``rich``."""
        return display.article_rich(self)
