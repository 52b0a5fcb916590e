"""The FastAPI application: its routes, and the one handler for single-article requests."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, TypeAdapter
from starlette.exceptions import HTTPException

from beritakit.errors import ConfigError
from beritakit.pipeline import Failure, Options
from beritakit.record import Article
from beritakit.service.docs import add_docs_routes
from beritakit.service.models import ExtractRequest, HtmlRequest, PublishedDate
from beritakit.service.pool import Pool
from beritakit.service.problems import (
    ERRORS,
    PROBLEM_TYPE,
    ErrorBody,
    ErrorCode,
    Problem,
    request_id,
    validation_problem,
)
from beritakit.service.reading import (
    decode,
    is_json,
    media_type,
    parse_json,
    read_body,
    unsupported,
    validate,
)
from beritakit.service.status import add_status_routes
from beritakit.service.worker import Job, Reply

__all__ = ["char_limit", "create_app", "log_reply"]

_QueryDate = Annotated[
    PublishedDate | None,
    Query(description="Publication date or date-time (ISO, epoch, or as a page writes it)"),
]
_QueryUrl = Annotated[str | None, Query(max_length=4096, description="The article's URL")]
_QueryId = Annotated[str | None, Query(max_length=512, description="Kept in the record")]
_BATCH = TypeAdapter(list[ExtractRequest])
_LOG = logging.getLogger("beritakit.service")


@dataclass(frozen=True)
class _Kind:
    """What differs between the single-article endpoints."""

    job: Literal["text", "html"]
    field: str  # the JSON member (and the name in errors) that holds the article
    adapter: TypeAdapter[ExtractRequest] | TypeAdapter[HtmlRequest]
    raw_types: tuple[str, ...]  # what may be sent instead of JSON


_TEXT = _Kind("text", "text", TypeAdapter(ExtractRequest), ("text/plain",))
_HTML = _Kind("html", "html", TypeAdapter(HtmlRequest), ("text/html", "application/xhtml+xml"))


@dataclass
class _Limits:
    max_body: int
    max_batch: int
    timeout: float
    max_chars: int


def _json(data: str) -> Response:
    return Response(data.encode("utf-8"), media_type="application/json")


def _problem_response(request: Request, problem: Problem) -> JSONResponse:
    rid = request_id(request.scope)
    headers = {"X-Request-ID": rid}
    if problem.status == 503:
        headers["Retry-After"] = "1"
    return JSONResponse(
        problem.body(rid).model_dump(),
        status_code=problem.status,
        headers=headers,
        media_type=PROBLEM_TYPE,
    )


def log_reply(reply: Reply, rid: str, what: str) -> None:
    """Log what the client is not told: tracebacks and batch articles that failed."""
    if reply.status == "bug":
        _LOG.error(
            "%s failed",
            what,
            extra={
                "fields": {
                    "request_id": rid,
                    "extractor": reply.extractor,
                    "exception": reply.detail,
                }
            },
        )
    for failure in reply.failures:
        _LOG.error(
            "batch article failed",
            extra={
                "fields": {
                    "request_id": rid,
                    "index": failure["index"],
                    "id": failure["id"],
                    "extractor": failure["extractor"],
                    "detail": failure["message"],
                }
            },
        )


def _answer(reply: Reply, rid: str, field: str, what: str) -> Response:
    log_reply(reply, rid, what)
    if reply.status == "ok":
        return _json(reply.body)
    if reply.status == "input":
        raise Problem(422, "invalid_request", f"{field}: {reply.message}", field=field)
    if reply.status == "config":
        raise Problem(501, "not_implemented", reply.message)
    if reply.status == "memory":
        raise Problem(
            413,
            "payload_too_large",
            f"extracting this {field} needs more memory than one request may use",
            field=field,
        )
    where = f" in the extractor {reply.extractor!r}" if reply.extractor else ""
    raise Problem(
        500,
        "extraction_failed",
        f"the extraction failed{where}; the error is logged under request id {rid}",
    )


class _Routes:
    """The endpoints' work, over one worker's pool and limits."""

    def __init__(self, pool: Pool, limits: _Limits) -> None:
        self.pool = pool
        self.limits = limits

    def check_length(self, text: str, field: str) -> None:
        limit = self.limits.max_chars
        if len(text) > limit:
            raise Problem(
                413,
                "payload_too_large",
                f"{field} is {len(text):,} characters; the limit is {limit:,}",
                field=field,
            )

    async def body(self, request: Request, deadline: float) -> bytes:
        lim = self.limits
        return await read_body(request, lim.max_body, deadline, lim.timeout)

    async def one(self, request: Request, kind: _Kind, query: dict[str, Any]) -> Response:
        """The one handler of single-article requests (``/v1/extract``, ``/v1/extract/html``)."""
        deadline = time.monotonic() + self.limits.timeout
        mime, params = media_type(request)
        if not (is_json(mime) or mime in kind.raw_types):
            raise unsupported(mime, f"application/json or {kind.raw_types[0]}")
        raw = await self.body(request, deadline)
        data = parse_json(raw) if is_json(mime) else {kind.field: decode(raw, params, kind.field)}
        adapter: TypeAdapter[Any] = kind.adapter
        item: ExtractRequest | HtmlRequest = validate(adapter, data)
        update = {k: v for k, v in query.items() if v is not None and getattr(item, k) is None}
        item = item.model_copy(update=update) if update else item
        text: str = getattr(item, kind.field)
        self.check_length(text, kind.field)
        await self.pool.loaded(deadline)
        job = Job(kind.job, text, item.published, item.url, item.id)
        rid = request_id(request.scope)
        reply = await self.pool.run(job, deadline, rid)
        return _answer(reply, rid, kind.field, "extraction")

    async def batch(self, request: Request) -> Response:
        deadline = time.monotonic() + self.limits.timeout
        mime, _ = media_type(request)
        if not is_json(mime):
            raise unsupported(mime, "application/json")
        data = parse_json(await self.body(request, deadline))
        if isinstance(data, list) and len(data) > self.limits.max_batch:
            raise Problem(
                413,
                "payload_too_large",
                f"the batch has {len(data):,} articles; the limit is {self.limits.max_batch:,}",
            )
        items = validate(_BATCH, data)  # a text over the limit is a Failure in its place
        await self.pool.loaded(deadline)
        job = Job("batch", items=tuple((i.text, i.published, i.url, i.id) for i in items))
        rid = request_id(request.scope)
        return _answer(await self.pool.run(job, deadline, rid), rid, "body", "batch extraction")


def _body_doc(content: dict[str, Any]) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": content}}


def _schema_of(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema(ref_template="#/components/schemas/{model}")


def _single(routes: _Routes, kind: _Kind) -> Callable[..., Awaitable[Response]]:
    async def handler(
        request: Request,
        published: _QueryDate = None,
        url: _QueryUrl = None,
        id: _QueryId = None,
    ) -> Response:
        return await routes.one(request, kind, {"published": published, "url": url, "id": id})

    handler.__name__ = f"extract_{kind.job}"
    return handler


def _add_extract_routes(app: FastAPI, routes: _Routes, max_batch: int) -> None:
    app.add_api_route(
        "/v1/extract",
        _single(routes, _TEXT),
        methods=["POST"],
        response_model=Article,
        responses=ERRORS,
        openapi_extra=_body_doc(
            {
                "application/json": {"schema": _schema_of(ExtractRequest)},
                "text/plain": {"schema": {"type": "string"}},
            }
        ),
        summary="Extract the record of one article",
        description="Send JSON `{text, published?, url?, id?}`, or the bare text as "
        "`text/plain` with `published`, `url` and `id` as query parameters (they also fill "
        "what a JSON body leaves out).",
    )
    app.add_api_route(
        "/v1/extract/html",
        _single(routes, _HTML),
        methods=["POST"],
        response_model=Article,
        responses={
            **ERRORS,
            501: {
                "model": ErrorBody,
                "description": "trafilatura is not installed (pip install 'beritakit[html]').",
            },
        },
        openapi_extra=_body_doc(
            {
                "text/html": {"schema": {"type": "string"}},
                "application/json": {"schema": _schema_of(HtmlRequest)},
            }
        ),
        summary="Extract the record of the article in an HTML page",
        description="trafilatura finds the main text and the page metadata; the record's "
        "`text` is that main text. The page's date fills `published` when none is given.",
    )
    app.add_api_route(
        "/v1/extract/batch",
        routes.batch,
        methods=["POST"],
        response_model=list[Article | Failure],
        responses=ERRORS,
        openapi_extra=_body_doc(
            {
                "application/json": {
                    "schema": {
                        "type": "array",
                        "items": _schema_of(ExtractRequest),
                        "maxItems": max_batch,
                    }
                }
            }
        ),
        summary="Extract the records of several articles",
        description=f"A JSON array of at most {max_batch} `{{text, published?, url?, id?}}` "
        "objects. The answer keeps their order: an Article for each article, a Failure "
        "(with its index) for one that could not be extracted.",
    )


def _add_handlers(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def on_problem(request: Request, exc: Problem) -> JSONResponse:
        return _problem_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _problem_response(request, validation_problem(list(exc.errors())))

    @app.exception_handler(HTTPException)
    async def on_http(request: Request, exc: HTTPException) -> JSONResponse:
        codes: dict[int, ErrorCode] = {404: "not_found", 405: "method_not_allowed"}
        problem = Problem(
            exc.status_code, codes.get(exc.status_code, "bad_request"), str(exc.detail)
        )
        response = _problem_response(request, problem)
        if exc.headers:
            response.headers.update(exc.headers)
        return response


def char_limit(options: Options | None) -> int:
    """The library's limit on one text: ``Options.max_chars``, within ``inputs.MAX_CHARS``."""
    from beritakit import inputs

    limit = (options or Options()).max_chars
    ceiling = getattr(inputs, "MAX_CHARS", None)  # the hard limit, where inputs exports one
    return min(limit, ceiling) if isinstance(ceiling, int) else limit


def create_app(
    options: Options | None = None,
    *,
    max_body: int = 2_000_000,
    max_batch: int = 64,
    timeout: float = 30.0,
    threads: int = 1,
    spare: int = 4,
    memory_mb: float = 2048.0,
) -> FastAPI:
    """Build the FastAPI application; the pipeline loads when it starts.

    Args:
        options: Pipeline options; ``None`` runs every registered extractor. Its
            ``max_chars`` (the library's limit) bounds each text (413 above).
        max_body: The largest request body, in bytes (413 above).
        max_batch: The most articles one batch request may hold (413 above).
        timeout: Seconds a request may take from its arrival (408 reading the body,
            503 waiting for the pipeline to load, 504 extracting: the extraction
            process is then killed and replaced).
        threads: Extraction processes that run jobs at a time in this worker (the
            name is kept from when they were threads).
        spare: Extra processes forked while long jobs run (0.25 s of CPU), so that
            requests do not wait behind a slow one.
        memory_mb: How far (MB) an extraction process may grow beyond the loaded
            pipeline (Linux: its address space is capped there; 413 beyond).

    Returns:
        The application; serve it with uvicorn (see :func:`beritakit.service.serve`).

    Raises:
        ConfigError: A limit is not positive, or the platform has no ``os.fork``.
    """
    if max_body <= 0 or max_batch <= 0 or timeout <= 0 or threads <= 0 or spare < 0:
        raise ConfigError("max_body, max_batch, timeout and threads must be positive")
    if not hasattr(os, "fork"):
        raise ConfigError("the HTTP service forks its extraction processes: Linux or macOS")
    from beritakit import __version__

    limits = _Limits(max_body, max_batch, timeout, char_limit(options))
    pool = Pool(options, size=threads, timeout=timeout, spare=spare, memory_mb=memory_mb)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await pool.start()
        try:
            yield
        finally:
            await pool.stop()

    app = FastAPI(
        title="beritakit",
        version=__version__,
        description="Turn Indonesian online news text into a typed, validated record.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    from beritakit.service.logs import AccessLog

    app.add_middleware(AccessLog)
    _add_handlers(app)
    routes = _Routes(pool, limits)
    _add_extract_routes(app, routes, max_batch)
    add_status_routes(app, pool, __version__)
    add_docs_routes(app)
    app.state.pool = pool
    return app
