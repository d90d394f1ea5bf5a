"""Normalisation: turning a recognised expression, the document date and what the text said
before it into a TIMEX3 type and value, one normaliser per pattern of ``patterns``.

The normaliser of pattern ``name`` is the method ``_name``; the methods are grouped by what
they normalise, one module each:

- ``base``: the value a normaliser returns, relative-word steps, the shared document state;
- ``dates``: day dates, months, years, decades, centuries, seasons, holidays;
- ``periods``: quarters, halves, year ends;
- ``relative``: days, weekdays, weeks and months counted from a date, parts of the day, clocks;
- ``durations``: durations, shifts ("two years ago"), sets, vague references.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span

from dossier.extract.timex.candidates import _Candidate
from dossier.extract.timex.normalise.base import _Value
from dossier.extract.timex.normalise.dates import DateNormalisers
from dossier.extract.timex.normalise.durations import DurationNormalisers
from dossier.extract.timex.normalise.periods import PeriodNormalisers
from dossier.extract.timex.normalise.relative import RelativeNormalisers

__all__ = ["_Normaliser", "_Value"]


class _Normaliser(DateNormalisers, PeriodNormalisers, RelativeNormalisers, DurationNormalisers):
    """Turns candidates into values, one document at a time, in text order."""

    def normalise(self, candidate: _Candidate, span: Span, sentence: int) -> _Value | None:
        """The candidate's value, or None to turn it down."""
        method = getattr(self, f"_{candidate.name}")
        try:
            value = method(candidate.match, span, sentence)
        except (OverflowError, ValueError):
            # Counting past the calendar's ends ("tomorrow" on 9999-12-31, "yesterday" on
            # 0001-01-01): there is no date to give.
            return None
        return value if value is None or _in_calendar(value) else None


#: A value that starts with a sign or a year of five digits lies outside the years 1-9999.
_OUTSIDE_CALENDAR = re.compile(r"-|\d{5}")


def _in_calendar(value: _Value) -> bool:
    """Whether a value lies within the years 1 to 9999, the only ones TIMEX3 and ``datetime``
    can write ("last year" in year 1 would be year 0, "next year" in 9999 year 10000)."""
    if value.point is not None and not dt.MINYEAR <= value.point.year <= dt.MAXYEAR:
        return False
    return _OUTSIDE_CALENDAR.match(value.value) is None
