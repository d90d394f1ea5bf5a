"""Scorers for the event stage: PLOVER gold records, PETRARCH2 unit-test records and
dossier-format gold. Each runs the production pipeline on the text, as ``dossier annotate``
does, and reads its ``Event`` facts back.

PLOVER records (``PLOVER_GSR_CAMEO.dev.json``, an older draft of PLOVER): one sentence, one
event. Its types map to PLOVER 2 (``OLD_TYPES``); ``DOCUMENT`` records are notes, not events.
The event scored is the one whose trigger is nearest the root of its sentence's parse (the
main clause's, where "officials said the army attacked" is the attack), the most confident
on a tie; a record with no event counts as wrong. ``type_accuracy`` and ``macro_f1`` (F1 per
gold type, averaged); ``source_accuracy`` / ``target_accuracy``: the event's source (target)
countries are exactly the record's country codes, over the records whose every actor has a
country code (``IGO`` and the like are not scored; an absent target is the empty set).
``baseline``: the majority gold type for every record, and the commonest gold country set.

PETRARCH2 unit-test records: each expected CAMEO code is agreed on when an event of the text
has that code (``cameo_accuracy``) or the same two-digit root (``root_accuracy``); the
records' actors are invented, so only the codes are compared.

Dossier gold (``events`` sections): a prediction matches a gold event when its trigger lies in
an occurrence of the gold clause, the PLOVER types agree (the gold's older ``DEMAND`` read as
``REQUEST``), and the source and target sets are equal: a gold ISO code is an actor of that
country (``RUSGOV`` is Russia's), a gold name the actor the KB knows by it. Each prediction
matches one gold event at most. ``relaxed`` scores clause and type alone;
``modality_accuracy`` and ``date_accuracy`` are over the relaxed matches (date: over those whose
gold has a date, compared as written; modality: ``asserted`` where the gold says none).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dossier.errors import DossierError, ErrorCode
from dossier.evaluate.gold import load_gold_folder
from dossier.evaluate.mentions import ActorNames, find_occurrences, run_document
from dossier.evaluate.metrics import PRF, f1_score
from dossier.extract.document import EVENT_CANDIDATES, EVENTS
from dossier.ingest.clean import clean_text
from dossier.kb.loader import load_kb
from dossier.model import Event, EventActor
from dossier.nlp import PipelineConfig, load_pipeline

#: Types of the older PLOVER draft and what PLOVER 2 calls them.
OLD_TYPES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}
#: CAMEO country codes that are not the ISO 3166 alpha-3 code of the same country.
CAMEO_COUNTRIES = {"ITL": "ITA", "JAP": "JPN"}


def _new_type(name: str) -> str:
    return OLD_TYPES.get(name, name)


def _depth(doc: Doc, event: Event) -> int:
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    if span is None:
        return 99
    token = span.root
    depth = 0
    while token.head is not token and depth < 99:
        token = token.head
        depth += 1
    return depth


def main_event(doc: Doc) -> Event | None:
    """The event of a one-sentence record (see the module doc): read among every act the stage
    coded, since the record is known to report one (an untargeted accusation included)."""
    events: list[Event] = list(doc._.get(EVENT_CANDIDATES) or [])
    if not events:
        return None
    return min(events, key=lambda e: (_depth(doc, e), -e.provenance.confidence, e.start))


def _countries(actors: list[dict[str, Any]] | Any) -> frozenset[str] | None:
    """A gold side's country codes; None when one of its actors has no country code."""
    if not isinstance(actors, list):
        return frozenset()
    codes = set()
    for actor in actors:
        code = str(actor.get("code") or "")
        code = CAMEO_COUNTRIES.get(code, code)
        if len(code) != 3 or not code.isalpha() or code in ("IGO", "NGO", "MNC"):
            return None
        codes.add(code)
    return frozenset(codes)


def _predicted_countries(actors: tuple[EventActor, ...]) -> frozenset[str]:
    return frozenset(actor.country for actor in actors if actor.country)


def _classification(gold: list[str], predicted: list[str | None]) -> dict[str, Any]:
    per_type: dict[str, dict[str, Any]] = {}
    for label in sorted(set(gold)):
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        per_type[label] = PRF.from_counts(tp, fp, fn).to_dict()
    right = sum(g == p for g, p in zip(gold, predicted, strict=True))
    return {
        "type_accuracy": right / len(gold) if gold else 0.0,
        "macro_f1": sum(f["f1"] for f in per_type.values()) / len(per_type) if per_type else 0.0,
        "per_type": per_type,
    }


def _accuracy(pairs: list[tuple[frozenset[str], frozenset[str]]]) -> float | None:
    return sum(g == p for g, p in pairs) / len(pairs) if pairs else None


def evaluate_plover(
    path: Path, nlp: Language, on_item: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """Score PLOVER gold records (see the module doc)."""
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event")]
    records = [r for r in records if r["event"] != "DOCUMENT" and r.get("text")]
    gold_types: list[str] = []
    predicted_types: list[str | None] = []
    sides: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {"source": [], "target": []}
    errors: list[dict[str, Any]] = []
    for record in records:
        doc = run_document(nlp, record["text"], record.get("date"), record.get("id", ""))
        event = main_event(doc)
        gold_types.append(_new_type(record["event"]))
        predicted_types.append(event.event_type if event else None)
        wrong: dict[str, Any] = {}
        for side in ("source", "target"):
            gold = _countries(record.get(side))
            if gold is None:
                continue
            found = _predicted_countries(getattr(event, side)) if event else frozenset()
            sides[side].append((gold, found))
            if gold != found:
                wrong[side] = {"gold": sorted(gold), "predicted": sorted(found)}
        if wrong or gold_types[-1] != predicted_types[-1]:
            errors.append(
                {
                    "id": record.get("id", ""),
                    "text": record["text"],
                    "type": gold_types[-1],
                    "predicted_type": predicted_types[-1],
                    "trigger": event.text if event else None,
                    **wrong,
                }
            )
        if on_item is not None:
            on_item(record.get("id", ""))
    majority = Counter(gold_types).most_common(1)[0][0] if gold_types else None
    baseline = _classification(gold_types, [majority] * len(gold_types))
    baseline["name"] = f"majority type ({majority})"
    for side, pairs in sides.items():
        common = Counter(g for g, _ in pairs).most_common(1)
        guess = common[0][0] if common else frozenset()
        baseline[f"{side}_accuracy"] = _accuracy([(g, guess) for g, _ in pairs])
    return {
        "format": "plover",
        "n": len(records),
        **_classification(gold_types, predicted_types),
        "source_accuracy": _accuracy(sides["source"]),
        "sources_scored": len(sides["source"]),
        "target_accuracy": _accuracy(sides["target"]),
        "targets_scored": len(sides["target"]),
        "no_event": sum(p is None for p in predicted_types),
        "baseline": baseline,
        "errors": errors,
    }


def evaluate_petrarch(
    path: Path, nlp: Language, on_item: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """Score CAMEO agreement on PETRARCH2 unit-test records (see the module doc)."""
    expected_total = exact = root = predicted_total = predicted_right = records = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        records += 1
        date = str(record.get("date") or "")
        iso = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if len(date) == 8 else None
        doc = run_document(nlp, record["text"], iso, record.get("id", ""))
        codes = [e.cameo for e in doc._.get(EVENT_CANDIDATES) or [] if e.cameo]
        wanted = [str(e.get("eventcode") or "") for e in record.get("expected") or []]
        wanted = [code for code in wanted if code.isdigit()]
        expected_total += len(wanted)
        exact += sum(code in codes for code in wanted)
        root += sum(any(c[:2] == code[:2] for c in codes) for code in wanted)
        predicted_total += len(codes)
        predicted_right += sum(any(c[:2] == code[:2] for code in wanted) for c in codes)
        if on_item is not None:
            on_item(record.get("id", ""))
    precision = predicted_right / predicted_total if predicted_total else 0.0
    recall = root / expected_total if expected_total else 0.0
    return {
        "format": "petrarch2",
        "n": expected_total,
        "records": records,
        "cameo_accuracy": exact / expected_total if expected_total else 0.0,
        "root_accuracy": recall,
        "precision": precision,
        "recall": recall,
        "f1": f1_score(precision, recall),
        "predicted": predicted_total,
    }


class _SideMatcher:
    """Whether a predicted actor set is a gold source or target set (see the module doc)."""

    def __init__(self, names: ActorNames) -> None:
        self.names = names

    def entry_matches(self, entry: str, actor: EventActor) -> bool:
        code = entry[:3] if len(entry) == 6 and entry.isupper() and entry[3:] == "GOV" else entry
        if len(code) == 3 and code.isupper():
            return actor.country == code or actor.actor == code
        return self.names.same(actor.actor, entry)

    def same(self, gold: list[str], predicted: tuple[EventActor, ...]) -> bool:
        keys = set()
        for actor in predicted:
            matching = [entry for entry in gold if self.entry_matches(entry, actor)]
            keys.add(matching[0] if matching else f"\x00{actor.actor}")
        return keys == set(gold)


def _shown(actor: EventActor) -> str:
    return f"{actor.actor} ({actor.country})" if actor.country else actor.actor


def _described(event: Event) -> dict[str, Any]:
    return {
        "predicted_type": event.event_type,
        "predicted_source": [_shown(a) for a in event.source],
        "predicted_target": [_shown(a) for a in event.target],
        "predicted_modality": event.modality,
    }


def _sentence(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    end = min(x for x in (text.find(". ", at), text.find("\n", at), len(text)) if x >= 0)
    return text[start : end + 1].strip()


def _miss(
    doc: str,
    item: dict[str, Any],
    wanted_type: str,
    events: list[Event],
    inside: Callable[[Event], bool],
    candidates: list[tuple[int, Event]],
) -> dict[str, Any]:
    """A gold event no prediction matched, with why: ``no event`` in its clause, the wrong
    ``type``, or the right type with other ``actors`` (what was predicted is kept beside)."""
    here = [event for event in events if inside(event)]
    kind = "actors" if candidates else "type" if here else "no event"
    shown = candidates[0][1] if candidates else here[0] if here else None
    return {
        "doc": doc,
        "text": item["text"],
        "type": wanted_type,
        "kind": kind,
        "source": list(item.get("source") or []),
        "target": list(item.get("target") or []),
        "modality": item.get("modality", "asserted"),
        **(_described(shown) if shown is not None else {}),
        "predicted_types": [event.event_type for event in here],
    }


def evaluate_dossier_events(
    folder: Path,
    nlp: Language,
    kb_dir: str | None = None,
    on_item: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Score events against dossier-format gold (see the module doc)."""
    matcher = _SideMatcher(ActorNames(load_kb(kb_dir)))
    counts = Counter()
    modality: list[bool] = []
    dates: list[bool] = []
    misses: list[dict[str, Any]] = []
    spurious: list[dict[str, Any]] = []
    documents = load_gold_folder(folder)
    for gold in documents:
        text = gold.record.text
        cleaned = clean_text(text, gold.record.fields)
        doc = run_document(
            nlp, cleaned.text, gold.annotation.get("date"), gold.name, cleaned.offsets
        )
        events: list[Event] = list(doc._.get(EVENTS) or [])
        items = gold.annotation.get("events") or []
        counts["gold"] += len(items)
        counts["predicted"] += len(events)
        strict_used: set[int] = set()
        relaxed_used: set[int] = set()
        for item in items:
            spans = [(o.start, o.end) for o in find_occurrences(text, item["text"])]
            wanted_type = _new_type(item.get("type", ""))

            def inside(event: Event, spans: list[tuple[int, int]] = spans) -> bool:
                p = event.provenance
                return any(s <= p.original_start < e for s, e in spans)

            candidates = [
                (index, event)
                for index, event in enumerate(events)
                if inside(event) and event.event_type == wanted_type
            ]
            strict = [
                (index, event)
                for index, event in candidates
                if index not in strict_used
                and matcher.same(list(item.get("source") or []), event.source)
                and matcher.same(list(item.get("target") or []), event.target)
            ]
            if strict:
                strict_used.add(strict[0][0])
                counts["strict"] += 1
            free = [(i, e) for i, e in candidates if i not in relaxed_used]
            if free:
                index, event = strict[0] if strict else free[0]
                relaxed_used.add(index)
                counts["relaxed"] += 1
                modality.append(event.modality == item.get("modality", "asserted"))
                if item.get("date"):
                    dates.append(event.date == item["date"])
            if not strict:
                misses.append(_miss(gold.name, item, wanted_type, events, inside, candidates))
        spans = [(o.start, o.end) for item in items for o in find_occurrences(text, item["text"])]
        for index, event in enumerate(events):
            if index in strict_used:
                continue
            p = event.provenance
            in_gold = any(s <= p.original_start < e for s, e in spans)
            spurious.append(
                {
                    "doc": gold.name,
                    "kind": "unmatched in a gold clause" if in_gold else "outside any gold clause",
                    "trigger": event.text,
                    "sentence": _sentence(text, p.original_start),
                    **_described(event),
                }
            )
        if on_item is not None:
            on_item(gold.name)
    strict_scores = PRF.from_counts(
        counts["strict"], counts["predicted"] - counts["strict"], counts["gold"] - counts["strict"]
    )
    relaxed_scores = PRF.from_counts(
        counts["relaxed"],
        counts["predicted"] - counts["relaxed"],
        counts["gold"] - counts["relaxed"],
    )
    return {
        "format": "dossier",
        **strict_scores.to_dict(),
        "predicted": counts["predicted"],
        "relaxed": relaxed_scores.to_dict(),
        "modality_accuracy": sum(modality) / len(modality) if modality else None,
        "modalities_scored": len(modality),
        "date_accuracy": sum(dates) / len(dates) if dates else None,
        "dates_scored": len(dates),
        "documents": len(documents),
        "missed": misses,
        "spurious": spurious,
    }


def evaluate_events(
    gold: Path,
    on_item: Callable[[str], None] | None = None,
    kb_dir: str | None = None,
) -> dict[str, Any]:
    """Score the event stage on ``gold``: a PLOVER records file (``.json``), a PETRARCH2
    unit-test file (``.jsonl``) or a folder of dossier-format gold."""
    started = time.perf_counter()
    nlp = load_pipeline(PipelineConfig(kb_dir=kb_dir))
    if gold.is_dir():
        result = evaluate_dossier_events(gold, nlp, kb_dir, on_item)
    elif gold.suffix == ".jsonl":
        result = evaluate_petrarch(gold, nlp, on_item)
    elif gold.suffix == ".json":
        result = evaluate_plover(gold, nlp, on_item)
    else:
        raise DossierError(
            ErrorCode.E001_BAD_GOLD,
            f"{gold}: not a PLOVER .json, a PETRARCH2 .jsonl or a folder of dossier gold",
        )
    return {"task": "events", "gold": str(gold), **result, "seconds": time.perf_counter() - started}
