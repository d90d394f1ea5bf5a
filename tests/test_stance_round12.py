"""Stance accuracy, round 12: kinds of error read on the three gold sets, each tested on
sentences written for the test."""

from __future__ import annotations

from spacy.language import Language

from stance_helpers import sides, stances_of

EURASIAN = "target:eurasian-integration"
EUROPEAN = "target:european-integration"


def test_a_states_act_toward_a_bloc_years_ago_is_background(nlp: Language) -> None:
    # kind: spurious / polarity (a state's course years before the article read as its side)
    stances = stances_of(
        nlp, "Tajikistan joined the Eurasian Economic Union in 2009.", "2019-06-01"
    )
    assert sides(stances, "gov:TJK", EURASIAN) == set()


def test_a_states_recent_act_toward_a_bloc_keeps_its_side(nlp: Language) -> None:
    stances = stances_of(
        nlp, "Tajikistan joined the Eurasian Economic Union on Monday.", "2019-06-01"
    )
    assert sides(stances, "gov:TJK", EURASIAN) == {1}


def test_a_persons_old_deed_keeps_its_side(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Kazakh President Nursultan Nazarbayev proposed a Eurasian Union in 1994.",
        "2019-06-01",
    )
    assert sides(stances, "person:nursultan-nazarbayev", EURASIAN) == {1}
