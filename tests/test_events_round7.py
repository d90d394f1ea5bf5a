"""Event accuracy on whole documents, seventh round: each test names the error kind it shows,
on invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from event_helpers import coded, countries, events_of, typed


# Error kind: type error (a particle that turns the verb: "backed out of" is no backing,
# "walked away from the talks" no talks), and the party of the accord left is the target.
@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Georgia backed out of the gas deal with Armenia.", "backed", "ARM"),
        ("Armenia walked away from the talks with Azerbaijan on Friday.", "walked", "AZE"),
        ("Last year Moldova backed away from a customs pact with Romania.", "backed", "ROU"),
    ],
)  # fmt: skip
def test_turning_particle_rejects(nlp: Language, text: str, trigger: str, target: str) -> None:
    found = events_of(nlp, text)
    assert [(e.text, e.event_type) for e in found] == [(trigger, "REJECT")], text
    assert countries(found[0].target) == {target}, text
    assert not typed(coded(nlp, text), "SUPPORT"), text


# The bare reading stands without the particle, and a particle that does not turn an act of
# force keeps it ("shot down").
def test_bare_verb_and_forceful_particle_keep_their_reading(nlp: Language) -> None:
    assert [e.event_type for e in events_of(nlp, "Armenia backed Georgia's bid.")] == ["SUPPORT"]
    found = events_of(nlp, "Georgian troops shot down two Armenian helicopters.")
    assert [e.event_type for e in found] == ["ASSAULT"]


# Error kind: type error (the parse gives a particle as a preposition, "drove X out of", or
# a particle the dictionary lists as an object, "backed down"): the phrasal reading.
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Rebels drove Georgian troops out of the village on Monday.", "ASSAULT"),
        ("Armenia backed down on its demands to Georgia after a week.", "CONCEDE"),
    ],
)  # fmt: skip
def test_particle_as_preposition_or_object(nlp: Language, text: str, wanted: str) -> None:
    assert [e.event_type for e in events_of(nlp, text)] == [wanted], text


# Error kind: no event (an act of force told with one side only, in a report whose other
# acts of force name both sides: the other side is the actor's one opponent).
def test_one_sided_act_of_force_takes_the_sole_opponent(nlp: Language) -> None:
    text = (
        "Armenian troops attacked Azerbaijani positions near the border on Monday. "
        "On Tuesday the Armenian army launched a new offensive in the north. "
        "Several Armenian soldiers were killed in the fighting."
    )
    found = typed(events_of(nlp, text), "ASSAULT")
    launched = [e for e in found if e.text == "launched"]
    killed = [e for e in found if e.text == "killed"]
    assert launched and countries(launched[0].target) == {"AZE"}
    assert killed and countries(killed[0].source) == {"AZE"}


# An actor with two opponents in the report, or a person's act, is left incomplete.
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Armenian troops attacked Azerbaijani positions on Monday. Armenian police arrested "
         "two Georgian smugglers. On Tuesday the Armenian army launched a new offensive.", "launched"),
        ("Armenian troops attacked Azerbaijani positions on Monday. Later the Armenian prime "
         "minister, Tigran Sargsyan, took control of the inquiry.", "took"),
    ],
)  # fmt: skip
def test_no_sole_opponent_leaves_the_act_incomplete(nlp: Language, text: str, trigger: str) -> None:
    assert trigger not in [e.text for e in events_of(nlp, text)], text


# Forces deployed against someone make opponents too, and a retreat told with the retreating
# side alone is a retreat before its one opponent.
def test_deployment_makes_opponents_and_retreat_is_before_them(nlp: Language) -> None:
    text = (
        "Azerbaijan deployed two brigades against Armenian forces on Monday. "
        "By Wednesday the Armenian army was retreating toward the river."
    )
    found = typed(events_of(nlp, text), "RETREAT")
    assert [e.text for e in found] == ["retreating"]
    assert countries(found[0].target) == {"AZE"}


# Error kind: no event / wrong actors (a bare "the separatists" after the document named the
# armed group stands for that group).
@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Pro-Russian separatists attacked the airport in Donetsk on Monday. Two reporters "
         "were barred by separatists from entering the town on Tuesday.", True),
        ("Pro-Russian separatists attacked the airport in Donetsk on Monday. Two reporters "
         "were barred by pro-Kiev militants from entering the town on Tuesday.", False),
    ],
)  # fmt: skip
def test_bare_group_word_stands_for_the_named_armed_group(
    nlp: Language, text: str, group: bool
) -> None:
    barred = [e for e in coded(nlp, text) if e.text == "barred"]
    assert barred, text
    ids = {a.actor_id for a in barred[0].source}
    assert ("group:pro-russian-separatists-ukr" in ids) == group, text


# Error kind: wrong actors (an unnamed group is not placed by the places of its own relative
# clause: "militants who attacked a station in Tbilisi" are not Tbilisi).
def test_relative_clause_places_do_not_name_the_group(nlp: Language) -> None:
    text = "Militants who attacked a police station in Tbilisi were arrested."
    attacked = [e for e in coded(nlp, text) if e.text == "attacked"]
    assert attacked
    assert "Tbilisi" not in {a.actor for a in attacked[0].source}


# Error kind: wrong actors (an act aimed at another's act is aimed at its owner, not at those
# the owner's act is against), while an object without an owner keeps its preposition's.
def test_object_of_anothers_act_keeps_its_own_parties_out(nlp: Language) -> None:
    found = events_of(nlp, "Moscow denounced Georgia's operation against pro-Russian separatists.")
    assert [e.event_type for e in found] == ["ACCUSE"]
    assert countries(found[0].target) == {"GEO"}
    assert len(found[0].target) == 1
    found = events_of(nlp, "Brussels imposed new sanctions on Minsk.")
    assert countries(found[0].target) == {"BLR"}


# Error kind: spurious event (a plural event noun with nothing that picks out acts, inside
# another noun's phrase, names a kind of act: "the turnout for opposition rallies").
@pytest.mark.parametrize(
    ("text", "noun", "event"),
    [
        ("Georgian police often downplay the turnout for opposition rallies.", "rallies", False),
        ("In Tbilisi it was an unusual display for opposition protests.", "protests", False),
        ("Georgian police counted the turnout at the opposition rallies in Tbilisi.", "rallies", True),
    ],
)  # fmt: skip
def test_kind_of_act_is_no_act(nlp: Language, text: str, noun: str, event: bool) -> None:
    assert (noun in [e.text for e in coded(nlp, text)]) == event, text


# A participle's place still places the group ("a group based in Trinidad" is of Trinidad).
def test_participle_place_still_places_the_group(nlp: Language) -> None:
    text = "A militant group based in Georgia threatened to attack Armenia."
    found = [e for e in coded(nlp, text) if e.text == "threatened"]
    assert found and countries(found[0].source) == {"GEO"}


# Error kind: no event (a request or charge whose matter names a state's places, not the
# state: "rights to be accorded to the eastern regions of Georgia" is aimed at Georgia).
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Armenia has previously only called for greater rights under a decentralized federal "
         "system to be accorded to the eastern regions of Georgia.", {"GEO"}),
        ("Turkey has called for a full inquiry into the deaths of civilians in northern Syria.",
         {"SYR"}),
        # A finite relative clause's places are other facts.
        ("Armenia asked for help with the refugees who arrived from Georgia.", None),
    ],
)  # fmt: skip
def test_matter_places_name_the_target(nlp: Language, text: str, target: set | None) -> None:
    found = [e for e in events_of(nlp, text) if e.event_type == "REQUEST"]
    if target is None:
        assert not found, text
    else:
        assert found and countries(found[0].target) == target, text


# Error kind: wrong type and actors ("the organization" stands for the body named before
# whose name begins with the word, as "the union" for one whose name ends with it).
def test_the_organization_stands_for_the_body_named_before(nlp: Language) -> None:
    text = (
        "The Organization for Security and Co-operation in Europe sent observers to Georgia. "
        "The organization also said Georgia should agree to talks with Armenia."
    )
    found = typed(events_of(nlp, text), "REQUEST")
    assert found and countries(found[0].target) == {"GEO"}
    assert "Organization for Security and Co-operation in Europe" in {
        a.actor for a in found[0].source
    }
