"""How the API answers: JSON that is inert in a page, CSV on request, one shape for listings.

Article text is untrusted: a title may hold ``<script>``. JSON is escaped so that no ``<``, ``>``
or ``&`` appears raw in a response body (they become ``\\u003c`` and so on, the same string to
any JSON reader), and every response says ``nosniff``, so a browser never reads one as HTML.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from dossier.answers import Records, plain

_INERT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def inert_json(value: Any) -> bytes:
    """``value`` as UTF-8 JSON with ``<``, ``>`` and ``&`` escaped."""
    text = json.dumps(plain(value), ensure_ascii=False, default=str, allow_nan=False)
    return text.translate(_INERT).encode("utf-8")


class InertJSONResponse(JSONResponse):
    """A JSON response whose body holds no raw ``<``, ``>`` or ``&`` (see ``inert_json``)."""

    def render(self, content: Any) -> bytes:
        return inert_json(content)


class OutputFormat(StrEnum):
    json = "json"
    csv = "csv"


def wanted_format(request: Request, asked: OutputFormat | None) -> OutputFormat:
    """``?format=`` if given, else CSV when the Accept header prefers ``text/csv``, else JSON."""
    if asked is not None:
        return asked
    accept = request.headers.get("accept", "")
    return OutputFormat.csv if "text/csv" in accept else OutputFormat.json


def listing(
    request: Request,
    records: Records[Any],
    *,
    limit: int,
    offset: int,
    output: OutputFormat | None,
    name: str,
) -> Response:
    """One page of a listing: JSON ``{"items", "count", "limit", "offset", "next_offset"}``, or
    CSV (a header, then one row per record) as the attachment ``<name>.csv``.

    records: the page's records (at most ``limit``). next_offset is null on the last page.
    """
    if wanted_format(request, output) is OutputFormat.csv:
        return Response(
            records.to_csv(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    full = len(records) >= limit
    return InertJSONResponse(
        {
            "items": records.dicts(),
            "count": len(records),
            "limit": limit,
            "offset": offset,
            "next_offset": offset + len(records) if full else None,
        }
    )
