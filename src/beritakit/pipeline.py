"""Pipeline: clean the text, run the registered extractors in order, build the Article.

The order is the registry's (:func:`beritakit.registry.resolve`), from what each
extractor declares it reads and assigns, not the order the caller names them in.
"""

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
from beritakit.errors import (
    BeritakitError,
    ConfigError,
    ExtractionError,
    InputError,
    ModelNotFoundError,
)
from beritakit.inputs import MAX_CHARS, WIB, coerce_field, coerce_text, read_published
from beritakit.items import Failure, Item, OnError, as_item, check_on_error
from beritakit.models import ner_model_path
from beritakit.models.blas import numpy_blas
from beritakit.models.tokenizer import MIN_TOKEN_CHARS, NER_SKIPPED, load_model, parse_all
from beritakit.models.vectors import cache_floret
from beritakit.record import Article
from beritakit.resources import gc_paused

__all__ = ["Failure", "OnError", "Options", "Pipeline", "check_on_error"]


class Options(BaseModel):
    """Everything a :class:`Pipeline` can be configured with.

    Attributes:
        extractors: Registered extractor names to run (see ``beritakit.registry``);
            an unknown name raises :class:`ConfigError` when the pipeline is built.
        max_chars: Longest text accepted, in characters after decoding (and after
            normalising); longer text raises :class:`InputError`. At most
            ``beritakit.inputs.MAX_CHARS`` (1,000,000), the size every stage is known
            to handle in linear time; a higher value raises :class:`ConfigError`.
        today: The date "now" stands for (bounds year inference); ``None`` is today.
        now: The moment a relative ``published`` value (``2 jam yang lalu``,
            ``kemarin``) counts back from; ``None`` is the current time when the
            article is extracted. A naive datetime is taken as WIB (UTC+7).
        ner_model: A spaCy NER pipeline folder to use instead of the shipped model.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    extractors: tuple[str, ...] = registry.DEFAULT_EXTRACTORS
    max_chars: int = Field(default=MAX_CHARS, gt=0, le=MAX_CHARS, strict=True)
    today: dt.date | None = None
    now: dt.datetime | None = None
    ner_model: Path | None = None

    def __init__(self, **data: Any) -> None:
        """Validate the options.

        Raises:
            ConfigError: An unknown option, or a value of the wrong type or out of range.
        """
        try:
            super().__init__(**data)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'options'}: {e['msg']}"
                for e in exc.errors()
            )
            raise ConfigError(f"bad options: {problems}") from None


def _clean_id(value: str | None) -> str | None:
    """``value`` if a record can hold it (a ``str`` without lone surrogates), else ``None``."""
    try:
        return coerce_field(value, name="id")
    except InputError:
        return None


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
        with gc_paused():
            return cache_floret(numpy_blas(load_model(path)))

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
            published: The publication date or date-time when the caller knows it, in any
                form :func:`beritakit.inputs.read_published` reads (anchors relative
                dates); one it cannot read is a warning in the record.
            url: The article's URL, kept in the record.
            id: An identifier kept in the record.

        Raises:
            InputError: The input cannot be read as article text, is longer than
                ``options.max_chars`` or holds a lone surrogate; ``url`` or ``id`` is
                not a ``str``; ``published`` is not a date.
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

        Raises:
            ConfigError: ``on_error`` is not one of the three (raised at the call).
        """
        check_on_error(on_error)
        if n_process != 1:
            return pipe_processes(
                items,
                n_process=n_process,
                batch_size=batch_size,
                on_error=on_error,
                loader=functools.partial(Pipeline, self.options),
            )
        return self._pipe(items, batch_size=batch_size, on_error=on_error)

    def _pipe(
        self, items: Iterable[object], *, batch_size: int, on_error: OnError
    ) -> Iterator[Article | Failure]:
        counter = itertools.count()
        iterator = iter(items)
        while batch := list(itertools.islice(iterator, max(1, batch_size))):
            prepared = [self._prepare(value, next(counter)) for value in batch]
            outputs: list[Article | Failure] = []
            error: BeritakitError | None = None
            with self._memory_zone():
                for index, item, state in self._with_docs(prepared):
                    result = self._finish(state, item)
                    if isinstance(result, Article):
                        outputs.append(result)
                    elif on_error == "raise":
                        error = result
                        break
                    elif on_error == "record":
                        outputs.append(Failure.of(result, index=index, id=_clean_id(item.id)))
            yield from outputs
            if error is not None:
                raise error

    def _prepare(self, value: object, index: int) -> tuple[int, Item, Context | BeritakitError]:
        """The text stage of one input, or the error that stopped it (never raises)."""
        try:
            item = as_item(value)
        except InputError as exc:  # a mapping or id whose methods raise
            return index, Item(None), exc
        try:
            return index, item, self._text_stage(item, index)
        except BeritakitError as exc:
            return index, item, exc
        except Exception as exc:  # a bug before any extractor ran: name it, go on
            return index, item, ExtractionError(f"{type(exc).__name__}: {exc}", extractor="text")

    def _finish(
        self, state: tuple[Context, Doc | None] | BeritakitError, item: Item
    ) -> Article | BeritakitError:
        """The doc stage of one article, or the error that stopped it (never raises)."""
        if isinstance(state, BeritakitError):
            return state
        try:
            return self._doc_stage(*state, id=item.id)
        except BeritakitError as exc:
            return exc
        except Exception as exc:  # outside any extractor: still one failure, not the run
            return ExtractionError(f"{type(exc).__name__}: {exc}", extractor="record")

    def _with_docs(
        self, prepared: list[tuple[int, Item, Context | BeritakitError]]
    ) -> Iterator[tuple[int, Item, tuple[Context, Doc | None] | BeritakitError]]:
        """Pair each prepared context with its spaCy doc; a spaCy failure fails one article.

        spaCy runs over the batch in one pass; if it raises, the rest of the batch is
        parsed again one article at a time, so only the article that broke it fails.
        """
        ready = [c for _, _, c in prepared if isinstance(c, Context)]
        docs = self._docs(ready)
        done = 0
        for index, item, state in prepared:
            if not isinstance(state, Context):
                yield index, item, state
                continue
            done += 1
            try:
                doc = next(docs)
            except Exception as exc:  # spaCy itself failed: this article only
                rest = ready[done:]
                docs = itertools.chain.from_iterable(self._docs([c]) for c in rest)
                failed = ExtractionError(f"{type(exc).__name__}: {exc}", extractor="spacy")
                yield index, item, failed
                continue
            yield index, item, (state, doc)

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
        return parse_all(self.nlp, bodies)  # in pieces past PARSE_TOKENS: bounded memory

    # -- stages -------------------------------------------------------------

    def _text_stage(self, item: Item, index: int | None) -> Context:
        original = coerce_text(item.text, max_chars=self.options.max_chars)
        published = read_published(item.published, now=self.options.now or dt.datetime.now(WIB))
        url = coerce_field(item.url, name="url")
        coerce_field(item.id, name="id")
        html = looks_like_html(original)
        clean = normalise(original, strip_html=html)
        if len(clean.text) > self.options.max_chars:  # normalising can lengthen (NFC)
            raise InputError(
                f"text is {len(clean.text):,} characters once normalised; "
                f"the limit is {self.options.max_chars:,}"
            )
        if not any(ch.isalnum() for ch in clean.text):
            raise InputError("text has no letters or digits")
        ctx = Context(
            clean=clean,
            published=published.date,
            published_at=published.at,
            url=url,
            today=self.options.today or dt.date.today(),
            index=index,
        )
        if published.warning is not None:
            ctx.warnings.append(published.warning)
        if html:
            ctx.warnings.append(
                "input: the text carries HTML markup; tags were stripped "
                "(use beritakit.extract_html for whole pages)"
            )
        ctx.boilerplate = tuple(find_boilerplate(clean.text))
        for spec, func in self._specs:
            if spec.stage == "text":
                ctx.merge(self._run(spec, func, None, ctx))
        ctx.body = clean.without([(r.start, r.end) for r in ctx.boilerplate] + ctx.excluded)
        return ctx

    def _doc_stage(self, ctx: Context, doc: Doc | None, *, id: str | None) -> Article:
        assert ctx.body is not None
        skipped = doc.user_data.get(NER_SKIPPED) if doc is not None else None
        if skipped:
            chars = sum(end - start for start, end in skipped)
            ctx.warnings.append(
                f"entities: the NER model's output is not used for {len(skipped):,} "
                f"stretch(es) of the body ({chars:,} characters) that are not prose (no "
                f"letters, under {MIN_TOKEN_CHARS:g} characters a token, or mostly names); "
                "entities there come from the rules and lists only"
            )
        for spec, func in self._specs:
            if spec.stage == "doc":
                ctx.merge(self._run(spec, func, doc, ctx))
        fields: dict[str, Any] = {
            "language": "und",
            "language_score": 0.0,
            **ctx.fields,
            "published": ctx.published,
            "published_at": ctx.published_at,
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
