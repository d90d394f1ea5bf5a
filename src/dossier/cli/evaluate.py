"""The ``eval`` commands: each runs a scorer of ``dossier.evaluate`` and prints its figures.

``eval mentions`` and ``eval timex`` take ``--kb-dir``: the pipeline they measure is then the
one ``annotate --kb-dir`` runs, ``PipelineConfig(kb_dir=...)``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from dossier.cli import render
from dossier.cli.app import KbDirOption, eval_app, fail, reported
from dossier.cli.render import fmt, out
from dossier.query import to_json

if TYPE_CHECKING:
    from spacy.language import Language

EndJsonOption = Annotated[bool, typer.Option("--json", help="End with one JSON line.")]
DossierGoldOption = Annotated[
    Path, typer.Option(help="Folder of dossier-format gold (*.json with 'doc').")
]


def _run_scorer(
    label: str, score: Callable[[Callable[[str], None]], dict[str, Any]]
) -> dict[str, Any]:
    """Run an evaluation behind a progress bar and print its headline scores; a gold error ends
    the command with code 2.

    label: what the bar says while it runs.
    score: the evaluation, given a callback to call once per item scored.
    """
    with reported(), render.progress() as progress:
        task = progress.add_task(label, total=None)
        result = score(lambda _: progress.advance(task))
    render.print_scores(result)
    return result


def _pipeline(kb_dir: Path | None) -> Language | None:
    """The production pipeline on the KB in ``kb_dir``; None (the scorer's default) without."""
    if kb_dir is None:
        return None
    from dossier.nlp import PipelineConfig, load_pipeline

    with reported():
        return load_pipeline(PipelineConfig(kb_dir=str(kb_dir)))


def _end_with_json(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(to_json(result))


@eval_app.command(
    "extract",
    epilog="Example: dossier eval extract --gold ../shared/gold/article_extraction --json",
)
def eval_extract(
    gold: Annotated[Path, typer.Option(help="Folder with html/*.html.gz and ground-truth.json.")],
    as_json: EndJsonOption = False,
) -> None:
    """HTML main-text extraction: 4-gram shingle P/R/F1, plain trafilatura as the baseline."""
    from dossier.evaluate.extract import evaluate_extraction

    result = _run_scorer("extracting", lambda advance: evaluate_extraction(gold, on_item=advance))
    _end_with_json(result, as_json)


@eval_app.command("metadata", epilog="Example: dossier eval metadata --gold sample/gold --json")
def eval_metadata(
    gold: DossierGoldOption,
    as_json: EndJsonOption = False,
) -> None:
    """Cleaning and metadata (date, outlet, author, dateline, genre) against dossier gold."""
    from dossier.evaluate.metadata import evaluate_metadata

    result = _run_scorer("scoring", lambda advance: evaluate_metadata(gold, on_item=advance))
    render.print_figure_table(
        "per field", "field", result["per_field"], ("n", "precision", "recall", "f1", "accuracy")
    )
    out.print(
        f"boilerplate removed: {fmt(result['boilerplate_removed'])}   "
        f"body kept: {fmt(result['body_kept'])}"
    )
    for miss in result["mismatches"]:
        out.print(
            f"  [yellow]{escape(miss['doc'])}[/yellow] {miss['field']}: gold "
            f"{escape(repr(miss['gold']))}, got {escape(repr(miss['predicted']))}"
        )
    _end_with_json(result, as_json)


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
    as_json: EndJsonOption = False,
) -> None:
    """Named entities: exact-span P/R/F1 per type, the plain spaCy pipeline as the baseline."""
    from dossier.evaluate.ner import NER_CONFIG, evaluate_ner

    unknown = sorted(set(without or ()) - set(NER_CONFIG.components))
    if unknown:
        fail(
            f"no dossier component {escape(', '.join(unknown))} in the NER pipeline; "
            f"choose from {escape(', '.join(NER_CONFIG.components))}"
        )
    result = _run_scorer(
        "recognising", lambda advance: evaluate_ner(gold, on_item=advance, without=without or ())
    )
    baseline = result["baseline"]["per_type"]
    rows = {
        label: {**figures, "baseline f1": baseline.get(label, {}).get("f1")}
        for label, figures in result["per_type"].items()
    }
    render.print_figure_table(
        "per type (dossier / baseline)",
        "type",
        rows,
        ("n", "precision", "recall", "f1", "baseline f1"),
    )
    out.print(f"components: {escape(', '.join(result['components']) or 'none')}")
    _end_with_json(result, as_json)


@eval_app.command(
    "mentions", epilog="Example: dossier eval mentions --gold ../shared/gold/dossier --json"
)
def eval_mentions(
    gold: DossierGoldOption,
    kb_dir: KbDirOption = None,
    as_json: EndJsonOption = False,
) -> None:
    """Mention linking given the gold date: actors, roles at the date, metonyms, coreference."""
    from dossier.evaluate.mentions import evaluate_mentions

    result = _run_scorer(
        "linking", lambda advance: evaluate_mentions(gold, on_item=advance, kb_dir=kb_dir)
    )
    out.print(
        f"mention recall: {fmt(result['mention_recall'])}   "
        f"actor accuracy: {fmt(result['actor_accuracy'])}   "
        f"role accuracy: {fmt(result['role_accuracy'])} "
        f"({result['roles_scored']} scored, {result['roles_unknown']} unknown to the KB)   "
        f"in boilerplate: {result['in_boilerplate']}   date from: {result['date_from']}"
    )
    columns = ("date", "gold", "found", "actor_right", "roles_scored", "roles_right", "tp", "fp")
    render.print_figure_table(
        "per document", "doc", {row["doc"]: row for row in result["per_document"]}, columns
    )
    for error in result["errors"]:
        out.print(
            f"  [yellow]{escape(error['doc'])}[/yellow] {error['kind']}: "
            f"{escape(repr(error['text']))} gold {escape(str(error['gold_actor']))}"
            f" / {escape(str(error['gold_role']))}, got {escape(str(error['predicted_actor']))}"
            f" / {escape(str(error['predicted_role']))}"
        )
    _end_with_json(result, as_json)


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
    kb_dir: KbDirOption = None,
    errors: Annotated[
        int, typer.Option(help="Show the most frequent errors, this many (0: none).")
    ] = 15,
    as_json: EndJsonOption = False,
) -> None:
    """Time expressions: span P/R/F1 (strict, relaxed), type and value accuracy and F1
    (TempEval-3 Task A), dateparser's search_dates as the baseline."""
    from dossier.evaluate.timex import evaluate_timex, summarise_errors

    nlp = _pipeline(kb_dir)
    result = _run_scorer("tagging", lambda advance: evaluate_timex(gold, on_item=advance, nlp=nlp))
    metrics = ("strict_f1", "relaxed_f1", "type_accuracy", "value_accuracy", "value_f1")
    render.print_figure_table(
        "TIMEX3 figures (dossier / baseline)",
        "system",
        {"dossier": result, "baseline": result.get("baseline") or {}},
        metrics,
    )
    if result.get("per_type"):
        render.print_figure_table(
            "per gold type",
            "type",
            result["per_type"],
            ("n", "precision", "recall", "f1", "value_accuracy", "value_f1"),
        )
    for text, count in summarise_errors(result.get("errors", []), limit=errors):
        out.print(f"  [yellow]{count}×[/yellow] {escape(text)}")
    _end_with_json(result, as_json)


@eval_app.command("quotes", epilog="Example: dossier eval quotes --gold sample/gold --json")
def eval_quotes(
    gold: Annotated[
        Path,
        typer.Option(
            help="A PolNeAR split (text/ and attributions/, e.g. "
            "../shared/gold/polnear/data/dev) or a folder of dossier-format gold."
        ),
    ],
    predictions: Annotated[
        Path | None,
        typer.Option(help="Write the predictions here: one JSON line per text."),
    ] = None,
    limit: Annotated[
        int | None, typer.Option(help="Score only the first N texts of a PolNeAR split.")
    ] = None,
    kb_dir: KbDirOption = None,
    as_json: EndJsonOption = False,
) -> None:
    """Quotes and speakers: token-overlap P/R/F1 and speaker accuracy, for direct quotes and
    for all; textacy's direct_quotations as the baseline on PolNeAR (when installed)."""
    from dossier.evaluate.quotes import evaluate_quotes

    folder = None if kb_dir is None else str(kb_dir)
    result = _run_scorer(
        "quoting",
        lambda advance: evaluate_quotes(
            gold, on_item=advance, predictions_file=predictions, kb_dir=folder, limit=limit
        ),
    )
    columns = ("n", "predicted", "precision", "recall", "f1", "speaker_accuracy")
    rows = {name: result[name] for name in ("direct", "direct_partial", "all") if name in result}
    rows.update(result.get("per_kind", {}))
    baseline = result.get("baseline") or {}
    rows.update(
        {f"baseline {name}": baseline[name] for name in ("direct", "all") if name in baseline}
    )
    render.print_figure_table("quotes", "subset", rows, columns)
    not_quotes = result.get("not_quotes")
    if not_quotes:
        out.print(
            f"not-quotes reported as speech: {not_quotes['reported']} of {not_quotes['gold']}"
        )
        for item in not_quotes["strings"]:
            out.print(f"  [yellow]{escape(item['doc'])}[/yellow] {escape(repr(item['text']))}")
    _end_with_json(result, as_json)


@eval_app.command(
    "events",
    epilog="Example: dossier eval events --gold ../shared/gold/plover/PLOVER_GSR_CAMEO.dev.json",
)
def eval_events(
    gold: Annotated[
        Path,
        typer.Option(
            help="PLOVER gold records (.json), PETRARCH2 unit-test records (.jsonl) or a "
            "folder of dossier-format gold."
        ),
    ],
    kb_dir: KbDirOption = None,
    as_json: EndJsonOption = False,
) -> None:
    """Events: PLOVER type accuracy, macro-F1 and source/target country accuracy beside the
    majority baseline; CAMEO agreement; event P/R/F1, modality and date accuracy."""
    from dossier.evaluate.events import evaluate_events

    folder = None if kb_dir is None else str(kb_dir)
    result = _run_scorer(
        "coding", lambda advance: evaluate_events(gold, on_item=advance, kb_dir=folder)
    )
    if result["format"] == "plover":
        metrics = ("type_accuracy", "macro_f1", "source_accuracy", "target_accuracy")
        render.print_figure_table(
            "PLOVER (dossier / baseline)",
            "system",
            {"dossier": result, "baseline": result["baseline"]},
            metrics,
        )
    elif result["format"] == "dossier":
        for miss in result["missed"]:
            out.print(
                f"  [yellow]{escape(miss['doc'])}[/yellow] {miss['type']}: missed "
                f"{escape(repr(miss['text']))}"
            )
    _end_with_json(result, as_json)


@eval_app.command(
    "stance", epilog="Example: dossier eval stance --gold ../shared/gold/dossier-real --json"
)
def eval_stance(
    gold: DossierGoldOption,
    kb_dir: KbDirOption = None,
    as_json: EndJsonOption = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", help="Also list the spurious pairs with their evidence, and error kinds."
        ),
    ] = False,
) -> None:
    """Stance: holder+target+polarity P/R/F1 and polarity accuracy over matched pairs, beside
    a baseline that gives every predicted pair the gold's majority polarity. Each miss names
    its kind (polarity, other-holder, other-target, none)."""
    from dossier.evaluate.stance import evaluate_stance

    folder = None if kb_dir is None else str(kb_dir)
    result = _run_scorer(
        "reading stances", lambda advance: evaluate_stance(gold, on_item=advance, kb_dir=folder)
    )
    render.print_figure_table(
        "stance (dossier / baseline / a person's stance counting for his country)",
        "system",
        {"dossier": result, "baseline": result["baseline"], "by country": result["by_country"]},
        ("precision", "recall", "f1", "polarity_accuracy"),
    )
    for miss in result["missed"]:
        got = "nothing" if miss["predicted"] is None else f"{miss['predicted']:+d}"
        out.print(
            f"  [yellow]{escape(miss['doc'])}[/yellow] missed {escape(miss['holder'])} -> "
            f"{escape(miss['target'])} {miss['polarity']:+d} (predicted {got}; {miss['kind']})"
        )
        if verbose and miss.get("evidence"):
            out.print(f"      gold evidence: {escape(repr(miss['evidence']))}")
            for line in miss["at_evidence"]:
                out.print(f"      read there: {escape(line)}")
    if verbose:
        for extra in result["spurious"]:
            out.print(
                f"  [yellow]{escape(extra['doc'])}[/yellow] spurious {escape(extra['holder'])} -> "
                f"{escape(extra['target'])} {extra['polarity']:+d} ({extra['kind']})"
            )
            for line in extra["evidence"]:
                out.print(f"      {escape(line)}")
        kinds = result["error_kinds"]
        out.print(f"  error kinds: missed {kinds['missed']}, spurious {kinds['spurious']}")
    _end_with_json(result, as_json)
