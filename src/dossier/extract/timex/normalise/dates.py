"""Normalisers of calendar dates named outright or nearly: day dates, months, years,
decades, centuries, seasons and holidays."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span

from dossier.calendar import MONTHS, WEEKDAYS
from dossier.extract.timex.disambiguate import _MONTH_ADJECTIVES, _month_context, _year_context
from dossier.extract.timex.holidays import _MOVABLE_FEASTS
from dossier.extract.timex.normalise.base import _RELATIVE_STEP, _NormaliserBase, _Value
from dossier.extract.timex.patterns import _DAY_ORDINALS
from dossier.extract.timex.points import _SEASON_ORDER, Point, _add_months
from dossier.extract.timex.quantities import _year_from_words
from dossier.extract.timex.resolve import _resolve_day, _resolve_month, _resolve_period
from dossier.extract.timex.tense import FUTURE, PAST, tense_of
from dossier.extract.timex.vocabulary import _ORDINALS, HOLIDAYS, SEASONS


class DateNormalisers(_NormaliserBase):
    """Dates of the calendar: "November 18, 2011", "in July", "1990s", "the fall of 2011"."""

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
