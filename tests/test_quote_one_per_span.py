"""One quote per stretch of text: two cue frames that claim the same reported clause give
one quote, not two facts with the same id (which the store refuses, failing the document)."""

from __future__ import annotations

import pytest

from dossier.extract.document import prepare_doc
from quote_helpers import quotes_of


@pytest.mark.parametrize(
    "text",
    [
        # A verb of publishing and a verb of saying over one clause.
        "The embassy also posted a video on Twitter that it said showed the guards leaving "
        "the building.",
        # A speech verb and "according to" over one clause.
        "Petrov also told reporters, according to Interfax, that he planned to resign in March.",
    ],
)
def test_two_frames_over_one_clause_give_one_quote(nlp, text: str) -> None:
    quotes = quotes_of(nlp, text, "2019-11-05")
    ids = [quote.fact_id for quote in quotes]
    assert len(ids) == len(set(ids)), [(q.start, q.end, q.cue) for q in quotes]


def test_the_speech_verbs_subject_speaks_not_the_source_it_was_reported_by(nlp) -> None:
    text = "Petrov also told reporters, according to Interfax, that he planned to resign in March."
    quotes = [q for q in quotes_of(nlp, text, "2019-11-05") if "planned to resign" in q.text]
    assert len(quotes) == 1
    assert quotes[0].speaker == "Petrov"


def test_reported_speech_inside_any_quotation_is_skipped_whatever_the_spans_order(nlp) -> None:
    # The quotation test is a bisect over sorted spans with their running furthest end: spans
    # given out of order, nested or overlapping must still cover exactly what they cover.
    from dossier.extract.quotes.reported import reported_speech

    text = (
        "Ivanov said the talks had failed. Petrova said the border would stay open. "
        "Sidorov said the vote would be held in May."
    )
    doc = nlp(prepare_doc(nlp, text, date="2019-11-05"))
    second = (text.index("Petrova"), text.index(" Sidorov"))
    inner = (text.index("the border"), text.index("open") + 4)
    first = (0, text.index(" Petrova"))
    for quoted in ([second, inner], [inner, second], [second], [inner, first, second]):
        cues = {r.cue.text + "@" + str(r.cue.start) for r in reported_speech(doc, quoted)}
        expected = {
            f"said@{text.index(name) + len(name) + 1}"
            for name in ("Ivanov", "Sidorov")
            if not any(s <= text.index(name) + len(name) + 1 < e for s, e in quoted)
        }
        assert cues == expected, (quoted, cues)
