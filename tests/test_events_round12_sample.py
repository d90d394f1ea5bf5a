"""Event triggers and types, twelfth round (sample gold): each test names the error kind it
shows, on invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from event_helpers import coded, countries, typed


# Error kind: wrong type (a leader refusing to go to a state snubs it: SANCTION, reduced
# relations, aimed at the state; not a REJECT).
@pytest.mark.parametrize(
    "text",
    [
        "The Georgian president has refused to travel to Turkey since the dispute began.",
        "The Georgian president refused to go to Turkey for the talks.",
        "The Georgian president refused to visit Turkey this year.",
    ],
)  # fmt: skip
def test_refusing_to_visit_a_state(nlp: Language, text: str) -> None:
    found = typed(coded(nlp, text), "SANCTION")
    assert any(countries(e.target) == {"TUR"} for e in found), text
    assert not typed(coded(nlp, text), "REJECT"), text


@pytest.mark.parametrize(
    "text",
    [
        "Georgia refused to sign the agreement with Turkey.",
        "The Georgian president refused to travel with the delegation.",
    ],
)  # fmt: skip
def test_other_refusals_are_no_snub(nlp: Language, text: str) -> None:
    assert not typed(coded(nlp, text), "SANCTION"), text


# Error kind: wrong source/target (a joint act proposed with others: the others have not agreed
# yet, they are whom the offer is made to).
@pytest.mark.parametrize(
    "text",
    [
        "Georgia proposed a joint commission on energy with Turkey.",
        "Georgia offered a partnership with Turkey on Monday.",
    ],
)  # fmt: skip
def test_proposal_partners_are_targets(nlp: Language, text: str) -> None:
    found = typed(coded(nlp, text), "AGREE")
    assert any(countries(e.source) == {"GEO"} and countries(e.target) == {"TUR"} for e in found), (
        text
    )


def test_signing_partners_still_sign(nlp: Language) -> None:
    found = typed(coded(nlp, "Georgia signed a treaty with Turkey on Monday."), "AGREE")
    assert any(countries(e.source) == {"GEO", "TUR"} for e in found)


# Error kind: wrong source (a sentence-opening "it" after a sentence whose subject is a text an
# authority issued stands for that text: what it proposes, the issuer does; not the state
# named last).
@pytest.mark.parametrize(
    "first",
    [
        "A decree issued by the Georgian government said the move would restore trade with Armenia.",
        "The Georgian government's statement said the move would restore trade with Armenia.",
    ],
)  # fmt: skip
def test_it_after_an_issued_text(nlp: Language, first: str) -> None:
    text = first + " It also proposed a joint commission on energy with Turkey."
    found = typed(coded(nlp, text), "AGREE")
    assert any(countries(e.source) == {"GEO"} for e in found), text
    assert not any("ARM" in countries(e.source) for e in found), text


# Error kind: missed event (a body or agreement coming into being: its founders or parties
# cooperate; "the union" listed with a name is the union named before).
@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The Caspian bloc came into being on Monday with Georgia and Turkey as its members.",
            {"GEO", "TUR"},
        ),
        ("A customs accord between Georgia and Turkey entered into force in March.", {"GEO", "TUR"}),
        (
            "Leaders of the European Union met in Brussels. Weeks later an energy pact between "
            "the union and Georgia came into force.",
            {"GEO", None},
        ),
    ],
)  # fmt: skip
def test_coming_into_being(nlp: Language, text: str, source: set) -> None:
    found = typed(coded(nlp, text), "COOPERATE")
    assert any(countries(e.source) == source for e in found), text


@pytest.mark.parametrize(
    "text",
    [
        "The new law came into force on Monday.",
        "The Georgian delegation came into the hall with the Turkish ministers.",
    ],
)  # fmt: skip
def test_no_parties_no_inception(nlp: Language, text: str) -> None:
    assert not typed(coded(nlp, text), "COOPERATE"), text


# Error kind: false positive (an act another word only lets someone do; a person giving up
# their own post).
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Membership lets Georgia send a delegate to the Turkish parliament.", "AID"),
        ("The accord enables Georgia to send experts to Turkey.", "AID"),
        ("Mr Kvirikashvili, who gave up his post as Georgia's envoy to Turkey, said little.", "CONCEDE"),
    ],
)  # fmt: skip
def test_permitted_or_career_is_no_event(nlp: Language, text: str, kind: str) -> None:
    assert not typed(coded(nlp, text), kind), text


def test_sending_is_still_aid(nlp: Language) -> None:
    text = "Georgia sent experts to Turkey after the earthquake."
    assert typed(coded(nlp, text), "AID") or typed(coded(nlp, text), "MOBILIZE"), text


# Error kind: false positive (what a negated verb of meaning denies is not done).
@pytest.mark.parametrize(
    "text",
    [
        "The minister said the vote does not mean Georgia is joining NATO.",
        "The treaty does not imply that Georgia will join NATO.",
    ],
)  # fmt: skip
def test_denied_meaning_is_no_event(nlp: Language, text: str) -> None:
    assert not typed(coded(nlp, text), "COOPERATE"), text


def test_meaning_not_denied_keeps_event(nlp: Language) -> None:
    text = "The minister said the vote means Georgia is joining NATO."
    assert typed(coded(nlp, text), "COOPERATE"), text


# Error kind: missed target (a state's own request or application with no addressee named is
# made to the body named last before).
@pytest.mark.parametrize(
    "text",
    [
        "The Georgian president has said he wants his country in NATO, and Tbilisi submitted "
        "its request in March.",
        "Georgia has long courted NATO. Tbilisi submitted its application last spring.",
    ],
)  # fmt: skip
def test_own_application_goes_to_last_body(nlp: Language, text: str) -> None:
    found = typed(coded(nlp, text), "REQUEST")
    assert any(
        countries(e.source) == {"GEO"} and any(a.actor == "NATO" for a in e.target) for e in found
    ), text


# Error kind: false positive (an act one construes another as, "saw it as X's withdrawal", is a
# reading, not an act reported).
@pytest.mark.parametrize(
    "text",
    [
        "Officials in Ankara saw the vote as the start of Georgia's withdrawal from the pact.",
        "Ankara described the move as a Georgian withdrawal from the pact.",
    ],
)  # fmt: skip
def test_construed_act_is_no_event(nlp: Language, text: str) -> None:
    assert not typed(coded(nlp, text), "RETREAT"), text


def test_announced_withdrawal_stays(nlp: Language) -> None:
    text = "Georgia announced its withdrawal from the pact with Turkey."
    assert typed(coded(nlp, text), "RETREAT"), text


# Error kind: missing source ("its own treaty" after an accession treaty is one too: signed by
# the joiner and the members of the body named last).
def test_own_treaty_after_an_accession_treaty(nlp: Language) -> None:
    text = (
        "Leaders of the Eurasian Economic Union met in Astana. Armenia signed its accession "
        "treaty in Astana in April. Kyrgyzstan, which signed its own treaty in Minsk in May, "
        "will join next year."
    )
    found = [e for e in typed(coded(nlp, text, date="2015-06-01"), "AGREE") if e.text == "signed"]
    kyrgyz = [e for e in found if "KGZ" in countries(e.source)]
    assert kyrgyz and {"RUS", "KAZ"} <= countries(kyrgyz[0].source)


def test_own_treaty_alone_keeps_its_signer(nlp: Language) -> None:
    text = "Georgia met Turkish officials. Georgia, which signed its own treaty with Turkey, said little."
    found = typed(coded(nlp, text), "AGREE")
    assert not any("RUS" in countries(e.source) for e in found), text
