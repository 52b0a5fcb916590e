"""HTTP service: the pipeline behind FastAPI and uvicorn (``beritakit serve``).

Endpoints (``/docs`` and ``/redoc`` show the OpenAPI description, offline)::

    POST /v1/extract         JSON {text, published?, url?, id?} or text/plain  -> Article
    POST /v1/extract/batch   JSON [{text, ...}, ...] (at most max_batch)  -> [Article | Failure]
    POST /v1/extract/html    text/html, or JSON {html, published?, url?, id?}  -> Article
    GET  /v1/schema          the JSON Schema of Article
    GET  /healthz            the process is up
    GET  /readyz             the pipeline is loaded (503 until then)

Every error is an RFC 9457 problem (:class:`ErrorBody`) with a request id, also sent as
the ``X-Request-ID`` header and written to the structured (JSON lines) log. Extraction
runs in processes forked from a zygote per server worker; one that outlives its request's
timeout is killed (see ``docs/service.md``).

Modules: ``app`` (the extraction routes and ``create_app``), ``status`` and ``docs`` (the
other routes), ``models`` (requests), ``reading`` (bodies), ``problems`` (errors),
``logs`` (logging), ``pool`` and ``worker`` (extraction processes), ``protocol`` (the
bounded HTTP head), ``run`` (``serve``).
"""

from __future__ import annotations

from beritakit.errors import ConfigError

try:
    import fastapi  # noqa: F401
    import uvicorn  # noqa: F401
except ImportError as _exc:  # pragma: no cover - exercised only without the extra
    raise ConfigError("the HTTP service needs FastAPI: pip install 'beritakit[server]'") from _exc

from beritakit.service.app import create_app
from beritakit.service.logs import JsonFormatter, log_config
from beritakit.service.models import ExtractRequest, HtmlRequest
from beritakit.service.problems import ErrorBody
from beritakit.service.run import app_from_env, serve

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
