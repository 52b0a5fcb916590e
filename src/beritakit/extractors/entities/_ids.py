"""Stable ids for people, organisations and places (the scheme is in ``docs/record.md``).

The same real entity gets the same id in every article, so that counting over many
records counts it once:

- ``per:`` + the slug of the person's canonical name. A name, or a form written in the
  text (``Cak Imin``, ``Jokowi``), that the alias table of national public figures
  (``lang/id/people.tsv``) lists resolves to the table's full name first.
- ``org:`` + the slug of the organisation's expansion when known, else of its name
  (``KPK`` with its expansion and ``Komisi Pemberantasan Korupsi`` are one id).
- ``loc:`` + the place's official code when it has one (Kemendagri ``31.71``, ISO country
  ``SG``, ``geonames:…`` for world cities), else the slug of its name.

A slug is the name folded to ASCII (accents dropped), lower-cased, apostrophes dropped,
every other run of non-alphanumerics one ``-``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from beritakit.lang import LANG_ID
from beritakit.resources import read_table

__all__ = ["known_person", "org_id", "person_entry", "person_id", "place_id", "slug"]

_APOSTROPHES = re.compile(r"['’`ʼ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """``Ma'ruf Amin`` → ``maruf-amin``; ``Hülkenberg`` → ``hulkenberg``."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = _APOSTROPHES.sub("", folded)
    return _NON_ALNUM.sub("-", folded).strip("-")


@functools.cache
def _aliases() -> dict[str, str]:
    """Slug of every name and alias in ``people.tsv`` → the full name's slug."""
    table: dict[str, str] = {}
    for row in read_table(LANG_ID, "people.tsv"):
        if not row or row[0] == "name":
            continue
        canonical = slug(row[0])
        forms = [row[0], *(row[1].split("|") if len(row) > 1 and row[1] else [])]
        for form in forms:
            key = slug(form)
            if key:
                table.setdefault(key, canonical)
    return table


def known_person(form: str) -> bool:
    """``form`` is a name or nickname of a public figure in the alias table (``Jokowi``).

    Acronyms (``SMI``, ``RK``) are left out: as bare words they name companies as often.
    """
    return not form.isupper() and slug(form) in _aliases()


def person_id(name: str, forms: Iterable[str] = ()) -> str:
    """The id of a person called ``name`` in the record and written ``forms`` in the text.

    The record's name is looked up first, then each written form (a nickname written
    with its address word, ``Cak Imin``, whose record name is ``Imin``).
    """
    return person_entry(name, forms)[0]


def person_entry(name: str, forms: Iterable[str] = ()) -> tuple[str, bool]:
    """:func:`person_id`, and whether the alias table of public figures gave it."""
    full = _table_name(name, forms)
    return "per:" + (full or slug(name) or "unknown"), full is not None


def _table_name(name: str, forms: Iterable[str]) -> str | None:
    """The slug of the table's full name for ``name`` or a written form, else None."""
    table = _aliases()
    for key in (slug(name), *(slug(f) for f in forms)):
        if key in table:
            return table[key]
    return None


def org_id(name: str, expansion: str | None = None) -> str:
    """The id of an organisation: its expansion's slug when known, else its name's."""
    key = slug(expansion) if expansion else ""
    return "org:" + (key or slug(name) or "unknown")


def place_id(name: str, code: str | None = None) -> str:
    """The id of a place: its official code when known, else its name's slug."""
    return "loc:" + (code or slug(name) or "unknown")
