"""The ``quotes.v1`` extractor: wraps :func:`beritakit.extractors.quotes.find_quotes`."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from beritakit.context import Context, Result
from beritakit.extractors.quotes import PersonRef, find_quotes
from beritakit.record import Person, Quote

__all__ = ["extract"]


def extract(doc: Doc | None, ctx: Context) -> Result:
    """Find quotes in the body; speakers resolve to the people found before.

    Reads ``ctx.mentions`` (people and organisations with their mentions as body
    offsets, left by the entities extractor when it ran) and returns the people
    again with their quote counts.
    """
    body = ctx.body
    if body is None:
        return Result(fields={"quotes": ()})
    people = [PersonRef(m.name, m.mentions) for m in ctx.mentions.people]
    orgs = [PersonRef(m.name, m.mentions) for m in ctx.mentions.organizations]
    hits = find_quotes(body.text, people, orgs)
    quotes = tuple(
        Quote(
            speaker=h.speaker,
            kind=h.kind,
            text=h.text,
            cue=h.cue,
            span=body.span(h.start, h.end),
            speaker_evidence=h.evidence,
        )
        for h in hits
    )
    fields: dict[str, object] = {"quotes": quotes}
    known: tuple[Person, ...] = ctx.fields.get("people", ())
    if known:
        counts = Counter(q.speaker for q in quotes if q.speaker)
        fields["people"] = tuple(
            p.model_copy(update={"quotes": counts.get(p.name, 0)}) for p in known
        )
    return Result(fields=fields)
