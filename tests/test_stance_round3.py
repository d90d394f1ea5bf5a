"""Stance accuracy, round 3 (issue 12): each test names the error kind it guards, on sentences
written for the test (invented, about real-world-style events)."""

from __future__ import annotations

from spacy.language import Language

from dossier.kb.loader import default_kb
from stance_helpers import read_with, sides, stances_of

EURASIAN = "target:eurasian-integration"
EUROPEAN = "target:european-integration"


def test_rivals_are_kb_data() -> None:
    targets = default_kb().targets
    assert EUROPEAN in targets[EURASIAN].rivals
    assert EURASIAN in targets[EUROPEAN].rivals


def test_a_contrasted_turn_to_the_rival_is_against_the_target(nlp: Language) -> None:
    # kind: other-target (a turn to the West read as no stance on Eurasian integration)
    stances = stances_of(
        nlp,
        "Minsk has turned its attention to the West, seeking new buyers for its potash in "
        "Europe instead of selling everything to Russia.",
    )
    assert sides(stances, "gov:BLR", EURASIAN) == {-1}


def test_a_turn_to_the_rival_without_contrast_says_nothing_of_the_target(
    nlp: Language,
) -> None:
    stances = stances_of(
        nlp, "Minsk has turned its attention to the West, seeking new buyers for its potash."
    )
    assert sides(stances, "gov:BLR", EURASIAN) == set()


def author_sides(nlp: Language, text: str) -> list[int]:
    stances = stances_of(nlp, text, genre="opinion", author="Pavel Orlovsky")
    return [s.polarity for s in stances if s.basis == "author"]


def test_an_op_ed_authors_account_of_others_deeds_is_not_his_side(nlp: Language) -> None:
    # kind: the op-ed author's own stance summed to 0 from the deeds he recounts
    assert author_sides(
        nlp, "In short, the Eurasian Economic Union was simply left to wither."
    ) == [0]
    assert author_sides(
        nlp,
        "Each time we met only hostility from the ministries responsible for Eurasian integration.",
    ) == [0]
    # What he prescribes, and a verdict in his own voice, stay his.
    assert author_sides(nlp, "The Eurasian Economic Union should be strengthened.") == [1]
    assert author_sides(nlp, "Eurasian integration is a dangerous mistake.") == [-1]


def test_a_holders_plan_for_a_project_is_for_it(nlp: Language) -> None:
    # kind: other-holder (the leader who proposes a project given no stance toward it)
    stances = stances_of(
        nlp, "Two weeks earlier, Tokayev set out his plan for a wider Customs Union in a speech."
    )
    assert sides(stances, "person:kassym-jomart-tokayev", EURASIAN) == {1}
    # A bare plan is anyone's: agreeing to a plan drawn up by a body is no stance toward it.
    stances = stances_of(
        nlp,
        "Mirziyoyev urged all sides to accept a plan drawn up by the Eurasian Economic Commission.",
    )
    assert not read_with(stances, "cue", ("plan",))


def test_joining_alongside_a_state_is_no_stance_toward_it(nlp: Language) -> None:
    # kind: spurious ``did`` stances between co-members of an act of joining
    stances = stances_of(
        nlp, "Tajikistan signed the accord together with Kazakhstan and joined the Customs Union."
    )
    assert not read_with(stances, "target_id", ("gov:KAZ", "country:KAZ"))
    assert sides(stances, "gov:TJK", EURASIAN) == {1}


def test_wanting_to_join_a_state_is_still_for_it(nlp: Language) -> None:
    stances = stances_of(nlp, "Many Belarusians are eager to join Russia.")
    assert 1 in {s.polarity for s in stances if s.target_id in ("gov:RUS", "country:RUS")}


def test_a_gapped_second_joiner_is_no_target(nlp: Language) -> None:
    # kind: unsupported (the state of "..., and Kazakhstan a week later" read as joined)
    stances = stances_of(nlp, "Tajikistan joined the bloc in May, and Kazakhstan a week later.")
    assert not read_with(stances, "target_id", ("gov:KAZ", "country:KAZ"))


def test_an_op_ed_authors_account_of_anothers_course_is_not_his_side(nlp: Language) -> None:
    # kind: other-holder (the author credited with the side a country's act or a third
    # party's description takes)
    # (round 11: the course now reads through "process of", as the parliament's side)
    assert author_sides(
        nlp,
        "On Monday, parliament passed a law on the country's process of accession to the "
        "European Union.",
    ) in ([], [0])
    assert author_sides(
        nlp,
        "Georgia has stayed out of the Eurasian Economic Union for years, and Turkey remains "
        "its biggest partner.",
    ) == [0]
    # His own verdict on the same course stays his.
    assert author_sides(nlp, "Membership of the European Union is our best opportunity.") == [1]


def test_a_leader_takes_no_side_toward_his_own_state(nlp: Language) -> None:
    # kind: unsupported (a president read as for the country he speaks for)
    text = (
        "Tokayev has always wanted to keep the Kyrgyz economy dependent on Kazakhstan. "
        "Tokayev praised Russia."
    )
    stances = stances_of(nlp, text, date="2021-06-01")
    tokayev = "person:kassym-jomart-tokayev"
    assert sides(stances, tokayev, "country:KAZ") | sides(stances, tokayev, "gov:KAZ") == set()
    assert 1 in sides(stances, tokayev, "country:RUS") | sides(stances, tokayev, "gov:RUS")
