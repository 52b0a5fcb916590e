"""What extractors receive and return: :class:`Context` in, :class:`Result` out.

An extractor is a function ``(doc, ctx) -> Result``. It reads the cleaned text and
what earlier extractors found from ``ctx`` and never changes it; the pipeline
merges each :class:`Result` into the context before the next extractor runs.

Each registered extractor declares by name what it reads and what it produces
(:class:`ExtractorSpec`); ``beritakit.registry`` orders them from that. The names
are the record's fields (``"dateline"``, ``"people"`` …), :data:`MENTIONS` for the
typed hand-off between extractors, and what the pipeline itself provides
(:data:`PROVIDED`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from spacy.tokens import Doc

from beritakit.clean.boilerplate import Region
from beritakit.clean.normalise import MappedText

__all__ = [
    "MENTIONS",
    "PROVIDED",
    "Context",
    "Extractor",
    "ExtractorSpec",
    "Mentioned",
    "Mentions",
    "Result",
    "Stage",
]

Stage = Literal["text", "doc"]

#: The name extractors use in ``requires``/``reads``/``assigns`` for :class:`Mentions`.
MENTIONS = "mentions"

#: What the pipeline provides before any extractor runs, by stage: the cleaned text
#: (``"text"``), its boilerplate regions, the caller's ``published``/``url``/``today``;
#: for the doc stage also the ``"body"``, its spaCy ``"doc"`` and the NER's ``"doc.ents"``.
PROVIDED: dict[Stage, frozenset[str]] = {
    "text": frozenset({"text", "boilerplate", "published", "url", "today"}),
    "doc": frozenset(
        {"text", "boilerplate", "published", "url", "today", "body", "doc", "doc.ents"}
    ),
}


@dataclass(frozen=True, slots=True)
class Mentioned:
    """One entity an extractor found, with every mention as offsets into ``ctx.body``."""

    name: str
    mentions: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Mentions:
    """The typed hand-off from the entities extractor to the ones after it (quotes).

    Not part of the record: the people and organisations with their mentions as body
    offsets, so a later extractor can tie what it finds to them.
    """

    people: tuple[Mentioned, ...] = ()
    organizations: tuple[Mentioned, ...] = ()


@dataclass(frozen=True, slots=True)
class Result:
    """One extractor's contribution.

    Attributes:
        fields: Record fields this extractor sets (``{"dateline": Dateline(...)}``).
        excluded: Regions of the cleaned text (``ctx.clean``) that are not body,
            such as the dateline or a credit line; the pipeline cuts them from ``body``.
        warnings: Doubts to report in ``Article.warnings``.
        mentions: Entities with their body offsets, for later extractors
            (an extractor that sets it declares :data:`MENTIONS` in ``assigns``).
    """

    fields: Mapping[str, Any] = field(default_factory=dict)
    excluded: Sequence[tuple[int, int]] = ()
    warnings: Sequence[str] = ()
    mentions: Mentions | None = None


@dataclass(slots=True)
class Context:
    """Per-document state shared along the pipeline.

    Attributes:
        clean: The normalised full text, mapped to the original.
        body: The cleaned body (set after the text stage), mapped to the original.
        published: The publication date, from the caller or found in the text.
        published_at: The publication moment when the caller's value gives a time.
        url: The article's URL when the caller knows it.
        today: The date relative expressions may not pass when no anchor exists.
        boilerplate: Regions of ``clean`` the pipeline found to be boilerplate.
        fields: Record fields set so far.
        excluded: Regions of ``clean`` that are not body.
        warnings: Warnings so far.
        mentions: The entities found so far with their body offsets (see :class:`Mentions`).
        index: Position in a batch, or ``None``.
    """

    clean: MappedText
    published: dt.date | None = None
    published_at: dt.datetime | None = None
    url: str | None = None
    today: dt.date = field(default_factory=dt.date.today)
    body: MappedText | None = None
    boilerplate: tuple[Region, ...] = ()
    fields: dict[str, Any] = field(default_factory=dict)
    excluded: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    mentions: Mentions = field(default_factory=Mentions)
    index: int | None = None

    def merge(self, result: Result) -> None:
        """Fold one extractor's result into the context (the pipeline's job)."""
        self.fields.update(result.fields)
        if "published" in result.fields and result.fields["published"] is not None:
            self.published = result.fields["published"]
        self.excluded.extend(result.excluded)
        if result.mentions is not None:
            self.mentions = result.mentions
        self.warnings.extend(w for w in result.warnings if w not in self.warnings)


class Extractor(Protocol):
    """The shape of an extractor function."""

    def __call__(self, doc: Doc | None, ctx: Context, /) -> Result:
        """Return this extractor's part of the record for one document."""
        ...


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    """A registered extractor: its name, stage, and what it reads and produces.

    Attributes:
        name: The registered name (``"quotes.v1"``).
        stage: ``"text"`` runs on the cleaned text before the body is cut;
            ``"doc"`` runs on the body.
        assigns: What it produces: record fields, or :data:`MENTIONS`; a dotted name
            (``"people.quotes"``) updates part of a field another extractor assigns.
        load: Imports the extractor function (extractors load only when asked for).
        requires: What it cannot run without: a name in :data:`PROVIDED` or one
            another selected extractor assigns; a missing one is a ``ConfigError``
            when the pipeline is built.
        reads: What it uses when present; an extractor that assigns it runs first.
    """

    name: str
    stage: Stage
    assigns: tuple[str, ...]
    load: Callable[[], Extractor]
    requires: tuple[str, ...] = ()
    reads: tuple[str, ...] = ()

    @property
    def needs_doc(self) -> bool:
        """It reads the spaCy Doc of the body."""
        return "doc" in self.requires or self.needs_ner

    @property
    def needs_ner(self) -> bool:
        """The Doc it reads must carry the NER model's entities."""
        return "doc.ents" in self.requires
