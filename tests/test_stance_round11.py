"""Stance accuracy, round 11: states named by their adjective, a state's own agency toward
the state, and other kinds, each on sentences written for the test."""

from __future__ import annotations

from spacy.language import Language

from stance_helpers import sides, stances_of

DATE = "2014-03-01"


def test_a_state_named_by_its_adjective_on_its_interests_is_the_target(nlp: Language) -> None:
    # kind: none (a measure against "Russian interests" was no side toward Russia)
    stances = stances_of(nlp, "Brussels imposed sanctions on Russian interests.", DATE)
    assert sides(stances, "igo:eu", "country:RUS") == {-1}


def test_a_state_named_by_its_adjective_on_an_aggression_condemned(nlp: Language) -> None:
    stances = stances_of(
        nlp, "The Kazakh government condemned Chinese aggression in the strongest terms.", DATE
    )
    assert sides(stances, "gov:KAZ", "country:CHN") == {-1}


def test_an_adjective_on_other_nouns_names_no_target(nlp: Language) -> None:
    stances = stances_of(
        nlp, "The Kazakh government condemned the Chinese journalist in the strongest terms.", DATE
    )
    assert sides(stances, "gov:KAZ", "country:CHN") == set()


def test_a_states_own_agency_takes_no_side_toward_the_state(nlp: Language) -> None:
    # kind: unsupported (the Kremlin "for" Russia, wanting to extend its influence)
    stances = stances_of(
        nlp, "The Kremlin wants to extend Russian domination over the whole region.", DATE
    )
    assert sides(stances, "agency:rus-presidential-administration", "country:RUS") == set()


def test_naming_a_states_hegemony_in_a_quote_is_the_speakers_verdict(nlp: Language) -> None:
    # kind: none (the clause's subject furthers the hegemony; the speaker names it so)
    stances = stances_of(
        nlp,
        '"The president will certainly try to strengthen Russian hegemony in the Caucasus," '
        "the analyst Ivan Petrenko says.",
        DATE,
    )
    held = {(s.target_id, s.polarity) for s in stances if s.holder == "Ivan Petrenko"}
    assert held == {("country:RUS", -1)}


def test_a_states_aggression_by_its_possessive_in_a_quote(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        '"Nobody can accept China\'s aggression in the sea," Kazakh President Nursultan '
        "Nazarbayev said.",
        DATE,
    )
    assert sides(stances, "person:nursultan-nazarbayev", "country:CHN") == {-1}


def test_resisting_a_named_aggression_stays_against(nlp: Language) -> None:
    stances = stances_of(
        nlp, '"We will resist Russian aggression," Ukrainian President Petro Poroshenko said.', DATE
    )
    assert sides(stances, "person:petro-poroshenko", "country:RUS") == {-1}


def test_a_verb_conjoined_to_a_negated_one_keeps_its_own_side(nlp: Language) -> None:
    # kind: polarity (the first verb's "not" turned the second verb's condemnation round)
    stances = stances_of(nlp, "NATO did not recognise the referendum and condemned Russia.", DATE)
    assert sides(stances, "igo:nato", "country:RUS") == {-1}


def test_the_first_conjuncts_cue_is_not_the_seconds(nlp: Language) -> None:
    stances = stances_of(nlp, "Georgia rejected the offer and joined the European Union.", DATE)
    assert sides(stances, "gov:GEO", "target:european-integration") == {1}


def test_a_negation_both_verbs_share_still_counts(nlp: Language) -> None:
    stances = stances_of(
        nlp, "Moldova did not sign or ratify the treaty on the Eurasian Economic Union.", DATE
    )
    assert sides(stances, "gov:MDA", "target:eurasian-integration") == {-1}


def test_it_as_the_subject_of_a_bodys_own_words_is_that_body(nlp: Language) -> None:
    # kind: none (the side lost for want of a holder for "it")
    stances = stances_of(
        nlp, "The Kazakh government said it would not join the European Union.", DATE
    )
    assert sides(stances, "gov:KAZ", "target:european-integration") == {-1}


def test_it_after_a_person_speaking_is_no_body(nlp: Language) -> None:
    stances = stances_of(
        nlp, "Kazakh President Nursultan Nazarbayev said it was a good day for trade.", DATE
    )
    assert not [s for s in stances if s.holder_id and s.holder_id.startswith("gov:")]


def test_a_states_course_that_its_leader_takes_is_his_alone(nlp: Language) -> None:
    # kind: other-holder (the state credited beside the leader who leads the course)
    stances = stances_of(
        nlp,
        "Kazakh President Nursultan Nazarbayev signed the treaty on the Eurasian Economic "
        "Union in Minsk. Astana supports the Eurasian Economic Union.",
        DATE,
    )
    eurasian = "target:eurasian-integration"
    assert sides(stances, "person:nursultan-nazarbayev", eurasian) == {1}
    assert sides(stances, "gov:KAZ", eurasian) == set()


def test_a_states_course_with_no_leader_of_it_stays(nlp: Language) -> None:
    stances = stances_of(nlp, "Astana supports the Eurasian Economic Union.", DATE)
    assert sides(stances, "gov:KAZ", "target:eurasian-integration") == {1}


def test_a_states_side_toward_another_state_stays_beside_its_leaders(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Russian President Vladimir Putin condemned Ukraine. Moscow also condemned Ukraine.",
        DATE,
    )
    assert sides(stances, "gov:RUS", "country:UKR") == {-1}


def test_a_states_officials_are_a_group_not_the_state(nlp: Language) -> None:
    # kind: other-holder (the state credited with its officials' warning)
    stances = stances_of(
        nlp, "Kremlin officials threatened Moldova with a gas cut on Tuesday.", DATE
    )
    assert sides(stances, "gov:RUS", "country:MDA") == set()
    assert {s.holder for s in stances if s.target_id == "country:MDA"} == {"Kremlin officials"}


def test_an_unnamed_post_holder_is_no_holder_for_the_state(nlp: Language) -> None:
    # kind: other-holder ("X's former prosecutor, who accused Y" credited to X's government)
    stances = stances_of(
        nlp,
        "Moldova's former chief prosecutor, who accused the envoy Marie Yovanovitch of lying, "
        "resigned.",
        DATE,
    )
    envoy = "person:marie-yovanovitch"
    assert sides(stances, "gov:MDA", envoy) == set()
    held = {(s.holder, s.polarity) for s in stances if s.target_id == envoy}
    assert held == {("Moldova's former chief prosecutor", -1)}


def test_a_states_forces_said_to_enter_another_state_is_a_verdict_on_the_state(
    nlp: Language,
) -> None:
    # kind: other-holder/none (the claim of an incursion read as no side of its teller's)
    stances = stances_of(
        nlp, '"Russian troops have crossed into Moldova," Moldovan President Maia Sandu said.', DATE
    )
    assert sides(stances, "person:maia-sandu", "country:RUS") == {-1}


def test_forces_entering_their_own_state_is_no_verdict(nlp: Language) -> None:
    stances = stances_of(
        nlp, '"Russian troops have entered Russia again," the Russian president said.', DATE
    )
    assert not [s for s in stances if s.target_id in ("country:RUS", "gov:RUS")]


def test_a_course_called_wise_or_unwise_is_its_tellers_side(nlp: Language) -> None:
    # kind: none (a verdict adjective on a course the lexicon lacked)
    stances = stances_of(
        nlp,
        '"Signing the association agreement with the EU would be unwise," Armenian President '
        "Serzh Sargsyan said.",
        DATE,
    )
    held = sides(stances, "person:serzh-sargsyan", "target:european-integration")
    assert -1 in held and 1 not in held


def test_a_state_named_in_lower_case_as_the_adjectives_federation(nlp: Language) -> None:
    # kind: none (the state's name in lower case is no mention; its adjective names it)
    stances = stances_of(
        nlp,
        'Ivan Petrenko, who ran the vote, said, "Joining the Russian federation would be a '
        'sensible step."',
        DATE,
    )
    held = {(s.target_id, s.polarity) for s in stances if s.holder == "Ivan Petrenko"}
    assert held == {("country:RUS", 1)}


def test_a_states_soldiers_said_to_be_in_another_state(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Kazakh President Nursultan Nazarbayev said this week that if Chinese soldiers are in "
        'Kyrgyzstan, "it would be intolerable."',
        DATE,
    )
    assert sides(stances, "person:nursultan-nazarbayev", "country:CHN") == {-1}


def test_a_union_described_by_its_members_is_the_reports_union(nlp: Language) -> None:
    # kind: other-holder (a side toward the report's union, told in a description, lost)
    stances = stances_of(
        nlp,
        "The Eurasian Economic Union held a summit in Minsk. Georgian President Mikheil "
        "Saakashvili rejected a bloc of former Soviet republics.",
        DATE,
    )
    assert sides(stances, "person:mikheil-saakashvili", "target:eurasian-integration") == {-1}


def test_a_union_with_no_union_before_it_names_no_target(nlp: Language) -> None:
    stances = stances_of(
        nlp,
        "Georgian President Mikheil Saakashvili rejected a bloc of former Soviet republics.",
        DATE,
    )
    assert not [s for s in stances if s.holder_id == "person:mikheil-saakashvili"]


def test_a_states_press_holds_its_own_line_not_the_states(nlp: Language) -> None:
    # kind: other-holder (the government credited with its media's line)
    for text in (
        "Russia's press denounced Georgia on Monday.",
        "Belarus's media have loudly supported the campaign against the new government in Vilnius.",
    ):
        stances = stances_of(nlp, text, DATE)
        assert stances
        assert not [s for s in stances if (s.holder_id or "").startswith(("gov:", "country:"))]
        assert all(s.holder.endswith(("press", "media")) for s in stances)


def test_a_phase_noun_passes_the_courses_side_through(nlp: Language) -> None:
    # kind: none (the climb stopped at "the start of", a noun that is no cue)
    stances = stances_of(
        nlp, "Kazakhstan announced the beginning of its accession to the WTO.", DATE
    )
    assert sides(stances, "gov:KAZ", "igo:wto") == {1}


def test_a_parliaments_law_on_a_course_is_its_states_side(nlp: Language) -> None:
    # kind: other-holder (the legislature credited where the report's state is)
    stances = stances_of(
        nlp,
        "The Ukrainian parliament passed a law in March calling for the start of EU accession.",
        DATE,
    )
    assert sides(stances, "gov:UKR", "target:european-integration") == {1}
    assert sides(stances, "agency:ukr-verkhovna-rada", "target:european-integration") == set()


def test_a_bill_declaring_a_course_carries_its_side_to_who_acts_on_it(nlp: Language) -> None:
    # kind: none (the climb stopped at "a bill declaring ...", a noun that is no cue)
    stances = stances_of(
        nlp,
        "Ivan Petrenko rejected a bill declaring the start of accession to the Eurasian "
        "Economic Union.",
        DATE,
    )
    held = {(s.target_id, s.polarity) for s in stances if s.holder == "Ivan Petrenko"}
    assert held == {("target:eurasian-integration", -1)}


def test_a_setback_for_a_body_is_its_tellers_side_for_it(nlp: Language) -> None:
    # kind: other-holder (regret at a loss to X read as no side, the words summing to 0)
    stances = stances_of(
        nlp, '"The vote is a blow to NATO," Moldovan President Maia Sandu said.', DATE
    )
    assert sides(stances, "person:maia-sandu", "target:nato") == {1}


def test_a_blow_dealt_by_a_body_is_no_side_for_it(nlp: Language) -> None:
    stances = stances_of(
        nlp, '"NATO dealt the smugglers a heavy blow," Moldovan President Maia Sandu said.', DATE
    )
    assert 1 not in sides(stances, "person:maia-sandu", "target:nato")


def test_an_instrument_of_cooperation_with_a_body_carries_the_signing(nlp: Language) -> None:
    # kind: none (the climb stopped at "a memorandum of ...", a noun that is no cue)
    stances = stances_of(
        nlp,
        "Kyrgyz President Almazbek Atambayev signed a memorandum of cooperation with the "
        "Eurasian Economic Commission in April.",
        DATE,
    )
    assert sides(stances, "person:almazbek-atambayev", "target:eurasian-integration") == {1}
