"""Event triggers and types, tenth round: each test names the error kind it shows, on invented
sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from event_helpers import coded, countries, events_of, typed


# Error kind: missed event (an accusation told as reported words: the speaker says another
# stands behind something, has forces somewhere, or means to harm someone).
@pytest.mark.parametrize(
    ("text", "accuser", "accused"),
    [
        ("Georgia said on Monday that Armenia had several hundred troops near the pass.", "GEO", "ARM"),
        ("Declaring that Armenian forces had entered the valley, Georgia closed the road.", "GEO", "ARM"),
        ("Azerbaijan's president told reporters he was certain Armenia was behind the blast.", "AZE", "ARM"),
        ("Georgia claimed that Armenia wanted the inquiry to discredit the Georgian envoy.", "GEO", "ARM"),
    ],
)  # fmt: skip
def test_reported_accusation(nlp: Language, text: str, accuser: str, accused: str) -> None:
    found = typed(events_of(nlp, text), "ACCUSE")
    assert any(
        countries(e.source) == {accuser} and countries(e.target) == {accused} for e in found
    ), text


@pytest.mark.parametrize(
    "text",
    [
        "Georgia said it had troops near the pass.",
        "Georgia said Armenia had a good harvest this year.",
        "The Georgian envoy asked whether Armenia had troops near the pass.",
    ],
)  # fmt: skip
def test_reported_words_without_blame_accuse_no_one(nlp: Language, text: str) -> None:
    assert not typed(events_of(nlp, text), "ACCUSE"), text


# Error kind: missed event (a light verb with its particle: "took over" seizes, though "take"
# alone names nothing).
@pytest.mark.parametrize(
    "text",
    [
        "Armenia, which took over the Georgian border post last spring, denied any wrongdoing.",
        "Armenian troops took over the Georgian village of Sadakhlo on Monday.",
    ],
)  # fmt: skip
def test_light_verb_with_particle(nlp: Language, text: str) -> None:
    found = typed(events_of(nlp, text), "COERCE")
    assert any(countries(e.source) == {"ARM"} for e in found), text


# Error kind: spurious event (non-event senses: averting a calamity coerces no one; swaying or
# reviving a thing is no support and no promise).
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Seeking to prevent a war, the Armenian president called Georgia's leader on Monday.", "prevent"),
        ("Armenia's reports may have influenced the Georgian government's decision.", "influenced"),
        ("The Armenian premier revived the idea of a customs pact with Georgia in 2012.", "revived"),
    ],
)  # fmt: skip
def test_thing_sense_is_no_event(nlp: Language, text: str, trigger: str) -> None:
    assert trigger not in [e.text for e in coded(nlp, text)], text


def test_prevented_rally_stays(nlp: Language) -> None:
    text = "Georgian police prevented the Armenian opposition rally in Tbilisi."
    assert "prevented" in [e.text for e in coded(nlp, text)]


def test_forces_kept_on_own_ground_accuse_no_one(nlp: Language) -> None:
    # kind: spurious event (a state holding its army at home is not accused of anything)
    for text in (
        "Georgia said on Monday that Armenia had several hundred troops on its own soil.",
        "Georgia said on Monday that Armenia keeps its troops at home.",
    ):
        assert not typed(events_of(nlp, text), "ACCUSE"), text
    text = "Georgia said on Monday that Armenia had several hundred troops near the pass."
    assert typed(events_of(nlp, text), "ACCUSE"), text


# Error kind: missed event (claims repeated by pronoun: "repeated them" repeats allegations
# named before, and is aimed at the one they were made against, not at a later critic).
def test_repeated_claims_by_pronoun(nlp: Language) -> None:
    text = (
        "Georgia made allegations against Armenia on Monday. "
        "Azerbaijan's foreign minister repeated them on Tuesday."
    )
    found = [e for e in typed(events_of(nlp, text), "ACCUSE") if countries(e.source) == {"AZE"}]
    assert found and countries(found[0].target) == {"ARM"}


# Error kind: wrong type (people seized by fighters are abducted, ASSAULT; a state's police
# that seize people arrest them, COERCE).
def test_person_captured_by_fighters_is_abducted(nlp: Language) -> None:
    text = (
        "Georgian journalist Nino Beridze, who was captured by Armenian rebels, is still missing."
    )
    found = [e for e in coded(nlp, text) if e.text == "captured"]
    assert found and found[0].event_type == "ASSAULT"


def test_person_seized_by_police_is_arrested(nlp: Language) -> None:
    text = "Georgian journalist Nino Beridze was seized by Armenian police in Yerevan."
    found = [e for e in coded(nlp, text) if e.text == "seized"]
    assert found and found[0].event_type == "COERCE"


# Error kind: missed event (an act after a preposition of time is done by the subject of the
# verb above, "used the word after annexing the region"; only "accused X of doing" hands the
# act to the object above).
def test_act_after_preposition_of_time(nlp: Language) -> None:
    text = "Armenia's president first used the phrase in May, after occupying Georgia's Javakheti region."
    found = typed(coded(nlp, text), "COERCE")
    assert found and countries(found[0].source) == {"ARM"}, found


# Error kind: spurious event (helping a thing is no aid: "talks that would have helped his
# campaign"; helping people or a name is).
def test_helping_a_thing_is_no_aid(nlp: Language) -> None:
    text = "Armenia's president asked Georgia to open a probe that would have helped his campaign."
    assert "helped" not in [e.text for e in coded(nlp, text)]


def test_helping_people_is_aid(nlp: Language) -> None:
    text = "Armenia sent trucks of food to help Georgian farmers after the floods."
    assert "help" in [e.text for e in coded(nlp, text)]


# Error kind: wrong type (forces that invade a building occupy it: COERCE, not a battle).
def test_invaded_building_is_occupied(nlp: Language) -> None:
    text = "Armenian militants invaded government offices in the Georgian town of Ninotsminda."
    found = [e for e in coded(nlp, text) if e.text == "invaded"]
    assert found and found[0].event_type == "COERCE"


# Error kind: missed event (a nominal act under another noun is an act of its own: "voiced
# anger about a freeze on aid to X" tells the freeze, a sanction, beside the anger).
def test_nominal_act_under_another_noun(nlp: Language) -> None:
    text = "Armenian officials voiced frustration about a Georgian freeze on aid to Armenia."
    found = typed(coded(nlp, text), "SANCTION")
    assert found and countries(found[0].source) == {"GEO"}, found


# Error kind: wrong actors of a nominal act (people "in retreat", "on strike" are the ones
# who retreat or strike, not the clause's subject).
def test_people_in_a_state_act(nlp: Language) -> None:
    text = "Armenian rebels drove Georgian troops out of the village, with some Georgian soldiers in full retreat."
    found = [e for e in coded(nlp, text) if e.text == "retreat"]
    assert found and countries(found[0].source) == {"GEO"}, found


# Error kind: missed event (reactions of blame: an act that sparks outrage among others is
# blamed by them; an angry reaction to an act blames its doer).
def test_outrage_drawn_accuses_the_doer(nlp: Language) -> None:
    text = "Armenia closed the border crossing on Monday, sparking outrage in Georgia."
    found = typed(events_of(nlp, text), "ACCUSE")
    assert any(countries(e.source) == {"GEO"} and countries(e.target) == {"ARM"} for e in found)


def test_angry_reaction_accuses_the_doer(nlp: Language) -> None:
    text = "Georgia reacted angrily to the offensive by Armenian forces near the border."
    found = typed(events_of(nlp, text), "ACCUSE")
    assert any(countries(e.source) == {"GEO"} and countries(e.target) == {"ARM"} for e in found)


def test_calm_reaction_accuses_no_one(nlp: Language) -> None:
    text = "Georgia reacted calmly to the offensive by Armenian forces near the border."
    assert not typed(events_of(nlp, text), "ACCUSE")


# Error kind: wrong type (an order to one's forces readies them: MOBILIZE, not a request).
def test_forces_ordered_are_mobilized(nlp: Language) -> None:
    text = "Armenia's president ordered the army to be put on full alert on Monday."
    found = typed(events_of(nlp, text), "MOBILIZE")
    assert found and countries(found[0].source) == {"ARM"}, found


# Error kind: missed event (forces a state has somewhere are deployed there, though "have"
# alone names nothing).
def test_forces_had_on_a_border_are_deployed(nlp: Language) -> None:
    text = "Armenia has 5,000 troops on Georgia's southern border."
    found = typed(events_of(nlp, text), "MOBILIZE")
    assert found and countries(found[0].source) == {"ARM"}, found


# Error kind: wrong type (proposing a joint body or arrangement offers cooperation: AGREE,
# per the PLOVER manual; a bare proposal stays an appeal).
def test_proposed_joint_body_is_an_offer(nlp: Language) -> None:
    text = "Armenia proposed a joint commission on water with Georgia on Monday."
    found = [e for e in coded(nlp, text) if e.text == "proposed"]
    assert found and found[0].event_type == "AGREE", found
