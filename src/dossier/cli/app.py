"""The Typer applications, and what every command shares: its options, its exit codes, and
turning a ``DossierError`` into one red line.

Commands register themselves on ``app``, ``eval_app`` and ``kb_app`` from their own modules
(``documents``, ``facts``, ``kb``, ``evaluate``); ``dossier.cli`` imports them all.
"""

from __future__ import annotations

import signal
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.markup import escape

from dossier.calendar import check_iso_date
from dossier.cli.render import err
from dossier.errors import DossierError

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
kb_app = typer.Typer(
    help="Check the knowledge base, cross-check it, and import external datasets into its shape.",
    no_args_is_help=True,
)
app.add_typer(eval_app, name="eval")
app.add_typer(kb_app, name="kb")

#: Exit codes: 0 all went well, 1 some input failed (the rest is stored), 2 usage or store
#: error, 130 interrupted (what was done is stored; run again to complete).
EXIT_SOME_FAILED = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLite file or PostgreSQL URL (postgresql://…). Default: $DOSSIER_DB, else "
        "./dossier.db.",
        show_default=False,
    ),
]

KbDirOption = Annotated[
    Path | None,
    typer.Option(
        "--kb-dir",
        "--kb",
        help="A folder of knowledge-base CSV files to use instead of the package's own.",
        show_default=False,
    ),
]

DocIdArgument = Annotated[
    str, typer.Argument(help="Document id or a unique prefix (6+ chars).", show_default=False)
]

JsonLinesOption = Annotated[bool, typer.Option("--json", help="One JSON object per line.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]


class Engine(StrEnum):
    """What runs the per-document work of ingest and annotate."""

    multiprocess = "multiprocess"
    dask = "dask"


EngineOption = Annotated[
    Engine,
    typer.Option(
        "--engine",
        help="What runs the per-document work: this machine's processes (multiprocess), or a "
        "Dask cluster (dask: a local one of --workers processes, or the one at --scheduler).",
    ),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="With --engine dask: a running cluster's scheduler (tcp://host:8786) instead of "
        "a local cluster.",
        show_default=False,
    ),
]


@contextmanager
def reported() -> Iterator[None]:
    """Turn a ``DossierError`` into one red line on stderr and exit code 2.

    The error names what it is about (the id, the store) once; nothing is added to it.
    """
    try:
        yield
    except DossierError as error:
        err.print(f"[red]error:[/red] {escape(str(error))}")
        raise typer.Exit(EXIT_ERROR) from error


def iso_date(value: str | None) -> str | None:
    """A date option's value checked: YYYY, YYYY-MM or YYYY-MM-DD, and a real date."""
    if value is None:
        return None
    try:
        return check_iso_date(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


def fail(message: str) -> NoReturn:
    """End the command with ``message`` (Rich markup, already escaped) and exit code 2."""
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(EXIT_ERROR)


def print_failures(failures: Iterable[object]) -> None:
    """One yellow line on stderr per item a long run (ingest, annotate) could not do."""
    for failure in failures:
        err.print(f"[yellow]failed:[/yellow] {escape(str(failure))}")


def end_run(*, interrupted: bool, failed: bool, kept: str) -> None:
    """End a long run (ingest, annotate): exit code 130 after saying ``kept`` (what is stored
    and how to finish) when it was interrupted, else 1 when some items failed."""
    if interrupted:
        err.print(f"[red]interrupted:[/red] {kept}")
        raise typer.Exit(EXIT_INTERRUPTED)
    if failed:
        raise typer.Exit(EXIT_SOME_FAILED)


def _raise_keyboard_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def stop_like_ctrl_c_on_kill() -> None:
    """Make a kill (SIGTERM) end a long write like Ctrl-C: the current batch is written and the
    run recorded as interrupted."""
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
