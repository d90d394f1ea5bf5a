"""Commands over facts: annotate (find them), mentions and times (read them back)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dossier.cli import render
from dossier.cli.app import (
    DbOption,
    DocIdArgument,
    Engine,
    EngineOption,
    JsonLinesOption,
    KbDirOption,
    QuietOption,
    SchedulerOption,
    app,
    end_run,
    print_failures,
    reported,
    stop_like_ctrl_c_on_kill,
)
from dossier.query import Dossier

if TYPE_CHECKING:
    from dossier.query import AnnotationState, Records


@app.command(epilog="Example: dossier annotate --db news.db --engine dask --workers 2")
def annotate(
    db: DbOption = None,
    kb_dir: KbDirOption = None,
    force: Annotated[bool, typer.Option("--force", help="Annotate every document again.")] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Processes running the pipeline (with --engine dask: the local cluster's "
            "worker processes). Default: one per core.",
            show_default=False,
        ),
    ] = None,
    engine: EngineOption = Engine.multiprocess,
    scheduler: SchedulerOption = None,
    quiet: QuietOption = False,
) -> None:
    """Find and link the actors and time expressions of stored documents, each at its date.

    Only documents whose facts are older than the current extractors (and knowledge base) are
    read, so the command resumes after an interruption and, after a KB edit, redoes only what
    depends on the KB. With --engine dask the documents are annotated on a Dask cluster and
    the facts written here, the same facts as with the default engine.
    """
    stop_like_ctrl_c_on_kill()
    dossier = Dossier(db, kb_dir=kb_dir)
    with reported(), render.progress() as progress:
        task = progress.add_task("annotating", total=None, visible=not quiet)
        summary = dossier.annotate(
            force=force,
            workers=workers,
            engine=engine.value,
            scheduler=scheduler,
            on_document=lambda _: progress.advance(task),
            on_start=lambda total: progress.update(task, total=total),
        )
    render.print_annotate(dossier.location, summary)
    print_failures(summary.failures)
    end_run(
        interrupted=summary.interrupted,
        failed=bool(summary.failures),
        kept="what was annotated is stored; run again to finish",
    )


def _print_facts(
    found: Records[Any],
    print_table: Callable[[Any, AnnotationState | None], None],
    dossier: Dossier,
    doc_id: str,
    as_json: bool,
) -> None:
    """Print a document's facts as JSON lines, or as a table that, when empty, says why: no
    facts found, or the document not annotated (asked of the store only then)."""
    if as_json:
        render.print_json(found.to_json())
    else:
        print_table(found, None if found else dossier.annotation_state(doc_id))


@app.command(epilog="Example: dossier mentions 36587b26")
def mentions(doc_id: DocIdArgument, db: DbOption = None, as_json: JsonLinesOption = False) -> None:
    """The actors a document mentions: who, in which role, where in the text."""
    with reported(), Dossier(db) as dossier:
        _print_facts(
            dossier.mentions(doc_id=doc_id), render.print_mentions, dossier, doc_id, as_json
        )


@app.command(epilog="Example: dossier times 36587b26 --sentences")
def times(
    doc_id: DocIdArgument,
    db: DbOption = None,
    sentences: Annotated[
        bool, typer.Option("--sentences", help="Show each sentence's reference time instead.")
    ] = False,
    as_json: JsonLinesOption = False,
) -> None:
    """The time expressions of a document, as TIMEX3 values anchored on its date."""
    with reported(), Dossier(db) as dossier:
        if sentences:
            _print_facts(
                dossier.sentences(doc_id), render.print_sentences, dossier, doc_id, as_json
            )
        else:
            _print_facts(dossier.timexes(doc_id), render.print_timexes, dossier, doc_id, as_json)
