"""The one flat-table schema of records: what ``to_frame``, the Parquet sink and Dask write.

Eight tables, every row keyed by ``article_id`` (the record's id, else a key the writer
gives: ``#<n>`` in :func:`beritakit.to_frame`, ``file:line`` in the CLI,
``partition:position`` in Dask bags). Offsets into ``Article.text`` are
``char_start``/``char_end``; the two ends of a date range are ``date_start``/``date_end``.
Each column has one kind, and each kind one pandas dtype and one Arrow type, so the
three writers give the same columns with the same types.

This module reads records by their attributes and imports nothing from the rest of
beritakit, so every layer can use it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

__all__ = [
    "ARROW_TYPES",
    "COLUMNS",
    "DTYPES",
    "TABLES",
    "arrow_schema",
    "arrow_table",
    "article_row",
    "dtypes",
    "empty_row",
    "failure_row",
    "frame",
    "rows",
]

Row = dict[str, Any]

_ID = (("article_id", "str"),)
_AT = (("char_start", "int"), ("char_end", "int"))
_MENTIONED = (("mentions", "int"), ("char_start", "Int"), ("char_end", "Int"))
# what produced a value ("model; rule") and its calibrated confidence
_SURE = (("evidence", "str"), ("confidence", "float"))

COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": _ID
    + (
        ("id", "str"),
        ("url", "str"),
        ("language", "str"),
        ("language_score", "float"),
        ("published", "date"),
        ("published_at", "str"),
        ("dateline_city", "str"),
        ("dateline_outlet", "str"),
        ("dateline_outlet_domain", "str"),
        ("dateline_date", "date"),
        ("credits", "str"),
        ("chars", "int"),
        ("body_chars", "int"),
        ("n_credits", "int"),
        ("n_people", "int"),
        ("n_organizations", "int"),
        ("n_places", "int"),
        ("n_dates", "int"),
        ("n_quotes", "int"),
        ("n_warnings", "int"),
        ("error", "str"),
        ("message", "str"),
        ("record", "str"),
    ),
    "people": _ID
    + (
        ("name", "str"),
        ("entity_id", "str"),
        *_SURE,
        ("honorifics", "str"),
        ("degrees", "str"),
        ("roles", "str"),
        ("quotes", "int"),
        ("aliases", "str"),
    )
    + _MENTIONED,
    "organizations": _ID
    + (
        ("name", "str"),
        ("entity_id", "str"),
        *_SURE,
        ("acronym", "str"),
        ("expansion", "str"),
        ("aliases", "str"),
    )
    + _MENTIONED,
    "places": _ID
    + (
        ("name", "str"),
        ("entity_id", "str"),
        *_SURE,
        ("kind", "str"),
        ("code", "str"),
        ("province", "str"),
        ("lat", "float"),
        ("lon", "float"),
    )
    + _MENTIONED,
    "dates": _ID
    + (
        ("text", "str"),
        ("date_start", "date"),
        ("date_end", "date"),
        ("days", "int"),
        ("granularity", "str"),
        ("time", "str"),
        ("part_of_day", "str"),
        ("kind", "str"),
        ("anchor", "date"),
        ("sentence", "str"),
    )
    + _AT,
    "credits": _ID + (("role", "str"), ("name", "str"), ("raw", "str")) + _AT,
    "quotes": _ID
    + (
        ("speaker", "str"),
        ("speaker_evidence", "str"),
        *_SURE,
        ("kind", "str"),
        ("text", "str"),
        ("cue", "str"),
    )
    + _AT,
    "mentions": _ID
    + (("type", "str"), ("name", "str"), ("entity_id", "str"), ("text", "str"))
    + _AT,
}
"""Each table's columns, in order, with their kind (``str``, ``int``, ``Int`` — an
integer that may be missing —, ``float``, ``date``)."""

TABLES: tuple[str, ...] = tuple(COLUMNS)

# Kinds as pandas dtypes that behave the same on pandas 2 and 3 and when a table is
# empty (text is "string", missing is pd.NA; dates are datetime64[ms], missing is NaT),
# and as the Arrow types pandas maps those dtypes to.
DTYPES: dict[str, str] = {
    "str": "string",
    "int": "int64",
    "Int": "Int64",
    "float": "float64",
    "date": "datetime64[ms]",
}
ARROW_TYPES: dict[str, str] = {
    "str": "large_string",
    "int": "int64",
    "Int": "int64",
    "float": "float64",
    "date": "timestamp[ms]",
}


def dtypes(table: str) -> dict[str, str]:
    """The pandas dtype of each column of ``table``."""
    return {name: DTYPES[kind] for name, kind in COLUMNS[table]}


def arrow_schema(table: str, pa: Any) -> Any:
    """The ``pyarrow.Schema`` of ``table`` (``pa`` is the ``pyarrow`` module)."""
    types = {
        "large_string": pa.large_string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "timestamp[ms]": pa.timestamp("ms"),
    }
    return pa.schema([(name, types[ARROW_TYPES[kind]]) for name, kind in COLUMNS[table]])


def arrow_table(table: str, found: Iterable[Row], pa: Any) -> Any:
    """A ``pyarrow.Table`` of ``table`` from its rows (``pa`` is the ``pyarrow`` module)."""
    dates = [name for name, kind in COLUMNS[table] if kind == "date"]
    data = []
    for row in found:
        if dates:
            row = {**row, **{name: _midnight(row[name]) for name in dates}}
        data.append(row)
    return pa.Table.from_pylist(data, schema=arrow_schema(table, pa))


def _midnight(value: Any) -> Any:
    """A date as the datetime Arrow's ``timestamp[ms]`` takes (pandas' ``datetime64[ms]``)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    return value


def frame(table: str, found: Iterable[Row], pd: Any) -> Any:
    """A pandas DataFrame of ``table`` from its rows (``pd`` is the ``pandas`` module)."""
    data = list(found)
    return pd.DataFrame(
        {
            name: pd.Series([row[name] for row in data], dtype=DTYPES[kind])
            for name, kind in COLUMNS[table]
        },
        columns=[name for name, _ in COLUMNS[table]],
    )


# -- rows ---------------------------------------------------------------------


def empty_row(table: str) -> Row:
    """A row of ``table`` with every column missing."""
    return {name: None for name, _ in COLUMNS[table]}


def failure_row(key: str | None, *, id: str | None, error: str, message: str) -> Row:
    """The ``articles`` row of an article that failed: ``error`` and ``message``, counts 0."""
    row = empty_row("articles")
    for name, kind in COLUMNS["articles"]:
        if kind == "int":
            row[name] = 0
    row.update(article_id=key, id=id, language_score=0.0, error=error, message=message, record=None)
    return row


def article_row(article: Any, key: str | None, *, record: bool = False) -> Row:
    """The ``articles`` row of a record; ``record`` keeps the whole record as JSON."""
    dl = article.dateline
    return {
        "article_id": key,
        "id": article.id,
        "url": article.url,
        "language": article.language,
        "language_score": article.language_score,
        "published": article.published,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "dateline_city": dl.city if dl else None,
        "dateline_outlet": dl.outlet if dl else None,
        "dateline_outlet_domain": dl.outlet_domain if dl else None,
        "dateline_date": dl.date if dl else None,
        "credits": "; ".join(f"{c.role}: {c.name}" for c in article.credits) or None,
        "chars": len(article.text),
        "body_chars": len(article.body),
        "n_credits": len(article.credits),
        "n_people": len(article.people),
        "n_organizations": len(article.organizations),
        "n_places": len(article.places),
        "n_dates": len(article.dates),
        "n_quotes": len(article.quotes),
        "n_warnings": len(article.warnings),
        "error": None,
        "message": None,
        "record": article.model_dump_json() if record else None,
    }


def rows(article: Any, key: str | None, *, record: bool = False) -> dict[str, list[Row]]:
    """Every table's rows for one record, ``articles`` first."""
    return {
        "articles": [article_row(article, key, record=record)],
        "people": list(_people(article, key)),
        "organizations": list(_organizations(article, key)),
        "places": list(_places(article, key)),
        "dates": list(_dates(article, key)),
        "credits": list(_credits(article, key)),
        "quotes": list(_quotes(article, key)),
        "mentions": list(_mentions(article, key)),
    }


def _joined(values: Sequence[str]) -> str:
    return "; ".join(values)


def _offsets(span: Any) -> Row:
    if span is None:
        return {"char_start": None, "char_end": None}
    return {"char_start": span.start, "char_end": span.end}


def _sure(value: Any) -> Row:
    return {"evidence": _joined(value.evidence), "confidence": value.confidence}


def _first(mentions: Sequence[Any]) -> Row:
    return {"mentions": len(mentions), **_offsets(mentions[0] if mentions else None)}


def _people(art: Any, key: str | None) -> Iterator[Row]:
    for p in art.people:
        yield {
            "article_id": key,
            "name": p.name,
            "entity_id": p.entity_id,
            **_sure(p),
            "honorifics": _joined(p.honorifics),
            "degrees": _joined(p.degrees),
            "roles": _joined(p.roles),
            "quotes": p.quotes,
            "aliases": _joined(p.aliases),
            **_first(p.mentions),
        }


def _organizations(art: Any, key: str | None) -> Iterator[Row]:
    for o in art.organizations:
        yield {
            "article_id": key,
            "name": o.name,
            "entity_id": o.entity_id,
            **_sure(o),
            "acronym": o.acronym,
            "expansion": o.expansion,
            "aliases": _joined(o.aliases),
            **_first(o.mentions),
        }


def _places(art: Any, key: str | None) -> Iterator[Row]:
    for pl in art.places:
        yield {
            "article_id": key,
            "name": pl.name,
            "entity_id": pl.entity_id,
            **_sure(pl),
            "kind": pl.kind,
            "code": pl.code,
            "province": pl.province,
            "lat": pl.lat,
            "lon": pl.lon,
            **_first(pl.mentions),
        }


def _dates(art: Any, key: str | None) -> Iterator[Row]:
    for d in art.dates:
        yield {
            "article_id": key,
            "text": d.text,
            "date_start": d.start,
            "date_end": d.end,
            "days": (d.end - d.start).days + 1,
            "granularity": d.granularity,
            "time": d.time,
            "part_of_day": d.part_of_day,
            "kind": d.kind,
            "anchor": d.anchor,
            "sentence": d.sentence.text if d.sentence else None,
            **_offsets(d.span),
        }


def _credits(art: Any, key: str | None) -> Iterator[Row]:
    for c in art.credits:
        yield {"article_id": key, "role": c.role, "name": c.name, "raw": c.raw, **_offsets(c.span)}


def _quotes(art: Any, key: str | None) -> Iterator[Row]:
    for q in art.quotes:
        yield {
            "article_id": key,
            "speaker": q.speaker,
            "speaker_evidence": q.speaker_evidence,
            **_sure(q),
            "kind": q.kind,
            "text": q.text,
            "cue": q.cue,
            **_offsets(q.span),
        }


def _mentions(art: Any, key: str | None) -> Iterator[Row]:
    groups = (
        ("person", art.people),
        ("organization", art.organizations),
        ("place", art.places),
    )
    for entity_type, entities in groups:
        for entity in entities:
            for m in entity.mentions:
                yield {
                    "article_id": key,
                    "type": entity_type,
                    "name": entity.name,
                    "entity_id": entity.entity_id,
                    "text": m.text,
                    **_offsets(m),
                }
