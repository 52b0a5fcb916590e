"""The ``quotes.v1`` extractor: wraps :func:`beritakit.extractors.quotes.find_quotes`."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from beritakit.context import Context, Result
from beritakit.extractors.quotes import PersonRef, find_quotes
from beritakit.extractors.quotes._confidence import quote_confidence, quote_key
from beritakit.record import Evidence, Organization, Person, Quote

__all__ = ["extract"]


def extract(doc: Doc | None, ctx: Context) -> Result:
    """Find quotes in the body; speakers resolve to the people found before.

    Reads ``ctx.mentions`` (people and organisations with their mentions as body
    offsets, left by the entities extractor when it ran) and returns the people
    again with their quote counts. A quote's ``evidence`` is ``rule`` (the quote
    finder) and, when its speaker is one of the record's people or organisations,
    that entity's evidence.
    """
    body = ctx.body
    if body is None:
        return Result(fields={"quotes": ()})
    people = [PersonRef(m.name, m.mentions) for m in ctx.mentions.people]
    orgs = [PersonRef(m.name, m.mentions) for m in ctx.mentions.organizations]
    hits = find_quotes(body.text, people, orgs)
    known: tuple[Person, ...] = ctx.fields.get("people", ())
    bodies: tuple[Organization, ...] = ctx.fields.get("organizations", ())
    # the evidence of each speaker the record lists (a person before an organisation)
    speakers = {o.name: o.evidence for o in bodies} | {p.name: p.evidence for p in known}
    counts = {p.name: len(p.mentions) for p in known}
    names = {o.name for o in bodies}
    quotes = tuple(
        Quote(
            speaker=h.speaker,
            kind=h.kind,
            text=h.text,
            cue=h.cue,
            span=body.span(h.start, h.end),
            speaker_evidence=h.evidence,
            evidence=_evidence(speakers.get(h.speaker, ()) if h.speaker else ()),
            confidence=quote_confidence(quote_key(h.kind, h.evidence, h.speaker, counts, names)),
        )
        for h in hits
    )
    fields: dict[str, object] = {"quotes": quotes}
    if known:
        counts = Counter(q.speaker for q in quotes if q.speaker)
        fields["people"] = tuple(
            p.model_copy(update={"quotes": counts.get(p.name, 0)}) for p in known
        )
    return Result(fields=fields)


def _evidence(speaker: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """The quote finder's rule, and what produced the speaker when the record lists them."""
    return tuple(sorted({"rule", *speaker}))
