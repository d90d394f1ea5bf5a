"""Stance accuracy, round 7 (issue 12): error kinds found on the dev sets, each on sentences
written for the test."""

from __future__ import annotations

import pytest
from spacy.language import Language

from stance_helpers import Sides, polarities, read_with, sides, sides_toward, stances_of

DATE = "2019-11-15"
TRUMP = "person:donald-trump"
GIULIANI = "person:rudy-giuliani"


@pytest.mark.parametrize(
    "text",
    [
        # kind: other-target (the act's "her" read as the last person named, a man)
        pytest.param(
            "Laura Smith said she was proud of her work in Kyiv. President Donald Trump met Rudy "
            "Giuliani in Washington, and Trump has publicly attacked her.",
            id="is_the_person_of_its_gender_not_the_last_named",
        ),
        # kind: other-target ("Y was targeted by Z, and X attacked her": her is Y)
        pytest.param(
            "The State Department recalled Ambassador Laura Smith. Smith was targeted by Rudy "
            "Giuliani, and Trump has publicly attacked her.",
            id="after_a_coordinated_clause_is_its_subject",
        ),
    ],
)
def test_an_object_pronoun_is_the_woman_named_before_not_the_last_man(
    nlp: Language, text: str
) -> None:
    stances = stances_of(nlp, text, DATE)
    assert polarities(stances, holder_id=TRUMP, target="Laura Smith") == {-1}
    assert not sides(stances, TRUMP, GIULIANI)


@pytest.mark.parametrize(
    ("text", "date", "field", "values"),
    [
        # precision: with no woman in sight, "her" names no one
        pytest.param("Peter Novak met Donald Trump in Washington. Trump has publicly attacked her.", DATE, "target", ("Peter Novak",), id="a_pronoun_of_a_gender_no_one_was_shown_to_have_is_no_new_target"),
        # kind: unsupported (an act told as the content of evidence read as one known done; the
        # second of two joined acts as well)
        pytest.param("Novak had been gathering evidence that Moscow was arming and aiding pro-Russian rebels in eastern Ukraine.", DATE, "holder_id", ("gov:RUS",), id="acts_inside_the_evidence_someone_gathers_are_alleged"),
        # kind: unsupported (an act several clauses below "accused ... of" read as done)
        pytest.param("Novak accused the minister of giving him a list and blocking him from traveling to Moscow to investigate Georgia.", DATE, "target_id", ("country:GEO",), id="an_act_deep_in_an_accusation_is_alleged"),
        # kind: unsupported ("felt threatened": the event stage's guessed doer and target)
        pytest.param("Peter Novak, a Georgian diplomat, said he felt threatened in Moscow.", DATE, "basis", ("did",), id="a_participle_that_tells_a_state_is_no_act_of_anyone"),
    ],
)  # fmt: skip
def test_no_stance_read(nlp: Language, text: str, date: str, field: str, values: tuple) -> None:
    assert not read_with(stances_of(nlp, text, date), field, values)


def test_who_hung_on_a_state_in_a_title_is_the_person_titled(nlp: Language) -> None:
    # kind: other-holder ("X, the former prosecutor of Ukraine, who accused Y": the parse hangs
    # "who" on "Ukraine", read as Ukraine's government)
    stances = stances_of(
        nlp,
        "Peter Novak, the former chief prosecutor of Ukraine, who accused Laura Smith of "
        "corruption, resigned.",
        DATE,
    )
    assert polarities(stances, holder="Peter Novak") == {-1}
    assert not read_with(stances, "holder_id", ("gov:UKR",))


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # kind: none (the judgement of an act read as no side toward its doer)
        pytest.param("Chancellor Angela Merkel said Russia's seizure of the island was illegal.", DATE, {("person:angela-merkel", "country:RUS"): {-1}}, id="a_verdict_on_a_states_deed_is_against_the_state"),
        pytest.param("Merkel said that Berlin does not consider Russia's takeover of the port to be legal.", DATE, {("person:angela-merkel", "country:RUS"): {-1}}, id="a_denied_verdict_of_legality_is_against_the_doer"),
        pytest.param("Nazarbayev said the Eurasian Economic Union was a great success.", "2015-01-02", {("person:nursultan-nazarbayev", "target:eurasian-integration"): {1}}, id="a_body_named_as_subject_without_an_object_is_still_the_speakers_target"),
        pytest.param("Moscow was arming and aiding pro-Russian rebels in eastern Ukraine.", DATE, {("gov:RUS", "group:pro-russian-separatists-ukr"): {1}}, id="acts_told_as_done_still_give_a_side"),
        pytest.param("Moscow warned that Ukrainian forces should not commit violence against civilians.", DATE, {("gov:RUS", "gov:UKR"): {-1}}, id="a_warning_about_the_targets_own_conduct_stays_against_it"),
        pytest.param("Moscow warned Kyiv that it would cut gas supplies.", DATE, {("gov:RUS", "gov:UKR"): {-1}}, id="a_warning_whose_clause_names_no_one_keeps_the_acts_target"),
        pytest.param("Russia cut gas supplies to Ukraine last winter and threatened it again.", DATE, {("gov:RUS", "country:UKR"): {-1}}, id="it_after_a_state_is_still_that_state"),
        # kind: other-holder/none ("X was targeted by Y": a hostile verb the lexicon lacked)
        pytest.param("Joe Biden was targeted by Trump's personal lawyer, Rudy Giuliani, last year.", DATE, {(GIULIANI, "person:joe-biden"): {-1}}, id="being_targeted_by_someone_is_their_side_against"),
        # kind: other-holder (an agency's words about its state read as the government's side)
        pytest.param("The State Department said the United States backs the sovereignty of Georgia.", DATE, {("agency:usa-department-of-state", "country:GEO"): {1}, ("gov:USA", "country:GEO"): set()}, id="a_ministry_saying_what_its_state_does_holds_that_side"),
        # precision: "Russia's envoy was rude" judges the envoy, not Russia (no deed noun)
        pytest.param("Merkel said Russia's envoy was rude and dishonest.", DATE, {("person:angela-merkel", "country:RUS"): set()}, id="a_possessor_of_a_person_is_not_judged_by_a_deed_rule"),
        # kind: other-target (the EU, subject of a reported act against Russia, read as the
        # object of the speaker's words: for European integration)
        pytest.param("Chancellor Angela Merkel said that the European Union was ready to impose more sanctions against Russia if necessary.", DATE, {("person:angela-merkel", "target:european-integration"): set(), ("igo:eu", "country:RUS"): {-1}}, id="a_body_acting_in_a_quote_is_no_target_of_the_speakers_words"),
        # kind: other-target (the act's "it" read as the last state named, passing over a body)
        pytest.param("But Putin blamed the crisis in Ukraine on the West, accusing it of supporting a coup against the president.", DATE, {("person:vladimir-putin", "group:western-world"): {-1}, ("person:vladimir-putin", "country:UKR"): set()}, id="it_after_a_body_with_no_country_is_that_body"),
    ],
)  # fmt: skip
def test_the_sides_read(nlp: Language, text: str, date: str, expected: Sides) -> None:
    assert sides_toward(stances_of(nlp, text, date), expected) == expected


@pytest.mark.parametrize(
    ("text", "date", "where", "expected"),
    [
        # kind: none (a verdict on a person named by pronoun)
        pytest.param("Paula Stone said she would testify. Secretary Mike Pompeo called her a disgrace.", DATE, {"holder_id": "person:mike-pompeo", "target": "Paula Stone"}, {-1}, id="a_pronoun_labelled_by_a_speaker_is_the_person_it_takes_up"),
        pytest.param("Armenia will join the Eurasian Economic Union, its president Serzh Sargsyan said.", "2013-09-04", {"holder_id": "person:serzh-sargsyan"}, {1}, id="a_person_speaking_for_a_state_still_holds_its_side"),
        # kind: none (a "which" clause hung on "the group", its name in apposition, held by no one)
        pytest.param("The main target is the nationalist group Golden Shield, which helped topple the government of Viktor Yanukovych in February.", "2014-05-05", {"holder": "Golden Shield"}, {-1}, id="which_after_a_group_named_in_apposition_is_the_group"),
        # kind: none ('called her "bad news"': the parse reads "her" as the label's possessive)
        pytest.param('Paula Stone said she would testify. In a memo released in May, Trump called her "bad news."', DATE, {"holder_id": TRUMP, "target": "Paula Stone"}, {-1}, id="a_quoted_label_on_her_is_a_verdict_on_her"),
        pytest.param("Paula Stone said she would testify. Trump criticized her lawyers in May.", DATE, {"holder_id": TRUMP, "target": "Paula Stone"}, set(), id="her_as_an_owner_is_no_target"),
        # kind: none (the manner phrase hung on "subpoena", a noun that is no cue: the climb
        # stopped there)
        pytest.param("Laura Smith complied with a House subpoena in defiance of the White House.", DATE, {"holder": "Laura Smith"}, {-1}, id="in_defiance_of_hung_on_a_noun_still_reaches_the_verb"),
    ],
)  # fmt: skip
def test_the_polarities_held(
    nlp: Language, text: str, date: str, where: dict[str, str], expected: set[int]
) -> None:
    # for holders or targets the KB does not know, which sides_toward cannot name by id
    assert polarities(stances_of(nlp, text, date), **where) == expected


def test_an_act_on_a_states_territory_is_no_side_toward_the_state(nlp: Language) -> None:
    # kind: unsupported ("annex X's Crimea": the owner of the land read as the act's target)
    stances = stances_of(
        nlp, "Russia moved to annex Ukraine's Crimea, and Russia criticized Ukraine.", DATE
    )
    assert [s for s in stances if s.basis == "did" and s.target_id == "country:UKR"]
    assert all(s.cue != "COERCE" for s in stances)


def test_a_warning_that_another_body_will_act_is_that_bodys_side(nlp: Language) -> None:
    # kind: other-target (the warner read as acting on the target of the body it reports)
    stances = stances_of(
        nlp,
        "Merkel warned that the European Union was ready to impose more sanctions against "
        "Russia if necessary.",
        DATE,
    )
    assert not [s for s in stances if s.holder_id == "person:angela-merkel" and s.basis == "did"]
    assert sides(stances, "igo:eu", "country:RUS") == {-1}


@pytest.mark.parametrize(
    ("quote", "target", "polarity"),
    [
        (
            "Joining the European Union would be a terrible mistake",
            "target:european-integration",
            -1,
        ),
        (
            "Leaving the Eurasian Economic Union would be a costly mistake",
            "target:eurasian-integration",
            1,
        ),
        ("Joining NATO would be dangerous", "target:nato", -1),
    ],
)
def test_a_verdict_on_a_course_toward_a_target_is_the_speakers_side(
    nlp: Language, quote: str, target: str, polarity: int
) -> None:
    # kind: none (the target inside a gerund subject, where the path reading stops; the words
    # as a whole summed to 0 or to the act's own side)
    stances = stances_of(nlp, f'"{quote}," said Ivan Petrov, a teacher in the city.', DATE)
    assert polarities(stances, holder="Ivan Petrov", target_id=target) == {polarity}


def test_toppling_a_rulers_government_is_against_the_ruler(nlp: Language) -> None:
    # kinds: none (the climb stopped at "government", no cue; regime-change verbs not cues)
    # and other-holder (the state's government of the day read as the one toppled)
    stances = stances_of(
        nlp,
        "Protesters in Kiev toppled the government of President Viktor Yanukovych last year.",
        "2014-05-05",
    )
    yanukovych = "person:viktor-yanukovych"
    assert polarities(stances, target_id=yanukovych) == {-1}
    assert not read_with(stances, "target_id", ("gov:UKR",))


def test_she_is_the_woman_named_nearby_not_the_last_person_named(nlp: Language) -> None:
    # kind: other-holder (a subject "she" read as the last person named, a man)
    stances = stances_of(
        nlp,
        "Ambassador Laura Smith said she would stay in Kyiv. Smith met President Petro "
        "Poroshenko on Monday. Later she criticized Russia.",
        "2014-06-10",
    )
    assert polarities(stances, holder="Laura Smith") == {-1}
    assert not read_with(stances, "holder_id", ("person:petro-poroshenko",))


def test_a_demand_that_a_state_get_out_is_against_it(nlp: Language) -> None:
    # kind: none (a demand to withdraw, told in reported speech, read as no side)
    stances = stances_of(
        nlp, "Anna Petrenko, a teacher, said Russia should keep out of Ukraine's affairs.", DATE
    )
    assert polarities(stances, holder="Anna Petrenko") == {-1}
    stances = stances_of(
        nlp, '"Moscow must withdraw its troops from the border," said Radoslaw Sikorski.', DATE
    )
    assert sides(stances, "person:radoslaw-sikorski", "gov:RUS") == {-1}


def test_a_demand_not_to_leave_is_no_side_against(nlp: Language) -> None:
    stances = stances_of(nlp, '"Russia should not leave the talks," said Radoslaw Sikorski.', DATE)
    assert -1 not in sides(stances, "person:radoslaw-sikorski", "country:RUS")
