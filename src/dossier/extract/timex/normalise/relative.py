"""Normalisers of dates counted from the document date or an earlier date of the text:
"yesterday", "on Friday", "last week", "the next day", parts of the day and clock times."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from spacy.tokens import Span

from dossier.calendar import MONTHS, WEEKDAYS
from dossier.extract.timex.normalise.base import _RELATIVE_STEP, _NormaliserBase, _Value
from dossier.extract.timex.points import Point
from dossier.extract.timex.quantities import _number
from dossier.extract.timex.resolve import _resolve_day, _resolve_weekday
from dossier.extract.timex.tense import FUTURE, PAST, tense_of
from dossier.extract.timex.vocabulary import DAY_PARTS


class RelativeNormalisers(_NormaliserBase):
    """Days, weeks and months counted from the document date or a date the text named."""

    def _relative_day(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        word = m["word"].lower()
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
        pre = " ".join((m["pre"] or "").lower().split())
        offset += {"the day before": -1, "the day after": 1}.get(pre, 0)
        part = (m["part"] or "").lower() or ("night" if word == "tonight" else None)
        if self.anchor is None or self.anchor.granularity != "day":
            return _Value("DATE", "PRESENT_REF") if word == "today" else None
        point = self.anchor.shift(offset, "day")
        if part:
            timed = replace(point, time=DAY_PARTS[part])
            return _Value("TIME", timed.value(), anchored=True, point=point)
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _weekday(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        weekday = WEEKDAYS[m["weekday"].lower()]
        rel = " ".join((m["rel"] or "").lower().split()) or None
        part = (m["part"] or "").lower() or None
        if m["plural"] or m["partplural"]:
            suffix = f"T{DAY_PARTS[part]}" if part else ""
            return _Value("SET", f"XXXX-WXX-{weekday}{suffix}")
        if self.anchor is None or self.anchor.granularity != "day":
            return _Value("DATE", f"XXXX-WXX-{weekday}")
        if rel in ("the previous", "previous", "the following", "following", "that"):
            reference = self.context.last_reference(("day",)) or self.anchor
            base = reference.first_day
            current = base.isoweekday()
            if rel == "that":
                delta = (weekday - current) % 7
                delta = delta if delta <= 3 else delta - 7
            elif "previous" in rel:
                delta = -((current - weekday) % 7 or 7)
            else:
                delta = (weekday - current) % 7 or 7
            point = Point.from_date(base + dt.timedelta(days=delta))
        else:
            tense = tense_of(span, signals=False)
            lead = span.doc[max(span.start - 3, 0) : span.start].text.lower()
            if lead in ("as early as", "as soon as") and tense != PAST:
                tense = FUTURE
            point = _resolve_weekday(weekday, self.anchor, tense, rel)
        if part:
            timed = replace(point, time=DAY_PARTS[part])
            return _Value("TIME", timed.value(), anchored=True, point=point)
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _relative_unit(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        rel = " ".join(m["rel"].lower().split())
        unit = m["unit"].lower()
        if unit in ("morning", "afternoon", "evening", "night"):
            return self._day_part(rel, unit, span)
        if span[0].is_title and span[-1].is_title and not span[0].is_sent_start:
            return None  # ABC's "This Week": a title
        before = self.context.text[max(0, span.start_char - 30) : span.start_char].lower()
        if (
            rel == "the"
            and unit in ("month", "week")
            and re.search(r"(?:end|beginning|start|middle|rest)\s+of\s+$", before)
        ):
            rel = "this"  # "by the end of the month": the current one
        if rel == "the" and unit == "day" and re.search(r"(?:later|earlier)\s+in\s+$", before):
            return self._next_day(0)  # "later in the day": the day the story is on
        if rel == "the" and unit not in ("year", "weekend", "week"):
            return None  # "the day", "the month": too often not a date
        if rel in ("the next", "the last", "the past") and unit in ("day",):
            return None if rel != "the next" else self._next_day(1)
        if unit == "day":
            if rel in ("that", "the same", "same"):
                return self._next_day(0)
            if rel in ("the following", "following"):
                return self._next_day(1)
            if rel in ("the previous", "previous", "the preceding", "the prior"):
                return self._next_day(-1)
            return None
        if m["fiscal"] and rel == "the":
            return _Value("DURATION", "P1Y")
        if unit == "year" and rel == "the":
            return self._the_year(span)
        if self.anchor is None:
            return None
        step = _RELATIVE_STEP.get(rel)
        if step is None:
            return None
        if unit == "weekend":
            if self.anchor.granularity != "day":
                return None
            base = self.anchor.first_day
            if rel in ("this", "the", "that", "the same", "same"):
                # the weekend around the date: the coming one on a weekday, in a past-tense
                # sentence the one just gone.
                iso = base.isocalendar()
                if rel == "the" and iso[2] < 6 and tense_of(span) == PAST:
                    base -= dt.timedelta(days=7)
                step = 0
            week = Point.from_date(base).coarsen("week").shift(step, "week")
            point = replace(week, weekend=True)
            return _Value("DATE", point.value(), anchored=True, point=week)
        granularity = {"week": "week", "month": "month", "year": "year", "decade": "decade"}[unit]
        base = self.base_for(rel, granularity, sentence)
        if base is None:
            return None
        if unit == "week" and base.granularity not in ("day", "week"):
            return None
        if rel in ("the past", "the last") and unit == "week" and tense_of(span) != PAST:
            return _Value("DURATION", "P1W")
        point = base.coarsen(granularity).shift(step, unit)
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _the_year(self, span: Span) -> _Value | None:
        # "the year ended Sept. 30" is a (fiscal) year's span; "for the year", "earlier in the
        # year" mean the current one.
        doc = span.doc
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        if after in ("ended", "ending", "ends", "to", "through"):
            return _Value("DURATION", "P1Y")
        if self.anchor is None:
            return None
        point = self.anchor.coarsen("year")
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _next_day(self, offset: int) -> _Value | None:
        reference = self.context.last_reference(("day",)) or self.anchor
        if reference is None or reference.granularity != "day":
            return None
        point = replace(reference, time=None).shift(offset, "day")
        return _Value("DATE", point.value(), anchored=True, point=point, anchor=reference.value())

    def _day_part(self, rel: str, part: str, span: Span) -> _Value | None:
        if self.anchor is None or self.anchor.granularity != "day":
            return None
        if rel == "the" and part in ("night", "evening"):
            return None  # "on the night of Oct. 23": the date is what matters
        if rel in ("this", "the", "that", "the same"):
            base = (
                self.anchor
                if rel == "this"
                else (self.context.last_reference(("day",)) or self.anchor)
            )
        elif rel in ("last", "the previous", "previous"):
            base = self.anchor.shift(-1, "day") if part == "night" or rel == "last" else None
            if base is None:
                reference = self.context.last_reference(("day",)) or self.anchor
                base = reference.shift(-1, "day")
        elif rel in ("the next", "next", "the following", "following"):
            reference = self.context.last_reference(("day",)) or self.anchor
            point = replace(reference, time=None).shift(1, "day")
            return _Value("DATE", point.value(), anchored=True, point=point)
        else:
            return None
        point = replace(base, time=DAY_PARTS[part])
        return _Value("TIME", point.value(), anchored=True, point=replace(base, time=None))

    def _part_of_day(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        pre = (m["pre"] or "").lower() or None
        if pre is None:
            return None  # a bare "morning" is too often no particular one
        part = m["part"].lower()
        if self.anchor is None or self.anchor.granularity != "day":
            return None
        reference = self.context.last_reference(("day",)) or self.anchor
        point = replace(reference, time=DAY_PARTS[part])
        mod = {"early": "START", "late": "END", "mid": "MID"}.get(pre)
        return _Value(
            "TIME", point.value(), mod=mod, anchored=True, point=replace(point, time=None)
        )

    def _night_words(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        word = " ".join(m["word"].lower().split())
        if self.anchor is None or self.anchor.granularity != "day":
            return None
        if word == "overnight":
            reference = self.context.last_reference(("day",)) or self.anchor
            point = reference.shift(-1, "day") if reference is self.anchor else reference
        elif word == "last night":
            point = self.anchor.shift(-1, "day")
        else:
            point = self.anchor
        timed = replace(point, time="NI")
        return _Value("TIME", timed.value(), anchored=True, point=replace(point, time=None))

    def _time(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        if m["named"]:
            clock = DAY_PARTS[m["named"].lower()]
        elif m["oclock"]:
            hour = _number(m["oclock"])
            if hour is None:
                return None
            clock = f"{int(hour):02d}:00"
        elif m["hour24"] is not None:
            clock = f"{int(m['hour24']):02d}:{m['minute24']}"
        else:
            hour = int(m["hour"])
            minute = m["minute"] or "00"
            if hour > 12:
                return None
            pm = m["ampm"].lower().startswith("p")
            hour = (hour % 12) + (12 if pm else 0)
            clock = f"{hour:02d}:{minute}"
        if self.anchor is None or self.anchor.granularity != "day":
            return _Value("TIME", f"XXXX-XX-XXT{clock}")
        if m["weekday"]:
            day = _resolve_weekday(
                WEEKDAYS[m["weekday"].lower()], self.anchor, tense_of(span, signals=False), None
            )
        elif m["relday"]:
            offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
            day = self.anchor.shift(offset[m["relday"].lower()], "day")
        elif m["month"]:
            month = MONTHS[m["month"].rstrip(".").lower()]
            resolved = _resolve_day(
                month, int(re.sub(r"\D", "", m["day"])), self.anchor, tense_of(span)
            )
            if resolved is None:
                return None
            day = resolved
        else:
            day = self.context.last_reference(("day",)) or self.anchor
        point = replace(day, time=clock)
        approximate = (m["qmod"] or "").lower() in ("about", "around", "approximately")
        mod = "APPROX" if approximate else None
        return _Value("TIME", point.value(), mod=mod, anchored=True, point=replace(day, time=None))
