"""What every normaliser shares: the value it returns, the steps of relative words, and the
document context it reads (its date, and the dates its text named so far)."""

from __future__ import annotations

from dataclasses import dataclass

from dossier.extract.timex.context import _Context
from dossier.extract.timex.points import _RANK, GRANULARITIES, Point


@dataclass(frozen=True)
class _Value:
    type: str
    value: str
    mod: str | None = None
    anchored: bool = False  # computed from the anchor or an earlier date of the text
    point: Point | None = None  # a date other expressions may refer back to
    anchor: str | None = None
    #: False for a point of comparison ("a year earlier", "the year-ago quarter"): it is not
    #: where the story is, so later expressions do not count from it.
    reference: bool = True
    #: Characters to drop from the end of the match: the signal of "two weeks after".
    trim_end: int = 0


_RELATIVE_STEP = {
    "this": 0, "current": 0, "the current": 0, "the same": 0, "same": 0, "that": 0, "the": 0,
    "last": -1, "past": -1, "the past": -1, "the last": -1, "previous": -1,
    "the previous": -1, "this past": -1, "the preceding": -1, "the prior": -1, "the latest": 0,
    "next": 1, "coming": 1, "the next": 1, "the coming": 1, "following": 1,
    "the following": 1, "this coming": 1, "the full": 0,
}  # fmt: skip
#: Relative words that count from an earlier date of the text, not from the document date.
_REFERENCE_WORDS = frozenset(
    {"that", "the same", "same", "the following", "following", "the previous", "previous",
     "the preceding", "the prior"}
)  # fmt: skip


class _NormaliserBase:
    """The state one document's normalisers share: its context, read in text order."""

    def __init__(self, context: _Context) -> None:
        self.context = context

    @property
    def anchor(self) -> Point | None:
        return self.context.anchor

    def base_for(self, rel: str | None, granularity: str, sentence: int) -> Point | None:
        """The point ``rel`` counts from: an earlier date of the text for "that"/"the
        following", the document date otherwise."""
        if rel is not None and rel.lower() in _REFERENCE_WORDS:
            finer = GRANULARITIES[: _RANK[granularity] + 1]
            reference = self.context.last_reference(finer)
            if reference is not None:
                return reference
        return self.anchor
