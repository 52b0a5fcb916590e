"""Load and index the data files of the entities extractor (gazetteers, word lists, patterns)."""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from spacy.lang.id.stop_words import STOP_WORDS

from beritakit.extractors.entities._tokens import corpus_words, fold, tokenize
from beritakit.lang import LANG_ID, ORG_TABLES
from beritakit.resources import gc_paused, read_lines, read_table

__all__ = [
    "FACILITY",
    "ORG_HEAD",
    "ORG_SUFFIX",
    "PLACE_HEAD",
    "ROLE_HEAD",
    "ROLE_PREFIX",
    "Data",
    "OrgEntry",
    "PlaceEntry",
    "data",
    "key_of",
]

# Phrase tables, as bits: Data.first_words maps a word to the tables with a phrase starting with it.
ROLE_HEAD, ROLE_PREFIX, ORG_HEAD, ORG_SUFFIX, PLACE_HEAD, FACILITY = 1, 2, 4, 8, 16, 32

_PKG = "beritakit.extractors.entities"

# How a bare name that several entries share is read when the text does not say which.
KIND_PREFERENCE = {
    "province": 0,
    "city": 1,
    "regency": 2,
    "country": 3,
    "world": 4,
    "region": 5,
    "other": 6,
    "district": 7,
}


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """A place of the gazetteers."""

    id: str
    name: str
    kind: str  # province|regency|city|district|country|world|region|other
    code: str | None
    province: str | None
    lat: float | None
    lon: float | None

    @property
    def public_kind(self) -> str:
        """The kind as the record names it (city|regency|province|country|region|other)."""
        if self.kind == "world":
            return "city"
        if self.kind == "district":
            return "other"
        return self.kind

    @property
    def indonesian_admin(self) -> bool:
        """A province, regency or city of Indonesia."""
        return (
            self.kind in ("province", "regency", "city")
            and self.code is not None
            and ":" not in self.code
        )


@dataclass(frozen=True, slots=True)
class OrgEntry:
    """An organisation of the gazetteer."""

    id: str
    name: str
    acronym: str | None
    type: str = ""  # ministry|agency|club|brand|… (lang/id/orgs.tsv), "" when unknown


# Organisation types whose one-word short form is an acronym even with one capital ("Kemendagri").
_ACRONYM_TYPES = frozenset(
    "ministry agency legislature police military court other party soe intl_org".split()
)


def _acronym(kind: str, short_forms: list[str]) -> str | None:
    """The acronym among an organisation's short forms.

    The first in capitals ("BMKG", "PDI-P"), or for a state body the first one-word form
    ("Kemendagri", "Apkasi").
    """
    for form in short_forms:
        letters = [ch for ch in form if ch.isalpha()]
        if " " not in form and letters and all(ch.isupper() for ch in letters):
            return form
    first = short_forms[0] if short_forms else ""
    return first if kind in _ACRONYM_TYPES and first and " " not in first else None


@dataclass(frozen=True, slots=True)
class Alias:
    """One written form of a gazetteer entry."""

    entry: PlaceEntry | OrgEntry
    form: str
    caps: bool  # only as written in capitals (or exactly as listed)
    sport: bool = (
        False  # a team's short form that is also a word or town: the team only about sport
    )


@dataclass(slots=True)
class Data:
    """Everything the rules read, indexed for matching."""

    gazetteer: dict[tuple[str, ...], list[Alias]] = field(default_factory=dict)
    # how a gazetteer name becomes its key (gazetteer_key; gazetteer_forms records instead)
    key_fn: Callable[[str], tuple[str, ...]] = field(default=lambda form: gazetteer_key(form))
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    honorifics: dict[tuple[str, ...], str] = field(default_factory=dict)
    rank_suffixes: frozenset[str] = frozenset()
    rank_words: frozenset[str] = frozenset()  # every word of an honorific or rank, folded
    degrees: frozenset[str] = frozenset()
    role_heads: set[tuple[str, ...]] = field(default_factory=set)
    role_prefixes: set[tuple[str, ...]] = field(default_factory=set)
    role_words: frozenset[str] = frozenset()
    org_prefix_heads: dict[tuple[str, ...], int] = field(default_factory=dict)
    org_suffix_heads: dict[tuple[str, ...], int] = field(default_factory=dict)
    place_heads: dict[tuple[str, ...], tuple[str, bool]] = field(default_factory=dict)
    facility_heads: set[tuple[str, ...]] = field(default_factory=set)
    not_entities: frozenset[str] = frozenset()
    common_words: frozenset[str] = frozenset()
    stop_words: frozenset[str] = frozenset()
    corpus_words: frozenset[str] = frozenset()  # common lower-case words, never names
    not_person_heads: frozenset[str] = frozenset()
    not_people: frozenset[str] = frozenset()  # never a person by themselves (not_people.txt)
    korean_surnames: frozenset[str] = frozenset()  # as written: "Park", "Bong"
    patterns: tuple[dict[str, object], ...] = ()
    provinces: dict[str, str] = field(default_factory=dict)
    max_len: int = 1
    first_words: dict[str, int] = field(default_factory=dict)

    def table(self, bit: int) -> Collection[tuple[str, ...]]:
        """The phrase table a bit stands for (its keys are the phrases)."""
        tables: dict[int, Collection[tuple[str, ...]]] = {
            ROLE_HEAD: self.role_heads,
            ROLE_PREFIX: self.role_prefixes,
            ORG_HEAD: self.org_prefix_heads,
            ORG_SUFFIX: self.org_suffix_heads,
            PLACE_HEAD: self.place_heads,
            FACILITY: self.facility_heads,
        }
        return tables[bit]


def key_of(text: str) -> tuple[str, ...]:
    """The dictionary key of a name: its folded word tokens, abbreviation dots dropped."""
    return tuple(fold(t.text) for t in tokenize(text) if t.text != ".")


def _float(cell: str) -> float | None:
    return float(cell) if cell else None


def _cells(row: tuple[str, ...], n: int) -> list[str]:
    return list(row) + [""] * (n - len(row))


def plain_key(form: str) -> tuple[str, ...]:
    """The key of a name whose words the scanner keeps as they are: its folded words."""
    return tuple(fold(form).split())  # folding keeps spaces: one call for the whole name


@functools.cache
def _key_exceptions() -> dict[str, tuple[str, ...]]:
    """Gazetteer names whose key is not :func:`plain_key` (``gazetteer_keys.tsv``)."""
    return {form: tuple(words.split()) for form, words in read_table(_PKG, "gazetteer_keys.tsv")}


def gazetteer_key(form: str) -> tuple[str, ...]:
    """:func:`key_of` for a gazetteer name, without scanning it.

    Scanning the 14,000 gazetteer names took a fifth of a second at every start;
    ``gazetteer_keys.tsv`` lists the few whose key differs from their folded words
    (dots, hyphens, glue), and tests/test_gazetteers.py checks every name against
    :func:`key_of`. Rebuild the file with
    ``scripts/build_data.py --keys``.
    """
    exceptions = _key_exceptions()
    return exceptions[form] if form in exceptions else plain_key(form)


def gazetteer_forms() -> list[str]:
    """Every name the place and organisation gazetteers index, as written in the data."""
    forms: list[str] = []

    def record(form: str) -> tuple[str, ...]:
        forms.append(form)
        return plain_key(form)

    d = Data(key_fn=record)
    _load_places(d)
    _load_orgs(d)
    return forms


def _add(
    d: Data, form: str, entry: PlaceEntry | OrgEntry, caps: bool = False, sport: bool = False
) -> None:
    key = d.key_fn(form)
    if not key:
        return
    aliases = d.gazetteer.get(key)
    if aliases is None:
        d.gazetteer[key] = [Alias(entry, form, caps, sport)]
        d.prefixes.update(key[:i] for i in range(1, len(key) + 1))
        d.max_len = max(d.max_len, len(key))
    elif not any(a.entry.id == entry.id for a in aliases):
        aliases.append(Alias(entry, form, caps, sport))
    if not form.isascii() and (plain := _without_marks(form)) != form:
        _add(d, plain, entry, caps, sport)  # news writes "Curacao", "Atletico", "Sao Paulo"


def _without_marks(form: str) -> str:
    """``form`` without its accents ("Curaçao" -> "Curacao", "Atlético" -> "Atletico").

    ``form`` itself when that is a short word or a common one: "Salé" is no "Sale", "Ōta"
    no "OTA".
    """
    plain = "".join(c for c in unicodedata.normalize("NFD", form) if not unicodedata.combining(c))
    if " " not in plain and (len(plain) < 6 or fold(plain) in corpus_words()):
        return form
    return plain


def _phrases(lines: Iterable[str]) -> set[tuple[str, ...]]:
    return {key_of(line.strip()) for line in lines if line.strip()}


def _load_places(d: Data) -> None:
    _load_indonesia(d)
    _load_world(d)
    _load_regions(d)


@functools.cache
def place_points() -> dict[str, tuple[float, float]]:
    """Coordinates by Kemendagri or ISO code (``lang/id/place_points.tsv``, see its SOURCE.md)."""
    return {
        code: (float(lat), float(lon))
        for code, lat, lon, *_ in read_table(LANG_ID, "place_points.tsv")
    }


def _point(code: str, lat: str, lon: str) -> tuple[float | None, float | None]:
    """A place's coordinates: the knowledge list's point, else the gazetteer's own."""
    point = place_points().get(code)
    return point if point is not None else (_float(lat), _float(lon))


def _load_indonesia(d: Data) -> None:
    """Provinces, regencies, cities and districts (``lang/id/places.tsv``) and their aliases."""
    rows = read_table(LANG_ID, "places.tsv")
    provinces = {code: name for code, name, kind, *_ in rows if kind == "province"}
    aliases = [tuple(_cells(r, 3)) for r in read_table(LANG_ID, "place_aliases.tsv")]
    display = {code: alias for code, alias, flags in aliases if "display" in flags.split(",")}
    d.provinces = {code: display.get(code, name) for code, name in provinces.items()}
    entries: dict[str, PlaceEntry] = {}
    for row in rows:
        code, name, kind, province, lat, lon = _cells(row, 6)
        base = name
        if kind in ("city", "regency"):
            base = (
                name.split(" ", 2)[-1]
                if name.split(" ")[1] == "Administrasi"
                else name.split(" ", 1)[1]
            )
        entry = PlaceEntry(
            code,
            display.get(code, base),
            kind,
            code,
            d.provinces[code.split(".")[0]],
            *_point(code, lat, lon),
        )
        entries[code] = entry
        _add(d, entry.name, entry)
        if kind in ("city", "regency"):
            head = "Kota" if kind == "city" else "Kabupaten"
            _add(d, f"{head} {base}", entry)
            _add(d, name, entry)
            if kind == "regency":
                _add(d, f"Kab. {base}", entry)
                _add(d, f"Kab {base}", entry)
        elif kind == "province":
            _add(d, name, entry)
            _add(d, f"Provinsi {entry.name}", entry)
    for code, alias, flags in aliases:
        entry = entries[code]
        for flag in flags.split(","):
            if flag.startswith("kind="):
                # "Jakarta" as a city has a point of its own (31:city), not the province's
                lat_, lon_ = place_points().get(f"{code}:{flag[5:]}", (entry.lat, entry.lon))
                entry = PlaceEntry(
                    f"{code}:{flag[5:]}",
                    alias,
                    flag[5:],
                    code,
                    entry.province,
                    lat_,
                    lon_,
                )
        _add(d, alias, entry, caps="caps" in flags.split(","))


def _load_world(d: Data) -> None:
    """Countries and cities outside Indonesia, with their Indonesian names."""
    world: dict[str, PlaceEntry] = {}
    for row in read_table(LANG_ID, "places_world.tsv"):
        code, name, kind, country, lat, lon = _cells(row, 6)
        world[code] = PlaceEntry(
            code,
            name,
            "world" if kind == "city" else kind,
            code if kind == "country" else None,
            None,
            *(_point(code, lat, lon) if kind == "country" else (_float(lat), _float(lon))),
        )
    for row in read_table(LANG_ID, "place_world_aliases.tsv"):
        code, alias, flags, kind, country, lat, lon = _cells(row, 7)
        if code not in world:
            world[code] = PlaceEntry(
                code,
                alias,
                "world" if kind == "city" else kind,
                None,
                None,
                _float(lat),
                _float(lon),
            )
        elif "display" in flags.split(","):
            old = world[code]
            world[code] = PlaceEntry(
                old.id, alias, old.kind, old.code, old.province, old.lat, old.lon
            )
    for entry in world.values():
        _add(d, entry.name, entry)
    for row in read_table(LANG_ID, "place_world_aliases.tsv"):
        code, alias, flags = _cells(row, 3)[:3]
        _add(d, alias, world[code], caps="caps" in flags.split(","))


def _load_regions(d: Data) -> None:
    """World regions, islands, seas and areas (``regions.tsv``)."""
    for row in read_table(_PKG, "regions.tsv"):
        name, kind, others, flags = _cells(row, 4)
        entry = PlaceEntry(f"region:{name}", name, kind, None, None, None, None)
        for form in [name, *filter(None, others.split("|"))]:
            _add(d, form, entry, caps=form.isupper() and len(form) <= 4)


# Words of a football club's legal name that the news leaves out ("AFC Bournemouth",
# "Parma Calcio 1913", "Real Betis Balompié"): abbreviations of club, association, sport
# club and company forms in the openfootball names of lang/id/orgs.tsv.
_CLUB_AFFIXES = frozenset(
    """
    fc afc cf cfc sc ssc ac acf as us ss bc ud rcd rc ca sv tsg vfb vfl fsv ogc aj sl cp sk
    osc sco calcio balompie balompié futbol fútbol de 1.
    """.split()
)


def club_short_form(name: str) -> str | None:
    """The name a foreign club goes by without its legal affixes and founding year.

    ``AFC Bournemouth`` → ``Bournemouth``, ``Parma Calcio 1913`` → ``Parma``, ``1. FC Union
    Berlin`` → ``Union Berlin``, ``Real Sociedad de Fútbol`` → ``Real Sociedad``; None when
    nothing is left out or nothing is left.
    """
    words_ = name.split()

    def affix(w: str) -> bool:
        return fold(w) in _CLUB_AFFIXES or w.isdigit()

    i, j = 0, len(words_)
    while i < j and affix(words_[i]):
        i += 1
    while j > i and affix(words_[j - 1]):
        j -= 1
    short = " ".join(words_[i:j])
    return short if short and short != name else None


def _load_orgs(d: Data) -> None:
    """Read the organisation lists, then derive the foreign clubs' short forms.

    The generated ``orgs.tsv``, the NBA's ``teams.tsv``, the foreign clubs of ``clubs.tsv``,
    then the hand-written supplement ``orgs_editorial.tsv`` (a name an earlier list has keeps
    that list's entry; a later row of the same name only adds its short forms).
    """
    clubs: list[tuple[str, OrgEntry]] = []
    seen: dict[str, OrgEntry] = {}
    for file in ORG_TABLES:
        for row in read_table(LANG_ID, file):
            name, kind, short_forms, _parent, country = _cells(row, 5)[:5]
            forms = [f for f in short_forms.split("|") if f]
            entry = seen.get(name.casefold())  # a later list adds names ("Samurai Biru")
            if entry is None:
                acronym = _acronym(kind, forms)
                entry = OrgEntry(f"org:{name}", name, acronym, kind)
                seen[name.casefold()] = entry
                # a name in capitals is that organisation only in capitals ("EMI", not the
                # given name in "Emi Martinez")
                _add(d, name, entry, caps=name.isupper() and " " not in name and len(name) <= 6)
                if acronym:
                    _add(d, acronym, entry, caps=True)
                if kind == "club" and country != "ID":
                    clubs.append((name, entry))
            for other in forms:
                # a team's nickname ("Pacers", "Thunder") is the team only about sport
                sport = file == "teams.tsv" and " " not in other
                _add(d, other, entry, caps=other.isupper() and len(other) <= 6, sport=sport)
    # after every listed name: a derived form that is already a place or another name
    # (Paris FC → "Paris", AS Monaco FC → "Monaco") is left to the lists
    for name, entry in clubs:
        short = club_short_form(name)
        if short and d.key_fn(short) not in d.gazetteer:
            _add(d, short, entry, sport=" " not in short)


def _pattern(rule: dict[str, object]) -> dict[str, object]:
    """A rule of ``patterns.jsonl``.

    ``words_from`` names a shared list in ``lang/id`` whose words are added to the rule's
    own ``words``; for a table, ``positions`` picks the rows by their second column.
    """
    source = rule.get("words_from")
    if not isinstance(source, str):
        return rule
    name = source.removeprefix("lang/id/")
    own = rule.get("words", [])
    assert isinstance(own, list)
    positions = rule.get("positions")
    if isinstance(positions, list):
        shared = [row[0] for row in read_table(LANG_ID, name) if row[1] in positions]
    else:
        shared = [fold(w) for w in read_lines(LANG_ID, name)]
    return {**rule, "words": [*own, *shared]}


@functools.cache
@gc_paused()
def data() -> Data:
    """Read every data file once (the collector paused: the tables live as long as the process)."""
    d = Data()
    _load_places(d)
    _load_orgs(d)
    for form, kind in read_table(LANG_ID, "honorifics.tsv"):
        if kind == "part":  # a word of a multi-word rank, for quotes' word-by-word reading
            continue
        key = tuple(t.text for t in tokenize(form) if t.text != ".")
        d.honorifics[key] = kind
        if kind == "rank" and len(form) >= 3:  # "AKP" is also written "Akp", "KOMPOL" for "Kompol"
            d.honorifics.setdefault(tuple(w.upper() for w in key), kind)
            d.honorifics.setdefault(tuple(w.capitalize() for w in key), kind)
    d.rank_suffixes = frozenset(read_lines(LANG_ID, "rank_suffixes.txt"))
    d.rank_words = frozenset(fold(w) for key in d.honorifics for w in key) | frozenset(
        fold(w) for w in d.rank_suffixes
    )
    d.degrees = frozenset(read_lines(LANG_ID, "degrees.txt"))
    d.role_heads = _phrases(
        line
        for name in ("job_titles.txt", "occupations.txt", "status_words.txt")
        for line in read_lines(LANG_ID, name)
    )
    d.role_prefixes = _phrases(read_lines(LANG_ID, "role_prefixes.txt"))
    d.role_words = frozenset(fold(w) for w in read_lines(_PKG, "role_continuations.txt"))
    for phrase, position, minimum in read_table(_PKG, "org_heads.tsv"):
        target = d.org_prefix_heads if position == "prefix" else d.org_suffix_heads
        target[key_of(phrase)] = int(minimum)
    for phrase, kind, keep in read_table(_PKG, "place_heads.tsv"):
        d.place_heads[key_of(phrase)] = (kind, keep == "yes")
    d.facility_heads = _phrases(read_lines(_PKG, "facility_heads.txt"))
    d.not_entities = frozenset(
        fold(" ".join(key_of(w))) for w in read_lines(_PKG, "not_entities.txt")
    )
    d.stop_words = frozenset(STOP_WORDS)
    d.common_words = frozenset(read_lines(_PKG, "common_words.txt")) | d.stop_words
    d.corpus_words = corpus_words()
    d.not_person_heads = frozenset(fold(w) for w in read_lines(_PKG, "not_person_heads.txt"))
    d.not_people = frozenset(fold(w) for w in read_lines(_PKG, "not_people.txt"))
    d.korean_surnames = frozenset(read_lines(_PKG, "korean_surnames.txt"))
    d.patterns = tuple(_pattern(json.loads(line)) for line in read_lines(_PKG, "patterns.jsonl"))
    for bit in (ROLE_HEAD, ROLE_PREFIX, ORG_HEAD, ORG_SUFFIX, PLACE_HEAD, FACILITY):
        for words_ in d.table(bit):
            if words_:
                d.first_words[words_[0]] = d.first_words.get(words_[0], 0) | bit
    return d
