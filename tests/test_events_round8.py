"""Event accuracy on whole documents, eighth round: each test names the error kind it shows,
on invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from event_helpers import coded, countries, events_of, typed


# Error kind: spurious event (an infinitive of purpose, the aim of another act, coded as an
# act that happened: "went on strike to protest", "carried a flag to honour him").
@pytest.mark.parametrize(
    ("text", "aim"),
    [
        ("Elena Marchetti lit candles in Tbilisi on Sunday to commemorate Giorgi Beridze.", "commemorate"),
        ("Georgian farmers blocked a road on Monday to protest Armenia's new tariffs.", "protest"),
        ("Georgian police have shown little willingness to comply with Armenia's orders.", "comply"),
    ],
)  # fmt: skip
def test_purpose_infinitive_is_no_event(nlp: Language, text: str, aim: str) -> None:
    assert aim not in [e.text for e in events_of(nlp, text)], text


# The aim stays a candidate (a reader of one sentence known to report an event may take it),
# and two aims stay acts: that of a transfer, and a decided act a noun names.
def test_aim_kept_as_candidate(nlp: Language) -> None:
    text = "Elena Marchetti lit candles on Sunday to commemorate Giorgi Beridze."
    assert "commemorate" in [e.text for e in coded(nlp, text)]


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Armenia shipped grain to Georgia on Monday to aid the Georgian government.", "aid", "AID"),
        ("Azerbaijan's decision to expel Armenian diplomats angered Yerevan.", "expel", "SANCTION"),
    ],
)  # fmt: skip
def test_transfer_aim_and_decided_act_stay(
    nlp: Language, text: str, trigger: str, kind: str
) -> None:
    found = events_of(nlp, text)
    assert trigger in [e.text for e in typed(found, kind)], [(e.text, e.event_type) for e in found]


# Error kind: no event (hostilities told by words outside the lexicon: a state of war, ground
# won against a foe).
@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Armenia is at war with Azerbaijan.", "ARM", "AZE"),
        ("Armenian troops have made headway against Azerbaijani forces in recent weeks.", "ARM", "AZE"),
        ("Georgian troops made gains against Armenian units near the border on Monday.", "GEO", "ARM"),
    ],
)  # fmt: skip
def test_hostilities_outside_the_lexicon(
    nlp: Language, text: str, source: str, target: str
) -> None:
    found = typed(events_of(nlp, text), "ASSAULT")
    assert [(countries(e.source), countries(e.target)) for e in found] == [({source}, {target})], (
        text
    )


# A war named with no side is no act ("the war ended in 1994"), and headway in talks is none.
@pytest.mark.parametrize(
    "text",
    [
        "The war ended in 1994.",
        "Armenia and Azerbaijan made headway in the talks on Monday.",
    ],
)  # fmt: skip
def test_war_words_without_a_foe(nlp: Language, text: str) -> None:
    assert typed(events_of(nlp, text), "ASSAULT") == [], text


# Error kind: spurious event (a possessive event noun refers to an act told elsewhere, to say
# whose organizers or victims: "one of the rally's organizers" reports no second rally).
def test_possessive_event_noun_is_no_event(nlp: Language) -> None:
    text = (
        "The vote is a turning point for Armenia, said one of the rally's organizers, "
        "Armen Sargsyan, a former member of parliament."
    )
    found = events_of(nlp, text)
    assert typed(found, "PROTEST") == [], [e.text for e in found]
