"""Evidence and calibrated confidence on every person, organisation, place and quote.

The confidence tables are fitted by evaluation/calibrate.py on the dev articles; these
tests check the fields on real text, that the runtime reads the shipped tables, and the
calibration floors of evaluation/floors.json (among values given 0.9 or more, the share
right on the dev gold).
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import json
import re
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any, get_args

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

import beritakit
from beritakit.extractors.entities import _confidence as entity_tables
from beritakit.extractors.entities import entity_confidence, entity_key, find_entities
from beritakit.extractors.quotes import _confidence as quote_tables
from beritakit.extractors.quotes import quote_confidence, quote_key
from beritakit.record import Article, Evidence
from tests.conftest import DEV_GOLD, ROOT

TAGS = set(get_args(Evidence))
PACKAGE = ROOT / "src" / "beritakit" / "extractors"
ENTITY_TSV = PACKAGE / "entities" / "entity_confidence.tsv"
QUOTE_TSV = PACKAGE / "quotes" / "quote_confidence.tsv"


@functools.cache
def calibrate() -> ModuleType:
    """evaluation/calibrate.py as a module (a script, not part of the package)."""
    name = "beritakit_calibrate"
    spec = importlib.util.spec_from_file_location(name, ROOT / "evaluation" / "calibrate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def shipped(path: Path) -> dict[str, float]:
    """The key -> confidence rows of a shipped table, read here without the package."""
    out: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        key, value, *_ = line.split("\t")
        if key != "key":
            out[key] = float(value)
    return out


def values(art: Article) -> list[Any]:
    return [*art.people, *art.organizations, *art.places, *art.quotes]


def check_fields(art: Article) -> None:
    for v in values(art):
        assert v.evidence, v
        assert set(v.evidence) <= TAGS and list(v.evidence) == sorted(set(v.evidence)), v
        assert v.confidence is not None and 0.0 <= v.confidence <= 1.0, v
    for q in art.quotes:
        assert "rule" in q.evidence  # the quote finder


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Article:
    return beritakit.extract(seed_text, published="2018-09-14")


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("id")


@pytest.fixture(scope="module")
def dev() -> list[tuple[dict[str, Any], Article]]:
    """Every dev gold article with its record (given as score.py gives it)."""
    if not DEV_GOLD.exists():
        pytest.skip("../shared/data/articles/dev.gold.jsonl is not beside the repo")
    out = []
    for line in DEV_GOLD.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        given = {k: v for k, v in (gold.get("given") or {}).items() if v is not None}
        if "published" in given:
            given["published"] = dt.date.fromisoformat(given["published"][:10])
        out.append((gold, beritakit.extract(gold["text"], **given)))
    return out


# -- the fields -----------------------------------------------------------------------------


def test_seed_values_have_evidence_and_confidence(seed: Article) -> None:
    check_fields(seed)
    najib = next(p for p in seed.people if p.name == "Akhmad Najib")
    assert "rule" in najib.evidence  # "Akhmad Najib, Penjabat (Pj) Walikota …"
    palembang = next(p for p in seed.places if p.name == "Palembang")
    assert "gazetteer" in palembang.evidence and palembang.code
    uclg = next(o for o in seed.organizations if o.acronym == "UCLG ASPAC")
    assert "acronym" in uclg.evidence  # "United Cities … (UCLG) Asia Pasific (ASPAC)"
    said = [q for q in seed.quotes if q.speaker == "Akhmad Najib"]
    assert said and all(set(najib.evidence) <= set(q.evidence) for q in said)


def test_dev_values_have_evidence_and_confidence(dev: list[tuple[dict[str, Any], Article]]) -> None:
    for _, art in dev:
        check_fields(art)
    every = [v for _, art in dev for v in values(art)]
    assert len({round(v.confidence, 3) for v in every}) > 20  # not one number for all
    # each tag is somewhere
    assert set().union(*(v.evidence for v in every)) == TAGS


def test_a_place_only_a_list_knows_has_gazetteer_evidence(nlp: Language) -> None:
    # no model spans: the gazetteers and rules alone
    ents = find_entities(nlp("Banjir merendam ratusan rumah di Bantul dan Sleman pada Senin."))
    for name in ("Bantul", "Sleman"):
        place = next(p for p in ents.places if p.name == name)
        assert place.evidence == ("gazetteer",), place


def test_a_place_head_is_a_rule_and_a_model_span_is_the_model(nlp: Language) -> None:
    doc = nlp("Warga Desa Sukamaju menyambut Paulo Dybala di Wembury.")
    doc.ents = [Span(doc, 4, 6, label="PER"), Span(doc, 7, 8, label="LOC")]
    ents = find_entities(doc)
    assert next(p for p in ents.places if p.name == "Desa Sukamaju").evidence == ("rule",)
    assert next(p for p in ents.people if p.name == "Paulo Dybala").evidence == ("model",)
    assert next(p for p in ents.places if p.name == "Wembury").evidence == ("model",)


def test_a_rule_and_the_model_agreeing_give_both(nlp: Language) -> None:
    text = '"Kami siap," kata Paulo Dybala di Roma.'
    alone = find_entities(nlp(text))
    assert next(p for p in alone.people if p.name == "Paulo Dybala").evidence == ("rule",)
    doc = nlp(text)
    name = next(k for k, t in enumerate(doc) if t.text == "Paulo")
    doc.ents = [Span(doc, name, name + 2, label="PER")]
    both = find_entities(doc)
    assert next(p for p in both.people if p.name == "Paulo Dybala").evidence == ("model", "rule")


def test_alias_and_acronym_evidence(nlp: Language) -> None:
    ents = find_entities(
        nlp(
            "Polisi menangkap pria bernama Budi Hartono alias Budi Cobra di rumahnya. Kasus itu "
            "ditangani "
            "Komisi Pemberantasan Korupsi (KPK) sejak Mei, dan KPK sudah memeriksa saksi."
        )
    )
    budi = next(p for p in ents.people if p.name == "Budi Hartono")
    assert budi.evidence == ("alias", "rule") and budi.aliases == ("Budi Cobra",)
    kpk = next(o for o in ents.organizations if o.acronym == "KPK")
    assert "acronym" in kpk.evidence and len(kpk.mentions) == 2


def test_alias_table_gives_alias_evidence() -> None:
    art = beritakit.extract("Presiden Jokowi meresmikan bendungan di Bogor, Senin (3/2/2025).")
    jokowi = next(p for p in art.people if p.entity_id == "per:joko-widodo")
    assert "alias" in jokowi.evidence
    other = beritakit.extract("Warga bernama Sutrisno Wibowo menanam padi di Bogor.")
    assert all("alias" not in p.evidence for p in other.people)


def test_quote_evidence_is_the_rule_and_its_speakers(seed: Article) -> None:
    art = beritakit.extract(
        "Kepala Desa Sukamaju, Ahmad Fauzi, mengatakan jalan itu rusak sejak April. "
        '"Kami sudah melapor," ujarnya. "Sampai sekarang belum ada perbaikan," tulis seorang '
        "warganet di media sosial."
    )
    fauzi = next(p for p in art.people if p.name == "Ahmad Fauzi")
    by_speaker = {q.speaker: q for q in art.quotes}
    assert set(by_speaker["Ahmad Fauzi"].evidence) == {"rule", *fauzi.evidence}
    nobody = [q for q in art.quotes if q.speaker is None]
    assert nobody and all(q.evidence == ("rule",) for q in nobody)
    # an unnamed speaker is the least sure kind of quote
    assert all(q.confidence < by_speaker["Ahmad Fauzi"].confidence for q in nobody)


# -- the shipped tables are what the runtime reads ---------------------------------------


def test_every_confidence_is_its_keys_row_of_the_shipped_table(
    dev: list[tuple[dict[str, Any], Article]],
) -> None:
    cal = calibrate()
    tables = {"entities": shipped(ENTITY_TSV), "quotes": shipped(QUOTE_TSV)}
    looked_up = 0
    for _, art in dev[:40]:
        for field, pairs in cal.keys_of(art).items():
            table = tables["quotes" if field == "quotes" else "entities"]
            for key, confidence in pairs:
                fallback = "quote" if field == "quotes" else key.split(" ")[0]
                assert confidence == table.get(key, table[fallback]), key
                looked_up += key in table
    assert looked_up > 300


def test_a_change_in_the_table_changes_the_output(
    seed: Article, seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    najib = next(p for p in seed.people if p.name == "Akhmad Najib")
    key = entity_key(
        "PER", najib.evidence, len(najib.mentions), najib.name, described=bool(najib.roles)
    )
    quote = seed.quotes[0]
    qkey = quote_key(
        quote.kind,
        quote.speaker_evidence,
        quote.speaker,
        {p.name: len(p.mentions) for p in seed.people},
        {o.name for o in seed.organizations},
    )
    assert shipped(ENTITY_TSV)[key] == najib.confidence
    assert shipped(QUOTE_TSV)[qkey] == quote.confidence

    def edited(real: Any, target: str) -> Any:
        def read(package: str, name: str) -> tuple[tuple[str, ...], ...]:
            rows = real(package, name)
            return tuple((r[0], "0.123", *r[2:]) if r[0] == target else r for r in rows)

        return read

    monkeypatch.setattr(entity_tables, "read_table", edited(entity_tables.read_table, key))
    monkeypatch.setattr(quote_tables, "read_table", edited(quote_tables.read_table, qkey))
    entity_tables._table.cache_clear()
    quote_tables._table.cache_clear()
    try:
        again = beritakit.extract(seed_text, published="2018-09-14")
        assert next(p for p in again.people if p.name == "Akhmad Najib").confidence == 0.123
        assert again.quotes[0].confidence == 0.123
        assert entity_confidence(key) == quote_confidence(qkey) == 0.123
    finally:
        monkeypatch.undo()
        entity_tables._table.cache_clear()
        quote_tables._table.cache_clear()
    assert entity_confidence(key) == najib.confidence


def test_a_key_the_table_lacks_gets_its_types_row() -> None:
    table = shipped(ENTITY_TSV)
    odd = "PER acronym+gazetteer 1 1w bare"  # no person is ever made so
    assert odd not in table
    assert entity_confidence(odd) == table["PER"]
    assert quote_confidence("quote direct someday nobody") == shipped(QUOTE_TSV)["quote"]


def test_lookups_cost_little(dev: list[tuple[dict[str, Any], Article]]) -> None:
    """Building the keys and looking them up costs < 0.1 ms an article (best of 7 runs)."""
    cal = calibrate()
    arts = [art for _, art in dev]

    def run() -> float:
        started = time.perf_counter()
        for art in arts:
            for field, pairs in cal.keys_of(art).items():
                look = quote_confidence if field == "quotes" else entity_confidence
                for key, _ in pairs:
                    look(key)
        return (time.perf_counter() - started) / len(arts)

    assert min(run() for _ in range(7)) < 0.0001


# -- calibration floors on the dev gold ---------------------------------------------------


def labelled(dev: list[tuple[dict[str, Any], Article]]) -> tuple[ModuleType, list[Any]]:
    cal = calibrate()
    gate = importlib.util.spec_from_file_location(
        "beritakit_score_dev", ROOT / "evaluation" / "score_dev.py"
    )
    assert gate is not None and gate.loader is not None
    score_dev = importlib.util.module_from_spec(gate)
    gate.loader.exec_module(score_dev)
    assert score_dev.pin_problems(DEV_GOLD) == []  # the floors were measured on this gold
    return cal, [v for gold, art in dev for v in cal.label_dev(gold, art)]


def floors() -> dict[str, float]:
    data = json.loads((ROOT / "evaluation" / "floors.json").read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data["confidence"].items()}


def test_shipped_confidence_of_09_or_more_is_right_on_dev(
    dev: list[tuple[dict[str, Any], Article]],
) -> None:
    cal, found = labelled(dev)
    high = cal.high(found, [v.confidence for v in found])
    floor = floors()
    assert high["right"] >= floor["shipped_right_at_0.9"] >= 0.9, high
    assert high["n"] / high["of"] >= floor["shipped_share_at_0.9"], high
    # and the confidence orders the values: the lowest bins are right less often
    bins = [b for b in cal.reliability(found, [v.confidence for v in found]) if b["n"] >= 30]
    assert bins[0]["right"] < bins[-1]["right"] - 0.2


def test_cross_fitted_confidence_of_09_or_more_is_right_on_dev(
    dev: list[tuple[dict[str, Any], Article]],
) -> None:
    pytest.importorskip("sklearn")
    cal, found = labelled(dev)
    crossed = cal.cross_fitted(found, cal.make_grid(v.key for v in found))
    high = cal.high(found, crossed)
    assert high["right"] >= floors()["right_at_0.9"] >= 0.9, high
    assert high["n"] >= 0.5 * high["of"], high


# -- where a reader sees them -------------------------------------------------------------


def test_to_frame_has_evidence_and_confidence(seed: Article) -> None:
    pytest.importorskip("pandas")
    for table, items in (
        ("people", seed.people),
        ("organizations", seed.organizations),
        ("places", seed.places),
        ("quotes", seed.quotes),
    ):
        frame = beritakit.to_frame(seed, table)  # type: ignore[arg-type]
        assert str(frame["confidence"].dtype) == "float64", table
        assert list(frame["confidence"]) == [v.confidence for v in items], table
        assert list(frame["evidence"]) == ["; ".join(v.evidence) for v in items], table


def test_the_html_view_marks_low_confidence_mentions() -> None:
    from beritakit.display import LOW_CONFIDENCE, article_html
    from beritakit.record import Person, Place
    from beritakit.record import Span as TextSpan

    text = "Warga Sukamaju menyambut Budi Santoso di Kota Batu kemarin."

    def at(word: str) -> TextSpan:
        start = text.index(word)
        return TextSpan(start=start, end=start + len(word), text=word)

    art = Article(
        text=text,
        body=text,
        language="id",
        language_score=1.0,
        people=(
            Person(
                name="Budi Santoso",
                mentions=(at("Budi Santoso"),),
                evidence=("model",),
                confidence=0.46,
            ),
        ),
        places=(
            Place(
                name="Kota Batu",
                mentions=(at("Kota Batu"),),
                evidence=("gazetteer", "rule"),
                confidence=0.97,
            ),
        ),
    )
    html = article_html(art)
    checked = re.findall(
        r'<mark class="entity" data-beritakit="check" title="([^"]*)"[^>]*>\s*([^<]*?)\s*<', html
    )
    assert checked == [("Budi Santoso: confidence 0.46 (model): check it", "Budi Santoso")]
    assert html.count('<mark class="entity"') == 2  # Kota Batu is highlighted, not marked
    assert ">0.97</span>" in html and "dashed" in html
    assert 0.46 < LOW_CONFIDENCE <= 0.97
