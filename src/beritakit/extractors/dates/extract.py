"""The ``dates.v1`` extractor: wraps :func:`beritakit.extractors.dates.find_dates`."""

from __future__ import annotations

from spacy.tokens import Doc

from beritakit.context import Context, Result
from beritakit.extractors.dates import find_dates, unique_dates
from beritakit.record import EventDate

__all__ = ["extract"]


def extract(doc: Doc | None, ctx: Context) -> Result:
    """Find event dates in the body, anchored on the publication date."""
    body = ctx.body
    if body is None:
        return Result(fields={"dates": ()})
    hits, warnings = find_dates(body.text, published=ctx.published, today=ctx.today)
    hits = unique_dates(hits)  # the record lists a repeated expression once, as the gold does
    dates = tuple(
        EventDate(
            text=h.text,
            span=body.span(h.start, h.end),
            start=h.start_date,
            end=h.end_date,
            granularity=h.granularity,
            kind=h.kind,
            anchor=h.anchor,
            sentence=body.span(h.sentence_start, h.sentence_end),
            time=h.time,
            part_of_day=h.part_of_day,  # validated: the values of parts_of_day.tsv
        )
        for h in hits
    )
    return Result(fields={"dates": dates}, warnings=[f"dates: {w}" for w in warnings])
