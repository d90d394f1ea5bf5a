"""Movable feasts: the dates of Easter, Thanksgiving, Labor Day, Memorial Day and US
election day in a given year."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    offset = (weekday - first.isoweekday()) % 7
    if n > 0:
        return first + dt.timedelta(days=offset + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


_MOVABLE_FEASTS: dict[str, Callable[[int], dt.date]] = {
    "easter": _easter,
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "labor": lambda y: _nth_weekday(y, 9, 1, 1),
    "memorial": lambda y: _nth_weekday(y, 5, 1, -1),
    # US federal elections: the Tuesday after the first Monday of November.
    "election": lambda y: _nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1),
}
