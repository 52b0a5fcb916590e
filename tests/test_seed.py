"""The example every release must get right: the seed article against its hand-checked gold."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import beritakit
from beritakit.record import Article


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Article:
    return beritakit.extract(seed_text)


def test_dateline(seed: Article) -> None:
    assert seed.dateline is not None
    assert (seed.dateline.city, seed.dateline.outlet, seed.dateline.outlet_domain) == (
        "Palembang",
        "Swarnanews",
        "swarnanews.co.id",
    )
    assert seed.dateline.span.text.startswith("SWARNANEWS.CO.ID, PALEMBANG |")


def test_credits(seed: Article, seed_gold: dict[str, Any]) -> None:
    assert [(c.role, c.name) for c in seed.credits] == [
        (c["role"], c["name"]) for c in seed_gold["credits"]
    ]
    assert [c.span.text for c in seed.credits] == ["Teks: Devi", "Editor: Sarono PS"]


def test_language_and_published(seed: Article) -> None:
    assert seed.language == "id"
    assert seed.published is None  # the text states no publication date


def test_body_is_the_article_alone(seed: Article) -> None:
    assert seed.body.startswith("Palembang Perkuat Jaringan Melalui UCLG ASPAC")
    assert "SWARNANEWS" not in seed.body
    assert "Tinggalkan Balasan" not in seed.body and "wajib ditandai" not in seed.body
    assert "Teks: Devi" not in seed.body and "Editor: Sarono PS" not in seed.body
    assert seed.body.rstrip().endswith("untuk memperkuat jaringan.")


def test_dates_exactly_and_the_inferred_year_is_said(seed: Article) -> None:
    assert [(d.text, d.start, d.end) for d in seed.dates] == [
        ("12-15 September", dt.date(2018, 9, 12), dt.date(2018, 9, 15)),
        ("Kamis (13/9)", dt.date(2018, 9, 13), dt.date(2018, 9, 13)),
    ]
    assert any("Kamis (13/9)" in w and "2018" in w for w in seed.warnings)


def test_quotes_and_speakers(seed: Article, seed_gold: dict[str, Any]) -> None:
    got = [(q.speaker, q.kind) for q in seed.quotes]
    assert got == [(q["speaker"], q["kind"]) for q in seed_gold["quotes"]]
    for q, gold in zip(seed.quotes, seed_gold["quotes"], strict=True):
        assert gold["text"] in q.text


def test_people(seed: Article, seed_gold: dict[str, Any]) -> None:
    people = {p.name: p for p in seed.people}
    assert set(people) == {g["name"] for g in seed_gold["persons"]}
    najib = people["Akhmad Najib"]
    assert set(najib.honorifics) == {"Dr", "H"} and set(najib.degrees) == {"SH", "MHum"}
    assert "Penjabat (Pj) Walikota Palembang" in najib.roles
    assert "Dirjen Otonomi Daerah Kementerian Dalam Negeri" in people["Soni Sumarsono"].roles
    assert najib.quotes == 3 and people["Soni Sumarsono"].quotes == 3


def test_organizations_and_places(seed: Article) -> None:
    orgs = {n: o for o in seed.organizations for n in (o.name, o.acronym, *o.aliases) if n}
    assert {"UCLG ASPAC", "Apkasi", "Apeksi", "Kementerian Dalam Negeri"} <= set(orgs)
    assert orgs["UCLG ASPAC"].expansion == "United Cities Local Government Asian Pacific"
    places = {p.name: p for p in seed.places}
    assert places["Palembang"].code == "16.71"
    assert places["Surabaya"].code == "35.78"


def test_every_span_is_exact(seed: Article, seed_text: str) -> None:
    spans = [c.span for c in seed.credits] + [d.span for d in seed.dates]
    spans += [q.span for q in seed.quotes]
    for entity in (*seed.people, *seed.organizations, *seed.places):
        spans += list(entity.mentions)
    for span in spans:
        assert seed_text[span.start : span.end] == span.text
