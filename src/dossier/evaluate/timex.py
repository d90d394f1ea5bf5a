"""Scorer for the time-expression tagger (``dossier_timex``), on TimeML or dossier gold.

The tagger is measured as ``dossier annotate`` runs it: in the production pipeline
(``dossier.nlp.load_pipeline(DEFAULT_CONFIG)``), after spaCy and the NER repairs, whose tags,
parse and entities it reads.

``evaluate_timex(gold_path)`` detects the gold's format:

* **TimeML** (a folder holding ``.tml`` files, in subfolders too, or one ``.tml`` file; e.g.
  TBAQ-cleaned): the tagger runs on the plain text of ``<TEXT>`` with the ``<DCT>`` date as the
  document date, and is scored as TempEval-3's ``evaluate_entities.py`` scores Task A. A gold
  and a predicted timex match *relaxed* when they share a character (a token), *strict* when
  their extents are identical; each gold timex and each prediction is matched at most once
  (largest overlap first). Precision = matches / predictions, recall = matches / gold timexes.
  Over the relaxed matches, ``type_accuracy`` and ``value_accuracy`` count those with the gold
  ``type`` and ``value``; ``value_f1`` (the TE3 ranking score) = value accuracy × relaxed F1,
  ``type_f1`` likewise. ``per_type`` gives, for each gold type, recall and value accuracy of
  the gold timexes of that type, and precision over the predictions typed so.
* **dossier gold** (a folder of ``*.json`` with a ``doc`` key): the tagger runs on the
  document's text as its reader gives it, with the gold ``date`` as the document date, and each
  gold timex (``text`` + ``value``) is looked up in that text (any occurrence counts). The text
  is not cleaned first: gold strings are substrings of the original, a date in a photo caption
  is a date all the same, and cleaning has its own evaluation (``eval metadata``). A
  prediction overlapping an occurrence is a span match; it is a true positive when its value
  agrees. As in the mentions scorer, precision is judged only where the gold speaks:
  predictions overlapping no gold timex are counted in ``unjudged``, not as false positives.
  ``precision``/``recall``/``f1`` there count value-right matches; ``value_accuracy`` is over
  the gold timexes found, ``relaxed_f1`` is span recall's F1 with the (judged) precision of 1,
  and ``value_f1`` their product. ``strict_f1`` and ``type_accuracy`` are None: the format
  gives neither extents nor types.

Every run also scores an in-run ``baseline`` the same way: dateparser's ``search_dates`` with
``RELATIVE_BASE`` set to the document date, every hit typed DATE with its date as the value
(dateparser is the "date parsing pieces" package; it returns a datetime, not a TIMEX3 value).
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from dossier.errors import DossierError, ErrorCode
from dossier.evaluate.metrics import PRF, f1_score, ratio
from dossier.evaluate.timeml import GoldTimex, TimeMLDocument, read_timeml, read_timeml_folder
from dossier.extract.document import TIMEXES, prepare_doc
from dossier.model import Provenance, Timex
from dossier.nlp import DEFAULT_CONFIG, load_pipeline

BATCH_SIZE = 32
BASELINE = "dateparser.search_dates"


def tag_texts(
    nlp: Language | None,
    items: Sequence[tuple[str, str | None]],
    names: Sequence[str],
    on_item: Callable[[str], None] | None = None,
) -> list[list[Timex]]:
    """Tag each ``(text, document date)`` with ``nlp``; one list of timexes per item.

    nlp: the pipeline; None loads the production one (``DEFAULT_CONFIG``).
    names: one per item; ``on_item`` is told each item's name once it is tagged.
    """
    nlp = nlp or load_pipeline(DEFAULT_CONFIG)
    docs = [prepare_doc(nlp, text, date) for text, date in items]
    results = []
    for name, doc in zip(names, nlp.pipe(docs, batch_size=BATCH_SIZE), strict=True):
        results.append(list(doc._.get(TIMEXES) or []))
        if on_item is not None:
            on_item(name)
    return results


# --- the baseline ---------------------------------------------------------------------------------


def dateparser_timexes(text: str, date: str | None) -> list[Timex]:
    """dateparser's ``search_dates`` hits in ``text`` as DATE timexes valued by their date."""
    from dateparser.search import search_dates

    settings: dict[str, Any] = {}
    if date and re.match(r"\d{4}-\d{2}-\d{2}", date):
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(date[:10])
    try:
        hits = search_dates(text, languages=["en"], settings=settings) or []
    except Exception:  # dateparser raises on odd inputs (overflow, odd numerals)
        return []
    found: list[Timex] = []
    position = 0
    for substring, when in hits:
        start = text.find(substring, position)
        if start < 0:
            continue
        position = start + len(substring)
        # No Doc here to build provenance from: the hit's characters, in a text not stored.
        where = Provenance("", start, position, start, position, None, BASELINE, "")
        found.append(
            Timex(substring, start, position, "DATE", when.date().isoformat(), provenance=where)
        )
    return found


# --- matching ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Pair:
    gold: int
    predicted: int


def match_relaxed(
    gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]
) -> list[_Pair]:
    """One-to-one matches of overlapping extents, largest overlap first."""
    options = []
    for g, (gs, ge) in enumerate(gold):
        for p, (ps, pe) in enumerate(predicted):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                options.append((-overlap, g, p))
    options.sort()
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, g, p in options:
        if g in used_gold or p in used_predicted:
            continue
        used_gold.add(g)
        used_predicted.add(p)
        pairs.append(_Pair(g, p))
    return sorted(pairs, key=lambda pair: pair.gold)


@dataclass
class TimeMLCounts:
    """Pooled counts of a TimeML run (one system)."""

    gold: int = 0
    predicted: int = 0
    relaxed: int = 0
    strict: int = 0
    type_right: int = 0
    value_right: int = 0

    def __post_init__(self) -> None:
        self.per_type: dict[str, Counter[str]] = {}

    def add_document(
        self,
        gold: Sequence[GoldTimex],
        predicted: Sequence[Timex],
        errors: list[dict[str, Any]],
        name: str,
    ) -> None:
        self.gold += len(gold)
        self.predicted += len(predicted)
        pairs = match_relaxed(
            [(g.start, g.end) for g in gold], [(p.start, p.end) for p in predicted]
        )
        gold_extents = Counter((g.start, g.end) for g in gold)
        predicted_extents = Counter((p.start, p.end) for p in predicted)
        self.strict += sum((gold_extents & predicted_extents).values())
        matched_gold = {pair.gold for pair in pairs}
        matched_predicted = {pair.predicted for pair in pairs}
        for timex in gold:
            self._type(timex.type)["gold"] += 1
        for timex in predicted:
            self._type(timex.type)["predicted"] += 1
        for pair in pairs:
            g, p = gold[pair.gold], predicted[pair.predicted]
            self.relaxed += 1
            self._type(g.type)["found"] += 1
            self._type(p.type)["right_span"] += 1
            if g.type == p.type:
                self.type_right += 1
            if g.value == p.value:
                self.value_right += 1
                self._type(g.type)["value_right"] += 1
            else:
                errors.append(_error(name, "value", g, p))
        for index, timex in enumerate(gold):
            if index not in matched_gold:
                errors.append(_error(name, "missed", timex, None))
        for index, timex in enumerate(predicted):
            if index not in matched_predicted:
                errors.append(_error(name, "spurious", None, timex))

    def _type(self, name: str) -> Counter[str]:
        return self.per_type.setdefault(name, Counter())

    def scores(self) -> dict[str, Any]:
        relaxed = PRF.from_counts(
            self.relaxed, self.predicted - self.relaxed, self.gold - self.relaxed, n=self.gold
        )
        strict = PRF.from_counts(
            self.strict, self.predicted - self.strict, self.gold - self.strict, n=self.gold
        )
        type_accuracy = ratio(self.type_right, self.relaxed)
        value_accuracy = ratio(self.value_right, self.relaxed)
        per_type = {}
        for name, counts in sorted(self.per_type.items()):
            # Recall and value accuracy count the gold timexes of the type; precision counts
            # the predictions of the type (a DATE found as a DURATION is a match for both).
            precision = ratio(counts["right_span"], counts["predicted"])
            recall = ratio(counts["found"], counts["gold"])
            f1 = None
            if precision is not None and recall is not None:
                f1 = f1_score(precision, recall)
            accuracy = ratio(counts["value_right"], counts["found"])
            per_type[name] = {
                "n": counts["gold"], "predicted": counts["predicted"], "precision": precision,
                "recall": recall, "f1": f1, "value_accuracy": accuracy,
                "value_f1": (accuracy or 0.0) * f1 if f1 is not None else None,
            }  # fmt: skip
        return {
            "n": self.gold,
            "predicted": self.predicted,
            "precision": relaxed.precision,
            "recall": relaxed.recall,
            "f1": relaxed.f1,
            "strict_precision": strict.precision,
            "strict_recall": strict.recall,
            "strict_f1": strict.f1,
            "relaxed_f1": relaxed.f1,
            "type_accuracy": type_accuracy,
            "value_accuracy": value_accuracy,
            "type_f1": (type_accuracy or 0.0) * relaxed.f1,
            "value_f1": (value_accuracy or 0.0) * relaxed.f1,
            "per_type": per_type,
        }


def _error(
    doc: str, kind: str, gold: GoldTimex | dict[str, Any] | None, predicted: Timex | None
) -> dict[str, Any]:
    if isinstance(gold, GoldTimex):
        gold = {"text": gold.text, "type": gold.type, "value": gold.value}
    return {
        "doc": doc,
        "kind": kind,
        "gold_text": gold.get("text") if gold else None,
        "gold_type": gold.get("type") if gold else None,
        "gold_value": gold.get("value") if gold else None,
        "text": predicted.text if predicted else None,
        "type": predicted.type if predicted else None,
        "value": predicted.value if predicted else None,
    }


# --- TimeML -----------------------------------------------------------------------------------


def _dct_date(dct: str | None) -> str | None:
    match = re.match(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", dct or "")
    return match.group(0) if match else None


def evaluate_timeml(
    documents: Sequence[TimeMLDocument],
    gold_name: str,
    on_item: Callable[[str], None] | None = None,
    nlp: Language | None = None,
    baseline: bool = True,
) -> dict[str, Any]:
    """Score the tagger (and the dateparser baseline) on parsed TimeML ``documents``."""
    started = time.perf_counter()
    items = [(d.text, _dct_date(d.dct)) for d in documents]
    predicted = tag_texts(nlp, items, [d.name for d in documents], on_item)
    counts, errors = TimeMLCounts(), []
    for document, found in zip(documents, predicted, strict=True):
        counts.add_document(document.timexes, found, errors, document.name)
    seconds = time.perf_counter() - started
    result: dict[str, Any] = {
        "task": "timex",
        "gold": gold_name,
        "format": "timeml",
        "documents": len(documents),
        **counts.scores(),
        "error_counts": dict(Counter(e["kind"] for e in errors)),
        "errors": errors,
        "seconds": seconds,
    }
    if baseline:
        base_started = time.perf_counter()
        base_counts: TimeMLCounts = TimeMLCounts()
        for document, (text, date) in zip(documents, items, strict=True):
            base_counts.add_document(document.timexes, dateparser_timexes(text, date), [], "")
        result["baseline"] = {
            "system": BASELINE,
            **base_counts.scores(),
            "seconds": time.perf_counter() - base_started,
        }
    result["seconds"] = time.perf_counter() - started
    return result


# --- dossier gold ------------------------------------------------------------------------------


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    parts = [re.escape(p) for p in needle.split()]
    if not parts:
        return []
    pattern = r"\s+".join(parts)
    if needle[:1].isalnum():
        pattern = r"(?<!\w)" + pattern
    if needle[-1:].isalnum():
        pattern += r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _score_dossier_document(
    name: str,
    gold_timexes: Sequence[dict[str, Any]],
    text: str,
    predicted: Sequence[Timex],
    errors: list[dict[str, Any]] | None,
) -> Counter[str]:
    counts: Counter[str] = Counter()
    overlapping: dict[int, list[int]] = {}
    right_by: dict[int, set[int]] = {}
    for g, gold in enumerate(gold_timexes):
        counts["gold"] += 1
        occurrences = _occurrences(text, gold["text"])
        if not occurrences:
            counts["not_in_text"] += 1
            if errors is not None:
                errors.append(_error(name, "not in the text", gold, None))
            continue
        hits = [
            p
            for p, timex in enumerate(predicted)
            if any(timex.start < e and s < timex.end for s, e in occurrences)
        ]
        for p in hits:
            overlapping.setdefault(p, []).append(g)
        if not hits:
            if errors is not None:
                errors.append(_error(name, "missed", gold, None))
            continue
        counts["found"] += 1
        right = [p for p in hits if predicted[p].value == gold.get("value")]
        if right:
            counts["tp"] += 1
            right_by[g] = set(right)
            if any(predicted[p].type == gold["type"] for p in right if gold.get("type")):
                counts["type_right"] += 1
        elif errors is not None:
            closest = max(
                hits, key=lambda p: len(set(predicted[p].text.split()) & set(gold["text"].split()))
            )
            errors.append(_error(name, "value", gold, predicted[closest]))
    counts["predicted"] = len(predicted)
    for p in range(len(predicted)):
        golds = overlapping.get(p)
        if not golds:
            counts["unjudged"] += 1
        elif any(p in right_by.get(g, ()) for g in golds):
            continue
        elif all(g in right_by for g in golds):
            counts["unjudged"] += 1  # a second mention of a string already matched
        else:
            counts["fp"] += 1
    return counts


def _dossier_scores(counts: Counter[str]) -> dict[str, Any]:
    found = counts["found"]
    # Every judged prediction overlaps a gold timex, so span precision is 1 by construction.
    span = PRF.from_counts(found, 0, counts["gold"] - found, n=counts["gold"])
    scores = PRF.from_counts(
        counts["tp"], counts["fp"], counts["gold"] - counts["tp"], n=counts["gold"]
    )
    value_accuracy = ratio(counts["tp"], found)
    return {
        **scores.to_dict(),
        "relaxed_f1": span.f1,
        "strict_f1": None,
        "type_accuracy": None,
        "value_accuracy": value_accuracy,
        "value_f1": (value_accuracy or 0.0) * span.f1,
        "found": found,
        "predicted": counts["predicted"],
        "unjudged": counts["unjudged"],
        "not_in_text": counts["not_in_text"],
    }


def evaluate_dossier_gold(
    folder: Path,
    on_item: Callable[[str], None] | None = None,
    nlp: Language | None = None,
    baseline: bool = True,
) -> dict[str, Any]:
    """Score the tagger on the ``timexes`` of a folder of dossier-format gold."""
    from dossier.evaluate.gold import load_gold_folder

    started = time.perf_counter()
    documents = [g for g in load_gold_folder(folder) if g.annotation.get("timexes")]
    if not documents:
        raise DossierError(ErrorCode.E001_BAD_GOLD, f"no gold file in {folder} lists timexes")
    items = [(g.record.text, g.annotation.get("date")) for g in documents]
    predicted = tag_texts(nlp, items, [g.name for g in documents], on_item)
    totals: Counter[str] = Counter()
    base_totals: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    per_document = []
    for gold, (text, date), found in zip(documents, items, predicted, strict=True):
        gold_timexes = [t for t in gold.annotation["timexes"] if t.get("text")]
        counts = _score_dossier_document(gold.name, gold_timexes, text, found, errors)
        totals.update(counts)
        per_document.append({"doc": gold.name, "date": date, **_dossier_scores(counts)})
        if baseline:
            base_totals.update(
                _score_dossier_document(
                    gold.name, gold_timexes, text, dateparser_timexes(text, date), None
                )
            )
    result: dict[str, Any] = {
        "task": "timex",
        "gold": str(folder),
        "format": "dossier",
        "date_from": "gold",
        "documents": len(documents),
        **_dossier_scores(totals),
        "per_type": {},
        "per_document": per_document,
        "error_counts": dict(Counter(e["kind"] for e in errors)),
        "errors": errors,
    }
    if baseline:
        result["baseline"] = {"system": BASELINE, **_dossier_scores(base_totals)}
    result["seconds"] = time.perf_counter() - started
    return result


def evaluate_timex(
    gold_path: Path,
    on_item: Callable[[str], None] | None = None,
    nlp: Language | None = None,
    baseline: bool = True,
) -> dict[str, Any]:
    """Score the time-expression tagger against the gold at ``gold_path``.

    gold_path: a ``.tml`` file, a folder with ``.tml`` files (subfolders too), or a folder of
        dossier-format gold (``*.json`` with a ``doc`` key).
    on_item: called with each document's name once tagged (for progress display).
    nlp: the pipeline to run (default: the production pipeline, ``dossier.nlp.DEFAULT_CONFIG``).
    baseline: also score dateparser's ``search_dates`` (the ``baseline`` key).
    """
    gold_path = Path(gold_path)
    if gold_path.is_file() and gold_path.suffix == ".tml":
        return evaluate_timeml([read_timeml(gold_path)], str(gold_path), on_item, nlp, baseline)
    if not gold_path.is_dir():
        raise DossierError(ErrorCode.E001_BAD_GOLD, f"{gold_path} is neither a folder nor a .tml")
    if any(gold_path.rglob("*.tml")):
        documents = read_timeml_folder(gold_path)
        return evaluate_timeml(documents, str(gold_path), on_item, nlp, baseline)
    return evaluate_dossier_gold(gold_path, on_item, nlp, baseline)


def summarise_errors(errors: Iterable[dict[str, Any]], limit: int = 20) -> list[tuple[str, int]]:
    """The most frequent (kind, gold text → predicted value) error strings, for a report."""
    keys = Counter(
        f"{e['kind']}: {e['gold_text'] or e['text']!r} gold {e['gold_value']} got {e['value']}"
        for e in errors
    )
    return keys.most_common(limit)
