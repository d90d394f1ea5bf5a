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
        method = getattr(self, f"_{candidate.name}")
        return method(candidate.match, span, sentence)
