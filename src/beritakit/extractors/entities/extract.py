"""The ``entities.v1`` extractor: people, organisations and places from the NER Doc."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from pydantic import BaseModel
from spacy.tokens import Doc

from beritakit.context import Context, Mentioned, Mentions, Result
from beritakit.extractors.entities import find_entities
from beritakit.record import Credit, Dateline, Organization, Person, Place

__all__ = ["extract"]

_R = TypeVar("_R", bound=BaseModel)


def extract(doc: Doc | None, ctx: Context) -> Result:
    """Find the entities of the body.

    The article's own outlet is not an organisation and people named only in the
    credits are not people of the story, so both are passed on as names to leave
    out. People and organisations also go to :class:`~beritakit.context.Mentions`
    with their mentions as body offsets, for the quotes extractor.
    """
    body = ctx.body
    if doc is None or body is None:
        return Result(fields={"people": (), "organizations": (), "places": ()})
    exclude: list[str] = []
    dateline = ctx.fields.get("dateline")
    if isinstance(dateline, Dateline):
        exclude += [n for n in (dateline.outlet, dateline.outlet_domain) if n]
    credits: tuple[Credit, ...] = ctx.fields.get("credits", ())
    exclude += [c.name for c in credits]
    found = find_entities(doc, text=body.text, exclude_names=exclude)

    def record(model: type[_R], hit: Any) -> _R:
        # the hits carry the record's field names; only the mentions change coordinates
        values = {f.name: getattr(hit, f.name) for f in dataclasses.fields(hit)}
        values["mentions"] = tuple(body.span(s, e) for s, e in hit.mentions)
        return model(**values)

    people = tuple(record(Person, p) for p in found.people)
    organizations = tuple(record(Organization, o) for o in found.organizations)
    places = tuple(record(Place, p) for p in found.places)
    mentions = Mentions(
        people=tuple(Mentioned(p.name, p.mentions) for p in found.people),
        organizations=tuple(Mentioned(o.name, o.mentions) for o in found.organizations),
    )
    return Result(
        fields={"people": people, "organizations": organizations, "places": places},
        mentions=mentions,
    )
