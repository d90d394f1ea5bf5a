"""Commands over documents: ingest, merge-bands, docs, show, search, stats."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from dossier.cli import render
from dossier.cli.app import (
    DbOption,
    DocIdArgument,
    Engine,
    EngineOption,
    JsonLinesOption,
    JsonOption,
    QuietOption,
    SchedulerOption,
    app,
    end_run,
    fail,
    iso_date,
    print_failures,
    reported,
    stop_like_ctrl_c_on_kill,
)
from dossier.query import Dossier, to_json

_OUTCOMES = {"new": "new", "near-duplicate": "near-dup", "duplicate": "dup", "failed": "failed"}


@app.command("merge-bands", epilog="Example: dossier merge-bands --db news.db --force")
def merge_bands(
    db: DbOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Merge whatever is pending, even below the threshold.")
    ] = False,
) -> None:
    """Move new documents' near-duplicate bands into the main band index.

    Ingest writes each new document's bands to a small pending table and merges them, in
    band order, once they pass 5% of the index (at least 50,000 rows; on PostgreSQL 50,000
    rows); ingest checks every 1,000 documents. This runs the same merge now, e.g. after a
    large ingest. Near-duplicate results are the same before and after.
    """
    with reported():
        dossier = Dossier(db)
        dossier.require_store()  # only ingest creates a store
        merge = dossier.merge_bands(force=force)
    done = f"merged {merge.merged:,} rows" if merge.merged else "nothing merged"
    render.out.print(
        f"{done}: {merge.pending:,} pending, threshold {merge.threshold:,}, {merge.seconds:.1f} s"
    )


@app.command(
    epilog="Example: dossier ingest sample/corpus 'sample/corpus/feeds/*.jsonl' --db news.db"
)
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns to read.")],
    db: DbOption = None,
    engine: EngineOption = Engine.multiprocess,
    scheduler: SchedulerOption = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="With --engine dask: the local cluster's worker processes. Default: one per core.",
            show_default=False,
        ),
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Read, clean, deduplicate and store articles (text, JSONL, HTML, RSS/Atom, .gz, .zip).

    The one command that creates a store: every other one refuses a store that does not exist.
    With --engine dask the records are cleaned and described on a Dask cluster; duplicates,
    stories and writes are decided here, in reading order, so the store is the same.
    """
    stop_like_ctrl_c_on_kill()
    dossier = Dossier(db)
    with reported(), render.progress() as progress:
        task = progress.add_task("ingesting", total=None, visible=not quiet)

        def on_record(source_path: str, outcome: str) -> None:
            progress.update(
                task, advance=1, description=f"ingesting [dim]{_OUTCOMES.get(outcome, outcome)}"
            )

        summary = dossier.ingest(
            paths,
            on_record=on_record,
            engine=engine.value,
            scheduler=scheduler,
            workers=workers,
        )
        progress.update(task, total=progress.tasks[0].completed, description="ingested")
    print_failures(summary.failures)
    render.print_ingest(dossier.location, summary)
    end_run(
        interrupted=summary.interrupted,
        failed=bool(summary.failed),
        kept="what was read is stored; run the same command again",
    )


@app.command(
    epilog='Example: dossier docs --from 2011-11 --to 2012-12-31 --outlet "Steppe Wire" --limit 20'
)
def docs(
    db: DbOption = None,
    date_from: Annotated[
        str | None,
        typer.Option(
            "--from", callback=iso_date, help="Earliest date: 2011, 2011-11 or 2011-11-18."
        ),
    ] = None,
    date_to: Annotated[
        str | None,
        typer.Option("--to", callback=iso_date, help="Latest date: 2012, 2012-12 or 2012-12-31."),
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name, any case.")] = None,
    language: Annotated[str | None, typer.Option(help="ISO 639-1 language code.")] = None,
    duplicates: Annotated[
        bool, typer.Option("--duplicates", help="Show groups of near-duplicate copies instead.")
    ] = False,
    limit: Annotated[int, typer.Option(help="Most rows to show.")] = 50,
    as_json: JsonLinesOption = False,
) -> None:
    """List stored documents, or the near-duplicate groups with --duplicates."""
    with reported(), Dossier(db) as dossier:
        if duplicates:
            copies = dossier.duplicates()
            if as_json:
                render.print_json(copies.to_json())
            else:
                render.print_duplicates(copies)
            return
        try:
            found = dossier.documents(
                date_from=date_from, date_to=date_to, outlet=outlet, language=language, limit=limit
            )
        except ValueError as error:
            fail(escape(str(error)))
    if as_json:
        render.print_json(found.to_json())
    else:
        render.print_documents(found)


@app.command(epilog="Example: dossier show 36587b26 --original")
def show(
    doc_id: DocIdArgument,
    db: DbOption = None,
    original: Annotated[
        bool, typer.Option("--original", help="Print the original text, not the cleaned one.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Show one document: its metadata, where it was read from, and its text."""
    with reported(), Dossier(db) as dossier:
        detail = dossier.document_detail(doc_id)
    if as_json:
        render.print_json(detail.to_json())
    else:
        render.print_document(detail, original=original)


@app.command(epilog="Example: dossier search '\"customs union\" armenia' --limit 5")
def search(
    query: Annotated[str, typer.Argument(help='Words or "quoted phrases" to find.')],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="Most results to show.")] = 10,
    as_json: JsonLinesOption = False,
) -> None:
    """Full-text search over the cleaned texts, best first, with highlighted snippets."""
    # JSON shows matches [like this]; the table marks them with characters no article holds,
    # turned into Rich markup only after the snippet is escaped.
    highlight = ("[", "]") if as_json else (render.MARK_ON, render.MARK_OFF)
    with reported(), Dossier(db) as dossier:
        hits = dossier.search(query, limit=limit, highlight=highlight)
    if as_json:
        render.print_json(hits.to_json())
    else:
        render.print_search(query, hits)


@app.command(epilog="Example: dossier stats --db dossier.db --json")
def stats(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Counts over the store: documents, stories, outlets, languages, years, failures."""
    with reported(), Dossier(db) as dossier:
        figures = dossier.stats()
    if as_json:
        render.print_json(to_json(figures))
    else:
        render.print_stats(figures)
