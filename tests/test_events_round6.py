"""Event accuracy on whole documents, sixth round: each test names the error kind it shows,
on invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dossier.nlp import load_pipeline
from event_helpers import coded, countries, events_of, typed


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


# Error kind: type error and spurious event (halting an act in the making is a refusal of
# it, and the act under the halted work is not done).
@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Armenia suspended preparations to sign the peace treaty with Azerbaijan.", "suspended", "AZE"),
        ("Georgia's cabinet on Friday suspended preparations to sign a trade pact with Turkey, a week before the pact was due to be signed.", "suspended", "TUR"),
        ("Norway halted its preparations to sign the accord with Iceland on Monday.", "halted", "ISL"),
    ],
)  # fmt: skip
def test_halting_work_toward_an_act_rejects_it(
    nlp: Language, text: str, trigger: str, target: str
) -> None:
    found = typed(events_of(nlp, text), "REJECT")
    assert [e.text for e in found] == [trigger], text
    assert countries(found[0].target) == {target}, text
    assert not typed(coded(nlp, text), "AGREE"), text


# The lexicon's reading stands where no act in the making is halted.
def test_halting_talks_keeps_its_reading(nlp: Language) -> None:
    found = events_of(nlp, "Serbia halted talks with Kosovo on Tuesday.")
    assert [e.event_type for e in found] == ["SANCTION"]
