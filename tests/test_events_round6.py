"""Event accuracy on whole documents, sixth round: each test names the error kind it shows,
on invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from event_helpers import coded, countries, events_of, typed


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


# Error kind: missing event / type error (verbs of bargaining are negotiation, a CONSULT,
# not support).
@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Serbia haggled with Hungary for months over transit fees.", "haggled", "HUN"),
        ("Chile bargained with Peru over the border.", "bargained", "PER"),
    ],
)
def test_bargaining_is_negotiation(nlp: Language, text: str, trigger: str, target: str) -> None:
    found = events_of(nlp, text)
    assert [(e.text, e.event_type) for e in found] == [(trigger, "CONSULT")], text
    sides = countries(found[0].source) | countries(found[0].target)
    assert target in sides, text


# Error kind: actors (the other side of a bargain named only as the owner of its issue).
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Belgrade haggled for weeks over Hungarian transit fees.", "HUN"),
        ("Tbilisi wrangled over Turkey's tariffs on steel.", "TUR"),
        ("Kyiv bargained until the last days over Polish duties on grain.", "POL"),
    ],
)
def test_the_owner_of_a_bargains_issue_is_its_other_side(
    nlp: Language, text: str, target: str
) -> None:
    found = typed(events_of(nlp, text), "CONSULT")
    assert found and countries(found[0].target) == {target}, text
