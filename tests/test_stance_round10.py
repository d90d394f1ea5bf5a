"""Stance accuracy, round 10: courses prevented or dropped within one sentence, and one side
told several ways in one sentence counted once, each on sentences written for the test."""

from __future__ import annotations

import pytest
from spacy.language import Language

from stance_helpers import sides, stances_of

DATE = "2014-03-01"
EU = "target:european-integration"
EURASIAN = "target:eurasian-integration"
YANUKOVYCH = "person:viktor-yanukovych"
PUTIN = "person:vladimir-putin"


def test_a_joining_kept_from_is_against_and_not_the_joiners_deed(nlp: Language) -> None:
    # kind: unsupported + polarity (a prevented joining read as done, and as wanted)
    stances = stances_of(
        nlp, "Vladimir Putin has made keeping Ukraine from joining the European Union a goal.", DATE
    )
    assert sides(stances, "gov:UKR", EU) == set()
    assert sides(stances, PUTIN, EU) == {-1}


def test_a_signing_stopped_is_not_the_signers_deed(nlp: Language) -> None:
    stances = stances_of(
        nlp, "Moscow stopped Moldova from signing an association agreement with the EU.", DATE
    )
    assert 1 not in sides(stances, "gov:MDA", EU)


def test_a_signing_planned_then_dumped_is_against(nlp: Language) -> None:
    # kind: polarity (an intended act, abandoned in the same sentence, read as for)
    stances = stances_of(
        nlp,
        "Viktor Yanukovych was due to sign an association agreement with the European Union, "
        "but at the last minute he dumped the plan.",
        DATE,
    )
    assert sides(stances, YANUKOVYCH, EU) == {-1}


def test_walking_away_from_the_deal_is_against(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Viktor Yanukovych planned to join the Eurasian Economic Union, but then he walked "
        "away from the deal.",
        DATE,
    )
    assert sides(stances, YANUKOVYCH, EURASIAN) == {-1}


def test_someone_elses_deal_scrapped_leaves_the_signing_for(nlp: Language) -> None:
    # another holder dropping another deal overturns nothing
    stances = stances_of(
        nlp,
        "Moldova signed the association agreement with the European Union, but Russia "
        "scrapped its gas deal with Chisinau.",
        DATE,
    )
    assert sides(stances, "gov:MDA", EU) == {1}


def test_dropping_something_else_leaves_the_course_for(nlp: Language) -> None:
    stances = stances_of(
        nlp, "Kazakhstan wanted to join the customs union and later dropped a tariff.", DATE
    )
    assert sides(stances, "gov:KAZ", EURASIAN) == {1}


def test_a_measure_its_doer_took_judged_is_no_side_on_the_doer(nlp: Language) -> None:
    # kind: other-target (the EU's sanctions criticised read as against European integration)
    for text in (
        "Petro Poroshenko said the EU sanctions against Russia were unhelpful.",
        "Petro Poroshenko criticised the sanctions imposed by the European Union.",
    ):
        stances = stances_of(nlp, text, DATE)
        assert sides(stances, "person:petro-poroshenko", EU) == set(), text


def test_a_measure_aimed_at_the_target_still_sides(nlp: Language) -> None:
    # the target sanctioned, not sanctioning: the side is still read
    stances = stances_of(nlp, "The European Union imposed sanctions against Russia.", DATE)
    assert sides(stances, "igo:eu", "country:RUS") == {-1}


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


def test_opposite_sides_in_one_sentence_are_both_kept(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Armenia joined the Eurasian Economic Union and refused to sign the association "
        "agreement with the European Union.",
        DATE,
    )
    assert sides(stances, "gov:ARM", EURASIAN) == {1}
    assert sides(stances, "gov:ARM", EU) == {-1}


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
    assert not [s for s in stances if s.holder_id == "igo:eaeu"]


def test_an_attitude_with_for_still_belongs_to_its_subject(nlp: Language) -> None:
    # "ready for" is the subject's own attitude, not a verdict on it
    stances = stances_of(nlp, "Kazakhstan is ready to join the customs union.", DATE)
    assert sides(stances, "gov:KAZ", EURASIAN) == {1}


def test_pushing_for_status_in_a_union_is_for_it(nlp: Language) -> None:
    # kind: none (a place in a union sought through "status in", a noun the climb stopped at)
    stances = stances_of(
        nlp,
        "Emomali Rahmon pushed for observer status in the Eurasian Economic Union.",
        DATE,
    )
    assert sides(stances, "person:emomali-rahmon", EURASIAN) == {1}


def test_backing_out_of_a_deal_is_against(nlp: Language) -> None:
    # kind: polarity ("back" alone is support; "back out of" drops the course)
    stances = stances_of(
        nlp,
        "Viktor Yanukovych backed out of a trade deal with the European Union in November.",
        DATE,
    )
    assert sides(stances, YANUKOVYCH, EU) == {-1}


def test_a_course_set_aside_by_instead_of_takes_not_the_acts_side(nlp: Language) -> None:
    # kind: polarity (an AGREE event read as for the course the sentence sets aside)
    stances = stances_of(
        nlp,
        "The government of Ukraine agreed to closer ties with Russia instead of the European "
        "Union.",
        DATE,
    )
    assert 1 not in sides(stances, "gov:UKR", EU)


def test_a_promise_then_reversed_course_is_against(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Viktor Yanukovych had promised to sign the association agreement with the EU, but "
        "then reversed course.",
        DATE,
    )
    assert sides(stances, YANUKOVYCH, EU) == {-1}
