"""What the fact listings (``dossier quotes``, ``events``, ``stance``) share: their date
options, the store opened for one query, and the JSON-lines, CSV, table or "no match" answer.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Any

import typer
from rich.markup import escape

from dossier.cli.app import fail, reported
from dossier.cli.render import out
from dossier.query import Dossier, Records


class ListingFormat(StrEnum):
    """The answers every listing gives (``print_listing``)."""

    table = "table"
    json = "json"
    csv = "csv"


def since_option(happened: str) -> Any:
    """The ``--from`` option of a listing whose rows ``happened`` ("Said", "Held") on a date."""
    return typer.Option("--from", help=f"{happened} on or after this ISO date (2011, 2011-10).")


def until_option(happened: str) -> Any:
    """The ``--to`` option to go with ``since_option``."""
    return typer.Option("--to", help=f"{happened} on or before this ISO date.")


@contextmanager
def querying(db: str | None) -> Iterator[Dossier]:
    """The store at ``db`` opened for one query: a ``DossierError`` reported (``reported``), a
    ValueError (a filter the query API cannot take, such as a date that is none) ending the
    command with its message."""
    with reported(), Dossier(db) as dossier:
        try:
            yield dossier
        except ValueError as error:
            fail(escape(str(error)))


def print_listing(
    found: Records[Any], output: str, what: str, print_table: Callable[[Records[Any]], None]
) -> None:
    """``found`` as ``output`` asks: "json" (one object per line, nothing for none), "csv" (a
    header, then one row per record, one value a cell: ``csv_cell``), else a table drawn by
    ``print_table``, or a line saying that no ``what`` matches."""
    if output == "json":
        if found:
            print(found.to_json())
    elif output == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=found.columns)
        writer.writeheader()
        writer.writerows(
            {key: csv_cell(value) for key, value in row.items()} for row in found.dicts()
        )
    elif not found:
        out.print(f"no {what} matches (run dossier annotate first if nothing is annotated)")
    else:
        print_table(found)


def csv_cell(value: Any) -> Any:
    """One CSV cell: an actor set as "Vladimir Putin [RUS]; Belarus [BLR]", a list (a
    statement's outlets) joined by "; ", anything else as it is."""
    if isinstance(value, list):
        return "; ".join(
            f"{v['actor']} [{v.get('country') or '?'}]" if isinstance(v, dict) else str(v)
            for v in value
        )
    return value
