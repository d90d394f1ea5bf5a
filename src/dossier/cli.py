"""The `dossier` command line: a thin face over ``dossier.query.Dossier``.

Every command takes --db (a SQLite path or a PostgreSQL URL; default $DOSSIER_DB, else
./dossier.db) and has an example in its help. Long work shows a progress bar on stderr, so
stdout stays clean for --json.
"""

from __future__ import annotations

import json
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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

DocIdArgument = Annotated[
    str, typer.Argument(help="Document id or a unique prefix (6+ chars).", show_default=False)
]

#: Exit codes: 0 all went well, 1 some input failed (the rest is stored), 2 usage or store
#: error, 130 interrupted (what was read is stored; run again to complete).
EXIT_SOME_FAILED = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130


def _open(db: str | None) -> Dossier:
    with _reported():
        return Dossier(db)


@contextmanager
def _reported(doc_id: str | None = None) -> Iterator[None]:
    """Turn a ``DossierError`` into one red line on stderr and exit code 2.

    doc_id: the id the user gave, named in the message when the error is about it.
    """
    try:
        yield
    except DossierError as error:
        where = f" — id {escape(doc_id)}" if doc_id else ""
        err.print(f"[red]error:[/red] {escape(str(error))}{where}")
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


@app.command(epilog="Example: dossier annotate --db news.db")
def annotate(
    db: DbOption = None,
    force: Annotated[bool, typer.Option("--force", help="Annotate every document again.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Find and link the actors in stored documents, each read at its own date.

    Only documents not yet annotated by this version of the pipeline and knowledge base are
    read, so the command resumes after an interruption and redoes all after a KB edit.
    """
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    dossier = _open(db)
    with dossier, _progress() as progress:
        task = progress.add_task("annotating", total=None, visible=not quiet)
        summary = dossier.annotate(
            force=force,
            on_document=lambda _: progress.advance(task),
            on_start=lambda total: progress.update(task, total=total),
        )
    table = Table(title=f"annotate {escape(dossier.location)}")
    columns = ("annotated", "already done", "mentions", "linked to the KB", "timexes", "seconds")
    for column in columns:
        table.add_column(column, justify="right")
    table.add_row(
        str(summary.annotated),
        str(summary.skipped),
        str(summary.mentions),
        str(summary.linked),
        str(summary.timexes),
        f"{summary.seconds:.1f}",
    )
    out.print(table)
    for failure in summary.failures:
        err.print(f"[yellow]failed:[/yellow] {escape(failure)}")
    if summary.interrupted:
        err.print("[red]interrupted:[/red] what was annotated is stored; run again to finish")
        raise typer.Exit(EXIT_INTERRUPTED)
    if summary.failures:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command(epilog="Example: dossier times bad46d1b --sentences")
def times(
    doc_id: DocIdArgument,
    db: DbOption = None,
    sentences: Annotated[
        bool, typer.Option("--sentences", help="Show each sentence's reference time instead.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """The time expressions of a document, as TIMEX3 values anchored on its date."""
    with _open(db) as dossier, _reported():
        frame = dossier.sentence_times(doc_id) if sentences else dossier.timexes(doc_id)
        text = dossier.document(doc_id).clean_text if sentences else ""
    if as_json:
        _print_json_lines(frame)
        return
    if frame.empty:
        out.print("nothing stored for this document: run dossier annotate")
        return
    if sentences:
        table = Table(title=f"{len(frame)} sentences")
        for column in ("#", "reference time", "sentence"):
            table.add_column(column)
        for row in frame.itertuples():
            table.add_row(
                str(row.sentence),
                row.reference_time or "—",
                escape(_cut(text[row.start : row.end], 90)),
            )
    else:
        table = Table(title=f"{len(frame)} time expressions")
        for column in ("chars", "text", "type", "value", "anchor"):
            table.add_column(column)
        for row in frame.itertuples():
            table.add_row(
                f"{row.start}–{row.end}", escape(row.text), row.type, row.value, row.anchor or ""
            )
    out.print(table)


@app.command(epilog="Example: dossier mentions bad46d1b")
def mentions(
    doc_id: DocIdArgument,
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """The actors a document mentions: who, in which role, where in the text."""
    with _open(db) as dossier, _reported():
        frame = dossier.mentions(doc_id=doc_id)
    if as_json:
        _print_json_lines(frame)
        return
    if frame.empty:
        out.print("no mentions stored for this document: run dossier annotate")
        return
    table = Table(title=f"{len(frame)} mentions")
    for column in ("chars", "text", "actor", "role", "how"):
        table.add_column(column)
    for row in frame.itertuples():
        actor = row.actor or ""
        if row.actor_id is None:
            actor += " (place)" if row.label in PLACE_LABELS else " (not in KB)"
        if row.metonym:
            actor += " (metonym)"
        table.add_row(
            f"{row.start}–{row.end}",
            escape(row.text),
            escape(actor),
            escape(row.role or ""),
            row.resolution or "",
        )
    out.print(table)


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
            for column in ("story", "doc_id", "date"):
                table.add_column(column, no_wrap=True)
            for column in ("outlet", "title"):
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
        table.add_column("doc_id", no_wrap=True)
        table.add_column("date", no_wrap=True)
        for column in ("outlet", "author", "lang", "title"):
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
    doc_id: DocIdArgument,
    db: DbOption = None,
    original: Annotated[
        bool, typer.Option("--original", help="Print the original text, not the cleaned one.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Show one document: its metadata, where it was read from, and its text."""
    with _open(db) as dossier:
        with _reported(doc_id):
            document = dossier.document(doc_id)
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


#: Labels of names that, unlinked, are places named as places rather than unknown actors.
PLACE_LABELS = ("GPE", "LOC", "FAC")

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

    result = _run_scorer("extracting", lambda advance: evaluate_extraction(gold, on_item=advance))
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

    result = _run_scorer("scoring", lambda advance: evaluate_metadata(gold, on_item=advance))
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


@eval_app.command(
    "ner",
    epilog="Example: dossier eval ner --gold ../shared/gold/conll2003/eng.testa --json",
)
def eval_ner(
    gold: Annotated[Path, typer.Option(help="CoNLL-2003 file (IOB1 or IOB2), e.g. eng.testa.")],
    without: Annotated[
        list[str] | None,
        typer.Option(
            "--without",
            help="Leave a dossier component out (repeatable), to measure what it adds.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON line.")] = False,
) -> None:
    """Named entities: exact-span P/R/F1 per type, the plain spaCy pipeline as the baseline."""
    from dossier.evaluate.ner import evaluate_ner
    from dossier.nlp import DOSSIER_COMPONENTS

    components = None
    if without:
        known = {c.name for c in DOSSIER_COMPONENTS}
        unknown = sorted(set(without) - known)
        if unknown:
            err.print(
                f"[red]error:[/red] no dossier component {escape(', '.join(unknown))}; "
                f"choose from {escape(', '.join(sorted(known)))}"
            )
            raise typer.Exit(EXIT_ERROR)
        components = [c for c in DOSSIER_COMPONENTS if c.name not in without]
    result = _run_scorer(
        "recognising", lambda advance: evaluate_ner(gold, on_item=advance, components=components)
    )
    _print_scores(result)
    table = Table(title="per type (dossier / baseline)")
    for column in ("type", "n", "precision", "recall", "f1", "baseline f1"):
        table.add_column(column, justify="right")
    for label, figures in result["per_type"].items():
        base = result["baseline"]["per_type"].get(label, {})
        table.add_row(
            label,
            *(_fmt(figures.get(k)) for k in ("n", "precision", "recall", "f1")),
            _fmt(base.get("f1")),
        )
    out.print(table)
    out.print(f"components: {escape(', '.join(result['components']) or 'none')}")
    if as_json:
        print(json.dumps(result, ensure_ascii=False))


def _run_scorer(
    label: str, score: Callable[[Callable[[str], None]], dict[str, Any]]
) -> dict[str, Any]:
    """Run an evaluation behind a progress bar; a gold error ends the command with code 2.

    label: what the bar says while it runs.
    score: the evaluation, given a callback to call once per item scored.
    """
    with _reported(), _progress() as progress:
        task = progress.add_task(label, total=None)
        return score(lambda _: progress.advance(task))


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


# --- knowledge base: who held what, who is who, checks and imports -------------------------------

kb_app = typer.Typer(
    help="Check the knowledge base, cross-check it, and import external datasets into its shape.",
    no_args_is_help=True,
)
app.add_typer(kb_app, name="kb")

KbDirOption = Annotated[
    Path | None,
    typer.Option(
        "--kb",
        help="A folder of knowledge-base CSV files to use instead of the package's own.",
        show_default=False,
    ),
]


def _load_kb(folder: Path | None) -> Any:
    """The knowledge base in ``folder`` (default: the package's), or exit 2 with the problems."""
    from dossier.kb.loader import KnowledgeBase, default_kb

    with _reported():
        return KnowledgeBase.load(folder) if folder is not None else default_kb()


def _span(start: str | None, end: str | None) -> str:
    return f"{start or '?'} – {end or 'now'}"


@app.command(
    epilog='Example: dossier who "President of Kyrgyzstan" --on 2011-11-18',
)
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
            help="The day, ISO (2011-11-18; a month or year means its first day). Default: today.",
            show_default=False,
        ),
    ] = None,
    kb_dir: KbDirOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Who held an office on a day: holder, acting or not, the term's dates and its source."""
    from datetime import date

    from dossier.kb.queries import who_held

    kb = _load_kb(kb_dir)
    try:
        with _reported():
            answer = who_held(kb, office, on or date.today().isoformat())
    except ValueError as error:
        err.print(f"[red]error:[/red] --on: {escape(str(error))}")
        raise typer.Exit(EXIT_ERROR) from error
    if as_json:
        print(json.dumps(answer.as_dict(), ensure_ascii=False))
        return
    table = Table(title=f"{escape(answer.office.name)} on {answer.on}", show_header=False)
    table.add_column(style="bold")
    table.add_column()
    if answer.holder is not None and answer.term is not None:
        holder = escape(answer.holder.name) + (
            " [yellow](acting)[/yellow]" if answer.acting else ""
        )
        table.add_row("holder", holder)
        table.add_row("term", _span(answer.term.start, answer.term.end))
        table.add_row("source", escape(answer.term.source))
    else:
        table.add_row("holder", "[dim]vacant, or no term in the knowledge base[/dim]")
    if answer.elect is not None and answer.elect_term is not None:
        table.add_row(
            "elect",
            f"{escape(answer.elect.name)} (elected {answer.elect_term.elected}, "
            f"takes office {answer.elect_term.start})",
        )
    out.print(table)


@app.command(epilog='Example: dossier actor "Lukashenka" --db news.db')
def actor(
    name: Annotated[
        str, typer.Argument(help="Name, alias, surname or id: Lukashenka, EAEU, person:...")
    ],
    db: DbOption = None,
    kb_dir: KbDirOption = None,
    limit: Annotated[int, typer.Option(help="Most documents to list under mentions.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """An actor: aliases, offices and memberships over time, members, mentions in the corpus."""
    from dossier.kb.queries import actor_profiles

    kb = _load_kb(kb_dir)
    with _reported():
        profiles = actor_profiles(kb, name)
    mentions, note = _mentions_by_document(db, [p.actor.id for p in profiles], limit)
    if as_json:
        record = {
            "query": name,
            "profiles": [p.as_dict() for p in profiles],
            "mentions": mentions,
            "mentions_note": note,
        }
        print(json.dumps(record, ensure_ascii=False, default=str))
        return
    if len(profiles) > 1:
        out.print(
            f"[yellow]{escape(name)!r} may mean {len(profiles)} actors:[/yellow] "
            + ", ".join(escape(p.actor.id) for p in profiles)
        )
    for profile in profiles:
        _print_profile(profile)
    out.rule("mentions in the corpus")
    if mentions is None:
        out.print(f"[dim]{escape(note or '')}[/dim]")
        return
    if not mentions:
        out.print(f"[dim]no stored mention of {escape(name)}[/dim]")
        return
    table = Table(title=f"documents mentioning {escape(name)} (most mentions first)")
    for column in ("doc_id", "date", "outlet", "title", "mentions"):
        table.add_column(column, justify="right" if column == "mentions" else "left")
    for row in mentions:
        table.add_row(
            row["doc_id"],
            row["pub_date"] or "undated",
            escape(row["outlet"] or ""),
            escape(_cut(row["title"], 60)),
            str(row["mentions"]),
        )
    out.print(table)


def _print_profile(profile: Any) -> None:
    actor = profile.actor
    table = Table(title=f"{escape(actor.name)} [dim]{escape(actor.id)}[/dim]", show_header=False)
    table.add_column(style="bold")
    table.add_column()
    for key in ("type", "country", "sector", "qid"):
        value = getattr(actor, key)
        if value:
            table.add_row(key, escape(value))
    table.add_row("aliases", escape(" | ".join(actor.aliases)) or "—")
    table.add_row("source", escape(actor.source))
    if profile.matched_by not in ("id", "name"):
        table.add_row("found by", profile.matched_by)
    out.print(table)
    if profile.offices:
        offices = Table(title="offices over time", expand=True)
        for column in ("office", "from – to", "acting", "elected"):
            offices.add_column(column, no_wrap=True)
        offices.add_column("source", ratio=1, no_wrap=True, overflow="ellipsis")
        for spell in profile.offices:
            offices.add_row(
                escape(spell.office),
                _span(spell.start, spell.end),
                "acting" if spell.acting else "",
                spell.elected or "",
                escape(_cut(spell.source, 50)),
            )
        out.print(offices)
    for title, spells, other in (
        ("memberships over time", profile.memberships, "org"),
        ("members over time", profile.members, "member"),
    ):
        if not spells:
            continue
        table = Table(title=title, expand=True)
        for column in (other, "status", "from – to"):
            table.add_column(column, no_wrap=True)
        table.add_column("source", ratio=1, no_wrap=True, overflow="ellipsis")
        for spell in spells:
            table.add_row(
                escape(getattr(spell, other)),
                spell.status,
                _span(spell.start, spell.end),
                escape(_cut(spell.source, 50)),
            )
        out.print(table)


def _mentions_by_document(
    db: str | None, actor_ids: list[str], limit: int
) -> tuple[list[dict[str, Any]] | None, str | None]:
    """Mention counts per document for ``actor_ids``, or None and why there are none to show.

    A store that does not exist yet is not created: the KB part of ``actor`` needs none.
    """
    from sqlalchemy import bindparam, inspect, text

    from dossier.settings import resolve_db

    location = resolve_db(db)
    if "://" not in location and not Path(location).exists():
        return None, f"no store at {location}: give --db to count mentions in a corpus"
    try:
        dossier = Dossier(db)
    except DossierError as error:
        return None, f"mentions not shown: {error}"
    with dossier:
        engine = dossier.store.engine
        if "mentions" not in inspect(engine).get_table_names():
            return None, "no mentions stored yet: run dossier annotate"
        query = text(
            "SELECT m.doc_id, d.pub_date, d.outlet, d.title, COUNT(*) AS mentions "
            "FROM mentions m JOIN documents d ON d.doc_id = m.doc_id "
            "WHERE m.actor_id IN :ids "
            "GROUP BY m.doc_id, d.pub_date, d.outlet, d.title "
            "ORDER BY mentions DESC, d.pub_date, m.doc_id LIMIT :limit"
        ).bindparams(bindparam("ids", expanding=True))
        with engine.connect() as connection:
            rows = connection.execute(query, {"ids": actor_ids, "limit": limit}).mappings()
            return [dict(row) for row in rows], None


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
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Validate the knowledge base and count what it holds; optionally cross-check its leaders."""
    kb = _load_kb(kb_dir)
    counts = {
        "actors": len(kb.actors),
        "offices": len(kb.offices),
        "terms": len(kb.terms),
        "memberships": len(kb.memberships),
        "places": len(kb.places),
        "demonyms": len(kb.demonyms),
    }
    record: dict[str, Any] = {"valid": True, "counts": counts}
    if leaders_from is not None:
        from dossier.kb.importers.leaders import compare_with_curated, read_leader_datasets

        try:
            datasets = read_leader_datasets(leaders_from)
        except (FileNotFoundError, OSError) as error:
            err.print(f"[red]error:[/red] --leaders-from: {escape(str(error))}")
            raise typer.Exit(EXIT_ERROR) from error
        spells = [spell for dataset in datasets for spell in dataset.spells]
        wanted = [c.upper() for c in country] if country else None
        disagreements = compare_with_curated(kb, spells, countries=wanted)
        record["datasets"] = [
            {
                "dataset": d.dataset,
                "file": d.file,
                "spells": len(d.spells),
                "unread": len(d.problems),
            }
            for d in datasets
        ]
        record["disagreements"] = [d.__dict__ for d in disagreements]
    if as_json:
        print(json.dumps(record, ensure_ascii=False))
        return
    table = Table(title="knowledge base: valid", show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    for kind, count in counts.items():
        table.add_row(kind, str(count))
    out.print(table)
    if leaders_from is None:
        return
    for dataset in record["datasets"]:
        out.print(
            f"{dataset['dataset']}: {dataset['spells']} spells from {escape(dataset['file'])}"
            + (f", {dataset['unread']} rows unread" if dataset["unread"] else "")
        )
    if not disagreements:
        out.print("[green]no disagreement with REIGN or Archigos[/green]")
        return
    by_country: dict[str, list[Any]] = {}
    for item in disagreements:
        by_country.setdefault(item.country, []).append(item)
    out.print(f"{len(disagreements)} disagreements in {len(by_country)} countries")
    for iso3, items in by_country.items():
        table = Table(title=f"{iso3}: {len(items)} disagreements")
        for column in ("day", "dataset", "dataset leader", "curated", "kind", "source"):
            table.add_column(column)
        for item in items:
            table.add_row(
                item.day,
                item.dataset,
                escape(item.dataset_leader),
                escape("; ".join(item.curated) or "—"),
                item.kind,
                escape(item.source),
            )
        out.print(table)


IMPORT_SOURCES = ("phoenix", "geonames")


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
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Turn an external dataset into CSV files in the knowledge base's shape, for review."""
    if source not in IMPORT_SOURCES:
        err.print(f"[red]error:[/red] unknown source {escape(source)!r}: use phoenix or geonames")
        raise typer.Exit(EXIT_ERROR)
    if not path.is_file():
        err.print(f"[red]error:[/red] {escape(str(path))}: no such file")
        raise typer.Exit(EXIT_ERROR)
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
                err.print(f"[red]error:[/red] {escape(str(codes))}: no such file (--country-info)")
                raise typer.Exit(EXIT_ERROR)
            result = import_geonames(path, codes, min_population=min_population)
            written = write_geonames(result, out_dir)
            rows = {
                "places": len(result.places),
                "capitals": sum(p.kind == "capital" for p in result.places),
            }
    except ValueError as error:
        err.print(f"[red]error:[/red] --out: {escape(str(error))}")
        raise typer.Exit(EXIT_ERROR) from error
    for problem in result.problems[:20]:
        err.print(f"[yellow]unread:[/yellow] {escape(path.name)} {escape(str(problem))}")
    if len(result.problems) > 20:
        err.print(f"[yellow]… and {len(result.problems) - 20} more unread lines[/yellow]")
    if as_json:
        record = {
            "source": source,
            "path": str(path),
            "rows": rows,
            "unread": len(result.problems),
            "files": [str(f) for f in written],
        }
        print(json.dumps(record, ensure_ascii=False))
        return
    table = Table(title=f"kb import {source} from {escape(path.name)}", show_header=False)
    table.add_column(style="bold")
    table.add_column()
    for kind, count in rows.items():
        table.add_row(kind, str(count))
    table.add_row("unread lines", str(len(result.problems)))
    table.add_row("written", escape("\n".join(str(f) for f in written)))
    out.print(table)


@eval_app.command(
    "mentions", epilog="Example: dossier eval mentions --gold ../shared/gold/dossier --json"
)
def eval_mentions(
    gold: Annotated[Path, typer.Option(help="Folder of dossier-format gold (*.json with 'doc').")],
    kb_dir: Annotated[
        Path | None,
        typer.Option(
            "--kb",
            help="A folder of KB CSV files instead of the package's own.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON line.")] = False,
) -> None:
    """Mention linking given the gold date: actors, roles at the date, metonyms, coreference."""
    from dossier.evaluate.mentions import evaluate_mentions
    from dossier.kb.loader import KnowledgeBase, default_kb

    with _reported():
        kb = KnowledgeBase.load(kb_dir) if kb_dir is not None else default_kb()
    result = _run_scorer("linking", lambda advance: evaluate_mentions(gold, on_item=advance, kb=kb))
    _print_scores(result)
    out.print(
        f"mention recall: {_fmt(result['mention_recall'])}   "
        f"actor accuracy: {_fmt(result['actor_accuracy'])}   "
        f"role accuracy: {_fmt(result['role_accuracy'])} "
        f"({result['roles_scored']} scored, {result['roles_unknown']} unknown to the KB)   "
        f"in boilerplate: {result['in_boilerplate']}   date from: {result['date_from']}"
    )
    table = Table(title="per document")
    columns = ("gold", "found", "actor_right", "roles_scored", "roles_right", "tp", "fp")
    for column in ("doc", "date", *columns):
        table.add_column(column, justify="right")
    for row in result["per_document"]:
        table.add_row(escape(row["doc"]), str(row["date"]), *(str(row[c]) for c in columns))
    out.print(table)
    for error in result["errors"]:
        out.print(
            f"  [yellow]{escape(error['doc'])}[/yellow] {error['kind']}: "
            f"{escape(repr(error['text']))} gold {escape(str(error['gold_actor']))}"
            f" / {escape(str(error['gold_role']))}, got {escape(str(error['predicted_actor']))}"
            f" / {escape(str(error['predicted_role']))}"
        )
    if as_json:
        print(json.dumps(result, ensure_ascii=False))


@eval_app.command(
    "timex",
    epilog="Example: dossier eval timex --gold ../shared/gold/tempeval3/TBAQ-cleaned --json",
)
def eval_timex(
    gold: Annotated[
        Path,
        typer.Option(
            help="TimeML gold (a .tml file, or a folder of them, subfolders too) or a folder of "
            "dossier-format gold (*.json with 'doc')."
        ),
    ],
    errors: Annotated[
        int, typer.Option(help="Show the most frequent errors, this many (0: none).")
    ] = 15,
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON line.")] = False,
) -> None:
    """Time expressions: span P/R/F1 (strict, relaxed), type and value accuracy and F1
    (TempEval-3 Task A), dateparser's search_dates as the baseline."""
    from dossier.evaluate.timex import evaluate_timex, summarise_errors

    result = _run_scorer("tagging", lambda advance: evaluate_timex(gold, on_item=advance))
    _print_scores(result)
    metrics = ("strict_f1", "relaxed_f1", "type_accuracy", "value_accuracy", "value_f1")
    table = Table(title="TIMEX3 figures (dossier / baseline)")
    for column in ("system", *metrics):
        table.add_column(column, justify="right")
    for name, figures in (("dossier", result), ("baseline", result.get("baseline") or {})):
        table.add_row(name, *(_fmt(figures.get(m)) for m in metrics))
    out.print(table)
    if result.get("per_type"):
        per_type = Table(title="per gold type")
        for column in ("type", "n", "precision", "recall", "f1", "value_accuracy", "value_f1"):
            per_type.add_column(column, justify="right")
        for label, figures in result["per_type"].items():
            per_type.add_row(
                label,
                *(
                    _fmt(figures.get(k))
                    for k in ("n", "precision", "recall", "f1", "value_accuracy", "value_f1")
                ),
            )
        out.print(per_type)
    for text, count in summarise_errors(result.get("errors", []), limit=errors):
        out.print(f"  [yellow]{count}×[/yellow] {escape(text)}")
    if as_json:
        print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    app()
