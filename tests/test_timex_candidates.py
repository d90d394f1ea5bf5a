"""Candidate finding: patterns tried only near their trigger words find exactly what each
pattern's ``finditer`` over the whole text finds."""

from __future__ import annotations

import random
import re

import pytest

from dossier.extract.timex import find_candidates
from dossier.extract.timex.candidates import _PRIORITY
from dossier.extract.timex.patterns import _PATTERN_SOURCES, _PATTERNS, _TRIGGERS

#: Expressions that hold the most words a pattern allows before its trigger word.
LONGEST_LEADS = (
    "It lasted no more than twenty-five and a half to twenty-five and a half additional years.",
    "Sales in the year-earlier year's 2011 fiscal first quarter and the latest comparable "
    "year-ago 2011 period fell.",
    "They met on Friday, the 18th of November 2011, and FRIDAY , THE 18TH   OF\nNOVEMBER.",
    "In the early twenty-first century, the mid-'90s and the year two thousand and twelve.",
    "Shortly after ten o'clock, shortly before 10:30 p. m. EST Friday, about noon tomorrow.",
    "This past New Year's Day 2012, the day before yesterday evening, semi-annually.",
    "Every other Thursday, a-year-ago, the previous fiscal year, this past March, model-year "
    "2012, the past couple of years, the near future, in the past, a twenty-five-year lease.",
    "mid-1990s; 2012-03-04; 3/4/12; '90; the fall of 2011; year-long; last night; late evening",
    "İstanbul in March 2012; ſeconds later; the paſt few years; mınutes later.",
)


def brute_force(text: str) -> list[tuple[str, int, int, dict]]:
    found = [
        (name, m.start(), m.end(), m.groupdict())
        for name, pattern in _PATTERNS
        for m in pattern.finditer(text)
        if m.end() > m.start()
    ]
    found.sort(key=lambda c: (-(c[2] - c[1]), _PRIORITY.get(c[0], 50), c[1]))
    return found


def found(text: str) -> list[tuple[str, int, int, dict]]:
    return [(c.name, c.start, c.end, c.match.groupdict()) for c in find_candidates(text)]


def test_every_pattern_has_a_trigger() -> None:
    assert set(_TRIGGERS) == {name for name, _ in _PATTERN_SOURCES}


@pytest.mark.parametrize("text", LONGEST_LEADS)
def test_the_longest_expressions_are_found_as_by_a_full_search(text: str) -> None:
    for variant in (text, text.upper(), text.lower()):
        assert found(variant) == brute_force(variant)


def test_random_word_salad_is_found_as_by_a_full_search() -> None:
    words = sorted({w for _, s in _PATTERN_SOURCES for w in re.findall(r"[A-Za-z]{2,}", s)})
    words += ["a", "an", "1990", "'90s", "18th", "10:30", "2.5", "1/2", "2012-03-04", "'s"]
    words += ["o'clock", "a.m.", "mid-", "-", ",", "year-ago", "twenty-five", "New Year's"]
    separators = [" ", " ", "  ", "\n", "-", ", ", ""]
    rng = random.Random(7)
    for _ in range(300):
        parts = []
        for _ in range(rng.randint(3, 30)):
            word = rng.choice(words)
            word = rng.choice((word, word.upper(), word.capitalize(), word.lower()))
            parts += [word, rng.choice(separators)]
        text = "".join(parts)
        assert found(text) == brute_force(text), text
