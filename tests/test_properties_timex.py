"""Property tests of the time-expression tagger and normaliser: on any text and any document
date (the calendar's first and last days, unreadable dates), tagging ends, every timex lies
within the text, and every date value is one TIMEX3 can write and ``parse_value`` reads back."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from dossier.evaluate.mentions import run_document
from dossier.extract.timex import Point, duration_value, parse_anchor, parse_value
from dossier.extract.timex.quantities import _number
from dossier.extract.timex.vocabulary import UNITS
from strategies import (
    ANY_CHAR,
    adversarial_text,
    document_dates,
    fewer_examples,
    production_pipeline,
)

#: TIMEX3 values a DATE or TIME may take: years 0001-9999 at any granularity, or references.
DATE_VALUE = re.compile(
    r"(?:\d{2}|\d{3}|\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?"
    r"|XXXX(?:-[\dA-Z-]+)?)(?:T.+)?|PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|\d{4}-\d{2}-\d{2}T(?:MO|AF|EV|NI|\d{2}:\d{2})"
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return production_pipeline()


@fewer_examples(25)
@given(adversarial_text(), document_dates())
def test_timexes_lie_in_the_text_with_writable_values(
    nlp: Language, text: str, date: str | None
) -> None:
    doc = run_document(nlp, text, date)
    for timex in doc._.dossier_timexes:
        assert 0 <= timex.start < timex.end <= len(text), timex
        assert text[timex.start : timex.end] == timex.text
        assert timex.value, timex
        if timex.type in ("DATE", "TIME"):
            assert DATE_VALUE.fullmatch(timex.value), timex.value
            point = parse_value(timex.value)
            if point is not None:
                assert point.first_day.year >= 1 and point.last_day.year <= 9999


@pytest.mark.parametrize(
    ("date", "text"),
    [
        ("9999-12-31", "They will sign it tomorrow, next week, next year and in the next decade."),
        ("9999-12", "It closes next month, and the following quarter too."),
        ("9999", "Next year, and the year after, and the next century."),
        ("0001-01-01", "He left yesterday, last week, last year and two years ago."),
        ("0001", "Last year, last decade and the previous century."),
        ("0000", "He arrived last month, on Friday."),
        ("2011-13", "He arrived last month, on Friday."),
        ("2011-11-18", "It took 1 1/0 years, or 0/0 of a year."),
    ],
)
def test_dates_past_the_calendar_ends_are_turned_down_not_raised(
    nlp: Language, date: str, text: str
) -> None:
    doc = run_document(nlp, text, date)
    for timex in doc._.dossier_timexes:
        assert timex.type not in ("DATE", "TIME") or DATE_VALUE.fullmatch(timex.value), timex


@given(st.one_of(document_dates(), st.text(ANY_CHAR, max_size=20)))
def test_parse_anchor_reads_any_string_into_a_real_point_or_none(value: str | None) -> None:
    point = parse_anchor(value)
    if point is not None:
        assert point.first_day <= point.last_day
        assert parse_value(point.value()) == point


@pytest.mark.parametrize("value", ["0000", "0000-01", "2011-13", "2011-00", "2011-02-30", "-2011"])
def test_parse_anchor_refuses_dates_no_calendar_has(value: str) -> None:
    assert parse_anchor(value) is None


@given(st.text(st.sampled_from("0123456789 /.-abhnoetwfir"), max_size=14))
def test_numbers_in_any_form_never_raise(text: str) -> None:
    number = _number(text)
    assert number is None or number >= 0


@pytest.mark.parametrize("text", ["1 1/0", "0/0", "3 5/0", "7/0"])
def test_a_zero_denominator_is_no_number(text: str) -> None:
    assert _number(text) is None


@given(
    st.one_of(st.none(), st.floats(0, 1e6, allow_nan=False), st.integers(0, 10**6)),
    st.sampled_from(sorted(UNITS)),
)
def test_duration_values_are_well_formed(amount: float | None, unit: str) -> None:
    assert re.fullmatch(r"PT?(?:X[A-Z]|[\d.]+[A-Z](?:T?\d+[A-Z])?)", duration_value(amount, unit))


@given(st.sampled_from(["day", "week", "month", "quarter", "half", "season", "year"]), st.dates())
def test_points_of_any_day_have_consistent_bounds(granularity: str, day: object) -> None:
    point = Point.from_date(day).coarsen(granularity)  # type: ignore[arg-type]
    assert point.first_day <= day <= point.last_day  # type: ignore[operator]


@pytest.mark.parametrize(
    "value", ["2011-Q1", "2011-Q4", "2012-H1", "2012-H2", "2013-SP", "2013-FA", "2013-WI"]
)
def test_a_years_parts_read_back_as_the_value_they_write(value: str) -> None:
    point = parse_value(value)
    assert point is not None and point.value() == value


@pytest.mark.parametrize("value", ["2011-Q0", "2011-Q5", "2012-H3", "2013-XX", "2013-W"])
def test_parts_no_year_has_are_no_value(value: str) -> None:
    assert parse_value(value) is None
