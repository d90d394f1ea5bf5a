"""Placing a date the text leaves open (a month, a day, a weekday, a quarter) around the
document date, in the direction its tense gives."""

from __future__ import annotations

import datetime as dt

from dossier.extract.timex.points import Point
from dossier.extract.timex.tense import FUTURE, PAST, PRESENT, PROSPECTIVE


def _resolve_month(month: int, anchor: Point, tense: str | None) -> Point:
    """The month named without a year, placed by tense around the document date: the last
    such month for the past, the next for the future, the nearest for the present."""
    if anchor.granularity not in ("day", "week", "month"):
        return Point("month", anchor.year, month)
    base = anchor.first_day
    if month == base.month:
        return Point("month", base.year, month)
    before = base.year if month < base.month else base.year - 1
    after = base.year if month > base.month else base.year + 1
    if tense == PAST:
        return Point("month", before, month)
    if tense in (FUTURE, PROSPECTIVE):
        return Point("month", after, month)
    distance_before = (base.year * 12 + base.month) - (before * 12 + month)
    distance_after = (after * 12 + month) - (base.year * 12 + base.month)
    return Point("month", after if distance_after < distance_before else before, month)


def _resolve_day(month: int, day: int, anchor: Point, tense: str | None) -> Point | None:
    """A month and day without a year, placed by tense around the document date.

    A tense that would send the date most of a year away when it could be a few weeks off the
    other way is overruled: "payable Dec. 7" in a past-tense sentence of October is this
    December, not last.
    """
    if anchor.granularity not in ("day", "week", "month"):
        try:
            return Point.from_date(dt.date(anchor.year, month, day))
        except ValueError:
            return None
    base = anchor.first_day
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    if anchor.granularity == "month" and month == base.month:
        return Point.from_date(dt.date(base.year, month, day))
    past = [d for d in options if d <= base]
    future = [d for d in options if d >= base]
    last = max(past) if past else None
    upcoming = min(future) if future else None
    nearest = min(options, key=lambda d: (abs((d - base).days), d > base))
    if tense == PAST and last is not None:
        chosen = last
        if upcoming is not None and (base - last).days > 180 and (upcoming - base).days < 120:
            chosen = upcoming
    elif tense in (FUTURE, PROSPECTIVE) and upcoming is not None:
        chosen = upcoming
        if last is not None and (upcoming - base).days > 180 and (base - last).days < 60:
            chosen = last
    elif tense == PRESENT and upcoming is not None and (upcoming - base).days < 180:
        chosen = upcoming
    else:
        chosen = nearest
    return Point.from_date(chosen)


def _resolve_weekday(weekday: int, anchor: Point, tense: str | None, rel: str | None) -> Point:
    """A weekday: in the news, the one of the current week up to the document date, unless
    "next"/"will" point forward ("on Friday" in a Friday's paper is that day)."""
    base = anchor.first_day
    current = base.isoweekday()
    rel = (rel or "").lower()
    if rel in ("this",):
        return Point.from_date(base + dt.timedelta(days=weekday - current))
    if rel in ("last", "past", "this past"):
        delta = (current - weekday) % 7 or 7
        return Point.from_date(base - dt.timedelta(days=delta))
    if rel in ("next", "coming", "this coming"):
        delta = (weekday - current) % 7 or 7
        return Point.from_date(base + dt.timedelta(days=delta))
    if weekday == current:
        return Point.from_date(base)
    if tense == FUTURE:
        return Point.from_date(base + dt.timedelta(days=(weekday - current) % 7))
    return Point.from_date(base - dt.timedelta(days=(current - weekday) % 7))


def _resolve_period(number: int, granularity: str, anchor: Point, tense: str | None) -> Point:
    """A quarter, half or season named without a year ("the third quarter", "the summer").

    The one of the document's year, unless the past tense names one that has not begun yet
    (last year's), or a future one that ended two or more periods ago (next year's): a results
    story of October speaks of the third quarter just ended whatever its verbs.
    """
    if anchor.granularity not in ("day", "week", "month"):
        return Point(granularity, anchor.year, number=number)
    base = anchor.first_day
    current = Point.from_date(base).coarsen(granularity)
    year = current.year
    if tense == PAST and number > current.number:
        year -= 1
    elif tense in (FUTURE, PROSPECTIVE) and number < current.number - 1:
        year += 1
    return Point(granularity, year, number=number)
