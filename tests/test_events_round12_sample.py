"""Event triggers and types, twelfth round (sample gold): each test names the error kind it
shows, on invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from event_helpers import coded, countries, typed


# Error kind: wrong type (a leader refusing to go to a state snubs it: SANCTION, reduced
# relations, aimed at the state; not a REJECT).
@pytest.mark.parametrize(
    "text",
    [
        "The Georgian president has refused to travel to Turkey since the dispute began.",
        "The Georgian president refused to go to Turkey for the talks.",
        "The Georgian president refused to visit Turkey this year.",
    ],
)  # fmt: skip
def test_refusing_to_visit_a_state(nlp: Language, text: str) -> None:
    found = typed(coded(nlp, text), "SANCTION")
    assert any(countries(e.target) == {"TUR"} for e in found), text
    assert not typed(coded(nlp, text), "REJECT"), text


@pytest.mark.parametrize(
    "text",
    [
        "Georgia refused to sign the agreement with Turkey.",
        "The Georgian president refused to travel with the delegation.",
    ],
)  # fmt: skip
def test_other_refusals_are_no_snub(nlp: Language, text: str) -> None:
    assert not typed(coded(nlp, text), "SANCTION"), text
