"""``dossier quotes``: who said what, when, in which document; each statement once, with the
documents that carried it and its first appearance, or every copy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from dossier.cli.app import DbOption, app
from dossier.cli.listing import ListingFormat, print_listing, querying, since_option, until_option
from dossier.cli.render import cut, out

if TYPE_CHECKING:
    from dossier.query import Records
    from dossier.store.records import QuoteHit


@app.command(epilog="Example: dossier quotes --speaker Putin --from 2011 --format table")
def quotes(
    speaker: Annotated[
        str | None,
        typer.Option(help="A speaker: a name the KB knows (any alias), or words of one it lacks."),
    ] = None,
    about: Annotated[str | None, typer.Option(help="Words the quote contains.")] = None,
    date_from: Annotated[str | None, since_option("Said")] = None,
    date_to: Annotated[str | None, until_option("Said")] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
    all_copies: Annotated[
        bool,
        typer.Option(
            "--all-copies", help="Every copy of a statement carried by several documents."
        ),
    ] = False,
    output: Annotated[
        ListingFormat, typer.Option("--format", help="table, json (one object per line) or csv.")
    ] = ListingFormat.table,
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
    with querying(db) as dossier:
        found = dossier.quotes(
            speaker=speaker,
            about=about,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
            all_copies=all_copies,
        )
    print_listing(found, output, "quote", lambda rows: _print_table(rows, all_copies))


def _print_table(found: Records[QuoteHit], all_copies: bool) -> None:
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
