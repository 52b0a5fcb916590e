"""The dateline's data: outlets and the places a dateline may name (split out of ``parse.py``).

Read once, through :mod:`beritakit.resources`, from the shared gazetteers and the outlet
table in ``beritakit/lang/id`` and the dateline's own town lists.
"""

from __future__ import annotations

import dataclasses
import functools
import unicodedata
from collections.abc import Iterator

import regex
from spacy.lang.id.stop_words import STOP_WORDS

from beritakit.lang import LANG_ID, fold
from beritakit.resources import gc_paused, read_lines, read_table

# --------------------------------------------------------------------------- data


@dataclasses.dataclass(frozen=True, slots=True)
class OutletInfo:
    canonical: str
    domain: str | None
    usual_city: str | None


@dataclasses.dataclass(frozen=True, slots=True)
class Place:
    spelling: str
    kinds: frozenset[str]


@dataclasses.dataclass(frozen=True, slots=True)
class Data:
    outlets: dict[str, OutletInfo]  # folded spelling -> outlet
    outlet_words: regex.Pattern[str]  # known spellings that are not domains
    domain: regex.Pattern[str]
    places: dict[str, Place]  # folded name -> place
    max_place_words: int
    not_first: frozenset[str]
    not_alone: frozenset[str]
    date: regex.Pattern[str]
    months: dict[str, int]


def table_rows(package: str, name: str) -> Iterator[list[str]]:
    """Yield the tab-separated fields of a data file, skipping comments and blank lines."""
    for line in read_lines(package, name):
        yield line.split("\t")


def table_fold(name: str) -> str:
    """Fold a name for lookup: case, dots and runs of spaces do not count."""
    return " ".join(fold(name).replace(".", " ").split())


def fold_place(name: str) -> str:
    """Fold a place name: like `table_fold`, but initials `D.C` and `DC` are the same."""
    return " ".join(fold(name).replace(".", "").split())


def indonesian_places() -> list[list[str]]:
    """``[name, kind]`` rows of the provinces, regencies, cities and districts of ``lang/id``.

    Regencies and cities by their name without ``Kabupaten``/``Kota`` (``Bogor``), every
    alias of ``place_aliases.tsv`` with its entry's kind; names shorter than three
    letters and districts that are Indonesian stop words are left out.
    """
    kinds: dict[str, str] = {}
    rows: list[list[str]] = []
    for code, name, kind, *_ in read_table(LANG_ID, "places.tsv"):
        kinds[code] = kind
        if kind in ("city", "regency"):
            words = name.split(" ")
            name = " ".join(words[2:] if words[1] == "Administrasi" else words[1:])
        if len(name) >= 3 and not (kind == "district" and name.casefold() in STOP_WORDS):
            rows.append([name, kind])
    for code, alias, *rest in read_table(LANG_ID, "place_aliases.tsv"):
        flags = rest[0].split(",") if rest else []
        kind = next((f[5:] for f in flags if f.startswith("kind=")), kinds[code])
        rows.append([alias, kind])
    return rows


def world_places() -> list[list[str]]:
    """``[name, kind]`` rows of the countries and cities of ``lang/id/places_world.tsv``.

    Cities take the kind ``world``; each name also without accents and apostrophes
    (``Asuncion``, ``Taif``), as datelines write them; names shorter than three letters
    or that are Indonesian stop words are left out.
    """
    kinds: dict[str, str] = {}
    names: list[tuple[str, str]] = []
    for code, name, kind, *_ in read_table(LANG_ID, "places_world.tsv"):
        kinds[code] = "world" if kind == "city" else kind
        names.append((name, kinds[code]))
    for code, alias, *rest in read_table(LANG_ID, "place_world_aliases.tsv"):
        new_kind = rest[2] if len(rest) > 2 else ""
        kind = kinds.get(code) or ("world" if new_kind == "city" else new_kind)
        names.append((alias, kind))
    rows: list[list[str]] = []
    for name, kind in names:
        ascii_name = "".join(
            c
            for c in unicodedata.normalize("NFKD", name)
            if not unicodedata.combining(c) and c not in "'\u2018\u2019\u02bb\u02bc"
        )
        for spelling in dict.fromkeys((name, ascii_name)):
            if len(spelling) >= 3 and spelling.casefold() not in STOP_WORDS:
                rows.append([spelling, kind])
    return rows


def table_outlets() -> tuple[dict[str, OutletInfo], regex.Pattern[str], regex.Pattern[str]]:
    """The outlets by folded spelling, a pattern of their spellings, the domain pattern."""
    here = "beritakit.extractors.dateline"
    outlets: dict[str, OutletInfo] = {}
    words: set[str] = set()
    suffixes = [r[0].strip().lower() for r in table_rows(here, "domain_suffixes.txt")]
    suffix_re = "|".join(regex.escape(s) for s in sorted(suffixes, key=len, reverse=True))
    label = r"[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,40}[\p{L}\p{N}])?"
    domain = regex.compile(
        rf"(?i)(?:www\.)?{label}(?:\.{label}){{0,2}}\.(?:{suffix_re})(?![\p{{L}}\p{{N}}]|\.[\p{{L}}\p{{N}}])"
    )
    for row in table_rows(LANG_ID, "outlets.tsv"):
        row += [""] * (4 - len(row))
        canonical, dom, spellings, city = (f.strip() for f in row[:4])
        info = OutletInfo(canonical, dom.lower() or None, city or None)
        for spelling in [canonical, dom, *spellings.split("|")]:
            spelling = spelling.strip()
            if not spelling:
                continue
            outlets.setdefault(table_fold(spelling), info)
            if not domain.fullmatch(spelling):
                words.add(spelling)
    alternation = "|".join(
        regex.escape(w).replace(r"\ ", "[ \t]") for w in sorted(words, key=len, reverse=True)
    )
    outlet_words = regex.compile(
        rf"(?i)(?:{alternation})(?![\p{{L}}\p{{N}}])(?!\.[\p{{L}}\p{{N}}])"
    )
    return outlets, outlet_words, domain


@functools.cache
@gc_paused()
def table_data() -> Data:
    """Read and index the package data once (the collector paused, as for the entity tables)."""
    here = "beritakit.extractors.dateline"
    outlets, outlet_words, domain = table_outlets()

    places: dict[str, Place] = {}
    kinds: dict[str, set[str]] = {}
    spelling_of: dict[str, str] = {}
    rows = [
        *table_rows(here, "places_extra.tsv"),
        *indonesian_places(),
        *table_rows(here, "seat_towns.tsv"),
        *table_rows(here, "towns_id.tsv"),
        *world_places(),
    ]
    for row in rows:
        if len(row) >= 2:
            key = fold_place(row[0])
            spelling_of.setdefault(key, row[0].strip())
            kinds.setdefault(key, set()).add(row[1].strip())
    not_first: set[str] = set()
    not_alone: set[str] = set()
    for row in table_rows(here, "not_places.tsv"):
        (not_first if row[1].strip() == "first" else not_alone).add(row[0].strip().casefold())
    months: dict[str, int] = {}
    for row in table_rows(LANG_ID, "months.tsv"):
        for spelling in row[2].split(","):
            months[spelling.strip()] = int(row[1])
    for row in table_rows(LANG_ID, "weekdays.tsv"):
        not_alone.update(s.strip() for s in row[2].split(","))
    not_alone.update(months)
    for key, found in kinds.items():
        if key not in not_alone:
            places[key] = Place(spelling_of[key], frozenset(found))
    month_re = "|".join(regex.escape(m) for m in sorted(months, key=len, reverse=True))
    date = regex.compile(
        rf"(?i)(\d{{1,2}})[ \t]{{1,3}}({month_re})(?!\p{{L}})\.?(?:[ \t]{{1,3}}(\d{{4}}))?(?!\d)"
    )
    return Data(
        outlets=outlets,
        outlet_words=outlet_words,
        domain=domain,
        places=places,
        max_place_words=max(len(k.split()) for k in places),
        not_first=frozenset(not_first),
        not_alone=frozenset(not_alone),
        date=date,
        months=months,
    )


# ------------------------------------------------------------------------ patterns
