"""Labels, tiers and small helpers shared by the entity finder's rule groups."""

from __future__ import annotations

import regex

from beritakit.extractors.entities._cluster import Mention

__all__ = [
    "COUNTRY_SUFFIX",
    "HYPHEN_GIVEN",
    "IS_WORDS",
    "LOC",
    "MODEL_LABELS",
    "ORG",
    "PER",
    "T_GAZ",
    "T_MODEL",
    "T_RULE",
    "T_WEAK",
    "Cand",
    "count_marked",
]

PER, ORG, LOC = "PER", "ORG", "LOC"
MODEL_LABELS = {"PER": PER, "PERSON": PER, "ORG": ORG, "LOC": LOC, "GPE": LOC}

# tiers: lower is stronger
T_RULE, T_GAZ, T_MODEL, T_WEAK = 0, 1, 2, 3


Cand = Mention
# A romanised Korean given name: two syllables joined by a hyphen ("Joon-ho", "Seon-gyeom").
HYPHEN_GIVEN = regex.compile(r"(\p{Lu}\p{Ll}{0,5})-(\p{Ll}{1,6})")

# the country written after an Indonesian body's name: "Komisi II DPR RI", "Kemenkes RI"
COUNTRY_SUFFIX = frozenset({"indonesia", "ri", "republik indonesia", "negara republik indonesia"})

IS_WORDS = frozenset({"merupakan", "adalah", "ialah", "menjabat"})  # "Dewi yang merupakan …"


def count_marked(items: list[tuple[int, int]], marks: set[int]) -> int:
    """How many of the token ranges ``items`` hold a marked token."""
    return sum(1 for a, b in items if any(x in marks for x in range(a, b)))
