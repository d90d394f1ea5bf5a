"""Stance accuracy, round 8 (issue 12): error kinds found on the dev sets, each on sentences
written for the test."""

from __future__ import annotations

import pytest
from spacy.language import Language

from stance_helpers import Sides, polarities, read_with, sides, sides_toward, stances_of

DATE = "2019-11-15"
CLINTON = "person:hillary-clinton"
FOREIGN_SERVICE = "agency:usa-foreign-service"
STATE_DEPARTMENT = "agency:usa-department-of-state"


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # kind: unsupported (a career step read as a side toward the employer)
        pytest.param("Hillary Clinton grew up near Chicago. She joined the Foreign Service after college and later served in Warsaw.", DATE, {(CLINTON, FOREIGN_SERVICE): set()}, id="joining_a_state_service_is_a_post_not_a_side"),
        # kind: other-target (the forces a government commands taken for a target of their own)
        pytest.param("Belarus sharply criticised the Armed Forces of Ukraine on Monday.", DATE, {("gov:BLR", "gov:UKR"): {-1}, ("gov:BLR", "agency:ukr-armed-forces"): set()}, id="a_side_toward_a_state_s_forces_is_toward_its_government"),
        pytest.param("Ukraine praised the Armed Forces of Ukraine on Monday.", DATE, {("gov:UKR", "gov:UKR"): set()}, id="a_state_praising_its_own_forces_takes_no_side_toward_itself"),
    ],
)  # fmt: skip
def test_the_sides_read(nlp: Language, text: str, date: str, expected: Sides) -> None:
    assert sides_toward(stances_of(nlp, text, date), expected) == expected


def test_joining_a_bloc_is_still_a_side_and_backing_an_agency_too(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Ukraine joined NATO's partnership programme. Hillary Clinton supported the State "
        "Department in the dispute over the embassy.",
        DATE,
    )
    assert polarities(stances, target_id="target:nato") == {1}
    assert sides(stances, CLINTON, STATE_DEPARTMENT) == {1}


def test_an_international_reaction_to_a_deed_is_against_its_doer(nlp: Language) -> None:
    # kind: none (a side implied by the reaction a deed met, with no verb of saying)
    stances = stances_of(
        nlp,
        "Belarus moved troops to the border in June and then closed the crossings despite "
        "sharp international condemnation.",
        DATE,
    )
    assert polarities(stances, holder="international community", target_id="country:BLR") == {-1}


def test_a_reaction_from_named_states_is_theirs(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Armenia opened the new pipeline amid objections from Azerbaijan and Turkey.",
        DATE,
    )
    assert sides(stances, "gov:AZE", "country:ARM") == {-1}
    assert polarities(stances, target_id="country:ARM") == {-1}


def test_a_reaction_naming_no_one_gives_no_holder(nlp: Language) -> None:
    stances = stances_of(nlp, "Georgia raised fuel taxes despite criticism.", DATE)
    assert not read_with(stances, "target_id", ("country:GEO",))


def test_a_deed_done_to_a_target_in_the_press_is_the_press_side(nlp: Language) -> None:
    # kind: none (the source of a passive given by where it was said, not by "by")
    stances = stances_of(
        nlp,
        "Last spring, Hillary Clinton was attacked in the tabloid media over her emails.",
        DATE,
    )
    assert polarities(stances, holder="tabloid media") == {-1}
    assert {s.target_id for s in stances if s.holder == "tabloid media"} == {CLINTON}


def test_a_neutral_deed_in_the_press_is_no_side(nlp: Language) -> None:
    stances = stances_of(nlp, "Hillary Clinton was interviewed in the local press last week.", DATE)
    assert not [s for s in stances if "press" in s.holder]
