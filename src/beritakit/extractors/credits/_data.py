"""The credits' data: labels, phrases, report lines, agencies, word lists (from ``parse.py``).

Each table is read once, through :mod:`beritakit.resources`, from this package's data files
and the shared ``beritakit/lang/id`` lists.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from beritakit.lang import LANG_ID, fold
from beritakit.resources import read_lines, read_table

PACKAGE = "beritakit.extractors.credits"


@dataclass(frozen=True, slots=True)
class Label:
    role: str
    anywhere: bool
    glue: bool


# ---------------------------------------------------------------- data


@functools.cache
def credit_labels() -> dict[str, Label]:
    return {
        row[0].casefold(): Label(row[1], row[2] == "anywhere", row[3] == "yes")
        for row in read_table(PACKAGE, "labels.tsv")
    }


@functools.cache
def label_pattern() -> regex.Pattern[str]:
    words = sorted(credit_labels(), key=len, reverse=True)
    alternation = "|".join(regex.escape(w).replace(r"\ ", r"[ \t]{1,3}") for w in words)
    return regex.compile(rf"(?i)(?P<label>{alternation})[ \t]{{0,3}}:[ \t]{{0,3}}")


@functools.cache
def credit_phrases() -> tuple[tuple[str, bool, regex.Pattern[str]], ...]:
    # a phrase starts a line, follows a sentence end, or is glued to the line before it
    # (`bahasa InggrisDiadaptasi oleh X`: the scraper lost the break)
    lead = r"(?:^[ \t*\u2022\-]{0,3}|(?<=[.!?\u201d\"')\]][ \t]{0,3})|(?<=\p{Ll}))"
    return tuple(
        (
            row[0],
            row[1] == "yes",
            regex.compile(lead + "(?:" + row[2].replace(" ", r"[ \t]{1,3}") + ")", regex.M),
        )
        for row in read_table(PACKAGE, "phrases.tsv")
    )


@functools.cache
def laporan_pattern() -> tuple[regex.Pattern[str], dict[str, str]]:
    roles = {row[0].casefold(): row[1] for row in read_table(PACKAGE, "laporan.tsv")}
    words = "|".join(regex.escape(w) for w in sorted(roles, key=len, reverse=True))
    pattern = regex.compile(
        rf"(?im)^[ \t]{{0,3}}laporan[ \t]{{1,3}}(?:(?P<word>{words})[ \t]{{1,3}})?"
        rf"(?P<rest>[^\n]{{2,120}}?)[ \t]*$"
    )
    return pattern, roles


@functools.cache
def role_prefix() -> regex.Pattern[str]:
    words = "|".join(regex.escape(row[0]) for row in read_table(PACKAGE, "laporan.tsv"))
    return regex.compile(rf"(?i)(?:{words})\b[^,\n]{{0,40}},[ \t]{{0,3}}")


@functools.cache
def credit_agencies() -> frozenset[str]:
    """News agencies as written (``Antara``, ``ANTARA``, ``Reuters``).

    The ``agency`` rows of ``lang/id/outlets.tsv``, each spelling also in capitals.
    """
    out: set[str] = set()
    for row in read_table(LANG_ID, "outlets.tsv"):
        if len(row) >= 5 and row[4] == "agency":
            for spelling in [row[0], *row[2].split("|")]:
                if spelling and "." not in spelling:
                    out.update({spelling, spelling.upper()})
    return frozenset(out)


@functools.cache
def credit_name_particles() -> frozenset[str]:
    return frozenset(fold(w.strip()) for w in read_lines(LANG_ID, "name_particles.txt"))


@functools.cache
def wordset(name: str, fold: bool = True) -> frozenset[str]:
    return frozenset(w.strip().casefold() if fold else w.strip() for w in read_lines(PACKAGE, name))
