"""Event accuracy on whole documents, third round: each test names the error kind it shows, on
invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

import event_helpers
from dossier.extract.document import prepare_doc
from dossier.model import Event
from event_helpers import countries, typed

#: The date these documents are read at (office holders of 2013).
DATE = "2013-05-10"


def events_of(nlp: Language, text: str) -> list[Event]:
    return event_helpers.events_of(nlp, text, DATE)


def coded(nlp: Language, text: str) -> list[Event]:
    return event_helpers.coded(nlp, text, DATE)


# Error kind: no event (a verb PETRARCH2 lists only as a loose synonym of a coded block).
@pytest.mark.parametrize(
    "text",
    [
        "Georgia ousted the Armenian envoy on Tuesday.",
        "Georgia deposed the Armenian envoy on Tuesday.",
        "Georgia kicked out the Armenian envoy on Tuesday.",
    ],
)
def test_removal_from_office_or_country_is_coercion(nlp: Language, text: str) -> None:
    found = typed(events_of(nlp, text), "COERCE")
    assert found, text
    assert "GEO" in countries(found[0].source)


def test_a_territory_absorbed_is_seized(nlp: Language) -> None:
    found = typed(events_of(nlp, "Armenia absorbed the Azerbaijani enclave last year."), "COERCE")
    assert found and countries(found[0].source) == {"ARM"}


def test_taking_back_a_claim_is_a_concession(nlp: Language) -> None:
    found = typed(events_of(nlp, "Moldova retracted its complaint against Romania."), "CONCEDE")
    assert found and countries(found[0].source) == {"MDA"}
    found = typed(coded(nlp, "The Moldovan minister later recanted."), "CONCEDE")
    assert found


def test_claims_dismissed_are_rejected_not_rebuked(nlp: Language) -> None:
    events = events_of(nlp, "Serbia dismissed the Croatian allegations as nonsense.")
    assert typed(events, "REJECT") and not typed(events, "ACCUSE")


# Error kind: spurious event (a directed act with no recipient is no record of who did what to
# whom: "he blasted the plan", "she insisted").
def test_a_directed_act_without_a_recipient_is_only_a_candidate(nlp: Language) -> None:
    text = "The Serbian minister Dragan Petrovic condemned the plan on Monday."
    doc = nlp(prepare_doc(nlp, text, date="2013-05-10"))
    assert not typed(list(doc._.dossier_events), "ACCUSE")
    candidates = list(doc._.dossier_event_candidates)
    assert typed(candidates, "ACCUSE")
    # No link is left pointing at an event the document does not report.
    kept = {e.fact_id for e in doc._.dossier_events}
    events = {e.fact_id for e in candidates}
    assert not any(
        link.from_fact in events - kept for link in doc._.dossier_links if link.from_fact
    )


def test_a_directed_act_with_its_recipient_is_reported(nlp: Language) -> None:
    events = events_of(nlp, "Serbia accused Croatia of stalling the talks.")
    found = typed(events, "ACCUSE")
    assert found and countries(found[0].target) == {"HRV"}


def test_an_undirected_act_needs_no_recipient(nlp: Language) -> None:
    events = events_of(nlp, "Thousands of Serbian students protested in Belgrade on Sunday.")
    assert typed(events, "PROTEST")


# Error kind: spurious event (a light verb's bare CAMEO reading: "held a meeting" is no
# coercion, "took part" no seizure).
@pytest.mark.parametrize(
    "text",
    [
        "Georgian officials held a briefing for Armenian journalists on Friday.",
        "Demonstrators holding Georgian flags marched past the Armenian embassy.",
        "The Georgian minister took the Armenian delegation to the harbour.",
    ],
)
def test_a_light_verb_alone_is_no_coercion(nlp: Language, text: str) -> None:
    assert not typed(coded(nlp, text), "COERCE"), text


def test_a_light_verb_with_the_object_of_an_act_still_codes(nlp: Language) -> None:
    events = coded(nlp, "Georgian troops took control of the Armenian border post.")
    assert typed(events, "COERCE")


# Error kind: spurious event (violence or force with no one it is done to: "the army launched
# an offensive").
def test_an_attack_on_no_one_named_is_only_a_candidate(nlp: Language) -> None:
    text = "Georgian forces launched an offensive on Monday."
    doc = nlp(prepare_doc(nlp, text, date="2013-05-10"))
    assert not typed(list(doc._.dossier_events), "ASSAULT")
    assert typed(list(doc._.dossier_event_candidates), "ASSAULT")


def test_an_attack_with_its_target_is_reported(nlp: Language) -> None:
    assert typed(events_of(nlp, "Georgian forces attacked Armenian positions."), "ASSAULT")
