"""``/docs`` (Swagger UI) and ``/redoc`` with their assets served from a package.

FastAPI's own pages load Swagger UI and ReDoc from a CDN, so they are blank on a machine
without internet. The ``fastapi-offline`` package ships the same files (Swagger UI's
bundle and stylesheet, ReDoc's standalone script); they are served from ``/docs-assets``
and the pages name nothing outside the service (no fonts, no validator badge).
"""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["ASSETS", "add_docs_routes"]

ASSETS = "/docs-assets"


def add_docs_routes(app: FastAPI) -> None:
    """``/docs`` and ``/redoc`` with their scripts served from a package: no CDN."""
    assets = resources.files("fastapi_offline") / "static"
    app.mount(ASSETS, StaticFiles(directory=str(assets)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="beritakit - Swagger UI",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon.png",
            swagger_ui_parameters={"validatorUrl": None},
        )

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url="/openapi.json",
            title="beritakit - ReDoc",
            redoc_js_url=f"{ASSETS}/redoc.standalone.js",
            redoc_favicon_url=f"{ASSETS}/favicon.png",
            with_google_fonts=False,
        )
