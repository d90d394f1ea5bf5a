"""Reference-date bookkeeping: what normalising one document needs (its date, its parse)
and the dates its text has mentioned so far, for expressions that refer back."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from dossier.extract.timex.points import Point


@dataclass
class _Context:
    """What normalising one document needs: its date, its parse, what it said so far.

    text: ``doc.text``, kept here since spaCy builds it anew at each ``doc.text``.
    """

    doc: Doc
    text: str
    anchor: Point | None
    references: list[tuple[int, Point]] = field(default_factory=list)  # (sentence, point)

    def last_reference(
        self,
        granularities: Iterable[str] | None = None,
        sentence: int | None = None,
        window: int | None = None,
    ) -> Point | None:
        """The last date the text mentioned, of one of ``granularities`` (any when None);
        within ``window`` sentences before ``sentence`` when both are given."""
        wanted = set(granularities) if granularities is not None else None
        for ref_sentence, point in reversed(self.references):
            if sentence is not None and window is not None and sentence - ref_sentence > window:
                return None
            if wanted is None or point.granularity in wanted:
                return point
        return None
