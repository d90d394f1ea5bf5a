"""Event actors, eleventh round: each test names the kind of actor error it shows (a wrong or
missing source or target set), on invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from event_helpers import events_of, typed


def _names(actors: tuple) -> set[str]:
    return {a.actor for a in actors}


# Error kind: wrong source (a crowd that protests named as "crowd"/"demonstrators", not as
# the protesters it is).
@pytest.mark.parametrize(
    "text",
    [
        "By nightfall a crowd had gathered outside the parliament in Tbilisi.",
        "Demonstrators marched through central Minsk on Saturday.",
    ],
)  # fmt: skip
def test_crowd_protesting_is_protesters(nlp: Language, text: str) -> None:
    found = typed(events_of(nlp, text), "PROTEST")
    assert found, text
    assert _names(found[0].source) == {"protesters"}
