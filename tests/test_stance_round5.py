"""Stance accuracy, round 5 (issue 12): each test names the error kind it guards, on sentences
written for the test (invented, about real-world-style events)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from stance_helpers import Sides, polarities, read_with, sides, sides_toward, stances_of

EURASIAN = "target:eurasian-integration"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Emomali Rahmon does not want to join the Eurasian Economic Union.", {("person:emomali-rahmon", EURASIAN): {-1}}, id="a_real_negation_still_turns_the_side"),
        # kind: polarity (a cue noun under "no" read as if asserted)
        pytest.param("Maia Sandu said there is no future in the European Union.", {("person:maia-sandu", "target:european-integration"): {-1}}, id="no_future_in_a_union_is_against_it"),
        # kind: none (an accession treaty named no target, so asking partners to sign it gave
        # nothing); it is the treaty of joining the last target the document named
        pytest.param("Tajikistan is set to join the Eurasian Economic Union. Tajik President Emomali Rahmon asked his partners to sign Tajikistan's accession treaty by July 1.", {("person:emomali-rahmon", EURASIAN): {1}}, id="an_accession_treaty_takes_up_the_union_named_before"),
        # kind: reported wanting not read (the climb from "the Eurasian Economic Union treaty"
        # stopped at "treaty", a noun that is no cue); asking partners to sign it is for it
        pytest.param("Tajik President Emomali Rahmon asked his partners to sign the Eurasian Economic Union treaty by July 1. Lithuania refused to sign the Eurasian Economic Union treaty.", {("person:emomali-rahmon", EURASIAN): {1}, ("gov:LTU", EURASIAN): {-1}}, id="a_treaty_named_by_its_project_passes_the_verbs_side"),
        # kind: reported wanting not read ("sees his country in X": no cue on the path), and
        # polarity ("not just in X but in Y" read as a negation of both)
        pytest.param("Tajik President Emomali Rahmon said he sees his country not just in the Customs Union but in the Eurasian Economic Union. Moldovan President Maia Sandu said that she sees Moldova's future in the European Union.", {("person:emomali-rahmon", EURASIAN): {1}, ("person:maia-sandu", "target:european-integration"): {1}}, id="seeing_ones_country_in_a_union_is_for_it"),
        # kind: none (a side stated only in a compound adjective: "the Western-backed
        # government", "the Russia-leaning government of X", read by no path)
        pytest.param("Critics call the Western-backed interim government in Kiev weak. Protesters toppled the Russia-leaning government of Viktor Yanukovych in February.", {("group:western-world", "gov:UKR"): {1}, ("person:viktor-yanukovych", "country:RUS"): {1}, ("gov:UKR", "country:RUS"): set()}, id="a_hyphenated_backing_or_leaning_states_a_side"),
        # kind: other-holder ("the government of Prime Minister X, which backs Y" read as X's
        # side: "which" never stands for the person)
        pytest.param("The government of Prime Minister Iurie Leanca, which backs Moldova's association agreement with the European Union, has said the memorandum has no legal value.", {("gov:MDA", "target:european-integration"): {1}, ("person:iurie-leanca", "target:european-integration"): set()}, id="which_after_a_body_named_by_its_leader_is_the_body"),
    ],
)  # fmt: skip
def test_the_sides_read(nlp: Language, text: str, expected: Sides) -> None:
    assert sides_toward(stances_of(nlp, text), expected) == expected


@pytest.mark.parametrize(
    ("text", "field", "values"),
    [
        pytest.param("Moldova's Eurasian Economic Union treaty was criticised.", "target_id", (EURASIAN,), id="a_possessor_of_a_treaty_is_no_target_of_it"),
        # kind: unsupported ('did' stances built on unsure events whose trigger says no side:
        # holding a session read as coercion, expressing concern read as an accusation)
        pytest.param("Ukrainian President Petro Poroshenko held an emergency security session on Russian troops in Kyiv. The Budget Office was expressing concerns about the aid to Ukraine.", "basis", ("did",), id="a_weak_event_without_a_stance_word_takes_no_side"),
        # kind: other-target (what a holder does "instead of" selling to X read as for X)
        pytest.param("Georgia has turned its attention to the West, seeking new markets for its wine in Europe instead of, as Moscow wishes, selling all its wine to Russia's Gazprom. Armenia sought loans from the IMF rather than supporting Gazprom.", "target", ("Gazprom",), id="the_course_not_taken_after_instead_of_takes_no_side"),
    ],
)  # fmt: skip
def test_no_stance_read(nlp: Language, text: str, field: str, values: tuple) -> None:
    assert not read_with(stances_of(nlp, text), field, values)


def test_a_weak_event_with_a_stance_word_keeps_its_side(nlp: Language) -> None:
    stances = stances_of(nlp, "The Budget Office warned Ukraine about the aid.")
    assert polarities(stances, basis="did", target="Ukraine") == {-1}


def test_seeing_a_danger_in_a_union_is_not_for_it(nlp: Language) -> None:
    stances = stances_of(nlp, "Emomali Rahmon said he sees a danger in the European Union.")
    assert 1 not in sides(stances, "person:emomali-rahmon", "target:european-integration")


def test_an_accuser_takes_no_side_toward_the_object_of_the_alleged_act(nlp: Language) -> None:
    # kind: other-target (the accuser read as against those the accused is said to aid); the
    # accused keeps the accuser's side, and a denial of aid is no side either
    stances = stances_of(
        nlp,
        "Azerbaijan accused Russia this week of sending tanks to aid Armenia. "
        "Moscow denied aiding Armenia.",
    )
    assert sides(stances, "gov:AZE", "country:RUS") == {-1}
    assert not read_with(stances, "target", ("Armenia",))


def test_a_tie_described_of_a_third_party_is_no_stance(nlp: Language) -> None:
    # kind: unsupported ("X is an ally of Y" in a report read as X for Y); wanting the tie
    # still is a side
    stances = stances_of(
        nlp,
        "Georgia is a pivotal U.S. ally. He was an ally of Russian President Vladimir Putin. "
        "Georgia wants to be a partner of NATO.",
    )
    assert not read_with(stances, "target", ("United States", "Vladimir Putin"))
    assert sides(stances, "gov:GEO", "target:nato") == {1}


def test_a_cue_noun_a_passive_is_said_of_is_no_side_of_the_speaker(nlp: Language) -> None:
    # kind: unsupported ("membership of X cannot be combined with Y", quoted, read as the
    # speaker for X from the word "membership")
    stances = stances_of(
        nlp,
        "NATO officials have said that membership of the customs union cannot be combined "
        "with such a defence pact.",
    )
    assert not [s for s in stances if s.target_id == EURASIAN and s.polarity]
