"""Event accuracy on whole documents, third round: each test names the error kind it shows, on
invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dossier.extract.document import prepare_doc
from dossier.model import Event
from dossier.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def events_of(nlp: Language, text: str, date: str = "2013-05-10") -> list[Event]:
    doc = nlp(prepare_doc(nlp, text, date=date))
    return list(doc._.dossier_events)


def typed(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.event_type == event_type]


def countries(actors: tuple) -> set[str]:
    return {a.country for a in actors}


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
    found = typed(events_of(nlp, "The Moldovan minister later recanted."), "CONCEDE")
    assert found


def test_claims_dismissed_are_rejected_not_rebuked(nlp: Language) -> None:
    events = events_of(nlp, "Serbia dismissed the Croatian allegations as nonsense.")
    assert typed(events, "REJECT") and not typed(events, "ACCUSE")
