"""Calendar values: ``Point`` (a day, week, month, season, quarter, ... of a year), parsing
a document date or a TIMEX3 value into one, and the granularities from fine to coarse."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

# --- calendar values --------------------------------------------------------------------------

#: Granularities from fine to coarse.
GRANULARITIES = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century")
_RANK = {name: rank for rank, name in enumerate(GRANULARITIES)}


@dataclass(frozen=True)
class Point:
    """A calendar point or period at one granularity: a day, a week, a month, a quarter, ...

    ``year`` always holds a year in the period (its first); the other fields hold what the
    granularity needs: ``month`` and ``day`` for a day, ``week`` (ISO) for a week, ``number``
    for a quarter (1-4), a half (1-2), a season (index into ``_SEASON_ORDER``). ``time`` is a
    TimeML time suffix for a day ("MO", "15:30").
    """

    granularity: str
    year: int
    month: int = 1
    day: int = 1
    week: int = 1
    number: int = 1
    time: str | None = None
    weekend: bool = False

    @classmethod
    def from_date(cls, day: dt.date) -> Point:
        return cls("day", day.year, day.month, day.day)

    @property
    def first_day(self) -> dt.date:
        g = self.granularity
        if g == "day":
            return dt.date(self.year, self.month, self.day)
        if g == "week":
            return dt.date.fromisocalendar(self.year, self.week, 1)
        if g == "month":
            return dt.date(self.year, self.month, 1)
        if g == "quarter":
            return dt.date(self.year, 3 * self.number - 2, 1)
        if g == "half":
            return dt.date(self.year, 6 * self.number - 5, 1)
        if g == "season":
            return dt.date(self.year, _SEASON_START[self.number], 1)
        if g == "decade":
            return dt.date(self.year - self.year % 10, 1, 1)
        if g == "century":
            return dt.date(max(self.year - self.year % 100, 1), 1, 1)
        return dt.date(self.year, 1, 1)

    @property
    def last_day(self) -> dt.date:
        g = self.granularity
        if g == "day":
            return self.first_day
        if g == "week":
            return self.first_day + dt.timedelta(days=6)
        if g == "month":
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        if g in ("quarter", "half"):
            months = 3 if g == "quarter" else 6
            last_month = months * self.number
            return dt.date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])
        if g == "season":
            return self.shift(1, "season").first_day - dt.timedelta(days=1)
        if g == "decade":
            return dt.date(self.year - self.year % 10 + 9, 12, 31)
        if g == "century":
            return dt.date(self.year - self.year % 100 + 99, 12, 31)
        return dt.date(self.year, 12, 31)

    def coarsen(self, granularity: str) -> Point:
        """This point at a coarser ``granularity`` (a finer one returns it unchanged)."""
        if _RANK[granularity] <= _RANK[self.granularity] and granularity != "week":
            return self
        first = self.first_day
        if granularity == "week":
            if self.granularity == "week":
                return self
            if self.granularity != "day":
                return self
            iso = first.isocalendar()
            return Point("week", iso[0], week=iso[1])
        if granularity == "month":
            return Point("month", first.year, first.month)
        if granularity == "quarter":
            return Point("quarter", first.year, number=(first.month - 1) // 3 + 1)
        if granularity == "half":
            return Point("half", first.year, number=(first.month - 1) // 6 + 1)
        if granularity == "season":
            return _season_of(first)
        if granularity == "decade":
            return Point("decade", first.year - first.year % 10)
        if granularity == "century":
            return Point("century", first.year - first.year % 100)
        return Point("year", first.year)

    def shift(self, amount: int, unit: str) -> Point:
        """This point moved by ``amount`` ``unit``s, keeping its own granularity where it can.

        unit: ``day``, ``week``, ``month``, ``quarter``, ``half``, ``season``, ``year``,
            ``decade`` or ``century``. Moving a month by days moves its first day.
        """
        g = self.granularity
        if unit == "season" and g == "season":
            index = self.year * 4 + self.number + amount
            return Point("season", index // 4, number=index % 4)
        months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
        if unit in months:
            if g in ("day", "week"):
                first = self.first_day if g == "week" else dt.date(self.year, self.month, self.day)
                moved = _add_months(first, amount * months[unit])
                return Point.from_date(moved) if g == "day" else Point.from_date(moved).coarsen(g)
            if g in ("decade", "century", "year"):
                return replace(self, year=self.year + amount * months[unit] // 12)
            if g == "month":
                index = self.year * 12 + self.month - 1 + amount * months[unit]
                return replace(self, year=index // 12, month=index % 12 + 1)
            per_year = {"quarter": 4, "half": 2, "season": 4}[g]
            steps = amount * months[unit] * per_year // 12
            if g == "season":
                index = self.year * 4 + self.number + steps
                return Point("season", index // 4, number=index % 4)
            index = self.year * per_year + self.number - 1 + steps
            return replace(self, year=index // per_year, number=index % per_year + 1)
        days = amount * (7 if unit == "week" else 1)
        moved_day = self.first_day + dt.timedelta(days=days)
        if g == "week":
            iso = moved_day.isocalendar()
            return replace(self, year=iso[0], week=iso[1])
        return Point.from_date(moved_day).coarsen(g) if g != "day" else Point.from_date(moved_day)

    def value(self) -> str:
        """The TIMEX3 value."""
        g = self.granularity
        if g == "day":
            text = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
            return f"{text}T{self.time}" if self.time else text
        if g == "week":
            return f"{self.year:04d}-W{self.week:02d}" + ("-WE" if self.weekend else "")
        if g == "month":
            return f"{self.year:04d}-{self.month:02d}"
        if g in _YEAR_PARTS:
            return f"{self.year:04d}-{_YEAR_PARTS[g][self.number]}"
        if g == "decade":
            return f"{self.year // 10:03d}"
        if g == "century":
            return f"{self.year // 100:02d}"
        return f"{self.year:04d}"


#: Seasons in the order of a year's calendar; winter is the year's last (its December is in the
#: year it is named by). Meteorological: spring starts in March, winter in December.
_SEASON_ORDER = ("SP", "SU", "FA", "WI")
_SEASON_START = {0: 3, 1: 6, 2: 9, 3: 12}
#: The TimeML names of a year's parts, by ``Point.number``: quarters and halves count from 1,
#: seasons from 0 (``_SEASON_ORDER``).
_YEAR_PARTS = {
    "quarter": ("", "Q1", "Q2", "Q3", "Q4"),
    "half": ("", "H1", "H2"),
    "season": _SEASON_ORDER,
}


def _season_of(day: dt.date) -> Point:
    if day.month in (12, 1, 2):
        return Point("season", day.year if day.month == 12 else day.year - 1, number=3)
    return Point("season", day.year, number=(day.month - 3) // 3)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_anchor(value: str | None) -> Point | None:
    """The document date as a ``Point``: ``2011-11-18`` a day, ``2012-03`` a month, ``2021`` a
    year. Time of day and anything unreadable are dropped; None gives None."""
    if not value:
        return None
    match = re.match(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            return Point.from_date(dt.date(int(year), int(month), int(day)))
    except ValueError:
        return None
    if int(year) < dt.MINYEAR or (month and not 1 <= int(month) <= 12):
        return None  # "0000", "2011-13": no calendar point
    if month:
        return Point("month", int(year), int(month))
    return Point("year", int(year))


def parse_value(value: str) -> Point | None:
    """A TIMEX3 date value back to a ``Point`` (None for durations, references, X-values)."""
    text = value.split("T")[0]
    if "X" in text or not text[:1].isdigit():
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return Point.from_date(dt.date.fromisoformat(text))
        except ValueError:
            return None
    if match := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", text):
        return Point("week", int(match[1]), week=int(match[2]), weekend=bool(match[3]))
    if match := re.fullmatch(r"(\d{4})-(\d{2})", text):
        return Point("month", int(match[1]), int(match[2]))
    if match := re.fullmatch(r"(\d{4})-([A-Z][A-Z\d])", text):
        for granularity, names in _YEAR_PARTS.items():
            if match[2] in names:
                return Point(granularity, int(match[1]), number=names.index(match[2]))
        return None
    if re.fullmatch(r"\d{4}", text):
        return Point("year", int(text))
    if re.fullmatch(r"\d{3}", text):
        return Point("decade", int(text) * 10)
    if re.fullmatch(r"\d{2}", text):
        return Point("century", int(text) * 100)
    return None
