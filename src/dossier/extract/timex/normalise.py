"""Normalisation: turning a recognised expression, the document date and what the text said
before it into a TIMEX3 type and value, one normaliser per pattern."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from spacy.tokens import Span

from dossier.extract.timex.context import _Context
from dossier.extract.timex.disambiguate import _MONTH_ADJECTIVES, _month_context, _year_context
from dossier.extract.timex.holidays import _MOVABLE_FEASTS
from dossier.extract.timex.patterns import _DAY_ORDINALS, _Candidate
from dossier.extract.timex.points import _RANK, _SEASON_ORDER, GRANULARITIES, Point, _add_months
from dossier.extract.timex.quantities import (
    _fmt_number,
    _number,
    _unit,
    _year_from_words,
    duration_value,
)
from dossier.extract.timex.resolve import (
    _resolve_day,
    _resolve_month,
    _resolve_period,
    _resolve_weekday,
)
from dossier.extract.timex.tense import FUTURE, PAST, tense_of
from dossier.extract.timex.vocabulary import (
    _ORDINALS,
    DAY_PARTS,
    HOLIDAYS,
    MONTHS,
    QUANTITY_MODS,
    SEASONS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)

# --- normalisation ------------------------------------------------------------------------------


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


class _Normaliser:
    """Turns candidates into values, one document at a time, in text order."""

    def __init__(self, context: _Context) -> None:
        self.context = context

    # helpers -------------------------------------------------------------------------------

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

    # the normalisers, one per pattern --------------------------------------------------------

    def normalise(self, candidate: _Candidate, span: Span, sentence: int) -> _Value | None:
        method = getattr(self, f"_{candidate.name}")
        return method(candidate.match, span, sentence)

    def _date(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        month = MONTHS[(m["month"] or m["month2"]).rstrip(".").lower()]
        day_text = (m["day"] or m["day2"]).lower()
        day = _DAY_ORDINALS.get(day_text) or int(re.sub(r"\D", "", day_text))
        if m["year"]:
            try:
                point = Point.from_date(dt.date(int(m["year"]), month, day))
            except ValueError:
                return None
            return _Value("DATE", point.value(), point=point)
        if m["yearrel"]:
            rel = " ".join(m["yearrel"].strip(" ,").lower().split()[:-1]).removeprefix("of ")
            base = self.base_for(rel, "year", sentence)
            if base is None:
                return _Value("DATE", f"XXXX-{month:02d}-{day:02d}")
            year = base.year + _RELATIVE_STEP.get(rel, 0)
            try:
                point = Point.from_date(dt.date(year, month, day))
            except ValueError:
                return None
            return _Value("DATE", point.value(), anchored=True, point=point)
        if self.anchor is None:
            return _Value("DATE", f"XXXX-{month:02d}-{day:02d}")
        point = None
        if m["weekday"]:
            weekday = WEEKDAYS[m["weekday"].lower()]
            base = self.anchor.first_day
            for year in (base.year, base.year - 1, base.year + 1):
                try:
                    if dt.date(year, month, day).isoweekday() == weekday:
                        point = Point.from_date(dt.date(year, month, day))
                        break
                except ValueError:
                    continue
        if point is None:
            point = _resolve_day(month, day, self.anchor, tense_of(span))
        if point is None:
            return None
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _weekday_date(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        # "Friday, the 18th": the month is the document's, or the one the weekday fits.
        if self.anchor is None or self.anchor.granularity not in ("day", "week", "month"):
            return None
        day = int(re.sub(r"\D", "", m["day"]))
        weekday = WEEKDAYS[m["weekday"].lower()]
        base = self.anchor.first_day
        for months in (0, -1, 1):
            moved = _add_months(base.replace(day=1), months)
            try:
                candidate = moved.replace(day=day)
            except ValueError:
                continue
            if candidate.isoweekday() == weekday:
                point = Point.from_date(candidate)
                return _Value("DATE", point.value(), anchored=True, point=point)
        return None

    def _month_year(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        month = MONTHS[m["month"].rstrip(".").lower()]
        if m["year"] or m["yearwords"]:
            year = int(m["year"]) if m["year"] else _year_from_words(m["yearwords"])
            if year is None:
                return None
            point = Point("month", year, month)
            return _Value("DATE", point.value(), point=point)
        rel = " ".join(m["yearrel"].lower().split()[:-1])
        base = self.base_for(rel, "year", sentence)
        if base is None:
            return _Value("DATE", f"XXXX-{month:02d}")
        point = Point("month", base.year + _RELATIVE_STEP.get(rel, 0), month)
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _month(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        word = m["month"]
        token = span[-1]
        if token.tag_ == "MD" or token.pos_ in ("VERB", "AUX"):
            return None  # "may", "march" as verbs
        if token.ent_type_ in ("PERSON", "ORG", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT", "LAW"):
            return None  # "April Glaspie", "the March for Life"
        if word in ("May", "March") and not _month_context(span):
            return None
        before = span.doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.pos_ == "ADJ" and before.lower_ not in _MONTH_ADJECTIVES:
            return None  # "the annual March for Life"
        month = MONTHS[word.rstrip(".").lower()]
        rel = (m["rel"] or "").lower() or None
        if self.anchor is None:
            return _Value("DATE", f"XXXX-{month:02d}")
        if rel in ("last", "past", "this past", "the previous"):
            base = self.anchor.first_day
            year = base.year if month < base.month else base.year - 1
            point = Point("month", year, month)
        elif rel in ("next", "coming", "this coming", "the following"):
            base = self.anchor.first_day
            year = base.year if month > base.month else base.year + 1
            point = Point("month", year, month)
        elif rel == "this":
            point = Point("month", self.anchor.year, month)
        else:
            point = _resolve_month(month, self.anchor, tense_of(span))
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _iso_date(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        try:
            point = Point.from_date(dt.date(int(m["year"]), int(m["month"]), int(m["day"])))
        except ValueError:
            return None
        return _Value("DATE", point.value(), point=point)

    def _numeric_date(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        year = int(m["year"])
        if year < 100:
            year += 1900 if year > 30 else 2000
        try:
            point = Point.from_date(dt.date(year, int(m["month"]), int(m["day"])))
        except ValueError:
            return None
        return _Value("DATE", point.value(), point=point)

    def _year(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        year = int(m["year"])
        if m["plural"]:
            point = Point("decade", year) if year % 10 == 0 else None
            if point is None:
                return None
            return _Value("DATE", point.value(), point=point)
        if not m["fiscal"] and not _year_context(span, year):
            return None
        point = Point("year", year)
        return _Value("DATE", point.value(), point=point)

    def _year_words(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        year = _year_from_words(m["yearwords"])
        if year is None:
            return None
        point = Point("year", year)
        return _Value("DATE", point.value(), point=point)

    def _short_year(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        yy = int(m["yy"])
        if self.anchor is not None:
            century = self.anchor.year - self.anchor.year % 100
            year = century + yy if century + yy <= self.anchor.year + 10 else century - 100 + yy
        else:
            year = 1900 + yy if yy > 30 else 2000 + yy
        point = Point("year", year)
        return _Value("DATE", point.value(), point=point)

    def _decade(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        if m["words"]:
            decade = [
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            ].index(m["words"].lower()) + 2
            century = 1900
            year = century + decade * 10
        elif m["century"]:
            year = int(m["century"]) * 100 + int(m["decade"]) * 10
        else:
            digit = int(m["decade2"] or m["decade3"])
            century = 1900
            if self.anchor is not None:
                century = self.anchor.year - self.anchor.year % 100
                if century + digit * 10 > self.anchor.year:
                    century -= 100
            year = century + digit * 10
        point = Point("decade", year)
        mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["part"] or "").lower())
        return _Value("DATE", point.value(), mod=mod, point=point)

    def _century(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        if m["number"]:
            number = int(m["number"])
        else:
            number = _ORDINALS.get(m["ordinal"].lower().replace(" ", "-"), 0)
        if not 1 <= number <= 30:
            return None
        point = Point("century", (number - 1) * 100)
        mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["part"] or "").lower())
        return _Value("DATE", point.value(), mod=mod, point=point)

    def _rel_century(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        rel = " ".join(m["rel"].lower().split())
        if rel == "the past":
            return _Value("DURATION", "P100Y")
        if self.anchor is None:
            return _Value("DATE", "XX")
        point = self.anchor.coarsen("century").shift(_RELATIVE_STEP.get(rel, 0), "century")
        return _Value("DATE", point.value(), anchored=True, point=point)

    def _season(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        season = SEASONS[m["season"].lower()]
        number = _SEASON_ORDER.index(season)
        rel = " ".join((m["rel"] or "").lower().split()) or None
        year_text = m["year"] or m["year2"]
        if season == "FA" and not (rel or year_text):
            return None  # "a fall in prices"
        if season == "FA" and rel == "the" and not (year_text or m["yearwords"] or m["yearrel"]):
            following = span.doc[span.end] if span.end < len(span.doc) else None
            if following is None or following.lower_ in ("of", "in"):
                return None  # "the fall of the Berlin Wall"
        mod = {"early": "START", "mid": "MID", "late": "END"}.get(rel or "")
        if year_text or m["yearwords"]:
            year = int(year_text) if year_text else _year_from_words(m["yearwords"])
            if year is None:
                return None
            point = Point("season", year, number=number)
            return _Value("DATE", point.value(), mod=mod, point=point)
        if m["yearrel"]:
            words = m["yearrel"].lower().split()[:-1]
            yrel = " ".join(words)
            base = self.base_for(yrel, "year", sentence)
            if base is None:
                return _Value("DATE", f"XXXX-{season}", mod=mod)
            point = Point("season", base.year + _RELATIVE_STEP.get(yrel, 0), number=number)
            return _Value("DATE", point.value(), mod=mod, anchored=True, point=point)
        if self.anchor is None:
            return _Value("DATE", f"XXXX-{season}", mod=mod)
        if rel == "last":
            # "last spring" is the year before's, as annotators read it even in the autumn.
            point = Point("season", self.anchor.year - 1, number=number)
        elif rel == "this past":
            current = self.anchor.coarsen("season") if self.anchor.granularity == "day" else None
            year = self.anchor.year - 1
            if current is not None and current.number > number:
                year = current.year
            point = Point("season", year, number=number)
        elif rel in ("next", "this coming"):
            current = self.anchor.coarsen("season") if self.anchor.granularity == "day" else None
            year = self.anchor.year + 1
            if current is not None and current.number < number:
                year = current.year
            point = Point("season", year, number=number)
        elif rel == "this":
            point = Point("season", self.anchor.year, number=number)
        elif rel == "that":
            base = self.base_for("that", "year", sentence) or self.anchor
            point = Point("season", base.year, number=number)
        else:
            point = _resolve_period(number, "season", self.anchor, tense_of(span))
        return _Value("DATE", point.value(), mod=mod, anchored=True, point=point)

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
        before = span.doc.text[max(0, span.start_char - 30) : span.start_char].lower()
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

    def _duration(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        unit = _unit(m["unit"])
        if unit not in UNITS:
            return None
        number_text = " ".join(m["number"].lower().split())
        amount = _number(number_text)
        vague = amount is None
        if vague and number_text not in VAGUE_NUMBERS:
            return None
        direction = " ".join((m["direction"] or "").lower().split()) or None
        qmod = QUANTITY_MODS.get(" ".join((m["qmod"] or "").lower().split()))
        rel = (m["rel"] or "").lower() or None
        the = (m["the"] or "").lower() or None
        if number_text in ("a couple of", "couple of"):
            qmod = qmod or "APPROX"
        if amount is not None and m["number2"]:
            second = _number(m["number2"])
            vague = second is None
            amount = amount if second is None else amount
        if direction in ("or so",):
            qmod, direction = "APPROX", None
        if unit == "weekend" and amount == 1 and not direction:
            return None
        if number_text in ("a", "an") and not (direction or qmod or rel or the):
            return None  # "a year": left to a_unit, which knows the sets
        if number_text == "some" and not direction:
            return None
        trim = len(m.group(0)) - (m.start("direction") - m.start()) if direction else 0
        if direction in ("earlier", "later") and unit in (
            "second",
            "minute",
            "hour",
            "day",
            "week",
        ):
            # "three days later": TimeML tags the stretch, with "later" as its signal.
            value = duration_value(None if vague else amount, unit)
            return _Value("DURATION", value, mod=qmod, trim_end=trim)
        if direction in ("ago", "back", "earlier", "later", "from now", "hence", "previously"):
            return self._shifted(amount, unit, direction, qmod, span, sentence)
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if after is not None and after.lower_ == "old" and not direction:
            return None  # "52 years old": an age
        if the and rel in ("past", "last") and unit in ("year",) and amount == 1:
            return None
        if unit == "quarter" and amount is not None and amount > 1 and rel in ("next",):
            return _Value("DURATION", f"P{_fmt_number(amount * 3)}M", mod=qmod)
        value = duration_value(None if vague else amount, unit)
        if direction in ("before", "after", "prior", "since"):
            return _Value("DURATION", value, mod=qmod, trim_end=trim)
        return _Value("DURATION", value, mod=qmod)

    def _shifted(
        self,
        amount: float | None,
        unit: str,
        direction: str,
        mod: str | None,
        span: Span,
        sentence: int,
    ) -> _Value | None:
        """ "two years ago", "a year earlier", "three days later"."""
        if unit in ("second", "minute", "hour"):
            return _Value("TIME" if amount is not None else "DATE", "PAST_REF")
        if amount is None:
            return _Value(
                "DATE", "PAST_REF" if direction in ("ago", "earlier", "back") else "FUTURE_REF"
            )
        sign = 1 if direction in ("later", "from now", "hence") else -1
        letter, per, _ = UNITS[unit]
        steps = amount * per
        calendar_unit = {
            "day": "day",
            "night": "day",
            "week": "week",
            "fortnight": "week",
            "weekend": "week",
            "month": "month",
            "quarter": "quarter",
            "year": "year",
            "decade": "year",
            "century": "year",
            "millennium": "year",
        }[unit]
        if steps != int(steps):
            if calendar_unit == "year":
                steps, calendar_unit = steps * 12, "month"
            elif calendar_unit == "month":
                steps, calendar_unit = steps * 30, "day"
            steps = round(steps)
        steps = int(steps)
        if self.anchor is None:
            return None
        granularity = calendar_unit
        if unit in ("decade",) and steps % 10 == 0:
            granularity = "year"
        base = self.anchor
        if direction in ("earlier", "later", "previously"):
            base = self.context.last_reference(None, sentence, 3) or self.anchor
        keep = False
        if calendar_unit == "year":
            finer = self.context.last_reference(("quarter", "half"), sentence, 2)
            if finer is not None and (direction != "ago" or steps == 1):
                base, keep = finer, True
            elif direction != "ago" and base.granularity in ("quarter", "half", "month"):
                keep = True
        elif calendar_unit in ("day", "week") and direction != "ago" and base.granularity == "day":
            keep = calendar_unit == "day"
        if base.granularity in ("decade", "century"):
            return None
        if keep:
            point = replace(base, time=None).shift(sign * steps, calendar_unit)
        else:
            if _RANK[base.granularity] > _RANK[granularity] and granularity != "week":
                return None  # "three days later" than a year
            if granularity == "week" and base.granularity != "day" and base.granularity != "week":
                return None
            point = replace(base, time=None).coarsen(granularity).shift(sign * steps, calendar_unit)
        return _Value(
            "DATE",
            point.value(),
            mod=mod,
            anchored=True,
            point=point,
            anchor=base.value(),
            reference=calendar_unit in ("day", "week"),
        )

    def _adjectival_duration(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        unit = _unit(m["unit"])
        amount = _number(m["number"])
        if amount is None or unit not in UNITS or (m["old"] or "").lower() == "-old":
            return None  # "a 6-year-old": an age, not a time
        return _Value("DURATION", duration_value(amount, unit))

    def _vague_duration(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        unit = _unit(m["unit"])
        direction = (m["direction"] or "").lower() or None
        rel = (m["rel"] or "").lower() or None
        doc = span.doc
        if direction in ("ago", "earlier"):
            return _Value("DATE", "PAST_REF")
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and (before.like_num or before.tag_ == "CD") and not m["the"]:
            return None  # "5 years": the number is outside a span this pattern could see
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.lower_ in ("old",):
            return None
        if rel in ("coming",) and unit == "quarter":
            return _Value("DATE", "FUTURE_REF")
        value = duration_value(None, unit)
        return _Value("DURATION", value)

    def _unit_long(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        return _Value("DURATION", duration_value(1, _unit(m["unit"])))

    def _set(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        if m["word"]:
            word = m["word"].lower()
            after = span.doc[span.end] if span.end < len(span.doc) else None
            if word == "daily" and after is not None and after.pos_ == "PROPN":
                return None  # "the daily Izvestia": a newspaper
            value = {
                "daily": "P1D",
                "nightly": "P1D",
                "weekly": "XXXX-WXX",
                "monthly": "P1M",
                "annually": "P1Y",
                "yearly": "P1Y",
                "hourly": "PT1H",
                "biweekly": "P2W",
                "fortnightly": "P2W",
                "bimonthly": "P2M",
                "semiannually": "P6M",
                "semi-annually": "P6M",
            }[word]
            return _Value("SET", value)
        what = m["unit"]
        if what in WEEKDAYS or what.lower() in WEEKDAYS and what[0].isupper():
            return _Value("SET", f"XXXX-WXX-{WEEKDAYS[what.lower()]}")
        if what.lower() in MONTHS and what[0].isupper():
            return _Value("SET", f"XXXX-{MONTHS[what.lower()]:02d}")
        if what.lower() in SEASONS:
            return _Value("SET", f"XXXX-{SEASONS[what.lower()]}")
        if what.lower() in DAY_PARTS:
            return _Value("SET", "P1D")  # "every morning": daily
        unit = _unit(what)
        if unit not in UNITS:
            return None
        amount = 2.0 if m["other"] else (_number(m["number"]) if m["number"] else 1.0)
        if amount is None:
            return None
        return _Value("SET", duration_value(amount, unit))

    def _a_unit(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        # "$5 a year", "twice a week" are sets; "for a year", "a year in jail" durations.
        doc = span.doc
        unit = m["unit"].lower()
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        if before is not None and (
            before.lower_ in ("times", "twice", "once", "thrice", "percent", "%")
            or before.tag_ == "CD"
            or before.ent_type_ in ("MONEY", "PERCENT", "QUANTITY")
            or before.lower_ in ("dollars", "barrels", "tons", "people", "cents")
        ):
            return _Value("SET", duration_value(1, unit))
        if after is not None and after.lower_ in ("ago", "earlier", "later", "before", "after"):
            return None
        if before is not None and before.lower_ in (
            "in",
            "within",
            "for",
            "of",
            "than",
            "about",
            "nearly",
            "almost",
            "over",
            "under",
        ):
            return _Value("DURATION", duration_value(1, unit))
        if (
            after is not None
            and after.lower_ in ("or", "and", "to")
            or (before is not None and before.lower_ in ("once",))
        ):
            return None
        return _Value("DURATION", duration_value(1, unit))

    def _vague(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        word = " ".join(m["word"].lower().split())
        if word in (
            "now",
            "right now",
            "just now",
            "currently",
            "presently",
            "at present",
            "these days",
            "nowadays",
            "current",
        ):
            if word == "current":
                after = span.doc[span.end] if span.end < len(span.doc) else None
                if after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ"):
                    return None
                if after.lower_ in (
                    "account",
                    "accounts",
                    "affairs",
                    "events",
                    "prices",
                    "dollars",
                    "flow",
                    "flows",
                ):
                    return None
            return _Value("DATE", "PRESENT_REF")
        if word in (
            "recently",
            "lately",
            "recent",
            "the past",
            "until recently",
            "in the past",
            "of late",
        ):
            if word == "recent":
                return None  # "the recent Freedom of Access act": too often no time at all
            return _Value("DATE", "PAST_REF")
        return _Value("DATE", "FUTURE_REF")

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

    def _holiday(self, m: re.Match[str], span: Span, sentence: int) -> _Value | None:
        name = " ".join(m["name"].lower().split())
        rel = (m["rel"] or "").lower() or None
        year = int(m["year"]) if m["year"] else None
        if name in (
            "easter",
            "easter sunday",
            "election day",
            "labor day",
            "memorial day",
            "thanksgiving",
            "thanksgiving day",
        ):
            compute = _MOVABLE_FEASTS[name.split()[0]]
        else:
            month, day = HOLIDAYS[name]

            def compute(y: int, month: int = month, day: int = day) -> dt.date:
                return dt.date(y, month, day)

        if year is not None:
            point = Point.from_date(compute(year))
            return _Value("DATE", point.value(), point=point)
        if self.anchor is None:
            if name in HOLIDAYS:
                month, day = HOLIDAYS[name]
                return _Value("DATE", f"XXXX-{month:02d}-{day:02d}")
            return None
        base = self.anchor.first_day
        options = [compute(y) for y in (base.year - 1, base.year, base.year + 1)]
        tense = tense_of(span)
        if rel in ("last", "this past") or (rel is None and tense == PAST):
            chosen = max(d for d in options if d <= base)
        elif rel in ("next", "this coming") or (rel is None and tense == FUTURE):
            chosen = min(d for d in options if d >= base)
        else:
            chosen = min(options, key=lambda d: abs((d - base).days))
        point = Point.from_date(chosen)
        return _Value("DATE", point.value(), anchored=True, point=point)
