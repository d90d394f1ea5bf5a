"""``dossier quotes``: who said what, when, in which document; each statement once, with the
documents that carried it and its first appearance, or every copy."""

from __future__ import annotations

import csv
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from dossier.cli.app import DbOption, app, fail, reported
from dossier.cli.render import cut, out
from dossier.query import Dossier

if TYPE_CHECKING:
    from dossier.store.records import QuoteHit


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
    all_copies: Annotated[
        bool,
        typer.Option(
            "--all-copies", help="Every copy of a statement carried by several documents."
        ),
    ] = False,
    output: Annotated[
        QuoteFormat, typer.Option("--format", help="table, json (one object per line) or csv.")
    ] = QuoteFormat.table,
    db: DbOption = None,
) -> None:
    """Quotes, reported speech and beliefs with their canonical speakers, oldest first.

    The date is when it was said (what the text says of the saying, else its sentence's time);
    the medium (interview, statement, newspaper, television, ...) shows under the kind where the
    text says it; json and csv carry both as said_on and medium.

    A statement carried by several documents (copied whole, trimmed or lightly edited) is shown
    once, with how many documents carried it and where it appeared first; --all-copies shows
    each copy.
    """
    with reported(), Dossier(db) as dossier:
        try:
            found = dossier.quotes(
                speaker=speaker,
                about=about,
                date_from=date_from,
                date_to=date_to,
                limit=limit,
                all_copies=all_copies,
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
        # A cell holds one value: the outlets of a statement as "Wire; Daily".
        writer.writerows(
            {key: "; ".join(v) if isinstance(v, list) else v for key, v in row.items()}
            for row in found.dicts()
        )
        return
    if not found:
        out.print("no quote matches (run dossier annotate first if nothing is annotated)")
        return
    title = f"{len(found)} quotes" if all_copies else f"{len(found)} statements"
    table = Table(title=title)
    for column in ("date", "speaker", "kind", "quote", "doc"):
        table.add_column(column)
    for hit in found:
        table.add_row(
            hit.date or "",
            escape(hit.speaker_actor or "?"),
            # How it was said, under its kind: the quote keeps the table's width.
            hit.kind + (f"\n[dim]{escape(hit.medium)}[/dim]" if hit.medium else ""),
            escape(cut(hit.text, 100)) + carried(hit),
            hit.doc_id[:8],
        )
    out.print(table)


def carried(hit: QuoteHit) -> str:
    """Under a statement carried by several documents, a line saying how many, in how many
    outlets, and where it appeared first; nothing for a single copy."""
    if hit.copies is None or hit.copies < 2:
        return ""
    outlets = len(hit.outlets)
    first = f"{hit.first_seen or 'undated'} in {(hit.first_seen_doc or '')[:8]}"
    return (
        f"\n[dim]{hit.copies} documents, {outlets} outlet{'s' * (outlets != 1)}; "
        f"first {escape(first)}[/dim]"
    )
