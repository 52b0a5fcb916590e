"""The ``dateline.v1`` extractor: wraps :func:`beritakit.extractors.dateline.parse`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from beritakit.context import Context, Result
from beritakit.extractors.dateline import parse
from beritakit.record import Dateline

__all__ = ["extract"]


def extract(doc: Doc | None, ctx: Context) -> Result:
    """Find the dateline; a date written in it becomes ``published`` if none was given."""
    hit = parse(ctx.clean.text)
    if hit is None:
        return Result(fields={"dateline": None}, warnings=["dateline: none found"])
    clean = ctx.clean
    dateline = Dateline(
        city=hit.city,
        outlet=hit.outlet,
        outlet_domain=hit.outlet_domain,
        date=hit.date,
        span=clean.span(hit.start, hit.end),
        city_span=clean.span(hit.city_start, hit.city_end)
        if hit.city_start is not None and hit.city_end is not None
        else None,
        outlet_span=clean.span(hit.outlet_start, hit.outlet_end)
        if hit.outlet_start is not None and hit.outlet_end is not None
        else None,
    )
    fields: dict[str, Any] = {"dateline": dateline}
    if hit.date is not None and ctx.published is None:
        fields["published"] = hit.date
    return Result(fields=fields, excluded=[(hit.start, hit.end)])
