"""Calendar words every stage reads: month and weekday names, as data and as regex parts.

One table, used by the readers' date parsing (``ingest/metadata``), cleaning's date lines
(``ingest/clean``), the NER repairs' datelines and the TIMEX3 tagger (``extract/timex``), so a
spelling added here ("Sept") is known to all of them at once.
"""

from __future__ import annotations

import re
from datetime import date

#: Full month names, in calendar order.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
#: Abbreviations news writes (with or without a full stop), to the month number.
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
#: Every month spelling, lower case, to its number (1-12).
MONTHS: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    **MONTH_ABBREVIATIONS,
}
#: Weekday names in ISO order (Monday is 1).
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Weekday, lower case, to its ISO number (Monday 1 ... Sunday 7).
WEEKDAYS: dict[str, int] = {name.lower(): n for n, name in enumerate(WEEKDAY_NAMES, start=1)}

#: Regex alternations (non-capturing), capitalised as written in running text.
MONTH_NAME_PATTERN = "(?:" + "|".join(MONTH_NAMES) + ")"
WEEKDAY_NAME_PATTERN = "(?:" + "|".join(WEEKDAY_NAMES) + ")"

#: An ISO date at year, month or day precision.
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
ISO_DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD (2012, 2012-03, 2012-03-05)"


def check_iso_date(value: str) -> str:
    """``value`` stripped, if it is a real date at year, month or day precision; else a
    ValueError saying so ("2012-31" is no month, "2012-02-30" no day)."""
    text = value.strip()
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"{value!r} is not an ISO date: use {ISO_DATE_FORMS}")
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError as error:
        raise ValueError(f"{value!r} is not an ISO date ({error}): use {ISO_DATE_FORMS}") from None
    return text


def asked_date(name: str, value: str | None) -> str | None:
    """A date parameter ``name`` as asked: None when blank, else checked by ``check_iso_date``,
    its ValueError naming the parameter (the API's 422, the web pages' error page)."""
    if value is None or not value.strip():
        return None
    try:
        return check_iso_date(value.strip())
    except ValueError as error:
        raise ValueError(f"{name}: {error}") from None
