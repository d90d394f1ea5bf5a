"""Every event of a document has its own fact id: the writer refuses a document whose extractor
gives two facts one id, and loses all its facts with it.

Error kind: an accusation told by a claim ("evidence that X abused his power") was coded on the
act's verb; where the act is itself an accusation, the two ACCUSE events shared one span and so
one id. The claim's accusation now stands on the claim's noun.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from event_helpers import coded, typed

TEXTS = [
    "The senators laid out their evidence that Governor Hale abused his power by pressuring Moldova.",
    "Georgia's claim that Armenia had accused Azerbaijan of lying angered Yerevan.",
    "The inquiry gathered evidence that Belarus was arming the rebels and condemned Minsk.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_each_event_of_a_text_has_its_own_id(nlp: Language, text: str) -> None:
    events = coded(nlp, text)
    ids = [e.fact_id for e in events]
    assert len(ids) == len(set(ids)), [(e.event_type, e.text) for e in events]


def test_a_claims_accusation_stands_on_the_claims_noun(nlp: Language) -> None:
    text = "Georgia's claim that Armenia had shelled the village angered Yerevan."
    (accusation,) = [e for e in typed(coded(nlp, text), "ACCUSE") if e.text == "claim"]
    start = text.index("claim")
    assert (accusation.provenance.start, accusation.provenance.end) == (start, start + 5)
    assert {a.country for a in accusation.source} == {"GEO"}
    assert {a.country for a in accusation.target} == {"ARM"}
