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
