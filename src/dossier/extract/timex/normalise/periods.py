"""Normalisers of reporting periods: quarters and halves ("the third quarter", "the
year-ago period"), the end of a year, "year-ago" as an adjective."""

from __future__ import annotations

import re

from spacy.tokens import Span

from dossier.extract.timex.normalise.base import _RELATIVE_STEP, _NormaliserBase, _Value
from dossier.extract.timex.points import Point
from dossier.extract.timex.resolve import _resolve_period
from dossier.extract.timex.tense import tense_of


class PeriodNormalisers(_NormaliserBase):
    """Quarters, halves and year ends, as results stories count them."""

    def _quarter(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        ordinal = m["ordinal"].lower()
        unit = m["unit"].lower()
        if unit == "period" and ordinal not in ("first", "second", "third", "fourth"):
            return None
        if unit == "period":
            unit = "quarter"
        count = 4 if unit == "quarter" else 2
        number = {
            "first": 1,
            "1st": 1,
            "second": 2,
            "2nd": 2,
            "third": 3,
            "3rd": 3,
            "fourth": 4,
            "4th": 4,
        }.get(ordinal, count)
        if number > count:
            return None
        granularity = unit
        det = " ".join((m["det"] or "").lower().split())
        yearword = " ".join((m["yearword"] or "").lower().split())
        year_text = m["year"] or m["year2"] or m["year3"]
        if m["plural"] and not year_text:
            return _Value("SET", f"XXXX-{'Q' if unit == 'quarter' else 'H'}{number}")
        if year_text:
            point = Point(granularity, int(year_text), number=number)
            return _Value("DATE", point.value(), point=point)
        step = None
        if m["yearrel"]:
            step = _RELATIVE_STEP.get(" ".join(m["yearrel"].lower().split()[:-1]), 0)
        elif yearword in ("year-ago", "year-earlier", "last year") or det in (
            "the year-ago",
            "the year-earlier",
            "year-ago",
            "year-earlier",
        ):
            step = -1
        elif yearword in ("next year",):
            step = 1
        elif yearword in ("this year",):
            step = 0
        if self.anchor is None:
            return _Value("DATE", f"XXXX-{'Q' if unit == 'quarter' else 'H'}{number}")
        if step is not None:
            if step == -1 and (det.startswith("the year-") or yearword.startswith("year-")):
                reference = self.context.last_reference((granularity,))
                if reference is not None and reference.number == number:
                    point = reference.shift(-1, "year")
                    return _Value(
                        "DATE", point.value(), anchored=True, point=point, reference=False
                    )
            point = Point(granularity, self.anchor.year + step, number=number)
            return _Value("DATE", point.value(), anchored=True, point=point, reference=step != -1)
        point = _resolve_period(number, granularity, self.anchor, tense_of(span))
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _ref_quarter(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        det = " ".join(m["det"].lower().split())
        unit = m["unit"].lower()
        if self.anchor is None:
            return None
        reference = self.context.last_reference(("quarter",), sentence, 3)
        if m["year"]:
            number = reference.number if reference is not None else None
            if number is None:
                if unit == "period":
                    return None
                return _Value("DATE", f"{m['year']}-QX")
            point = Point("quarter", int(m["year"]), number=number)
            return _Value("DATE", point.value(), anchored=True, point=point)
        if m["ago"] or (m["comparable"] and det == "the"):
            # "the year-ago quarter", "the comparable period": the story's quarter a year back.
            latest = self.anchor.coarsen("quarter").shift(-1, "quarter")
            point = (reference or latest).shift(-1, "year")
            return _Value("DATE", point.value(), anchored=True, point=point, reference=False)
        if det in ("the latest", "the recent"):
            # In a results story the latest quarter is the last one ended.
            point = self.anchor.coarsen("quarter").shift(-1, "quarter")
            if unit == "period" and reference is not None:
                point = reference
            return _Value("DATE", point.value(), anchored=True, point=point)
        if unit == "period" and reference is None:
            return None
        if det in ("last", "the previous"):
            point = self.anchor.coarsen("quarter").shift(-1, "quarter")
        elif det == "next":
            point = self.anchor.coarsen("quarter").shift(1, "quarter")
        elif det in ("this", "the current"):
            point = self.anchor.coarsen("quarter")
        elif reference is not None:
            point = reference
        elif det == "the fiscal":
            return None
        else:
            # "the quarter", "the latest quarter" in a results story: the last one ended.
            point = self.anchor.coarsen("quarter").shift(-1, "quarter")
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _year_end(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        if self.anchor is None:
            return None
        step = _RELATIVE_STEP.get((m["rel"] or "this").lower(), 0)
        point = self.anchor.coarsen("year").shift(step, "year")
        return _Value("DATE", point.value(), mod="END", anchored=True, point=point)

    def _year_ago_adjective(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        if self.anchor is None:
            return None
        reference = self.context.last_reference(("quarter", "half"), sentence, 2)
        if reference is not None:
            point = reference.shift(-1, "year")
        else:
            point = self.anchor.coarsen("year").shift(-1, "year")
        return _Value("DATE", point.value(), anchored=True, point=point, reference=False)
