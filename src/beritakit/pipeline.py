"""Pipeline: clean the text, run the registered extractors in order, build the Article."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.language import Language
from spacy.tokens import Doc

from beritakit import registry
from beritakit.batch import pipe as pipe_processes
from beritakit.clean import normalise
from beritakit.clean.boilerplate import find_boilerplate
from beritakit.clean.normalise import looks_like_html
from beritakit.context import Context, Extractor, ExtractorSpec, Result
from beritakit.errors import BeritakitError, ExtractionError, InputError, ModelNotFoundError
from beritakit.inputs import coerce_date, coerce_text
from beritakit.items import Failure, Item, OnError, as_item, check_on_error
from beritakit.models import ner_model_path
from beritakit.record import Article

__all__ = ["Failure", "OnError", "Options", "Pipeline"]


class Options(BaseModel):
    """Everything a :class:`Pipeline` can be configured with.

    Attributes:
        extractors: Registered extractor names to run (see ``beritakit.registry``);
            an unknown name raises :class:`ConfigError` when the pipeline is built.
        max_chars: Longest input accepted; longer input raises :class:`InputError`.
        today: The date "now" stands for (bounds year inference); ``None`` is today.
        ner_model: A spaCy NER pipeline folder to use instead of the shipped model.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    extractors: tuple[str, ...] = registry.DEFAULT_EXTRACTORS
    max_chars: int = Field(default=2_000_000, gt=0)
    today: dt.date | None = None
    ner_model: Path | None = None


class Pipeline:
    """A loaded pipeline: reusable, and safe to call many times.

    Build one with :func:`beritakit.load`; calling it is :func:`beritakit.extract`.
    """

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self._specs: list[tuple[ExtractorSpec, Extractor]] = [
            (spec, spec.load()) for spec in registry.resolve(self.options.extractors)
        ]
        self._needs_doc = any(spec.needs_doc for spec, _ in self._specs)
        self._warm = False

    def warm_up(self) -> None:
        """Load now what the first article would load (spaCy and the NER model).

        Raises:
            ModelNotFoundError: The NER model is not inside the installed package.
        """
        if self._needs_doc:
            self.nlp  # noqa: B018

    @property
    def extractor_names(self) -> tuple[str, ...]:
        """The names of the extractors this pipeline runs, in order."""
        return tuple(spec.name for spec, _ in self._specs)

    @functools.cached_property
    def nlp(self) -> Language:
        """The spaCy pipeline the doc-stage extractors read (built on first use).

        The shipped NER model when an extractor needs entities, else a blank
        Indonesian tokenizer.

        Raises:
            ModelNotFoundError: The NER model is not inside the installed package.
        """
        if not any(spec.needs_ner for spec, _ in self._specs):
            return spacy.blank("id")
        path = self.options.ner_model or ner_model_path()
        if not (path / "config.cfg").is_file():
            raise ModelNotFoundError(
                f"the NER model is missing from {path}; reinstall beritakit or run `make model`"
            )
        return spacy.load(path)

    def __call__(
        self,
        text: object,
        *,
        published: object = None,
        url: str | None = None,
        id: str | None = None,
    ) -> Article:
        """Extract the record of one article.

        Args:
            text: The article as ``str`` or ``bytes``.
            published: The publication date when the caller knows it (anchors relative dates).
            url: The article's URL, kept in the record.
            id: An identifier kept in the record.

        Raises:
            InputError: The input cannot be read as article text.
            ExtractionError: An extractor failed (a bug: please report it).
        """
        ctx = self._text_stage(Item(text, published, url, id), None)
        doc = next(self._docs([ctx]))
        return self._doc_stage(ctx, doc, id=id)

    def pipe(
        self,
        items: Iterable[object],
        *,
        batch_size: int = 32,
        on_error: OnError = "raise",
        n_process: int = 1,
    ) -> Iterator[Article | Failure]:
        """Extract records from many articles, in input order.

        Args:
            items: Texts, ``(text, context)`` pairs, or mappings with ``text`` and
                optionally ``published``, ``url`` and ``id``.
            batch_size: How many articles go through spaCy together (and, with
                ``n_process`` above 1, how many are sent to a worker at once).
            on_error: ``"raise"`` stops at the first failure, ``"skip"`` drops the
                article, ``"record"`` yields a :class:`Failure` in its place.
            n_process: Worker processes (``-1``: one per CPU). Each builds its own
                pipeline from this one's options once; see ``beritakit.batch``.

        Each batch after the first runs in a spaCy memory zone, so memory stays flat
        over any number of articles; while ``pipe`` runs, do not call this pipeline from
        another thread (one pipeline per thread).
        """
        check_on_error(on_error)
        if n_process != 1:
            yield from pipe_processes(
                items,
                n_process=n_process,
                batch_size=batch_size,
                on_error=on_error,
                loader=functools.partial(Pipeline, self.options),
            )
            return
        counter = itertools.count()
        iterator = iter(items)
        while batch := list(itertools.islice(iterator, max(1, batch_size))):
            prepared: list[tuple[int, Item, Context | BeritakitError]] = []
            for value in batch:
                item = as_item(value)
                index = next(counter)
                try:
                    prepared.append((index, item, self._text_stage(item, index)))
                except BeritakitError as exc:
                    prepared.append((index, item, exc))
            outputs: list[Article | Failure] = []
            error: BeritakitError | None = None
            with self._memory_zone():
                ready = [c for _, _, c in prepared if isinstance(c, Context)]
                docs = iter(self._docs(ready))
                for index, item, state in prepared:
                    try:
                        if isinstance(state, BeritakitError):
                            raise state
                        outputs.append(self._doc_stage(state, next(docs), id=item.id))
                    except BeritakitError as exc:
                        if on_error == "raise":
                            error = exc
                            break
                        if on_error == "record":
                            outputs.append(Failure.of(exc, index=index, id=item.id))
            yield from outputs
            if error is not None:
                raise error

    def _memory_zone(self) -> contextlib.AbstractContextManager[object]:
        """A spaCy memory zone around one batch, so a long run does not grow the vocab.

        Strings spaCy interns for a batch are freed when it ends; the records hold plain
        Python values, so nothing points into them. The first batch runs outside a zone:
        whatever is built lazily on first use (matchers, tables) must outlive it.
        """
        if not self._needs_doc or not self._warm:
            self._warm = True
            return contextlib.nullcontext()
        return self.nlp.memory_zone()

    def _docs(self, contexts: list[Context]) -> Iterator[Doc | None]:
        """Run spaCy over the bodies when a doc-stage extractor needs it."""
        if not self._needs_doc:
            return iter([None] * len(contexts))
        bodies = [c.body.text if c.body is not None else "" for c in contexts]
        return iter(self.nlp.pipe(bodies))

    # -- stages -------------------------------------------------------------

    def _text_stage(self, item: Item, index: int | None) -> Context:
        original = coerce_text(item.text, max_chars=self.options.max_chars)
        published = coerce_date(item.published)
        html = looks_like_html(original)
        clean = normalise(original, strip_html=html)
        if not any(ch.isalnum() for ch in clean.text):
            raise InputError("text has no letters or digits")
        ctx = Context(
            clean=clean,
            published=published,
            url=item.url,
            today=self.options.today or dt.date.today(),
            index=index,
        )
        if html:
            ctx.warnings.append(
                "input: the text carries HTML markup; tags were stripped "
                "(use beritakit.extract_html for whole pages)"
            )
        ctx.boilerplate = [(r.start, r.end) for r in find_boilerplate(clean.text)]
        for spec, func in self._specs:
            if spec.stage == "text":
                ctx.merge(self._run(spec, func, None, ctx))
        ctx.body = clean.without(ctx.boilerplate + ctx.excluded)
        return ctx

    def _doc_stage(self, ctx: Context, doc: Doc | None, *, id: str | None) -> Article:
        assert ctx.body is not None
        for spec, func in self._specs:
            if spec.stage == "doc":
                ctx.merge(self._run(spec, func, doc, ctx))
        fields: dict[str, Any] = {
            "language": "und",
            "language_score": 0.0,
            **ctx.fields,
            "published": ctx.published,
        }
        try:
            return Article(
                id=id,
                url=ctx.url,
                text=ctx.clean.original,
                body=ctx.body.text,
                warnings=tuple(ctx.warnings),
                **fields,
            )
        except ValidationError as exc:  # an extractor produced a value the contract forbids
            raise ExtractionError(str(exc), extractor="record", index=ctx.index) from exc

    @staticmethod
    def _run(spec: ExtractorSpec, func: Extractor, doc: Doc | None, ctx: Context) -> Result:
        try:
            return func(doc, ctx)
        except BeritakitError:
            raise
        except Exception as exc:  # a bug in an extractor: name it, keep the cause
            raise ExtractionError(
                f"{type(exc).__name__}: {exc}", extractor=spec.name, index=ctx.index
            ) from exc
