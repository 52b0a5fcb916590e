"""Stable entity ids: one real entity, one id, in every article (docs/record.md)."""

from __future__ import annotations

import pytest

import beritakit
from beritakit.extractors.entities._ids import org_id, person_id, place_id, slug

# Muhaimin Iskandar written four ways (full name, with his first name, two nicknames with
# their address words) across ten short articles, among other people.
ARTICLES = [
    (
        "JAKARTA - Ketua Umum PKB Muhaimin Iskandar menghadiri rapat di Senayan, Senin. "
        "Muhaimin mengatakan partainya siap."
    ),
    "SURABAYA - Cak Imin berkunjung ke pesantren di Jombang pada Minggu pagi.",
    "JAKARTA - Wakil Ketua DPR Abdul Muhaimin Iskandar menerima rombongan petani.",
    "BANDUNG - Gus Imin menyapa warga di Alun-alun Bandung, Sabtu malam.",
    "JAKARTA - Presiden Joko Widodo meresmikan jalan tol di Sumatera.",
    "SEMARANG - Cak Imin menghadiri peringatan hari lahir partai di Semarang.",
    "JAKARTA - Juru bicara KPK Budi Prasetyo mengatakan penyidik memeriksa dua saksi.",
    "MEDAN - Gubernur Sumatera Utara Bobby Nasution meninjau banjir di Kota Medan.",
    "JAKARTA - Menurut Muhaimin Iskandar, koalisi tetap solid menjelang pemilu.",
    "JAKARTA - Ketua Umum PKB Abdul Muhaimin Iskandar bertemu Joko Widodo di Istana.",
]


@pytest.fixture(scope="module")
def people() -> object:
    records = [beritakit.extract(t) for t in ARTICLES]
    return beritakit.to_frame(records, "people")


def test_one_person_four_ways_one_id(people: object) -> None:
    import pandas as pd

    assert isinstance(people, pd.DataFrame)
    muhaimin = people[people["name"].str.contains("Imin|Muhaimin", regex=True)]
    assert set(muhaimin["name"]) >= {"Muhaimin Iskandar", "Abdul Muhaimin Iskandar", "Imin"}
    assert set(muhaimin["entity_id"]) == {"per:muhaimin-iskandar"}
    assert muhaimin["article_id"].nunique() == 7
    # counting by id counts him once; other people keep their own ids
    counts = people.groupby("entity_id")["article_id"].nunique()
    assert counts["per:muhaimin-iskandar"] == 7
    assert counts["per:joko-widodo"] == 2
    assert "per:budi-prasetyo" in counts and "per:bobby-nasution" in counts


def test_every_entity_has_an_id_and_the_tables_carry_it() -> None:
    art = beritakit.extract(ARTICLES[7] + " KPK dan Komisi Pemberantasan Korupsi (KPK) hadir.")
    assert all(p.entity_id for p in art.people)
    assert {o.entity_id for o in art.organizations} == {"org:komisi-pemberantasan-korupsi"}
    ids = {p.name: p.entity_id for p in art.places}
    assert ids["Sumatera Utara"] == "loc:12" and ids["Kota Medan"] == "loc:12.71"
    mentions = beritakit.to_frame(art, "mentions")
    assert set(mentions["entity_id"]) == (
        {p.entity_id for p in art.people}
        | {o.entity_id for o in art.organizations}
        | {p.entity_id for p in art.places}
    )


def test_slug_and_id_rules() -> None:
    assert slug("Ma'ruf Amin") == "maruf-amin"
    assert slug("Nico Hülkenberg") == "nico-hulkenberg"
    assert slug("  MUHAIMIN   ISKANDAR ") == "muhaimin-iskandar"
    assert person_id("Jokowi") == person_id("Joko Widodo") == "per:joko-widodo"
    assert person_id("Imin", ["Imin", "Cak Imin"]) == "per:muhaimin-iskandar"
    # a name the table does not know keeps its own slug; an address word alone does not map
    assert person_id("Imin", ["Imin", "warga Imin"]) == "per:imin"
    assert person_id("Budi Santoso") == "per:budi-santoso"
    assert org_id("KPK", "Komisi Pemberantasan Korupsi") == org_id("Komisi Pemberantasan Korupsi")
    assert org_id("Persib Bandung") == "org:persib-bandung"
    assert place_id("Kota Medan", "12.71") == "loc:12.71"
    assert place_id("Senayan") == "loc:senayan"
