"""Scorer for the stance stage on dossier-format gold (``stances`` sections).

Each document is run through the production pipeline, as ``dossier annotate`` runs it (genre
and author read from the document as ingest reads them), and its ``Stance`` facts are read
back. A document's stances are compared as (holder, target, polarity) triples: a holder or
target name the KB knows compares as its actor (aliases map to one name, case-insensitively);
a target the KB lists in ``targets.csv`` compares as that target ("Customs Union" is
"Eurasian integration"). A predicted pair's polarity is the sign of the sum of its stances'
polarities in the document; a pair that sums to 0 (neutral, or evidence both ways) is no
prediction, since the gold knows only for (1) and against (-1).

Figures: P/R/F1 over the triples; ``polarity_accuracy`` over the (holder, target) pairs both
sides have; ``pairs``: P/R/F1 over the pairs alone. ``baseline``: the same predicted pairs, each
given the gold's majority polarity, which a polarity reading must beat.

``by_country``: the same figures where a person's stance also counts for the country he
represents on the stance's date (through the KB's offices: ``Stance.holder_country``), as the
issue's aggregation rule has it. A predicted pair (person, target) the gold lacks is read as
(that country's government or state, target) when the gold has that pair in the document. The
leniency runs one way only: a state's stance is no stance of its leader.

Error kinds (``missed[].kind``, ``spurious[].kind``, counted in ``error_kinds``), for reading
the errors, not for scoring: a miss is ``polarity`` (the pair predicted with the other sign),
``other-holder`` (the target predicted for some other holder only: a person where the gold has
a government, or the reverse), ``other-target`` (the holder predicted toward other targets only)
or ``none``; a spurious pair is ``collective`` (one clause gave the target to three holders or
more: the members of a group), ``other-holder``, ``other-target`` or ``unsupported``.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Collection
from dataclasses import replace
from pathlib import Path
from typing import Any

from dossier.evaluate.gold import load_gold_folder
from dossier.evaluate.mentions import ActorNames, run_gold_document
from dossier.evaluate.metrics import PRF
from dossier.extract.document import STANCES
from dossier.kb.loader import KnowledgeBase, load_kb
from dossier.model import Stance
from dossier.nlp import PipelineConfig, load_pipeline

Pair = tuple[str, str]


class StanceKeys:
    """Comparison keys of holders and targets (see the module doc)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.names = ActorNames(kb)

    def holder(self, name: str) -> str:
        return self.names.key(name)

    def target(self, name: str, target_id: str | None = None) -> str:
        if target_id and target_id in self.kb.targets:
            return target_id
        known = self.kb.target(name)
        return known.id if known is not None else self.names.key(name)


def predicted_pairs(stances: list[Stance], keys: StanceKeys) -> dict[Pair, int]:
    """(holder, target) -> the sign of their stances' summed polarity, for non-zero sums."""
    sums: dict[Pair, int] = defaultdict(int)
    for stance in stances:
        sums[(keys.holder(stance.holder), keys.target(stance.target, stance.target_id))] += (
            stance.polarity
        )
    return {pair: (total > 0) - (total < 0) for pair, total in sums.items() if total}


def country_keys(kb: KnowledgeBase, keys: StanceKeys, iso3: str) -> set[str]:
    """The holder keys a country goes by: its government's and its state's names."""
    actors = [kb.government_actor(iso3), kb.country_actor(iso3)]
    return {keys.holder(actor.name) for actor in actors if actor is not None}


def by_country(
    stances: list[Stance], keys: StanceKeys, gold: dict[Pair, set[int]]
) -> dict[Pair, int]:
    """``predicted_pairs`` where a person's stance the gold lacks counts for the country he
    represents on its date, when the gold names that country toward the same target (see
    the module doc)."""
    moved: list[Stance] = []
    for stance in stances:
        holder = keys.holder(stance.holder)
        target = keys.target(stance.target, stance.target_id)
        if (
            (stance.holder_id or "").startswith("person:")
            and stance.holder_country
            and (holder, target) not in gold
        ):
            for country in sorted(country_keys(keys.kb, keys, stance.holder_country)):
                if (country, target) in gold:
                    stance = replace(stance, holder=country)
                    break
        moved.append(stance)
    return predicted_pairs(moved, keys)


def gold_pairs(items: list[dict[str, Any]], keys: StanceKeys) -> dict[Pair, set[int]]:
    """(holder, target) -> the polarities the gold gives the pair."""
    found: dict[Pair, set[int]] = defaultdict(set)
    for item in items:
        pair = (keys.holder(str(item["holder"])), keys.target(str(item["target"])))
        found[pair].add(int(item["polarity"]))
    return found


#: One clause giving a target to this many holders or more spread a group over its members.
COLLECTIVE = 3


def miss_kind(pair: Pair, polarity: int, pred: dict[Pair, int]) -> str:
    """The kind of a missed gold triple (see the module doc)."""
    if pair in pred:
        return "polarity"
    return _half_matched(pair, pred) or "none"


def spurious_kind(pair: Pair, gold: dict[Pair, set[int]], collective: set[Pair]) -> str:
    """The kind of a predicted pair the gold lacks (see the module doc)."""
    if pair in collective:
        return "collective"
    return _half_matched(pair, gold) or "unsupported"


def _half_matched(pair: Pair, others: Collection[Pair]) -> str | None:
    """How the other side's pairs half match ``pair``: "other-holder" when one has its target,
    else "other-target" when one has its holder; None when none does."""
    holder, target = pair
    if any(t == target for _, t in others):
        return "other-holder"
    if any(h == holder for h, _ in others):
        return "other-target"
    return None


def collective_pairs(stances: list[Stance], keys: StanceKeys) -> set[Pair]:
    """The pairs of clauses (one evidence span) that gave one target to ``COLLECTIVE``
    holders or more."""
    by_clause: dict[tuple[int, int, str], set[str]] = defaultdict(set)
    for stance in stances:
        target = keys.target(stance.target, stance.target_id)
        by_clause[(stance.start, stance.end, target)].add(keys.holder(stance.holder))
    return {
        (holder, target)
        for (_, _, target), holders in by_clause.items()
        if len(holders) >= COLLECTIVE
        for holder in holders
    }


def _evidence(stances: list[Stance], pair: Pair, keys: StanceKeys) -> list[str]:
    return [
        f"{s.basis}:{s.polarity:+d} {s.text!r}"
        for s in stances
        if (keys.holder(s.holder), keys.target(s.target, s.target_id)) == pair
    ][:3]


def _at_evidence(stances: list[Stance], text: str, evidence: str | None) -> list[str]:
    """The predicted stances whose span overlaps the gold item's evidence text (any
    occurrence), as "holder -> target +1" lines: what the system read from that clause."""
    if not evidence:
        return []
    found = []
    start = text.find(evidence)
    while start >= 0:
        end = start + len(evidence)
        found += [
            f"{s.holder} -> {s.target} {s.polarity:+d} ({s.basis})"
            for s in stances
            if s.start < end and start < s.end
        ]
        start = text.find(evidence, start + 1)
    return list(dict.fromkeys(found))


def _score(predicted: list[dict[Pair, int]], gold: list[dict[Pair, set[int]]]) -> dict[str, Any]:
    tp = fp = fn = 0
    pair_tp = 0
    right: list[bool] = []
    for pred, truth in zip(predicted, gold, strict=True):
        triples = {(pair, polarity) for pair, polarity in pred.items()}
        gold_triples = {(pair, p) for pair, polarities in truth.items() for p in polarities}
        tp += len(triples & gold_triples)
        fp += len(triples - gold_triples)
        fn += len(gold_triples - triples)
        for pair, polarity in pred.items():
            if pair in truth:
                pair_tp += 1
                right.append(polarity in truth[pair])
    pair_fp = sum(len(p) for p in predicted) - pair_tp
    pair_fn = sum(len(g) for g in gold) - pair_tp
    return {
        **PRF.from_counts(tp, fp, fn).to_dict(),
        "predicted": tp + fp,
        "polarity_accuracy": sum(right) / len(right) if right else None,
        "pairs_matched": len(right),
        "pairs": PRF.from_counts(pair_tp, pair_fp, pair_fn).to_dict(),
    }


def evaluate_stance(
    gold: Path,
    on_item: Callable[[str], None] | None = None,
    kb_dir: str | None = None,
) -> dict[str, Any]:
    """Score the stance stage on a folder of dossier-format gold (see the module doc)."""
    started = time.perf_counter()
    nlp = load_pipeline(PipelineConfig(kb_dir=kb_dir))
    keys = StanceKeys(load_kb(kb_dir))
    predicted: list[dict[Pair, int]] = []
    lenient: list[dict[Pair, int]] = []
    truth: list[dict[Pair, set[int]]] = []
    misses: list[dict[str, Any]] = []
    spurious: list[dict[str, Any]] = []
    majority: Counter[int] = Counter()
    documents = [d for d in load_gold_folder(gold) if "stances" in d.annotation]
    for document in documents:
        text = document.record.text
        _, doc = run_gold_document(nlp, document, kb_dir)
        items = list(document.annotation.get("stances") or [])
        majority.update(int(item["polarity"]) for item in items)
        stances = list(doc._.get(STANCES) or [])
        pred = predicted_pairs(stances, keys)
        collective = collective_pairs(stances, keys)
        gold_items = gold_pairs(items, keys)
        predicted.append(pred)
        lenient.append(by_country(stances, keys, gold_items))
        truth.append(gold_items)
        for item in items:
            pair = (keys.holder(str(item["holder"])), keys.target(str(item["target"])))
            if pred.get(pair) != int(item["polarity"]):
                misses.append(
                    {
                        "doc": document.name,
                        "holder": item["holder"],
                        "target": item["target"],
                        "polarity": item["polarity"],
                        "predicted": pred.get(pair),
                        "kind": miss_kind(pair, int(item["polarity"]), pred),
                        "evidence": item.get("text"),
                        "at_evidence": _at_evidence(stances, text, item.get("text")),
                    }
                )
        for (holder, target), polarity in pred.items():
            if (holder, target) not in gold_items:
                spurious.append(
                    {
                        "doc": document.name,
                        "holder": holder,
                        "target": target,
                        "polarity": polarity,
                        "kind": spurious_kind((holder, target), gold_items, collective),
                        "evidence": _evidence(stances, (holder, target), keys),
                    }
                )
        if on_item is not None:
            on_item(document.name)
    result = _score(predicted, truth)
    common = majority.most_common(1)[0][0] if majority else -1
    baseline = _score([{pair: common for pair in pred} for pred in predicted], truth)
    return {
        "task": "stance",
        "gold": str(gold),
        "format": "dossier",
        **result,
        "baseline": {"polarity": common, **baseline},
        "by_country": _score(lenient, truth),
        "gold_stances": sum(majority.values()),
        "documents": len(documents),
        "error_kinds": {
            "missed": dict(Counter(m["kind"] for m in misses)),
            "spurious": dict(Counter(s["kind"] for s in spurious)),
        },
        "missed": misses,
        "spurious": spurious,
        "seconds": time.perf_counter() - started,
    }
