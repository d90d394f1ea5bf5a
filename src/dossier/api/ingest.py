"""``POST /documents``: store one uploaded article. The route works only when an ingest token
is configured (``ApiSettings.ingest_token``, $DOSSIER_API_TOKEN), so a server started without
one is read-only: the route answers 404 there, 403 without the right bearer token, 413 for a
body over ``max_upload_bytes`` (checked before and while reading it), 415 for a type no reader
takes. The token is checked before the body is read.

The body goes to a private temporary file and through ``Dossier.ingest``, as a file on the
command line would; the store is opened writable for that call only. Annotation stays a
separate step (``dossier annotate``).
"""

from __future__ import annotations

import hmac
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from dossier.api.app import ApiSettings, dossier_of
from dossier.query import Dossier
from dossier.settings import API_TOKEN_ENV_VAR

router = APIRouter()

TOKEN_HINT = f"start it with {API_TOKEN_ENV_VAR} set to allow uploads"

#: Content types the readers take, and the file suffix that makes them read it as such.
SUFFIXES = {
    "text/plain": ".txt",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
    "application/json": ".json",
}


def authorised(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> ApiSettings:
    """The settings, if the request carries the configured bearer token: 404 when no token is
    configured (the server is read-only), 403 without the right one."""
    settings: ApiSettings = request.app.state.settings
    token = settings.ingest_token
    if not token:
        raise HTTPException(404, f"ingest is off: this server is read-only ({TOKEN_HINT})")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(403, "ingest needs the configured token: Authorization: Bearer …")
    return settings


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is known to exceed ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"the upload is {declared} bytes; the limit is {limit}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the upload exceeds the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


@router.post(
    "/documents",
    tags=["documents"],
    summary="Store one uploaded article (only with a configured token)",
    status_code=201,
)
async def ingest_upload(
    request: Request,
    settings: Annotated[ApiSettings, Depends(authorised)],
    dossier: Annotated[Dossier, Depends(dossier_of)],
    content_type: Annotated[str, Header()] = "text/plain",
) -> dict[str, Any]:
    """Read, clean, deduplicate and store the body: plain text, HTML, or JSON lines of
    articles (one object per line, as ``dossier ingest`` reads them). Answers the counts of
    the ingest run (new, duplicate, near_duplicate, failed)."""
    media = content_type.split(";")[0].strip().lower()
    suffix = SUFFIXES.get(media)
    if suffix is None:
        known = ", ".join(sorted(SUFFIXES))
        raise HTTPException(415, f"cannot ingest {media!r}; send one of: {known}")
    body = await _body(request, settings.max_upload_bytes)
    if not body.strip():
        raise HTTPException(422, "the upload is empty")
    summary = await run_in_threadpool(_ingest, dossier, body, suffix)
    return {"run_id": summary.run_id, **summary.counts()}


def _ingest(dossier: Dossier, body: bytes, suffix: str) -> Any:
    with tempfile.TemporaryDirectory(prefix="dossier-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(body)
        return Dossier(dossier.location, kb_dir=dossier.kb_dir).ingest([path])
