"""Commands that tell the store's story: ``brief`` (who said what about a target, the main
events, where each country stands, in the terminal) and ``report`` (a dossier on one subject
as Markdown, HTML or PDF, every claim footnoted to its document and sentence)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from dossier.cli.app import DbOption, app, fail, iso_date, reported
from dossier.cli.render import cut, err, out
from dossier.query import Dossier
from dossier.settings import API_HOST, API_PORT

#: How many quotes and events the brief shows.
BRIEF_QUOTES = 5
BRIEF_EVENTS = 5


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"


@app.command(epilog='Example: dossier brief --target "Eurasian integration"')
def brief(
    target: Annotated[
        str,
        typer.Option(help='A stance target ("Eurasian integration", NATO) or any actor or topic.'),
    ] = "Eurasian integration",
    db: DbOption = None,
) -> None:
    """The dossier in a few lines: who said what about the target (speaker, date, outlet), the
    main events, and where each country stands toward it; then how to open the web UI."""
    from dossier.report import build_report

    with reported(), Dossier(db) as dossier:
        report = build_report(dossier, target)
        countries = list(dossier.stance_trends(target=target, by="country"))
        kb = dossier.kb
    out.print(f"\n[bold]Who said what about {escape(target)}[/bold]")
    if not report.quotes:
        out.print("  no quote found (run dossier annotate first if nothing is annotated)")
    for quote in report.quotes[:BRIEF_QUOTES]:
        where = ", ".join(x for x in (quote.date, quote.outlet) if x)
        out.print(f"  {escape(quote.speaker)} ({escape(where)}): “{escape(cut(quote.text, 140))}”")
    out.print("\n[bold]Main events[/bold]")
    events = sorted(report.events, key=lambda e: -e.reports)[:BRIEF_EVENTS]
    if not events:
        out.print("  no event found")
    for event in sorted(events, key=lambda e: e.date or "9999"):
        to = f" → {event.target}" if event.target != "—" else ""
        many = f" ({event.reports} reports)" if event.reports > 1 else ""
        out.print(
            f"  {event.date or '?'}  {event.event_type}: {escape(event.source)}{escape(to)}{many}"
        )
    out.print(f"\n[bold]Country stances toward {escape(target)}[/bold]")
    if not countries:
        out.print("  no stance found")
    for trend in countries:
        country = kb.actors.get(f"country:{trend.group}")
        name = f"{country.name} ({trend.group})" if country else trend.group
        out.print(
            f"  {escape(name)}: {trend.side} ({trend.score:+.2f}; {trend.evidence} "
            f"piece{'s' * (trend.evidence != 1)} of evidence, {trend.first or '?'}–"
            f"{trend.last or '?'})"
        )
    out.print(
        f"\nOpen the web UI: [bold]dossier serve[/bold], then http://{API_HOST}:{API_PORT}/ "
        f'— or write a report: dossier report "{escape(target)}" --format html --out '
        "report.html"
    )


@app.command(
    epilog="Example: dossier report Russia --from 2011 --to 2015 --format pdf --out russia.pdf"
)
def report(
    subject: Annotated[
        str,
        typer.Argument(
            help='An actor ("Vladimir Putin"), a country (Russia) or a topic ("Eurasian '
            'integration").',
            show_default=False,
        ),
    ],
    date_from: Annotated[
        str | None, typer.Option("--from", help="On or after this ISO date (2011, 2011-10).")
    ] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="On or before this ISO date.")] = None,
    output: Annotated[
        ReportFormat, typer.Option("--format", help="md (Markdown), html or pdf.")
    ] = ReportFormat.md,
    out_file: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="The file to write. Default: stdout for md and html, SUBJECT.pdf for pdf.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """A dossier on one subject: summary figures, a timeline chart, key quotes with sources and
    dates, an events table and stance over time, every claim footnoted to its document
    (outlet, date, title) and sentence. Markdown writes its chart beside --out as a PNG."""
    from dossier.report import build_report
    from dossier.report_render import render_html, render_markdown, render_pdf

    date_from, date_to = iso_date(date_from), iso_date(date_to)
    with reported(), Dossier(db) as dossier:
        try:
            found = build_report(dossier, subject, date_from=date_from, date_to=date_to)
        except ValueError as error:
            fail(escape(str(error)))
    if not found.notes:
        err.print(f"[yellow]note:[/yellow] the store holds nothing on {escape(subject)}")
    if output is ReportFormat.pdf:
        target = out_file or Path(_file_name(subject) + ".pdf")
        target.write_bytes(render_pdf(found))
        out.print(f"wrote {escape(str(target))} ({len(found.notes)} footnotes)")
        return
    if output is ReportFormat.html:
        text = render_html(found)
    else:
        chart = None
        if out_file is not None:
            chart = out_file.with_name(out_file.stem + "-timeline.png")
        text = render_markdown(found, chart)
    if out_file is None:
        print(text)
    else:
        out_file.write_text(text, encoding="utf-8")
        out.print(f"wrote {escape(str(out_file))} ({len(found.notes)} footnotes)")


def _file_name(subject: str) -> str:
    name = "".join(c if c.isalnum() else "-" for c in subject.lower()).strip("-")
    return name or "report"
