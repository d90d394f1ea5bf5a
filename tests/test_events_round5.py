"""Event accuracy on whole documents, fifth round: each test names the error kind it shows,
on invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from event_helpers import coded, countries, events_of, typed


# Error kind: directed event withheld for lack of a target (the act's owner is the target).
@pytest.mark.parametrize(
    ("text", "event_type", "target"),
    [
        ("The Polish government condemned Moscow's annexation of the peninsula.", "ACCUSE", "RUS"),
        ("The Finnish ambassador criticized Hungary's record on corruption.", "ACCUSE", "HUN"),
        ("Sweden rejected Russia's claims about the incident.", "REJECT", "RUS"),
    ],
)
def test_an_act_aimed_at_what_someone_did_is_aimed_at_them(
    nlp: Language, text: str, event_type: str, target: str
) -> None:
    found = typed(events_of(nlp, text), event_type)
    assert found and countries(found[0].target) == {target}, text


# Error kind: implied actor ("the country" for a state named before).
def test_the_country_is_the_state_named_before(nlp: Language) -> None:
    text = (
        "Hungary held elections in April. "
        "The Dutch ambassador later criticized the country's record on corruption."
    )
    found = typed(events_of(nlp, text), "ACCUSE")
    assert found and countries(found[0].target) == {"HUN"}


# Error kind: spurious event (acts under an accusation told as done).
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Georgia accused Russia of sending tanks into Abkhazia.", "accused"),
        ("Chile blamed Peru for supporting the rebels.", "blamed"),
        ("Georgia accused Russia of arming and funding the rebels.", "accused"),
    ],
)
def test_what_an_accusation_alleges_is_no_act(nlp: Language, text: str, trigger: str) -> None:
    assert {e.text for e in coded(nlp, text)} == {trigger}, text


# Error kind: spurious event (violence told in the passive with no doer is no whole record).
@pytest.mark.parametrize(
    "text",
    [
        "Two Bolivian soldiers were killed near the border on Monday.",
        "A Chilean helicopter was shot down over the valley.",
    ],
)
def test_violence_with_no_doer_is_no_record(nlp: Language, text: str) -> None:
    assert typed(coded(nlp, text), "ASSAULT"), text
    assert not typed(events_of(nlp, text), "ASSAULT"), text


def test_violence_with_a_named_doer_stays(nlp: Language) -> None:
    found = typed(events_of(nlp, "Two Bolivian soldiers were killed by Chilean troops."), "ASSAULT")
    assert found and countries(found[0].source) == {"CHL"}


# Error kind: spurious event (a generic verb read as cooperation without an object reading).
def test_conducting_a_vote_or_a_policy_is_no_cooperation(nlp: Language) -> None:
    for text in (
        "The Estonian election commission conducted the vote in March.",
        "Lithuania conducts its foreign policy with care.",
    ):
        assert not typed(coded(nlp, text), "COOPERATE"), text


def test_conducting_an_operation_stays_an_assault(nlp: Language) -> None:
    text = "The Georgian army conducted an operation against the Abkhaz rebels."
    assert typed(coded(nlp, text), "ASSAULT")
