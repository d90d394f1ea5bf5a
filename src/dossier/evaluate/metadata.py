"""Scorer for cleaning and metadata against dossier-format gold.

Per field (date, outlet, author, dateline, genre), over the gold documents that state the field
(a key present, even as null): a prediction equal to the gold value (case and spacing aside) is a
true positive; a non-null prediction that differs is a false positive; a non-null gold value not
matched is a false negative. A null predicted for a null gold is right and counts only in
``accuracy``. Cleaning is scored by ``boilerplate_removed`` (the share of gold boilerplate strings
absent from the cleaned text) and ``body_kept`` (the share of gold quote and mention strings,
outside boilerplate, still present).

An undated document gets its date where ``dossier annotate`` gets it: from the pipeline's
``dossier_date_estimate`` component, run on the cleaned text.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from dossier.evaluate.gold import load_gold_folder
from dossier.evaluate.metrics import PRF, ratio
from dossier.ingest.clean import clean_text
from dossier.ingest.metadata import extract_metadata
from dossier.model import DateEstimate

FIELDS = ("date", "outlet", "author", "dateline", "genre")


def _same(predicted: Any, gold: Any) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    return " ".join(str(predicted).split()).casefold() == " ".join(str(gold).split()).casefold()


def estimate_date(text: str) -> DateEstimate | None:
    """The publication date the pipeline estimates for the undated cleaned ``text``."""
    from dossier.extract.document import DATE_ESTIMATE, prepare_doc
    from dossier.nlp import DEFAULT_CONFIG, load_pipeline

    nlp = load_pipeline(DEFAULT_CONFIG.only_up_to("dossier_date_estimate"))
    return nlp(prepare_doc(nlp, text))._.get(DATE_ESTIMATE)


def evaluate_metadata(
    gold_dir: Path, on_item: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """Score cleaning and metadata extraction on every gold document in ``gold_dir``.

    gold_dir: a folder of dossier-format gold files.
    on_item: called with each gold file's name once it is scored (for progress display).
    """
    started = time.perf_counter()
    documents = load_gold_folder(gold_dir)
    counts = {name: {"tp": 0, "fp": 0, "fn": 0, "right": 0, "n": 0} for name in FIELDS}
    mismatches: list[dict[str, Any]] = []
    boilerplate_total = boilerplate_removed = body_total = body_kept = 0
    for gold in documents:
        record = gold.record
        cleaned = clean_text(record.text, record.fields)
        meta = extract_metadata(record.text, cleaned, record.fields, source_format=record.format)
        if meta.date is None and (estimate := estimate_date(cleaned.text)) is not None:
            meta = replace(meta, date=estimate.value, date_source="estimated")
        for name in FIELDS:
            if name not in gold.annotation:
                continue
            expected, predicted = gold.annotation[name], getattr(meta, name)
            tally = counts[name]
            tally["n"] += 1
            if _same(predicted, expected):
                tally["right"] += 1
                tally["tp"] += expected is not None
                continue
            tally["fp"] += predicted is not None
            tally["fn"] += expected is not None
            mismatches.append(
                {"doc": gold.name, "field": name, "gold": expected, "predicted": predicted}
            )
        boilerplate = [b for b in gold.annotation.get("boilerplate", []) if b]
        boilerplate_total += len(boilerplate)
        boilerplate_removed += sum(b not in cleaned.text for b in boilerplate)
        body = [
            item["text"]
            for section in ("quotes", "mentions")
            for item in gold.annotation.get(section, [])
            if item.get("text") and not any(item["text"] in b for b in boilerplate)
        ]
        body_total += len(body)
        body_kept += sum(text in cleaned.text for text in body)
        if on_item is not None:
            on_item(gold.name)

    per_field: dict[str, Any] = {}
    for name, tally in counts.items():
        scores = PRF.from_counts(tally["tp"], tally["fp"], tally["fn"], n=tally["n"]).to_dict()
        scores["accuracy"] = ratio(tally["right"], tally["n"])
        per_field[name] = scores
    pooled = {key: sum(t[key] for t in counts.values()) for key in ("tp", "fp", "fn", "right", "n")}
    overall = PRF.from_counts(pooled["tp"], pooled["fp"], pooled["fn"], n=len(documents))
    return {
        "task": "metadata",
        "gold": str(gold_dir),
        **overall.to_dict(),
        "accuracy": ratio(pooled["right"], pooled["n"]),
        "per_field": per_field,
        "boilerplate_removed": ratio(boilerplate_removed, boilerplate_total),
        "body_kept": ratio(body_kept, body_total),
        "mismatches": mismatches,
        "seconds": time.perf_counter() - started,
    }
