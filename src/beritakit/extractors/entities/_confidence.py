"""Calibrated confidence of people, organisations and places: a key, then a table look-up.

A value's *key* is a few coarse features of it, written as words: the type, what produced
it (the evidence tags joined by ``+``), how many mentions it has (``1``, ``2``, ``3+``) and
one or two features of its type:

- a person: how many words the name has (``1w``, ``2w+``), and whether the text gives a
  role or an honorific with it (``described``/``bare``);
- an organisation: ``1w``/``2w+``, and whether the name is written in capitals
  (``caps``/``mixed``);
- a place: whether it has its official code (``coded``), several candidates
  (``shared``) or neither (``uncoded``), and its kind.

``entity_confidence.tsv`` beside this module maps each key to the estimated share of such values
that were right on the dev articles, as fitted by ``evaluation/calibrate.py`` (method and
reliability tables in ``docs/accuracy.md``); it is only read here, never fitted. A key
the table does not list gets the row of its type alone.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from beritakit.resources import read_table

__all__ = ["TABLE", "entity_confidence", "entity_key"]

#: The calibration table's file name in this package.
TABLE = "entity_confidence.tsv"
_PACKAGE = "beritakit.extractors.entities"


def entity_key(
    label: str,
    evidence: Iterable[str],
    mentions: int,
    name: str,
    *,
    described: bool = False,
    code: str | None = None,
    candidates: bool = False,
    kind: str = "other",
) -> str:
    """The calibration key of one person (``PER``), organisation (``ORG``) or place (``LOC``).

    ``described``: the person has a role or an honorific; ``code``, ``candidates`` and
    ``kind`` are a place's.
    """
    parts = [label, "+".join(sorted(evidence)) or "-", _count(mentions)]
    if label == "LOC":
        parts += ["coded" if code else "shared" if candidates else "uncoded", kind]
    else:
        parts.append("1w" if len(name.split()) <= 1 else "2w+")
        if label == "PER":
            parts.append("described" if described else "bare")
        else:
            parts.append("caps" if name.isupper() else "mixed")
    return " ".join(parts)


def entity_confidence(key: str) -> float:
    """The calibrated confidence of the values of ``key`` (its type's, when not listed)."""
    table = _table()
    found = table.get(key)
    if found is None:
        found = table.get(key.split(" ", 1)[0], 0.5)
    return found


def _count(mentions: int) -> str:
    return "3+" if mentions >= 3 else str(max(mentions, 1))


@functools.cache
def _table() -> dict[str, float]:
    """``entity_confidence.tsv``: key, confidence (then the dev counts, not read here)."""
    return {row[0]: float(row[1]) for row in read_table(_PACKAGE, TABLE) if row[0] != "key"}
