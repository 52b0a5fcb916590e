"""Whole HTML pages: trafilatura finds the article and its metadata, the pipeline does the rest."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from beritakit.errors import ConfigError, InputError
from beritakit.inputs import WIB, coerce_text, read_published
from beritakit.record import Article

if TYPE_CHECKING:
    from beritakit.pipeline import Pipeline

__all__ = ["Page", "extract_html", "read_page"]

_INSTALL_HINT = "reading HTML pages needs trafilatura: pip install 'beritakit[html]'"


@dataclass(frozen=True, slots=True)
class Page:
    """What trafilatura read from one HTML page.

    Attributes:
        text: The main text of the page (navigation, comments and scripts left out),
            paragraphs separated by newlines.
        title: The page title, when the page names one.
        author: The author(s) the page metadata names, as one string.
        sitename: The site name (``og:site_name`` and the like).
        date: The publication date htmldate found, preferring the original date.
        url: The canonical URL the page declares, else the one the caller gave.
    """

    text: str
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    date: dt.date | None = None
    url: str | None = None


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as exc:
        raise ConfigError(_INSTALL_HINT) from exc
    return trafilatura


def _iso_date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def read_page(html: str | bytes, *, url: str | None = None, max_chars: int = 2_000_000) -> Page:
    """Find the article text and the metadata of one HTML page.

    Args:
        html: The page as ``str``, or ``bytes`` in UTF-8, with a BOM, or with a
            ``<meta charset>`` declaration.
        url: The page's URL when known (helps trafilatura and htmldate).
        max_chars: The longest page accepted, in characters.

    Returns:
        The page's main text and metadata.

    Raises:
        ConfigError: trafilatura is not installed.
        InputError: The page is undecodable, empty or too long, or holds no article text.
    """
    trafilatura = _trafilatura()
    source = coerce_text(html, max_chars=max_chars)
    document = trafilatura.bare_extraction(
        source,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        date_extraction_params={
            "original_date": True,
            "extensive_search": True,
            "max_date": dt.date.today().isoformat(),
        },
    )
    text = getattr(document, "text", None) if document is not None else None
    if not isinstance(text, str) or not text.strip():
        raise InputError("no article text found in the HTML page")
    return Page(
        text=text,
        title=_clean(document.title),
        author=_clean(document.author),
        sitename=_clean(document.sitename),
        date=_iso_date(document.date),
        url=_clean(document.url) or url,
    )


def extract_html(
    html: str | bytes,
    *,
    url: str | None = None,
    published: object = None,
    id: str | None = None,
    pipeline: Pipeline | None = None,
) -> Article:
    """Extract the record of the news article in one HTML page.

    trafilatura takes the main text out of the page (navigation, comments and scripts
    left out) and reads the page metadata; the text pipeline then runs on that text,
    so ``Article.text`` is the extracted text and every span points into it. When
    the caller gives no ``published`` date, the page's (htmldate) fills it, and when
    the caller gives no ``url``, the page's canonical URL does; ``Article.warnings``
    says so.

    Args:
        html: The page as ``str`` or ``bytes`` (UTF-8, a BOM or a declared charset).
        url: The page's URL.
        published: The publication date when known (any form
            :func:`beritakit.inputs.read_published` reads).
        id: An identifier kept in the record.
        pipeline: The pipeline to run; ``None`` uses the default one.

    Returns:
        The frozen :class:`Article` record of the page's article.

    Raises:
        ConfigError: trafilatura is not installed (``pip install 'beritakit[html]'``).
        InputError: The page cannot be decoded, is too long, or holds no article text,
            or ``published`` is of a type that cannot be a date (a string that does
            not read as one is a warning in the record).
    """
    if pipeline is None:
        from beritakit.api import default_pipeline

        pipeline = default_pipeline()
    now = pipeline.options.now or dt.datetime.now(WIB)
    read = read_published(published, now=now)
    given = read.date
    page = read_page(html, url=url, max_chars=pipeline.options.max_chars)
    article = pipeline(
        page.text,
        published=published if given is not None else page.date,
        url=url or page.url,
        id=id,
    )
    notes: list[str] = [read.warning] if read.warning is not None else []
    if given is None and page.date is not None:
        if article.published == page.date:
            notes.append("published: from the page metadata (htmldate)")
        else:
            notes.append(
                f"published: the page metadata (htmldate) gives {page.date.isoformat()}, "
                "the text another date"
            )
    elif given is not None and page.date is not None and page.date != given:
        notes.append(
            f"published: the caller's date {given.isoformat()} differs from the page "
            f"metadata (htmldate) {page.date.isoformat()}"
        )
    if url is None and page.url is not None:
        notes.append("url: from the page metadata (canonical link)")
    if not notes:
        return article
    warnings = article.warnings + tuple(n for n in notes if n not in article.warnings)
    return article.model_copy(update={"warnings": warnings})
