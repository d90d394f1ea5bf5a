"""Stance accuracy, round 8 (issue 12): error kinds found on the dev sets, each on sentences
written for the test."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dossier.nlp import load_pipeline
from stance_helpers import sides, stances_of

DATE = "2019-11-15"
CLINTON = "person:hillary-clinton"
FOREIGN_SERVICE = "agency:usa-foreign-service"
STATE_DEPARTMENT = "agency:usa-department-of-state"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_joining_a_state_service_is_a_post_not_a_side(nlp: Language) -> None:
    # kind: unsupported (a career step read as a side toward the employer)
    stances = stances_of(
        nlp,
        "Hillary Clinton grew up near Chicago. She joined the Foreign Service after college "
        "and later served in Warsaw.",
        DATE,
    )
    assert not sides(stances, CLINTON, FOREIGN_SERVICE)


def test_joining_a_bloc_is_still_a_side_and_backing_an_agency_too(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Ukraine joined NATO's partnership programme. Hillary Clinton supported the State "
        "Department in the dispute over the embassy.",
        DATE,
    )
    assert {s.polarity for s in stances if s.target_id == "target:nato"} == {1}
    assert sides(stances, CLINTON, STATE_DEPARTMENT) == {1}
