"""HTTP service: the pipeline behind FastAPI and uvicorn (``beritakit serve``).

Endpoints (``/docs`` shows the OpenAPI description)::

    POST /v1/extract         JSON {text, published?, url?, id?} or text/plain  -> Article
    POST /v1/extract/batch   JSON [{text, ...}, ...] (at most max_batch)  -> [Article | Failure]
    POST /v1/extract/html    text/html, or JSON {html, published?, url?, id?}  -> Article
    GET  /v1/schema          the JSON Schema of Article
    GET  /healthz            the process is up
    GET  /readyz             the pipeline is loaded (503 until then)

Every error is a JSON :class:`ErrorBody` with a request id, also sent as the
``X-Request-ID`` header and written to the structured (JSON lines) log.
"""

from __future__ import annotations

import asyncio
import codecs
import datetime as dt
import json
import logging
import os
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal, TypeVar

import regex
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    WithJsonSchema,
)

from beritakit.errors import BeritakitError, ConfigError, ExtractionError, InputError
from beritakit.inputs import decode_bytes
from beritakit.pipeline import Failure, Options, Pipeline
from beritakit.record import Article

try:
    from fastapi import FastAPI, Query, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse, Response
    from starlette.exceptions import HTTPException
    from starlette.types import ASGIApp, Message, Receive, Scope, Send
except ImportError as _exc:  # pragma: no cover - exercised only without the extra
    raise ConfigError("the HTTP service needs FastAPI: pip install 'beritakit[server]'") from _exc

__all__ = [
    "ErrorBody",
    "ExtractRequest",
    "HtmlRequest",
    "JsonFormatter",
    "app_from_env",
    "create_app",
    "log_config",
    "serve",
]

_T = TypeVar("_T")
_LOG = logging.getLogger("beritakit.service")
_ACCESS = logging.getLogger("beritakit.access")
_RID_KEY = "beritakit.request_id"
_RID_OK = regex.compile(r"[A-Za-z0-9._:-]{1,64}")
_ENV = "BERITAKIT_SERVICE_"
_JSON_TYPES = ("application/json",)
_TEXT_TYPES = ("text/plain",)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


# -- request and response models --------------------------------------------


_DATETIME = TypeAdapter(dt.datetime)
_ISO_DATE = regex.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_ADVICE = "expected an ISO date (2025-06-17) or date-time (2025-06-17T18:35:00+07:00)"


def _to_date(value: object) -> object:
    """Read an ISO date, or an ISO date-time as its calendar date (in its own offset)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            if len(value) == 10:
                return dt.date.fromisoformat(value)
            if value[10] in "Tt ":
                return _DATETIME.validate_python(value).date()
        except (ValueError, ValidationError):
            pass
    raise ValueError(_DATE_ADVICE)


PublishedDate = Annotated[
    dt.date,
    BeforeValidator(_to_date),
    WithJsonSchema(
        {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]}
    ),
]


class ExtractRequest(BaseModel):
    """One article to extract."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article text.")
    published: PublishedDate | None = Field(
        default=None, description="Publication date (ISO); anchors relative dates like 'kemarin'."
    )
    url: str | None = Field(default=None, max_length=4096, description="The article's URL.")
    id: str | None = Field(default=None, max_length=512, description="Kept in the record.")


class HtmlRequest(BaseModel):
    """One HTML page to extract the article from."""

    model_config = ConfigDict(extra="forbid")

    html: str = Field(min_length=1, description="The whole HTML page.")
    published: PublishedDate | None = Field(
        default=None, description="Publication date (ISO); else the page metadata gives it."
    )
    url: str | None = Field(default=None, max_length=4096, description="The page's URL.")
    id: str | None = Field(default=None, max_length=512, description="Kept in the record.")


ErrorCode = Literal[
    "bad_request",
    "request_timeout",
    "payload_too_large",
    "unsupported_media_type",
    "invalid_request",
    "not_found",
    "method_not_allowed",
    "extraction_failed",
    "not_implemented",
    "not_ready",
    "timeout",
]


class ErrorBody(BaseModel):
    """What every error response holds."""

    error: ErrorCode = Field(description="A stable code for the kind of error.")
    message: str = Field(description="What went wrong, naming the field when one is at fault.")
    field: str | None = Field(
        default=None, description="The field at fault: 'text', '[3].text', 'query.published'."
    )
    request_id: str = Field(description="Quote it when reporting a problem; it is in the logs.")


class Health(BaseModel):
    """Liveness: the process answers."""

    status: Literal["ok"] = "ok"


class Readiness(BaseModel):
    """Readiness: whether the pipeline is loaded in this worker."""

    status: Literal["ready", "loading", "failed"]
    version: str
    extractors: tuple[str, ...] = ()
    message: str | None = None


_BATCH = TypeAdapter(list[ExtractRequest])
_EXTRACT = TypeAdapter(ExtractRequest)
_HTML = TypeAdapter(HtmlRequest)


class _Problem(Exception):
    """An error response, raised anywhere below an endpoint."""

    def __init__(
        self, status: int, error: ErrorCode, message: str, *, field: str | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message
        self.field = field


def _error_response(request: Request, problem: _Problem) -> JSONResponse:
    rid = _request_id_of(request)
    body = ErrorBody(
        error=problem.error, message=problem.message, field=problem.field, request_id=rid
    )
    headers = {"X-Request-ID": rid}
    if problem.status == 503:
        headers["Retry-After"] = "1"
    return JSONResponse(body.model_dump(), status_code=problem.status, headers=headers)


def _request_id_of(request: Request) -> str:
    rid = request.scope.get(_RID_KEY)
    return rid if isinstance(rid, str) else uuid.uuid4().hex


def _where(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "body"


def _validation_problem(errors: Sequence[Mapping[str, Any]], prefix: str = "") -> _Problem:
    parts = []
    for err in errors[:5]:
        where = _where(tuple(err.get("loc", ())))
        msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        parts.append(f"{prefix}{where}: {msg}")
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    first = _where(tuple(errors[0].get("loc", ()))) if errors else "body"
    return _Problem(422, "invalid_request", "; ".join(parts) + more, field=prefix + first)


# -- request reading ---------------------------------------------------------


def _media_type(request: Request) -> tuple[str, dict[str, str]]:
    raw = request.headers.get("content-type", "")
    mime, _, rest = raw.partition(";")
    params: dict[str, str] = {}
    for item in rest.split(";"):
        key, sep, value = item.partition("=")
        if sep:
            params[key.strip().lower()] = value.strip().strip('"')
    return mime.strip().lower(), params


def _is_json(mime: str) -> bool:
    return mime in _JSON_TYPES or (mime.startswith("application/") and mime.endswith("+json"))


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise _Problem(400, "bad_request", "Content-Length is not a number")
        if int(declared) > limit:
            raise _Problem(
                413,
                "payload_too_large",
                f"the body is {int(declared):,} bytes; the limit is {limit:,}",
            )
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _Problem(
                413, "payload_too_large", f"the body is over the limit of {limit:,} bytes"
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(body: bytes, params: Mapping[str, str], field: str) -> str:
    """Decode a text body: the declared charset, else a BOM, UTF-8 or a ``<meta charset>``."""
    charset = params.get("charset")
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError as exc:
            raise _Problem(
                415, "unsupported_media_type", f"unknown charset {charset!r}", field=field
            ) from exc
        try:
            return body.decode(charset)
        except UnicodeDecodeError as exc:
            raise _Problem(
                400,
                "bad_request",
                f"the body does not decode as {charset}: {exc.reason} at byte {exc.start}",
                field=field,
            ) from exc
    # decoding only: emptiness and length are the pipeline's checks (422 and 413)
    try:
        return decode_bytes(body)
    except InputError as exc:
        raise _Problem(400, "bad_request", str(exc), field=field) from exc


def _parse_json(body: bytes) -> object:
    try:
        return json.loads(body)
    except UnicodeDecodeError as exc:
        raise _Problem(
            400,
            "bad_request",
            f"the JSON body is not valid UTF-8: {exc.reason} at byte {exc.start}",
        ) from exc
    except json.JSONDecodeError as exc:
        raise _Problem(
            422,
            "invalid_request",
            f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
            field="body",
        ) from exc
    except RecursionError as exc:
        raise _Problem(
            422, "invalid_request", "the JSON is nested too deeply", field="body"
        ) from exc


def _validate(adapter: TypeAdapter[_T], data: object) -> _T:
    try:
        return adapter.validate_python(data)
    except ValidationError as exc:
        raise _validation_problem(exc.errors(include_url=False)) from exc


# -- the service ---------------------------------------------------------------


class _Service:
    """Per-worker state: the pipeline, the thread that runs it, the limits."""

    def __init__(
        self,
        options: Options | None,
        *,
        max_body: int,
        max_batch: int,
        timeout: float,
        threads: int,
    ) -> None:
        self.options = options
        self.max_body = max_body
        self.max_batch = max_batch
        self.timeout = timeout
        self.threads = threads
        self.pipeline: Pipeline | None = None
        self.failure: str | None = None
        self.ready: asyncio.Event | None = None
        self.executor: ThreadPoolExecutor | None = None
        self._loader: asyncio.Future[None] | None = None

    # lifecycle

    async def start(self) -> None:
        self.ready = asyncio.Event()
        self.executor = ThreadPoolExecutor(self.threads, thread_name_prefix="beritakit")
        loop = asyncio.get_running_loop()
        self._loader = asyncio.ensure_future(loop.run_in_executor(self.executor, self._load))
        self._loader.add_done_callback(self._loaded)

    def _loaded(self, _: asyncio.Future[None]) -> None:
        if self.ready is not None:
            self.ready.set()

    async def stop(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)

    def _load(self) -> None:
        started = time.perf_counter()
        try:
            from beritakit.api import load

            pipeline = load(self.options)
        except Exception as exc:
            self.failure = f"{type(exc).__name__}: {exc}"
            _LOG.error("pipeline failed to load", exc_info=exc)
            return
        try:  # build the lazy parts (spaCy, cached tables) before the first request
            pipeline("Tes 1.")
        except BeritakitError as exc:
            _LOG.warning("warm-up extraction failed: %s", exc)
        self.pipeline = pipeline
        _LOG.info(
            "pipeline loaded",
            extra={
                "fields": {
                    "seconds": round(time.perf_counter() - started, 3),
                    "extractors": list(pipeline.extractor_names),
                }
            },
        )

    # per request

    async def loaded(self, deadline: float) -> Pipeline:
        if self.pipeline is not None:
            return self.pipeline
        if self.ready is None:
            raise _Problem(503, "not_ready", "the service has not started")
        if self.failure is None:
            try:
                await asyncio.wait_for(self.ready.wait(), max(0.0, deadline - time.monotonic()))
            except TimeoutError as exc:
                raise _Problem(503, "not_ready", "the pipeline is still loading") from exc
        if self.pipeline is None:
            raise _Problem(503, "not_ready", f"the pipeline failed to load: {self.failure}")
        return self.pipeline

    async def run(self, func: Callable[[], _T], deadline: float, cancel: threading.Event) -> _T:
        """Run ``func`` on the extraction thread; 504 when ``deadline`` passes first."""
        assert self.executor is not None
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self.executor, func)
        try:
            return await asyncio.wait_for(future, max(0.0, deadline - time.monotonic()))
        except TimeoutError as exc:
            cancel.set()  # a batch stops at its next article; one article runs to its end
            raise _Problem(
                504, "timeout", f"the extraction took longer than {self.timeout:g} s"
            ) from exc

    async def body(self, request: Request, deadline: float) -> bytes:
        try:
            return await asyncio.wait_for(
                _read_body(request, self.max_body), max(0.0, deadline - time.monotonic())
            )
        except TimeoutError as exc:
            raise _Problem(
                408, "request_timeout", f"the body did not arrive within {self.timeout:g} s"
            ) from exc

    def check_length(self, pipeline: Pipeline, text: str, field: str) -> None:
        limit = pipeline.options.max_chars
        if len(text) > limit:
            raise _Problem(
                413,
                "payload_too_large",
                f"{field} is {len(text):,} characters; the limit is {limit:,}",
                field=field,
            )


class _Cancelled(Exception):
    """A batch stopped because its request timed out."""


_M = TypeVar("_M", ExtractRequest, HtmlRequest)
_QueryDate = Annotated[PublishedDate | None, Query(description="Publication date (ISO)")]
_QueryUrl = Annotated[str | None, Query(max_length=4096, description="The article's URL")]
_QueryId = Annotated[str | None, Query(max_length=512, description="Kept in the record")]


def _fill(model: _M, **query: object) -> _M:
    """Fill what the body left empty from the query parameters."""
    update = {k: v for k, v in query.items() if v is not None and getattr(model, k) is None}
    return model.model_copy(update=update) if update else model


def _failed(request: Request, exc: BaseException, what: str) -> _Problem:
    rid = _request_id_of(request)
    extractor = getattr(exc, "extractor", None)
    _LOG.error(
        "%s failed",
        what,
        exc_info=exc,
        extra={"fields": {"request_id": rid, "extractor": extractor}},
    )
    where = f" in the extractor {extractor!r}" if extractor else ""
    return _Problem(
        500,
        "extraction_failed",
        f"the extraction failed{where}; the error is logged under request id {rid}",
    )


def _json(data: str) -> Response:
    return Response(data.encode("utf-8"), media_type="application/json")


_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in {
        400: "Undecodable bytes or a malformed header.",
        408: "The body did not arrive in time.",
        413: "The body, the text or the batch is too large.",
        415: "A content type or charset the endpoint does not read.",
        422: "Malformed JSON, a field that breaks the schema, or text with nothing to extract.",
        500: "The extraction failed (a bug); the request id finds it in the log.",
        503: "The pipeline is not loaded (yet).",
        504: "The extraction took longer than the timeout.",
    }.items()
}


def _body_doc(content: dict[str, Any]) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": content}}


def _schema_of(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema(ref_template="#/components/schemas/{model}")


def create_app(
    options: Options | None = None,
    *,
    max_body: int = 2_000_000,
    max_batch: int = 64,
    timeout: float = 30.0,
    threads: int = 1,
) -> FastAPI:
    """Build the FastAPI application; the pipeline loads when it starts.

    Args:
        options: Pipeline options; ``None`` runs every registered extractor.
        max_body: The largest request body, in bytes (413 above).
        max_batch: The most articles one batch request may hold (413 above).
        timeout: Seconds a request may take from its arrival (408 reading the body,
            503 waiting for the pipeline to load, 504 extracting).
        threads: Extraction threads in this worker. Extraction is CPU-bound, so more
            threads add little; a second one keeps a slow article from holding up the rest.

    Returns:
        The application; serve it with uvicorn (see :func:`serve`).

    Raises:
        ConfigError: A limit is not positive.
    """
    _check_limits(max_body, max_batch, timeout, threads)
    from beritakit import __version__

    service = _Service(
        options, max_body=max_body, max_batch=max_batch, timeout=timeout, threads=threads
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await service.start()
        try:
            yield
        finally:
            await service.stop()

    app = FastAPI(
        title="beritakit",
        version=__version__,
        description="Turn Indonesian online news text into a typed, validated record.",
        lifespan=lifespan,
    )
    app.add_middleware(_AccessLog)

    @app.exception_handler(_Problem)
    async def on_problem(request: Request, exc: _Problem) -> JSONResponse:
        return _error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error_response(request, _validation_problem(list(exc.errors())))

    @app.exception_handler(HTTPException)
    async def on_http(request: Request, exc: HTTPException) -> JSONResponse:
        codes: dict[int, ErrorCode] = {404: "not_found", 405: "method_not_allowed"}
        problem = _Problem(
            exc.status_code, codes.get(exc.status_code, "bad_request"), str(exc.detail)
        )
        response = _error_response(request, problem)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(Exception)
    async def on_bug(request: Request, exc: Exception) -> JSONResponse:
        return _error_response(request, _failed(request, exc, "request"))

    text_body = _body_doc(
        {
            "application/json": {"schema": _schema_of(ExtractRequest)},
            "text/plain": {"schema": {"type": "string"}},
        }
    )

    async def read_one(
        request: Request,
        deadline: float,
        adapter: TypeAdapter[_M],
        field: str,
        raw_types: tuple[str, ...],
        raw_name: str,
    ) -> _M:
        """Read one request: a JSON object, or the raw ``field`` in one of ``raw_types``."""
        mime, params = _media_type(request)
        if not (_is_json(mime) or mime in raw_types):
            raise _unsupported(mime, f"application/json or {raw_name}")
        body = await service.body(request, deadline)
        data = _parse_json(body) if _is_json(mime) else {field: _decode(body, params, field)}
        return _validate(adapter, data)

    @app.post(
        "/v1/extract",
        response_model=Article,
        responses=_ERRORS,
        openapi_extra=text_body,
        summary="Extract the record of one article",
        description="Send JSON `{text, published?, url?, id?}`, or the bare text as "
        "`text/plain` with `published`, `url` and `id` as query parameters (they also fill "
        "what a JSON body leaves out).",
    )
    async def extract(
        request: Request,
        published: _QueryDate = None,
        url: _QueryUrl = None,
        id: _QueryId = None,
    ) -> Response:
        deadline = time.monotonic() + service.timeout
        item = await read_one(request, deadline, _EXTRACT, "text", _TEXT_TYPES, "text/plain")
        item = _fill(item, published=published, url=url, id=id)
        pipeline = await service.loaded(deadline)
        service.check_length(pipeline, item.text, "text")
        cancel = threading.Event()
        try:
            article = await service.run(
                lambda: pipeline(item.text, published=item.published, url=item.url, id=item.id),
                deadline,
                cancel,
            )
        except InputError as exc:
            raise _Problem(422, "invalid_request", f"text: {exc}", field="text") from exc
        except Exception as exc:
            if isinstance(exc, _Problem):
                raise
            raise _failed(request, exc, "extraction") from exc
        return _json(article.model_dump_json())

    @app.post(
        "/v1/extract/batch",
        response_model=list[Article | Failure],
        responses=_ERRORS,
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
    async def extract_batch(request: Request) -> Response:
        deadline = time.monotonic() + service.timeout
        mime, _ = _media_type(request)
        if not _is_json(mime):
            raise _unsupported(mime, "application/json")
        body = await service.body(request, deadline)
        data = _parse_json(body)
        if isinstance(data, list) and len(data) > service.max_batch:
            raise _Problem(
                413,
                "payload_too_large",
                f"the batch has {len(data):,} articles; the limit is {service.max_batch:,}",
            )
        items = _validate(_BATCH, data)
        pipeline = await service.loaded(deadline)
        cancel = threading.Event()

        def work() -> list[Article | Failure]:
            # one article at a time, not Pipeline.pipe: its memory zones must not run
            # while another thread of this worker uses the same pipeline
            out: list[Article | Failure] = []
            for index, i in enumerate(items):
                if cancel.is_set():
                    raise _Cancelled
                try:
                    out.append(pipeline(i.text, published=i.published, url=i.url, id=i.id))
                except BeritakitError as exc:
                    out.append(Failure.of(exc, index=index, id=i.id))
            return out

        try:
            results = await service.run(work, deadline, cancel)
        except Exception as exc:
            if isinstance(exc, _Problem):
                raise
            raise _failed(request, exc, "batch extraction") from exc
        rid = _request_id_of(request)
        for result in results:
            if isinstance(result, Failure) and result.error == ExtractionError.__name__:
                _LOG.error(
                    "batch article failed",
                    extra={
                        "fields": {
                            "request_id": rid,
                            "index": result.index,
                            "id": result.id,
                            "extractor": result.extractor,
                            "detail": result.message,
                        }
                    },
                )
        return _json("[" + ",".join(r.model_dump_json() for r in results) + "]")

    @app.post(
        "/v1/extract/html",
        response_model=Article,
        responses={
            **_ERRORS,
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
    async def extract_page(
        request: Request,
        published: _QueryDate = None,
        url: _QueryUrl = None,
        id: _QueryId = None,
    ) -> Response:
        deadline = time.monotonic() + service.timeout
        page = await read_one(request, deadline, _HTML, "html", _HTML_TYPES, "text/html")
        page = _fill(page, published=published, url=url, id=id)
        pipeline = await service.loaded(deadline)
        service.check_length(pipeline, page.html, "html")
        from beritakit.html import extract_html

        cancel = threading.Event()
        try:
            article = await service.run(
                lambda: extract_html(
                    page.html, url=page.url, published=page.published, id=page.id, pipeline=pipeline
                ),
                deadline,
                cancel,
            )
        except ConfigError as exc:
            raise _Problem(501, "not_implemented", str(exc)) from exc
        except InputError as exc:
            raise _Problem(422, "invalid_request", f"html: {exc}", field="html") from exc
        except Exception as exc:
            if isinstance(exc, _Problem):
                raise
            raise _failed(request, exc, "HTML extraction") from exc
        return _json(article.model_dump_json())

    schema = Article.model_json_schema()

    @app.get("/v1/schema", summary="The JSON Schema of the Article record")
    async def article_schema() -> dict[str, Any]:
        return schema

    @app.get("/healthz", response_model=Health, summary="Liveness")
    async def healthz() -> Health:
        return Health()

    @app.get(
        "/readyz",
        response_model=Readiness,
        responses={503: {"model": Readiness, "description": "Still loading, or failed."}},
        summary="Readiness: the pipeline is loaded",
    )
    async def readyz() -> JSONResponse:
        if service.pipeline is not None:
            state = Readiness(
                status="ready", version=__version__, extractors=service.pipeline.extractor_names
            )
            return JSONResponse(state.model_dump(), status_code=200)
        status: Literal["loading", "failed"] = "failed" if service.failure else "loading"
        state = Readiness(status=status, version=__version__, message=service.failure)
        return JSONResponse(state.model_dump(), status_code=503, headers={"Retry-After": "1"})

    return app


def _check_limits(max_body: int, max_batch: int, timeout: float, threads: int) -> None:
    if max_body <= 0 or max_batch <= 0 or timeout <= 0 or threads <= 0:
        raise ConfigError("max_body, max_batch, timeout and threads must be positive")


def _unsupported(mime: str, wanted: str) -> _Problem:
    got = f"got {mime}" if mime else "no Content-Type was sent"
    return _Problem(415, "unsupported_media_type", f"send {wanted} ({got})")


# -- access log ---------------------------------------------------------------


class _AccessLog:
    """ASGI middleware: a request id for every request, and one JSON log line each."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = ""
        for key, value in scope.get("headers", ()):
            if key == b"x-request-id":
                given = value.decode("latin-1")
        rid = given if _RID_OK.fullmatch(given) else uuid.uuid4().hex
        scope[_RID_KEY] = rid
        started = time.perf_counter()
        status = 500
        sent = 0

        async def send_with_id(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [h for h in message.get("headers", ()) if h[0] != b"x-request-id"]
                headers.append((b"x-request-id", rid.encode("ascii")))
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            client = scope.get("client")
            _ACCESS.info(
                "%s %s %d",
                scope["method"],
                scope["path"],
                status,
                extra={
                    "fields": {
                        "request_id": rid,
                        "method": scope["method"],
                        "path": scope["path"],
                        "status": status,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                        "bytes_out": sent,
                        "client": f"{client[0]}:{client[1]}" if client else None,
                    }
                },
            )


class JsonFormatter(logging.Formatter):
    """Format log records as one JSON object a line (what ``beritakit serve`` logs)."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as a JSON line with time, level, logger, message and fields."""
        out: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, Mapping):
            for key, value in fields.items():
                out[f"field_{key}" if key in out else key] = value
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False, default=str)


# -- running it ----------------------------------------------------------------


def log_config(level: str = "info") -> dict[str, Any]:
    """Return the ``logging.config`` dict ``serve`` gives uvicorn: JSON lines on stderr."""
    level = level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JsonFormatter"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            },
        },
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
            "beritakit": {"handlers": ["stderr"], "level": level, "propagate": False},
            # they log client pages that hold no HTML as errors: the client gets a 422
            "trafilatura": {"handlers": ["stderr"], "level": "CRITICAL", "propagate": False},
            "htmldate": {"handlers": ["stderr"], "level": "CRITICAL", "propagate": False},
        },
    }


def app_from_env() -> FastAPI:
    """Build the app from ``BERITAKIT_SERVICE_*`` variables (how uvicorn workers get it)."""
    env = os.environ
    try:
        return create_app(
            max_body=int(env.get(_ENV + "MAX_BODY", "2000000")),
            max_batch=int(env.get(_ENV + "MAX_BATCH", "64")),
            timeout=float(env.get(_ENV + "TIMEOUT", "30")),
            threads=int(env.get(_ENV + "THREADS", "1")),
        )
    except ValueError as exc:
        raise ConfigError(f"a {_ENV}* variable is not a number: {exc}") from exc


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    max_body: int = 2_000_000,
    max_batch: int = 64,
    timeout: float = 30.0,
    threads: int = 1,
    log_level: str = "info",
) -> None:
    """Serve the pipeline with uvicorn until interrupted; each worker loads it once.

    Args:
        host: The address to listen on.
        port: The port to listen on.
        workers: Worker processes.
        max_body: The largest request body, in bytes.
        max_batch: The most articles in one batch request.
        timeout: Seconds a request may take.
        threads: Extraction threads per worker.
        log_level: ``debug``, ``info``, ``warning`` or ``error``.

    Raises:
        ConfigError: uvicorn is not installed, or a setting is out of range.
    """
    try:
        import uvicorn
    except ImportError as exc:
        raise ConfigError(
            "the HTTP service needs uvicorn: pip install 'beritakit[server]'"
        ) from exc
    if workers <= 0 or not 0 <= port <= 65535:
        raise ConfigError("workers must be positive and port within 0..65535")
    _check_limits(max_body, max_batch, timeout, threads)
    os.environ.update(
        {
            _ENV + "MAX_BODY": str(max_body),
            _ENV + "MAX_BATCH": str(max_batch),
            _ENV + "TIMEOUT": str(timeout),
            _ENV + "THREADS": str(threads),
        }
    )
    uvicorn.run(
        f"{__name__}:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=log_config(log_level),
        access_log=False,
        server_header=False,
        timeout_keep_alive=5,
        timeout_graceful_shutdown=max(1, int(timeout)),
    )
