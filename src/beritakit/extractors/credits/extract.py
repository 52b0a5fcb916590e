"""The ``credits.v1`` extractor: wraps :func:`beritakit.extractors.credits.parse`."""

from __future__ import annotations

from spacy.tokens import Doc

from beritakit.context import Context, Result
from beritakit.extractors.credits import parse
from beritakit.record import Credit, Dateline

__all__ = ["extract"]


def extract(doc: Doc | None, ctx: Context) -> Result:
    """Find the credits; their lines are cut from the body."""
    dateline = ctx.fields.get("dateline")
    outlet = dateline.outlet if isinstance(dateline, Dateline) else None
    hits = parse(ctx.clean.text, outlet=outlet, boilerplate=ctx.boilerplate)
    credits = tuple(
        Credit(role=h.role, name=h.name, raw=h.raw, span=ctx.clean.span(h.start, h.end))
        for h in hits
    )
    return Result(fields={"credits": credits}, excluded=[(h.start, h.end) for h in hits])
