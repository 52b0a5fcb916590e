"""The one place extractor names are registered (``"dateline.v1"`` and so on).

Names are versioned like spaCy's registered functions: a change in behaviour
that users could notice gets a new name, and the old one stays available.
Extractors are imported only when a pipeline asks for them.

Each extractor declares what it ``requires``, what it ``reads`` when present and what
it ``assigns`` (see :class:`beritakit.context.ExtractorSpec`). :func:`resolve` orders
the extractors a caller names from those declarations, whatever order the caller
used: the text stage first, and within a stage every extractor after the ones whose
output it reads (ties keep the order of this registry). So ``entities`` runs before
``quotes``, whose speakers resolve to the people it found.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from beritakit.context import MENTIONS, PROVIDED, Extractor, ExtractorSpec, Stage
from beritakit.errors import ConfigError

__all__ = ["DEFAULT_EXTRACTORS", "get", "names", "order", "resolve"]


def _lazy(module: str, attr: str = "extract") -> Callable[[], Extractor]:
    def load() -> Extractor:
        func: Extractor = getattr(importlib.import_module(module), attr)
        return func

    return load


def _spec(
    name: str,
    stage: Stage,
    *,
    requires: Iterable[str],
    reads: Iterable[str] = (),
    assigns: Iterable[str],
) -> ExtractorSpec:
    package = name.split(".")[0]
    return ExtractorSpec(
        name=name,
        stage=stage,
        assigns=tuple(assigns),
        load=_lazy(f"beritakit.extractors.{package}.extract"),
        requires=tuple(requires),
        reads=tuple(reads),
    )


_REGISTRY: dict[str, ExtractorSpec] = {
    spec.name: spec
    for spec in (
        _spec("dateline.v1", "text", requires=("text",), assigns=("dateline", "published")),
        _spec(
            "credits.v1",
            "text",
            requires=("text", "boilerplate"),
            reads=("dateline",),
            assigns=("credits",),
        ),
        _spec(
            "language.v1", "doc", requires=("text", "body"), assigns=("language", "language_score")
        ),
        _spec("dates.v1", "doc", requires=("body", "published", "today"), assigns=("dates",)),
        _spec(
            "entities.v1",
            "doc",
            requires=("body", "doc.ents"),
            reads=("dateline", "credits"),
            assigns=("people", "organizations", "places", MENTIONS),
        ),
        _spec(
            "quotes.v1",
            "doc",
            requires=("body",),
            reads=(MENTIONS, "people", "organizations"),
            assigns=("quotes", "people.quotes"),
        ),
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
    """Return the specs for ``wanted`` in the order they must run (see :func:`order`).

    Raises:
        ConfigError: An unknown name, a missing requirement or a cycle.
    """
    rank = {name: i for i, name in enumerate(_REGISTRY)}
    chosen = {n: get(n) for n in wanted}  # a name given twice runs once
    return order(sorted(chosen.values(), key=lambda s: rank[s.name]))


def _base(name: str) -> str:
    """``"people.quotes"`` updates ``"people"``: its readers read the whole field."""
    return name.split(".")[0]


def order(specs: Iterable[ExtractorSpec]) -> list[ExtractorSpec]:
    """Order ``specs``: text stage first; in a stage, producers before their readers.

    Stable: among extractors free to run, the one listed first goes first. An
    extractor never waits for itself (``quotes`` reads and updates ``people``).

    Raises:
        ConfigError: A requirement no selected extractor assigns and the pipeline
            does not provide, a text-stage extractor that reads what only the doc
            stage produces, or a cycle.
    """
    specs = list(specs)
    out: list[ExtractorSpec] = []
    for stage in ("text", "doc"):
        out += _order_stage([s for s in specs if s.stage == stage], before=out, stage=stage)
    later = {_base(a): s.name for s in specs if s.stage == "doc" for a in s.assigns}
    for s in specs:
        if s.stage == "text":
            for need in (*s.requires, *s.reads):
                if _base(need) in later and need not in PROVIDED["text"]:
                    raise ConfigError(
                        f"extractor {s.name!r} runs on the text but reads {need!r}, "
                        f"which {later[_base(need)]!r} assigns only later, on the body"
                    )
    return out


def _order_stage(
    specs: list[ExtractorSpec], *, before: list[ExtractorSpec], stage: Stage
) -> list[ExtractorSpec]:
    available = set(PROVIDED[stage]) | {_base(a) for s in before for a in s.assigns}
    assigned = {_base(a) for s in specs for a in s.assigns}
    for s in specs:
        for need in s.requires:
            if need not in available and _base(need) not in assigned:
                raise ConfigError(
                    f"extractor {s.name!r} requires {need!r}, which no selected extractor "
                    f"assigns; add one that does (registered: {', '.join(_REGISTRY)})"
                )
    waits = {
        s.name: {
            t.name
            for t in specs
            if t is not s
            and {_base(a) for a in t.assigns} & {_base(n) for n in (*s.requires, *s.reads)}
        }
        for s in specs
    }
    out: list[ExtractorSpec] = []
    pending = list(specs)
    while pending:
        done = {s.name for s in out}
        ready = next((s for s in pending if waits[s.name] <= done), None)
        if ready is None:
            cycle = ", ".join(s.name for s in pending)
            raise ConfigError(f"extractors wait for each other's output: {cycle}")
        out.append(ready)
        pending.remove(ready)
    return out
