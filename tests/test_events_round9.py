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
