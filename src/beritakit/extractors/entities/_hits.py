"""What the entities extractor returns: people, organisations and places with their mentions."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Entities", "OrgHit", "PersonHit", "PlaceHit"]


@dataclass(frozen=True, slots=True)
class PersonHit:
    """A person named in the body: canonical name, titles, roles and every mention."""

    name: str
    honorifics: tuple[str, ...]
    degrees: tuple[str, ...]
    roles: tuple[str, ...]
    mentions: tuple[tuple[int, int], ...]
    aliases: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()  # what produced it: model, gazetteer, rule, alias, acronym


@dataclass(frozen=True, slots=True)
class OrgHit:
    """An organisation: its fullest written name, acronym, expansion and other written names."""

    name: str
    acronym: str | None
    expansion: str | None
    aliases: tuple[str, ...]
    mentions: tuple[tuple[int, int], ...]
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceHit:
    """A place: name, kind (city|regency|province|country|region|other), official data."""

    name: str
    kind: str
    code: str | None
    province: str | None
    lat: float | None
    lon: float | None
    mentions: tuple[tuple[int, int], ...]
    candidates: tuple[str, ...] = ()  # codes of the regions a shared name may be (code None)
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entities:
    """Everything :func:`find_entities` found in one article."""

    people: tuple[PersonHit, ...]
    organizations: tuple[OrgHit, ...]
    places: tuple[PlaceHit, ...]
