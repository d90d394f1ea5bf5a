"""The application factory, its settings, and turning errors into 4xx answers with a message.

Errors are for people: an unknown document, actor or office is 404, a bad parameter (a date
that is not ISO, an unknown event type, a negative offset) is 422, each with a ``detail`` that
says what to change. No query parameter can make the server answer 500.
"""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from dossier import __version__
from dossier.api.responses import InertJSONResponse
from dossier.errors import DossierError, ErrorCode
from dossier.query import Dossier
from dossier.settings import API_MAX_UPLOAD_BYTES, API_TOKEN_ENV_VAR


@dataclass(frozen=True)
class ApiSettings:
    """What one API application serves, and what it allows.

    db: the store (SQLite path or PostgreSQL URL); None means $DOSSIER_DB, else ./dossier.db.
    kb_dir: a knowledge-base folder instead of the package's own.
    ingest_token: the bearer token of ``POST /documents``; None: that route answers 404, and
        nothing writes (read-only).
    max_upload_bytes: the largest body ``POST /documents`` takes (413 above it).
    """

    db: str | None = None
    kb_dir: str | None = None
    ingest_token: str | None = None
    max_upload_bytes: int = API_MAX_UPLOAD_BYTES

    @classmethod
    def from_env(cls, db: str | None = None, kb_dir: str | None = None, **rest: Any) -> ApiSettings:
        """Settings whose ingest token, if any, is $DOSSIER_API_TOKEN (empty means none)."""
        token = os.environ.get(API_TOKEN_ENV_VAR, "").strip() or None
        return cls(db=db, kb_dir=kb_dir, ingest_token=token, **rest)


_STATUS = {
    ErrorCode.S002_NOT_FOUND: 404,
    ErrorCode.K002_UNKNOWN: 404,
    ErrorCode.S003_NO_STORE: 503,
}

_DESCRIPTION = """\
Who said what, who did what to whom, and when: the facts of one dossier store.

Every listing takes `limit` and `offset` and answers JSON (`items`, `count`, `next_offset`) or,
with `?format=csv` or `Accept: text/csv`, CSV. Dates are ISO at any precision: `2011`,
`2011-11`, `2011-11-18`. Text from articles is data: JSON escapes `<`, `>` and `&`.
"""


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    """A FastAPI application over the store of ``settings`` (default: ``ApiSettings()``).

    The store is opened read-only on the first request; the ingest route answers 404 unless
    ``settings.ingest_token`` is set.
    """
    from dossier.api import docs, ingest, routes, web

    settings = settings or ApiSettings()
    dossier = Dossier(settings.db, kb_dir=settings.kb_dir)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        dossier.close()

    app = FastAPI(
        title="dossier",
        version=__version__,
        description=_DESCRIPTION,
        default_response_class=InertJSONResponse,
        lifespan=lifespan,
        docs_url=None,  # /docs is served from the package's own files (docs.py), not a CDN
        redoc_url=None,
    )
    app.state.dossier = dossier
    app.state.settings = settings
    app.state.open_lock = threading.Lock()
    app.include_router(routes.router)
    app.include_router(ingest.router)  # answers 404 unless a token is configured
    app.include_router(web.router)
    docs.mount(app)
    _add_error_handlers(app)

    @app.middleware("http")
    async def safety_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Content-Security-Policy"] = content_policy(
            request.url.path, response.headers.get("content-type", "")
        )
        return response

    return app


#: The web UI's pages: their own stylesheet and nothing else; no script runs on them.
PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
#: /docs: Swagger UI's files from this server (it sets style attributes and inline images).
DOCS_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def report_policy() -> str:
    """/ui/report: the page policy, plus the report's inline chart (a ``data:`` PNG) and its
    one inline stylesheet, allowed by its hash (no other inline style, still no script)."""
    import base64
    import hashlib
    import re

    from dossier.report_render import HTML_TEMPLATE

    style = re.search(r"<style>(.*?)</style>", HTML_TEMPLATE, re.S)
    digest = hashlib.sha256(style.group(1).encode() if style else b"").digest()
    allowed = f"'sha256-{base64.b64encode(digest).decode()}'"
    return PAGE_POLICY.replace("style-src 'self'", f"style-src 'self' {allowed}").replace(
        "img-src 'self'", "img-src 'self' data:"
    )


def content_policy(path: str, content_type: str) -> str:
    """The Content-Security-Policy of a response: same-origin assets only for pages (no
    script at all on the UI's), nothing at all for data (JSON, CSV)."""
    if path == "/docs" or path.startswith("/static/"):
        return DOCS_POLICY
    if content_type.startswith("text/html"):
        return report_policy() if path == "/ui/report" else PAGE_POLICY
    # Data is not a page: a browser must run and load nothing from it.
    return "default-src 'none'"


def is_page(path: str) -> bool:
    """Whether ``path`` is one of the web UI's pages (its errors are pages too)."""
    return path == "/" or path.startswith("/ui/")


def _answer(request: Request, status: int, body: dict[str, Any], headers: Any = None) -> Response:
    """An error as JSON for the API, as a page saying what went wrong for the web UI."""
    if is_page(request.url.path):
        from dossier.api.web import error_page

        return error_page(request, status, str(body["detail"]))
    return InertJSONResponse(body, status, headers)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DossierError)
    async def dossier_error(request: Request, error: DossierError) -> Response:
        status = _STATUS.get(error.code, 400)
        return _answer(request, status, {"detail": str(error), "code": str(error.code)})

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, error: ValueError) -> Response:
        # The query API raises ValueError for a parameter it cannot take (a date that is not
        # ISO, an unknown event type): the caller's to fix.
        return _answer(request, 422, {"detail": str(error)})

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        problems = [
            {
                "where": ".".join(str(part) for part in item.get("loc", ())),
                "message": item.get("msg", ""),
            }
            for item in error.errors()
        ]
        message = "; ".join(f"{p['where']}: {p['message']}" for p in problems)
        return _answer(request, 422, {"detail": message, "problems": problems})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        return _answer(request, error.status_code, {"detail": error.detail}, error.headers)


def dossier_of(request: Request) -> Dossier:
    """The application's ``Dossier``, its store opened once (requests run in threads)."""
    dossier: Dossier = request.app.state.dossier
    with request.app.state.open_lock:
        _ = dossier.store  # opens it on the first request only
    return dossier
