"""``/docs`` and the static files: Swagger UI from the ``swagger-ui-py`` package's own copy,
the UI's stylesheet from this package, so no page loads anything from another site.

FastAPI's own ``/docs`` page fetches Swagger UI from a CDN and starts it with an inline script;
this one serves the same files from ``/static/swagger/`` and starts it from ``/static/docs.js``,
so it works offline and under a content policy that forbids inline scripts.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

HERE = Path(__file__).resolve().parent


def swagger_ui_files() -> Path | None:
    """The folder of Swagger UI's files in the installed ``swagger-ui-py`` (its module is not
    imported: only its files are used), None when it is not installed."""
    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "static"
    return folder if (folder / "swagger-ui-bundle.js").is_file() else None


def mount(app: FastAPI) -> None:
    """Add ``/docs``, ``/static/swagger/`` (Swagger UI) and ``/static/`` (the UI's own)."""
    from dossier.api.web import TEMPLATES

    swagger = swagger_ui_files()
    if swagger is not None:
        app.mount("/static/swagger", StaticFiles(directory=swagger), name="swagger")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs_page(request: Request) -> HTMLResponse:
        if swagger is None:
            message = "Swagger UI's files are not installed (pip install swagger-ui-py); "
            message += "/openapi.json describes every route."
            context = {"title": "API", "status": 503, "message": message}
            return TEMPLATES.TemplateResponse(request, "error.html", context, status_code=503)
        return TEMPLATES.TemplateResponse(request, "docs.html", {"title": "API"})
