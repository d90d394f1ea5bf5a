"""The `dossier` command line: a thin face over ``dossier.query.Dossier``.

Every command takes --db (a SQLite path or a PostgreSQL URL; default $DOSSIER_DB, else
./dossier.db) and has an example in its help. Long work shows a progress bar on stderr, so
stdout stays clean for --json.
"""

from __future__ import annotations

import json
import signal
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from dossier.errors import DossierError
from dossier.query import Dossier

app = typer.Typer(
    name="dossier",
    help="dossier: who said what, who did what to whom, when — from a corpus of news.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
eval_app = typer.Typer(
    help="Measure a component against gold data; prints precision, recall and F1.",
    no_args_is_help=True,
)
app.add_typer(eval_app, name="eval")

out = Console()
err = Console(stderr=True, soft_wrap=True)  # one line per failure, however long

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLite file or PostgreSQL URL (postgresql://…). Default: $DOSSIER_DB, else "
        "./dossier.db.",
        show_default=False,
    ),
]

#: Exit codes: 0 all went well, 1 some input failed (the rest is stored), 2 usage or store
#: error, 130 interrupted (what was read is stored; run again to complete).
EXIT_SOME_FAILED = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130


def _open(db: str | None) -> Dossier:
    try:
        return Dossier(db)
    except DossierError as error:
        err.print(f"[red]error:[/red] {escape(str(error))}")
        raise typer.Exit(EXIT_ERROR) from error


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )


def _raise_keyboard_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@app.command(
    epilog="Example: dossier ingest sample/ ../shared/corpus/allsides 'feeds/*.rss' --db news.db"
)
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns to read.")],
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read, clean, deduplicate and store articles (text, JSONL, HTML, RSS/Atom, .gz, .zip)."""
    # A kill (SIGTERM) ends the run like Ctrl-C: the current batch is written, the run recorded.
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    dossier = _open(db)
    outcomes = {"new": "new", "near-duplicate": "near-dup", "duplicate": "dup", "failed": "failed"}
    with dossier, _progress() as progress:
        task = progress.add_task("ingesting", total=None, visible=not quiet)

        def on_record(source_path: str, outcome: str) -> None:
            progress.update(
                task, advance=1, description=f"ingesting [dim]{outcomes.get(outcome, outcome)}"
            )

        summary = dossier.ingest(paths, on_record=on_record)
        progress.update(task, total=progress.tasks[0].completed, description="ingested")
    for failure in summary.failures:
        err.print(f"[yellow]failed:[/yellow] {escape(str(failure))}")
    table = Table(title=f"ingest into {escape(dossier.location)}", show_header=True)
    for column in ("read", "new", "of which near-dup", "duplicate", "failed", "seconds"):
        table.add_column(column, justify="right")
    table.add_row(
        str(summary.read),
        str(summary.new),
        str(summary.near_duplicate),
        str(summary.duplicate),
        str(summary.failed),
        f"{summary.seconds:.1f}",
    )
    out.print(table)
    if summary.interrupted:
        err.print("[red]interrupted:[/red] what was read is stored; run the same command again")
        raise typer.Exit(EXIT_INTERRUPTED)
    if summary.failed:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command(
    epilog="Example: dossier docs --from 2011-11 --to 2012-12-31 --outlet Reuters --limit 20"
)
def docs(
    db: DbOption = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="Earliest date, ISO (2011, 2011-11, 2011-11-18).")
    ] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Latest date, ISO.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name, any case.")] = None,
    language: Annotated[str | None, typer.Option(help="ISO 639-1 language code.")] = None,
    duplicates: Annotated[
        bool, typer.Option("--duplicates", help="Show groups of near-duplicate copies instead.")
    ] = False,
    limit: Annotated[int, typer.Option(help="Most rows to show.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List stored documents, or the near-duplicate groups with --duplicates."""
    with _open(db) as dossier:
        if duplicates:
            frame = dossier.duplicates()
            if as_json:
                _print_json_lines(frame)
                return
            table = Table(
                title=f"{frame['story_id'].nunique() if len(frame) else 0} stories with copies"
            )
            for column in ("story", "doc_id", "date", "outlet", "title"):
                table.add_column(column)
            previous = None
            for row in frame.itertuples():
                story = row.story_id if row.story_id != previous else ""
                previous = row.story_id
                table.add_row(
                    story,
                    row.doc_id,
                    row.pub_date or "undated",
                    escape(row.outlet or ""),
                    escape(_cut(row.title, 60)),
                )
            out.print(table)
            return
        frame = dossier.docs(date_from, date_to, outlet, language, limit=limit)
        if as_json:
            _print_json_lines(frame)
            return
        table = Table(title=f"{len(frame)} documents")
        for column in ("doc_id", "date", "outlet", "author", "lang", "title"):
            table.add_column(column)
        for row in frame.itertuples():
            date = row.pub_date or "undated"
            if row.date_is_estimated:
                date += " (est.)"
            table.add_row(
                row.doc_id,
                date,
                escape(row.outlet or ""),
                escape(row.author or ""),
                row.language or "",
                escape(_cut(row.title, 60)),
            )
        out.print(table)


@app.command(epilog="Example: dossier show bad46d1b --original")
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id or a unique prefix (6+ chars).")],
    db: DbOption = None,
    original: Annotated[
        bool, typer.Option("--original", help="Print the original text, not the cleaned one.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Show one document: its metadata, where it was read from, and its text."""
    with _open(db) as dossier:
        try:
            document = dossier.document(doc_id)
        except DossierError as error:
            err.print(f"[red]error:[/red] {escape(str(error))} — id {escape(doc_id)}")
            raise typer.Exit(EXIT_ERROR) from error
        sources = dossier.sources(document.doc_id)
    meta = document.meta
    record: dict[str, Any] = {
        "doc_id": document.doc_id,
        "story_id": document.story_id,
        "title": meta.title,
        "date": meta.date,
        "date_source": meta.date_source,
        "date_note": meta.date_note,
        "date_is_estimated": meta.date_is_estimated,
        "outlet": meta.outlet,
        "author": meta.author,
        "author_note": meta.author_note,
        "dateline": meta.dateline,
        "language": meta.language,
        "genre": meta.genre,
        "url": meta.url,
        "format": document.format,
        "sources": sources,
        "removed": [
            {"start": s.start, "end": s.end, "reason": s.reason} for s in document.cleaned.removed
        ],
    }
    if as_json:
        record["text"] = document.clean_text
        record["original_text"] = document.original_text
        print(json.dumps(record, ensure_ascii=False))
        return
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    for key in (
        "doc_id",
        "story_id",
        "title",
        "date",
        "date_note",
        "outlet",
        "author",
        "author_note",
        "dateline",
        "language",
        "genre",
        "url",
        "format",
    ):
        value = record[key]
        if key == "date" and value is None:
            value = "undated"
        elif key == "date" and record["date_is_estimated"]:
            value = f"{value} (estimated)"
        if value is not None:
            table.add_row(key, escape(str(value)))
    table.add_row("sources", escape("\n".join(sources)))
    table.add_row(
        "removed",
        ", ".join(f"{s['reason']} {s['start']}–{s['end']}" for s in record["removed"]) or "nothing",
    )
    out.print(table)
    out.rule()
    out.print(escape(document.original_text if original else document.clean_text))


# Highlight markers no article contains, turned into Rich markup after escaping the snippet.
_MARK_ON, _MARK_OFF = "\x02", "\x03"


@app.command(epilog="Example: dossier search '\"customs union\" armenia' --limit 5")
def search(
    query: Annotated[str, typer.Argument(help='Words or "quoted phrases" to find.')],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="Most results to show.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Full-text search over the cleaned texts, best first, with highlighted snippets."""
    with _open(db) as dossier:
        frame = dossier.search(query, limit=limit, highlight=(_MARK_ON, _MARK_OFF))
    if as_json:
        frame["snippet"] = frame["snippet"].str.replace(_MARK_ON, "[").str.replace(_MARK_OFF, "]")
        _print_json_lines(frame)
        return
    if frame.empty:
        out.print(f"no document matches {escape(query)!r}")
        return
    for row in frame.itertuples():
        out.print(
            f"[bold]{row.doc_id}[/bold]  {row.pub_date or 'undated'}  "
            f"{escape(row.outlet or '')}  [italic]{escape(_cut(row.title, 70))}[/italic]"
        )
        snippet = escape(row.snippet).replace(_MARK_ON, "[bold yellow]").replace(_MARK_OFF, "[/]")
        out.print(f"    {snippet}")


@app.command(epilog="Example: dossier stats --db postgresql://localhost/news")
def stats(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Counts over the store: documents, stories, outlets, languages, years, failures."""
    with _open(db) as dossier:
        figures = dossier.stats()
    if as_json:
        print(json.dumps(figures, ensure_ascii=False, default=str))
        return
    table = Table(title="dossier store", show_header=False)
    table.add_column(style="bold")
    table.add_column()
    for key, value in figures.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items()) or "—"
        elif isinstance(value, list | tuple):
            value = " … ".join(str(v) for v in value) if value else "—"
        table.add_row(key.replace("_", " "), escape(str(value)))
    out.print(table)


@eval_app.command(
    "extract",
    epilog="Example: dossier eval extract --gold ../shared/gold/article_extraction --json",
)
def eval_extract(
    gold: Annotated[Path, typer.Option(help="Folder with html/*.html.gz and ground-truth.json.")],
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON line.")] = False,
) -> None:
    """HTML main-text extraction: 4-gram shingle P/R/F1, plain trafilatura as the baseline."""
    from dossier.evaluate.extract import evaluate_extraction

    try:
        with _progress() as progress:
            task = progress.add_task("extracting", total=None)
            result = evaluate_extraction(gold, on_item=lambda _: progress.advance(task))
    except DossierError as error:
        err.print(f"[red]error:[/red] {escape(str(error))}")
        raise typer.Exit(EXIT_ERROR) from error
    _print_scores(result)
    if as_json:
        print(json.dumps(result, ensure_ascii=False))


@eval_app.command("metadata", epilog="Example: dossier eval metadata --gold sample/gold --json")
def eval_metadata(
    gold: Annotated[Path, typer.Option(help="Folder of dossier-format gold (*.json with 'doc').")],
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON line.")] = False,
) -> None:
    """Cleaning and metadata (date, outlet, author, dateline, genre) against dossier gold."""
    from dossier.evaluate.metadata import evaluate_metadata

    try:
        with _progress() as progress:
            task = progress.add_task("scoring", total=None)
            result = evaluate_metadata(gold, on_item=lambda _: progress.advance(task))
    except DossierError as error:
        err.print(f"[red]error:[/red] {escape(str(error))}")
        raise typer.Exit(EXIT_ERROR) from error
    _print_scores(result)
    table = Table(title="per field")
    for column in ("field", "n", "precision", "recall", "f1", "accuracy"):
        table.add_column(column, justify="right")
    for name, figures in result["per_field"].items():
        table.add_row(
            name, *(_fmt(figures.get(k)) for k in ("n", "precision", "recall", "f1", "accuracy"))
        )
    out.print(table)
    out.print(
        f"boilerplate removed: {_fmt(result['boilerplate_removed'])}   "
        f"body kept: {_fmt(result['body_kept'])}"
    )
    for miss in result["mismatches"]:
        out.print(
            f"  [yellow]{escape(miss['doc'])}[/yellow] {miss['field']}: gold "
            f"{escape(repr(miss['gold']))}, got {escape(repr(miss['predicted']))}"
        )
    if as_json:
        print(json.dumps(result, ensure_ascii=False))


def _print_scores(result: dict[str, Any]) -> None:
    """A table of dossier's figures beside the in-run baseline's."""
    table = Table(title=f"eval {result['task']} on {escape(str(result['gold']))}")
    table.add_column("system")
    metrics = [k for k in ("n", "precision", "recall", "f1", "accuracy", "seconds") if k in result]
    for metric in metrics:
        table.add_column(metric, justify="right")
    rows = [("dossier", result)]
    if isinstance(result.get("baseline"), dict):
        rows.append(("baseline", result["baseline"]))
    for name, figures in rows:
        table.add_row(name, *(_fmt(figures.get(m)) for m in metrics))
    out.print(table)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "" if value is None else str(value)


def _cut(text: str | None, width: int) -> str:
    if not text:
        return ""
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_json_lines(frame: Any) -> None:
    for record in frame.to_dict(orient="records"):
        print(json.dumps(record, ensure_ascii=False, default=str))


if __name__ == "__main__":
    app()
