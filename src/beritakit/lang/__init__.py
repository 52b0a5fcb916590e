"""Language data shared by several extractors, and the one way to fold a word for lookup.

``beritakit.lang.id`` holds the Indonesian data files; read them with
:mod:`beritakit.resources` (``read_lines(LANG_ID, "honorifics.tsv")``).
"""

from __future__ import annotations

__all__ = ["LANG_ID", "ORG_TABLES", "fold"]

#: The package that holds the Indonesian data files.
LANG_ID = "beritakit.lang.id"
#: The organisation tables of ``LANG_ID``, in the order they are read: a name an earlier
#: table has keeps that table's entry, and a later row of that name only adds short forms.
ORG_TABLES = ("orgs.tsv", "teams.tsv", "clubs.tsv", "orgs_editorial.tsv")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def fold(text: str) -> str:
    """Fold ``text`` for a dictionary lookup: casefold, curly apostrophes made straight.

    Every word list is looked up through this (or a key built on it, such as a
    place key that also drops dots): ``Jum’at``, ``JUM'AT`` and ``jum'at`` are one key.
    """
    return text.casefold().translate(_APOSTROPHES)
