"""lang/id is the one home of Indonesian data shared by extractors: no second copy elsewhere."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from importlib.resources.abc import Traversable

import pytest

from beritakit.extractors.dateline import parse as parse_dateline
from beritakit.lang import LANG_ID, fold
from beritakit.resources import read_lines, read_table

DATA_SUFFIXES = (".txt", ".tsv", ".jsonl")
LANG = resources.files(LANG_ID)
LANG_FILES = sorted(p.name for p in LANG.iterdir() if p.name.endswith(DATA_SUFFIXES))


def _data_files(folder: Traversable) -> list[Traversable]:
    out: list[Traversable] = []
    for child in folder.iterdir():
        if child.is_dir():
            out += _data_files(child)
        elif child.name.endswith(DATA_SUFFIXES):
            out.append(child)
    return out


EXTRACTOR_FILES = _data_files(resources.files("beritakit.extractors"))


# Lists that pick a subset of a shared concept for a property of their own: not copies.
SUBSETS = {
    # job titles followed by the name of their territory ("Bupati Bogor"), for quote speakers
    ("territorial_roles.txt", "job_titles.txt"),
}


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0]


def _words(file: Traversable) -> set[str]:
    """The folded first cells of a word list or table (JSON lines: their ``words``)."""
    words: set[str] = set()
    for line in file.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if file.name.endswith(".jsonl"):
            words.update(fold(str(w)) for w in json.loads(line).get("words", []))
        else:
            words.add(fold(line.split("\t")[0].strip()))
    return words


def test_lang_id_holds_the_shared_concepts() -> None:
    for concept in (
        "honorifics.tsv",
        "degrees.txt",
        "name_particles.txt",
        "job_titles.txt",
        "status_words.txt",
        "role_prefixes.txt",
        "function_words.txt",
        "speech_cues.tsv",
        "places.tsv",
        "place_aliases.tsv",
        "places_world.tsv",
        "place_world_aliases.tsv",
        "months.tsv",
        "weekdays.tsv",
    ):
        assert concept in LANG_FILES, concept
        assert read_lines(LANG_ID, concept), concept


def test_every_lang_file_is_described_in_source_md() -> None:
    source = LANG.joinpath("SOURCE.md").read_text(encoding="utf-8")
    for name in LANG_FILES:
        assert f"`{name}`" in source, f"{name} is not described in lang/id/SOURCE.md"


@pytest.mark.parametrize("name", LANG_FILES)
def test_no_extractor_keeps_a_file_of_the_same_name(name: str) -> None:
    same = [str(f) for f in EXTRACTOR_FILES if _stem(f.name) == _stem(name)]
    assert not same, f"{name} has a copy under extractors/: {same}"


def test_no_two_extractors_keep_files_of_one_name() -> None:
    # the same name for two lists is either one concept twice (it belongs in lang/id) or
    # two concepts under one name (name each by what it holds)
    names = Counter(f.name for f in EXTRACTOR_FILES)
    assert [n for n, k in names.items() if k > 1] == []


@pytest.mark.parametrize("name", LANG_FILES)
def test_no_extractor_keeps_a_copy_of_the_words(name: str) -> None:
    shared = _words(LANG.joinpath(name))
    for file in EXTRACTOR_FILES:
        if (file.name, name) in SUBSETS:
            continue
        words = _words(file)
        common = words & shared
        # a list of a few words may share some; a second copy shares most of its words
        assert len(common) < 5 or len(common) < 0.5 * len(words), (
            f"{file} repeats {len(common)} of its {len(words)} words from lang/id/{name}: "
            f"{sorted(common)[:12]}"
        )


def test_the_subsets_are_subsets() -> None:
    folder = resources.files("beritakit.extractors.quotes")
    territorial = _words(folder.joinpath("territorial_roles.txt"))
    # "kota" of "Wali Kota", which job_titles.txt lists as a phrase
    assert territorial - _words(LANG.joinpath("job_titles.txt")) == {"kota"}


def test_one_place_gazetteer_of_kemendagri_regions() -> None:
    rows = read_table(LANG_ID, "places.tsv")
    provinces = {row[1] for row in rows if row[2] == "province"}
    assert len(provinces) == 38
    assert {"Sumatera Barat", "Papua Barat Daya", "Papua Selatan"} <= provinces
    assert "Sumatra Barat" not in provinces
    codes = Counter(row[0] for row in rows)
    assert max(codes.values()) == 1
    # the dateline reads the same gazetteer: the Kemendagri spelling of a regency is a city
    hit = parse_dateline("Gunungkidul - Warga berkumpul di alun-alun.")
    assert hit is not None and hit.city == "Gunungkidul"
    hit = parse_dateline("Papua Barat Daya - Warga berkumpul di alun-alun.")
    assert hit is not None and hit.city == "Papua Barat Daya"


def test_the_dateline_reads_the_world_gazetteer_too() -> None:
    # cities of lang/id/places_world.tsv, as datelines write them (no accents, no apostrophe)
    for text, city in (
        ("WASHINGTON, KOMPAS.com - Presiden AS berpidato.", "Washington"),
        ("Asuncion - Warga berkumpul di alun-alun kota.", "Asuncion"),
        ("Taif - Jemaah haji tiba di kota itu.", "Taif"),
    ):
        hit = parse_dateline(text)
        assert hit is not None and hit.city == city, text


def test_place_aliases_point_at_places() -> None:
    codes = {row[0] for row in read_table(LANG_ID, "places.tsv")}
    for row in read_table(LANG_ID, "place_aliases.tsv"):
        assert row[0] in codes, row
