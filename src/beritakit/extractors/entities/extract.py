"""The ``entities.v1`` extractor: people, organisations and places from the NER Doc."""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

from pydantic import BaseModel
from spacy.tokens import Doc

from beritakit.context import Context, Mentioned, Mentions, Result
from beritakit.extractors.entities import find_entities
from beritakit.extractors.entities._confidence import entity_confidence, entity_key
from beritakit.extractors.entities._hits import OrgHit, PersonHit, PlaceHit
from beritakit.extractors.entities._ids import org_id, person_entry, place_id
from beritakit.record import Credit, Dateline, Organization, Person, Place

__all__ = ["extract"]

_R = TypeVar("_R", bound=BaseModel)


def extract(doc: Doc | None, ctx: Context) -> Result:
    """Find the entities of the body.

    The article's own outlet is not an organisation and people named only in the
    credits are not people of the story, so both are passed on as names to leave
    out. People and organisations also go to :class:`~beritakit.context.Mentions`
    with their mentions as body offsets, for the quotes extractor. Each value carries
    the finder's ``evidence`` (plus ``alias`` for a person the alias table of public
    figures lists) and the ``confidence`` that ``entity_confidence.tsv`` gives its key.
    """
    body = ctx.body
    if doc is None or body is None:
        return Result(fields={"people": (), "organizations": (), "places": ()})
    exclude: list[str] = []
    near: list[str] = []
    dateline = ctx.fields.get("dateline")
    outlet_named = False
    if isinstance(dateline, Dateline):
        exclude += [n for n in (dateline.outlet, dateline.outlet_domain) if n]
        near += [dateline.city] if dateline.city else []
        outlet_named = bool(dateline.outlet or dateline.outlet_domain)
    credits: tuple[Credit, ...] = ctx.fields.get("credits", ())
    exclude += [c.name for c in credits if c.role != "source"]  # a source may be in the body too
    found = find_entities(
        doc, text=body.text, exclude_names=exclude, near=near, outlet_named=outlet_named
    )

    text = body.text

    def record(model: type[_R], hit: Any, entity_id: str) -> _R:
        # the hits carry the record's field names; only the mentions change coordinates
        values = {f.name: getattr(hit, f.name) for f in dataclasses.fields(hit)}
        values["mentions"] = tuple(body.span(s, e) for s, e in hit.mentions)
        values["entity_id"] = entity_id
        values["confidence"] = entity_confidence(_key(hit))
        return model(**values)

    people: list[Person] = []
    for p in found.people:
        entity_id, listed = person_entry(p.name, _written_forms(text, p.mentions))
        if listed and "alias" not in p.evidence:  # the alias table of public figures knows it
            p = dataclasses.replace(p, evidence=tuple(sorted((*p.evidence, "alias"))))
        people.append(record(Person, p, entity_id))
    organizations = tuple(
        record(Organization, o, org_id(o.name, o.expansion)) for o in found.organizations
    )
    places = tuple(record(Place, p, place_id(p.name, p.code)) for p in found.places)
    mentions = Mentions(
        people=tuple(Mentioned(p.name, p.mentions) for p in found.people),
        organizations=tuple(Mentioned(o.name, o.mentions) for o in found.organizations),
    )
    return Result(
        fields={"people": tuple(people), "organizations": organizations, "places": places},
        mentions=mentions,
    )


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _written_forms(text: str, mentions: tuple[tuple[int, int], ...]) -> list[str]:
    """Each mention as written, and each with the word before it.

    The word before may be an address word the name drops (``Cak Imin``, name ``Imin``).
    """
    forms: list[str] = []
    for s, e in mentions:
        forms.append(text[s:e])
        before = _WORD_BEFORE.search(text, max(0, s - 20), s)
        if before:
            forms.append(f"{before.group(1)} {text[s:e]}")
    return forms


def _key(hit: PersonHit | OrgHit | PlaceHit) -> str:
    """The calibration key of a hit (``_confidence.entity_key``), from its record fields."""
    n = len(hit.mentions)
    if isinstance(hit, PersonHit):
        described = bool(hit.roles or hit.honorifics)
        return entity_key("PER", hit.evidence, n, hit.name, described=described)
    if isinstance(hit, OrgHit):
        return entity_key("ORG", hit.evidence, n, hit.name)
    return entity_key(
        "LOC",
        hit.evidence,
        n,
        hit.name,
        code=hit.code,
        candidates=bool(hit.candidates),
        kind=hit.kind,
    )
