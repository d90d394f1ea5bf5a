"""Character ranges asked "does one of you hold this character?", by bisection.

Extractors often ask, for every token or mention of a document, whether it lies inside any of
a set of ranges (quotations, quotation marks, found names). A scan of every range per question
is quadratic on long, quote-heavy articles; ``CharRanges`` answers each question with one
bisection over the ranges sorted by start, however many there are and however they overlap.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate


class CharRanges:
    """A set of half-open character ranges ``(start, end)``; ``char in ranges`` is True when
    some range has ``start <= char < end`` (the same as ``any(start <= char < end for ...)``).

    ranges: the ranges, in any order; they may overlap, nest or be empty (``start >= end``,
    which holds nothing).
    """

    __slots__ = ("_starts", "_reach")

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        spans = sorted((start, end) for start, end in ranges)
        self._starts = [start for start, _ in spans]
        # The furthest end of any range starting at or before each start: a character is held
        # when the ranges starting at or before it reach past it.
        self._reach = list(accumulate((end for _, end in spans), max))

    def __contains__(self, char: int) -> bool:
        last = bisect_right(self._starts, char) - 1
        return last >= 0 and self._reach[last] > char

    def __len__(self) -> int:
        return len(self._starts)
