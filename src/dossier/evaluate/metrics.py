"""Precision, recall and F1, shared by dossier's evaluations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def f1_score(precision: float, recall: float) -> float:
    """Harmonic mean of ``precision`` and ``recall``; 0 when both are 0."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def ratio(part: float, whole: float) -> float | None:
    """``part / whole``; None when ``whole`` is 0 (an accuracy over nothing scored)."""
    return part / whole if whole else None


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 over ``n`` items (documents, mentions, ...)."""

    precision: float
    recall: float
    f1: float
    n: int

    @classmethod
    def from_counts(cls, tp: float, fp: float, fn: float, n: int | None = None) -> PRF:
        """Micro scores from pooled counts; nothing predicted and nothing expected scores 1.

        ``n`` defaults to the number of expected items (tp + fn).
        """
        if fp == 0 and fn == 0:
            precision = recall = 1.0
        else:
            precision = tp / (tp + fp) if tp + fp else 0.0
            recall = tp / (tp + fn) if tp + fn else 0.0
        count = int(tp + fn) if n is None else n
        return cls(precision, recall, f1_score(precision, recall), count)

    @classmethod
    def macro(cls, pairs: Iterable[tuple[float, float]]) -> PRF:
        """Average per-item (precision, recall) pairs; F1 comes from the averages.

        This is how article-extraction benchmarks report, so each page weighs the same
        whatever its length. No items gives all zeros.
        """
        items = list(pairs)
        if not items:
            return cls(0.0, 0.0, 0.0, 0)
        precision = sum(p for p, _ in items) / len(items)
        recall = sum(r for _, r in items) / len(items)
        return cls(precision, recall, f1_score(precision, recall), len(items))

    def to_dict(self) -> dict[str, float | int]:
        return {"n": self.n, "precision": self.precision, "recall": self.recall, "f1": self.f1}
