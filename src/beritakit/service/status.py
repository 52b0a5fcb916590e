"""The status routes: ``/v1/schema``, ``/healthz`` (liveness), ``/readyz`` (readiness)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from beritakit.record import Article
from beritakit.service.models import Health, Readiness
from beritakit.service.pool import Pool

__all__ = ["add_status_routes"]


def add_status_routes(app: FastAPI, pool: Pool, version: str) -> None:
    """Add the schema, liveness and readiness routes (readiness reads ``pool``)."""
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
        state = Readiness(
            status=pool.state,
            version=version,
            extractors=pool.extractors,
            message=pool.failure,
            processes=pool.processes,
            busy=pool.busy,
        )
        code, headers = (200, {}) if pool.state == "ready" else (503, {"Retry-After": "1"})
        return JSONResponse(state.model_dump(), status_code=code, headers=headers)
