from __future__ import annotations

import datetime as dt
import json
import types

import pytest

import beritakit
from beritakit.record import Article


def test_all_is_sorted_and_complete() -> None:
    public = {
        name
        for name, value in vars(beritakit).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert beritakit.__all__ == sorted(beritakit.__all__)
    assert set(beritakit.__all__) - {"__version__"} == public


def test_extract_returns_a_frozen_record(seed_text: str) -> None:
    art = beritakit.extract(seed_text)
    assert isinstance(art, Article)
    assert art.text == seed_text
    with pytest.raises(Exception, match="frozen"):
        art.language = "en"  # type: ignore[misc]


def test_every_span_points_into_the_original(seed_text: str) -> None:
    art = beritakit.extract(seed_text)
    spans = [c.span for c in art.credits] + [d.span for d in art.dates]
    if art.dateline is not None:
        spans.append(art.dateline.span)
    assert spans
    for span in spans:
        assert seed_text[span.start : span.end] == span.text


def test_record_round_trips_through_json(seed_text: str) -> None:
    art = beritakit.extract(seed_text, published="2018-09-14", url="https://example.org/a")
    again = Article.model_validate_json(art.model_dump_json())
    assert again == art
    assert json.loads(art.model_dump_json())["published"] == "2018-09-14"
    assert art.to_dict()["url"] == "https://example.org/a"


def test_published_given_by_the_caller_is_kept(seed_text: str) -> None:
    art = beritakit.extract(seed_text, published=dt.date(2018, 9, 14))
    assert art.published == dt.date(2018, 9, 14)


def test_load_rejects_unknown_extractors() -> None:
    with pytest.raises(beritakit.ConfigError, match="unknown extractor 'people.v9'"):
        beritakit.load(beritakit.Options(extractors=("people.v9",)))


def test_load_runs_only_the_chosen_extractors(seed_text: str) -> None:
    nlp = beritakit.load(beritakit.Options(extractors=("language.v1",)))
    art = nlp(seed_text)
    assert art.language == "id"
    assert art.dateline is None and art.credits == ()


def test_pipe_keeps_order_and_handles_errors(seed_text: str) -> None:
    items = [seed_text, "", {"text": seed_text, "id": "b", "published": "2018-09-14"}, 42]
    with pytest.raises(beritakit.InputError):
        list(beritakit.pipe(items))
    skipped = list(beritakit.pipe(items, on_error="skip"))
    assert [type(a).__name__ for a in skipped] == ["Article", "Article"]
    assert skipped[1].id == "b"
    recorded = list(beritakit.pipe(items, on_error="record", batch_size=2))
    assert [getattr(r, "index", None) for r in recorded][1::2] == [1, 3]
    failure = recorded[1]
    assert isinstance(failure, beritakit.Failure) and failure.error == "InputError"


def test_pipe_accepts_text_context_pairs(seed_text: str) -> None:
    (art,) = beritakit.pipe([(seed_text, {"published": "2018-09-14", "id": 7})])
    assert isinstance(art, Article)
    assert art.id == "7" and art.published == dt.date(2018, 9, 14)


def test_non_indonesian_text_gets_a_record_with_a_warning() -> None:
    art = beritakit.extract(
        "The central bank kept its policy rate unchanged on Wednesday, citing stable "
        "inflation and a stronger currency, officials said in a statement."
    )
    assert art.language == "en"
    assert any("not Indonesian" in w for w in art.warnings)


def test_html_input_is_stripped_with_a_warning() -> None:
    art = beritakit.extract(
        "<html><body><p>JAKARTA, KOMPAS.com - Gubernur <b>Banten</b> meninjau jalan.</p>"
        "<p>Ia datang bersama bupati.</p></body></html>"
    )
    assert "<p>" not in art.body and "Gubernur Banten meninjau jalan." in art.body
    assert any("HTML" in w for w in art.warnings)


def test_schema_has_the_contract_fields() -> None:
    schema = Article.model_json_schema()
    for name in (
        "text",
        "body",
        "language",
        "published",
        "dateline",
        "credits",
        "people",
        "organizations",
        "places",
        "dates",
        "quotes",
        "warnings",
        "schema_version",
    ):
        assert name in schema["properties"]


def test_docs_schema_is_current() -> None:
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "docs" / "schema.json"
    assert json.loads(path.read_text(encoding="utf-8")) == Article.model_json_schema(), (
        "docs/schema.json is stale: run `beritakit schema > docs/schema.json`"
    )
