"""``dossier quotes``: who said what, when, in which document."""

from __future__ import annotations

import csv
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from dossier.cli.app import DbOption, app, fail, reported
from dossier.cli.render import cut, out
from dossier.query import Dossier


class QuoteFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command(epilog="Example: dossier quotes --speaker Putin --from 2011 --format table")
def quotes(
    speaker: Annotated[
        str | None,
        typer.Option(help="A speaker: a name the KB knows (any alias), or words of one it lacks."),
    ] = None,
    about: Annotated[str | None, typer.Option(help="Words the quote contains.")] = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="Said on or after this ISO date (2011, 2011-10).")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Said on or before this ISO date.")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
    output: Annotated[
        QuoteFormat, typer.Option("--format", help="table, json (one object per line) or csv.")
    ] = QuoteFormat.table,
    db: DbOption = None,
) -> None:
    """Quotes, reported speech and beliefs with their canonical speakers, oldest first."""
    with reported(), Dossier(db) as dossier:
        try:
            found = dossier.quotes(
                speaker=speaker, about=about, date_from=date_from, date_to=date_to, limit=limit
            )
        except ValueError as error:
            fail(escape(str(error)))
    if output is QuoteFormat.json:
        if found:
            print(found.to_json())
        return
    if output is QuoteFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=found.columns)
        writer.writeheader()
        writer.writerows(found.dicts())
        return
    if not found:
        out.print("no quote matches (run dossier annotate first if nothing is annotated)")
        return
    table = Table(title=f"{len(found)} quotes")
    for column in ("date", "speaker", "kind", "quote", "doc"):
        table.add_column(column)
    for hit in found:
        table.add_row(
            hit.date or "",
            escape(hit.speaker_actor or "?"),
            hit.kind,
            escape(cut(hit.text, 100)),
            hit.doc_id[:8],
        )
    out.print(table)
