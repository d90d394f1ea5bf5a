"""Event precision, twelfth round: each test names the error kind it shows, on invented
sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from event_helpers import coded, typed


# Error kind: wrong type (one person confronting another is a challenge in words, ACCUSE,
# not a meeting).
@pytest.mark.parametrize(
    "text",
    [
        "Senator Bernie Sanders confronted Barack Obama about the trade deal.",
        "Hillary Clinton confronted Vladimir Putin over the election.",
    ],
)  # fmt: skip
def test_person_confronting_person(nlp: Language, text: str) -> None:
    events = coded(nlp, text)
    assert typed(events, "ACCUSE"), text
    assert not typed(events, "CONSULT"), text


def test_forces_confronting_keep_reading(nlp: Language) -> None:
    events = coded(nlp, "Armenian troops confronted Georgian soldiers at the border.")
    assert not typed(events, "ACCUSE")


# Error kind: repeat mention (a noun of force or meeting with a possessive names an act the
# reader knows, "X's annexation of Y", "the activist's killing": no act reported).
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Armenia does not consider Azerbaijan's annexation of the enclave to be legal.", "COERCE"),
        ("Hillary Clinton's killing shocked the capital.", "ASSAULT"),
    ],
)  # fmt: skip
def test_possessive_act_noun_is_no_report(nlp: Language, text: str, event_type: str) -> None:
    assert not typed(coded(nlp, text), event_type), text


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Azerbaijan annexed the enclave in May.", "COERCE"),
        ("Hillary Clinton met Vladimir Putin in Moscow.", "CONSULT"),
    ],
)  # fmt: skip
def test_verb_still_reports(nlp: Language, text: str, event_type: str) -> None:
    assert typed(coded(nlp, text), event_type), text
