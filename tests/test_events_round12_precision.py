"""Event precision, twelfth round: each test names the error kind it shows, on invented
sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from event_helpers import coded, countries, events_of, typed


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


# Error kind: wrong source (a loss told alone in an agentless passive, "were shot down", has
# no known doer: the opponents rule names the other side only for a loss in the fighting).
FIGHT = "Azerbaijani forces attacked Armenian troops on Monday. "


def _assaults(nlp: Language, text: str) -> list:
    return [e for e in typed(events_of(nlp, text), "ASSAULT") if e.text != "attacked"]


def test_loss_told_alone_has_no_doer(nlp: Language) -> None:
    assert not _assaults(nlp, FIGHT + "A spokesman said two Armenian helicopters were shot down.")


@pytest.mark.parametrize(
    "text",
    [
        "Several Armenian soldiers were killed in the fighting.",
        "Dozens of Armenian soldiers have been killed, injured and captured in a major offensive.",
    ],
)  # fmt: skip
def test_loss_in_the_fighting_has_the_other_side(nlp: Language, text: str) -> None:
    found = _assaults(nlp, FIGHT + text)
    assert found and all(countries(e.source) == {"AZE"} for e in found), text


# Error kind: non-event (a quoted supposition, "is likely underway", reports no act; the
# writer's own hedged report keeps its reading).
@pytest.mark.parametrize(
    "text",
    [
        '"These raids show a Georgian counteroffensive is likely underway," said the envoy.',
        '"Georgian troops probably attacked Armenian positions," the envoy said.',
    ],
)  # fmt: skip
def test_quoted_hedged_act_is_no_report(nlp: Language, text: str) -> None:
    assert not typed(coded(nlp, text), "ASSAULT"), text


def test_writer_hedged_act_keeps_type(nlp: Language) -> None:
    assert typed(coded(nlp, "Georgian troops probably attacked the village."), "ASSAULT")


# Error kind: non-event (a gerund under "in" frames the main clause's act, "In defending X,
# they sought to ...": the main clause is the report; force keeps its reading).
def test_framing_gerund_is_no_report(nlp: Language) -> None:
    text = "In defending Barack Obama from the accusations, Democrats have sought to blame Vladimir Putin."
    events = coded(nlp, text)
    assert not typed(events, "SUPPORT")
    assert typed(events, "ACCUSE")


def test_plain_defence_still_reports(nlp: Language) -> None:
    assert typed(coded(nlp, "Democrats defended Barack Obama from the accusations."), "SUPPORT")


def test_a_doers_possessive_act_told_as_the_news_is_reported(nlp: Language) -> None:
    # kind: missed event (the known-act rule must not swallow an act the sentence reports:
    # the subject of the main verb, with the possessor its doer and an "of" object its target)
    events = coded(nlp, "Norway's seizure of Danish trawlers angered Copenhagen.")
    assert typed(events, "COERCE"), "the seizure is the news"
    events = coded(nlp, "The protesters were angry about Norway's seizure of Danish trawlers.")
    assert not typed(events, "COERCE"), "a seizure named as a known thing"


def test_a_subjects_own_act_done_by_a_light_verb_is_reported(nlp: Language) -> None:
    # kind: missed event (the known-act rule swallowed "mounted its invasion of X")
    events = coded(nlp, "Norway today mounted its long-planned invasion of Sweden.")
    assert any(countries(e.source) == {"NOR"} for e in typed(events, "ASSAULT"))
