"""``dossier events``: who did what to whom, and when; every report, or each event once with
how many reports, documents and outlets told it; as a table, JSON lines, CSV, GDELT 2.0 rows or
PLOVER records (``dossier.event_formats`` says how each field maps)."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from dossier.cli.app import DbOption, app
from dossier.cli.listing import print_listing, querying, since_option, until_option
from dossier.cli.render import cut, out

if TYPE_CHECKING:
    from dossier.model import EventActor
    from dossier.store.records import EventHit


class EventFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    gdelt = "gdelt"
    plover = "plover"


@app.command(
    epilog=(
        "Example: dossier events --actor Russia --type AGREE --from 2011 --merged --format plover"
    )
)
def events(
    actor: Annotated[
        str | None,
        typer.Option(help="An actor, source or target: a name the KB knows, or words of one."),
    ] = None,
    country: Annotated[
        str | None, typer.Option(help="An actor's country, source or target (ISO3: RUS).")
    ] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="A PLOVER type: AGREE, SANCTION, ...")
    ] = None,
    date_from: Annotated[str | None, since_option("Happened")] = None,
    date_to: Annotated[str | None, until_option("Happened")] = None,
    merged: Annotated[
        bool,
        typer.Option("--merged", help="Each event once, its reports in several documents merged."),
    ] = False,
    event: Annotated[
        str | None,
        typer.Option(
            help="Every report of one merged event: its id (or a prefix), as --merged shows."
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
    output: Annotated[
        EventFormat,
        typer.Option(
            "--format",
            help="table, json (one object per line), csv, gdelt (GDELT 2.0 event TSV, no "
            "header) or plover (PLOVER JSON lines).",
        ),
    ] = EventFormat.table,
    db: DbOption = None,
) -> None:
    """PLOVER events with their actor sets, date, modality and CAMEO code, by date.

    Each report is a row; --merged shows each event once, with how many reports, documents and
    outlets told it. An event whose date the text does not give is listed last, and left out
    when --from or --to is given.
    """
    from dossier.event_formats import to_gdelt, to_plover

    with querying(db) as dossier:
        found = dossier.events(
            actor=actor,
            country=country,
            event_type=event_type,
            date_from=date_from,
            date_to=date_to,
            merged=merged,
            event=event,
            limit=limit,
        )
    if output is EventFormat.plover:
        if found:
            print(to_plover(found))
    elif output is EventFormat.gdelt:
        sys.stdout.write(to_gdelt(found))
    else:
        print_listing(found, output, "event", lambda rows: _print_table(rows, merged))


def actors_text(actors: tuple[EventActor, ...]) -> str:
    """An actor set for the table: "Vladimir Putin (RUS), BLR, KAZ", "-" for none. A country
    or its government is its ISO code alone, to keep the table narrow."""
    if not actors:
        return "-"
    return ", ".join(_actor_text(actor) for actor in actors)


def _actor_text(actor: EventActor) -> str:
    if not actor.country:
        return actor.actor
    if (actor.actor_id or "").split(":")[0] in ("gov", "country"):
        return actor.country
    return f"{actor.actor} ({actor.country})"


def _print_table(found: Any, merged: bool) -> None:
    title = f"{len(found)} events" if merged else f"{len(found)} event reports"
    table = Table(title=title)
    # A merged event is named by its id (for --event), a report by its document.
    for column in ("date", "event", "source", "target", "reported as", "id" if merged else "doc"):
        table.add_column(column)
    for hit in found:
        # The modality only where the event is not simply asserted, to keep the table narrow.
        modality = "" if hit.modality == "asserted" else f"\n{hit.modality}"
        table.add_row(
            hit.date or "?",
            hit.event_type + (f"\n[dim]{hit.cameo}[/dim]" if hit.cameo else "") + modality,
            escape(actors_text(hit.source)),
            escape(actors_text(hit.target)),
            escape(cut(hit.sentence_text or hit.text, 80)) + _told(hit),
            (hit.merged_id or hit.fact_id)[:8] if merged else hit.doc_id[:8],
        )
    out.print(table)


def _told(hit: EventHit) -> str:
    """Under an event told by several reports, how many reports, documents and outlets."""
    if hit.reports < 2:
        return ""
    outlets = len(hit.outlets)
    return (
        f"\n[dim]{hit.reports} reports\n{hit.documents} documents\n"
        f"{outlets} outlet{'s' * (outlets != 1)}[/dim]"
    )
