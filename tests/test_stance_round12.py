"""Stance accuracy, round 12: kinds of error read on the three gold sets, each tested on
sentences written for the test."""

from __future__ import annotations

from spacy.language import Language

from stance_helpers import sides, stances_of

EURASIAN = "target:eurasian-integration"
EUROPEAN = "target:european-integration"
NAZARBAYEV = "person:nursultan-nazarbayev"
DATE = "2012-03-01"


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


def test_a_project_made_the_centrepiece_of_a_platform(nlp: Language) -> None:
    # kind: none (the side said by the complement of "make", off the target's path)
    stances = stances_of(
        nlp,
        "Georgian Prime Minister Irakli Garibashvili made EU membership the centrepiece of "
        "his platform.",
        "2014-03-01",
    )
    assert sides(stances, "person:irakli-garibashvili", EUROPEAN) == {1}


def test_a_project_made_part_of_a_campaign_by_a_relative_clauses_subject(
    nlp: Language,
) -> None:
    stances = stances_of(
        nlp,
        "The plan is tied to Kazakh President Nursultan Nazarbayev, who is seeking another "
        'term and has made a wider "Eurasian Union" part of his campaign.',
        "2014-03-01",
    )
    assert sides(stances, "person:nursultan-nazarbayev", EURASIAN) == {1}


def test_a_project_made_into_something_else_is_no_goal(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Kazakh President Nursultan Nazarbayev made the customs union more efficient.",
        "2014-03-01",
    )
    assert sides(stances, "person:nursultan-nazarbayev", EURASIAN) == set()


def test_a_member_states_officials_ruling_out_both_blocs_are_against_the_other(
    nlp: Language,
) -> None:
    # kind: none (no bloc named, or both named as one: no path reads a side)
    stances = stances_of(
        nlp, "Kazakh officials said no country could be a member of both blocs.", "2025-06-01"
    )
    held = {(s.holder, s.target_id, s.polarity) for s in stances}
    assert ("Kazakh officials", EUROPEAN, -1) in held
    assert not any(s.target_id == EURASIAN and s.polarity < 0 for s in stances)


def test_a_state_spokesman_ruling_out_both_unions(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Kremlin spokesman Dmitry Peskov said no state could belong to both unions at once.",
        "2025-06-01",
    )
    assert sides(stances, "person:dmitry-peskov", EUROPEAN) == {-1}


def test_the_eus_own_people_ruling_out_both_are_against_the_eurasian_bloc(
    nlp: Language,
) -> None:
    stances = stances_of(
        nlp, "EU diplomats said a country cannot belong to both unions at once.", "2025-06-01"
    )
    held = {(s.holder, s.target_id, s.polarity) for s in stances}
    assert ("EU diplomats", EURASIAN, -1) in held


def test_both_blocs_named_without_ruling_out_membership_is_no_side(nlp: Language) -> None:
    stances = stances_of(
        nlp, "Russian officials said both blocs cannot be ignored by traders.", "2025-06-01"
    )
    assert not any(s.target_id in (EURASIAN, EUROPEAN) for s in stances)


def test_a_trip_refused_for_someones_deed_is_a_side_against_him(nlp: Language) -> None:
    # kind: other-target (the destination read as the target, not whose deed is answered)
    stances = stances_of(
        nlp,
        "Kazakh President Nursultan Nazarbayev refused to visit Belarus after Alexander "
        "Lukashenko insulted him.",
        "2014-03-01",
    )
    held = {(s.target_id, s.polarity) for s in stances if s.holder_id == NAZARBAYEV}
    assert held == {("person:alexander-lukashenko", -1)}


def test_a_trip_refused_with_no_reason_takes_no_side_toward_the_place(nlp: Language) -> None:
    stances = stances_of(
        nlp, "Kazakh President Nursultan Nazarbayev refused to travel to Belarus.", "2014-03-01"
    )
    assert sides(stances, NAZARBAYEV, "country:BLR") == set()


def test_a_refusal_of_a_states_offer_keeps_its_side(nlp: Language) -> None:
    stances = stances_of(
        nlp, "Kazakh President Nursultan Nazarbayev rejected Belarus's offer.", "2014-03-01"
    )
    assert sides(stances, NAZARBAYEV, "country:BLR") == {-1}


def test_conduct_judged_by_its_adjective_is_the_doers_side(nlp: Language) -> None:
    # kind: none (a noun of conduct is no cue; its adjective says the side)
    stances = stances_of(nlp, "Moscow continued its harsh treatment of Kazakhstan.", DATE)
    assert sides(stances, "gov:RUS", "country:KAZ") == {-1}


def test_a_speaker_foreseeing_hostile_conduct_toward_his_country(nlp: Language) -> None:
    # kind: other-holder (the speaker's own side; the doer's conduct is only his forecast)
    stances = stances_of(
        nlp,
        "Kazakh lawmaker Ivan Petrov expects that Moscow will continue its tough dealing "
        "with Kazakhstan.",
        DATE,
    )
    held = {(s.holder, s.target_id, s.polarity) for s in stances}
    assert held == {("Ivan Petrov", "country:RUS", -1)}


def test_a_speaker_telling_of_pressure_on_his_own_country(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Kazakh lawmaker Ivan Petrov said that Moscow will keep up its pressure on Kazakhstan.",
        DATE,
    )
    assert ("Ivan Petrov", "country:RUS", -1) in {
        (s.holder, s.target_id, s.polarity) for s in stances
    }


def test_a_foreign_speaker_telling_of_pressure_takes_no_side(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Georgian analyst Ivan Petrov said that Moscow will keep up its pressure on Kazakhstan.",
        DATE,
    )
    assert not any(s.holder == "Ivan Petrov" for s in stances)


def test_a_joint_signing_by_three_leaders_is_no_side_of_each(nlp: Language) -> None:
    # kind: collective (a ceremony's signature spread over each signer)
    stances = stances_of(
        nlp,
        "Kyrgyz President Almazbek Atambayev, Kazakh President Nursultan Nazarbayev and "
        "Armenian President Serzh Sargsyan signed a declaration on the Eurasian Economic Union.",
        DATE,
    )
    assert sides(stances, NAZARBAYEV, EURASIAN) == set()


def test_a_co_signer_with_words_of_his_own_keeps_his_side(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Kyrgyz President Almazbek Atambayev, Kazakh President Nursultan Nazarbayev and "
        "Armenian President Serzh Sargsyan signed a declaration on the Eurasian Economic Union. "
        "Nazarbayev called the declaration a major step toward the new union.",
        DATE,
    )
    assert sides(stances, NAZARBAYEV, EURASIAN) == {1}


def test_two_signers_keep_their_side(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Kazakh President Nursultan Nazarbayev and Armenian President Serzh Sargsyan signed "
        "a declaration on the Eurasian Economic Union.",
        DATE,
    )
    assert sides(stances, NAZARBAYEV, EURASIAN) == {1}


def test_a_states_agency_leaves_a_projects_side_to_its_leader(nlp: Language) -> None:
    # kind: other-holder (the Kremlin credited beside the president who leads the course)
    stances = stances_of(
        nlp,
        "Prime Minister Vladimir Putin set out his plan for a Eurasian Union last month. "
        "The Kremlin has pressed Tajikistan to join the customs union.",
        "2011-11-18",
    )
    assert sides(stances, "person:vladimir-putin", EURASIAN) == {1}
    assert sides(stances, "agency:rus-presidential-administration", EURASIAN) == set()


def test_a_states_agency_alone_keeps_its_side(nlp: Language) -> None:
    stances = stances_of(
        nlp, "The Kremlin has pressed Tajikistan to join the customs union.", "2011-11-18"
    )
    assert sides(stances, "agency:rus-presidential-administration", EURASIAN) == {1}


def test_land_taken_from_a_state_is_no_side_toward_the_state(nlp: Language) -> None:
    # kind: unsupported (an act on a territory "from" its state read as against the state)
    stances = stances_of(nlp, "Moscow annexed Abkhazia from Georgia in March.", DATE)
    assert sides(stances, "gov:RUS", "country:GEO") == set()


def test_a_thing_seized_from_a_state_keeps_its_side(nlp: Language) -> None:
    stances = stances_of(nlp, "Moscow seized the ship from Georgia.", DATE)
    assert sides(stances, "gov:RUS", "country:GEO") == {-1}
