"""Running the service: ``serve`` (what ``beritakit serve`` calls) and ``app_from_env``."""

from __future__ import annotations

import os

from beritakit.errors import ConfigError
from beritakit.service.app import create_app
from beritakit.service.logs import log_config
from beritakit.service.protocol import HEAD_TIMEOUT, MAX_HEAD

try:
    from fastapi import FastAPI
except ImportError as _exc:  # pragma: no cover - the package __init__ checks first
    raise ConfigError("the HTTP service needs FastAPI: pip install 'beritakit[server]'") from _exc

__all__ = ["app_from_env", "serve"]

_ENV = "BERITAKIT_SERVICE_"
# connections one worker holds at once; more get a 503 from uvicorn. With the head and
# body limits this bounds the memory of a worker (docs/service.md, "Limits").
MAX_CONNECTIONS = 64


def app_from_env() -> FastAPI:
    """Build the app from ``BERITAKIT_SERVICE_*`` variables (how uvicorn workers get it)."""
    env = os.environ
    try:
        return create_app(
            max_body=int(env.get(_ENV + "MAX_BODY", "2000000")),
            max_batch=int(env.get(_ENV + "MAX_BATCH", "64")),
            timeout=float(env.get(_ENV + "TIMEOUT", "30")),
            threads=int(env.get(_ENV + "THREADS", "1")),
            memory_mb=float(env.get(_ENV + "MEMORY_MB", "2048")),
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
    head_timeout: float | None = None,
    max_head: int | None = None,
) -> None:
    """Serve the pipeline with uvicorn until interrupted; each worker loads it once.

    Args:
        host: The address to listen on.
        port: The port to listen on.
        workers: Server worker processes (each with its own extraction processes).
        max_body: The largest request body, in bytes.
        max_batch: The most articles in one batch request.
        timeout: Seconds a request may take; an extraction past it is killed.
        threads: Extraction processes per worker that run jobs at a time.
        log_level: ``debug``, ``info``, ``warning`` or ``error``.
        head_timeout: Seconds a client may take to send a request head (408 after);
            ``None``: ``BERITAKIT_SERVICE_HEAD_TIMEOUT``, else 10.
        max_head: The largest request head (request line and headers), in bytes (431);
            ``None``: ``BERITAKIT_SERVICE_MAX_HEAD``, else 32,768.

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
    try:
        if head_timeout is None:
            head_timeout = float(os.environ.get(_ENV + "HEAD_TIMEOUT", HEAD_TIMEOUT))
        if max_head is None:
            max_head = int(os.environ.get(_ENV + "MAX_HEAD", MAX_HEAD))
    except ValueError as exc:
        raise ConfigError(f"a {_ENV}* variable is not a number: {exc}") from exc
    if head_timeout <= 0 or max_head < 1024:
        raise ConfigError("head_timeout must be positive and max_head at least 1024")
    create_app(max_body=max_body, max_batch=max_batch, timeout=timeout, threads=threads)
    os.environ.update(
        {
            _ENV + "MAX_BODY": str(max_body),
            _ENV + "MAX_BATCH": str(max_batch),
            _ENV + "TIMEOUT": str(timeout),
            _ENV + "THREADS": str(threads),
            _ENV + "HEAD_TIMEOUT": str(head_timeout),
            _ENV + "MAX_HEAD": str(max_head),
        }
    )
    uvicorn.run(
        "beritakit.service:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        http="beritakit.service.protocol:GuardedH11Protocol",
        log_config=log_config(log_level),
        access_log=False,
        server_header=False,
        timeout_keep_alive=5,
        limit_concurrency=MAX_CONNECTIONS,
        timeout_graceful_shutdown=max(1, int(timeout)),
    )
