"""The HTML and ``rich`` views of a record (what ``Article._repr_html_`` shows in a notebook).

This module sits below :mod:`beritakit.record` in the import graph: the record calls
it, and it reads the record only by its attributes (an ``Article``, typed ``Any`` here).
The HTML view uses spaCy's displaCy renderer, which beritakit already needs.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["COLOURS", "LOW_CONFIDENCE", "article_html", "article_rich", "highlights"]

Article = Any
"""A ``beritakit.record.Article`` (not imported: the record imports this module)."""


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

#: A person, organisation or place whose ``confidence`` is below this is marked in the HTML
#: view (a dashed underline, and a title that gives the confidence and the evidence): the
#: values a reader should check. On the dev articles about one value in five is below it,
#: and about two in three of those are right (docs/accuracy.md, "Confidence").
LOW_CONFIDENCE = 0.8
_DOUBT = "border-bottom: 2px dashed #b03a2e;"
_MARK = re.compile(r'<mark class="entity" style="')

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


def _doubt(value: Any) -> str | None:
    """The note of a value whose confidence is low ("confidence 0.46 (model): check it")."""
    confidence = getattr(value, "confidence", None)
    if confidence is None or confidence >= LOW_CONFIDENCE:
        return None
    evidence = ", ".join(getattr(value, "evidence", ())) or "no evidence"
    return f"confidence {confidence:.2f} ({evidence}): check it"


def _sureness(value: Any) -> str:
    """The confidence cell of the entity table: the number, dashed and titled when low."""
    confidence = getattr(value, "confidence", None)
    if confidence is None:
        return ""
    note = _doubt(value)
    if note is None:
        evidence = ", ".join(value.evidence) or "no evidence"
        return f'<span title="{_esc(evidence)}">{confidence:.2f}</span>'
    return f'<span title="{_esc(note)}" style="{_DOUBT}">{confidence:.2f}</span>'


def _entity_rows(article: Article) -> list[tuple[str, str, str, str, str]]:
    rows: list[tuple[str, str, str, str, str]] = []
    for p in article.people:
        extra = ", ".join(
            part
            for part in (" ".join(p.honorifics), " ".join(p.degrees), "; ".join(p.roles))
            if part
        )
        if p.quotes:
            extra += f"{'; ' if extra else ''}{p.quotes} quote{'s' if p.quotes != 1 else ''}"
        rows.append(("PERSON", p.name, extra, str(len(p.mentions)), _sureness(p)))
    for o in article.organizations:
        parts = [x for x in (o.acronym, o.expansion) if x and x != o.name]
        rows.append(("ORG", o.name, " = ".join(parts), str(len(o.mentions)), _sureness(o)))
    for pl in article.places:
        parts = [pl.kind] + [x for x in (pl.province, pl.code) if x]
        rows.append(("PLACE", pl.name, ", ".join(parts), str(len(pl.mentions)), _sureness(pl)))
    for d in article.dates:
        when = d.start.isoformat() if d.start == d.end else f"{d.start} – {d.end}"
        rows.append(("DATE", d.text, f"{when} ({d.granularity}, {d.kind})", "1", ""))
    return rows


def _doubts(article: Article) -> dict[tuple[int, int, str], str]:
    """The note of each highlighted mention whose entity's confidence is low."""
    out: dict[tuple[int, int, str], str] = {}
    for label, entities in (
        ("PERSON", article.people),
        ("ORG", article.organizations),
        ("PLACE", article.places),
    ):
        for e in entities:
            note = _doubt(e)
            if note is not None:
                for m in e.mentions:
                    out[m.start, m.end, label] = f"{e.name}: {note}"
    return out


def _mark_doubts(
    body: str, ents: list[dict[str, Any]], doubts: dict[tuple[int, int, str], str]
) -> str:
    """Give the displaCy marks of low-confidence mentions a dashed underline and a title.

    displaCy writes one ``<mark class="entity" …>`` per highlight, in the order of
    ``ents``; the n-th mark is the n-th highlight.
    """
    notes = [doubts.get((e["start"], e["end"], e["label"])) for e in ents]
    if not any(notes):
        return body
    marks = iter(notes)

    def flag(match: re.Match[str]) -> str:
        note = next(marks, None)
        if note is None:
            return match.group(0)
        return f'<mark class="entity" data-beritakit="check" title="{_esc(note)}" style="{_DOUBT} '

    return _MARK.sub(flag, body)


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
    head = "".join(
        f'<th style="{_HEAD}">{h}</th>' for h in ("", "name", "details", "mentions", "confidence")
    )
    body = "".join(
        f'<tr><td style="{_CELL}">{_chip(k)}</td><td style="{_CELL}">{_esc(name)}</td>'
        f'<td style="{_CELL} color: #555;">{_esc(extra)}</td>'
        f'<td style="{_CELL} text-align: right;">{count}</td>'
        f'<td style="{_CELL} text-align: right;">{sure}</td></tr>'
        for k, name, extra, count, sure in rows
    )
    return f'<table style="{_TABLE}"><tr>{head}</tr>{body}</table>'


def article_html(article: Article, *, max_chars: int = 200_000) -> str:
    """Render a record as HTML: facts, a table of entities, and the highlighted text.

    The text shown is ``Article.text``, the original, with every mention of a person,
    organisation or place, every event date, the dateline and the credits highlighted
    by spaCy's displaCy (manual mode, ``style="ent"``). Mentions of an entity whose
    ``confidence`` is below :data:`LOW_CONFIDENCE` are underlined with a dashed line and
    carry a title with the confidence and the evidence (the entity table shows every
    confidence). This is what ``Article._repr_html_`` shows in a notebook.

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
    body = _mark_doubts(body, ents, _doubts(article))
    if len(article.text) > len(text):
        left = len(article.text) - len(text)
        body += f'<p style="color: #666;"><i>… {left:,} more characters not shown.</i></p>'
    legend = " ".join(_chip(label) for label in COLOURS if label != "CREDIT")
    check = (
        f'<span style="{_DOUBT}">dashed</span>: confidence below {LOW_CONFIDENCE:.1f},'
        " check it (hover for the evidence)"
    )
    return (
        f'<div class="beritakit-article" style="{_BOX}">'
        f"{_header(article)}{_entity_table(article)}"
        f'<div style="font-size: 12px; color: #666; margin: 6px 0;">Highlighted: {legend}'
        f" · {check}</div>"
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
