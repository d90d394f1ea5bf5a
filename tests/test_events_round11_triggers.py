"""Event triggers and types, eleventh round: each test names the error kind it shows, on
invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from event_helpers import coded, countries, typed


# Error kind: missed event (an incursion: forces crossing a border or entering another's land
# attack that state, ASSAULT by the forces' state).
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Armenian soldiers crossed the border into Georgia on Tuesday.", {"GEO"}),
        ("Armenian troops entered Georgian territory on Monday.", {"GEO"}),
        ("Armenian troops crossed the Georgian border overnight.", {"GEO"}),
        ("Armenian tanks rolled into Georgia at dawn.", {"GEO"}),
    ],
)  # fmt: skip
def test_incursion(nlp: Language, text: str, target: set[str]) -> None:
    found = typed(coded(nlp, text), "ASSAULT")
    assert any(countries(e.source) == {"ARM"} and countries(e.target) == target for e in found), (
        text
    )


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of Armenian refugees crossed the border into Georgia.",
        "Armenian troops entered the building on Monday.",
        "Armenian troops crossed the river near the village.",
        "Armenian troops pushed for a better deal.",
    ],
)  # fmt: skip
def test_crossing_without_incursion(nlp: Language, text: str) -> None:
    assert not typed(coded(nlp, text), "ASSAULT"), text
