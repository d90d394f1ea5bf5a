"""``dossier stance``: who stands where toward a target, and how it moved: each stance with
its evidence, or added up by holder or by country, over all time or by year or month."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import partial
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from dossier.cli.app import DbOption, app
from dossier.cli.listing import ListingFormat, print_listing, querying, since_option, until_option
from dossier.cli.render import cut, out
from dossier.query import Records


class StanceBy(StrEnum):
    actor = "actor"
    country = "country"
    evidence = "evidence"


class StancePeriod(StrEnum):
    all = "all"
    year = "year"
    month = "month"


_SIGN = {1: "for", -1: "against", 0: "neutral"}


@app.command(
    epilog='Example: dossier stance --target "Eurasian integration" --by country --per year '
    "--from 2011 --to 2020"
)
def stance(
    target: Annotated[
        str | None,
        typer.Option(
            help='A target: "Eurasian integration", "European integration", NATO (or an alias: '
            '"Customs Union"), or any actor the KB knows.'
        ),
    ] = None,
    by: Annotated[
        StanceBy,
        typer.Option(
            help="actor: added up by holder; country: by the country the holder spoke for at "
            "the date (through the KB's offices); evidence: each stance with its evidence."
        ),
    ] = StanceBy.actor,
    per: Annotated[
        StancePeriod, typer.Option(help="Add up over all time, or per year or month.")
    ] = StancePeriod.all,
    holder: Annotated[
        str | None, typer.Option(help="A holder: a name the KB knows, or words of one.")
    ] = None,
    country: Annotated[
        str | None, typer.Option(help="The country the holder spoke for (ISO3: UKR).")
    ] = None,
    date_from: Annotated[str | None, since_option("Held")] = None,
    date_to: Annotated[str | None, until_option("Held")] = None,
    output: Annotated[
        ListingFormat,
        typer.Option("--format", help="table, json (one object per line) or csv."),
    ] = ListingFormat.table,
    db: DbOption = None,
) -> None:
    """Stances toward a target: for (+1), against (-1) or neutral, with their evidence.

    A stance comes from what the holder says (quotes, reported speech, beliefs), does
    (events: joining, signing, sanctioning, banning) or is reported as wanting or resisting;
    its date is the evidence's own. Added up, each row counts the stances for, against and
    neutral, and how many pieces of evidence; with --per year a change of side shows as one
    holder's rows turning.
    """
    with querying(db) as dossier:
        ask: Callable[..., Records] = (
            dossier.stances
            if by is StanceBy.evidence
            else partial(dossier.stance_trends, by=by.value, period=per.value)
        )
        found = ask(
            target=target, holder=holder, country=country, date_from=date_from, date_to=date_to
        )
    table = _print_evidence if by is StanceBy.evidence else lambda rows: _print_trends(rows, by)
    print_listing(found, output, "stance", table)


def _print_evidence(found: Records) -> None:
    table = Table(title=f"{len(found)} stances")
    for column in ("date", "holder", "side", "target", "evidence", "doc"):
        table.add_column(column)
    for hit in found:
        holder = hit.holder + (f" ({hit.holder_country})" if hit.holder_country else "")
        table.add_row(
            hit.date or "?",
            escape(holder),
            f"{_SIGN.get(hit.polarity, '?')}\n[dim]{hit.basis}[/dim]",
            escape(hit.target),
            escape(cut(hit.sentence_text or hit.text, 80)),
            hit.doc_id[:8],
        )
    out.print(table)


def _print_trends(found: Records, by: StanceBy) -> None:
    table = Table(title=f"stances by {by.value}")
    for column in (by.value, "target", "period", "side", "for", "against", "neutral", "evidence"):
        table.add_column(column)
    for trend in found:
        table.add_row(
            escape(trend.group),
            escape(trend.target),
            trend.period or "all",
            f"{trend.side} ({trend.score:+.2f})",
            str(trend.in_favour),
            str(trend.against),
            str(trend.neutral),
            f"{trend.evidence} in {trend.documents} doc{'s' * (trend.documents != 1)}",
        )
    out.print(table)
