"""How the command line shows answers: Rich tables on stdout, progress and errors on stderr.

Every function takes a record (or ``Records``) of ``dossier.query`` and prints it; none reads
the store or builds JSON. stdout stays clean for ``--json``: bars and warnings go to stderr.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

if TYPE_CHECKING:
    from dossier.kb.queries import ActorProfile, WhoAnswer
    from dossier.kb.records import Actor, Place
    from dossier.model import Mention, Sentence, Timex
    from dossier.query import (
        ActorReport,
        AnnotationState,
        DocumentDetail,
        KbCheck,
        MentionCount,
        Records,
    )
    from dossier.store.records import DocumentSummary, SearchHit, StoreStats, StoryCopy

out = Console()
err = Console(stderr=True, soft_wrap=True)  # one line per failure, however long

#: Labels of names that, unlinked, are places named as places rather than unknown actors.
PLACE_LABELS = ("GPE", "LOC", "FAC")

#: Highlight markers no article contains, turned into Rich markup after escaping the snippet.
MARK_ON, MARK_OFF = "\x02", "\x03"

#: The fields of ``show``, in the order shown.
DETAIL_FIELDS = (
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
)


class DrawnProgress(Progress):
    """A Rich ``Progress`` that redraws when a task moves, at most ten times a second, instead
    of from a refresh thread: with no thread running, ``annotate --workers N`` can fork its
    workers (each inheriting the loaded pipeline) rather than spawn them."""

    #: Seconds between two redraws at least.
    INTERVAL = 0.1

    def __init__(self, *columns: Any, **options: Any) -> None:
        super().__init__(*columns, auto_refresh=False, **options)
        self._drawn = 0.0

    def update(self, task_id: TaskID, **changes: Any) -> None:
        super().update(task_id, **changes)
        self._draw()

    def advance(self, task_id: TaskID, advance: float = 1) -> None:
        super().advance(task_id, advance)
        self._draw()

    def _draw(self) -> None:
        now = time.monotonic()
        if now - self._drawn >= self.INTERVAL:
            self._drawn = now
            self.refresh()


def progress() -> Progress:
    """A progress bar on stderr: spinner, description, bar, done/total, elapsed; drawn as it
    advances (no refresh thread, see ``DrawnProgress``)."""
    return DrawnProgress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )


def print_json(text: str) -> None:
    """Print JSON from the query API as is (nothing at all for no JSON lines)."""
    if text:
        print(text)


def cut(text: str | None, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis; "" for None."""
    if not text:
        return ""
    return text if len(text) <= width else text[: width - 1] + "…"


def fmt(value: Any) -> str:
    """A figure as shown: floats to three places, None as nothing."""
    if isinstance(value, float):
        return f"{value:.3f}"
    return "" if value is None else str(value)


def shown_date(pub_date: str | None, estimated: bool) -> str:
    """A publication date as every command shows it: "undated", or "2021 (estimated)" when it
    was estimated from the content rather than stated."""
    if pub_date is None:
        return "undated"
    return f"{pub_date} (estimated)" if estimated else pub_date


def span(start: str | None, end: str | None) -> str:
    return f"{start or '?'} – {end or 'now'}"


def key_value_table(title: str | None = None, justify: str = "left") -> Table:
    table = Table(title=title, show_header=False)
    table.add_column(style="bold")
    table.add_column(justify=justify)  # type: ignore[arg-type]
    return table


# --- documents ------------------------------------------------------------------------------------


def print_documents(documents: Records[DocumentSummary]) -> None:
    table = Table(title=f"{len(documents)} documents")
    table.add_column("doc_id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    for column in ("outlet", "author", "lang", "title"):
        table.add_column(column)
    for row in documents:
        table.add_row(
            row.doc_id,
            shown_date(row.pub_date, row.date_is_estimated),
            escape(row.outlet or ""),
            escape(row.author or ""),
            row.language or "",
            escape(cut(row.title, 60)),
        )
    out.print(table)


def print_duplicates(copies: Records[StoryCopy]) -> None:
    table = Table(title=f"{len({c.story_id for c in copies})} stories with copies")
    for column in ("story", "doc_id", "date"):
        table.add_column(column, no_wrap=True)
    for column in ("outlet", "title"):
        table.add_column(column)
    previous = None
    for row in copies:
        story = row.story_id if row.story_id != previous else ""
        previous = row.story_id
        table.add_row(
            story,
            row.doc_id,
            shown_date(row.pub_date, row.date_is_estimated),
            escape(row.outlet or ""),
            escape(cut(row.title, 60)),
        )
    out.print(table)


def print_document(detail: DocumentDetail, original: bool) -> None:
    record = detail.as_dict()
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    for key in DETAIL_FIELDS:
        value = record[key]
        if key == "date":
            value = shown_date(value, record["date_is_estimated"])
        if value is not None:
            table.add_row(key, escape(str(value)))
    table.add_row("sources", escape("\n".join(detail.sources)))
    table.add_row(
        "removed",
        ", ".join(f"{s['reason']} {s['start']}–{s['end']}" for s in record["removed"]) or "nothing",
    )
    out.print(table)
    out.rule()
    document = detail.document
    out.print(escape(document.original_text if original else document.clean_text))


def print_search(query: str, hits: Records[SearchHit]) -> None:
    """Hits with snippets whose matches sit between ``MARK_ON`` and ``MARK_OFF``."""
    if not hits:
        out.print(f"no document matches {escape(query)!r}")
        return
    for hit in hits:
        out.print(
            f"[bold]{hit.doc_id}[/bold]  {shown_date(hit.pub_date, hit.date_is_estimated)}  "
            f"{escape(hit.outlet or '')}  [italic]{escape(cut(hit.title, 70))}[/italic]"
        )
        snippet = escape(hit.snippet).replace(MARK_ON, "[bold yellow]").replace(MARK_OFF, "[/]")
        out.print(f"    {snippet}")


def print_stats(stats: StoreStats) -> None:
    table = Table(title="dossier store", show_header=False)
    table.add_column(style="bold")
    table.add_column()
    for name, value in vars(stats).items():
        if name == "last_run" and value is not None:
            value = vars(value)
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items()) or "—"
        elif isinstance(value, list | tuple):
            value = " … ".join(str(v) for v in value) if value else "—"
        table.add_row(name.replace("_", " "), escape(str(value)))
    out.print(table)


def print_ingest(location: str, summary: Any) -> None:
    table = Table(title=f"ingest into {escape(location)}", show_header=True)
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


# --- facts ----------------------------------------------------------------------------------------


def print_annotate(location: str, summary: Any) -> None:
    """The annotate driver's summary: documents, facts found, and what ran where."""
    table = key_value_table(f"annotate {escape(location)}", justify="right")
    figures = {
        "annotated": summary.annotated,
        "already done": summary.skipped,
        "mentions": summary.mentions,
        "linked to the KB": summary.linked,
        "timexes": summary.timexes,
        "sentences": summary.sentences,
        "events": summary.events,
        "stances": summary.stances,
        "dates estimated": summary.estimated,
        "workers": f"{summary.workers} ({summary.engine})",
        "seconds": f"{summary.seconds:.1f}",
    }
    for name, value in figures.items():
        table.add_row(name, str(value))
    out.print(table)
    if summary.ran:
        ran = ", ".join(f"{name} {count}" for name, count in sorted(summary.ran.items()))
        out.print(f"extractors run (documents): {ran}")
    grouped = getattr(summary, "statements", None)
    if grouped is not None:
        out.print(
            f"statements: {grouped.read} quotes make {grouped.made} statements, "
            f"{grouped.repeated} carried by several documents ({grouped.seconds:.1f} s)"
        )
    merged = getattr(summary, "merged_events", None)
    if merged is not None:
        out.print(
            f"events: {merged.read} reports make {merged.made} events, "
            f"{merged.repeated} reported by several documents ({merged.seconds:.1f} s)"
        )
    if summary.unsupported:
        languages = ", ".join(f"{lang}: {n}" for lang, n in sorted(summary.unsupported.items()))
        out.print(f"not annotated, in a language the pipeline does not read: {languages}")


def nothing_stored(what: str, state: AnnotationState | None) -> str:
    """Why a document has no ``what`` to show: none found, not annotated yet, or a language
    the pipeline does not read."""
    if state is None:
        return f"no {what} stored for this document"
    if state.state == "annotated":
        return f"no {what} found in this document (it is annotated)"
    if state.state == "unsupported language":
        return (
            f"no {what}: the document is in a language the pipeline does not read "
            f"({state.language or 'unknown'}); it is stored and searchable, not annotated"
        )
    return f"no {what} yet: the document is not annotated; run dossier annotate"


def _facts_table(
    facts: Records[Any], what: str, state: AnnotationState | None, columns: tuple[str, ...]
) -> Table | None:
    """An empty table for a document's ``facts``, titled with how many there are; None when
    there are none, once ``nothing_stored`` has said why."""
    if not facts:
        out.print(nothing_stored(what, state))
        return None
    table = Table(title=f"{len(facts)} {what}")
    for column in columns:
        table.add_column(column)
    return table


def print_mentions(mentions: Records[Mention], state: AnnotationState | None = None) -> None:
    table = _facts_table(mentions, "mentions", state, ("chars", "text", "actor", "role", "how"))
    if table is None:
        return
    for mention in mentions:
        actor = mention.actor or ""
        if mention.actor_id is None:
            actor += " (place)" if mention.label in PLACE_LABELS else " (not in KB)"
        if mention.metonym:
            actor += " (metonym)"
        table.add_row(
            f"{mention.start}–{mention.end}",
            escape(mention.text),
            escape(actor),
            escape(mention.role or ""),
            mention.resolution or "",
        )
    out.print(table)


def print_timexes(timexes: Records[Timex], state: AnnotationState | None = None) -> None:
    columns = ("chars", "text", "type", "value", "anchor")
    table = _facts_table(timexes, "time expressions", state, columns)
    if table is None:
        return
    for timex in timexes:
        table.add_row(
            f"{timex.start}–{timex.end}",
            escape(timex.text),
            timex.type,
            timex.value,
            timex.anchor or "",
        )
    out.print(table)


def print_sentences(sentences: Records[Sentence], state: AnnotationState | None = None) -> None:
    table = _facts_table(sentences, "sentences", state, ("#", "reference time", "sentence"))
    if table is None:
        return
    for sentence in sentences:
        table.add_row(
            str(sentence.index),
            sentence.reference_time or "—",
            escape(cut(" ".join(sentence.text.split()), 90)),
        )
    out.print(table)


# --- the knowledge base ---------------------------------------------------------------------------


def print_who(answer: WhoAnswer) -> None:
    table = key_value_table(f"{escape(answer.office.name)} on {answer.on}")
    if answer.holder is not None and answer.term is not None:
        holder = escape(answer.holder.name) + (
            " [yellow](acting)[/yellow]" if answer.acting else ""
        )
        table.add_row("holder", holder)
        table.add_row("term", span(answer.term.start, answer.term.end))
        table.add_row("source", escape(answer.term.source))
    elif answer.members:
        for actor, term in answer.members:
            table.add_row("member", f"{escape(actor.name)} ({span(term.start, term.end)})")
    else:
        table.add_row("holder", "[dim]vacant, or no term in the knowledge base[/dim]")
    if answer.elect is not None and answer.elect_term is not None:
        table.add_row(
            "elect",
            f"{escape(answer.elect.name)} (elected {answer.elect_term.elected}, "
            f"takes office {answer.elect_term.start})",
        )
    out.print(table)


def print_actor(report: ActorReport) -> None:
    if len(report.profiles) > 1:
        out.print(
            f"[yellow]{escape(report.query)!r} may mean {len(report.profiles)} actors:[/yellow] "
            + ", ".join(escape(p.actor.id) for p in report.profiles)
        )
    for profile in report.profiles:
        print_profile(profile)
    if report.place is not None:
        print_place(report.place, report.stands_for)
    out.rule("mentions in the corpus" if report.place is None else "named as a place in the corpus")
    if report.mentions is None:
        out.print(f"[dim]{escape(report.mentions_note or '')}[/dim]")
        return
    if not report.mentions:
        out.print(f"[dim]no stored mention of {escape(report.query)}[/dim]")
        return
    print_mention_counts(report.query, report.mentions)


def print_place(place: Place, stands_for: Actor | None) -> None:
    """A place of the knowledge base, and the actor its name stands for when it acts."""
    table = key_value_table(f"{escape(place.name)} [dim](place)[/dim]")
    table.add_row("kind", escape(place.kind))
    if place.country:
        table.add_row("country", escape(place.country))
    table.add_row("aliases", escape(" | ".join(place.aliases)) or "—")
    if place.geonames_id:
        table.add_row("geonames", escape(place.geonames_id))
    table.add_row("source", escape(place.source))
    out.print(table)
    if stands_for is not None:
        out.print(
            f'As an actor ("{escape(place.name)} said") the name stands for '
            f"{escape(stands_for.name)}: dossier actor {escape(stands_for.id)}"
        )


def print_mention_counts(name: str, counts: Records[MentionCount]) -> None:
    table = Table(title=f"documents mentioning {escape(name)} (most mentions first)")
    for column in ("doc_id", "date", "outlet", "title", "mentions"):
        table.add_column(column, justify="right" if column == "mentions" else "left")
    for row in counts:
        table.add_row(
            row.doc_id,
            shown_date(row.pub_date, row.date_is_estimated),
            escape(row.outlet or ""),
            escape(cut(row.title, 60)),
            str(row.mentions),
        )
    out.print(table)


def print_profile(profile: ActorProfile) -> None:
    actor = profile.actor
    table = key_value_table(f"{escape(actor.name)} [dim]{escape(actor.id)}[/dim]")
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
                span(spell.start, spell.end),
                "acting" if spell.acting else "",
                spell.elected or "",
                escape(cut(spell.source, 50)),
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
                span(spell.start, spell.end),
                escape(cut(spell.source, 50)),
            )
        out.print(table)


def print_kb_check(check: KbCheck) -> None:
    table = key_value_table("knowledge base: valid", justify="right")
    for kind, count in check.counts.items():
        table.add_row(kind, str(count))
    out.print(table)
    if check.datasets is None:
        return
    for dataset in check.datasets:
        out.print(
            f"{dataset.dataset}: {dataset.spells} spells from {escape(dataset.file)}"
            + (f", {dataset.unread} rows unread" if dataset.unread else "")
        )
    disagreements = check.disagreements or ()
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


# --- evaluations ----------------------------------------------------------------------------------


def print_scores(result: dict[str, Any]) -> None:
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
        table.add_row(name, *(fmt(figures.get(m)) for m in metrics))
    out.print(table)


def print_figure_table(
    title: str, key: str, rows: dict[str, dict[str, Any]], columns: tuple[str, ...]
) -> None:
    """One row per key of ``rows`` (a type, a field), one column per figure."""
    table = Table(title=title)
    for column in (key, *columns):
        table.add_column(column, justify="right")
    for name, figures in rows.items():
        table.add_row(escape(name), *(fmt(figures.get(column)) for column in columns))
    out.print(table)
