"""Commands over the knowledge base: who held an office, who an actor is, checks and imports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from dossier.cli import render
from dossier.cli.app import (
    DbOption,
    JsonOption,
    KbDirOption,
    app,
    fail,
    iso_date,
    kb_app,
    reported,
)
from dossier.cli.render import err, out
from dossier.query import Dossier, to_json

IMPORT_SOURCES = ("phoenix", "geonames")


@app.command(epilog='Example: dossier who "President of Kyrgyzstan" --on 2011-11-18')
def who(
    office: Annotated[
        str,
        typer.Argument(
            help='Office name, alias or id: "President of Russia", "Russian President".'
        ),
    ],
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            callback=iso_date,
            help="The day: 2011-11-18 (a month, 2011-11, or a year means its first day). "
            "Default: today.",
            show_default=False,
        ),
    ] = None,
    kb_dir: KbDirOption = None,
    as_json: JsonOption = False,
) -> None:
    """Who held an office on a day: holder, acting or not, the term's dates and its source."""
    with reported():
        try:
            answer = Dossier(kb_dir=kb_dir).who(office, on)
        except ValueError as error:
            fail(f"--on: {escape(str(error))}")
    if as_json:
        render.print_json(to_json(answer))
    else:
        render.print_who(answer)


@app.command(epilog='Example: dossier actor "Lukashenka" --db news.db')
def actor(
    name: Annotated[
        str, typer.Argument(help="Name, alias, surname or id: Lukashenka, EAEU, person:...")
    ],
    db: DbOption = None,
    kb_dir: KbDirOption = None,
    limit: Annotated[int, typer.Option(help="Most documents to list under mentions.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """An actor: aliases, offices and memberships over time, members, mentions in the corpus."""
    with reported(), Dossier(db, kb_dir=kb_dir) as dossier:
        report = dossier.actor(name, limit=limit)
    if as_json:
        render.print_json(report.to_json())
    else:
        render.print_actor(report)


@kb_app.command("check", epilog="Example: dossier kb check --leaders-from ../shared/kb")
def kb_check(
    kb_dir: KbDirOption = None,
    leaders_from: Annotated[
        Path | None,
        typer.Option(
            "--leaders-from",
            help="The shared kb folder (reign/, archigos/, ngec_polecat/): cross-check the "
            "curated heads of state and government against REIGN and Archigos.",
            show_default=False,
        ),
    ] = None,
    country: Annotated[
        list[str] | None,
        typer.Option(help="ISO3 code to cross-check (repeatable). Default: every curated one."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Validate the knowledge base and count what it holds; optionally cross-check its leaders."""
    with reported():
        try:
            check = Dossier(kb_dir=kb_dir).check_kb(leaders_from=leaders_from, countries=country)
        except OSError as error:
            fail(f"--leaders-from: {escape(str(error))}")
    if as_json:
        render.print_json(check.to_json())
    else:
        render.print_kb_check(check)


@dataclass(frozen=True)
class ImportReport:
    """What ``kb import`` read and wrote."""

    source: str
    path: str
    rows: dict[str, int]
    unread: int
    files: tuple[str, ...]


@kb_app.command(
    "import",
    epilog="Example: dossier kb import geonames ../shared/kb/geonames_cities15000/cities15000.txt "
    "--out imports/",
)
def kb_import(
    source: Annotated[str, typer.Argument(help="What PATH is: phoenix or geonames.")],
    path: Annotated[
        Path, typer.Argument(help="Phoenix.Countries.actors.txt, or GeoNames cities15000.txt.")
    ],
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder to write the CSV files to (not the package's).")
    ],
    min_population: Annotated[
        int, typer.Option(help="geonames: leave out cities smaller than this.")
    ] = 15_000,
    country_info: Annotated[
        Path | None,
        typer.Option(
            help="geonames: countryInfo.tsv for ISO2 -> ISO3. Default: beside PATH.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Turn an external dataset into CSV files in the knowledge base's shape, for review."""
    if source not in IMPORT_SOURCES:
        fail(f"unknown source {escape(source)!r}: use phoenix or geonames")
    if not path.is_file():
        fail(f"{escape(str(path))}: no such file")
    try:
        if source == "phoenix":
            from dossier.kb.importers.phoenix import import_phoenix, write_phoenix

            result = import_phoenix(path)
            written = write_phoenix(result, out_dir)
            rows = {"actors": len(result.actors), "roles": len(result.roles)}
        else:
            from dossier.kb.importers.geonames import import_geonames, write_geonames

            codes = country_info or path.with_name("countryInfo.tsv")
            if not codes.is_file():
                fail(f"{escape(str(codes))}: no such file (--country-info)")
            result = import_geonames(path, codes, min_population=min_population)
            written = write_geonames(result, out_dir)
            rows = {
                "places": len(result.places),
                "capitals": sum(p.kind == "capital" for p in result.places),
            }
    except ValueError as error:
        fail(f"--out: {escape(str(error))}")
    for problem in result.problems[:20]:
        err.print(f"[yellow]unread:[/yellow] {escape(path.name)}{escape(str(problem))}")
    if len(result.problems) > 20:
        err.print(f"[yellow]… and {len(result.problems) - 20} more unread lines[/yellow]")
    report = ImportReport(
        source, str(path), rows, len(result.problems), tuple(str(f) for f in written)
    )
    if as_json:
        render.print_json(to_json(report))
        return
    table = render.key_value_table(f"kb import {source} from {escape(path.name)}")
    for kind, count in rows.items():
        table.add_row(kind, str(count))
    table.add_row("unread lines", str(len(result.problems)))
    table.add_row("written", escape("\n".join(report.files)))
    out.print(table)
