"""Stance accuracy, round 9 (issue 12): sides implied by a deed or a verdict, and holders named
by a plural pronoun or a bare "the country", each on sentences written for the test."""

from __future__ import annotations

import pytest
from spacy.language import Language

from stance_helpers import Sides, polarities, read_with, sides, sides_toward, stances_of

DATE = "2019-11-15"
BIDEN = "person:joe-biden"
CLINTON = "person:hillary-clinton"
KERRY = "person:john-kerry"
PENCE = "person:mike-pence"
TRUMP = "person:donald-trump"
RADA = "agency:ukr-verkhovna-rada"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # kind: other-holder (a plural pronoun holder left unresolved)
        pytest.param("Hillary Clinton and John Kerry met donors in Ohio on Monday. They both voted that Mike Pence was guilty in the hearing.", {(CLINTON, PENCE): {-1}, (KERRY, PENCE): {-1}}, id="they_takes_up_the_pair_named_before"),
        # kind: none (a verdict told by a vote, with no quote to give it a speaker)
        pytest.param("Joe Biden voted that Donald Trump was not guilty.", {(BIDEN, TRUMP): {1}}, id="a_verdict_voted_not_guilty_is_for"),
        # kind: none (a course owned by the speakers, set against the target, with no cue verb)
        pytest.param("Senator Hillary Clinton (D-N.Y.) and Senator John Kerry (D-Mass.) said in a statement on Tuesday that the new testimony strengthens their case against Mike Pence.", {(CLINTON, PENCE): {-1}, (KERRY, PENCE): {-1}}, id="their_case_against_x_in_a_joint_statement_is_each_speakers"),
        pytest.param("The hearing weakened Joe Biden's lawsuit against Donald Trump.", {(BIDEN, TRUMP): {-1}}, id="a_named_owner_of_a_case_against_x_is_against_x"),
        # kind: none (a state described, not named) and a side implied by a deed (at war with)
        pytest.param("John Kerry will travel to Georgia next week to meet its president. The small Caucasus country is at war with Russia.", {("gov:GEO", "country:RUS"): {-1}}, id="the_country_at_war_is_the_state_named_before"),
        pytest.param("John Kerry will travel to Georgia next week. The country of Moldova is at war with Russia.", {("gov:GEO", "country:RUS"): set()}, id="the_country_with_a_name_of_its_own_is_not_taken_up"),
        # "distance ... on" names the issue, not whom one turns from
        pytest.param("Joe Biden distanced himself on the issue of Russia.", {(BIDEN, "country:RUS"): set()}, id="distancing_oneself_on_an_issue_is_no_side"),
        # kind: other-target ("it" read as a body named a sentence back, over a nearer thing)
        pytest.param("On Monday the Verkhovna Rada passed a law on the status of the Russian language. The bill began as a petition, Ukraine's government endorsed it in May, and it passed easily.", {("gov:UKR", RADA): set()}, id="it_after_a_nearer_thing_is_not_the_body_named_before"),
        pytest.param("The Verkhovna Rada met on Monday. Ukraine's government endorsed it in May.", {("gov:UKR", RADA): {1}}, id="it_with_no_nearer_thing_keeps_the_act"),
        # kind: none (an act told as a fact, read as part of what was alleged)
        pytest.param("Georgia's former prosecutor accused her of lying to investigators after Hillary Clinton publicly criticized Moldova.", {(CLINTON, "country:MDA"): {-1}}, id="a_time_clause_beside_an_accusation_is_no_allegation"),
        pytest.param("Georgia accused Hillary Clinton of publicly criticizing Moldova.", {(CLINTON, "country:MDA"): set()}, id="an_act_inside_an_accusation_stays_alleged"),
        # kind: other-target (a state described as "the country" read as its government)
        pytest.param("Hillary Clinton visited Georgia in May. She later criticized the country's lack of progress in tackling corruption.", {(CLINTON, "country:GEO"): {-1}, (CLINTON, "gov:GEO"): set()}, id="the_country_as_an_acts_target_is_the_country"),
        # kind: other-target (no cue on the path to the state; the words as a whole read as none)
        pytest.param('"We will not rest before the sovereignty and territorial integrity of Georgia has been restored," John Kerry said.', {(KERRY, "country:GEO"): {1}}, id="a_quote_that_speaks_for_a_states_sovereignty_is_for_it"),
    ],
)  # fmt: skip
def test_the_sides_read(nlp: Language, text: str, expected: Sides) -> None:
    assert sides_toward(stances_of(nlp, text, DATE), expected) == expected


@pytest.mark.parametrize(
    ("text", "field", "values"),
    [
        # a plural noun is too loose an antecedent: no holder is guessed for "they"
        pytest.param("The senators met donors in Ohio on Monday. They voted that Donald Trump was guilty.", "target_id", (TRUMP,), id="they_without_a_named_pair_before_holds_nothing"),
        # "his" by position alone could be anyone named before: no holder guessed
        pytest.param("Joe Biden met Hillary Clinton. The hearing weakened his lawsuit against Mike Pence.", "target_id", (PENCE,), id="his_case_against_x_is_left_unresolved"),
        # kind: unsupported (a pledge to open talks read as a side toward the other party)
        pytest.param("Ukraine's leadership pledged Monday to open a dialogue with rebellious pro-Russian militants in the east.", "target_id", ("group:pro-russian-separatists-ukr",), id="agreeing_to_talk_with_a_party_takes_no_side_toward_it"),
        pytest.param("Georgia's reform programme and Moldova's reform programme were debated. Later Joe Biden criticized the reform programme in a speech.", "holder_id", (BIDEN,), id="a_phrase_owned_by_two_owners_is_taken_up_by_neither"),
    ],
)  # fmt: skip
def test_no_stance_read(nlp: Language, text: str, field: str, values: tuple) -> None:
    assert not read_with(stances_of(nlp, text, DATE), field, values)


@pytest.mark.parametrize(
    ("text", "target_id", "polarity"),
    [
        # kind: none (a side implied by a deed with no stance word of its own)
        ("Moldova has distanced itself from Russia since the election.", "country:RUS", -1),
        ("Kyrgyzstan is courting the European Union with new trade offers.", None, 1),
        ("Armenia pinned its hopes on the European Union.", None, 1),
        # "sought to distance itself": the seeking does not turn the turning-away round
        ("Moldova has sought to distance itself from Russia.", "country:RUS", -1),
    ],
)
def test_deeds_that_imply_a_side(nlp: Language, text: str, target_id, polarity: int) -> None:
    stances = stances_of(nlp, text, DATE)
    held = {
        s.polarity
        for s in stances
        if s.holder_id in ("gov:MDA", "gov:KGZ", "gov:ARM")
        and (s.target_id == target_id or (target_id is None and s.target_id.startswith("target:")))
    }
    assert held == {polarity}


def test_agreeing_to_open_talks_with_a_union_is_still_a_step_toward_it(nlp: Language) -> None:
    stances = stances_of(nlp, "Georgia agreed to open talks with the European Union.", DATE)
    assert polarities(stances, holder_id="gov:GEO") == {1}


def test_a_persons_integrity_is_a_virtue_not_a_state(nlp: Language) -> None:
    stances = stances_of(
        nlp, '"This shows that Mike Pence\'s integrity is zero," John Kerry said.', DATE
    )
    assert sides(stances, KERRY, PENCE) != {1}


def test_the_phrase_taken_up_after_its_owner_is_the_owners(nlp: Language) -> None:
    # kind: none (a side toward a body's deed named the second time without its owner)
    stances = stances_of(
        nlp,
        "The hearing was part of Georgia's reform programme. Later Joe Biden criticized the "
        "reform programme in a speech.",
        DATE,
    )
    assert {s.polarity for s in stances if s.holder_id == BIDEN and "GEO" in s.target_id} == {-1}


def test_a_subordinate_he_is_the_main_clauses_subject(nlp: Language) -> None:
    # kind: other-holder (the last man named before, over the main clause's own subject)
    stances = stances_of(
        nlp,
        "Mark Sandy said his own testimony was complete. Hours later Dana Lee appeared at a "
        "rally in Ohio, where he attacked Mike Pence.",
        DATE,
    )
    assert {s.holder for s in stances if s.target_id == PENCE} == {"Dana Lee"}


@pytest.mark.parametrize(
    "text",
    [
        # kind: other-holder (a claim of troops abroad read as no side of its teller's)
        '"Moscow had well over 1,000 troops on the ground in Georgia," John Kerry said.',
        "John Kerry said Russia had sent troops into Georgia.",
    ],
)
def test_a_state_said_to_have_troops_abroad_is_judged_by_the_teller(
    nlp: Language, text: str
) -> None:
    stances = stances_of(nlp, text, DATE)
    assert {s.polarity for s in stances if s.holder_id == KERRY and "RUS" in s.target_id} == {-1}


def test_a_state_with_troops_at_home_is_not_judged(nlp: Language) -> None:
    stances = stances_of(nlp, '"Russia has 20,000 troops on its own soil," John Kerry said.', DATE)
    assert not [s for s in stances if s.holder_id == KERRY and "RUS" in (s.target_id or "")]


def test_an_armys_act_is_its_governments_side(nlp: Language) -> None:
    # kind: other-holder (the army's act read as its own side, not its government's)
    stances = stances_of(
        nlp,
        "By nightfall, Ukrainian troops had attacked the pro-Russian separatists near the town.",
        DATE,
    )
    holders = {s.holder_id for s in stances if s.target_id == "group:pro-russian-separatists-ukr"}
    assert "gov:UKR" in holders
    assert not any((h or "").startswith("agency:") for h in holders)


def test_a_defence_ministry_keeps_its_own_voice(nlp: Language) -> None:
    stances = stances_of(
        nlp, "Ukraine's Defence Ministry condemned the pro-Russian separatists on Monday.", DATE
    )
    holders = {s.holder_id for s in stances if s.target_id == "group:pro-russian-separatists-ukr"}
    assert holders == {"agency:ukr-ministry-of-defence"}
