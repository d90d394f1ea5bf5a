"""The publication date: a date line, a stated field or a dated lead, never a guess."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Mapping
from typing import Any

from dossier.calendar import MONTHS
from dossier.ingest.clean import DATE_LINE_RE, LEAD_DATE_LINE_RE, LEAD_DATE_MAX_LINE

#: ISO dates at any precision, optionally followed by a time ("2019-01-04T10:00:00Z"); the time
#: is dropped because a document's date is a day.
ISO_DATE_RE = re.compile(r"(?P<y>\d{4})(?:[-/](?P<m>\d{1,2})(?:[-/](?P<d>\d{1,2}))?)?(?:[T ].*)?")

#: "January 4, 2019", "Jan. 4 2019", "Friday, January 4, 2019".
MONTH_DAY_YEAR_RE = re.compile(
    r"(?:[A-Za-z]+,?\s+)?(?P<month>[A-Za-z]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})"
)
#: "4 January 2019", "Friday 4 January 2019".
DAY_MONTH_YEAR_RE = re.compile(
    r"(?:[A-Za-z]+,?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]+)\.?,?\s+(?P<y>\d{4})"
)
#: "March 2012": month precision.
MONTH_YEAR_RE = re.compile(r"(?P<month>[A-Za-z]+)\.?,?\s+(?P<y>\d{4})")

#: Years outside this range in a date field are typos or placeholders ("0001-01-01").
MIN_YEAR, MAX_YEAR = 1800, 2100

#: The date note of a document neither its source nor its text dates.
UNDATED_NOTE = "no date line, date field or dated lead; left undated rather than guessed"


def normalise_date(value: Any) -> str | None:
    """ISO 8601 for a stated date, at the precision it was given; None if it is not a date.

    Accepts date and datetime objects, ISO strings ("2019-01-04", "2012-03", "2019-01-04T10:00Z"),
    written dates ("January 4, 2019", "4 Jan 2019", "March 2012") and RFC 2822 feed dates.
    Never fills a missing year from the calendar.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    match = ISO_DATE_RE.fullmatch(value)
    if match:
        return _iso(match["y"], match["m"], match["d"])
    for pattern in (MONTH_DAY_YEAR_RE, DAY_MONTH_YEAR_RE):
        match = pattern.fullmatch(value)
        if match and match["month"].lower() in MONTHS:
            return _iso(match["y"], MONTHS[match["month"].lower()], match["d"])
    match = MONTH_YEAR_RE.fullmatch(value)
    if match and match["month"].lower() in MONTHS:
        return _iso(match["y"], MONTHS[match["month"].lower()], None)
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _iso(year: Any, month: Any, day: Any) -> str | None:
    y = int(year)
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    if month is None:
        return f"{y:04d}"
    m = int(month)
    if not 1 <= m <= 12:
        return None
    if day is None:
        return f"{y:04d}-{m:02d}"
    try:
        return dt.date(y, m, int(day)).isoformat()
    except ValueError:
        return None


def stated_date(
    text: str, fields: Mapping[str, Any], source_format: str | None
) -> tuple[str | None, str | None, str | None]:
    """(date, its source, a note) from the date line, the stated field, then a dated lead."""
    match = DATE_LINE_RE.match(text)
    if match:
        date = normalise_date(match["date"])
        if date:
            return date, "date-line", None
    stated = fields.get("date")
    note = None
    if stated:
        date = normalise_date(stated)
        if date:
            return date, "html-meta" if source_format == "html" else "field", None
        note = f"the date field {str(stated)[:40]!r} is not a date"
    lead = lead_date(text)
    if lead:
        return lead, "lead", note
    return None, None, f"{note}; {UNDATED_NOTE}" if note else UNDATED_NOTE


def lead_date(text: str) -> str | None:
    """The date of a lead line that is only a date (Wikinews), among the first lines."""
    start = DATE_LINE_RE.match(text)
    lines = [line.strip() for line in text[start.end() if start else 0 :].splitlines()]
    for line in [line for line in lines if line][:LEAD_DATE_MAX_LINE]:
        if LEAD_DATE_LINE_RE.fullmatch(line):
            return normalise_date(line)
    return None
