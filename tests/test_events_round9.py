"""Event accuracy on whole documents, ninth round: each test names the error kind it shows,
on invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from event_helpers import coded, countries, events_of, typed


# Error kind: spurious event (an agreement with one party only: no one agreed with, no
# second signatory; the act stays a candidate for a reader of one sentence).
@pytest.mark.parametrize(
    "text",
    [
        "Georgia's interior ministry pledged on Monday to pay a reward for information about the fire.",
        "The Armenian reporter said she had agreed to keep the conversation private.",
    ],
)  # fmt: skip
def test_one_party_agreement_is_no_record(nlp: Language, text: str) -> None:
    assert not typed(events_of(nlp, text), "AGREE"), text
    assert typed(coded(nlp, text), "AGREE"), text


@pytest.mark.parametrize(
    "text",
    [
        "Armenia, Georgia and Azerbaijan signed a transit treaty in Tbilisi on Monday.",
        "Armenia signed a transit treaty with Georgia on Monday.",
    ],
)  # fmt: skip
def test_agreement_with_two_parties_stays(nlp: Language, text: str) -> None:
    found = typed(events_of(nlp, text), "AGREE")
    assert found, text
    assert len(countries(found[0].source) | countries(found[0].target)) >= 2


# Error kind: spurious event (non-event senses of trigger verbs: breaking a norm is no force,
# a state of mind no threat, a document made public no act, even where the parse hangs the
# participle from a word standing for the document).
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A Georgian border guard told us we broke the law by filming near the Armenian border.", "broke"),
        ("Armenia's foreign minister broke his promise to visit Tbilisi.", "broke"),
        ("The Georgian envoy felt threatened and left Yerevan.", "threatened"),
        ("The memo from the Armenian embassy was one of several released by Georgian lawmakers.", "released"),
    ],
)  # fmt: skip
def test_non_event_sense_is_no_event(nlp: Language, text: str, trigger: str) -> None:
    assert trigger not in [e.text for e in coded(nlp, text)], text


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Armenian troops broke the ceasefire near the Georgian border.", "broke", "ASSAULT"),
        ("Armenian troops shelled Georgian positions, and Georgia felt threatened by Armenia.", "shelled", "ASSAULT"),
    ],
)  # fmt: skip
def test_event_senses_stay(nlp: Language, text: str, trigger: str, kind: str) -> None:
    assert trigger in [e.text for e in typed(coded(nlp, text), kind)], text


# Error kind: wrong actors (forces deployed are their owner's act: the possessor acts, not a
# weapon's own name beside it).
def test_deployed_forces_owner_acts(nlp: Language) -> None:
    text = "Officials said Armenia's Kestrel air defence batteries had been deployed to the border."
    found = typed(events_of(nlp, text), "MOBILIZE")
    assert found, text
    assert {a.actor for a in found[0].source} == {"Armenia"}, found[0].source


# Error kind: no event (a denial of claims names no one; the report told who made them, and
# the denial is aimed at that side; a denial stated by going on record is no mere aim).
def test_denial_of_claims_answers_the_claimant(nlp: Language) -> None:
    text = (
        "Last month Azerbaijan's foreign ministry accused the Armenian envoy of spying. "
        "Armenia's foreign ministry went on record on Monday to deny the allegations."
    )
    found = typed(events_of(nlp, text), "REJECT")
    assert found, [(e.text, e.event_type) for e in coded(nlp, text)]
    assert countries(found[0].source) == {"ARM"}
    assert countries(found[0].target) == {"AZE"}


def test_repeating_claims_accuses_their_target(nlp: Language) -> None:
    text = (
        "Georgia's interior ministry accused Armenia's ambassador of bribery in March. "
        "Azerbaijani state television has since repeated the allegations."
    )
    found = [e for e in typed(events_of(nlp, text), "ACCUSE") if e.text == "repeated"]
    assert found, [(e.text, e.event_type, e.target) for e in coded(nlp, text)]
    assert countries(found[0].target) == {"ARM"}


def test_denial_of_an_act_keeps_no_target(nlp: Language) -> None:
    text = "Armenia's foreign ministry denied the report on Monday."
    assert not typed(events_of(nlp, text), "REJECT")


# Error kind: spurious event (one deed told twice in a sentence, the second time with less
# said of whom it was done to: "sent an envoy to X to negotiate" is one consultation).
def test_repeat_of_one_deed_is_one_event(nlp: Language) -> None:
    text = "Armenia's government sent an envoy to Georgia on Monday to negotiate the release of the hostages."
    found = typed(coded(nlp, text), "CONSULT")
    assert len(found) == 1, [(e.text, e.target) for e in found]


# Error kind: no event / wrong type (a claim's content: "evidence that X was arming the
# rebels" tells the claim too, its holder accusing the doer, beside the act claimed).
@pytest.mark.parametrize(
    ("text", "holder", "doer"),
    [
        ("Georgia's claim that Armenia had shelled the village angered Yerevan.", "GEO", "ARM"),
        ("Elena Marchetti, who had been gathering evidence that Azerbaijan was arming the rebels, left Baku.", None, "AZE"),
    ],
)  # fmt: skip
def test_claim_content_is_an_accusation(
    nlp: Language, text: str, holder: str | None, doer: str
) -> None:
    found = [e for e in typed(events_of(nlp, text), "ACCUSE") if countries(e.target) == {doer}]
    assert found, [(e.text, e.event_type, e.source, e.target) for e in coded(nlp, text)]
    if holder is not None:
        assert countries(found[0].source) == {holder}


def test_own_claim_is_no_accusation(nlp: Language) -> None:
    text = "Armenia's government gave evidence that Armenia had shipped grain to Georgia."
    assert not typed(events_of(nlp, text), "ACCUSE")


# Error kind: spurious event (cooperation with no partner: "oversaw the vote", "has joined a
# club" name no one cooperated with).
@pytest.mark.parametrize(
    "text",
    [
        "Levon Hakobyan, who oversaw the referendum in Gyumri, said turnout was high.",
        "Georgia's government was arming volunteers in the south, officials said.",
    ],
)  # fmt: skip
def test_cooperation_without_partner_is_no_record(nlp: Language, text: str) -> None:
    assert not typed(events_of(nlp, text), "COOPERATE"), text


def test_cooperation_with_partner_stays(nlp: Language) -> None:
    text = "Armenia's army cooperated with Georgian troops near Gyumri on Monday."
    found = events_of(nlp, text)
    assert typed(found, "COOPERATE"), [(e.text, e.event_type) for e in coded(nlp, text)]


# Error kind: spurious event (an infinitive under an adjective of feeling: what one feels
# about, no act done nor promised).
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Many Armenians in Javakheti are elated to join Georgia's new party.", "join"),
        ("Georgian veterans said they were proud to support Armenia.", "support"),
    ],
)  # fmt: skip
def test_feeling_about_an_act_is_no_event(nlp: Language, text: str, trigger: str) -> None:
    assert trigger not in [e.text for e in coded(nlp, text)], text


# Error kind: no event (an accession treaty signed in a passive with no agent: its parties
# are the state that joins and the members of the body it joins, on the document's date).
def test_passive_accession_treaty_has_its_parties(nlp: Language) -> None:
    text = (
        "Armenia completed its entry into the Eurasian Economic Union on Friday. "
        "The accession treaty was signed in Minsk last October."
    )
    found = [
        e for e in typed(events_of(nlp, text, date="2015-01-02"), "AGREE") if e.text == "signed"
    ]
    assert found, [(e.text, e.event_type, e.source) for e in coded(nlp, text, date="2015-01-02")]
    assert {"ARM", "RUS", "KAZ", "BLR"} <= countries(found[0].source)


def test_passive_treaty_without_accession_names_no_parties(nlp: Language) -> None:
    text = "Armenia joined the Eurasian Economic Union. The trade treaty was signed in Minsk."
    assert not [e for e in events_of(nlp, text, date="2015-01-02") if e.text == "signed"]


# Error kind: spurious event (a meeting with one party named: "met war veterans", "the summit
# he hosted" name no one met; two parties named, or a host named, make the record).
@pytest.mark.parametrize(
    "text",
    [
        "Armenia's president discussed the budget in a meeting with war veterans on Thursday.",
        "The forum, hosted by Georgia's prime minister, ended on Friday.",
    ],
)  # fmt: skip
def test_meeting_with_one_party_is_no_record(nlp: Language, text: str) -> None:
    assert not typed(events_of(nlp, text), "CONSULT"), text


@pytest.mark.parametrize(
    "text",
    [
        "Armenia's president met Georgia's prime minister in Tbilisi on Thursday.",
        "The presidents of Armenia and Georgia met in Tbilisi on Thursday.",
    ],
)  # fmt: skip
def test_meeting_with_two_parties_stays(nlp: Language, text: str) -> None:
    found = typed(events_of(nlp, text), "CONSULT")
    assert found, [(e.text, e.event_type, e.source, e.target) for e in coded(nlp, text)]


# Error kind: spurious event (a person pressed in talk, with nothing pressed for: a question
# put hard, no request).
def test_pressed_in_talk_is_no_request(nlp: Language) -> None:
    text = "In the interview, the Georgian reporter pressed him twice. Armenia's minister Ara Petrosyan did not answer."
    assert "pressed" not in [e.text for e in coded(nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Georgia's president pressed Armenia to reopen the border on Monday.",
        "Georgia's president pressed Armenia on the border closures on Monday.",
    ],
)  # fmt: skip
def test_pressing_for_something_stays_a_request(nlp: Language, text: str) -> None:
    assert "pressed" in [e.text for e in typed(coded(nlp, text), "REQUEST")], text


# Error kind: spurious event (a person joining a body of their own state is a career step,
# no cooperation between actors; a state joining a union stays).
def test_career_step_is_no_event(nlp: Language) -> None:
    text = "Armenia's foreign minister Ara Petrosyan joined the Armenian Foreign Ministry in 1994."
    assert not typed(events_of(nlp, text), "COOPERATE")


def test_state_joining_a_union_stays(nlp: Language) -> None:
    text = "Armenia joined the Eurasian Economic Union on Friday."
    assert typed(events_of(nlp, text, date="2015-01-02"), "COOPERATE")
