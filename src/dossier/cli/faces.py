"""Commands that hand the store to other tools: ``serve`` (the REST API) and ``export`` (files
in the formats the field reads)."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from dossier.cli.app import DbOption, KbDirOption, app, fail, reported
from dossier.cli.render import err, out
from dossier.export import ExportFormat
from dossier.query import Dossier
from dossier.settings import API_HOST, API_MAX_UPLOAD_BYTES, API_PORT, API_TOKEN_ENV_VAR


@app.command(epilog="Example: dossier serve --db news.db --port 8000")
def serve(
    db: DbOption = None,
    kb_dir: KbDirOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on. Anything but loopback is on the network.")
    ] = API_HOST,
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = API_PORT,
    max_upload: Annotated[
        int, typer.Option(min=1, help="Largest body POST /documents takes, in bytes.")
    ] = API_MAX_UPLOAD_BYTES,
) -> None:
    """Serve the store's facts: the web UI at / and a read-only REST API (JSON or CSV;
    OpenAPI at /docs).

    POST /documents (ingest) exists only when $DOSSIER_API_TOKEN holds a token, which callers
    send as "Authorization: Bearer TOKEN".
    """
    import uvicorn

    from dossier.api import ApiSettings, create_app

    with reported():
        Dossier(db, kb_dir=kb_dir).require_store()
    settings = ApiSettings.from_env(
        db, str(kb_dir) if kb_dir else None, max_upload_bytes=max_upload
    )
    if not _loopback(host):
        err.print(
            f"[yellow]warning:[/yellow] listening on {escape(host)}: reachable from the network"
        )
    mode = "ingest allowed with the token" if settings.ingest_token else "read-only"
    out.print(
        f"dossier on http://{escape(host)}:{port} (web UI at /, OpenAPI at /docs; {mode}; "
        f"set {API_TOKEN_ENV_VAR} to allow POST /documents)"
    )
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command(
    epilog="Example: dossier export --format parquet --kind quote --kind event --out exports/"
)
def export(
    output: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            help="jsonl, csv or parquet (one file per fact kind); gdelt (GDELT 2.0 event TSV) "
            "or plover (PLOVER JSON lines) for events; timeml (one .tml per document) for time "
            "expressions; graphml or gexf for the actor co-occurrence network.",
        ),
    ],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write into (created).")],
    kind: Annotated[
        list[str] | None,
        typer.Option(
            help="A fact kind for jsonl, csv, parquet (repeatable): mention, timex, sentence, "
            "quote, event. Default: every kind."
        ),
    ] = None,
    merged: Annotated[
        bool, typer.Option("--merged", help="gdelt, plover: each event once, reports merged.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Write the store's facts as files other tools read: pandas, spreadsheets, event-data
    tools, TimeML readers, Gephi."""
    from dossier.export import TABLE_FORMATS
    from dossier.export import export as write

    if kind and output not in TABLE_FORMATS:
        fail("--kind goes with --format jsonl, csv or parquet")
    with reported(), Dossier(db) as dossier:
        try:
            written = write(dossier, output, out_dir, kinds=kind, merged=merged)
        except ValueError as error:
            fail(escape(str(error)))
    for path in written[:20]:
        out.print(escape(str(path)))
    if len(written) > 20:
        out.print(f"… and {len(written) - 20} more in {escape(str(written[-1].parent))}")
