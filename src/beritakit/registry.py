"""The one place extractor names are registered (``"dateline.v1"`` and so on).

Names are versioned like spaCy's registered functions: a change in behaviour
that users could notice gets a new name, and the old one stays available.
Extractors are imported only when a pipeline asks for them. Within a stage they run
in the order listed here: entities before quotes, whose speakers resolve to people.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from beritakit.context import Extractor, ExtractorSpec, Stage
from beritakit.errors import ConfigError

__all__ = ["DEFAULT_EXTRACTORS", "get", "names", "resolve"]


def _lazy(module: str, attr: str = "extract") -> Callable[[], Extractor]:
    def load() -> Extractor:
        func: Extractor = getattr(importlib.import_module(module), attr)
        return func

    return load


def _spec(
    name: str, stage: Stage, assigns: Iterable[str], module: str, *, ner: bool = False
) -> ExtractorSpec:
    return ExtractorSpec(
        name=name,
        stage=stage,
        assigns=tuple(assigns),
        load=_lazy(module),
        needs_doc=ner,
        needs_ner=ner,
    )


_REGISTRY: dict[str, ExtractorSpec] = {
    spec.name: spec
    for spec in (
        _spec(
            "dateline.v1",
            "text",
            ("dateline", "published"),
            "beritakit.extractors.dateline.extract",
        ),
        _spec("credits.v1", "text", ("credits",), "beritakit.extractors.credits.extract"),
        _spec(
            "language.v1", "doc", ("language", "language_score"), "beritakit.extractors.language"
        ),
        _spec("dates.v1", "doc", ("dates",), "beritakit.extractors.dates.extract"),
        _spec(
            "entities.v1",
            "doc",
            ("people", "organizations", "places"),
            "beritakit.extractors.entities.extract",
            ner=True,
        ),
        _spec("quotes.v1", "doc", ("quotes", "people"), "beritakit.extractors.quotes.extract"),
    )
}

DEFAULT_EXTRACTORS: tuple[str, ...] = tuple(_REGISTRY)


def names() -> tuple[str, ...]:
    """Return every registered extractor name."""
    return tuple(_REGISTRY)


def get(name: str) -> ExtractorSpec:
    """Return the registered extractor ``name``.

    Raises:
        ConfigError: No extractor has that name.
    """
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ConfigError(
            f"unknown extractor {name!r}; registered: {', '.join(_REGISTRY)}"
        ) from None


def resolve(wanted: Iterable[str]) -> list[ExtractorSpec]:
    """Return the specs for ``wanted`` in pipeline order: text stage first."""
    specs = [get(n) for n in wanted]
    return [s for s in specs if s.stage == "text"] + [s for s in specs if s.stage == "doc"]
