"""The registry orders extractors from what they declare, whatever order the caller names."""

from __future__ import annotations

import dataclasses
import itertools
from typing import Any

import pytest

import beritakit
from beritakit import registry
from beritakit.context import MENTIONS, PROVIDED, Context, Extractor, ExtractorSpec, Result
from beritakit.errors import ConfigError
from beritakit.pipeline import Options, Pipeline

ALL = registry.names()
DOC_STAGE = tuple(n for n in ALL if registry.get(n).stage == "doc")
TEXT_STAGE = tuple(n for n in ALL if registry.get(n).stage == "text")


def test_every_permutation_resolves_to_one_order() -> None:
    expected = [s.name for s in registry.resolve(ALL)]
    assert expected.index("dateline.v1") < expected.index("credits.v1")
    assert expected.index("entities.v1") < expected.index("quotes.v1")
    for perm in itertools.permutations(ALL):
        assert [s.name for s in registry.resolve(perm)] == expected, perm


def test_a_subset_keeps_registry_order_for_ties() -> None:
    names = [s.name for s in registry.resolve(("quotes.v1", "dates.v1", "credits.v1"))]
    assert names == ["credits.v1", "dates.v1", "quotes.v1"]
    # a name given twice runs once
    assert [s.name for s in registry.resolve(("dates.v1", "dates.v1"))] == ["dates.v1"]


def test_every_read_and_requirement_is_assigned_or_provided() -> None:
    assigned = {a.split(".")[0] for n in ALL for a in registry.get(n).assigns}
    provided = {p for stage in ("text", "doc") for p in PROVIDED[stage]}
    for name in ALL:
        spec = registry.get(name)
        for need in (*spec.requires, *spec.reads):
            assert need in provided or need.split(".")[0] in assigned, (name, need)


@pytest.fixture(scope="module")
def shared_nlp() -> Any:
    return Pipeline().nlp


def _pipeline(names: tuple[str, ...], nlp: Any) -> Pipeline:
    pipeline = Pipeline(Options(extractors=names))
    pipeline.__dict__["nlp"] = nlp  # one NER model for all the permutations
    return pipeline


def test_any_caller_order_gives_the_same_record(
    seed_text: str, dev_gold: list[dict[str, Any]], shared_nlp: Any
) -> None:
    # dev articles whose record changed when quotes ran before entities (issue 15)
    texts = [seed_text] + [dev_gold[i]["text"] for i in (0, 2, 3)]
    today = Options().today
    reference = _pipeline(ALL, shared_nlp)
    expected = [reference(t).model_dump() for t in texts]
    assert any(p["quotes"] for r in expected for p in r["people"])  # counts were filled
    orders = [
        text + doc
        for text in itertools.permutations(TEXT_STAGE)
        for doc in itertools.permutations(DOC_STAGE)
    ]
    assert len(orders) == 48
    for names in orders:
        pipeline = _pipeline(names, shared_nlp)
        assert pipeline.extractor_names == reference.extractor_names
        assert [pipeline(t).model_dump() for t in texts] == expected, (names, today)


def test_quotes_named_first_still_find_the_speaker(seed_text: str) -> None:
    # issue 15: named this way, quotes ran first and every person kept 0 quotes
    article = beritakit.load(Options(extractors=("quotes.v1", "entities.v1")))(seed_text)
    default = beritakit.load(Options(extractors=("entities.v1", "quotes.v1")))(seed_text)
    assert [q.speaker for q in article.quotes] == [q.speaker for q in default.quotes]
    assert [p.quotes for p in article.people] == [p.quotes for p in default.people]
    counts = {p.name: p.quotes for p in article.people}
    assert counts["Soni Sumarsono"] == 3 and counts["Akhmad Najib"] == 3


def _fake(name: str, **declared: Any) -> ExtractorSpec:
    def extract(doc: object, ctx: Context) -> Result:
        return Result()

    return ExtractorSpec(name=name, load=lambda: extract, **declared)


@pytest.fixture()
def extra_specs(monkeypatch: pytest.MonkeyPatch) -> dict[str, ExtractorSpec]:
    specs = dict(registry._REGISTRY)
    monkeypatch.setattr(registry, "_REGISTRY", specs)
    return specs


def test_a_missing_requirement_is_a_config_error_at_load(
    extra_specs: dict[str, ExtractorSpec],
) -> None:
    extra_specs["speakers.v1"] = _fake(
        "speakers.v1", stage="doc", requires=("body", MENTIONS), assigns=("speakers",)
    )
    with pytest.raises(ConfigError, match="requires 'mentions'"):
        beritakit.load(Options(extractors=("quotes.v1", "speakers.v1")))
    # with the extractor that assigns it, it loads and runs after it
    pipeline = beritakit.load(Options(extractors=("speakers.v1", "entities.v1")))
    assert pipeline.extractor_names == ("entities.v1", "speakers.v1")


def test_a_cycle_and_a_text_stage_reading_the_body_stage_are_config_errors(
    extra_specs: dict[str, ExtractorSpec],
) -> None:
    extra_specs["a.v1"] = _fake("a.v1", stage="doc", reads=("b",), assigns=("a",))
    extra_specs["b.v1"] = _fake("b.v1", stage="doc", reads=("a",), assigns=("b",))
    with pytest.raises(ConfigError, match="wait for each other"):
        registry.resolve(("a.v1", "b.v1"))
    extra_specs["early.v1"] = _fake("early.v1", stage="text", reads=("people",), assigns=("x",))
    with pytest.raises(ConfigError, match="runs on the text"):
        registry.resolve(("early.v1", "entities.v1"))


def test_each_extractor_sets_only_what_it_assigns(seed_text: str) -> None:
    pipeline = beritakit.load()
    results: dict[str, Result] = {}

    def recording(name: str, func: Extractor) -> Extractor:
        def run(doc: Any, ctx: Context) -> Result:
            results[name] = func(doc, ctx)
            return results[name]

        return run

    pipeline._specs = [(spec, recording(spec.name, func)) for spec, func in pipeline._specs]
    pipeline(seed_text)
    assert set(results) == set(ALL)
    for name, result in results.items():
        spec = registry.get(name)
        declared = {a.split(".")[0] for a in spec.assigns}
        assert set(result.fields) <= declared, name
        assert (result.mentions is not None) == (MENTIONS in spec.assigns), name


def test_spec_is_frozen() -> None:
    spec = registry.get("quotes.v1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.stage = "text"  # type: ignore[misc]
    assert spec.needs_doc is False and registry.get("entities.v1").needs_ner is True
