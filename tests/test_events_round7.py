"""Event accuracy on whole documents, seventh round: each test names the error kind it shows,
on invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dossier.nlp import load_pipeline
from event_helpers import coded, countries, events_of, typed


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


# Error kind: type error (a particle that turns the verb: "backed out of" is no backing,
# "walked away from the talks" no talks), and the party of the accord left is the target.
@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Georgia backed out of the gas deal with Armenia.", "backed", "ARM"),
        ("Armenia walked away from the talks with Azerbaijan on Friday.", "walked", "AZE"),
        ("Last year Moldova backed away from a customs pact with Romania.", "backed", "ROU"),
    ],
)  # fmt: skip
def test_turning_particle_rejects(nlp: Language, text: str, trigger: str, target: str) -> None:
    found = events_of(nlp, text)
    assert [(e.text, e.event_type) for e in found] == [(trigger, "REJECT")], text
    assert countries(found[0].target) == {target}, text
    assert not typed(coded(nlp, text), "SUPPORT"), text


# The bare reading stands without the particle, and a particle that does not turn an act of
# force keeps it ("shot down").
def test_bare_verb_and_forceful_particle_keep_their_reading(nlp: Language) -> None:
    assert [e.event_type for e in events_of(nlp, "Armenia backed Georgia's bid.")] == ["SUPPORT"]
    found = events_of(nlp, "Georgian troops shot down two Armenian helicopters.")
    assert [e.event_type for e in found] == ["ASSAULT"]


# Error kind: type error (the parse gives a particle as a preposition, "drove X out of", or
# a particle the dictionary lists as an object, "backed down"): the phrasal reading.
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Rebels drove Georgian troops out of the village on Monday.", "ASSAULT"),
        ("Armenia backed down on its demands to Georgia after a week.", "CONCEDE"),
    ],
)  # fmt: skip
def test_particle_as_preposition_or_object(nlp: Language, text: str, wanted: str) -> None:
    assert [e.event_type for e in events_of(nlp, text)] == [wanted], text
