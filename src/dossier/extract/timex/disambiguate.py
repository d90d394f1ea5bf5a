"""Ambiguous words: whether "May"/"March" is the month and a four-digit number is a year,
judged from the words and spaCy entities around them."""

from __future__ import annotations

from spacy.tokens import Span

#: Adjectives that may stand before a month name.
_MONTH_ADJECTIVES = frozenset({"early", "late", "mid", "last", "next", "past", "coming", "this"})


def _month_context(span: Span) -> bool:
    """Whether "May"/"March" here is the month: after a preposition or before a day/year."""
    doc = span.doc
    token = span[-1]
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if len(span) > 1:
        return True
    if before is not None and before.lower_ in (
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "to",
        "through",
        "of",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "before",
        "after",
        "during",
        "between",
        "and",
        "or",
        "end",
        "-",
        "mid-",
    ):
        return True
    if after is not None and (after.like_num or after.lower_ in (",", ".", ";", "'s")):
        return True
    return token.ent_type_ == "DATE"


#: Words after a number that make it a count, not a year.
_NOT_YEAR_AFTER = frozenset(
    {"people", "troops", "soldiers", "percent", "%", "dollars", "shares", "tons", "miles",
     "kilometers", "km", "feet", "meters", "votes", "points", "barrels", "cars", "units",
     "employees", "workers", "acres", "jobs", "cases", "members", "times", "pages", "hours"}
)  # fmt: skip


def _year_context(span: Span, year: int) -> bool:
    """Whether a four-digit number is a year: spaCy does not call it a quantity, and no word
    around it makes it a count or an amount."""
    doc = span.doc
    token = span[-1]
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    counted = token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
    if counted and not (before is not None and before.lower_ in ("in", "since", "of", "by")):
        return False
    if before is not None and before.text in ("$", "#", "No.", "no.", "number", "Flight"):
        return False
    if after is not None and after.lower_ in _NOT_YEAR_AFTER:
        return False
    return 1000 <= year <= 2100
