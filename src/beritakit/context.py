"""What extractors receive and return: :class:`Context` in, :class:`Result` out.

An extractor is a function ``(doc, ctx) -> Result``. It reads the cleaned text and
what earlier extractors found from ``ctx`` and never changes it; the pipeline
merges each :class:`Result` into the context before the next extractor runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from spacy.tokens import Doc

from beritakit.clean.normalise import MappedText

__all__ = ["Context", "Extractor", "ExtractorSpec", "Result", "Stage"]

Stage = Literal["text", "doc"]


@dataclass(frozen=True, slots=True)
class Result:
    """One extractor's contribution.

    Attributes:
        fields: Record fields this extractor sets (``{"dateline": Dateline(...)}``).
        excluded: Regions of the cleaned text (``ctx.clean``) that are not body,
            such as the dateline or a credit line; the pipeline cuts them from ``body``.
        warnings: Doubts to report in ``Article.warnings``.
        shared: Intermediate findings a later extractor needs (not part of the
            record), e.g. people's mentions as offsets into the body for quotes.
    """

    fields: Mapping[str, Any] = field(default_factory=dict)
    excluded: Sequence[tuple[int, int]] = ()
    warnings: Sequence[str] = ()
    shared: Mapping[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Context:
    """Per-document state shared along the pipeline.

    Attributes:
        clean: The normalised full text, mapped to the original.
        body: The cleaned body (set after the text stage), mapped to the original.
        published: The publication date, from the caller or found in the text.
        url: The article's URL when the caller knows it.
        today: The date relative expressions may not pass when no anchor exists.
        boilerplate: Regions of ``clean`` found to be boilerplate.
        fields: Record fields set so far.
        excluded: Regions of ``clean`` that are not body.
        warnings: Warnings so far.
        shared: Intermediate findings extractors pass on (see :class:`Result`).
        index: Position in a batch, or ``None``.
    """

    clean: MappedText
    published: dt.date | None = None
    url: str | None = None
    today: dt.date = field(default_factory=dt.date.today)
    body: MappedText | None = None
    boilerplate: list[tuple[int, int]] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    excluded: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    shared: dict[str, Any] = field(default_factory=dict)
    index: int | None = None

    def merge(self, result: Result) -> None:
        """Fold one extractor's result into the context (the pipeline's job)."""
        self.fields.update(result.fields)
        if "published" in result.fields and result.fields["published"] is not None:
            self.published = result.fields["published"]
        self.excluded.extend(result.excluded)
        self.shared.update(result.shared)
        self.warnings.extend(w for w in result.warnings if w not in self.warnings)


class Extractor(Protocol):
    """The shape of an extractor function."""

    def __call__(self, doc: Doc | None, ctx: Context, /) -> Result:
        """Return this extractor's part of the record for one document."""
        ...


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    """A registered extractor: its name, stage, what it assigns, what it reads.

    ``needs_doc``: it reads the spaCy Doc of the body; ``needs_ner``: that Doc must
    carry the NER model's entities.
    """

    name: str
    stage: Stage
    assigns: tuple[str, ...]
    load: Callable[[], Extractor]
    needs_doc: bool = False
    needs_ner: bool = False
