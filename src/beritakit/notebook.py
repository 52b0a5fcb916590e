"""Notebook helpers: tidy pandas tables of records, JSONL loading and the HTML view of a record.

pandas is optional (``pip install 'beritakit[notebook]'``); it is imported only when a
table is built. The HTML view uses spaCy's displaCy renderer, which beritakit already needs.
"""

from __future__ import annotations

import gzip
import html
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, get_args

from pydantic import ValidationError

from beritakit.errors import InputError
from beritakit.record import Article, Span

if TYPE_CHECKING:
    import pandas as pd
    from rich.console import RenderableType

__all__ = [
    "TABLES",
    "Table",
    "article_html",
    "article_rich",
    "highlights",
    "read_jsonl",
    "to_frame",
]

Table = Literal[
    "articles", "people", "organizations", "places", "dates", "credits", "quotes", "mentions"
]
TABLES: tuple[str, ...] = get_args(Table)
"""The names :func:`to_frame` accepts, in the order the record lists them."""

INSTALL_HINT = "pip install 'beritakit[notebook]'"

# Column kinds map to pandas dtypes that behave the same on pandas 2 and 3 and when a
# table is empty: text is "string" (missing is pd.NA), dates are datetime64[s] (NaT).
_DTYPES = {
    "str": "string",
    "int": "int64",
    "Int": "Int64",
    "float": "float64",
    "date": "datetime64[s]",
}

Row = dict[str, Any]
Columns = tuple[tuple[str, str], ...]


def _pandas() -> Any:
    """Import pandas or say how to install it."""
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(
            f"beritakit.to_frame needs pandas, which is an optional extra: {INSTALL_HINT}"
        ) from exc
    return pandas


# -- rows ---------------------------------------------------------------------


def _joined(values: Sequence[str]) -> str:
    return "; ".join(values)


def _offsets(span: Span | None) -> Row:
    if span is None:
        return {"char_start": None, "char_end": None}
    return {"char_start": span.start, "char_end": span.end}


def _first(mentions: Sequence[Span]) -> Row:
    return {"mentions": len(mentions), **_offsets(mentions[0] if mentions else None)}


def _article_rows(art: Article, aid: str) -> Iterator[Row]:
    dl = art.dateline
    yield {
        "article_id": aid,
        "url": art.url,
        "language": art.language,
        "language_score": art.language_score,
        "published": art.published,
        "dateline_city": dl.city if dl else None,
        "dateline_outlet": dl.outlet if dl else None,
        "dateline_outlet_domain": dl.outlet_domain if dl else None,
        "dateline_date": dl.date if dl else None,
        "chars": len(art.text),
        "body_chars": len(art.body),
        "n_credits": len(art.credits),
        "n_people": len(art.people),
        "n_organizations": len(art.organizations),
        "n_places": len(art.places),
        "n_dates": len(art.dates),
        "n_quotes": len(art.quotes),
        "n_warnings": len(art.warnings),
    }


def _people_rows(art: Article, aid: str) -> Iterator[Row]:
    for p in art.people:
        yield {
            "article_id": aid,
            "name": p.name,
            "honorifics": _joined(p.honorifics),
            "degrees": _joined(p.degrees),
            "roles": _joined(p.roles),
            "quotes": p.quotes,
            **_first(p.mentions),
        }


def _organization_rows(art: Article, aid: str) -> Iterator[Row]:
    for o in art.organizations:
        yield {
            "article_id": aid,
            "name": o.name,
            "acronym": o.acronym,
            "expansion": o.expansion,
            "aliases": _joined(o.aliases),
            **_first(o.mentions),
        }


def _place_rows(art: Article, aid: str) -> Iterator[Row]:
    for pl in art.places:
        yield {
            "article_id": aid,
            "name": pl.name,
            "kind": pl.kind,
            "code": pl.code,
            "province": pl.province,
            "lat": pl.lat,
            "lon": pl.lon,
            **_first(pl.mentions),
        }


def _date_rows(art: Article, aid: str) -> Iterator[Row]:
    for d in art.dates:
        yield {
            "article_id": aid,
            "text": d.text,
            "start": d.start,
            "end": d.end,
            "days": (d.end - d.start).days + 1,
            "granularity": d.granularity,
            "kind": d.kind,
            "anchor": d.anchor,
            "sentence": d.sentence.text if d.sentence else None,
            **_offsets(d.span),
        }


def _credit_rows(art: Article, aid: str) -> Iterator[Row]:
    for c in art.credits:
        yield {"article_id": aid, "role": c.role, "name": c.name, "raw": c.raw, **_offsets(c.span)}


def _quote_rows(art: Article, aid: str) -> Iterator[Row]:
    for q in art.quotes:
        yield {
            "article_id": aid,
            "speaker": q.speaker,
            "kind": q.kind,
            "text": q.text,
            "cue": q.cue,
            **_offsets(q.span),
        }


def _mention_rows(art: Article, aid: str) -> Iterator[Row]:
    groups: tuple[tuple[str, Iterable[tuple[str, Sequence[Span]]]], ...] = (
        ("person", ((p.name, p.mentions) for p in art.people)),
        ("organization", ((o.name, o.mentions) for o in art.organizations)),
        ("place", ((pl.name, pl.mentions) for pl in art.places)),
    )
    for entity_type, entities in groups:
        for name, mentions in entities:
            for m in mentions:
                yield {
                    "article_id": aid,
                    "type": entity_type,
                    "name": name,
                    "text": m.text,
                    **_offsets(m),
                }


_ID = (("article_id", "str"),)
_AT = (("char_start", "int"), ("char_end", "int"))
_MENTIONED = (("mentions", "int"), ("char_start", "Int"), ("char_end", "Int"))

_SCHEMAS: dict[str, tuple[Callable[[Article, str], Iterator[Row]], Columns]] = {
    "articles": (
        _article_rows,
        _ID
        + (
            ("url", "str"),
            ("language", "str"),
            ("language_score", "float"),
            ("published", "date"),
            ("dateline_city", "str"),
            ("dateline_outlet", "str"),
            ("dateline_outlet_domain", "str"),
            ("dateline_date", "date"),
            ("chars", "int"),
            ("body_chars", "int"),
            ("n_credits", "int"),
            ("n_people", "int"),
            ("n_organizations", "int"),
            ("n_places", "int"),
            ("n_dates", "int"),
            ("n_quotes", "int"),
            ("n_warnings", "int"),
        ),
    ),
    "people": (
        _people_rows,
        _ID
        + (
            ("name", "str"),
            ("honorifics", "str"),
            ("degrees", "str"),
            ("roles", "str"),
            ("quotes", "int"),
        )
        + _MENTIONED,
    ),
    "organizations": (
        _organization_rows,
        _ID
        + (("name", "str"), ("acronym", "str"), ("expansion", "str"), ("aliases", "str"))
        + _MENTIONED,
    ),
    "places": (
        _place_rows,
        _ID
        + (
            ("name", "str"),
            ("kind", "str"),
            ("code", "str"),
            ("province", "str"),
            ("lat", "float"),
            ("lon", "float"),
        )
        + _MENTIONED,
    ),
    "dates": (
        _date_rows,
        _ID
        + (
            ("text", "str"),
            ("start", "date"),
            ("end", "date"),
            ("days", "int"),
            ("granularity", "str"),
            ("kind", "str"),
            ("anchor", "date"),
            ("sentence", "str"),
        )
        + _AT,
    ),
    "credits": (
        _credit_rows,
        _ID + (("role", "str"), ("name", "str"), ("raw", "str")) + _AT,
    ),
    "quotes": (
        _quote_rows,
        _ID + (("speaker", "str"), ("kind", "str"), ("text", "str"), ("cue", "str")) + _AT,
    ),
    "mentions": (
        _mention_rows,
        _ID + (("type", "str"), ("name", "str"), ("text", "str")) + _AT,
    ),
}


def _records(articles: Article | Mapping[str, Any] | Iterable[object]) -> Iterator[Article]:
    if isinstance(articles, Article | Mapping):
        articles = [articles]
    for i, item in enumerate(articles):
        if isinstance(item, Article):
            yield item
        elif isinstance(item, Mapping):
            try:
                yield Article.model_validate(item)
            except ValidationError as exc:
                raise InputError(f"item {i} is not an Article record: {exc}") from exc
        else:
            hint = ""
            if type(item).__name__ == "Failure":
                hint = "; drop failures first: [a for a in items if isinstance(a, Article)]"
            raise TypeError(
                f"to_frame takes Article records or their dicts; item {i} is "
                f"{type(item).__name__}{hint}"
            )


def to_frame(
    articles: Article | Mapping[str, Any] | Iterable[object],
    table: Table = "articles",
) -> pd.DataFrame:
    """Return one table of the records as a tidy pandas DataFrame.

    Every row carries ``article_id``: the record's ``id``, or ``#<n>`` (its position in
    ``articles``) when it has none, so tables join on it. Offsets (``char_start``,
    ``char_end``) point into ``Article.text``; lists of strings (honorifics, roles,
    aliases) are joined with ``"; "``; dates are ``datetime64[s]``, text columns
    pandas' ``string`` dtype.

    Tables and their rows:

    - ``articles``: one per article (dateline, language, published, and ``n_people``,
      ``n_dates`` … counting each list).
    - ``people``, ``organizations``, ``places``: one per entity, with its attributes,
      the number of ``mentions`` and the offsets of the first.
    - ``mentions``: one per mention of a person, organisation or place (``type``,
      ``name`` of the entity, ``text`` as written).
    - ``dates``: one per event date (``start``, ``end``, ``days`` covered, ``granularity``,
      ``kind``, ``anchor``, the ``sentence`` it was found in).
    - ``credits``: one per credit; ``quotes``: one per quote.

    Args:
        articles: One record, or an iterable of records (``Article`` or its dict, as
            :func:`read_jsonl` or ``Article.to_dict`` give them).
        table: Which table to build; one of :data:`TABLES`.

    Returns:
        The table; its number of rows is the number of items of that kind in the records.

    Raises:
        ImportError: pandas is not installed.
        ValueError: ``table`` is not one of :data:`TABLES`.
        InputError: A dict is not a valid record.
        TypeError: An item is neither an ``Article`` nor a dict (a ``Failure``, say).
    """
    if table not in _SCHEMAS:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    pandas = _pandas()
    make_rows, columns = _SCHEMAS[table]
    rows: list[Row] = []
    for n, art in enumerate(_records(articles)):
        rows.extend(make_rows(art, art.id if art.id is not None else f"#{n}"))
    data = {
        name: pandas.Series([row[name] for row in rows], dtype=_DTYPES[kind])
        for name, kind in columns
    }
    return pandas.DataFrame(data, columns=[name for name, _ in columns])


def read_jsonl(path: str | os.PathLike[str]) -> list[Article]:
    """Load the records a batch run wrote (``beritakit extract … -o records.jsonl``).

    Args:
        path: A JSONL file, one record a line (``.gz`` files are decompressed). Blank
            lines are skipped.

    Returns:
        The records, in file order.

    Raises:
        InputError: A line is not JSON or not a valid record (the message names the line).
        OSError: The file cannot be read.
    """
    name = os.fspath(path)
    opener = gzip.open if name.endswith(".gz") else open
    records: list[Article] = []
    with opener(name, "rt", encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                records.append(Article.model_validate_json(line))
            except ValidationError as exc:
                raise InputError(f"{name}:{number}: not an Article record: {exc}") from exc
    return records


# -- the HTML view ------------------------------------------------------------

COLOURS = {
    "PERSON": "#c9b8ff",
    "ORG": "#8ee6e6",
    "PLACE": "#ffd27a",
    "DATE": "#ffb4c2",
    "DATELINE": "#dddddd",
    "CREDIT": "#dddddd",
}
# When two highlights overlap, the longer wins; at equal length, the earlier in this order.
_PRIORITY = ("DATELINE", "CREDIT", "PERSON", "ORG", "PLACE", "DATE")

_BOX = (
    "font-family: -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;"
    " font-size: 14px; color: #222; max-width: 980px;"
)
_TABLE = "border-collapse: collapse; font-size: 12.5px; margin: 4px 0 10px 0;"
_CELL = "border-bottom: 1px solid #e5e5e5; padding: 2px 10px 2px 0; text-align: left;"
_HEAD = _CELL + " color: #666; font-weight: 600;"


def highlights(article: Article) -> list[dict[str, Any]]:
    """Return non-overlapping displaCy ``ents`` for the record's spans, in text order.

    Overlaps (a place inside an organisation's mention, a date inside the dateline) are
    resolved by keeping the longer span; at equal length the order is dateline, credit,
    person, organisation, place, date.
    """
    spans: list[tuple[int, int, str]] = []
    if article.dateline is not None:
        spans.append((article.dateline.span.start, article.dateline.span.end, "DATELINE"))
    spans += [(c.span.start, c.span.end, "CREDIT") for c in article.credits]
    for kind, entities in (
        ("PERSON", article.people),
        ("ORG", article.organizations),
        ("PLACE", article.places),
    ):
        spans += [(m.start, m.end, kind) for e in entities for m in e.mentions]
    spans += [(d.span.start, d.span.end, "DATE") for d in article.dates]
    n = len(article.text)
    spans = [(s, min(e, n), k) for s, e, k in spans if 0 <= s < min(e, n)]
    spans.sort(key=lambda x: (-(x[1] - x[0]), _PRIORITY.index(x[2]), x[0]))
    kept: list[tuple[int, int, str]] = []
    for s, e, k in spans:
        if all(e <= ks or s >= ke for ks, ke, _ in kept):
            kept.append((s, e, k))
    kept.sort()
    return [{"start": s, "end": e, "label": k} for s, e, k in kept]


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _chip(label: str) -> str:
    return (
        f'<span style="background: {COLOURS[label]}; border-radius: 0.35em; padding: 0 0.4em;'
        f' font-size: 11px; font-weight: 600;">{label}</span>'
    )


def _entity_rows(article: Article) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    for p in article.people:
        extra = ", ".join(
            part
            for part in (" ".join(p.honorifics), " ".join(p.degrees), "; ".join(p.roles))
            if part
        )
        if p.quotes:
            extra += f"{'; ' if extra else ''}{p.quotes} quote{'s' if p.quotes != 1 else ''}"
        rows.append(("PERSON", p.name, extra, str(len(p.mentions))))
    for o in article.organizations:
        parts = [x for x in (o.acronym, o.expansion) if x and x != o.name]
        rows.append(("ORG", o.name, " = ".join(parts), str(len(o.mentions))))
    for pl in article.places:
        parts = [pl.kind] + [x for x in (pl.province, pl.code) if x]
        rows.append(("PLACE", pl.name, ", ".join(parts), str(len(pl.mentions))))
    for d in article.dates:
        when = d.start.isoformat() if d.start == d.end else f"{d.start} – {d.end}"
        rows.append(("DATE", d.text, f"{when} ({d.granularity}, {d.kind})", "1"))
    return rows


def _header(article: Article) -> str:
    facts: list[tuple[str, str]] = []
    dl = article.dateline
    if dl is not None:
        where = " · ".join(_esc(x) for x in (dl.city, dl.outlet, dl.outlet_domain, dl.date) if x)
        facts.append(("Dateline", where or _esc(dl.span.text)))
    else:
        facts.append(("Dateline", "<i>none found</i>"))
    if article.published is not None:
        facts.append(("Published", _esc(article.published.isoformat())))
    facts.append(("Language", f"{_esc(article.language)} ({article.language_score:.2f})"))
    credits = "; ".join(f"{_esc(c.role)}: <b>{_esc(c.name)}</b>" for c in article.credits)
    facts.append(("Credits", credits or "<i>none found</i>"))
    counts = ", ".join(
        f"{len(items)} {name}"
        for name, items in (
            ("people", article.people),
            ("organisations", article.organizations),
            ("places", article.places),
            ("dates", article.dates),
            ("quotes", article.quotes),
        )
    )
    facts.append(("Found", counts))
    if article.warnings:
        facts.append(("Warnings", "<br>".join(_esc(w) for w in article.warnings)))
    if article.id is not None:
        facts.insert(0, ("Id", _esc(article.id)))
    cells = "".join(
        f'<tr><th style="{_HEAD} width: 90px;">{k}</th><td style="{_CELL}">{v}</td></tr>'
        for k, v in facts
    )
    return f'<table style="{_TABLE}">{cells}</table>'


def _entity_table(article: Article) -> str:
    rows = _entity_rows(article)
    if not rows:
        return '<p style="font-size: 12.5px; color: #666;"><i>No entities or dates found.</i></p>'
    head = "".join(f'<th style="{_HEAD}">{h}</th>' for h in ("", "name", "details", "mentions"))
    body = "".join(
        f'<tr><td style="{_CELL}">{_chip(k)}</td><td style="{_CELL}">{_esc(name)}</td>'
        f'<td style="{_CELL} color: #555;">{_esc(extra)}</td>'
        f'<td style="{_CELL} text-align: right;">{count}</td></tr>'
        for k, name, extra, count in rows
    )
    return f'<table style="{_TABLE}"><tr>{head}</tr>{body}</table>'


def article_html(article: Article, *, max_chars: int = 200_000) -> str:
    """Render a record as HTML: facts, a table of entities, and the highlighted text.

    The text shown is ``Article.text``, the original, with every mention of a person,
    organisation or place, every event date, the dateline and the credits highlighted
    by spaCy's displaCy (manual mode, ``style="ent"``). This is what
    ``Article._repr_html_`` shows in a notebook.

    Args:
        article: The record.
        max_chars: Show at most this much of the text (a notebook slows down on
            megabytes of HTML); a note says how much was left out.

    Returns:
        A self-contained HTML fragment with inline styles only.
    """
    from spacy import displacy

    text = article.text[:max_chars]
    ents = [e for e in highlights(article) if e["end"] <= len(text)]
    body = displacy.render(
        {"text": text, "ents": ents, "title": None},
        style="ent",
        manual=True,
        jupyter=False,
        options={"colors": COLOURS},
    )
    if len(article.text) > len(text):
        left = len(article.text) - len(text)
        body += f'<p style="color: #666;"><i>… {left:,} more characters not shown.</i></p>'
    legend = " ".join(_chip(label) for label in COLOURS if label != "CREDIT")
    return (
        f'<div class="beritakit-article" style="{_BOX}">'
        f"{_header(article)}{_entity_table(article)}"
        f'<div style="font-size: 12px; color: #666; margin: 6px 0;">Highlighted: {legend}</div>'
        f'<div style="border-top: 1px solid #ddd; padding-top: 6px;">{body}</div></div>'
    )


def article_rich(article: Article) -> RenderableType:
    """Return a short ``rich`` summary of a record (what ``Article.__rich__`` shows).

    Args:
        article: The record.
    """
    from rich.table import Table as RichTable

    table = RichTable(title="Article", show_header=False, box=None, padding=(0, 1))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column(overflow="fold")
    dl = article.dateline
    if article.id is not None:
        table.add_row("id", article.id)
    table.add_row("dateline", " · ".join(str(x) for x in (dl.city, dl.outlet) if x) if dl else "-")
    if article.published is not None:
        table.add_row("published", article.published.isoformat())
    table.add_row("language", f"{article.language} ({article.language_score:.2f})")
    table.add_row("credits", "; ".join(f"{c.role}: {c.name}" for c in article.credits) or "-")
    for label, names in (
        ("people", [p.name for p in article.people]),
        ("organisations", [o.name for o in article.organizations]),
        ("places", [p.name for p in article.places]),
        ("dates", [f"{d.text} → {d.start}" for d in article.dates]),
    ):
        shown = ", ".join(names[:8]) + (f", … (+{len(names) - 8})" if len(names) > 8 else "")
        table.add_row(f"{label} ({len(names)})", shown or "-")
    table.add_row("quotes", str(len(article.quotes)))
    if article.warnings:
        table.add_row("warnings", "\n".join(article.warnings))
    return table
