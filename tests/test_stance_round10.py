"""Stance accuracy, round 10: courses prevented or dropped within one sentence, and one side
told several ways in one sentence counted once, each on sentences written for the test."""

from __future__ import annotations

import pytest
from spacy.language import Language

from stance_helpers import Sides, read_with, sides, sides_toward, stances_of

DATE = "2014-03-01"
EU = "target:european-integration"
EURASIAN = "target:eurasian-integration"
YANUKOVYCH = "person:viktor-yanukovych"
PUTIN = "person:vladimir-putin"
POROSHENKO = "person:petro-poroshenko"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # kind: unsupported + polarity (a prevented joining read as done, and as wanted)
        pytest.param("Vladimir Putin has made keeping Ukraine from joining the European Union a goal.", {("gov:UKR", EU): set(), (PUTIN, EU): {-1}}, id="a_joining_kept_from_is_against_and_not_the_joiners_deed"),
        # kind: polarity (an intended act, abandoned in the same sentence, read as for)
        pytest.param("Viktor Yanukovych was due to sign an association agreement with the European Union, but at the last minute he dumped the plan.", {(YANUKOVYCH, EU): {-1}}, id="a_signing_planned_then_dumped_is_against"),
        pytest.param("Viktor Yanukovych planned to join the Eurasian Economic Union, but then he walked away from the deal.", {(YANUKOVYCH, EURASIAN): {-1}}, id="walking_away_from_the_deal_is_against"),
        # another holder dropping another deal overturns nothing
        pytest.param("Moldova signed the association agreement with the European Union, but Russia scrapped its gas deal with Chisinau.", {("gov:MDA", EU): {1}}, id="someone_elses_deal_scrapped_leaves_the_signing_for"),
        pytest.param("Kazakhstan wanted to join the customs union and later dropped a tariff.", {("gov:KAZ", EURASIAN): {1}}, id="dropping_something_else_leaves_the_course_for"),
        # kind: other-target (the EU's sanctions criticised read as against European integration)
        pytest.param("Petro Poroshenko said the EU sanctions against Russia were unhelpful.", {(POROSHENKO, EU): set()}, id="a_measure_its_doer_took_judged_is_no_side_on_the_doer-unhelpful"),
        pytest.param("Petro Poroshenko criticised the sanctions imposed by the European Union.", {(POROSHENKO, EU): set()}, id="a_measure_its_doer_took_judged_is_no_side_on_the_doer-criticised"),
        # the target sanctioned, not sanctioning: the side is still read
        pytest.param("The European Union imposed sanctions against Russia.", {("igo:eu", "country:RUS"): {-1}}, id="a_measure_aimed_at_the_target_still_sides"),
        pytest.param("Armenia joined the Eurasian Economic Union and refused to sign the association agreement with the European Union.", {("gov:ARM", EURASIAN): {1}, ("gov:ARM", EU): {-1}}, id="opposite_sides_in_one_sentence_are_both_kept"),
        # "ready for" is the subject's own attitude, not a verdict on it
        pytest.param("Kazakhstan is ready to join the customs union.", {("gov:KAZ", EURASIAN): {1}}, id="an_attitude_with_for_still_belongs_to_its_subject"),
        # kind: none (a place in a union sought through "status in", a noun the climb stopped at)
        pytest.param("Emomali Rahmon pushed for observer status in the Eurasian Economic Union.", {("person:emomali-rahmon", EURASIAN): {1}}, id="pushing_for_status_in_a_union_is_for_it"),
        # kind: polarity ("back" alone is support; "back out of" drops the course)
        pytest.param("Viktor Yanukovych backed out of a trade deal with the European Union in November.", {(YANUKOVYCH, EU): {-1}}, id="backing_out_of_a_deal_is_against"),
        pytest.param("Viktor Yanukovych had promised to sign the association agreement with the EU, but then reversed course.", {(YANUKOVYCH, EU): {-1}}, id="a_promise_then_reversed_course_is_against"),
    ],
)  # fmt: skip
def test_the_sides_read(nlp: Language, text: str, expected: Sides) -> None:
    assert sides_toward(stances_of(nlp, text, DATE), expected) == expected


def test_a_signing_stopped_is_not_the_signers_deed(nlp: Language) -> None:
    stances = stances_of(
        nlp, "Moscow stopped Moldova from signing an association agreement with the EU.", DATE
    )
    assert 1 not in sides(stances, "gov:MDA", EU)


def test_one_side_told_thrice_in_a_sentence_counts_once(nlp: Language) -> None:
    # kind: double-counting (the event, a short and a long reported span: three pieces of
    # evidence for one sentence in a by-country timeline)
    stances = stances_of(
        nlp,
        "Moldova signed the association agreement with the European Union in Brussels.",
        DATE,
    )
    mine = [s for s in stances if s.holder_id == "gov:MDA" and s.target_id == EU]
    assert [s.polarity for s in mine] == [1]


def test_two_sentences_keep_two_pieces_of_evidence(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Moldova signed the association agreement with the European Union. Moldova wants to "
        "join the European Union.",
        DATE,
    )
    mine = [s for s in stances if s.holder_id == "gov:MDA" and s.target_id == EU]
    assert len(mine) == 2


ANALYST_ON_UNION = (
    "Kyrgyz analyst Marat Kazakbayev said that the Eurasian Union was dangerous for Kyrgyzstan.",
    "Kyrgyz analyst Marat Kazakbayev says the Eurasian Union is harmful to Kyrgyzstan.",
    "Kyrgyz analyst Marat Kazakbayev says the Customs Union will harm Kyrgyzstan's traders.",
)


@pytest.mark.parametrize("text", ANALYST_ON_UNION)
def test_an_analysts_verdict_on_the_union_is_the_analysts(nlp: Language, text: str) -> None:
    # kind: other-holder (the union judged in reported speech read as the union's side on
    # whom it affects; the analyst, its teller, against it)
    stances = stances_of(nlp, text, DATE)
    held = {(s.holder, s.target_id, s.polarity) for s in stances}
    assert ("Marat Kazakbayev", EURASIAN, -1) in held, held
    assert not read_with(stances, "holder_id", ("igo:eaeu",))


def test_a_course_set_aside_by_instead_of_takes_not_the_acts_side(nlp: Language) -> None:
    # kind: polarity (an AGREE event read as for the course the sentence sets aside)
    stances = stances_of(
        nlp,
        "The government of Ukraine agreed to closer ties with Russia instead of the European "
        "Union.",
        DATE,
    )
    assert 1 not in sides(stances, "gov:UKR", EU)
