"""``dossier events``: who did what to whom, and when; every report, or each event once with
how many reports, documents and outlets told it; as a table, JSON lines, CSV, GDELT 2.0 rows or
PLOVER records (``dossier.event_formats`` says how each field maps)."""

from __future__ import annotations

import csv
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from dossier.cli.app import DbOption, app, fail, reported
from dossier.cli.render import cut, out
from dossier.query import Dossier

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
    epilog="Example: dossier events --actor Putin --type AGREE --from 2011 --merged --format plover"
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
    date_from: Annotated[
        str | None,
        typer.Option("--from", help="Happened on or after this ISO date (2011, 2011-10)."),
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Happened on or before this ISO date.")
    ] = None,
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

    with reported(), Dossier(db) as dossier:
        try:
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
        except ValueError as error:
            fail(escape(str(error)))
    if output is EventFormat.json:
        if found:
            print(found.to_json())
    elif output is EventFormat.plover:
        if found:
            print(to_plover(found))
    elif output is EventFormat.gdelt:
        sys.stdout.write(to_gdelt(found))
    elif output is EventFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=found.columns)
        writer.writeheader()
        writer.writerows(
            {key: csv_cell(value) for key, value in row.items()} for row in found.dicts()
        )
    elif not found:
        out.print("no event matches (run dossier annotate first if nothing is annotated)")
    else:
        _print_table(found, merged)


def csv_cell(value: Any) -> Any:
    """One CSV cell: an actor set as "Vladimir Putin [RUS]; Belarus [BLR]", a list joined by
    "; ", anything else as it is."""
    if isinstance(value, list):
        return "; ".join(
            f"{v['actor']} [{v.get('country') or '?'}]" if isinstance(v, dict) else str(v)
            for v in value
        )
    return value


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
