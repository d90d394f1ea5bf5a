"""Property tests of the linker (the production pipeline and the package's KB): on any text,
cleaned or not, and any document date, linking ends, every mention lies within the text it
was read from, and its provenance points at the same characters of the original."""

from __future__ import annotations

import pytest
from hypothesis import given
from spacy.language import Language

from dossier.evaluate.mentions import run_document
from dossier.ingest.clean import clean_text
from dossier.model import Fact
from strategies import adversarial_text, document_dates, fewer_examples, production_pipeline

#: How mentions may be resolved (``Mention.resolution``).
RESOLUTIONS = {"alias", "title+name", "role", "metonym", "surname", "coref", "nil"}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return production_pipeline()


def check_fact(fact: Fact, clean: str, original: str) -> None:
    """The fact's offsets lie in the cleaned text and, through the map, in the original."""
    start, end = fact.start, fact.end  # type: ignore[attr-defined]
    assert 0 <= start < end <= len(clean), fact
    assert clean[start:end] == fact.text  # type: ignore[attr-defined]
    where = fact.provenance
    assert (where.start, where.end) == (start, end)
    assert 0 <= where.original_start < where.original_end <= len(original), fact
    assert original[where.original_start] == clean[start]
    assert original[where.original_end - 1] == clean[end - 1]
    assert where.sentence is None or where.sentence >= 0
    assert 0.0 <= where.confidence <= 1.0


@fewer_examples(25)
@given(adversarial_text(), document_dates())
def test_mentions_and_timexes_lie_in_the_text_and_map_back_to_the_original(
    nlp: Language, original: str, date: str | None
) -> None:
    cleaned = clean_text(original)
    doc = run_document(nlp, cleaned.text, date, offsets=cleaned.offsets)
    for mention in doc._.dossier_mentions:
        check_fact(mention, cleaned.text, original)
        assert mention.resolution in RESOLUTIONS, mention
        assert mention.actor, mention
    for timex in doc._.dossier_timexes:
        check_fact(timex, cleaned.text, original)


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31", "0000", "2011-13", "garbage", None])
def test_role_phrases_on_dates_at_and_past_the_calendar_ends(
    nlp: Language, date: str | None
) -> None:
    text = (
        "Russia's President met the Prime Minister in the Kremlin. The president said Moscow "
        "would act; his Kazakh counterpart, President Nazarbayev, agreed. Putin left next year."
    )
    doc = run_document(nlp, text, date)
    assert doc._.dossier_mentions
    for mention in doc._.dossier_mentions:
        check_fact(mention, text, text)
