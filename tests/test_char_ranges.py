"""The shared look-ups behind the annotate hot loops give what the plain scans gave.

``CharRanges`` answers "is this character inside any of these ranges?" by bisection, in place
of a scan of every range; ``token_indices`` finds the tokens with given words or tags from one
column read, in place of a loop that builds every token; a quotation that ends a document has no
frame after it; a fact's id is computed once. Each is checked against the computation it
replaced, on ranges and sentences of our own.
"""

from __future__ import annotations

import pickle
import random

import pytest
import spacy
from spacy.tokens import Doc

from dossier.extract.char_ranges import CharRanges
from dossier.extract.document import token_indices
from dossier.extract.quotes.frames import frame_after, tokens_after
from dossier.model import Mention, Provenance, make_fact_id


def _plain(ranges: list[tuple[int, int]], char: int) -> bool:
    return any(start <= char < end for start, end in ranges)


@pytest.mark.parametrize(
    "ranges",
    [
        [],
        [(5, 10)],
        [(5, 10), (10, 12)],  # touching: 10 is in the second only
        [(0, 100), (20, 30), (40, 45)],  # nested in a long one
        [(30, 40), (0, 5), (35, 60)],  # unsorted, overlapping
        [(8, 8), (9, 7)],  # empty ranges hold nothing
        [(3, 50), (4, 6), (10, 12)],  # a short range after a long one must not hide it
    ],
)
def test_char_ranges_hold_what_a_scan_finds(ranges: list[tuple[int, int]]) -> None:
    held = CharRanges(ranges)
    for char in range(-2, 110):
        assert (char in held) == _plain(ranges, char), (ranges, char)
    assert len(held) == len(ranges)


def test_char_ranges_agree_with_a_scan_on_random_ranges() -> None:
    rng = random.Random(11)
    for _ in range(200):
        ranges = []
        for _ in range(rng.randrange(0, 12)):
            start = rng.randrange(0, 300)
            ranges.append((start, start + rng.randrange(-3, 60)))
        held = CharRanges(ranges)
        for char in range(0, 370, 3):
            assert (char in held) == _plain(ranges, char)


def test_char_ranges_take_any_iterable_once() -> None:
    held = CharRanges((start, start + 2) for start in (10, 20))
    assert 11 in held and 21 in held and 12 not in held


#: English lexical attributes (a bare ``Vocab`` has no lower-case forms).
VOCAB = spacy.blank("en").vocab


def _tagged_doc() -> Doc:
    # "He said she would go, according to her aide, and his team agreed."
    words = [
        "He", "said", "she", "would", "go", ",", "according", "to", "her", "aide", ",",
        "and", "his", "team", "agreed", ".",
    ]  # fmt: skip
    pos = [
        "PRON", "VERB", "PRON", "AUX", "VERB", "PUNCT", "VERB", "ADP", "PRON", "NOUN", "PUNCT",
        "CCONJ", "PRON", "NOUN", "VERB", "PUNCT",
    ]  # fmt: skip
    return Doc(VOCAB, words=words, pos=pos)


def test_token_indices_are_the_tokens_a_loop_finds() -> None:
    doc = _tagged_doc()
    verbs = token_indices(doc, "POS", ("VERB", "AUX"))
    assert verbs == [t.i for t in doc if t.pos_ in ("VERB", "AUX")]
    assert [doc[i].text for i in verbs] == ["said", "would", "go", "according", "agreed"]
    pronouns = token_indices(doc, "LOWER", ("he", "she", "his", "her"))
    assert pronouns == [t.i for t in doc if t.lower_ in ("he", "she", "his", "her")]
    assert [doc[i].text for i in pronouns] == ["He", "she", "her", "his"]  # "He" by its lower
    assert token_indices(doc, "LOWER", ("according",)) == [6]


def test_token_indices_of_words_the_document_lacks_are_none() -> None:
    doc = _tagged_doc()
    assert token_indices(doc, "LOWER", ("unseenword", "zzzz")) == []
    assert token_indices(doc, "LOWER", ()) == []
    assert token_indices(Doc(VOCAB, words=[]), "LOWER", ("he",)) == []


def test_no_frame_after_a_quotation_that_ends_the_document() -> None:
    doc = Doc(VOCAB, words=["Putin", "said", ":", '"', "No", ".", '"'])
    assert frame_after(doc, len(doc)) == []
    assert frame_after(doc, len(doc) + 3) == []
    # Inside the document it still reads to the next mark.
    assert [t.text for t in frame_after(doc, 0)] == ["Putin", "said", ":"]


def test_a_facts_id_is_the_hash_of_where_it_is_computed_once() -> None:
    provenance = Provenance(
        doc_id="d1",
        start=4,
        end=9,
        original_start=4,
        original_end=9,
        sentence=0,
        extractor="dossier_linker",
        extractor_version="1",
    )
    mention = Mention(
        text="Putin", start=4, end=9, label="PERSON", actor="Vladimir Putin",
        actor_id="person:vladimir-putin", provenance=provenance,
    )  # fmt: skip
    expected = make_fact_id("d1", "mention", "dossier_linker", 4, 9, mention.fact_key())
    assert mention.fact_id == expected
    assert mention.fact_id is mention.fact_id  # kept, not hashed anew
    # The kept id neither changes equality nor is lost in a worker's pickle.
    again = pickle.loads(pickle.dumps(mention))
    assert again == mention and again.fact_id == expected
    assert hash(again) == hash(mention)


def test_tokens_after_is_the_first_token_at_or_after_a_character() -> None:
    nlp = spacy.blank("en")
    doc = nlp('Kuchma said:  "We  will sign."\n\n  Then he left.  ')
    text = doc.text

    def plain(char: int) -> int:
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        if span is not None:
            return span.start
        return next((t.i for t in doc if t.idx >= char), len(doc))

    for char in range(len(text) + 3):
        assert tokens_after(doc, char) == plain(char), (char, text[char : char + 1])
    assert tokens_after(doc, len(text)) == len(doc)
    assert tokens_after(nlp(""), 0) == 0
