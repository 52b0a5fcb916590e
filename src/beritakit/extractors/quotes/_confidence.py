"""Calibrated confidence of quotes: a key, then a table look-up.

A quote's *key* says its kind (``direct``/``indirect``), how its speaker was told
(``speaker_evidence``: ``named``, ``pronoun``, ``carried``, ``none``) and who the speaker
is: ``nobody``, an organisation of the record (``org``), a name the record does not list
(``unlisted``), or one of its people with the number of mentions the person has
(``person1``, ``person2``, ``person3+``).

``quote_confidence.tsv`` beside this module maps each key to the estimated share of such
quotes that were found with the right speaker on the dev articles, as fitted by
``evaluation/calibrate.py`` (method and reliability tables in ``docs/accuracy.md``); it is
only read here. A key the table does not list gets the row ``quote``.
"""

from __future__ import annotations

import functools
from collections.abc import Container, Mapping

from beritakit.resources import read_table

__all__ = ["TABLE", "quote_confidence", "quote_key"]

#: The calibration table's file name in this package.
TABLE = "quote_confidence.tsv"
_PACKAGE = "beritakit.extractors.quotes"


def quote_key(
    kind: str,
    speaker_evidence: str,
    speaker: str | None,
    people: Mapping[str, int],
    organizations: Container[str] = (),
) -> str:
    """The calibration key of one quote.

    ``people`` maps each person of the record to their number of mentions;
    ``organizations`` holds the record's organisation names.
    """
    if not speaker:
        who = "nobody"
    elif speaker in people:
        n = people[speaker]
        who = "person3+" if n >= 3 else f"person{max(n, 1)}"
    elif speaker in organizations:
        who = "org"
    else:
        who = "unlisted"
    return f"quote {kind} {speaker_evidence} {who}"


def quote_confidence(key: str) -> float:
    """The calibrated confidence of the quotes of ``key`` (all quotes', when not listed)."""
    table = _table()
    found = table.get(key)
    if found is None:
        found = table.get("quote", 0.5)
    return found


@functools.cache
def _table() -> dict[str, float]:
    """``quote_confidence.tsv``: key, confidence (then the dev counts, not read here)."""
    return {row[0]: float(row[1]) for row in read_table(_PACKAGE, TABLE) if row[0] != "key"}
